"""Where the learned summarizer spends its time, stage by stage, on one core.

Times TF-IDF vectors, features, the LightGBM model and selection, and the whole summarizer,
on prepared clusters (cleaning and splitting are not timed), in median milliseconds per
cluster.  The comparison with sumy LexRank from raw input is ``benchmarks/speed.py --methods
learned,centroid``.

    NEWSFUSE_SHARED=../shared PYTHONPATH=src python benchmarks/learned_speed.py --limit 300
"""

from __future__ import annotations

import argparse
import os
import time
from itertools import islice
from pathlib import Path

import numpy as np

from newsfuse import summarizers
from newsfuse.features import features
from newsfuse.pipeline import prepare
from newsfuse.readers import read
from newsfuse.selection import select
from newsfuse.vectors import SentenceVectors

SHARED = Path(os.environ.get("NEWSFUSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
VAL = SHARED / "data" / "multinews" / "val.jsonl.gz"
WORDS = 250


def per_cluster(function, clusters) -> float:
    """Median milliseconds of ``function(cluster)`` over the clusters (after one warm-up call)."""
    function(clusters[0])
    times = []
    for cluster in clusters:
        started = time.perf_counter()
        function(cluster)
        times.append(time.perf_counter() - started)
    return 1000 * float(np.median(times))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(VAL))
    parser.add_argument("--limit", type=int, default=300)
    arguments = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    clusters = [prepare(cluster) for cluster in islice(read(arguments.data), arguments.limit)]
    clusters = [cluster for cluster in clusters if cluster.sentences]
    learned = summarizers.get("learned")
    vectors = {id(cluster): SentenceVectors.of(cluster) for cluster in clusters}
    matrices = {id(cluster): features(cluster, vectors[id(cluster)]) for cluster in clusters}
    scores = {id(cluster): learned.score(cluster, vectors[id(cluster)]) for cluster in clusters}
    stages = {
        "whole summarizer": per_cluster(lambda c: learned(c, WORDS), clusters),
        "vectors": per_cluster(SentenceVectors.of, clusters),
        "features": per_cluster(lambda c: features(c, vectors[id(c)]), clusters),
        "model": per_cluster(lambda c: learned.predict(matrices[id(c)]), clusters),
        "selection": per_cluster(lambda c: select(c, vectors[id(c)], scores[id(c)], WORDS, learned.redundancy), clusters),
    }
    sentences = np.median([len(cluster.sentences) for cluster in clusters])
    print(f"{len(clusters)} clusters from {arguments.data}, median {sentences:.0f} sentences, budget {WORDS} words")
    print("| stage of learned | ms/cluster (median) |\n|---|---:|")
    for name, value in stages.items():
        print(f"| {name} | {value:.2f} |")


if __name__ == "__main__":
    main()
