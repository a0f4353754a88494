"""The sentence around a span of an article's body: what a quote or a mention was said in."""
from __future__ import annotations

from .records import Article

_SENTENCE_ENDS = ".!?…"


def sentence_around(article: Article, start: int, end: int) -> tuple[str, int, int]:
    """The sentence (within its paragraph) holding body[start:end], and where the span is in it."""
    offsets = article.paragraph_offsets
    index = sum(1 for offset in offsets if offset <= start) - 1
    paragraph, base = article.paragraphs[index], offsets[index]
    relative_start, relative_end = start - base, min(end - base, len(paragraph))

    def ends_sentence(i: int) -> bool:
        if paragraph[i] not in _SENTENCE_ENDS or (i + 1 < len(paragraph) and not paragraph[i + 1].isspace()):
            return False
        word = paragraph[:i].rsplit(maxsplit=1)[-1] if paragraph[:i].strip() else ""
        return not (paragraph[i] == "." and word[:1].isupper() and len(word) <= 3)  # "M.", "Mme.", "Dr."

    first = max((i + 1 for i in range(relative_start) if i + 1 < len(paragraph) and ends_sentence(i)), default=0)
    last = next((i + 1 for i in range(relative_end, len(paragraph)) if ends_sentence(i)), len(paragraph))
    while first < relative_start and paragraph[first].isspace():
        first += 1
    return paragraph[first:last], relative_start - first, relative_end - first
