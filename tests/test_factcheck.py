"""Issue 18, a fact-checker's day: the bugs of the December review, export, doubt shown wherever a
quote leaves the reader, corrected and checked speakers, list controls."""
from __future__ import annotations

from textual.widgets import Input, OptionList

from tui.screens.who_said import WhoSaidScreen
from tui.widgets.reader import Reader

from tui_helpers import make_app, wait_loaded

BIG, SMALL = (160, 48), (80, 24)


async def open_who_said(pilot) -> WhoSaidScreen:
    await wait_loaded(pilot)
    await pilot.press("w")
    await pilot.pause()
    assert isinstance(pilot.app.screen, WhoSaidScreen)
    return pilot.app.screen


async def test_tab_moves_between_the_filter_and_the_panes_of_who_said_what(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_who_said(pilot)
        assert screen.focused is screen.query_one("#speakers", OptionList)
        await pilot.press("tab")
        assert screen.focused is screen.query_one("#speaker-quotes", OptionList)
        await pilot.press("tab")
        assert screen.focused is screen.query_one("#who-said-filter", Input)
        await pilot.press("tab")
        assert screen.focused is screen.query_one("#speakers", OptionList)


async def test_quote_rows_keep_their_words_in_the_theme_colour_so_the_highlight_stays_readable(seed_store_path):
    from rich.style import Style

    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_who_said(pilot)
        assert screen.rows
        for label, _ in screen.rows:
            start = label.plain.index("«") + 2
            colours = [Style.parse(str(span.style)).color for span in label.spans
                       if span.start <= start < span.end]
            assert not any(colours), label.plain  # a blue speaker on the blue cursor row was unreadable
            assert any("●" in label.plain[span.start:span.end] and Style.parse(str(span.style)).color
                       for span in label.spans)  # the speaker's colour moves to a mark


async def test_after_scrolling_away_the_next_quote_is_the_first_on_screen(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        await pilot.press("G", "2")  # the last seed, with 17 quotes
        reader = app.main.query_one(Reader)
        quotes = reader.direct_quotes()
        assert len(quotes) > 5
        for _ in quotes:
            await pilot.press("right_square_bracket")
        assert reader.current_quote() == quotes[-1]
        await pilot.press("home")
        await pilot.press("right_square_bracket")
        assert reader.current_quote() == quotes[0]  # not back to the bottom
        await pilot.press("right_square_bracket")
        assert reader.current_quote() == quotes[1]
        await pilot.press("end", "left_square_bracket")
        assert reader.current_quote() == quotes[-1]  # the last on screen at the bottom


def test_quotes_speaker_takes_a_role_as_who_said_what_does(seed_store_path, capfd):
    from tui.cli import main

    assert main(["quotes", "--speaker", "porte-parole du Kremlin", "--db", str(seed_store_path)]) == 0
    out = capfd.readouterr().out
    assert "Dmitri Peskov" in out and out.startswith("«")


def test_extract_names_a_file_by_the_path_given(tmp_path, capfd, monkeypatch):
    import json
    import shutil

    from tui.cli import main

    from conftest import SEEDS

    (tmp_path / "mine").mkdir()
    shutil.copy(SEEDS / "002_e2564a49729ad7c8.txt", tmp_path / "mine" / "02_moscou.txt")
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "mine/02_moscou.txt"]) == 0
    assert json.loads(capfd.readouterr().out)["file"] == "mine/02_moscou.txt"


def test_a_folder_import_leaves_notes_in_markdown_out(tmp_path):
    from store import expand_paths

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.txt"]


async def test_the_palette_lists_the_app_s_commands_before_textual_s(seed_store_path):
    from textual.command import CommandList

    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts[0].startswith("Who said what")
        quit_at = next(i for i, p in enumerate(prompts) if p.startswith("Quit"))
        last_article = max(i for i, p in enumerate(prompts) if p.startswith("Article:"))
        assert quit_at > last_article  # Textual's Keys, Maximize, Quit, Theme… come after the app's
        await pilot.press(*"theme")
        await pilot.pause(0.5)
        assert options.option_count and str(options.get_option_at_index(0).prompt).startswith("Theme")


