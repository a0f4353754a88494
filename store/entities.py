"""spaCy's raw mentions to trustworthy entities: cleaned surfaces, one type by vote, merged aliases, roles.

All rules are about French writing in general (articles, honorifics, prepositions of place,
appositions); none names a person or an organisation.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import (
    ARTICLES, FUNCTION_WORDS, HEAD_OF_STATE_WORDS, HONORIFICS, INSTITUTION_NOUNS, LEADER_NOUNS, MONTHS, PERSON_ROLE_NOUNS,
    PLACE_PREPOSITIONS, SPEECH_VERBS, WEEKDAYS, fold, speech_lemma,
)
from .records import ORGANIZATION, PERSON, PLACE, Entity, Mention

_LABEL_KIND = {"PER": PERSON, "ORG": ORGANIZATION, "LOC": PLACE}
_CALENDAR_WORDS = frozenset(WEEKDAYS + MONTHS)
_NOT_NAME_CHARS = re.compile(r"[|#@/\d]")
_COMPLEMENT_PREPOSITIONS = frozenset({"de", "d'", "d’", "à", "du", "des", "au", "aux", "pour", "chargé"})
_ROLE_DETERMINERS = frozenset({"le", "la", "l'", "l’", "son", "sa", "leur", "du", "de", "au"})


@dataclass
class _Candidate:
    """One cleaned mention with the evidence gathered about its type."""

    text: str
    start: int
    end: int
    tokens: list  # spaCy tokens of the cleaned surface
    votes: Counter = field(default_factory=Counter)
    honorific: bool = False


def _strip_surface(tokens: list) -> tuple[list, bool, bool]:
    """Drop leading articles/elisions and honorifics; tell whether either was there."""
    had_article = had_honorific = False
    while tokens and (tokens[0].lower_ in ARTICLES or tokens[0].lower_ in HONORIFICS):
        if tokens[0].lower_ in HONORIFICS:
            had_honorific = True
        else:
            had_article = True
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens, had_article, had_honorific


def _is_noise(tokens: list) -> bool:
    text = " ".join(t.text for t in tokens)
    if not tokens or _NOT_NAME_CHARS.search(text) or not text[0].isupper():
        return True
    if any(t.lower_ in _CALENDAR_WORDS for t in tokens):
        return True
    if len(tokens) == 1:
        token = tokens[0]
        # A capitalised common word opening a sentence ("Vendredi", "Signe") is not a name.
        if token.pos_ != "PROPN" and not token.text.isupper():
            return True  # also demonyms ("les Russes") and title words ("secrétaire d'État")
        if len(token.text) < 2:
            return True
    return False


def _split_coordination(tokens: list) -> list[list]:
    """`MM. Blinken et Zelensky` is two people."""
    parts, current = [], []
    for token in tokens:
        if token.lower_ == "et":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return [p for p in parts if p]


def _previous_token(tokens: list):
    first = tokens[0]
    return first.doc[first.i - 1] if first.i > 0 else None


def _vote(candidate: _Candidate, label: str, had_article: bool) -> None:
    kind = _LABEL_KIND.get(label)
    if kind:
        candidate.votes[kind] += 1
    previous = _previous_token(candidate.tokens)
    head = candidate.tokens[-1]
    if candidate.honorific:
        candidate.votes[PERSON] += 5
    if had_article or (previous is not None and previous.lower_ in ARTICLES):
        # French puts no article before a person's name; "le Kremlin" acts as an institution.
        candidate.votes[PERSON] -= 3
        verb = head.head if head.dep_.startswith("nsubj") else None
        if verb is not None and speech_lemma(verb) in SPEECH_VERBS:
            candidate.votes[ORGANIZATION] += 1  # an institution that speaks
    if previous is not None and previous.lower_ in PLACE_PREPOSITIONS:
        candidate.votes[PLACE] += 2
    if _works_for(candidate.tokens):
        candidate.votes[ORGANIZATION] += 3
    if len(candidate.tokens) >= 2 and label == "PER" and all(t.text[:1].isupper() for t in candidate.tokens):
        candidate.votes[PERSON] += 1
    if described_as_person(candidate.tokens):
        candidate.votes[PERSON] += 3


def described_as_person(tokens: list) -> bool:
    """`Lucienne, 78 ans,`, `sa sœur, Clara,`, `Jade, elle, …`: the words around a name say it is a
    person's, which a lone first name needs (vox pops name people by their first name only)."""
    from .attribution.mentions import person_likeness

    doc, first, last = tokens[0].doc, tokens[0].i, tokens[-1].i
    after = [t for t in doc[last + 1 : last + 12]]
    if after and after[0].text == "(":  # `Jade (le prénom a été modifié), 12 ans`
        closing = next((k for k, t in enumerate(after) if t.text == ")"), None)
        after = after[closing + 1 :] if closing is not None else after
    if len(after) >= 3 and after[0].text == "," and after[1].like_num and after[2].lower_ in ("ans", "an"):
        return True
    if len(after) >= 3 and after[0].text == "," and after[1].lower_ in ("elle", "lui") and after[2].text == ",":
        return True
    before = doc[max(0, first - 2) : first]
    return len(before) == 2 and before[1].text == "," and before[0].pos_ == "NOUN" and person_likeness(before[0]) > 0


