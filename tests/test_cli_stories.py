import json

from typer.testing import CliRunner

from newsfuse.cli import app

from story_feed import make_feed

runner = CliRunner()


def said(result) -> str:
    """The output with rich's line wrapping undone."""
    return " ".join(result.output.split())


def write_feed(path, stories: int = 3, per_story: int = 3) -> None:
    path.write_text("".join(json.dumps(record) + "\n" for record in make_feed(stories, per_story, seed=9)))


def test_ingest_list_and_show(tmp_path) -> None:
    feed, db = tmp_path / "feed.jsonl", str(tmp_path / "s.db")
    write_feed(feed)
    result = runner.invoke(app, ["ingest", str(feed), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["new"], report["stories_new"], report["errors"]) == (9, 3, [])
    again = runner.invoke(app, ["ingest", str(feed), "--db", db])
    assert "9 already stored" in again.stdout
    listed = json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout)
    assert len(listed) == 3 and all(item["articles"] == 3 for item in listed)
    shown = runner.invoke(app, ["story", str(listed[0]["id"]), "--db", db, "--words", "40"])
    assert shown.exit_code == 0 and "Sources:" in shown.stdout and "Articles:" in shown.stdout
    data = json.loads(runner.invoke(app, ["story", str(listed[0]["id"]), "--db", db, "--json"]).stdout)
    assert data["story"]["id"] == listed[0]["id"] and data["summary"]["sentences"]
    text = runner.invoke(app, ["stories", "--db", db]).stdout
    assert "3 articles" in text


def test_stdin_and_bad_lines_are_reported_not_fatal(tmp_path) -> None:
    db = str(tmp_path / "s.db")
    lines = [json.dumps(make_feed(1, 1, seed=2)[0]), "{not json", json.dumps({"title": "no text"})]
    result = runner.invoke(app, ["ingest", "-", "--db", db, "--json"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["new"] == 1 and len(report["errors"]) == 2


def test_clear_errors(tmp_path) -> None:
    db = str(tmp_path / "s.db")
    missing = runner.invoke(app, ["stories", "--db", db])
    assert missing.exit_code == 1 and "no story store" in said(missing)
    assert not (tmp_path / "s.db").exists()
    unreadable = runner.invoke(app, ["ingest", str(tmp_path / "nope.jsonl"), "--db", db])
    assert unreadable.exit_code == 1 and "no such file" in said(unreadable)
    assert not (tmp_path / "s.db").exists()
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, stories=1, per_story=1)
    runner.invoke(app, ["ingest", str(feed), "--db", db])
    unknown = runner.invoke(app, ["story", "7", "--db", db])
    assert unknown.exit_code == 1 and "no story 7" in said(unknown)


def test_train_junk_and_pages_without_content(tmp_path) -> None:
    from test_stories_junk import LEFTOVER

    data, table = tmp_path / "train.jsonl", tmp_path / "junk.json.gz"
    data.write_text("".join(json.dumps({"documents": [LEFTOVER, record["text"]]}) + "\n" for record in make_feed(3, 1, seed=2)))
    result = runner.invoke(app, ["train-junk", str(data), "--out", str(table)])
    assert result.exit_code == 0 and "1 content-free page families" in said(result), result.output
    assert runner.invoke(app, ["train-junk", str(tmp_path / "missing.jsonl"), "--out", str(table)]).exit_code == 1
    feed, db = tmp_path / "feed.jsonl", str(tmp_path / "s.db")
    feed.write_text(json.dumps({"text": "Page not found.", "date": "2025-01-01"}) + "\n")
    assert "1 without content" in said(runner.invoke(app, ["ingest", str(feed), "--db", db]))
    assert "(no stories)" in said(runner.invoke(app, ["stories", "--db", db]))
    assert "(no content) Page not found." in said(runner.invoke(app, ["stories", "--db", db, "--all"]))


def test_train_junk_on_lines_that_are_not_clusters_is_one_line_error(tmp_path) -> None:
    table = tmp_path / "junk.json.gz"
    for number, line in enumerate(["[1, 2]", '{"documents": 5}']):
        data = tmp_path / f"bad{number}.jsonl"
        data.write_text(line + "\n")
        result = runner.invoke(app, ["train-junk", str(data), "--out", str(table)])
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
        assert "not a JSON object with a list of documents" in said(result)


def test_reopening_with_other_settings_is_one_line_error(tmp_path) -> None:
    feed, db = tmp_path / "feed.jsonl", str(tmp_path / "s.db")
    write_feed(feed, stories=1, per_story=1)
    assert runner.invoke(app, ["ingest", str(feed), "--db", db, "--window", "2"]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(feed), "--db", db]).exit_code == 0
    clash = runner.invoke(app, ["ingest", str(feed), "--db", db, "--window", "5"])
    assert clash.exit_code == 1 and "window 2 (not 5)" in said(clash) and "Traceback" not in clash.output
