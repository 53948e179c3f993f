"""The work of a batch, cut into functions an engine maps over records, windows and stories.

Each function takes and returns plain values (strings, ints, lists), so the local process pool
and Spark's Arrow batches carry the same data and the engines cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from newsfuse.batch import grouping
from newsfuse.batch.records import (
    article_of, cluster_of, document_of, dumps, error_row, is_cluster, is_error, parse, record_id, story_key, summarize,
)
from newsfuse.model import Cluster
from newsfuse.readers import InputError
from newsfuse.stories.ingest import prepare_article

SUMMARY, ERROR, ARTICLE = "summary", "error", "article"
RECORDS, STORIES = 0, 1
"""Output order: rows from records first (by input position), then stories (by first article)."""


class Staged(NamedTuple):
    """One input record after the first pass: a finished row, or an article awaiting its story."""

    position: int
    kind: str
    row: str
    story: str = ""
    window: int = 0
    signature: list[int] = []
    bands: list[int] = []


class Settings(NamedTuple):
    name: str
    words: int
    method: str
    window_days: int = grouping.WINDOW_DAYS


def where(name: str, position: int) -> str:
    """How an error names a record: the input's file name and line (or row) number."""
    return f"{Path(name).name}:{position + 1}"


def record(settings: Settings, position: int, value: str | dict[str, Any]) -> Staged:
    """First pass: a cluster is summarized, an article is read (and fingerprinted if it has no story)."""
    place = where(settings.name, position)
    identifier = place
    try:
        parsed = parse(value, place)
        identifier = record_id(parsed, place)
        if is_cluster(parsed):
            row = summarize(cluster_of(parsed, place), settings.words, settings.method)
            return Staged(position, ERROR if is_error(row) else SUMMARY, dumps(row))
        document = article_of(parsed, place)
    except InputError as error:
        reason = error.reason if error.name in (identifier, place) else str(error)
        return Staged(position, ERROR, dumps(error_row(identifier, reason)))
    story = story_key(parsed)
    if story:
        return Staged(position, ARTICLE, dumps(document.to_dict()), story=story)
    cleaned = prepare_article(document)
    if cleaned is None:
        return Staged(position, ERROR, dumps(error_row(identifier, "no text left after cleaning")))
    values = grouping.signature(cleaned.text)
    window = grouping.window_of(document.date, settings.window_days)
    return Staged(position, ARTICLE, dumps(document.to_dict()), window=window, signature=values, bands=grouping.band_keys(values))


def window(articles: Iterable[tuple[int, str]], edges: Iterable[tuple[int, int]]) -> dict[int, str]:
    """Story ids for the key-less articles of one time window (see :mod:`grouping`).

    Articles are cleaned again here, as the store cleans them before assignment, rather than
    carrying a second copy of every text through the shuffle.
    """
    documents = {}
    for position, row in articles:
        cleaned = prepare_article(document_of(json.loads(row)))
        if cleaned is not None:
            documents[position] = cleaned
    return grouping.assign_window(documents, edges)


def story(settings: Settings, story_id: str, articles: Iterable[tuple[int, str]]) -> Staged:
    """Second pass: the articles of one story, in input order, summarized as one cluster.

    The result's position is the story's first article, which orders stories in the output.
    """
    ordered = sorted(articles)
    cluster = Cluster(documents=[document_of(json.loads(row)) for _, row in ordered], id=story_id)
    row = summarize(cluster, settings.words, settings.method)
    return Staged(ordered[0][0], ERROR if is_error(row) else SUMMARY, dumps(row))
