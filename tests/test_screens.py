"""The screens other than the main one, driven by keys: who said what, the timeline list, the entity
view, the palette, the citation and the help, at 160x48 and at 80x24."""
from __future__ import annotations

import re
from dataclasses import replace

from rich.color import ColorSystem
from textual.command import CommandPalette
from textual.widgets import DataTable, Input, OptionList, TextArea

from store import Store
from store.export import citation
from tui.messages import EntityChosen
from tui.screens.citation import CitationScreen
from tui.screens.entity import EntityScreen
from tui.app import UkrTuiApp
from tui.screens.help import HelpScreen, key_label
from tui.screens.main import MainScreen
from tui.screens import timeline_list, who_said
from tui.screens.timeline_list import TimelineListScreen
from tui.screens.who_said import WhoSaidScreen
from tui.widgets.reader import Reader
from tui.widgets.timeline_strip import TimelineStrip

from tui_helpers import make_app, wait_loaded

BIG, SMALL = (160, 48), (80, 24)


def shown_lines(widget) -> list[str]:
    """The text a widget draws, border included, line by line, as the terminal shows it."""
    return [strip.text for strip in widget.render_lines(widget.region.reset_offset)]


async def open_who_said(pilot):
    await wait_loaded(pilot)
    await pilot.press("w")
    await pilot.pause()
    assert isinstance(pilot.app.screen, WhoSaidScreen)
    return pilot.app.screen


def speakers_listed(screen: WhoSaidScreen) -> list[str | None]:
    return [s.name for s in screen.listed if s is not None]


