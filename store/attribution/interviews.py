"""Quotes that the layout gives, not quote marks: interview answers and em-dash dialogue.

An interview sets the journalist's questions apart — a bold paragraph ending in "?", a "Q :"
label, or dash lines that alternate question and answer — and each answer is the interviewee's
words. Dialogue puts each turn on its own line after a dash; a turn without a speech tag belongs
to whoever did not speak the turn before. This module only reads the layout (plain text in,
character ranges out); `quotes.py` decides who the speakers are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ANSWER, TURN = "answer", "turn"
_DASHES = ("—", "–", "―")
_QUESTION_LABEL = re.compile(r"(?:Q|Question)\s*[:–—-]\s*", re.IGNORECASE)
_ANSWER_LABEL = re.compile(r"(?:R|Réponse)\s*[:–—-]\s*", re.IGNORECASE)
# Words of a lead that announce questions and answers ("interrogé par la presse", "entretien").
INTERVIEW_WORDS = frozenset("""
interrogé interrogée interrogés interrogées questions question entretien interview répondu répond recueillis
""".split())
# Marks of talk in a dash line: a question, an exclamation, a first- or second-person word.
_SPOKEN = re.compile(r"[?!]|\b(?:je|tu|vous|nous|on|moi|toi|me|te)\b|\b[jmt]['’]", re.IGNORECASE)
_ADDRESSED = re.compile(r"\b(?:vous|votre|vos)\b", re.IGNORECASE)


def _interview_lead(lead: str) -> bool:
    return bool(set(re.findall(r"\w+", lead.lower())) & INTERVIEW_WORDS)


def _asks_someone(questions: list[str]) -> bool:
    """Questions put to somebody (`Pourquoi avez-vous …`), unlike a subheading that asks the reader's question."""
    return sum(1 for q in questions if _ADDRESSED.search(q)) * 2 >= len(questions)


@dataclass(frozen=True)
class Turn:
    """Spoken words at [start, end): an interview answer or a dialogue turn.

    `line_end` is the end of the line, past a speech tag (`— Tu viens ? demande Léa.`); `run`
    numbers the group of turns; `lead` is the text before the group that introduces the people;
    `question` is the question an answer replies to; `label` the name set before an answer.
    """

    start: int
    end: int
    kind: str
    run: int
    lead: tuple[int, int]
    line_end: int
    question: tuple[int, int] | None = None
    label: tuple[int, int] | None = None  # `Léa Roux :` opening the answer: who speaks, if a person


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph (blocks between blank lines, or single lines)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _bold_inner(text: str) -> str | None:
    stripped = text.strip()
    if len(stripped) > 4 and stripped.startswith(("**", "__")) and stripped.endswith(("**", "__")):
        return stripped[2:-2].strip()
    return None


def _dash_body(text: str, start: int, end: int) -> int | None:
    """Where the words of a dash line begin, or None if the line does not open with a dash."""
    line = text[start:end]
    if line[:1] in _DASHES and line[1:2].isspace():
        return start + 1 + len(line[1:]) - len(line[1:].lstrip())
    return None


def _is_question(text: str, start: int, end: int) -> bool:
    line = text[start:end]
    bold = _bold_inner(line)
    if bold is not None:
        return bold.rstrip().endswith("?")
    body = _dash_body(text, start, end)
    return bool(_QUESTION_LABEL.match(text, body if body is not None else start))


def _answer_start(text: str, start: int) -> int:
    label = _ANSWER_LABEL.match(text, start)
    return label.end() if label else start


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _alternates_question_answer(lines: list[str], lead: str) -> bool:
    """Dash lines that go question, answer, question, answer …: a press conference, not a dialogue."""
    if len(lines) < 2 or len(lines) % 2:
        return False
    questions, answers = lines[0::2], lines[1::2]
    if not all(q.rstrip().endswith("?") for q in questions) or any(a.rstrip().endswith("?") for a in answers):
        return False
    return _interview_lead(lead) or (len(lines) >= 4 and _asks_someone(questions))


_NAME_LABEL = re.compile(r"(?:\*\*)?(?P<name>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){0,3})\s*:\s*(?:\*\*)?\s*")


def labelled_answers(text: str) -> list[Turn]:
    """A transcript: paragraphs opening with a name and a colon (`Léa Roux : Nous …`), that name
    labelling at least two of them. Words in quote marks after the colon are a headline instead."""
    found = []
    for start, end in paragraphs(text):
        match = _NAME_LABEL.match(text, start)
        if match and match.end() < end and text[match.end()] not in "«“\"":
            found.append((match, end))
    counts: dict[str, int] = {}
    for match, _ in found:
        counts[match.group("name")] = counts.get(match.group("name"), 0) + 1
    return [
        Turn(match.end(), _trimmed_end(text, match.end(), end), ANSWER, -1, (0, 0), end, label=match.span("name"))
        for match, end in found
        if counts[match.group("name")] >= 2
    ]


