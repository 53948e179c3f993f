"""Sentence labels from a reference summary: each sentence's own ROUGE and oracle membership.

Both are computed with the evaluation's arithmetic (rouge-score's tokenizer, n-gram counters,
the greedy oracle of :mod:`newsfuse.evaluation.oracle`), so the model learns what is scored.
"""

from __future__ import annotations

import numpy as np

from newsfuse.evaluation.oracle import ORDERS, fmeasure, ngrams, oracle
from newsfuse.evaluation.rouge import TOKENIZER, truncate
from newsfuse.model import Cluster


def gains(cluster: Cluster, truncate_at: int | None = None) -> np.ndarray:
    """Each sentence's mean ROUGE-1/2 F1 against the first reference, taken on its own."""
    target = TOKENIZER.tokenize(" ".join(truncate([cluster.references[0]], truncate_at)))
    references = {n: ngrams(target, n) for n in ORDERS}
    values = []
    for sentence in cluster.sentences:
        tokens = TOKENIZER.tokenize(sentence.text)
        value = 0.0
        for n, reference in references.items():
            counts = ngrams(tokens, n)
            overlap = sum(min(count, reference[gram]) for gram, count in counts.items())
            value += fmeasure(overlap, sum(counts.values()), sum(reference.values()))
        values.append(value / len(ORDERS))
    return np.array(values)


def membership(cluster: Cluster, words: int) -> np.ndarray:
    """1 for the sentences of the greedy oracle summary (references cut at ``words``), else 0."""
    labels = np.zeros(len(cluster.sentences))
    labels[oracle(cluster, words, words)] = 1.0
    return labels