def _works_for(tokens: list) -> bool:
    """`le porte-parole du Kremlin`, `un responsable de la Maison Blanche`: people work for
    organisations, so a role noun followed by `de X` makes X an organisation."""
    doc = tokens[0].doc
    i = tokens[0].i - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    if i < 1 or doc[i].lower_ not in ("de", "du", "d'", "d’", "des"):
        return False
    role = doc[i - 1]
    while role.pos_ == "ADJ" and role.i > 0:
        role = doc[role.i - 1]
    words = {role.lemma_.lower(), role.lower_}
    return bool(words & PERSON_ROLE_NOUNS) and not words & LEADER_NOUNS  # "les dirigeants du Royaume-Uni" lead a country


def _in_credit_line(tokens: list) -> bool:
    """`TYLER HICKS/THE NEW YORK TIMES`: capitals next to capitals are a photo credit."""
    doc = tokens[0].doc
    neighbours = [doc[tokens[0].i - 1] if tokens[0].i > 0 else None, doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None]
    return all(t.text.isupper() for t in tokens) and any(
        n is not None and (n.text in "|/" or (n.text.isupper() and len(n.text) >= 3)) for n in neighbours
    )


def role_before(tokens: list):
    """`le chancelier allemand Olaf Scholz`, `le conseiller à la sécurité nationale, Jake Sullivan`:
    the role's span (its determiner excluded)."""
    doc = tokens[0].doc
    i = tokens[0].i - 1
    apposition = i >= 0 and doc[i].text == ","
    if apposition:
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "ADJ", "PROPN"):
        return None
    collected = []
    while i >= 0 and len(collected) < 12:
        token = doc[i]
        if token.pos_ == "DET":
            before = doc[i - 1] if i > 0 else None
            if before is None or before.lower_ not in _COMPLEMENT_PREPOSITIONS:
                break  # the determiner that opens the role's noun phrase
        elif (token.is_punct and token.text not in "-'’") or token.pos_ in ("VERB", "AUX", "PRON", "CCONJ", "SCONJ") or token.ent_type_ == "PER":
            return None
        collected.append(token)
        i -= 1
    if i < 0 or not collected:
        return None
    collected.reverse()
    opener = doc[i - 1] if i > 0 else None
    if apposition and opener is not None and opener.pos_ == "ADP" and len(collected) == 1:
        return None  # "avant leur entretien, Poutine …": a circumstance, not a title
    if not any(t.pos_ == "NOUN" for t in collected) or not collected[0].text[0].islower():
        return None  # "la première ministre" opens with an adjective, "le porte-parole" with a noun
    return doc[collected[0].i : collected[-1].i + 1]


