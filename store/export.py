"""The public JSON shape of `ukr-tui extract --json` (a contract: keys are only ever added)."""
from __future__ import annotations

from typing import Any

from .records import ORGANIZATION, PERSON, PLACE, Article, Quote


def via_json(article: Article, quote: Quote) -> dict[str, Any] | None:
    """The mention that names the speaker when attribution followed a chain (a pronoun, a role)."""
    if quote.via_start < 0:
        return None
    paragraph = max(i for i, start in enumerate(article.paragraph_offsets) if start <= quote.via_start)
    return {
        "text": quote.via,
        "start": article.source_offset(quote.via_start),
        "end": article.source_offset(quote.via_end),
        "paragraph": paragraph + 1,
    }


def article_json(article: Article, source: str | None = None) -> dict[str, Any]:
    """Offsets (`start`, `end`) are character offsets into the source file. Given the file's text
    (`source`), a quote's text is exactly `source[start:end]`: the file's own characters, line
    breaks, lines cleaning dropped and control characters included (JSON escapes them)."""

    def quote_text(quote) -> str:
        return quote.text if source is None else source[article.source_offset(quote.start) : article.source_offset(quote.end)]

    def entities(kind: str) -> list[dict[str, Any]]:
        return [
            {"name": e.name, "mentions": e.surface_forms, "roles": e.roles, "count": e.count}
            for e in article.entities_of(kind)
        ]

    return {
        "file": article.file,
        "title": article.title,
        "published": article.published,
        "published_basis": article.published_basis,
        "published_precision": article.published_precision,
        "published_evidence": article.published_evidence,
        "published_from": article.published_from,
        "updated": article.updated,
        "outlet": article.outlet,
        "url": article.url,
        "author": article.author,
        "people": entities(PERSON),
        "organizations": entities(ORGANIZATION),
        "places": entities(PLACE),
        "quotes": [
            {
                "text": quote_text(q),
                "speaker": q.speaker,
                "speaker_type": q.speaker_kind,
                "kind": q.kind,
                "cue": q.cue,
                "start": article.source_offset(q.start),
                "end": article.source_offset(q.end),
                "confidence": q.confidence,
                "candidate": q.candidate,
                "cue_start": article.source_offset(q.cue_start) if q.cue_start >= 0 else None,
                "cue_end": article.source_offset(q.cue_end) if q.cue_end >= 0 else None,
                "via": via_json(article, q),
            }
            for q in article.quotes
        ],
        "events": [
            {
                "date": e.date,
                "precision": e.precision,
                "expression": e.expression,
                "sentence": e.sentence,
                "start": article.source_offset(e.start),
                "end": article.source_offset(e.end),
            }
            for e in article.events
        ],
    }
