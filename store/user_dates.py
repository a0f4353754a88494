"""A publication date set by the user: durable in the store, marked as theirs, undoable."""
from __future__ import annotations

from .dates import DAY, MONTH, YEAR, Publication
from .db import Store
from .metadata import parse_published
from .pipeline import set_publication
from .records import BASIS_USER, Article


def set_user_date(store: Store, article_id: str, text: str | None) -> Article:
    """Give the article the date `text` (YYYY-MM-DD, YYYY-MM, YYYY, DD/MM/YYYY) set by the user, or
    with None put back the date it had before; its events are read again from the new date.
    Raises InputError for a date that is not one. Returns the stored article (in full)."""
    article = store.load_article(article_id)
    if text is None:
        if article.published_basis != BASIS_USER:
            return article  # nothing of the user's to undo
        date, precision, basis, evidence, source = article.published_before_user or [None] * 5
        set_publication(article, Publication(date, precision, basis, evidence), borrowed_from=source)
        article.published_before_user = None
    else:
        date = parse_published(text, "date")
        if article.published_basis != BASIS_USER:
            article.published_before_user = [article.published, article.published_precision, article.published_basis,
                                             article.published_evidence, article.published_from]
        precision = {10: DAY, 7: MONTH, 4: YEAR}[len(date)]
        set_publication(article, Publication(date, precision, BASIS_USER, "set by the user"))
    store.update_articles([article])
    return article
