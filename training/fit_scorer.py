"""Fit the attribution scorer on the training corpus: `python -m training.fit_scorer`.

Every quote of `training/corpus/*/` is parsed once; the sweep proposes its candidates with their
features; a candidate is labelled right when it names the gold speaker. A logistic regression over
the candidates' features is fitted, cross-validated by article (folds never split an article), and
the cross-validated score of each quote's winner is calibrated into a probability (isotonic), so
that `confidence` means what it says. The abstention threshold is the lowest calibrated score whose
answers, cross-validated, are right at least `--precision` of the time. Because the discourse
(who spoke last) depends on earlier decisions, features are extracted again with the fitted
weights and the model refitted (`--rounds`). Writes `store/attribution/weights.json`; prints the
cross-validated figures and the reliability table. Needs scikit-learn (`pip install '.[fit]'`).

The seeds and the dev set are never read here: they measure.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from store.attribution.decide import PRIOR_ABSTAIN_BELOW

CORPUS = Path(__file__).with_name("corpus")


@dataclass
class Example:
    group: str  # the register folder: folds leave one writer's register out, so style cannot leak
    features: list[dict[str, float]]  # one per candidate
    labels: list[bool]


def parsed_corpus(corpus: Path):
    """(folder, gold article, doc, entities, body) for every article the corpus's gold files describe."""
    from store.entities import extract_entities
    from store.nlp import load_model, merged_doc, model_inputs
    from store.pipeline import prepare_text
    from store.reading import read_article_text
    from store.records import PARAGRAPH_SEPARATOR

    nlp = load_model()
    for gold_file in sorted(corpus.glob("*/gold.json")):
        for gold in json.loads(gold_file.read_text(encoding="utf-8"))["articles"]:
            path = gold_file.parent / gold["file"]
            prepared = prepare_text(read_article_text(path), gold["file"], nlp.max_length)
            doc = merged_doc(list(nlp.pipe(model_inputs(prepared.parsed, PARAGRAPH_SEPARATOR))))
            body = PARAGRAPH_SEPARATOR.join(p.text for p in prepared.cleaned.paragraphs)
            yield gold_file.parent.name, gold, doc, extract_entities(doc), body


def examples(parsed: list, scorer) -> tuple[list[Example], int]:
    """The candidates of every quote matched to gold, and how many quotes were matched."""
    from store.attribution.sweep import Attributor
    from store.evaluation import pair_quotes, same_speaker
    from store.records import DIRECT

    found, matched = [], 0
    for group, gold, doc, entities, body in parsed:
        attributor = Attributor(doc, entities, body, scorer=scorer or False)
        attributor.quotes()
        considered = [(q, c) for q, c in attributor.considered if q.kind == DIRECT]
        pairs, _ = pair_quotes([q for q, _ in considered], gold.get("quotes", []))
        candidates_of = {id(q): c for q, c in considered}
        matched += len(pairs)
        for gold_quote, quote in pairs:
            candidates = candidates_of[id(quote)]
            if candidates:
                labels = [same_speaker(c.name, gold_quote.get("speaker") or "") for c in candidates]
                found.append(Example(group, [c.features for c in candidates], labels))
    return found, matched


def fit(train: list[Example], c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sparse=False)
    rows = vectorizer.fit_transform([f for e in train for f in e.features])
    labels = [label for e in train for label in e.labels]
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(rows, labels)
    return vectorizer, model


def winner(scores, labels: list[bool], margin: float, first_prior: float) -> tuple[float, bool, bool]:
    """The decision `decide` makes: the best score, unless it beats the first proposed by no more
    than `margin`; and whether the rules' doubt about their first choice vetoes it."""
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    if scores[best] - scores[0] <= margin:
        best = 0
    return float(scores[best]), labels[best], best == 0 and first_prior < PRIOR_ABSTAIN_BELOW


def cross_validated(found: list[Example], c: float) -> list[tuple[list[float], list[bool], float]]:
    """Each quote's candidates scored by a model fitted on the other registers only."""
    result = []
    for group in sorted({e.group for e in found}):
        vectorizer, model = fit([e for e in found if e.group != group], c)
        result += [(list(model.predict_proba(vectorizer.transform(e.features))[:, 1]), e.labels, e.features[0]["prior"])
                   for e in found if e.group == group]
    return result


def calibration(scored: list[tuple[float, bool]]) -> tuple[list[float], list[float]]:
    from sklearn.isotonic import IsotonicRegression

    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0)
    iso.fit([s for s, _ in scored], [float(r) for _, r in scored])
    return [float(x) for x in iso.X_thresholds_], [float(y) for y in iso.y_thresholds_]


