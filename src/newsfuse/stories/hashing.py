"""Stable term hashes and a bounded memo for per-word work on endless streams.

Terms are hashed with CRC-32 rather than Python's ``hash`` (salted per process), so vectors and
MinHash signatures are identical in every process: Spark workers, a re-opened store.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Hashable
from typing import Any

LIMIT = 200_000
BUCKETS = 1 << 22


class Memo(dict):
    """Computes missing values with ``function``; ``__missing__`` keeps hits in C.

    A stream's vocabulary never stops growing (names, typos), so the memo is emptied when it
    reaches ``limit`` entries: memory stays bounded and the next words are simply recomputed.
    """

    def __init__(self, function: Callable[[Any], Any], limit: int = LIMIT) -> None:
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, key: Hashable) -> Any:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value


def bucket(term: str) -> int:
    """A term's stable hash: its index in the hashed vector space, and its shingle component."""
    return zlib.crc32(term.encode()) % BUCKETS


#: :func:`bucket` memoised: the stream's words repeat, so most terms are hashed once
term_bucket = Memo(bucket).__getitem__