async def test_who_said_finds_speakers_by_name_and_by_role(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_who_said(pilot)
        await pilot.press(*"Peskov")
        await pilot.pause()
        assert "Dmitri Peskov" in speakers_listed(screen)
        assert screen.rows and all("Dmitri Peskov" in str(label) or "Peskov" in str(label) for label, _ in screen.rows)
        await pilot.press("escape")  # clears the filter, stays on the screen
        assert app.screen is screen and screen.query_one(Input).value == ""
        await pilot.press(*"porte-parole du Kremlin")
        await pilot.pause()
        assert speakers_listed(screen)[:1] == ["Dmitri Peskov"]
        await pilot.press("enter", "enter")  # the first quote, in the reader
        await pilot.pause()
        assert app.screen is app.main
        assert app.main.query_one(Reader).current_quote().speaker == "Dmitri Peskov"


async def test_who_said_groups_people_institutions_and_anonymous_sources(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_who_said(pilot)
        speakers = screen.query_one("#speakers", OptionList)
        headings = [str(speakers.get_option_at_index(i).prompt) for i, s in enumerate(screen.listed) if s is None]
        # Quotes whose speaker was too uncertain to name come last, under their own heading.
        assert headings == ["People", "Institutions", "Anonymous sources", "Unattributed"]
        groups = {s.name: s.group for s in screen.listed if s is not None}
        assert groups["Vladimir Poutine"] == "People"
        assert groups["Kremlin"] == "Institutions"
        assert groups["un responsable de la Maison Blanche"] == "Anonymous sources"
        assert speakers.highlighted == 1 and screen.listed[1].name == "Joe Biden"


async def test_emptying_the_filter_brings_the_speakers_quotes_back(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_who_said(pilot)
        quotes = screen.query_one("#speaker-quotes", OptionList)
        before = len(screen.rows)
        await pilot.press(*"zzzz")
        await pilot.pause()
        assert screen.rows == [] and quotes.border_title.startswith("Quotes (0)")
        await pilot.press(*["backspace"] * 4)
        await pilot.pause()
        assert len(screen.rows) == before > 0
        assert quotes.border_title.startswith(f"Quotes ({before})")


async def test_who_said_footer_offers_no_q_quit_and_q_types(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_who_said(pilot)
        assert screen.active_bindings["q"].binding.action != "quit"
        shown = [b.binding.description for b in screen.active_bindings.values() if b.binding.show]
        assert "Quit" not in shown
        await pilot.press("q")
        assert app.is_running and screen.query_one(Input).value == "q"


async def test_highlighted_speaker_count_is_visible_in_256_colours(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_who_said(pilot)
        speakers = screen.query_one("#speakers", OptionList)
        first = screen.listed[speakers.highlighted]
        strips = speakers.render_lines(speakers.region.reset_offset)
        line = next(s for s in strips if first.name in s.text)
        count = [seg for seg in line if seg.text.strip() == str(len(first.refs))]
        name = [seg for seg in line if first.name in seg.text]
        padding = [seg for seg in line if seg.style.bgcolor == count[0].style.bgcolor and not seg.text.strip()]
        assert count and name and padding
        # Name and count take the theme's cursor colours, which any palette keeps apart.
        cursor_fg = padding[-1].style.color
        assert count[0].style.color == cursor_fg and name[0].style.color == cursor_fg
        fg, bg = (c.downgrade(ColorSystem.EIGHT_BIT) for c in (cursor_fg, count[0].style.bgcolor))
        assert fg != bg


async def test_unattributed_quotes_listed_under_question_mark_with_their_best_guess(tmp_path, seed_articles):
    article = seed_articles[0]
    unattributed = replace(article, quotes=[replace(q, speaker=None, speaker_kind=None, candidate="Jean Essai") for q in article.quotes])
    db = tmp_path / "store.json"
    with Store(db) as store:
        store.add_articles([unattributed, *seed_articles[1:]])
    app = make_app(db)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_who_said(pilot)
        speakers = screen.query_one("#speakers", OptionList)
        index = next(i for i, s in enumerate(screen.listed) if s is not None and s.name is None)
        assert screen.listed[index - 1] is None and "Unattributed" in str(speakers.get_option_at_index(index - 1).prompt)
        speakers.highlighted = index
        await pilot.pause()
        assert any("— ? perhaps Jean Essai" in str(row[0]) for row in screen.rows)


async def test_who_said_shows_at_most_the_cap_and_says_how_many_more(seed_store_path, monkeypatch):
    monkeypatch.setattr(who_said, "QUOTES_SHOWN", 2)
    monkeypatch.setattr(who_said, "SPEAKERS_SHOWN", 1)
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_who_said(pilot)
        speakers = screen.query_one("#speakers", OptionList)
        prompts = [str(speakers.get_option_at_index(i).prompt) for i, s in enumerate(screen.listed) if s is None]
        people = [s for s in screen.everyone if s.group == "People"]
        # One speaker per group, every group's heading still there, and how many people are not drawn.
        assert prompts[:2] == ["People", f"… {len(people) - 1} more people, type to narrow"]
        assert {"Institutions", "Anonymous sources", "Unattributed"} <= set(prompts)
        assert sum(1 for s in screen.listed if s is not None and s.group == "People") == 1
        quotes = screen.query_one("#speaker-quotes", OptionList)
        claims = app.main.library.claims(screen.listed[1].refs)
        assert len(claims) > 2 and len(screen.rows) == 2
        assert quotes.option_count == 3
        assert str(quotes.get_option_at_index(2).prompt) == f"… {len(claims) - 2} more quotes, type to narrow"
        assert quotes.border_title.startswith(f"Quotes ({len(claims)})")
        quotes.focus()
        await pilot.press("end")  # the "more" line is not a place to go: End stops on the last quote
        assert quotes.highlighted == 1


async def test_timeline_list_adds_rows_as_the_cursor_nears_the_last(seed_store_path, monkeypatch):
    monkeypatch.setattr(timeline_list, "ROWS_PER_CHUNK", 4)
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        await pilot.press("t")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        events = app.main.library.events_in_order()
        assert len(events) > 8 and table.row_count == 4
        await pilot.press("down", "down", "down", "down", "down")
        await pilot.pause()
        assert table.row_count == 8 and table.cursor_row == 5
        await pilot.press("enter")
        await pilot.pause()
        event, article = events[5]
        assert app.screen is app.main and app.main.current_id == article.id


async def test_timeline_list_keeps_the_date_column_clear_at_80_columns(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineListScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(app.main.corpus.events_in_order()) > 5
        lines = shown_lines(table)[1:]  # below the header
        assert sum(1 for line in lines if line.strip()) > 5
        for line in lines:
            date_column = line[1:11]  # after the cell's padding
            assert re.fullmatch(r"\d{4}(-\d\d){0,2} *| *", date_column), line
        assert not re.search(r"\b1 dated expressions", str(app.screen.summary))  # "1 dated expression", singular
        await pilot.press("down", "enter")  # the second event, in the reader
        await pilot.pause()
        event, article = app.main.corpus.events_in_order()[1]
        assert app.screen is app.main and app.main.current_id == article.id
        assert app.main.query_one(Reader).target == (event.start, event.end)


async def test_entity_view_counts_in_the_singular(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        name = next(e.name for e in app.main.corpus.ranked_entities() if e.mentions == 1)
        app.main.post_message(EntityChosen(name))
        await pilot.pause(0.2)
        assert isinstance(app.screen, EntityScreen)
        summary = str(app.screen.summary)
        assert "1 mention in 1 article" in summary and "mentions" not in summary
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is app.main and app.main.query_one(Reader).target is not None


HOSTILE_TITLES = ["[DIRECT] Kiev sous tension", "Un titre [/x] cassé", "Alerte \x1b]2;pwned\x07 \x1b[41mrouge"]


def hostile_store(tmp_path, seed_articles):
    db = tmp_path / "store.json"
    with Store(db) as store:
        store.add_articles([replace(a, title=t) for a, t in zip(seed_articles[:3], HOSTILE_TITLES, strict=True)])
    return db


def palette_prompts(app) -> list[str]:
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_palette_shows_hostile_titles_as_text(tmp_path, seed_articles):
    app = make_app(hostile_store(tmp_path, seed_articles))
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p")  # the discovery list holds every title
        await pilot.pause(0.5)
        prompts = "\n".join(palette_prompts(app))
        assert "Article: [DIRECT] Kiev sous tension" in prompts
        assert "Un titre [/x] cassé" in prompts
        assert "\x1b" not in prompts and "\\x1b]2;pwned\\x07" in prompts
        await pilot.press(*"DIRECT")
        await pilot.pause(0.5)
        assert any("[DIRECT] Kiev" in p for p in palette_prompts(app))
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.is_running and app.screen is app.main
        assert app.main.query_one(Reader).article.title == "[DIRECT] Kiev sous tension"


HOSTILE_QUOTE = (
    "Une dépêche de test\n"
    "Le ministre Jean Dupont a déclaré : « [link=https://evil.example]cliquez[/link] et [b]rien[/b] ».\n"
)


async def test_y_shows_the_citation_to_select_even_with_markup(tmp_path, monkeypatch):
    from store import import_paths

    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE_QUOTE, encoding="utf-8")
    db = tmp_path / "store.json"
    with Store(db) as store:
        import_paths(store, [source])
    app = make_app(db)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot)
        reader = app.main.query_one(Reader)
        await pilot.press("right_square_bracket", "y")
        await pilot.pause()
        quote = reader.current_quote()
        assert copied == [citation(reader.article, quote)]
        assert "[link=https://evil.example]cliquez[/link]" in copied[0] and "Jean Dupont" in copied[0]
        assert isinstance(app.screen, CitationScreen)
        box = app.screen.query_one(TextArea)
        assert box.text == copied[0] and box.selected_text == copied[0]  # ready to copy again
        await pilot.press("escape")
        assert app.screen is app.main and app.is_running


async def test_help_from_main_fits_80x24_and_scrolls(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        where = [w for w, _ in app.screen.sections]
        assert where[0] == "Main" and "Anywhere" in where and "Who said what (w)" in where
        listed = {(keys, does) for _, keys, does in app.screen.keys}
        for kind in (MainScreen, Reader, TimelineStrip, UkrTuiApp):  # every key they bind, as the footer shows it
            for binding in kind.BINDINGS:
                if binding.description:
                    assert (key_label(binding), binding.tooltip or binding.description) in listed, binding
        body = app.screen.query_one("#help-body")
        assert body.region.right <= 80 and body.region.bottom <= 24
        assert body.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("escape")
        assert app.screen is app.main


async def test_help_lists_the_keys_of_the_screen_it_came_from(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_who_said(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        first, rows = app.screen.sections[0]
        assert first == "Who said what (w)"
        assert any(keys == "type" for keys, _ in rows) and any("Clear the filter" in d for _, d in rows)
        await pilot.press("escape", "escape")
        assert app.screen is screen or app.screen is app.main
        await pilot.press("escape")
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.sections[0][0] == "Timeline list (t)"


async def test_palette_help_lists_the_screen_it_was_opened_from(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await open_who_said(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"help every key")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.sections[0][0] == "Who said what (w)"


def test_counts_and_cuts_read_as_words():
    from tui.wording import clip, plural

    assert [plural(n, "mention") for n in (0, 1, 2)] == ["0 mentions", "1 mention", "2 mentions"]
    assert plural(1, "source") == "1 source"
    assert clip("une voie diplomatique pour sortir", 18) == "une voie …"
    assert clip("court", 18) == "court"


async def test_entity_view_names_an_unreadable_article_and_lists_the_rest(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        info = app.main.corpus.entity("Joe Biden")
        damaged = next(a for a in sorted(info.articles) if a != app.main.current_id)  # not read yet
        (seed_store_path.parent / f"{seed_store_path.name}.articles" / f"{damaged}.json").write_text("{", encoding="utf-8")
        app.main.post_message(EntityChosen("Joe Biden"))
        await pilot.pause(0.2)
        assert isinstance(app.screen, EntityScreen) and app.is_running
        assert damaged in str(app.screen.summary)
        heading = next(i for i, (label, _) in enumerate(app.screen.rows) if str(label).startswith("Mentions"))
        mentions = [target for _, target in app.screen.rows[heading + 1:]]
        assert mentions and damaged not in {t.article_id for t in mentions}
