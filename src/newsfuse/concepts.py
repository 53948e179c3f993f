"""Concepts: the bigrams a summary should cover, and how much each is worth.

Gillick & Favre (2009) scored a summary by the distinct word bigrams it covers rather than by
its sentences one at a time, so two sentences saying the same thing earn the credit once; Li,
Qian & Liu (2013) learned each bigram's weight as the chance that it reaches the reference.  A
concept here is two consecutive stemmed words of one sentence, at least one of them a content
word.  Its features describe how the cluster uses it (how many outlets, how often, how early),
its words (IDF, summary prior, digits) and the sentences that carry it (their learned scores),
all case-robust like the sentence features.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from newsfuse import features as sentence_features
from newsfuse.prior import SummaryPrior, shipped
from newsfuse.segment import split
from newsfuse.text import STOPWORDS, Memo, stem, words as split_words
from newsfuse.vectors import SentenceVectors, load_idf

OWN_FEATURES: tuple[str, ...] = (
    "documents",
    "document_share",
    "occurrences",
    "sentences",
    "first_position",
    "first_index",
    "idf_low",
    "idf_high",
    "prior_low",
    "prior_high",
    "stopwords",
    "digits",
    "score_max",
    "score_mean",
    "score_rank",
    "cluster_documents",
    "bigram_prior",
    "bigram_known",
)
#: and the sentence features (:mod:`newsfuse.features`) of the best-scored sentence carrying it
FEATURES: tuple[str, ...] = OWN_FEATURES + tuple(f"carrier_{name}" for name in sentence_features.FEATURES)


@dataclass(slots=True)
class Concepts:
    """A cluster's distinct bigrams and the sentences that carry them.

    ``names`` are the bigrams ("stem stem") in order of first use; ``rows`` and ``ids`` list
    each occurrence (its sentence and its concept), ``parts`` the two stems of every concept
    and ``content`` whether each of them is a content word, ``(2, concepts)``.
    """

    names: list[str]
    rows: np.ndarray
    ids: np.ndarray
    parts: tuple[list[str], list[str]]
    content: np.ndarray

    @classmethod
    def of(cls, tokens: Sequence[Sequence[str]]) -> Concepts:
        """The concepts of sentences given as word tokens (``SentenceVectors.words``)."""
        counts = np.fromiter(map(len, tokens), np.int64, len(tokens))
        flat = list(chain.from_iterable(tokens))
        content = list(map(_content.__getitem__, flat))
        stems = [stemmed or word for stemmed, word in zip(content, flat)]
        stop = np.fromiter((stemmed is None for stemmed in content), bool, len(flat))
        # a bigram starts at every token but the last of its sentence, and not at a pair of stop words
        ends = np.cumsum(counts)
        starts = np.ones(len(flat), bool)
        starts[ends[counts > 0] - 1] = False
        starts[:-1] &= ~(stop[:-1] & stop[1:])
        positions = np.flatnonzero(starts)
        bigrams = [f"{stems[position]} {stems[position + 1]}" for position in positions.tolist()]
        column = {}
        ids = np.fromiter((column.setdefault(bigram, len(column)) for bigram in bigrams), np.int64, len(bigrams))
        names = list(column)
        first = np.zeros(len(names), np.int64)
        first[ids[::-1]] = positions[::-1]  # the first occurrence of every concept
        rows = np.repeat(np.arange(len(tokens)), counts)[positions]
        left = [stems[position] for position in first.tolist()]
        right = [stems[position + 1] for position in first.tolist()]
        return cls(names, rows, ids, (left, right), ~np.array([stop[first], stop[first + 1]]).reshape(2, len(names)))

    def __len__(self) -> int:
        return len(self.names)

    def carried(self) -> tuple[np.ndarray, np.ndarray]:
        """The (sentence, concept) pairs where a sentence carries a concept, each once however
        often, ordered by sentence, then concept."""
        pairs = np.unique(self.rows * max(len(self.names), 1) + self.ids)
        return pairs // max(len(self.names), 1), pairs % max(len(self.names), 1)


# A word's stem when it is a content word, None when a stop word (a stop word stays itself in a
# concept's name).
_content = Memo(lambda word: None if word in STOPWORDS or len(word) < 2 else stem(word))
# Whether a word has a digit, so a concept's ``digits`` feature is two lookups at C speed
# instead of a scan of its characters.
_digits = Memo(lambda word: any(character.isdigit() for character in word))


def bigrams(text: str, words: int | None = None) -> set[str]:
    """The concepts of a whole text (its first ``words`` words), as ``Concepts.names``: what a
    reference summary or an article covers."""
    if words is not None:
        text = " ".join(text.split()[:words])
    return set(Concepts.of([split_words(text[start:end]) for start, end in split(text)]).names)


def features(
    concepts: Concepts,
    vectors: SentenceVectors,
    documents: int,
    sentences: np.ndarray,
    scores: np.ndarray,
    bigram_prior: SummaryPrior,
    prior: SummaryPrior | None = None,
) -> np.ndarray:
    """A ``(concepts, len(FEATURES))`` float32 matrix, columns in :data:`FEATURES` order.

    ``documents`` is the cluster's document count, ``sentences`` the learned scorer's sentence
    feature matrix and ``scores`` its scores (what selection ranks by), ``bigram_prior`` the
    summary prior of bigrams (counted by :func:`newsfuse.prior.count` with :func:`bigrams` as
    the units) and ``prior`` that of words (the shipped one by default).
    """
    own, carriers = own_features(concepts, vectors, documents, scores, bigram_prior, prior)
    return np.hstack([own, sentences[carriers].astype(np.float32)])


def own_features(
    concepts: Concepts,
    vectors: SentenceVectors,
    documents: int,
    scores: np.ndarray,
    bigram_prior: SummaryPrior,
    prior: SummaryPrior | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The :data:`OWN_FEATURES` columns of :func:`features` and each concept's best-scored
    carrier sentence, whose sentence features are the other columns: a model can weigh those
    once per carrier rather than once per concept (:meth:`newsfuse.summarizers.forest.Forest.predict`)."""
    count = len(concepts)
    matrix = np.zeros((count, len(OWN_FEATURES)), np.float32)
    if not count:
        return matrix, np.zeros(0, np.int64)
    ids, rows = concepts.ids, concepts.rows
    documents = max(documents, 1)
    columns: dict[str, np.ndarray | float] = {}
    pairs = np.unique(ids * documents + vectors.documents[rows])
    columns["documents"] = np.bincount(pairs // documents, minlength=count)
    columns["document_share"] = columns["documents"] / documents
    columns["occurrences"] = np.bincount(ids, minlength=count)
    sentence_pairs = np.unique(ids * len(vectors) + rows)
    carried_by = sentence_pairs // len(vectors)
    carriers = sentence_pairs % len(vectors)
    columns["sentences"] = np.bincount(carried_by, minlength=count)
    per_document = np.bincount(vectors.documents, minlength=documents)
    relative = vectors.positions / np.maximum(per_document[vectors.documents] - 1, 1)
    first_position = np.ones(count)
    np.minimum.at(first_position, carried_by, relative[carriers])
    columns["first_position"] = first_position
    first_index = np.full(count, np.inf)
    np.minimum.at(first_index, carried_by, vectors.positions[carriers].astype(np.float64))
    columns["first_index"] = first_index
    idf = load_idf()
    rates = prior if prior is not None else shipped()
    left, right = concepts.parts
    content = concepts.content
    idfs = np.where(content, [idf.weigh(left), idf.weigh(right)], 0.0)
    priors = np.where(content, [rates.weigh(left), rates.weigh(right)], 0.0)
    columns["idf_low"], columns["idf_high"] = idfs.min(axis=0), idfs.max(axis=0)
    columns["prior_low"], columns["prior_high"] = priors.min(axis=0), priors.max(axis=0)
    columns["stopwords"] = 2 - content.sum(axis=0)
    columns["digits"] = np.fromiter(map(_digits.__getitem__, left), bool, count) | np.fromiter(map(_digits.__getitem__, right), bool, count)
    carrier_scores = np.asarray(scores, np.float64)[carriers]
    score_max = np.full(count, -np.inf)
    np.maximum.at(score_max, carried_by, carrier_scores)
    columns["score_max"] = score_max
    columns["score_mean"] = np.bincount(carried_by, weights=carrier_scores, minlength=count) / columns["sentences"]
    ranks = np.argsort(np.argsort(-np.asarray(scores), kind="stable"), kind="stable") / max(len(scores) - 1, 1)
    score_rank = np.ones(count)
    np.minimum.at(score_rank, carried_by, ranks[carriers])
    columns["score_rank"] = score_rank
    columns["cluster_documents"] = documents
    columns["bigram_prior"] = bigram_prior.weigh(concepts.names)
    columns["bigram_known"] = np.fromiter(map(bigram_prior.weights.__contains__, concepts.names), float, count)
    for position, name in enumerate(OWN_FEATURES):
        matrix[:, position] = columns[name]
    by_score = np.lexsort((-carrier_scores, carried_by))  # each concept's carriers, best first
    return matrix, carriers[by_score][np.r_[True, carried_by[by_score][1:] != carried_by[by_score][:-1]]]
