from pathlib import Path

from typer.testing import CliRunner

from newsfuse.batch import spark
from newsfuse.batch.io import read_rows
from newsfuse.cli import app

CLUSTERS = Path(__file__).parent / "data" / "batch" / "clusters.jsonl"


def test_batch_writes_summaries_and_reports_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["batch", str(CLUSTERS), str(tmp_path / "out.jsonl"), "-w", "50", "-j", "2"])
    assert result.exit_code == 0
    assert "3 summaries" in result.stderr and "3 errors" in result.stderr
    assert [row["id"] for row in read_rows(tmp_path / "out.jsonl")] == ["fire", "tram", "regatta"]
    assert len(read_rows(tmp_path / "out.errors.jsonl")) == 3


def test_spark_without_pyspark_or_java_is_one_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(spark, "missing", lambda: spark.MISSING)
    result = CliRunner().invoke(app, ["batch", str(CLUSTERS), str(tmp_path / "out.jsonl"), "--engine", "spark"])
    assert result.exit_code == 1
    assert " ".join(result.stderr.split()) == f"error: {spark.MISSING}"
    assert "newsfuse[spark]" in result.stderr and "openjdk-17-jre-headless" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_bad_arguments_are_one_line(tmp_path: Path) -> None:
    for arguments, message in (
        ([str(tmp_path / "none.jsonl"), "out.jsonl"], "no such file"),
        ([str(CLUSTERS), "out.jsonl", "--method", "nope"], "unknown method"),
    ):
        result = CliRunner().invoke(app, ["batch", *arguments])
        assert result.exit_code == 1 and message in " ".join(result.stderr.split())