def find_turns(text: str) -> list[Turn]:
    """Interview answers and dialogue turns, in order of the text."""
    blocks = paragraphs(text)
    turns: list[Turn] = labelled_answers(text)
    bold_questions = [text[s:e] for s, e in blocks if _bold_inner(text[s:e]) is not None and _is_question(text, s, e)]
    run = 0
    lead_from = 0
    i = 0
    while i < len(blocks):
        start, end = blocks[i]
        lead = (lead_from, blocks[i - 1][1]) if i else (0, 0)
        if _dash_body(text, start, end) is not None:
            j = i
            while j < len(blocks) and _dash_body(text, *blocks[j]) is not None:
                j += 1
            turns += _dash_run(text, blocks[i:j], run, (blocks[i - 1][0], blocks[i - 1][1]) if i else (0, 0))
            run, lead_from, i = run + 1, blocks[j - 1][1], j
            continue
        labelled = _QUESTION_LABEL.match(text, start) is not None
        if _is_question(text, start, end) and (labelled or (len(bold_questions) >= 2 and (_asks_someone(bold_questions) or _interview_lead(text[lead[0] : lead[1]])))):
            j, answers = i, []
            while j < len(blocks) and _is_question(text, *blocks[j]):
                question = blocks[j]
                k = j + 1
                while k < len(blocks) and not _is_question(text, *blocks[k]) and _dash_body(text, *blocks[k]) is None:
                    k += 1
                has_next_question = k < len(blocks) and _is_question(text, *blocks[k])
                # The last answer is one paragraph: what follows it is the article going on.
                for a_start, a_end in blocks[j + 1 : k if has_next_question else min(k, j + 2)]:
                    body = _answer_start(text, a_start)
                    answers.append(Turn(body, _trimmed_end(text, body, a_end), ANSWER, run, lead, a_end, question))
                j = k if has_next_question else min(k, j + 2)
            turns += answers
            run, lead_from, i = run + 1, blocks[j - 1][1], j
            continue
        i += 1
    labelled = {turn.line_end for turn in turns if turn.label is not None}
    # A labelled paragraph that also follows a question is one answer: the label says whose.
    turns = [turn for turn in turns if turn.label is not None or turn.line_end not in labelled]
    return sorted(turns, key=lambda turn: turn.start)


def _dash_run(text: str, lines: list[tuple[int, int]], run: int, lead: tuple[int, int]) -> list[Turn]:
    bodies = [(_dash_body(text, s, e) or s, e) for s, e in lines]
    labelled = any(_QUESTION_LABEL.match(text, b) for b, _ in bodies)
    if labelled:
        turns, question = [], None
        for body, end in bodies:
            if _QUESTION_LABEL.match(text, body):
                question = (body, end)
            elif question is not None:
                start = _answer_start(text, body)
                turns.append(Turn(start, _trimmed_end(text, start, end), ANSWER, run, lead, end, question))
        return turns
    words = [text[b:e] for b, e in bodies]
    if _alternates_question_answer(words, text[lead[0] : lead[1]]):
        return [
            Turn(b, _trimmed_end(text, b, e), ANSWER, run, lead, e, bodies[n - 1])
            for n, (b, e) in enumerate(bodies)
            if n % 2
        ]
    if sum(1 for line in words if _SPOKEN.search(line)) * 2 < len(words):
        return []  # a list set with dashes, not people talking
    return [Turn(b, _trimmed_end(text, b, e), TURN, run, lead, e) for b, e in bodies]


_VOCATIVE = re.compile(
    r"\b(?:vous|toi)\s*,\s*(?P<after>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)*)\s*,"
    r"|(?:^|[.?!]\s+|\bEt\s+)(?P<before>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)*)\s*,\s*(?:vous|tu)\b"
)


def vocative(question: str) -> str | None:
    """The name the question is addressed to: `Et vous, Léa, …`, `Paul, vous …`."""
    match = _VOCATIVE.search(question.strip("*_ "))
    return (match.group("after") or match.group("before")) if match else None


_BYLINE = re.compile(r"(?:\bpar|:)\s*$", re.IGNORECASE)


def is_byline(text: str, paragraph_start: int, mention_start: int) -> bool:
    """`Propos recueillis par X`, `Texte : X`: the journalist's name, not an interviewee's."""
    return bool(_BYLINE.search(text[paragraph_start:mention_start]))
