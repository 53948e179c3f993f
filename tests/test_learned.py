import gzip
import json

import numpy as np
import pytest
from typer.testing import CliRunner

import newsfuse
from newsfuse import prior, summarizers
from newsfuse.cli import app
from newsfuse.features import FEATURES
from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare
from newsfuse.summarizers.coverage import BIGRAMS_RESOURCE, ConceptCoverage
from newsfuse.summarizers.learned import MODEL_RESOURCE, Learned, load_model
from newsfuse.vectors import SentenceVectors

ARTICLES = [
    "A cargo ship ran aground off Pelham Point on Tuesday. The coast guard said all 19 crew members were safe. "
    "Tugs will try to free the vessel at high tide. Share this article",
    "The freighter Marisol ran aground near Pelham Point, the coast guard said. \"We heard a loud scrape,\" one sailor said. "
    "No oil has leaked so far.",
    "Salvage crews expect to refloat the stranded ship by Thursday. The port stayed open to other traffic.",
]


def _records(count: int) -> list[dict]:
    towns = ["Alder", "Brook", "Cedar", "Dunmore", "Elmwood", "Fairview"]
    records = []
    for number in range(count):
        town = towns[number % len(towns)]
        documents = [
            f"Flood waters rose in {town} on day {number}. Residents moved to higher ground. The mayor of {town} asked for help.",
            f"Rain caused a flood in {town}, officials said. Schools in {town} closed for {number + 2} days. Volunteers filled sandbags.",
        ]
        summary = f"A flood hit {town} and residents moved to higher ground. Schools closed and the mayor asked for help."
        records.append({"id": str(number), "documents": documents, "summary": summary})
    return records


def test_shipped_model_loads_without_pickle_and_scores_a_cluster() -> None:
    model = load_model()
    assert model.feature_name() == list(FEATURES)
    cluster = prepare(Cluster(documents=[Document(text=text) for text in ARTICLES]))
    scores = Learned().score(cluster, SentenceVectors.of(cluster))
    assert scores.shape == (len(cluster.sentences),) and np.isfinite(scores).all()
    texts = [sentence.text for sentence in cluster.sentences]
    assert scores[texts.index("Share this article")] < scores[0]


def test_summarize_with_the_learned_method_cites_its_sentences() -> None:
    assert "learned" in summarizers.SUMMARIZERS
    summary = newsfuse.summarize(ARTICLES, words=40, method="learned")
    assert summary.method == "learned" and summary.sentences
    for sentence in summary.sentences:
        assert summary.cluster.documents[sentence.citation.document].text[sentence.citation.start : sentence.citation.end] == sentence.text


def test_train_command_end_to_end_on_a_tiny_dataset(tmp_path) -> None:
    data = tmp_path / "train.jsonl.gz"
    data.write_bytes(gzip.compress("\n".join(json.dumps(record) for record in _records(24)).encode()))
    result = CliRunner().invoke(
        app, ["train", "--data", str(data), "--out", str(tmp_path / "model"), "--rounds", "5", "--workers", "1", "--idf-out", str(tmp_path / "idf.json.gz")]
    )
    assert result.exit_code == 0, result.output
    path = tmp_path / "model" / MODEL_RESOURCE
    assert gzip.decompress(path.read_bytes()).startswith(b"tree")
    table = json.loads(gzip.decompress((tmp_path / "idf.json.gz").read_bytes()))
    assert table["documents"] == 48 and "flood" in table["frequencies"]
    assert "summary prior is counted on the training clusters" in result.output
    learned = Learned(path)
    assert learned.prior.weights == prior.load(tmp_path / "model" / prior.PRIOR_RESOURCE).weights != prior.shipped().weights
    summary = learned(prepare(Cluster(documents=[Document(text=text) for text in ARTICLES])), 30)
    assert summary.sentences
    assert "concept model of" in result.output
    covering = ConceptCoverage(path)
    assert covering.bigrams.weights == prior.load(tmp_path / "model" / BIGRAMS_RESOURCE).weights
    assert covering(prepare(Cluster(documents=[Document(text=text) for text in ARTICLES])), 30).sentences


def test_train_counts_the_prior_on_the_clusters_after_the_training_ones(tmp_path) -> None:
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(json.dumps(record) for record in _records(30)))
    result = CliRunner().invoke(app, ["train", "--data", str(data), "--out", str(tmp_path), "--clusters", "20", "--rounds", "2", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "summary prior of 10 clusters" in result.output and "20 clusters" in result.output


def test_a_model_trained_on_other_features_is_refused(tmp_path) -> None:
    text = load_model().model_to_string()
    other = tmp_path / "other.txt"
    other.write_text(text.replace("feature_names=index", "feature_names=position", 1))
    with pytest.raises(ValueError, match="other features"):
        load_model(other)


def test_train_command_reports_a_missing_file(tmp_path) -> None:
    result = CliRunner().invoke(app, ["train", "--data", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path)])
    assert result.exit_code == 1 and "no such training file" in result.output


def test_train_takes_a_shell_glob_after_data_and_reports_an_unwritable_output(tmp_path) -> None:
    files = []
    for part in range(2):
        path = tmp_path / f"train-{part}.jsonl.gz"
        path.write_bytes(gzip.compress("\n".join(json.dumps(record) for record in _records(12)).encode()))
        files.append(str(path))
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")
    result = CliRunner().invoke(app, ["train", "--data", *files, "--out", str(blocked), "--rounds", "3", "--workers", "1"])
    assert result.exit_code == 1
    assert "24 clusters" in result.output
    assert "cannot write the model" in result.output and "Traceback" not in result.output
