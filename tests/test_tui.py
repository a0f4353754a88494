"""The app driven by keys, as a user would: each key and each pane on the seeds."""
from __future__ import annotations

from dataclasses import replace

import pytest

from store import Quote, Store
from store.export import french_date
from store.ordering import ordered
from tui.messages import JumpTo
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
        prompts = [option_text(sidebar.get_option_at_index(i)) for i in range(sidebar.option_count)]
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
        await pilot.press("2", "J")  # from the reader, J/K change the article
        assert app.main.current_id == ids[1]
        await pilot.press("K")
        assert app.main.current_id == ids[0]


async def test_in_the_reader_j_k_scroll_lines_and_enter_on_the_list_reads(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=(120, 24)) as pilot:
        await wait_loaded(pilot)
        reader = app.main.query_one(Reader)
        first = app.main.current_id
        await pilot.press("enter")  # Enter on the list: read it
        assert app.focused is reader and app.main.current_id == first
        await pilot.press("j", "j", "down")
        assert reader.scroll_y == 3 and app.main.current_id == first
        await pilot.press("k", "up")
        assert reader.scroll_y == 1 and app.main.current_id == first
        await pilot.press("J")
        assert app.main.current_id != first and reader.scroll_y == 0


async def test_read_state_n_p_and_persistence(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        ids = app.main.query_one(ArticleList).ids
        assert ids[0] not in app.main.corpus.read_ids  # launching marks nothing read
        await pilot.press("j", "j", "g")  # going to an article marks it read: 1, 2, then 0
        await pilot.press("n")  # next unread after the first is the fourth
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


@pytest.mark.parametrize("back", ["b", "g"])  # b pages up; g on the shown (first) article goes back to its top
async def test_space_pages_the_reader_and_b_or_g_come_back_to_the_top(seed_store_path, back):
    app = make_app(seed_store_path)
    async with app.run_test(size=(120, 24)) as pilot:
        await wait_loaded(pilot)
        reader = app.main.query_one(Reader)
        await pilot.press("space")
        await pilot.pause(0.2)
        assert reader.scroll_y > 0
        await pilot.press(back)
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
        while app.main.current_id == first:  # n goes through the article's occurrences, then to the next article
            await pilot.press("n")
        assert app.main.current_id in matches
        await pilot.press("N")  # back to the last occurrence of the first article
        assert app.main.current_id == first
        assert app.main.query_one(Reader).target is not None  # the match is highlighted
        await pilot.press("escape")
        assert app.main.matches == []


async def test_enter_on_entity_lists_its_quotes_and_jumps(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        sidebar = app.main.query_one(EntitySidebar)
        # An article naming Peskov (the list is newest first: the first one may not).
        app.main.current_id = next(a.id for a in app.library.articles if any(e.name.endswith("Peskov") for e in a.entities))
        await pilot.pause()
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


# --- the article list and the screen never re-select each other's row (no feedback loop) ---------------
async def _settled(pilot) -> None:
    """Let queued messages run: a feedback loop between list and screen would never settle."""
    for _ in range(5):
        await pilot.pause()


@pytest.mark.parametrize("row", [0, 1, 2, 4])
async def test_filter_to_a_day_and_clear_from_any_row(seed_store_path, row):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        ids = app.main.query_one(ArticleList).ids
        for _ in range(row):
            await pilot.press("j")
        chosen = app.main.current_id
        assert chosen == ids[row]
        await pilot.press("4", "enter")  # filter to the day the timeline shows for this article
        await _settled(pilot)
        day = app.main.day_filter
        listed = app.main.query_one(ArticleList).ids
        # the day's articles, in the list's order (newest first unless O changed it)
        assert day is not None and listed == [a.id for a in ordered(app.main.corpus.articles_on(day), app.main.order)]
        assert app.main.current_id in listed
        assert app.main.query_one(ArticleList).current_id == app.main.current_id
        await pilot.press("1", "G")  # another row of the filtered list, then clear from it
        here = app.main.current_id
        await pilot.press("escape")
        await _settled(pilot)
        assert app.main.day_filter is None
        assert app.main.query_one(ArticleList).ids == ids
        assert app.main.current_id == here and app.main.query_one(ArticleList).current_id == here
        await pilot.press("j")  # still answers keys
        assert app.main.current_id == ids[min(ids.index(here) + 1, len(ids) - 1)]


async def test_opening_an_article_outside_the_day_filter_clears_it(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j", "4", "enter")
        await _settled(pilot)
        listed = set(app.main.query_one(ArticleList).ids)
        outside = next(a.id for a in app.main.corpus.articles if a.id not in listed)
        app.main.post_message(JumpTo(outside, 0, 0))  # what the palette's "Article: …" entry posts
        await _settled(pilot)
        assert app.main.day_filter is None
        assert app.main.current_id == outside
        assert app.main.query_one(ArticleList).current_id == outside
        assert app.main.query_one(Reader).article.id == outside


def option_text(option) -> str:
    """The words of an option list row, whether its prompt is one Text or a group of them."""
    prompt = option.prompt
    return " ".join(str(part) for part in getattr(prompt, "renderables", [prompt]))


async def test_j_in_the_entity_sidebar_moves_in_the_list_not_the_article(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        sidebar = app.main.query_one(EntitySidebar)
        first = app.main.current_id
        await pilot.press("3")
        before = sidebar.highlighted
        await pilot.press("j")
        assert app.main.current_id == first
        assert sidebar.highlighted is not None and sidebar.highlighted > before
        await pilot.press("k")
        assert sidebar.highlighted == before


async def test_sidebar_keeps_its_highlight_on_the_same_entity_across_articles(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        sidebar = app.main.query_one(EntitySidebar)
        ids = app.main.query_one(ArticleList).ids
        names_of = {i: {e.name for e in app.main.corpus.by_id[i].entities} for i in ids}
        # an entity of the first article that another article also names, not at the same position
        shared = next(
            (name, other) for other in ids[1:] for name in sorted(names_of[ids[0]] & names_of[other])
        )
        index = next(i for i in range(sidebar.option_count) if (sidebar.get_option_at_index(i).id or "").endswith(":" + shared[0]))
        sidebar.highlighted = index
        app.main.current_id = shared[1]
        await pilot.pause()
        assert sidebar.highlighted_option.id.endswith(":" + shared[0])
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, JumpListScreen) and app.screen.heading == shared[0]


async def test_role_lines_are_indented_under_their_entity(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        sidebar = app.main.query_one(EntitySidebar)
        with_roles = [o for o in (sidebar.get_option_at_index(i) for i in range(sidebar.option_count)) if hasattr(o.prompt, "renderables")]
        assert with_roles
        for option in with_roles:
            name, role = option.prompt.renderables
            assert role.left == 2  # the whole role is indented, wrapped lines too


async def test_launch_marks_nothing_read_and_m_survives_redisplay(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        ids = app.main.query_one(ArticleList).ids
        assert app.main.corpus.read_ids == set()  # nobody has read the top article yet
        await pilot.press("j")
        assert ids[1] in app.main.corpus.read_ids
        await pilot.press("m")
        assert ids[1] not in app.main.corpus.read_ids
        await pilot.press("escape", "4", "enter", "escape", "right_square_bracket")  # re-displays of the same article
        await pilot.pause()
        assert app.main.current_id == ids[1]
        assert ids[1] not in app.main.corpus.read_ids
        await app.workers.wait_for_complete()
    with Store(seed_store_path) as store:
        assert store.read_ids() == set()


async def test_a_search_without_result_leaves_n_to_unread(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        ids = app.main.query_one(ArticleList).ids
        await pilot.press("slash", *"xyzzy", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.main.query_text == "" and app.main.matches == []
        await pilot.press("n")
        assert app.main.current_id == ids[1]  # the next unread article, not "no further match"


async def test_reader_titles_an_untitled_article_as_the_list_does(seed_store_path):
    from tui.widgets.article_list import article_label

    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        untitled = next(a for a in app.main.corpus.articles if not a.title)
        app.main.current_id = untitled.id
        await pilot.pause()
        assert app.main.query_one(Reader).heading == article_label(untitled)


# --- hostile input: names and text from outside are data, never markup or terminal escapes -------------
HOSTILE_NAME = "evil\x1b]2;pwned\x07\x1b[41m[/x].txt"
HOSTILE_TEXT = (
    "[DIRECT] Kiev [/x] sous tension [link=https://x]clic[/link]\n\n"
    "Vladimir Poutine a déclaré jeudi 30 décembre 2021 : « Nous ne voulons pas la guerre [/x]. »\n"
)


def screen_text(app) -> str:
    return "\n".join("".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips())


@pytest.fixture
def hostile_store_path(tmp_path, parse, seed_articles):
    path = tmp_path / "hostile" / "store.json"
    path.parent.mkdir()
    with Store(path) as store:
        store.add_articles([parse(HOSTILE_TEXT, HOSTILE_NAME), *seed_articles[:1]])
    return path


async def test_hostile_names_and_markup_are_shown_as_text(hostile_store_path):
    app = make_app(hostile_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        hostile = next(a for a in app.main.corpus.articles if a.file == HOSTILE_NAME)
        app.main.current_id = hostile.id
        await pilot.pause()
        shown = screen_text(app)
        assert "\x1b" not in shown and "\x07" not in shown
        assert "[DIRECT] Kiev [/x]" in shown  # the prefix and the brackets stay, literally
        assert "\\x1b]2;pwned" in shown  # the escape is drawn as a visible escape
        await pilot.press("slash", *"[/x] zzz", "enter")  # no match: the toast quotes the query
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.main.query_text == ""


async def test_a_damaged_article_file_does_not_end_search_or_reading(seed_store_path):
    with Store(seed_store_path) as store:
        ids = [a.id for a in store.summaries()]
        victim = next(i for i in ids if "Genève" in store.searchable_text(i))
        body = store._body_path(victim)
    body.write_text(body.read_text()[:40])  # truncated mid-file
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"Genève", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.main.matches
        app.main.current_id = victim  # opening it says what is wrong, the app goes on
        await pilot.pause()
        assert app.is_running
        assert any(str(body) in str(n.message) for n in app._notifications)
        await pilot.press("J")
        assert app.is_running


async def test_a_store_that_cannot_be_written_fails_softly(seed_store_path, monkeypatch):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)

        def disk_full(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(app.main.library.store, "mark_read", disk_full)
        await pilot.press("j")  # moving marks read: the write fails
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert any("could not be saved" in str(n.message) for n in app._notifications)
        await pilot.press("j")
        assert app.main.current_id == app.main.query_one(ArticleList).ids[2]


async def test_a_failing_worker_shows_an_error_and_the_app_keeps_running(seed_store_path, monkeypatch):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)

        def broken(query):
            raise RuntimeError("index [/x] broken")

        monkeypatch.setattr(app.main.library, "search", broken)
        await pilot.press("slash", *"Genève", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert any("Search failed" in str(n.message) for n in app._notifications)


# --- the reader: one widget, the article's own words, speakers and dates on demand ---------------------
async def test_the_reader_is_one_widget_that_keeps_the_articles_words(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        reader = app.main.query_one(Reader)
        assert not reader.children  # lines drawn from a cache, no widget per paragraph
        article = reader.article
        shown = " ".join(reader.visible_text().split())
        first = article.paragraphs[1 if article.has_title_paragraph else 0]
        assert " ".join(first.split()) in shown  # no speaker name or date spliced into the sentence
        assert "‹" not in shown and " — " not in shown
        await pilot.press("d")  # dates inline on demand
        dated = next(e for e in article.events if reader.line_of(e.start) < reader.line_count)
        reader.scroll_to(y=reader.line_of(dated.start), animate=False, immediate=True)
        await pilot.pause()
        assert f"‹{dated.date}›" in reader.visible_text()
        await pilot.press("d")
        assert "‹" not in reader.visible_text()


async def test_the_speaker_of_the_current_quote_is_shown_under_the_text(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        reader = app.main.query_one(Reader)
        await pilot.press("right_square_bracket", "right_square_bracket")
        quote = reader.current_quote()
        assert quote is not None and quote.speaker
        subtitle = str(reader.border_subtitle)
        assert quote.speaker in subtitle and subtitle.startswith("quote 2/")


def test_a_quote_without_speaker_says_so_or_names_the_likely_one():
    from tui.widgets.reader import speaker_phrase

    quote = Quote("Nous verrons.", 0, 13, None, None)
    assert speaker_phrase(quote) == "?"
    assert speaker_phrase(replace(quote, candidate="Jen Psaki", confidence=0.3)) == "? (perhaps Jen Psaki) · 30% sure"
    assert speaker_phrase(replace(quote, speaker="Jen Psaki", confidence=0.9)) == "Jen Psaki"
    assert speaker_phrase(replace(quote, speaker="Jen Psaki", confidence=0.0)) == "Jen Psaki"  # not recorded


async def test_search_highlights_the_word_found_after_an_ellipsis(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"craintes", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.main.query_one(Reader)
        body = reader.article.body
        assert "…" in body[: reader.target[0]]
        assert body[reader.target[0] : reader.target[1]].lower() == "craintes"
        top = int(reader.scroll_y)
        assert top <= reader.line_of(reader.target[0]) < top + reader.scrollable_content_region.height


async def test_search_finds_every_spelling_of_a_name(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        zelensky = app.main.library.entity("Volodymyr Zelensky")
        assert len(zelensky.aliases) > 1
        await pilot.press("slash", *"zelensky", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert set(app.main.matches) == set(zelensky.articles)


async def test_back_and_forward_after_a_jump(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot)
        reader = app.main.query_one(Reader)
        await pilot.press("2", "space")
        start, scrolled = app.main.current_id, reader.scroll_y
        far = app.main.corpus.articles[-1]
        quote = next(q for q in far.quotes)
        app.main.post_message(JumpTo(far.id, quote.start, quote.end))
        await pilot.pause()
        assert app.main.current_id == far.id and reader.target == (quote.start, quote.end)
        await pilot.press("backspace")
        assert app.main.current_id == start and reader.scroll_y == scrolled
        await pilot.press("alt+right")
        assert app.main.current_id == far.id and reader.target == (quote.start, quote.end)


async def test_jumps_bring_the_span_into_view(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=(120, 24)) as pilot:
        await wait_loaded(pilot)
        reader = app.main.query_one(Reader)
        article = app.main.corpus.articles[-1]
        last = article.quotes[-1]
        app.main.post_message(JumpTo(article.id, last.start, last.end))
        await pilot.pause()
        top = int(reader.scroll_y)
        assert top > 0 and top <= reader.line_of(last.start) < top + reader.scrollable_content_region.height


# --- fitting the terminal ----------------------------------------------------------------------------
async def test_at_80x24_the_reader_gets_the_room_and_help_and_quit_stay_in_the_footer(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        sidebar, timeline = main.query_one(EntitySidebar), main.query_one(TimelineStrip)
        reader, articles = main.query_one(Reader), main.query_one(ArticleList)
        assert not sidebar.display and not timeline.display
        assert reader.size.width > articles.size.width
        footer = screen_text(app).splitlines()[-1]
        assert "? Help" in footer and "q Quit" in footer
        await pilot.press("E")  # the sidebar on demand
        assert sidebar.display
        await pilot.press("E", "4")  # a pane's number brings it back too
        assert timeline.display and app.focused is timeline
        await pilot.press("2", "z")  # zoom the reader
        await pilot.pause()
        assert main.maximized is reader and reader.outer_size.width == 80
        await pilot.press("z")
        await pilot.pause()
        assert main.maximized is None
        await pilot.press("1", "z")  # any pane, whatever its width in the layout
        await pilot.pause()
        assert main.maximized is articles and articles.outer_size.width == 80


async def test_wide_terminals_show_every_pane(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert app.main.query_one(EntitySidebar).display and app.main.query_one(TimelineStrip).display
        await pilot.press("T")
        assert not app.main.query_one(TimelineStrip).display


async def test_the_timeline_strip_fills_its_width_names_every_month_and_tells_the_day(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        timeline = app.main.query_one(TimelineStrip)
        bars, months, day_line = timeline.render().plain.split("\n")
        width = timeline.size.width
        assert len(bars) > width * 0.8  # days scaled to the width, not one cell each
        spanned = {(d.year, d.month) for d in timeline.days}
        assert len(spanned) >= 2 and len(months.split()) >= len(spanned)  # every month named
        await pilot.press("4", "shift+right")
        day = timeline.cursor_day
        bars, months, day_line = timeline.render().plain.split("\n")
        events = app.main.library.events_on(day)
        assert day in day_line and events[0][0].sentence[:20] in day_line


async def test_a_read_only_store_opens_and_says_why_m_cannot_change(seed_store_path):
    with Store(seed_store_path):  # another instance holds the store
        app = make_app(seed_store_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_loaded(pilot)
            assert app.main.library.read_only
            assert "read-only" in screen_text(app).splitlines()[0]
            assert any("Opened read-only" in str(n.message) for n in app._notifications)
            await pilot.press("j", "m")  # moving would mark read: nothing is written, nothing breaks
            await pilot.pause()
            assert app.is_running and app.main.current_id == app.main.query_one(ArticleList).ids[1]
            assert any("Read-only" in str(n.message) for n in app._notifications)


async def test_a_read_only_instance_becomes_the_writer_when_the_other_closes(seed_store_path, monkeypatch):
    monkeypatch.setattr("tui.app.WRITER_CHECK_SECONDS", 0.1)
    other = Store(seed_store_path)  # another instance holds the store
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j")
        reading = app.main.current_id
        assert app.main.library.read_only
        other.close()
        for _ in range(100):
            await pilot.pause(0.05)
            if not app.main.library.read_only:
                break
        assert not app.main.library.read_only and "read-only" not in screen_text(app).splitlines()[0]
        assert app.main.current_id == reading  # still on the article being read
        was_read = app.main.library.is_read(reading)
        await pilot.press("m")  # and the read state can change now
        await app.workers.wait_for_complete()
        assert app.main.library.is_read(reading) is not was_read


async def test_with_dates_shown_a_highlight_still_covers_its_words(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        reader = app.main.query_one(Reader)
        # a quote with a dated expression before it in the same paragraph: its label shifts the quote right
        found = next(
            (article, quote)
            for article in app.main.corpus.articles
            for quote in article.quotes
            if any(e.end <= quote.start and e.start >= quote.start - 300 for e in article.events)
        )
        app.main.post_message(JumpTo(found[0].id, found[1].start, found[1].end))
        await pilot.press("d")
        await pilot.pause()
        line = reader._lines[reader.line_of(found[1].start)]
        text = reader._highlighted(line)
        marked = "".join(
            text.plain[span.start : span.end] for span in text.spans if "reverse" in str(span.style)
        )
        assert marked and found[1].text.startswith(marked.strip("«»\" "))
