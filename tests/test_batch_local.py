import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.batch import local
from newsfuse.batch.io import read_rows
from newsfuse.batch.stages import Settings
from newsfuse.cli import app

DATA = Path(__file__).parent / "data" / "batch"


def run(tmp_path: Path, name: str, output: str = "out.jsonl", workers: int = 1, input: Path | None = None):
    input = input or DATA / name
    tmp_path.mkdir(exist_ok=True)
    counts = local.run(input, tmp_path / output, Settings(input.name, 60, "centroid"), workers)
    return counts, read_rows(tmp_path / output), read_rows(tmp_path / "out.errors.jsonl")


def test_clusters_and_bad_records(tmp_path: Path) -> None:
    counts, rows, errors = run(tmp_path, "clusters.jsonl")
    assert counts == (3, 3)
    assert [row["id"] for row in rows] == ["fire", "tram", "regatta"]
    assert {error["id"]: error["error"].split(" (")[0] for error in errors} == {
        "empty": "no document has any text",
        "clusters.jsonl:5": "invalid JSON",
        "bad-document": "bad-document/0: a document must be a string or an object, not int",
    }


def test_articles_are_grouped_into_stories(tmp_path: Path) -> None:
    counts, rows, errors = run(tmp_path, "articles.jsonl")
    stories = {row["id"]: [document["id"] for document in row["documents"]] for row in rows}
    assert list(stories) == ["story-fire-herald", "story-tram-courier", "lake-arlo-regatta", "story-library"]
    assert stories["story-fire-herald"] == ["fire-herald", "fire-wire", "fire-gazette", "fire-times"]
    assert stories["lake-arlo-regatta"] == ["regatta-1", "regatta-2"]
    assert [error["id"] for error in errors] == ["broken-page", "articles.jsonl:7"]
    assert counts == (4, 2)


def test_two_workers_give_the_same_output(tmp_path: Path) -> None:
    assert run(tmp_path / "one", "articles.jsonl") == run(tmp_path / "two", "articles.jsonl", workers=2)


def test_parquet_in_and_out_match_jsonl(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    lines = [json.loads(line) for line in (DATA / "articles.jsonl").read_text().splitlines() if not line.startswith('{"id": "truncated"')]
    columns = sorted({key for line in lines for key in line})
    pq.write_table(pa.Table.from_pylist([{key: line.get(key) for key in columns} for line in lines]), tmp_path / "articles.parquet")
    _, from_jsonl, _ = run(tmp_path, "articles.jsonl")
    _, from_parquet, _ = run(tmp_path, "articles.parquet", "out.parquet", input=tmp_path / "articles.parquet")
    assert from_parquet == from_jsonl


def test_rows_are_what_summarize_prints(tmp_path: Path) -> None:
    printed = CliRunner().invoke(app, ["summarize", str(DATA / "clusters.jsonl"), "-o", "jsonl", "-w", "60"])
    _, rows, _ = run(tmp_path, "clusters.jsonl")
    summarized = [line for line in printed.stdout.splitlines() if json.loads(line)["sentences"]]
    assert (tmp_path / "out.jsonl").read_text().splitlines() == summarized
    assert [json.loads(line) for line in summarized] == rows
