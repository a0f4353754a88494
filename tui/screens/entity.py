"""One entity across the corpus: its roles and spellings, its quotes, and where it is mentioned."""
from __future__ import annotations

from rich.text import Text

from store import EntityInfo, Library, Mentions

from ..messages import JumpTo
from ..widgets.article_list import article_label
from ..wording import clip, plural
from .jump_list import JumpListScreen, Target
from .who_said import TITLE_SHOWN, claim_rows, shown

MENTION_ARTICLES_SHOWN = 40  # mention positions are in the article files: read a bounded few


def entity_summary(info: EntityInfo | None, unreadable: list[str]) -> Text:
    summary = Text()
    if info is not None:
        summary.append(f"{info.kind} · {plural(info.mentions, 'mention')} in {plural(len(info.articles), 'article')}", style="dim")
        if info.roles:
            summary.append("\nRoles: " + shown("; ".join(info.roles)), style="italic")
        if len(info.aliases) > 1:
            summary.append("\nAlso written: " + shown(", ".join(sorted(info.aliases))), style="dim")
    for problem in unreadable:
        summary.append("\n" + shown(problem), style="bold red")
    return summary


def entity_rows(library: Library, name: str, mentions: Mentions) -> list[Target]:
    """Its quotes (one row per claim), then each mention in the first articles that name it."""
    rows: list[Target] = []
    quotes = library.quotes_by(name)
    if quotes:
        rows.append((Text(f"Quotes ({len(quotes)})", style="bold underline"), None))
        rows.extend(claim_rows(library, quotes, with_speaker=False))
    total = mentions.info.mentions if mentions.info else 0
    heading = f"Mentions ({plural(total, 'mention')} in {plural(mentions.articles_total, 'article')}"
    heading += f"; the first {mentions.articles_read} articles listed)" if mentions.articles_read < mentions.articles_total else ")"
    rows.append((Text(heading, style="bold underline"), None))
    for article, mention in mentions.items:
        label = Text(shown(mention.text), style="bold")
        label.append(f"  {article.published or 'no date'} · {clip(shown(article_label(article)), TITLE_SHOWN)}", style="dim")
        rows.append((label, JumpTo(article.id, mention.start, mention.end)))
    return rows


class EntityScreen(JumpListScreen):
    def __init__(self, library: Library, name: str) -> None:
        mentions = library.mentions(name, MENTION_ARTICLES_SHOWN)
        super().__init__(shown(name), entity_summary(mentions.info, mentions.unreadable), entity_rows(library, name, mentions))
