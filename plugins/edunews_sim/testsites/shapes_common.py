"""A zoo of office-site shapes nobody described to the crawler, each with its known truth.

Every site is built from one plan: where its articles live (URL scheme), how its news is
listed (a table of links, a blog view with intros, paged by limitstart / start / page /
paged / p / "older posts"), how one gets there from the home page (one click, a splash page
first, year folders), and the furniture real office sites carry: menus, a webboard and a
login, a calendar, PDF documents, photo albums (ภาพกิจกรรม: pictures and a caption, not
articles), external links, a "latest news" box of another section. Some sites speak
windows-874 and print Thai digits.

`ZOO` names every shape; `truth(served_url)` gives each article URL with its title and date.
The articles are real Thai news text from edunews_sim.articles.load_articles.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from email.utils import format_datetime
from html import escape

from edunews_sim.articles import Article, load_articles
from edunews_sim.server import Reply, Request
from edunews_sim.testsites.pages import FOOTER, thai_date

PER_PAGE = 4


@dataclass
class Plan:
    """How one site shape addresses and lists its articles."""

    article: Callable[[Article, str], str]  # (article, section) -> path and query
    listing: Callable[[str, int], str]  # (section, page number from 1) -> path and query
    sections: tuple[str, ...] = ("ข่าวประชาสัมพันธ์", "ข่าวกิจกรรม")
    style: str = "table"  # "table" of links, or "blog" (intros and "อ่านเพิ่มเติม")
    entry: str = "menu"  # "menu": home links the sections; "splash"; "latest": home lists
    charset: str = "utf-8"
    thai_digits: bool = False
    template: str = "joomla"  # article markup: "joomla", "wordpress", "plain"
    home: str = "/"
    extra: dict[str, Reply] = field(default_factory=dict)  # more targets (REST closed ...)
    paging_text: str = "number"  # "number" (1 2 3 ถัดไป) or "older" (บทความที่เก่ากว่า)
    no_news: bool = False
    feed: int = 0  # a feed of the newest N articles, linked from the home page (0: none)
    sitemap_of_pages: bool = False  # a sitemap.xml that lists only the menu pages
    oldest_first: bool = False  # listings sorted by id: the newest on the last page
    # Menu pages about the office kept as articles of the news' own address shape (Joomla
    # does this): long text, no date, linked from the menu only. Not articles.
    about_pages: tuple[str, ...] = ()
    latest_box: bool = True  # a "latest news" box on the home and article pages


NOISE_LINKS = (
    ("ข้อมูลหน่วยงาน", "/about.php"),
    ("เว็บบอร์ด", "/webboard/index.php?board=1"),
    ("เข้าสู่ระบบ", "/login.php"),
    ("ปฏิทินกิจกรรม", "/calendar.php?month=5&year=2567"),
    ("แผนปฏิบัติราชการ (PDF)", "/files/plan-2567.pdf"),
    ("ภาพกิจกรรม", "/gallery.php"),
    ("กระทรวงศึกษาธิการ", "https://www.moe.go.th/"),
)


class ZooSite:
    def __init__(self, plan: Plan, articles: list[Article]) -> None:
        self.plan = plan
        self.articles = sorted(articles, key=lambda a: a.published, reverse=True)
        self.sections: dict[str, list[Article]] = {s: [] for s in plan.sections}
        for article in self.articles:  # by id: the same article stays in its section
            self.sections[plan.sections[article.post_id % len(plan.sections)]].append(article)
        self.section_of = {a.post_id: s for s, items in self.sections.items() for a in items}
        self.pages: dict[str, Callable[[], Reply]] = {}
        self._route()

    # Truth -------------------------------------------------------------------------------
    def path_of(self, article: Article) -> str:
        return self.plan.article(article, self.section_of[article.post_id])

    def truth(self, base_url: str) -> dict[str, tuple[str, date]]:
        if self.plan.no_news:
            return {}
        root = base_url.rstrip("/")
        return {root + self.path_of(a): (a.title, a.published.date()) for a in self.articles}

    # Routing -----------------------------------------------------------------------------
    def _route(self) -> None:
        plan = self.plan
        entry = {"splash": self.splash, "frames": self.frameset}.get(plan.entry, self.home)
        self.pages["/"] = entry
        if plan.home != "/":
            self.pages[plan.home] = self.home
        self.pages["/about.php"] = lambda: self.reply(self.frame("ข้อมูลหน่วยงาน", _ABOUT))
        self.pages["/gallery.php"] = self.gallery
        for number, path in enumerate(self.plan.about_pages):
            self.pages[path] = lambda n=number: self.about(n)
        for album in range(1, 4):
            self.pages[f"/gallery.php?album={album}"] = lambda album=album: self.album(album)
        self.pages["/robots.txt"] = lambda: Reply(200, b"User-agent: *\nDisallow: /admin/\n")
        if plan.no_news:
            return
        for section, items in self.sections.items():
            pages = max(1, -(-len(items) // PER_PAGE))
            for number in range(1, pages + 1):
                target = plan.listing(section, number)
                self.pages[target] = lambda s=section, n=number: self.listing(s, n)
            for article in items:
                self.pages[self.path_of(article)] = lambda a=article: self.article(a)
        self.pages.update({k: (lambda r=r: r) for k, r in plan.extra.items()})

    def handle(self, request: Request) -> Reply:
        host = "http://" + request.headers.get("host", "127.0.0.1")
        if request.target == "/sitemap.xml" and self.plan.sitemap_of_pages:
            locs = "".join(
                f"<url><loc>{host}{path}</loc></url>" for path in ("/about.php", "/gallery.php")
            )
            return Reply.xml(
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
            )
        if request.target == "/feed/" and self.plan.feed:
            items = "".join(
                f"<item><title>{escape(a.title)}</title><link>{host}{escape(self.path_of(a))}"
                f"</link><pubDate>{format_datetime(a.published)}</pubDate></item>"
                for a in self.articles[: self.plan.feed]
            )
            xml = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
            return Reply(200, xml.encode(), {"Content-Type": "application/rss+xml"})
        page = self.pages.get(request.target)
        return page() if page else Reply.not_found()

    def reply(self, html: str) -> Reply:
        if self.plan.charset == "utf-8":
            return Reply.html(html)
        # Legacy sites: windows-874 declared in a meta tag only, references for the rest.
        body = html.encode("cp874", errors="xmlcharrefreplace")
        return Reply(200, body, {"Content-Type": "text/html"})

    # Pages -------------------------------------------------------------------------------
    def date_line(self, article: Article) -> str:
        return thai_date(article, as_thai_digits=self.plan.thai_digits)

    def menu(self) -> str:
        links = [("หน้าแรก", self.plan.home)]
        if not self.plan.no_news:
            links += [(s, self.plan.listing(s, 1)) for s in self.plan.sections]
        links += [(f"เกี่ยวกับหน่วยงาน {i + 1}", u) for i, u in enumerate(self.plan.about_pages)]
        links += list(NOISE_LINKS)
        items = "".join(f'<li><a href="{escape(u)}">{escape(t)}</a></li>' for t, u in links)
        return f'<div id="mainmenu" class="moduletable_menu"><ul class="menu">{items}</ul></div>'

    def frame(self, title: str, main: str, aside: str = "") -> str:
        meta = ""
        if self.plan.charset != "utf-8":
            meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-874">'
        if self.plan.feed:
            meta += '<link rel="alternate" type="application/rss+xml" href="/feed/">'
        return (
            f"<html><head>{meta}<title>{escape(title)} - สพป.สวนสัตว์ เขต 1</title></head><body>"
            f'<div id="header"><img src="/images/banner.jpg" alt="{_SITE_NAME}"></div>'
            f"{self.menu()}<div id='main'>{main}</div>"
            f"<div id='right' class='sidebar'>{aside}{self.calendar()}</div>"
            f"<div id='footer'>{FOOTER} <a href='https://www.obec.go.th/'>สพฐ.</a></div>"
            "</body></html>"
        )

    def calendar(self) -> str:
        days = "".join(f'<a href="/calendar.php?day={d}&month=5">{d}</a> ' for d in range(1, 8))
        return f'<div class="calendar"><h3>ปฏิทิน</h3>{days}</div>'

    def latest(self, exclude: Article | None = None, section: str | None = None) -> str:
        """A box of the newest news of another section, each with its own date."""
        if self.plan.no_news or not self.plan.latest_box:
            return ""
        others = [
            a
            for a in self.articles
            if a is not exclude and (section is None or self.section_of[a.post_id] != section)
        ][:4]
        items = "".join(
            f'<li><a href="{escape(self.path_of(a))}">{escape(a.title)}</a> '
            f'<span class="date">{self.date_line(a)}</span></li>'
            for a in others
        )
        return f'<div class="moduletable_latest"><h3>ข่าวล่าสุด</h3><ul>{items}</ul></div>'

    def splash(self) -> Reply:
        return self.reply(
            "<html><head><title>ยินดีต้อนรับ</title></head><body><center>"
            '<img src="/images/intro.jpg" alt="intro"><br>'
            f'<a href="{escape(self.plan.home)}"><img src="/images/enter.gif" alt="">'
            "เข้าสู่เว็บไซต์</a></center></body></html>"
        )

    def frameset(self) -> Reply:
        """The home page of many old office sites: a banner frame and a content frame."""
        return self.reply(
            "<html><head><title>สพป.สวนสัตว์ เขต 1</title></head>"
            '<frameset rows="120,*"><frame src="/banner.html" name="top">'
            f'<frame src="{escape(self.plan.home)}" name="main"></frameset></html>'
        )

    def home(self) -> Reply:
        if self.plan.no_news:
            main = _WELCOME + '<p><a href="/files/report.pdf">รายงานประจำปี</a></p>'
            return self.reply(self.frame("หน้าแรก", main))
        if self.plan.entry == "latest":
            section = self.plan.sections[0]
            main = self.listing_html(section, 1, own_paging=False)
            more = f'<a href="{escape(self.plan.listing(section, 1))}">ดูทั้งหมด</a>'
            return self.reply(self.frame("หน้าแรก", _WELCOME + main + more))
        boxes = "".join(
            f'<div class="newsbox"><h3><a href="{escape(self.plan.listing(s, 1))}">'
            f"{escape(s)}</a></h3></div>"
            for s in self.plan.sections
        )
        return self.reply(self.frame("หน้าแรก", _WELCOME + boxes, self.latest()))

    def listing(self, section: str, number: int) -> Reply:
        return self.reply(self.frame(section, self.listing_html(section, number)))

    def listing_html(self, section: str, number: int, own_paging: bool = True) -> str:
        items = self.sections[section]
        if self.plan.oldest_first:
            items = items[::-1]
        chunk = items[(number - 1) * PER_PAGE : number * PER_PAGE]
        if self.plan.style == "blog":
            rows = "".join(
                f'<div class="items-row"><div class="item"><h2 class="item-title">'
                f'<a href="{escape(self.path_of(a))}">{escape(a.title)}</a></h2>'
                f'<dl class="article-info"><dd class="published">{self.date_line(a)}</dd></dl>'
                f"<p>{escape(a.paragraphs[0][:400])}</p>"
                f'<p class="readmore"><a href="{escape(self.path_of(a))}">อ่านเพิ่มเติม</a></p>'
                "</div></div>"
                for a in chunk
            )
            body = f'<div class="blog"><h1>{escape(section)}</h1>{rows}</div>'
        else:
            rows = "".join(
                f'<tr><td><a href="{escape(self.path_of(a))}">{escape(a.title)}</a></td>'
                f"<td>{self.date_line(a)}</td><td>อ่าน 25 ครั้ง</td></tr>"
                for a in chunk
            )
            body = f'<h1>{escape(section)}</h1><table class="category">{rows}</table>'
        if own_paging:
            body += self.paging(section, number, len(items))
        return body

    def paging(self, section: str, number: int, total: int) -> str:
        pages = max(1, -(-total // PER_PAGE))
        if pages == 1:
            return ""
        if self.plan.paging_text == "older":
            if number == pages:
                return ""
            target = escape(self.plan.listing(section, number + 1))
            return (
                '<div class="blog-pager"><a class="blog-pager-older-link" '
                f'href="{target}">บทความที่เก่ากว่า</a></div>'
            )
        links = " ".join(
            f'<a href="{escape(self.plan.listing(section, n))}">{n}</a>' if n != number else str(n)
            for n in range(1, pages + 1)
        )
        if number < pages:
            links += f' <a href="{escape(self.plan.listing(section, number + 1))}">ถัดไป</a>'
        return f'<div class="pagination">{links}</div>'

    def article(self, article: Article) -> Reply:
        section = self.section_of[article.post_id]
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
        pdf = '<p><a href="/files/order-12.pdf">คำสั่งที่เกี่ยวข้อง (PDF)</a></p>'
        if self.plan.template == "wordpress":
            main = (
                f'<article class="post type-post"><h1 class="entry-title">{escape(article.title)}'
                f'</h1><div class="entry-meta"><span class="posted-on">{self.date_line(article)}'
                f'</span></div><div class="entry-content">{paragraphs}{pdf}</div></article>'
            )
        elif self.plan.template == "plain":
            main = (
                f'<table width="100%"><tr><td class="topic"><b>{escape(article.title)}</b>'
                f"</td></tr><tr><td><font size='2'>{self.date_line(article)}</font></td></tr>"
                f'<tr><td class="detail">{paragraphs}{pdf}</td></tr></table>'
            )
        else:
            main = (
                '<div class="item-page"><div class="page-header">'
                f'<h2 itemprop="headline">{escape(article.title)}</h2></div>'
                '<dl class="article-info"><dd class="published">'
                f"เผยแพร่เมื่อ: {self.date_line(article)}</dd><dd class='hits'>ฮิต: 77</dd></dl>"
                f'<div itemprop="articleBody">{paragraphs}{pdf}</div></div>'
            )
        return self.reply(self.frame(article.title, main, self.latest(article, section)))

    def about(self, number: int) -> Reply:
        title = ("ประวัติความเป็นมาของหน่วยงาน", "วิสัยทัศน์ พันธกิจ และเป้าประสงค์")[number % 2]
        main = (
            '<div class="item-page"><div class="page-header">'
            f'<h2 itemprop="headline">{title}</h2></div>'
            f'<div itemprop="articleBody">{_ABOUT}{_ABOUT}</div></div>'
        )
        return self.reply(self.frame(title, main))

    def gallery(self) -> Reply:
        albums = "".join(
            f'<li><a href="/gallery.php?album={n}">อัลบั้มภาพกิจกรรมการประชุมครูครั้งที่ {n}</a></li>'
            for n in range(1, 4)
        )
        return self.reply(self.frame("ภาพกิจกรรม", f"<h1>ภาพกิจกรรม</h1><ul>{albums}</ul>"))

    def album(self, number: int) -> Reply:
        pictures = "".join(f'<img src="/images/album{number}/{i}.jpg">' for i in range(12))
        main = (
            f"<h2>อัลบั้มภาพกิจกรรมการประชุมครูครั้งที่ {number}</h2>"
            f'<p class="date">วันที่ {number} พฤษภาคม 2567</p>{pictures}<p>ภาพโดย ประชาสัมพันธ์</p>'
        )
        return self.reply(self.frame(f"อัลบั้มที่ {number}", main))


_SITE_NAME = "สำนักงานเขตพื้นที่การศึกษาสวนสัตว์ เขต 1"
_WELCOME = "<p>ยินดีต้อนรับสู่เว็บไซต์สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสวนสัตว์ เขต 1</p>"
_ABOUT = (
    "<h2>ประวัติหน่วยงาน</h2><p>สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสวนสัตว์ เขต 1 "
    "ตั้งขึ้นตามพระราชบัญญัติการศึกษาแห่งชาติ มีหน้าที่ส่งเสริมและสนับสนุนการจัดการศึกษา "
    "ในเขตพื้นที่ ดูแลโรงเรียนในสังกัดจำนวนหนึ่งร้อยยี่สิบแห่ง ครอบคลุมสามอำเภอ "
    "มีวิสัยทัศน์มุ่งพัฒนาคุณภาพการศึกษาให้ผู้เรียนมีความรู้คู่คุณธรรม</p>"
)

# The shapes ------------------------------------------------------------------------------

_CAT = {"ข่าวประชาสัมพันธ์": 9, "ข่าวกิจกรรม": 12}
_SLUG = {"ข่าวประชาสัมพันธ์": "news", "ข่าวกิจกรรม": "activities"}


def _joomla15(article: Article, section: str) -> str:
    return (
        f"/index.php?option=com_content&view=article&id={article.post_id}:{article.slug}"
        f"&catid={_CAT[section]}&Itemid=5{_CAT[section]}"
    )


def _joomla15_listing(section: str, number: int) -> str:
    start = f"&limitstart={(number - 1) * PER_PAGE}" if number > 1 else ""
    return f"/index.php?option=com_content&view=category&id={_CAT[section]}&Itemid=5{_CAT[section]}{start}"  # noqa: E501


def _joomla3_blog(section: str, number: int) -> str:
    start = f"&start={(number - 1) * PER_PAGE}" if number > 1 else ""
    return (
        f"/index.php?option=com_content&view=category&layout=blog&id={_CAT[section]}"
        f"&Itemid=10{_CAT[section]}{start}"
    )


def _joomla3(article: Article, section: str) -> str:
    return (
        f"/index.php?option=com_content&view=article&id={article.post_id}"
        f"&catid={_CAT[section]}&Itemid=10{_CAT[section]}"
    )


def _sef15(article: Article, section: str) -> str:
    return f"/index.php/{_SLUG[section]}/{article.post_id}-{article.slug}.html"


def _sef15_listing(section: str, number: int) -> str:
    start = f"?limitstart={(number - 1) * PER_PAGE}" if number > 1 else ""
    return f"/index.php/{_SLUG[section]}.html{start}"


def _sef3(article: Article, section: str) -> str:
    return f"/index.php/{_SLUG[section]}/{article.post_id}-{article.slug}"


def _sef3_listing(section: str, number: int) -> str:
    start = f"?start={(number - 1) * PER_PAGE}" if number > 1 else ""
    return f"/index.php/{_SLUG[section]}{start}"


def _wordpress(article: Article, section: str) -> str:
    return f"/{article.published:%Y/%m/%d}/{article.slug}/"


def _wordpress_listing(section: str, number: int) -> str:
    page = f"page/{number}/" if number > 1 else ""
    return f"/category/{_SLUG[section]}/{page}"


def _yearly(article: Article, section: str) -> str:
    return f"/{section.split()[-1]}/?p={article.post_id}"


def _yearly_listing(section: str, number: int) -> str:
    return f"/{section.split()[-1]}/?cat=3" + (f"&paged={number}" if number > 1 else "")


def _php(article: Article, section: str) -> str:
    return f"/news.php?id={article.post_id}"


def _php_listing(section: str, number: int) -> str:
    return f"/news.php?type={_CAT[section]}&page={number}"


def _blogger(article: Article, section: str) -> str:
    return f"/{article.published:%Y/%m}/{article.slug}.html"


def _blogger_listing(section: str, number: int) -> str:
    if number == 1:
        return "/"
    return f"/search?updated-max=2567-{number:02d}-01T10:00:00%2B07:00&max-results={PER_PAGE}"


def _table(article: Article, section: str) -> str:
    return f"/content/detail.php?nid={article.post_id}"


def _table_listing(section: str, number: int) -> str:
    return f"/content/list.php?cid={_CAT[section]}" + (f"&p={number}" if number > 1 else "")


def _closed_rest() -> dict[str, Reply]:
    body = json.dumps({"code": "rest_forbidden", "data": {"status": 403}}).encode()
    closed = Reply(403, body, {"Content-Type": "application/json"})
    return {"/wp-json/wp/v2/posts": closed, "/?rest_route=/wp/v2/posts": closed}


ZOO: dict[str, Callable[[], Plan]] = {
    "joomla15": lambda: Plan(
        _joomla15,
        _joomla15_listing,
        charset="windows-874",
        thai_digits=True,
        about_pages=(
            "/index.php?option=com_content&view=article&id=901:history&catid=1&Itemid=2",
            "/index.php?option=com_content&view=article&id=902:vision&catid=1&Itemid=3",
        ),
    ),
    "joomla15-sef": lambda: Plan(_sef15, _sef15_listing, charset="windows-874"),
    "joomla3-blog": lambda: Plan(
        _joomla3,
        _joomla3_blog,
        style="blog",
        thai_digits=True,
        about_pages=("/index.php?option=com_content&view=article&id=903&Itemid=4",),
    ),
    "joomla3-sef-blog": lambda: Plan(_sef3, _sef3_listing, style="blog"),
    "wordpress-closed": lambda: Plan(
        _wordpress, _wordpress_listing, template="wordpress", extra=_closed_rest()
    ),
    "wordpress-yearly": lambda: Plan(
        _yearly,
        _yearly_listing,
        sections=("ข่าว ปี 2563", "ข่าว ปี 2567"),
        template="wordpress",
    ),
    "php-news": lambda: Plan(
        _php, _php_listing, template="plain", charset="windows-874", thai_digits=True
    ),
    "blogger": lambda: Plan(
        _blogger,
        _blogger_listing,
        sections=("ข่าวประชาสัมพันธ์",),
        style="blog",
        entry="latest",
        template="wordpress",
        paging_text="older",
        home="/",
    ),
    "table-of-links": lambda: Plan(_table, _table_listing, template="plain", thai_digits=True),
    "splash": lambda: Plan(_php, _php_listing, template="plain", entry="splash", home="/main.php"),
    "frames": lambda: Plan(
        _sef3, _sef3_listing, entry="frames", home="/index.php", charset="windows-874"
    ),
    "sitemap-of-pages": lambda: Plan(_table, _table_listing, sitemap_of_pages=True),
    "wordpress-feed-only-newest": lambda: Plan(
        _wordpress, _wordpress_listing, template="wordpress", extra=_closed_rest(), feed=3
    ),
    "oldest-first": lambda: Plan(
        _table, _table_listing, template="plain", oldest_first=True, latest_box=False
    ),
    "no-news": lambda: Plan(_php, _php_listing, no_news=True),
}


def build(name: str, count: int = 14, offset: int = 0, oldest: int | None = None) -> ZooSite:
    """The shape `name` with `count` articles; `oldest`: only that many of the oldest (the
    site as it was before the newest were posted)."""
    articles = sorted(load_articles(count, offset=offset), key=lambda a: a.published)
    return ZooSite(ZOO[name](), articles[:oldest] if oldest is not None else articles)
