import datetime as dt
import sqlite3
import threading

import pytest

from newsfuse.model import Document
from newsfuse.stories import Store, StoryNotFound, assign_stream, prepare_article
from newsfuse.stories.store import SCHEMA_VERSION, StoreError, migrate

from story_feed import make_feed


def documents(records: list[dict]) -> list[Document]:
    return [
        Document(text=r["text"], id=r["id"], source=r["source"], title=r["title"], date=dt.date.fromisoformat(r["date"]))
        for r in records
    ]


def invariants(path) -> None:
    """What must hold in any committed state of a store."""
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    queries = {
        "article without a story": "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article FROM memberships)",
        "story without an article": "SELECT count(*) FROM stories WHERE id NOT IN (SELECT story FROM memberships)",
        "story without original reporting": "SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM memberships m"
        " WHERE m.story = s.id AND m.article NOT IN (SELECT article FROM duplicates))",
        "wrong article count": "SELECT count(*) FROM stories s WHERE articles != (SELECT count(*) FROM memberships m"
        " WHERE m.story = s.id AND m.article NOT IN (SELECT article FROM duplicates))",
        "copy outside its original's story": "SELECT count(*) FROM duplicates d JOIN memberships a ON a.article = d.article"
        " JOIN memberships o ON o.article = d.original WHERE a.story != o.story",
        "story without content joined": "SELECT count(*) FROM stories s WHERE NOT s.content"
        " AND (SELECT count(*) FROM memberships m WHERE m.story = s.id) != 1",
        "orphan membership": "SELECT count(*) FROM memberships WHERE article NOT IN (SELECT id FROM articles)"
        " OR story NOT IN (SELECT id FROM stories)",
    }
    for problem, query in queries.items():
        assert connection.execute(query).fetchone()[0] == 0, problem
    connection.close()


def test_reingest_changes_nothing(tmp_path) -> None:
    store = Store(tmp_path / "s.db")
    feed = documents(make_feed(stories=6, per_story=3, seed=2))
    first = store.ingest(feed)
    assert first.new == 18 and first.stories_new == 6 and first.skipped == 0
    listed = [info.to_dict() for info in store.stories()]
    again = Store(tmp_path / "s.db").ingest(feed)
    assert again.skipped == 18 and again.new == again.duplicates == again.stories_touched == 0
    assert [info.to_dict() for info in store.stories()] == listed
    invariants(tmp_path / "s.db")


def test_copies_are_linked_not_counted(tmp_path) -> None:
    store = Store(tmp_path / "s.db")
    original, other = documents(make_feed(stories=1, per_story=2, seed=4))
    copy = Document(text=original.text + " Distributed by a wire service.", id="copy", source="Reprint Weekly", date=original.date)
    report = store.ingest([original, copy, other])
    assert (report.new, report.duplicates) == (2, 1)
    (info,) = store.stories()
    assert (info.articles, info.duplicates) == (2, 1)
    assert "Reprint Weekly" in info.outlets
    members = {member.external_id: member for member in store.story(info.id).members}
    assert members["copy"].duplicate_of == members[original.id].id
    summary = store.summary(info.id, words=40)
    assert "copy" not in {document.id for document in summary.cluster.documents}


def test_store_agrees_with_the_pure_assigner_across_restarts(tmp_path) -> None:
    feed = documents(make_feed(stories=12, per_story=3, seed=5))
    for number in range(0, len(feed), 7):
        Store(tmp_path / "s.db").ingest(feed[number : number + 7])
    labels = assign_stream([prepare_article(document) for document in feed])
    store = Store(tmp_path / "s.db")
    stored = {member.external_id: info.id for info in store.stories(limit=100) for member in store.story(info.id).members}
    assert [stored[document.id] for document in feed] == labels


def test_summary_is_cached_and_recomputed_when_the_story_changes(tmp_path) -> None:
    store = Store(tmp_path / "s.db")
    feed = documents(make_feed(stories=1, per_story=3, seed=6))
    store.ingest(feed[:2])
    first = store.summary(1, words=30)
    assert first.sentences and len(first.cluster.documents) == 2
    cached = store.summary(1, words=30)
    assert cached.to_dict() == first.to_dict()
    for sentence in cached.sentences:
        document = cached.cluster.documents[sentence.citation.document]
        assert document.text[sentence.citation.start : sentence.citation.end] == sentence.text
    store.ingest(feed[2:])
    assert len(store.summary(1, words=30).cluster.documents) == 3


