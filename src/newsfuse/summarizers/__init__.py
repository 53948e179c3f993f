"""Sentence-scoring summarizers behind one interface, looked up by name."""

from __future__ import annotations

from newsfuse.summarizers.base import Summarizer
from newsfuse.summarizers.centroid import Centroid
from newsfuse.summarizers.coverage import ConceptCoverage
from newsfuse.summarizers.graph import LexRank, TextRank
from newsfuse.summarizers.lead import Lead, Random
from newsfuse.summarizers.learned import Learned

SUMMARIZERS: dict[str, type[Summarizer]] = {
    cls.name: cls for cls in (Learned, ConceptCoverage, Centroid, Lead, LexRank, TextRank, Random)
}
DEFAULT_METHOD = "learned"


def get(name: str = DEFAULT_METHOD) -> Summarizer:
    """A summarizer by name; unknown names raise ``ValueError`` listing the known ones."""
    try:
        return SUMMARIZERS[name]()
    except KeyError:
        raise ValueError(f"unknown method {name!r}; choose one of {', '.join(sorted(SUMMARIZERS))}") from None


__all__ = ["DEFAULT_METHOD", "SUMMARIZERS", "Summarizer", "get"]
