"""Importing article files into the store, one bad or slow file never stopping the others.

Files are read and hashed first: one already stored is counted and never parsed. The rest go to
the model in chunks, in this process or in worker processes that each load the model once, exit
when their parent dies, and give up on a file that takes longer than the time budget.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .db import Store
from .anchoring import date_stored_from_corpus
from .metadata import Metadata, metadata_for
from .pages import Page
from .pipeline import article_id, describe, parse_many, read_source
from .reading import InputError, expand_paths
from .records import BASIS_USER, Article

if TYPE_CHECKING:
    from .cluster import ClusterSpec

T = TypeVar("T")
PARALLEL_IMPORT_FROM = 40  # files; below this the model loads cost more than they save
CHUNK = 8  # files per model stream: big enough for full batches, small enough for steady progress
SECONDS_PER_FILE = 60.0  # a news article parses in well under a second; past this something is wrong


@dataclass(frozen=True)
class ImportProgress:
    """Where an import stands: `done` of `total` files, `current` says what is happening."""

    done: int
    total: int
    current: str
    elapsed: float  # seconds since the import began (so the rate counts the model load)

    @property
    def rate(self) -> float:
        """Files per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 and self.done else 0.0


Progress = Callable[[ImportProgress], None]


@dataclass
class ImportReport:
    added: int = 0
    already_there: int = 0
    repaired: int = 0  # already there, but their article file was missing or damaged and is rewritten
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what was wrong but skipped no file (a metadata row)
    stopped: str | None = None  # why the import stopped before the end (a full disk): the articles added are kept
    dated_from_corpus: list[str] = field(default_factory=list)  # files that took another article's date
    added_ids: set[str] = field(default_factory=set)


def bundled_seeds_dir() -> Path:
    """The demo corpus: shipped inside the package when installed, the repo's seeds/ otherwise."""
    packaged = Path(str(resources.files("store"))) / "seeds"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "seeds"


# --- parsing with a time budget ---------------------------------------------------------------------
class _OverBudget(BaseException):
    """Not an Exception: the code it interrupts must not catch it as one file's error."""


def _raise_over_budget(signum, frame):
    raise _OverBudget


def within(seconds: float, work: Callable[[], T]) -> T | None:
    """`work()`, or None when it runs past `seconds`. Only the main thread can be interrupted, so
    elsewhere (an import run by the TUI's worker thread) the budget is not enforced."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return work()
    previous = signal.signal(signal.SIGALRM, _raise_over_budget)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return work()
    except _OverBudget:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_chunk(items: list[tuple[str, str]], seconds_per_file: float = SECONDS_PER_FILE) -> list[Article | str]:
    """Parse (file name, text) pairs in one model stream; when the stream runs past the budget,
    parse them one by one to find the slow file and skip it with a one-line reason."""
    from .nlp import load_model

    nlp = load_model()
    results = within(seconds_per_file * len(items), lambda: list(parse_many(items, nlp)))
    if results is not None:
        return results
    if len(items) == 1:
        return [f"{items[0][0]}: took longer than {seconds_per_file:g} s to parse; skipped"]
    return [result for item in items for result in parse_chunk([item], seconds_per_file)]


# --- worker processes -----------------------------------------------------------------------------
def _exit_with_parent(parent: int) -> None:
    """In a worker: die with the importing process, even when it is killed with -9, so no worker is
    left behind parsing for no one. prctl covers Linux at once; the watchdog covers everywhere."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _parsed(items: Iterable[tuple[str, str]], workers: int, seconds_per_file: float,
            cluster: ClusterSpec | None = None) -> Iterator[Article | str]:
    """Results in the order of `items`; several workers each load their own model."""
    if cluster is not None:
        from .cluster import parsed_on_cluster

        yield from parsed_on_cluster(items, cluster, seconds_per_file)
        return
    if workers <= 1:
        for chunk in _chunks(items, CHUNK):
            yield from parse_chunk(chunk, seconds_per_file)
        return
    # "spawn": the caller may have threads (a progress bar, the TUI) that fork would copy badly.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_exit_with_parent, initargs=(os.getpid(),)) as pool:
        pending: deque[Future] = deque()
        for chunk in _chunks(items, CHUNK):
            pending.append(pool.submit(parse_chunk, chunk, seconds_per_file))
            if len(pending) > 2 * workers:  # a bounded queue: texts are not all held in memory
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