def test_unknown_story_and_bad_files(tmp_path) -> None:
    store = Store(tmp_path / "s.db")
    with pytest.raises(StoryNotFound):
        store.story(42)
    with pytest.raises(StoryNotFound):
        store.summary(42)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError):
        Store(junk)


def test_migration_from_the_first_schema_keeps_the_data(tmp_path) -> None:
    path = tmp_path / "old.db"
    connection = sqlite3.connect(path, isolation_level=None)
    migrate(connection, target=1)
    connection.execute(
        "INSERT INTO articles (hash, external_id, outlet, source, url, title, author, published, time, text, features)"
        " VALUES ('h', 'old-1', 'Gazette', 'Gazette', '', 'Old title', '', '2020-01-01', 737425.0, 'Old text here.', x'00000000')"
    )
    connection.execute("INSERT INTO stories (id, headline, first_seen, last_seen, articles) VALUES (1, 'Old title', 737425.0, 737425.0, 1)")
    connection.execute("INSERT INTO memberships (article, story, similarity) VALUES (1, 1, 0.0)")
    connection.close()
    store = Store(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    (info,) = store.stories()
    assert (info.headline, info.articles, info.outlets, info.revision) == ("Old title", 1, ["Gazette"], 0)
    assert store.summary(1).cluster.documents[0].id == "old-1"
    newer = sqlite3.connect(path)
    newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer.commit()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_reads_from_other_threads_while_ingesting(tmp_path) -> None:
    store = Store(tmp_path / "s.db")
    feed = documents(make_feed(stories=20, per_story=2, seed=7))
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(20):
                for info in store.stories(limit=5):
                    store.story(info.id)
        except BaseException as error:  # noqa: BLE001 - the test reports it
            errors.append(error)

    readers = [threading.Thread(target=read) for _ in range(2)]
    for thread in readers:
        thread.start()
    store.ingest(feed, batch=5)
    for thread in readers:
        thread.join()
    assert errors == []
    invariants(tmp_path / "s.db")


def test_four_outlets_on_one_event_make_one_story_even_when_some_are_undated(tmp_path) -> None:
    from newsfuse.cli.summarize import example_paths
    from newsfuse.stories import read_articles

    store = Store(tmp_path / "s.db")
    report = store.ingest(read_articles([str(path) for path in example_paths()]))
    assert (report.new, report.stories_new) == (4, 1)
    (info,) = store.stories()
    assert len(info.outlets) == 4
    assert store.summary(info.id, words=80).sentences


def test_settings_are_saved_and_a_clash_is_one_clear_error(tmp_path) -> None:
    path = tmp_path / "s.db"
    Store(path, threshold=0.3, window=2.0)
    reopened = Store(path)
    assert (reopened.threshold, reopened.window) == (0.3, 2.0)
    assert Store(path, threshold=0.3).threshold == 0.3
    with pytest.raises(StoreError, match="threshold 0.3 \\(not 0.2\\)") as raised:
        Store(path, threshold=0.2)
    assert "\n" not in str(raised.value)


def test_headline_follows_the_article_that_fits_the_story_best(tmp_path) -> None:
    records = make_feed(stories=1, per_story=3, seed=9)
    feed = documents(records)
    store = Store(tmp_path / "s.db")
    store.ingest(feed)
    (info,) = store.stories()
    members = store.story(info.id).members
    best = max(members[1:], key=lambda member: member.similarity)
    assert info.headline == best.title


def test_pages_without_content_are_kept_apart_and_unlisted(tmp_path) -> None:
    store = Store(tmp_path / "s.db")
    feed = documents(make_feed(stories=2, per_story=2, seed=10))
    short = Document(text="Page not found.", id="empty-page", date=feed[0].date)
    report = store.ingest([feed[0], short, *feed[1:]])
    assert (report.new, report.no_content, report.stories_new) == (4, 1, 2)
    assert len(store.stories()) == 2
    hidden = [info for info in store.stories(everything=True) if not info.content]
    assert [info.articles for info in hidden] == [1]
    invariants(tmp_path / "s.db")
