"""Online story assignment: each arriving article joins the most similar open story or starts one.

An article is a unit-length TF-IDF vector over hashed stemmed terms (``newsfuse.text.terms``
weighted by the shipped IDF table), with its title terms and mid-sentence capitalised words
(names) counted extra, truncated to its strongest terms.  An article joins the open story whose
articles it resembles most on average (mean cosine, "average link") if that mean reaches the
threshold.  The mean is the dot product with the sum of the story's vectors divided by their
number, so one sum per story serves it; scored against a normalised centroid instead, a story
of many loosely related articles attracts everything (tuned on streams of train clusters:
B-cubed F1 0.816 against 0.808).  Stories are found through an inverted index from terms to
open stories, so the cost per article depends on its terms, not on the number of stories.
The join rule stays one threshold: a learned decision over each candidate's mean, max and
first-article cosine, centroid cosine, shared strong terms, size, age, rank and margin
(logistic regression or LightGBM, trained on other train streams) was no better (F1 within
0.01 either way), while an oracle choosing among the same top candidates reaches 0.90
(``benchmarks/stories_ceiling.py``): what is missing is signal, not the decision.

Stories not seen for ``window`` days of stream time are closed and dropped from memory, so the
state is bounded by the stream's rate, not its length.  A story is also closed ``max_span`` days
after it began (a week, fixed a priori): without it, a long-running topic chains article to
article into one ever-growing story that swallows its neighbours.  Near-duplicates (``dedup``)
join their original's story without moving its sum: a reprint is not new reporting.  Pages
without content (``junk``: crawl notices, sign-in walls, too short to judge) are stories of
their own that nothing joins: shared by unrelated stories, they would otherwise merge them.

Everything here is pure and storage-free: :func:`assign_stream` gives the same labels the
store gets for the same time-ordered articles, which is what the Spark job calls per partition.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import re
import struct
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import islice, repeat
from dataclasses import dataclass, field
from operator import itemgetter, mul, truediv

import numpy as np

from newsfuse.model import Document
from newsfuse.stories.dedup import Deduplicator, shingle_signature, shingle_signatures
from newsfuse.stories.hashing import LIMIT, term_bucket
from newsfuse.stories.junk import JunkTable, load_junk
from newsfuse.text import Memo, stem, terms
from newsfuse.vectors import load_idf

TOP_TERMS = 60
TITLE_BOOST = 2.0
NAME_BOOST = 1.5
THRESHOLD = 0.14
WINDOW = 3.0
MAX_SPAN = 7.0
QUERY_TERMS = 20
RESCORED = 3

# A capitalised word after a lower-case letter, comma or semicolon and a space.  The lookbehind
# comes after the capital so the regex engine skips ahead to capitals (three times faster).
NAME = re.compile(r"[A-Z](?<=[a-z,;] [A-Z])[a-z]+")

# Each term's IDF and each count's sublinear tf, memoised: news vocabulary repeats, and a
# dictionary hit mapped over all terms at once costs less than a Python loop over them.
_idf = Memo(lambda term: load_idf()[term], LIMIT).__getitem__
_tf = Memo(lambda count: 1.0 + math.log(count), LIMIT).__getitem__


def days(date: dt.date | None) -> float | None:
    """Stream time in days; a ``datetime`` keeps its time of day."""
    if date is None:
        return None
    if isinstance(date, dt.datetime):
        return date.toordinal() + (date.hour * 3600 + date.minute * 60 + date.second) / 86400
    return float(date.toordinal())


@dataclass(slots=True)
class Article:
    """What assignment needs of an article: its vector, time and near-duplicate signature."""

    key: int
    vector: dict[int, float]
    time: float | None = None
    signature: np.ndarray | None = None

    def to_bytes(self) -> bytes:
        """Vector and signature packed for storage (the key and time are stored apart)."""
        size = len(self.vector)
        tail = self.signature.astype("<u4").tobytes() if self.signature is not None else b""
        return struct.pack(f"<I{size}I{size}d", size, *self.vector, *self.vector.values()) + tail

    @classmethod
    def from_bytes(cls, data: bytes, key: int, time: float | None) -> Article:
        size = int(np.frombuffer(data, dtype="<u4", count=1)[0])
        indices = np.frombuffer(data, dtype="<u4", count=size, offset=4)
        weights = np.frombuffer(data, dtype="<f8", count=size, offset=4 + 4 * size)
        tail = np.frombuffer(data, dtype="<u4", offset=4 + 12 * size)
        vector = dict(zip(indices.tolist(), weights.tolist()))
        return cls(key, vector, time, tail.astype(np.uint32) if tail.size else None)


def featurize(document: Document, key: int = 0, top_terms: int = TOP_TERMS) -> Article:
    """The article's hashed TF-IDF vector (unit length), time and MinHash signature."""
    article, hashes = _unsigned(document, key, top_terms)
    article.signature = shingle_signature(hashes)
    return article


