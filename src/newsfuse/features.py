"""Sentence features for the learned scorer: what makes a news sentence worth a summary.

Every feature is computed at inference time from the prepared cluster and its
:class:`SentenceVectors`, vectorised per cluster, and is case-robust: Multi-News+ (the training
data) is lower-cased and truncated while real input is cased and long, so features rest on
words, digits, quote marks, IDF and similarities, never on capital letters.  Features are
grouped so an ablation can drop one idea at a time.
"""

from __future__ import annotations

import re

import numpy as np
from scipy import sparse

from newsfuse.cleaning import is_boilerplate
from newsfuse.model import Cluster
from newsfuse.summarizers.centroid import centrality, support
from newsfuse.summarizers.graph import LexRank, pagerank
from newsfuse.text import terms, words
from newsfuse.vectors import SentenceVectors, load_idf

GROUPS: dict[str, tuple[str, ...]] = {
    "position": ("index", "relative_index", "inverse_index", "first", "document_rank"),
    "length": ("words", "content_ratio"),
    "centrality": ("centrality", "centrality_rank", "degree", "lexrank", "lead_similarity", "leads_similarity", "document_centrality"),
    "support": ("support", "supporting_documents", "best_match", "shared_terms", "term_frequency"),
    "title": ("title_overlap",),
    "specificity": ("digits", "quotes", "mean_idf", "rare_terms"),
    "boilerplate": ("boilerplate", "unfinished", "symbols", "question", "dangling"),
    "cluster": ("documents", "document_sentences", "cluster_sentences"),
}
FEATURES: tuple[str, ...] = tuple(name for names in GROUPS.values() for name in names)

SUPPORT_THRESHOLD = 0.3
LEXRANK_THRESHOLD = LexRank.threshold
RARE_IDF = 6.0
#: a word of :func:`newsfuse.text.words` that holds a digit ("1871", "9pm", "2nd")
NUMBER_WORD = re.compile(r"[a-z0-9]*[0-9][a-z0-9]*(?:['’][a-z]+)?")
QUOTES = re.compile(r"[\"“”«»]")
SYMBOLS = re.compile(r"[^\w\s.,;:'\"“”’‘!?()-]")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# Sentence openers that point back to something the reader of a summary has not seen.
DANGLING = frozenset("he she it they this these those his her their its but also however that such then".split())


def features(cluster: Cluster, vectors: SentenceVectors) -> np.ndarray:
    """A ``(sentences, len(FEATURES))`` float32 matrix, columns in :data:`FEATURES` order."""
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
    tokens = [words(sentence.text) for sentence in sentences]
    columns["words"] = lengths
    columns["content_ratio"] = np.array([len(bag) for bag in bags]) / np.maximum([len(t) for t in tokens], 1)

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

    idf = load_idf()
    columns["digits"] = np.array(
        [len(NUMBER_WORD.findall(s.text.lower())) / max(len(toks), 1) for s, toks in zip(sentences, tokens)]
    )
    columns["quotes"] = np.array([min(len(QUOTES.findall(s.text)), 4) for s in sentences], dtype=np.float64)
    weights = [[idf[term] for term in bag] for bag in bags]
    columns["mean_idf"] = np.array([sum(w) / len(w) if w else 0.0 for w in weights])
    columns["rare_terms"] = np.array([sum(w > RARE_IDF for w in ws) / max(len(ws), 1) for ws in weights])

    columns["boilerplate"] = np.array([is_boilerplate(s.text) for s in sentences], dtype=np.float64)
    columns["unfinished"] = np.array([not SENTENCE_END.search(s.text) for s in sentences], dtype=np.float64)
    columns["symbols"] = np.array([len(SYMBOLS.findall(s.text)) / max(len(s.text), 1) for s in sentences])
    columns["question"] = np.array([s.text.rstrip("\"'”’ ").endswith("?") for s in sentences], dtype=np.float64)
    columns["dangling"] = np.array([bool(t) and t[0] in DANGLING for t in tokens], dtype=np.float64)

    columns["documents"] = np.full(count, float(documents))
    columns["document_sentences"] = sentences_in
    columns["cluster_sentences"] = np.full(count, float(count))
    return np.column_stack([columns[name] for name in FEATURES]).astype(np.float32) if count else np.zeros((0, len(FEATURES)), np.float32)


def _rank(values: np.ndarray) -> np.ndarray:
    """Rank within the cluster scaled to [0, 1] (1 = highest): comparable across cluster sizes."""
    if len(values) < 2:
        return np.ones(len(values))
    return np.argsort(np.argsort(values, kind="stable"), kind="stable") / (len(values) - 1)


def _term_spread(vectors: SentenceVectors, documents: int) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: the mean share of other documents using each of its terms, and the mean
    frequency of its terms in the cluster (SumBasic's word probability)."""
    presence = (vectors.matrix != 0).astype(np.float64)
    membership = sparse.csr_matrix(
        (np.ones(len(vectors)), (vectors.documents, np.arange(len(vectors)))), shape=(documents, len(vectors))
    )
    in_documents = np.asarray(((membership @ presence) > 0).sum(axis=0)).ravel()
    terms_per_sentence = np.maximum(np.asarray(presence.sum(axis=1)).ravel(), 1)
    others = (presence @ (in_documents - 1)) / terms_per_sentence / max(documents - 1, 1)
    frequency = np.asarray(presence.sum(axis=0)).ravel() / max(presence.sum(), 1)
    return np.asarray(others).ravel(), np.asarray(presence @ frequency).ravel() / terms_per_sentence


def _title_overlap(cluster: Cluster, bags: list[list[str]]) -> np.ndarray:
    """Share of a sentence's terms found in any document title; 0 when no document has one."""
    title_terms = {term for document in cluster.documents for term in terms(document.title)}
    if not title_terms:
        return np.zeros(len(bags))
    return np.array([sum(term in title_terms for term in bag) / max(len(bag), 1) for bag in bags])
