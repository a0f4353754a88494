"""Raw article text to clean paragraphs, by general rules about web pages (no per-site lists).

Paragraphs keep their offset in the source text, so every annotation can point back into the file.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Words that only ever appear in page furniture: sharing, subscribing, commenting, donating, menus.
_BOILERPLATE_PHRASES = re.compile(
    r"""(?ix)
    \b(share|partager|partagez|tweet(er)?|imprimer|print|e-?mail\s+this)\b.{0,20}$
    | ^(share|stay|more|you\s+might|related|read\s+more|sign\s+up|follow\s+us)\b
    | \b(abonnez[- ]vous|en\s+vous\s+abonnant|inscrivez[- ]vous|newsletter|soutenez[- ]nous|faites\s+un\s+don
        |vous\s+nous\s+aiderez|aidez[- ]nous|connectez[- ]vous|se\s+connecter|subscribe|cliquez\s+(ici|pour))\b
    | ^(commentaires?|comments?|table\s+des\s+mati[eè]res|sommaire|lire\s+aussi|[àa]\s+lire\s+aussi|voir\s+aussi
        |publicit[ée]|galerie\s+photo|temps\s+de\s+lecture|publi[ée]\s+(le|mis)|mis\s+[àa]\s+jour|article\s+r[ée]dig[ée]
        |cet\s+article\s+(date|a\s+[ée]t[ée]\s+publi[ée]))\b
    """
)
_TEMPLATE_TAG = re.compile(r"^\[[\w-]+(\s[^\]]*)?\]$")  # [elementor-template id=…], [caption …]
# "(- / WHITE HOUSE / AFP)": up to the first "/" nothing may be a slash, so no run of text can be
# split between repetitions (the old `(?:[^()]*/)+` backtracked exponentially on an unclosed "(").
_PHOTO_CREDIT = re.compile(r"\([^()/]*/[^()]*\)\s*$|\|\s*[A-Z][A-Z .\-/]{3,}$")
_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?:\s+|$)")
_DATELINE = re.compile(r"(?i)^(publi[ée]e?|mis\s+[àa]\s+jour)\s*(le\s|:)\s*\S")
_URL_LINE = re.compile(r"^(?:(?:source|url|lien|adresse)\s*:\s*)?(https?://\S+)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;»\"”]$")

_CONTROL_PICTURES = {0x7F: "\u2421"}


@dataclass(frozen=True)
class Paragraph:
    start: int  # offset of the first character in the source text
    text: str


@dataclass(frozen=True)
class CleanText:
    paragraphs: list[Paragraph]
    title: str | None
    stated_date: str | None  # from a "date YYYY-MM" prefix line, when the source has one
    dateline: str | None = None  # a "Publié le …" line, removed from the text but kept for dating
    url: str | None = None  # the article's address, on a line of its own (dropped from the text)


def neutralise_controls(text: str) -> str:
    """Replace terminal control characters (ESC, BEL, C1…) one for one with visible symbols.

    One for one keeps offsets stable; text is data and must never drive the terminal. Tabs and
    carriage returns (Windows line ends) become spaces, which stripping then removes.
    """
    out = []
    for char in text:
        code = ord(char)
        if char in "\n\t\r":
            out.append(char if char == "\n" else " ")
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F or 0x80 <= code < 0xA0:
            out.append(_CONTROL_PICTURES.get(code, "\ufffd"))
        elif unicodedata.category(char) in ("Cf",) and char not in "\u00ad\u200b":
            out.append("\ufffd")  # bidi overrides and other invisible format characters
        else:
            out.append(char)
    return "".join(out)


def is_boilerplate(line: str) -> bool:
    words = line.split()
    if not any(ch.isalnum() for ch in line):
        return True  # stray punctuation
    if _TEMPLATE_TAG.match(line):
        return True
    if len(words) <= 14 and _BOILERPLATE_PHRASES.search(line):
        return True
    if len(words) <= 40 and re.search(r"(?i)vous\s+nous\s+aider|abonnez|soutenez", line):
        return True  # a longer appeal to the reader
    if len(words) <= 60 and _PHOTO_CREDIT.search(line):
        return True  # caption with its credit line
    if len(words) <= 4 and line[0].islower() and not _SENTENCE_END.search(line):
        return True  # fragment left over from a page widget
    if len(words) <= 3 and all(w[:1].isupper() for w in words) and not _SENTENCE_END.search(line):
        return True  # a name alone on its line: byline, brand or credit ("France Télévisions")
    return False


def looks_like_title(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 30 and not line.rstrip().endswith((".", ":", ";", ","))


def clean(raw: str) -> CleanText:
    text = neutralise_controls(raw)
    paragraphs: list[Paragraph] = []
    stated_date = dateline = url = None
    position = 0
    for line in text.split("\n"):
        start = position
        position += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        start += len(line) - len(line.lstrip())
        if not paragraphs and stated_date is None and (match := _DATE_PREFIX.match(stripped)):
            stated_date = match.group(1)
            start += match.end()
            stripped = stripped[match.end():]
            if not stripped:
                continue
        if _DATELINE.match(stripped) and len(stripped.split()) <= 30:
            # "Publié le … | Mis à jour le …": the page's date, not its text
            dateline = f"{dateline} | {stripped}" if dateline else stripped
            continue
        if match := _URL_LINE.match(stripped):
            url = url or match.group(1)
            continue
        if is_boilerplate(stripped):
            continue
        paragraphs.append(Paragraph(start, stripped))
    title = paragraphs[0].text if len(paragraphs) > 1 and looks_like_title(paragraphs[0].text) else None
    # A page that repeats its headline at the bottom (related-articles widgets) keeps one copy.
    if title:
        paragraphs = [paragraphs[0]] + [p for p in paragraphs[1:] if p.text != title]
    return CleanText(paragraphs, title, stated_date, dateline, url)
