"""The help screen, generated from the same bindings that drive the keys and the footer: the keys of
the screen it was opened from first, then its panes, then the keys that work anywhere, then every
other screen. It scrolls, so it fits any terminal."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

_KEY_NAMES = {"left": "←", "right": "→", "up": "↑", "down": "↓", "shift+left": "shift+←", "shift+right": "shift+→",
              "escape": "Esc", "enter": "Enter", "space": "Space", "question_mark": "?", "slash": "/",
              "right_square_bracket": "]", "left_square_bracket": "[", "tab": "Tab"}
ANYWHERE = [
    Binding("ctrl+p", "command_palette", "Palette: any article, person, organisation or place; the views"),
    Binding("ctrl+q", "quit", "Quit, from any screen"),
]

# (where, [(keys, what they do)])
Section = tuple[str, list[tuple[str, str]]]


def key_label(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    return ", ".join(_KEY_NAMES.get(key, key) for key in binding.key.split(","))


def _own_bindings(node: type[DOMNode]) -> list[Binding]:
    """The described bindings of the class and of its bases in this app (not Textual's own)."""
    declared = [b for kind in node.__mro__ if kind.__module__.startswith("tui.") for b in kind.__dict__.get("BINDINGS", [])]
    return [b for b in declared if isinstance(b, Binding) and b.description]


def help_title(node: type[DOMNode]) -> str:
    return getattr(node, "HELP_TITLE", None) or node.__name__.removesuffix("Screen").removesuffix("Strip")


def _rows(node: type[DOMNode]) -> list[tuple[str, str]]:
    rows = [(key_label(b), b.tooltip or b.description) for b in _own_bindings(node)]
    return rows + list(getattr(node, "HELP_EXTRA", []))


def _screen_sections(screen: Screen) -> list[Section]:
    """The screen's keys, then those of its own panes (widgets of this app, not of Textual)."""
    sections = [(help_title(type(screen)), _rows(type(screen)))]
    seen: set[type] = {type(screen)}
    for widget in screen.query("*"):
        kind = type(widget)
        if kind not in seen and kind.__module__.startswith("tui.") and _rows(kind):
            seen.add(kind)
            pane = getattr(kind, "HELP_TITLE", None) or widget.border_title or help_title(kind)
            sections.append((f"{help_title(type(screen))} · {pane}", _rows(kind)))
    return sections


def _screen_classes(base: type = Screen) -> list[type[Screen]]:
    """Every screen class of this app that declares its own keys."""
    found = []
    for kind in base.__subclasses__():
        if kind.__module__.startswith("tui.") and "BINDINGS" in kind.__dict__:
            found.append(kind)
        found.extend(_screen_classes(kind))
    return found


def help_sections(origin: Screen) -> list[Section]:
    sections = _screen_sections(origin)
    # A key the screen takes for itself (q types into who said what's filter) does not work "anywhere" there.
    taken = {key.strip() for kind in type(origin).__mro__ for b in kind.__dict__.get("BINDINGS", [])
             if isinstance(b, Binding) and not b.description for key in b.key.split(",")}
    app_rows = [(key_label(b), b.tooltip or b.description) for b in _own_bindings(type(origin.app)) + ANYWHERE
                if not set(b.key.split(",")) <= taken]
    sections.append(("Anywhere", app_rows))
    covered = {type(origin), HelpScreen}
    for screen in reversed(origin.app.screen_stack):  # the screens underneath, with their panes
        if type(screen) not in covered:
            covered.add(type(screen))
            sections.extend(_screen_sections(screen))
    sections.extend((help_title(kind), _rows(kind)) for kind in _screen_classes() if kind not in covered)
    return [(where, rows) for where, rows in sections if rows]


class HelpScreen(ModalScreen[None]):
    HELP_TITLE = "Help"
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close")]

    def __init__(self, title: str, sections: list[Section]) -> None:
        super().__init__()
        self.heading, self.sections = title, sections

    @classmethod
    def for_screen(cls, origin: Screen) -> HelpScreen:
        return cls(f"Keys · {help_title(type(origin))} first · ↓ ↑ PgDn scroll · Esc closes", help_sections(origin))

    @property
    def keys(self) -> list[tuple[str, str, str]]:
        """(where, keys, what they do), in the order shown."""
        return [(where, keys, does) for where, rows in self.sections for keys, does in rows]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text(self.heading, style="bold"), classes="help-title")
            for where, rows in self.sections:
                table = Table(title=where, title_justify="left", title_style="bold underline", expand=True,
                              show_edge=False, show_header=False, box=None)
                table.add_column("Key", style="bold", no_wrap=True, min_width=12)
                table.add_column("Does", ratio=1)
                for keys, does in rows:
                    table.add_row(Text(keys), Text(does))
                yield Static(table, classes="help-section")
        yield Footer()
