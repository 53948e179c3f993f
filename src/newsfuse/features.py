"""Sentence features for the learned scorer: what makes a news sentence worth a summary.

Every feature is computed at inference time from the prepared cluster and its
:class:`SentenceVectors`, vectorised per cluster, and is case-robust: Multi-News+ (the training
data) is lower-cased and truncated while real input is cased and long, so features rest on
words, digits, quote marks, IDF and similarities, never on capital letters.  Features are
grouped so an ablation can drop one idea at a time.  One group is learned from the training
data itself: the summary prior (:mod:`newsfuse.prior`), how often each word reaches an editor's
summary.
"""

from __future__ import annotations

import re

import numpy as np

from newsfuse.cleaning import boilerplate_flags, ends_like_sentence
from newsfuse.model import Cluster
from newsfuse.prior import SummaryPrior, shipped
from newsfuse.summarizers.centroid import centrality, support
from newsfuse.summarizers.graph import LexRank, pagerank
from newsfuse.text import terms
from newsfuse.vectors import SentenceVectors

GROUPS: dict[str, tuple[str, ...]] = {
    "position": ("index", "relative_index", "inverse_index", "first", "document_rank"),
    "length": ("words", "content_ratio"),
    "centrality": ("centrality", "centrality_rank", "degree", "lexrank", "lead_similarity", "leads_similarity", "document_centrality"),
    "support": ("support", "supporting_documents", "best_match", "shared_terms", "term_frequency"),
    "title": ("title_overlap",),
    "specificity": ("digits", "quotes", "mean_idf", "rare_terms"),
    "boilerplate": ("boilerplate", "unfinished", "symbols", "question", "dangling"),
    "cluster": ("documents", "document_sentences", "cluster_sentences"),
    "prior": ("summary_prior", "prior_density", "prior_mass"),
}
FEATURES: tuple[str, ...] = tuple(name for names in GROUPS.values() for name in names)

SUPPORT_THRESHOLD = 0.3
LEXRANK_THRESHOLD = LexRank.threshold
RARE_IDF = 6.0
#: a word holding a digit ("1871", "9pm", "2nd") among words of :func:`newsfuse.text.words`, each
#: after a space: tried only where a word starts, it never rescans a word letter by letter
NUMBER_WORD = re.compile(r" [^ \d\n]*+\d")
QUOTES = re.compile(r"[\"“”«»]")
SYMBOLS = re.compile(r"[^\w\s.,;:'\"“”’‘!?()-]")
# Sentence openers that point back to something the reader of a summary has not seen.
DANGLING = frozenset("he she it they this these those his her their its but also however that such then".split())


def features(cluster: Cluster, vectors: SentenceVectors, prior: SummaryPrior | None = None) -> np.ndarray:
    """A ``(sentences, len(FEATURES))`` float32 matrix, columns in :data:`FEATURES` order.

    ``prior`` is the summary prior the model was trained with; the shipped one by default.
    """
    sentences = cluster.sentences
    count = len(sentences)
    documents = len(cluster.documents)
    columns: dict[str, np.ndarray] = {}
    document_of = vectors.documents
    per_document = np.bincount(document_of, minlength=documents).astype(np.float64)
    sentences_in = per_document[document_of]
    index = vectors.positions.astype(np.float64)

    columns["index"] = index
    columns["relative_index"] = index / np.maximum(sentences_in - 1, 1)
    columns["inverse_index"] = 1.0 / np.sqrt(1.0 + index)
    columns["first"] = (index == 0).astype(np.float64)
    columns["document_rank"] = document_of / max(documents - 1, 1)

    lengths = vectors.lengths.astype(np.float64)
    bags = vectors.terms
    tokens = vectors.words
    token_counts = np.fromiter(map(len, tokens), np.int64, count)
    bag_sizes = np.fromiter(map(len, bags), np.int64, count)
    columns["words"] = lengths
    columns["content_ratio"] = bag_sizes / np.maximum(token_counts, 1)

    central = centrality(vectors, documents)
    similarity = vectors.similarity
    other = document_of[None, :] != document_of[:, None]
    columns["centrality"] = central
    columns["centrality_rank"] = _rank(central)
    columns["degree"] = (similarity.sum(axis=1) - 1.0) / max(count - 1, 1)
    columns["lexrank"] = pagerank(np.where(similarity >= LEXRANK_THRESHOLD, similarity, 0.0)) * count
    starts = np.flatnonzero(index == 0)
    first_of = np.full(documents, -1)
    first_of[document_of[starts]] = starts
    lead = first_of[document_of]
    columns["lead_similarity"] = np.where(lead >= 0, similarity[np.arange(count), np.maximum(lead, 0)], 0.0)
    columns["leads_similarity"] = np.where(other[:, starts], similarity[:, starts], 0.0).max(axis=1) if len(starts) else np.zeros(count)
    document_central = np.bincount(document_of, weights=central, minlength=documents) / np.maximum(per_document, 1)
    columns["document_centrality"] = document_central[document_of]

    columns["support"] = support(vectors, documents)
    matches = np.where(other, similarity, 0.0)
    columns["best_match"] = matches.max(axis=1) if count else np.zeros(0)
    hits = np.zeros((count, documents), dtype=bool)
    for document in range(documents):
        hits[:, document] = (matches[:, document_of == document] >= SUPPORT_THRESHOLD).any(axis=1)
    columns["supporting_documents"] = hits.sum(axis=1) / max(documents - 1, 1)

    columns["shared_terms"], columns["term_frequency"] = _term_spread(vectors, documents)

    columns["title_overlap"] = _title_overlap(cluster, bags)

    texts = [sentence.text for sentence in sentences]
    spaced = [" " + " ".join(sentence_tokens) for sentence_tokens in tokens]
    columns["digits"] = _matches_per_text(NUMBER_WORD, spaced) / np.maximum(token_counts, 1)
    columns["quotes"] = np.minimum(_matches_per_text(QUOTES, texts), 4).astype(np.float64)
    weights = vectors.term_idf
    columns["mean_idf"] = _row_sums(weights, bag_sizes) / np.maximum(bag_sizes, 1)
    rare = np.bincount(np.repeat(np.arange(count), bag_sizes), weights=weights > RARE_IDF, minlength=count)
    columns["rare_terms"] = rare / np.maximum(bag_sizes, 1)

    columns["boilerplate"] = np.array(boilerplate_flags(texts), dtype=np.float64)
    columns["unfinished"] = np.array([not ends_like_sentence(text) for text in texts], dtype=np.float64)
    columns["symbols"] = _matches_per_text(SYMBOLS, texts) / np.maximum(np.fromiter(map(len, texts), np.int64, count), 1)
    columns["question"] = np.array([text.rstrip("\"'”’ ").endswith("?") for text in texts], dtype=np.float64)
    columns["dangling"] = np.array([bool(t) and t[0] in DANGLING for t in tokens], dtype=np.float64)

    columns["documents"] = np.full(count, float(documents))
    columns["document_sentences"] = sentences_in
    columns["cluster_sentences"] = np.full(count, float(count))

    rates = prior if prior is not None else shipped()
    mass = _row_sums(rates.weigh(vectors.vocabulary)[vectors.term_columns], bag_sizes)
    columns["summary_prior"] = mass / np.maximum(bag_sizes, 1)
    columns["prior_density"] = mass / np.maximum(lengths, 1)
    columns["prior_mass"] = mass
    return np.column_stack([columns[name] for name in FEATURES]).astype(np.float32) if count else np.zeros((0, len(FEATURES)), np.float32)


