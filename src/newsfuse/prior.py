"""The summary prior: how often a word of the input makes it into the editor's summary.

Counted on Multi-News training clusters: for every stemmed content word, in how many clusters it
occurs in the articles and in how many of those it also occurs in the reference summary.  News
summaries keep the who/what/where words ("police", "killed", "senate") and drop the reporting
scaffolding ("spokesperson", "statement", "added"), whatever the cluster; the learned scorer
reads this rate as a feature (Hong & Nenkova 2014 found it the strongest single word-importance
signal for news).  A plain JSON table of counts: loading it runs no code.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from newsfuse.model import Cluster
from newsfuse.text import TermWeights, terms

PRIOR_RESOURCE = "prior.json.gz"
MIN_COUNT = 5
#: pseudo-clusters of smoothing toward the overall rate, so a word seen in a handful of
#: clusters does not get a rate of 0 or 1
SMOOTHING = 5.0


class SummaryPrior(TermWeights):
    """How often each term of the articles reaches an editor's summary."""

    __slots__ = ()

    @classmethod
    def of(cls, table: dict) -> SummaryPrior:
        rate = table["rate"]
        rates = {term: (kept + SMOOTHING * rate) / (seen + SMOOTHING) for term, (kept, seen) in table["terms"].items()}
        return cls(rates, rate)


def count(clusters: Iterable[Cluster], min_count: int = MIN_COUNT, units: Callable[[str], Iterable[str]] = terms) -> dict:
    """The table's content: per term, clusters whose first reference has it and clusters whose
    articles have it (terms in fewer than ``min_count`` clusters dropped; ties ordered by term,
    so the same data gives the same bytes).  ``units`` gives a text's terms: stemmed content
    words by default, or e.g. bigrams (:func:`newsfuse.concepts.bigrams`)."""
    seen: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    clusters_counted = 0
    for cluster in clusters:
        if not cluster.references:
            continue
        clusters_counted += 1
        present = {term for document in cluster.documents for term in units(document.text)}
        seen.update(present)
        kept.update(present & set(units(cluster.references[0])))
    if not clusters_counted:
        raise ValueError("no clusters with a reference summary to count the summary prior on")
    rate = sum(kept.values()) / max(sum(seen.values()), 1)
    ranked = sorted(seen.items(), key=lambda item: (-item[1], item[0]))
    return {
        "clusters": clusters_counted,
        "rate": rate,
        "terms": {term: [kept[term], total] for term, total in ranked if total >= min_count},
    }


def save(table: dict, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(json.dumps(table, separators=(",", ":")).encode(), mtime=0))
    return path


def load(path: str | Path) -> SummaryPrior:
    """A prior from a gzipped JSON table; a clear ``ValueError`` when it is not one."""
    try:
        table = json.loads(gzip.decompress(Path(path).read_bytes()))
        return SummaryPrior.of(table)
    except (OSError, EOFError, ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{path}: not a summary prior table ({error})") from None


@cache
def shipped(resource: str = PRIOR_RESOURCE) -> SummaryPrior:
    """The prior shipped beside the learned model (or another table shipped there)."""
    data = resources.files("newsfuse.models").joinpath(resource).read_bytes()
    return SummaryPrior.of(json.loads(gzip.decompress(data)))
