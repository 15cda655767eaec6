"""Sites without WordPress: feed-only and sitemap-only news sites of custom PHP pages.

Their article pages carry no date meta tag: the crawler must read the visible Thai date and
not the sidebar's dates of other news.
"""

from __future__ import annotations

from email.utils import format_datetime
from html import escape

from edunews_sim.articles import Article
from edunews_sim.server import Reply, Request
from edunews_sim.testsites.pages import article_page


class _NewsPages:
    def __init__(self, articles: list[Article]) -> None:
        self.articles = sorted(articles, key=lambda a: a.published, reverse=True)
        self.host = ""

    def link(self, article: Article) -> str:
        return f"{self.host}/news/view.php?id={article.post_id}"

    def article_reply(self, request: Request) -> Reply:
        for article in self.articles:
            if request.arg("id") == str(article.post_id):
                others = [a for a in self.articles if a is not article]
                page = article_page(
                    article,
                    others,
                    self.link,
                    meta_date=False,
                    thai_digits=True,
                    body_class="news-detail",
                )
                return Reply.html(page)
        return Reply.not_found()

    def home(self, head: str = "") -> Reply:
        return Reply.html(
            f"<html><head>{head}<title>ข่าว</title></head><body><p>ยินดีต้อนรับ</p></body></html>"
        )


class FeedSite(_NewsPages):
    """RSS 2.0 at /rss.php (linked from the home page), or Atom with `atom=True`."""

    def __init__(self, articles: list[Article], atom: bool = False) -> None:
        super().__init__(articles)
        self.atom = atom

    def handle(self, request: Request) -> Reply:
        self.host = "http://" + request.headers.get("host", "")
        if request.path == "/news/view.php":
            return self.article_reply(request)
        if request.path == "/rss.php":
            return self.atom_feed() if self.atom else self.rss_feed()
        if request.path == "/":
            kind = "atom" if self.atom else "rss"
            return self.home(
                f'<link rel="alternate" type="application/{kind}+xml" href="/rss.php">'
            )
        return Reply.not_found()

    def rss_feed(self) -> Reply:
        items = "".join(
            f"<item><title>{escape(a.title)}</title><link>{escape(self.link(a))}</link>"
            f"<pubDate>{format_datetime(a.published)}</pubDate></item>"
            for a in self.articles
        )
        xml = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
        return Reply(200, xml.encode(), {"Content-Type": "application/rss+xml"})

    def atom_feed(self) -> Reply:
        entries = "".join(
            f'<entry><title>{escape(a.title)}</title><link href="{escape(self.link(a))}"/>'
            f"<updated>{a.modified.isoformat()}</updated></entry>"
            for a in self.articles
        )
        xml = f'<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'
        return Reply(200, xml.encode(), {"Content-Type": "application/atom+xml"})


class SitemapSite(_NewsPages):
    """A sitemap index declared in robots.txt, a news sitemap with lastmod, a pages one."""

    def handle(self, request: Request) -> Reply:
        self.host = "http://" + request.headers.get("host", "")
        if request.path == "/robots.txt":
            text = f"User-agent: *\nDisallow: /admin/\nSitemap: {self.host}/sitemap-index.xml\n"
            return Reply(200, text.encode(), {"Content-Type": "text/plain"})
        if request.path == "/sitemap-index.xml":
            return Reply.xml(
                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{self.host}/sitemap-news.xml</loc></sitemap>"
                f"<sitemap><loc>{self.host}/sitemap-taxonomies-category.xml</loc></sitemap>"
                "</sitemapindex>"
            )
        if request.path == "/sitemap-news.xml":
            urls = "".join(
                f"<url><loc>{escape(self.link(a))}</loc>"
                f"<lastmod>{a.modified.isoformat()}</lastmod></url>"
                for a in self.articles
            )
            return Reply.xml(
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            )
        if request.path == "/news/view.php":
            return self.article_reply(request)
        if request.path == "/":
            return self.home()
        return Reply.not_found()
