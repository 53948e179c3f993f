"""Content-free pages: scraper leftovers that must neither attract nor merge stories.

A scraped news link often yields no article at all: a web-archive crawl notice, a tweet-embed
help text, a sign-in wall, a "page not found".  Such pages are the same few sentences whatever
story linked to them, so by text similarity they would glue unrelated stories together.  They
are recognised by MinHash (the near-duplicate signature of :mod:`newsfuse.stories.dedup`): the
shipped table holds one signature per family of pages that recur near-verbatim in at least
``MIN_CLUSTERS`` unrelated clusters of the Multi-News training split.  The families are learned
(:func:`learn`, ``newsfuse train-junk``), not hand-listed.  An article too short to sign (fewer
than ``dedup.MIN_TERMS`` content terms) has no content to group by either.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from functools import cache
from importlib import resources

import numpy as np

from newsfuse.cleaning import clean
from newsfuse.stories import dedup

JUNK_RESOURCE = "junk.json.gz"
MIN_CLUSTERS = 3


class JunkTable:
    """Signatures of known content-free pages; a page matches when it agrees with one of them
    on at least the near-duplicate threshold of the signature."""

    def __init__(self, signatures: np.ndarray, threshold: float = dedup.THRESHOLD) -> None:
        self.signatures = signatures.reshape(-1, dedup.PERMUTATIONS).astype(np.uint32)
        self.threshold = threshold

    def __len__(self) -> int:
        return len(self.signatures)

    def matches(self, signature: np.ndarray) -> bool:
        if not len(self.signatures):
            return False
        # a sum per row: np.count_nonzero with an axis converts to bool in Python first, twice as slow
        agreeing = (self.signatures == signature).sum(axis=1).max()
        return bool(agreeing / dedup.PERMUTATIONS >= self.threshold)

    def to_json(self) -> bytes:
        table = {"permutations": dedup.PERMUTATIONS, "seed": dedup.SEED, "min_clusters": MIN_CLUSTERS,
                 "signatures": self.signatures.tolist()}
        return gzip.compress(json.dumps(table, separators=(",", ":")).encode(), mtime=0)


@cache
def load_junk() -> JunkTable:
    with resources.files("newsfuse.resources").joinpath(JUNK_RESOURCE).open("rb") as handle:
        table = json.loads(gzip.decompress(handle.read()))
    return JunkTable(np.asarray(table["signatures"], dtype=np.uint32))


def learn(clusters: Iterable[list[str]], min_clusters: int = MIN_CLUSTERS) -> JunkTable:
    """One signature per family of pages found near-verbatim in ``min_clusters`` or more clusters.

    Every document is cleaned as ingest cleans it; the LSH proposes near-duplicates, which join a
    family when they agree on the near-duplicate threshold.  A family is represented by its first
    member not already covered by an earlier representative, so the table stays small.
    """
    owners: list[int] = []
    signatures: list[np.ndarray] = []
    for number, documents in enumerate(clusters):
        for text in documents:
            values = dedup.signature(clean(text))
            if values is not None:
                owners.append(number)
                signatures.append(values)
    index = dedup.BandIndex()
    for key, values in enumerate(signatures):
        index.insert(key, values)
    chosen = JunkTable(np.empty((0, dedup.PERMUTATIONS), dtype=np.uint32))
    for values in signatures:
        near = [key for key in index.query(values) if np.mean(signatures[key] == values) >= dedup.THRESHOLD]
        if len({owners[key] for key in near}) >= min_clusters and not chosen.matches(values):
            chosen = JunkTable(np.vstack([chosen.signatures, values]))
    return chosen
