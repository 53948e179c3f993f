"""The story store: articles, stories, memberships, duplicate links and cached summaries in SQLite.

Why SQLite in WAL mode: one file, no server, readers (a web service) never wait for the
ingesting writer.  Ingest commits in batches; each article's row, its membership, its
duplicate link and its story's counters are written in the same transaction, so a crash (even
``kill -9``) leaves whole articles in whole stories and loses nothing that was committed.
Re-ingesting an input is a no-op: every article is keyed by a hash of its raw content.

The schema carries a version (``PRAGMA user_version``) and is upgraded step by step by
:data:`MIGRATIONS` when an older file is opened.  The grouping settings (threshold, window,
maximum span) are saved in the file; reopening it with others is a one-line error.  Pages
without content are stored as one-article stories flagged ``content = 0`` and left out of
listings unless asked for.

The open stories live in memory (a :class:`StoryAssigner`); they are rebuilt from the file the
first time a store ingests, so ingest can resume after a restart or a crash, and are dropped if
a transaction fails, so memory never holds what the file does not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any

from newsfuse import summarizers
from newsfuse.model import Citation, Cluster, Document, Summary, SummarySentence
from newsfuse.cleaning import repeated_lines
from newsfuse.pipeline import prepare
from newsfuse.segment import segment, spans
from newsfuse.readers.decode import parse_date
from newsfuse.selection import DEFAULT_WORDS
from newsfuse.stories.assign import MAX_SPAN, THRESHOLD, WINDOW, Article, StoryAssigner, StoryDecision, days, featurize_all
from newsfuse.stories.ingest import prepare_article

BATCH = 256
HEADLINE_WORDS = 20
HEADLINE_CHARACTERS = 400

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            external_id TEXT NOT NULL,
            outlet TEXT NOT NULL,
            source TEXT NOT NULL,
            url TEXT NOT NULL,
            title TEXT NOT NULL,
            author TEXT NOT NULL,
            published TEXT,
            time REAL NOT NULL,
            text TEXT NOT NULL,
            features BLOB NOT NULL)""",
        """CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            headline TEXT NOT NULL,
            first_seen REAL NOT NULL,
            last_seen REAL NOT NULL,
            articles INTEGER NOT NULL)""",
        """CREATE TABLE memberships (
            article INTEGER PRIMARY KEY REFERENCES articles(id),
            story INTEGER NOT NULL REFERENCES stories(id),
            similarity REAL NOT NULL)""",
        "CREATE INDEX memberships_by_story ON memberships(story, article)",
        """CREATE TABLE duplicates (
            article INTEGER PRIMARY KEY REFERENCES articles(id),
            original INTEGER NOT NULL REFERENCES articles(id),
            similarity REAL NOT NULL)""",
    ],
    2: [
        "ALTER TABLE stories ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX stories_by_last_seen ON stories(last_seen DESC, id DESC)",
        """CREATE TABLE summaries (
            story INTEGER NOT NULL REFERENCES stories(id),
            method TEXT NOT NULL,
            words INTEGER NOT NULL,
            revision INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (story, method, words))""",
    ],
    3: [
        "ALTER TABLE stories ADD COLUMN content INTEGER NOT NULL DEFAULT 1",
        "CREATE TABLE settings (name TEXT PRIMARY KEY, value REAL NOT NULL)",
    ],
}
SCHEMA_VERSION = max(MIGRATIONS)


class StoreError(Exception):
    """A store that cannot be used as asked: a one-line reason for the user."""


class StoryNotFound(StoreError, LookupError):
    def __init__(self, story: int) -> None:
        super().__init__(f"no story {story}")
        self.story = story


@dataclass(slots=True)
class IngestReport:
    """What one ingest did; ``skipped`` articles were already stored, ``empty`` had no text left,
    ``no_content`` were stored as stories of their own (scraper leftovers, see ``stories.junk``)."""

    new: int = 0
    duplicates: int = 0
    skipped: int = 0
    empty: int = 0
    no_content: int = 0
    stories_new: int = 0
    stories_touched: int = 0

    @property
    def seen(self) -> int:
        return self.new + self.duplicates + self.skipped + self.empty + self.no_content

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(slots=True)
class ArticleInfo:
    id: int
    external_id: str
    outlet: str
    title: str
    url: str
    published: str | None
    seen: str
    similarity: float
    duplicate_of: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "external_id": self.external_id,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "seen": self.seen,
            "similarity": round(self.similarity, 4),
            "duplicate_of": self.duplicate_of,
        }


