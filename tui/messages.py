"""Small messages widgets post upward; the screen that owns the state handles them."""
from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ArticleChosen(Message):
    article_id: str


@dataclass
class EntityChosen(Message):
    name: str


@dataclass
class DayChosen(Message):
    day: str | None  # None clears the filter


@dataclass
class JumpTo(Message):
    """Open an article in the reader and bring a span of its body into view, highlighted."""

    article_id: str
    start: int
    end: int
