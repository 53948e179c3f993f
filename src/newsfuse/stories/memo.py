"""A bounded memo for per-word work (hashes, IDF look-ups) on endless streams."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

LIMIT = 200_000


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
