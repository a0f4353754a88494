import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from store import Store, StoreError
from store.db import restore_backup
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


def articles_in(path: Path) -> int:
    return len(json.loads(path.read_bytes())["articles"])


def test_each_session_keeps_the_store_as_it_was_and_older_generations_shift(tmp_path):
    path = tmp_path / "store.json"
    with Store(path) as store:
        store.add_articles([article(n) for n in range(100)])
    for n in (100, 101, 102):  # three imports of one article each
        with Store(path) as store:
            store.add_articles([article(n)])
            store.add_articles([article(n + 1000)])  # a second batch of the same import: no new generation
    assert [articles_in(tmp_path / f"store.json.bak{g}") for g in (1, 2, 3)] == [104, 102, 100]
    assert not (tmp_path / "store.json.bak4").exists()


def test_a_damaged_record_is_refused_by_the_writer_and_never_rotated_into_the_backups(tmp_path):
    path = tmp_path / "store.json"
    for batch in (range(50), range(50, 100)):
        with Store(path) as store:
            store.add_articles([article(n) for n in batch])
    data = json.loads(path.read_bytes())
    next(iter(data["articles"].values()))["quotes"] = "abc"
    path.write_text(json.dumps(data))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    with Store(path) as store, pytest.raises(StoreError, match="restore"):
        store.add_articles([article(500)])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file() and p.name in before} == before
    assert "50 article" in restore_backup(path)
    assert articles_in(path) == 50


def test_restore_brings_back_the_newest_sound_generation_and_keeps_the_damaged_index(tmp_path):
    path = tmp_path / "store.json"
    for batch in (range(10), range(10, 20), range(20, 30)):
        with Store(path) as store:
            store.add_articles([article(n) for n in batch])
    (tmp_path / "store.json.bak1").write_text('{"articles": {"1": {"id": "x"}}}')  # this generation damaged too
    path.write_bytes(b'{"articles": {"1": ')
    message = restore_backup(path)
    assert "\n" not in message and "store.json.bak2" in message and "10 article" in message
    assert articles_in(path) == 10
    assert (tmp_path / "store.json.damaged").read_bytes() == b'{"articles": {"1": '
    with Store(path) as store:
        assert len(store.summaries()) == 10
    with pytest.raises(StoreError, match="sound"):
        restore_backup(path)


def test_a_missing_index_beside_article_files_is_an_error_that_says_how_to_recover(tmp_path):
    path = tmp_path / "store.json"
    for n in (1, 2):
        with Store(path) as store:
            store.add_articles([article(n)])
    path.unlink()
    for writable in (False, True):
        with pytest.raises(StoreError, match="index is missing.*ukr-tui restore"):
            Store(path, writable=writable)
    assert not path.exists()
    assert "1 article" in restore_backup(path)


def test_the_writer_removes_temporary_files_left_by_a_crash_and_a_reader_does_not(tmp_path):
    path = tmp_path / "store.json"
    with Store(path) as store:
        store.add_articles([article(1)])
    leftovers = [tmp_path / ".store.json.999.tmp", tmp_path / ".store.json.read.json.999.tmp", tmp_path / ".store.json.index.999.tmp",
                 tmp_path / "store.json.articles" / ".id00002.json.999.tmp"]
    for leftover in leftovers:
        leftover.write_bytes(b"{partial")
    others = [tmp_path / ".store.json.x.999.tmp", tmp_path / ".notes.tmp"]  # another store's, someone else's
    for other in others:
        other.write_bytes(b"theirs")
    Store(path, writable=False).close()
    assert all(p.exists() for p in leftovers)
    Store(path).close()
    assert not any(p.exists() for p in leftovers) and all(p.exists() for p in others)
    assert len(Store(path, writable=False)) == 1


def test_a_failed_write_leaves_no_temporary_file_and_the_store_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "store.json"
    with Store(path) as store:
        store.add_articles([article(1)])

    def disk_full(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    with Store(path) as store:
        monkeypatch.setattr(os, "fsync", disk_full)
        with pytest.raises(OSError):
            store.add_articles([article(2)])
        monkeypatch.undo()
    assert not [p for p in tmp_path.rglob("*.tmp")]
    with Store(path) as store:
        assert [a.id for a in store.summaries()] == ["id00001"]


def test_missing_or_damaged_article_files_are_repaired_on_reimport(tmp_path):
    path = tmp_path / "store.json"
    with Store(path) as store:
        store.add_articles([article(1), article(2), article(3)])
    (tmp_path / "store.json.articles" / "id00001.json").unlink()
    (tmp_path / "store.json.articles" / "id00002.json").write_bytes(b'{"id": "id000')
    with Store(path) as store:
        repaired = store.repair_bodies([article(1), article(2), article(3)])
        assert sorted(a.id for a in repaired) == ["id00001", "id00002"]
        assert store.load_article("id00002").paragraphs == ["Texte 2."]
        assert store.repair_bodies([article(1), article(2), article(3)]) == []


@pytest.mark.parametrize("content", [b"{garbage", b"", b'{"read": {"1": {"no": 1}}}'])
def test_a_damaged_read_state_file_is_reported_and_the_store_opens_with_nothing_read(tmp_path, content):
    path = tmp_path / "store.json"
    with Store(path) as store:
        store.add_articles([article(1)])
    read_file = tmp_path / "store.json.read.json"
    read_file.write_bytes(content)
    with Store(path, writable=False) as reader:
        assert reader.read_ids() == set() and "read-state" in reader.warnings[0]
    with Store(path) as store:
        assert store.read_ids() == set() and len(store.warnings) == 1
        assert (tmp_path / "store.json.read.json.damaged").read_bytes() == content
        store.mark_read("id00001")
    with Store(path) as store:
        assert store.read_ids() == {"id00001"} and store.warnings == []


def test_second_instance_opens_read_only(tmp_path):
    path = tmp_path / "store.json"
    with Store(path) as first:
        first.add_articles([article(1)])
        with Store(path) as second:
            assert second.read_only
            assert f"pid {os.getpid()}" in second.read_only_reason and "is writing" not in second.read_only_reason
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


def test_a_store_folder_that_cannot_be_written_opens_read_only_and_says_why(tmp_path, monkeypatch):
    path = tmp_path / "store.json"
    with Store(path) as store:
        store.add_articles([article(1)])
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # root may write anywhere: pretend
    with Store(path) as store:
        assert store.read_only and store.read_only_reason == f"cannot write in {tmp_path} (Permission denied)"
        assert len(store.summaries()) == 1


def test_backups_are_copied_where_the_file_system_has_no_hard_links(tmp_path, monkeypatch):
    path = tmp_path / "store.json"
    with Store(path) as store:
        store.add_articles([article(1)])

    def no_links(*args):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    with Store(path) as store:
        store.add_articles([article(2)])
    assert articles_in(tmp_path / "store.json.bak1") == 1 and articles_in(path) == 2
