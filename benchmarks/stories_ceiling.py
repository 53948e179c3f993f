"""How far can a better join decision take story grouping?  Oracle ceilings on TRAIN streams.

The assigner's candidates are the open stories found through the article's strongest terms,
ranked by mean cosine.  An oracle that knows the gold stories joins the best-ranked of the top
``depth`` candidates whose majority gold story is the article's, else starts a story: no join
rule over these candidates (a threshold, a learned classifier) can do better.  "Perfect except
content-free pages" gives every article its gold story, except the pages ``stories.junk``
rejects (crawl notices and the like, stories of their own).  Streams are the train streams
``benchmarks/stories.py --tune`` uses; val is never looked at.

    NEWSFUSE_SHARED=../shared PYTHONPATH=src python benchmarks/stories_ceiling.py
"""

from __future__ import annotations

from collections import Counter
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
    for stream, found in zip(streams, articles):
        labels = [-1 - number if article.signature is None or junk.matches(article.signature) else gold
                  for number, (article, gold) in enumerate(zip(found, stream.gold))]
        scores.append(bcubed(labels, stream.gold).f1)
    print(f"| perfect except content-free pages | {np.mean(scores[:3]):.3f} | {scores[3]:.3f} |")


if __name__ == "__main__":
    main()
