"""Does a dense semantic signal help story grouping?  LSA and LSA + Fisher vectors on TRAIN streams.

The shipped assigner links articles only through shared stems (hashed TF-IDF), and on
lower-cased Multi-News recall is the weak side (``benchmarks/stories_ceiling.py``).  This script
measures whether a small dense representation learned from train text adds the missing links:

* LSA: a seeded randomized SVD (Halko et al. 2011, numpy only) of the log-tf x IDF
  term-document matrix of train-01's documents (the most frequent ``--vocabulary`` stems); a
  term's vector is its right singular vector times the singular values.
* LSA + Fisher: the same LSA space projected by Fisher's discriminant with train-01's clusters
  as classes (directions that separate events, not just topics: PCA + LDA).

An article's dense vector is the IDF-weighted sum of its terms' vectors (the LSA fold-in),
centred on the train mean for Fisher, normalised.  A story keeps the sum of its articles' dense
vectors next to the sparse sum, and the assigner joins the open story with the best
``mean sparse cosine + weight x mean dense cosine`` if it reaches the threshold; candidates are
the stories found through the article's strongest terms, or (``all``) every open story, so the
dense signal can also find stories that share no strong term.

Pairs: how well each cosine separates same-story from other-story article pairs on one N=500
stream (AUC, and the share of same-story pairs above the cosine that 1 % / 0.1 % of other pairs
reach: the region a threshold works in, with about 300 open stories per article).  Streams: the
train-00 streams of ``benchmarks/stories.py --tune``.  Settings are chosen on the three N=500
streams, then the best of each representation is run once on the N=5,000 stream.  Val is never
read.

    NEWSFUSE_SHARED=../shared PYTHONPATH=src python benchmarks/stories_semantic.py
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
from collections import Counter
from dataclasses import dataclass
from itertools import islice, product

import numpy as np
from scipy import sparse

from newsfuse.cleaning import clean
from newsfuse.model import Document
from newsfuse.stories.assign import QUERY_TERMS, RESCORED, THRESHOLD, StoryAssigner, featurize
from newsfuse.stories.evaluate import bcubed
from newsfuse.text import terms
from newsfuse.vectors import load_idf
from stories import SHARED, TRAIN, Stream, load, make_stream

EMBEDDING_TRAIN = SHARED / "data" / "multinews" / "train-01.jsonl.gz"  # not the streams' train-00
SEED = 6
OVERSAMPLE = 16
POWER_ITERATIONS = 4
WEIGHTS = (0.05, 0.1, 0.2)
THRESHOLDS = (0.14, 0.16, 0.19, 0.22, 0.25)


def randomized_svd(matrix: sparse.csr_matrix, rank: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Top ``rank`` singular values and right singular vectors (columns), signs fixed."""
    rng = np.random.default_rng(seed)
    basis = np.linalg.qr(matrix @ rng.standard_normal((matrix.shape[1], rank + OVERSAMPLE)))[0]
    for _ in range(POWER_ITERATIONS):
        basis = np.linalg.qr(matrix @ np.linalg.qr(matrix.T @ basis)[0])[0]
    _, singular, right = np.linalg.svd((matrix.T @ basis).T, full_matrices=False)
    right = right[:rank].T
    return singular[:rank], right * np.sign(right[np.abs(right).argmax(axis=0), np.arange(rank)])


@dataclass(slots=True)
class Space:
    """Term vectors and a mean to subtract: an article's vector is its weighted fold-in."""

    row: dict[str, int]
    vectors: np.ndarray
    mean: np.ndarray

    def fold(self, text: str) -> np.ndarray | None:
        counts = Counter(term for term in terms(text) if term in self.row)
        if not counts:
            return None
        idf = load_idf()
        weights = np.array([(1.0 + math.log(count)) * idf[term] for term, count in counts.items()])
        return (weights / np.linalg.norm(weights)) @ self.vectors[[self.row[term] for term in counts]]

    def unit(self, text: str) -> np.ndarray:
        folded = self.fold(text)
        if folded is None:
            return np.zeros(self.vectors.shape[1])
        folded = folded - self.mean
        norm = np.linalg.norm(folded)
        return folded / norm if norm else folded


def lsa(texts: list[str], vocabulary: int, dimensions: int) -> Space:
    counted = [Counter(terms(text)) for text in texts]
    frequencies: Counter[str] = Counter()
    for counts in counted:
        frequencies.update(counts.keys())
    kept = [term for term, _ in sorted(frequencies.items(), key=lambda item: (-item[1], item[0]))[:vocabulary]]
    row = {term: number for number, term in enumerate(kept)}
    idf = load_idf()
    rows, columns, values = [], [], []
    for number, counts in enumerate(counted):
        found = [(row[term], (1.0 + math.log(count)) * idf[term]) for term, count in counts.items() if term in row]
        norm = math.sqrt(sum(weight * weight for _, weight in found)) or 1.0
        for column, weight in found:
            rows.append(number)
            columns.append(column)
            values.append(weight / norm)
    matrix = sparse.csr_matrix((values, (rows, columns)), shape=(len(counted), len(kept)))
    singular, right = randomized_svd(matrix, dimensions)
    return Space(row, right * singular, np.zeros(dimensions))


