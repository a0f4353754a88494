"""Finding quoted spans in text by their marks: « », “ ”, " ", nested, missing or stray marks."""
from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS = {"«": "»", "“": "”", "„": "“"}
_CLOSERS = {"»": "«", "”": "“"}
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+|[«»“”\"]\s*[.,;]?\s+")


@dataclass(frozen=True)
class MarkedSpan:
    """Characters [start, end) inside the marks; [outer_start, outer_end) includes them."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    missing_open: bool = False

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, position = [], 0
    for block in text.split("\n\n"):
        bounds.append((position, position + len(block)))
        position += len(block) + 2
    return bounds


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Outermost quoted spans, in order. Quotes within quotes belong to their outer quote."""
    spans: list[MarkedSpan] = []
    bounds = _paragraph_bounds(text)
    carried: tuple[int, str] | None = None  # an opener left open at the end of the previous paragraph
    reopener = -1  # where a continued quote's paragraph repeats its opener (`« … ¶ « … »`)
    for p_start, p_end in bounds:
        stack: list[tuple[int, str]] = [carried] if carried else []
        carried = None
        last_end = p_start
        for i in range(p_start, p_end):
            char = text[i]
            if i == reopener:
                continue
            if char == '"':
                if stack and stack[-1][1] == '"':
                    _close(text, spans, stack, len(stack) - 1, i)
                    last_end = i + 1
                else:
                    stack.append((i, '"'))
            elif char in _OPENERS:
                stack.append((i, char))
            elif char in _CLOSERS:
                # A straight mark closed by a curly one (`"… ”`, mixed by an editor) is one quote.
                match = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] in (_CLOSERS[char], '"' if char == "”" else "")), None)
                if match is not None:
                    _close(text, spans, stack, match, i)
                    last_end = i + 1
                elif not stack:
                    _missing_opener(text, spans, last_end, i)
                    last_end = i + 1
        if stack:
            opener = stack[0]
            following = bounds[bounds.index((p_start, p_end)) + 1] if (p_start, p_end) != bounds[-1] else None
            closes_next = following and _CLOSERS_OF.get(opener[1], "") in text[following[0] : following[1]]
            next_start = following[0] + len(text[following[0] : following[1]]) - len(text[following[0] : following[1]].lstrip()) if following else -1
            if closes_next and not any(c in _OPENERS for c in text[following[0] : following[0] + 2]):
                carried = opener  # a quote that runs over a line break
            elif following and len(stack) == 1 and text[next_start : next_start + 1] == opener[1] and opener[1] != '"':
                carried, reopener = opener, next_start  # French repeats the opener on each paragraph of a long quote
            else:
                start, end = _trimmed(text, opener[0] + 1, p_end)
                if len(text[start:end].split()) >= 3:
                    spans.append(MarkedSpan(start, end, opener[0], p_end))
    spans.sort(key=lambda s: s.outer_start)
    outermost: list[MarkedSpan] = []
    for span in spans:
        if outermost and span.outer_start < outermost[-1].outer_end:
            continue
        outermost.append(span)
    return outermost


_CLOSERS_OF = {"«": "»", "“": "”", "„": "“", '"': '"'}


def _close(text: str, spans: list[MarkedSpan], stack: list, index: int, close_at: int) -> None:
    open_at = stack[index][0]
    del stack[index:]
    start, end = _trimmed(text, open_at + 1, close_at)
    if end > start and any(c.isalnum() for c in text[start:end]):
        spans.append(MarkedSpan(start, end, open_at, close_at + 1))


def _missing_opener(text: str, spans: list[MarkedSpan], floor: int, close_at: int) -> None:
    """A closing mark with no opening one: the quote began at the start of its sentence."""
    if text[close_at + 1 : close_at + 4].strip()[:1] in _OPENERS:
        return  # a stray mark just before a real quote
    start = floor
    for match in _SENTENCE_BREAK.finditer(text, floor, close_at):
        start = match.end()
    start, end = _trimmed(text, start, close_at)
    if len(text[start:end].split()) >= 2:
        spans.append(MarkedSpan(start, end, start, close_at + 1, missing_open=True))
