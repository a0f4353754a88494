"""Who is quoted: speakers grouped as people, institutions and anonymous sources, found by name,
by any spelling the corpus knows, or by a role the articles give them."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .corpus import QuoteRef
from .library import Library
from .lexicon import fold
from .records import ANONYMOUS, ORGANIZATION, PERSON, PLACE

PEOPLE, INSTITUTIONS, ANONYMOUS_SOURCES, UNATTRIBUTED = "People", "Institutions", "Anonymous sources", "Unattributed"
GROUPS = (PEOPLE, INSTITUTIONS, ANONYMOUS_SOURCES, UNATTRIBUTED)
_GROUP_OF_KIND = {PERSON: PEOPLE, ORGANIZATION: INSTITUTIONS, PLACE: INSTITUTIONS, ANONYMOUS: ANONYMOUS_SOURCES}


@dataclass(frozen=True)
class Speaker:
    name: str | None  # None gathers the quotes the extraction gave to nobody
    group: str
    refs: list[QuoteRef]


def _group(library: Library, name: str | None, refs: list[QuoteRef]) -> str:
    if name is None:
        return UNATTRIBUTED
    kinds = Counter(r.quote.speaker_kind for r in refs if r.quote.speaker_kind)
    if kinds:
        return _GROUP_OF_KIND.get(kinds.most_common(1)[0][0], INSTITUTIONS)
    info = library.entity(name)
    return _GROUP_OF_KIND.get(info.kind, INSTITUTIONS) if info else ANONYMOUS_SOURCES


def speakers(library: Library, refs: list[QuoteRef]) -> list[Speaker]:
    """The speakers of `refs`, by group, then most quoted first."""
    by_name: dict[str | None, list[QuoteRef]] = {}
    for ref in refs:
        by_name.setdefault(ref.speaker or None, []).append(ref)
    found = [Speaker(name, _group(library, name, quoted), quoted) for name, quoted in by_name.items()]
    return sorted(found, key=lambda s: (GROUPS.index(s.group), -len(s.refs), s.name or ""))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def speaker_matches(library: Library, name: str | None, query: str) -> bool:
    """Whether every typed word begins a word of the speaker's name, of one of its spellings, or of
    one of its roles ("pesk", "Peskov", "porte-parole du Kremlin")."""
    wanted = _words(query)
    if name is None or not wanted:
        return False
    info = library.entity(name)
    fields = [name, *(info.aliases if info else ()), *(info.roles if info else ())]
    return any(all(any(word.startswith(w) for word in words) for w in wanted) for words in map(_words, fields))
