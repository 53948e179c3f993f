"""Variants of the ``concepts`` method, each paired per cluster against the shipped one on Multi-News+ val.

Issue #5 asks for +2 R1 / +1.5 R2 over TextRank; ``benchmarks/ceilings.py`` shows that only
near-perfect signals get there.  These are the attempts to raise ``concepts`` itself.  Every
variant model is trained once on the first 8,000 train clusters with the shipped sentence
scorer and bigram prior (unless said otherwise) and kept in ``--cache``:

* unigram concepts: a second model, with the bigram model's features, weighs every stemmed
  content word (label: the reference has it); coverage runs over bigrams and unigrams, the
  unigrams' weights times ``--mix``; with the true 0/1 weights as its ceiling;
* more training clusters: the bigram model trained on the 12,000 train clusters after the first
  8,000 (the bigram prior counted on those 8,000 instead, so the two stay disjoint);
* other bigram models: retrained here (a check: it must equal the shipped one), a binary
  objective, LambdaRank per cluster (its score through a sigmoid), extra features (the
  bigram's words' documents and occurrences in the cluster, counts relative to the cluster's
  most widespread bigram, in how many articles' leads it appears);
* other uses of the weights and scores: weights squared or square-rooted, the sentence bonus on
  the prediction before its length division, a stacked sentence model (sentence features plus
  the sums of its bigrams' predicted weights), other redundancy cuts;
* better search for the coverage objective: greedy from each of the 5 best opening sentences,
  keeping the best objective; swap search after the greedy (the best swap of a chosen sentence
  for an unchosen, non-redundant one that raises the objective without a longer summary).

Findings (2026-11-24, val[:2000], paired against the shipped ``concepts``, 95 % bootstrap CI):
nothing was adopted.  No variant gained more than +0.04 R1 or 0.00 R2; the retrained model
equals the shipped one exactly; unigram concepts +0.04 / −0.01 at best (their perfect weights
add only +0.23 R1 over perfect bigram weights); 12,000 more clusters −0.02 / −0.04; extra
word, relative and lead features −0.01 / −0.02 to −0.04; binary and LambdaRank objectives
−0.01 to −0.07; sharper or flatter weights, other bonuses and the stacked sentence model lose
up to 0.46 R2; greedy from 5 openings −0.03 / −0.02 and swap search −0.09 / −0.09 (a higher
coverage objective is not a higher ROUGE).  On the raw sample (never tuned on) only greedy from
5 openings is above zero with a CI clear of it (+0.34 R1, R2 +0.17 within noise).

    PYTHONPATH=src python benchmarks/concept_variants.py --val 2000 --jobs 2 --cache /tmp/variants
    PYTHONPATH=src python benchmarks/concept_variants.py --val 2000 --only unigrams "openings"
    PYTHONPATH=src python benchmarks/concept_variants.py --data ../shared/data/multinews-raw/sample.jsonl
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

import lightgbm
import numpy as np

from newsfuse import concepts, prior
from newsfuse.concepts import Concepts
from newsfuse.evaluation import rouge
from newsfuse.features import FEATURES, features as sentence_features
from newsfuse.model import Cluster
from newsfuse.segment import split
from newsfuse.selection import MAX_WORDS, MIN_WORDS, SENTENCE_ENDS, Coverage, select
from newsfuse.summarizers.coverage import ConceptCoverage
from newsfuse.summarizers.learned import LENGTH_EXPONENT, load_model, predictor
from newsfuse.text import Tokens, words as split_words
from newsfuse.training import concepts as training
from newsfuse.training import train as sentence_training
from newsfuse.training.dataset import WORDS, clusters, spread
from newsfuse.training.labels import gains, membership
from newsfuse.training.train import ORACLE_WEIGHT, save
from newsfuse.vectors import SentenceVectors

from ceilings import SHARED, VAL, measure, prepared_of, scored, table

TRAIN = [str(SHARED / "data" / "multinews" / f"train-0{part}.jsonl.gz") for part in (0, 1)]
BASELINE = "concepts (shipped)"
FIRST = 8000


class Unigrams(Concepts):
    """Concepts of one word each: both parts are the word, the name is its stem."""

    __slots__ = ()

    @property
    def names(self) -> list[str]:
        return [self.spelled[place] for place in self.parts[0].tolist()]


def unigrams(tokens) -> Unigrams:
    """The stemmed content words of sentences given as word tokens (or coded, ``Tokens``), as
    concepts whose two parts are the word itself."""
    coded = tokens if isinstance(tokens, Tokens) else Tokens.of(tokens)
    columns = coded.columns[coded.codes]  # a content word's place among the stems, in order of first use
    positions = np.flatnonzero(columns >= 0)
    ids = columns[positions]
    first = positions[np.unique(ids, return_index=True)[1]]
    rows = np.repeat(np.arange(len(coded.counts)), coded.counts)[positions]
    return Unigrams(coded.terms, rows, ids, np.array([coded.codes[first]] * 2).reshape(2, len(first)), np.ones((2, len(first)), bool))


def reference_unigrams(text: str) -> set[str]:
    text = " ".join(text.split()[:WORDS])
    return set(unigrams([split_words(text[start:end]) for start, end in split(text)]).names)


def _unigram_examples(cluster: Cluster, settings: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    scorer = settings["scorer"]
    if (ready := prepared_of(cluster)) is None:
        return np.zeros((0, len(concepts.FEATURES)), np.float32), np.zeros(0)
    prepared, vectors = ready
    found = unigrams(vectors.tokens)
    sentences = sentence_features(prepared, vectors, scorer.prior)
    scores = scorer.scores(sentences, vectors)
    matrix = concepts.features(found, vectors, len(prepared.documents), sentences, scores, settings["bigrams"], scorer.prior)
    truth = reference_unigrams(cluster.references[0])
    return matrix, np.fromiter((name in truth for name in found.names), np.float64, len(found))


EXTRA: tuple[str, ...] = (
    "word_documents_low",
    "word_documents_high",
    "word_occurrences_low",
    "word_occurrences_high",
    "documents_relative",
    "occurrences_relative",
    "sentence_share",
)
LEAD: tuple[str, ...] = ("lead_documents", "lead_share", "first_sentence_documents")
#: sentences of an article that count as its lead
LEAD_SENTENCES = 3
CARRIER = concepts.FEATURES[len(concepts.OWN_FEATURES) :]
ALL = (*concepts.OWN_FEATURES, *EXTRA, *LEAD, *CARRIER)
FEATURE_SETS = {
    "plain": concepts.FEATURES,
    "extended": (*concepts.OWN_FEATURES, *EXTRA, *CARRIER),
    "lead": (*concepts.OWN_FEATURES, *LEAD, *CARRIER),
}


def extra_features(found: Concepts, vectors: SentenceVectors, documents: int, own: np.ndarray) -> np.ndarray:
    """Per bigram: how many documents and occurrences its words have in the cluster (the lower
    and higher of its content words), and its documents and occurrences relative to the
    cluster's most widespread bigram."""
    words = unigrams(vectors.tokens)
    column = {name: place for place, name in enumerate(words.names)}
    documents = max(documents, 1)
    pairs = np.unique(words.ids * documents + vectors.documents[words.rows]) if len(words) else np.zeros(0, np.int64)
    word_documents = np.bincount(pairs // documents, minlength=len(words)).astype(np.float64)
    word_occurrences = np.bincount(words.ids, minlength=len(words)).astype(np.float64)
    spelled = [term or word for term, word in zip(vectors.tokens.terms, vectors.tokens.words)]  # as in the names
    ids = np.array([[column.get(spelled[place], -1) for place in side] for side in found.parts.tolist()]).reshape(2, len(found))
    known = ids >= 0
    per_document = np.where(known, word_documents[np.maximum(ids, 0)] if len(words) else 0.0, np.nan)
    per_occurrence = np.where(known, word_occurrences[np.maximum(ids, 0)] if len(words) else 0.0, np.nan)
    own_documents = own[:, concepts.OWN_FEATURES.index("documents")]
    own_occurrences = own[:, concepts.OWN_FEATURES.index("occurrences")]
    return np.column_stack([
        np.nanmin(per_document, axis=0), np.nanmax(per_document, axis=0),
        np.nanmin(per_occurrence, axis=0), np.nanmax(per_occurrence, axis=0),
        own_documents / max(own_documents.max(), 1), own_occurrences / max(own_occurrences.max(), 1),
        own[:, concepts.OWN_FEATURES.index("sentences")] / max(len(vectors), 1),
    ]).astype(np.float32)


def lead_features(found: Concepts, vectors: SentenceVectors, documents: int) -> np.ndarray:
    """Per bigram: in how many articles' leads (first sentences) it appears, as a count and a
    share of the cluster's articles, and in how many first sentences."""
    documents = max(documents, 1)
    position = vectors.positions[found.rows]
    counts = []
    for limit in (LEAD_SENTENCES, 1):
        inside = position < limit
        pairs = np.unique(found.ids[inside] * documents + vectors.documents[found.rows[inside]])
        counts.append(np.bincount(pairs // documents, minlength=len(found)).astype(np.float64))
    return np.column_stack([counts[0], counts[0] / documents, counts[1]]).astype(np.float32)


def every_feature(found: Concepts, vectors: SentenceVectors, documents: int, sentences: np.ndarray, scores: np.ndarray, bigrams: prior.SummaryPrior, word_prior: prior.SummaryPrior) -> np.ndarray:
    """The concept features with :data:`EXTRA` and :data:`LEAD` between the own and the carrier
    columns (:data:`ALL`)."""
    matrix = concepts.features(found, vectors, documents, sentences, scores, bigrams, word_prior)
    own = len(concepts.OWN_FEATURES)
    return np.hstack([matrix[:, :own], extra_features(found, vectors, documents, matrix), lead_features(found, vectors, documents), matrix[:, own:]])


def columns(feature_set: str) -> list[int]:
    return [ALL.index(name) for name in FEATURE_SETS[feature_set]]


def _extended_examples(cluster: Cluster, settings: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    scorer = settings["scorer"]
    if (ready := prepared_of(cluster)) is None:
        return np.zeros((0, len(ALL)), np.float32), np.zeros(0)
    prepared, vectors = ready
    found = Concepts.of(vectors.tokens)
    sentences = sentence_features(prepared, vectors, scorer.prior)
    matrix = every_feature(found, vectors, len(prepared.documents), sentences, scorer.scores(sentences, vectors), settings["bigrams"], scorer.prior)
    truth = concepts.bigrams(cluster.references[0], WORDS)
    return matrix, np.fromiter((name in truth for name in found.names), np.float64, len(found))


STACKED = (*FEATURES, "concept_sum", "concept_max", "concept_mean", "concept_density")


def stacked_features(sentences: np.ndarray, found: Concepts, weights: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The sentence features and what the concept model says of each sentence's bigrams: their
    predicted weights summed, the highest, the mean and the sum per word."""
    rows, ids = found.carried()
    count = len(sentences)
    total = np.bincount(rows, weights[ids], minlength=count) if len(ids) else np.zeros(count)
    highest = np.zeros(count)
    if len(ids):
        np.maximum.at(highest, rows, weights[ids])
    carried = np.maximum(np.bincount(rows, minlength=count), 1)
    return np.hstack([sentences, np.column_stack([total, highest, total / carried, total / np.maximum(lengths, 1)])]).astype(np.float32)


def _stacked_examples(cluster: Cluster, settings: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    shipped: ConceptCoverage = settings["scorer"]
    if (ready := prepared_of(cluster)) is None:
        return np.zeros((0, len(STACKED)), np.float32), np.zeros(0)
    prepared, vectors = ready
    sentences = sentence_features(prepared, vectors, shipped.prior)
    scores = shipped.scores(sentences, vectors)
    found = Concepts.of(vectors.tokens)
    weights = np.clip(shipped.weigh(concepts.features(found, vectors, len(prepared.documents), sentences, scores, shipped.bigrams, shipped.prior)), 0, None) if len(found) else np.zeros(0)
    labelled = replace(prepared, references=prepared.references[:1])
    return stacked_features(sentences, found, weights, vectors.lengths), gains(labelled, WORDS) + ORACLE_WEIGHT * membership(labelled, WORDS)


def fit(matrix: np.ndarray, labels: np.ndarray, names, objective: str, jobs: int, groups: np.ndarray | None = None) -> lightgbm.Booster:
    settings = {**training.PARAMS, "objective": objective, "seed": training.SEED, "deterministic": True, "num_threads": jobs}
    return lightgbm.train(settings, lightgbm.Dataset(matrix, label=labels, group=groups, feature_name=list(names)), num_boost_round=training.ROUNDS)


def fitted(parts: list[tuple[np.ndarray, np.ndarray]], jobs: int) -> lightgbm.Booster:
    parts = [part for part in parts if len(part[1])]
    return training.fit(np.concatenate([part[0] for part in parts]), np.concatenate([part[1] for part in parts]), threads=jobs)


def models(cache: Path, scorer, bigrams: prior.SummaryPrior, jobs: int) -> dict[str, Any]:
    """The unigram model (first 8,000 clusters) and the bigram model on the 12,000 after them with
    a bigram prior of the first 8,000: trained once, kept in ``cache``."""
    cache.mkdir(parents=True, exist_ok=True)
    unigram_path, more_path, more_prior = cache / "unigrams.txt.gz", cache / "more.txt.gz", cache / "more-bigrams.json.gz"
    if not unigram_path.exists():
        started = time.perf_counter()
        parts = spread(_unigram_examples, clusters(TRAIN, FIRST), jobs, {"scorer": scorer, "bigrams": bigrams})
        save(fitted(parts, jobs), unigram_path)
        print(f"unigram model: {time.perf_counter() - started:.0f} s")
    if not more_path.exists():
        started = time.perf_counter()
        table = training.bigram_prior(clusters(TRAIN, FIRST))
        prior.save(table, more_prior)
        matrix, labels = _after(scorer, prior.SummaryPrior.of(table), jobs)
        save(training.fit(matrix, labels, threads=jobs), more_path)
        print(f"bigram model on {len(labels)} bigrams of the clusters after {FIRST}: {time.perf_counter() - started:.0f} s")
    sets = {"regression": "plain", "binary": "plain", "lambdarank": "plain", "extended-regression": "extended", "extended-binary": "extended", "lead-regression": "lead"}
    trained = {name: cache / f"{name}.txt.gz" for name in sets}
    if not all(path.exists() for path in trained.values()):
        started = time.perf_counter()
        stored = cache / "bigram-examples-all.npz"
        if not stored.exists():
            parts = [part for part in spread(_extended_examples, clusters(TRAIN, FIRST), jobs, {"scorer": scorer, "bigrams": bigrams}) if len(part[1])]
            np.savez(stored, matrix=np.concatenate([part[0] for part in parts]), labels=np.concatenate([part[1] for part in parts]), groups=np.array([len(part[1]) for part in parts]))
        examples = np.load(stored)
        matrix, labels, groups = examples["matrix"], examples["labels"], examples["groups"]
        for name, path in trained.items():
            if path.exists():
                continue
            names = FEATURE_SETS[sets[name]]
            booster = fit(matrix[:, columns(sets[name])], labels, names, name.split("-")[-1], jobs, groups if name == "lambdarank" else None)
            save(booster, path)
            gains = booster.feature_importance("gain")
            print(f"{name}: " + ", ".join(f"{feature} {share:.1%}" for feature, share in sorted(zip(names, gains / gains.sum()), key=lambda item: -item[1])[:12]))
        print(f"bigram models with and without the extra features: {time.perf_counter() - started:.0f} s")
    stacked_path = cache / "stacked.txt.gz"
    if not stacked_path.exists():
        started = time.perf_counter()
        parts = [part for part in spread(_stacked_examples, clusters(TRAIN, FIRST), jobs, {"scorer": scorer}) if len(part[1])]
        settings = {**sentence_training.PARAMS, "seed": sentence_training.SEED, "deterministic": True, "num_threads": jobs}
        data = lightgbm.Dataset(np.concatenate([part[0] for part in parts]), label=np.concatenate([part[1] for part in parts]), feature_name=list(STACKED))
        booster = lightgbm.train(settings, data, num_boost_round=sentence_training.ROUNDS)
        save(booster, stacked_path)
        gains_share = booster.feature_importance("gain")
        print("stacked: " + ", ".join(f"{feature} {share:.1%}" for feature, share in sorted(zip(STACKED, gains_share / gains_share.sum()), key=lambda item: -item[1])[:10]))
        print(f"stacked sentence model: {time.perf_counter() - started:.0f} s")
    return {
        "stacked": predictor(load_model(stacked_path, names=STACKED)),
        **{name: predictor(load_model(path, names=FEATURE_SETS[sets[name]])) for name, path in trained.items()},
        "unigram": predictor(load_model(unigram_path, names=concepts.FEATURES)),
        "more": predictor(load_model(more_path, names=concepts.FEATURES)),
        "more_bigrams": prior.load(more_prior),
    }


def _bigram_examples(cluster: Cluster, settings: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    return training.cluster_examples(cluster, settings["scorer"], settings["bigrams"])


def _after(scorer, bigrams: prior.SummaryPrior, jobs: int) -> tuple[np.ndarray, np.ndarray]:
    parts = spread(_bigram_examples, islice(clusters(TRAIN), FIRST, None), jobs, {"scorer": scorer, "bigrams": bigrams})
    parts = [part for part in parts if len(part[1])]
    return np.concatenate([part[0] for part in parts]), np.concatenate([part[1] for part in parts])


def swapped(
    chosen: list[int], coverage: Coverage, scores: np.ndarray, vectors: SentenceVectors, eligible: np.ndarray, redundancy: float, words: int, rounds: int = 5
) -> list[int]:
    """Swap local search on the coverage objective (covered weight + bonus × scores): never
    longer than the greedy summary, nor shorter than ``words`` when it was not."""
    lengths = vectors.lengths.astype(np.int64)
    limit = int(lengths[chosen].sum())
    floor = min(limit, words)
    current = list(chosen)
    value = objective(coverage, scores, current)
    for _ in range(rounds):
        best = None
        for place in range(len(current)):
            rest = current[:place] + current[place + 1 :]
            close = vectors.similarity[rest].max(axis=0) if rest else np.zeros(len(scores))
            used = int(lengths[rest].sum())
            fits = (lengths <= limit - used) & (lengths >= floor - used)
            for candidate in np.flatnonzero(eligible & (close < redundancy) & fits).tolist():
                if candidate in current:
                    continue
                trial = rest + [candidate]
                gained = objective(coverage, scores, trial)
                if gained > value + 1e-9 and (best is None or gained > best[0]):
                    best = (gained, trial)
        if best is None:
            break
        value, current = best
    return current


class _Forced:
    """A coverage whose selection must open with a given sentence, then runs greedily."""

    def __init__(self, coverage: Coverage, first: int) -> None:
        self._coverage, self._first = coverage, first

    def values(self, scores: np.ndarray, lengths: np.ndarray) -> _Forced:
        self._values = self._coverage.values(scores, lengths)
        self._opened = False
        return self

    def current(self) -> np.ndarray:
        values = self._values.current()
        if not self._opened:
            values = np.where(np.arange(len(values)) == self._first, np.inf, values)
        return values

    def take(self, index: int) -> None:
        self._opened = True
        self._values.take(index)


def objective(coverage: Coverage, scores: np.ndarray, selection: list[int]) -> float:
    """The coverage objective of a set of sentences: covered weight + bonus × their scores."""
    covered = np.zeros(len(coverage.weights), bool)
    covered[coverage.concepts[np.isin(coverage.sentences, selection)]] = True
    return float(np.asarray(coverage.weights)[covered].sum() + coverage.bonus * scores[selection].sum())


class _Fixed:
    """Values that make selection take exactly a given set of sentences, in a given order."""

    def __init__(self, order: list[int], size: int) -> None:
        self._values = np.zeros(size)
        self._values[order] = np.arange(len(order), 0, -1, dtype=np.float64)

    def values(self, scores: np.ndarray, lengths: np.ndarray) -> _Fixed:
        return self

    def current(self) -> np.ndarray:
        return self._values

    def take(self, index: int) -> None:
        self._values[index] = -1.0


def systems(cluster: Cluster, settings: dict[str, Any]) -> dict[str, tuple[float, float]]:
    shipped: ConceptCoverage = settings["concepts"]
    if (ready := prepared_of(cluster)) is None:
        return {}
    prepared, vectors = ready
    sentences = sentence_features(prepared, vectors, shipped.prior)
    scores = shipped.scores(sentences, vectors)
    documents = len(prepared.documents)
    found = Concepts.of(vectors.tokens)
    weights = np.clip(shipped.weigh(concepts.features(found, vectors, documents, sentences, scores, shipped.bigrams, shipped.prior)), 0, None) if len(found) else np.zeros(0)
    more = np.clip(settings["more"](concepts.features(found, vectors, documents, sentences, scores, settings["more_bigrams"], shipped.prior)), 0, None) if len(found) else np.zeros(0)
    words = unigrams(vectors.tokens)
    unigram_weights = np.clip(settings["unigram"](concepts.features(words, vectors, documents, sentences, scores, shipped.bigrams, shipped.prior)), 0, None) if len(words) else np.zeros(0)
    bigram_pairs = found.carried()
    unigram_pairs = words.carried()
    joint = (np.concatenate([bigram_pairs[0], unigram_pairs[0]]), np.concatenate([bigram_pairs[1], unigram_pairs[1] + len(found)]))
    runs: dict[str, Any] = {BASELINE: Coverage(*bigram_pairs, weights, shipped.bonus, shipped.exponent)}
    runs["bigram model on 12,000 more clusters"] = Coverage(*bigram_pairs, more, shipped.bonus, shipped.exponent)
    everything = every_feature(found, vectors, documents, sentences, scores, shipped.bigrams, shipped.prior)
    for name in ("regression", "binary"):
        runs[f"bigram model retrained here, {name}"] = Coverage(*bigram_pairs, np.clip(settings[name](concepts.features(found, vectors, documents, sentences, scores, shipped.bigrams, shipped.prior)), 0, None) if len(found) else np.zeros(0), shipped.bonus, shipped.exponent)
        runs[f"bigram model + word and relative features, {name}"] = Coverage(*bigram_pairs, np.clip(settings[f"extended-{name}"](everything[:, columns("extended")]), 0, None) if len(found) else np.zeros(0), shipped.bonus, shipped.exponent)
    runs["bigram model + lead features, regression"] = Coverage(*bigram_pairs, np.clip(settings["lead-regression"](everything[:, columns("lead")]), 0, None) if len(found) else np.zeros(0), shipped.bonus, shipped.exponent)
    plain = concepts.features(found, vectors, documents, sentences, scores, shipped.bigrams, shipped.prior) if len(found) else None
    ranked = 1 / (1 + np.exp(-settings["lambdarank"](plain))) if len(found) else np.zeros(0)
    for bonus in settings["bonus"]:
        runs[f"lambdarank, sigmoid of its score, μ={bonus:g}"] = Coverage(*bigram_pairs, ranked, bonus, shipped.exponent)
        for power in (0.5, 2.0):
            runs[f"weights^{power:g}, μ={bonus:g}"] = Coverage(*bigram_pairs, weights**power, bonus, shipped.exponent)
    stacked = settings["stacked"](stacked_features(sentences, found, weights, vectors.lengths)) / np.maximum(vectors.lengths, 1) ** LENGTH_EXPONENT
    runs["stacked sentence scores (sentence + concept features), learned selection"] = (None, stacked)
    for bonus in (25.0, 50.0, 100.0):
        runs[f"stacked sentence scores as the bonus, μ={bonus:g}"] = (Coverage(*bigram_pairs, weights, bonus, shipped.exponent), stacked)
    predicted = scores * np.maximum(vectors.lengths, 1) ** LENGTH_EXPONENT
    for bonus in (6.0, 12.0, 25.0):
        for exponent in (0.6, 0.8, 1.0):
            runs[f"bonus on the prediction before its length division, μ={bonus:g} r={exponent:g}"] = (Coverage(*bigram_pairs, weights, bonus, exponent), predicted)
    truth = concepts.bigrams(cluster.references[0], WORDS)
    true_bigrams = np.fromiter((name in truth for name in found.names), np.float64, len(found))
    truth = reference_unigrams(cluster.references[0])
    true_unigrams = np.fromiter((name in truth for name in words.names), np.float64, len(words))
    runs["true bigram weights (ceiling)"] = Coverage(*bigram_pairs, true_bigrams, shipped.bonus, shipped.exponent)
    for mix in (0.25, 0.5):
        runs[f"true bigram + {mix:g} × true unigram weights (ceiling)"] = Coverage(*joint, np.concatenate([true_bigrams, mix * true_unigrams]), shipped.bonus, shipped.exponent)
    for mix in settings["mix"]:
        for bonus in settings["bonus"]:
            for exponent in settings["exponent"]:
                runs[f"bigrams + {mix:g} × unigrams, μ={bonus:g} r={exponent:g}"] = Coverage(*joint, np.concatenate([weights, mix * unigram_weights]), bonus, exponent)
    results: dict[str, tuple[float, float]] = {}
    references = [rouge.sentences_of(text) for text in cluster.references]

    def wanted(name: str) -> bool:
        return name == BASELINE or not settings["only"] or any(part in name for part in settings["only"])

    shipped_coverage = runs[BASELINE]
    for name, run in runs.items():
        if wanted(name):
            coverage, bonus_scores = run if isinstance(run, tuple) else (run, scores)
            results[name] = scored(select(prepared, vectors, bonus_scores, WORDS, redundancy=shipped.redundancy, coverage=coverage), references)
    for redundancy in (0.5, 0.7, 0.8):
        name = f"redundancy cut {redundancy:g} (shipped {shipped.redundancy:g})"
        if wanted(name):
            results[name] = scored(select(prepared, vectors, scores, WORDS, redundancy=redundancy, coverage=shipped_coverage), references)
    base = select(prepared, vectors, scores, WORDS, redundancy=shipped.redundancy, coverage=shipped_coverage)
    where = {(sentence.document, sentence.index): place for place, sentence in enumerate(prepared.sentences)}
    chosen = [where[item.citation.document, item.citation.sentence] for item in base.sentences]
    whole = np.array([sentence.text[-1] in SENTENCE_ENDS for sentence in prepared.sentences]) & (vectors.lengths >= MIN_WORDS) & (vectors.lengths <= MAX_WORDS)
    name = "greedy from the best of 5 openings, by objective"
    if wanted(name):
        starts = [index for index in np.argsort(-shipped_coverage.values(scores, vectors.lengths).current(), kind="stable").tolist() if whole[index]][:5]
        tried = [select(prepared, vectors, scores, WORDS, redundancy=shipped.redundancy, coverage=_Forced(shipped_coverage, first)) for first in starts]
        best = max(tried, key=lambda summary: objective(shipped_coverage, scores, [where[item.citation.document, item.citation.sentence] for item in summary.sentences]), default=base)
        results[name] = scored(best, references)
    name = "swap search after greedy"
    if not wanted(name):
        return results
    improved = swapped(chosen, runs[BASELINE], scores, vectors, whole, shipped.redundancy, WORDS) if whole[chosen].all() else chosen
    results[name] = scored(select(prepared, vectors, scores, int(vectors.lengths[improved].sum()), redundancy=2.0, coverage=_Fixed(improved, len(scores))), references)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--val", type=int, default=2000, help="first N val clusters (all: 0)")
    parser.add_argument("--data", type=Path, default=VAL, help="another dataset, e.g. the raw sample")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/concept-variants"), help="where the trained variant models are kept")
    parser.add_argument("--mix", type=float, nargs="+", default=[0.25, 0.5, 1.0], help="unigram weights' factor")
    parser.add_argument("--bonus", type=float, nargs="+", default=[25.0, 50.0, 100.0], help="sentence score weights μ to try")
    parser.add_argument("--exponent", type=float, nargs="+", default=[0.6], help="length exponents r for the unigram runs")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=[], help="score only the variants whose names contain one of these")
    args = parser.parse_args()
    started = time.perf_counter()
    shipped = ConceptCoverage()
    settings = {"concepts": shipped, "only": args.only, "mix": args.mix, "bonus": args.bonus, "exponent": args.exponent}
    settings.update(models(args.cache, shipped, shipped.bigrams, args.jobs))
    values = measure(systems, args.data, args.val or None, args.jobs, settings)
    print(f"{args.data.name}: {len(values[BASELINE])} clusters, {WORDS}-word budget and cut, {time.perf_counter() - started:.0f} s\n")
    print("\n".join(table(values, BASELINE)))


if __name__ == "__main__":
    main()