def role_after(tokens: list):
    """`Dmytro Kuleba, le ministre ukrainien des affaires étrangères, a déclaré`: the role's span."""
    doc = tokens[-1].doc
    i = tokens[-1].i + 1
    if i + 2 >= len(doc) or doc[i].text != ",":
        return None
    first = doc[i + 2] if doc[i + 1].lower_ in _ROLE_DETERMINERS else doc[i + 1]  # with or without "le"
    if first.pos_ != "NOUN" or not first.text[0].islower():
        return None
    end = first.i
    while end + 1 < len(doc) and end - first.i < 12 and not doc[end + 1].is_punct and doc[end + 1].pos_ not in ("VERB", "AUX", "PRON", "SCONJ"):
        end += 1
    if not (end + 1 >= len(doc) or doc[end + 1].text in ",.;:"):
        return None
    return doc[first.i : end + 1]


def _institution_spans(doc) -> list:
    """Institutions the tagger misses because their head noun is lowercase: `le département d'État`,
    `le ministère japonais des Affaires étrangères`, `le centre Carnegie de Moscou`."""
    spans = []
    for token in doc:
        if token.lemma_.lower() not in INSTITUTION_NOUNS and token.lower_ not in INSTITUTION_NOUNS:
            continue
        end, named, j = token.i, False, token.i + 1
        while j < len(doc):
            current = doc[j]
            if current.pos_ == "ADJ" and current.text[:1].islower():
                end, j = j, j + 1  # "japonais", "indo-pacifique"
            elif current.pos_ == "PROPN" and j == end + 1 and current.ent_type_ != "PER":
                end, j, named = j, j + 1, True  # "centre Carnegie"
            elif current.lower_ in ("de", "du", "des", "d'", "d’"):
                k = j + 1
                if k < len(doc) and doc[k].lower_ in ("la", "l'", "l’", "les"):
                    k += 1
                if k >= len(doc) or not doc[k].text[:1].isupper() or doc[k].ent_type_ == "PER":
                    break
                while k < len(doc) and (doc[k].text[:1].isupper() or (doc[k].pos_ == "ADJ" and k > j + 1)):
                    end, k = k, k + 1
                named, j = True, k
            else:
                break
        if named:
            spans.append(doc[token.i : end + 1])
    return spans


def _candidates(doc) -> list[tuple[_Candidate, str]]:
    found = []
    text = doc.text  # Doc.text joins every token on each access
    institutions = _institution_spans(doc)
    covered = {t.i for span in institutions for t in span}
    # `doc.ents` too is rebuilt on each access: read it once, and find the entity around a token by
    # lookup rather than by scanning them all for each institution, so big texts stay linear.
    ents = doc.ents
    ent_at = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    for span in institutions:
        outer = ent_at.get(span.start)
        if not (outer is not None and outer.start < span.start and outer.end >= span.end):
            candidate = _Candidate(span.text, span.start_char, span.end_char, list(span))
            candidate.votes[ORGANIZATION] += 3
            found.append((candidate, "ORG"))
    for ent in ents:
        if ent.label_ == "MISC":
            ent = _trailing_name(ent)
        if ent is None or ent.label_ not in _LABEL_KIND or all(t.i in covered for t in ent):
            continue
        tokens, had_article, had_honorific = _strip_surface(list(ent))
        previous = _previous_token(list(ent))
        if previous is not None and previous.lower_ in HONORIFICS:
            had_honorific = True
        # "MM. Blinken et Zelensky" is two people; "Organisation pour la sécurité et la coopération" one body.
        parts = _split_coordination(tokens) if ent.label_ == "PER" else [tokens]
        parts = [p for p in parts if p]
        for part in parts:
            if _is_noise(part) or _in_credit_line(part):
                continue
            start, end = part[0].idx, part[-1].idx + len(part[-1].text)
            candidate = _Candidate(text[start:end], start, end, part, honorific=had_honorific)
            _vote(candidate, ent.label_, had_article)
            found.append((candidate, ent.label_))
    # A first name the model did not take for a name at all, set off as a person's (`Awa, 34 ans,`).
    named = covered | {t.i for candidate, _ in found for t in candidate.tokens}
    for token in doc:
        if token.i not in named and token.is_alpha and token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper() and not token.is_sent_start and described_as_person([token]):
            candidate = _Candidate(token.text, token.idx, token.idx + len(token.text), [token])
            candidate.votes[PERSON] += 4
            found.append((candidate, "PER"))
    found.sort(key=lambda pair: pair[0].start)
    return found


