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


def parse_together(files: list[Path], metadata_file: Path | None = None, published: str | None = None,
                   paths_as_given: bool = False) -> tuple[list[tuple[Article, str]], list[str]]:
    """Each readable file's Article with the text its offsets point into (a saved page's main text),
    and the one-line reason each other file was skipped. Articles are named by their file name, or
    with `paths_as_given` by the path as given (`extract mine/02.txt` says `mine/02.txt`)."""
    metadata = metadata_for(files, metadata_file, published)
    parsed: list[tuple[Article, str]] = []
    skipped: list[str] = []
    for path in files:
        try:
            source, page = read_source(path)
            article = parse_text(source, str(path) if paths_as_given else path.name)
            describe(article, page, metadata.get(path))
            parsed.append((article, source))
        except InputError as error:
            skipped.append(str(error))
    articles = [article for article, _ in parsed]
    canonicalise(articles)
    date_from_corpus(articles)
    return parsed, skipped
