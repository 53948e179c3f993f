"""Graph centrality baselines: LexRank (Erkan & Radev 2004) and TextRank (Mihalcea & Tarau 2004)."""

from __future__ import annotations

import math

import numpy as np

from newsfuse.model import Cluster
from newsfuse.summarizers.base import Summarizer
from newsfuse.text import terms
from newsfuse.vectors import SentenceVectors


def pagerank(weights: np.ndarray, damping: float = 0.85, iterations: int = 50, tolerance: float = 1e-6) -> np.ndarray:
    """Stationary distribution of a random walk on a weighted graph (rows need not sum to 1)."""
    size = len(weights)
    totals = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, totals, out=np.full_like(weights, 1.0 / size), where=totals > 0)
    rank = np.full(size, 1.0 / size)
    for _ in range(iterations):
        updated = (1 - damping) / size + damping * (transition.T @ rank)
        if np.abs(updated - rank).sum() < tolerance:
            return updated
        rank = updated
    return rank


class LexRank(Summarizer):
    """Continuous LexRank: random walk on the TF-IDF cosine graph, edges below a threshold cut."""

    name = "lexrank"
    threshold = 0.1

    def score(self, cluster: Cluster, vectors: SentenceVectors) -> np.ndarray:
        weights = np.where(vectors.similarity >= self.threshold, vectors.similarity, 0.0)
        return pagerank(weights)


class TextRank(Summarizer):
    """TextRank: shared words normalised by the log of the sentence lengths."""

    name = "textrank"

    def score(self, cluster: Cluster, vectors: SentenceVectors) -> np.ndarray:
        bags = [set(terms(sentence.text)) for sentence in cluster.sentences]
        size = len(bags)
        weights = np.zeros((size, size))
        for row in range(size):
            for column in range(row + 1, size):
                shared = len(bags[row] & bags[column])
                if shared and len(bags[row]) > 1 and len(bags[column]) > 1:
                    weights[row, column] = weights[column, row] = shared / (
                        math.log(len(bags[row])) + math.log(len(bags[column]))
                    )
        return pagerank(weights)
