"""Which part of a page template an element sits in: the banner (site name, logo), the
furniture (menus, sidebars, footers, other news), or neither (the article).

Told from the element's own tag and class/id words, so a walk down the page can carry its
parents' answer along: no walks up per element.
"""

from __future__ import annotations

import re

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
# Words of the elements other news, menus and the like live in. "module" alone is left
# out: Joomla's component area may be named so; its side boxes are moduletable*, mod-*.
# A post's own footer (Blogger's post-footer, WordPress's entry-footer) holds its date.
FURNITURE = re.compile(
    r"sidebar|widget|related|recent|latest|lastest|menu|comment|share|"
    r"(?<!post-)(?<!entry-)(?<!article-)footer|breadcrumb|"
    r"navigation|\bnav\b|moduletable|\bmod[-_]",
    re.I,
)
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
