"""Concept-coverage selection against the learned default, paired per cluster on Multi-News+ val.

Trains the concept (bigram) weight model on the first ``--train`` training clusters (or reads
``--model``), then summarizes the first ``--val`` val clusters with the learned sentence scores
and (1) the plain best-first selection of the learned default, (2) coverage selection for every
``--bonus`` × ``--exponent`` pair, (3) coverage with each bigram weighted by the number of
documents that contain it (Gillick & Favre's unsupervised weights) and (4) coverage with the
true 0/1 weights from the reference (the ceiling of this objective).  Prints ROUGE F1 and the
paired difference from the learned default with its 95 % bootstrap interval.

    PYTHONPATH=src python benchmarks/concepts.py --train 3000 --val 2000 --jobs 2
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse import concepts
from newsfuse.evaluation import datasets, rouge
from newsfuse.evaluation.bootstrap import Bootstrap
from newsfuse.model import Cluster
from newsfuse.pipeline import prepare
from newsfuse.selection import Coverage, select
from newsfuse.summarizers.base import leading_sentences
from newsfuse.summarizers.learned import Learned, load_model, predictor
from newsfuse.training import concepts as training
from newsfuse.training.dataset import spread
from newsfuse.vectors import SentenceVectors

SHARED = Path(os.environ.get("NEWSFUSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
TRAIN = [str(SHARED / "data" / "multinews" / f"train-0{part}.jsonl.gz") for part in (0, 1)]
VAL = SHARED / "data" / "multinews" / "val.jsonl.gz"
WORDS = 250
BASELINE = "learned"
MEASURES = ("rouge1", "rouge2")


def systems(cluster: Cluster, settings: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """R1 and R2 F1 of every selection on one raw val cluster."""
    scorer: Learned = settings["scorer"]
    prepared = leading_sentences(prepare(cluster))
    references = [rouge.sentences_of(text) for text in cluster.references]
    results: dict[str, tuple[float, float]] = {}
    if not prepared.sentences:
        return {}
    vectors = SentenceVectors.of(prepared)
    scores = scorer.score(prepared, vectors)
    found = concepts.Concepts.of(vectors.words)
    carriers = found.matrix(len(vectors))
    matrix = concepts.features(found, vectors, len(prepared.documents), scores, scorer.prior)
    truth = concepts.reference_bigrams(cluster.references[0], WORDS)
    weights = {
        "model": np.clip(settings["predict"](matrix), 0.0, None) if len(found) else np.zeros(0),
        "df": np.where(matrix[:, concepts.FEATURES.index("documents")] >= 2, matrix[:, concepts.FEATURES.index("documents")], 0.0),
        "truth": np.fromiter((name in truth for name in found.names), np.float64, len(found)),
    }
    runs: dict[str, Coverage | None] = {BASELINE: None}
    for bonus in settings["bonus"]:
        for exponent in settings["exponent"]:
            runs[f"concepts μ={bonus:g} r={exponent:g}"] = Coverage(carriers, weights["model"], bonus, exponent)
    runs["concepts-df r=1"] = Coverage(carriers, weights["df"], 0.0, 1.0)
    runs["concepts-truth r=1"] = Coverage(carriers, weights["truth"], 0.0, 1.0)
    for name, coverage in runs.items():
        redundancy = scorer.redundancy if coverage is None else settings["redundancy"]
        summary = select(prepared, vectors, scores, WORDS, redundancy=redundancy, coverage=coverage)
        found_scores = rouge.score([sentence.text for sentence in summary.sentences], references, WORDS, MEASURES)
        results[name] = (found_scores["R1_f"], found_scores["R2_f"])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=int, default=3000, help="training clusters for the concept model")
    parser.add_argument("--model", type=Path, help="a trained concept model instead of training one")
    parser.add_argument("--save", type=Path, help="write the trained concept model here")
    parser.add_argument("--val", type=int, default=2000, help="first N val clusters")
    parser.add_argument("--bonus", type=float, nargs="+", default=[0.0, 1.0, 3.0, 10.0])
    parser.add_argument("--exponent", type=float, nargs="+", default=[0.5, 1.0])
    parser.add_argument("--redundancy", type=float, default=Learned.redundancy, help="redundancy cut of the coverage selections")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    scorer = Learned()
    started = time.perf_counter()
    if args.model is None:
        matrix, labels = training.build(TRAIN, args.train, scorer, workers=args.jobs)
        booster = training.fit(matrix, labels, threads=args.jobs)
        print(f"concept model: {len(labels)} bigrams of {args.train} clusters, {labels.mean():.3f} positive, {time.perf_counter() - started:.0f} s")
        if args.save is not None:
            args.save.write_text(booster.model_to_string())
        gains = booster.feature_importance("gain")
        print("gain share: " + ", ".join(f"{name} {share:.1%}" for name, share in sorted(zip(concepts.FEATURES, gains / gains.sum()), key=lambda item: -item[1])))
    else:
        booster = load_model(args.model, names=concepts.FEATURES)
    settings = {"scorer": scorer, "predict": predictor(booster), "bonus": args.bonus, "exponent": args.exponent, "redundancy": args.redundancy}
    items = (item for item in datasets.load(VAL, args.val) if not isinstance(item, Exception) and item.references)
    outcomes = [outcome for outcome in spread(systems, items, args.jobs, settings) if outcome]
    names = list(outcomes[0])
    values = {name: np.array([outcome[name] for outcome in outcomes]) * 100 for name in names}
    bootstrap = Bootstrap(len(outcomes))
    print(f"\n{len(outcomes)} val clusters, {WORDS}-word budget and cut, {time.perf_counter() - started:.0f} s\n")
    print("| selection | R1 F1 | R2 F1 | ΔR1 (95 % CI) | ΔR2 (95 % CI) |\n|---|---:|---:|---:|---:|")
    for name in names:
        cells = [name, *(f"{values[name][:, column].mean():.2f}" for column in (0, 1))]
        for column in (0, 1):
            difference = values[name][:, column] - values[BASELINE][:, column]
            low, high = bootstrap.interval(difference)
            cells.append(f"{difference.mean():+.2f} ({low:+.2f} to {high:+.2f})")
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
