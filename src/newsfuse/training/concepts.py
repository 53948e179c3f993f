"""Train the concept weights: for every bigram of a training cluster, does the reference have it?

Clusters are prepared, vectorised and scored by the sentence scorer exactly as at inference, so
the concept model sees the features it will be given.  LightGBM regression on the 0/1 label
predicts the chance that a bigram is in the reference (Li, Qian & Liu 2013); the model is
written as gzipped LightGBM text, which loads without pickle.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import lightgbm
import numpy as np

from newsfuse import concepts
from newsfuse.model import Cluster
from newsfuse.pipeline import prepare
from newsfuse.summarizers.base import leading_sentences
from newsfuse.summarizers.learned import Learned
from newsfuse.training.dataset import WORDS, clusters, spread
from newsfuse.vectors import SentenceVectors

SEED = 13
ROUNDS = 150
PARAMS = {
    "objective": "regression",
    "learning_rate": 0.1,
    "num_leaves": 31,
    "min_data_in_leaf": 100,
    "feature_fraction": 0.9,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "verbose": -1,
}


def cluster_examples(cluster: Cluster, scorer: Learned, words: int = WORDS, bigrams=None) -> tuple[np.ndarray, np.ndarray]:
    """Concept features and 0/1 labels (in the first reference, cut at ``words``) of one raw cluster."""
    prepared = leading_sentences(prepare(cluster))
    if not prepared.sentences or not cluster.references:
        return np.zeros((0, len(concepts.FEATURES)), np.float32), np.zeros(0)
    vectors = SentenceVectors.of(prepared)
    found = concepts.Concepts.of(vectors.words)
    matrix = concepts.features(found, vectors, len(prepared.documents), scorer.score(prepared, vectors), scorer.prior, bigrams)
    reference = concepts.reference_bigrams(cluster.references[0], words)
    return matrix, np.fromiter((name in reference for name in found.names), np.float64, len(found))


def build(
    paths: Iterable[str], limit: int | None, scorer: Learned, words: int = WORDS, workers: int = 2, bigrams=None
) -> tuple[np.ndarray, np.ndarray]:
    """Stacked features and labels of the first ``limit`` clusters of ``paths``, in file order."""
    parts = spread(_examples, clusters(paths, limit), workers, {"scorer": scorer, "words": words, "bigrams": bigrams})
    if not any(len(labels) for _, labels in parts):
        raise ValueError("no training clusters with sentences and a reference summary")
    return np.concatenate([part[0] for part in parts]), np.concatenate([part[1] for part in parts])


def _examples(cluster: Cluster, settings: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    return cluster_examples(cluster, settings["scorer"], settings["words"], settings["bigrams"])


def fit(matrix: np.ndarray, labels: np.ndarray, rounds: int = ROUNDS, seed: int = SEED, threads: int = 2) -> lightgbm.Booster:
    """Train deterministically (fixed seed, deterministic LightGBM)."""
    settings = {**PARAMS, "seed": seed, "deterministic": True, "num_threads": threads}
    data = lightgbm.Dataset(matrix, label=labels, feature_name=list(concepts.FEATURES))
    return lightgbm.train(settings, data, num_boost_round=rounds)
