"""Classes of site the red-team shapes (testsites/shapes_unseen.py) found `auto` blind to: popup
links, opaque ids, table layouts whose latest-news column has no class."""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup

from edunews.crawl.links import read_links
from edunews.crawl.shape import Shape
from edunews.crawl.verdict import verdict

PAGE = "http://school.test/pr/index.php"
TEXT = "เมื่อวันที่ 12 พฤษภาคม 2567 โรงเรียนจัดประชุมผู้ปกครองนักเรียนประจำภาคเรียนที่ 1 " * 6


def _absolute(base: str, href: str) -> str | None:
    # As exploring resolves: scripts and fragments are no address.
    return None if href.startswith(("#", "javascript:")) else urljoin(base, href)


def links_of(html: str) -> list[str]:
    soup = BeautifulSoup(html, "lxml")
    return [url for url, _ in read_links(soup, PAGE, _absolute).links]


def test_popup_links_name_their_page_in_the_script():
    html = (
        "<a href=\"#\" onclick=\"window.open('show.php?nid=5','n','width=800');return false;\">"
        "ประชุมผู้ปกครอง</a>"
        "<a href=\"javascript:popup('show.php?nid=6')\">กีฬาสี</a>"
        "<a href=\"javascript:openNews('/pr/read.aspx?ID=7')\">ไหว้ครู</a>"
    )
    assert links_of(html) == [
        "http://school.test/pr/show.php?nid=5",
        "http://school.test/pr/show.php?nid=6",
        "http://school.test/pr/read.aspx?ID=7",
    ]


def test_scripts_without_a_page_are_no_links():
    from edunews.crawl.links import script_target

    assert script_target("__doPostBack('ctl00$gvNews','Page$2')") == ""
    assert script_target("void(0)") == ""
    assert script_target("toggleMenu('news')") == ""


def test_opaque_ids_are_ids():
    shape = Shape.of("http://s.test/news/detail.php?nid=MDAxNA%3D%3D")
    assert shape.matches("http://s.test/news/detail.php?nid=MDAxMg%3D%3D")
    assert shape.matches("http://s.test/news/detail.php?nid=MDAxMw%3D%3D")
    hexed = Shape.of("http://s.test/view?uid=8f14e45fceea167a5a36dedd4bea2543")
    assert hexed.matches("http://s.test/view?uid=c9f0f895fb98ab9159f51fd0297e236d")
    # Words stay words: a Maxsite module is not an id.
    maxsite = Shape.of("http://s.test/index.php?name=news&file=readnews&id=5")
    assert not maxsite.matches("http://s.test/index.php?name=news&file=list&id=2")


def _table_page(main: str, title: str) -> str:
    latest = "".join(
        f'<a href="index.php?name=news&file=readnews&id={n}">ข่าวกิจกรรมโรงเรียนเรื่องที่ {n}'
        f"</a> [1{n} พ.ค. 2567]<br>"
        for n in range(1, 8)
    )
    return (
        f"<html><head><title>โรงเรียน :: {title}</title></head><body><table><tr>"
        '<td><a href="index.php">หน้าแรก</a></td>'
        f'<td valign="top">{main}</td><td><b>ข่าวล่าสุด</b><br>{latest}</td>'
        "</tr></table></body></html>"
    )


def test_an_article_beside_a_latest_news_column_without_a_class_is_an_article():
    title = "โรงเรียนบ้านหนองจัดประชุมผู้ปกครองนักเรียน ภาคเรียนที่ 1"
    html = _table_page(
        f'<table><tr><td><b><font size="3">{title}</font></b></td></tr>'
        f"<tr><td>โดย admin เมื่อ 12 พฤษภาคม 2567</td></tr><tr><td><p>{TEXT}</p></td></tr></table>",
        title,
    )
    url = "http://s.test/index.php?name=news&file=readnews&id=99"
    result = verdict(html, url, BeautifulSoup(html, "lxml"))
    assert result.article and result.title == title, result


def test_a_listing_in_a_table_layout_stays_a_listing():
    rows = "".join(
        f'<tr><td><a href="index.php?name=news&file=readnews&id={n}">'
        f"ประชุมผู้ปกครองนักเรียนประจำภาคเรียนที่ {n} ปีการศึกษา 2567</a> [1{n} พ.ค. 2567]</td></tr>"
        for n in range(10, 14)
    )
    html = _table_page(f"<b>ข่าวประชาสัมพันธ์</b><table>{rows}</table><p>{TEXT}</p>", "ข่าวประชาสัมพันธ์")
    url = "http://s.test/index.php?name=news&file=list&category=1"
    assert not verdict(html, url, BeautifulSoup(html, "lxml")).article


def test_a_pager_only_a_script_works_is_seen_and_steps_are_named():
    soup = BeautifulSoup(
        "<table><tr><td><a href=\"javascript:__doPostBack('ctl00$gvNews','Page$2')\">2</a>"
        "</td></tr></table><a href='NewsDetail.aspx?ID=4'>&lt;&lt; ข่าวก่อนหน้า</a>"
        "<a href='NewsDetail.aspx?ID=6'>ข่าวถัดไป &gt;&gt;</a>"
        "<a href='NewsDetail.aspx?ID=7'>ประชุมผู้ปกครองนักเรียนประจำภาคเรียนที่ 1</a>",
        "lxml",
    )
    page = read_links(soup, PAGE, _absolute)
    assert page.script_paging and not page.paging
    assert page.steps == [
        "http://school.test/pr/NewsDetail.aspx?ID=4",
        "http://school.test/pr/NewsDetail.aspx?ID=6",
    ]


def test_a_blank_root_moved_on_by_body_onload_and_a_server_folder_index():
    onload = BeautifulSoup(
        "<html><body onload=\"window.location.href='main/index.php'\"></body></html>", "lxml"
    )
    preload = BeautifulSoup(
        "<html><body onload=\"MM_preloadImages('/images/menu1.gif')\"></body></html>", "lxml"
    )
    folders = BeautifulSoup(
        "<html><head><title>Index of /</title></head><body><a href='pr/'>pr/</a></body></html>",
        "lxml",
    )
    assert read_links(onload, PAGE, _absolute).links == [
        ("http://school.test/pr/main/index.php", "enter")
    ]
    assert read_links(preload, PAGE, _absolute).links == []
    assert read_links(folders, "http://school.test/", _absolute).folder_index
