"""Spark and the local engine give the same rows; one local[2] session for the whole module."""

import gzip
import itertools
import json
from pathlib import Path

import pytest
from conftest import MULTINEWS_VAL, needs_val

from newsfuse.batch import grouping, local, spark
from newsfuse.batch.io import read_rows
from newsfuse.batch.stages import ARTICLE, Settings, record

DATA = Path(__file__).parent / "data" / "batch"


@pytest.fixture(scope="module")
def session():
    if spark.missing():
        pytest.skip("PySpark or Java is absent")
    started = spark.session("local[2]")
    yield started
    started.stop()


def both(session, input: Path, folder: Path, output: str, words: int = 60):
    """Run both engines; return their (summaries, errors) rows."""
    settings = Settings(input.name, words, "centroid")
    results = []
    for engine in ("local", "spark"):
        target = folder / engine / output
        target.parent.mkdir(parents=True, exist_ok=True)
        if engine == "local":
            local.run(input, target, settings, workers=1)
        else:
            spark.run(session, str(input), str(target), settings)
        results.append((read_rows(target), read_rows(folder / engine / "out.errors.jsonl")))
    return results


def test_articles_with_and_without_stories(session, tmp_path: Path) -> None:
    on_one_machine, on_spark = both(session, DATA / "articles.jsonl", tmp_path, "out.parquet")
    assert on_spark == on_one_machine
    assert len(on_spark[0]) == 4 and len(on_spark[1]) == 2


def test_clusters_with_bad_records_and_overwrite(session, tmp_path: Path) -> None:
    (tmp_path / "spark").mkdir()
    (tmp_path / "spark" / "out.jsonl").write_text("stale output\n")
    on_one_machine, on_spark = both(session, DATA / "clusters.jsonl", tmp_path, "out.jsonl")
    assert on_spark == on_one_machine
    assert [row["id"] for row in on_spark[0]] == ["fire", "tram", "regatta"]
    assert sorted(path.name for path in (tmp_path / "spark").iterdir()) == ["out.errors.jsonl", "out.jsonl"]


def val_slice(clusters: int) -> list[dict]:
    with gzip.open(MULTINEWS_VAL, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in itertools.islice(handle, clusters)]


@needs_val
def test_multinews_slice(session, tmp_path: Path) -> None:
    (tmp_path / "val.jsonl").write_text("".join(json.dumps(cluster) + "\n" for cluster in val_slice(60)))
    on_one_machine, on_spark = both(session, tmp_path / "val.jsonl", tmp_path, "out.jsonl", words=100)
    assert on_spark == on_one_machine
    assert len(on_spark[0]) == 60


@needs_val
def test_multinews_documents_as_articles_without_stories(session, tmp_path: Path) -> None:
    articles = [
        {"id": f"{cluster['id']}/{index}", "text": text}
        for cluster in val_slice(25) for index, text in enumerate(cluster["documents"]) if text.strip()
    ]
    (tmp_path / "articles.jsonl").write_text("".join(json.dumps(article) + "\n" for article in articles))
    on_one_machine, on_spark = both(session, tmp_path / "articles.jsonl", tmp_path, "out.jsonl", words=100)
    assert on_spark == on_one_machine
    assert sum(len(row["documents"]) for row in on_spark[0]) + len(on_spark[1]) == len(articles)


def test_failed_write_leaves_the_old_output(session, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), spark._atomic(session, str(target)) as temporary:
        Path(temporary.removeprefix("file:")).mkdir()
        raise RuntimeError("job failed")
    assert target.read_text() == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["out.jsonl"]


def test_band_join_finds_the_same_near_duplicates(session) -> None:
    settings = Settings("articles.jsonl", 60, "centroid")
    lines = (DATA / "articles.jsonl").read_text().splitlines()
    staged = [record(settings, position, line) for position, line in enumerate(lines)]
    keyless = [item for item in staged if item.kind == ARTICLE and not item.story]
    expected = grouping.duplicate_edges(grouping.Keyed(item.window, item.position, item.signature, item.bands) for item in keyless)
    frame = session.createDataFrame([tuple(item) for item in keyless], spark.STAGED)
    found = sorted(grouping.Edge(*row) for row in spark._duplicate_edges(frame).collect())
    assert found == expected and len(found) == 1
