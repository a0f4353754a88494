"""Full-text search over titles and bodies: folded words → articles, built once, queried in ms."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .lexicon import fold_text

_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    return _WORD.findall(fold_text(text))


class WordIndex:
    """Accent- and case-insensitive; every query word must start a word of the article."""

    def __init__(self) -> None:
        self._postings: dict[str, set[str]] = defaultdict(set)

    def add(self, article_id: str, text: str) -> None:
        for word in set(words_of(text)):
            self._postings[word].add(article_id)

    @classmethod
    def build(cls, texts: Iterable[tuple[str, str]]) -> WordIndex:
        """From (article id, title and body) pairs."""
        index = cls()
        for article_id, text in texts:
            index.add(article_id, text)
        return index

    def search(self, query: str) -> set[str]:
        found: set[str] | None = None
        for word in words_of(query):
            ids: set[str] = set()
            for key, postings in self._postings.items():
                if key.startswith(word):
                    ids |= postings
            found = ids if found is None else found & ids
        return found or set()
