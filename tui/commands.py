"""Command palette: find any article by title, any entity by name or alias.

Titles and names come from the articles: hits are built as `Text` (never markup, which a title like
`[DIRECT] …` or `[/x]` would break) from strings with control characters neutralised.
"""
from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from store import printable

from .messages import EntityChosen, JumpTo
from .screens.help import HelpScreen
from .widgets.article_list import article_label
from .wording import plural


SYSTEM_WEIGHT = 0.5  # a system command matching as well as an article or a name is listed after it


class CorpusCommands(Provider):
    """The app's views, then articles and entities, then Textual's system commands (this provider
    replaces Textual's, whose commands would otherwise come first)."""

    def _main(self):
        from .screens.main import MainScreen

        return next((s for s in reversed(self.app.screen_stack) if isinstance(s, MainScreen)), self.app.screen)

    def _help(self) -> None:
        """Runs once the palette has closed: the screen on top is the one it was opened from."""
        self.app.push_screen(HelpScreen.for_screen(self.app.screen))

    def _entries(self):
        """(label shown and matched, what choosing it does, help line)"""
        main = self._main()
        library = getattr(self.app, "library", None)
        if library is None or getattr(main, "corpus", None) is None:  # not loaded yet
            return
        yield "Who said what: speakers and their quotes", main.action_who_said, "w"
        yield "Timeline: every dated event", main.action_timeline_list, "t"
        yield "Help: every key, those of this screen first", self._help, "?"
        for article in library.articles:
            label = printable(article_label(article), single_line=True)
            yield f"Article: {label}", partial(main.post_message, JumpTo(article.id, 0, 0)), article.published or ""
        for info in library.ranked_entities():
            aliases = ", ".join(sorted(a for a in info.aliases if a != info.name))
            text = printable(f"{info.kind.capitalize()}: {info.name}" + (f" ({aliases})" if aliases else ""), single_line=True)
            help_text = f"{plural(info.mentions, 'mention')} in {plural(len(info.articles), 'article')}"
            yield text, partial(main.post_message, EntityChosen(info.name)), help_text

    def _system(self):
        """Textual's own commands (theme, keys, screenshot, quit): offered after the app's."""
        return sorted(self.app.get_system_commands(self.screen), key=lambda command: command[0])

    async def discover(self) -> Hits:
        for text, callback, help_text in list(self._entries())[:40]:
            yield DiscoveryHit(Text(text), callback, text=text, help=escape(help_text))
        for name, help_text, callback, discover in self._system():
            if discover:
                yield DiscoveryHit(Text(name), callback, text=name, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        style = matcher.match_style.rich_style
        for text, callback, help_text in self._entries():
            score, offsets = matcher.fuzzy_search.match(query, text)
            if score > 0:
                shown = Text(text)
                for offset in offsets:
                    shown.stylize(style, offset, offset + 1)
                yield Hit(score, shown, callback, text=text, help=escape(help_text))
        for name, help_text, callback, *_ in self._system():
            if (score := matcher.match(name)) > 0:
                yield Hit(score * SYSTEM_WEIGHT, matcher.highlight(name), callback, text=name, help=escape(help_text))
