"""Raw text to an Article record: clean → spaCy doc → entities / quotes / dates → record."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .cleaning import clean
from .dates import DAY, MONTH, YEAR, Publication, dateline_span, find_expressions, infer_publication, resolve_events, stated_publication
from .entities import extract_entities
from .metadata import Metadata
from .nlp import load_model, parse_paragraphs
from .quotes import extract_quotes
from .reading import InputError, read_article_text
from .pages import is_page, read_page
from .records import BASIS_METADATA, BASIS_PAGE, DIRECT, PARAGRAPH_SEPARATOR, Article


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
    quotes = extract_quotes(doc, entities, body)
    expressions = find_expressions(body, doc, [(q.start, q.end) for q in quotes if q.kind == DIRECT])
    stated, updated = stated_publication(body, cleaned.dateline, cleaned.stated_date, cleaned.url)
    publication = infer_publication(body, expressions, stated)
    article = Article(
        id=article_id(text),
        file=file_name,
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


def parse_file(path: Path, nlp=None, metadata: Metadata | None = None) -> Article:
    """A text file, or a saved web page through its main text and the page's own metadata;
    then what `metadata` says (a metadata.csv row, `--published`) over both."""
    if not is_page(path):
        article = parse_text(read_article_text(path), path.name, nlp)
    else:
        page = read_page(path)
        article = parse_text(page.text, path.name, nlp)
        article.title = page.title or article.title
        article.author, article.outlet, article.url = page.author, page.outlet, page.url or article.url
        if page.published:
            set_publication(article, Publication(page.published, DAY, BASIS_PAGE, "the page's publication date"))
    if metadata is not None:
        apply_metadata(article, metadata)
    return article


def apply_metadata(article: Article, metadata: Metadata) -> None:
    article.outlet = metadata.source or article.outlet
    article.url = metadata.url or article.url
    article.title = article.title or metadata.title
    if metadata.published:
        precision = {10: DAY, 7: MONTH, 4: YEAR}[len(metadata.published)]
        set_publication(article, Publication(metadata.published, precision, BASIS_METADATA, metadata.origin))
