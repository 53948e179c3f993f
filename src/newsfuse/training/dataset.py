"""Training examples: one feature row and two labels per sentence of every training cluster.

Clusters are prepared exactly as at inference (clean, segment, vectorise) so the model sees
the features it will be given.  Work is spread over at most two niced worker processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from multiprocessing import get_context
from typing import Any, TypeVar

import numpy as np

from newsfuse.features import FEATURES, features
from newsfuse.model import Cluster
from newsfuse.pipeline import prepare
from newsfuse.prior import SummaryPrior
from newsfuse.readers import InputError, read
from newsfuse.training.labels import gains, membership
from newsfuse.vectors import SentenceVectors

NICENESS = 10
#: the summary length labels are made for: the evaluation's default budget and cut-off
WORDS = 250


@dataclass(slots=True)
class Examples:
    """Stacked sentence rows; ``groups`` holds the number of rows of each cluster, in order."""

    features: np.ndarray
    gains: np.ndarray
    oracle: np.ndarray
    groups: np.ndarray

    def __len__(self) -> int:
        return len(self.groups)


def clusters(paths: Iterable[str], limit: int | None = None) -> Iterator[Cluster]:
    """Clusters with a reference summary from Multi-News-style JSONL files; bad lines skipped."""
    items = (item for path in paths for item in read(path))
    usable = (item for item in items if not isinstance(item, InputError) and item.references)
    return islice(usable, limit)


def cluster_examples(
    cluster: Cluster, words: int = WORDS, prior: SummaryPrior | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, ROUGE gains and oracle membership of one raw cluster's sentences."""
    prepared = prepare(cluster)
    if not prepared.sentences:
        return np.zeros((0, len(FEATURES)), np.float32), np.zeros(0), np.zeros(0)
    labelled = replace(prepared, references=prepared.references[:1])
    return features(prepared, SentenceVectors.of(prepared), prior), gains(labelled, words), membership(labelled, words)


def build(
    paths: Iterable[str], limit: int | None = None, words: int = WORDS, workers: int = 2, prior: SummaryPrior | None = None
) -> Examples:
    """Examples of the first ``limit`` clusters of ``paths``, in file order (deterministic).

    ``prior`` is the summary prior the features read (the shipped one by default); count it on
    other clusters than these, or the feature would know their summaries.
    """
    parts = spread(_examples, clusters(paths, limit), workers, {"words": words, "prior": prior})
    parts = [part for part in parts if len(part[1])]
    if not parts:
        raise ValueError("no training clusters with sentences and a reference summary")
    return Examples(
        features=np.concatenate([part[0] for part in parts]),
        gains=np.concatenate([part[1] for part in parts]),
        oracle=np.concatenate([part[2] for part in parts]),
        groups=np.array([len(part[1]) for part in parts]),
    )


Result = TypeVar("Result")


def spread(work: Callable[[Cluster, dict[str, Any]], Result], source: Iterable[Cluster], workers: int, settings: dict[str, Any]) -> list[Result]:
    """``work(cluster, settings)`` for every cluster, in order, in at most ``workers`` niced
    processes that are given the settings once rather than with every cluster."""
    if workers <= 1:
        return [work(cluster, settings) for cluster in source]
    with get_context("fork").Pool(workers, initializer=_start_worker, initargs=(work, settings)) as pool:
        return list(pool.imap(_work, source, chunksize=32))


_worker: dict = {}


def _start_worker(work: Callable, settings: dict[str, Any]) -> None:
    os.nice(NICENESS)
    _worker.update(work=work, settings=settings)


def _work(cluster: Cluster) -> Any:
    return _worker["work"](cluster, _worker["settings"])


def _examples(cluster: Cluster, settings: dict[str, Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return cluster_examples(cluster, settings["words"], settings["prior"])
