"""Who said it: attribution of quoted spans (and indirect speech) over the spaCy parse.

The mechanism: find the reporting cue nearest the quote (a reporting verb by lemma, or
`selon`/`d'après`), take the cue's subject (before or after the verb, skipping addressees),
and resolve that noun phrase to a named person, an organisation, a role already tied to a
person in the article, a pronoun's antecedent, or an anonymous descriptor kept as written.
A quote with no cue continues the previous speaker.
"""
from __future__ import annotations

import math
import os
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cached_property

from ..entities import compatible_people
from ..lexicon import (
    ARTICLES, CLAUSE_VERBS, DEFINITE_ARTICLES, GOVERNMENT_NOUNS, HONORIFICS, INCISE_VERBS, INDEFINITE_DETERMINERS, MONTHS, NAMING_WORDS, NEGATIVE_SUBJECTS,
    PERSON_ROLE_NOUNS, REPLY_PHRASES, REPLY_VERBS, SOURCE_PREPOSITIONS, SPEECH_VERBS, WEEKDAYS, fold, speech_lemma,
)
from .interviews import Turn, find_turns
from .quote_marks import MarkedSpan, find_marked_spans
from .mentions import FEM, MASC, Cluster, Mentions, Role, is_institution_noun, person_likeness, phrase_gender, role_of, same_head
from .speech_marks import SpeechFilter
from .turn_speakers import TurnSpeakers
from .candidates import Candidate, Speaker
from .decide import Decision, Scorer, decide, load_scorer
from ..records import ANONYMOUS, DIRECT, INDIRECT, ORGANIZATION, PERSON, PLACE, Entity, Quote

_PRONOUNS = frozenset({"il", "elle", "-il", "-elle", "ils", "elles", "-ils", "-elles"})
_SKIP_AFTER_VERB = frozenset(WEEKDAYS + MONTHS) | {"journalistes", "presse", "soir", "matin", "jour"}
_NAMING_WORDS = frozenset(fold(w) for w in NAMING_WORDS)
# "cette source", "l'officiel": a definite noun that points back to the last anonymous speaker.
ANAPHORIC_SOURCES = frozenset({"source", "officiel", "responsable", "diplomate", "fonctionnaire", "interlocuteur"})
# "ce chauffeur", "cette élue": a demonstrative points back like a definite article.
_DEFINITE = DEFINITE_ARTICLES | frozenset({"ce", "cet", "cette"})
_LATTER = frozenset({"dernier", "dernière", "celui-ci", "celle-ci"})
_RELATIVE_SELON = frozenset({"laquelle", "lequel", "lesquelles", "lesquels"})
# A last speaker at least this sure is one a reply cannot come from.
SURE_LAST_SPEAKER = 0.5


@dataclass
class _SpeechAct:
    position: int
    speaker: Speaker
    paragraph: int