def fisher(space: Space, clusters: list[list[str]], dimensions: int, regularization: float = 0.01) -> Space:
    """Project ``space`` on the directions that best separate clusters (between/within scatter)."""
    folded, labels = [], []
    for label, documents in enumerate(clusters):
        vectors = [vector for vector in map(space.fold, documents) if vector is not None]
        if len(vectors) >= 2:
            folded += vectors
            labels += [label] * len(vectors)
    points = np.array(folded)
    _, labels_ = np.unique(labels, return_inverse=True)
    means = np.zeros((labels_.max() + 1, points.shape[1]))
    np.add.at(means, labels_, points)
    means /= np.bincount(labels_)[:, None]
    within = (points - means[labels_]).T @ (points - means[labels_])
    within += regularization * np.trace(within) / len(within) * np.eye(len(within))
    centred = points - points.mean(axis=0)
    values, vectors = np.linalg.eigh(within)
    whiten = vectors / np.sqrt(values)
    ratios, directions = np.linalg.eigh(whiten.T @ (centred.T @ centred) @ whiten)
    projection = (whiten @ directions[:, np.argsort(-ratios)])[:, :dimensions]
    return Space(space.row, space.vectors @ projection, points.mean(axis=0) @ projection)


class SemanticAssigner(StoryAssigner):
    """The shipped assigner plus a dense sum per story; joins on sparse mean + weight x dense mean."""

    def __init__(self, dense: list[np.ndarray], weight: float, everywhere: bool, threshold: float) -> None:
        super().__init__(threshold=threshold)
        self.dense = dense
        self.weight = weight
        self.everywhere = everywhere
        self._sums: dict[int, np.ndarray] = {}
        self._key = 0

    def assign(self, article, key=None):
        self._key = article.key
        return super().assign(article, key)

    def _nearest(self, vector: dict[int, float]) -> tuple[int, float]:
        dots: dict[int, float] = {}
        for index, weight in islice(vector.items(), QUERY_TERMS):
            for story, value in self._postings.get(index, {}).items():
                dots[story] = dots.get(story, 0.0) + weight * value
        stories = list(self._sums) if self.everywhere else list(dots)
        if not stories:
            return 0, 0.0
        dense = np.array([self._sums[story] for story in stories]) @ self.dense[self._key]
        dense *= self.weight / np.array([self._sizes[story] for story in stories])
        rough = dense + np.array([dots.get(story, 0.0) / self._sizes[story] for story in stories])
        best, similarity = 0, 0.0
        for number in np.argsort(-rough, kind="stable")[:RESCORED]:
            story = stories[number]
            centroid = self._stories[story].centroid
            score = sum(weight * centroid.get(index, 0.0) for index, weight in vector.items()) / self._sizes[story] + dense[number]
            if score > similarity:
                best, similarity = story, score
        return best, similarity

    def _touch(self, story, article, time, centroid):
        super()._touch(story, article, time, centroid)
        if centroid:
            self._sums[story] = self._sums.get(story, 0.0) + self.dense[article.key]

    def _drop(self, story):
        super()._drop(story)
        self._sums.pop(story, None)


def pair_table(stream: Stream, spaces: dict[str, list[np.ndarray]]) -> None:
    """AUC and recall at 1 % / 0.1 % false pairs of each cosine over every pair of one stream."""
    articles = [featurize(document, key) for key, document in enumerate(stream.documents)]
    columns: dict[int, int] = {}
    rows, cols, values = [], [], []
    for number, article in enumerate(articles):
        for index, weight in article.vector.items():
            rows.append(number)
            cols.append(columns.setdefault(index, len(columns)))
            values.append(weight)
    vectors = sparse.csr_matrix((values, (rows, cols)), shape=(len(articles), len(columns)))
    upper = np.triu_indices(len(articles), 1)
    gold = np.array(stream.gold)
    same = (gold[:, None] == gold[None, :])[upper]
    cosines = {"sparse (shipped)": (vectors @ vectors.T).toarray()[upper]}
    for name, dense in spaces.items():
        matrix = np.array(dense)
        cosines[name] = (matrix @ matrix.T)[upper]
        for weight in WEIGHTS:
            cosines[f"sparse + {weight} x {name}"] = cosines["sparse (shipped)"] + weight * cosines[name]
    print(f"\nPairs of one N=500 train stream ({len(same):,} pairs, {same.sum():,} same-story)\n")
    print("| cosine | AUC | same-story pairs above the 99th / 99.9th percentile of other pairs |")
    print("|---|---:|---:|")
    for name, score in cosines.items():
        ranks = np.empty(len(score))
        ranks[np.argsort(score, kind="stable")] = np.arange(1, len(score) + 1)
        positives, negatives = same.sum(), (~same).sum()
        auc = (ranks[same].sum() - positives * (positives + 1) / 2) / (positives * negatives)
        above = [np.mean(score[same] > np.quantile(score[~same], 1 - share)) for share in (0.01, 0.001)]
        print(f"| {name} | {auc:.3f} | {above[0]:.3f} / {above[1]:.3f} |", flush=True)


