"""One interface for every summarizer: score the sentences, then let selection write the summary."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import replace
from typing import ClassVar

import numpy as np

from newsfuse.model import Cluster, Summary
from newsfuse.selection import DEFAULT_WORDS, select
from newsfuse.vectors import SentenceVectors


MAX_SENTENCES = 1500


def leading_sentences(cluster: Cluster, limit: int = MAX_SENTENCES) -> Cluster:
    """Keep at most ``limit`` sentences, the first ones of every document.

    Scoring needs all pairwise similarities, quadratic in the sentence count; a huge input
    (a book pasted as one article) is summarized from its opening, as news is written.
    """
    if len(cluster.sentences) <= limit:
        return cluster
    per_document = max(limit // len(cluster.documents), 1)
    documents = [replace(document, sentences=document.sentences[:per_document]) for document in cluster.documents]
    return replace(cluster, documents=documents)


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
        considered = leading_sentences(cluster)
        summary = self.summarize(considered, SentenceVectors.of(considered), words)
        return replace(summary, cluster=cluster)

    def summarize(self, cluster: Cluster, vectors: SentenceVectors, words: int) -> Summary:
        """Score the sentences, then select: a summarizer that judges the summary as a whole
        (not each sentence alone) overrides this."""
        scores = np.asarray(self.score(cluster, vectors), dtype=np.float64)
        return select(cluster, vectors, scores, words, redundancy=self.redundancy, method=self.name)
