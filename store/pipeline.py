"""Raw text to an Article record: clean → spaCy doc → entities / quotes / dates → record.

`parse_many` feeds the paragraphs of many articles through one `nlp.pipe` stream, so the model
works in full batches instead of one small batch per article.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .cleaning import CleanText, clean
from .dates import find_expressions, infer_publication, resolve_events
from .entities import extract_entities
from .nlp import load_model, merged_doc, model_inputs, parse_paragraphs
from .quotes import extract_quotes
from .reading import InputError, read_article_text
from .records import PARAGRAPH_SEPARATOR, Article

PIPE_BATCH = 256  # paragraphs per model batch


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
    if any(len(p.text) >= max_length for p in cleaned.paragraphs):
        raise InputError(f"{file_name}: a paragraph of over {max_length:,} characters is not news text")
    # No-break spaces confuse the parser; the same length keeps every offset valid for the body.
    parsed = [p.text.replace("\u00a0", " ").replace("\u202f", " ") for p in cleaned.paragraphs]
    return Prepared(text, file_name, cleaned, parsed)


def build_article(prepared: Prepared, doc) -> Article:
    """The records extracted from the parsed body."""
    cleaned = prepared.cleaned
    body = PARAGRAPH_SEPARATOR.join(p.text for p in cleaned.paragraphs)
    entities = extract_entities(doc)
    expressions = find_expressions(body, doc)
    publication = infer_publication(body, expressions, cleaned.stated_date, cleaned.dateline)
    return Article(
        id=article_id(prepared.text),
        file=prepared.file_name,
        title=cleaned.title,
        published=publication.date,
        published_basis=publication.basis,
        paragraphs=[p.text for p in cleaned.paragraphs],
        source_starts=[p.start for p in cleaned.paragraphs],
        has_title_paragraph=cleaned.title is not None,
        lead=cleaned.paragraphs[1 if cleaned.title else 0].text[:120] if len(cleaned.paragraphs) > 1 or not cleaned.title else "",
        entities=entities,
        quotes=extract_quotes(doc, entities, body),
        events=resolve_events(expressions, doc, publication),
    )


def parse_text(text: str, file_name: str, nlp=None) -> Article:
    nlp = nlp or load_model()
    prepared = prepare_text(text, file_name, nlp.max_length)
    return build_article(prepared, parse_paragraphs(nlp, prepared.parsed, PARAGRAPH_SEPARATOR))


def parse_file(path: Path, nlp=None) -> Article:
    return parse_text(read_article_text(path), path.name, nlp)


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
    docs = iter(nlp.pipe((text for texts in inputs for text in texts), batch_size=PIPE_BATCH))
    for item, texts in zip(ready, inputs, strict=True):
        if isinstance(item, str):
            yield item
        else:
            yield build_article(item, merged_doc([next(docs) for _ in texts]))
