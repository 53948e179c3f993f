from dataclasses import replace

import numpy as np

from newsfuse.features import FEATURES, GROUPS, features
from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare
from newsfuse.vectors import SentenceVectors

STORY = (
    "A fire destroyed the old mill in Brenford on Sunday night. "
    "Firefighters said nobody was hurt. \"It went up in minutes,\" said a neighbour. "
    "Share this story"
)
OTHER = "The Brenford mill fire started after 9 p.m., officials said. It was built in 1871. Read more"


def _cluster(*texts: str, title: str = "") -> Cluster:
    return prepare(Cluster(documents=[Document(text=text, title=title) for text in texts]))


def test_one_finite_row_per_sentence_in_feature_order() -> None:
    cluster = _cluster(STORY, OTHER)
    matrix = features(cluster, SentenceVectors.of(cluster))
    assert matrix.shape == (len(cluster.sentences), len(FEATURES))
    assert matrix.dtype == np.float32 and np.isfinite(matrix).all()
    assert sorted(FEATURES) == sorted({name for names in GROUPS.values() for name in names})


def test_features_are_case_robust() -> None:
    cased = _cluster(STORY, OTHER)
    lower = replace(cased, documents=[
        replace(document, text=document.text.lower(), sentences=[replace(s, text=s.text.lower()) for s in document.sentences])
        for document in cased.documents
    ])
    assert np.allclose(features(cased, SentenceVectors.of(cased)), features(lower, SentenceVectors.of(lower)))


def test_signals_point_the_right_way() -> None:
    cluster = _cluster(STORY, OTHER)
    column = {name: features(cluster, SentenceVectors.of(cluster))[:, i] for i, name in enumerate(FEATURES)}
    texts = [sentence.text for sentence in cluster.sentences]
    quote = next(i for i, t in enumerate(texts) if "minutes" in t)
    fire, mill = texts.index(cluster.sentences[0].text), next(i for i, t in enumerate(texts) if "mill fire started" in t)
    assert column["index"][fire] == 0 and column["relative_index"][fire] == 0
    assert column["quotes"][quote] == 2 and column["quotes"][fire] == 0
    assert column["support"][fire] > 0 and column["best_match"][fire] == column["best_match"][mill] > 0.3
    assert column["documents"][0] == 2 and column["cluster_sentences"][0] == len(texts)


def test_a_single_sentence_works() -> None:
    cluster = _cluster("Only one sentence stands in this lonely document today.")
    matrix = features(cluster, SentenceVectors.of(cluster))
    assert matrix.shape == (1, len(FEATURES)) and np.isfinite(matrix).all()
    assert matrix[0, FEATURES.index("support")] == matrix[0, FEATURES.index("best_match")] == 0


def test_row_sums_add_left_to_right_like_python() -> None:
    from newsfuse.features import _row_sums

    rng = np.random.default_rng(2)
    lengths = rng.integers(0, 30, 50)
    values = rng.random(lengths.sum()) * 10.0 ** rng.integers(-6, 6, lengths.sum())
    starts = np.cumsum(lengths) - lengths
    expected = [sum(values[start : start + length].tolist()) for start, length in zip(starts, lengths)]
    assert _row_sums(values, lengths).tolist() == expected


def test_summary_prior_columns_follow_the_prior_given() -> None:
    from newsfuse.prior import SummaryPrior

    cluster = _cluster(STORY, OTHER)
    vectors = SentenceVectors.of(cluster)
    fire = next(i for i, sentence in enumerate(cluster.sentences) if "fire destroyed" in sentence.text.lower())
    column = FEATURES.index("summary_prior")
    flat = features(cluster, vectors, SummaryPrior({}, 0.25))
    assert np.allclose(flat[[i for i, bag in enumerate(vectors.terms) if bag], column], 0.25)
    raised = features(cluster, vectors, SummaryPrior({"fire": 0.9}, 0.25))
    assert raised[fire, column] > flat[fire, column]
    assert raised[fire, FEATURES.index("prior_mass")] > flat[fire, FEATURES.index("prior_mass")] > 0
    assert np.array_equal(np.delete(raised, [FEATURES.index(name) for name in GROUPS["prior"]], axis=1),
                          np.delete(flat, [FEATURES.index(name) for name in GROUPS["prior"]], axis=1))
