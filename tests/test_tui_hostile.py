"""Hostile input through the app (reliability review 2026-12): typed or outside text in titles and
toasts is shown literally, damaged files give a message and never end the session."""
from __future__ import annotations

from textual.widgets import OptionList

from tui.screens.who_said import WhoSaidScreen

from tui_helpers import make_app, wait_loaded

BIG = (160, 48)


def quotes_title(screen) -> str:
    """The quotes pane's title as drawn (the `border_title` getter gives it back as markup)."""
    return screen.query_one("#speaker-quotes", OptionList)._border_title.plain


async def test_markup_typed_in_who_said_filter_is_shown_literally(seed_store_path):
    """#3: `[/` typed in the filter went into the quotes pane's border title as markup."""
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WhoSaidScreen)
        await pilot.press("[", "/")
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert "[/" in quotes_title(screen)
        for _ in range(2):
            await pilot.press("backspace")
        await pilot.press(*"[bold]Biden")
        await pilot.pause()
        await pilot.pause()
        assert "[bold]Biden" in quotes_title(screen)
        app.export_screenshot()  # drawing the titles must not raise either
        assert app.is_running


async def test_d_with_dates_past_the_calendar_says_so_and_the_app_goes_on(seed_store_path):
    """#34: `0000-01`, `0001-01-01`, `9999-12-31` (on an article naming a weekday to come) ended the
    app; full-width digits are read as digits."""
    from tui.screens.set_date import SetDateScreen
    from tui.widgets.article_list import ArticleList

    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        target = next(a.id for a in app.main.library.articles if a.file.startswith("004_"))
        await pilot.press("g")
        while app.main.current_id != target:
            await pilot.press("j")
        for value in ("0000-01", "0001-01-01", "9999-12-31"):
            await pilot.press("D", "ctrl+a", "ctrl+k", *value, "enter")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, SetDateScreen)  # the modal says why and stays
            assert "not a date" in str(app.screen.query_one("#set-date-help").render())
            await pilot.press("escape")
        await pilot.press("D", "ctrl+a", "ctrl+k", *"２０２２-０１", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.main.library.summary(target).published == "2022-01"
        assert str(app.main.query_one(ArticleList).get_cell(target, "date")) == "2022-01"


async def test_article_files_that_are_devices_fifos_huge_or_another_article_never_stop_the_app(seed_store_path):
    """#40, #42: /dev/zero crashed the app at launch, a FIFO froze it, a sparse 2 GB file filled the
    memory, another article's file showed the wrong article without a word."""
    import asyncio

    from test_hostile_store import _spoil_bodies

    spoilt = _spoil_bodies(seed_store_path)
    # The search index rebuilt at open from the article files: every one of them is read.
    seed_store_path.with_name(seed_store_path.name + ".index").unlink(missing_ok=True)
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await asyncio.wait_for(wait_loaded(pilot), 60)
        toasts: list[str] = []
        for _ in range(len(app.main.library.articles)):
            await pilot.press("J")
            await pilot.pause()
            toasts += [str(n.message) for n in app._notifications]
        assert app.is_running
        other = [*spoilt][3]
        assert any(other in t and "another article" in t for t in toasts)
        assert any("not a regular file" in t for t in toasts) and any("too large" in t for t in toasts)


async def test_a_damaged_read_state_is_set_aside_with_a_message_and_an_earlier_damage_is_kept(seed_store_path):
    """#15: the app said nothing, and a second damage replaced the first `.damaged` copy."""
    read_state = seed_store_path.with_name(seed_store_path.name + ".read.json")
    damaged = read_state.with_name(read_state.name + ".damaged")
    for garbage in (b"{garbage", b""):
        read_state.write_bytes(garbage)
        app = make_app(seed_store_path)
        async with app.run_test(size=BIG) as pilot:
            await wait_loaded(pilot)
            await pilot.pause()
            toasts = [str(n.message) for n in app._notifications]
            assert any("read-state file is damaged" in t and "kept as" in t for t in toasts), toasts
    assert damaged.read_bytes() == b"{garbage"
    assert damaged.with_name(damaged.name + ".2").read_bytes() == b""


async def test_a_search_before_the_store_has_opened_says_so(seed_store_path, monkeypatch):
    """Review note: an empty "Search failed: " toast."""
    import threading

    from store import Library

    opened, real = threading.Event(), Library.open.__func__

    def slow_open(cls, *args, **kwargs):
        opened.wait(20)
        return real(cls, *args, **kwargs)

    monkeypatch.setattr(Library, "open", classmethod(slow_open))
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("slash", *"biden", "enter")
        await pilot.pause()
        toasts = [str(n.message) for n in app._notifications]
        opened.set()
        assert app.is_running and any("still opening" in t for t in toasts), toasts
        assert not any(t.strip().endswith("failed:") for t in toasts)
        await wait_loaded(pilot)