@dataclass(slots=True)
class StoryInfo:
    """A story as listed: headline, original articles, syndicated copies, outlets, time span."""

    id: int
    headline: str
    articles: int
    duplicates: int
    outlets: list[str]
    first_seen: str
    last_seen: str
    revision: int
    content: bool = True
    members: list[ArticleInfo] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "headline": self.headline,
            "articles": self.articles,
            "duplicates": self.duplicates,
            "outlets": self.outlets,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "revision": self.revision,
            "content": self.content,
        }
        if self.members:
            data["members"] = [member.to_dict() for member in self.members]
        return data


def migrate(connection: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Upgrade the schema to ``target``, one version per transaction; returns the old version."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(f"the store has schema version {version}, newer than this newsfuse ({SCHEMA_VERSION}); upgrade newsfuse")
    for step in range(version + 1, target + 1):
        with _transaction(connection):
            if connection.execute("PRAGMA user_version").fetchone()[0] >= step:
                continue  # another process migrated meanwhile
            for statement in MIGRATIONS[step]:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {step}")
    return version


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def content_hash(document: Document) -> str:
    """The identity of an input article: same outlet, address, title and raw text."""
    key = json.dumps([document.outlet, document.url, document.title, document.text], ensure_ascii=False)
    return hashlib.sha256(key.encode()).hexdigest()


def _iso(days_value: float) -> str:
    whole = int(days_value)
    moment = dt.datetime.fromordinal(whole) + dt.timedelta(days=days_value - whole)
    return moment.isoformat(timespec="seconds")


def _now() -> float:
    return days(dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))  # type: ignore[return-value]


def _headline(document: Document) -> str:
    if document.title:
        return document.title
    lead = document.text[:HEADLINE_CHARACTERS].split("\n", 1)[0]  # enough for a headline's words
    span = next(spans(lead), None)
    first = lead[slice(*span)] if span else lead
    words = first.split()
    return " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")