async def test_help_from_who_said_what_does_not_offer_q_to_quit(seed_store_path):
    from tui.screens.help import HelpScreen

    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await open_who_said(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        anywhere = [(keys, does) for where, keys, does in app.screen.keys if where == "Anywhere"]
        assert ("q", "Quit") not in anywhere and any(keys == "ctrl+q" for keys, _ in anywhere)
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert any(keys == "q" and does.startswith("Quit") for _, keys, does in app.screen.keys)  # on the main screen q quits


async def test_backspace_with_no_history_says_so(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        await pilot.press("backspace")
        await pilot.pause()
        assert any("Nothing to go back to" in str(n.message) for n in app._notifications)


async def test_going_back_to_an_article_marked_unread_leaves_it_unread(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        main = app.main
        await pilot.press("j")
        first = main.current_id
        assert app.library.is_read(first)
        await pilot.press("m")  # unread again
        assert not app.library.is_read(first)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Timeline")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("G", "enter")  # a jump from the timeline list to another article
        await pilot.pause(0.3)
        if main.current_id == first:
            return  # the jump landed on the same article: nothing to test here
        await pilot.press("backspace")
        await pilot.pause()
        assert main.current_id == first
        assert not app.library.is_read(first)


def test_export_quotes_as_csv_jsonl_and_markdown_with_filters(seed_store_path, tmp_path, capfd):
    import csv
    import json

    from tui.cli import main

    out = tmp_path / "peskov.csv"
    assert main(["export", "quotes", "--speaker", "porte-parole du Kremlin", "-o", str(out), "--db", str(seed_store_path)]) == 0
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())  # a spreadsheet reads UTF-8 with a BOM
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert rows and all(r["speaker"] == "Dmitri Peskov" for r in rows)
    assert set(rows[0]) >= {"quote", "speaker", "confidence", "checked", "cue", "sentence", "title", "date", "date_basis",
                            "outlet", "url", "file"}
    assert all(r["quote"] in r["sentence"] for r in rows)  # the sentence around it
    capfd.readouterr()
    assert main(["export", "--format", "jsonl", "--words", "erreur colossale", "--db", str(seed_store_path)]) == 0
    records = [json.loads(line) for line in capfd.readouterr().out.splitlines()]
    assert [r["speaker"] for r in records] == ["Vladimir Poutine"]
    assert main(["export", "--format", "md", "--since", "2021-12-30", "--until", "2021-12-30",
                 "--db", str(seed_store_path)]) == 0
    md = capfd.readouterr().out
    assert md.startswith("- « ") and "2021-12-30" in md and "date unknown" not in md
    assert main(["export", "--since", "2030-01-01", "--db", str(seed_store_path)]) != 0  # nothing: said, not an empty file
    assert main(["export", "--since", "demain", "--db", str(seed_store_path)]) != 0


def test_exports_and_citations_mark_a_doubtful_speaker_and_a_reasoned_date(seed_store_path):
    from dataclasses import replace

    from store import Library
    from store.export import citation
    from store.quote_export import quote_rows, speaker_shown

    with Library.open(seed_store_path, writable=False) as library:
        ref = next(r for r in library.quotes() if r.speaker)
        unsure = replace(ref.quote, confidence=0.54)
        assert speaker_shown(unsure) == f"{ref.speaker} (54 %)"
        assert speaker_shown(replace(unsure, speaker=None, candidate="Joe Biden", confidence=0.4)) == "? (perhaps Joe Biden, 40 %)"
        reasoned = replace(ref.article, published="2021-12-30", published_basis="corpus")
        line = citation(reasoned, unsure)
        assert f"— {ref.speaker} (54 %)," in line and "≈30 décembre 2021" in line
        untitled = replace(ref.article, title=None, lead="Le président américain a reçu hier soir son homologue")
        assert "« Le président américain a reçu hier…" in citation(untitled, ref.quote)
        rows = quote_rows(library, [ref])
        assert rows[0]["speaker_shown"] in (ref.speaker, speaker_shown(ref.quote))


def test_quotes_lists_each_source_s_speaker_when_they_disagree(seed_store_path, capfd):
    from tui.cli import main

    assert main(["quotes", "--db", str(seed_store_path)]) == 0
    out = capfd.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(out) if line.startswith("«voie diplomatique»"))
    sources = [line for line in out[at + 1:] if line.startswith("    in ")][:2]
    assert len({line.rsplit(" — ", 1)[-1] for line in sources}) == 2, sources  # two speakers, one per source


async def test_s_in_the_reader_sets_a_speaker_that_who_said_what_and_a_relaunch_show(seed_store_path):
    from tui.screens.set_speaker import SetSpeakerScreen

    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        await pilot.press("2", "right_square_bracket")
        reader = app.main.query_one(Reader)
        quote = reader.current_quote()
        article_id = reader.article.id
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SetSpeakerScreen)
        await pilot.press(*"Anne Testeuse", "enter")
        await pilot.pause()
        now = reader.current_quote()
        assert now.speaker == "Anne Testeuse" and (now.start, now.end) == (quote.start, quote.end)
        assert "set by you" in str(reader.border_subtitle)
        await pilot.press("w")
        await pilot.pause()
        assert "Anne Testeuse" in [s.name for s in app.screen.listed if s is not None]
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:  # relaunched
        await wait_loaded(pilot)
        assert any(r.speaker == "Anne Testeuse" for r in app.library.quotes())
        assert app.library.speaker_check(article_id, next(
            q for q in app.library.article(article_id).quotes if q.start == quote.start)).corrected


