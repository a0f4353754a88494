"""The outlet of wire copy, from its dateline: « BRUXELLES, 3 février 2022 (AFP) - », « MOSCOU
(Reuters) – »: a place, maybe a date, the agency in brackets, a dash, at the start of the text."""
from __future__ import annotations

import re

from .records import Article

# The agency: a known name, or a short capitalised one (« (Belga) », « (ATS/AFP) »); never a long aside.
_DATELINE = re.compile(
    r"""^\s*(?:[A-ZÀ-Ý][A-ZÀ-Ý'’.\- ]{1,40}?(?:,[^()\n]{3,40}?)?  # MOSCOU, or MOSCOU, 3 février,
    |[A-ZÀ-Ý][\w'’.\- ]{1,40}?,[^()\n]{3,40}?)\s*  # or Moscou, 3 février (a place, then its date)
    \((?P<agency>(?:AFP|Reuters|AP|Associated\ Press|Belga|ATS|DPA|ANSA|EFE|Xinhua|TASS|Interfax|Ukrinform|RIA\ Novosti)
    (?:\s*/\s*[A-Z][\w ]{1,15})*)\)\s*[-–—]""", re.VERBOSE)
LOOK_IN = 160  # characters of the first paragraph where a dateline can be


def wire_outlet(text: str) -> str | None:
    """The agency a dateline names at the start of `text`, else None."""
    found = _DATELINE.match(text[:LOOK_IN])
    return " ".join(found.group("agency").split()) if found else None


def fill_wire_outlet(article: Article) -> None:
    """An article that names no outlet (no page, no metadata) takes its dateline's agency."""
    if article.outlet:
        return
    index = 1 if article.has_title_paragraph else 0
    first = article.paragraphs[index] if len(article.paragraphs) > index else article.lead  # summaries keep the lead
    article.outlet = wire_outlet(first or "")
