import gzip
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse import concepts, features, prior
from newsfuse.model import Cluster, Document
from newsfuse.summarizers.coverage import ConceptCoverage
from newsfuse.pipeline import prepare
from newsfuse.selection import Coverage, select
from newsfuse.summarizers.learned import Learned, load_model, predictor
from newsfuse.training import concepts as training
from newsfuse.training.dataset import clusters, spread
from newsfuse.training.train import save
from newsfuse.text import STOPWORDS, Tokens, stem
from newsfuse.vectors import SentenceVectors
from test_learned import _records


def test_concepts_are_stemmed_bigrams_within_a_sentence_without_stopword_pairs() -> None:
    found = concepts.Concepts.of([["the", "councils", "met", "in", "the", "hall"], ["hall", "of", "the", "town"], []])
    assert found.names == ["the council", "council met", "met in", "the hall", "hall of", "the town"]
    assert "in the" not in found.names and "hall hall" not in found.names  # a stop pair; across sentences
    assert found.rows.tolist() == [0, 0, 0, 0, 1, 1]
    assert found.content[:, 0].tolist() == [False, True] and found.content[:, 1].tolist() == [True, True]
    repeated = concepts.Concepts.of([["flood", "warning", "flood", "warning"]])
    assert repeated.names == ["flood warn", "warn flood"]
    assert [pair.tolist() for pair in repeated.carried()] == [[0, 0], [0, 1]]  # carried once, however often
    assert [pair.tolist() for pair in concepts.Concepts.of([[], ["calm"]]).carried()] == [[], []]  # no concepts at all


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from("the a of flood floods flooding x 9b river's in rivers".split()), max_size=10), max_size=6))
def test_concepts_match_their_definition(sentences: list[list[str]]) -> None:
    """Bigrams named one occurrence at a time, as the definition reads, and numbered by first use."""
    stop = lambda word: word in STOPWORDS or len(word) < 2  # noqa: E731
    names: dict[str, int] = {}
    rows, ids, firsts = [], [], {}
    for row, words in enumerate(sentences):
        for left, right in zip(words, words[1:]):
            if stop(left) and stop(right):
                continue
            name = " ".join(word if stop(word) else stem(word) for word in (left, right))
            firsts.setdefault(name, (left, right))
            rows.append(row)
            ids.append(names.setdefault(name, len(names)))
    found = concepts.Concepts.of(sentences)
    assert found.names == list(names) and found.rows.tolist() == rows and found.ids.tolist() == ids
    tokens = Tokens.of(sentences)
    assert [tuple(tokens.words[place] for place in pair) for pair in found.parts.T.tolist()] == [firsts[name] for name in names]
    assert found.content.T.tolist() == [[not stop(word) for word in firsts[name]] for name in names]


def test_bigrams_of_a_text_split_sentences_and_cut_at_a_word_budget() -> None:
    text = "Ships docked early. Storms closed the harbour later."
    assert concepts.bigrams(text) == {"ship dock", "dock earli", "storm close", "close the", "the harbour", "harbour later"}
    assert concepts.bigrams(text, 3) == {"ship dock", "dock earli"}
    assert "earli storm" not in concepts.bigrams(text)


def _cluster() -> Cluster:
    return prepare(
        Cluster(
            documents=[
                Document(text="Heavy rain flooded the river valley on Monday night. The river valley flooded after heavy rain fell."),
                Document(text="The mayor ordered an evacuation of the old town center."),
            ]
        )
    )


def test_features_describe_how_the_cluster_uses_each_concept() -> None:
    cluster = _cluster()
    vectors = SentenceVectors.of(cluster)
    found = concepts.Concepts.of(vectors.words)
    table = prior.SummaryPrior({"river vallei": 0.9}, 0.1)
    sentences = np.arange(len(vectors))[:, None] * np.ones(len(features.FEATURES))
    matrix = concepts.features(found, vectors, len(cluster.documents), sentences, np.array([3.0, 4.0, 1.0]), table)
    assert matrix.shape == (len(found), len(concepts.FEATURES))
    column = {name: matrix[:, position] for position, name in enumerate(concepts.FEATURES)}
    river = found.names.index("river vallei")
    mayor = found.names.index("mayor order")
    assert column["sentences"][river] == 2 and column["documents"][river] == 1 and column["documents"][mayor] == 1
    assert column["score_max"][river] == 4 and column["score_mean"][river] == 3.5 and column["score_max"][mayor] == 1
    # the features of the best-scored sentence carrying the concept
    assert column["carrier_words"][river] == 1 and column["carrier_words"][mayor] == 2
    assert column["bigram_prior"][river] == pytest.approx(0.9) and column["bigram_prior"][mayor] == pytest.approx(0.1)
    assert column["bigram_known"].tolist().count(1.0) == 1
    assert column["cluster_documents"][0] == 2
    assert column["digits"].sum() == 0


