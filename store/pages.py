"""Saved web pages (`.html`, `.htm`): the article's main text and the page's own metadata.

trafilatura finds the main text (navigation, cookie banners, related links left out) and the
title, author, site name and canonical address; htmldate, which it uses, reads the publication
date from the page's markup only (`article:published_time`, JSON-LD…), never guessed from its text.
"""
from __future__ import annotations

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


def read_page(path: Path) -> Page:
    html = read_article_text(path)
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