async def test_why_then_s_marks_the_speaker_checked_and_the_why_panel_says_so(seed_store_path):
    from tui.screens.set_speaker import SetSpeakerScreen
    from tui.screens.why import WhyScreen

    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        await pilot.press("2", "right_square_bracket", "v")
        await pilot.pause()
        assert isinstance(app.screen, WhyScreen)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SetSpeakerScreen)
        await pilot.press("down", "enter")  # the first choice: it is right, mark it checked
        await pilot.pause()
        reader = app.main.query_one(Reader)
        assert "checked by you" in str(reader.border_subtitle)
        await pilot.press("v")
        await pilot.pause()
        from test_why import why_text

        assert "checked by you" in why_text(app.screen)


def test_the_why_panel_does_not_say_the_cue_names_an_unnamed_source_met_before(seed_store_path):
    from store import Library
    from tui.screens.why import chain_line

    with Library.open(seed_store_path, writable=False) as library:
        ref = next(r for r in library.quotes() if r.quote.text.startswith("aimerait voir les troupes"))
        article = library.article(ref.article.id)
        quote = next(q for q in article.quotes if q.start == ref.quote.start)
        said = chain_line(article, quote).plain
        assert "the cue's own words name the speaker" not in said  # « a précisé cette source »
        assert "refer back" in said and quote.speaker in said


async def test_f2_in_who_said_what_writes_the_result_to_the_file_shown(seed_store_path, tmp_path, monkeypatch):
    import csv

    from tui.screens.export import ExportScreen

    monkeypatch.chdir(tmp_path)
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_who_said(pilot)
        await pilot.press(*"Peskov")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.default == tmp_path / "quotes-peskov.csv"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        written = tmp_path / "quotes-peskov.csv"
        rows = list(csv.DictReader(written.read_text(encoding="utf-8-sig").splitlines()))
        assert len(rows) == sum(len(c.refs) for c in screen.claims_shown) and rows[0]["speaker"] == "Dmitri Peskov"
        assert any(str(written) in str(n.message) for n in app._notifications)  # the path is shown


