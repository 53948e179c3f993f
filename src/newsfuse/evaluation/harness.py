"""One run: every system summarizes and is scored on the same clusters, cluster by cluster.

Timing: ``prepare`` (cleaning and sentence splitting) is done once per cluster and shared, so
it is timed once and its total is added to the summarization time of every system that reads
the prepared cluster (newsfuse's methods, the sumy peers, the oracle), as each would pay it
alone.  External outputs cost nothing here.  ROUGE scoring is never timed.  clusters/s is
single-core throughput: clusters divided by that time, also when ``jobs`` > 1.  Times are
CPU time of the process (``time.process_time``), not wall time, so a machine busy with other
work slows the run but does not change the speeds it reports.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsfuse.evaluation import rouge
from newsfuse.evaluation.systems import External, System, resolve
from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare
from newsfuse.readers import InputError

KEYS = tuple(f"{rouge.SHORT[measure]}_{kind}" for measure in rouge.MEASURES for kind in "frp")


@dataclass(slots=True)
class Outcome:
    """What every system did on one cluster."""

    id: str
    prepare_seconds: float
    scores: dict[str, dict[str, float]]
    words: dict[str, int]
    seconds: dict[str, float]
    missing: list[str]


def evaluate_cluster(cluster: Cluster, systems: Sequence[System], budget: int, truncate_at: int | None) -> Outcome:
    references = [rouge.sentences_of(text) for text in cluster.references]
    started = time.process_time()
    prepared = prepare(cluster)
    prepare_seconds = time.process_time() - started
    outcome = Outcome(cluster.id, prepare_seconds, {}, {}, {}, [])
    for system in systems:
        started = time.process_time()
        summary = system.summarize(prepared if system.prepared else cluster, budget)
        outcome.seconds[system.name] = time.process_time() - started
        outcome.words[system.name] = sum(len(sentence.split()) for sentence in rouge.truncate(summary, truncate_at))
        outcome.scores[system.name] = rouge.score(summary, references, truncate_at)
        if isinstance(system, External) and cluster.id not in system:
            outcome.missing.append(system.name)
    return outcome


@dataclass
class Results:
    """Per-cluster scores of every system, in cluster order, plus timing."""

    systems: list[str]
    prepared: dict[str, bool]
    kinds: dict[str, str]
    budget: int
    truncate_at: int | None
    ids: list[str] = field(default_factory=list)
    scores: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    words: dict[str, list[int]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    prepare_seconds: float = 0.0
    missing: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.ids.append(outcome.id)
        self.prepare_seconds += outcome.prepare_seconds
        for name in self.systems:
            for key in KEYS:
                self.scores.setdefault(name, {}).setdefault(key, []).append(outcome.scores[name][key])
            self.words.setdefault(name, []).append(outcome.words[name])
            self.seconds[name] = self.seconds.get(name, 0.0) + outcome.seconds[name]
        for name in outcome.missing:
            self.missing[name] = self.missing.get(name, 0) + 1

    def values(self, system: str, key: str) -> np.ndarray:
        return np.asarray(self.scores[system][key], dtype=np.float64)

    def clusters_per_second(self, system: str) -> float | None:
        """Single-core throughput, the shared prepare step included; ``None`` for external outputs."""
        if not self.prepared[system]:
            return None
        seconds = self.seconds[system] + self.prepare_seconds
        return len(self.ids) / seconds if seconds > 0 else None


_WARM_UP = Cluster(
    id="warm-up",
    documents=[Document(text="The council met on Monday. It approved the new bridge. Work starts in May.")],
    references=["The council approved a bridge."],
)


def warm_up(systems: Sequence[System]) -> None:
    """Run every system once, untimed, so one-off loading (IDF table, stemmers) is not billed to the first."""
    prepared = prepare(_WARM_UP)
    for system in systems:
        if system.prepared:
            system.summarize(prepared, 20)


_worker: dict = {}


def _start_worker(specs: Sequence[str], budget: int, truncate_at: int | None) -> None:
    systems = resolve(specs, truncate_at)
    warm_up(systems)
    _worker.update(systems=systems, budget=budget, truncate_at=truncate_at)


def _evaluate_in_worker(cluster: Cluster) -> Outcome:
    return evaluate_cluster(cluster, _worker["systems"], _worker["budget"], _worker["truncate_at"])


def run(
    items: Iterable[Cluster | InputError],
    specs: Sequence[str],
    budget: int,
    truncate_at: int | None = None,
    jobs: int = 1,
    advance: Callable[[], None] = lambda: None,
) -> Results:
    """Score the systems named by ``specs`` on every cluster with references.

    Clusters the reader could not read, and clusters without a reference, are listed in
    ``Results.skipped`` rather than stopping the run.
    """
    systems = resolve(specs, truncate_at)
    results = Results(
        [s.name for s in systems], {s.name: s.prepared for s in systems}, {s.name: s.kind for s in systems}, budget, truncate_at
    )

    def scorable() -> Iterable[Cluster]:
        for item in items:
            if isinstance(item, InputError):
                results.skipped.append(str(item))
            elif not item.references:
                results.skipped.append(f"{item.id}: no reference summary")
            else:
                yield item

    if jobs <= 1:
        warm_up(systems)
        outcomes = (evaluate_cluster(cluster, systems, budget, truncate_at) for cluster in scorable())
        for outcome in outcomes:
            results.add(outcome)
            advance()
        return results
    with multiprocessing.get_context("fork").Pool(jobs, _start_worker, (list(specs), budget, truncate_at)) as pool:
        for outcome in pool.imap(_evaluate_in_worker, scorable(), chunksize=4):
            results.add(outcome)
            advance()
    return results
