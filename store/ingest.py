"""Importing article files into the store, one bad file never stopping the others."""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .db import Store
from .metadata import metadata_for
from .pipeline import apply_metadata, parse_file
from .reading import InputError, expand_paths
from .records import Article

Progress = Callable[[int, int, str], None]
PARALLEL_IMPORT_FROM = 40  # files; below this the model loads cost more than they save  # done, total, what is happening


@dataclass
class ImportReport:
    added: int = 0
    already_there: int = 0
    errors: list[str] = field(default_factory=list)


def bundled_seeds_dir() -> Path:
    """The demo corpus: shipped inside the package when installed, the repo's seeds/ otherwise."""
    packaged = Path(str(resources.files("store"))) / "seeds"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "seeds"


def _parse_or_error(path: Path) -> Article | str:
    """In a worker process: the parsed article, or the one-line reason it was skipped."""
    try:
        return parse_file(path)
    except InputError as error:
        return str(error)


def _parsed(files: list[Path], workers: int) -> Iterator[Article | str]:
    """Articles in file order; with several workers, each process loads its own model."""
    if workers <= 1:
        from .nlp import load_model

        nlp = load_model()
        for path in files:
            try:
                yield parse_file(path, nlp)
            except InputError as error:
                yield str(error)
        return
    # "spawn": the caller may have threads (a progress bar, the TUI) that fork would copy badly.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(_parse_or_error, files, chunksize=4)


def import_paths(store: Store, paths: Iterable[Path], progress: Progress | None = None, batch: int = 50,
                 workers: int | None = 1, metadata_file: Path | None = None, published: str | None = None) -> ImportReport:
    """Parse and store the files in `workers` processes; None chooses: several for a large import,
    one otherwise (each process spends seconds loading the French model). Metadata (a metadata.csv
    beside the files, `metadata_file`, or `published` for one file) is applied as articles come back."""
    files = expand_paths(list(paths))
    metadata = metadata_for(files, metadata_file, published)
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if len(files) >= PARALLEL_IMPORT_FROM else 1
    report = ImportReport()
    if progress:
        progress(0, len(files), "loading the French language model")
    pending: list[Article] = []
    for done, (path, result) in enumerate(zip(files, _parsed(files, workers), strict=True), 1):
        if isinstance(result, str):
            report.errors.append(result)
        else:
            if path in metadata:
                apply_metadata(result, metadata[path])
            pending.append(result)
        if len(pending) >= batch or done == len(files):
            added = store.add_articles(pending)
            report.added += len(added)
            report.already_there += len(pending) - len(added)
            pending = []
        if progress:
            progress(done, len(files), path.name)
    return report