@dataclass(slots=True)
class _Rows:
    """One transaction's writes, gathered while its articles are assigned and written together.

    Story counters are summed per story, and only the best-fitting new member of each story is
    a headline candidate, so a batch costs a few statements rather than a few per article.  A
    story begun in this batch is inserted as it stands at the end of the batch: its final
    headline (its candidate's if that fits at least as well as the story's first article, else
    the first article's, which is what the update statement would leave) and its counters, so no
    row is written only to be updated in the same transaction.
    """

    articles: list[tuple] = field(default_factory=list)
    stories: list[tuple] = field(default_factory=list)  # (story, its first article's (similarity, document), content)
    memberships: list[tuple] = field(default_factory=list)
    duplicates: list[tuple] = field(default_factory=list)
    changes: dict[int, list[float]] = field(default_factory=dict)  # story: [originals, first, last, articles]
    candidates: dict[int, tuple[float, Document]] = field(default_factory=dict)

    def add(self, digest: str, document: Document, article: Article, decision: StoryDecision, report: IngestReport) -> None:
        published = document.date.isoformat() if document.date else None
        self.articles.append((article.key, digest, document.id, document.outlet, document.source, document.url,
                              document.title, document.author, published, article.time, document.text, article.to_bytes()))
        original = decision.duplicate_of is None
        if decision.new:
            self.stories.append((decision.story, (decision.similarity, document), int(decision.content)))
            report.stories_new += decision.content
        elif original and decision.similarity > self.candidates.get(decision.story, (-math.inf,))[0]:
            self.candidates[decision.story] = (decision.similarity, document)
        self.memberships.append((decision.article, decision.story, decision.similarity))
        if not decision.content:
            report.no_content += 1
        elif original:
            report.new += 1
        else:
            report.duplicates += 1
            self.duplicates.append((decision.article, decision.duplicate_of, decision.similarity))
        change = self.changes.setdefault(decision.story, [0, decision.time, decision.time, 0])
        change[0] += original
        change[1] = min(change[1], decision.time)
        change[2] = max(change[2], decision.time)
        change[3] += 1

    def write(self, connection: sqlite3.Connection) -> None:
        connection.executemany(
            "INSERT INTO articles (id, hash, external_id, outlet, source, url, title, author, published, time, text, features)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.articles)
        candidates = dict(self.candidates)
        stories = []
        for story, first, content in self.stories:
            joined = candidates.pop(story, None)
            originals, earliest, latest, count = self.changes[story]
            headline = _headline((joined if joined is not None and joined[0] >= first[0] else first)[1])
            stories.append((story, headline, earliest, latest, originals, count, content))
        connection.executemany(
            "INSERT INTO stories (id, headline, first_seen, last_seen, articles, revision, content) VALUES (?, ?, ?, ?, ?, ?, ?)",
            stories)
        connection.executemany("INSERT INTO memberships (article, story, similarity) VALUES (?, ?, ?)", self.memberships)
        connection.executemany("INSERT INTO duplicates (article, original, similarity) VALUES (?, ?, ?)", self.duplicates)
        begun = {story for story, *_ in self.stories}
        connection.executemany(
            "UPDATE stories SET articles = articles + ?, first_seen = min(first_seen, ?), last_seen = max(last_seen, ?),"
            " revision = revision + ? WHERE id = ?",
            [(*change, story) for story, change in self.changes.items() if story not in begun])
        # The headline follows the original article that agreed best with its story on joining.
        connection.executemany(
            "UPDATE stories SET headline = ? WHERE id = ? AND ? >= (SELECT max(m.similarity) FROM memberships m"
            " WHERE m.story = ? AND NOT EXISTS (SELECT 1 FROM duplicates d WHERE d.article = m.article))",
            [(_headline(document), story, similarity, story) for story, (similarity, document) in candidates.items()])


def settle(connection: sqlite3.Connection, asked: dict[str, float | None]) -> dict[str, float]:
    """The store's grouping settings: saved by the first ingest's store, fixed from then on.

    Stories already in the file were grouped with the saved values; continuing with others would
    mix two groupings in one store, so asking for different values is an error.  ``None`` means
    "whatever the store has" (the defaults for a new store).
    """
    with _transaction(connection):
        saved = dict(connection.execute("SELECT name, value FROM settings").fetchall())
        for name, value in asked.items():
            if name not in saved:
                saved[name] = DEFAULTS[name] if value is None else value
                connection.execute("INSERT INTO settings (name, value) VALUES (?, ?)", (name, saved[name]))
    clashes = [f"{name} {saved[name]:g} (not {value:g})" for name, value in asked.items() if value is not None and value != saved[name]]
    if clashes:
        raise StoreError(f"this store groups stories with {', '.join(clashes)}; use those settings or a new --db")
    return saved


DEFAULTS = {"threshold": THRESHOLD, "window": WINDOW, "max_span": MAX_SPAN}


class Store:
    """A story store in one SQLite file, safe to share between threads (one writer at a time).

    Every call opens its own connection, so web-server threads can read while another ingests.
    The grouping settings are saved in the file (:func:`settle`).
    """

    def __init__(self, path: str | Path, threshold: float | None = None, window: float | None = None, max_span: float | None = None) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._assigner: StoryAssigner | None = None
        try:
            with closing(self._connect()) as connection:
                connection.execute("PRAGMA journal_mode = WAL")
                migrate(connection)
                settings = settle(connection, {"threshold": threshold, "window": window, "max_span": max_span})
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: not a usable story store ({error})") from None
        except StoreError as error:
            raise StoreError(f"{self.path}: {error}") from None
        self.threshold, self.window, self.max_span = settings["threshold"], settings["window"], settings["max_span"]

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA foreign_keys = ON")
        # In WAL mode NORMAL syncs at checkpoints, not at every commit: a committed transaction
        # survives the process being killed (kill -9); only a power cut may lose the last ones.
        connection.execute("PRAGMA synchronous = NORMAL")
        return connection

    # -- writing ---------------------------------------------------------------------------

    def ingest(self, documents: Iterable[Document], batch: int = BATCH) -> IngestReport:
        """Add raw articles in arrival order: clean, link duplicates, assign stories, commit per batch."""
        report = IngestReport()
        touched: set[int] = set()
        with self._lock, closing(self._connect()) as connection:
            assigner = self._assigner or self._restore(connection)
            self._assigner = None
            iterator = iter(documents)
            while chunk := list(islice(iterator, batch)):
                with _transaction(connection):
                    rows = self._assign(connection, assigner, chunk, report)
                    rows.write(connection)
                touched.update(rows.changes)
            self._assigner = assigner
        report.stories_touched = len(touched)
        return report

    def _assign(self, connection: sqlite3.Connection, assigner: StoryAssigner, chunk: list[Document], report: IngestReport) -> _Rows:
        """Place one batch of raw articles; their rows are written together afterwards.

        The batch goes through one stage at a time (clean all, featurize all, assign all, gather
        all rows) rather than one article at a time through every stage: each stage's code and
        memos then stay in the CPU caches, which made the whole ingest a fifth faster.  Only
        assignment depends on the order, and it still sees the articles in arrival order.
        """
        digests = [content_hash(raw) for raw in chunk]
        stored = {digest for (digest,) in connection.execute(
            f"SELECT hash FROM articles WHERE hash IN ({','.join('?' * len(digests))})", digests)}
        fresh = []
        for raw, digest in zip(chunk, digests):
            if digest in stored:
                report.skipped += 1
            else:
                stored.add(digest)
                fresh.append((digest, raw))
        cleaned = [(digest, document) for digest, raw in fresh if (document := prepare_article(raw)) is not None]
        report.empty += len(fresh) - len(cleaned)
        first_key = next(connection.execute("SELECT coalesce(max(id), 0) + 1 FROM articles"))[0]
        articles = featurize_all([document for _, document in cleaned], first_key)
        decisions = []
        for article in articles:
            if article.time is None:  # undated: it arrives "now" in the stream, else on the wall clock
                article.time = assigner.clock if assigner.clock > -math.inf else _now()
            decisions.append(assigner.assign(article))
        rows = _Rows()
        for (digest, document), article, decision in zip(cleaned, articles, decisions):
            rows.add(digest, document, article, decision, report)
        return rows

    def _restore(self, connection: sqlite3.Connection) -> StoryAssigner:
        """Rebuild the open stories (and the duplicate index) from the file."""
        last_story, clock = connection.execute(
            "SELECT (SELECT max(id) FROM stories), (SELECT max(time) FROM articles)"
        ).fetchone()
        assigner = StoryAssigner(self.threshold, self.window, self.max_span, next_story=(last_story or 0) + 1)
        if clock is None:
            return assigner
        rows = connection.execute(
            "SELECT a.id, a.time, a.features, m.story, d.original FROM stories s"
            " JOIN memberships m ON m.story = s.id JOIN articles a ON a.id = m.article"
            " LEFT JOIN duplicates d ON d.article = a.id"
            " WHERE s.content AND s.last_seen >= ? AND s.first_seen >= ? ORDER BY a.id",
            (clock - self.window, clock - self.max_span),
        )
        for key, when, features, story, original in rows:
            assigner.restore(Article.from_bytes(features, key, when), story, original)
        assigner.clock = max(assigner.clock, clock)
        assigner.close_expired()
        return assigner

    # -- reading ---------------------------------------------------------------------------

    _STORY_COLUMNS = (
        "SELECT s.id, s.headline, s.articles, s.first_seen, s.last_seen, s.revision, s.content,"
        " (SELECT count(*) FROM memberships m JOIN duplicates d ON d.article = m.article WHERE m.story = s.id),"
        " (SELECT group_concat(outlet, char(31)) FROM (SELECT DISTINCT a.outlet FROM memberships m"
        "  JOIN articles a ON a.id = m.article WHERE m.story = s.id ORDER BY a.outlet))"
        " FROM stories s"
    )

    def stories(self, limit: int = 50, offset: int = 0, everything: bool = False) -> list[StoryInfo]:
        """Stories, most recently active first; articles without content only if ``everything``."""
        where = "" if everything else " WHERE s.content"
        with closing(self._connect()) as connection:
            rows = connection.execute(
                f"{self._STORY_COLUMNS}{where} ORDER BY s.last_seen DESC, s.id DESC LIMIT ? OFFSET ?", (limit, offset)
            ).fetchall()
        return [self._story_info(row) for row in rows]

    def story(self, story: int) -> StoryInfo:
        """One story with its articles in arrival order (copies name their original)."""
        with closing(self._connect()) as connection:
            connection.execute("BEGIN")
            row = connection.execute(f"{self._STORY_COLUMNS} WHERE s.id = ?", (story,)).fetchone()
            if row is None:
                raise StoryNotFound(story)
            info = self._story_info(row)
            members = connection.execute(
                "SELECT a.id, a.external_id, a.outlet, a.title, a.url, a.published, a.time, m.similarity, d.original"
                " FROM memberships m JOIN articles a ON a.id = m.article LEFT JOIN duplicates d ON d.article = a.id"
                " WHERE m.story = ? ORDER BY a.id",
                (story,),
            ).fetchall()
            connection.execute("COMMIT")
        info.members = [
            ArticleInfo(key, external, outlet, title, url, published, _iso(when), similarity, original)
            for key, external, outlet, title, url, published, when, similarity, original in members
        ]
        return info

    def count(self) -> tuple[int, int]:
        """How many articles and stories the store holds."""
        with closing(self._connect()) as connection:
            return connection.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)").fetchone()

    @staticmethod
    def _story_info(row: tuple) -> StoryInfo:
        story, headline, articles, first, last, revision, content, duplicates, outlets = row
        return StoryInfo(
            id=story,
            headline=headline,
            articles=articles,
            duplicates=duplicates,
            outlets=outlets.split("\x1f") if outlets else [],
            first_seen=_iso(first),
            last_seen=_iso(last),
            revision=revision,
            content=bool(content),
        )

    # -- summaries -------------------------------------------------------------------------

    def summary(self, story: int, words: int = DEFAULT_WORDS, method: str = summarizers.DEFAULT_METHOD) -> Summary:
        """The story's cited summary of its original articles, cached until the story changes."""
        summarizers.get(method)
        with closing(self._connect()) as connection:
            connection.execute("BEGIN")
            found = connection.execute("SELECT revision FROM stories WHERE id = ?", (story,)).fetchone()
            if found is None:
                connection.execute("COMMIT")
                raise StoryNotFound(story)
            revision = found[0]
            cached = connection.execute(
                "SELECT body FROM summaries WHERE story = ? AND method = ? AND words = ? AND revision = ?",
                (story, method, words, revision),
            ).fetchone()
            rows = connection.execute(
                "SELECT a.external_id, a.source, a.url, a.title, a.author, a.published, a.text FROM memberships m"
                " JOIN articles a ON a.id = m.article WHERE m.story = ?"
                " AND NOT EXISTS (SELECT 1 FROM duplicates d WHERE d.article = a.id) ORDER BY a.id",
                (story,),
            ).fetchall()
            connection.execute("COMMIT")
            cluster = Cluster(
                documents=[
                    Document(text=text, id=external, source=source, url=url, title=title, author=author, date=parse_date(published))
                    for external, source, url, title, author, published, text in rows
                ],
                id=f"story-{story}",
            )
            if cached:
                return _summary_from(json.loads(cached[0]), _segmented(cluster), method)
            result = summarizers.get(method)(_segmented(cluster), words)
            body = json.dumps([[[c.document, c.sentence] for c in sentence.citations] for sentence in result.sentences])
            with _transaction(connection):
                connection.execute(
                    "INSERT OR REPLACE INTO summaries (story, method, words, revision, body) VALUES (?, ?, ?, ?, ?)",
                    (story, method, words, revision, body),
                )
        return result


def _segmented(cluster: Cluster) -> Cluster:
    """A story's stored articles, ready to summarize.

    They were cleaned one by one at ingest; only the pass that needs the whole story is left
    (lines one outlet repeats across its articles), and it is run only when such lines exist.
    """
    if repeated_lines(cluster.documents):
        return prepare(cluster)
    return replace(cluster, documents=[segment(document, index) for index, document in enumerate(cluster.documents)])


def _summary_from(body: list, cluster: Cluster, method: str) -> Summary:
    """Rebuild a cached summary from its (document, sentence) references into ``cluster``."""
    sentences = []
    for citations in body:
        cited = [Citation.of(cluster, cluster.documents[document].sentences[index]) for document, index in citations]
        source = cluster.documents[cited[0].document].sentences[cited[0].sentence]
        sentences.append(SummarySentence(text=source.text, citation=cited[0], corroborations=cited[1:]))
    return Summary(sentences=sentences, cluster=cluster, method=method)


__all__ = [
    "SCHEMA_VERSION",
    "ArticleInfo",
    "IngestReport",
    "Store",
    "StoreError",
    "StoryInfo",
    "StoryNotFound",
    "content_hash",
    "migrate",
]
