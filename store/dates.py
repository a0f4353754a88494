"""Dates from the text: the publication date, and temporal expressions resolved against it.

Direction (past or future) comes from `dernier`/`prochain` or from the tense of the verb the
expression depends on; precision (day, week, month, year) is kept with every date. An expression
whose date cannot be fixed from what the article states is left undated, never guessed.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .lexicon import MONTHS, WEEKDAYS
from .records import BASIS_DATELINE, BASIS_TEXT, Event, TimeExpression

DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"
# The years a date may have, from the text or from outside (metadata, the user): far wider than any
# news, and narrow enough that the calendar code can step a year or a week either side of them.
FIRST_YEAR, LAST_YEAR = 1000, 9000
PAST, PLUPERFECT, PRESENT, FUTURE = "past", "pluperfect", "present", "future"
_PASTS = (PAST, PLUPERFECT)
_MONTH = "(?:" + "|".join(MONTHS) + "|fevrier|decembre|aout)\\b"
_WEEKDAY = "|".join(WEEKDAYS)
_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(MONTHS)} | {"fevrier": 2, "decembre": 12, "aout": 8}
_WEEKDAY_NUMBER = {name: i for i, name in enumerate(WEEKDAYS)}
_YEAR = r"(?:19|20)\d\d"

_EXPRESSIONS = re.compile(
    rf"""(?ix)
    (?P<rangestart>\b(?:du|de)\s+(?:(?P<rwd>{_WEEKDAY})\s+)?(?P<rday>\d{{1,2}}|1er)
        (?=\s+(?:au|à)\s+(?:(?:{_WEEKDAY})\s+)?(?:\d{{1,2}}|1er)\s+(?P<rmonth>{_MONTH})(?:\s+(?P<ryear>\d{{4}}))?))
    | (?P<full>(?:(?P<fwd>{_WEEKDAY})\s+)?(?:le\s+)?(?P<day>\d{{1,2}}|1er)\s+(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?)
    | (?P<part>(?P<which>début|mi-|mi|fin|courant|tout\s+d[ée]but)\s*(?P<pmonth>{_MONTH})(?:\s+(?P<pyear>\d{{4}}))?)
    | (?P<monthonly>\b(?P<mprep>en|de|d[’']ici|depuis)\s+(?P<mmonth>{_MONTH})(?:\s+(?P<myear>\d{{4}}))?)
    | (?P<monthyear>\b(?P<ymonth>{_MONTH})\s+(?P<ymyear>{_YEAR})\b)
    | (?P<season>\b(?:l[’']|cet\s+|ce\s+|du\s+|au\s+)(?:été|ete|hiver|automne|printemps)\s+(?P<syear>{_YEAR})\b)
    | (?P<yearonly>(?:\b(?P<yprep>en|depuis|dès)\s+)?(?<!\d[\s\u00a0\u202f])(?<![\d,.])\b(?P<yyear>{_YEAR})\b(?![,.]\d|\s?%|\s?h\b))
    | (?P<weekday>(?:\b(?P<wthis>ce)\s+)?\b(?P<wd>{_WEEKDAY})\b(?:\s+(?P<wdir>dernier|prochain))?)
    | (?P<deictic>\b(?:aujourd[’']hui|avant-hier|après-demain|hier|demain)\b)
    | (?P<chain>\b(?:la\s+veille|le\s+lendemain|un\s+jour\s+(?:après|plus\s+tard|avant|plus\s+tôt))\b)
    | (?P<sameyear>\bla\s+même\s+année\b)
    | (?P<relyear>\b(?:l[’']an|l[’']année)\s+(?P<ydir>dernière|dernier|passée|passé|prochaine|prochain)\b|\bcette\s+année\b)
    | (?P<relmonth>\ble\s+mois\s+(?P<mdir>dernier|passé|prochain)\b)
    | (?P<relweek>\bla\s+semaine\s+(?P<wkdir>dernière|passée|prochaine)\b)
    | (?P<ago>\bil\s+y\s+a\s+(?P<n>\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|dix)\s+(?P<unit>jours?|semaines?|mois|ans))
    | (?P<thismonth>\b(?:ce\s+mois-ci|ce\s+mois)\b)
    | (?P<thisweek>\bcette\s+semaine\b)
    """
)
_NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "dix": 10}
_DEICTIC_DAYS = {"aujourd'hui": 0, "hier": -1, "demain": 1, "avant-hier": -2, "après-demain": 2}
_DATE_WORDS = re.compile(rf"(?i)(?:(?:{_WEEKDAY})\s+)?(\d{{1,2}}|1er)\s+({_MONTH})\s+(\d{{4}})")
_DATE_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
_PUBLISHED = re.compile(r"(?i)\bpubli[ée]e?\s*(?:le\b|:)?\s*(.{0,60})")
_UPDATED = re.compile(r"(?i)\bmis\s+[àa]\s+jour\s*(?:le\b|:)?\s*(.{0,60})")
# "PARIS, 14 mars (AFP) -", "Genève, le 21 janvier 2022 -": a place, a date, maybe an agency, a dash.
_WIRE_DATELINE = re.compile(
    rf"""(?x)^(?P<place>[A-ZÀ-Ý][\w'’.\- ]{{1,40}}?),\s+(?:le\s+)?(?:(?:{_WEEKDAY})\s+)?(?P<day>\d{{1,2}}|1er)\s+
    (?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?\s*(?:\([^()]{{2,25}}\)\s*)?[-–—]""", re.IGNORECASE)
# A date in a URL path: /2022/02/12/, /2022-02-12/, /20220212.
_URL_DATE = re.compile(r"https?://\S*?[/_-]((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")


@dataclass(frozen=True)
class Publication:
    date: str | None
    precision: str | None
    basis: str | None  # records.BASIS_*
    evidence: str | None  # the words (or the article) that give the date


NO_PUBLICATION = Publication(None, None, None, None)


def _day_number(text: str) -> int:
    return 1 if text.lower() == "1er" else int(text)


def date_in_words(text: str) -> dt.date | None:
    """The first full date written in `text`: `9 février 2022`, `09/02/2022`, `21.02.2024`, `2022-02-09`."""
    found = []
    if match := _DATE_WORDS.search(text):
        found.append((match.start(), (int(match.group(3)), _MONTH_NUMBER[match.group(2).lower()], _day_number(match.group(1)))))
    if match := _DATE_NUMERIC.search(text):
        if match.group(1):
            found.append((match.start(), (int(match.group(3)), int(match.group(2)), int(match.group(1)))))
        else:
            found.append((match.start(), (int(match.group(4)), int(match.group(5)), int(match.group(6)))))
    for _, (year, month, day) in sorted(found):
        if date := _safe_date(year, month, day):
            return date
    return None


def _tense(doc, char: int) -> str | None:
    """Tense of the verb the expression at `char` modifies; None when unknown (an expression that
    qualifies a noun, as in `l'appel de jeudi`, or a participle used as an adjective)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span[0]
    while token.dep_ in ("flat:name", "nummod", "amod", "det", "case", "fixed") and token.head is not token:
        token = token.head  # to the head of the expression itself ("30" → "décembre")
    verb = token.head
    if verb.pos_ == "NOUN" and verb.dep_.startswith("nsubj") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "la réunion de jeudi a tourné court": the subject's happening is its verb's
    if verb.pos_ in ("NOUN", "PROPN") or verb is token:
        return None
    chain = [verb]
    if verb.dep_ in ("xcomp",) and verb.head is not verb:
        chain.append(verb.head)  # "devraient être suivis", "doit se terminer"
    words = chain + [c for v in chain for c in v.children if c.pos_ == "AUX" or c.dep_.startswith("aux")]
    tenses = {t for w in words for t in w.morph.get("Tense")}
    moods = {m for w in words for m in w.morph.get("Mood")}
    lemmas = {w.lemma_ for w in words}
    if "Fut" in tenses and "Part" in verb.morph.get("VerbForm"):
        return None  # "il aura fallu trois heures, mardi": a futur antérieur of narration, often a past
    if "Fut" in tenses or "Cnd" in moods or lemmas & {"devoir", "aller", "prévoir"}:
        return FUTURE
    if "Part" in verb.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in verb.children):
        return None  # "prévues le 10 janvier": a participle used as an adjective
    if {"Past", "Imp"} & tenses:
        auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
        return PLUPERFECT if any("Imp" in a.morph.get("Tense") for a in auxiliaries) else PAST
    if "Pres" in tenses:
        return PRESENT
    return None


def _is_year(doc, start: int, end: int, after_preposition: bool) -> bool:
    """A bare four-digit number is a year after a preposition or a conjunction (`en 2014`, `depuis
    2019`, `entre 2016 et 2021`), unless it counts the noun after it (`de 2000 soldats`); elsewhere
    it is a name (`Cap 2026`), a subject (`2024 sera…`) or a range label (`1991-2020`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or span[0].i == 0:
        return False
    token = span[-1]
    previous = doc[span[0].i - 1]
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.pos_ == "NOUN" and following.text[:1].islower():
        return False
    return after_preposition or previous.pos_ in ("ADP", "CCONJ") or previous.lower_ in ("et", "à", "entre")


def find_expressions(body: str, doc, quoted: list[tuple[int, int]] = ()) -> list[TimeExpression]:
    """Every temporal expression once, with its tense: the publication date and the events use them.

    Left out: numbers that are not years (`2000 soldats`, `Cap 2026`), `un mois de mai` (any May), and
    `aujourd'hui` not in the past inside reported speech, which means "nowadays", not a day."""
    found = []
    for match in _EXPRESSIONS.finditer(body):
        start, end = match.span()
        if match.group("yearonly") and not _is_year(doc, match.start("yyear"), end, bool(match.group("yprep"))):
            continue
        if match.group("monthonly") and re.search(r"(?i)\bun\s+mois\s+$", body[max(0, start - 10):start]):
            continue
        tense = PAST if (match.group("mprep") or "").lower() == "depuis" else _tense(doc, start)
        if match.group("deictic") and tense not in _PASTS and any(s <= start < e for s, e in quoted):
            continue
        sentence = _sentence(doc, start)
        found.append(TimeExpression(start, end, tense, *sentence))
    return found


def _guess_year(month: int, day: int | None, weekday: int | None, reference: dt.date | None, tense: str | None,
                reference_is_day: bool = False) -> int | None:
    if reference is not None:
        candidates = []
        for year in (reference.year - 1, reference.year, reference.year + 1):
            try:
                date = dt.date(year, month, day or 1)
            except ValueError:
                continue
            if weekday is not None and date.weekday() != weekday:
                continue
            candidates.append(date)
        if not candidates:
            return None
        if tense == FUTURE:
            limit = reference if day and reference_is_day else reference.replace(day=1)
            candidates = [d for d in candidates if d >= limit] or candidates
        elif tense in _PASTS:  # a past event is not after the day it is told (its month, when the day is not said)
            limit = reference if day and reference_is_day else reference.replace(day=1)
            candidates = [d for d in candidates if d <= limit] or candidates
        nearest = min(candidates, key=lambda d: abs((d - reference).days))
        if day and tense is not None and abs((nearest - reference).days) > 183:
            return None  # the tense and the day disagree by more than a season: a slip in the text, not a date
        return nearest.year
    if weekday is not None and day is not None:
        # Only the weekday pins the year: the latest year, not after this one, that fits.
        for year in range(dt.date.today().year, 1990, -1):
            try:
                if dt.date(year, month, day).weekday() == weekday:
                    return year
            except ValueError:
                return None
    return None


def _full_date(match: re.Match, reference: dt.date | None, tense: str | None, reference_is_day: bool = False) -> dt.date | None:
    """`jeudi 30 décembre 2021`, `le 10 janvier`: the year from the text, else guessed near the reference."""
    day, month = _day_number(match.group("day")), _MONTH_NUMBER[match.group("month").lower()]
    weekday = _WEEKDAY_NUMBER.get((match.group("fwd") or "").lower())
    year = int(match.group("year")) if match.group("year") else _guess_year(month, day, weekday, reference, tense, reference_is_day)
    return _safe_date(year, month, day) if year else None


def _match(body: str, expression: TimeExpression) -> re.Match | None:
    """The expression read again at its place (a look-ahead may read past its end)."""
    match = _EXPRESSIONS.match(body, expression.start)
    return match if match is not None and match.end() == expression.end else None


def stated_publication(body: str, dateline: str | None, stated: str | None, url: str | None = None) -> tuple[Publication, dt.date | None]:
    """What the page says of its own date: `Publié le …`, `Mis à jour le …`, a wire dateline, a
    date in a URL line, a `date YYYY-MM` line. Returns the publication and the update day."""
    lines = [dateline] if dateline else []
    updated = None
    for line in lines + body.split("\n")[:6]:
        if (match := _UPDATED.search(line)) and (date := date_in_words(match.group(1))):
            updated = updated or date
    for line in lines:
        if (match := _PUBLISHED.search(line)) and (date := date_in_words(match.group(1))):
            return Publication(date.isoformat(), DAY, BASIS_DATELINE, f"« {match.group(0).strip()} »"), updated
    for paragraph in ([url] if url else []) + body.split("\n\n")[:3]:
        if (match := _PUBLISHED.match(paragraph)) and (date := date_in_words(match.group(1))):
            return Publication(date.isoformat(), DAY, BASIS_DATELINE, f"« {match.group(0).strip()} »"), updated
        if (match := _WIRE_DATELINE.match(paragraph)) and (publication := _wire_dateline(match, body)):
            return publication, updated
        if match := _URL_DATE.search(paragraph):
            if not (date := _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))):
                continue
            return Publication(date.isoformat(), DAY, BASIS_DATELINE, f"the address {match.group(0).rstrip('/_.-')}"), updated
    if updated is not None:  # only an update line: the article is of that day or before; the update is what we read
        return Publication(updated.isoformat(), DAY, BASIS_DATELINE, f"updated on {updated.isoformat()}"), updated
    if stated and _safe_date(int(stated[:4]), int(stated[5:7] or 1), int(stated[8:10] or 1)):
        precision = DAY if len(stated) == 10 else MONTH
        return Publication(stated, precision, BASIS_DATELINE, f"date line « {stated} »"), None
    return NO_PUBLICATION, updated


def _wire_dateline(match: re.Match, body: str) -> Publication | None:
    """Without a year, the dateline gives the day and month; the year is the one the text's own
    explicit dates (with a year) fix within half a year of it, else none."""
    day, month = _day_number(match.group("day")), _MONTH_NUMBER[match.group("month").lower()]
    words = f"« {match.group(0).rstrip(' -–—')} »"
    if match.group("year"):
        year = int(match.group("year"))
    else:
        explicit = [d for m in _DATE_WORDS.finditer(body) if (d := _safe_date(int(m.group(3)), _MONTH_NUMBER[m.group(2).lower()], _day_number(m.group(1))))]
        years = []
        for year in sorted({d.year + k for d in explicit for k in (-1, 0, 1)}):
            candidate = _safe_date(year, month, day)
            if candidate and any(abs((candidate - d).days) <= 183 for d in explicit):
                years.append(year)
        if len(years) != 1:
            return None
        year = years[0]
    date = _safe_date(year, month, day)
    return Publication(date.isoformat(), DAY, BASIS_DATELINE, words) if date else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day or its year is out of FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso_date(text: str | None) -> dt.date | None:
    """A stored ISO day (`2022-02-09`) as a date; None for anything a calendar cannot step from."""
    try:
        date = dt.date.fromisoformat(text or "")
    except ValueError:
        return None
    return date if FIRST_YEAR <= date.year <= LAST_YEAR else None


def dateline_span(body: str) -> tuple[int, int] | None:
    """Where a wire dateline stands at the head of a paragraph: its date is not an event."""
    position = 0
    for paragraph in body.split("\n\n")[:3]:
        if match := _WIRE_DATELINE.match(paragraph):
            return position, position + match.end()
        position += len(paragraph) + 2
    return None


def infer_publication(body: str, expressions: list[TimeExpression], stated: Publication) -> Publication:
    """The page's own date when it gives a day; else reasoned from the dated events of the text."""
    if stated.precision == DAY:
        return stated
    reference = _iso_date(f"{stated.date}-15") if stated.precision == MONTH else None
    # Explicit dates of past events: the article cannot be older than the latest of them.
    dated = []
    for found in expressions:
        match = _match(body, found)
        if match and match.group("full") and (date := _full_date(match, reference, found.tense)):
            dated.append((date, found.tense, match.group(0)))
    past = [d for d in dated if d[1] in _PASTS]
    if reference is not None:  # the date line bounds the publication to its month
        past = [d for d in past if (d[0].year, d[0].month) == (reference.year, reference.month)]
    if past:
        date, _, words = max(past, key=lambda d: d[0])
        return Publication(date.isoformat(), DAY, BASIS_TEXT, f"latest past event dated in the text: « {words} »")
    return stated


def resolve_events(body: str, expressions: list[TimeExpression], publication: Publication,
                   updated: str | None = None, skip: tuple[int, int] | None = None) -> list[Event]:
    """Calendar dates of the expressions, read from the day the text was last written (its update
    day, else its publication day); `skip` is a span (the dateline) whose dates are not events."""
    anchor = _iso_date(publication.date) if publication.precision == DAY else None
    if anchor is not None and (update := _iso_date(updated)) and 0 < (update - anchor).days <= 7:
        anchor = update
    reference = anchor
    if reference is None and publication.precision == MONTH:
        reference = _iso_date(f"{publication.date}-15")
    week = anchor or _named_day(body, expressions, reference)
    events: list[Event] = []
    previous: dt.date | None = None
    previous_sentence = -1
    previous_year: int | None = None
    for found in expressions:
        if skip and skip[0] <= found.start < skip[1]:
            continue
        match = _match(body, found)
        if match is None:
            continue
        if (previous and anchor and previous > anchor and found.sentence_start != previous_sentence
                and found.tense not in (FUTURE, PLUPERFECT)):
            previous = anchor  # a later sentence's "la veille" not in the future leans on today, not on a day to come
        try:
            date, precision = _resolve(match, found.tense, anchor, reference, previous, previous_year, week)
        except (ValueError, OverflowError):  # « il y a 3000 ans », a count of days past the calendar
            continue
        if date is not None and not FIRST_YEAR <= date.year <= LAST_YEAR:
            continue
        if date is None:
            continue
        if match.group("full") and any(e.date == date.isoformat() and e.expression.lower().removeprefix("le ") == match.group(0).lower().removeprefix("le ") for e in events):
            continue  # the same date written again names the same happening again
        if precision == DAY:
            previous, previous_sentence = date, found.sentence_start
        previous_year = date.year
        sentence = body[found.sentence_start:found.sentence_end].strip()
        events.append(Event(_format(date, precision), precision, match.group(0), found.start, found.end, sentence))
    return events


def _named_day(body: str, expressions: list[TimeExpression], reference: dt.date | None) -> dt.date | None:
    """Without a day of publication, a day the text names with its weekday (`jeudi 14 septembre`)
    places the other weekdays: news names the days of the week it tells. The first such day."""
    for found in expressions:
        match = _match(body, found)
        if match and match.group("full") and match.group("fwd") and (date := _full_date(match, reference, found.tense)):
            return date
    return None


def _resolve(match: re.Match, tense: str | None, anchor: dt.date | None, reference: dt.date | None,
             previous: dt.date | None, previous_year: int | None, week: dt.date | None) -> tuple[dt.date | None, str]:
    """One expression's date and precision, or None where what the article states cannot fix it.
    `anchor` is the day the text was written; `week`, that day or else a day the text names."""
    if match.group("rangestart"):
        month = _MONTH_NUMBER[match.group("rmonth").lower()]
        day = _day_number(match.group("rday"))
        weekday = _WEEKDAY_NUMBER.get((match.group("rwd") or "").lower())
        year = int(match.group("ryear")) if match.group("ryear") else _guess_year(month, day, weekday, reference, tense, anchor is not None)
        return (_safe_date(year, month, day) if year else None), DAY
    if match.group("full"):
        return _full_date(match, reference, tense, anchor is not None), DAY
    if match.group("part") or match.group("monthonly") or match.group("monthyear"):
        month = _MONTH_NUMBER[(match.group("pmonth") or match.group("mmonth") or match.group("ymonth")).lower()]
        explicit = match.group("pyear") or match.group("myear") or match.group("ymyear")
        year = int(explicit) if explicit else _guess_year(month, None, None, reference, tense)
        return (dt.date(year, month, 1) if year else None), MONTH
    if match.group("yearonly"):
        return dt.date(int(match.group("yyear")), 1, 1), YEAR
    if match.group("season"):  # without its year a season could be this one or the last: left undated
        return dt.date(int(match.group("syear")), 1, 1), YEAR
    if match.group("weekday"):
        if week is None:
            return None, DAY
        weekday = _WEEKDAY_NUMBER[match.group("wd").lower()]
        if match.group("wthis"):  # "ce vendredi": the one of this week
            return week + dt.timedelta(days=weekday - week.weekday()), DAY
        return _resolve_weekday(week, weekday, match.group("wdir"), tense), DAY
    if match.group("deictic"):
        if anchor is None:
            return None, DAY
        return anchor + dt.timedelta(days=_DEICTIC_DAYS[match.group("deictic").lower().replace("’", "'")]), DAY
    if match.group("chain"):
        return (previous + dt.timedelta(days=_chain_step(match.group("chain").lower())) if previous else None), DAY
    if match.group("relyear"):
        if reference is None:
            return None, YEAR
        direction = (match.group("ydir") or "").lower()
        step = -1 if direction.startswith(("dern", "pass")) else (1 if direction.startswith("proch") else 0)
        return dt.date(reference.year + step, 1, 1), YEAR
    if match.group("relmonth"):
        if reference is None:
            return None, MONTH
        step = 1 if match.group("mdir").lower() == "prochain" else -1
        index = reference.year * 12 + reference.month - 1 + step
        return dt.date(index // 12, index % 12 + 1, 1), MONTH
    if match.group("relweek"):
        if anchor is None:
            return None, WEEK
        step = 7 if match.group("wkdir").lower() == "prochaine" else -7
        return anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=step), WEEK
    if match.group("sameyear"):
        return (dt.date(previous_year, 1, 1) if previous_year else None), YEAR
    if match.group("ago"):
        return _ago(match, anchor)
    if match.group("thisweek"):
        return (anchor - dt.timedelta(days=anchor.weekday()) if anchor else None), WEEK  # that week's Monday
    if match.group("thismonth"):
        return (reference.replace(day=1) if reference else None), MONTH
    return None, DAY


def _ago(match: re.Match, anchor: dt.date | None) -> tuple[dt.date | None, str]:
    if anchor is None:
        return None, DAY
    count = match.group("n")
    number = int(count) if count.isdigit() else _NUMBER_WORDS[count.lower()]
    unit = match.group("unit").lower()
    if unit.startswith("jour"):
        return anchor - dt.timedelta(days=number), DAY
    if unit.startswith("semaine"):
        return anchor - dt.timedelta(weeks=number), DAY
    if unit == "mois":
        index = anchor.year * 12 + anchor.month - 1 - number
        return dt.date(index // 12, index % 12 + 1, 1), MONTH
    return dt.date(anchor.year - number, 1, 1), YEAR


def _chain_step(words: str) -> int:
    """Days from the previous date. `la veille`, `un jour plus tôt`: the day before. But in
    `mardi, un jour après son passage à Kiev` the event named is Kiev, the day before mardi."""
    if "veille" in words or "plus tôt" in words or "après" in words:
        return -1
    return 1


def _resolve_weekday(anchor: dt.date, weekday: int, direction: str | None, tense: str | None) -> dt.date:
    """`dernier`/`prochain` or the verb's tense decide; with neither, the nearest such day
    (news names the days of the week around the one it is written on)."""
    ahead = (weekday - anchor.weekday()) % 7
    behind = (anchor.weekday() - weekday) % 7
    if direction == "prochain":
        return anchor + dt.timedelta(days=ahead or 7)
    if direction == "dernier":
        return anchor - dt.timedelta(days=behind or 7)
    if tense == FUTURE:
        return anchor + dt.timedelta(days=ahead)
    if tense in _PASTS or behind <= ahead:
        return anchor - dt.timedelta(days=behind)
    return anchor + dt.timedelta(days=ahead)


def _format(date: dt.date, precision: str) -> str:
    return {DAY: date.isoformat(), WEEK: date.isoformat(), MONTH: date.isoformat()[:7], YEAR: str(date.year)}[precision]


def _sentence(doc, char: int) -> tuple[int, int]:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return char, char
    sentence = span[0].sent
    return sentence.start_char, sentence.end_char


def deictic_offsets(body: str, expressions: list[TimeExpression]) -> list[tuple[str, int]]:
    """`aujourd'hui`, `hier`, `demain`…: each one's sentence and its distance in days from the day
    the text was written, for dating an article from the happening it tells."""
    found = []
    for expression in expressions:
        match = _match(body, expression)
        if match and match.group("deictic"):
            sentence = body[expression.sentence_start:expression.sentence_end]
            found.append((sentence, _DEICTIC_DAYS[match.group("deictic").lower().replace("’", "'")]))
    return found
