"""``newsfuse batch``: a whole collection of clusters or articles, on a process pool or Spark."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from newsfuse import summarizers
from newsfuse.batch import grouping, io, local
from newsfuse.batch.stages import Settings
from newsfuse.cli.app import app, fail, stderr
from newsfuse.cli.summarize import Method, Words
from newsfuse.readers import InputError
from newsfuse.selection import DEFAULT_WORDS


class Engine(str, Enum):
    local = "local"
    spark = "spark"


@app.command()
def batch(
    input: Annotated[str, typer.Argument(help="JSONL (.gz) or Parquet of clusters {id, documents} or articles {id, story?, source, date, text|html}.")],
    output: Annotated[str, typer.Argument(help="Summaries as JSONL or Parquet (by suffix); errors go to OUTPUT's stem + .errors.jsonl.")],
    engine: Annotated[Engine, typer.Option("--engine", "-e", help="local: a process pool; spark: PySpark.")] = Engine.local,
    words: Words = DEFAULT_WORDS,
    method: Method = summarizers.DEFAULT_METHOD,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Processes for --engine local.")] = 1,
    master: Annotated[str | None, typer.Option("--master", help="Spark master URL for --engine spark (default local[2], or spark-submit's).")] = None,
    window_days: Annotated[int, typer.Option("--window-days", min=1, help="Time window for grouping articles without a story.")] = grouping.WINDOW_DAYS,
) -> None:
    """Summarize every cluster (or story of articles) of a large input; bad records are reported, not fatal.

    Articles without a story key are grouped into stories (near-duplicates by MinHash LSH, then story assignment per time window). Both engines give the same rows in the same order; Spark writes OUTPUT as a directory of part files.
    """
    if method not in summarizers.SUMMARIZERS:
        fail(f"unknown method {method!r}; choose one of {', '.join(sorted(summarizers.SUMMARIZERS))}")
    if "://" not in input and not Path(input).exists():
        fail(f"{input}: no such file or directory")
    settings = Settings(input.rstrip("/").rpartition("/")[2], words, method, window_days)
    try:
        counts = _spark(input, output, settings, master) if engine is Engine.spark else local.run(input, output, settings, workers)
    except InputError as error:
        fail(str(error))
    stderr.print(f"{counts.summaries} summaries -> {output}; {counts.errors} errors -> {io.errors_path(output)}", highlight=False, markup=False, soft_wrap=True)
    if counts.errors and not counts.summaries:
        raise typer.Exit(1)


def _spark(input: str, output: str, settings: Settings, master: str | None) -> local.Counts:
    from newsfuse.batch import spark

    reason = spark.missing()
    if reason:
        fail(reason)
    try:
        session = spark.session(master)
    except Exception as error:  # noqa: BLE001  (Java or the master may be unusable in many ways)
        fail(f"Spark did not start ({_first_line(error)}); {spark.MISSING}")
    try:
        return spark.run(session, input, output, settings)
    except InputError:
        raise
    except Exception as error:  # noqa: BLE001  (a failed job is reported in one line, never a JVM trace)
        fail(f"the Spark job failed ({_first_line(error)})")
    finally:
        session.stop()


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
