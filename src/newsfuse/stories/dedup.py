"""Near-duplicate detection: syndicated and lightly edited copies of an article.

Each article gets a MinHash signature over its word 3-shingles; an LSH index (datasketch)
proposes earlier articles that probably share most shingles, and the estimated Jaccard
similarity decides.  Wire copies reprinted with a new headline, a dropped paragraph or an
added credit line keep most shingles, so they are found; two outlets reporting the same event
in their own words share few, so they are not.  The index only holds articles of the recent
time window, so it stays as small as the story assigner's state.

Shingles are hashed with CRC-32 rather than Python's ``hash`` so signatures are identical in
every process (Spark workers, a re-opened store).
"""

from __future__ import annotations

import zlib
from collections import deque
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsfuse.text import words

PERMUTATIONS = 64
SHINGLE = 3
MIN_WORDS = 12
THRESHOLD = 0.6
SEED = 1


@dataclass(slots=True, frozen=True)
class Match:
    """An earlier article the new one copies, and their estimated Jaccard similarity."""

    original: int
    similarity: float


_template = MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=zlib.crc32)


def signature(text: str) -> np.ndarray | None:
    """The MinHash of ``text``'s word shingles; ``None`` when it is too short to judge."""
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    shingles = {" ".join(tokens[index : index + SHINGLE]).encode() for index in range(len(tokens) - SHINGLE + 1)}
    minhash = _template.copy()
    minhash.update_batch(list(shingles))
    return minhash.hashvalues.copy()


def _minhash(values: np.ndarray) -> MinHash:
    return MinHash(seed=SEED, hashvalues=values, permutations=_template.permutations, scheme=_template.scheme)


class Deduplicator:
    """Links each article to the earliest recent article it nearly copies."""

    def __init__(self, threshold: float = THRESHOLD, window: float = 3.0) -> None:
        self.threshold = threshold
        self.window = window
        self._lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
        self._signatures: dict[int, np.ndarray] = {}
        self._times: deque[tuple[float, int]] = deque()
        self._originals: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def find(self, values: np.ndarray | None) -> Match | None:
        """The original of the best-matching recent article, if one is similar enough."""
        if values is None or not self._signatures:
            return None
        best: Match | None = None
        for key in self._lsh.query(_minhash(values)):
            similarity = float(np.mean(self._signatures[key] == values))
            if similarity >= self.threshold and (best is None or (similarity, -key) > (best.similarity, -best.original)):
                best = Match(key, similarity)
        if best is None:
            return None
        return Match(self._originals.get(best.original, best.original), best.similarity)

    def add(self, key: int, values: np.ndarray | None, time: float, original: int | None = None) -> None:
        """Index an article (a copy is remembered with its original, so chains collapse)."""
        if values is None or key in self._signatures:
            return
        self._signatures[key] = values
        self._lsh.insert(key, _minhash(values), check_duplication=False)
        self._times.append((time, key))
        if original is not None:
            self._originals[key] = original

    def expire(self, now: float) -> None:
        """Forget articles older than the window (the input is roughly time-ordered)."""
        while self._times and self._times[0][0] < now - self.window:
            _, key = self._times.popleft()
            self._lsh.remove(key)
            del self._signatures[key]
            self._originals.pop(key, None)
