"""Facts beyond the summary: quotes and speakers, entities, timeline, corroboration, conflicts.

``extract`` works on a PREPARED cluster (:func:`newsfuse.pipeline.prepare`), so every
citation points into the cleaned text like the summary's do.
"""

from __future__ import annotations

from newsfuse.facts.entities import EntityIndex
from newsfuse.facts.model import Claim, Conflict, Corroboration, Entity, Event, Facts, Quote
from newsfuse.facts.quoting import cluster_quotes
from newsfuse.model import Cluster, Summary


def extract(cluster: Cluster, summary: Summary | None = None) -> Facts:
    """All facts of a prepared cluster; ``summary`` adds per-sentence corroboration."""
    entities = EntityIndex(cluster)
    quotes = cluster_quotes(cluster, entities)
    return Facts(quotes=quotes, entities=entities.entities)


__all__ = ["Claim", "Conflict", "Corroboration", "Entity", "Event", "Facts", "Quote", "extract"]
