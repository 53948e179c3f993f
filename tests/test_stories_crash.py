"""A ``kill -9`` in the middle of an ingest loses nothing committed and leaves no half story."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsfuse.stories import Store, read_articles

from story_feed import make_feed
from test_stories_store import invariants

SRC = Path(__file__).resolve().parent.parent / "src"


def committed(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        connection = sqlite3.connect(path, timeout=5)
        try:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return 0


def test_kill_during_ingest_then_resume(tmp_path) -> None:
    records = make_feed(stories=400, per_story=4, seed=8)
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(record) + "\n" for record in records))
    database = tmp_path / "stories.db"
    environment = {**os.environ, "PYTHONPATH": str(SRC)}
    process = subprocess.Popen(
        [sys.executable, "-m", "newsfuse", "ingest", str(feed), "--db", str(database)],
        env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while committed(database) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    before = committed(database)
    assert 0 < before < len(records)
    invariants(database)

    report = Store(database).ingest(read_articles([str(feed)]))
    assert report.skipped == before
    assert report.new + report.duplicates + report.empty == len(records) - before
    assert committed(database) == len(records) - report.empty
    invariants(database)
