"""How far can a better join decision take story grouping?  Oracle ceilings on TRAIN streams.

The assigner's candidates are the open stories found through the article's strongest terms,
ranked by mean cosine.  An oracle that knows the gold stories joins the best-ranked of the top
``depth`` candidates whose majority gold story is the article's, else starts a story: no join
rule over these candidates (a threshold, a learned classifier) can do better.  "Perfect except
content-free pages" gives every article its gold story, except the pages ``stories.junk``
rejects (crawl notices and the like, stories of their own).  "Linked at cosine >= t" is the
same perfect grouping where an article reaches its gold story only through a chain of its
articles whose vectors have cosine >= t pairwise (single link within the gold story): what a
method that needs some direct term overlap can reach at best.  Streams are the train streams
``benchmarks/stories.py --tune`` uses; val is never looked at.

    NEWSFUSE_SHARED=../shared PYTHONPATH=src python benchmarks/stories_ceiling.py
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import islice

import numpy as np

from newsfuse.stories.assign import QUERY_TERMS, Article, StoryAssigner, featurize
from newsfuse.stories.evaluate import bcubed
from newsfuse.stories.junk import load_junk
from stories import TRAIN, Stream, load, make_stream


class Oracle(StoryAssigner):
    """Joins the best-ranked of the top ``depth`` candidates that is (mostly) the article's gold story."""

    def __init__(self, gold: list[int], depth: int) -> None:
        super().__init__()
        self.gold = gold
        self.depth = depth
        self._current = 0

    def assign(self, article, key=None):
        self._current = article.key
        return super().assign(article, key)

    def _nearest(self, vector: dict[int, float]) -> tuple[int, float]:
        found = {story for index in islice(vector, QUERY_TERMS) for story in self._postings.get(index, ())}
        means = {story: sum(weight * self._stories[story].centroid.get(index, 0.0) for index, weight in vector.items()) / self._stories[story].size
                 for story in found}
        wanted = self.gold[self._current]
        for story in sorted(means, key=means.__getitem__, reverse=True)[: self.depth]:
            if Counter(self.gold[member] for member in self._stories[story].members).most_common(1)[0][0] == wanted:
                return story, 1.0
        return 0, 0.0


def oracle_f1(stream: Stream, articles: list[Article], depth: int) -> float:
    assigner = Oracle(stream.gold, depth)
    return bcubed([assigner.assign(article).story for article in articles], stream.gold).f1


def linked_labels(stream: Stream, articles: list[Article], content: list[bool], floor: float) -> list[int]:
    """Gold stories cut into the pieces that cosine >= ``floor`` links between their articles."""
    parent = list(range(len(articles)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    members: dict[int, list[int]] = defaultdict(list)
    for number, gold in enumerate(stream.gold):
        if content[number]:
            members[gold].append(number)
    for group in members.values():
        for position, first in enumerate(group):
            for second in group[position + 1:]:
                vector = articles[second].vector
                if sum(weight * vector.get(index, 0.0) for index, weight in articles[first].vector.items()) >= floor:
                    parent[root(second)] = root(first)
    return [root(number) for number in range(len(articles))]


def main() -> None:
    train = load(TRAIN)
    streams = [make_stream(train, 500, seed) for seed in (1, 2, 3)] + [make_stream(train, 5000, 1)]
    articles = [[featurize(document, key) for key, document in enumerate(stream.documents)] for stream in streams]
    junk = load_junk()
    print("| join decision (train streams) | B3 F1 N=500 (3 seeds) | B3 F1 N=5000 |")
    print("|---|---:|---:|")
    scores = []
    for stream, found in zip(streams, articles):
        assigner = StoryAssigner()
        scores.append(bcubed([assigner.assign(article).story for article in found], stream.gold).f1)
    print(f"| threshold (shipped) | {np.mean(scores[:3]):.3f} | {scores[3]:.3f} |", flush=True)
    for depth in (1, 3, 10):
        scores = [oracle_f1(stream, found, depth) for stream, found in zip(streams, articles)]
        print(f"| oracle among the top {depth} candidates | {np.mean(scores[:3]):.3f} | {scores[3]:.3f} |", flush=True)
    scores = []
    contents = [[article.signature is not None and not junk.matches(article.signature) for article in found] for found in articles]
    for stream, found, content in zip(streams, articles, contents):
        labels = [gold if keep else -1 - number for number, (keep, gold) in enumerate(zip(content, stream.gold))]
        scores.append(bcubed(labels, stream.gold).f1)
    print(f"| perfect except content-free pages | {np.mean(scores[:3]):.3f} | {scores[3]:.3f} |")
    for floor in (0.02, 0.05, 0.10, 0.14, 0.20):
        scores = [bcubed(linked_labels(stream, found, content, floor), stream.gold).f1
                  for stream, found, content in zip(streams, articles, contents)]
        print(f"| perfect, but linked at cosine >= {floor:.2f} | {np.mean(scores[:3]):.3f} | {scores[3]:.3f} |", flush=True)


if __name__ == "__main__":
    main()