def featurize_all(documents: Sequence[Document], first_key: int = 0, top_terms: int = TOP_TERMS) -> list[Article]:
    """:func:`featurize` of each document, keyed from ``first_key`` on; the signatures of all of
    them are computed together, which is cheaper (:func:`newsfuse.stories.dedup.shingle_signatures`)."""
    unsigned = [_unsigned(document, key, top_terms) for key, document in enumerate(documents, first_key)]
    for (article, _), values in zip(unsigned, shingle_signatures([hashes for _, hashes in unsigned])):
        article.signature = values
    return [article for article, _ in unsigned]


def _unsigned(document: Document, key: int, top_terms: int) -> tuple[Article, list[int]]:
    """The article without its signature, and the term hashes the signature is made of."""
    sequence = terms(document.text)
    counts: Counter[str] = Counter(sequence)
    if document.title:
        for term in terms(document.title):
            counts[term] += TITLE_BOOST
    indices = list(map(term_bucket, counts))
    weights = list(map(mul, map(_tf, counts.values()), map(_idf, counts)))
    if found := NAME.findall(document.text):
        names = {stem(name.lower()) for name in found}
        weights = [weight * NAME_BOOST if term in names else weight for term, weight in zip(counts, weights)]
    summed = dict(zip(indices, weights))
    if len(summed) < len(indices):  # two terms share a bucket: their weights add up
        summed = {}
        for index, weight in zip(indices, weights):
            summed[index] = summed.get(index, 0.0) + weight
    strongest = sorted(summed.items(), key=itemgetter(1), reverse=True)[:top_terms]  # strongest first
    norm = math.sqrt(sum(weight * weight for _, weight in strongest)) or 1.0
    vector = {index: weight / norm for index, weight in strongest}
    return Article(key, vector, days(document.date)), list(map(term_bucket, sequence))


@dataclass(slots=True, frozen=True)
class StoryDecision:
    """Where an article went: its story, whether that story is new, and why.

    ``similarity`` is the article's mean cosine to the story's articles, or for a copy
    (``duplicate_of``) the estimated Jaccard similarity to its original; ``closed`` lists the
    stories this step closed.  An article without ``content`` (:mod:`newsfuse.stories.junk`) is
    a story of its own that nothing else joins.
    """

    article: int
    story: int
    new: bool
    similarity: float
    time: float
    duplicate_of: int | None = None
    closed: tuple[int, ...] = ()
    content: bool = True


@dataclass(slots=True)
class _Story:
    first: float
    last: float
    centroid: dict[int, float] = field(default_factory=dict)
    size: int = 0
    members: list[int] = field(default_factory=list)


