"""Shared fixtures: the seeds are parsed once per session (the spaCy model takes seconds to load)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from store import Store, bundled_seeds_dir, parse_file
from store.nlp import load_model

SEEDS = bundled_seeds_dir()


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def seed_articles(nlp):
    return [parse_file(path, nlp) for path in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="session")
def seed_store_template(tmp_path_factory, seed_articles) -> Path:
    path = tmp_path_factory.mktemp("seed-store") / "store.json"
    with Store(path) as store:
        store.add_articles(seed_articles)
    return path


@pytest.fixture
def seed_store_path(seed_store_template, tmp_path) -> Path:
    """A private copy of the seeded store, so a test may mark articles read."""
    for item in seed_store_template.parent.iterdir():
        target = tmp_path / item.name
        if item.is_dir():
            shutil.copytree(item, target)
        else:
            shutil.copy2(item, target)
    return tmp_path / seed_store_template.name


@pytest.fixture
def parse(nlp):
    """Parse a short French text written for a test into an Article."""
    from store import parse_text

    def run(text: str, name: str = "test.txt"):
        return parse_text(text, name, nlp)

    return run


@pytest.fixture
def rules_only(monkeypatch):
    """Attribution by the rules' own order and priors, without the fitted weights: for tests that pin
    what the rules propose first (the scorer's decisions are tested in test_decide and
    test_attribution_mechanisms)."""
    from store.attribution import decide

    monkeypatch.setattr(decide, "WEIGHTS_FILE", decide.WEIGHTS_FILE.with_name("absent.json"))
    decide._scorer_from.cache_clear()
    yield
    decide._scorer_from.cache_clear()
