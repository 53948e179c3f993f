"""Concept-coverage selection against the ``learned`` method, paired per cluster on Multi-News+ val.

Counts the bigram summary prior on the training clusters after the first ``--train`` and trains
the concept (bigram) weight model on those first ``--train`` (or reads both from ``--model``),
then summarizes the first ``--val`` val clusters with the learned sentence scores and (1) the
best-first selection of the ``learned`` method, (2) coverage selection for every ``--bonus`` ×
``--exponent`` pair, (3) coverage with each bigram weighted by the number of documents that
contain it when at least two do (Gillick & Favre's unsupervised weights) and (4) coverage with
the true 0/1 weights from the reference (the ceiling of this objective).  Prints ROUGE F1 and the
paired difference from the ``learned`` method with its 95 % bootstrap interval, on all clusters
and on each half.  Last, what the concept step costs per raw cluster (the raw Multi-News sample:
cased, full length): the ``learned`` method against the concepts method with this model and the
grid's best pair, from the prepared cluster to the summary, best of ``--repeats`` runs each,
on one core.

    PYTHONPATH=src python benchmarks/concepts.py --train 8000 --val 2000 --jobs 2 --save /tmp/concepts
    PYTHONPATH=src python benchmarks/concepts.py --model src/newsfuse/models --val 1000 --bonus 50 --exponent 0.6
    PYTHONPATH=src python benchmarks/concepts.py --model src/newsfuse/models --data ../shared/data/multinews-raw/sample.jsonl
"""

from __future__ import annotations

import argparse
import os
import time
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse import concepts, prior
from newsfuse.summarizers.coverage import ConceptCoverage, concept_features
from newsfuse.evaluation import datasets, rouge
from newsfuse.evaluation.bootstrap import Bootstrap
from newsfuse.model import Cluster
from newsfuse.pipeline import prepare
from newsfuse.selection import Coverage, select
from newsfuse.summarizers.base import leading_sentences
from newsfuse.summarizers.learned import Learned, load_model, predictor
from newsfuse.training import concepts as training
from newsfuse.training.dataset import clusters
from newsfuse.training.train import save
from newsfuse.vectors import SentenceVectors

import paired

