"""The orders the article list offers: newest first (the default), oldest first, by outlet, by title.
Undated articles come last in date orders; ties keep the file order."""
from __future__ import annotations

from .lexicon import fold
from .records import Article

NEWEST, OLDEST, OUTLET, TITLE = "newest first", "oldest first", "by outlet", "by title"
ORDERS = (NEWEST, OLDEST, OUTLET, TITLE)


def _date_key(article: Article) -> str:
    # A month or a year alone sorts before its days ("2021-12" < "2021-12-01"): newest first, the
    # articles of known days come before the one known only by its month.
    return article.published or ""


def ordered(articles: list[Article], order: str = NEWEST) -> list[Article]:
    by_file = sorted(articles, key=lambda a: a.file)
    if order == NEWEST:
        dated = sorted((a for a in by_file if a.published), key=_date_key, reverse=True)
        return dated + [a for a in by_file if not a.published]
    if order == OLDEST:
        dated = sorted((a for a in by_file if a.published), key=_date_key)
        return dated + [a for a in by_file if not a.published]
    if order == OUTLET:
        return sorted(by_file, key=lambda a: (not a.outlet, fold(a.outlet or ""), _date_key(a)))
    if order == TITLE:
        return sorted(by_file, key=lambda a: fold(a.label))
    raise ValueError(order)
