"""Who said it: attribution of quoted spans (and indirect speech) over the spaCy parse.

The mechanism: find the reporting cue nearest the quote (a reporting verb by lemma, or
`selon`/`d'après`), take the cue's subject (before or after the verb, skipping addressees),
and resolve that noun phrase to a named person, an organisation, a role already tied to a
person in the article, a pronoun's antecedent, or an anonymous descriptor kept as written.
A quote with no cue continues the previous speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .entities import compatible_people, fits_role
from .lexicon import (
    ARTICLES, CLAUSE_VERBS, DEFINITE_ARTICLES, FUNCTION_WORDS, INCISE_VERBS, INDEFINITE_DETERMINERS, INSTITUTION_NOUNS,
    MONTHS, NAMING_WORDS, PERSON_ROLE_NOUNS, SOURCE_PREPOSITIONS, SPEECH_VERBS, WEEKDAYS, fold, speech_lemma,
)
from .quote_marks import MarkedSpan, find_marked_spans
from .records import ANONYMOUS, DIRECT, INDIRECT, ORGANIZATION, PERSON, Entity, Quote

_PRONOUNS = frozenset({"il", "elle", "-il", "-elle", "ils", "elles", "-ils", "-elles"})
_SKIP_AFTER_VERB = frozenset(WEEKDAYS + MONTHS) | {"journalistes", "presse", "soir", "matin", "jour"}
_NAMING_WORDS = frozenset(fold(w) for w in NAMING_WORDS)
# "cette source", "l'officiel": a definite noun that points back to the last anonymous speaker.
ANAPHORIC_SOURCES = frozenset({"source", "officiel", "responsable", "diplomate", "fonctionnaire", "interlocuteur"})
_LATTER = frozenset({"dernier", "dernière", "celui-ci", "celle-ci"})
_RELATIVE_SELON = frozenset({"laquelle", "lequel", "lesquelles", "lesquels"})


@dataclass
class Speaker:
    name: str
    kind: str  # PERSON, ORGANIZATION or ANONYMOUS
    head: str = ""  # head noun of a descriptor ("responsable"), to resolve "le responsable" later
    definite: bool = False  # "le dirigeant américain": one known person, named elsewhere


@dataclass
class _SpeechAct:
    position: int
    speaker: Speaker
    paragraph: int


class Attributor:
    def __init__(self, doc, entities: list[Entity], text: str | None = None):
        self.doc = doc
        self.text = text if text is not None else doc.text  # same length as doc.text, original characters
        self.entities = entities
        self.mention_owner: dict[int, tuple[Entity, object]] = {}
        for entity in entities:
            for mention in entity.mentions:
                for char in range(mention.start, mention.end):
                    self.mention_owner[char] = (entity, mention)
        self.spans = [s for s in find_marked_spans(self.text) if self._is_speech_like(s)]
        self.in_quote = [False] * len(doc)
        for span in self.spans:
            for token in doc.char_span(span.outer_start, span.outer_end, alignment_mode="expand") or []:
                self.in_quote[token.i] = True
        self.history: list[_SpeechAct] = []
        self.paragraph_starts = [0] + [i + 2 for i in range(len(self.text)) if self.text.startswith("\n\n", i)]

    # --- which marked spans are speech -------------------------------------------------------
    def _is_speech_like(self, span: MarkedSpan) -> bool:
        before = self.text[max(0, span.outer_start - 30) : span.outer_start].split()
        if before and fold(before[-1]).strip(",:") in _NAMING_WORDS:
            return False
        words = span.text(self.text).split()
        if 1 < len(words) <= 5 and all(w[:1].isupper() or w[:1].isdigit() for w in words):
            return False  # a name or a title in Title Case
        paragraph = self._paragraph_text(span.outer_start).strip()
        is_whole_paragraph = paragraph.strip("«»“”\" .") == span.text(self.text)
        if is_whole_paragraph and len(words) <= 4 and not any(c in ".!?" for c in span.text(self.text)):
            return False  # a heading set in quote marks, attributed to nobody
        return True

    def _paragraph_text(self, position: int) -> str:
        start = self.text.rfind("\n\n", 0, position)
        end = self.text.find("\n\n", position)
        return self.text[start + 2 if start >= 0 else 0 : end if end >= 0 else len(self.text)]

    def _paragraph_index(self, position: int) -> int:
        return sum(1 for start in self.paragraph_starts if start <= position) - 1

    # --- main ---------------------------------------------------------------------------------
    def quotes(self) -> list[Quote]:
        acts = [(span.outer_start, "quote", span) for span in self.spans]
        acts += [(verb.idx, "verb", verb) for verb in self._indirect_speech_verbs()]
        acts.sort(key=lambda a: a[0])
        results: list[Quote] = []
        for _, what, item in acts:
            quote = self._attribute(item) if what == "quote" else self._indirect(item)
            if quote is not None:
                results.append(quote)
        return results

    def _remember(self, position: int, speaker: Speaker | None) -> None:
        if speaker is not None:
            self.history.append(_SpeechAct(position, speaker, self._paragraph_index(position)))

    def _tokens_of(self, span: MarkedSpan):
        return self.doc.char_span(span.outer_start, span.outer_end, alignment_mode="expand")

    def _attribute(self, span: MarkedSpan) -> Quote | None:
        tokens = self._tokens_of(span)
        if tokens is None or len(tokens) == 0:
            return None
        first, last = tokens[0].i, tokens[-1].i
        window = self._window(first, last)
        cue, speaker = None, None
        for candidate in self._cues(window, first, last):
            cue = cue or candidate
            speaker = self._speaker_of_cue(candidate, span.outer_start)
            if speaker is not None:
                cue = candidate
                break
        cue_text = cue.text if cue is not None else ""
        if span.missing_open and cue is None:
            return None  # a stray closing mark, not a quote
        if speaker is None:
            speaker = self._speaker_in_next_sentence(last) or self._continuing_speaker(span.outer_start)
        self._remember(span.outer_start, speaker)
        return Quote(
            text=span.text(self.text),
            start=span.start,
            end=span.end,
            speaker=speaker.name if speaker else None,
            speaker_kind=speaker.kind if speaker else None,
            kind=DIRECT,
            cue=cue_text,
        )

    def _window(self, first: int, last: int) -> range:
        doc = self.doc
        start = doc[first].sent.start
        end = doc[last].sent.end
        # "« … », a déclaré X." may be split by the parser after the closing mark.
        if end < len(doc) and doc[end - 1].i == last or (end < len(doc) and doc[end].text in {",", "a"}):
            end = doc[end].sent.end
        return range(start, end)

    def _cues(self, window: range, first: int, last: int) -> list:
        """Reporting cues for a quote, best first: an incise after it (`», a-t-il dit`), then
        reporting verbs and `selon` by distance. The first one that yields a speaker wins."""
        found = []
        for i in window:
            if self.in_quote[i]:
                continue
            token = self.doc[i]
            if not (self._is_speech_verb(token, last) or self._is_source_preposition(token)):
                continue
            distance = first - i if i < first else i - last
            incise = token.pos_ in ("VERB", "AUX") and self._is_incise(last, token)
            found.append((0 if incise else 1, distance, token))
        return [token for _, _, token in sorted(found, key=lambda item: (item[0], item[1]))]

    def _is_incise(self, last: int, verb) -> bool:
        """An incise after the quote: `», a déclaré X`, `…, a-t-il dit`: the verb (with its
        auxiliaries and inverted clitic) directly follows a comma."""
        if verb.i <= last:
            return False
        j = verb.i - 1
        while j > last and (self.doc[j].pos_ in ("AUX", "ADV") or self.doc[j].text.startswith("-")):
            j -= 1
        return j > last and self.doc[j].text == ","

    def _is_source_preposition(self, token) -> bool:
        """`selon X`, `d'après X` (not `selon laquelle`, which introduces a clause); `Pour X, « … »`
        opening a sentence."""
        word = token.lower_
        if word == "pour" and token.is_sent_start:
            comma = next((t for t in token.doc[token.i + 1 : token.i + 9] if t.text == ","), None)
            between = token.doc[token.i + 1 : comma.i] if comma is not None else []
            return any(t.pos_ == "PROPN" or t.lemma_ in PERSON_ROLE_NOUNS for t in between)
        if word == "après" and token.i > 0 and self.doc[token.i - 1].lower_ in ("d'", "d’"):
            word = "d'après"
        return word in SOURCE_PREPOSITIONS and not self._next_is_relative(token)

    def _next_is_relative(self, token) -> bool:
        return token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ in _RELATIVE_SELON

    def _is_speech_verb(self, token, incise_after: int | None = None) -> bool:
        """A reporting verb used as a verb: not a participle qualifying a noun (`l'appel demandé par`).
        Verbs such as `lancer` report speech only in an incise (`», a lancé X`)."""
        lemma = speech_lemma(token)
        if lemma in INCISE_VERBS:
            return incise_after is not None and token.pos_ in ("VERB", "AUX") and self._is_incise(incise_after, token)
        if lemma in CLAUSE_VERBS and not any(t.lower_ in ("que", "qu'", "qu’") for t in token.doc[token.i + 1 : token.i + 3]):
            return False  # "soutenir la position" is support, "soutenir que …" is speech
        return (
            token.pos_ in ("VERB", "AUX")
            and lemma in SPEECH_VERBS
            and token.lower_ not in ("a", "ont")
            and not (token.dep_ in ("acl", "amod") and not any(c.dep_.startswith("aux") for c in token.children))
        )

    # --- cue to speaker ---------------------------------------------------------------------------
    def _speaker_of_cue(self, cue, position: int) -> Speaker | None:
        if self._is_source_preposition(cue):
            following = [t for t in self.doc[cue.i + 1 : min(len(self.doc), cue.i + 25)]]
            head = next((t for t in following if t.pos_ in ("NOUN", "PROPN", "PRON") and not self.in_quote[t.i]), None)
            return self._resolve_phrase(head, position) if head is not None else None
        chain = [cue]
        while len(chain) < 5 and chain[-1].dep_ in ("advcl", "xcomp", "conj", "acl") and chain[-1].head is not chain[-1]:
            chain.append(chain[-1].head)  # "…, ajoutant que …" shares its subject with the main verb
        # A reporting verb up the chain gives the subject before any other verb does.
        for verb in sorted(chain, key=lambda v: (not self._is_speech_verb(v), chain.index(v))):
            subject = self._subject(verb)
            if subject is not None:
                return self._resolve_phrase(subject, position)
        subject = self._preverbal_subject(cue)
        return self._resolve_phrase(subject, position) if subject is not None else None

    def _preverbal_subject(self, verb):
        """When the parse gives the verb no subject: the nearest noun to its left, outside
        prepositional phrases (`ce que le Kremlin dans un communiqué a qualifié de`)."""
        i = verb.i - 1
        while i >= 0 and verb.i - i < 15:
            token = self.doc[i]
            if self.in_quote[i] or token.text in {",", ";", ":", ".", "«", "»"} or token.pos_ in ("VERB", "SCONJ"):
                return None
            if token.lower_ in _PRONOUNS:
                return token
            if token.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "case" for c in token.children):
                while token.dep_ == "flat:name" and token.head.i < token.i:
                    token = token.head
                return token
            i -= 1
        return None

    def _subject(self, verb):
        """The verb's subject; a participle clause (`…, jugeant la réforme « inacceptable »`) has none
        of its own: the clause it hangs on gives it."""
        gerund = "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")
        for child in verb.children:
            if child.dep_.startswith("nsubj") and not self.in_quote[child.i] and child.lower_ != "-t":
                if child.lower_ == "qui" and verb.dep_ == "acl:relcl":
                    return verb.head
                if child.lower_ in ("ce", "cela", "ça", "on", "qui", "que", "qu'", "qu’", "c'", "c’"):
                    continue
                return child
        return None if gerund else self._postposed_subject(verb)

    def _postposed_subject(self, verb):
        """`», a déclaré jeudi Vladimir Poutine`: the subject after the verb, often parsed as an object."""
        doc = self.doc
        i = verb.i + 1
        while i < len(doc) and i < verb.i + 14:
            token = doc[i]
            if self.in_quote[i] or token.text in ".;:«»\"" or token.lower_ in ("que", "qu’", "qu'"):
                return None
            if token.pos_ == "ADP" and token.lower_ in ("à", "aux", "au", "par", "dans", "lors", "en", "avec", "devant", "après", "avant", "sur"):
                i = self._skip_phrase(i)
                continue
            if token.pos_ in ("NOUN", "PROPN") and token.lower_ not in _SKIP_AFTER_VERB:
                return token
            if token.pos_ in ("VERB",):
                return None
            i += 1
        return None

    def _skip_phrase(self, i: int) -> int:
        """Skip a prepositional phrase (`aux journalistes`, `dans un communiqué`)."""
        doc = self.doc
        i += 1
        while i < len(doc) and doc[i].pos_ in ("DET", "ADJ", "NUM"):
            i += 1
        if i < len(doc) and doc[i].pos_ in ("NOUN", "PROPN"):
            i += 1
            while i < len(doc) and doc[i].pos_ in ("ADJ",) or (i < len(doc) and doc[i].dep_ == "flat:name"):
                i += 1
        return i

    def _phrase_tokens(self, head) -> list:
        """The noun phrase of `head`, stopping at relative clauses, verbs and quotes."""
        tokens = [head]
        i = head.i - 1
        while i >= 0 and self.doc[i].pos_ in ("DET", "ADJ", "NUM") and not self.in_quote[i]:
            tokens.insert(0, self.doc[i])
            i -= 1
        i = head.i + 1
        while i < len(self.doc) and not self.in_quote[i]:
            token = self.doc[i]
            if token.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON") or token.lower_ in ("qui", "que", "dont", "où"):
                break
            if token.text == ",":
                ahead = self.doc[i + 1 : i + 6]
                named = next((t for t in ahead if t.ent_type_ == "PER"), None)
                if named is not None and all(not (t.is_punct or t.pos_ in ("VERB", "AUX")) for t in ahead[: named.i - i - 1]):
                    i += 1
                    continue  # an apposed name: "l'assistant …, Yuri Ouchakov", "son porte-parole, le colonel X"
                break
            if token.is_punct and token.text not in "-'’":
                break
            if token.pos_ == "ADP" and token.lower_ not in ("de", "d'", "d’", "du", "des"):
                break  # "le ministère dans le communiqué": the circumstance is not the speaker
            tokens.append(token)
            i += 1
        return tokens

    def _resolve_phrase(self, head, position: int) -> Speaker | None:
        if head.lower_ in _PRONOUNS:
            return self._antecedent(position)
        if head.lower_ in _LATTER and self.history:
            return self.history[-1].speaker  # "ce dernier", "celui-ci": the one just quoted
        phrase = self._phrase_tokens(head)
        owners = [self.mention_owner.get(t.idx) for t in phrase]
        people = [o[0] for o in owners if o and o[0].kind == PERSON]
        if people:
            return Speaker(people[0].name, PERSON)
        name = self._name_in_phrase(phrase)
        if name:
            return Speaker(name, PERSON)
        own = self.mention_owner.get(head.idx)
        if own:
            return Speaker(own[0].name, ORGANIZATION, head.lemma_)
        if head.pos_ == "PROPN" or (head.text[:1].isupper() and not head.is_stop and head.pos_ != "NOUN"):
            named = self._person_by_name(head.text)
            if named:
                return Speaker(named.name, PERSON)
            name = " ".join(t.text for t in phrase if t.pos_ != "DET" and t.lower_ not in ARTICLES)
            # French names people without an article: "le Kremlin" is an institution, "Poutine" a person.
            return Speaker(name, ORGANIZATION if phrase[0].pos_ == "DET" else PERSON)
        if head.pos_ != "NOUN":
            return None
        determiner = phrase[0].lower_ if phrase[0].pos_ == "DET" else ""
        descriptor = self.doc[phrase[0].i : phrase[-1].i + 1].text
        if determiner:
            descriptor = descriptor[0].lower() + descriptor[1:]  # "Un responsable" opening a sentence
        if determiner in INDEFINITE_DETERMINERS:
            return Speaker(descriptor, ANONYMOUS, head.lemma_)
        role_holder = self._role_holder(phrase)
        if role_holder is not None:
            return Speaker(role_holder.name, PERSON)
        for act in reversed(self.history):
            if act.speaker.head == head.lemma_ or (
                head.lemma_ in ANAPHORIC_SOURCES and act.speaker.kind == ANONYMOUS and act.speaker.head in ANAPHORIC_SOURCES
            ):
                return act.speaker
        epithet = self._epithet_of_last_speaker(head, determiner, position)
        if epithet is not None:
            return epithet
        organisations = [o[0] for o in owners if o and o[0].kind != PERSON]
        if organisations and head.lemma_ not in PERSON_ROLE_NOUNS:
            return Speaker(descriptor.split(" ", 1)[-1] if determiner else descriptor, ORGANIZATION, head.lemma_)
        if head.lemma_ in INSTITUTION_NOUNS:
            return Speaker(descriptor.split(" ", 1)[-1] if determiner in DEFINITE_ARTICLES else descriptor, ORGANIZATION, head.lemma_)
        return Speaker(descriptor, ANONYMOUS, head.lemma_, definite=head.lemma_ in PERSON_ROLE_NOUNS and determiner in DEFINITE_ARTICLES)

    def _epithet_of_last_speaker(self, head, determiner: str, position: int) -> Speaker | None:
        """`« … », a déclaré Emmanuel Macron. Le chef de l'Etat a précisé …`: a definite title
        right after a named person's words refers back to that person."""
        if determiner not in DEFINITE_ARTICLES or head.lemma_ not in PERSON_ROLE_NOUNS or head.lemma_ in ANAPHORIC_SOURCES:
            return None
        last = self.history[-1] if self.history else None
        if last is not None and last.speaker.kind == PERSON and self._paragraph_index(position) - last.paragraph <= 1:
            return last.speaker
        return None

    @staticmethod
    def _name_in_phrase(phrase: list) -> str | None:
        """A first and last name the tagger did not mark (`le Premier ministre Jean Castex`)."""
        for i, token in enumerate(phrase[:-1]):
            following = phrase[i + 1]
            if token.pos_ == "PROPN" and following.pos_ == "PROPN" and following.dep_ == "flat:name" and token.text[:1].isupper():
                run = [token, following]
                for extra in phrase[i + 2 :]:
                    if extra.dep_ != "flat:name":
                        break
                    run.append(extra)
                return " ".join(t.text for t in run)
        return None

    def _person_by_name(self, text: str) -> Entity | None:
        return next((e for e in self.entities if e.kind == PERSON and compatible_people(text, e.name)), None)

    def _role_holder(self, phrase: list) -> Entity | None:
        """`a ajouté le porte-parole` → the person the article introduced as porte-parole."""
        descriptor = " ".join(t.text for t in phrase)
        scored = [(fits_role(descriptor, role), entity) for entity in self.entities if entity.kind == PERSON for role in entity.roles]
        best = max(scored, key=lambda pair: pair[0], default=(0, None))
        return best[1] if best[0] else None

    def _antecedent(self, position: int) -> Speaker | None:
        """A pronoun subject: the single person subject earlier in the same sentence, else the
        most recent speaker, else the most recent person named."""
        span = self.doc.char_span(position, position + 1, alignment_mode="expand")
        if span is not None and len(span):
            for token in span[0].sent:
                if token.idx >= position:
                    break
                owner = self.mention_owner.get(token.idx)
                coordinated = token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)
                if token.dep_.startswith("nsubj") and owner and owner[0].kind == PERSON and not coordinated and not self.in_quote[token.i]:
                    return Speaker(owner[0].name, PERSON)
        for act in reversed(self.history):
            if act.position < position and (act.speaker.kind == PERSON or act.speaker.definite):
                if self._paragraph_index(position) - act.paragraph <= 3:
                    return act.speaker
                break
        mentions = [
            (m.start, e) for e in self.entities if e.kind == PERSON for m in e.mentions if m.start < position
        ]
        if mentions:
            return Speaker(max(mentions, key=lambda pair: pair[0])[1].name, PERSON)
        return None

    def _speaker_in_next_sentence(self, last: int) -> Speaker | None:
        sentence = self.doc[last].sent
        trailing = self.doc[last + 1 : sentence.end].text.strip().strip(" .»\"”")
        if sentence.end >= len(self.doc) or (self.doc[sentence.end - 1].i != last and trailing):
            return None  # the quote does not end its sentence
        start = sentence.end
        while start < len(self.doc) and self.doc[start].is_space:
            start += 1
        if start >= len(self.doc):
            return None
        following = self.doc[start].sent
        if any(self.in_quote[t.i] for t in following):
            return None
        for token in following:
            if self._is_speech_verb(token):
                subject = self._subject(token)
                if subject is not None and subject.lower_ not in _PRONOUNS:
                    return self._resolve_phrase(subject, following.start_char)
        return None

    def _continuing_speaker(self, position: int) -> Speaker | None:
        paragraph = self._paragraph_index(position)
        for act in reversed(self.history):
            if paragraph - act.paragraph <= 2:
                return act.speaker
            break
        return None

    # --- indirect speech --------------------------------------------------------------------------
    def _indirect_speech_verbs(self):
        for token in self.doc:
            if self.in_quote[token.i] or not self._is_speech_verb(token):
                continue
            yield token

    def _indirect(self, verb) -> Quote | None:
        """`X a averti que …` without quote marks: reported speech of the second kind."""
        speaker = self._speaker_of_cue(verb, verb.idx)
        clause = next(
            (c for c in verb.children if c.dep_ == "ccomp" and any(g.lower_ in ("que", "qu’", "qu'") and g.dep_ == "mark" for g in c.children)),
            None,
        )
        self._remember(verb.idx, speaker)
        if clause is None or speaker is None:
            return None
        tokens = list(clause.subtree)
        if any(self.in_quote[t.i] for t in tokens):
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if tokens[0].lower_ in ("que", "qu’", "qu'"):
            start = tokens[1].idx if len(tokens) > 1 else start
        text = self.text[start:end].rstrip(" .,;")
        if len(text.split()) < 3:
            return None
        return Quote(text, start, start + len(text), speaker.name, speaker.kind, INDIRECT, verb.text)