# --- import ------------------------------------------------------------------------------------------
def import_paths(store: Store, paths: Iterable[Path], progress: Progress | None = None, batch: int = 200,
                 workers: int | None = 1, seconds_per_file: float = SECONDS_PER_FILE,
                 metadata_file: Path | None = None, published: str | None = None,
                 cluster: ClusterSpec | None = None) -> ImportReport:
    """Parse and store the new files in `workers` processes; None chooses: several for a large
    import, one otherwise (each process spends seconds loading the French model); or on a dask
    cluster (`cluster`, store/cluster.py), the results committed here all the same. Metadata (a
    metadata.csv beside the files, `metadata_file`, or `published` for one file) and what saved
    web pages say of themselves are applied as articles come back."""
    files = expand_paths(list(paths))
    report = ImportReport()
    metadata = {path.name: entry for path, entry in metadata_for(files, metadata_file, published, report.warnings).items()}
    pages: dict[str, Page] = {}  # saved web pages are read once: their main text is what is parsed
    described: list[tuple[str, Metadata]] = []  # stored already, with metadata now: it is applied to them
    started = time.monotonic()
    done = 0

    def advance(what: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(ImportProgress(done, len(files), what, time.monotonic() - started))

    def text_or_none(path: Path) -> str | None:
        """The file's text when it is readable and not stored yet; otherwise counted and passed."""
        try:
            text, page = read_source(path)
        except InputError as error:
            report.errors.append(str(error))
        else:
            if page is not None:
                pages[path.name] = page
            identity = article_id(text)
            if identity not in store or not store.has_sound_body(identity):  # a lost file is parsed again
                return text
            report.already_there += 1
            if path.name in metadata:
                described.append((identity, metadata[path.name]))
        advance(path.name)
        return None

    # Reading and hashing is cheap next to parsing: files already stored never reach the model.
    fresh = [path for path in files if text_or_none(path) is not None]
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if len(fresh) >= PARALLEL_IMPORT_FROM else 1
    if not fresh:
        cluster = None  # nothing to parse: no cluster is started or reached
    if fresh and progress:
        step = f"parsing on {cluster.describe()}" if cluster else "loading the French language model"
        progress(ImportProgress(done, len(files), step, time.monotonic() - started))
    texts = ((path.name, text) for path in fresh
             if (text := pages[path.name].text if path.name in pages else _read_again(path, report, advance)) is not None)
    pending: list[Article] = []
    warned = len(store.warnings)
    try:
        for result in _parsed(texts, workers, seconds_per_file, cluster):
            if isinstance(result, str):
                report.errors.append(result)
                advance(result.split(":", 1)[0])
                continue
            describe(result, pages.get(result.file), metadata.get(result.file))
            pending.append(result)
            if len(pending) >= batch:
                _store(store, pending, report)
            advance(result.file)
        _store(store, pending, report)
        store.update_articles(_redescribed(store, described))
        if report.added_ids:
            report.dated_from_corpus = [a.file for a in date_stored_from_corpus(store, report.added_ids)]
    except OSError as error:  # a full disk, a folder no longer writable: what was committed stays
        where = f"{error.filename}: " if error.filename else ""
        report.stopped = (f"{where}{error.strerror or error}; the import stopped there, "
                          f"and the {report.added} article(s) imported before it are kept")
    report.warnings += store.warnings[warned:]
    return report


def _read_again(path: Path, report: ImportReport, advance: Callable[[str], None]) -> str | None:
    """The text for the parser (not kept from the first pass, so a large import is not held in memory)."""
    try:
        return read_source(path)[0]
    except InputError as error:
        report.errors.append(str(error))
        advance(path.name)
        return None


def _redescribed(store: Store, described: list[tuple[str, Metadata]]) -> list[Article]:
    """Stored articles whose metadata now says something else (a metadata.csv added since)."""
    changed = []
    for identity, metadata in described:
        article = store.load_article(identity)
        before = (article.published, article.published_basis, article.outlet, article.url, article.title)
        if article.published_basis == BASIS_USER:
            continue  # the user's own date stays
        describe(article, None, metadata)
        if (article.published, article.published_basis, article.outlet, article.url, article.title) != before:
            changed.append(article)
    return changed


def _store(store: Store, articles: list[Article], report: ImportReport) -> None:
    added = store.add_articles(articles)
    added_ids = {a.id for a in added}
    repaired = store.repair_bodies([a for a in articles if a.id not in added_ids])
    report.added += len(added)
    report.added_ids.update(a.id for a in added)
    report.repaired += len(repaired)
    report.already_there += len(articles) - len(added) - len(repaired)
    articles.clear()
