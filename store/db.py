"""The store: a small TinyDB index of every article, one file per article body, and read state.

Layout for a store at PATH (the TinyDB file):
  PATH                  index: every article without its paragraphs (annotations, dates, titles)
  PATH.articles/ID.json one article in full, loaded when it is opened
  PATH.read.json        which articles the user has read (tiny, so marking one is cheap)
  PATH.index            words for search and claim keys of quotes (store/indexes.py), updated with the index
"""
from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import orjson
import platformdirs
from tinydb import TinyDB

from .indexes import CorpusIndex, index_path
from .records import Article, article_from_doc, article_to_doc, article_to_summary_doc
from .safe_text import printable
from .storage import (
    AtomicJSONStorage,
    StoreError,
    WriterLock,
    atomic_write_bytes,
    backup_paths,
    read_json_file,
    remove_leftover_temporaries,
    restore_hint,
    rotate_backups,
)

ARTICLE_FILE_MAX_BYTES = 5_000_000  # an article's text is at most 400,000 characters; its file a few times that


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
        self.warnings: list[str] = []  # one line each: what was wrong but did not stop the store opening
        if writable:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"{self.path.parent}: cannot create the store folder ({error.strerror})") from None
            writable = self._lock.acquire()
        self.read_only = not writable
        self.read_only_reason = self._lock.why_not  # in words, when read_only
        self._check_index_present()
        if writable:  # what a killed or failed writer left; only the lock holder may remove it
            own = re.escape(self.path.name)
            remove_leftover_temporaries(self.path.parent, re.compile(rf"\.{own}(\.read\.json|\.index)?\.\d+(\.bak)?\.tmp"))
            remove_leftover_temporaries(self.bodies_dir, re.compile(r"\..+\.json\.\d+\.tmp"))
        self._index = TinyDB(self.path, storage=AtomicJSONStorage, read_only=self.read_only)
        self._articles = self._index.table("articles", cache_size=0)
        self._validated = False
        self._read = self._open_read_state()
        self._read_ids = {doc["id"] for doc in self._read.table("read", cache_size=0).all()}
        self._ids = {doc["id"] for doc in self._raw_articles()}
        self._corpus_index: CorpusIndex | None = None

    def _check_index_present(self) -> None:
        """Article files without their index mean the index was lost: starting an empty one would
        hide every article and, at the next write, push the last backup out."""
        if self.path.exists() or not self.bodies_dir.is_dir() or not any(self.bodies_dir.glob("*.json")):
            return
        self.close()
        how = restore_hint(self.path)
        raise StoreError(f"{self.path}: the store index is missing but {self.bodies_dir} holds articles{how}")

    def _open_read_state(self) -> TinyDB:
        """Read state is not essential: when its file is damaged, say so and start with nothing read."""
        path = self.path.with_name(self.path.name + ".read.json")
        try:
            read = TinyDB(path, storage=AtomicJSONStorage, read_only=self.read_only)
            if all(isinstance(doc.get("id"), str) for doc in read.table("read", cache_size=0).all()):
                return read
        except (StoreError, TypeError, AttributeError, ValueError):
            pass
        kept = ""
        if not self.read_only and path.exists():
            damaged = _free_name(path.with_name(path.name + ".damaged"))  # an earlier damage stays as it was
            try:
                os.replace(path, damaged)
                kept = f"; it was kept as {damaged}"
            except OSError:
                pass
        self.warnings.append(f"{path}: read-state file is damaged, every article shows as unread{kept}")
        return TinyDB(path, storage=AtomicJSONStorage, read_only=self.read_only, fresh=True)

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
            summaries = [article_from_doc({**doc, "paragraphs": [], "source_starts": []}) for doc in self._raw_articles()]
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise StoreError(f"{self.path}: not a store of this ukr-tui version, or damaged ({error!r}); "
                             f"the file was left as it is{restore_hint(self.path)}") from None
        finally:
            self._index.storage.release()  # the records are built: the decoded file need not stay in memory
        self._validated = True
        return summaries

    def load_article(self, article_id: str) -> Article:
        path = self._body_path(article_id)
        doc = self._read_body(article_id)
        if doc is None:
            raise StoreError(f"{path}: article file is missing")
        if doc.get("id") != article_id:  # another article's file copied over this one
            raise StoreError(f"{path}: article file holds another article ({printable(str(doc.get('id'))[:40])}); "
                             "importing its source again repairs it")
        try:
            return article_from_doc(doc)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise StoreError(f"{path}: article file is damaged ({error!r})") from None

    def _read_body(self, article_id: str) -> dict | None:
        """An article file's JSON: only a regular file of news size is read (a link to /dev/zero, a
        FIFO or a huge sparse file is refused before reading)."""
        return read_json_file(self._body_path(article_id), max_bytes=ARTICLE_FILE_MAX_BYTES)

    def has_sound_body(self, article_id: str) -> bool:
        """Whether the article's file is there and decodes as its own (cheap: no record is built)."""
        try:
            doc = self._read_body(article_id)
        except StoreError:
            return False
        return isinstance(doc, dict) and doc.get("id") == article_id and isinstance(doc.get("paragraphs"), list)

    def searchable_text(self, article_id: str) -> str:
        """Title and body only, straight from the article's file (no records built)."""
        doc = self._read_body(article_id) or {}
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
            if not self._validated:
                self.summaries()  # like every reader: a damaged index must not be rotated over the last backup
            self.bodies_dir.mkdir(exist_ok=True)
            for article in fresh:  # bodies first: the index write below is what commits them
                atomic_write_bytes(self._body_path(article.id), orjson.dumps(article_to_doc(article)))
            self._articles.insert_multiple(article_to_summary_doc(a) for a in fresh)
            self._ids.update(a.id for a in fresh)
            # After the commit above: a crash here leaves the corpus index behind, and
            # `corpus_index` brings it up to date on the next open.
            self._corpus_index = self._current_corpus_index().with_articles(fresh)
            try:
                self._corpus_index.write(index_path(self.path))
            except OSError as error:  # the articles are stored: only the derived search file waits
                self.warnings.append(f"{index_path(self.path)}: the search index could not be saved "
                                     f"({error.strerror or error}); it is rebuilt from the article files at the next open")
            return fresh

    def update_articles(self, articles: list[Article]) -> None:
        """Rewrite stored articles whose annotations changed (a date set by the user or borrowed from
        the corpus): their files first, then the index in one write."""
        with self._mutex:
            changed = {a.id: a for a in articles if a.id in self._ids}
            if not changed:
                return
            before: dict[str, bytes | None] = {}  # the files as they were, put back if the index cannot follow
            try:
                for article in changed.values():
                    path = self._body_path(article.id)
                    before[article.id] = path.read_bytes() if path.is_file() else None
                    atomic_write_bytes(path, orjson.dumps(article_to_doc(article)))
                summaries = {i: article_to_summary_doc(a) for i, a in changed.items()}
                self._articles.update(lambda doc: doc.update(summaries[doc["id"]]), cond=lambda doc: doc["id"] in summaries)
            except BaseException:
                for article_id, data in before.items():  # the files and the index agree again
                    with suppress(OSError):
                        if data is None:
                            self._body_path(article_id).unlink(missing_ok=True)
                        else:
                            atomic_write_bytes(self._body_path(article_id), data)
                raise

    def corpus_index(self, skipped: list[str] | None = None) -> CorpusIndex:
        """Search words and claim keys for every stored article. Articles the file does not cover
        (a store written by an older ukr-tui, or a crash) are read once and added; the writer saves
        that. An article file that cannot be read is left out (and named in `skipped`)."""
        with self._mutex:
            index = self._current_corpus_index()
            missing = index.missing(self._ids)
            if missing:
                index = index.with_articles(self._readable(missing, skipped if skipped is not None else []))
                if not self.read_only:
                    index.write(index_path(self.path))
            self._corpus_index = index
            return index

    def _readable(self, article_ids: list[str], skipped: list[str]) -> Iterator[Article]:
        for article_id in article_ids:
            try:
                yield self.load_article(article_id)
            except StoreError as error:
                skipped.append(str(error))

    def _current_corpus_index(self) -> CorpusIndex:
        if self._corpus_index is None:
            try:
                self._corpus_index = CorpusIndex.load(index_path(self.path)) or CorpusIndex.empty()
            except StoreError:  # derived from the article files: rebuilt from them, nothing is lost
                self._corpus_index = CorpusIndex.empty()
        return self._corpus_index

    def repair_bodies(self, articles: list[Article]) -> list[Article]:
        """Rewrite the article files that are missing or damaged for articles already in the index."""
        with self._mutex:
            broken = [a for a in articles if a.id in self._ids and not self.has_sound_body(a.id)]
            if broken:
                self.bodies_dir.mkdir(exist_ok=True)
            for article in broken:
                atomic_write_bytes(self._body_path(article.id), orjson.dumps(article_to_doc(article)))
            return broken

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


