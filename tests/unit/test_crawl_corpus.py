"""Real text: the shared corpus's government news, wrapped in a theme with all its
furniture, must come back out as the article (skipped where the corpus is absent)."""

from __future__ import annotations

import pytest

from edunews.crawl.article import parse_article
from edunews_sim.articles import corpus_articles, corpus_available
from edunews_sim.testsites.pages import article_page

pytestmark = pytest.mark.skipif(not corpus_available(), reason="shared/corpus is not here")


@pytest.mark.parametrize("body_class", ["news-detail", "entry-content"])
def test_corpus_pages_give_back_their_articles(body_class):
    articles = corpus_articles(736)
    sidebar = articles[:6]
    mismatched = []
    for article in articles:
        html = article_page(
            article,
            sidebar,
            lambda a: f"/news/{a.post_id}",
            meta_date=False,
            thai_digits=True,
            body_class=body_class,
        )
        parsed = parse_article(html, "http://site.test/")
        assert parsed.title == article.title
        assert parsed.published_at.date() == article.published.date(), article.title
        if parsed.body_text != article.body_text:
            mismatched.append(article.post_id)
    # The few that differ lose private-use glyphs or a trailing "อ่านเพิ่มเติม คลิก <url>".
    assert len(mismatched) <= len(articles) // 50, mismatched
