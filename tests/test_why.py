"""v on a quote: why it has its speaker (cue, chain, confidence), the evidence highlighted in the
reader; a quote without a speaker shows "?" in the reader, in who-said-what and in `quotes`.
The store is written here, so the tests do not depend on what extraction decides."""
from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from textual.content import Content

from store import DIRECT, PERSON, Article, Quote, Store
from tui.cli import main
from tui.screens.who_said import WhoSaidScreen
from tui.screens.why import WhyScreen
from tui.widgets.reader import Reader

from tui_helpers import make_app, wait_loaded

SIZE = (160, 48)
PARAGRAPHS = [
    "Paul Ferrand [CGT], délégué de l'usine, a rencontré la direction mardi. Léa Marchetti l'accompagnait.",
    "« Rien n'est réglé », a-t-elle poursuivi devant les salariés.",
    "« Nous verrons bien », a lancé ce dernier à la sortie.",
]


def span(paragraph: int, words: str) -> tuple[int, int]:
    """Body offsets of `words` in a paragraph of PARAGRAPHS."""
    base = sum(len(p) + 2 for p in PARAGRAPHS[:paragraph])
    start = base + PARAGRAPHS[paragraph].index(words)
    return start, start + len(words)


def quote(paragraph: int, words: str, speaker: str | None, candidate: str, confidence: float,
          cue: str, via: str, via_paragraph: int) -> Quote:
    start, end = span(paragraph, words)
    cue_start, cue_end = span(paragraph, cue)
    via_start, via_end = span(via_paragraph, via)
    return Quote(words, start, end, speaker, PERSON if speaker else None, DIRECT, cue, confidence, candidate,
                 cue_start, cue_end, via, via_start, via_end, rule="cue-incise/pronoun")


ATTRIBUTED = quote(1, "Rien n'est réglé", "Léa Marchetti", "Léa Marchetti", 0.85, "a-t-elle poursuivi", "Léa Marchetti", 0)
ABSTAINED = quote(2, "Nous verrons bien", None, "Paul Ferrand", 0.42, "a lancé", "Paul Ferrand [CGT]", 0)


@pytest.fixture
def store_path(tmp_path) -> Path:
    assert "\n\n".join(PARAGRAPHS)[ABSTAINED.via_start:ABSTAINED.via_end] == "Paul Ferrand [CGT]"
    article = Article("why-1", "greve.txt", "Grève à l'usine", "2024-03-05", "metadata", PARAGRAPHS, [0, 0, 0],
                      quotes=[ATTRIBUTED, ABSTAINED])
    path = tmp_path / "store.json"
    with Store(path) as store:
        store.add_articles([article])
    return path


def plain(renderable, width: int = 110) -> str:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


def why_text(screen: WhyScreen) -> str:
    return "\n".join(plain(static.content) for static in screen.query("Static"))


async def open_reader(pilot) -> Reader:
    await wait_loaded(pilot)
    reader = pilot.app.main.query_one(Reader)
    assert reader.article is not None and reader.article.id == "why-1"
    return reader


async def test_v_shows_the_speaker_the_cue_and_the_chain(store_path):
    app = make_app(store_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot)
        await pilot.press("right_square_bracket", "v")
        assert isinstance(app.screen, WhyScreen)
        text = why_text(app.screen)
        assert "Rien n'est réglé" in text
        assert "Léa Marchetti, confidence 0.85" in text
        assert "« a-t-elle poursuivi »  · paragraph 2" in text
        assert "followed to « Léa Marchetti » in paragraph 1:" in text
        assert "Léa Marchetti l'accompagnait." in text and "a rencontré la direction" not in text  # its sentence only
        assert "Rule" in text and "cue-incise/pronoun" in text
        await pilot.press("escape")
        assert app.screen is app.main
        assert reader.marks == [span(1, "a-t-elle poursuivi"), span(0, "Léa Marchetti")]