SHARED = Path(os.environ.get("NEWSFUSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
TRAIN = [str(SHARED / "data" / "multinews" / f"train-0{part}.jsonl.gz") for part in (0, 1)]
VAL = SHARED / "data" / "multinews" / "val.jsonl.gz"
RAW = SHARED / "data" / "multinews-raw" / "sample.jsonl"
MODEL = "concepts.txt.gz"
BIGRAMS = "bigrams.json.gz"
WORDS = 250
BASELINE = "learned"
MEASURES = ("rouge1", "rouge2")


def systems(cluster: Cluster, settings: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """R1 and R2 F1 of every selection on one raw val cluster."""
    scorer: Learned = settings["scorer"]
    prepared = leading_sentences(prepare(cluster))
    if not prepared.sentences:
        return {}
    references = [rouge.sentences_of(text) for text in cluster.references]
    vectors = SentenceVectors.of(prepared)
    found, matrix, scores = concept_features(scorer, settings["bigrams"], prepared, vectors)
    carriers = found.carried()
    truth = concepts.bigrams(cluster.references[0], WORDS)
    documents = matrix[:, concepts.FEATURES.index("documents")]
    weights = {
        "model": np.clip(settings["predict"](matrix), 0.0, None) if len(found) else np.zeros(0),
        "df": np.where(documents >= 2, documents, 0.0),
        "truth": np.fromiter((name in truth for name in found.names), np.float64, len(found)),
    }
    runs: dict[str, Coverage | None] = {BASELINE: None}
    for bonus in settings["bonus"]:
        for exponent in settings["exponent"]:
            runs[f"concepts μ={bonus:g} r={exponent:g}"] = Coverage(*carriers, weights["model"], bonus, exponent)
    runs["document-count weights, r=1"] = Coverage(*carriers, weights["df"], 0.0, 1.0)
    runs["true weights (ceiling), r=1"] = Coverage(*carriers, weights["truth"], 0.0, 1.0)
    results: dict[str, tuple[float, float]] = {}
    for name, coverage in runs.items():
        summary = select(prepared, vectors, scores, WORDS, redundancy=scorer.redundancy, coverage=coverage)
        values = rouge.score([sentence.text for sentence in summary.sentences], references, WORDS, MEASURES)
        results[name] = (values["R1_f"], values["R2_f"])
    return results


def timing(settings: dict[str, Any], bonus: float, exponent: float, repeats: int) -> tuple[float, float, int]:
    """Milliseconds per raw cluster of the ``learned`` method and of the concepts method with this
    model (best of ``repeats``), and the number of clusters."""
    prepared = [prepare(item) for item in datasets.load(RAW) if isinstance(item, Cluster)]
    prepared = [cluster for cluster in prepared if cluster.sentences]
    with_concepts = ConceptCoverage(concept_model=settings["booster"], bigrams=settings["bigrams"])
    with_concepts.bonus, with_concepts.exponent = bonus, exponent
    best = {}
    for _ in range(repeats):
        for summarizer in (settings["scorer"], with_concepts):
            started = time.process_time()
            for cluster in prepared:
                summarizer(cluster, WORDS)
            spent = (time.process_time() - started) * 1000 / len(prepared)
            best[summarizer.name] = min(best.get(summarizer.name, spent), spent)
    return best[settings["scorer"].name], best[with_concepts.name], len(prepared)


def model(args: argparse.Namespace, scorer: Learned):
    """The concept model and bigram prior: read from ``--model`` or trained (and saved to ``--save``)."""
    if args.model is not None:
        return load_model(args.model / MODEL, names=concepts.FEATURES), prior.load(args.model / BIGRAMS)
    started = time.perf_counter()
    table = training.bigram_prior(islice(clusters(TRAIN), args.train, None))
    bigrams = prior.SummaryPrior.of(table)
    matrix, labels = training.build(TRAIN, args.train, scorer, bigrams, workers=args.jobs)
    booster = training.fit(matrix, labels, threads=args.jobs)
    print(f"bigram prior of {table['clusters']} clusters ({len(table['terms'])} bigrams); concept model on "
          f"{len(labels)} bigrams of {args.train} clusters, {labels.mean():.3f} in the reference; {time.perf_counter() - started:.0f} s\n")
    gains = booster.feature_importance("gain")
    ranked = sorted(zip(concepts.FEATURES, gains / gains.sum()), key=lambda item: -item[1])
    print("Split-gain share: " + ", ".join(f"{name} {share:.1%}" for name, share in ranked) + "\n")
    if args.save is not None:
        save(booster, args.save / MODEL)
        prior.save(table, args.save / BIGRAMS)
    return booster, bigrams


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=int, default=8000, help="training clusters for the concept model (the bigram prior is counted on the rest)")
    parser.add_argument("--model", type=Path, help=f"a directory with {MODEL} and {BIGRAMS} instead of training them")
    parser.add_argument("--save", type=Path, help="write the trained concept model and bigram prior into this directory")
    parser.add_argument("--val", type=int, default=2000, help="first N val clusters (all: 0)")
    parser.add_argument("--data", type=Path, default=VAL, help=f"another dataset to compare on (e.g. {RAW.name}, the raw sample)")
    parser.add_argument("--bonus", type=float, nargs="+", default=[0.0, 50.0, 100.0, 150.0])
    parser.add_argument("--exponent", type=float, nargs="+", default=[0.4, 0.5, 0.6])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3, help="timing runs on the raw sample (0: no timing)")
    args = parser.parse_args()
    started = time.perf_counter()
    scorer = Learned()
    booster, bigrams = model(args, scorer)
    settings = {"scorer": scorer, "booster": booster, "predict": predictor(booster), "bigrams": bigrams, "bonus": args.bonus, "exponent": args.exponent}
    outcomes = paired.outcomes(systems, args.data, args.val or None, args.jobs, settings)
    names = list(outcomes[0])
    values = {name: np.array([outcome[name] for outcome in outcomes]) * 100 for name in names}
    half = len(outcomes) // 2
    parts = {"all": slice(None), "first half": slice(0, half), "second half": slice(half, None)}
    bootstraps = {part: Bootstrap(len(range(len(outcomes))[rows])) for part, rows in parts.items()}
    print(f"{args.data.name}: {len(outcomes)} clusters, {WORDS}-word budget and cut, {time.perf_counter() - started:.0f} s in all\n")
    print("| selection | R1 F1 | R2 F1 | " + " | ".join(f"ΔR1 {part} | ΔR2 {part}" for part in parts) + " |")
    print("|---|" + "---:|" * (2 + 2 * len(parts)))
    for name in names:
        cells = [name, *(f"{values[name][:, column].mean():.2f}" for column in (0, 1))]
        for part, rows in parts.items():
            cells += [paired.difference(values[name][rows, column], values[BASELINE][rows, column], bootstraps[part]) for column in (0, 1)]
        print("| " + " | ".join(cells) + " |")
    if args.repeats and RAW.exists():
        grid = [(bonus, exponent) for bonus in args.bonus for exponent in args.exponent]
        bonus, exponent = max(grid, key=lambda pair: values[f"concepts μ={pair[0]:g} r={pair[1]:g}"][:, 1].mean())
        plain, covered, count = timing(settings, bonus, exponent, args.repeats)
        print(f"\nRaw sample, {count} clusters, from the prepared cluster to the summary, best of {args.repeats} "
              f"runs on one core: learned {plain:.2f} ms/cluster, concepts (μ={bonus:g}, r={exponent:g}, the best "
              f"R2 above) {covered:.2f} ms/cluster, +{covered - plain:.2f} ms")


if __name__ == "__main__":
    main()
