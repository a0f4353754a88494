"""`ukr-tui evaluate`: extraction scored against a gold file (shared/gold/FORMAT.md).

Quotes are matched by word overlap, one to one, within each article; a speaker counts as right
when it names the same person (any spelling of the name) or, for descriptors and organisations,
shares most of its words with the gold one.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .batch import parse_together
from .entities import compatible_people
from .lexicon import FUNCTION_WORDS, fold
from .reading import InputError, expand_paths
from .records import DIRECT, ORGANIZATION, PERSON, PLACE, Article



def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text)))


def overlap(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    return len(wa & wb) / max(1, min(len(wa), len(wb))) if wa and wb else 0.0


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    expected: int = 0

    def add(self, other: Score) -> None:
        self.true_positives += other.true_positives
        self.predicted += other.predicted
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return f"{name:<22} P {self.precision:6.3f}  R {self.recall:6.3f}  F1 {self.f1:6.3f}   ({self.true_positives} right of {self.predicted} found, {self.expected} expected)"


def same_speaker(predicted: str | None, gold: str) -> bool:
    if not predicted:
        return False
    if fold(predicted) == fold(gold):
        return True
    if len(gold.split()) <= 3 and gold[:1].isupper() and predicted[:1].isupper() and compatible_people(predicted, gold):
        return True
    content_gold = words(gold) - FUNCTION_WORDS
    content_predicted = words(predicted) - FUNCTION_WORDS
    shared = content_gold & content_predicted
    return bool(shared) and len(shared) >= 0.6 * min(len(content_gold), len(content_predicted)) and len(shared) >= 0.5 * len(content_gold)


@dataclass
class SpeakerTally:
    """Speakers of the quotes matched to gold: right, given (not abstained), matched; per pattern."""

    right: int = 0
    given: int = 0
    matched: int = 0
    patterns: dict[str, list[int]] = field(default_factory=dict)  # pattern → [right, matched]
    rules: dict[str, list[int]] = field(default_factory=dict)  # winning rule → [right, given]
    buckets: dict[float, list[int]] = field(default_factory=dict)  # confidence bucket → [right, given]

    def count(self, gold: dict, quote) -> bool:
        speaker = quote.speaker
        right = same_speaker(speaker, gold.get("speaker") or "")
        self.right += right
        self.given += speaker is not None
        self.matched += 1
        for table, key in ((self.patterns, gold.get("pattern") or ""),):
            tally = table.setdefault(key, [0, 0])
            tally[0] += right
            tally[1] += 1
        if speaker is not None:
            for table, key in ((self.rules, quote.rule or "(none)"), (self.buckets, _bucket(quote.confidence))):
                tally = table.setdefault(key, [0, 0])
                tally[0] += right
                tally[1] += 1
        return right

    def lines(self) -> list[str]:
        return [
            f"{'speaker accuracy':<22} {self.right / self.matched if self.matched else 0:6.3f}   ({self.right} of {self.matched} matched quotes)",
            f"{'speaker precision':<22} {self.right / self.given if self.given else 0:6.3f}   ({self.right} right of {self.given} given a speaker, "
            f"{self.matched - self.given} abstained)",
        ]

    def pattern_lines(self) -> list[str]:
        """Speaker accuracy per gold `pattern`, when the gold has patterns."""
        if not any(self.patterns):
            return []
        rows = [f"  {pattern or '(none)':<20} {right / matched:6.3f}   ({right} of {matched})" for pattern, (right, matched) in sorted(self.patterns.items())]
        return ["", "Speaker accuracy by pattern:", *rows]

    def reliability_lines(self) -> list[str]:
        """How often a speaker given at each confidence is right: a calibrated 0.9 is right nine times in ten."""
        rows = [
            f"  {low:.1f}–{min(1.0, low + 0.1):.1f}  {right / given:6.3f} right   ({right} of {given})"
            for low, (right, given) in sorted(self.buckets.items())
        ]
        return ["", "Speakers given, by confidence:", *rows] if rows else []

    def rule_lines(self) -> list[str]:
        """Precision of the speakers each winning rule gave (proposal/resolution)."""
        ranked = sorted(self.rules.items(), key=lambda item: (-item[1][1], item[0]))
        rows = [f"  {rule:<36} {right / given:6.3f}   ({right} of {given})" for rule, (right, given) in ranked]
        return ["", "Speakers given, by winning rule:", *rows] if rows else []


def _bucket(confidence: float) -> float:
    return min(0.9, int(confidence * 10 + 1e-9) / 10)


def pair_quotes(predicted: list, gold_quotes: list[dict]) -> tuple[list[tuple[dict, object]], set[int]]:
    """Gold quotes paired one to one with the predicted quote sharing most of its words; the indexes used."""
    used: set[int] = set()
    pairs = []
    for gold in gold_quotes:
        best, best_overlap = None, 0.5
        for i, quote in enumerate(predicted):
            if i in used:
                continue
            score = overlap(quote.text, gold.get("text", ""))
            if score > best_overlap or (score == best_overlap and best is None and score > 0.5):
                best, best_overlap = i, score
        if best is not None:
            used.add(best)
            pairs.append((gold, predicted[best]))
    return pairs, used


def match_quotes(article: Article, gold_quotes: list[dict], speakers: SpeakerTally) -> tuple[Score, Score, list[str]]:
    predicted = [q for q in article.quotes if q.kind == DIRECT]
    pairs, used = pair_quotes(predicted, gold_quotes)
    quotes = Score(len(pairs), len(predicted), len(gold_quotes))
    right = [(g, q) for g, q in pairs if speakers.count(g, q)]
    # A who-said-what claim is a quote given a speaker: an abstention claims nothing.
    end_to_end = Score(len(right), sum(1 for q in predicted if q.speaker is not None), len(gold_quotes))
    misses = [
        f"  {article.file}: [{g.get('pattern') or '-'}] «{g.get('text', '')[:50]}» gold {g.get('speaker')!r}, got {q.speaker!r}"
        + (f" (perhaps {q.candidate!r}, confidence {q.confidence:.2f})" if q.speaker is None and q.candidate else f" ({q.confidence:.2f})")
        + f" by {q.rule or 'no rule'}"
        for g, q in pairs if (g, q) not in right
    ]
    misses += [f"  {article.file}: «{g.get('text', '')[:50]}» not found" for g in gold_quotes if all(g is not p[0] for p in pairs)]
    misses += [f"  {article.file}: «{q.text[:50]}» ({q.speaker}) is not in the gold" for i, q in enumerate(predicted) if i not in used]
    return quotes, end_to_end, misses


def match_people(article: Article, gold_people: list[dict]) -> tuple[Score, list[str]]:
    predicted = article.entities_of(PERSON)
    matched_gold: dict[int, int] = {}
    true_positives = 0
    notes = []
    for person in predicted:
        forms = [person.name] + [m.text for m in person.mentions]
        hits = [i for i, g in enumerate(gold_people) if any(compatible_people(f, n) for f in forms for n in [g.get("name", ""), *g.get("mentions", [])] if n)]
        if hits:
            matched_gold[hits[0]] = matched_gold.get(hits[0], 0) + 1
            if matched_gold[hits[0]] == 1:
                true_positives += 1
            else:
                notes.append(f"  {article.file}: {gold_people[hits[0]]['name']} listed twice")
        else:
            notes.append(f"  {article.file}: {person.name} is not a person in the gold")
    notes += [f"  {article.file}: missed {g['name']}" for i, g in enumerate(gold_people) if i not in matched_gold]
    return Score(true_positives, len(predicted), len(gold_people)), notes


def match_names(article: Article, kind: str, gold_names: list[str]) -> Score:
    predicted = article.entities_of(kind)
    gold_keys = {fold(n) for n in gold_names}
    found = {fold(e.name) for e in predicted if fold(e.name) in gold_keys or any(fold(m.text) in gold_keys for m in e.mentions)}
    return Score(len(found), len(predicted), len(gold_keys))


def match_events(article: Article, gold_events: list[dict]) -> Score:
    used: set[int] = set()
    true_positives = 0
    for gold in gold_events:
        for i, event in enumerate(article.events):
            expression = gold.get("expression") or ""
            if i not in used and event.date == gold.get("date") and (not expression or overlap(event.expression, expression) > 0 or fold(event.expression) in fold(expression)):
                used.add(i)
                true_positives += 1
                break
    return Score(true_positives, len(article.events), len(gold_events))


def contradicts(found: str | None, truth: str | None) -> bool:
    """A date contradicts the truth unless one is the other at a coarser precision (2021-12 and 2021-12-29)."""
    return bool(found and truth) and not (found.startswith(truth) or truth.startswith(found))


def evaluate_files(gold_path: Path, paths: list[Path], metadata_file: Path | None = None, published: str | None = None) -> str:
    try:
        gold = {a["file"]: a for a in json.loads(gold_path.read_text(encoding="utf-8"))["articles"]}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{gold_path}: not a gold file in the documented format ({error})") from None
    files = [p for p in expand_paths(paths) if p.name in gold]
    if not files:
        raise InputError("none of the given files is described in the gold file")
    parsed, skipped = parse_together(files, metadata_file, published)
    if skipped:
        raise InputError(skipped[0])
    articles = [article for article, _ in parsed]
    quotes, end_to_end, people, events = Score(), Score(), Score(), Score()
    organisations, places = Score(), Score()
    speakers = SpeakerTally()
    dates_right = dates_contradicted = 0
    notes: list[str] = []
    for article in articles:
        expected = gold[article.file]
        q, e2e, misses = match_quotes(article, expected.get("quotes", []), speakers)
        quotes.add(q)
        end_to_end.add(e2e)
        notes += misses
        p, people_notes = match_people(article, expected.get("people", []))
        people.add(p)
        notes += people_notes
        organisations.add(match_names(article, ORGANIZATION, expected.get("organizations", [])))
        places.add(match_names(article, PLACE, expected.get("places", [])))
        events.add(match_events(article, expected.get("events", [])))
        actual = expected.get("published_actual")
        if article.published == expected.get("published") or (actual and article.published == actual):
            dates_right += 1
        else:
            notes.append(f"  {article.file}: published {article.published!r}, gold {expected.get('published')!r}, actual {actual!r}")
        if contradicts(article.published, actual or expected.get("published")):
            dates_contradicted += 1
    lines = [
        f"Evaluated {len(articles)} article(s) against {gold_path.name}",
        quotes.line("quotes"),
        *speakers.lines(),
        end_to_end.line("who said what (e2e)"),
        people.line("people"),
        organisations.line("organisations"),
        places.line("places"),
        f"{'publication date':<22} {dates_right} of {len(articles)} right, {dates_contradicted} contradicting the true date",
        events.line("event dates"),
        *speakers.pattern_lines(),
        *speakers.reliability_lines(),
        *speakers.rule_lines(),
        "",
        "Differences:",
        *notes,
    ]
    return "\n".join(lines)
