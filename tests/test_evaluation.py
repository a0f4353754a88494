"""The evaluate command against the hand-made gold of the seeds (shared/ beside the repository)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from store.evaluation import Score, evaluate_files, overlap, same_speaker

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "seeds_gold.json"


def test_scores_and_matching_rules():
    score = Score(true_positives=8, predicted=10, expected=16)
    assert (score.precision, score.recall) == (0.8, 0.5)
    assert round(score.f1, 3) == 0.615
    assert overlap("une voie diplomatique", "voie diplomatique") == 1.0
    assert same_speaker("Zelenskiy", "Volodymyr Zelensky")
    assert same_speaker("un haut responsable de l’administration", "Un haut responsable de l'administration")
    assert not same_speaker("Joe Biden", "Vladimir Poutine")
    assert not same_speaker(None, "Kremlin")


@pytest.mark.skipif(not GOLD.exists(), reason="shared/gold is not beside this checkout")
def test_seed_figures_meet_the_targets():
    report = evaluate_files(GOLD, [ROOT / "seeds"])

    def figure(label: str, field: str) -> float:
        line = next(row for row in report.splitlines() if row.startswith(label))
        return float(re.search(rf"{field}\s+([\d.]+)", line).group(1))

    assert figure("quotes", "F1") >= 0.95
    assert float(re.search(r"speaker accuracy\s+([\d.]+)", report).group(1)) >= 0.95
    assert figure("people", "F1") >= 0.95
    assert "listed twice" not in report
