"""Which part of a page template an element sits in: the banner (site name, logo), the
furniture (menus, sidebars, footers, other news), or neither (the article).

Told from the element's own tag and class/id words, so a walk down the page can carry its
parents' answer along: no walks up per element (or one walk up, remembered: `inherited`).

Every reader's notion of furniture lives here. They are not one list, on purpose: what a
reader may lose differs. The headline and date readers (`is_furniture`) keep a post's own
footer and Joomla's component ("module") since dates and titles sit there; the article
verdict (`in_loose_furniture`) counts any header, footer or module as page furniture,
since it only asks whether a link is the page's own; the main-text reader drops more
boxes (`is_block_furniture`: bylines, calendars, pagers) and, inside a template's article
body, the plugins' bars (`is_inner_furniture`); the explorer's menus (`in_menu`) are the
navigation around the page, header and footer included.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bs4 import Tag

from edunews.crawl.attrs import attr

# A class or id word naming the banner: "header", "site-header", "logo-wrap", "site-name",
# "brand". Not "entry-header", "page-header" (Joomla's article heading sits in it) or
# "date-header" (Blogger's date line): those belong to the article.
_BANNER_WORD = re.compile(
    r"(?:site|top|main|global)?[-_]?(?:header|banner|masthead|branding|logo)(?:[-_]?[a-z0-9]+)?"
    r"|site[-_]?(?:name|title|slogan|description)|sitename|name-and-slogan|topbar|brand|slogan",
    re.I,
)
# Class/id words every notion of furniture below shares: boxes of other news, menus, and
# what readers do with a page (comment, share).
_BOXES = r"sidebar|widget|related|recent|latest"
_MENUS = r"menu|breadcrumb|navigation|\bnav\b"
_REACTIONS = r"comment|share"
# Words of the elements other news, menus and the like live in. "module" alone is left
# out: Joomla's component area may be named so; its side boxes are moduletable*, mod-*.
# A post's own footer (Blogger's post-footer, WordPress's entry-footer) holds its date.
FURNITURE = re.compile(
    rf"{_BOXES}|lastest|{_MENUS}|{_REACTIONS}|(?<!post-)(?<!entry-)(?<!article-)footer|"
    r"moduletable|\bmod[-_]",
    re.I,
)
# For the article verdict: any footer and any module are the page's, not the article's.
_LOOSE_FURNITURE = re.compile(rf"{_BOXES}|{_MENUS}|{_REACTIONS}|footer|module", re.I)
_LOOSE_FURNITURE_TAGS = frozenset({"aside", "nav", "footer", "header"})
# Boxes main_block leaves out of the article's text: furniture, and the article's own
# byline, date and pager lines, which are no paragraphs of it.
_BLOCK_FURNITURE = re.compile(
    r"menu|\bnav|sidebar|latest|lastest|related|share|sharing|social|addtoany|comment|"
    r"breadcrumb|banner|footer|widget|calendar|pagination|pager|byline|entry-meta|post-meta|"
    r"article-info|submitted",
    re.I,
)
# What plugins add inside a template's article body: share bars, galleries, likes, tags.
_INNER_FURNITURE = re.compile(
    r"share|sharing|social|gallery|related|comment|addtoany|a2a|likes|sd-|print|pagination|"
    r"post-navigation|tags-links|cat-links",
    re.I,
)
# The navigation around a page, for telling a link only a menu shows.
_MENU = re.compile(r"menu|\bnav|navigation|navbar|header|footer|breadcrumb|topbar", re.I)
_MENU_TAGS = frozenset({"nav", "header", "footer"})
_OWN_FOOTER = re.compile(r"entry|post|article", re.I)
_ARTICLE_WORDS = re.compile(r"entry|post|article|page-|content|item|news|node", re.I)


def label(tag: Tag) -> str:
    """The element's class and id words, space-separated."""
    return attr(tag, "class") + " " + attr(tag, "id")


def is_banner(tag: Tag, in_article: bool) -> bool:
    """The page's banner: a class/id word says so, or an HTML5 <header> that is not an
    article's own (inside <article>/<main>, or named entry-header and the like)."""
    words = label(tag)
    if any(_BANNER_WORD.fullmatch(word) for word in words.split()):
        return True
    return tag.name == "header" and not in_article and not _ARTICLE_WORDS.search(words)


def is_furniture(tag: Tag) -> bool:
    words = label(tag)
    if tag.name == "footer" and not _OWN_FOOTER.search(words):
        return True
    return tag.name in ("aside", "nav") or bool(FURNITURE.search(words))


def in_loose_furniture(tag: Tag, memo: dict[int, bool] | None = None) -> bool:
    """Whether `tag` sits in a sidebar, menu, header, footer or the like (the article
    verdict's reading). With `memo` (one per soup), each element is judged once: checking
    every anchor of a deeply nested page walked every ancestor again (depth x links)."""
    return inherited(tag, {} if memo is None else memo, _is_loose_furniture)


def _is_loose_furniture(tag: Tag) -> bool:
    return tag.name in _LOOSE_FURNITURE_TAGS or bool(_LOOSE_FURNITURE.search(label(tag)))


def is_block_furniture(tag: Tag) -> bool:
    """A box named as one main_block leaves out of the article's text."""
    return bool(_BLOCK_FURNITURE.search(label(tag)))


def is_inner_furniture(tag: Tag) -> bool:
    """A plugin's bar or box inside a template's article body."""
    return bool(_INNER_FURNITURE.search(label(tag)))


def in_menu(tag: Tag) -> bool:
    """Whether `tag` (a link) sits in the page's navigation: a <nav>, <header>, <footer>
    or an element named a menu, up to the <body> (whose classes name the template)."""
    for node in tag.parents:
        if not isinstance(node, Tag) or node.name in ("body", "html", "[document]"):
            return False
        if node.name in _MENU_TAGS or _MENU.search(label(node)):
            return True
    return False


def inherited(tag: Tag, known: dict[int, bool], own: Callable[[Tag], bool]) -> bool:
    """`own(node)` for tag or any ancestor, memoised in `known` (by id: the soup lives
    as long as the lookups): asking it of each of a page's candidates costs a walk up to
    the nearest element already known, linear in the page, not depth times candidates."""
    path: list[tuple[Tag, bool]] = []
    node: Tag | None = tag
    answer = False
    while isinstance(node, Tag):
        if id(node) in known:
            answer = known[id(node)]
            break
        path.append((node, own(node)))
        if path[-1][1]:
            break
        node = node.parent
    for seen, itself in reversed(path):  # outermost first: what is inside furniture is too
        answer = answer or itself
        known[id(seen)] = answer
    return answer


def is_article(tag: Tag) -> bool:
    return tag.name in ("article", "main")


def is_page_form(tag: Tag) -> bool:
    """A <form> around the whole page, as ASP.NET WebForms writes every page (<form
    id="aspnetForm">): its text is the page's, not a comment or search form's."""
    if tag.name != "form":
        return False
    parent = tag.parent
    return (isinstance(parent, Tag) and parent.name == "body") or ".aspx" in str(
        tag.get("action") or ""
    )