class Attributor:
    def __init__(self, doc, entities: list[Entity], text: str | None = None, scorer: Scorer | None | bool = True):
        self.doc = doc
        self.text = text if text is not None else doc.text  # same length as doc.text, original characters
        self.entities = entities
        self.mentions = Mentions(doc, entities)
        self.mention_owner: dict[int, tuple[Entity, object]] = {}
        for entity in entities:
            for mention in entity.mentions:
                for char in range(mention.start, mention.end):
                    self.mention_owner[char] = (entity, mention)
        # Answers and dialogue lines are quotes by their layout; marks inside them are part of them.
        self.turn_speakers = TurnSpeakers(self, find_turns(self.text))
        self.turns = self.turn_speakers.turns
        laid_out = [(t.question or (t.start, t.start)) for t in self.turns] + [(t.start, t.end) for t in self.turns]
        marked = find_marked_spans(self.text)
        speech = SpeechFilter(doc, self.text, marked)
        self.spans = [
            s for s in marked
            if self._is_speech_like(s) and speech.is_speech(s) and not any(a <= s.outer_start and s.outer_end <= b for a, b in laid_out)
        ]
        self.in_quote = [False] * len(doc)
        for start, end in [(s.outer_start, s.outer_end) for s in self.spans] + [(t.start, t.end) for t in self.turns]:
            for token in doc.char_span(start, end, alignment_mode="expand") or []:
                self.in_quote[token.i] = True
        for incise in (r for s in self.spans for r in self._inner_incises(s)):
            for i in incise:
                self.in_quote[i] = False  # the incise is the journalist's words, the cue of the quote around it
        self.history: list[_SpeechAct] = []
        self.scorer = load_scorer() if scorer is True else scorer or None  # False: the rules' priors alone
        self.considered: list[tuple[Quote, list[Candidate]]] = []  # every decision with what it weighed
        self._governments: dict[str, Speaker | None] = {}  # place name → the government it speaks for
        self.alternatives: list[Speaker] = []  # the runners-up a resolution met, proposed beside its answer
        self.replying = False  # the cue being resolved answers someone: not the last speaker
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

    def _inner_incises(self, span: MarkedSpan) -> list[range]:
        """`« Nous rouvrirons lundi, promet la directrice, mais … »`: between two commas inside the
        marks, a reporting verb (its auxiliary and inverted pronoun with it) and its postposed subject,
        with words of the quote after it."""
        tokens = self._tokens_of(span)
        if tokens is None or len(tokens) < 6:
            return []
        found, i, end = [], tokens.start + 2, tokens.end - 2
        while i < end:
            if self.doc[i - 1].text != ",":
                i += 1
                continue
            verb = next((t for t in self.doc[i : min(end, i + 3)] if speech_lemma(t) in SPEECH_VERBS or speech_lemma(t) in INCISE_VERBS), None)
            closing = next((t.i for t in self.doc[i + 1 : min(end, i + 12)] if t.is_punct and t.text not in "-'’"), None)
            inverted = verb is not None and (
                any(t.text.startswith("-") for t in self.doc[verb.i - 1 : verb.i + 2])
                or any(t.pos_ in ("PROPN", "NOUN") for t in self.doc[verb.i + 1 : closing or verb.i + 1])
            )
            if verb is None or closing is None or self.doc[closing].text != "," or not inverted or any(
                t.pos_ in ("VERB", "AUX") and t.i > verb.i for t in self.doc[verb.i + 1 : closing]
            ):
                i += 1
                continue
            found.append(range(i - 1, closing + 1))
            i = closing + 1
        return found

    def _paragraph_text(self, position: int) -> str:
        start = self.text.rfind("\n\n", 0, position)
        end = self.text.find("\n\n", position)
        return self.text[start + 2 if start >= 0 else 0 : end if end >= 0 else len(self.text)]

    def _paragraph_index(self, position: int) -> int:
        return sum(1 for start in self.paragraph_starts if start <= position) - 1

    # --- main ---------------------------------------------------------------------------------
    def quotes(self) -> list[Quote]:
        acts = [(span.outer_start, "quote", span) for span in self.spans]
        acts += [(turn.start, "turn", turn) for turn in self.turns]
        acts += [(verb.idx, "verb", verb) for verb in self._indirect_speech_verbs()]
        acts.sort(key=lambda a: a[0])
        results: list[Quote] = []
        for _, what, item in acts:
            attribute = {"quote": self._attribute, "turn": self._attribute_turn, "verb": self._indirect}[what]
            quote = attribute(item)
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
        cues = self._cues(self._window(first, last), first, last)
        if span.missing_open and not cues:
            return None  # a stray closing mark, not a quote
        candidates = self._candidates(span, first, last, cues)
        return self._decided(span.text(self.text), span.start, span.end, DIRECT, candidates, span.outer_start)

    def _candidates(self, span: MarkedSpan, first: int, last: int, cues: list[tuple[str, object]]) -> list[Candidate]:
        """Every speaker the rules propose for a quote, in the rules' order of trust; none decides."""
        position = span.outer_start
        found: list[Candidate] = []
        self.alternatives = []
        for rank, (kind, cue) in enumerate(cues):
            self.alternatives = []
            speaker = self.speaker_of_cue(cue, position)
            if speaker is not None:
                cue_features = {"cue_rank": min(rank, 3) / 3, "cue_distance": self._cue_distance(cue, first, last)}
                found.append(Candidate(speaker, f"cue-{kind}", cue, cue_features))
                found += [Candidate(other, f"cue-{kind}", cue, {**cue_features, "runner_up": 1.0}) for other in self.alternatives]
        colon_verb = self._colon_verb(first)
        speaker = self.speaker_of_cue(colon_verb, position) if colon_verb is not None else None
        if speaker is not None:
            found.append(Candidate(speaker, "colon", colon_verb))
        speaker = self._speaker_in_next_sentence(last)
        if speaker is not None:
            found.append(Candidate(speaker, "next-sentence"))
        speaker = self._continuing_speaker(span, first, last)
        if speaker is not None:
            if any(self._is_reply(c) for _, c in cues):
                # An unresolved reply by the quote: whoever answers, it is not the one who spoke last.
                speaker = replace(speaker, confidence=min(speaker.confidence, 0.45))
            found.append(Candidate(speaker, "continuation"))
        speaker = self._newcomer(span, first)
        if speaker is not None:
            found.append(Candidate(speaker, "handover"))
        speaker = self._other_participant(span)
        if speaker is not None:
            found.append(Candidate(speaker, "alternation"))
        return self._with_context(found, position, first, last, bool(cues), any(self._is_reply(c) for _, c in cues))

    def _cue_distance(self, cue, first: int, last: int) -> float:
        tokens = first - cue.i if cue.i < first else max(0, cue.i - last)
        return min(1.0, math.log1p(tokens) / 4)

    def _with_context(self, candidates: list[Candidate], position: int, first: int, last: int, has_cue: bool,
                      reply: bool = False) -> list[Candidate]:
        """The features of each candidate that depend on the others and on the discourse so far."""
        paragraph = self._paragraph_index(position)
        last_act = self.history[-1] if self.history else None
        gap = min(3, paragraph - last_act.paragraph) if last_act is not None else 3
        sentence = self.doc[first].sent
        opens = all(t.is_space or t.is_punct for t in self.doc[sentence.start : first])
        names = {c.name for c in candidates}
        words = last - first + 1
        shared = {
            "has_cue": float(has_cue),
            "reply_cue": float(reply),
            "quote_opens_sentence": float(opens),
            "paragraph_gap": gap / 3,
            "in_heading": float(paragraph == 0),
            "rivals": min(3, len(names) - 1) / 3,
            "quote_length": min(1.0, math.log1p(words) / 5),
        }
        result = []
        for order, candidate in enumerate(candidates):
            speaker = candidate.speaker
            cluster = self.mentions.by_name.get(speaker.name)
            first_named = min((m.start for m in cluster.entity.mentions), default=position) if cluster is not None else position
            features = {
                **shared,
                **candidate.features,
                f"rule={candidate.rule}": 1.0,
                f"resolution={speaker.rule or 'none'}": 1.0,
                f"rule+resolution={candidate.label}": 1.0,
                f"prior>={min(9, int(speaker.confidence * 10))}": 1.0,
                f"kind={speaker.kind}": 1.0,
                "prior": speaker.confidence,
                "first_proposed": float(order == 0),  # what the rules' own order of trust puts first
                "same_as_first": float(speaker.name == candidates[0].name),
                "support": min(3, sum(1 for c in candidates if c.name == speaker.name and c.rule != candidate.rule)) / 3,
                "last_speaker": float(last_act is not None and last_act.speaker.name == speaker.name),
                # `a rétorqué`: whoever answers, it is not the one who spoke last.
                "answers_last_speaker": float(reply and last_act is not None and last_act.speaker.name == speaker.name),
                "named_after": float(cluster is not None and first_named > position),
                "newcomer": float(self._named_since_last_act(speaker, position)),
                "has_via": float(speaker.via is not None),
                **self._naming_features(cluster, position, sentence.start_char),
            }
            result.append(replace(candidate, features=features))
        return result

    def _naming_features(self, cluster: Cluster | None, position: int, sentence_start: int) -> dict[str, float]:
        """Where the candidate was last named before the quote: how far, as a subject, in its sentence."""
        mention = cluster.mention_before(position) if cluster is not None else None
        if mention is None:
            return {"never_named_before": 1.0}
        tokens = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        subject = tokens is not None and len(tokens) > 0 and tokens.root.dep_.startswith("nsubj")
        return {
            "named_distance": min(1.0, math.log1p(max(0, position - mention.end)) / 8),
            "named_as_subject": float(subject),
            "named_in_sentence": float(mention.start >= sentence_start),
        }

    def _named_since_last_act(self, speaker: Speaker, position: int) -> bool:
        """The candidate was named, outside quotes, after the last words quoted and before these."""
        cluster = self.mentions.by_name.get(speaker.name)
        if cluster is None:
            return False
        since = self.history[-1].position if self.history else 0
        return any(since < m.start < position and not self._inside_marks(m.start) for m in cluster.entity.mentions)

    def _inside_marks(self, char: int) -> bool:
        """Whether the token at `char` is quoted; by bisection over token starts (called per mention per quote)."""
        return self.in_quote[max(0, bisect_right(self._token_starts, char) - 1)] if self._token_starts else False

    @cached_property
    def _token_starts(self) -> list[int]:
        return [token.idx for token in self.doc]

    def _other_participant(self, span: MarkedSpan) -> Speaker | None:
        """In an exchange the words after a speaker's are often the other one's: the latest speaker
        before the last who is not the last, within the last paragraphs."""
        if not self.history:
            return None
        paragraph = self._paragraph_index(span.outer_start)
        last = self.history[-1].speaker.name
        other = next((act for act in reversed(self.history) if act.speaker.name != last and act.speaker.confidence >= 0.3), None)
        if other is None or paragraph - other.paragraph > 3:
            return None
        return replace(other.speaker, confidence=0.3, rule=other.speaker.rule)

    def _newcomer(self, span: MarkedSpan, first: int) -> Speaker | None:
        """`« … », raconte X. ¶ Sa voisine, Y, regarde la rivière. « … »`: a person introduced after the
        last words quoted, in the sentences just before a quote that has no cue of its own, hands the
        floor over: the person named last there is proposed."""
        since = self.history[-1].position if self.history else 0
        start = max(since, self.doc[first].sent.start_char - 400)
        best, best_start = None, -1
        for cluster in self.mentions.clusters:
            if cluster.kind != PERSON:
                continue
            for mention in cluster.entity.mentions:
                if start < mention.start < span.outer_start and mention.start > best_start and not self._inside_marks(mention.start):
                    best, best_start = cluster, mention.start
        if best is None or (self.history and self.history[-1].speaker.name == best.name):
            return None
        return replace(self.speaker_of(best, 0.45, span.outer_start), rule="introduced")

    def _attribute_turn(self, turn: Turn) -> Quote | None:
        """An interview answer or a dialogue line: its speaker comes from the layout."""
        speaker = self.turn_speakers.speaker(turn)
        cue = self.turn_speakers.tags.get(turn.start)
        candidates = [Candidate(speaker, "turn", cue)] if speaker is not None else []
        tokens = self.doc.char_span(turn.start, turn.end, alignment_mode="expand")
        first, last = (tokens[0].i, tokens[-1].i) if tokens is not None and len(tokens) else (0, 0)
        candidates = self._with_context(candidates, turn.start, first, last, cue is not None)
        return self._decided(self.text[turn.start : turn.end], turn.start, turn.end, DIRECT, candidates, turn.start)

    def _decided(self, text: str, start: int, end: int, kind: str, candidates: list[Candidate], position: int) -> Quote:
        """The one decision for a quote, remembered as the discourse's latest speech act."""
        decision = decide(candidates, self.scorer)
        winner = decision.winner
        # The discourse keeps the rules' own confidence: the rules that read it were written on that scale.
        self._remember(position, winner.speaker if winner is not None else None)
        quote = self._quote(text, start, end, kind, winner, decision)
        self.considered.append((quote, candidates))
        return quote

    def _quote(self, text: str, start: int, end: int, kind: str, winner: Candidate | None, decision: Decision) -> Quote:
        """The record, with its evidence; when abstaining the speaker becomes a candidate only."""
        confident = winner is not None and not decision.abstain
        cue = winner.cue if winner is not None else None
        cue_start, cue_end = self._cue_bounds(cue) if cue is not None else (-1, -1)
        via = winner.speaker.via if winner is not None else None
        return Quote(
            text=text,
            start=start,
            end=end,
            speaker=winner.name if confident else None,
            speaker_kind=winner.speaker.kind if confident else None,
            kind=kind,
            cue=self.text[cue_start:cue_end] if cue is not None else "",
            confidence=decision.confidence,
            candidate=winner.name if winner is not None else None,
            cue_start=cue_start,
            cue_end=cue_end,
            via=via.text if via else "",
            via_start=via.start if via else -1,
            via_end=via.end if via else -1,
            rule=winner.label if winner is not None else "",
        )

    def _cue_bounds(self, cue) -> tuple[int, int]:
        """Where the reporting verb stands with its auxiliary and inverted pronoun: « a-t-elle poursuivi »."""
        start = cue.i
        while start > 0 and (self.doc[start - 1].pos_ == "AUX" or self.doc[start - 1].text.startswith("-")) and cue.i - start < 3:
            start -= 1
        return self.doc[start].idx, cue.idx + len(cue.text)

    def _colon_verb(self, first: int):
        """`X a eu une pensée pour les bénévoles : « … »` (also across a paragraph break): the verb of
        the clause the colon closes; its subject, if it can speak, is the speaker."""
        i = first - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 1 or self.doc[i].text != ":" or self.in_quote[i - 1]:
            return None
        token = self.doc[i - 1]
        while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
            token = token.head
        return token if token.pos_ in ("VERB", "AUX") and token.i < i else None

    def _window(self, first: int, last: int) -> range:
        doc = self.doc
        start = doc[first].sent.start
        end = doc[last].sent.end
        # "« … », a déclaré X." may be split by the parser after the closing mark.
        if end < len(doc) and doc[end - 1].i == last or (end < len(doc) and doc[end].text in {",", "a"}):
            end = doc[end].sent.end
        return range(start, end)

    def _cues(self, window: range, first: int, last: int) -> list:
        """Reporting cues for a quote, best first: a reporting verb whose clause holds the quote
        (`X a déclaré que « … », rapporte Reuters`: X said it, Reuters relays), an incise after it
        (`», a-t-il dit`), then reporting verbs and `selon` by distance. The first one that
        yields a speaker wins."""
        found = []
        governors = self._reporting_governors(first, last)
        for i in window:
            if self.in_quote[i]:
                continue
            token = self.doc[i]
            if not (self._is_speech_verb(token, last) or self._is_source_preposition(token)):
                continue
            distance = first - i if i < first else max(0, i - last)
            inner = first < i < last  # `« …, promet la directrice, … »`: the incise inside the marks
            incise = inner or (token.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN") and self._is_incise(last, token))
            governs = i < first and i in governors and token.pos_ in ("VERB", "AUX")
            kind = "selon" if self._is_source_preposition(token) else "governs" if governs else "inner-incise" if inner else "incise" if incise else "near"
            found.append((0 if governs else 1 if incise else 2, distance, kind, token))
        return [(kind, token) for _, _, kind, token in sorted(found, key=lambda item: (item[0], item[1]))]

    def _reporting_governors(self, first: int, last: int) -> set[int]:
        """Verbs whose complement clause or object holds the quote (`a déclaré que « … »`)."""
        quoted = self.doc[first + 1] if first + 1 <= last else self.doc[first]
        governors, below = set(), quoted
        for ancestor in quoted.ancestors:
            if below.dep_ in ("ccomp", "obj") and ancestor.i < first:
                governors.add(ancestor.i)
            below = ancestor
        return governors

    def _is_incise(self, last: int, verb) -> bool:
        """An incise after the quote: `», a déclaré X`, `…, a-t-il dit`: the verb (with its
        auxiliaries and inverted clitic) directly follows a comma."""
        if verb.i <= last:
            return False
        j = verb.i - 1
        while j > last and (self.doc[j].pos_ in ("AUX", "ADV") or self.doc[j].text.startswith("-")):
            j -= 1
        return j > last and self.doc[j].text == ","

    def _inverted_subject(self, verb) -> bool:
        """The subject follows the verb: a clitic (`a-t-il`, `dit-elle`) or a noun phrase right after it."""
        following = self.doc[verb.i + 1] if verb.i + 1 < len(self.doc) else None
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        if (following is not None and following.text.startswith("-")) or (before is not None and before.text.startswith("-")):
            return True
        subject = self._postposed_subject(verb)
        return subject is not None and subject.i - verb.i <= 3 and (subject.pos_ == "PROPN" or person_likeness(subject) > 0)

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
        if any(c.dep_ == "aux:pass" and c.lemma_ == "être" for c in token.children):
            return False  # "X a été félicité par l'entraîneur": X said nothing
        lemma = speech_lemma(token)
        # The tagger reads some reporting verbs after a quote as adjectives or nouns (`», complète X`):
        # in that place, the shape and the lemma decide.
        shaped = token.pos_ == "VERB" or (token.pos_ in ("ADJ", "NOUN", "PROPN") and (lemma in SPEECH_VERBS or lemma in INCISE_VERBS))
        if incise_after is not None and shaped and self._inverted_subject(token) and self._is_incise(incise_after, token):
            return True  # "», a-t-elle attaqué", "», glisse un riverain": French inverts the subject only to report
        if lemma in INCISE_VERBS:
            return incise_after is not None and token.pos_ in ("VERB", "AUX") and self._is_incise(incise_after, token)
        if lemma in CLAUSE_VERBS and not any(t.lower_ in ("que", "qu'", "qu’") for t in token.doc[token.i + 1 : token.i + 3]):
            return False  # "soutenir la position" is support, "soutenir que …" is speech
        incise = incise_after is not None and token.head.pos_ == "PRON" and self._is_incise(incise_after, token)
        return (
            token.pos_ in ("VERB", "AUX")
            and lemma in SPEECH_VERBS
            and token.lower_ not in ("a", "ont")
            # `», a-t-elle promis` is often parsed as a participle of the pronoun: the incise decides.
            and (incise or not (token.dep_ in ("acl", "amod") and not any(c.dep_.startswith("aux") for c in token.children)))
        )

    # --- cue to speaker ---------------------------------------------------------------------------
    def speaker_of_cue(self, cue, position: int) -> Speaker | None:
        self.replying = self._is_reply(cue)
        try:
            speaker = self._speaker_of_cue_words(cue, position)
        finally:
            self.replying = False
        # The cue's own verb was met first as indirect speech: the last speaker is the one before it.
        last = next((act.speaker for act in reversed(self.history) if act.position < cue.idx), None)
        if speaker is not None and self._is_reply(cue) and last is not None and last.name == speaker.name and last.confidence >= SURE_LAST_SPEAKER:
            return replace(speaker, confidence=min(speaker.confidence, 0.45))  # one does not answer oneself
        return speaker

    def _is_reply(self, cue) -> bool:
        """`a rétorqué`, `a-t-elle lancé en retour`: words that answer the one who spoke before."""
        if self._is_source_preposition(cue):
            return False
        after = fold(self.doc[cue.i + 1 : cue.i + 5].text)
        return speech_lemma(cue) in REPLY_VERBS or any(after.startswith(fold(p)) for p in REPLY_PHRASES)

    def _speaker_of_cue_words(self, cue, position: int) -> Speaker | None:
        if self._is_source_preposition(cue):
            following = [t for t in self.doc[cue.i + 1 : min(len(self.doc), cue.i + 25)]]
            head = next((t for t in following if t.pos_ in ("NOUN", "PROPN", "PRON") and not self.in_quote[t.i]), None)
            return self.resolve_phrase(head, position) if head is not None else None
        chain = [cue]
        while len(chain) < 5 and chain[-1].dep_ in ("advcl", "xcomp", "conj", "acl") and chain[-1].head is not chain[-1]:
            chain.append(chain[-1].head)  # "…, ajoutant que …" shares its subject with the main verb
        # A reporting verb up the chain gives the subject before any other verb does.
        for verb in sorted(chain, key=lambda v: (not self._is_speech_verb(v), chain.index(v))):
            subject = self.subject(verb)
            speaker = self.resolve_phrase(subject, position) if subject is not None else None
            if speaker is not None:
                return speaker  # else a thing: the verb it hangs on may have a speaker
        subject = self._preverbal_subject(cue)
        return self.resolve_phrase(subject, position) if subject is not None else None

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

    def subject(self, verb):
        """The verb's subject; a participle clause (`…, jugeant la réforme « inacceptable »`) has none
        of its own: the clause it hangs on gives it."""
        # A participle clause or an infinitive (`tenté de désamorcer la polémique`) has no subject after it.
        gerund = ("Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")) or ("Inf" in verb.morph.get("VerbForm") and speech_lemma(verb) != "faire savoir")
        clitic = next((t for t in self.doc[verb.i - 2 : verb.i + 2] if t.lower_ in _PRONOUNS and t.text.startswith("-")), None)
        if clitic is not None:
            return clitic  # "a-t-elle lancé": the inverted pronoun is the subject, whatever the parse says
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
            if token.pos_ == "ADP" or token.lower_ == "lors":
                i = self._skip_phrase(i)  # "de son côté", "devant la presse", "lors d'un colloque": circumstances
                continue
            if token.text == "(":
                closing = next((t.i for t in doc[i + 1 : i + 12] if t.text == ")"), None)
                if closing is not None:
                    i = closing + 1  # "sur X (ex-Twitter)": an aside
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
            if "\n" in token.text:
                break  # a noun phrase ends with its paragraph (a headline's last word)
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

    def resolve_phrase(self, head, position: int) -> Speaker | None:
        """The speaker a subject noun phrase stands for, or None when it cannot speak (a thing,
        an event, a time): the caller then keeps looking or abstains."""
        if head.lower_ in _PRONOUNS:
            return self._antecedent(head, position)
        if head.lower_ in _LATTER:
            return self._latter(head, position)
        if head.lower_ in NEGATIVE_SUBJECTS and head.i + 1 < len(self.doc) and self.doc[head.i + 1].lower_ in ("ne", "n'", "n’"):
            return None  # "ce que personne n'a chiffré": nobody speaks there
        if head.lower_ in HONORIFICS and head.i + 1 < len(self.doc) and self.doc[head.i + 1].text[:1].isupper():
            head = self.doc[head.i + 1]  # "Mme Tupou": the name, not the title
        phrase = self._phrase_tokens(head)
        for token in phrase:
            cluster = self.mentions.cluster_at(token)
            if cluster is not None and cluster.kind == PERSON:
                return replace(self.speaker_of(cluster, 0.95), rule="named")
        name = self._name_in_phrase(phrase)
        if name:
            return Speaker(name, PERSON, rule="name-in-phrase")
        own = self.mention_owner.get(head.idx)
        if own:
            # A place that speaks is its government ("Moscou a répliqué"): the one the article names for it.
            government = self._government_of(own[0]) if own[0].kind == PLACE else None
            if government is not None:
                return government
            return Speaker(own[0].name, ORGANIZATION, head.lemma_, confidence=0.9 if own[0].kind != PLACE else 0.75, rule="organisation" if own[0].kind != PLACE else "place")
        if head.pos_ == "PROPN" or (head.text[:1].isupper() and not head.is_stop and (head.pos_ != "NOUN" or not head.is_sent_start)):
            named = self.person_by_name(head.text)
            if named:
                return Speaker(named.name, PERSON, rule="surname")
            name = " ".join(t.text for t in phrase if t.pos_ != "DET" and t.lower_ not in ARTICLES)
            # French names people without an article: "le Kremlin" is an institution, "Poutine" a person.
            return Speaker(name, ORGANIZATION if phrase[0].pos_ == "DET" else PERSON, confidence=0.7, rule="proper-noun")
        if head.pos_ != "NOUN":
            return None
        organisations = [o[0] for o in (self.mention_owner.get(t.idx) for t in phrase) if o and o[0].kind != PERSON]
        likeness = person_likeness(head)
        institution = is_institution_noun(head)
        if likeness <= 0 and not institution and not organisations and len(phrase) == 2 and phrase[0].lower_ in _DEFINITE and self._in_statement(head):
            issuer = self._organisation_named_before(head)
            if issuer is not None:
                return issuer  # "a indiqué l'entreprise dans un communiqué": the company the article named
        if likeness <= 0 and not institution and not organisations and not self._given_role(head):
            return None  # "la journée", "le texte", "ces discussions" do not speak
        determiner = phrase[0].lower_ if phrase[0].pos_ == "DET" else ""
        descriptor = self.doc[phrase[0].i : phrase[-1].i + 1].text
        if determiner:
            descriptor = descriptor[0].lower() + descriptor[1:]  # "Un responsable" opening a sentence
        gender = phrase_gender(phrase)
        if determiner in INDEFINITE_DETERMINERS:
            return Speaker(descriptor, ANONYMOUS, head.lemma_, confidence=0.85, gender=gender, rule="indefinite")
        if determiner == "les" and "Plur" in head.morph.get("Number") and likeness > 0:
            body = self._body_of_members(head)
            if body is not None:
                return body
        role = role_of(self.doc[phrase[0].i : phrase[-1].i + 1])
        holder = self._role_holder(role, head, gender, position)
        if holder is not None:
            return holder
        for act in reversed(self.history):
            if act.speaker.head == head.lemma_ or (
                head.lemma_ in ANAPHORIC_SOURCES and act.speaker.kind == ANONYMOUS and act.speaker.head in ANAPHORIC_SOURCES
            ):
                return replace(act.speaker, rule="same-descriptor")
        epithet = self._epithet_of_last_speaker(head, determiner, position, gender, role)
        if epithet is not None:
            return epithet
        likely = self._likely_holder(role, head, gender, position) if determiner in _DEFINITE else None
        if likely is not None:
            return likely
        if organisations and likeness <= 0:
            return Speaker(descriptor.split(" ", 1)[-1] if determiner else descriptor, ORGANIZATION, head.lemma_, confidence=0.7, rule="organisation-noun")
        if institution:
            return Speaker(descriptor.split(" ", 1)[-1] if determiner in DEFINITE_ARTICLES else descriptor, ORGANIZATION, head.lemma_, confidence=0.7, rule="institution")
        definite = determiner in _DEFINITE
        # A definite role nobody in the article holds is one known person we cannot name: not sure.
        return Speaker(descriptor, ANONYMOUS, head.lemma_, definite=definite, confidence=0.55 if definite else 0.7, gender=gender, rule="definite-descriptor" if definite else "descriptor")

    def _in_statement(self, head) -> bool:
        """The clause says the words come from a press release (`dans un communiqué`)."""
        return any(t.lemma_.lower() == "communiqué" and t.pos_ == "NOUN" and not self.in_quote[t.i] for t in head.sent)

    def _organisation_named_before(self, head) -> Speaker | None:
        """The organisation named last before `head`, within the last three paragraphs."""
        named = [(c.mention_before(head.idx), c) for c in self.mentions.clusters if c.kind == ORGANIZATION]
        named = [(m, c) for m, c in named if m is not None and self._paragraph_index(head.idx) - self._paragraph_index(m.start) <= 3]
        if not named:
            return None
        mention, cluster = max(named, key=lambda pair: pair[0].start)
        return replace(self.speaker_of(cluster, 0.7, head.idx), rule="statement-issuer")

    def _body_of_members(self, members) -> Speaker | None:
        """`la brigade de police de Rochefort … ont indiqué les policiers`: a plural noun of people
        stands for the institution named last before it whose noun it derives from (policier ← police)."""
        stem = fold(members.lemma_)
        for token in reversed(self.doc[: members.i]):
            if self.in_quote[token.i] or token.pos_ != "NOUN" or not is_institution_noun(token) or not _derives(stem, fold(token.lemma_)):
                continue
            top = token
            while top.dep_ == "nmod" and top.head.pos_ == "NOUN" and top.head.i < top.i:
                top = top.head  # "la compagnie de gendarmerie": the body is the whole phrase
            own = self.mention_owner.get(top.idx)
            if own is not None and own[0].kind == ORGANIZATION:
                return Speaker(own[0].name, ORGANIZATION, top.lemma_, confidence=0.75, rule="members-body")
            phrase = self._phrase_tokens(top)
            words = [t.text for t in phrase if not (t.pos_ == "DET" and t.i < top.i)]
            return Speaker(" ".join(words).replace("' ", "'"), ORGANIZATION, top.lemma_, confidence=0.75, rule="members-body")
        return None

    def _government_of(self, place: Entity) -> Speaker | None:
        """`Le gouvernement polonais … Varsovie a fait savoir`: the government noun of the article
        whose nationality adjective the model's vectors tie clearly to the place, ahead of the others."""
        if place.name not in self._governments:
            self._governments[place.name] = self._closest_government(place.name)
        return self._governments[place.name]

    def _closest_government(self, place: str) -> Speaker | None:
        import numpy as np

        words = [self.doc.vocab[w] for w in place.split()]
        words = [w.vector / np.linalg.norm(w.vector) for w in words if w.has_vector]
        if not words or not self._government_phrases:
            return None
        place_vector = np.mean(words, axis=0)
        place_vector /= np.linalg.norm(place_vector)
        scored = {phrase: float(place_vector @ vector) for phrase, vector in self._government_phrases.items()}
        ranked = sorted(scored.items(), key=lambda pair: -pair[1])
        if ranked[0][1] < 0.45 or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] < 0.1):
            return None
        return Speaker(ranked[0][0], ORGANIZATION, ranked[0][0].split()[0], confidence=0.75, rule="government")

    @cached_property
    def _government_phrases(self) -> dict:
        """`gouvernement polonais`, `exécutif allemand`: each government noun with its nationality
        adjective, and the adjective's unit vector; read once per article (it walks the whole text)."""
        import numpy as np

        phrases = {}
        for token in self.doc:
            if self.in_quote[token.i] or token.lemma_.lower() not in GOVERNMENT_NOUNS or token.i + 1 >= len(self.doc):
                continue
            adjective = self.doc[token.i + 1]
            lexeme = self.doc.vocab[adjective.lower_]
            if adjective.pos_ != "ADJ" or adjective.head.i != token.i or not adjective.is_lower or not lexeme.has_vector:
                continue
            phrases[f"{token.lower_} {adjective.lower_}"] = lexeme.vector / np.linalg.norm(lexeme.vector)
        return phrases

    def _given_role(self, head) -> bool:
        """The article itself gave this noun as somebody's role ("X, l'opérateur historique")."""
        lemma = role_of(self.doc[head.i : head.i + 1])
        return lemma is not None and any(r.head == lemma.head for c in self.mentions.clusters for r in c.roles)

    def speaker_of(self, cluster: Cluster, confidence: float, position: int | None = None) -> Speaker:
        """The cluster as a speaker; `via` is its naming mention nearest before `position` (after, if none)."""
        via = None
        if position is not None:
            mentions = cluster.entity.mentions
            via = cluster.mention_before(position) or min(mentions, key=lambda m: abs(m.start - position))
        return Speaker(cluster.name, cluster.kind, confidence=confidence, via=via, gender=cluster.gender)

    def _epithet_of_last_speaker(self, head, determiner: str, position: int, gender: str | None, role: Role | None) -> Speaker | None:
        """`« … », a déclaré Emmanuel Macron. Le chef de l'Etat a précisé …`: a definite title
        right after a named person's words refers back to that person."""
        if determiner not in _DEFINITE or person_likeness(head) <= 0 or head.lemma_ in ANAPHORIC_SOURCES:
            return None
        if "Plur" in head.morph.get("Number") or self.replying:
            return None  # "les gendarmes" are not one person; a reply comes from someone else
        last = self.history[-1] if self.history else None
        if last is None or last.speaker.kind != PERSON or self._paragraph_index(position) - last.paragraph > 1:
            return None
        if gender and last.speaker.gender and gender != last.speaker.gender:
            return None
        cluster = self.mentions.by_name.get(last.speaker.name)
        if role is not None and cluster is not None and cluster.roles and not any(same_head(r.head, role.head) for r in cluster.roles):
            return None  # the last speaker was given another title: "la ministre" answering "la rapporteure"
        newcomer = self._person_named_since(last.position, head.idx, gender)
        if newcomer is not None and newcomer.name != last.speaker.name:
            self.alternatives.append(replace(last.speaker, confidence=0.3, rule="epithet"))
            # Someone was introduced after the last speaker spoke: the title may be theirs. Not sure.
            return replace(self.speaker_of(newcomer, 0.45, position), rule="epithet-newcomer")
        same_paragraph = self._paragraph_index(position) == last.paragraph
        return replace(last.speaker, confidence=0.6 if same_paragraph else 0.45, rule="epithet")

    def _person_named_since(self, start: int, end: int, gender: str | None) -> Cluster | None:
        """The person of agreeing gender named last between `start` and `end`, outside quotes."""
        best, best_start = None, -1
        for cluster in self.mentions.clusters:
            if cluster.kind != PERSON or (gender and cluster.gender and gender != cluster.gender):
                continue
            for mention in cluster.entity.mentions:
                token = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if start < mention.start < end and mention.start > best_start and token is not None and not self.in_quote[token[0].i]:
                    best, best_start = cluster, mention.start
        return best

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

    def person_by_name(self, text: str) -> Entity | None:
        """The person a name stands for: the same surname, or a first name alone that only one
        person named in full has (`confie Nicolas`)."""
        named = next((e for e in self.entities if e.kind == PERSON and compatible_people(text, e.name)), None)
        if named is not None or len(text.split()) != 1:
            return named
        owners = [e for e in self.entities if e.kind == PERSON and any(len(m.text.split()) >= 2 and fold(m.text.split()[0]) == fold(text) for m in e.mentions)]
        return owners[0] if len(owners) == 1 else None

    def _role_holder(self, role: Role | None, head, gender: str | None, position: int) -> Speaker | None:
        """`a ajouté le porte-parole` → the most salient entity the article gave that role
        (before or after), agreeing in gender: `la ministre` is not the minister's male colleague."""
        if role is None:
            return None
        kinds = (PERSON,) if person_likeness(head) > 0 else (ORGANIZATION,)
        holders = self.mentions.holders(role, gender, kinds)
        if not holders:
            return None
        best_score, best = holders[0]
        runner_up = holders[1][0] if len(holders) > 1 else None
        self._propose_others([c for _, c in holders[1:3]], "role-holder-other", position)
        confidence = 0.85 if runner_up is None or best_score - runner_up >= 0.5 else 0.55
        return replace(self.speaker_of(best, confidence, position), rule="role-holder")

    def _propose_others(self, clusters: list[Cluster], rule: str, position: int) -> None:
        """Holders ranked after the best are candidates too: the scorer may prefer them."""
        self.alternatives += [replace(self.speaker_of(c, 0.3, position), rule=rule) for c in clusters]

    def _likely_holder(self, role: Role | None, head, gender: str | None, position: int) -> Speaker | None:
        """A definite role nobody was given by name: in news it is the most salient person who fits."""
        if role is None or person_likeness(head) <= 0:
            return None
        likely = self.mentions.likely_holders(role, gender, head.idx)
        if not likely:
            return None
        best_score, best = likely[0]
        margin = best_score - likely[1][0] if len(likely) > 1 else 1.0
        self._propose_others([c for _, c in likely[1:3]], "likely-holder-other", position)
        return replace(self.speaker_of(best, 0.4 + min(0.4, margin / 2), position), rule="likely-holder")

    def _latter(self, token, position: int) -> Speaker | None:
        """`ce dernier`, `celle-ci`: the last person mentioned before, of that gender."""
        gender = FEM if token.lower_.endswith(("ère", "ci")) and token.lower_ != "celui-ci" else MASC
        people = [(c.mention_before(position), c) for c in self.mentions.clusters if c.kind == PERSON]
        people = [(m, c) for m, c in people if m is not None and m.end <= token.idx and not (c.gender and c.gender != gender)]
        last_act = next((act for act in reversed(self.history) if act.position < token.idx), None)
        if not people or (last_act is not None and last_act.position > max(m.start for m, _ in people)):
            return replace(last_act.speaker, confidence=0.75, rule="latter") if last_act is not None else None  # an unnamed source just quoted
        mention, cluster = max(people, key=lambda pair: pair[0].start)
        return replace(self.speaker_of(cluster, 0.8, position), rule="latter")

    def _antecedent(self, pronoun, position: int) -> Speaker | None:
        """A subject pronoun: candidates are the people (and, for il/elle, organisations) mentioned
        or quoted in the last paragraphs, scored on agreement, recency, being the subject of
        its sentence and being the last speaker; a close second lowers the confidence."""
        word = pronoun.lower_.lstrip("-")
        gender = FEM if word.startswith("elle") else MASC
        if word.endswith("s"):
            return None  # "ils", "elles": a group, seldom named as one speaker
        paragraph = self._paragraph_index(position)
        last_speaker = self.history[-1].speaker.name if self.history and paragraph - self.history[-1].paragraph <= 2 else None
        sentence = pronoun.sent
        scored: list[tuple[float, Speaker]] = []
        spoke_at = {act.speaker.name: act for act in self.history if act.position < pronoun.idx}
        seen_at: dict[str, int] = {}  # where each candidate was last named or quoted
        for cluster in self.mentions.clusters:
            mention = cluster.mention_before(pronoun.idx)
            act = spoke_at.get(cluster.name)
            if act is not None and (mention is None or act.position > mention.end):
                # Its words were quoted after its last naming: the speech act is the latest mention.
                distance, recent, subject_here = pronoun.idx - act.position, act.paragraph, act.position >= sentence.start_char
                subject = True
            elif mention is not None:
                distance, recent = pronoun.idx - mention.end, self._paragraph_index(mention.start)
                token = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                subject = token is not None and len(token) > 0 and token.root.dep_.startswith("nsubj")
                subject_here = subject and token.start >= sentence.start
            else:
                continue
            if paragraph - recent > 3 or (cluster.gender and cluster.gender != gender):
                continue
            seen_at[cluster.name] = pronoun.idx - distance
            score = -distance / 400 + (0.5 if subject else 0.0) + (1.0 if subject_here else 0.0)
            if cluster.name == last_speaker:
                score += -0.75 if self.replying else 0.75
            if cluster.gender is None:
                score -= 0.4
            if cluster.kind != PERSON:
                score -= 0.6
            scored.append((score, self.speaker_of(cluster, 0.0, position)))
        # Unnamed sources quoted before ("un haut responsable … a-t-il ajouté") are candidates too.
        for act in self.history[-6:]:
            if act.position >= pronoun.idx or act.speaker.kind != ANONYMOUS or paragraph - act.paragraph > 3 or (act.speaker.gender and act.speaker.gender != gender):
                continue
            score = -(pronoun.idx - act.position) / 400 + 0.5 + (0.75 if act.speaker.name == last_speaker and not self.replying else 0.0)
            if act.speaker.gender is None:
                score -= 0.4
            scored = [pair for pair in scored if pair[1].name != act.speaker.name]
            scored.append((score, act.speaker))
            seen_at[act.speaker.name] = act.position
        if not scored:
            return None
        scored.sort(key=lambda pair: -pair[0])
        best_score, best = scored[0]
        margin = best_score - scored[1][0] if len(scored) > 1 else 2.0
        confidence = 0.6 + min(0.35, margin / 4)
        if best.kind != PERSON and self._someone_else_since(seen_at.get(best.name, pronoun.idx), pronoun, gender, best.name, position):
            confidence = min(confidence, 0.45)
        return replace(best, confidence=confidence, rule="pronoun")

    def _someone_else_since(self, since: int, pronoun, gender: str, name: str, position: int) -> bool:
        """`Le parquet a dit … « … », précisait le texte. Le prévenu a contesté. « … », a-t-il assuré`:
        a person the article describes but does not name was the subject of a sentence between the
        organisation chosen as antecedent and the pronoun; the pronoun is more likely theirs."""
        if since >= pronoun.idx:
            return False
        for token in self.doc.char_span(since, pronoun.idx, alignment_mode="expand") or []:
            if self.in_quote[token.i] or token.pos_ != "NOUN" or not token.dep_.startswith("nsubj") or token.i in self.mentions.owner:
                continue
            determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), "")
            if determiner not in _DEFINITE or "Plur" in token.morph.get("Number") or person_likeness(token) <= 0:
                continue
            agreement = phrase_gender(self._phrase_tokens(token))
            if agreement and agreement != gender:
                continue
            resolved = self.resolve_phrase(token, position)
            if resolved is None or resolved.name != name:
                return True
        return False

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
        line_start = self.text.rfind("\n", 0, self.doc[last].idx) + 1  # a heading line may share the parse's sentence
        opens = all(t.is_space or t.is_punct or self.in_quote[t.i] for t in sentence if t.idx >= line_start)
        paragraph = self._paragraph_index(sentence.start_char)
        someone_to_continue = bool(self.history) and paragraph - self.history[-1].paragraph <= 2
        if not opens or (self._paragraph_index(following.start_char) != paragraph and someone_to_continue):
            return None  # words inside a sentence of their own, or a speaker just before and a name past the paragraph
        for token in following:
            if self._is_speech_verb(token):
                subject = self.subject(token)
                if subject is not None and subject.lower_ not in _PRONOUNS:
                    return self.resolve_phrase(subject, following.start_char)
        return None

    def _continuing_speaker(self, span: MarkedSpan, first: int, last: int) -> Speaker | None:
        """A quote with no cue goes on with the last speaker, less surely the further it is. Only
        a quote that stands as its own sentence continues someone: words quoted inside another
        sentence (`un communiqué dénonçant un « texte … »`) belong to that sentence's source."""
        paragraph = self._paragraph_index(span.outer_start)
        if not self.history or paragraph - self.history[-1].paragraph > 2:
            return None
        act = self.history[-1]
        sentence = self.doc[first].sent
        opens = all(t.is_space or t.is_punct for t in self.doc[sentence.start : first])
        between = self.doc.char_span(act.position, span.outer_start, alignment_mode="expand") or []
        if not any(t.text in (".", "!", "?", "\n\n") and not self.in_quote[t.i] for t in between):
            confidence = 0.8  # another quote of the same sentence: the same source
        else:
            confidence = 0.75 - 0.1 * (paragraph - act.paragraph) if opens else 0.4
        return replace(act.speaker, confidence=min(act.speaker.confidence, confidence))

    # --- indirect speech --------------------------------------------------------------------------
    def _indirect_speech_verbs(self):
        for token in self.doc:
            if self.in_quote[token.i] or not self._is_speech_verb(token):
                continue
            yield token

    def _indirect(self, verb) -> Quote | None:
        """`X a averti que …` without quote marks: reported speech of the second kind."""
        speaker = self.speaker_of_cue(verb, verb.idx)
        clause = next(
            (c for c in verb.children if c.dep_ == "ccomp" and any(g.lower_ in ("que", "qu’", "qu'") and g.dep_ == "mark" for g in c.children)),
            None,
        )
        tokens = list(clause.subtree) if clause is not None and speaker is not None else []
        start = tokens[0].idx if tokens else 0
        if tokens and tokens[0].lower_ in ("que", "qu’", "qu'"):
            start = tokens[1].idx if len(tokens) > 1 else start
        text = self.text[start : tokens[-1].idx + len(tokens[-1].text)].rstrip(" .,;") if tokens else ""
        if not tokens or any(self.in_quote[t.i] for t in tokens) or len(text.split()) < 3:
            self._remember(verb.idx, speaker)  # speech without words to quote still makes its speaker the last
            return None
        candidates = self._with_context([Candidate(speaker, "indirect", verb)], verb.idx, tokens[0].i, tokens[-1].i, True)
        return self._decided(text, start, start + len(text), INDIRECT, candidates, verb.idx)


def _derives(people: str, body: str) -> bool:
    """`policier` and `police`, `gendarmes` and `gendarmerie`: one word built on the other's stem."""
    shared = len(os.path.commonprefix([people, body]))
    return shared >= 5 and shared >= min(len(people), len(body)) - 1
