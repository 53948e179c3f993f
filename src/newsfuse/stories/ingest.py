"""The ingest pipeline's pure steps: sources in as one stream of articles, each article cleaned.

The store (``newsfuse.stories.store``) runs the rest in arrival order: content hash, duplicate
link, story assignment, commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare
from newsfuse.readers import InputError, articles


def read_articles(sources: Iterable[str], format: str = "auto", errors: list[InputError] | None = None) -> Iterator[Document]:
    """Every article of every source, in order; unreadable parts go to ``errors`` and are skipped."""
    for source in sources:
        for item in articles(source, format):
            if isinstance(item, InputError):
                if errors is not None:
                    errors.append(item)
                continue
            yield item


def prepare_article(document: Document) -> Document | None:
    """Clean and segment one article with the core pipeline; ``None`` if nothing is left."""
    documents = prepare(Cluster(documents=[document])).documents
    return documents[0] if documents else None
