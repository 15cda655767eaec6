"""Pages whose article comes after megabytes that hold no text (issue 10's red team).

readable_html caps a page at MAX_PARSE_CHARS: a 5 MB JSON-LD or inline script bundle in
<head>, or a pasted base64 image before the first paragraph, cut the page before its
article began (stored as "no article text found"). Such bulk is dropped first.
"""

from __future__ import annotations

import time

from edunews.crawl.article import parse_article
from edunews.crawl.bounded_html import MAX_PARSE_CHARS, readable_html, without_bulk
from edunews_sim.testsites import load_articles
from edunews_sim.testsites.pages import article_page

ARTICLE = load_articles(1)[0]


def _page(head: str = "", lead: str = "") -> str:
    page = article_page(ARTICLE, [ARTICLE], lambda a: f"/good/{a.post_id}", head_extra=head)
    return page.replace(ARTICLE.content_html, lead + ARTICLE.content_html, 1)


def _reads_article(page: str) -> None:
    assert len(page) > MAX_PARSE_CHARS
    article = parse_article(page, "http://office.example/good/1")
    assert ARTICLE.paragraphs[0][:40] in article.body_text
    assert article.title


def test_article_after_a_huge_json_ld():
    blob = '{"@type": "NewsArticle", "headline": "' + "ข" * 4_000_000 + '"}'
    _reads_article(_page(head=f'<script type="application/ld+json">{blob}</script>'))


def test_article_after_inline_scripts_styles_and_comments():
    bundle = "var a=1;" * 12_500
    head = f"<script>{bundle}</script><STYLE>{'p{}' * 30_000}</STYLE>" * 30
    _reads_article(_page(head=head + "<!--" + "x" * 1_000_000 + "-->"))


def test_article_after_a_pasted_base64_image():
    image = f'<p><img src="data:image/png;base64,{"iVBORw0KGgo" * 400_000}"></p>'
    _reads_article(_page(lead=image))


def test_small_json_ld_is_kept_for_its_dates():
    json_ld = '<script type="application/ld+json">{"datePublished": "2024-05-01"}</script>'
    page = json_ld + "<script>" + "x" * (MAX_PARSE_CHARS + 10) + "</script><p>text</p>"
    kept = without_bulk(page)
    assert json_ld in kept
    assert kept.endswith("<script></script><p>text</p>")


def test_many_and_unclosed_blocks_cost_one_pass():
    # 600,000 blocks, then one never closed: each end is searched for once, not to the end
    # of the page from every opening.
    blocks = "<script>a</script><!--b--><style>c</style>" * 200_000
    page = "<p>text</p>" + blocks + "<script>" + "<!--<style>x" * 300_000
    started = time.monotonic()
    out = without_bulk(page)
    assert time.monotonic() - started < 30  # linear: well under a second here
    assert out == "<p>text</p>" + "<script></script><style></style>" * 200_000


def test_pages_under_the_cap_are_not_rewritten():
    page = _page(head=f"<script>{'x' * 1000}</script>")
    assert readable_html(page) is page
