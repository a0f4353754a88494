"""One entity across the corpus: its roles and spellings, its quotes, and where it is mentioned."""
from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from store import Article, Corpus, EntityInfo

from ..messages import JumpTo
from ..widgets.article_list import article_label
from ..wording import clip, plural
from .jump_list import JumpListScreen, Target
from .who_said import TITLE_SHOWN, claim_rows, shown

MENTION_ARTICLES_SHOWN = 40  # mention positions are in the article files: read a bounded few


def entity_summary(info: EntityInfo | None) -> Text:
    summary = Text()
    if info is not None:
        summary.append(f"{info.kind} · {plural(info.mentions, 'mention')} in {plural(len(info.articles), 'article')}", style="dim")
        if info.roles:
            summary.append("\nRoles: " + shown("; ".join(info.roles)), style="italic")
        if len(info.aliases) > 1:
            summary.append("\nAlso written: " + shown(", ".join(sorted(info.aliases))), style="dim")
    return summary


def entity_rows(corpus: Corpus, name: str, load_article: Callable[[str], Article]) -> list[Target]:
    """Its quotes (one row per claim), then each mention in the first articles that name it."""
    rows: list[Target] = []
    quotes = corpus.quotes_by(name)
    if quotes:
        rows.append((Text(f"Quotes ({len(quotes)})", style="bold underline"), None))
        rows.extend(claim_rows(corpus, quotes, with_speaker=False))
    info, key = corpus.entity(name), corpus.entity_key(name)
    mentioning = corpus.articles_mentioning(name)
    listed = mentioning[:MENTION_ARTICLES_SHOWN]
    heading = f"Mentions ({plural(info.mentions if info else 0, 'mention')} in {plural(len(mentioning), 'article')}"
    heading += f"; the first {len(listed)} articles listed)" if len(listed) < len(mentioning) else ")"
    rows.append((Text(heading, style="bold underline"), None))
    for article in map(load_article, (a.id for a in listed)):
        for entity in article.entities:
            if corpus.entity_key(entity.name) != key:
                continue
            for mention in entity.mentions:
                label = Text(shown(mention.text), style="bold")
                label.append(f"  {article.published or 'no date'} · {clip(shown(article_label(article)), TITLE_SHOWN)}", style="dim")
                rows.append((label, JumpTo(article.id, mention.start, mention.end)))
    return rows


class EntityScreen(JumpListScreen):
    """`load_article` gives the full article (mention positions) with the corpus's canonical names."""

    def __init__(self, corpus: Corpus, name: str, load_article: Callable[[str], Article]) -> None:
        super().__init__(shown(name), entity_summary(corpus.entity(name)), entity_rows(corpus, name, load_article))