def threshold(calibrated: list[tuple[float, bool]], precision: float) -> float:
    """The lowest confidence whose answers at or above it are right `precision` of the time."""
    for t in sorted({round(c, 3) for c, _ in calibrated}):
        given = [right for c, right in calibrated if c >= t]
        if given and sum(given) / len(given) >= precision:
            return t
    return 1.0


def report(calibrated: list[tuple[float, bool]], cut: float, total_quotes: int) -> str:
    given = [right for c, right in calibrated if c >= cut]
    lines = [
        f"quotes the scorer decided: {len(calibrated)} (of {total_quotes} matched to gold; the others had no "
        f"candidate or were left to the rules' doubt)",
        f"cross-validated speaker accuracy  {sum(given) / max(1, total_quotes):.3f}",
        f"cross-validated speaker precision {sum(given) / max(1, len(given)):.3f}  ({len(calibrated) - len(given)} abstained at {cut:.2f})",
        f"right if always answering         {sum(r for _, r in calibrated) / max(1, len(calibrated)):.3f}",
        "reliability (cross-validated confidence → share right):",
    ]
    for low in [i / 10 for i in range(10)]:
        bucket = [r for c, r in calibrated if low <= c < low + 0.1 or (low == 0.9 and c >= 1.0)]
        if bucket:
            lines.append(f"  {low:.1f}–{low + 0.1:.1f}  {sum(bucket) / len(bucket):.3f}  ({len(bucket)})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.fit_scorer", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=None, help="weights file (default: store/attribution/weights.json)")
    parser.add_argument("--precision", type=float, default=0.95, help="cross-validated precision the threshold must reach")
    parser.add_argument("--strengths", type=float, nargs="+", default=[0.03, 0.1, 0.3, 1.0, 3.0],
                        help="inverse regularisation strengths tried; the best cross-validated one is kept")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--margins", type=float, nargs="+", default=[0.0, 0.1, 0.2, 0.3, 0.4],
                        help="override margins tried; the largest within --margin-slack of the best accuracy is kept")
    parser.add_argument("--margin-slack", type=float, default=0.015)
    args = parser.parse_args(argv)

    from store.attribution.decide import WEIGHTS_FILE, Scorer

    out = args.out or WEIGHTS_FILE
    parsed = list(parsed_corpus(args.corpus))
    if not parsed:
        print(f"no gold.json under {args.corpus}", file=sys.stderr)
        return 2
    scorer = None
    for round_number in range(1, args.rounds + 1):
        found, matched = examples(parsed, scorer)
        tried = {c: cross_validated(found, c) for c in args.strengths}
        strength = max(tried, key=lambda c: sum(winner(scores, labels, 0.0, 1.0)[1] for scores, labels, _ in tried[c]))
        by_margin = {m: [winner(s, labels, m, prior) for s, labels, prior in tried[strength]] for m in args.margins}
        best = max(sum(r for _, r, _ in w) for w in by_margin.values())
        margin = max(m for m, w in by_margin.items() if sum(r for _, r, _ in w) >= best - args.margin_slack * matched)
        scored = [(s, r) for s, r, vetoed in by_margin[margin] if not vetoed]
        vetoes = len(by_margin[margin]) - len(scored)
        xs, ys = calibration(scored)
        draft = Scorer({}, 0.0, (tuple(xs), tuple(ys)), 0.0, margin)
        calibrated = [(draft.calibrated(s), r) for s, r in scored]
        cut = threshold(calibrated, args.precision)
        vectorizer, model = fit(found, strength)
        weights = {name: float(w) for name, w in zip(vectorizer.feature_names_, model.coef_[0], strict=True) if abs(w) > 1e-6}
        scorer = Scorer(weights, float(model.intercept_[0]), (tuple(xs), tuple(ys)), cut, margin)
        print(f"round {round_number}: {len(parsed)} articles, {sum(len(e.labels) for e in found)} candidates, C={strength}, margin={margin} "
              f"(right when always answering, by margin: {', '.join(f'{m}: {sum(r for _, r, _ in w) / matched:.3f}' for m, w in by_margin.items())}); "
              f"{vetoes} left to the rules' doubt")
        print(f"first proposed right {sum(e.labels[0] for e in found) / matched:.3f}, some candidate right {sum(any(e.labels) for e in found) / matched:.3f}")
        print(report(calibrated, cut, matched))
    out.write_text(json.dumps({
        "about": "attribution scorer: logistic regression over candidate features, fitted by python -m training.fit_scorer",
        "articles": len(parsed),
        "quotes": matched,
        "regularisation_C": strength,
        "bias": scorer.bias,
        "weights": dict(sorted(scorer.weights.items())),
        "calibration": {"raw": list(scorer.calibration[0]), "probability": list(scorer.calibration[1])},
        "abstain_below": scorer.abstain_below,
        "override_margin": scorer.override_margin,
    }, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
