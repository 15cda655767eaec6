"""Page furniture, told in one module (crawl/regions.py) for every reader: where the
readers' notions differ, they differ on purpose, and these say how."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from edunews.crawl.regions import (
    in_loose_furniture,
    in_menu,
    inherited,
    is_block_furniture,
    is_furniture,
    is_inner_furniture,
)


def _tag(html: str, name: str = "a"):
    return BeautifulSoup(html, "lxml").find(name)


@pytest.mark.parametrize(
    ("html", "dates_and_titles", "verdict"),
    [
        ('<div class="sidebar"><a>x</a></div>', True, True),
        ("<aside><a>x</a></aside>", True, True),
        # A post's own footer holds its date: the date reader keeps it, the verdict does not.
        ('<footer class="entry-footer"><a>x</a></footer>', False, True),
        ('<div class="post-footer"><a>x</a></div>', False, True),
        # Joomla's component area may be named "module"; its side boxes are moduletable.
        ('<div class="module"><a>x</a></div>', False, True),
        ('<div class="moduletable"><a>x</a></div>', True, True),
        # Any <header> is the page's to the verdict; the date reader's banner rule is apart.
        ("<header><a>x</a></header>", False, True),
        ('<div class="entry-content"><a>x</a></div>', False, False),
    ],
)
def test_furniture_for_dates_and_titles_and_for_the_verdict(html, dates_and_titles, verdict):
    link = _tag(html)
    assert inherited(link, {}, is_furniture) is dates_and_titles
    assert in_loose_furniture(link) is verdict


def test_the_main_text_reader_drops_more_boxes_and_plugin_bars():
    assert is_block_furniture(_tag('<div class="byline">by</div>', "div"))
    assert is_block_furniture(_tag('<div class="calendar">1 2 3</div>', "div"))
    assert not is_block_furniture(_tag('<div class="entry-content">text</div>', "div"))
    assert is_inner_furniture(_tag('<div class="sharedaddy sd-block">share</div>', "div"))
    assert not is_inner_furniture(_tag('<p class="lead">text</p>', "p"))


def test_a_menu_is_the_navigation_around_the_page_not_the_body_the_template_names():
    assert in_menu(_tag('<div id="topbar"><ul><li><a href="/">x</a></li></ul></div>'))
    assert in_menu(_tag('<footer><a href="/">x</a></footer>'))
    # WordPress names the template in <body>'s classes: no link is in a menu for that.
    assert not in_menu(_tag('<body class="header-fixed"><p><a href="/">x</a></p></body>'))


def test_inherited_remembers_every_ancestor_on_the_way():
    soup = BeautifulSoup(
        '<div class="sidebar"><ul><li><a id="one">1</a><a id="two">2</a></li></ul></div>'
        '<div class="content"><a id="three">3</a></div>',
        "lxml",
    )
    asked: list[str] = []

    def own(tag) -> bool:
        asked.append(tag.name)
        return is_furniture(tag)

    known: dict[int, bool] = {}
    assert inherited(soup.find(id="one"), known, own)
    assert inherited(soup.find(id="two"), known, own)
    assert not inherited(soup.find(id="three"), known, own)
    # The second link's walk stops at its <li>, judged on the first walk; the third's
    # stops at <body>.
    assert asked == ["a", "li", "ul", "div", "a", "a", "div", "body", "html", "[document]"]
