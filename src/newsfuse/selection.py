"""From sentence scores to a cited summary: budget, redundancy, corroboration and order.

Sentences are taken best-first.  One that repeats an already chosen sentence (cosine above
``redundancy``) is not added; syndicated and lightly edited copies end up as corroborating
citations of the chosen sentence instead.  The summary opens with a lede, the chosen sentence
nearest the top of its article, as a news story would; the rest are read in story order: by
document date, then by position in the document.

"Best" is a sentence's own score, or, given a :class:`Coverage`, what it would add to the
summary as a whole: the weight of the concepts it covers that no chosen sentence covers yet,
plus its own score, per word (the cost-scaled greedy of Lin & Bilmes 2010 for a budgeted
coverage objective, Gillick & Favre 2009).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from newsfuse.model import Citation, Cluster, Sentence, Summary, SummarySentence
from newsfuse.vectors import SentenceVectors

DEFAULT_WORDS = 200
MIN_WORDS = 6
MAX_WORDS = 80
SENTENCE_ENDS = frozenset(".!?…\"'”’)")


@dataclass(slots=True)
class Coverage:
    """Concepts a summary should cover: which sentence carries which, and what each is worth.

    ``sentences[i]`` carries ``concepts[i]`` (each pair once, however often the words repeat).
    A sentence's value is (weight of its concepts not covered yet + ``bonus`` × its score)
    divided by its length to the power ``exponent``.
    """

    sentences: np.ndarray  # (pairs,) sentence index
    concepts: np.ndarray  # (pairs,) concept index
    weights: np.ndarray  # (concepts,)
    bonus: float = 1.0
    exponent: float = 1.0

    def values(self, scores: np.ndarray, lengths: np.ndarray) -> _Values:
        return _Values(self, scores, np.maximum(lengths, 1) ** float(self.exponent))


class _Values:
    """Sentence values during one selection: they fall as the chosen sentences cover concepts."""

    def __init__(self, coverage: Coverage, scores: np.ndarray, costs: np.ndarray) -> None:
        self._coverage = coverage
        self._left = np.asarray(coverage.weights, np.float64).copy()
        self._own = coverage.bonus * scores
        self._costs = costs

    def current(self) -> np.ndarray:
        carried = np.bincount(self._coverage.sentences, self._left[self._coverage.concepts], minlength=len(self._own))
        return (carried + self._own) / self._costs

    def take(self, index: int) -> None:
        self._left[self._coverage.concepts[self._coverage.sentences == index]] = 0.0


class _Scores:
    """Sentence values that do not depend on what is chosen: the scores themselves."""

    def __init__(self, scores: np.ndarray) -> None:
        self._scores = scores

    def current(self) -> np.ndarray:
        return self._scores

    def take(self, index: int) -> None:
        pass


def select(
    cluster: Cluster,
    vectors: SentenceVectors,
    scores: np.ndarray,
    words: int = DEFAULT_WORDS,
    redundancy: float = 0.5,
    corroboration: float = 0.7,
    method: str = "",
    coverage: Coverage | None = None,
) -> Summary:
    """Pick the best sentence left until ``words`` is reached, then order and cite them.

    Headlines, captions and fragments (no final punctuation, very short or run-on) are taken
    only when the whole sentences run out before the budget is reached, as in short clusters
    of truncated articles.  Ties go to the earlier sentence.
    """
    sentences = cluster.sentences
    lengths = vectors.lengths
    complete = np.array([sentence.text[-1] in SENTENCE_ENDS for sentence in sentences], bool)
    whole = complete & (lengths >= MIN_WORDS) & (lengths <= MAX_WORDS)
    values = _Scores(scores) if coverage is None else coverage.values(scores, lengths)
    chosen: list[int] = []
    open_ = np.ones(len(sentences), bool)  # neither taken nor too close to a taken sentence
    closest = np.zeros(len(sentences))  # each sentence's highest similarity to a chosen one
    total = 0
    for eligible in (whole, lengths > 0):
        while total < words:
            candidates = np.flatnonzero(eligible & open_)
            if not len(candidates):
                break
            current = values.current()[candidates]
            index = int(candidates[np.argmax(current)])
            chosen.append(index)
            values.take(index)
            np.maximum(closest, vectors.similarity[index], out=closest)
            open_ &= closest < redundancy
            open_[index] = False
            total += int(lengths[index])
    chosen.sort(key=lambda index: _story_order(cluster, index, sentences))
    if chosen:
        lede = min(range(len(chosen)), key=lambda place: sentences[chosen[place]].index)
        chosen.insert(0, chosen.pop(lede))
    return Summary(
        sentences=[_cite(cluster, sentences, vectors, index, corroboration) for index in chosen],
        cluster=cluster,
        method=method,
    )


def _story_order(cluster: Cluster, index: int, sentences) -> tuple:
    sentence = sentences[index]
    date = cluster.documents[sentence.document].date or dt.date.max
    return (date, sentence.index, sentence.document)


def _cite(cluster: Cluster, sentences: list[Sentence], vectors: SentenceVectors, index: int, threshold: float) -> SummarySentence:
    source = sentences[index]
    best: dict[int, int] = {}
    row = vectors.similarity[index]
    for other in np.nonzero(row >= threshold)[0]:
        document = int(vectors.documents[other])
        if document != source.document and (document not in best or row[other] > row[best[document]]):
            best[document] = int(other)
    return SummarySentence(
        text=source.text,
        citation=Citation.of(cluster, source),
        corroborations=[Citation.of(cluster, sentences[other]) for _, other in sorted(best.items())],
    )