def _matches_per_text(pattern: re.Pattern[str], texts: list[str]) -> np.ndarray:
    """How often ``pattern`` matches in each text, in one pass over all of them joined by
    newlines (which none of the patterns above can match or cross)."""
    starts = np.cumsum([0] + [len(text) + 1 for text in texts[:-1]])
    found = [match.start() for match in pattern.finditer("\n".join(texts))]
    return np.bincount(np.searchsorted(starts, found, side="right") - 1, minlength=len(texts))


def _rank(values: np.ndarray) -> np.ndarray:
    """Rank within the cluster scaled to [0, 1] (1 = highest): comparable across cluster sizes."""
    if len(values) < 2:
        return np.ones(len(values))
    return np.argsort(np.argsort(values, kind="stable"), kind="stable") / (len(values) - 1)


def _term_spread(vectors: SentenceVectors, documents: int) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: the mean share of other documents using each of its terms, and the mean
    frequency of its terms in the cluster (SumBasic's word probability)."""
    count = len(vectors)
    matrix = vectors.matrix
    width = matrix.shape[1]
    rows = np.repeat(np.arange(count), np.diff(matrix.indptr))
    present = matrix.data != 0
    rows, columns = rows[present], matrix.indices[present]
    order = np.lexsort((columns, rows))  # a row's terms by column: the order the sums were defined in
    rows, columns = rows[order], columns[order]
    in_documents = np.bincount(np.unique(vectors.documents[rows] * width + columns) % width, minlength=width)
    per_sentence = np.bincount(rows, minlength=count)
    terms_per_sentence = np.maximum(per_sentence, 1)
    others = np.bincount(rows, weights=in_documents[columns] - 1.0, minlength=count) / terms_per_sentence / max(documents - 1, 1)
    frequency = np.bincount(columns, minlength=width) / max(len(columns), 1)
    return others, _row_sums(frequency[columns], per_sentence) / terms_per_sentence


def _row_sums(values: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Sums of consecutive runs of ``values``, ``lengths`` long, each added left to right.

    The additions of Python's ``sum`` and of a sparse row product, in the same order (a running
    sum down the columns of a zero-padded matrix), so the features do not move by a bit.
    """
    rows = len(lengths)
    padded = np.zeros((max(int(lengths.max(initial=0)), 1), rows))
    row = np.repeat(np.arange(rows), lengths)
    starts = np.cumsum(lengths) - lengths
    padded[np.arange(len(values)) - starts[row], row] = values
    return np.cumsum(padded, axis=0)[-1]


def _title_overlap(cluster: Cluster, bags: list[list[str]]) -> np.ndarray:
    """Share of a sentence's terms found in any document title; 0 when no document has one."""
    title_terms = {term for document in cluster.documents for term in terms(document.title)}
    if not title_terms:
        return np.zeros(len(bags))
    return np.array([sum(term in title_terms for term in bag) / max(len(bag), 1) for bag in bags])
