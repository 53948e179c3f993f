"""Paired per-cluster comparisons shared by the benchmarks that score variants of newsfuse on
the same clusters (ceilings, concepts, compression, furniture): the clusters' outcomes, and
table cells of mean ROUGE with each paired difference and its 95 % bootstrap interval."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.evaluation import datasets
from newsfuse.evaluation.bootstrap import Bootstrap
from newsfuse.model import Cluster
from newsfuse.training.dataset import spread


def outcomes(systems: Callable[[Cluster, dict[str, Any]], Any], data: Path, limit: int | None, jobs: int, settings: dict[str, Any]) -> list:
    """``systems(cluster, settings)`` for the first ``limit`` clusters of ``data`` that have a
    reference, in ``jobs`` processes, without the empty outcomes (clusters with no sentence)."""
    items = (item for item in datasets.load(data, limit) if isinstance(item, Cluster) and item.references)
    found = [outcome for outcome in spread(systems, items, jobs, settings) if outcome]
    if not found:
        raise SystemExit(f"{data}: no cluster with sentences and a reference summary (is NEWSFUSE_SHARED set?)")
    return found


def difference(values: np.ndarray, baseline: np.ndarray, bootstrap: Bootstrap) -> str:
    """The mean of the paired differences ``values - baseline`` and its 95 % interval."""
    low, high = bootstrap.interval(values - baseline)
    return f"{(values - baseline).mean():+.2f} ({low:+.2f} to {high:+.2f})"


def cells(rows: np.ndarray, baseline: np.ndarray, bootstrap: Bootstrap) -> list[str]:
    """R1 and R2 F1 in points (columns 0 and 1 of per-cluster rows), then their paired
    differences from ``baseline``'s, as table cells."""
    means = [f"{rows[:, column].mean():.2f}" for column in (0, 1)]
    return means + [difference(rows[:, column], baseline[:, column], bootstrap) for column in (0, 1)]
