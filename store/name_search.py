"""Search that knows names: a query word that starts a word of an entity's name also finds the
other spellings the corpus knows for that name (`zelensky` finds "Zelenskiy")."""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher
from weakref import WeakKeyDictionary

from .library import Library
from .records import Article
from .search import words_of

SAME_WORD = 0.75  # how alike two spellings of one name word must be (zelensky / zelenskiy: 0.94)


class _NameWords:
    """Every word of every entity's names, sorted for prefix lookups, with the name words of the
    entities each belongs to: built once per corpus instead of once per query word."""

    def __init__(self, library: Library) -> None:
        groups: dict[str, list[frozenset[str]]] = defaultdict(list)
        for info in library.ranked_entities():
            alias_words = frozenset(w for alias in info.aliases | {info.name} for w in words_of(alias))
            for word in alias_words:
                groups[word].append(alias_words)
        self.groups = dict(groups)
        self.words = sorted(groups)

    def starting(self, prefix: str) -> Iterator[str]:
        position = bisect_left(self.words, prefix)
        while position < len(self.words) and self.words[position].startswith(prefix):
            yield self.words[position]
            position += 1


_name_words: WeakKeyDictionary = WeakKeyDictionary()  # corpus → its _NameWords (a new corpus after import)


def spellings(library: Library, word: str) -> set[str]:
    """`word` and, for every entity with a name word it starts, that word's other spellings."""
    names = _name_words.get(library.corpus)
    if names is None:
        names = _name_words[library.corpus] = _NameWords(library)
    found = {word}
    for matched in names.starting(word):
        for alias_words in names.groups[matched]:
            found |= {w for w in alias_words if w == matched or SequenceMatcher(None, matched, w).ratio() >= SAME_WORD}
    return found


def search(library: Library, query: str) -> list[str]:
    """Ids of the articles that have, for each query word, one of its spellings (in list order)."""
    found: set[str] | None = None
    for word in words_of(query):
        ids = {article_id for spelling in spellings(library, word) for article_id in library.search(spelling)}
        found = ids if found is None else found & ids
    return [a.id for a in library.articles if a.id in (found or set())]


def match_span(library: Library, article: Article, query: str) -> tuple[int, int] | None:
    """The first place in the body where any spelling of a query word starts a word."""
    every = {spelling for word in words_of(query) for spelling in spellings(library, word)}
    return library.match_span(article, " ".join(sorted(every)))


def match_spans(library: Library, article: Article, query: str) -> list[tuple[int, int]]:
    """Every place in the body where a spelling of a query word starts a word, in order (body offsets)."""
    import re

    from .library import _folded_with_origin

    every = {spelling for word in words_of(query) for spelling in spellings(library, word)}
    folded, origin = _folded_with_origin(article.body)
    spans = set()
    for word in every:
        for found in re.finditer(r"(?<!\w)" + re.escape(word), folded):
            spans.add((origin[found.start()], origin[found.end() - 1] + 1))
    return sorted(spans)
