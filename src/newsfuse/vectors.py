"""TF-IDF sentence vectors for one cluster: the shared input of scoring and selection.

IDF comes from a table of document frequencies over the Multi-News training articles, shipped
as a small gzipped JSON file, so one short cluster still knows which words are common in news.
Words the table lacks get the largest IDF it has.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from scipy import sparse

from newsfuse.model import Cluster
from newsfuse.text import terms

IDF_RESOURCE = "idf.json.gz"


@dataclass(slots=True)
class Idf:
    weights: dict[str, float]
    unknown: float

    def __getitem__(self, term: str) -> float:
        return self.weights.get(term, self.unknown)


@cache
def load_idf() -> Idf:
    with resources.files("newsfuse.resources").joinpath(IDF_RESOURCE).open("rb") as handle:
        table = json.loads(gzip.decompress(handle.read()))
    documents = table["documents"]
    weights = {term: math.log(documents / count) for term, count in table["frequencies"].items()}
    return Idf(weights, math.log(documents / table["min_count"]))


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
    """Row-normalised TF-IDF vectors of a cluster's sentences and their pairwise cosines.

    ``terms`` keeps each sentence's stemmed content words, so later stages need not re-tokenize.
    """

    matrix: sparse.csr_matrix
    similarity: np.ndarray
    lengths: np.ndarray
    documents: np.ndarray
    positions: np.ndarray
    terms: list[list[str]]

    @classmethod
    def of(cls, cluster: Cluster) -> SentenceVectors:
        idf = load_idf()
        vocabulary: dict[str, int] = {}
        indptr, indices, data = [0], [], []
        lengths, documents, positions = [], [], []
        bags: list[list[str]] = []
        for sentence in cluster.sentences:
            bag = terms(sentence.text)
            bags.append(bag)
            counts = Counter(bag)
            for term, count in counts.items():
                indices.append(vocabulary.setdefault(term, len(vocabulary)))
                data.append((1.0 + math.log(count)) * idf[term])
            indptr.append(len(indices))
            lengths.append(len(sentence.text.split()))
            documents.append(sentence.document)
            positions.append(sentence.index)
        rows = len(lengths)
        values = np.asarray(data, dtype=np.float64)
        offsets = np.asarray(indptr)
        row_of_value = np.repeat(np.arange(rows), np.diff(offsets))
        norms = np.sqrt(np.bincount(row_of_value, weights=values * values, minlength=rows))
        norms[norms == 0] = 1.0
        values /= norms[row_of_value]
        matrix = sparse.csr_matrix(
            (values, np.asarray(indices, dtype=np.int32), offsets), shape=(rows, max(len(vocabulary), 1))
        )
        similarity = (matrix @ matrix.T).toarray()
        return cls(
            matrix=matrix,
            similarity=similarity,
            lengths=np.asarray(lengths, dtype=np.int32),
            terms=bags,
            documents=np.asarray(documents, dtype=np.int32),
            positions=np.asarray(positions, dtype=np.int32),
        )

    def __len__(self) -> int:
        return len(self.lengths)
