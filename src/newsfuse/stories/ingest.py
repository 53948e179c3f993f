"""The ingest pipeline's pure steps: sources in as one stream of articles, each article cleaned.

The store (``newsfuse.stories.store``) runs the rest in arrival order: content hash, duplicate
link, story assignment, commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from newsfuse.cleaning import clean
from newsfuse.model import Document
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
    """Clean one article with the core cleaner; ``None`` if nothing is left.

    Sentences are not split here: grouping needs only the text, and a story's articles are
    segmented when it is summarized.  (Splitting every article at ingest took a third of the time.)
    """
    text = clean(document.text)  # one article: no other of its outlet to find template lines in
    return replace(document, text=text) if text.strip() else None
