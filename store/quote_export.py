"""Quotes leaving ukr-tui with their doubt: as CSV (UTF-8 with a BOM, so a spreadsheet reads the
accents), JSON lines or Markdown, one row per report; and the user's speaker corrections and
checks as a gold file in the format `evaluate` reads.

Doubt travels with every quote: a speaker below DOUBT_BELOW says how sure it is (« Joe Biden
(54 %) »), an unattributed quote gives its best guess, a date reasoned out (not stated) is marked ≈.
A speaker the user set or checked is certain and says so in `checked`.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from .corpus import QuoteRef
from .lexicon import fold
from .records import Article, Quote
from .safe_text import printable
from .sentences import sentence_around
from .storage import StoreError

DOUBT_BELOW = 0.7  # a speaker less sure than this says how sure it is, wherever it is shown
FORMATS = ("csv", "jsonl", "md")
COLUMNS = ("quote", "speaker", "speaker_shown", "confidence", "checked", "speaker_type", "cue", "sentence",
           "title", "date", "date_shown", "date_basis", "outlet", "url", "file", "kind")


def percent(confidence: float) -> str:
    return f"{round(confidence * 100)} %"


def speaker_shown(quote: Quote, unknown: str = "?") -> str:
    """« Joe Biden », « Joe Biden (54 %) » when unsure, « ? (perhaps Joe Biden, 40 %) », « ? »."""
    if quote.speaker:
        doubtful = 0 < quote.confidence < DOUBT_BELOW  # 0 with a speaker: not recorded, not "0 % sure"
        return quote.speaker + (f" ({percent(quote.confidence)})" if doubtful else "")
    if quote.candidate:
        sure = f", {percent(quote.confidence)}" if 0 < quote.confidence < 1 else ""
        return f"{unknown} (perhaps {quote.candidate}{sure})"
    return unknown


def date_shown(article: Article) -> str:
    """The publication date, ≈ before one reasoned out from the text or borrowed from another article."""
    if not article.published:
        return ""
    return ("≈" if article.date_inferred else "") + article.published


@dataclass
class QuoteFilter:
    """What `export quotes` keeps; every part optional."""

    speaker: str | None = None  # a name in any spelling, or a role
    words: str | None = None  # words of the quote
    since: str | None = None  # YYYY[-MM[-DD]], on the publication date
    until: str | None = None
    outlet: str | None = None  # part of the outlet's name, accents and case ignored
    indirect: bool = False


def select_quotes(library, wanted: QuoteFilter) -> list[QuoteRef]:
    from .speakers import quotes_by_name_or_role

    kind = None if wanted.indirect else "direct"
    refs = quotes_by_name_or_role(library, wanted.speaker, kind) if wanted.speaker else library.quotes(kind)
    if wanted.words:
        found = {(r.article.id, r.quote.start) for r in library.find_quotes(wanted.words, kind)}
        refs = [r for r in refs if (r.article.id, r.quote.start) in found]
    if wanted.since or wanted.until:
        refs = [r for r in refs if _in_range(r.article.published, wanted.since, wanted.until)]
    if wanted.outlet:
        part = fold(wanted.outlet)
        refs = [r for r in refs if part in fold(r.article.outlet or "")]
    return refs


def _in_range(published: str | None, since: str | None, until: str | None) -> bool:
    """A date of any precision is in range when its day, month or year can be: `2021-12` is
    since 2021-12-15 and until 2021-12-01."""
    if not published:
        return False
    if since and published < since[: len(published)]:
        return False
    return not (until and published[: len(until)] > until)


def quote_rows(library, refs: Iterable[QuoteRef]) -> list[dict[str, Any]]:
    """One row per report, its sentence read from the article's file (empty when unreadable)."""
    rows = []
    for ref in refs:
        article, quote = ref.article, ref.quote
        try:
            full = library.article(article.id)
            sentence = sentence_around(full, quote.start, quote.end)[0]
        except (StoreError, ValueError, IndexError):
            sentence = ""
        check = library.speaker_check(article.id, quote)
        rows.append({
            "quote": quote.text,
            "speaker": ref.speaker or "",
            "speaker_shown": speaker_shown(quote if ref.speaker == quote.speaker else replace(quote, speaker=ref.speaker)),
            "confidence": round(quote.confidence, 2),
            "checked": ("set by you" if check.corrected else "checked") if check else "",
            "speaker_type": quote.speaker_kind or "",
            "cue": quote.cue,
            "sentence": sentence,
            "title": article.label,
            "date": article.published or "",
            "date_shown": date_shown(article),
            "date_basis": article.published_basis or "",
            "outlet": article.outlet or "",
            "url": article.url or "",
            "file": article.file,
            "kind": quote.kind,
        })
    return [{key: printable(value, single_line=True) if isinstance(value, str) else value for key, value in row.items()}
            for row in rows]


def write_rows(rows: list[dict[str, Any]], form: str) -> str:
    """The rows as text in `form` (csv, jsonl, md); a CSV starts with a BOM for spreadsheets."""
    if form == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        return "\ufeff" + out.getvalue()
    if form == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if form == "md":
        return markdown(rows)
    raise ValueError(form)


def markdown(rows: list[dict[str, Any]]) -> str:
    """A readable list: each quote with its speaker (doubt included), its sentence and its source."""
    lines = []
    for row in rows:
        checked = f" ✓ {row['checked']}" if row["checked"] else ""
        lines.append(f"- « {row['quote']} » — **{row['speaker_shown']}**{checked}")
        if row["sentence"] and row["sentence"] != row["quote"]:
            lines.append(f"  > {row['sentence']}")
        source = ", ".join(p for p in (row["outlet"], f"« {row['title']} »", row["date_shown"] or "date unknown") if p)
        where = f"[{row['file']}]({row['url']})" if row["url"] else f"`{row['file']}`"
        lines.append(f"  {source} ({where})")
    return "\n".join(lines) + ("\n" if lines else "")


def gold_json(library) -> dict[str, Any]:
    """The user's corrected and checked speakers as a gold file (the format `evaluate` reads): per
    article, the quotes the user judged, in order, with the speaker they confirmed or set. Only
    those quotes: the speaker figures of `evaluate` are what such a gold measures."""
    by_article: dict[str, list] = {}
    for check in library.user_speakers.all():
        by_article.setdefault(check.article_id, []).append(check)
    articles = []
    for article in library.articles:
        checks = by_article.get(article.id)
        if not checks:
            continue
        judged = {(c.start, c.end) for c in checks}
        quotes = [
            {"text": q.text, "speaker": q.speaker, "speaker_type": q.speaker_kind, "cue": q.cue}
            for q in sorted(article.quotes, key=lambda q: q.start)
            if (q.start, q.end) in judged and q.speaker and library.speaker_check(article.id, q)
        ]
        if quotes:
            articles.append({"file": article.file, "title": article.title, "quotes": quotes})
    return {"articles": articles}
