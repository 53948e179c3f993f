"""Batch throughput: the local process pool against PySpark on Multi-News val, same run.

Measures clusters/s for ``--engine local`` with 1 and 2 workers and ``--engine spark`` on
``local[1]`` and ``local[2]``, Spark's fixed overhead (session start, and a whole batch job on
an empty input), and, for the 10-million-articles plan, the per-article rate and sizes of the
key-less article path (every val document as an article without a story).  Every engine's
output is checked to be identical to one local worker's.

    python benchmarks/batch.py [--shared ../shared] [--limit N] [--articles N]

The machine may be shared: the load average before and after is printed with the table.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsfuse.batch import grouping, io, local, spark
from newsfuse.batch.stages import ARTICLE, Settings, record, window

WORDS = 100


def slice_of(source: Path, target: Path, limit: int | None) -> int:
    with gzip.open(source, "rt", encoding="utf-8") as handle, open(target, "w", encoding="utf-8") as out:
        lines = list(itertools.islice(handle, limit))
        out.writelines(lines)
    return len(lines)


def as_articles(clusters: Path, target: Path, limit: int) -> int:
    """Every document of the first clusters as a story-less article (what a crawl gives)."""
    count = 0
    with open(clusters, encoding="utf-8") as handle, open(target, "w", encoding="utf-8") as out:
        for line in itertools.islice(handle, limit):
            cluster = json.loads(line)
            for index, text in enumerate(cluster["documents"]):
                if text.strip():
                    out.write(json.dumps({"id": f"{cluster['id']}/{index}", "text": text}) + "\n")
                    count += 1
    return count


def timed(function, *arguments):
    start = time.perf_counter()
    result = function(*arguments)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("NEWSFUSE_SHARED", "../shared")))
    parser.add_argument("--limit", type=int, default=None, help="first N val clusters (default: all)")
    parser.add_argument("--articles", type=int, default=400, help="clusters whose documents form the article run")
    parser.add_argument("--spark-master", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.spark_master:
        spark_run(arguments.spark_master, *arguments.paths)
        return
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        clusters = folder / "val.jsonl"
        count = slice_of(arguments.shared / "data/multinews/val.jsonl.gz", clusters, arguments.limit)
        settings = Settings(clusters.name, WORDS, "centroid")
        rows: list[tuple[str, float, str]] = []
        reference = None
        for workers in (1, 2):
            seconds, _ = timed(local.run, clusters, folder / f"local{workers}.jsonl", settings, workers)
            output = io.read_rows(folder / f"local{workers}.jsonl")
            reference = reference or output
            rows.append((f"local, {workers} worker{'s' * (workers > 1)}", seconds, "yes" if output == reference else "NO"))
        overhead = []
        if spark.missing():
            print(f"Spark skipped: {spark.missing()}")
        for master in () if spark.missing() else ("local[1]", "local[2]"):
            output = folder / f"spark-{master.strip(']').replace('[', '')}.jsonl"  # Spark reads [1] in a path as a glob
            command = [sys.executable, __file__, "--spark-master", master, str(clusters), str(output)]
            measured = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
            same = io.read_rows(output) == reference
            rows.append((f"spark {master}", measured["run"], "yes" if same else "NO"))
            overhead.append((master, measured["start"], measured["cold"], measured["warm"]))
        print(f"\nMulti-News val, first {count} clusters, --words {WORDS}, centroid\n")
        print("| engine | seconds | clusters/s | vs local 1 worker | same output as local 1 worker |")
        print("|---|---:|---:|---:|:---:|")
        for name, seconds, same in rows:
            print(f"| {name} | {seconds:.1f} | {count / seconds:.1f} | {rows[0][1] / seconds:.2f}x | {same} |")
        if overhead:
            print("\n| Spark fixed overhead | JVM + session start (s) | empty batch job, cold workers (s) | empty batch job, warm (s) |")
            print("|---|---:|---:|---:|")
            for master, start_seconds, cold, warm in overhead:
                print(f"| {master} | {start_seconds:.1f} | {cold:.1f} | {warm:.1f} |")
        article_rates(clusters, folder, arguments.articles)
    print(f"\nload average (1 min) before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def spark_run(master: str, clusters: Path, output: Path) -> None:
    """One master in a fresh process (its own JVM): start, two empty jobs, the real job."""
    empty = output.with_name(f"empty-{output.name}")
    empty.write_text("")
    settings = Settings(clusters.name, WORDS, "centroid")
    start, session = timed(spark.session, master)
    cold, _ = timed(spark.run, session, str(empty), str(empty.with_suffix(".out.jsonl")), settings)
    warm, _ = timed(spark.run, session, str(empty), str(empty.with_suffix(".out.jsonl")), settings)
    run, _ = timed(spark.run, session, str(clusters), str(output), settings)
    session.stop()
    print(json.dumps({"start": start, "cold": cold, "warm": warm, "run": run}))


def article_rates(clusters: Path, folder: Path, limit: int) -> None:
    """Per-article costs and sizes of the key-less path, for extrapolating to a cluster."""
    articles = folder / "articles.jsonl"
    count = as_articles(clusters, articles, limit)
    settings = Settings(articles.name, WORDS, "centroid")
    lines = articles.read_text(encoding="utf-8").splitlines()
    first_seconds, staged = timed(lambda: [record(settings, position, line) for position, line in enumerate(lines)])
    staged = [item for item in staged if item.kind == ARTICLE]
    keyed = [grouping.Keyed(item.window, item.position, item.signature, item.bands) for item in staged]
    edge_seconds, edges = timed(grouping.duplicate_edges, keyed)
    links = [(edge.position, edge.head) for edge in edges]
    assign_seconds, _ = timed(window, [(item.position, item.row) for item in staged], links)
    total_seconds, counts = timed(local.run, articles, folder / "articles-out.jsonl", settings, 1)
    raw = statistics.mean(len(line.encode()) for line in lines)
    row = statistics.mean(len(item.row.encode()) for item in staged)
    band_row = 4 + 8 + 4 + 8  # window (int), position (long), band (int), key (long)
    print(f"\nKey-less articles: {count} val documents as articles without story or date (one window), 1 worker\n")
    print("| measure | value |")
    print("|---|---:|")
    print(f"| articles/s, first pass (read, clean, MinHash) | {count / first_seconds:.0f} |")
    print(f"| articles/s, near-duplicate band join (local) | {count / max(edge_seconds, 1e-9):.0f} |")
    print(f"| articles/s, story assignment of one window (clean again, assign; sequential) | {count / assign_seconds:.0f} |")
    print(f"| articles/s, whole job (first pass, assignment, story summaries) | {count / total_seconds:.1f} |")
    print(f"| stories / near-duplicate links | {counts.summaries} / {len(edges)} |")
    print(f"| bytes per input article (JSON) | {raw:.0f} |")
    print(f"| bytes per staged article row (document JSON) | {row:.0f} |")
    print(f"| bytes per band row shuffled (x {grouping.BANDS} bands) | {band_row} |")


if __name__ == "__main__":
    main()
