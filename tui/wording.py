"""Small phrases shared by screens: counts with the right plural, text cut at a word."""
from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 mention`, `3 mentions`, `0 mentions` (French and English agree on 1 only)."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def clip(text: str, limit: int) -> str:
    """`text`, cut at a word boundary with an ellipsis when longer than `limit` characters."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
