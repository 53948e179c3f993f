"""Property tests: any sequence of ingests of small random articles keeps the store consistent."""

import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.model import Document
from newsfuse.stories import Store

from test_stories_store import invariants

WORDS = "harbor flood mayor river council vote budget school storm rescue battery shares market court judge".split()

articles = st.builds(
    lambda words, day, outlet: Document(
        text=" ".join(words).capitalize() + ".", source=outlet, date=dt.date(2025, 5, 1) + dt.timedelta(days=day)
    ),
    st.lists(st.sampled_from(WORDS), min_size=0, max_size=30),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(["Ledger", "Daily", "Wire"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(articles, max_size=8), min_size=1, max_size=4))
def test_any_ingest_sequence_keeps_the_invariants(batches: list[list[Document]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.db"
        added = 0
        for batch in batches:
            report = Store(path).ingest(batch, batch=3)
            assert report.seen == len(batch)
            added += report.new + report.duplicates + report.no_content
            invariants(path)
        connection = sqlite3.connect(path)
        stored, stories = connection.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)").fetchone()
        connection.close()
        assert stored == added
        listed = Store(path).stories(limit=1000, everything=True)
        assert all(info.articles == 1 and not info.duplicates for info in listed if not info.content)
        assert len(listed) == stories
        assert sum(info.articles + info.duplicates for info in listed) == stored
        everything = [document for batch in batches for document in batch]
        again = Store(path).ingest(everything)
        assert again.new == again.duplicates == again.stories_touched == 0
        assert [info.to_dict() for info in Store(path).stories(limit=1000, everything=True)] == [info.to_dict() for info in listed]
