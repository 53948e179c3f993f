"""Sentence features for the learned scorer: what makes a news sentence worth a summary.

Every feature is computed at inference time from the prepared cluster and its
:class:`SentenceVectors`, vectorised per cluster, and is case-robust: Multi-News+ (the training
data) is lower-cased and truncated while real input is cased and long, so features rest on
words, quote marks, IDF and similarities, never on capital letters.  Features are
grouped so an ablation can drop one idea at a time.  One group is learned from the training
data itself: the summary prior (:mod:`newsfuse.prior`), how often each word reaches an editor's
summary.
"""

from __future__ import annotations

from itertools import repeat

import numpy as np

from newsfuse.model import Cluster
from newsfuse.prior import SummaryPrior, shipped
from newsfuse.summarizers.centroid import best_matches, centrality
from newsfuse.vectors import SentenceVectors

GROUPS: dict[str, tuple[str, ...]] = {
    "position": ("index", "relative_index", "document_rank"),
    "length": ("words", "content_ratio"),
    "centrality": ("centrality", "centrality_rank", "degree", "lead_similarity", "document_centrality"),
    "support": ("support", "best_match"),
    "specificity": ("quotes", "mean_idf", "rare_terms"),
    "cluster": ("documents", "document_sentences", "cluster_sentences"),
    "prior": ("summary_prior", "prior_density", "prior_mass"),
}
FEATURES: tuple[str, ...] = tuple(name for names in GROUPS.values() for name in names)

RARE_IDF = 6.0
QUOTES = "\"“”«»"


def features(cluster: Cluster, vectors: SentenceVectors, prior: SummaryPrior | None = None) -> np.ndarray:
    """A ``(sentences, len(FEATURES))`` float32 matrix, columns in :data:`FEATURES` order.

    ``prior`` is the summary prior the model was trained with; the shipped one by default.
    """
    sentences = cluster.sentences
    count = len(sentences)
    documents = len(cluster.documents)
    matrix = np.zeros((count, len(FEATURES)), np.float32)
    if not count:
        return matrix
    columns: dict[str, np.ndarray | float] = {}
    document_of = vectors.documents
    per_document = np.bincount(document_of, minlength=documents).astype(np.float64)
    sentences_in = per_document[document_of]
    index = vectors.positions.astype(np.float64)

    columns["index"] = index
    columns["relative_index"] = index / np.maximum(sentences_in - 1, 1)
    columns["document_rank"] = document_of / max(documents - 1, 1)

    lengths = vectors.lengths.astype(np.float64)
    bag_sizes = vectors.term_counts
    columns["words"] = lengths
    columns["content_ratio"] = bag_sizes / np.maximum(vectors.tokens.counts, 1)

    central = centrality(vectors, documents)
    similarity = vectors.similarity
    columns["centrality"] = central
    columns["centrality_rank"] = _rank(central)
    columns["degree"] = (similarity.sum(axis=1) - 1.0) / max(count - 1, 1)
    starts = np.flatnonzero(index == 0)
    first_of = np.full(documents, -1)
    first_of[document_of[starts]] = starts
    lead = first_of[document_of]
    columns["lead_similarity"] = np.where(lead >= 0, similarity[np.arange(count), np.maximum(lead, 0)], 0.0)
    document_central = np.bincount(document_of, weights=central, minlength=documents) / np.maximum(per_document, 1)
    columns["document_centrality"] = document_central[document_of]

    best = best_matches(vectors, documents)
    columns["support"] = best.sum(axis=1) / max(documents - 1, 1)
    columns["best_match"] = best.max(axis=1)

    columns["quotes"] = np.minimum(_counts(QUOTES, [sentence.text for sentence in sentences]), 4)
    weights = vectors.term_idf
    columns["mean_idf"] = _row_sums(weights, bag_sizes) / np.maximum(bag_sizes, 1)
    columns["rare_terms"] = _row_sums(weights > RARE_IDF, bag_sizes) / np.maximum(bag_sizes, 1)

    columns["documents"] = documents
    columns["document_sentences"] = sentences_in
    columns["cluster_sentences"] = count

    rates = prior if prior is not None else shipped()
    mass = _row_sums(vectors.weights(rates)[vectors.term_columns], bag_sizes)
    columns["summary_prior"] = mass / np.maximum(bag_sizes, 1)
    columns["prior_density"] = mass / np.maximum(lengths, 1)
    columns["prior_mass"] = mass
    for position, name in enumerate(FEATURES):
        matrix[:, position] = columns[name]
    return matrix


def _counts(characters: str, texts: list[str]) -> np.ndarray:
    """How many of ``characters`` each text holds.  Most of them are absent from a whole
    cluster, so only the ones present are counted text by text (a regular expression over
    all texts took twice as long)."""
    joined = "\n".join(texts)
    counts = np.zeros(len(texts), np.int64)
    for character in characters:
        if character in joined:
            counts += np.fromiter(map(str.count, texts, repeat(character)), np.int64, len(texts))
    return counts


def _rank(values: np.ndarray) -> np.ndarray:
    """Rank within the cluster scaled to [0, 1] (1 = highest): comparable across cluster sizes."""
    if len(values) < 2:
        return np.ones(len(values))
    return np.argsort(np.argsort(values, kind="stable"), kind="stable") / (len(values) - 1)


def _row_sums(values: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Sums of consecutive runs of ``values``, ``lengths`` long, each added left to right (as
    Python's ``sum`` adds them: ``bincount`` adds its weights in order)."""
    rows = len(lengths)
    return np.bincount(np.repeat(np.arange(rows), lengths), weights=values, minlength=rows)
