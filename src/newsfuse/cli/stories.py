"""``newsfuse ingest``, ``newsfuse stories`` and ``newsfuse story``: stories from a stream of articles."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsfuse import render, summarizers
from newsfuse.cli.app import app, fail, stderr, write
from newsfuse.model import Document
from newsfuse.readers import FORMATS, InputError, lines
from newsfuse.selection import DEFAULT_WORDS
from newsfuse.stories.assign import THRESHOLD, WINDOW
from newsfuse.stories.ingest import read_articles
from newsfuse.stories.junk import JUNK_RESOURCE, MIN_CLUSTERS, learn
from newsfuse.stories.store import Store, StoreError, StoryInfo

Database = Annotated[Path, typer.Option("--db", help="The story store (an SQLite file).")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _open(db: Path, must_exist: bool, threshold: float | None = None, window: float | None = None) -> Store:
    if must_exist and not db.exists():
        fail(f"{db}: no story store here; create one with `newsfuse ingest SOURCE --db {db}`")
    try:
        return Store(db, threshold=threshold, window=window)
    except StoreError as error:
        fail(str(error))


def _counted(documents: Iterable[Document], progress: Progress) -> Iterator[Document]:
    task = progress.add_task("ingesting", total=None)
    for document in documents:
        yield document
        progress.advance(task)


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, JSONL of articles {id?, url?, source?, title?, date?, text|html}, or - for stdin.")],
    db: Database = Path("stories.db"),
    format: Annotated[str, typer.Option("--format", "-f", help=f"Input format: {', '.join(FORMATS)}.")] = "auto",
    threshold: Annotated[float | None, typer.Option(min=0.0, max=1.0, help=f"Mean similarity to join a story (a new store's default {THRESHOLD}; saved in the store).")] = None,
    window: Annotated[float | None, typer.Option(min=0.0, help=f"Days a story stays open after its last article (default {WINDOW}; saved in the store).")] = None,
    as_json: Json = False,
) -> None:
    """Add articles to the story store in arrival order: clean, link copies, group into stories."""
    if format not in FORMATS:
        fail(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    for source in sources:
        if source != "-" and not Path(source).exists():
            fail(f"{source}: no such file or directory")
    store = _open(db, must_exist=False, threshold=threshold, window=window)
    errors: list[InputError] = []
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} articles"),
        TimeElapsedColumn(), console=stderr, transient=True,
    )
    with progress:
        report = store.ingest(_counted(read_articles(sources, format, errors), progress))
    for error in errors:
        stderr.print(f"skipped {error}", highlight=False, markup=False, soft_wrap=True)
    if as_json:
        write(_dump({**report.to_dict(), "errors": [str(error) for error in errors]}))
    else:
        write(
            f"{report.new} new articles, {report.duplicates} duplicates linked, {report.skipped} already stored,"
            f" {report.empty} empty, {report.no_content} without content; {report.stories_new} new stories, {report.stories_touched} stories updated"
        )
    if errors and not report.seen:
        raise typer.Exit(1)


def _line(info: StoryInfo) -> str:
    if not info.content:
        return f"{info.id:>6}  (no content) {info.headline}"
    copies = f" +{info.duplicates} copies" if info.duplicates else ""
    outlets = ", ".join(info.outlets[:5]) + (f" +{len(info.outlets) - 5}" if len(info.outlets) > 5 else "")
    return f"{info.id:>6}  {info.headline}\n        {info.articles} articles{copies} · {outlets} · {info.first_seen} → {info.last_seen}"


@app.command()
def stories(
    db: Database = Path("stories.db"),
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many stories.")] = 50,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip the most recent ones.")] = 0,
    everything: Annotated[bool, typer.Option("--all", help="Also list pages without content (crawl notices, sign-in walls, too short).")] = False,
    as_json: Json = False,
) -> None:
    """List stories, most recently updated first."""
    listed = _open(db, must_exist=True).stories(limit=limit, offset=offset, everything=everything)
    if as_json:
        write(_dump([info.to_dict() for info in listed]))
    else:
        write("\n".join(_line(info) for info in listed) or "(no stories)")


@app.command()
def story(
    story_id: Annotated[int, typer.Argument(metavar="ID", help="The story's id (see `newsfuse stories`).")],
    db: Database = Path("stories.db"),
    words: Annotated[int, typer.Option("--words", "-w", min=1, help="Word budget of the summary.")] = DEFAULT_WORDS,
    method: Annotated[str, typer.Option("--method", "-m", help=f"Summarizer: {', '.join(sorted(summarizers.SUMMARIZERS))}.")] = summarizers.DEFAULT_METHOD,
    as_json: Json = False,
) -> None:
    """Print a story's cited summary and its articles."""
    if method not in summarizers.SUMMARIZERS:
        fail(f"unknown method {method!r}; choose one of {', '.join(sorted(summarizers.SUMMARIZERS))}")
    store = _open(db, must_exist=True)
    try:
        info = store.story(story_id)
        summary = store.summary(story_id, words=words, method=method)
    except StoreError as error:
        fail(f"{db}: {error}")
    if as_json:
        write(_dump({"story": info.to_dict(), "summary": summary.to_dict()}))
        return
    members = [
        f"  {member.id:>6}  {member.outlet}: {member.title or member.external_id}"
        + (f" (copy of {member.duplicate_of})" if member.duplicate_of else "")
        for member in info.members
    ]
    write("\n".join([_line(info), "", render.to_text(summary), "", "Articles:", *members]))


@app.command("train-junk")
def train_junk(
    data: Annotated[list[Path], typer.Argument(help="Multi-News JSONL(.gz) training files.")],
    out: Annotated[Path, typer.Option("--out", help=f"Where to write the table (ship it as src/newsfuse/resources/{JUNK_RESOURCE}).")],
    min_clusters: Annotated[int, typer.Option(min=2, help="A page is content-free when it recurs in this many unrelated clusters.")] = MIN_CLUSTERS,
) -> None:
    """Learn the content-free pages (crawl notices, sign-in walls) that ingest keeps out of stories."""
    missing = [str(path) for path in data if not path.is_file()]
    if missing:
        fail(f"no such training file: {missing[0]}")
    try:
        table = learn(_clusters(data), min_clusters)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(table.to_json())
    except (ValueError, OSError, InputError) as error:
        fail(f"cannot build the table: {error}")
    stderr.print(f"{len(table)} content-free page families -> {out}", highlight=False)


def _clusters(paths: list[Path]) -> Iterator[list[str]]:
    """The non-empty documents of each cluster; a ``ValueError`` (one line for the user) on a
    line that is not a JSON object with a list of ``documents``."""
    for path in paths:
        for line in lines(str(path)):
            record = json.loads(line) if line.strip() else {}
            documents = record.get("documents", []) if isinstance(record, dict) else None
            if not isinstance(documents, list):
                raise ValueError(f"{path}: a line is not a JSON object with a list of documents")
            yield [text for text in documents if isinstance(text, str) and text.strip()]
