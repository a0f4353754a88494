"""Speakers the user set or checked: kept in their own small TinyDB file beside the store
(`PATH.speakers.json`), apart from what extraction found, and laid over the records whenever they
are read, so they last across relaunches and imports and can always be undone.

A record names its quote by article and body offsets, and keeps the quote's words: a quote whose
words differ (the article parsed again differently) is not the one the user judged, and is left as
extracted. It also keeps what extraction had said (`before`), to put it back.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from tinydb import TinyDB

from .records import ANONYMOUS, BASIS_USER, ORGANIZATION, PERSON, Article, Quote
from .storage import AtomicJSONStorage, StoreError

SPEAKER_KINDS = (PERSON, ORGANIZATION, ANONYMOUS)


@dataclass(frozen=True, slots=True)
class SpeakerCheck:
    """The user's word on one quote: a speaker they set (`corrected`), or the extracted one confirmed."""

    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None  # None: checked as extracted (the extracted speaker, or the best guess, is right)
    speaker_kind: str | None
    before: tuple  # (speaker, speaker_kind, confidence, candidate) as extracted

    @property
    def corrected(self) -> bool:
        return self.speaker is not None

    @property
    def basis(self) -> str:
        return BASIS_USER

    def describe(self) -> str:
        """In words, for the reader, who said what and the why panel."""
        if not self.corrected:
            return "checked by you"
        said = self.before[0] or (f"? perhaps {self.before[3]}" if self.before[3] else "?")
        return f"set by you (extracted: {said})"


def speakers_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".speakers.json")


class UserSpeakers:
    def __init__(self, store_path: Path, read_only: bool) -> None:
        self.path = speakers_path(store_path)
        self.read_only = read_only
        self.warnings: list[str] = []
        self._db = self._open()
        self._by_quote: dict[tuple[str, int, int], SpeakerCheck] = {}
        for doc in self._db.table("speakers", cache_size=0).all():
            try:
                check = SpeakerCheck(doc["article_id"], int(doc["start"]), int(doc["end"]), str(doc["text"]),
                                     doc.get("speaker"), doc.get("speaker_kind"), tuple(doc.get("before") or (None,) * 4))
            except (KeyError, TypeError, ValueError):
                continue
            self._by_quote[(check.article_id, check.start, check.end)] = check

    def _open(self) -> TinyDB:
        try:
            return TinyDB(self.path, storage=AtomicJSONStorage, read_only=self.read_only)
        except (StoreError, TypeError, ValueError):
            pass
        kept = ""
        if not self.read_only and self.path.exists():
            damaged = self.path.with_name(self.path.name + ".damaged")
            try:
                os.replace(self.path, damaged)
                kept = f"; it was kept as {damaged}"
            except OSError:
                pass
        self.warnings.append(f"{self.path}: the file of speakers you set or checked is damaged; they are not applied{kept}")
        return TinyDB(self.path, storage=AtomicJSONStorage, read_only=self.read_only, fresh=True)

    def __len__(self) -> int:
        return len(self._by_quote)

    def all(self) -> list[SpeakerCheck]:
        return list(self._by_quote.values())

    def get(self, article_id: str, quote: Quote) -> SpeakerCheck | None:
        check = self._by_quote.get((article_id, quote.start, quote.end))
        return check if check is not None and check.text == quote.text else None

    # --- applied when records are read ------------------------------------------------------------
    def apply(self, article: Article) -> None:
        """The article's quotes with the user's speakers and checks (in place)."""
        if not self._by_quote or not any((article.id, q.start, q.end) in self._by_quote for q in article.quotes):
            return
        article.quotes = [self.applied(article.id, q) for q in article.quotes]

    def applied(self, article_id: str, quote: Quote) -> Quote:
        """The quote as the user's record (if any) has it; `quote` as extracted."""
        check = self.get(article_id, quote)
        if check is None:
            return quote
        if check.corrected:
            return replace(quote, speaker=check.speaker, speaker_kind=check.speaker_kind, confidence=1.0, candidate=None)
        if quote.speaker is None and quote.candidate:  # checking a best guess accepts it
            return replace(quote, speaker=quote.candidate, confidence=1.0, candidate=None)
        return replace(quote, confidence=1.0)

    # --- the user's changes -------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only (another ukr-tui has it open for writing)")

    def record(self, article_id: str, quote: Quote, speaker: str | None, speaker_kind: str | None) -> SpeakerCheck:
        """Set the quote's speaker (`speaker`), or with None mark the extracted one checked. `quote`
        is the quote as shown (a previous record of the user's already applied). Durable on return."""
        self._writable()
        previous = self.get(article_id, quote)
        before = previous.before if previous else (quote.speaker, quote.speaker_kind, quote.confidence, quote.candidate)
        if speaker is None and not (before[0] or before[3]):
            raise StoreError("nobody to check: the quote has no speaker and no best guess; set one instead")
        if speaker_kind not in SPEAKER_KINDS:
            speaker_kind = PERSON if speaker else None
        check = SpeakerCheck(article_id, quote.start, quote.end, quote.text, speaker or None,
                             speaker_kind if speaker else None, tuple(before))
        self._write(check)
        return check

    def undo(self, article_id: str, quote: Quote) -> SpeakerCheck | None:
        """Forget the user's word on the quote; returns what was forgotten (its `before` puts the
        extracted speaker back), None when there was nothing."""
        self._writable()
        check = self.get(article_id, quote)
        if check is None:
            return None
        table = self._db.table("speakers", cache_size=0)
        table.remove(lambda doc: (doc.get("article_id"), doc.get("start"), doc.get("end")) == (article_id, quote.start, quote.end))
        del self._by_quote[(article_id, quote.start, quote.end)]
        return check

    def _write(self, check: SpeakerCheck) -> None:
        table = self._db.table("speakers", cache_size=0)
        key = (check.article_id, check.start, check.end)
        table.upsert({"article_id": check.article_id, "start": check.start, "end": check.end, "text": check.text,
                      "speaker": check.speaker, "speaker_kind": check.speaker_kind, "before": list(check.before),
                      "basis": BASIS_USER},
                     lambda doc: (doc.get("article_id"), doc.get("start"), doc.get("end")) == key)  # one atomic write
        self._by_quote[key] = check

    @staticmethod
    def restored(quote: Quote, check: SpeakerCheck) -> Quote:
        """The quote as extraction had it, from what an undone record kept."""
        speaker, kind, confidence, candidate = check.before
        return replace(quote, speaker=speaker, speaker_kind=kind, confidence=confidence, candidate=candidate)
