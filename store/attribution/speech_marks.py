"""Quote marks that hold no speech: names of things, titles, glosses and scare quotes.

French news puts names in quote marks (le plan « Horizon 2040 », le film « La Nuit claire »,
l'opération baptisée « Tempête ») and words held at arm's length (une « réforme », so-called).
Neither is somebody's words. A span is kept as speech unless the syntax around it says otherwise:
- a title-like span (capital first, short, no sentence punctuation) inside a sentence, set after a
  noun or an article rather than after a reporting verb, or followed by an apposition
  (`« La Nuit claire », son premier roman`, `« La Nuit claire », de Léa Roux`);
- a span that a naming verb governs (`ce que les experts appellent la « dette verte »`) or that a
  word of language names (`le mot « rigueur »`);
- a short span in a sentence with no reporting cue and no person as a subject (or after `pour`):
  nobody is said to have said it.
"""
from __future__ import annotations

import re

from ..lexicon import INCISE_VERBS, SOURCE_PREPOSITIONS, SPEECH_VERBS, speech_lemma
from .headlines import in_heading
from .quote_marks import MarkedSpan

NAMING_VERBS = frozenset({"appeler", "nommer", "surnommer", "baptiser", "intituler", "dénommer", "renommer"})
# Nouns of language: what follows them in quote marks is a word, not somebody's words.
WORD_NOUNS = frozenset({"mot", "terme", "expression", "formule", "slogan", "nom", "sigle", "label", "devise", "qualificatif"})
# Nouns that carry speech as a verb does (`sa déclaration selon laquelle …`, `dans un communiqué`).
SPEECH_NOUNS = frozenset({
    "déclaration", "communiqué", "propos", "discours", "tweet", "message", "entretien", "interview", "lettre",
    "courrier", "interpellation", "plaidoirie", "réquisitoire", "conférence", "allocution",
})
SUBJECT_PRONOUNS = frozenset({"je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "c", "ce", "ça", "cela"})
# `Pour lui, c'est une « trahison »`: who holds the view, as `selon` gives it.
_OPINION_HOLDERS = frozenset({"lui", "elle", "eux", "elles"})
SHORT_SPAN_WORDS = 4  # a partial quote this short needs a reporting cue in its sentence
TITLE_SPAN_WORDS = 6
_SENTENCE_OPENERS = frozenset(".!?:;—–-\n«“\"")


def _title_like(words: str) -> bool:
    stripped = words.strip()
    first = re.split(r"[\s'’]", stripped, maxsplit=1)[0].lower() if stripped else ""
    return (
        bool(stripped)
        and (stripped[0].isupper() or stripped[0].isdigit())
        and first not in SUBJECT_PRONOUNS  # « Nous tiendrons » is somebody talking, not a title
        and len(stripped.split()) <= TITLE_SPAN_WORDS
        and not any(c in stripped for c in ".!?…,;:")
    )


def _is_cue(token, incise_verbs: bool = False) -> bool:
    """A reporting verb with a speaker (not impersonal `on`), a speech noun, or `selon`/`d'après`;
    with `incise_verbs`, also the verbs that report speech only next to it (`a lancé « … »`)."""
    lower = token.lower_
    if lower in SOURCE_PREPOSITIONS or (lower == "après" and token.i > 0 and token.doc[token.i - 1].lower_ in ("d'", "d’")):
        return True
    lemma = speech_lemma(token)
    # Right after `», ` a reporting verb reports whatever the tagger took it for (`», complète X`).
    shaped = token.pos_ not in ("VERB", "AUX") and _after_closing_mark(token) and (lemma in SPEECH_VERBS or lemma in INCISE_VERBS)
    incise_verbs = incise_verbs or shaped
    if token.pos_ == "NOUN" and not shaped:
        return token.lemma_.lower() in SPEECH_NOUNS
    if token.pos_ not in ("VERB", "AUX") and not shaped:
        return False
    # `parler` reports words only when somebody speaks (`X parle d'un « … »`), not `entendre parler`.
    finite_parler = lemma == "parler" and "Fin" in token.morph.get("VerbForm")
    if lemma not in SPEECH_VERBS and not finite_parler and not (incise_verbs and lemma in INCISE_VERBS):
        return False
    return not any(c.dep_.startswith("nsubj") and c.lower_ == "on" for c in token.children)


def _after_closing_mark(token) -> bool:
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "," and doc[token.i - 2].text in ("»", "”", '"')


def _person_in_reach(token) -> bool:
    """`Léa Roux …`, `le président Paul Roux …`, `elle …` as the subject of a verb; `Pour Léa Roux, …`."""
    if token.dep_.startswith("nsubj"):
        named = [token, *(t for t in token.children if t.dep_ in ("appos", "flat:name"))]
        return token.lower_ in ("il", "elle") or any(t.ent_type_ == "PER" or t.pos_ == "PROPN" for t in named)
    if token.lower_ == "pour" and token.i + 1 < len(token.doc):
        following = token.doc[token.i + 1]
        return following.ent_type_ == "PER" or following.lower_ in _OPINION_HOLDERS
    return False


class SpeechFilter:
    """Tells speech from names and glosses for the marked spans of one parsed text."""

    def __init__(self, doc, text: str, spans: list[MarkedSpan]):
        self.doc = doc
        self.text = text
        self.quoted = [(s.outer_start, s.outer_end) for s in spans]

    def _outside(self, token) -> bool:
        return not any(a <= token.idx < b for a, b in self.quoted)

    def is_speech(self, span: MarkedSpan) -> bool:
        words = span.text(self.text)
        tokens = self.doc.char_span(span.outer_start, span.outer_end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            return True
        before = [t for t in self.doc[max(0, tokens.start - 5) : tokens.start] if self._outside(t)]
        after = [t for t in self.doc[tokens.end : tokens.end + 4] if self._outside(t)]
        if self._named(before):
            return False
        if _title_like(words) and not span.missing_open:
            if self._inside_sentence(span) and not self._after_cue(before):
                return False
            if self._apposition_follows(after):
                return False
        if len(words.split()) <= SHORT_SPAN_WORDS and not any(c in words for c in ".!?…") and not in_heading(self.text, span.start, span.end):
            return self._speech_in_reach(span)
        return True

    @staticmethod
    def _named(before: list) -> bool:
        """`ce que tous appellent la « … »`, `le mot « … »`."""
        if before and before[-1].pos_ == "NOUN" and before[-1].lemma_.lower() in WORD_NOUNS:
            return True
        for token in reversed(before):
            if token.lemma_.lower() in NAMING_VERBS:
                return True
            if token.pos_ not in ("DET", "ADV", "PRON"):
                return False
        return False

    def _inside_sentence(self, span: MarkedSpan) -> bool:
        """Something of the sentence comes before the span (not a colon, a dash or a line start)."""
        i = span.outer_start - 1
        while i >= 0 and self.text[i] in " \u00a0\u202f\t":
            i -= 1
        return i >= 0 and self.text[i] not in _SENTENCE_OPENERS

    @staticmethod
    def _after_cue(before: list) -> bool:
        """`a lancé « Vive la paix »`: a title-like span right after the reporting verb is speech."""
        content = [t for t in before if t.pos_ not in ("ADV", "PUNCT")]
        return bool(content) and _is_cue(content[-1], incise_verbs=True)

    @staticmethod
    def _apposition_follows(after: list) -> bool:
        """`« … », un essai sur la mer`, `« … », de Léa Roux`: what follows names the thing or its author."""
        if len(after) < 3 or after[0].text != ",":
            return False
        first, second = after[1], after[2]
        if first.lower_ == "de" and second.pos_ == "PROPN":
            return True
        if first.pos_ != "DET":
            return False
        following = [t for t in after[2:] if t.pos_ != "ADJ"]
        return bool(following) and following[0].pos_ == "NOUN" and not _is_cue(following[0])

    def _sentence(self, span: MarkedSpan):
        """The tokens of the span's sentence, cut at sentence punctuation and line breaks in the text
        (the parser's sentences split at names now and then)."""
        start = max(self.text.rfind(stop, 0, span.outer_start) for stop in (". ", "! ", "? ", "\n"))
        ends = [i for i in (self.text.find(stop, span.outer_end) for stop in (". ", "! ", "? ", "\n")) if i >= 0]
        end = min(ends) if ends else len(self.text)
        return self.doc.char_span(start + 1, end, alignment_mode="expand") or []

    def _speech_in_reach(self, span: MarkedSpan) -> bool:
        """A reporting cue, or a named person as a subject (`Léa Roux proposera une « sortie »`)."""
        sentence = [t for t in self._sentence(span) if self._outside(t)]
        return any(_is_cue(t) or _person_in_reach(t) for t in sentence)
