"""Saved web pages (`.html`, `.htm`): the article's main text and the page's own metadata.

trafilatura finds the main text (navigation, cookie banners, related links left out) and the
title, author, site name and canonical address; htmldate, which it uses, reads the publication
date from the page's markup only (`article:published_time`, JSON-LD…), never guessed from its text.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from .reading import InputError, read_article_text

PAGE_SUFFIXES = (".html", ".htm")
MIN_ARTICLE_WORDS = 80  # below this the page's main text is a teaser, a list of links or a form


@dataclass(frozen=True)
class Page:
    text: str  # the headline, then the main text, one paragraph a line
    title: str | None
    author: str | None
    outlet: str | None
    url: str | None
    published: str | None  # YYYY-MM-DD from the page's markup


def is_page(path: Path) -> bool:
    return path.suffix.lower() in PAGE_SUFFIXES


_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{1,40})""", re.IGNORECASE)
# Numeric references to characters XML has not (C0 controls but tab and line ends, U+FFFE, U+FFFF):
# lxml gives up on the page at the first one, so `<p>&#27;[31m…` read as 0 words of main text.
_NOT_XML_REFERENCE = re.compile(r"&#(?:0*(?:[1-8]|1[1-2]|1[4-9]|2\d|3[01]|65534|65535)(?!\d)"
                                r"|[xX]0*(?:[1-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?")


def declared_charset(data: bytes) -> str | None:
    """The encoding a page's `<meta charset>` or `http-equiv` names in its head, as Python knows it;
    None when there is none or Python has no such codec. A page saved to disk is no longer in
    UTF-16 whatever its meta says (the rule of the HTML standard), so that one is not believed."""
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if name.startswith(("utf-16", "utf-32")) else name


def read_page(path: Path) -> Page:
    html = _NOT_XML_REFERENCE.sub("", read_article_text(path, declared_charset))
    if not re.search(r"(?i)<(html|body|p|div|article)\b", html):
        raise InputError(f"{path}: not a web page (no HTML found)")
    import trafilatura  # imported here: only saved pages need it

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (document.text if document is not None else "") or ""
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS:
        raise InputError(f"{path}: not an article (the page has {words} words of main text)")
    title = _clean(document.title)
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return Page(
        text=text,
        title=title,
        author=_clean(document.author),
        outlet=_clean(document.sitename) or _clean(document.hostname),
        url=_clean(document.url),
        published=document.date if document.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", document.date) else None,
    )


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None
