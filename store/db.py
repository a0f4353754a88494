"""The store: a small TinyDB index of every article, one file per article body, and read state.

Layout for a store at PATH (the TinyDB file):
  PATH                  index: every article without its paragraphs (annotations, dates, titles)
  PATH.articles/ID.json one article in full, loaded when it is opened
  PATH.read.json        which articles the user has read (tiny, so marking one is cheap)
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import orjson
import platformdirs
from tinydb import TinyDB

from .records import Article, article_from_doc, article_to_doc, article_to_summary_doc
from .storage import AtomicJSONStorage, StoreError, WriterLock, atomic_write_bytes, read_json_file

def default_store_path() -> Path:
    if env := os.environ.get("UKR_TUI_DB"):
        return Path(env).expanduser()
    return platformdirs.user_data_path("ukr-tui") / "store.json"


class Store:
    def __init__(self, path: Path, writable: bool = True):
        self.path = Path(path)
        self.bodies_dir = self.path.with_name(self.path.name + ".articles")
        self._lock = WriterLock(self.path)
        self._mutex = threading.Lock()
        if writable:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"{self.path.parent}: cannot create the store folder ({error.strerror})") from None
            writable = self._lock.acquire()
        self.read_only = not writable
        self._index = TinyDB(self.path, storage=AtomicJSONStorage, read_only=self.read_only)
        self._articles = self._index.table("articles", cache_size=0)
        self._read = TinyDB(self.path.with_name(self.path.name + ".read.json"), storage=AtomicJSONStorage, read_only=self.read_only)
        self._read_ids = {doc["id"] for doc in self._read.table("read", cache_size=0).all()}
        self._ids = {doc["id"] for doc in self._raw_articles()}

    def close(self) -> None:
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._ids

    # --- reading ------------------------------------------------------------------------------
    def _raw_articles(self) -> list[dict]:
        """The index's documents as stored, without TinyDB copying each into a Document."""
        return list((self._index.storage.read() or {}).get("articles", {}).values())

    def summaries(self) -> list[Article]:
        """Every article without its paragraphs or mention positions, from the index in memory."""
        try:
            return [article_from_doc({**doc, "paragraphs": [], "source_starts": []}) for doc in self._raw_articles()]
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise StoreError(f"{self.path}: not a store of this ukr-tui version, or damaged ({error!r}); the file was left as it is") from None

    def load_article(self, article_id: str) -> Article:
        path = self._body_path(article_id)
        doc = read_json_file(path)
        if doc is None:
            raise StoreError(f"{path}: article file is missing")
        try:
            return article_from_doc(doc)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise StoreError(f"{path}: article file is damaged ({error!r})") from None

    def searchable_text(self, article_id: str) -> str:
        """Title and body only, straight from the article's file (no records built)."""
        doc = read_json_file(self._body_path(article_id)) or {}
        return " ".join([doc.get("title") or "", *doc.get("paragraphs", [])])

    def read_ids(self) -> set[str]:
        return set(self._read_ids)

    # --- writing ------------------------------------------------------------------------------
    def add_articles(self, articles: list[Article]) -> list[Article]:
        """Store the articles not already there, in one index write; return those added."""
        with self._mutex:
            fresh, seen = [], set()
            for article in articles:
                if article.id not in self._ids and article.id not in seen:
                    fresh.append(article)
                    seen.add(article.id)
            if not fresh:
                return []
            self.bodies_dir.mkdir(exist_ok=True)
            for article in fresh:  # bodies first: the index write below is what commits them
                atomic_write_bytes(self._body_path(article.id), orjson.dumps(article_to_doc(article)))
            self._articles.insert_multiple(article_to_summary_doc(a) for a in fresh)
            self._ids.update(a.id for a in fresh)
            return fresh

    def update_articles(self, articles: list[Article]) -> None:
        """Rewrite stored articles whose annotations changed (a date set by the user or borrowed from
        the corpus): their files first, then the index in one write."""
        with self._mutex:
            changed = {a.id: a for a in articles if a.id in self._ids}
            if not changed:
                return
            for article in changed.values():
                atomic_write_bytes(self._body_path(article.id), orjson.dumps(article_to_doc(article)))
            summaries = {i: article_to_summary_doc(a) for i, a in changed.items()}
            self._articles.update(lambda doc: doc.update(summaries[doc["id"]]), cond=lambda doc: doc["id"] in summaries)

    def mark_read(self, article_id: str, read: bool = True) -> None:
        with self._mutex:
            if read == (article_id in self._read_ids):
                return
            table = self._read.table("read", cache_size=0)
            if read:
                table.insert({"id": article_id})
                self._read_ids.add(article_id)
            else:
                table.remove(lambda doc: doc["id"] == article_id)
                self._read_ids.discard(article_id)

    def _body_path(self, article_id: str) -> Path:
        return self.bodies_dir / f"{article_id}.json"
