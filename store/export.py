"""What leaves ukr-tui: the public JSON shape of `ukr-tui extract --json` (a contract: keys are only
ever added) and the one-line citation of a quote."""
from __future__ import annotations

from typing import Any

from .lexicon import MONTHS
from .records import ORGANIZATION, PERSON, PLACE, Article, Quote
from .safe_text import printable


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


def article_json(article: Article, source: str | None = None, user_speakers=None) -> dict[str, Any]:
    """Offsets (`start`, `end`) are character offsets into the source file. Given the file's text
    (`source`), a quote's text is exactly `source[start:end]`: the file's own characters, line
    breaks, lines cleaning dropped and control characters included (JSON escapes them).
    Given the store's `user_speakers`, the speakers the user set or checked are laid over the
    extracted ones (`speaker_basis` "user", `checked`)."""
    checks = {}
    if user_speakers is not None:
        checks = {(q.start, q.end): check for q in article.quotes if (check := user_speakers.get(article.id, q))}
        user_speakers.apply(article)

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
                "rule": q.rule,
                "cue_start": article.source_offset(q.cue_start) if q.cue_start >= 0 else None,
                "cue_end": article.source_offset(q.cue_end) if q.cue_end >= 0 else None,
                "via": via_json(article, q),
                "speaker_basis": "user" if (q.start, q.end) in checks and checks[(q.start, q.end)].corrected else "extracted",
                "checked": (q.start, q.end) in checks,
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


def french_date(iso: str | None) -> str:
    """`2021-12-30` → `30 décembre 2021`; a month or a year alone as such; anything else unchanged."""
    if not iso:
        return "date unknown"
    parts = iso.split("-")
    if not all(p.isdigit() for p in parts) or len(parts) > 3 or (len(parts) > 1 and not 1 <= int(parts[1]) <= 12):
        return iso
    if len(parts) == 1:
        return parts[0]
    month = f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return month if len(parts) == 2 else f"{'1er' if int(parts[2]) == 1 else int(parts[2])} {month}"


def opening_words(text: str, words: int = 6) -> str:
    kept = text.split()
    return " ".join(kept[:words]) + ("…" if len(kept) > words else "")


def citation(article: Article, quote: Quote) -> str:
    """« words » — speaker, outlet, « title », date (file): one line a journalist can paste.

    Article text is data from outside: control characters become visible escapes and runs of
    white space (a quote spanning lines) one space, so the line pastes as it reads.
    """
    from .quote_export import speaker_shown

    speaker = speaker_shown(quote, unknown="unattributed")  # « Joe Biden (54 %) » when unsure
    named = article.title or (article.lead and opening_words(article.lead))  # an untitled article by its opening words
    date = ("≈" if article.date_inferred else "") + french_date(article.published)  # ≈: reasoned out, not stated
    parts = [speaker, article.outlet, named and f"« {named} »", date]
    line = f"« {quote.text} » — " + ", ".join(p for p in parts if p) + f" ({article.file})"
    return printable(" ".join(line.split()), single_line=True)
