"""Article text is data: markup and terminal escapes inside an article are shown, never obeyed."""
from __future__ import annotations

from store import Store, import_paths
from tui.widgets.reader import Reader

from tui_helpers import make_app, wait_loaded

HOSTILE = (
    "Un titre [bold red]piégé[/] pour le test\n"
    "Le ministre a déclaré : « [link=https://evil.example]cliquez[/link] et [@click=app.quit]quittez[/] ». "
    "Puis \x1b[31mrouge\x1b[0m et \x1b]0;titre\x07 fin, a-t-il ajouté.\n"
)


async def test_markup_and_escapes_render_literally(tmp_path):
    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    db = tmp_path / "store.json"
    with Store(db) as store:
        import_paths(store, [source])
    app = make_app(db)
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        assert app.is_running  # [@click=app.quit] did nothing
        reader = app.main.query_one(Reader)
        shown = reader.visible_text()
        assert "[bold red]piégé[/]" in shown
        assert "[link=https://evil.example]cliquez[/link]" in shown
        assert "[@click=app.quit]quittez[/]" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert "␛[31mrouge" in shown
        svg = app.export_screenshot()
        assert "piégé" in svg


def test_the_reader_keeps_the_sentence_as_written(parse):
    from tui.widgets.reader import Paragraph

    article = parse("Une dépêche de test sur la diplomatie\nLe ministre Jean Dupont a déclaré que « tout va bien » hier.")
    index = len(article.paragraphs) - 1
    shown = Paragraph(article, index, article.paragraph_offsets[index], with_dates=False).text.plain
    assert shown == article.paragraphs[index]  # no speaker label spliced after the quote
