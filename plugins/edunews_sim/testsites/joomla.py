"""A Joomla-like site in windows-874: category listing paged by `limitstart`, articles at
`index.php?option=com_content&view=article&id=N`, the date line in Thai digits.

The charset is declared only in the page's meta tag (the header says plain text/html), and
`undeclared=True` drops the meta tag too: the crawler has to detect it.
"""

from __future__ import annotations

from html import escape

from edunews_sim.articles import Article
from edunews_sim.server import Reply, Request
from edunews_sim.testsites.pages import FOOTER, MENU, thai_date

PER_PAGE = 5
CATEGORY = "index.php?option=com_content&view=category&id=9&Itemid=101"


class JoomlaSite:
    def __init__(self, articles: list[Article], undeclared: bool = False) -> None:
        self.articles = sorted(articles, key=lambda a: a.published, reverse=True)
        self.undeclared = undeclared

    def link(self, article: Article, host: str = "") -> str:
        return f"{host}/index.php?option=com_content&view=article&id={article.post_id}&catid=9"

    def handle(self, request: Request) -> Reply:
        if request.path not in ("/", "/index.php"):
            return Reply.not_found()
        if request.arg("view") == "article":
            for article in self.articles:
                if request.arg("id") == str(article.post_id):
                    return self._reply(self.article_page(article))
            return Reply.not_found()
        start = int(request.arg("limitstart", "0") or 0)
        return self._reply(self.category_page(start))

    def _reply(self, html: str) -> Reply:
        # What legacy sites do with characters windows-874 lacks: numeric references.
        body = html.encode("cp874", errors="xmlcharrefreplace")
        return Reply(200, body, {"Content-Type": "text/html"})

    def _head(self, title: str) -> str:
        meta = (
            ""
            if self.undeclared
            else ('<meta http-equiv="Content-Type" content="text/html; charset=windows-874">')
        )
        return f"<html><head>{meta}<title>{escape(title)}</title></head><body>"

    def _menu(self) -> str:
        return '<div class="moduletable_menu">' + " | ".join(MENU) + "</div>"

    def category_page(self, start: int) -> str:
        chunk = self.articles[start : start + PER_PAGE]
        rows = "".join(
            f'<tr><td><a href="{escape(self.link(a))}">{escape(a.title)}</a></td>'
            f"<td>{thai_date(a)}</td></tr>"
            for a in chunk
        )
        nav = ""
        if start + PER_PAGE < len(self.articles):
            nav = (
                f'<a href="/{escape(CATEGORY)}&amp;limitstart={start + PER_PAGE}" '
                f'title="ถัดไป" class="pagenav">ถัดไป</a>'
            )
        return (
            f"{self._head('ข่าวประชาสัมพันธ์')}{self._menu()}<table class='category'>{rows}"
            f"</table><div class='pagination'>{nav}</div><div id='footer'>{FOOTER}</div>"
            "</body></html>"
        )

    def article_page(self, article: Article) -> str:
        """Joomla 3's com_content article layout (the Protostar-era markup)."""
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
        latest = "".join(
            f"<li><a href='{escape(self.link(a))}'>{escape(a.title)}</a> ({thai_date(a)})</li>"
            for a in self.articles[:5]
            if a is not article
        )
        return (
            f"{self._head(article.title)}{self._menu()}"
            '<div class="item-page" itemscope itemtype="https://schema.org/Article">'
            f'<div class="page-header"><h2 itemprop="headline">{escape(article.title)}</h2></div>'
            '<dl class="article-info muted"><dd class="published">'
            f"เผยแพร่เมื่อ: {thai_date(article, as_thai_digits=True)}</dd>"
            '<dd class="hits">ฮิต: 152</dd></dl>'
            f'<div itemprop="articleBody">{paragraphs}</div>'
            '<ul class="pager pagenav"><li class="previous"><a href="#">ก่อนหน้า</a></li></ul>'
            "</div>"
            '<div class="moduletable"><h3>ร่วมแสดงความคิดเห็น</h3><form><textarea></textarea>'
            "</form></div>"
            f'<div class="moduletable_latest"><h3>ข่าวล่าสุด</h3><ul>{latest}</ul></div>'
            f"<div id='footer'>{FOOTER}</div></body></html>"
        )
