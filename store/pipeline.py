"""Raw text to an Article record: clean → spaCy doc → entities / quotes / dates → record.

`parse_many` feeds the paragraphs of many articles through one `nlp.pipe` stream, so the model
works in full batches instead of one small batch per article.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .cleaning import CleanText, clean
from .dates import DAY, MONTH, YEAR, Publication, dateline_span, find_expressions, infer_publication, resolve_events, stated_publication
from .entities import extract_entities
from .metadata import Metadata
from .nlp import load_model, merged_doc, model_inputs, parse_paragraphs, pipe
from .pages import Page, is_page, read_page
from .attribution import extract_quotes
from .reading import InputError, read_article_text
from .records import BASIS_METADATA, BASIS_PAGE, DIRECT, PARAGRAPH_SEPARATOR, Article
from .wire import fill_wire_outlet

PIPE_BATCH = 256  # paragraphs per model batch
T = TypeVar("T")
MAX_TEXT_CHARACTERS = 400_000  # a long feature is under 100,000; past this, attribution takes minutes


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Prepared:
    """An article cleaned and ready for the model: `parsed` is what the model reads."""

    text: str
    file_name: str
    cleaned: CleanText
    parsed: list[str]


def prepare_text(text: str, file_name: str, max_length: int) -> Prepared:
    cleaned = clean(text)
    if not cleaned.paragraphs:
        raise InputError(f"{file_name}: no article text left after cleaning")
    if (length := sum(len(p.text) for p in cleaned.paragraphs)) > MAX_TEXT_CHARACTERS:
        raise InputError(f"{file_name}: {length:,} characters of text is not a news article "
                         f"(the limit is {MAX_TEXT_CHARACTERS:,})")
    if any(len(p.text) >= max_length for p in cleaned.paragraphs):
        raise InputError(f"{file_name}: a paragraph of over {max_length:,} characters is not news text")
    # No-break spaces confuse the parser; the same length keeps every offset valid for the body.
    parsed = [p.text.replace("\u00a0", " ").replace("\u202f", " ") for p in cleaned.paragraphs]
    return Prepared(text, file_name, cleaned, parsed)


def _stage(file_name: str, what: str, work: Callable[[], T]) -> T:
    """One extraction stage; a fault of ours in it skips this article with one line, never the batch."""
    try:
        return work()
    except (InputError, MemoryError, KeyboardInterrupt):
        raise
    except Exception as error:  # noqa: BLE001 - a bug met on one article must not stop the others
        raise InputError(failed_to_parse(file_name, error, what)) from None


def build_article(prepared: Prepared, doc) -> Article:
    """The records extracted from the parsed body."""
    cleaned = prepared.cleaned
    body = PARAGRAPH_SEPARATOR.join(p.text for p in cleaned.paragraphs)
    name = prepared.file_name
    entities = _stage(name, "finding entities", lambda: extract_entities(doc))
    quotes = _stage(name, "attributing quotes", lambda: extract_quotes(doc, entities, body))
    expressions = _stage(name, "reading dates", lambda: find_expressions(body, doc, [(q.start, q.end) for q in quotes if q.kind == DIRECT]))
    stated, updated = stated_publication(body, cleaned.dateline, cleaned.stated_date, cleaned.url)
    publication = infer_publication(body, expressions, stated)
    article = Article(
        id=article_id(prepared.text),
        file=prepared.file_name,
        title=cleaned.title,
        published=None,
        published_basis=None,
        paragraphs=[p.text for p in cleaned.paragraphs],
        source_starts=[p.start for p in cleaned.paragraphs],
        has_title_paragraph=cleaned.title is not None,
        lead=cleaned.paragraphs[1 if cleaned.title else 0].text[:120] if len(cleaned.paragraphs) > 1 or not cleaned.title else "",
        entities=entities,
        quotes=quotes,
        updated=updated.isoformat() if updated else None,
        url=cleaned.url,
        expressions=expressions,
    )
    set_publication(article, publication)
    return article


def set_publication(article: Article, publication: Publication, borrowed_from: str | None = None) -> None:
    """Give the article this publication date and read its relative expressions from it again."""
    article.published = publication.date
    article.published_precision = publication.precision
    article.published_basis = publication.basis
    article.published_evidence = publication.evidence
    article.published_from = borrowed_from
    article.events = resolve_events(article.body, article.expressions, publication, article.updated, dateline_span(article.body))


def parse_text(text: str, file_name: str, nlp=None) -> Article:
    nlp = nlp or load_model()
    prepared = prepare_text(text, file_name, nlp.max_length)
    return build_article(prepared, parse_paragraphs(nlp, prepared.parsed, PARAGRAPH_SEPARATOR))


def read_source(path: Path) -> tuple[str, Page | None]:
    """The text to parse: a text file as it is, a saved web page's main text (and the page)."""
    if is_page(path):
        page = read_page(path)
        return page.text, page
    return read_article_text(path), None


