"""Corpus indexes kept on disk beside the store and updated with every write of articles, so no
query reads every article file: the words of every article (for search) and each quote's claim key.

File PATH.index (one atomic write, like every store file):
  b"UKRIDX1\\n", 8 bytes header length (little-endian), the header as JSON, then the postings.
  header: {"ids": [article id by number], "words": [folded words, sorted], "ends": [end of each word's
  postings, cumulative], "claims": {article id: [claim key of each quote, in the article's order]}}
  postings: uint32 little-endian article numbers, each word's sorted.
Search reads the header once and maps the postings; a word's articles are a slice of them.
"""
from __future__ import annotations

import hashlib
import mmap
import struct
import sys
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import orjson

from .corpus import normalise_quote
from .records import Article
from .search import words_of
from .storage import StoreError, atomic_write_bytes

MAGIC = b"UKRIDX1\n"
_LENGTH = struct.Struct("<Q")


def index_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".index")


def claim_key(normalised_words: str) -> int:
    """The same words, reported anywhere, give the same key (stable across processes)."""
    return int.from_bytes(hashlib.blake2b(normalised_words.encode("utf-8"), digest_size=8).digest(), "little")


def searchable_text(article: Article) -> str:
    return " ".join([article.title or "", *article.paragraphs])


class CorpusIndex:
    def __init__(self, ids: list[str], words: list[str], ends: list[int], postings, claims: dict[str, list[int]]):
        self.ids = ids
        self.words = words
        self.ends = ends
        self.postings = postings  # a buffer of uint32 article numbers
        self.claims = claims
        self._numbers: dict[str, int] | None = None

    @classmethod
    def empty(cls) -> CorpusIndex:
        return cls([], [], [], array("I"), {})

    @classmethod
    def load(cls, path: Path) -> CorpusIndex | None:
        """None when there is no index yet; a damaged one raises StoreError (the file is kept)."""
        try:
            with open(path, "rb") as handle:
                mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if path.stat().st_size else b""
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StoreError(f"{path}: cannot read the index ({error.strerror or error})") from None
        try:
            if mapped[: len(MAGIC)] != MAGIC:
                raise ValueError("not an index file")
            (length,) = _LENGTH.unpack_from(mapped, len(MAGIC))
            start = len(MAGIC) + _LENGTH.size
            header = orjson.loads(mapped[start : start + length])
            postings = memoryview(mapped)[start + length :].cast("I")
            index = cls(header["ids"], header["words"], header["ends"], postings, header["claims"])
            if len(index.ends) != len(index.words) or (index.ends and index.ends[-1] != len(postings)):
                raise ValueError("postings do not match the words")
        except (ValueError, KeyError, TypeError, struct.error, orjson.JSONDecodeError) as error:
            raise StoreError(f"{path}: index file is damaged ({error}); delete it and it is rebuilt") from None
        return index

    # --- queries -------------------------------------------------------------------------------
    def _articles_of(self, position: int) -> memoryview:
        start = self.ends[position - 1] if position else 0
        return self.postings[start : self.ends[position]]

    def search(self, query: str) -> set[str]:
        """Articles with a word starting with each word of the query (accents and case folded)."""
        found: set[int] | None = None
        for word in words_of(query):
            numbers: set[int] = set()
            position = bisect_left(self.words, word)
            while position < len(self.words) and self.words[position].startswith(word):
                numbers.update(self._articles_of(position))
                position += 1
            found = numbers if found is None else found & numbers
            if not found:
                return set()
        return {self.ids[n] for n in found or ()}

    def missing(self, article_ids: Iterable[str]) -> list[str]:
        if self._numbers is None:
            self._numbers = {article_id: n for n, article_id in enumerate(self.ids)}
        return [i for i in article_ids if i not in self._numbers]

    # --- updating ------------------------------------------------------------------------------
    def with_articles(self, articles: Iterable[Article]) -> CorpusIndex:
        """A new index that also covers `articles` (full records, as they are stored)."""
        postings: dict[str, array] = {word: array("I", self._articles_of(p)) for p, word in enumerate(self.words)}
        ids = list(self.ids)
        claims = dict(self.claims)
        known = set(ids)
        fresh = defaultdict(lambda: array("I"))
        for article in articles:
            if article.id in known:
                continue
            known.add(article.id)
            number = len(ids)
            ids.append(article.id)
            for word in set(words_of(searchable_text(article))):
                (postings.get(word) or fresh[word]).append(number)
            claims[article.id] = [claim_key(normalise_quote(q.text)) for q in article.quotes]
        postings.update(fresh)
        words = sorted(postings)
        ends, total, merged = [], 0, array("I")
        for word in words:
            merged.extend(postings[word])
            total += len(postings[word])
            ends.append(total)
        return CorpusIndex(ids, words, ends, merged, claims)

    def write(self, path: Path) -> None:
        header = orjson.dumps({"ids": self.ids, "words": self.words, "ends": self.ends, "claims": self.claims})
        postings = array("I", self.postings)
        if sys.byteorder != "little":
            postings.byteswap()
        atomic_write_bytes(path, MAGIC + _LENGTH.pack(len(header)) + header + postings.tobytes())
