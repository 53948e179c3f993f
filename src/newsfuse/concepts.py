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

import numpy as np

from newsfuse import features as sentence_features
from newsfuse.prior import SummaryPrior, shipped
from newsfuse.segment import split
from newsfuse.text import Tokens, words as split_words
from newsfuse.vectors import SentenceVectors, load_idf, term_index

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

    ``spelled`` gives each distinct word (:attr:`newsfuse.text.Tokens.words`) as a concept
    spells it: a content word as its stem, a stop word as it is.  ``rows`` and ``ids`` list
    each occurrence (its sentence and its concept).  ``parts`` are the two words of every
    concept's first occurrence, as places among the distinct words, so a table of word
    weights is read once per word, and ``content`` tells whether each of them is a content
    word; both ``(2, concepts)``.  Concepts are in order of first use.
    """

    spelled: list[str]
    rows: np.ndarray
    ids: np.ndarray
    parts: np.ndarray
    content: np.ndarray

    @classmethod
    def of(cls, tokens: Tokens | Sequence[Sequence[str]]) -> Concepts:
        """The concepts of sentences given as coded tokens (``SentenceVectors.tokens``) or as
        word tokens.  A name spells a content word as its stem and a stop word as it is; a
        bigram is keyed by the places of its two spellings among the distinct ones, so only
        the distinct bigrams get a name."""
        if not isinstance(tokens, Tokens):
            tokens = Tokens.of(tokens)
        spelled = [term or word for term, word in zip(tokens.terms, tokens.words)]
        spellings = list(dict.fromkeys(spelled))
        place = dict(zip(spellings, range(len(spellings))))
        codes, counts = tokens.codes, tokens.counts
        spelling = np.fromiter(map(place.__getitem__, spelled), np.int64, len(spelled))[codes]
        stop = tokens.stop_words()[codes]
        # a bigram starts at every token but the last of its sentence, and not at a pair of stop words
        ends = np.cumsum(counts)
        starts = np.ones(len(codes), bool)
        starts[ends[counts > 0] - 1] = False
        starts[:-1] &= ~(stop[:-1] & stop[1:])
        positions = np.flatnonzero(starts)
        keys = spelling[positions] * max(len(spellings), 1) + spelling[positions + 1]
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        by_use = np.argsort(first)
        rank = np.empty(len(by_use), np.int64)
        rank[by_use] = np.arange(len(by_use))
        first = positions[first[by_use]]  # the first occurrence of every concept
        parts = np.array([codes[first], codes[first + 1]]).reshape(2, len(first))
        rows = np.repeat(np.arange(len(counts)), counts)[positions]
        return cls(spelled, rows, rank[inverse], parts, ~np.array([stop[first], stop[first + 1]]).reshape(2, len(first)))

    def __len__(self) -> int:
        return self.parts.shape[1]

    @property
    def names(self) -> list[str]:
        """The bigrams as text, "stem stem": spelled out only when asked for (a reference's
        bigrams, training labels), as the summarizer looks its concepts up by number."""
        return list(map(" ".join, zip(map(self.spelled.__getitem__, self.parts[0].tolist()), map(self.spelled.__getitem__, self.parts[1].tolist()))))

    def carried(self) -> tuple[np.ndarray, np.ndarray]:
        """The (sentence, concept) pairs where a sentence carries a concept, each once however
        often, ordered by sentence, then concept."""
        pairs = _distinct(self.rows * max(len(self), 1) + self.ids)
        return pairs // max(len(self), 1), pairs % max(len(self), 1)


def _distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` by sorting: numpy's hash-based unique is several times slower on a
    cluster's few thousand integers."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def _with_digit(words: list[str]) -> np.ndarray:
    """Whether each of ``words`` has a digit (0-9, the only digits words are made of), all
    words at once: their characters are compared as integers and or-ed word by word."""
    characters = np.frombuffer(("\n".join(words) + "\n").encode("utf-32-le"), np.uint32)
    sizes = np.fromiter(map(len, words), np.int64, len(words)) + 1  # each word and its newline
    return np.logical_or.reduceat((characters >= ord("0")) & (characters <= ord("9")), np.cumsum(sizes) - sizes)


def _bigram_weights(concepts: Concepts, vectors: SentenceVectors, bigram_prior: SummaryPrior) -> tuple[np.ndarray, np.ndarray]:
    """Each concept's weight in the bigram prior and whether the prior has it: looked up by
    the rows of its two words in the shared term index, or by name in a prior that knows
    words the index lacks."""
    first, second = vectors.spelling_rows()[concepts.parts]
    found = bigram_prior.weigh_pairs(term_index(), first, second)
    return found if found is not None else bigram_prior.weigh_known(concepts.names)


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
    pairs = _distinct(ids * documents + vectors.documents[rows])
    columns["documents"] = np.bincount(pairs // documents, minlength=count)
    columns["document_share"] = columns["documents"] / documents
    columns["occurrences"] = np.bincount(ids, minlength=count)
    # each concept's carrier sentences, concept by concept: every concept has one at least, so
    # its run starts where the runs before it end and ``reduceat`` gives its minimum or maximum
    sentence_pairs = _distinct(ids * len(vectors) + rows)
    carried_by = sentence_pairs // len(vectors)
    carriers = sentence_pairs % len(vectors)
    columns["sentences"] = np.bincount(carried_by, minlength=count)
    runs = np.cumsum(columns["sentences"]) - columns["sentences"]
    per_document = np.bincount(vectors.documents, minlength=documents)
    relative = vectors.positions / np.maximum(per_document[vectors.documents] - 1, 1)
    columns["first_position"] = np.minimum(np.minimum.reduceat(relative[carriers], runs), 1.0)
    columns["first_index"] = np.minimum.reduceat(vectors.positions[carriers], runs).astype(np.float64)
    rates = prior if prior is not None else shipped()
    content = concepts.content
    terms = vectors.tokens.columns[concepts.parts]  # -1 for a stop word, whose weights are not read
    idfs = np.where(content, vectors.weights(load_idf())[terms], 0.0)
    priors = np.where(content, vectors.weights(rates)[terms], 0.0)
    columns["idf_low"], columns["idf_high"] = idfs.min(axis=0), idfs.max(axis=0)
    columns["prior_low"], columns["prior_high"] = priors.min(axis=0), priors.max(axis=0)
    columns["stopwords"] = 2 - content.sum(axis=0)
    # a stem has the digits of its word: stemming changes only letters at its end
    columns["digits"] = _with_digit(vectors.tokens.words)[concepts.parts].any(axis=0)
    carrier_scores = np.asarray(scores, np.float64)[carriers]
    columns["score_max"] = score_max = np.maximum.reduceat(carrier_scores, runs)
    columns["score_mean"] = np.bincount(carried_by, weights=carrier_scores, minlength=count) / columns["sentences"]
    ranks = np.argsort(np.argsort(-np.asarray(scores), kind="stable"), kind="stable") / max(len(scores) - 1, 1)
    columns["score_rank"] = np.minimum(np.minimum.reduceat(ranks[carriers], runs), 1.0)
    columns["cluster_documents"] = documents
    columns["bigram_prior"], columns["bigram_known"] = _bigram_weights(concepts, vectors, bigram_prior)
    for position, name in enumerate(OWN_FEATURES):
        matrix[:, position] = columns[name]
    best = np.flatnonzero(carrier_scores == score_max[carried_by])  # each concept's best carriers, the first one first
    return matrix, carriers[best[np.r_[True, carried_by[best][1:] != carried_by[best][:-1]]]]
