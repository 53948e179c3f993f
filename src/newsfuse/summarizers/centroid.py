"""The default unsupervised summarizer: centrality, cross-document support and position.

A sentence is salient when it is close to the cluster's centroid (each document weighs the
same, so one long article cannot dominate), when other outlets report it too (support: its best
match in every other document), and when it comes early in its article, as news is written.
"""

from __future__ import annotations

import numpy as np

from newsfuse.model import Cluster
from newsfuse.summarizers.base import Summarizer
from newsfuse.vectors import SentenceVectors


def centrality(vectors: SentenceVectors, documents: int) -> np.ndarray:
    """Cosine of each sentence with the sum of the unit-length document vectors.

    Computed from the sentence similarity matrix alone: a sentence's dot product with a
    document's vector is the sum of its similarities to that document's sentences.
    """
    membership = np.zeros((len(vectors), documents))
    membership[np.arange(len(vectors)), vectors.documents] = 1.0
    to_documents = vectors.similarity @ membership
    gram = membership.T @ to_documents
    norms = np.sqrt(np.clip(np.diag(gram), 0.0, None))
    weights = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    centroid_norm = np.sqrt(max(weights @ gram @ weights, 0.0))
    if centroid_norm == 0:
        return np.zeros(len(vectors))
    return to_documents @ weights / centroid_norm


def best_matches(vectors: SentenceVectors, documents: int) -> np.ndarray:
    """``(sentences, documents)``: each sentence's best cosine with each document's sentences,
    0 for its own document and for a document without sentences."""
    count = len(vectors)
    best = np.zeros((count, documents))
    if count:
        order = np.argsort(vectors.documents, kind="stable")
        grouped = vectors.documents[order]
        starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
        best[:, grouped[starts]] = np.maximum.reduceat(vectors.similarity[:, order], starts, axis=1)
        best[np.arange(count), vectors.documents] = 0.0
    return best


def support(vectors: SentenceVectors, documents: int) -> np.ndarray:
    """Mean over the other documents of a sentence's best cosine with that document."""
    if documents < 2:
        return np.zeros(len(vectors))
    return best_matches(vectors, documents).sum(axis=1) / (documents - 1)


class Centroid(Summarizer):
    name = "centroid"
    support_weight = 0.5
    position_weight = 0.3

    def score(self, cluster: Cluster, vectors: SentenceVectors) -> np.ndarray:
        documents = len(cluster.documents)
        position = 1.0 / np.sqrt(1.0 + vectors.positions)
        return (
            centrality(vectors, documents)
            + self.support_weight * support(vectors, documents)
            + self.position_weight * position
        )
