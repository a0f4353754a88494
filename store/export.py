"""The public JSON shape of `ukr-tui extract --json` (a contract: keys are only ever added)."""
from __future__ import annotations

from typing import Any

from .records import ORGANIZATION, PERSON, PLACE, Article


def article_json(article: Article) -> dict[str, Any]:
    """Offsets (`start`, `end`) are character offsets into the source file."""

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
                "text": q.text,
                "speaker": q.speaker,
                "speaker_type": q.speaker_kind,
                "kind": q.kind,
                "cue": q.cue,
                "start": article.source_offset(q.start),
                "end": article.source_offset(q.end),
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
