"""Raw text to an Article record: clean → spaCy doc → entities / quotes / dates → record."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .cleaning import clean
from .dates import find_expressions, infer_publication, resolve_events
from .entities import extract_entities
from .nlp import load_model, parse_paragraphs
from .quotes import extract_quotes
from .reading import InputError, read_article_text
from .records import PARAGRAPH_SEPARATOR, Article


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_text(text: str, file_name: str, nlp=None) -> Article:
    cleaned = clean(text)
    if not cleaned.paragraphs:
        raise InputError(f"{file_name}: no article text left after cleaning")
    nlp = nlp or load_model()
    if any(len(p.text) >= nlp.max_length for p in cleaned.paragraphs):
        raise InputError(f"{file_name}: a paragraph of over {nlp.max_length:,} characters is not news text")
    body = PARAGRAPH_SEPARATOR.join(p.text for p in cleaned.paragraphs)
    # No-break spaces confuse the parser; the same length keeps every offset valid for `body`.
    parsed = [p.text.replace("\u00a0", " ").replace("\u202f", " ") for p in cleaned.paragraphs]
    doc = parse_paragraphs(nlp, parsed, PARAGRAPH_SEPARATOR)
    entities = extract_entities(doc)
    expressions = find_expressions(body, doc)
    publication = infer_publication(body, expressions, cleaned.stated_date, cleaned.dateline)
    return Article(
        id=article_id(text),
        file=file_name,
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


def parse_file(path: Path, nlp=None) -> Article:
    return parse_text(read_article_text(path), path.name, nlp)