_SPECIFICITY = {PERSON: 3, ANONYMOUS: 2, ORGANIZATION: 1, None: 0}


def _content_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", fold(text))) - FUNCTION_WORDS


def share_repeated_quotes(quotes: list[Quote]) -> list[Quote]:
    """The same words quoted twice in one article come from one source: a quote left without a
    speaker, or given to an institution by a headline's metonymy (`Moscou exclut toute « concession »`),
    takes the most specific speaker found for the same words elsewhere in the article."""
    best: dict[frozenset[str], Quote] = {}
    for quote in quotes:
        key = _content_words(quote.text)
        if quote.kind == DIRECT and key and _SPECIFICITY[quote.speaker_kind] > _SPECIFICITY[best[key].speaker_kind if key in best else None]:
            best[key] = quote
    shared = []
    for quote in quotes:
        source = best.get(_content_words(quote.text)) if quote.kind == DIRECT else None
        if source is not None and _SPECIFICITY[quote.speaker_kind] < 2 and _SPECIFICITY[source.speaker_kind] > _SPECIFICITY[quote.speaker_kind]:
            quote = replace(quote, speaker=source.speaker, speaker_kind=source.speaker_kind)
        shared.append(quote)
    return shared


def extract_quotes(doc, entities: list[Entity], text: str | None = None) -> list[Quote]:
    return share_repeated_quotes(Attributor(doc, entities, text).quotes())
