import datetime as dt

import pytest

from newsfuse.batch.records import JSON_COLUMNS, cluster_of, dumps, error_row, is_error, parse, summarize, summary_schema
from newsfuse.model import Cluster, Document
from newsfuse.pipeline import summarize_cluster
from newsfuse.readers import InputError
from newsfuse.render import to_record

TEXT = (
    "The river in Tarrow rose two metres overnight. Residents left their homes early on Monday. "
    "The mayor opened the school gym as a shelter for forty families."
)


def test_parquet_rows_read_like_json() -> None:
    row = {"id": "a", "story": None, "date": dt.date(2025, 3, 4), "text": TEXT}
    assert parse(row, "x") == {"id": "a", "date": "2025-03-04", "text": TEXT}
    assert parse('{"id": "a", "text": "t"}', "x") == {"id": "a", "text": "t"}


@pytest.mark.parametrize("line, reason", [("{oops", "invalid JSON"), ("[1]", "must be a JSON object")])
def test_malformed_lines_raise_a_reason(line: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        parse(line, "in.jsonl:3")


def test_cluster_without_text_is_an_error() -> None:
    with pytest.raises(InputError, match="no document has any text"):
        cluster_of({"id": "e", "documents": ["", " "]}, "in:1")


def test_summary_row_is_the_summary_dict() -> None:
    cluster = Cluster([Document(TEXT, id="d1", source="Tarrow Post")], id="c")
    row = summarize(cluster, 30, "centroid")
    assert row == to_record(summarize_cluster(cluster, 30, "centroid"))
    assert row["facts"]["entities"]
    assert not is_error(row)
    assert is_error(error_row("c", "bad"))


def test_parquet_schema_holds_every_field_of_a_summary() -> None:
    pa = pytest.importorskip("pyarrow")
    row = summarize(Cluster([Document(TEXT, id="d1", source="Tarrow Post", date=dt.date(2025, 1, 2))], id="c"), 30, "centroid")
    assert list(row) == summary_schema().names
    stored = {**row, **{name: dumps(row[name]) for name in JSON_COLUMNS}}
    assert pa.Table.from_pylist([stored], schema=summary_schema()).to_pylist() == [stored]
