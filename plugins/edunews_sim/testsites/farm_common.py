"""What the hostile farms share: the good articles served among their attacks."""

from __future__ import annotations

from collections import Counter

from edunews_sim.articles import Article
from edunews_sim.server import Reply, Request
from edunews_sim.testsites.pages import article_page


def good_link(article: Article) -> str:
    return f"/good/{article.post_id}"


class Farm:
    """A farm's good articles (at /good/N, N the post id), which must land whatever the
    attacks around them; how often each path was asked for; and the address the last
    request came to (`http://host:port`)."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self.calls: Counter = Counter()
        self.host = ""

    def good_paths(self) -> list[str]:
        return [good_link(a) for a in self.articles]

    def arrived(self, request: Request) -> str:
        """Note a request (its host, one more call of its path); returns the path."""
        self.host = "http://" + request.headers.get("host", "")
        self.calls[request.path] += 1
        return request.path

    def good_page(self, post_id: int) -> Reply:
        """A good article's page, its sidebar linking the others; 404 for no such article."""
        for article in self.articles:
            if article.post_id == post_id:
                return Reply.html(article_page(article, self.articles, good_link))
        return Reply.not_found()

    def robots_naming_sitemap(self) -> Reply:
        text = f"User-agent: *\nAllow: /\nSitemap: {self.host}/sitemap.xml\n"
        return Reply(200, text.encode(), {"Content-Type": "text/plain"})
