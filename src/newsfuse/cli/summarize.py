"""``newsfuse summarize`` and ``newsfuse demo``."""

from __future__ import annotations

from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsfuse import render, summarizers
from newsfuse.cli.app import app, fail, stderr, write
from newsfuse.facts import extract
from newsfuse.facts.render import to_text as facts_text
from newsfuse.model import Summary
from newsfuse.pipeline import summarize_cluster
from newsfuse.readers import FORMATS, InputError, is_collection, read, read_cluster
from newsfuse.selection import DEFAULT_WORDS


class Output(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"


def show(summary: Summary, output: Output) -> str:
    if output in (Output.json, Output.jsonl):
        return render.to_json(summary, indent=2 if output is Output.json else None)
    return render.to_text(summary, markdown=output is Output.markdown)


Words = Annotated[int, typer.Option("--words", "-w", min=1, help="Word budget of the summary.")]
Method = Annotated[str, typer.Option("--method", "-m", help=f"Summarizer: {', '.join(sorted(summarizers.SUMMARIZERS))}.")]
Format = Annotated[str, typer.Option("--format", "-f", help=f"Input format: {', '.join(FORMATS)}.")]


@app.command()
def summarize(
    paths: Annotated[list[str], typer.Argument(help="Article files, a directory (one cluster), a JSONL collection, or - for stdin.")],
    words: Words = DEFAULT_WORDS,
    method: Method = summarizers.DEFAULT_METHOD,
    format: Format = "auto",
    output: Annotated[Output, typer.Option("--output", "-o", help="text, markdown, json, or jsonl (one line per cluster).")] = Output.text,
) -> None:
    """Summarize articles about one event, every sentence cited to its source.

    Several files form one cluster; a JSONL collection holds one cluster per line and is
    summarized cluster by cluster (one bad cluster is reported and skipped).
    """
    if method not in summarizers.SUMMARIZERS:
        fail(f"unknown method {method!r}; choose one of {', '.join(sorted(summarizers.SUMMARIZERS))}")
    if format not in FORMATS:
        fail(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    collections = [path for path in paths if is_collection(path, format)]
    if collections:
        if len(collections) != len(paths):
            fail("pass collections (JSONL, Multi-News) on their own, not mixed with article files")
        _summarize_collections(collections, words, method, format, output)
        return
    try:
        cluster = read_cluster(paths, format)
        write(show(summarize_cluster(cluster, words, method), output))
    except InputError as error:
        fail(str(error))


def _summarize_collections(paths: list[str], words: int, method: str, format: str, output: Output) -> None:
    done = failed = 0
    progress = Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=stderr, transient=True,
    )
    with progress:
        task = progress.add_task("summarizing", total=None)
        for path in paths:
            for item in read(path, format):
                if isinstance(item, InputError):
                    failed += 1
                    stderr.print(f"skipped {item}", highlight=False, markup=False)
                    continue
                try:
                    summary = summarize_cluster(item, words, method)
                except InputError as error:
                    failed += 1
                    stderr.print(f"skipped {error}", highlight=False, markup=False)
                    continue
                write(show(summary, output) if output is not Output.text else _titled(summary))
                done += 1
                progress.advance(task)
    if failed:
        stderr.print(f"{done} clusters summarized, {failed} skipped", highlight=False)
    if failed and not done:
        raise typer.Exit(1)


def _titled(summary: Summary) -> str:
    return f"== {summary.cluster.id}\n{render.to_text(summary)}\n"


def example_paths() -> list[Path]:
    """The built-in example cluster's article files, shipped with the package."""
    folder = resources.files("newsfuse.examples").joinpath("harbor_bridge")
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith((".txt", ".html")))


@app.command()
def demo(
    words: Words = 120,
    output: Annotated[Output, typer.Option("--output", "-o")] = Output.text,
) -> None:
    """Summarize the built-in example cluster (four outlets on one fictional event), then its facts."""
    paths = example_paths()
    stderr.print(f"Summarizing the built-in example: {len(paths)} articles from {paths[0].parent}", highlight=False)
    summary = summarize_cluster(read_cluster(paths), words)
    write(show(summary, output))
    if output in (Output.text, Output.markdown):
        write("\n" + facts_text(extract(summary.cluster, summary), markdown=output is Output.markdown))