def _free_name(path: Path) -> Path:
    """`path`, or `path.2`, `path.3`… the first that does not exist."""
    number = 1
    while os.path.lexists(path if number == 1 else f"{path}.{number}"):
        number += 1
    return path if number == 1 else Path(f"{path}.{number}")


def _article_ids_in(path: Path) -> list[str] | None:
    """The ids of the articles a sound index file holds; None when it is missing or damaged."""
    try:
        data = read_json_file(path)
        docs = data["articles"].values() if data and "articles" in data else []
        for doc in docs:
            article_from_doc({**doc, "paragraphs": [], "source_starts": []})
    except (StoreError, KeyError, TypeError, ValueError, AttributeError):
        return None
    return None if data is None else [doc["id"] for doc in docs]


def article_files(path: Path) -> dict[str, Path]:
    """The article files of the store at `path`, by the id their name gives."""
    bodies = path.with_name(path.name + ".articles")
    return {file.stem: file for file in sorted(bodies.glob("*.json"))} if bodies.is_dir() else {}


def rebuild_hint(path: Path) -> str:
    count = len(article_files(path))
    return f"`ukr-tui restore --rebuild --db {path}` rebuilds it from the {count} article file(s)" if count else ""


def restore_backup(path: Path) -> str:
    """Put the newest sound backup back in place of a damaged or missing index; say what was done,
    and what the backup lacks that the article files hold."""
    if not path.parent.is_dir():
        raise StoreError(f"{path}: no store here")
    lock = WriterLock(path)
    if not lock.acquire():
        raise StoreError(f"{path}: cannot restore: {lock.why_not}")
    try:  # what a killed restore (or writer) left: we hold the lock, no one else writes there
        remove_leftover_temporaries(path.parent, re.compile(rf"\.{re.escape(path.name)}\.\d+(\.bak)?\.tmp"))
        if (ids := _article_ids_in(path)) is not None:
            raise StoreError(f"{path}: the index is sound ({len(ids)} article(s)); nothing was restored")
        for backup in backup_paths(path):
            if (ids := _article_ids_in(backup)) is None:
                continue
            kept = ""
            if path.exists():
                damaged = _free_name(path.with_name(path.name + ".damaged"))
                os.replace(path, damaged)
                kept = f"; the damaged index was kept as {damaged}"
            atomic_write_bytes(path, backup.read_bytes())
            saved = time.strftime("%Y-%m-%d %H:%M", time.localtime(backup.stat().st_mtime))
            lacking = len(set(article_files(path)) - set(ids))
            lacks = (f"; it lacks {lacking} article(s) imported since, whose files are kept: "
                     f"{rebuild_hint(path)} with them") if lacking else ""
            return f"Restored {path} from {backup.name}: {len(ids)} article(s) as of {saved}{kept}{lacks}"
        found = len(backup_paths(path))
        hint = f"; {rebuild_hint(path)}" if rebuild_hint(path) else ""
        raise StoreError(f"{path}: no sound backup to restore" + (f" ({found} found, all damaged)" if found else "") + hint)
    finally:
        lock.release()