def _trailing_name(ent):
    """`Premier ministre Jean Castex` tagged MISC: the first and last name at its end are a person."""
    run = []
    for token in reversed(list(ent)):
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            break
        run.insert(0, token)
    if len(run) < 2 or run[0].i == ent.start:
        return None
    return ent.doc.char_span(run[0].idx, run[-1].idx + len(run[-1].text), label="PER")


_LEADERS = frozenset(fold(noun) for noun in LEADER_NOUNS)


def role_words(text: str) -> tuple[str, set[str]]:
    """A role or a descriptor as its head noun and its other content words, folded:
    "le porte-parole du Kremlin" → ("porte-parole", {"kremlin"})."""
    words = [w for w in re.findall(r"[\w-]+", fold(text)) if w not in FUNCTION_WORDS]
    return (words[0], set(words[1:]) - HEAD_OF_STATE_WORDS) if words else ("", set())


def fits_role(descriptor: str, role: str) -> int:
    """How well a description ("le dirigeant américain") names the holder of a role ("président
    américain"): 0 when it cannot, else more for more shared words. Heads must agree (leaders are
    interchangeable) and every word the description adds must be in the role."""
    head, modifiers = role_words(descriptor)
    role_head, role_modifiers = role_words(role)
    if not head or not (head == role_head or (head in _LEADERS and role_head in _LEADERS)):
        return 0
    return 1 + len(modifiers) if modifiers <= role_modifiers else 0


def person_key(name: str) -> str:
    """Transliteration-tolerant form of a name part: Zelenskiy ~ Zelensky, Ouchakov ~ Ushakov."""
    key = fold(name)
    for source, target in (("gue", "ge"), ("gui", "gi"), ("ou", "u"), ("sh", "ch"), ("kh", "h"),
                           ("iy", "i"), ("yi", "i"), ("y", "i"), ("ii", "i"), ("j", "i"), ("-", "")):
        key = key.replace(source, target)
    return key


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def same_name_part(a: str, b: str) -> bool:
    """Equal up to transliteration, with at most one edit left for names of 6+ letters."""
    ka, kb = person_key(a), person_key(b)
    if ka == kb:
        return True
    return min(len(ka), len(kb)) >= 6 and _edit_distance(ka, kb) <= 1


@lru_cache(maxsize=65536)
def compatible_people(a: str, b: str) -> bool:
    """Same surname and no conflicting first name (a bare surname is compatible with any)."""
    parts_a, parts_b = a.split(), b.split()
    if not same_name_part(parts_a[-1], parts_b[-1]):
        return False
    if len(parts_a) == 1 or len(parts_b) == 1:
        return True
    first_a, first_b = parts_a[0], parts_b[0]
    if first_a.rstrip(".") == first_b[: len(first_a.rstrip("."))] or first_b.rstrip(".") == first_a[: len(first_b.rstrip("."))]:
        return True  # an initial
    return same_name_part(first_a, first_b)


def preferred_name(forms: Counter) -> str:
    """The fullest form; among equally full ones the most frequent, then the longest."""
    return max(forms, key=lambda f: (len(f.split()), forms[f], len(f), f))


