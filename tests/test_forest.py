import lightgbm
import numpy as np
import pytest

from newsfuse import concepts
from newsfuse.features import FEATURES
from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare
from newsfuse.summarizers.forest import Forest, UnsupportedModel
from newsfuse.summarizers.learned import Learned, load_model, predictor
from newsfuse.vectors import SentenceVectors


def _probes(forest: Forest, columns: int, rows: int, seed: int) -> np.ndarray:
    """Rows of values at, just above and just below every threshold, plus zeros, NaN and tiny values."""
    thresholds = np.concatenate([feature.thresholds for feature in forest.features])
    values = np.concatenate(
        [thresholds, np.nextafter(thresholds, np.inf), np.nextafter(thresholds, -np.inf), [0.0, np.nan, 1e-40, -1e-40, -1e9, 1e9]]
    )
    return np.random.default_rng(seed).choice(values, size=(rows, columns))


def _train(params: dict, features: np.ndarray, labels: np.ndarray, rounds: int = 8) -> lightgbm.Booster:
    settings = {"verbose": -1, "num_threads": 1, "seed": 1, "min_data_in_leaf": 3, **params}
    return lightgbm.train(settings, lightgbm.Dataset(features, labels), num_boost_round=rounds)


def _regression_data(rows: int = 400, columns: int = 6, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    features = rng.normal(size=(rows, columns)).round(2)  # repeated values: ties at thresholds
    return features, features[:, 0] * 2 + np.sin(features[:, 1] * 3) + rng.normal(scale=0.1, size=rows)


def test_shipped_model_predicts_as_lightgbm_at_every_threshold() -> None:
    booster = load_model()
    forest = Forest.parse(booster.model_to_string())
    for dtype in (np.float64, np.float32):
        probes = _probes(forest, booster.num_feature(), 2000, seed=3).astype(dtype)
        np.testing.assert_allclose(forest.predict(probes), booster.predict(probes, num_threads=1), rtol=0, atol=1e-12)


@pytest.mark.parametrize("leaves", [2, 7, 15, 31, 60])
def test_trees_of_every_mask_width_and_single_leaf_trees_predict_as_lightgbm(leaves: int) -> None:
    features, labels = _regression_data()
    booster = _train({"objective": "regression", "num_leaves": leaves}, features, labels)
    # Labels no split can explain: LightGBM writes one-leaf trees.
    stump = _train({"objective": "regression", "min_data_in_leaf": 1000}, features, labels, rounds=2)
    for model in (booster, stump):
        forest = Forest.parse(model.model_to_string())
        probes = np.vstack([features, _probes(forest, features.shape[1], 300, seed=leaves)]) if forest.features else features
        np.testing.assert_allclose(forest.predict(probes), model.predict(probes, num_threads=1), rtol=0, atol=1e-12)


def test_columns_shared_through_a_table_predict_as_the_whole_matrix() -> None:
    booster = load_model(resource="concepts.txt.gz", names=concepts.FEATURES)
    forest = Forest.parse(booster.model_to_string())
    own = len(concepts.OWN_FEATURES)
    probes = _probes(forest, booster.num_feature(), 300, seed=5)
    table = probes[:40, own:]  # 40 carrier rows shared by 300 concepts
    rows = np.random.default_rng(6).integers(0, len(table), 300)
    whole = np.hstack([probes[:, :own], table[rows]])
    expected = booster.predict(whole, num_threads=1)
    np.testing.assert_allclose(forest.predict(probes[:, :own], table, rows), expected, rtol=0, atol=1e-12)
    for count in (5, 300):  # LightGBM for a few rows, the arrays for many
        np.testing.assert_allclose(predictor(booster)(probes[:count, :own], table, rows[:count]), expected[:count], rtol=0, atol=1e-12)


def test_models_the_arrays_do_not_cover_are_refused() -> None:
    features, labels = _regression_data()
    binary = _train({"objective": "binary"}, features, labels > 0)
    with pytest.raises(UnsupportedModel, match="objective"):
        Forest.parse(binary.model_to_string())
    features[::7, 0] = np.nan  # missing values get a branch of their own
    with pytest.raises(UnsupportedModel, match="missing"):
        Forest.parse(_train({"objective": "regression"}, features, labels).model_to_string())
    too_wide = _train({"objective": "regression", "num_leaves": 80, "min_data_in_leaf": 1}, *_regression_data(2000))
    with pytest.raises(UnsupportedModel, match="leaves"):
        Forest.parse(too_wide.model_to_string())


def test_learned_runs_a_model_the_arrays_do_not_cover_with_lightgbm() -> None:
    rng = np.random.default_rng(5)
    features = rng.random((300, len(FEATURES)))
    booster = lightgbm.train(
        {"objective": "binary", "verbose": -1, "num_threads": 1},
        lightgbm.Dataset(features, features[:, 5] > 0.5, feature_name=list(FEATURES)),
        num_boost_round=5,
    )
    cluster = prepare(Cluster(documents=[Document(text="Rain fell on the town all day. The river rose by two metres overnight.")]))
    vectors = SentenceVectors.of(cluster)
    scores = Learned(booster).score(cluster, vectors)
    assert scores.shape == (2,) and np.all((scores > 0) & (scores < 1))
