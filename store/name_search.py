"""Search that knows names: a query word that starts a word of an entity's name also finds the
other spellings the corpus knows for that name (`zelensky` finds "Zelenskiy")."""
from __future__ import annotations

from difflib import SequenceMatcher

from .library import Library
from .records import Article
from .search import words_of

SAME_WORD = 0.75  # how alike two spellings of one name word must be (zelensky / zelenskiy: 0.94)


def spellings(library: Library, word: str) -> set[str]:
    """`word` and, for every entity with a name word it starts, that word's other spellings."""
    found = {word}
    for info in library.ranked_entities():
        alias_words = {w for alias in info.aliases | {info.name} for w in words_of(alias)}
        for matched in [w for w in alias_words if w.startswith(word)]:
            found |= {w for w in alias_words if SequenceMatcher(None, matched, w).ratio() >= SAME_WORD}
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
