"""Main text of pages without a template body element: the article's block, not the side
columns, menus, other news, footers, in every office-site shape and in unseen layouts."""

from __future__ import annotations

import time

import pytest

from edunews.crawl.article import parse_article
from edunews.crawl.encoding import decode_body
from edunews_sim.testsites import shapes_common, shapes_unseen

SHAPES = [(shapes_common, name) for name in shapes_common.ZOO if name != "no-news"]
SHAPES += [(shapes_unseen, name) for name in shapes_unseen.ZOO2]
# Side-column and footer words the shapes' frames carry around every article.
FURNITURE = (
    "ข่าวล่าสุด",
    "เนื้อหาล่าสุด",
    "Latest Articles",
    "ปฏิทินกิจกรรม",
    "Powered by",
    "ประวัติโรงเรียน",
    "เว็บบอร์ด",
    "ข่าวอื่นในหมวดเดียวกัน",
    "Facebook โรงเรียน",
)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _article_pages(site):
    for article in site.articles:
        path = site.path_of(article)
        reply = site.pages[path]()
        html, _ = decode_body(reply.body, reply.headers.get("Content-Type"))
        yield article, path, html


@pytest.mark.parametrize(("module", "name"), SHAPES, ids=[n for _, n in SHAPES])
def test_every_shape_stores_the_article_and_nothing_beside_it(module, name):
    site = module.build(name)
    wrong = []
    for article, path, html in _article_pages(site):
        body = parse_article(html, "http://127.0.0.1" + path).body_text
        flat = _flat(body)
        own = _flat(article.title + " " + " ".join(article.paragraphs))
        problems = []
        if not body.splitlines() or not _flat(body.splitlines()[0]).startswith(
            _flat(article.paragraphs[0])[:60]
        ):
            problems.append(f"starts {body[:60]!r}")
        problems += [f"lost {p[:30]!r}" for p in article.paragraphs if _flat(p) not in flat]
        problems += [
            f"other article {other.title[:30]!r}"
            for other in site.articles
            if other is not article
            and _flat(other.title)[:40] in flat
            and _flat(other.title)[:40] not in own
        ]
        problems += [f"furniture {w!r}" for w in FURNITURE if w in body and w not in own]
        if problems:
            wrong.append((path, problems[:3]))
    assert not wrong, wrong


PARAGRAPHS = (
    "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสวนสัตว์ เขต 1 จัดประชุมเชิงปฏิบัติการพัฒนาครู"
    "ด้านการจัดการเรียนรู้เชิงรุก ณ หอประชุมโรงเรียนบ้านหนองสวนสัตว์ มีครูเข้าร่วม 120 คน",
    "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษากล่าวว่า การประชุมครั้งนี้มุ่งให้ครูนำความรู้ไปใช้"
    "ในห้องเรียนจริง และติดตามผลการดำเนินงานภายในภาคเรียนที่ 2",
)
OTHERS = [f"ข่าวอื่นเรื่องที่ {n} การแข่งขันทักษะวิชาการระดับเขตพื้นที่ ครั้งที่ {n}" for n in range(8)]


def _latest_column(tag: str = "td") -> str:
    rows = "".join(
        f'<a href="index.php?id={n}">{t}</a> [{n + 1} พ.ค. 2567]<br>' for n, t in enumerate(OTHERS)
    )
    return f'<{tag} width="200" valign="top"><b>ข่าวสารล่าสุดจากเขต</b><br>{rows}</{tag}>'


def _menu_column() -> str:
    items = "".join(
        f'<tr><td><a href="index.php?m={n}">{t}</a></td></tr>'
        for n, t in enumerate(("หน้าแรก", "ข้อมูลหน่วยงาน", "บุคลากร", "ดาวน์โหลด", "ติดต่อเรา"))
    )
    return f'<td width="180" valign="top"><table>{items}</table></td>'


def _table_page(main: str, title: str = "ประชุมพัฒนาครูเชิงรุก") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><table width=950><tr>"
        f"<td colspan=3><img src=top.jpg></td></tr><tr>{_menu_column()}"
        f'<td valign="top">{main}</td>{_latest_column()}</tr>'
        "<tr><td colspan=3>สำนักงานเขตพื้นที่การศึกษา ถนนราชดำเนิน โทร 0 5311 2345</td></tr>"
        "</table></body></html>"
    )


