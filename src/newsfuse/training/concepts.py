"""Train the concept weights: for every bigram of a training cluster, does the reference have it?

Clusters are prepared, vectorised and scored by the sentence scorer exactly as at inference, so
the concept model sees the features it will be given.  LightGBM regression on the 0/1 label
predicts the chance that a bigram is in the reference (Li, Qian & Liu 2013); it is saved as
LightGBM text, which loads without pickle.  The bigram summary prior (a feature) must be counted
on other clusters than the ones trained on, or the feature would know their summaries.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import lightgbm
import numpy as np

from newsfuse import concepts, prior
from newsfuse.model import Cluster
from newsfuse.pipeline import prepare
from newsfuse.summarizers.base import leading_sentences
from newsfuse.summarizers.coverage import concept_features
from newsfuse.summarizers.learned import Learned
from newsfuse.training.dataset import WORDS, clusters, spread
from newsfuse.vectors import SentenceVectors

SEED = 13
#: 80 trees of 15 leaves at a higher learning rate rather than 300 of 31 at 0.1: weighing a raw
#: cluster's thousand bigrams takes 1.4 ms instead of 4.7, and on all of val the summaries score
#: as well (R2 +0.14 over ``learned`` either way; 50 trees of 31 leaves: +0.15, 30: +0.12)
ROUNDS = 80
#: bigrams seen in fewer training clusters are left out of the bigram prior (23k bigrams, 133 KiB
#: from 12,000 clusters)
BIGRAM_MIN_COUNT = 20
PARAMS = {
    "objective": "regression",
    "learning_rate": 0.2,
    "num_leaves": 15,
    "min_data_in_leaf": 100,
    "feature_fraction": 0.9,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "verbose": -1,
}


def bigram_prior(source: Iterable[Cluster], min_count: int = BIGRAM_MIN_COUNT) -> dict:
    """The bigram summary prior's table (:func:`newsfuse.prior.count` over bigrams)."""
    return prior.count(source, min_count, units=concepts.bigrams)


def cluster_examples(
    cluster: Cluster, scorer: Learned, bigrams: prior.SummaryPrior, words: int = WORDS
) -> tuple[np.ndarray, np.ndarray]:
    """Concept features and 0/1 labels (in the first reference, cut at ``words``) of one raw cluster."""
    prepared = leading_sentences(prepare(cluster))
    if not prepared.sentences or not cluster.references:
        return np.zeros((0, len(concepts.FEATURES)), np.float32), np.zeros(0)
    found, matrix, _ = concept_features(scorer, bigrams, prepared, SentenceVectors.of(prepared))
    reference = concepts.bigrams(cluster.references[0], words)
    return matrix, np.fromiter((name in reference for name in found.names), np.float64, len(found))


def build(
    paths: Iterable[str], limit: int | None, scorer: Learned, bigrams: prior.SummaryPrior, words: int = WORDS, workers: int = 2
) -> tuple[np.ndarray, np.ndarray]:
    """Stacked features and labels of the first ``limit`` clusters of ``paths``, in file order."""
    settings = {"scorer": scorer, "bigrams": bigrams, "words": words}
    parts = spread(_examples, clusters(paths, limit), workers, settings)
    if not any(len(labels) for _, labels in parts):
        raise ValueError("no training clusters with sentences and a reference summary")
    return np.concatenate([part[0] for part in parts]), np.concatenate([part[1] for part in parts])


def _examples(cluster: Cluster, settings: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    return cluster_examples(cluster, settings["scorer"], settings["bigrams"], settings["words"])


def fit(matrix: np.ndarray, labels: np.ndarray, rounds: int = ROUNDS, seed: int = SEED, threads: int = 2) -> lightgbm.Booster:
    """Train deterministically (fixed seed, deterministic LightGBM)."""
    settings = {**PARAMS, "seed": seed, "deterministic": True, "num_threads": threads}
    data = lightgbm.Dataset(matrix, label=labels, feature_name=list(concepts.FEATURES))
    return lightgbm.train(settings, data, num_boost_round=rounds)
