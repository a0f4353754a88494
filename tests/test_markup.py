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
        shown = "\n".join(str(widget.render()) for widget in reader.children)
        assert "[bold red]piégé[/]" in shown
        assert "[link=https://evil.example]cliquez[/link]" in shown
        assert "[@click=app.quit]quittez[/]" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert "␛[31mrouge" in shown
        svg = app.export_screenshot()
        assert "piégé" in svg


def test_speaker_label_follows_the_closing_mark(parse):
    from tui.widgets.reader import render_paragraph

    article = parse("Une dépêche de test sur la diplomatie\nLe ministre Jean Dupont a déclaré que « tout va bien » hier.")
    shown = str(render_paragraph(article, 1, None))
    assert "« tout va bien » — Jean Dupont hier" in shown
