import gzip

import pytest

from newsfuse import prior
from newsfuse.model import Cluster, Document


def _cluster(articles: list[str], summary: str) -> Cluster:
    return Cluster(documents=[Document(text=text) for text in articles], references=[summary])


CLUSTERS = [
    _cluster([f"Police in town {n + 10} arrested a suspect, a spokesperson said in a statement."], f"Police arrested a suspect in town {n + 10}.")
    for n in range(6)
]


def test_counts_how_often_an_input_word_reaches_the_summary() -> None:
    table = prior.count(CLUSTERS, min_count=5)
    assert table["clusters"] == 6
    assert table["terms"]["polic"] == [6, 6] and table["terms"]["spokesperson"] == [0, 6]
    assert "town" in table["terms"] and not any(term.isdigit() for term in table["terms"])  # each number seen once
    rates = prior.SummaryPrior.of(table)
    assert rates["polic"] > rates.unknown > rates["spokesperson"] > 0
    assert rates["never-seen"] == rates.unknown == table["rate"]


def test_clusters_without_a_summary_are_not_counted_and_none_at_all_is_an_error() -> None:
    unsummarized = Cluster(documents=[Document(text="Police said nothing.")])
    assert prior.count([*CLUSTERS, unsummarized], min_count=1)["clusters"] == 6
    with pytest.raises(ValueError, match="no clusters"):
        prior.count([unsummarized])


def test_saved_table_loads_back_and_a_bad_file_is_a_clear_error(tmp_path) -> None:
    table = prior.count(CLUSTERS, min_count=1)
    path = prior.save(table, tmp_path / "models" / prior.PRIOR_RESOURCE)
    assert path.read_bytes() == prior.save(table, tmp_path / "again.json.gz").read_bytes()  # no timestamp
    assert prior.load(path).weights == prior.SummaryPrior.of(table).weights
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(gzip.compress(b"[1, 2]"))
    with pytest.raises(ValueError, match="not a summary prior"):
        prior.load(bad)
    with pytest.raises(ValueError, match="not a summary prior"):
        prior.load(tmp_path / "missing.json.gz")


def test_the_shipped_prior_knows_news_words() -> None:
    shipped = prior.shipped()
    assert len(shipped.weights) > 1000 and 0 < shipped.unknown < 1
