"""Stories from streams: near-duplicate links, online story assignment and an SQLite store.

``Store(path).ingest(documents)`` groups articles into stories as they arrive;
``Store.stories()``, ``Store.story(id)`` and ``Store.summary(id)`` read them back.
``assign_stream(documents)`` is the same assignment without storage (used by the Spark job).
"""

from newsfuse.stories.assign import Article, StoryAssigner, StoryDecision, assign_stream, featurize, featurize_all
from newsfuse.stories.dedup import Deduplicator
from newsfuse.stories.evaluate import BCubed, bcubed
from newsfuse.stories.ingest import prepare_article, read_articles
from newsfuse.stories.store import IngestReport, Store, StoreError, StoryInfo, StoryNotFound

__all__ = [
    "Article",
    "BCubed",
    "Deduplicator",
    "IngestReport",
    "Store",
    "StoreError",
    "StoryAssigner",
    "StoryDecision",
    "StoryInfo",
    "StoryNotFound",
    "assign_stream",
    "bcubed",
    "featurize",
    "featurize_all",
    "prepare_article",
    "read_articles",
]
