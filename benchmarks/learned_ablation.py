"""Which features matter: retrain the learned scorer without one feature group at a time.

Builds training examples from the first ``--train`` Multi-News train clusters, trains the full
model and one model per dropped group (same seed and settings as ``newsfuse train``), and
scores each on the first ``--val`` val clusters with the evaluation's ROUGE (250-word budget and
cut-off, like ``newsfuse eval``).  Prints a Markdown table with each group's LightGBM gain
share in the full model.

    NEWSFUSE_SHARED=../shared PYTHONPATH=src python benchmarks/learned_ablation.py --train 8000 --val 1000
"""

from __future__ import annotations

import argparse
import os
from itertools import islice
from pathlib import Path

import numpy as np

from newsfuse.evaluation.rouge import score, sentences_of
from newsfuse.features import FEATURES, GROUPS, features
from newsfuse.pipeline import prepare
from newsfuse.readers import read
from newsfuse.selection import select
from newsfuse.summarizers.learned import LENGTH_EXPONENT, Learned
from newsfuse.training import dataset, train
from newsfuse.vectors import SentenceVectors

SHARED = Path(os.environ.get("NEWSFUSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DATA = SHARED / "data" / "multinews"
WORDS = 250


def rouge(model, columns, clusters) -> tuple[float, float]:
    totals = []
    for cluster, vectors, matrix, references in clusters:
        scores = model.predict(matrix[:, columns], num_threads=1) / np.maximum(vectors.lengths, 1) ** LENGTH_EXPONENT
        summary = select(cluster, vectors, scores, WORDS, Learned.redundancy)
        result = score([sentence.text for sentence in summary.sentences], references, WORDS, ("rouge1", "rouge2"))
        totals.append((result["R1_f"], result["R2_f"]))
    r1, r2 = np.mean(totals, axis=0) * 100
    return float(r1), float(r2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=int, default=8000, help="training clusters")
    parser.add_argument("--val", type=int, default=1000, help="val clusters scored")
    arguments = parser.parse_args()
    examples = dataset.build([str(DATA / "train-00.jsonl.gz"), str(DATA / "train-01.jsonl.gz")], arguments.train)
    clusters = []
    for cluster in islice(read(DATA / "val.jsonl.gz"), arguments.val):
        prepared = prepare(cluster)
        if prepared.sentences and prepared.references:
            vectors = SentenceVectors.of(prepared)
            clusters.append((prepared, vectors, features(prepared, vectors), [sentences_of(text) for text in prepared.references]))
    everything = list(range(len(FEATURES)))
    full = train.fit(examples)
    importance = dict(zip(FEATURES, full.feature_importance("gain")))
    total = sum(importance.values())
    r1, r2 = rouge(full, everything, clusters)
    print(f"{len(examples)} train clusters, {len(clusters)} val clusters, budget and cut-off {WORDS} words\n")
    print("| features | gain share | R1 F1 | R2 F1 | ΔR1 | ΔR2 |\n|---|---:|---:|---:|---:|---:|")
    print(f"| all {len(FEATURES)} | 100 % | {r1:.2f} | {r2:.2f} | | |")
    for group, names in GROUPS.items():
        columns = [index for index, name in enumerate(FEATURES) if name not in names]
        g1, g2 = rouge(train.fit(examples, columns=columns), columns, clusters)
        share = 100 * sum(importance[name] for name in names) / total
        print(f"| without {group} ({', '.join(names)}) | {share:.1f} % | {g1:.2f} | {g2:.2f} | {g1 - r1:+.2f} | {g2 - r2:+.2f} |", flush=True)


if __name__ == "__main__":
    main()