def _assert_only_the_article(body: str, paragraphs=PARAGRAPHS) -> None:
    assert body.split("\n") == list(paragraphs), body


def test_a_table_layout_without_names_gives_the_article_cell():
    main = (
        "<b>ประชุมพัฒนาครูเชิงรุก</b><br><font size=1>โดย admin เมื่อ 3 พ.ค. 2567 อ่าน 12 ครั้ง"
        "</font>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    )
    _assert_only_the_article(parse_article(_table_page(main), "http://127.0.0.1/").body_text)


def test_a_short_article_beside_a_long_dated_news_column_is_still_found():
    # One paragraph, shorter than the latest column's titles and dates together.
    short = (PARAGRAPHS[1],)
    main = "<h3>ประชุมพัฒนาครูเชิงรุก</h3><div>ลงวันที่ 03/05/67</div>" + f"<p>{short[0]}</p>"
    body = parse_article(_table_page(main), "http://127.0.0.1/").body_text
    _assert_only_the_article(body, short)


def test_a_related_news_box_inside_the_article_cell_is_left_out():
    related = "".join(
        f'<tr><td>&#8226;</td><td><a href="show.php?nid={n}">{t}</a></td><td>{n} พ.ค. 2567</td>'
        "</tr>"
        for n, t in enumerate(OTHERS)
    )
    main = (
        "<h3>ประชุมพัฒนาครูเชิงรุก</h3>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + f"<table>{related}</table>"
    )
    _assert_only_the_article(parse_article(_table_page(main), "http://127.0.0.1/").body_text)


def test_a_lead_in_its_own_box_beside_the_detail_box_stays():
    # The lead's box is not the biggest one, yet it is the article's first paragraph.
    lead, rest = PARAGRAPHS[0], PARAGRAPHS[1] * 3
    main = f'<div class="lead"><b>{lead}</b></div><div class="detail"><p>{rest}</p></div>'
    body = parse_article(_table_page(main), "http://127.0.0.1/").body_text
    assert body.split("\n") == [lead, rest]


def test_a_page_wide_form_holding_the_article_is_read():
    # ASP.NET wraps the whole page in one <form>: it is not a comment form.
    page = (
        "<html><head><title>ประชุมพัฒนาครู</title></head><body><form id=aspnetForm>"
        "<div id=menu><ul><li><a href=a.aspx>หน้าหลัก</a></li>"
        "<li><a href=b.aspx>ข่าว</a></li></ul></div><div id=pnlMain><span>ประชุมพัฒนาครู</span>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</div><div id=pnlRight><table>"
        + "".join(
            f"<tr><td><a href=n.aspx?ID={n}>{t}</a></td><td>0{n}/05/2567</td></tr>"
            for n, t in enumerate(OTHERS)
        )
        + "</table></div></form></body></html>"
    )
    _assert_only_the_article(parse_article(page, "http://127.0.0.1/").body_text)


def test_many_columns_of_links_read_in_linear_time():
    # 12,000 news links (the page cap is 30,000 elements) around 2,000 paragraphs; the
    # bound is loose: it catches quadratic walks, not timings.
    links = "".join(
        f'<a href="?id={n}">ข่าวที่ {n} การประชุมของสำนักงานเขต</a> [{n % 28 + 1} พ.ค. 2567]<br>'
        for n in range(6_000)
    )
    paragraphs = "".join(f"<p>{PARAGRAPHS[0]} {n}</p>" for n in range(2_000))
    page = (
        f"<html><body><table><tr><td>{links}</td><td>{paragraphs}</td><td>{links}</td></tr>"
        "</table></body></html>"
    )
    started = time.perf_counter()
    body = parse_article(page, "http://127.0.0.1/").body_text
    assert time.perf_counter() - started < 60
    lines = body.split("\n")
    assert len(lines) == 2_000 and "ข่าวที่" not in body
