"""``--engine local``: the batch stages on a process pool, in input order.

Results come back in submission order (``imap``), so the output is the same for any number of
workers.  Clusters stream through; articles are held until the input ends, since a story is
only complete then.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from newsfuse.batch import grouping, io, stages
from newsfuse.batch.stages import ARTICLE, ERROR, Settings, Staged

CHUNK = 4


class Counts(NamedTuple):
    summaries: int
    errors: int


def run(input: str | Path, output: str | Path, settings: Settings, workers: int = 1) -> Counts:
    """Summarize every cluster and story of INPUT into OUTPUT (errors beside it)."""
    with io.sink(output) as (summaries, errors), _mapper(workers) as map_:
        def emit(item: Staged) -> None:
            (errors if item.kind == ERROR else summaries).write(json.loads(item.row))

        articles: list[Staged] = []
        for item in map_(_record, ((settings, position, value) for position, value in io.read_records(input))):
            if item.kind == ARTICLE:
                articles.append(item)
            else:
                emit(item)
        for item in map_(_story, ((settings, *group) for group in stories(articles, map_))):
            emit(item)
    return Counts(summaries.count, errors.count)


def stories(articles: list[Staged], map_: Callable[..., Iterable[Any]]) -> list[tuple[str, list[tuple[int, str]]]]:
    """``(story id, articles)`` for every story, ordered by its first article.

    Named and assigned stories are kept apart even if an input names a story ``story-...``.
    """
    groups: dict[tuple[bool, str], list[tuple[int, str]]] = defaultdict(list)
    for item in articles:
        if item.story:
            groups[False, item.story].append((item.position, item.row))
    keyless = [item for item in articles if not item.story]
    edges = grouping.duplicate_edges(grouping.Keyed(item.window, item.position, item.signature, item.bands) for item in keyless)
    windows: dict[int, tuple[list[tuple[int, str]], list[tuple[int, int]]]] = defaultdict(lambda: ([], []))
    for item in keyless:
        windows[item.window][0].append((item.position, item.row))
    for edge in edges:
        windows[edge.window][1].append((edge.position, edge.head))
    rows = {item.position: item.row for item in keyless}
    for assigned in map_(_window, windows.values()):
        for position, story_id in assigned.items():
            groups[True, story_id].append((position, rows[position]))
    return sorted(((story_id, members) for (_, story_id), members in groups.items()), key=lambda group: min(group[1]))


def _record(task: tuple[Settings, int, Any]) -> Staged:
    return stages.record(*task)


def _window(task: tuple[list[tuple[int, str]], list[tuple[int, int]]]) -> dict[int, str]:
    return stages.window(*task)


def _story(task: tuple[Settings, str, list[tuple[int, str]]]) -> Staged:
    return stages.story(*task)


@contextlib.contextmanager
def _mapper(workers: int) -> Iterator[Callable[..., Iterable[Any]]]:
    """An ordered, lazy map: in this process for one worker, else on a process pool."""
    if workers <= 1:
        yield map
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield partial(pool.imap, chunksize=CHUNK)
