"""Files read as one corpus without storing them (`extract`, `evaluate`): names are made canonical and
undated articles borrow dates across the files given together, as an import does against the store."""
from __future__ import annotations

from functools import partial
from pathlib import Path

from .anchoring import date_from_corpus
from .corpus import canonicalise
from .ingest import SECONDS_PER_FILE, within
from .metadata import metadata_for
from .nlp import load_model
from .pipeline import describe, failed_to_parse, parse_text, read_source
from .reading import InputError
from .records import Article


def parse_together(files: list[Path], metadata_file: Path | None = None, published: str | None = None,
                   paths_as_given: bool = False, seconds_per_file: float = SECONDS_PER_FILE) -> tuple[list[tuple[Article, str]], list[str]]:
    """Each readable file's Article with the text its offsets point into (a saved page's main text),
    and the one-line reason each other file was skipped (one that takes over `seconds_per_file`
    to parse is, as in an import). Articles are named by their file name, or with `paths_as_given`
    by the path as given (`extract mine/02.txt` says `mine/02.txt`)."""
    skipped: list[str] = []  # a metadata row with a bad date is one of these, and the files go on
    metadata = metadata_for(files, metadata_file, published, skipped)
    parsed: list[tuple[Article, str]] = []
    nlp = load_model()  # loaded once, outside each file's time budget
    for path in files:
        try:
            source, page = read_source(path)
            name = str(path) if paths_as_given else path.name
            if (article := within(seconds_per_file, partial(parse_text, source, name, nlp))) is None:
                skipped.append(f"{name}: took longer than {seconds_per_file:g} s to parse; skipped")
                continue
            describe(article, page, metadata.get(path))
            parsed.append((article, source))
        except InputError as error:
            skipped.append(str(error))
        except Exception as error:  # a bug met by one text is that file's one line; the others go on
            skipped.append(failed_to_parse(path.name, error))
    articles = [article for article, _ in parsed]
    canonicalise(articles)
    date_from_corpus(articles)
    return parsed, skipped