async def test_f3_in_who_said_what_sets_the_speaker_and_the_lists_regroup(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_who_said(pilot)
        await pilot.press(*"Peskov")
        await pilot.pause()
        before = len(screen.claims_shown)
        await pilot.press("tab")  # to the quotes
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press(*"Jean Vérifié", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert len(screen.claims_shown) == before - 1  # Peskov has one quote fewer
        await pilot.press("escape")
        await pilot.press(*"Vérifié")
        await pilot.pause()
        assert "Jean Vérifié" in [s.name for s in screen.listed if s is not None]
        assert any("set by you" in label.plain for label, _ in screen.rows)


def test_wire_copy_takes_its_outlet_from_the_dateline(parse):
    from store.wire import wire_outlet

    assert wire_outlet("BRUXELLES, 3 février 2022 (AFP) - La ministre française") == "AFP"
    assert wire_outlet("MOSCOU (Reuters) – Le Kremlin a") == "Reuters"
    assert wire_outlet("PARIS, le 14 mars (ATS/AFP) — Les") == "ATS/AFP"
    assert wire_outlet("Le président (AFP) - a dit") is None  # not at a dateline
    assert wire_outlet("Vladimir Poutine | SPUTNIK / VIA AFP-JIJI") is None
    article = parse("Une réunion à Bruxelles\n\nBRUXELLES, 3 février 2022 (AFP) - La ministre française des Armées, "
                    "Claire Vasseur, a appelé jeudi à l'unité. « Nous sommes prêts », a-t-elle déclaré.\n")
    from store.pipeline import describe

    describe(article, None, None)
    assert article.outlet == "AFP"


async def test_the_list_is_newest_first_and_O_cycles_the_orders(seed_store_path):
    from store.ordering import OLDEST, OUTLET, TITLE
    from tui.widgets.article_list import ArticleList

    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        listed = app.main.query_one(ArticleList).ids
        dates = [app.library.summary(i).published for i in listed]
        dated = [d for d in dates if d]
        assert dates[: len(dated)] == dated and all(d is None for d in dates[len(dated):])  # undated last
        assert dated == sorted(dated, reverse=True)  # a month alone after its days
        assert app.main.current_id == listed[0]
        for order in (OLDEST, OUTLET, TITLE):
            await pilot.press("O")
            assert app.main.order == order and order in str(app.main.query_one("#status").render())
        from store import fold

        titles = [fold(app.library.summary(i).label) for i in app.main.query_one(ArticleList).ids]
        assert titles == sorted(titles)


async def test_o_opens_the_original_address_and_the_reader_shows_the_author(seed_store_path, monkeypatch):
    from dataclasses import replace

    app = make_app(seed_store_path)
    opened = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        await pilot.press("o")
        assert not opened and any("No address" in str(n.message) for n in app._notifications)
        article_id = app.main.current_id
        summary = app.library.summary(article_id)
        summary.url, summary.author = "https://example.org/biden-poutine", "Claire Dupont"
        full = app.library.article(article_id)
        app.library._articles[article_id] = replace(full, url=summary.url, author=summary.author)
        app.main.query_one(Reader).show(None)
        app.main.show_article(article_id)
        await pilot.press("o")
        assert opened == ["https://example.org/biden-poutine"]
        assert "by Claire Dupont" in " ".join(app.main.query_one(Reader).visible_text().split())


async def test_who_said_what_shows_the_sentence_and_takes_a_speaker_with_topic_words(seed_store_path):
    from textual.widgets import Static

    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_who_said(pilot)
        await pilot.press(*"Biden sanctions")
        await pilot.pause()
        assert screen.rows, "speaker Biden and the word sanctions in the quote or its sentence"
        refs = [screen._ref_of(i) for i in range(len(screen.rows))]
        assert all(r.speaker == "Joe Biden" for r in refs)
        context = screen.query_one("#quote-context", Static)
        shown = str(context.render())
        assert refs[0].quote.text[:20] in shown and "sanction" in shown.lower()


async def test_s_then_put_back_restores_the_extracted_speaker(seed_store_path):
    app = make_app(seed_store_path)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot)
        await pilot.press("2", "right_square_bracket")
        reader = app.main.query_one(Reader)
        extracted = reader.current_quote().speaker
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"Personne Inventée", "enter")
        await pilot.pause()
        assert reader.current_quote().speaker == "Personne Inventée"
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("down", "enter")  # the first choice: put back the extracted speaker
        await pilot.pause()
        assert reader.current_quote().speaker == extracted
        assert "set by you" not in str(reader.border_subtitle)
        assert app.library.speaker_check(reader.article.id, reader.current_quote()) is None


async def test_n_goes_through_every_occurrence_then_the_next_article_and_wraps(seed_store_path):
    from store import name_search

    app = make_app(seed_store_path)
    async with app.run_test(size=BIG) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"Poutine", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        main, reader = app.main, app.main.query_one(Reader)
        first = main.current_id
        spans = name_search.match_spans(app.library, reader.article, "Poutine")
        assert len(spans) > 1 and reader.target == spans[0]
        await pilot.press("n")
        assert main.current_id == first and reader.target == spans[1]  # the next occurrence, same article
        await pilot.press("N")
        assert reader.target == spans[0]
        visits = []
        for _ in range(200):
            await pilot.press("n")
            visits.append((main.current_id, reader.target))
            if main.current_id == first and reader.target == spans[0]:
                break
        assert main.current_id == first and reader.target == spans[0]  # around again
        assert len({article for article, _ in visits}) == len(main.matches)
        assert any("wrapped" in str(n.message) for n in app._notifications)