def extract_entities(doc) -> list[Entity]:
    candidates = _candidates(doc)
    # Type by vote over every mention of the same surface form.
    votes: dict[str, Counter] = defaultdict(Counter)
    for candidate, _ in candidates:
        votes[fold(candidate.text)].update(candidate.votes)
    person_surnames = {
        person_key(c.text.split()[-1])
        for c, _ in candidates
        if len(c.text.split()) >= 2 and votes[fold(c.text)][PERSON] > 0
    }

    def kind_of(candidate: _Candidate) -> str:
        tally = votes[fold(candidate.text)]
        if len(candidate.tokens) == 1 and person_key(candidate.text) in person_surnames:
            return PERSON  # the surname of someone named in full
        if len(candidate.tokens) == 1 and not candidate.honorific and tally[PERSON] > 0:
            tally = tally.copy()
            tally[PERSON] -= 1  # a lone capitalised word is a person only with more evidence
        return max((PERSON, ORGANIZATION, PLACE), key=lambda k: (tally[k], k == PLACE))

    people: list[Entity] = []
    forms: dict[int, dict[str, None]] = {}
    others: dict[str, Entity] = {}
    for candidate, _ in candidates:
        kind = kind_of(candidate)
        mention = Mention(candidate.text, candidate.start, candidate.end)
        if kind == PERSON:
            entity = _add_person(people, mention, forms)
            role = role_before(candidate.tokens) or role_after(candidate.tokens)
            if role and role.text not in entity.roles:
                entity.roles.append(role.text)
        else:
            key = fold(candidate.text)
            entity = others.setdefault(key, Entity(candidate.text, kind))
            entity.mentions.append(mention)
    _merge_acronyms(doc.text, others)
    for entity in list(others.values()):
        entity.name = preferred_name(Counter(m.text for m in entity.mentions))
    people = _merge_first_names(people)
    for person in people:
        person.name = preferred_name(Counter(m.text for m in person.mentions))
    entities = people + sorted(others.values(), key=lambda e: e.mentions[0].start)
    for entity in entities:
        entity.count_forms()
    return entities


def _add_person(people: list[Entity], mention: Mention, forms: dict[int, dict[str, None]]) -> Entity:
    """The person this mention belongs to (a full name it fits first), created if new. `forms`:
    each person's distinct mention texts (by `id`), so a name said a thousand times is compared once."""
    text = mention.text

    def join(person: Entity) -> Entity:
        person.mentions.append(mention)
        forms[id(person)][text] = None
        return person

    for person in people:
        known = forms[id(person)]
        if any(compatible_people(text, f) for f in known if len(f.split()) >= 2) or (
            len(text.split()) >= 2 and all(compatible_people(text, f) for f in known)
        ):
            return join(person)
    for person in people:
        if all(compatible_people(text, f) for f in forms[id(person)]):
            return join(person)
    people.append(Entity(text, PERSON, [mention]))
    forms[id(people[-1])] = {text: None}
    return people[-1]


def _merge_first_names(people: list[Entity]) -> list[Entity]:
    """`Maïder Etxeberria … Maïder`: a lone word that is the first name of exactly one person
    named in full, and nobody's surname, is that person (features name people by first name)."""
    kept = []
    for person in people:
        forms = {m.text for m in person.mentions}
        if len(forms) == 1 and len(next(iter(forms)).split()) == 1:
            word = fold(next(iter(forms)))
            owners = [p for p in people if p is not person and any(len(m.text.split()) >= 2 and fold(m.text.split()[0]) == word for m in p.mentions)]
            surnames = [p for p in people if p is not person and any(fold(m.text.split()[-1]) == word for m in p.mentions)]
            if len(owners) == 1 and not surnames:
                owners[0].mentions.extend(person.mentions)
                owners[0].mentions.sort(key=lambda m: m.start)
                continue
        kept.append(person)
    return kept


def _merge_acronyms(text: str, entities: dict[str, Entity]) -> None:
    """`Organisation pour la sécurité et la coopération en Europe (OSCE)`: one entity, two forms,
    the long form extended to the parenthesis when the tagger cut it short."""
    for match in re.finditer(r"\(([A-Z]{2,10})\)", text):
        acronym, opening = match.group(1), match.start()
        for entity in list(entities.values()):
            long_form = next((m for m in entity.mentions if 0 <= opening - m.end < 80 and m.text[:1] == acronym[0]
                              and not re.search(r"[,.;:()]", text[m.end : opening])), None)
            if long_form is None or len(long_form.text.split()) < 2:
                continue
            full = Mention(text[long_form.start : opening].rstrip(), long_form.start, long_form.start + len(text[long_form.start : opening].rstrip()))
            entity.mentions[entity.mentions.index(long_form)] = full
            short = entities.pop(fold(acronym), None)
            if short is not None and short is not entity:
                entity.mentions.extend(short.mentions)
            break
