"""Stable term hashes, memoised with a bound for endless streams.

Terms are hashed with CRC-32 rather than Python's ``hash`` (salted per process), so vectors and
MinHash signatures are identical in every process: Spark workers, a re-opened store.
"""

from __future__ import annotations

import zlib

from newsfuse.text import Memo

LIMIT = 200_000  # entries per stream memo
BUCKETS = 1 << 22


def bucket(term: str) -> int:
    """A term's stable hash: its index in the hashed vector space, and its shingle component."""
    return zlib.crc32(term.encode()) % BUCKETS


#: :func:`bucket` memoised: the stream's words repeat, so most terms are hashed once
term_bucket = Memo(bucket, LIMIT).__getitem__
