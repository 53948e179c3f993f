"""The learned summarizer: a LightGBM scorer trained on Multi-News to predict each sentence's
ROUGE against the reference, over case-robust features (``newsfuse.features``).

The model is a gzipped LightGBM *text* file and its summary prior (a feature, counted on other
training clusters) a gzipped JSON table beside it: loading parses numbers and never runs code, so
a model from elsewhere is safe to load.  ``newsfuse train`` rebuilds it.  Its trees are
evaluated as arrays (``newsfuse.summarizers.forest``), with the same predictions as LightGBM's.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import lightgbm
import numpy as np

from newsfuse import features  # a module import: newsfuse.features imports the centroid helpers
from newsfuse.model import Cluster
from newsfuse.prior import PRIOR_RESOURCE, SummaryPrior, load as load_prior, shipped as shipped_prior
from newsfuse.summarizers.base import Summarizer
from newsfuse.summarizers.forest import Forest, UnsupportedModel
from newsfuse.vectors import SentenceVectors

MODEL_RESOURCE = "learned.txt.gz"
#: The model predicts a sentence's own ROUGE, which grows with its length; under a word budget
#: value per word counts too.  On val[:2000] (250 words), with the summary prior among the
#: features, length**0.5 scored R2 +0.10 above 0.3 and above 0.4, 0.6 and 1.0.
LENGTH_EXPONENT = 0.5


def load_model(
    path: str | Path | None = None, resource: str = MODEL_RESOURCE, names: Sequence[str] = features.FEATURES
) -> lightgbm.Booster:
    """A model from a gzipped (or plain) LightGBM text file, trained on the features ``names``;
    the shipped ``resource`` by default."""
    if path is None:
        data = resources.files("newsfuse.models").joinpath(resource).read_bytes()
    else:
        data = Path(path).read_bytes()
    text = (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode()
    booster = lightgbm.Booster(model_str=text)
    if booster.feature_name() != list(names):
        raise ValueError(f"{path or resource}: model was trained on other features; retrain it with `newsfuse train`")
    return booster


Predictor = Callable[..., np.ndarray]
#: from this many sentences on, the array evaluation beats LightGBM's own loop (about 90 µs
#: of fixed cost against about 5 µs more per sentence, measured with the shipped model)
ARRAY_ROWS = 32


def predictor(booster: lightgbm.Booster) -> Predictor:
    """The fastest exact way to run ``booster`` on a matrix: its trees as arrays for a long
    cluster, LightGBM for a short one or for a model the arrays do not cover.  Like
    :meth:`Forest.predict`, it takes the last columns as ``table[rows]`` when given a table."""

    def by_lightgbm(matrix: np.ndarray, table: np.ndarray | None = None, rows: np.ndarray | None = None) -> np.ndarray:
        return booster.predict(matrix if table is None else np.hstack([matrix, table[rows]]), num_threads=1)

    try:
        forest = Forest.parse(booster.model_to_string())
    except UnsupportedModel:
        return by_lightgbm
    return lambda matrix, table=None, rows=None: (forest.predict if len(matrix) >= ARRAY_ROWS else by_lightgbm)(matrix, table, rows)


@cache
def _shipped() -> tuple[lightgbm.Booster, Predictor]:
    booster = load_model()
    return booster, predictor(booster)


class Learned(Summarizer):
    """Scores sentences with the trained model; selection drops near-duplicates."""

    name = "learned"
    redundancy = 0.6  # best on val[:2000] with the prior features: 0.5 and 0.7 lose 0.08 R2, 0.4 0.21

    def __init__(self, model: str | Path | lightgbm.Booster | None = None, prior: SummaryPrior | None = None) -> None:
        """The shipped model, or ``model``: a booster or a file written by ``newsfuse train``,
        whose summary prior is read from beside it (``prior`` overrides it)."""
        if model is None:
            self.model, self.predict = _shipped()
        else:
            self.model = model if isinstance(model, lightgbm.Booster) else load_model(model)
            self.predict = predictor(self.model)
        beside = None if model is None or isinstance(model, lightgbm.Booster) else Path(model).with_name(PRIOR_RESOURCE)
        if prior is None:
            prior = load_prior(beside) if beside is not None and beside.exists() else shipped_prior()
        self.prior = prior

    def score(self, cluster: Cluster, vectors: SentenceVectors) -> np.ndarray:
        return self.scores(features.features(cluster, vectors, self.prior), vectors)

    def scores(self, matrix: np.ndarray, vectors: SentenceVectors) -> np.ndarray:
        """The scores of sentences whose features (:func:`newsfuse.features.features`) are known."""
        return self.predict(matrix) / np.maximum(vectors.lengths, 1) ** LENGTH_EXPONENT
