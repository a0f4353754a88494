"""Importing article files into the store, one bad file never stopping the others."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .db import Store
from .pipeline import parse_file
from .reading import InputError, expand_paths

Progress = Callable[[int, int, str], None]  # done, total, what is happening


@dataclass
class ImportReport:
    added: int = 0
    already_there: int = 0
    errors: list[str] = field(default_factory=list)


def bundled_seeds_dir() -> Path:
    """The demo corpus: shipped inside the package when installed, the repo's seeds/ otherwise."""
    packaged = Path(str(resources.files("store"))) / "seeds"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "seeds"


def import_paths(store: Store, paths: Iterable[Path], progress: Progress | None = None, batch: int = 50) -> ImportReport:
    from .nlp import load_model

    files = expand_paths(list(paths))
    report = ImportReport()
    if progress:
        progress(0, len(files), "loading the French language model")
    nlp = load_model()
    pending = []
    for done, path in enumerate(files, 1):
        try:
            pending.append(parse_file(path, nlp))
        except InputError as error:
            report.errors.append(str(error))
        if len(pending) >= batch or done == len(files):
            added = store.add_articles(pending)
            report.added += len(added)
            report.already_there += len(pending) - len(added)
            pending = []
        if progress:
            progress(done, len(files), path.name)
    return report
