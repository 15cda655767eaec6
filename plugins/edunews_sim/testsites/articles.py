"""The test sites' articles: real news text from the shared corpus, or generated text.

The corpus is read at run time from `shared/corpus/` and never copied into the repository.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from edunews.config import shared_dir
from edunews.thai_calendar import BANGKOK

_CORPUS = "corpus/thaigov_education.jsonl.gz"
# The corpus keeps the page's furniture at the top of `text`: date lines, the title, "พิมพ์".
_LEADING_FURNITURE = re.compile(r"^(วัน\S+ที่ \d+ \S+ \d{4}|\d{1,2}/\d{1,2}/\d{4}|พิมพ์)$")


@dataclass(frozen=True)
class SiteArticle:
    post_id: int
    slug: str
    title: str
    paragraphs: tuple[str, ...]
    published: datetime  # aware
    modified: datetime

    @property
    def body_text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def content_html(self) -> str:
        from html import escape

        return "".join(f"<p>{escape(p)}</p>\n" for p in self.paragraphs)


def corpus_available() -> bool:
    return (shared_dir() / _CORPUS).is_file()


def load_articles(count: int, offset: int = 0, source: str = "auto") -> list[SiteArticle]:
    """`count` articles, from the corpus ("corpus"), the generator ("generated"), or the
    corpus when it is there ("auto")."""
    if source == "corpus" or (source == "auto" and corpus_available()):
        return corpus_articles(count, offset)
    return generated_articles(count, offset)


def corpus_articles(count: int, offset: int = 0) -> list[SiteArticle]:
    articles = []
    with gzip.open(shared_dir() / _CORPUS, "rt", encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            if index < offset:
                continue
            if len(articles) == count:
                break
            articles.append(_from_corpus(json.loads(line), index + 1))
    return articles


def _clean(text: str) -> str:
    # Zero-width spaces and runs of blanks: what any HTML page would collapse anyway.
    return " ".join(text.replace("\u200b", " ").replace("\ufeff", "").split())


def _from_corpus(row: dict, post_id: int) -> SiteArticle:
    title = _clean(row["title"])
    lines = [_clean(line) for line in row["text"].splitlines()]
    lines = [line for line in lines if line]
    while lines and (lines[0] == title or _LEADING_FURNITURE.match(lines[0])):
        lines.pop(0)
    # The corpus repeats a heading line now and then; a page would show it once.
    lines = [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]
    published = datetime.fromisoformat(row["published_at"][:10]).replace(
        hour=9, minute=30, tzinfo=BANGKOK
    )
    return SiteArticle(post_id, f"news-{post_id}", title, tuple(lines), published, published)


def generated_articles(count: int, offset: int = 0) -> list[SiteArticle]:
    """From the demo-site generator when it is installed, else from a few fixed sentences."""
    try:
        from edunews_sim.demosite import generate_articles
    except ImportError:
        return [_fixed_article(offset + i + 1) for i in range(count)]
    from edunews.crawl.html_text import html_to_text

    result = []
    for i, demo in enumerate(generate_articles(count + offset, seed=2567)[offset:]):
        paragraphs = tuple(html_to_text(demo.content_html).splitlines())
        result.append(
            SiteArticle(
                offset + i + 1,
                f"post-{offset + i + 1}",
                demo.title,
                paragraphs,
                demo.published,
                demo.modified,
            )
        )
    return result


def _fixed_article(post_id: int) -> SiteArticle:
    published = datetime(2023, 1, 1, 9, 0, tzinfo=BANGKOK) + timedelta(days=3 * post_id)
    return SiteArticle(
        post_id,
        f"post-{post_id}",
        f"สพป.ทดสอบ เขต {post_id} จัดประชุมเชิงปฏิบัติการครั้งที่ {post_id}",
        (
            f"เมื่อวันที่ {published.day} นายสมชาย ใจดี ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"
            f" เป็นประธานเปิดการประชุมเชิงปฏิบัติการครั้งที่ {post_id}",
            "ณ ห้องประชุมสำนักงาน มีผู้เข้าร่วมประชุมจำนวน 120 คน",
        ),
        published,
        published,
    )