class StoryAssigner:
    """Groups a time-ordered stream of articles into stories, one article at a time."""

    def __init__(
        self,
        threshold: float = THRESHOLD,
        window: float = WINDOW,
        max_span: float = MAX_SPAN,
        dedup: bool = True,
        next_story: int = 1,
        top_terms: int = TOP_TERMS,
        junk: JunkTable | None = None,
    ) -> None:
        self.threshold = threshold
        self.junk = load_junk() if junk is None else junk
        self.window = window
        self.max_span = max_span
        self.top_terms = top_terms
        self.dedup = Deduplicator(window=window) if dedup else None
        self.next_story = next_story
        self.clock = -math.inf
        self._stories: dict[int, _Story] = {}
        self._postings: dict[int, dict[int, float]] = {}
        self._story_of: dict[int, int] = {}
        self._sizes: dict[int, int] = {}  # each open story's number of original articles
        self._auto_key = 0
        self._deadlines: list[tuple[float, int]] = []  # heap of (closing time, story); stale entries skipped

    @property
    def open_stories(self) -> int:
        return len(self._stories)

    def assign(self, article: Article | Document, key: int | None = None) -> StoryDecision:
        """Place one article (a :class:`Document` is featurized first, ``key`` names it)."""
        if isinstance(article, Document):
            article = featurize(article, self._auto_key if key is None else key, self.top_terms)
            self._auto_key += 1
        time = self._advance(article.time)
        closed = self._close()
        if article.signature is None or self.junk.matches(article.signature):
            story = self.next_story
            self.next_story += 1
            return StoryDecision(article.key, story, True, 0.0, time, None, closed, content=False)
        match = self.dedup.find(article.signature) if self.dedup is not None else None
        if match is not None and self._story_of.get(match.original) in self._stories:
            story = self._story_of[match.original]
            self._touch(story, article, time, centroid=False)
            if self.dedup is not None:
                self.dedup.add(article.key, article.signature, time, match.original)
            return StoryDecision(article.key, story, False, match.similarity, time, match.original, closed)
        story, similarity = self._nearest(article.vector)
        new = similarity < self.threshold
        if new:
            story = self._open(time)
        self._touch(story, article, time, centroid=True)
        if self.dedup is not None:
            self.dedup.add(article.key, article.signature, time)
        return StoryDecision(article.key, story, new, similarity, time, None, closed)

    def restore(self, article: Article, story: int, duplicate_of: int | None = None) -> None:
        """Replay a stored placement, to rebuild the open stories of a re-opened store."""
        time = self._advance(article.time)
        if story not in self._stories:
            self._stories[story] = _Story(time, time)
            self.next_story = max(self.next_story, story + 1)
        self._touch(story, article, time, centroid=duplicate_of is None)
        if self.dedup is not None:
            self.dedup.add(article.key, article.signature, time, duplicate_of)

    def close_expired(self) -> tuple[int, ...]:
        """Close the stories that fell out of the window (after a :meth:`restore` replay)."""
        return self._close()

    def _advance(self, time: float | None) -> float:
        if time is None:
            time = self.clock if self.clock > -math.inf else 0.0
        self.clock = max(self.clock, time)
        return time

    def _close(self) -> tuple[int, ...]:
        if self.dedup is not None:
            self.dedup.expire(self.clock)
        closed = []
        deadlines = self._deadlines
        while deadlines and deadlines[0][0] < self.clock:
            _, story = heapq.heappop(deadlines)
            state = self._stories.get(story)
            if state is not None and self._closes(state) < self.clock:  # else a stale entry
                self._drop(story)
                closed.append(story)
        return tuple(closed)

    def _drop(self, story: int) -> None:
        state = self._stories.pop(story)
        self._sizes.pop(story, None)
        postings = self._postings
        for index, posting in zip(state.centroid, map(postings.__getitem__, state.centroid)):
            del posting[story]
            if not posting:
                del postings[index]
        for member in state.members:
            self._story_of.pop(member, None)

    def _closes(self, state: _Story) -> float:
        """When a story closes: ``window`` days after its last article or ``max_span`` after its first."""
        return min(state.last + self.window, state.first + self.max_span)

    def _nearest(self, vector: dict[int, float]) -> tuple[int, float]:
        """The open story with the highest mean similarity to ``vector`` (strongest terms first).

        Walking the postings of all of an article's terms is most of the cost of assignment, and
        the weak terms only reorder stories the strong ones already found: candidates come from
        the ``QUERY_TERMS`` strongest terms, and the ``RESCORED`` best of them get their exact
        score (on streams of train clusters this changes B-cubed F1 by under 0.001 and makes
        assignment 1.5 to 2 times faster).
        """
        dots: dict[int, float] = {}
        get = dots.get
        postings = self._postings
        for index, weight in islice(vector.items(), QUERY_TERMS):
            posting = postings.get(index)
            if posting:
                for story, value in posting.items():
                    dots[story] = get(story, 0.0) + weight * value
        if not dots:
            return 0, 0.0
        found = list(dots)
        sizes = self._sizes
        scores = list(map(truediv, dots.values(), map(sizes.__getitem__, found)))
        if len(vector) > QUERY_TERMS:
            indices = list(islice(vector, QUERY_TERMS, None))
            weights = list(islice(vector.values(), QUERY_TERMS, None))
            stories = self._stories
            # sorted(..., reverse=True)[:n] is what heapq.nlargest returns, ties in the same order
            for number in sorted(range(len(found)), key=scores.__getitem__, reverse=True)[:RESCORED]:
                story = found[number]
                extra = sum(map(mul, weights, map(stories[story].centroid.get, indices, repeat(0.0))))
                scores[number] = (dots[story] + extra) / sizes[story]
        similarity = max(scores)
        if similarity <= 0.0:
            return 0, 0.0
        return found[scores.index(similarity)], similarity  # the first best, in discovery order

    def _open(self, time: float) -> int:
        story = self.next_story
        self.next_story += 1
        self._stories[story] = _Story(time, time)
        return story

    def _touch(self, story: int, article: Article, time: float, centroid: bool) -> None:
        state = self._stories[story]
        state.first = min(state.first, time)
        state.last = max(state.last, time)
        heapq.heappush(self._deadlines, (self._closes(state), story))
        state.members.append(article.key)
        self._story_of[article.key] = story
        if not centroid:
            return
        state.size += 1
        self._sizes[story] = state.size
        values = state.centroid
        postings = self._postings
        if not values:  # a new story: its sum is its first article (the loop below would add it to 0.0)
            values.update(article.vector)
            for index, posting, weight in zip(values, map(postings.get, values), values.values()):
                if posting is None:
                    postings[index] = {story: weight}
                else:
                    posting[story] = weight
            return
        for index, weight in article.vector.items():
            new = values[index] = values.get(index, 0.0) + weight
            posting = postings.get(index)
            if posting is None:
                postings[index] = {story: new}
            else:
                posting[story] = new


def assign_stream(documents: Iterable[Document], **options) -> list[int]:
    """Story labels for time-ordered, already cleaned documents (the store's logic, no storage)."""
    assigner = StoryAssigner(**options)
    return [assigner.assign(document, key).story for key, document in enumerate(documents)]
