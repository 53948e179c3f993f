"""TF-IDF sentence vectors for one cluster: the shared input of scoring and selection.

IDF comes from a table of document frequencies over the Multi-News training articles, shipped
as a small gzipped JSON file, so one short cluster still knows which words are common in news.
Words the table lacks get the largest IDF it has.
"""

from __future__ import annotations

import gzip
import json
import math
import string
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import compress

import numpy as np

from newsfuse.model import Cluster
from newsfuse.text import STOPWORDS, TermIndex, TermWeights, Tokens, count_words, terms, words

IDF_RESOURCE = "idf.json.gz"


class Idf(TermWeights):
    """Inverse document frequency of each term, from the shipped news table."""

    __slots__ = ()


@cache
def load_idf() -> Idf:
    with resources.files("newsfuse.resources").joinpath(IDF_RESOURCE).open("rb") as handle:
        table = json.loads(gzip.decompress(handle.read()))
    documents = table["documents"]
    weights = {term: math.log(documents / count) for term, count in table["frequencies"].items()}
    return Idf(weights, math.log(documents / table["min_count"]))


@cache
def term_index() -> TermIndex:
    """The rows shared by every table of term weights: the terms the IDF table knows (the
    news vocabulary, which the smaller shipped tables are part of) and the spellings a concept
    gives a word that is no term, a stop word or a single character."""
    return TermIndex.of([*load_idf().weights, *sorted(STOPWORDS), *string.ascii_lowercase, *string.digits])


def document_frequencies(texts: Iterable[str], min_count: int = 3) -> dict:
    """The IDF table's content: how many texts contain each term (rare terms dropped)."""
    counts: Counter[str] = Counter()
    documents = 0
    for text in texts:
        if text.strip():
            documents += 1
            counts.update(set(terms(text)))
    # Ties broken by term, not by set order (which changes with PYTHONHASHSEED): the same data
    # gives the same file, byte for byte.
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    frequencies = {term: count for term, count in ranked if count >= min_count}
    return {"documents": documents, "min_count": min_count, "frequencies": frequencies}


@dataclass(slots=True)
class SentenceVectors:
    """Pairwise cosines of the row-normalised TF-IDF vectors of a cluster's sentences.

    ``words`` keeps each sentence's word tokens and ``tokens`` the same coded as integers,
    with the cluster's distinct terms (:class:`newsfuse.text.Tokens`): the ``vocabulary``, the
    matrix columns.  ``term_columns`` gives the column of every stemmed content word (all
    sentences' terms back to back), ``term_counts`` how many each sentence has and
    ``term_idf`` their IDF, so later stages need not re-tokenize or look words up again.
    ``term_rows`` gives each vocabulary term's row in the shared :func:`term_index`, through
    which every table of per-term weights is read as an array (:meth:`weights`).
    """

    similarity: np.ndarray
    lengths: np.ndarray
    documents: np.ndarray
    positions: np.ndarray
    words: list[list[str]]
    tokens: Tokens
    term_columns: np.ndarray
    term_counts: np.ndarray
    term_idf: np.ndarray
    term_rows: np.ndarray

    @classmethod
    def of(cls, cluster: Cluster) -> SentenceVectors:
        sentences = cluster.sentences
        count = len(sentences)
        split = [words(sentence.text) for sentence in sentences]
        tokens = Tokens.of(split)
        rows = term_index().find(tokens.vocabulary)
        weights = _weights(load_idf(), tokens.vocabulary, rows)
        similarity, term_columns, term_counts = _tfidf(tokens, weights)
        return cls(
            similarity=similarity,
            lengths=np.fromiter((count_words(sentence.text) for sentence in sentences), np.int32, count),
            documents=np.fromiter((sentence.document for sentence in sentences), np.int32, count),
            positions=np.fromiter((sentence.index for sentence in sentences), np.int32, count),
            words=split,
            tokens=tokens,
            term_columns=term_columns,
            term_counts=term_counts,
            term_idf=weights[term_columns],
            term_rows=rows,
        )

    def __len__(self) -> int:
        return len(self.lengths)

    @property
    def vocabulary(self) -> list[str]:
        """The cluster's distinct terms in order of first use: the matrix columns."""
        return self.tokens.vocabulary

    @property
    def terms(self) -> list[list[str]]:
        """Each sentence's stemmed content words (:func:`newsfuse.text.terms`)."""
        flat = [self.vocabulary[column] for column in self.term_columns.tolist()]
        ends = np.cumsum(self.term_counts).tolist()
        return [flat[end - size : end] for end, size in zip(ends, self.term_counts.tolist())]

    def weights(self, table: TermWeights) -> np.ndarray:
        """The weight in ``table`` of every vocabulary term, in column order."""
        return _weights(table, self.vocabulary, self.term_rows)

    def spelling_rows(self) -> np.ndarray:
        """The row in :func:`term_index` of each distinct word (``tokens.words``) as a concept
        spells it, its stem or, for a stop word, the word itself (-1 when not indexed)."""
        stop = self.tokens.stop_words()
        rows = np.append(self.term_rows, -1)[self.tokens.columns]
        rows[stop] = term_index().find(list(compress(self.tokens.words, stop)))
        return rows