def f1(streams: list[Stream], articles: list[list], dense: list[list[np.ndarray]] | None, weight: float,
       everywhere: bool, threshold: float) -> list:
    scores = []
    for stream, found, vectors in zip(streams, articles, dense or [None] * len(streams)):
        if vectors is None:
            assigner = StoryAssigner(threshold=threshold)
        else:
            assigner = SemanticAssigner(vectors, weight, everywhere, threshold)
        scores.append(bcubed([assigner.assign(article).story for article in found], stream.gold))
    return scores


def row(name: str, scores: list) -> str:
    return (f"| {name} | {np.mean([s.precision for s in scores]):.3f} | {np.mean([s.recall for s in scores]):.3f} |"
            f" {np.mean([s.f1 for s in scores]):.4f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vocabulary", type=int, default=30_000)
    parser.add_argument("--dimensions", type=int, default=128, help="LSA dimensions")
    parser.add_argument("--fisher", type=int, default=64, help="Fisher dimensions")
    args = parser.parse_args()
    with gzip.open(EMBEDDING_TRAIN, "rt", encoding="utf-8") as handle:
        clusters = [[clean(text) for text in json.loads(line)["documents"] if text.strip()] for line in handle]
    latent = lsa([text for documents in clusters for text in documents], args.vocabulary, args.dimensions)
    spaces = {f"LSA {args.dimensions}": latent, f"LSA + Fisher {args.fisher}": fisher(latent, clusters, args.fisher)}
    print(f"spaces learned from {EMBEDDING_TRAIN.name}: {len(clusters):,} clusters, vocabulary {len(latent.row):,}")
    train = load(TRAIN)
    small = [make_stream(train, 500, seed) for seed in (1, 2, 3)]
    dense_small = {name: [[space.unit(d.text) for d in stream.documents] for stream in small] for name, space in spaces.items()}
    pair_table(small[0], {name: vectors[0] for name, vectors in dense_small.items()})
    articles = [[featurize(document, key) for key, document in enumerate(stream.documents)] for stream in small]
    print("\nThree N=500 train streams (settings chosen here)\n")
    print("| assigner | B3 P | B3 R | B3 F1 |")
    print("|---|---:|---:|---:|")
    print(row(f"shipped (sparse, threshold {THRESHOLD})", f1(small, articles, None, 0.0, False, THRESHOLD)), flush=True)
    best: dict[str, tuple[float, tuple]] = {}
    for name, dense in dense_small.items():
        for weight, everywhere, threshold in product(WEIGHTS, (False, True), THRESHOLDS):
            scores = f1(small, articles, dense, weight, everywhere, threshold)
            where = "every open story" if everywhere else "term-found stories"
            print(row(f"{name}, weight {weight}, {where}, threshold {threshold}", scores), flush=True)
            score = float(np.mean([s.f1 for s in scores]))
            if score > best.get(name, (-1.0,))[0]:
                best[name] = (score, (weight, everywhere, threshold))
    big = [make_stream(train, 5000, 1)]
    articles = [[featurize(document, key) for key, document in enumerate(stream.documents)] for stream in big]
    print("\nThe N=5,000 train stream, each representation's best N=500 setting\n")
    print("| assigner | B3 P | B3 R | B3 F1 |")
    print("|---|---:|---:|---:|")
    print(row(f"shipped (sparse, threshold {THRESHOLD})", f1(big, articles, None, 0.0, False, THRESHOLD)), flush=True)
    for name, (_, (weight, everywhere, threshold)) in best.items():
        dense = [[spaces[name].unit(d.text) for d in stream.documents] for stream in big]
        where = "every open story" if everywhere else "term-found stories"
        print(row(f"{name}, weight {weight}, {where}, threshold {threshold}", f1(big, articles, dense, weight, everywhere, threshold)), flush=True)


if __name__ == "__main__":
    main()
