"""Near-duplicate detection: syndicated and lightly edited copies of an article.

Each article gets a MinHash signature over its shingles (runs of three content words, stemmed,
the same terms its TF-IDF vector counts); an LSH index (datasketch)
proposes earlier articles that probably share most shingles, and the estimated Jaccard
similarity decides.  Wire copies reprinted with a new headline, a dropped paragraph or an
added credit line keep most shingles, so they are found; two outlets reporting the same event
in their own words share few, so they are not.  The index only holds articles of the recent
time window, so it stays as small as the story assigner's state.

Terms are hashed by :func:`newsfuse.stories.hashing.bucket`, so signatures are identical in
every process (Spark workers, a re-opened store).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsfuse.stories.hashing import Memo, bucket
from newsfuse.text import terms


PERMUTATIONS = 64
MIN_TERMS = 8
THRESHOLD = 0.6
SEED = 1


@dataclass(slots=True, frozen=True)
class Match:
    """An earlier article the new one copies, and their estimated Jaccard similarity."""

    original: int
    similarity: float


_template = MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=int)
_bucket = Memo(bucket).__getitem__
_scratch = _template.copy()
_EMPTY = _template.hashvalues.copy()


def carrier() -> MinHash:
    """An empty MinHash to carry stored hash values into an LSH index (it only reads them)."""
    return _template.copy()


def signature(text: str) -> np.ndarray | None:
    """The MinHash of a cleaned text, as the story assigner computes it for the same text."""
    return shingle_signature([_bucket(term) for term in terms(text)])


def shingle_signature(hashes: Sequence[int]) -> np.ndarray | None:
    """The MinHash of a text's shingles (three consecutive content terms, given as their stable
    hashes in text order); ``None`` when the text is too short to judge."""
    if len(hashes) < MIN_TERMS:
        return None
    values = np.asarray(hashes, dtype=np.uint32)
    # A shingle's hash mixes its three term hashes (uint32 arithmetic wraps); MinHash re-mixes it.
    shingles = (values[:-2] * np.uint32(0x9E3779B1) + values[1:-1]) * np.uint32(0x85EBCA6B) + values[2:]
    _scratch.hashvalues = _EMPTY.copy()  # reused: building a MinHash costs more than updating one
    _scratch.update_batch(shingles.tolist())
    return _scratch.hashvalues.copy()


class Deduplicator:
    """Links each article to the original of the recent article it copies most closely."""

    def __init__(self, threshold: float = THRESHOLD, window: float = 3.0) -> None:
        self.threshold = threshold
        self.window = window
        # The index proposes pairs from a lower similarity, so short copies are rarely missed;
        # the signatures then decide at ``threshold``.
        self._lsh = MinHashLSH(threshold=max(threshold - 0.2, 0.1), num_perm=PERMUTATIONS)
        self._signatures: dict[int, np.ndarray] = {}
        self._times: deque[tuple[float, int]] = deque()
        self._originals: dict[int, int] = {}
        self._carrier = carrier()

    def __len__(self) -> int:
        return len(self._signatures)

    def find(self, values: np.ndarray | None) -> Match | None:
        """The original of the best-matching recent article, if one is similar enough."""
        if values is None or not self._signatures:
            return None
        best: Match | None = None
        for key in self._lsh.query(self._carried(values)):
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
        self._lsh.insert(key, self._carried(values), check_duplication=False)
        self._times.append((time, key))
        if original is not None:
            self._originals[key] = original

    def _carried(self, values: np.ndarray) -> MinHash:
        """One reused MinHash holding ``values``: the LSH only reads its hash values."""
        self._carrier.hashvalues = values
        return self._carrier

    def expire(self, now: float) -> None:
        """Forget articles older than the window (the input is roughly time-ordered)."""
        while self._times and self._times[0][0] < now - self.window:
            _, key = self._times.popleft()
            self._lsh.remove(key)
            del self._signatures[key]
            self._originals.pop(key, None)