def test_the_digits_feature_marks_concepts_with_a_digit_in_either_word() -> None:
    vectors = SentenceVectors.of(prepare(Cluster(documents=[Document(text="About 40 homes and route 9b closed before the storm.")])))
    found = concepts.Concepts.of(vectors.words)
    matrix = concepts.features(found, vectors, 1, np.zeros((len(vectors), len(features.FEATURES))), np.zeros(len(vectors)), prior.SummaryPrior({}, 0.0))
    digits = matrix[:, concepts.FEATURES.index("digits")]
    expected = [any(character.isdigit() for character in name) for name in found.names]
    assert digits.tolist() == expected and 0 < sum(expected) < len(expected)


def test_coverage_prefers_a_sentence_with_new_heavy_concepts_over_a_redundant_one() -> None:
    cluster = _cluster()
    vectors = SentenceVectors.of(cluster)
    found = concepts.Concepts.of(vectors.words)
    scores = np.array([3.0, 2.0, 1.0])  # the repeat outranks the new fact on its own
    weights = np.array([1.0 if name in {"heavi rain", "river vallei", "evacu of", "mayor order"} else 0.0 for name in found.names])
    coverage = Coverage(*found.carried(), weights, bonus=0.0, exponent=0.0)
    texts = lambda summary: [sentence.text for sentence in summary.sentences]  # noqa: E731
    plain = select(cluster, vectors, scores, words=16, redundancy=1.01)
    assert texts(plain) == [sentence.text for sentence in cluster.sentences[:2]]
    covered = select(cluster, vectors, scores, words=16, redundancy=1.01, coverage=coverage)
    assert texts(covered) == [cluster.sentences[0].text, cluster.sentences[2].text]


def test_coverage_without_weights_is_the_plain_selection() -> None:
    cluster = _cluster()
    vectors = SentenceVectors.of(cluster)
    found = concepts.Concepts.of(vectors.words)
    scores = np.array([1.0, 2.0, 3.0])
    coverage = Coverage(*found.carried(), np.zeros(len(found)), bonus=1.0, exponent=0.0)
    for words in (5, 12, 40):
        assert select(cluster, vectors, scores, words, coverage=coverage) == select(cluster, vectors, scores, words)


def _dataset(tmp_path, count: int) -> list[str]:
    path = tmp_path / "train.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(json.dumps(record) for record in _records(count)).encode()))
    return [str(path)]


def test_training_is_reproducible_and_the_model_loads_without_pickle(tmp_path) -> None:
    paths = _dataset(tmp_path, 16)
    table = training.bigram_prior(clusters(paths), min_count=2)
    assert "higher ground" in table["terms"] and table["clusters"] == 16
    bigrams = prior.SummaryPrior.of(table)
    built = [training.build(paths, 12, Learned(), bigrams, workers=1) for _ in range(2)]
    assert np.array_equal(built[0][0], built[1][0]) and 0 < built[0][1].mean() < 1
    models = [training.fit(*built[0], rounds=5, threads=1), training.fit(*built[1], rounds=5, threads=1)]
    assert models[0].model_to_string() == models[1].model_to_string()
    path = save(models[0], tmp_path / "concepts.txt.gz")
    loaded = load_model(path, names=concepts.FEATURES)  # parsed from text: no code runs
    matrix = built[0][0]
    assert np.allclose(predictor(loaded)(matrix), models[0].predict(matrix))
    with pytest.raises(ValueError, match="other features"):
        load_model(path)


def test_spread_gives_the_same_results_in_one_or_two_processes(tmp_path) -> None:
    paths = _dataset(tmp_path, 6)

    def size(cluster: Cluster, settings: dict) -> int:
        return len(cluster.documents) * settings["factor"]

    assert spread(size, clusters(paths), 1, {"factor": 3}) == spread(size, clusters(paths), 2, {"factor": 3}) == [6] * 6


def test_the_concepts_method_ships_loads_without_pickle_and_cites_its_sentences() -> None:
    summarizer = ConceptCoverage()
    assert summarizer.weigh is ConceptCoverage().weigh  # parsed once from text, then cached
    cluster = _cluster()
    summary = summarizer(cluster, 12)
    assert summary.method == "concepts" and summary.sentences
    for sentence in summary.sentences:
        document = cluster.documents[sentence.citation.document]
        assert document.text[sentence.citation.start : sentence.citation.end] == sentence.text
    assert summarizer(prepare(Cluster(documents=[Document(text="")])), 12).sentences == []
