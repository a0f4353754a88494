"""Command palette: find any article by title, any entity by name or alias."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .messages import EntityChosen, JumpTo
from .widgets.article_list import article_label


class CorpusCommands(Provider):
    def _main(self):
        from .screens.main import MainScreen

        return next((s for s in reversed(self.app.screen_stack) if isinstance(s, MainScreen)), self.app.screen)

    def _entries(self):
        main = self._main()
        corpus = getattr(main, "corpus", None)
        if corpus is None:
            return
        yield "Who said what: speakers and their quotes", main.action_who_said, "w"
        yield "Timeline: every dated event", main.action_timeline_list, "t"
        yield "Help: every key", main.action_help, "?"
        for article in corpus.articles:
            label = article_label(article)
            yield f"Article: {label}", partial(main.post_message, JumpTo(article.id, 0, 0)), article.published or ""
        for info in corpus.ranked_entities():
            aliases = ", ".join(sorted(a for a in info.aliases if a != info.name))
            text = f"{info.kind.capitalize()}: {info.name}" + (f" ({aliases})" if aliases else "")
            yield text, partial(main.post_message, EntityChosen(info.name)), f"{info.mentions} mentions"

    async def discover(self) -> Hits:
        for text, callback, help_text in list(self._entries())[:40]:
            yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)
