import numpy as np
import pytest

from newsfuse.evaluation.bootstrap import Bootstrap

VALUES = np.random.default_rng(7).random(200)


def test_seeded_and_reproducible() -> None:
    assert Bootstrap(200, seed=3).interval(VALUES) == Bootstrap(200, seed=3).interval(VALUES)
    assert Bootstrap(200, seed=3).interval(VALUES) != Bootstrap(200, seed=4).interval(VALUES)


def test_interval_brackets_the_mean_and_shrinks_with_more_clusters() -> None:
    low, high = Bootstrap(200).interval(VALUES)
    assert low < VALUES.mean() < high
    many = np.tile(VALUES, 10)
    low_many, high_many = Bootstrap(len(many)).interval(many)
    assert high_many - low_many < high - low
    assert Bootstrap(5).interval(np.full(5, 0.3)) == pytest.approx((0.3, 0.3))


def test_paired_test() -> None:
    bootstrap = Bootstrap(200, samples=500)
    assert bootstrap.p_value(VALUES, VALUES) == 1.0
    assert bootstrap.p_value(VALUES + 0.05, VALUES) == pytest.approx(1 / 501)
    noise = np.random.default_rng(1).normal(0, 0.05, 200)
    assert bootstrap.p_value(VALUES + noise, VALUES) > 0.01


def test_rejects_bad_shapes() -> None:
    with pytest.raises(ValueError):
        Bootstrap(0)
    with pytest.raises(ValueError):
        Bootstrap(3).means(np.ones(4))
