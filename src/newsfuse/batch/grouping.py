"""Articles without a story key into stories, in blocks small enough for one worker.

Three steps, each a pure function both engines call (Spark distributes the first two):

1. every article is cleaned as the story store cleans it, gets a time window
   (``date // window_days``) and the store's MinHash signature, cut into bands of rows;
2. near-duplicates (syndicated copies): within a window, every article that shares a band with
   the band's first article (lowest input position) and agrees with it on at least the store's
   near-duplicate threshold of the signature is linked to it; linked articles form one
   component, represented by its first article;
3. per window, the representatives go through the store's story assignment
   (:func:`newsfuse.stories.assign.assign_stream`) in time order, and every copy joins its
   representative's story.

Linking to the band's first article instead of to every pair keeps the work linear even when a
wire story has thousands of copies.  Copies are removed before assignment, so the assigner's
own (sequential) near-duplicate index is not needed here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np

from newsfuse.model import Document
from newsfuse.stories import dedup
from newsfuse.stories.assign import assign_stream

BANDS = 21
ROWS = 3
AGREE = math.ceil(dedup.THRESHOLD * dedup.PERMUTATIONS)
"""Signature positions that must agree for two articles to count as copies."""
WINDOW_DAYS = 7
UNDATED = -1


class Edge(NamedTuple):
    """``position`` is a near-duplicate of ``head`` (an earlier article) in ``window``."""

    window: int
    position: int
    head: int


class Keyed(NamedTuple):
    """What step 2 needs of an article."""

    window: int
    position: int
    signature: Sequence[int]
    bands: Sequence[int]


def window_of(date: dt.date | None, days: int = WINDOW_DAYS) -> int:
    """The time window an article falls in; undated articles share one window."""
    return UNDATED if date is None else date.toordinal() // days


def signature(text: str) -> list[int]:
    """The store's MinHash signature as plain ints (empty for articles too short to judge)."""
    values = dedup.signature(text)
    return [] if values is None else [int(value) for value in values]


def band_keys(values: Sequence[int]) -> list[int]:
    """One signed 64-bit key per band (Spark's ``long``), the band's index mixed in."""
    if not values:
        return []
    keys = []
    for band in range(BANDS):
        chunk = np.asarray(values[band * ROWS:(band + 1) * ROWS], dtype=np.int64).tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def agreeing(left: Sequence[int], right: Sequence[int]) -> int:
    return sum(1 for a, b in zip(left, right, strict=True) if a == b)


def duplicate_edges(articles: Iterable[Keyed]) -> list[Edge]:
    """Step 2 on one machine: the same edges Spark finds with a band join."""
    items = list(articles)
    heads: dict[tuple[int, int, int], Keyed] = {}
    for item in items:
        for band, key in enumerate(item.bands):
            head = heads.get((item.window, band, key))
            if head is None or item.position < head.position:
                heads[(item.window, band, key)] = item
    edges = set()
    for item in items:
        for band, key in enumerate(item.bands):
            head = heads[(item.window, band, key)]
            if head.position != item.position and agreeing(item.signature, head.signature) >= AGREE:
                edges.add(Edge(item.window, item.position, head.position))
    return sorted(edges)


def representatives(positions: Iterable[int], edges: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Connected components of the near-duplicate links: position -> first position of its component."""
    parent = {position: position for position in positions}

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for position, head in edges:
        low, high = sorted((root(position), root(head)))
        parent[high] = low
    return {position: root(position) for position in parent}


def assign_window(articles: dict[int, Document], edges: Iterable[tuple[int, int]]) -> dict[int, str]:
    """Step 3 for one window of cleaned articles: position -> story id.

    A story's id is ``story-`` plus the id of its first article in input order, so it does not
    depend on how the input was split across machines.
    """
    representative = representatives(articles, edges)
    heads = sorted(set(representative.values()), key=lambda position: (articles[position].date or dt.date.min, position))
    labels = dict(zip(heads, assign_stream([articles[position] for position in heads], dedup=False), strict=True))
    first: dict[int, int] = {}
    for position in sorted(articles):
        first.setdefault(labels[representative[position]], position)
    return {position: f"story-{articles[first[labels[representative[position]]]].id}" for position in articles}
