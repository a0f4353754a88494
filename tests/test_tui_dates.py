"""Setting an article's publication date in the app: durable, marked as the user's, undoable."""
from __future__ import annotations

from store import Store
from tui.screens.set_date import SetDateScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader
from tui.widgets.timeline_strip import TimelineStrip

from tui_helpers import make_app, wait_loaded

SIZE = (160, 48)


def cell_text(articles: ArticleList, article_id: str, column: str) -> str:
    return str(articles.get_cell(article_id, column))


async def go_to(pilot, file_prefix: str) -> str:
    articles = pilot.app.main.query_one(ArticleList)
    target = next(a.id for a in pilot.app.main.library.articles if a.file.startswith(file_prefix))
    await pilot.press("g")
    while pilot.app.main.current_id != target:
        await pilot.press("j")
    assert articles.current_id == target
    return target


async def test_d_sets_the_date_the_weekdays_follow_and_it_survives_a_relaunch(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        article_id = await go_to(pilot, "001_")  # says "samedi" and never which day it is
        assert app.main.library.summary(article_id).published is None
        await pilot.press("D")
        assert isinstance(app.screen, SetDateScreen)
        await pilot.press(*"hier", "enter")  # not a date: the screen says so and stays
        assert isinstance(app.screen, SetDateScreen)
        await pilot.press("ctrl+a", "ctrl+k", *"2022-02-12", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        articles = app.main.query_one(ArticleList)
        assert cell_text(articles, article_id, "date") == "2022-02-12"
        reader = app.main.query_one(Reader)
        assert (reader.article.published, reader.article.published_basis) == ("2022-02-12", "user")
        assert "2022-02-12" in app.main.query_one(TimelineStrip).counts  # "samedi" is now on the strip
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        summary = app.main.library.summary(article_id)
        assert (summary.published, summary.published_basis) == ("2022-02-12", "user")
        assert {e.date for e in summary.events if e.expression == "samedi"} == {"2022-02-12"}
        await go_to(pilot, "001_")
        await pilot.press("D", "ctrl+a", "ctrl+k", "enter")  # empty: put back the date before
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert cell_text(app.main.query_one(ArticleList), article_id, "date") == "—"
    with Store(seed_store_path) as store:
        assert next(a for a in store.summaries() if a.id == article_id).published is None


async def test_an_inferred_date_is_marked_in_the_list(seed_store_path):
    from store.records import BASIS_CORPUS

    with Store(seed_store_path) as store:
        article = next(a for a in store.summaries() if a.file.startswith("000_"))
        full = store.load_article(article.id)
        full.published, full.published_basis, full.published_precision = "2021-12-30", BASIS_CORPUS, "day"
        store.update_articles([full])
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert cell_text(app.main.query_one(ArticleList), article.id, "date") == "≈2021-12-30"


async def test_a_store_held_by_another_instance_opens_read_only_and_says_so(seed_store_path):
    with Store(seed_store_path):  # another ukr-tui writing
        app = make_app(seed_store_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_loaded(pilot)
            assert app.main.library.read_only
            await pilot.press("D")  # setting a date needs the store: refused, nothing opens
            assert not isinstance(app.screen, SetDateScreen)


async def test_the_list_shows_the_outlet_when_articles_name_one(seed_store_path, seed_articles):
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert "source" not in app.main.query_one(ArticleList).columns  # no outlet known: no column of dashes
    named = seed_articles[0]
    with Store(seed_store_path) as store:
        article = store.load_article(named.id)
        article.outlet = "Le Courrier \x1b[41m"
        store.update_articles([article])
    app = make_app(seed_store_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        articles = app.main.query_one(ArticleList)
        assert cell_text(articles, named.id, "source") == "Le Courrier \\x"  # escapes shown, cut to the column
        other = next(a.id for a in app.main.library.articles if a.id != named.id)
        assert cell_text(articles, other, "source") == "—"
