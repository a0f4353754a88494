"""Who speaks each interview answer and dialogue turn (`interviews.Turn`).

An answer belongs to the person its question addresses (`Et vous, Léa, …`), else to the
interviewee: the person the lead before the questions names (bylines left out). A dialogue turn
belongs to the person its speech tag names (`— Tu viens ? demande Léa.`); untagged turns alternate
between the two people of the exchange, whom the tags and the sentence that introduces the lines
(`Le père interroge son fils :`) give.
"""
from __future__ import annotations

from dataclasses import replace

from .candidates import Resolver, Speaker
from .interviews import ANSWER, TURN, Turn, is_byline, vocative
from ..lexicon import INCISE_VERBS, SPEECH_VERBS, speech_lemma
from ..records import ANONYMOUS, PERSON
from .mentions import person_likeness


_TAG_OPENERS = frozenset({",", "?", "!", "…"})


class TurnSpeakers:
    def __init__(self, attributor: Resolver, turns: list[Turn]):
        self.at = attributor
        self.by_run: dict[int, dict[int, Speaker | None]] = {}
        self.tags = {}  # turn start → the verb of its speech tag
        self.turns: list[Turn] = []  # the turns, each ending before its speech tag
        for turn in turns:
            if turn.label is not None and self._labelled(turn) is None:
                continue  # `Temps de lecture : …`: the label names no person
            verb, end = self.tag(turn) if turn.kind == TURN else (None, turn.end)
            if verb is not None:
                self.tags[turn.start] = verb
            self.turns.append(replace(turn, end=end))

    # --- speech tags ----------------------------------------------------------------------------
    def tag(self, turn: Turn):
        """The speech verb closing a dialogue line (`…, tranche Léa.`) and where the words end."""
        doc = self.at.doc
        tokens = doc.char_span(turn.start, turn.line_end, alignment_mode="expand")
        if tokens is None:
            return None, turn.end
        for token in tokens[1:]:
            before = doc[token.i - 1]
            rest = [t for t in doc[token.i + 1 : tokens.end] if not t.is_punct]
            # The tagger often reads a verb of a speech tag as a noun (`…, tranche Léa`).
            is_verb = token.pos_ == "VERB" or speech_lemma(token) in SPEECH_VERBS | INCISE_VERBS
            if before.text not in _TAG_OPENERS or not is_verb or not 0 < len(rest) <= 5:
                continue
            if any(t.pos_ in ("VERB", "AUX") for t in rest):
                continue
            end = before.idx if before.text == "," else before.idx + len(before.text)
            return token, end
        return None, turn.end

    # --- speakers -------------------------------------------------------------------------------
    def speaker(self, turn: Turn) -> Speaker | None:
        if turn.label is not None:
            return self._labelled(turn)
        if turn.kind == ANSWER:
            return self._addressee(turn) or self._interviewee(turn)
        if turn.run not in self.by_run:
            self.by_run[turn.run] = self._dialogue(turn.run)
        return self.by_run[turn.run].get(turn.start)

    def _cluster_speaker(self, name: str, confidence: float, position: int) -> Speaker | None:
        cluster = self.at.mentions.by_name.get(name)
        return self.at.speaker_of(cluster, confidence, position) if cluster is not None else None

    def _full_name(self, speaker: Speaker, position: int) -> Speaker:
        """Dialogue tags use first names (`demande Léa`): the person named in full elsewhere."""
        if " " in speaker.name:
            return speaker  # a single word may even have been tagged a place: the tag names a person
        person = self.at.person_by_name(speaker.name)
        named = self._cluster_speaker(person.name, speaker.confidence, position) if person is not None and person.name != speaker.name else None
        return named or speaker

    def _labelled(self, turn: Turn) -> Speaker | None:
        person = self.at.person_by_name(self.at.text[turn.label[0] : turn.label[1]])
        return self._cluster_speaker(person.name, 0.9, turn.start) if person is not None else None

    def _addressee(self, turn: Turn) -> Speaker | None:
        if turn.question is None:
            return None
        name = vocative(self.at.text[turn.question[0] : turn.question[1]])
        person = self.at.person_by_name(name) if name else None
        return self._cluster_speaker(person.name, 0.85, turn.start) if person is not None else None

    def _people_in(self, start: int, end: int) -> list[str]:
        """People named in [start, end), in order of first mention, bylines left out."""
        found: list[tuple[int, str]] = []
        for entity in self.at.entities:
            if entity.kind != PERSON:
                continue
            mentions = [
                m.start
                for m in entity.mentions
                if start <= m.start < end and not is_byline(self.at.text, self.at.text.rfind("\n", 0, m.start) + 1, m.start)
            ]
            if mentions:
                found.append((min(mentions), entity.name))
        return [name for _, name in sorted(found)]

    def _interviewee(self, turn: Turn) -> Speaker | None:
        """The person the lead names last, paragraph by paragraph from the questions backwards."""
        text = self.at.text
        end = turn.lead[1]
        while end > turn.lead[0]:
            start = max(turn.lead[0], text.rfind("\n", turn.lead[0], end) + 1)
            people = self._people_in(start, end)
            if people:
                counts = {name: len(self._mentions_in(name, turn.lead)) for name in people}
                best = max(people, key=lambda name: counts[name])
                return self._cluster_speaker(best, 0.8, turn.start)
            end = start - 1
        return self._described_interviewee(turn)

    def _described_interviewee(self, turn: Turn) -> Speaker | None:
        """`nous avons rencontré la directrice d'une école`: a lead that names nobody describes the
        interviewee; the first noun of people in it (outside quotes, not a plural) is whom the answers are."""
        tokens = self.at.doc.char_span(turn.lead[0], turn.lead[1], alignment_mode="expand")
        for token in tokens or []:
            if token.pos_ != "NOUN" or "Plur" in token.morph.get("Number") or person_likeness(token) <= 0:
                continue
            speaker = self.at.resolve_phrase(token, turn.start)
            if speaker is not None and speaker.kind == ANONYMOUS:
                return replace(speaker, confidence=0.7, rule="described-interviewee")
        return None

    def _mentions_in(self, name: str, span: tuple[int, int]) -> list[int]:
        cluster = self.at.mentions.by_name.get(name)
        return [m.start for m in cluster.entity.mentions if span[0] <= m.start < span[1]] if cluster else []

    def _dialogue(self, run: int) -> dict[int, Speaker | None]:
        """Speakers of a run of dialogue lines: tags first, then the introducing sentence, then turn-taking."""
        turns = [t for t in self.turns if t.run == run]
        known: dict[int, Speaker] = {}
        for n, turn in enumerate(turns):
            verb = self.tags.get(turn.start)
            speaker = self.at.speaker_of_cue(verb, verb.idx) if verb is not None else None
            if speaker is not None:
                known[n] = self._full_name(speaker, turn.start)
        pair = self._introduced_pair(turns[0])
        if not known and pair and pair[0] is not None:
            known[0] = pair[0]
        participants: list[Speaker] = []
        for speaker in [*known.values(), *(s for s in pair if s is not None)]:
            if all(p.name != speaker.name for p in participants):
                participants.append(speaker)
        result: dict[int, Speaker | None] = {}
        for n, turn in enumerate(turns):
            if n in known:
                result[turn.start] = known[n]
                continue
            if not known:
                result[turn.start] = None
                continue
            nearest = min(known, key=lambda k: abs(k - n))
            same = known[nearest]
            if (n - nearest) % 2 == 0:
                result[turn.start] = replace(same, confidence=min(same.confidence, 0.75))
            else:
                other = next((p for p in participants if p.name != same.name), None)
                result[turn.start] = replace(other, confidence=min(other.confidence, 0.75)) if other else None
        return result

    def _introduced_pair(self, first: Turn) -> tuple[Speaker | None, Speaker | None]:
        """`Le pilote questionne sa copilote :` → (who speaks first, who answers)."""
        start, end = first.lead
        if end <= start:
            return None, None
        doc = self.at.doc
        tokens = doc.char_span(start, end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            return None, None
        sentence = tokens[-1].sent
        root = sentence.root
        subject = self.at.subject(root) if root.pos_ in ("VERB", "AUX") else None
        obj = next((c for c in root.children if c.dep_ in ("obj", "iobj", "obl:arg")), None)
        speaker = self.at.resolve_phrase(subject, sentence.start_char) if subject is not None else None
        listener = self.at.resolve_phrase(obj, sentence.start_char) if obj is not None else None
        speaker = speaker if speaker is not None and speaker.kind == PERSON else None
        listener = listener if listener is not None and listener.kind == PERSON else None
        people = [self._cluster_speaker(name, 0.7, sentence.start_char) for name in self._people_in(start, end)]
        people = [p for p in people if p is not None]
        if listener is not None and (speaker is None or speaker.name == listener.name):
            speaker = next((p for p in people if p.name != listener.name), None)
        if speaker is not None and (listener is None or listener.name == speaker.name):
            listener = next((p for p in people if p.name != speaker.name), None)
        if speaker is None and listener is None and len(people) == 2:
            speaker, listener = people
        return speaker, listener
