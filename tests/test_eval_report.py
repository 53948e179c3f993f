import csv
import io
import json

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.evaluation import report
from newsfuse.evaluation.datasets import load
from newsfuse.evaluation.harness import run
from newsfuse.evaluation.table import rows

STORIES = [
    ("Heavy rain flooded Tarrow on Monday. About 300 residents left their homes. Shelters opened at two schools.",
     "Boats reached elderly residents of Tarrow. The river peaked at noon. Forecasters expect more rain on Friday.",
     "Rain flooded Tarrow and 300 residents left. Shelters opened at two schools."),
    ("The council approved a new bridge on Tuesday. Work begins in spring. It will cost 40 million crowns.",
     "Critics said the bridge is too costly. The mayor defended the plan. A vote on tolls comes next month.",
     "The council approved a 40 million crown bridge; work begins in spring."),
    ("A ferry ran aground in fog off Velmora. All 212 people were rescued. Divers will inspect the hull.",
     "The ferry operator apologised to passengers. Services resume on Wednesday. Four people were treated for cold.",
     "A ferry ran aground off Velmora; all 212 aboard were rescued."),
]


@pytest.fixture
def dataset(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"s{i}", "documents": list(docs), "summary": ref}) for i, (*docs, ref) in enumerate(STORIES)))
    return path


def test_run_table_and_formats(dataset, tmp_path) -> None:
    outputs = tmp_path / "llm.jsonl"
    outputs.write_text(json.dumps({"id": "s0", "summary": STORIES[0][2]}) + "\n")
    results = run(load(dataset), ["lead", "centroid", "oracle", f"llm={outputs}"], budget=20)
    assert results.ids == ["s0", "s1", "s2"] and results.missing == {"llm": 2}
    table = rows(results, "lead", samples=200)
    by_name = {row.system: row for row in table}
    assert by_name["lead"].p_value is None and by_name["oracle"].p_value is not None
    assert by_name["lead"].lead_to_oracle == pytest.approx(0.0) and by_name["oracle"].lead_to_oracle == pytest.approx(100.0)
    assert by_name["oracle"].mean["R2_f"] >= by_name["lead"].mean["R2_f"]
    assert by_name["llm"].clusters_per_second is None and by_name["lead"].clusters_per_second > 0
    meta = report.Meta(str(dataset), len(results.ids), 20, None, "lead")
    parsed = json.loads(report.to_json(table, meta))
    assert parsed["meta"]["clusters"] == 3 and len(parsed["rows"]) == 4
    lines = list(csv.reader(io.StringIO(report.to_csv(table))))
    assert lines[0][:2] == ["system", "R1_f_mean"] and len(lines) == 5
    assert "\n| lead | " in report.to_markdown(table, meta)
    for name in ("report.md", "report.html"):
        saved = report.save(table, meta, tmp_path / "out" / name)
        assert saved.read_text().count("oracle") >= 1
        assert saved.with_suffix(".png").stat().st_size > 1000


def test_parallel_run_scores_the_same(dataset) -> None:
    one = run(load(dataset), ["lead", "sumy-lexrank"], budget=20)
    two = run(load(dataset), ["lead", "sumy-lexrank"], budget=20, jobs=2)
    assert one.ids == two.ids and one.scores == two.scores


def test_skips_are_reported_not_raised(tmp_path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text('{"id": "x", "documents": ["Some text here."]}\nbroken\n')
    results = run(load(path), ["lead"], budget=20)
    assert results.ids == [] and len(results.skipped) == 2
    assert rows(results) == []


def test_cli_prints_json_and_clear_errors(dataset, tmp_path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(dataset), "-s", "lead", "-s", "textrank", "-s", "oracle", "--output", "json", "--words", "15", "--report", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    parsed = json.loads(result.stdout[: result.stdout.rindex("}") + 1])
    assert parsed["meta"]["truncate_at"] == 15 and parsed["meta"]["budget"] == 15
    assert [row["system"] for row in parsed["rows"]] == ["lead", "textrank", "oracle"]
    assert all(row["words"] <= 15 for row in parsed["rows"])
    assert (tmp_path / "r.png").exists()
    table = runner.invoke(app, ["eval", str(dataset), "-s", "lead", "-s", "centroid", "--no-truncate", "--budget", "30"])
    assert table.exit_code == 0 and "centroid" in table.stdout and "no truncation" in table.stdout
    for arguments, message in (
        (["eval", str(dataset), "-s", "magic"], "unknown system"),
        (["eval", str(tmp_path / "absent.jsonl")], "no such file"),
        (["eval", str(tmp_path)], "no model summaries"),
    ):
        failed = runner.invoke(app, arguments)
        assert failed.exit_code == 1 and message in " ".join(failed.output.split())
