"""Check that a speed-up changed no output: record reference outputs, then compare against them.

For every cluster of the seeds, the raw Multi-News sample and the first 500 Multi-News+ val
clusters it keeps the prepared cluster (every document's cleaned text and sentence offsets),
the learned scorer's feature matrix and scores, the default ``concepts`` summarizer's concept
names, concept feature matrix and concept weights, and the JSON summaries of the concepts,
learned, centroid, lead and textrank summarizers.  ``check`` demands byte-identical text,
summaries and concept names, and arrays within 1e-9 (it counts those not bit-identical).
Reference files are written outside the repository.

    PYTHONPATH=src python benchmarks/tools/same_outputs.py record /tmp/reference
    PYTHONPATH=src python benchmarks/tools/same_outputs.py check /tmp/reference
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from pathlib import Path

import numpy as np

from newsfuse import summarizers
from newsfuse.features import features
from newsfuse.pipeline import prepare
from newsfuse.readers import read, read_cluster
from newsfuse.render import to_json
from newsfuse.summarizers.base import leading_sentences
from newsfuse.summarizers.coverage import concept_features
from newsfuse.vectors import SentenceVectors

SHARED = Path(os.environ.get("NEWSFUSE_SHARED", Path(__file__).resolve().parents[3] / "shared"))
METHODS = ("concepts", "learned", "centroid", "lead", "textrank")
ARRAYS = ("features", "scores", "concept_features", "concept_weights")
WORDS = 200
TOLERANCE = 1e-9


def datasets(val_limit: int) -> dict[str, list]:
    val = read(SHARED / "data/multinews/val.jsonl.gz")
    return {
        "seeds": [read_cluster(sorted((SHARED / "seeds").glob("*.txt")))],
        "raw": [item for item in read(SHARED / "data/multinews-raw/sample.jsonl") if not isinstance(item, Exception)],
        "val": [item for item in itertools.islice(val, val_limit) if not isinstance(item, Exception)],
    }


def outputs(cluster) -> tuple[dict, dict[str, np.ndarray]]:
    """What one cluster produces: texts, summaries and concept names; its arrays by name."""
    prepared = prepare(cluster)
    texts = {
        "prepared": [[document.text, [(s.start, s.end) for s in document.sentences]] for document in prepared.documents],
        **{method: to_json(summarizers.get(method)(prepared, WORDS)) for method in METHODS},
    }
    if not prepared.sentences:
        return {**texts, "concept_names": []}, dict.fromkeys(ARRAYS, np.zeros(0))
    considered = leading_sentences(prepared)
    vectors = SentenceVectors.of(considered)
    learned = summarizers.get("learned")
    default = summarizers.get("concepts")
    found, concept_matrix, _ = concept_features(default, default.bigrams, considered, vectors)
    _, coverage = default.plan(considered, SentenceVectors.of(considered))
    texts["concept_names"] = found.names
    arrays = {
        "features": features(considered, vectors),
        "scores": learned.score(considered, vectors),
        "concept_features": concept_matrix,
        "concept_weights": coverage.weights,
    }
    return texts, arrays


def record(directory: Path, val_limit: int) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, clusters in datasets(val_limit).items():
        results = [outputs(cluster) for cluster in clusters]
        (directory / f"{name}.json").write_text(json.dumps([texts for texts, _ in results], ensure_ascii=False))
        arrays = {f"{key}{i}": value for i, (_, named) in enumerate(results) for key, value in named.items()}
        np.savez_compressed(directory / f"{name}.npz", **arrays)
        print(f"{name}: recorded {len(results)} clusters")


def check(directory: Path, val_limit: int) -> bool:
    same = True
    for name, clusters in datasets(val_limit).items():
        texts = json.loads((directory / f"{name}.json").read_text())
        arrays = np.load(directory / f"{name}.npz")
        differences = inexact = 0
        for i, cluster in enumerate(clusters):
            got, named = outputs(cluster)
            got = json.loads(json.dumps(got, ensure_ascii=False))  # tuples become lists, as recorded
            for key, value in got.items():
                if value != texts[i][key]:
                    differences += 1
                    print(f"{name}[{i}] {cluster.id}: {key} differs")
            for key, value in named.items():
                expected = arrays[f"{key}{i}"]
                if value.shape != expected.shape or not np.allclose(value, expected, rtol=0, atol=TOLERANCE):
                    differences += 1
                    print(f"{name}[{i}] {cluster.id}: {key} differ")
                elif not np.array_equal(value, expected):
                    inexact += 1
        print(f"{name}: {len(clusters)} clusters, {differences} differences ({inexact} arrays not bit-identical)")
        same = same and differences == 0
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("record", "check"))
    parser.add_argument("directory", type=Path)
    parser.add_argument("--val", type=int, default=500, help="how many val clusters (the first N)")
    arguments = parser.parse_args()
    if arguments.action == "record":
        record(arguments.directory, arguments.val)
    elif not check(arguments.directory, arguments.val):
        sys.exit("outputs changed")
    else:
        print("all outputs identical")


if __name__ == "__main__":
    main()
