"""The one decision: candidates scored by the fitted weights, calibrated, abstaining below the threshold."""
from __future__ import annotations

from store.attribution.candidates import Candidate, Speaker
from store.attribution.decide import WEIGHTS_FILE, Scorer, decide, load_scorer
from store.records import PERSON


def candidate(name: str, rule: str, prior: float = 0.9, **features: float) -> Candidate:
    return Candidate(Speaker(name, PERSON, confidence=prior, rule="named"), rule, None, {f"rule={rule}": 1.0, **features})


def test_without_weights_the_rules_order_decides_and_a_weak_prior_abstains():
    first, second = candidate("Léa Roux", "cue-incise", 0.45), candidate("Paul Sorel", "continuation", 0.9)
    decision = decide([first, second], None)
    assert decision.winner is first and decision.abstain and decision.confidence == 0.45
    assert decide([], None).winner is None


def test_the_best_scored_candidate_wins_only_by_more_than_the_margin():
    scorer = Scorer({"rule=handover": 3.0}, 0.0, ((), ()), 0.6, override_margin=0.2)
    rules_choice, handover = candidate("Paul Sorel", "continuation"), candidate("Léa Roux", "handover")
    assert decide([rules_choice, handover], scorer).winner is handover  # 0.95 against 0.5
    close = Scorer({"rule=handover": 0.4}, 0.0, ((), ()), 0.6, override_margin=0.2)
    assert decide([rules_choice, handover], close).winner is rules_choice  # 0.6 against 0.5: within the margin


def test_calibration_maps_raw_scores_piecewise_and_sets_abstention():
    scorer = Scorer({"rule=cue-incise": 0.0}, 0.0, ((0.2, 0.5, 0.9), (0.1, 0.3, 0.95)), 0.5)
    assert scorer.calibrated(0.1) == 0.1 and scorer.calibrated(0.95) == 0.95
    assert abs(scorer.calibrated(0.7) - 0.625) < 1e-9
    decision = decide([candidate("Léa Roux", "cue-incise")], scorer)  # raw 0.5 → 0.3, under 0.5
    assert decision.abstain and decision.confidence == 0.3


def test_the_shipped_weights_load_with_a_threshold_and_a_calibration():
    scorer = load_scorer(WEIGHTS_FILE)
    assert scorer is not None and 0.0 < scorer.abstain_below < 1.0
    assert scorer.calibration[0] and len(scorer.calibration[0]) == len(scorer.calibration[1])


def test_every_quote_records_the_rule_that_won(parse):
    article = parse("Un titre pour les essais\n\n« Nous partirons à l'aube », a déclaré Paul Sorel.")
    (quote,) = [q for q in article.quotes if q.kind == "direct"]
    assert quote.speaker == "Paul Sorel" and quote.rule == "cue-incise/named"
