"""The one place a quote's speaker is decided: every candidate is scored by one weights table
(a logistic regression fitted by `python -m training.fit_scorer` on the project's own training
corpus), the best name wins, its score is calibrated into a probability, and below the abstention
threshold the quote keeps the name as a `candidate` only.

Without a weights file (a fresh checkout before fitting) the rules' own priors decide, in the order
the rules proposed them."""
from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .candidates import Candidate

WEIGHTS_FILE = Path(__file__).with_name("weights.json")
# Used when no fitted weights exist: the rules' priors, as before the scorer.
PRIOR_ABSTAIN_BELOW = 0.5


@dataclass(frozen=True)
class Decision:
    winner: Candidate | None
    confidence: float  # calibrated: of quotes given 0.9, about nine in ten are right
    abstain: bool


@dataclass(frozen=True)
class Scorer:
    weights: dict[str, float]
    bias: float
    calibration: tuple[tuple[float, ...], tuple[float, ...]]  # raw score → probability, piecewise linear
    abstain_below: float
    # The rules' own first choice stands unless another candidate scores this much higher: the
    # rules' order is knowledge too, and the margin was chosen on registers the model was not fitted on.
    override_margin: float = 0.0

    def raw(self, candidate: Candidate) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in candidate.features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def calibrated(self, raw: float) -> float:
        xs, ys = self.calibration
        if not xs:
            return raw
        i = bisect_right(xs, raw)
        if i == 0:
            return ys[0]
        if i == len(xs):
            return ys[-1]
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1


def load_scorer(path: Path | None = None) -> Scorer | None:
    """The fitted scorer (read once per file), or None when there is none: the rules' priors decide."""
    return _scorer_from(path or WEIGHTS_FILE)


@cache
def _scorer_from(path: Path) -> Scorer | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Scorer(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            calibration=(tuple(map(float, data["calibration"]["raw"])), tuple(map(float, data["calibration"]["probability"]))),
            abstain_below=float(data["abstain_below"]),
            override_margin=float(data.get("override_margin", 0.0)),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def decide(candidates: list[Candidate], scorer: Scorer | None = None) -> Decision:
    """The best-scored candidate and how sure; `abstain` when that is below the threshold."""
    if not candidates:
        return Decision(None, 0.0, True)
    if scorer is None:
        winner = candidates[0]  # priors: the first rule that found a speaker, as the rules rank them
        return Decision(winner, round(winner.speaker.confidence, 2), winner.speaker.confidence < PRIOR_ABSTAIN_BELOW)
    scored = [(scorer.raw(c), -i, c) for i, c in enumerate(candidates)]
    raw, _, winner = max(scored, key=lambda item: (item[0], item[1]))
    if raw - scored[0][0] <= scorer.override_margin:
        raw, _, winner = scored[0]
    confidence = round(scorer.calibrated(raw), 2)  # the figure shown is the one compared with the threshold
    # When the rules' own first choice stands, their doubt stands with it (a reply cue given to the
    # last speaker, a plural title, a role a newcomer may hold): the rules know why, the weights do not.
    vetoed = winner is candidates[0] and winner.speaker.confidence < PRIOR_ABSTAIN_BELOW
    return Decision(winner, round(min(confidence, winner.speaker.confidence) if vetoed else confidence, 2),
                    vetoed or confidence < scorer.abstain_below)
