"""Who is quoted: speakers grouped as people, institutions and anonymous sources, found by name,
by any spelling the corpus knows, or by a role the articles give them."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from .corpus import Corpus, QuoteRef
from .library import Library
from .lexicon import fold
from .records import ANONYMOUS, DIRECT, ORGANIZATION, PERSON, PLACE

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


_EVERYONE: WeakKeyDictionary[Corpus, list[Speaker]] = WeakKeyDictionary()


def all_speakers(library: Library) -> list[Speaker]:
    """The speakers of every direct quote, as `speakers` groups them: computed once per corpus
    (an import gives the library a new one), so who-said-what opens again at once."""
    corpus = library.corpus
    if corpus not in _EVERYONE:
        _EVERYONE[corpus] = speakers(library, library.quotes())
    return _EVERYONE[corpus]


def folded_words(text: str) -> list[str]:
    """Folded words (accents and case ignored), as speakers are matched."""
    return re.findall(r"\w+", fold(text))


def speaker_fields(library: Library, name: str | None) -> list[list[str]]:
    """The folded words of the speaker's name, of each of its spellings and of each of its roles:
    computed once per speaker, so a key typed is a scan of ready words."""
    if name is None:
        return []
    info = library.entity(name)
    return [folded_words(field) for field in (name, *(info.aliases if info else ()), *(info.roles if info else ()))]


def fields_match(fields: list[list[str]], wanted: list[str]) -> bool:
    """Whether every wanted word (as `folded_words` gives them) begins a word of one of `fields`
    ("pesk", "Peskov", "porte-parole du Kremlin")."""
    return bool(wanted) and any(all(any(word.startswith(w) for word in field) for w in wanted) for field in fields)


def quotes_by_name_or_role(library: Library, who: str, kind: str | None = DIRECT) -> list[QuoteRef]:
    """A speaker's quotes by any spelling of the name ("Peskov"), else the quotes of every speaker
    a role the articles give them fits ("porte-parole du Kremlin"), as who said what finds them."""
    refs = library.quotes_by(who, kind)
    if refs:
        return refs
    wanted = folded_words(who)
    found = [r for name, quoted in library.quotes_by_speaker.items() if fields_match(speaker_fields(library, name), wanted)
             for r in quoted if kind is None or r.quote.kind == kind]
    return sorted(found, key=lambda r: (r.article.published or "9999", r.article.file, r.quote.start))