async def test_an_abstained_quote_says_perhaps_and_its_naming_mention_is_reachable(store_path):
    app = make_app(store_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert reader.current_quote() == ABSTAINED
        assert "quote 2/2 — ? (perhaps Paul Ferrand) · 42% sure" in Content.from_markup(reader.border_subtitle).plain
        await pilot.press("v")
        text = why_text(app.screen)
        assert "? — perhaps Paul Ferrand, confidence 0.42" in text
        assert "« Paul Ferrand [CGT] » in paragraph 1:" in text  # article text is data, not markup
        await pilot.press("g")
        assert app.screen is app.main
        assert reader.target == span(0, "Paul Ferrand [CGT]")
        assert reader.marks == [span(2, "a lancé"), span(0, "Paul Ferrand [CGT]")]
        await pilot.press("backspace")  # back to the quote
        assert reader.target == (ABSTAINED.start, ABSTAINED.end)


async def test_the_evidence_is_highlighted_in_the_reader(store_path):
    app = make_app(store_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot)
        await pilot.press("right_square_bracket", "v", "escape")
        evidence = reader.get_component_rich_style("reader--evidence", partial=True)
        assert evidence.bgcolor is not None
        cue_line = reader.line_of(ATTRIBUTED.cue_start) - int(reader.scroll_y)
        strip = reader.render_line(cue_line)
        marked = "".join(segment.text for segment in strip if segment.style and segment.style.bgcolor == evidence.bgcolor)
        assert marked == "a-t-elle poursuivi"


async def test_an_abstained_quote_is_drawn_unlike_an_attributed_one(store_path):
    app = make_app(store_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot)

        def style_of(q: Quote):
            line = reader.line_of(q.start) - int(reader.scroll_y)
            return next(s.style for s in reader.render_line(line) if q.text.startswith(s.text.strip()) and s.text.strip())

        attributed, abstained = style_of(ATTRIBUTED), style_of(ABSTAINED)
        assert attributed.bold and not attributed.italic
        assert abstained.italic and abstained.underline and not abstained.bold


def test_the_sentence_of_a_mention_runs_over_titles_like_m_dot():
    from tui.screens.why import sentence_around

    paragraphs = ["Le sommet est fini. M. Ferrand a parlé. Ensuite, silence."]
    article = Article("why-3", "m.txt", None, None, None, paragraphs, [0])
    start = paragraphs[0].index("Ferrand")
    sentence, at, end = sentence_around(article, start, start + len("Ferrand"))
    assert sentence == "M. Ferrand a parlé."
    assert sentence[at:end] == "Ferrand"


async def test_v_without_a_quote_says_how_to_find_one(tmp_path):
    article = Article("why-2", "calme.txt", "Rien à signaler", None, None, ["Aucune déclaration ce jour."], [0])
    with Store(tmp_path / "store.json") as store:
        store.add_articles([article])
    app = make_app(tmp_path / "store.json")
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("v")
        assert app.screen is app.main
        assert any("] steps to one" in str(n.message) for n in app._notifications)


async def test_the_footer_and_help_teach_v(store_path):
    app = make_app(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        keys = {binding.key: binding for _, binding, enabled, _ in app.main.active_bindings.values() if enabled}
        assert keys["v"].description == "Why" and keys["v"].show
        await pilot.press("question_mark")
        assert any(key == "v" and "Why this quote has its speaker" in does for _, key, does in app.screen.keys)


async def test_who_said_what_lists_the_abstained_quote_under_question_mark(store_path):
    app = make_app(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        await pilot.press("w")
        assert isinstance(app.screen, WhoSaidScreen)
        speakers = app.screen.query_one("#speakers")
        names = [plain(speakers.get_option_at_index(i).prompt) for i in range(speakers.option_count)]
        unknown = next(i for i, name in enumerate(names) if "? (no speaker given)" in name)
        speakers.highlighted = unknown
        speakers.action_select()
        await pilot.pause()
        found = app.screen.query_one("#speaker-quotes")
        rows = [plain(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        assert any("Nous verrons bien" in row and "? perhaps Paul Ferrand" in row for row in rows)


def test_quotes_command_prints_a_question_mark_and_the_candidate(store_path, capsys):
    assert main(["--db", str(store_path), "quotes"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "Nous verrons bien" in line)
    assert "? (perhaps Paul Ferrand, " in line  # with how sure: « ? (perhaps Paul Ferrand, 42 %) »
    assert "Léa Marchetti" in next(line for line in out.splitlines() if "Rien n'est réglé" in line)
