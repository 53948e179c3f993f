import json

from typer.testing import CliRunner

from newsfuse.cli import app

from conftest import SEEDS, needs_seeds

runner = CliRunner()
ARTICLE = "Flood waters rose overnight in Tarrow. Residents left their homes early on Monday as the river peaked."


def test_demo_prints_a_cited_summary() -> None:
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "[1]" in result.stdout and "Sources:" in result.stdout
    assert "Harbor Street Bridge" in result.stdout
    assert "Quotes:" in result.stdout and "Elena Ruiz-Hartley" in result.stdout
    assert "Conflicts:" in result.stdout


def test_json_output_has_citations(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = runner.invoke(app, ["summarize", str(path), "--output", "json"])
    data = json.loads(result.stdout)
    assert data["sentences"][0]["citations"][0]["document"] == 0


def test_stdin_and_markdown(tmp_path) -> None:
    result = runner.invoke(app, ["summarize", "-", "-o", "markdown"], input=ARTICLE)
    assert result.exit_code == 0
    assert "**Sources**" in result.stdout


def test_batch_skips_bad_clusters_and_goes_on(tmp_path) -> None:
    path = tmp_path / "clusters.jsonl"
    path.write_text("\n".join([json.dumps({"id": "a", "documents": [ARTICLE]}), "{broken", json.dumps({"id": "b", "documents": [ARTICLE, ARTICLE]})]))
    result = runner.invoke(app, ["summarize", str(path), "--output", "jsonl"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert "skipped" in result.stderr and "clusters.jsonl:2" in result.stderr


def test_errors_are_one_line_without_traceback(tmp_path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    for arguments in (["summarize", str(tmp_path / "missing.txt")], ["summarize", str(binary)], ["summarize", str(binary), "--method", "nope"]):
        result = runner.invoke(app, arguments)
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        assert len(result.stderr.strip().splitlines()) == 1


@needs_seeds
def test_seeds_end_to_end() -> None:
    result = runner.invoke(app, ["summarize", *map(str, SEEDS), "--output", "json"])
    data = json.loads(result.stdout)
    cited = {citation["document"] for sentence in data["sentences"] for citation in sentence["citations"]}
    assert cited == {0, 1, 2}
