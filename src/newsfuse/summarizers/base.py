"""One interface for every summarizer: score the sentences, then let selection write the summary."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

import numpy as np

from newsfuse.model import Cluster, Summary
from newsfuse.selection import DEFAULT_WORDS, select
from newsfuse.vectors import SentenceVectors


class Summarizer(ABC):
    """A sentence-scoring algorithm.  Subclasses implement :meth:`score` and set ``name``."""

    name: ClassVar[str]
    redundancy: float = 0.5

    @abstractmethod
    def score(self, cluster: Cluster, vectors: SentenceVectors) -> np.ndarray:
        """One salience score per sentence of ``cluster.sentences``; higher is better."""

    def __call__(self, cluster: Cluster, words: int = DEFAULT_WORDS) -> Summary:
        """Summarize a cluster whose documents are already cleaned and segmented."""
        if not cluster.sentences:
            return Summary(sentences=[], cluster=cluster, method=self.name)
        vectors = SentenceVectors.of(cluster)
        scores = np.asarray(self.score(cluster, vectors), dtype=np.float64)
        return select(cluster, vectors, scores, words, redundancy=self.redundancy, method=self.name)
