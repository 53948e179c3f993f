"""Learned concept coverage: the learned sentence scores, plus what a summary covers as a whole.

A second model, trained on Multi-News like the sentence scorer, predicts for every bigram of the
cluster (:mod:`newsfuse.concepts`) the chance that the editor's summary has it (Li, Qian & Liu
2013).  Selection then takes, at each step, the sentence adding the most predicted weight of
bigrams not covered yet plus its own score, per word (:class:`newsfuse.selection.Coverage`), so
a second sentence repeating the first earns little.  Both files ship beside the sentence model
(gzipped LightGBM text and a JSON table of bigram counts) and load without running code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import lightgbm
import numpy as np

from newsfuse import concepts, features
from newsfuse.model import Cluster, Summary
from newsfuse.prior import SummaryPrior, load as load_prior, shipped as shipped_prior
from newsfuse.selection import Coverage, select
from newsfuse.summarizers.learned import Learned, Predictor, load_model, predictor
from newsfuse.vectors import SentenceVectors

CONCEPTS_RESOURCE = "concepts.txt.gz"
BIGRAMS_RESOURCE = "bigrams.json.gz"


def concept_features(
    scorer: Learned, bigrams: SummaryPrior, cluster: Cluster, vectors: SentenceVectors
) -> tuple[concepts.Concepts, np.ndarray, np.ndarray]:
    """A prepared cluster's concepts, their feature matrix and the sentences' learned scores."""
    found, sentences, scores = _scored(scorer, cluster, vectors)
    return found, concepts.features(found, vectors, len(cluster.documents), sentences, scores, bigrams, scorer.prior), scores


def _scored(scorer: Learned, cluster: Cluster, vectors: SentenceVectors) -> tuple[concepts.Concepts, np.ndarray, np.ndarray]:
    """The concepts, the sentence features and the learned scores."""
    sentences = features.features(cluster, vectors, scorer.prior)
    return concepts.Concepts.of(vectors.tokens), sentences, scorer.scores(sentences, vectors)


@cache
def _shipped() -> tuple[Predictor, SummaryPrior]:
    return predictor(load_model(resource=CONCEPTS_RESOURCE, names=concepts.FEATURES)), shipped_prior(BIGRAMS_RESOURCE)


class ConceptCoverage(Learned):
    """Learned sentence scores, selected for the learned weight of the bigrams they cover."""

    name = "concepts"
    #: tuned on val[:2000] (250 words): the sentence score's weight against the concepts' weight,
    #: and the power of the length that divides both.  Among bonus 25-150 and exponent 0.4-0.7,
    #: 50 and 0.6 scored best with the 300-tree concept model (R2 +0.19 over ``learned``, then
    #: the default) and again with the shipped 80-tree one (+0.15; +0.14 on all of val, as the
    #: 300 trees).
    bonus = 50.0
    exponent = 0.6

    def __init__(
        self,
        model: str | Path | lightgbm.Booster | None = None,
        prior: SummaryPrior | None = None,
        concept_model: str | Path | lightgbm.Booster | None = None,
        bigrams: SummaryPrior | None = None,
    ) -> None:
        """The shipped models, or files written by ``newsfuse train``: the concept model and the
        bigram prior are read from beside ``model`` unless given."""
        super().__init__(model, prior)
        beside = Path(model).parent if isinstance(model, str | Path) else None
        if concept_model is None and beside is not None:
            concept_model = beside / CONCEPTS_RESOURCE
        if bigrams is None and beside is not None:
            bigrams = load_prior(beside / BIGRAMS_RESOURCE)
        if concept_model is None:
            self.weigh = _shipped()[0]
        else:
            booster = concept_model if isinstance(concept_model, lightgbm.Booster) else load_model(concept_model, names=concepts.FEATURES)
            self.weigh = predictor(booster)
        self.bigrams = bigrams if bigrams is not None else _shipped()[1]

    def summarize(self, cluster: Cluster, vectors: SentenceVectors, words: int) -> Summary:
        scores, coverage = self.plan(cluster, vectors)
        return select(cluster, vectors, scores, words, redundancy=self.redundancy, method=self.name, coverage=coverage)

    def plan(self, cluster: Cluster, vectors: SentenceVectors) -> tuple[np.ndarray, Coverage]:
        """The sentence scores and the concepts selection should cover."""
        found, sentences, scores = _scored(self, cluster, vectors)
        own, carriers = concepts.own_features(found, vectors, len(cluster.documents), scores, self.bigrams, self.prior)
        # the carriers' sentence features as in the concept matrix (float32), weighed once per carrier
        weights = np.clip(self.weigh(own, sentences.astype(np.float32), carriers), 0.0, None) if len(found) else np.zeros(0)
        return scores, Coverage(*found.carried(), weights, self.bonus, self.exponent)