def parse_file(path: Path, nlp=None, metadata: Metadata | None = None) -> Article:
    """A text file, or a saved web page through its main text and the page's own metadata;
    then what `metadata` says (a metadata.csv row, `--published`) over both."""
    text, page = read_source(path)
    article = parse_text(text, path.name, nlp)
    describe(article, page, metadata)
    return article


def describe(article: Article, page: Page | None, metadata: Metadata | None) -> None:
    """What is known from outside the text: the page's markup, then metadata, which wins."""
    if page is not None:
        article.title = page.title or article.title
        article.author, article.outlet, article.url = page.author, page.outlet, page.url or article.url
        if page.published:
            set_publication(article, Publication(page.published, DAY, BASIS_PAGE, "the page's publication date"))
    if metadata is not None:
        article.outlet = metadata.source or article.outlet
        article.url = metadata.url or article.url
        article.title = article.title or metadata.title
        if metadata.published:
            precision = {10: DAY, 7: MONTH, 4: YEAR}[len(metadata.published)]
            set_publication(article, Publication(metadata.published, precision, BASIS_METADATA, metadata.origin))
    fill_wire_outlet(article)  # wire copy names its agency in the dateline: « (AFP) »


def parse_many(items: Iterable[tuple[str, str]], nlp=None) -> Iterator[Article | str]:
    """(file name, text) pairs → each one's Article, or the one-line reason it was skipped, in order."""
    nlp = nlp or load_model()
    ready: list[Prepared | str] = []
    for file_name, text in items:
        try:
            ready.append(prepare_text(text, file_name, nlp.max_length))
        except InputError as error:
            ready.append(str(error))
    inputs = [model_inputs(item.parsed, PARAGRAPH_SEPARATOR) if isinstance(item, Prepared) else [] for item in ready]
    docs = iter(pipe(nlp, (text for texts in inputs for text in texts), batch_size=PIPE_BATCH))
    for item, texts in zip(ready, inputs, strict=True):
        if isinstance(item, str):
            yield item
            continue
        doc = merged_doc([next(docs) for _ in texts])
        try:
            yield build_article(item, doc)
        except InputError as error:  # a stage of extraction failed on this text: its one line says which
            yield str(error)
        except Exception as error:  # a bug met by one text is that file's one line; the others go on
            yield failed_to_parse(item.file_name, error)


def failed_to_parse(file_name: str, error: Exception, what: str = "extracting") -> str:
    """One line for a file whose extraction raised: what, and the last place in our code, for a bug report."""
    place, frame = "", error.__traceback__
    while frame is not None:
        if (path := Path(frame.tb_frame.f_code.co_filename)).is_relative_to(Path(__file__).parent):
            place = f" in {path.name}:{frame.tb_lineno}"
        frame = frame.tb_next
    return f"{file_name}: internal error while {what} ({type(error).__name__}: {str(error)[:200]}{place})"
