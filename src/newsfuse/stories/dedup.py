"""Near-duplicate detection: syndicated and lightly edited copies of an article.

Each article gets a MinHash signature over its shingles (runs of three content words, stemmed,
the same terms its TF-IDF vector counts); an LSH index (:class:`BandIndex`) proposes earlier
articles that probably share most shingles, and the estimated Jaccard similarity decides.  Wire copies reprinted with a new headline, a dropped paragraph or an
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
from itertools import chain

import numpy as np
from datasketch import MinHash

from newsfuse.stories.hashing import term_bucket
from newsfuse.text import terms


PERMUTATIONS = 64
MIN_TERMS = 8
THRESHOLD = 0.6
SEED = 1
BANDS, ROWS = 16, 4
_MIX = np.random.default_rng(SEED).integers(1, 2**63, size=ROWS, dtype=np.uint64) | np.uint64(1)


@dataclass(slots=True, frozen=True)
class Match:
    """An earlier article the new one copies, and their estimated Jaccard similarity."""

    original: int
    similarity: float


# The permutations of datasketch's default ("affine32") MinHash, applied here to all shingles at
# once: datasketch's ``update_batch`` first converts them to Python ints one by one, which cost
# more than the hashing.  The values are bit-for-bit datasketch's (tests check it).
# One permutation per row, so each minimum is taken along a contiguous row.
_A, _B = (part.reshape(-1, 1) for part in MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=int).permutations)


def signature(text: str) -> np.ndarray | None:
    """The MinHash of a cleaned text, as the story assigner computes it for the same text."""
    return shingle_signature(list(map(term_bucket, terms(text))))


def shingle_signature(hashes: Sequence[int] | np.ndarray) -> np.ndarray | None:
    """The MinHash of a text's shingles (three consecutive content terms, given as their stable
    hashes in text order); ``None`` when the text is too short to judge."""
    if len(hashes) < MIN_TERMS:
        return None
    return _permuted(_shingles(np.asarray(hashes, dtype=np.uint32))).min(axis=1)  # a repeated shingle changes no minimum


def shingle_signatures(sequences: Sequence[Sequence[int]]) -> list[np.ndarray | None]:
    """:func:`shingle_signature` of many texts at once.

    All texts' shingles go through the permutations together and each text's minima are taken
    over its own run of columns: a few large numpy steps instead of a dozen small ones per text,
    which made signing a batch of articles four times faster.
    """
    signatures: list[np.ndarray | None] = [None] * len(sequences)
    signed = [number for number, hashes in enumerate(sequences) if len(hashes) >= MIN_TERMS]
    if not signed:
        return signatures
    chosen = list(map(sequences.__getitem__, signed))
    lengths = np.fromiter(map(len, chosen), np.int64, len(chosen))
    values = np.fromiter(chain.from_iterable(chosen), np.uint32, int(lengths.sum()))
    ends = np.cumsum(lengths)
    inside = np.ones(len(values) - 2, dtype=bool)  # a shingle starts at least two terms before its text's end
    inside[ends[:-1] - 2] = inside[ends[:-1] - 1] = False
    starts = ends - lengths - 2 * np.arange(len(chosen))
    minima = np.minimum.reduceat(_permuted(_shingles(values)[inside]), starts, axis=1).T.copy()
    for number, row in zip(signed, minima):
        signatures[number] = row
    return signatures


def _shingles(values: np.ndarray) -> np.ndarray:
    """Each run of three term hashes mixed into one (uint32 arithmetic wraps)."""
    return (values[:-2] * np.uint32(0x9E3779B1) + values[1:-1]) * np.uint32(0x85EBCA6B) + values[2:]


def _permuted(shingles: np.ndarray) -> np.ndarray:
    """Every shingle under every permutation, one row per permutation; MinHash re-mixes first."""
    return _A * _fmix32(shingles) + _B


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's finalizer, the pre-mix datasketch applies before its permutations."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


class BandIndex:
    """MinHash LSH: signatures that agree on all rows of any band are candidate pairs.

    ``BANDS`` x ``ROWS`` is the banding datasketch's ``MinHashLSH`` picks for a 0.4 proposal
    threshold over 64 permutations (a pair agreeing on 60 % of its signature is proposed 89 % of
    the time, at 80 % always).  Each band's key is computed for all bands in one numpy step,
    which made the index three times cheaper than datasketch's per-band byte strings; a key
    collision only proposes an extra pair, which the signatures then reject.
    """

    def __init__(self) -> None:
        self._tables: list[dict[int, set[int]]] = [{} for _ in range(BANDS)]
        self._keys: dict[int, list[int]] = {}
        self._last: tuple[np.ndarray | None, list[int]] = (None, [])  # an article is queried, then inserted

    def _bands(self, values: np.ndarray) -> list[int]:
        if self._last[0] is not values:
            self._last = (values, self.bands(values))
        return self._last[1]

    def __len__(self) -> int:
        return len(self._keys)

    @staticmethod
    def bands(values: np.ndarray) -> list[int]:
        rows = values.reshape(BANDS, ROWS).astype(np.uint64)
        return (rows * _MIX).sum(axis=1, dtype=np.uint64).tolist()

    def query(self, values: np.ndarray) -> set[int]:
        found: set[int] = set()
        for table, band in zip(self._tables, self._bands(values)):
            members = table.get(band)
            if members:
                found |= members
        return found

    def insert(self, key: int, values: np.ndarray) -> None:
        keys = self._keys[key] = self._bands(values)
        for table, band in zip(self._tables, keys):
            members = table.get(band)
            if members is None:
                table[band] = {key}
            else:
                members.add(key)

    def remove(self, key: int) -> None:
        for table, band in zip(self._tables, self._keys.pop(key)):
            members = table[band]
            members.discard(key)
            if not members:
                del table[band]


class Deduplicator:
    """Links each article to the original of the recent article it copies most closely."""

    def __init__(self, threshold: float = THRESHOLD, window: float = 3.0) -> None:
        self.threshold = threshold
        self.window = window
        # The index proposes pairs from a lower similarity (0.4), so short copies are rarely
        # missed; the signatures then decide at ``threshold``.
        self._index = BandIndex()
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
        for key in self._index.query(values):
            similarity = int(np.count_nonzero(self._signatures[key] == values)) / PERMUTATIONS  # np.mean: 3 times slower
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
        self._index.insert(key, values)
        self._times.append((time, key))
        if original is not None:
            self._originals[key] = original

    def expire(self, now: float) -> None:
        """Forget articles older than the window (the input is roughly time-ordered)."""
        while self._times and self._times[0][0] < now - self.window:
            _, key = self._times.popleft()
            self._index.remove(key)
            del self._signatures[key]
            self._originals.pop(key, None)
