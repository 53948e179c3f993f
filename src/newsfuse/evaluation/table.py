"""From per-cluster scores to the rows of the results table: means, intervals, tests, speed."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from newsfuse.evaluation.bootstrap import Bootstrap
from newsfuse.evaluation.harness import KEYS, Results

#: the measure every comparison (p-value, lead-to-oracle progress) is made on
PRIMARY = "R2_f"
LEAD = "lead"
ORACLE = "oracle"


@dataclass(slots=True)
class Row:
    system: str
    kind: str
    mean: dict[str, float]
    low: dict[str, float]
    high: dict[str, float]
    p_value: dict[str, float] | None
    words: float
    clusters_per_second: float | None
    lead_to_oracle: float | None
    missing: int

    def to_dict(self) -> dict:
        return asdict(self)


def rows(results: Results, baseline: str | None = LEAD, samples: int = 1000, seed: int = 0) -> list[Row]:
    """One row per system, in the order of the run.

    ``p_value`` holds the paired-bootstrap p-values against ``baseline`` (absent for the
    baseline itself or when it is not in the run); ``lead_to_oracle`` is the share, in %, of the
    ROUGE-2 F1 gap between lead and the oracle that a system closes (needs both in the run).
    """
    if not results.ids:
        return []
    bootstrap = Bootstrap(len(results.ids), samples, seed)
    means = {name: {key: float(results.values(name, key).mean()) for key in KEYS} for name in results.systems}
    gap = None
    if LEAD in means and ORACLE in means:
        gap = means[ORACLE][PRIMARY] - means[LEAD][PRIMARY]
    table = []
    for name in results.systems:
        intervals = {key: bootstrap.interval(results.values(name, key)) for key in KEYS}
        p_value = None
        if baseline in results.systems and name != baseline:
            p_value = {key: bootstrap.p_value(results.values(name, key), results.values(baseline, key)) for key in KEYS}
        words = results.words[name]
        table.append(
            Row(
                system=name,
                kind=results.kinds[name],
                mean=means[name],
                low={key: low for key, (low, _) in intervals.items()},
                high={key: high for key, (_, high) in intervals.items()},
                p_value=p_value,
                words=sum(words) / len(words),
                clusters_per_second=results.clusters_per_second(name),
                lead_to_oracle=100 * (means[name][PRIMARY] - means[LEAD][PRIMARY]) / gap if gap else None,
                missing=results.missing.get(name, 0),
            )
        )
    return table
