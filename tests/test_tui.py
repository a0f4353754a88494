"""The app driven by keys, as a user would: each key and each pane on the seeds."""
from __future__ import annotations


from store import Store
from store.export import french_date
from tui.screens.jump_list import JumpListScreen
from tui.screens.who_said import WhoSaidScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.reader import Reader
from tui.widgets.timeline_strip import TimelineStrip

from tui_helpers import make_app, wait_loaded

SIZE = (160, 48)


async def test_four_panes_show_the_seeds(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        articles = app.main.query_one(ArticleList)
        assert articles.row_count == 5
        reader = app.main.query_one(Reader)
        assert reader.article is not None and reader.article.id == articles.current_id
        sidebar = app.main.query_one(EntitySidebar)
        prompts = [str(sidebar.get_option_at_index(i).prompt) for i in range(sidebar.option_count)]
        assert "People" in prompts[0]
        assert any("Joe Biden" in p for p in prompts)
        timeline = app.main.query_one(TimelineStrip)
        assert timeline.days and timeline.counts


async def test_j_k_g_G_move_between_articles_and_reader_follows(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        ids = app.main.query_one(ArticleList).ids
        reader = app.main.query_one(Reader)
        await pilot.press("j")
        assert app.main.current_id == ids[1] and reader.article.id == ids[1]
        await pilot.press("down")
        assert app.main.current_id == ids[2]
        await pilot.press("k", "up")
        assert app.main.current_id == ids[0]
        await pilot.press("G")
        assert app.main.current_id == ids[-1]
        await pilot.press("g")
        assert app.main.current_id == ids[0]
        await pilot.press("2", "j")  # from the reader too
        assert app.main.current_id == ids[1]


async def test_read_state_n_p_and_persistence(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        ids = app.main.query_one(ArticleList).ids
        assert ids[0] in app.main.corpus.read_ids  # opening marks read
        await pilot.press("j", "j")  # read 0, 1, 2
        await pilot.press("g", "n")  # next unread after the first is the fourth
        assert app.main.current_id == ids[3]
        await pilot.press("m")  # mark it unread again
        await pilot.press("G", "p")
        assert app.main.current_id == ids[3]
        await app.workers.wait_for_complete()
    with Store(seed_store_path) as store:
        assert set(ids[:3]) <= store.read_ids()


async def test_tab_and_digits_focus_panes(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        for key, pane in (("2", "reader"), ("3", "entities"), ("4", "timeline"), ("1", "articles")):
            await pilot.press(key)
            assert app.focused.id == pane
        await pilot.press("tab")
        assert app.focused.id == "reader"
        await pilot.press("shift+tab")
        assert app.focused.id == "articles"


async def test_space_and_b_page_the_reader(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=(120, 24)) as pilot:
        await wait_loaded(pilot)
        reader = app.main.query_one(Reader)
        await pilot.press("space")
        await pilot.pause(0.2)
        assert reader.scroll_y > 0
        await pilot.press("b")
        await pilot.pause(0.2)
        assert reader.scroll_y == 0


async def test_search_is_accent_and_case_insensitive_with_n_N(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        await pilot.press(*"GENEVE")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        matches = app.main.matches
        assert len(matches) >= 2  # "Genève" is in several seeds
        assert app.main.current_id == matches[0] or app.main.current_id in matches
        first = app.main.current_id
        await pilot.press("n")
        assert app.main.current_id in matches and app.main.current_id != first
        await pilot.press("N")
        assert app.main.current_id == first
        assert app.main.query_one(Reader).target is not None  # the match is highlighted
        await pilot.press("escape")
        assert app.main.matches == []


async def test_enter_on_entity_lists_its_quotes_and_jumps(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        sidebar = app.main.query_one(EntitySidebar)
        await pilot.press("3")
        index = next(i for i in range(sidebar.option_count) if (sidebar.get_option_at_index(i).id or "").endswith("Peskov"))
        sidebar.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, JumpListScreen)
        assert "Dmitri Peskov" in app.screen.heading
        await pilot.press("down", "enter")  # the first quote
        await pilot.pause()
        reader = app.main.query_one(Reader)
        assert reader.target is not None
        quote = reader.current_quote()
        assert quote is not None and quote.speaker == "Dmitri Peskov"


async def test_who_said_what_view_filters_and_jumps(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WhoSaidScreen)
        speakers = app.screen.query_one("#speakers")
        assert speakers.option_count > 3
        await pilot.press(*"dialogue")  # typing goes to the filter box from anywhere on the screen
        await pilot.pause()
        rows = app.screen.rows
        assert rows and all("dialogue" in str(label).lower() for label, _ in rows)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.screen is app.main
        assert "dialogue" in app.main.query_one(Reader).current_quote().text.lower()


async def test_quote_stepping_and_copy(seed_store_path, monkeypatch):
    app = make_app(seed_store_path)
    copied = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        reader = app.main.query_one(Reader)
        await pilot.press("right_square_bracket")
        first = reader.current_quote()
        await pilot.press("right_square_bracket")
        second = reader.current_quote()
        assert first is not None and second is not None and second.start > first.start
        await pilot.press("y")
        assert copied and copied[0].startswith(f"« {second.text} » — ")
        assert french_date(reader.article.published) in copied[0]


async def test_timeline_strip_filters_by_day_and_list_jumps(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        timeline = app.main.query_one(TimelineStrip)
        await pilot.press("4")
        await pilot.press("shift+right")
        day = timeline.cursor_day
        assert timeline.counts.get(day)
        await pilot.press("enter")
        assert app.main.day_filter == day
        listed = app.main.query_one(ArticleList).ids
        assert listed and all(a.id in listed for a in app.main.corpus.articles_on(day))
        assert len(listed) < 5
        await pilot.press("escape")
        assert app.main.day_filter is None
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, JumpListScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.main and app.main.query_one(Reader).target is not None


async def test_entity_scope_toggles_to_corpus(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        sidebar = app.main.query_one(EntitySidebar)
        assert "this article" in sidebar.border_title
        await pilot.press("e")
        assert "corpus" in sidebar.border_title


async def test_first_launch_ingests_seeds_with_progress(tmp_path):
    from store import bundled_seeds_dir

    app = make_app(tmp_path / "fresh.json", bundled_seeds_dir())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from textual.widgets import Static

        status = str(app.main.query_one("#status", Static).render())
        assert "ukr-tui" in status or "Opening" in status or "importing" in status
        await wait_loaded(pilot, timeout=120)
        assert len(app.main.corpus.articles) == 5


async def test_palette_finds_views_and_entities_by_alias(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Zelenskiy")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, JumpListScreen)
        assert app.screen.heading == "Volodymyr Zelensky"  # found by an alias, shown by its canonical name
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"who said")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, WhoSaidScreen)


async def test_timeline_cursor_follows_the_article(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        timeline = app.main.query_one(TimelineStrip)
        article = app.main.corpus.by_id[app.main.current_id]
        assert timeline.cursor_day in {e.date for e in article.events}
