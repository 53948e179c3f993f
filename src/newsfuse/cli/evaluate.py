"""``newsfuse eval``: score newsfuse and its peers on the same clusters in one run."""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsfuse.cli.app import app, fail, stderr, write
from newsfuse.evaluation import datasets, report, systems
from newsfuse.evaluation.harness import run
from newsfuse.evaluation.table import rows
from newsfuse.readers import InputError

#: the summary length on Multi-News: about the length of its references (see the README)
DEFAULT_WORDS = 250


class Output(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command("eval")
def evaluate(
    dataset: Annotated[str, typer.Argument(help="JSONL clusters with summary/summaries, a raw Multi-News .src (with its .tgt), or a DUC/TAC directory.")],
    system: Annotated[list[str] | None, typer.Option("--system", "-s", help="A system to score (repeatable): " + ", ".join(systems.available()) + ", or NAME=PATH for outputs made elsewhere (JSONL {id, summary} or a directory of <id>.txt). Default: all built-in systems.")] = None,
    words: Annotated[int, typer.Option("--words", "-w", min=1, help="Summary length: the summarizers' word budget, and every summary and reference is cut at N words before scoring (ROUGE-1.5.5 -l N). DUC 2004: 100.")] = DEFAULT_WORDS,
    truncate: Annotated[bool, typer.Option("--truncate/--no-truncate", help="Cut summaries and references at --words (default) or score them whole.")] = True,
    budget: Annotated[int | None, typer.Option("--budget", "-b", min=1, help="Give the summarizers another word budget than --words.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, help="Score only the first N clusters.")] = None,
    baseline: Annotated[str, typer.Option("--baseline", help="The system every other is tested against.")] = "lead",
    output: Annotated[Output, typer.Option("--output", "-o", help="table, json or csv on stdout.")] = Output.table,
    report_path: Annotated[Path | None, typer.Option("--report", "-r", help="Also save a Markdown (.md) or HTML (.html) report with a plot (.png beside it).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    samples: Annotated[int, typer.Option("--samples", min=100, help="Bootstrap resamples.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Bootstrap seed.")] = 0,
) -> None:
    """Score summarizers with ROUGE on a dataset and print one table.

    Each system gets ROUGE-1, ROUGE-2 and ROUGE-L (summary level) F1 and recall with 95 %
    bootstrap intervals, a paired bootstrap test against the baseline, its average length,
    its speed and how far it goes from lead to the extractive oracle.
    """
    specs = system or systems.available()
    budget = budget or words
    cut = words if truncate else None
    try:
        systems.resolve(specs, cut)
    except (ValueError, InputError) as error:
        fail(str(error))
    if not Path(dataset).exists():
        fail(f"{dataset}: no such file or directory")
    progress = Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=stderr, transient=True,
    )
    with progress:
        total = datasets.size(dataset)
        task = progress.add_task(f"scoring {len(specs)} systems", total=min(filter(None, (total, limit)), default=None))
        results = run(datasets.load(dataset, limit), specs, budget, cut, jobs, lambda: progress.advance(task))
    for reason in results.skipped[:5]:
        stderr.print(f"skipped {reason}", highlight=False, markup=False)
    if len(results.skipped) > 5:
        stderr.print(f"… and {len(results.skipped) - 5} more skipped", highlight=False)
    if not results.ids:
        fail(f"{dataset}: no cluster with a reference summary to score")
    for name, count in results.missing.items():
        stderr.print(f"warning: {name} has no summary for {count} clusters; they score 0", highlight=False, markup=False)
    if baseline not in results.systems:
        stderr.print(f"warning: baseline {baseline} is not in this run, so there are no p-values", highlight=False, markup=False)
    table = rows(results, baseline if baseline in results.systems else None, samples, seed)
    meta = report.Meta(
        dataset=dataset, clusters=len(results.ids), budget=budget, truncate_at=cut,
        baseline=baseline if baseline in results.systems else None,
        command=shlex.join(["newsfuse", *sys.argv[1:]]), date=dt.date.today().isoformat(), skipped=len(results.skipped),
        prepare_seconds=results.prepare_seconds,
    )
    if output is Output.json:
        write(report.to_json(table, meta))
    elif output is Output.csv:
        write(report.to_csv(table))
    else:
        Console(width=max(Console().width, 200)).print(report.rich_table(table, meta))
    if report_path is not None:
        stderr.print(f"report saved to {report.save(table, meta, report_path)}", highlight=False)
