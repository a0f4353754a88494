"""Files read as one corpus without storing them (`extract`, `evaluate`): names are made canonical and
undated articles borrow dates across the files given together, as an import does against the store."""
from __future__ import annotations

from pathlib import Path

from .anchoring import date_from_corpus
from .corpus import canonicalise
from .metadata import metadata_for
from .pipeline import describe, parse_text, read_source
from .reading import InputError
from .records import Article


def parse_together(files: list[Path], metadata_file: Path | None = None,
                   published: str | None = None) -> tuple[list[tuple[Article, str]], list[str]]:
    """Each readable file's Article with the text its offsets point into (a saved page's main text),
    and the one-line reason each other file was skipped."""
    skipped: list[str] = []  # a metadata row with a bad date is one of these, and the files go on
    metadata = metadata_for(files, metadata_file, published, skipped)
    parsed: list[tuple[Article, str]] = []
    for path in files:
        try:
            source, page = read_source(path)
            article = parse_text(source, path.name)
            describe(article, page, metadata.get(path))
            parsed.append((article, source))
        except InputError as error:
            skipped.append(str(error))
    articles = [article for article, _ in parsed]
    canonicalise(articles)
    date_from_corpus(articles)
    return parsed, skipped
