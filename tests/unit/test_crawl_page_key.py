"""One page, however its address is spelled (issue 10's red team): session ids in every
link, trackers, fragments, case and dot segments made one article many, each stored."""

from __future__ import annotations

import pytest

from edunews.crawl.urls import page_key, without_session

OWN = "http://office.example/news/12"


@pytest.mark.parametrize(
    "spelling",
    [
        OWN + "#comments",
        "HTTP://Office.Example/news/12",
        "http://office.example/news/./12",
        "http://office.example/x/../news/12",
        "http://office.example:80/news/12",
        OWN + ";jsessionid=0A1B2C3D",
        OWN + ";JSESSIONID=0A1B2C3D?utm_source=line",
        OWN + "?PHPSESSID=9f8e7d6c",
        OWN + "?utm_source=facebook&utm_medium=post&fbclid=IwAR0abc",
        OWN + "?gclid=xyz#top",
    ],
)
def test_spellings_of_one_page_are_one_key(spelling):
    assert page_key(spelling) == page_key(OWN)


@pytest.mark.parametrize(
    "other",
    [
        "http://office.example/news/13",
        OWN + "?id=5",
        OWN + "?sid=3",  # a section in some CMSs: not a session
        "http://office.example/index.php?option=com_content&id=12",
    ],
)
def test_other_pages_stay_apart(other):
    assert page_key(other) != page_key(OWN)


def test_without_session_keeps_the_rest_as_written():
    url = "http://office.example/ข่าว/1;jsessionid=AB?p=3&PHPSESSID=x&cat=2#c"
    assert without_session(url) == "http://office.example/ข่าว/1?p=3&cat=2"
    assert without_session("http://office.example/?utm_source=x") == "http://office.example/"


def test_not_a_url_is_its_own_key():
    assert page_key("javascript:void(0)") == "javascript:void(0)"
