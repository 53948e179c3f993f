"""Facts beyond the summary: quotes and speakers, entities, timeline, corroboration, conflicts.

``extract`` works on a PREPARED cluster (:func:`newsfuse.pipeline.prepare`), so every
citation points into the cleaned text like the summary's do.
"""

from __future__ import annotations

from newsfuse.facts.conflicts import conflicts
from newsfuse.facts.corroboration import corroboration
from newsfuse.facts.entities import EntityIndex
from newsfuse.facts.model import Claim, Conflict, Corroboration, Entity, Event, Facts, Quote
from newsfuse.facts.quoting import cluster_quotes
from newsfuse.facts.timeline import timeline
from newsfuse.model import Cluster, Summary


def extract(cluster: Cluster, summary: Summary | None = None) -> Facts:
    """All facts of a prepared cluster; ``summary`` (of that cluster) adds corroboration."""
    entities = EntityIndex(cluster)
    quotes = cluster_quotes(cluster, entities)
    speakers = frozenset(quote.speaker for quote in quotes if quote.speaker)
    return Facts(
        quotes=quotes,
        entities=entities.listing(speakers),
        timeline=timeline(cluster),
        corroboration=corroboration(summary) if summary is not None else [],
        conflicts=conflicts(cluster),
    )


__all__ = ["Claim", "Conflict", "Corroboration", "Entity", "Event", "Facts", "Quote", "corroboration", "extract"]
