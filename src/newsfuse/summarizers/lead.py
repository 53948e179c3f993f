"""Lead baseline: the first sentences of every document, taken round-robin."""

from __future__ import annotations

import numpy as np

from newsfuse.model import Cluster
from newsfuse.summarizers.base import Summarizer
from newsfuse.vectors import SentenceVectors


class Lead(Summarizer):
    name = "lead"

    def score(self, cluster: Cluster, vectors: SentenceVectors) -> np.ndarray:
        return -(vectors.positions * len(cluster.documents) + vectors.documents).astype(np.float64)


class Random(Summarizer):
    """Random sentences, seeded by the cluster id so runs repeat."""

    name = "random"

    def score(self, cluster: Cluster, vectors: SentenceVectors) -> np.ndarray:
        seed = int.from_bytes(cluster.id.encode()[-8:].rjust(8, b"\0"), "big")
        return np.random.default_rng(seed).random(len(vectors))
