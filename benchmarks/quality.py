"""Quality benchmark: newsfuse and its peers scored side by side, on Multi-News val and raw.

Runs ``newsfuse eval``'s harness on (1) the Multi-News+ validation split and (2) the raw
Multi-News sample (boilerplate included), with every built-in system in the same run, and
prints Markdown to stdout: the full table, then each system's ROUGE as a ratio to lead, to
sumy's LexRank and TextRank, and to the oracle.  A Markdown report and its plot are also saved
under ``--report-dir`` (git-ignored ``reports/`` by default).

    PYTHONPATH=src python benchmarks/quality.py --jobs 2             # all 5,622 val clusters
    PYTHONPATH=src python benchmarks/quality.py --limit 500 --jobs 2  # a quicker fixed subset

Summaries get a 250-word budget (about the Multi-News+ reference length) and summaries and
references are cut at 250 words before scoring, so every system is scored at the same length;
see the evaluation section of the README for why.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsfuse.evaluation import datasets, report, systems
from newsfuse.evaluation.harness import run
from newsfuse.evaluation.table import Row, rows

SHARED = Path(os.environ.get("NEWSFUSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
VAL = SHARED / "data" / "multinews" / "val.jsonl.gz"
RAW = SHARED / "data" / "multinews-raw" / "sample.jsonl"
WORDS = 250
REFERENCES = {"lead": "lead", "LexRank": "sumy-lexrank", "TextRank": "sumy-textrank", "oracle": "oracle"}
#: Fabbri et al. (ACL 2019), Table 5: Multi-News test, full raw input, ROUGE-1.5.5 F1
PUBLISHED = {"First-3": (39.41, 11.77), "LexRank": (38.27, 12.70), "TextRank": (38.44, 13.10)}


def evaluate(path: Path, limit: int | None, jobs: int, words: int, truncate: bool) -> tuple[list[Row], report.Meta, float]:
    cut = words if truncate else None
    started = time.perf_counter()
    columns = (TextColumn(path.name), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(path.name, total=limit)
        results = run(datasets.load(path, limit), systems.available(), words, cut, jobs, lambda: bar.advance(task))
    seconds = time.perf_counter() - started
    meta = report.Meta(
        str(path), len(results.ids), words, cut, "lead", skipped=len(results.skipped), prepare_seconds=results.prepare_seconds
    )
    return rows(results, "lead"), meta, seconds


def ratios(table: list[Row]) -> str:
    """Each system's ROUGE F1 divided by that of each reference system."""
    by_name = {row.system: row for row in table}
    present = {label: by_name[name] for label, name in REFERENCES.items() if name in by_name}
    header = ["system", "R1 F1", "R2 F1", "RL F1", *(f"R2 ÷ {label}" for label in present), "RL ÷ lead", "clusters/s"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in table:
        cells = [row.system, *(f"{100 * row.mean[key]:.2f}" for key in ("R1_f", "R2_f", "RL_f"))]
        cells += [f"{row.mean['R2_f'] / reference.mean['R2_f']:.3f}" for reference in present.values()]
        cells.append(f"{row.mean['RL_f'] / present['lead'].mean['RL_f']:.3f}" if "lead" in present else "—")
        cells.append(f"{row.clusters_per_second:.1f}" if row.clusters_per_second else "—")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--val", type=Path, default=VAL)
    parser.add_argument("--raw", type=Path, default=RAW)
    parser.add_argument("--limit", type=int, default=None, help="only the first N val clusters")
    parser.add_argument("--words", type=int, default=WORDS, help="summary budget and ROUGE cut-off")
    parser.add_argument("--no-truncate", action="store_true", help="score whole summaries and references")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--report-dir", type=Path, default=Path("reports"))
    args = parser.parse_args()
    print(f"# newsfuse quality benchmark, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n")
    print(f"Command: `{shlex.join(['python', *sys.argv])}`\n")
    for path, limit in ((args.val, args.limit), (args.raw, None)):
        if not path.exists():
            print(f"_{path} is absent: skipped._\n")
            continue
        table, meta, seconds = evaluate(path, limit, args.jobs, args.words, not args.no_truncate)
        report.save(table, meta, args.report_dir / f"quality-{path.name.split('.')[0]}.md")
        print(f"## {meta.describe()}\n\nWall time {seconds:.0f} s with {args.jobs} job(s).\n")
        print(report.to_markdown(table, meta))
        print("Ratios of ROUGE F1 (LexRank and TextRank are sumy's):\n")
        print(ratios(table))
    print("Published on Multi-News test (Fabbri et al. 2019, full raw input, ROUGE-1.5.5 F1), for orientation only:\n")
    print("| system | R1 | R2 |\n|---|---|---|")
    for name, (r1, r2) in PUBLISHED.items():
        print(f"| {name} | {r1:.2f} | {r2:.2f} |")


if __name__ == "__main__":
    main()
