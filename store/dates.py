"""Dates from the text alone: the publication date, and temporal expressions resolved against it.

Direction (past or future) comes from `dernier`/`prochain` or from the tense of the verb the
expression depends on; precision (day, month, year) is kept with every date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .lexicon import MONTHS, WEEKDAYS
from .records import Event

DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"
_MONTH = "|".join(MONTHS) + "|fevrier|decembre|aout"
_WEEKDAY = "|".join(WEEKDAYS)
_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(MONTHS)} | {"fevrier": 2, "decembre": 12, "aout": 8}
_WEEKDAY_NUMBER = {name: i for i, name in enumerate(WEEKDAYS)}

_EXPRESSIONS = re.compile(
    rf"""(?ix)
    (?P<full>(?:(?P<fwd>{_WEEKDAY})\s+)?(?:le\s+)?(?P<day>\d{{1,2}}|1er)\s+(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?)
    | (?P<part>(?P<which>début|mi-|mi|fin|courant|tout\s+d[ée]but)\s*(?P<pmonth>{_MONTH})(?:\s+(?P<pyear>\d{{4}}))?)
    | (?P<monthonly>\b(?:en|de|d[’']ici|depuis)\s+(?P<mmonth>{_MONTH})(?:\s+(?P<myear>\d{{4}}))?)
    | (?P<yearonly>\ben\s+(?P<yyear>(?:19|20)\d\d)\b)
    | (?P<weekday>\b(?P<wd>{_WEEKDAY})\b(?:\s+(?P<wdir>dernier|prochain))?)
    | (?P<deictic>\b(?:aujourd[’']hui|avant-hier|après-demain|hier|demain)\b)
    | (?P<chain>\b(?:la\s+veille|le\s+lendemain|un\s+jour\s+(?:après|plus\s+tard|avant|plus\s+tôt))\b)
    | (?P<sameyear>\bla\s+même\s+année\b)
    | (?P<relyear>\b(?:l[’']an|l[’']année)\s+(?P<ydir>dernière|dernier|passée|passé|prochaine|prochain)\b|\bcette\s+année\b)
    | (?P<ago>\bil\s+y\s+a\s+(?P<n>\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|dix)\s+(?P<unit>jours?|semaines?|mois|ans))
    | (?P<thismonth>\b(?:ce\s+mois-ci|ce\s+mois)\b)
    | (?P<thisweek>\bcette\s+semaine\b)
    """
)
_NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "dix": 10}
_DEICTIC_DAYS = {"aujourd'hui": 0, "hier": -1, "demain": 1, "avant-hier": -2, "après-demain": 2}
_PUBLISHED = re.compile(rf"(?i)publi[ée]\s+le\s+(?:(?:{_WEEKDAY})\s+)?(\d{{1,2}}|1er)\s+({_MONTH})\s+(\d{{4}})")
_PUBLISHED_NUMERIC = re.compile(r"(?i)publi[ée]\s+le\s+(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass(frozen=True)
class Publication:
    date: str | None
    precision: str | None
    basis: str | None


def _day_number(text: str) -> int:
    return 1 if text.lower() == "1er" else int(text)


def _is_future(doc, char: int) -> bool | None:
    """Tense of the verb the expression at `char` modifies: True future, False past, None unknown
    (present tense, or an expression that qualifies a noun, as in `l'appel de jeudi`)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span[0]
    while token.dep_ in ("flat:name", "nummod", "amod", "det", "case", "fixed") and token.head is not token:
        token = token.head  # to the head of the expression itself ("30" → "décembre")
    verb = token.head
    if verb.pos_ in ("NOUN", "PROPN") or verb is token:
        return None
    chain = [verb]
    if verb.dep_ in ("xcomp",) and verb.head is not verb:
        chain.append(verb.head)  # "devraient être suivis", "doit se terminer"
    words = chain + [c for v in chain for c in v.children if c.pos_ == "AUX" or c.dep_.startswith("aux")]
    tenses = {t for w in words for t in w.morph.get("Tense")}
    moods = {m for w in words for m in w.morph.get("Mood")}
    lemmas = {w.lemma_ for w in words}
    if "Fut" in tenses or "Cnd" in moods or lemmas & {"devoir", "aller", "prévoir"}:
        return True
    if "Part" in verb.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in verb.children):
        return None  # "prévues le 10 janvier": a participle used as an adjective
    if {"Past", "Imp"} & tenses:
        return False
    return None


def _guess_year(month: int, day: int | None, weekday: int | None, reference: dt.date | None, future: bool | None) -> int | None:
    if reference is not None:
        years = [reference.year - 1, reference.year, reference.year + 1]
        candidates = []
        for year in years:
            try:
                date = dt.date(year, month, day or 1)
            except ValueError:
                continue
            if weekday is not None and date.weekday() != weekday:
                continue
            candidates.append(date)
        if not candidates:
            return None
        if future is True:
            after = [d for d in candidates if d >= reference.replace(day=1)]
            candidates = after or candidates
        return min(candidates, key=lambda d: abs((d - reference).days)).year
    if weekday is not None and day is not None:
        # Only the weekday pins the year: the latest year, not after this one, that fits.
        for year in range(dt.date.today().year, 1990, -1):
            try:
                if dt.date(year, month, day).weekday() == weekday:
                    return year
            except ValueError:
                return None
    return None


@dataclass(frozen=True)
class Expression:
    """A temporal expression found in the body, with the tense of the verb it depends on."""

    match: re.Match
    future: bool | None


def find_expressions(body: str, doc) -> list[Expression]:
    """Every temporal expression once, tense included: both the publication date and the events use them."""
    return [Expression(m, _is_future(doc, m.start())) for m in _EXPRESSIONS.finditer(body)]


def _full_date(match: re.Match, reference: dt.date | None, future: bool | None) -> dt.date | None:
    """`jeudi 30 décembre 2021`, `le 10 janvier`: the year from the text, else guessed near the reference."""
    day, month = _day_number(match.group("day")), _MONTH_NUMBER[match.group("month").lower()]
    weekday = _WEEKDAY_NUMBER.get((match.group("fwd") or "").lower())
    year = int(match.group("year")) if match.group("year") else _guess_year(month, day, weekday, reference, future)
    try:
        return dt.date(year, month, day) if year else None
    except ValueError:
        return None


def infer_publication(body: str, expressions: list[Expression], stated: str | None, dateline: str | None = None) -> Publication:
    if match := _PUBLISHED.search(dateline or body):
        day, month, year = _day_number(match.group(1)), _MONTH_NUMBER[match.group(2).lower()], int(match.group(3))
        return Publication(dt.date(year, month, day).isoformat(), DAY, f"« {match.group(0)} »")
    if match := _PUBLISHED_NUMERIC.search(dateline or body):
        day, month, year = (int(g) for g in match.groups())
        try:
            return Publication(dt.date(year, month, day).isoformat(), DAY, f"« {match.group(0)} »")
        except ValueError:
            pass
    reference = None
    if stated:
        parts = [int(p) for p in stated.split("-")]
        if len(parts) == 3:
            return Publication(stated, DAY, f"date line « {stated} »")
        reference = dt.date(parts[0], parts[1], 15)
    # Explicit dates of past events: the article cannot be older than the latest of them.
    dated = []
    for found in expressions:
        if found.match.group("full") and (date := _full_date(found.match, reference, found.future)):
            dated.append((date, found.future, found.match.group(0)))
    past = [d for d in dated if d[1] is False]
    if reference is not None:  # the date line bounds the publication to its month
        past = [d for d in past if (d[0].year, d[0].month) == (reference.year, reference.month)]
    if past:
        date, _, words = max(past, key=lambda d: d[0])
        return Publication(date.isoformat(), DAY, f"latest past event dated in the text: « {words} »")
    if reference is not None:
        month_end = (reference.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        upcoming = sorted((d for d in dated if d[1] or d[0] >= month_end), key=lambda d: d[0])
        weekday_day = _latest_weekday_before(expressions, reference, upcoming[0][0] if upcoming else None)
        if weekday_day is not None:
            return Publication(weekday_day.isoformat(), DAY, f"date line « {stated} » and the weekdays of past events")
        return Publication(stated, MONTH, f"date line « {stated} »")
    return Publication(None, None, None)


def _latest_weekday_before(expressions: list[Expression], reference: dt.date, upcoming: dt.date | None) -> dt.date | None:
    """In a month-dated article that announces a later date, news is told on the day it happens:
    the publication is the last day of the month, before that date, named by a past-tense weekday."""
    weekdays = {
        _WEEKDAY_NUMBER[e.match.group("wd").lower()]
        for e in expressions
        if e.match.group("weekday") and not e.match.group("wdir") and e.future is False
    }
    if not weekdays or upcoming is None:
        return None
    first = reference.replace(day=1)
    days = [first + dt.timedelta(days=i) for i in range(31)]
    days = [d for d in days if d.month == first.month and d.weekday() in weekdays and d < upcoming]
    return days[-1] if days else None


def resolve_events(expressions: list[Expression], doc, publication: Publication) -> list[Event]:
    anchor = dt.date.fromisoformat(publication.date) if publication.precision == DAY else None
    reference = anchor or (dt.date.fromisoformat(publication.date + "-15") if publication.precision == MONTH else None)
    events: list[Event] = []
    previous: dt.date | None = None
    previous_year: int | None = None
    for found in expressions:
        match, future = found.match, found.future
        start, end = match.span()
        date, precision = None, DAY
        if match.group("full"):
            date = _full_date(match, reference, future)
        elif match.group("part") or match.group("monthonly"):
            month = _MONTH_NUMBER[(match.group("pmonth") or match.group("mmonth")).lower()]
            explicit = match.group("pyear") or match.group("myear")
            year = int(explicit) if explicit else _guess_year(month, None, None, reference, future)
            if year:
                date, precision = dt.date(year, month, 1), MONTH
        elif match.group("yearonly"):
            date, precision = dt.date(int(match.group("yyear")), 1, 1), YEAR
        elif anchor is not None and match.group("weekday"):
            date = _resolve_weekday(anchor, _WEEKDAY_NUMBER[match.group("wd").lower()], match.group("wdir"), future)
        elif anchor is not None and match.group("deictic"):
            date = anchor + dt.timedelta(days=_DEICTIC_DAYS[match.group("deictic").lower().replace("’", "'")])
        elif match.group("chain") and previous is not None:
            date = previous + dt.timedelta(days=_chain_step(match.group("chain").lower()))
        elif reference is not None and match.group("relyear"):
            direction = (match.group("ydir") or "").lower()
            step = -1 if direction.startswith(("dern", "pass")) else (1 if direction.startswith("proch") else 0)
            date, precision = dt.date(reference.year + step, 1, 1), YEAR
        elif match.group("sameyear") and previous_year is not None:
            date, precision = dt.date(previous_year, 1, 1), YEAR
        elif anchor is not None and match.group("ago"):
            count = match.group("n")
            number = int(count) if count.isdigit() else _NUMBER_WORDS[count.lower()]
            unit = match.group("unit").lower()
            if unit.startswith("jour"):
                date = anchor - dt.timedelta(days=number)
            elif unit.startswith("semaine"):
                date = anchor - dt.timedelta(weeks=number)
            elif unit == "mois":
                month_index = anchor.year * 12 + anchor.month - 1 - number
                date, precision = dt.date(month_index // 12, month_index % 12 + 1, 1), MONTH
            else:
                date, precision = dt.date(anchor.year - number, 1, 1), YEAR
        elif anchor is not None and match.group("thisweek"):
            date, precision = anchor - dt.timedelta(days=anchor.weekday()), WEEK  # that week's Monday
        elif reference is not None and match.group("thismonth"):
            date, precision = reference.replace(day=1), MONTH
        if date is None:
            continue
        if precision == DAY:
            previous = date
        previous_year = date.year
        events.append(Event(_format(date, precision), precision, match.group(0), start, end, _sentence(doc, start)))
    return events


def _chain_step(words: str) -> int:
    """Days from the previous date. `la veille`, `un jour plus tôt`: the day before. But in
    `mardi, un jour après son passage à Kiev` the event named is Kiev, the day before mardi."""
    if "veille" in words or "plus tôt" in words or "après" in words:
        return -1
    return 1


def _resolve_weekday(anchor: dt.date, weekday: int, direction: str | None, future: bool | None) -> dt.date:
    """`dernier`/`prochain` or the verb's tense decide; with neither, the nearest such day
    (news names the days of the week around the one it is written on)."""
    ahead = (weekday - anchor.weekday()) % 7
    behind = (anchor.weekday() - weekday) % 7
    if direction == "prochain":
        return anchor + dt.timedelta(days=ahead or 7)
    if direction == "dernier":
        return anchor - dt.timedelta(days=behind or 7)
    if future is True:
        return anchor + dt.timedelta(days=ahead)
    if future is False or behind <= ahead:
        return anchor - dt.timedelta(days=behind)
    return anchor + dt.timedelta(days=ahead)


def _format(date: dt.date, precision: str) -> str:
    return {DAY: date.isoformat(), WEEK: date.isoformat(), MONTH: date.isoformat()[:7], YEAR: str(date.year)}[precision]


def _sentence(doc, char: int) -> str:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0].sent.text.strip() if span is not None and len(span) else ""