def _weights(table: TermWeights, vocabulary: list[str], rows: np.ndarray) -> np.ndarray:
    """The weight in ``table`` of each term of ``vocabulary``, whose rows in :func:`term_index`
    are ``rows``: gathered from the table's array by row, or looked up term by term in a table
    that knows terms the index lacks."""
    by_row = table.by_row(term_index())
    return by_row[rows] if by_row is not None else table.weigh(vocabulary)


def _tfidf(tokens: Tokens, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The cosines between unit-length rows of ``(1 + log tf) * idf``, one per sentence's
    stemmed content words, built with array operations, given the IDF of each column
    (``weights``); the column of every term and each sentence's count of terms.

    A row lists its terms in order of first use, as counting them one by one would: the
    cosines are summed in that order, so every similarity comes out the same to the last bit.
    """
    rows = len(tokens.counts)
    width = max(len(tokens.vocabulary), 1)
    column_of_token = tokens.columns[tokens.codes]
    content = column_of_token >= 0
    column_of_token = column_of_token[content]
    row_of_token = np.repeat(np.arange(rows), tokens.counts)[content]
    keys = row_of_token * width + column_of_token
    entries, first, counts = np.unique(keys, return_index=True, return_counts=True)
    order = np.argsort(first)
    row_of_value, indices = np.divmod(entries[order], width)
    counts = counts[order]
    term_frequency = np.array([1.0 + math.log(tf) if tf else 0.0 for tf in range(counts.max(initial=0) + 1)])
    values = term_frequency[counts] * weights[indices]
    norms = np.sqrt(np.bincount(row_of_value, weights=values * values, minlength=rows))
    norms[norms == 0] = 1.0
    values /= norms[row_of_value]
    term_counts = np.bincount(row_of_token, minlength=rows)
    return _cosines(rows, row_of_value, indices, values), column_of_token, term_counts


def _cosines(count: int, rows: np.ndarray, columns: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The ``(count, count)`` dot products of sparse rows given as (row, column, value) entries
    in row order.

    Each entry is multiplied with every entry of its column and the products are summed per
    pair of rows in the order of the first row's entries: the additions of scipy's sparse
    product ``matrix @ matrix.T``, without building the matrices (a third of the time of
    vectorising a cluster went into scipy's checks and conversions).
    """
    by_column = np.argsort(columns, kind="stable")
    sizes = np.bincount(columns)
    partners = sizes[columns]
    total = int(partners.sum())
    left = np.repeat(np.arange(len(columns)), partners)
    starts = np.cumsum(sizes) - sizes  # where each column's entries begin in by_column
    right = by_column[np.repeat(starts[columns] - (np.cumsum(partners) - partners), partners) + np.arange(total)]
    products = values[left] * values[right]
    return np.bincount(rows[left] * count + rows[right], weights=products, minlength=count * count).reshape(count, count)
