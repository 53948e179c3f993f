import gzip
import json
from pathlib import Path

import pytest

from newsfuse.batch.io import atomic, errors_path, read_records, read_rows, sink
from newsfuse.batch.records import summary_schema

ROW = {
    "id": "c1", "method": "centroid", "summary": "Water rose.",
    "sentences": [{"text": "Water rose.", "corroboration": 1, "citations": [
        {"document": 0, "sentence": 0, "document_id": "d1", "outlet": "Post", "start": 0, "end": 11}]}],
    "documents": [{"id": "d1", "source": "Post", "url": "", "title": "", "author": "", "date": None}],
    "facts": {"quotes": [], "entities": [{"name": "Post", "kind": "organisation", "variants": ["Post"]}]},
}
ERROR = {"id": "c2", "error": "no document has any text"}


def test_errors_go_beside_the_output() -> None:
    assert errors_path("out/summaries.parquet") == "out/summaries.errors.jsonl"
    assert errors_path("s.jsonl.gz") == "s.errors.jsonl"
    assert errors_path("hdfs://nn/x/s.jsonl") == "hdfs://nn/x/s.errors.jsonl"


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "out.parquet"])
def test_rows_round_trip(tmp_path: Path, name: str) -> None:
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    with sink(tmp_path / name) as (summaries, errors):
        summaries.write(ROW)
        errors.write(ERROR)
    assert read_rows(tmp_path / name) == [ROW]
    assert read_rows(tmp_path / "out.errors.jsonl") == [ERROR]


def test_records_from_jsonl_gz_and_parquet_keep_positions(tmp_path: Path) -> None:
    lines = ['{"id": "a"}', "", '{"id": "b"}']
    with gzip.open(tmp_path / "in.jsonl.gz", "wt") as handle:
        handle.write("\r\n".join(lines) + "\n")
    assert list(read_records(tmp_path / "in.jsonl.gz")) == [(0, '{"id": "a"}'), (2, '{"id": "b"}')]
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.Table.from_pylist([{"id": "a"}, {"id": "b"}]), tmp_path / "in.parquet")
    assert list(read_records(tmp_path / "in.parquet")) == [(0, {"id": "a"}), (1, {"id": "b"})]


def test_rerun_replaces_and_failure_leaves_old_output(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    for summary in ("first", "second"):
        with sink(target) as (summaries, _):
            summaries.write({**ROW, "summary": summary})
    assert [row["summary"] for row in read_rows(target)] == ["second"]
    with pytest.raises(RuntimeError), sink(target) as (summaries, _):
        summaries.write({**ROW, "summary": "partial"})
        raise RuntimeError("worker died")
    assert [row["summary"] for row in read_rows(target)] == ["second"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.errors.jsonl", "out.jsonl"]


def test_a_directory_output_is_swapped_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.mkdir()
    (target / "part-00000").write_text(json.dumps(ROW) + "\n")
    with atomic(target) as temporary:
        temporary.write_text(json.dumps(ERROR) + "\n")
    assert read_rows(target) == [ERROR]
    assert [path.name for path in tmp_path.iterdir()] == ["out.jsonl"]


def test_parquet_output_is_typed_like_the_json(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    with sink(tmp_path / "out.parquet") as (summaries, _):
        summaries.write(ROW)
    assert pq.read_schema(tmp_path / "out.parquet").equals(summary_schema(), check_metadata=False)