def rebuild_index(path: Path) -> str:
    """A new index from the article files, which hold every article in full; the index before is
    kept (as `.bak1` when sound, `.damaged` otherwise) and the search file is made again. Say what was done."""
    from .indexes import index_path

    files = article_files(path)
    if not files:
        raise StoreError(f"{path}: no article files to rebuild the index from")
    lock = WriterLock(path)
    if not lock.acquire():
        raise StoreError(f"{path}: cannot rebuild: {lock.why_not}")
    try:
        summaries, unreadable = [], []
        for article_id, file in files.items():
            try:
                doc = read_json_file(file, max_bytes=ARTICLE_FILE_MAX_BYTES)
                if not isinstance(doc, dict) or doc.get("id") != article_id:
                    raise StoreError(f"{file}: holds another article or none")
                summaries.append(article_to_summary_doc(article_from_doc(doc)))
            except (StoreError, KeyError, TypeError, ValueError, AttributeError):
                unreadable.append(file.name)
        if not summaries:
            raise StoreError(f"{path}: none of the {len(files)} article file(s) can be read; nothing was rebuilt")
        kept = ""
        if path.exists():
            if _article_ids_in(path) is not None:
                rotate_backups(path)
                kept = f"; the index before was kept as {path.name}.bak1"
            else:  # a damaged index is never rotated into the backups
                damaged = _free_name(path.with_name(path.name + ".damaged"))
                os.replace(path, damaged)
                kept = f"; the damaged index was kept as {damaged.name}"
        atomic_write_bytes(path, orjson.dumps({"articles": {str(n): doc for n, doc in enumerate(summaries, 1)}}))
        index_path(path).unlink(missing_ok=True)  # derived: made again below from the article files
    finally:
        lock.release()
    skipped = []
    with Store(path) as store:
        store.corpus_index(skipped)
    unread = (f"; {len(unreadable)} unreadable file(s) left out ({', '.join(unreadable[:3])}"
              f"{'…' if len(unreadable) > 3 else ''})") if unreadable else ""
    return f"Rebuilt {path} from {len(summaries)} article file(s){unread}{kept}"
