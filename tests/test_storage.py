import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from store import Store, StoreError
from store.records import Article


def article(n: int) -> Article:
    return Article(id=f"id{n:05d}", file=f"a{n}.txt", title=f"Titre {n}", published=None, published_basis=None,
                   paragraphs=[f"Texte {n}."], source_starts=[0])


def test_articles_round_trip_and_duplicates_are_skipped(tmp_path):
    path = tmp_path / "store.json"
    with Store(path) as store:
        assert len(store.add_articles([article(1), article(2), article(1)])) == 2
        assert store.add_articles([article(2)]) == []
    with Store(path) as store:
        assert len(store) == 2
        assert {a.title for a in store.summaries()} == {"Titre 1", "Titre 2"}
        assert store.summaries()[0].paragraphs == []  # bodies stay in their own files
        assert store.load_article("id00001").paragraphs == ["Texte 1."]


def test_read_state_persists(tmp_path):
    path = tmp_path / "store.json"
    with Store(path) as store:
        store.add_articles([article(1)])
        store.mark_read("id00001")
    with Store(path) as store:
        assert store.read_ids() == {"id00001"}
        store.mark_read("id00001", False)
    with Store(path) as store:
        assert store.read_ids() == set()


@pytest.mark.parametrize("content", [b"", b"{\"articles\": {\"1\": ", b"\xff\xfe garbage", b"[1, 2]"])
def test_damaged_store_is_reported_and_kept(tmp_path, content):
    path = tmp_path / "store.json"
    path.write_bytes(content)
    with pytest.raises(StoreError) as error:
        Store(path)
    message = str(error.value)
    assert str(path) in message and "\n" not in message
    assert path.read_bytes() == content  # never overwritten


def test_previous_generation_is_kept_as_bak(tmp_path):
    path = tmp_path / "store.json"
    with Store(path) as store:
        store.add_articles([article(1)])
        store.add_articles([article(2)])
    assert (tmp_path / "store.json.bak").exists()


def test_second_instance_opens_read_only(tmp_path):
    path = tmp_path / "store.json"
    with Store(path) as first:
        first.add_articles([article(1)])
        with Store(path) as second:
            assert second.read_only
            assert len(second) == 1
            with pytest.raises(StoreError, match="read-only"):
                second.add_articles([article(2)])


def test_kill_during_import_leaves_previous_store_readable(tmp_path):
    path = tmp_path / "store.json"
    with Store(path) as store:
        store.add_articles([article(n) for n in range(200)])
    writer = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
        from store import Store
        from store.records import Article
        store = Store(__import__("pathlib").Path({str(path)!r}))
        print("ready", flush=True)
        n = 1000
        while True:
            store.add_articles([Article(id=f"x{{n}}", file="f", title="t" * 2000, published=None,
                                        published_basis=None, paragraphs=["p" * 5000], source_starts=[0])])
            n += 1
    """)
    for delay in (0.05, 0.2, 0.4):
        process = subprocess.Popen([sys.executable, "-c", writer], stdout=subprocess.PIPE)
        assert process.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        with Store(path) as store:
            ids = {a.id for a in store.summaries()}
            assert {f"id{n:05d}" for n in range(200)} <= ids
