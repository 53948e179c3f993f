"""Bootstrap over clusters: confidence intervals of a mean and a paired test between systems.

Clusters are the unit resampled (Koehn 2004; Berg-Kirkpatrick et al. 2012), with a fixed seed
so a table repeats exactly.  Every system is resampled with the same cluster draws, which makes
the test paired: it asks whether the mean per-cluster difference from the baseline could be
zero, not whether two independent averages overlap.
"""

from __future__ import annotations

import numpy as np

SAMPLES = 1000
SEED = 0
LEVEL = 0.95


class Bootstrap:
    """One fixed set of resampled cluster indices, reused for every system and measure."""

    def __init__(self, clusters: int, samples: int = SAMPLES, seed: int = SEED) -> None:
        if clusters < 1:
            raise ValueError("the bootstrap needs at least one cluster")
        self.clusters = clusters
        self.draws = np.random.default_rng(seed).integers(0, clusters, size=(samples, clusters), dtype=np.int32)

    def means(self, values: np.ndarray) -> np.ndarray:
        """The mean of ``values`` in every resample."""
        values = np.asarray(values, dtype=np.float64)
        if values.shape != (self.clusters,):
            raise ValueError(f"expected {self.clusters} per-cluster values, got shape {values.shape}")
        return values[self.draws].mean(axis=1)

    def interval(self, values: np.ndarray, level: float = LEVEL) -> tuple[float, float]:
        """Percentile confidence interval of the mean."""
        tail = (1 - level) / 2 * 100
        low, high = np.percentile(self.means(values), [tail, 100 - tail])
        return float(low), float(high)

    def p_value(self, values: np.ndarray, baseline: np.ndarray) -> float:
        """Two-sided paired test of mean(values) == mean(baseline).

        The resampled mean differences are centred on zero (the null hypothesis) and the p-value
        is the share of them at least as far from zero as the observed difference.  With
        ``n`` resamples it cannot go below ``1 / (n + 1)``.
        """
        differences = np.asarray(values, dtype=np.float64) - np.asarray(baseline, dtype=np.float64)
        observed = differences.mean()
        resampled = self.means(differences) - observed
        extreme = int(np.sum(np.abs(resampled) >= abs(observed) - 1e-12))
        return (extreme + 1) / (len(resampled) + 1)
