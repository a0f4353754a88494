"""Small messages widgets and workers post upward; the screen that owns the state handles them."""
from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from store import Library


@dataclass
class LibraryLoaded(Message):
    """The loading worker opened the store: the main screen shows it."""

    library: Library


@dataclass
class SearchDone(Message):
    """The search worker's answer: the ids of the matching articles, in list order."""

    query: str
    matches: list[str]


@dataclass
class ArticleChosen(Message):
    article_id: str
    read: bool = False  # Enter on the list: go and read it (the reader takes the focus)


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
