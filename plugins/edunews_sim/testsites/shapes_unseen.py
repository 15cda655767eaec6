"""More office-site shapes nobody described to the crawler, written to red-team `auto`.

Unlike shapes_common's sites, which share one page template and differ in addresses, each shape
here is its own web application with its own markup, as Thai school and office sites are:
a PHP Maxsite portal (index.php?name=news&file=readnews&id=N), an ASP.NET site
(NewsDetail.aspx?ID=N, relative GridView pager links, ViewState), Drupal (/node/N with the
office's about pages as nodes too, 0-based ?page=), news in sub-folders (/web/news/,
/pr/) beside a download section of the same address shape, Bootstrap cards whose only
text links are "อ่านต่อ" (the title is an <h4>), news only inside same-host iframes, a
WordPress with Thai percent-encoded post-name permalinks and REST and feed closed, and an
English Joomla 4 (menus "News", "Activities", a next-page link with an icon only).

Each carries furniture that looks like news: latest boxes with other dates, calendars,
galleries, PDF documents, webboards, external links. `ZOO2` names the shapes;
`build(name)` gives a site whose `truth(served_url)` maps article URLs to title and date.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import date
from html import escape
from urllib.parse import quote, unquote

from edunews.thai_calendar import be_year
from edunews.thai_calendar import format_date as long_thai_date
from edunews_sim.articles import Article, load_articles
from edunews_sim.demosite.thaitext import DateStyle, format_date, thai_digits
from edunews_sim.server import Reply, Request
from edunews_sim.testsites.pages import thai_date

PER_PAGE = 4
_SHORT = DateStyle(month="abbr")  # "3 ก.ย. 2563"
SECTIONS = ("ข่าวประชาสัมพันธ์", "ข่าวกิจกรรม")
_EN_MONTHS = "January February March April May June July August September October November December"
_ABOUT = (
    "<p>โรงเรียนบ้านหนองสวนสัตว์ สังกัดสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสวนสัตว์ เขต 2 "
    "ก่อตั้งเมื่อปี พ.ศ. 2478 โดยความร่วมมือของชาวบ้านและวัดในชุมชน ปัจจุบันเปิดสอนตั้งแต่"
    "ชั้นอนุบาลปีที่ 1 ถึงชั้นมัธยมศึกษาปีที่ 3 มีนักเรียนจำนวนสามร้อยสี่สิบคน ครูและบุคลากร"
    "ทางการศึกษายี่สิบสองคน มีวิสัยทัศน์มุ่งพัฒนาผู้เรียนให้มีความรู้คู่คุณธรรม รักษ์ท้องถิ่น "
    "และก้าวทันเทคโนโลยี ภายใต้การมีส่วนร่วมของชุมชน</p>"
)
_SCHOOL = "โรงเรียนบ้านหนองสวนสัตว์"
_EXTERNAL = (
    '<ul class="links"><li><a href="https://www.obec.go.th/">สพฐ.</a></li>'
    '<li><a href="https://www.moe.go.th/">กระทรวงศึกษาธิการ</a></li>'
    '<li><a href="https://www.facebook.com/school">Facebook โรงเรียน</a></li></ul>'
)


def short_date(day: date, digits: bool = False) -> str:
    text = format_date(day, _SHORT)
    return thai_digits(text) if digits else text


class Office:
    """One site: its sections' listings and articles, plus the furniture around them."""

    charset = "utf-8"
    menu_labels: tuple[str, ...] = SECTIONS
    home_path = "/"

    def __init__(self, articles: list[Article]) -> None:
        self.articles = sorted(articles, key=lambda a: a.published, reverse=True)
        self.sections: dict[str, list[Article]] = {s: [] for s in SECTIONS}
        for article in self.articles:
            self.sections[SECTIONS[article.post_id % len(SECTIONS)]].append(article)
        self.section_of = {a.post_id: s for s, items in self.sections.items() for a in items}
        self.pages: dict[str, Callable[[], Reply]] = {}
        for section, items in self.sections.items():
            for number in range(1, self.page_count(section) + 1):
                self.pages[self.listing(section, number)] = lambda s=section, n=number: self.reply(
                    self.listing_page(s, n)
                )
            for article in items:
                self.pages[self.path_of(article)] = lambda a=article: self.reply(
                    self.article_page(a)
                )
        self.pages[self.home_path] = lambda: self.reply(self.home_page())
        self.pages["/robots.txt"] = lambda: Reply(200, b"User-agent: *\nDisallow: /admin/\n")
        self.more_pages()

    # What each shape says -------------------------------------------------------------------
    def article_path(self, article: Article, section: str) -> str:
        raise NotImplementedError

    def listing(self, section: str, number: int) -> str:
        raise NotImplementedError

    def listing_page(self, section: str, number: int) -> str:
        raise NotImplementedError

    def article_page(self, article: Article) -> str:
        raise NotImplementedError

    def home_page(self) -> str:
        raise NotImplementedError

    def more_pages(self) -> None:
        """Furniture targets: about pages, albums, downloads."""

    # Shared --------------------------------------------------------------------------------
    def path_of(self, article: Article) -> str:
        return self.article_path(article, self.section_of[article.post_id])

    def truth(self, base_url: str) -> dict[str, tuple[str, date]]:
        root = base_url.rstrip("/")
        return {root + self.path_of(a): (a.title, a.published.date()) for a in self.articles}

    def page_count(self, section: str) -> int:
        return max(1, -(-len(self.sections[section]) // PER_PAGE))

    def chunk(self, section: str, number: int) -> list[Article]:
        return self.sections[section][(number - 1) * PER_PAGE : number * PER_PAGE]

    def handle(self, request: Request) -> Reply:
        # Servers decode the path: %E0%B8 and %e0%b8 are one address.
        pages = {unquote(target): page for target, page in self.pages.items()}
        page = pages.get(unquote(request.target))
        return page() if page else Reply.not_found()

    def reply(self, html: str) -> Reply:
        if self.charset == "utf-8":
            return Reply.html(html)
        body = html.encode("cp874", errors="xmlcharrefreplace")
        return Reply(200, body, {"Content-Type": "text/html"})

    def others(self, article: Article | None = None) -> list[Article]:
        return [a for a in self.articles if a is not article][:5]

    def body(self, article: Article) -> str:
        return "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)

    def calendar(self) -> str:
        days = "".join(f'<a href="/calendar.php?d={d}&m=5&y=2567">{d}</a> ' for d in range(1, 10))
        return f'<div class="calendar"><b>ปฏิทินกิจกรรม</b><br>{days}</div>'


# 1. Maxsite ------------------------------------------------------------------------------


class Maxsite(Office):
    """The Thai PHP school portal: every module behind index.php?name=...&file=..."""

    charset = "windows-874"
    _CAT = {SECTIONS[0]: 1, SECTIONS[1]: 2}

    def article_path(self, article: Article, section: str) -> str:
        return f"/index.php?name=news&file=readnews&id={article.post_id}"

    def listing(self, section: str, number: int) -> str:
        paged = f"&page={number}" if number > 1 else ""
        return f"/index.php?name=news&file=list&category={self._CAT[section]}{paged}"

    def more_pages(self) -> None:
        self.pages["/"] = lambda: Reply.redirect("/index.php")
        self.home_path = "/index.php"
        self.pages["/index.php"] = lambda: self.reply(self.home_page())
        self.pages["/index.php?name=page&file=page&op=history"] = lambda: self.reply(
            self.frame("ประวัติโรงเรียน", f"<h3>ประวัติโรงเรียน</h3>{_ABOUT}{_ABOUT}")
        )
        for n in range(1, 4):  # webboard topics: the same module-and-id address as news
            self.pages[f"/index.php?name=webboard&file=read&id={n}"] = lambda n=n: self.reply(
                self.frame(
                    "เว็บบอร์ด",
                    f"<b>กระทู้: สอบถามเรื่องการรับสมัครนักเรียน {n}</b><br>"
                    f"โดย ผู้ปกครอง เมื่อ {short_date(self.articles[0].published, True)}"
                    "<p>อยากทราบกำหนดการรับสมัครนักเรียนชั้นอนุบาลครับ</p>",
                )
            )

    def frame(self, title: str, main: str) -> str:
        menu = [("หน้าแรก", "index.php")]
        menu += [(s, self.listing(s, 1).lstrip("/")) for s in SECTIONS]
        menu += [
            ("ประวัติโรงเรียน", "index.php?name=page&file=page&op=history"),
            ("เว็บบอร์ด", "index.php?name=webboard&file=read&id=1"),
            ("ดาวน์โหลด", "index.php?name=download&file=index"),
            ("ภาพกิจกรรม", "index.php?name=gallery&file=index"),
        ]
        items = "".join(
            f'<tr><td><img src="images/menu/arrow.gif"> <a href="{escape(u)}">{escape(t)}</a>'
            "</td></tr>"
            for t, u in menu
        )
        latest = "".join(
            f'<img src="images/icon/new.gif"> <a href="{escape(self.path_of(a).lstrip("/"))}">'
            f"{escape(a.title[:60])}</a> [{short_date(a.published, True)}]<br>"
            for a in self.others()
        )
        return (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874">'
            f"<title>{_SCHOOL} :: {escape(title)}</title></head><body>"
            '<table width="950" align="center"><tr><td colspan="3">'
            '<img src="templates/school/images/header.jpg"></td></tr><tr>'
            f'<td width="180" valign="top"><table>{items}</table>{self.calendar()}</td>'
            f'<td valign="top">{main}</td>'
            f'<td width="200" valign="top"><b>ข่าวล่าสุด</b><br>{latest}{_EXTERNAL}</td></tr>'
            '<tr><td colspan="3" align="center">Powered by Maxsite 1.10</td></tr></table>'
            "</body></html>"
        )

    def home_page(self) -> str:
        boxes = ""
        for section in SECTIONS:
            rows = "".join(
                f'<li><a href="{escape(self.path_of(a).lstrip("/"))}">{escape(a.title)}</a> '
                f"({short_date(a.published, True)})</li>"
                for a in self.sections[section][:3]
            )
            more = escape(self.listing(section, 1).lstrip("/"))
            boxes += (
                f"<b>{escape(section)}</b><ul>{rows}</ul>"
                f'<div align="right"><a href="{more}">อ่านทั้งหมด &gt;&gt;</a></div>'
            )
        return self.frame("หน้าแรก", f"<p>ยินดีต้อนรับสู่เว็บไซต์{_SCHOOL}</p>{boxes}")

    def listing_page(self, section: str, number: int) -> str:
        rows = "".join(
            f'<tr><td><img src="images/icon/news.gif"></td><td><a href="'
            f'{escape(self.path_of(a).lstrip("/"))}">{escape(a.title)}</a><br>'
            f'<font color="#999999">[ {short_date(a.published, True)} ]</font></td></tr>'
            for a in self.chunk(section, number)
        )
        pages = " ".join(
            f'<a href="{escape(self.listing(section, n).lstrip("/"))}">[{n}]</a>'
            if n != number
            else f"<b>[{n}]</b>"
            for n in range(1, self.page_count(section) + 1)
        )
        return self.frame(
            section, f"<b>{escape(section)}</b><table>{rows}</table><p>หน้า {pages}</p>"
        )

    def article_page(self, article: Article) -> str:
        main = (
            f'<table width="100%"><tr><td><b><font size="3" color="#cc0000">'
            f"{escape(article.title)}</font></b></td></tr>"
            f"<tr><td><font size='1'>โดย admin เมื่อ "
            f"{thai_date(article, as_thai_digits=True)} อ่าน ๑๒๓ ครั้ง</font></td></tr>"
            f"<tr><td>{self.body(article)}"
            '<a href="data/news/doc12.pdf">เอกสารแนบ</a></td></tr></table>'
        )
        return self.frame(article.title, main)


# 2. ASP.NET ------------------------------------------------------------------------------


class AspNet(Office):
    """A government ASP.NET site: *.aspx?ID=N, dd/mm/BE dates, relative pager links."""

    home_path = "/Default.aspx"
    _CAT = {SECTIONS[0]: 3, SECTIONS[1]: 7}

    def article_path(self, article: Article, section: str) -> str:
        return f"/NewsDetail.aspx?ID={article.post_id}"

    def listing(self, section: str, number: int) -> str:
        return f"/News.aspx?CatID={self._CAT[section]}" + (f"&page={number}" if number > 1 else "")

    def more_pages(self) -> None:
        self.pages["/"] = lambda: Reply.redirect("/Default.aspx")
        self.pages["/Gallery.aspx"] = lambda: self.reply(
            self.frame(
                "ภาพกิจกรรม",
                "".join(
                    f'<a href="GalleryDetail.aspx?ID={n}"><img src="upload/g{n}.jpg">'
                    f"อัลบั้มกิจกรรมวันไหว้ครู {n}</a><br>"
                    for n in range(1, 4)
                ),
            )
        )
        for n in range(1, 4):  # albums: the same *Detail.aspx?ID= shape as the news
            self.pages[f"/GalleryDetail.aspx?ID={n}"] = lambda n=n: self.reply(
                self.frame(
                    "ภาพกิจกรรม",
                    f'<span class="topic">อัลบั้มกิจกรรมวันไหว้ครู {n}</span><br>'
                    f"<span>วันที่ 1{n}/06/2567</span><br>"
                    + "".join(f'<img src="upload/g{n}/{i}.jpg">' for i in range(10)),
                )
            )
        self.pages["/Download.aspx"] = lambda: self.reply(
            self.frame("ดาวน์โหลด", '<a href="upload/docs/plan2567.pdf">แผนปฏิบัติการ 2567</a>')
        )

    def frame(self, title: str, main: str) -> str:
        menu = [("หน้าหลัก", "Default.aspx")]
        menu += [(s, self.listing(s, 1).lstrip("/")) for s in SECTIONS]
        menu += [
            ("เกี่ยวกับเรา", "javascript:__doPostBack('ctl00$mnuMain','about')"),
            ("ภาพกิจกรรม", "Gallery.aspx"),
            ("ดาวน์โหลด", "Download.aspx"),
            ("ติดต่อเรา", "javascript:__doPostBack('ctl00$mnuMain','contact')"),
        ]
        items = "".join(
            f'<li><a class="level1" href="{escape(u)}">{escape(t)}</a></li>' for t, u in menu
        )
        latest = "".join(
            f'<tr><td><a href="NewsDetail.aspx?ID={a.post_id}">{escape(a.title[:70])}</a></td>'
            f"<td>{a.published:%d/%m}/{be_year(a.published.year)}</td></tr>"
            for a in self.others()
        )
        return (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">'
            f"<html><head><title>{escape(title)} | สำนักงานศึกษาธิการจังหวัดสวนสัตว์</title></head>"
            '<body><form method="post" action="./Default.aspx" id="aspnetForm">'
            '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="'
            + "/wEPDwUKMTY3NzE5MjIwOQ9kFgJmD2QWAgIDD2QWAgIBDxYCHgRUZXh0BQ"
            * 20
            + '"><div id="ctl00_pnlHeader"><img src="images/banner.png"></div>'
            f'<div id="ctl00_mnuMain"><ul class="level1">{items}</ul></div>'
            f'<div id="ctl00_ContentPlaceHolder1_pnlMain">{main}</div>'
            '<div id="ctl00_pnlRight"><span class="head">ข่าวล่าสุด</span>'
            f"<table>{latest}</table>{self.calendar()}{_EXTERNAL}</div>"
            '<div id="ctl00_pnlFooter">สำนักงานศึกษาธิการจังหวัดสวนสัตว์ โทร. 0 7421 1234</div>'
            "</form></body></html>"
        )

    def home_page(self) -> str:
        return self.frame(
            "หน้าหลัก", '<span class="welcome">ยินดีต้อนรับ</span><img src="images/slide1.jpg">'
        )

    def listing_page(self, section: str, number: int) -> str:
        rows = "".join(
            f"<tr><td>{a.published:%d/%m}/{be_year(a.published.year)}</td>"
            f'<td><a id="ctl00_ContentPlaceHolder1_gvNews_ctl0{i}_hlTopic" '
            f'href="NewsDetail.aspx?ID={a.post_id}">{escape(a.title)}</a></td><td>125</td></tr>'
            for i, a in enumerate(self.chunk(section, number), start=2)
        )
        pager = "".join(
            f'<td><a href="{escape(self.listing(section, n).lstrip("/"))}">{n}</a></td>'
            if n != number
            else f"<td><span>{n}</span></td>"
            for n in range(1, self.page_count(section) + 1)
        )
        table = (
            '<table id="ctl00_ContentPlaceHolder1_gvNews" class="grid"><tr><th>วันที่</th>'
            f"<th>หัวข้อข่าว</th><th>อ่าน</th></tr>{rows}"
            f'<tr class="pager"><td colspan="3"><table><tr>{pager}</tr></table></td></tr></table>'
        )
        return self.frame(section, f"<h2>{escape(section)}</h2>{table}")

    def article_page(self, article: Article) -> str:
        day = article.published
        main = (
            '<span id="ctl00_ContentPlaceHolder1_lblTopic" class="topic">'
            f"{escape(article.title)}</span><br>"
            f'<span id="ctl00_ContentPlaceHolder1_lblDate">วันที่ {day:%d/%m}/{be_year(day.year)}'
            '</span> <span id="ctl00_ContentPlaceHolder1_lblView">เปิดอ่าน 89 ครั้ง</span>'
            f'<div id="ctl00_ContentPlaceHolder1_pnlDetail">{self.body(article)}</div>'
            '<a href="upload/news/file12.pdf">ไฟล์แนบ</a>'
        )
        return self.frame(article.title, main)


# 3. Drupal -------------------------------------------------------------------------------


class Drupal(Office):
    """Drupal 7: /node/N for news and for the office's own pages alike, ?page= from 0."""

    _LIST = {SECTIONS[0]: "/news", SECTIONS[1]: "/taxonomy/term/4"}
    _PAGES = {"/node/1": "ประวัติโรงเรียน", "/node/2": "วิสัยทัศน์ พันธกิจ"}

    def article_path(self, article: Article, section: str) -> str:
        return f"/node/{article.post_id + 100}"

    def listing(self, section: str, number: int) -> str:
        return self._LIST[section] + (f"?page={number - 1}" if number > 1 else "")

    def more_pages(self) -> None:
        for path, title in self._PAGES.items():  # long, undated: pages, not news
            self.pages[path] = lambda title=title: self.reply(
                self.frame(
                    title, f'<div class="node node-page"><div class="content">{_ABOUT * 3}</div>'
                )
            )

    def frame(self, title: str, main: str) -> str:
        menu = [("หน้าแรก", "/"), *((s, self._LIST[s]) for s in SECTIONS)]
        menu += [(t, p) for p, t in self._PAGES.items()]
        menu += [("ติดต่อเรา", "/contact"), ("เข้าสู่ระบบ", "/user/login")]
        items = "".join(
            f'<li class="leaf"><a href="{escape(u)}">{escape(t)}</a></li>' for t, u in menu
        )
        recent = "".join(
            f'<li><a href="{escape(self.path_of(a))}">{escape(a.title)}</a></li>'
            for a in self.others()
        )
        return (
            '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">'
            '<meta name="Generator" content="Drupal 7 (http://drupal.org)">'
            f"<title>{escape(title)} | {_SCHOOL}</title></head><body class='html not-front'>"
            f'<div id="header"><a href="/" id="logo" title="หน้าแรก">{_SCHOOL}</a></div>'
            f'<div id="navigation"><ul class="menu">{items}</ul></div>'
            f'<div id="content" class="column"><h1 class="title" id="page-title">'
            f"{escape(title)}</h1>{main}</div>"
            '<div class="region region-sidebar-second"><div class="block block-node">'
            f"<h2>เนื้อหาล่าสุด</h2><ul>{recent}</ul></div>{self.calendar()}{_EXTERNAL}</div>"
            '<div id="footer">Powered by Drupal</div></body></html>'
        )

    def home_page(self) -> str:
        teasers = "".join(self.teaser(a) for a in self.articles[:3])
        return self.frame(_SCHOOL, f'<div class="view-frontpage">{teasers}</div>')

    def teaser(self, a: Article) -> str:
        path = escape(self.path_of(a))
        return (
            f'<div class="node node-article node-teaser"><h2><a href="{path}">'
            f'{escape(a.title)}</a></h2><div class="submitted">ส่งโดย admin เมื่อ '
            f"{long_thai_date(a.published)}</div><div class='content'><p>"
            f'{escape(a.paragraphs[0][:300])}</p></div><ul class="links inline">'
            f'<li class="node-readmore"><a href="{path}" rel="tag">อ่านต่อ</a></li></ul></div>'
        )

    def listing_page(self, section: str, number: int) -> str:
        teasers = "".join(self.teaser(a) for a in self.chunk(section, number))
        last = self.page_count(section)
        pager = ""
        if last > 1:
            items = "".join(
                f'<li class="pager-item"><a title="ไปยังหน้า {n}" '
                f'href="{escape(self.listing(section, n))}">{n}</a></li>'
                if n != number
                else f'<li class="pager-current">{n}</li>'
                for n in range(1, last + 1)
            )
            if number < last:
                nxt = escape(self.listing(section, number + 1))
                items += f'<li class="pager-next"><a href="{nxt}">ถัดไป ›</a></li>'
            pager = f'<h2 class="element-invisible">หน้า</h2><ul class="pager">{items}</ul>'
        return self.frame(section, f'<div class="view-content">{teasers}</div>{pager}')

    def article_page(self, article: Article) -> str:
        day = article.published
        main = (
            '<div class="node node-article"><div class="submitted">ส่งโดย '
            '<span class="username">admin</span> เมื่อ '
            f"{day:%d/%m/%Y - %H:%M}</div>"
            f'<div class="field field-name-body">{self.body(article)}</div>'
            '<div class="field field-name-field-tags"><a href="/taxonomy/term/4">ข่าวกิจกรรม</a>'
            '</div></div><div id="comments"><h2>แสดงความคิดเห็น</h2>'
            '<form action="/comment/reply/1"><textarea name="comment"></textarea></form></div>'
        )
        return self.frame(article.title, main)


# 4. News in sub-folders ------------------------------------------------------------------


class SubFolders(Office):
    """A school portal whose news systems are separate scripts in folders, linked
    relatively; a download section beside them has the same show.php?nid= address."""

    charset = "windows-874"
    _DIR = {SECTIONS[0]: "/pr/", SECTIONS[1]: "/web/news/"}

    def article_path(self, article: Article, section: str) -> str:
        return f"{self._DIR[section]}show.php?nid={article.post_id}"

    def listing(self, section: str, number: int) -> str:
        return self._DIR[section] + (f"?page={number}" if number > 1 else "")

    def more_pages(self) -> None:
        docs = ("คำสั่งแต่งตั้งคณะกรรมการ", "ประกาศรับสมัครนักเรียน", "แผนปฏิบัติการประจำปี")
        rows = "".join(
            f'<li><a href="show.php?nid={n}">{t}</a></li>' for n, t in enumerate(docs, 1)
        )
        self.pages["/web/download/"] = lambda: self.reply(
            self.frame("ดาวน์โหลด", f"<h3>เอกสารดาวน์โหลด</h3><ul>{rows}</ul>")
        )
        for n, t in enumerate(docs, 1):
            self.pages[f"/web/download/show.php?nid={n}"] = lambda n=n, t=t: self.reply(
                self.frame(
                    t,
                    f"<h3>{t}</h3><p>วันที่ {n} มิถุนายน 2567</p>"
                    f'<p><a href="files/doc{n}.pdf">ดาวน์โหลดไฟล์ (PDF)</a></p>',
                )
            )

    def frame(self, title: str, main: str) -> str:
        # Every link written from the site's root, as the portal's shared menu include is.
        menu = [("หน้าแรก", "/"), ("ข่าวประชาสัมพันธ์", "/pr/"), ("ข่าวกิจกรรม", "/web/news/")]
        menu += [("ดาวน์โหลด", "/web/download/"), ("ภาพกิจกรรม", "/web/gallery/")]
        items = " | ".join(f'<a href="{u}">{t}</a>' for t, u in menu)
        return (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620">'
            f"<title>{escape(title)}</title></head><body>"
            f'<div class="top"><img src="/images/top.jpg"></div><div class="nav">{items}</div>'
            f'<div class="content">{main}</div><div class="side">{self.calendar()}{_EXTERNAL}'
            "</div></body></html>"
        )

    def home_page(self) -> str:
        return self.frame(
            _SCHOOL,
            f"<h2>{_SCHOOL}</h2><p>ยินดีต้อนรับ</p>"
            '<p><a href="pr/">ข่าวประชาสัมพันธ์ทั้งหมด</a> '
            '<a href="web/news/">ข่าวกิจกรรมทั้งหมด</a></p>',
        )

    def listing_page(self, section: str, number: int) -> str:
        rows = "".join(
            f'<tr><td>&#8226;</td><td><a href="show.php?nid={a.post_id}">{escape(a.title)}</a>'
            f"</td><td>{short_date(a.published)}</td></tr>"
            for a in self.chunk(section, number)
        )
        pager = " ".join(
            f'<a href="?page={n}">{n}</a>' if n != number else f"[{n}]"
            for n in range(1, self.page_count(section) + 1)
        )
        return self.frame(section, f"<h3>{section}</h3><table>{rows}</table>หน้า: {pager}")

    def article_page(self, article: Article) -> str:
        main = (
            f'<h3 class="head">{escape(article.title)}</h3>'
            f"<div class='date'>ประกาศเมื่อ {thai_date(article)}</div>"
            f"{self.body(article)}<p><a href='index.php'>&lt;&lt; กลับ</a></p>"
        )
        return self.frame(article.title, main)


# 5. Bootstrap cards ----------------------------------------------------------------------


class Cards(Office):
    """A Bootstrap/Laravel school site: cards with an image link, the title in an <h4>
    (no link) and "อ่านต่อ"; pager links that are only a query string."""

    _CAT = {SECTIONS[0]: "pr", SECTIONS[1]: "activity"}

    def article_path(self, article: Article, section: str) -> str:
        return f"/news/{article.post_id}"

    def listing(self, section: str, number: int) -> str:
        return f"/news?category={self._CAT[section]}" + (f"&page={number}" if number > 1 else "")

    def more_pages(self) -> None:
        for n in range(1, 4):
            self.pages[f"/gallery/{n}"] = lambda n=n: self.reply(
                self.frame(
                    "ภาพกิจกรรม",
                    f"<h3>อัลบั้มภาพกิจกรรมกีฬาสี {n}</h3><p>12 มิ.ย. 2567</p>"
                    + "".join(f'<img src="/storage/g{n}/{i}.jpg">' for i in range(8)),
                )
            )

    def frame(self, title: str, main: str) -> str:
        drop = "".join(
            f'<a class="dropdown-item" href="{escape(self.listing(s, 1))}">{s}</a>'
            for s in SECTIONS
        )
        nav = (
            '<nav class="navbar navbar-expand-lg"><a class="navbar-brand" href="/">'
            f'{_SCHOOL}</a><ul class="navbar-nav"><li class="nav-item"><a class="nav-link" '
            'href="/">หน้าหลัก</a></li><li class="nav-item dropdown"><a class="nav-link '
            'dropdown-toggle" href="#" data-toggle="dropdown">ข่าวสาร</a>'
            f'<div class="dropdown-menu">{drop}</div></li>'
            '<li class="nav-item"><a class="nav-link" href="/gallery/1">ภาพกิจกรรม</a></li>'
            '<li class="nav-item"><a class="nav-link" href="/contact">ติดต่อ</a></li></ul></nav>'
        )
        return (
            '<!doctype html><html lang="th"><head><meta charset="utf-8">'
            f'<meta name="csrf-token" content="x"><title>{escape(title)}</title></head><body>'
            f'{nav}<div class="container">{main}</div><footer class="footer">{_EXTERNAL}'
            "</footer></body></html>"
        )

    def card(self, a: Article) -> str:
        path = escape(self.path_of(a))
        return (
            f'<div class="col-md-4"><div class="card"><a href="{path}">'
            f'<img class="card-img-top" src="/storage/news/{a.post_id}.jpg" alt=""></a>'
            f'<div class="card-body"><h4 class="card-title">{escape(a.title)}</h4>'
            f'<p class="card-text">{escape(a.paragraphs[0][:150])}...</p>'
            f'<small class="text-muted">{short_date(a.published)}</small> '
            f'<a href="{path}" class="btn btn-primary btn-sm">อ่านต่อ</a></div></div></div>'
        )

    def home_page(self) -> str:
        cards = "".join(self.card(a) for a in self.articles[:3])
        more = escape(self.listing(SECTIONS[0], 1))
        return self.frame(
            _SCHOOL,
            f'<h3>ข่าวล่าสุด</h3><div class="row">{cards}</div>'
            f'<a href="{more}" class="btn btn-outline-primary">ดูทั้งหมด</a>',
        )

    def listing_page(self, section: str, number: int) -> str:
        cards = "".join(self.card(a) for a in self.chunk(section, number))
        last = self.page_count(section)
        query = f"?category={self._CAT[section]}"
        links = "".join(
            f'<li class="page-item{" active" if n == number else ""}"><a class="page-link" '
            f'href="{query}&amp;page={n}">{n}</a></li>'
            for n in range(1, last + 1)
        )
        if number < last:
            links += (
                f'<li class="page-item"><a class="page-link" href="{query}&amp;page='
                f'{number + 1}" rel="next">&raquo;</a></li>'
            )
        return self.frame(
            section,
            f'<h3>{section}</h3><div class="row">{cards}</div><ul class="pagination">{links}</ul>',
        )

    def article_page(self, article: Article) -> str:
        main = (
            f'<h3 class="text-primary">{escape(article.title)}</h3>'
            f'<p class="text-muted"><i class="fa fa-calendar"></i> '
            f'{long_thai_date(article.published)} | <i class="fa fa-eye"></i> 120</p>'
            f'<img src="/storage/news/{article.post_id}.jpg" class="img-fluid">'
            f'<div class="content">{self.body(article)}</div>'
            + "".join(f'<img src="/storage/news/{article.post_id}-{i}.jpg">' for i in range(4))
        )
        return self.frame(article.title, main)


# 6. News inside iframes ------------------------------------------------------------------


class Iframes(Office):
    """The home page shows each news box as an iframe of a same-host listing page; the
    menu has no news link at all."""

    charset = "windows-874"

    def article_path(self, article: Article, section: str) -> str:
        return f"/news_detail.php?no={article.post_id}"

    def listing(self, section: str, number: int) -> str:
        return f"/news_frame.php?type={SECTIONS.index(section) + 1}" + (
            f"&start={(number - 1) * PER_PAGE}" if number > 1 else ""
        )

    def frame(self, title: str, main: str) -> str:
        menu = [("หน้าแรก", "/"), ("ประวัติ", "/history.html"), ("บุคลากร", "/staff.html")]
        menu += [("เว็บบอร์ด", "/board/"), ("ติดต่อ", "/contact.html")]
        items = "<br>".join(f'<a href="{u}">{t}</a>' for t, u in menu)
        return (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874">'
            f'<title>{escape(title)}</title></head><body><table><tr><td valign="top">{items}'
            f'{self.calendar()}</td><td valign="top">{main}</td></tr></table>{_EXTERNAL}'
            "</body></html>"
        )

    def home_page(self) -> str:
        boxes = "".join(
            f'<p><b>{s}</b></p><iframe src="{escape(self.listing(s, 1))}" width="100%" '
            'height="300" frameborder="0" scrolling="auto"></iframe>'
            for s in SECTIONS
        )
        return self.frame(_SCHOOL, f"<h2>{_SCHOOL}</h2>{boxes}")

    def listing_page(self, section: str, number: int) -> str:
        rows = "".join(
            f'<li><a href="news_detail.php?no={a.post_id}" target="_blank">'
            f"{escape(a.title)}</a> <font color=gray>{short_date(a.published, True)}</font></li>"
            for a in self.chunk(section, number)
        )
        nav = ""
        if number > 1:
            nav += f'<a href="{escape(self.listing(section, number - 1).lstrip("/"))}">&lt;</a> '
        if number < self.page_count(section):
            nav += f'<a href="{escape(self.listing(section, number + 1).lstrip("/"))}">&gt;</a>'
        # A bare fragment page: no menu, no <title>, as framed boxes are.
        return (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874">'
            f'</head><body style="margin:0"><ul>{rows}</ul><div align="right">{nav}</div>'
            "</body></html>"
        )

    def article_page(self, article: Article) -> str:
        main = (
            f"<p><font size='4'><b>{escape(article.title)}</b></font></p>"
            f"<p>{thai_date(article, as_thai_digits=True)}</p>{self.body(article)}"
        )
        return self.frame(article.title, main)


# 7. WordPress: Thai post names, REST and feed closed ---------------------------------------


class ThaiSlugWordPress(Office):
    """WordPress with /%postname%/ permalinks in Thai (percent-encoded), category pages
    /category/<Thai>/page/N/, REST and feeds turned off by a security plugin, and the
    office's pages on the same /<Thai name>/ shape."""

    _PAGES = ("ประวัติโรงเรียน", "วิสัยทัศน์-พันธกิจ", "ทำเนียบผู้บริหาร")

    def slug(self, article: Article) -> str:
        # WordPress keeps Thai letters and marks, and turns spaces and punctuation to '-'.
        words = "".join(
            "-" if c.isspace() or not (c.isalnum() or "\u0e00" <= c <= "\u0e7f") else c
            for c in article.title
        )
        return "-".join(part for part in words.split("-") if part)[:40] + f"-{article.post_id}"

    def article_path(self, article: Article, section: str) -> str:
        return "/" + quote(self.slug(article)) + "/"

    def path_of(self, article: Article) -> str:
        return super().path_of(article).lower()  # as WordPress writes its links

    def listing(self, section: str, number: int) -> str:
        page = f"page/{number}/" if number > 1 else ""
        return f"/category/{quote(section).lower()}/{page}"

    def more_pages(self) -> None:
        for name in self._PAGES:
            self.pages["/" + quote(name).lower() + "/"] = lambda name=name: self.reply(
                self.frame(
                    name,
                    f'<article class="page type-page"><h1 class="entry-title">{name}</h1>'
                    f'<div class="entry-content">{_ABOUT * 3}</div></article>',
                )
            )

    def frame(self, title: str, main: str) -> str:
        menu = [("หน้าแรก", "/"), *((s, self.listing(s, 1)) for s in SECTIONS)]
        menu += [(n, "/" + quote(n).lower() + "/") for n in self._PAGES]
        items = "".join(
            f'<li class="menu-item"><a href="{escape(u)}">{escape(t)}</a></li>' for t, u in menu
        )
        recent = "".join(
            f'<li><a href="{escape(self.path_of(a))}">{escape(a.title)}</a>'
            f'<span class="post-date">{long_thai_date(a.published)}</span></li>'
            for a in self.others()
        )
        return (
            '<!DOCTYPE html><html lang="th"><head><meta charset="UTF-8">'
            f"<title>{escape(title)} &#8211; {_SCHOOL}</title>"
            '<meta name="generator" content="WordPress 6.5.2"></head><body class="wp-site">'
            f'<header class="site-header"><p class="site-title"><a href="/">{_SCHOOL}</a></p>'
            f'<nav class="main-navigation"><ul id="primary-menu">{items}</ul></nav></header>'
            f'<div id="primary" class="content-area"><main id="main">{main}</main></div>'
            '<aside id="secondary" class="widget-area"><section class="widget widget_recent_'
            f'entries"><h2 class="widget-title">เรื่องล่าสุด</h2><ul>{recent}</ul></section>'
            f"{self.calendar()}{_EXTERNAL}</aside>"
            '<footer class="site-footer">ขับเคลื่อนโดย WordPress</footer></body></html>'
        )

    def excerpt(self, a: Article) -> str:
        path = escape(self.path_of(a))
        return (
            f'<article class="post type-post"><h2 class="entry-title"><a href="{path}" '
            f'rel="bookmark">{escape(a.title)}</a></h2><div class="entry-meta">'
            f'<time class="entry-date published" datetime="{a.published.isoformat()}">'
            f"{long_thai_date(a.published)}</time></div><div class='entry-summary'><p>"
            f"{escape(a.paragraphs[0][:200])} [&hellip;]</p></div></article>"
        )

    def home_page(self) -> str:
        return self.frame(_SCHOOL, "".join(self.excerpt(a) for a in self.articles[:3]))

    def listing_page(self, section: str, number: int) -> str:
        posts = "".join(self.excerpt(a) for a in self.chunk(section, number))
        nav = ""
        if number < self.page_count(section):
            nav = (
                '<nav class="navigation posts-navigation"><div class="nav-previous">'
                f'<a href="{escape(self.listing(section, number + 1))}">เรื่องก่อนหน้า</a>'
                "</div></nav>"
            )
        header = f'<header class="page-header"><h1 class="page-title">หมวดหมู่: {section}</h1>'
        return self.frame(section, f"{header}</header>{posts}{nav}")

    def article_page(self, article: Article) -> str:
        main = (
            f'<article class="post type-post"><h1 class="entry-title">{escape(article.title)}'
            '</h1><div class="entry-meta"><time class="entry-date published" '
            f'datetime="{article.published.isoformat()}">{long_thai_date(article.published)}'
            f'</time></div><div class="entry-content">{self.body(article)}'
            '<p><a href="/wp-content/uploads/2024/05/order.pdf">คำสั่ง (PDF)</a></p></div>'
            "</article>"
        )
        return self.frame(article.title, main)


# 8. Joomla 4 in English ------------------------------------------------------------------


class Joomla4English(Office):
    """Joomla 4 with English menus ("News", "Activities", "Press release"), SEF addresses
    /index.php/en/<menu>/<id>-<alias>, blog listings, a next link that is an icon."""

    _MENU = {SECTIONS[0]: "news", SECTIONS[1]: "activities"}

    def article_path(self, article: Article, section: str) -> str:
        return f"/index.php/en/{self._MENU[section]}/{article.post_id}-{article.slug}"

    def listing(self, section: str, number: int) -> str:
        start = f"?start={(number - 1) * PER_PAGE}" if number > 1 else ""
        return f"/index.php/en/{self._MENU[section]}{start}"

    def more_pages(self) -> None:
        self.pages["/index.php/en/about-us"] = lambda: self.reply(
            self.frame(
                "About us",
                '<div class="com-content-article item-page"><div class="page-header">'
                f'<h2>About us</h2></div><div class="com-content-article__body">{_ABOUT * 3}'
                "</div></div>",
            )
        )

    def frame(self, title: str, main: str) -> str:
        menu = [("Home", "/index.php/en/"), ("About us", "/index.php/en/about-us")]
        menu += [("News", self.listing(SECTIONS[0], 1))]
        menu += [("Activities", self.listing(SECTIONS[1], 1))]
        menu += [("Press release", self.listing(SECTIONS[0], 1))]
        menu += [("Downloads", "/index.php/en/downloads"), ("Contact", "/index.php/en/contact")]
        items = "".join(
            f'<li class="nav-item"><a href="{escape(u)}">{escape(t)}</a></li>' for t, u in menu
        )
        latest = "".join(
            f'<li><a href="{escape(self.path_of(a))}">{escape(a.title)}</a></li>'
            for a in self.others()
        )
        return (
            '<!DOCTYPE html><html lang="en-gb"><head><meta charset="utf-8">'
            '<meta name="generator" content="Joomla! - Open Source Content Management">'
            f"<title>{escape(title)}</title></head><body class='site com_content'>"
            f'<header class="header"><a class="brand-logo" href="/index.php/en/">Ban Nong '
            f'Suan Sat School</a><nav><ul class="mod-menu">{items}</ul></nav></header>'
            f'<main>{main}</main><div class="sidebar-right"><div class="moduletable">'
            f'<h3>Latest Articles</h3><ul class="mod-articleslatest">{latest}</ul></div>'
            f"{_EXTERNAL}</div><footer>Copyright 2024</footer></body></html>"
        )

    def published(self, a: Article) -> str:
        day = a.published
        return (
            '<dd class="published"><span class="icon-calendar"></span>'
            f'<time datetime="{day.isoformat()}">'
            f"Published: {day.day} {_EN_MONTHS.split()[day.month - 1]} {day.year}</time></dd>"
        )

    def home_page(self) -> str:
        return self.frame("Home", '<div class="com-content-featured"><p>Welcome</p></div>')

    def listing_page(self, section: str, number: int) -> str:
        items = "".join(
            '<div class="com-content-category-blog__item blog-item"><div class="item-content">'
            f'<h2 class="item-title"><a href="{escape(self.path_of(a))}">{escape(a.title)}'
            f'</a></h2><dl class="article-info">{self.published(a)}</dl>'
            f"<p>{escape(a.paragraphs[0][:300])}</p>"
            f'<p class="readmore"><a class="btn btn-secondary" href="{escape(self.path_of(a))}">'
            f'<span class="icon-chevron-right"></span> Read more &hellip;</a></p></div></div>'
            for a in self.chunk(section, number)
        )
        last = self.page_count(section)
        links = "".join(
            f'<li class="page-item"><a aria-label="Go to page {n}" class="page-link" '
            f'href="{escape(self.listing(section, n))}">{n}</a></li>'
            if n != number
            else f'<li class="active page-item"><span class="page-link">{n}</span></li>'
            for n in range(1, last + 1)
        )
        if number < last:
            links += (
                '<li class="page-item"><a aria-label="Go to next page" class="page-link" '
                f'href="{escape(self.listing(section, number + 1))}">'
                '<span class="icon-angle-right" aria-hidden="true"></span></a></li>'
            )
        return self.frame(
            section,
            '<div class="com-content-category-blog blog"><div class="blog-items">'
            f'{items}</div><nav class="pagination__wrapper"><ul class="pagination">{links}'
            "</ul></nav></div>",
        )

    def article_page(self, article: Article) -> str:
        main = (
            '<div class="com-content-article item-page"><div class="page-header"><h1>'
            f'{escape(article.title)}</h1></div><dl class="article-info">'
            f'{self.published(article)}</dl><div class="com-content-article__body">'
            f"{self.body(article)}</div></div>"
        )
        return self.frame(article.title, main)


# 9. Popup links ---------------------------------------------------------------------------


class Popups(SubFolders):
    """Old PHP listings that open each news item in a popup window: the anchor's href is
    "#" or a javascript: call, the address only in the script."""

    charset = "utf-8"
    _DIR = {SECTIONS[0]: "/pr/", SECTIONS[1]: "/activity/"}

    def listing_page(self, section: str, number: int) -> str:
        rows = "".join(
            (
                f'<tr><td><a href="#" onclick="window.open(\'show.php?nid={a.post_id}\','
                f"'news','width=800,height=600,scrollbars=yes');return false;\">"
                if i % 2
                else f"<tr><td><a href=\"javascript:popup('show.php?nid={a.post_id}')\">"
            )
            + f"{escape(a.title)}</a></td><td>{short_date(a.published)}</td></tr>"
            for i, a in enumerate(self.chunk(section, number))
        )
        pager = " ".join(
            f'<a href="?page={n}">{n}</a>' if n != number else f"[{n}]"
            for n in range(1, self.page_count(section) + 1)
        )
        script = "<script>function popup(u){window.open(u,'news','width=800,height=600');}</script>"
        return self.frame(section, f"{script}<h3>{section}</h3><table>{rows}</table>หน้า: {pager}")

    def frame(self, title: str, main: str) -> str:
        return super().frame(title, main).replace("/web/news/", "/activity/")

    def home_page(self) -> str:
        return super().home_page().replace("web/news/", "activity/")


# 10. Encoded ids --------------------------------------------------------------------------


class EncodedIds(Cards):
    """Ids written as base64 in the query (?nid=MTI%3D), as some government systems do to
    keep ids from being guessed: no digits-only value anywhere in an article address."""

    def article_path(self, article: Article, section: str) -> str:
        token = base64.b64encode(f"{article.post_id:04d}".encode()).decode()
        return f"/news/detail.php?nid={quote(token, safe='')}"

    def listing(self, section: str, number: int) -> str:
        return f"/news/index.php?cat={self._CAT[section]}" + (
            f"&page={number}" if number > 1 else ""
        )

    def listing_page(self, section: str, number: int) -> str:
        return (
            super()
            .listing_page(section, number)
            .replace(f'href="?category={self._CAT[section]}', f'href="?cat={self._CAT[section]}')
        )


# 11. Postback paging, prev/next on articles --------------------------------------------------


class PostbackPaging(AspNet):
    """ASP.NET GridView paged by postback only (javascript:__doPostBack): page 2 of a
    listing cannot be asked for by GET. Each article links the one before and after it
    ("ข่าวก่อนหน้า", "ข่าวถัดไป"), which is how a person reaches the older news."""

    def listing_page(self, section: str, number: int) -> str:
        html = super().listing_page(section, number)
        for n in range(1, self.page_count(section) + 1):
            target = escape(self.listing(section, n).lstrip("/"))
            html = html.replace(
                f'href="{target}"',
                f"href=\"javascript:__doPostBack('ctl00$ContentPlaceHolder1$gvNews','Page${n}')\"",
            )
        return html

    def article_page(self, article: Article) -> str:
        items = self.sections[self.section_of[article.post_id]]
        at = items.index(article)
        nav = ""
        if at + 1 < len(items):
            nav += f'<a href="NewsDetail.aspx?ID={items[at + 1].post_id}">&lt;&lt; ข่าวก่อนหน้า</a> '
        if at > 0:
            nav += f'<a href="NewsDetail.aspx?ID={items[at - 1].post_id}">ข่าวถัดไป &gt;&gt;</a>'
        return (
            super()
            .article_page(article)
            .replace(
                '<a href="upload/news/file12.pdf">',
                f'<div class="prevnext">{nav}</div><a href="upload/news/file12.pdf">',
            )
        )


# 12. A body onload redirect -----------------------------------------------------------------


class OnloadRedirect(Maxsite):
    """The root answers a blank page whose <body onload> moves the browser on (no link, no
    meta refresh, no script block)."""

    def more_pages(self) -> None:
        super().more_pages()
        self.pages["/"] = lambda: Reply.html(
            "<html><head><title>โรงเรียน</title></head>"
            "<body onload=\"window.location.href='index.php'\" bgcolor=white></body></html>"
        )


# 13. A directory listing at the root -------------------------------------------------------


class DirectoryIndex(SubFolders):
    """The root is Apache's "Index of /": the site's parts are folders."""

    def more_pages(self) -> None:
        super().more_pages()
        folders = ("cgi-bin/", "images/", "pr/", "web/", "web/news/", "old2560/")
        rows = "".join(
            f'<tr><td><a href="{f}">{f}</a></td><td align="right">2024-05-12 10:00</td>'
            "<td>-</td></tr>"
            for f in folders
        )
        self.pages["/"] = lambda: Reply.html(
            "<html><head><title>Index of /</title></head><body><h1>Index of /</h1>"
            f"<table><tr><th>Name</th><th>Last modified</th><th>Size</th></tr>{rows}</table>"
            "<address>Apache/2.4.41 (Ubuntu) Server</address></body></html>"
        )


# 14. CodeIgniter: the offset in the path ----------------------------------------------------


class CodeIgniter(Cards):
    """CodeIgniter's default pagination: the offset as the last path segment
    (/news/index/4, /news/index/8), articles at /news/view/N; the pager's links are
    absolute addresses."""

    _SEG = {SECTIONS[0]: "news", SECTIONS[1]: "activity"}

    def article_path(self, article: Article, section: str) -> str:
        return f"/{self._SEG[section]}/view/{article.post_id}"

    def listing(self, section: str, number: int) -> str:
        offset = f"/{(number - 1) * PER_PAGE}" if number > 1 else ""
        return f"/{self._SEG[section]}/index{offset}"

    def listing_page(self, section: str, number: int) -> str:
        cards = "".join(self.card(a) for a in self.chunk(section, number))
        last = self.page_count(section)
        links = "".join(
            f'<li><a href="{escape(self.listing(section, n))}">{n}</a></li>'
            if n != number
            else f'<li class="active"><strong>{n}</strong></li>'
            for n in range(1, last + 1)
        )
        if number < last:
            links += f'<li><a href="{escape(self.listing(section, number + 1))}">&gt;</a></li>'
        return self.frame(
            section,
            f'<h3>{section}</h3><div class="row">{cards}</div><ul class="pagination">{links}</ul>',
        )


# 15. Two-digit Buddhist years --------------------------------------------------------------


class ShortYears(SubFolders):
    """Dates as the office's clerk types them: 12/05/67 (day, month, Buddhist year in two
    digits), the article's only date."""

    charset = "utf-8"

    def article_page(self, article: Article) -> str:
        day = article.published
        main = (
            f'<h3 class="head">{escape(article.title)}</h3>'
            f"<div class='date'>ลงวันที่ {day:%d/%m}/{be_year(day.year) % 100:02d}</div>"
            f"{self.body(article)}<p><a href='index.php'>&lt;&lt; กลับ</a></p>"
        )
        return self.frame(article.title, main)


# 16. Related news in the listing's own markup ----------------------------------------------


class RelatedBox(SubFolders):
    """Each article ends with "ข่าวอื่นในหมวดเดียวกัน": the newest of its section in the
    very rows and table the listing uses, at the same place of the page."""

    charset = "utf-8"

    def article_page(self, article: Article) -> str:
        section = self.section_of[article.post_id]
        others = [a for a in self.sections[section] if a is not article][:5]
        rows = "".join(
            f'<tr><td>&#8226;</td><td><a href="show.php?nid={a.post_id}">{escape(a.title)}</a>'
            f"</td><td>{short_date(a.published)}</td></tr>"
            for a in others
        )
        related = f"<h3>ข่าวอื่นในหมวดเดียวกัน</h3><table>{rows}</table>"
        return super().article_page(article).replace("<p><a href='index.php'>", related + "<p>")


ZOO2: dict[str, type[Office]] = {
    "maxsite": Maxsite,
    "aspnet": AspNet,
    "drupal": Drupal,
    "sub-folders": SubFolders,
    "cards": Cards,
    "iframes": Iframes,
    "wordpress-thai-slug": ThaiSlugWordPress,
    "joomla4-english": Joomla4English,
    "popups": Popups,
    "encoded-ids": EncodedIds,
    "postback-paging": PostbackPaging,
    "onload-redirect": OnloadRedirect,
    "directory-index": DirectoryIndex,
    "codeigniter": CodeIgniter,
    "short-years": ShortYears,
    "related-box": RelatedBox,
}


def build(name: str, count: int = 14, offset: int = 0, oldest: int | None = None) -> Office:
    """The shape `name` with `count` articles; `oldest`: only that many of the oldest (the
    site as it was before the newest were posted)."""
    articles = sorted(load_articles(count, offset=offset), key=lambda a: a.published)
    return ZOO2[name](articles[:oldest] if oldest is not None else articles)
