"""Speed: clusters/s of newsfuse against sumy's LexRank on the same clusters, in one run.

Both start from the raw cluster as read from disk.  newsfuse's time covers cleaning,
segmentation and summarization; sumy LexRank gets newsfuse's sentence split (it cannot split
on its own here without NLTK data), so its time covers that preparation plus sumy itself.
Runs on one core, one cluster at a time, alternating systems per cluster so that load from
other processes hits all alike, and rotating which system goes first so that none always runs
on caches sumy has just filled.

    python benchmarks/speed.py [--shared ../shared] [--limit 1000] [--words 250]
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

from newsfuse import summarizers
from newsfuse.evaluation.systems import Sumy
from newsfuse.pipeline import prepare
from newsfuse.readers import read

ROOT = Path(__file__).resolve().parent.parent


def clusters(path: Path, limit: int) -> list:
    return [item for item in itertools.islice(read(path), limit) if not isinstance(item, Exception)]


def measure(dataset: list, words: int, methods: list[str]) -> dict[str, float]:
    """Seconds spent per system over the whole dataset."""
    systems = {method: summarizers.get(method) for method in methods}
    systems["sumy-lexrank"] = Sumy("sumy-lexrank").summarize
    names = list(systems)
    spent = dict.fromkeys(names, 0.0)
    for number, cluster in enumerate(dataset):
        # The system run right after sumy finds the CPU caches full of sumy's data and loses
        # about a millisecond on a raw cluster: each cluster starts with the next system.
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            started = time.perf_counter()
            systems[name](prepare(cluster), words)
            spent[name] += time.perf_counter() - started
    return spent


def report(title: str, dataset: list, spent: dict[str, float]) -> None:
    words = sum(len(document.text.split()) for cluster in dataset for document in cluster.documents)
    print(f"\n{title}: {len(dataset)} clusters, {words / len(dataset):,.0f} words per cluster")
    print("| system | clusters/s | ms/cluster | speed vs sumy LexRank |")
    print("|---|---:|---:|---:|")
    for name, seconds in spent.items():
        print(f"| {name} | {len(dataset) / seconds:,.1f} | {1000 * seconds / len(dataset):.2f} | {spent['sumy-lexrank'] / seconds:.1f}× |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=1000, help="val clusters (the first N, a fixed subset)")
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--methods", default=summarizers.DEFAULT_METHOD, help="comma-separated newsfuse methods")
    args = parser.parse_args()
    methods = args.methods.split(",")
    for title, path, limit in (
        ("Multi-News+ val", args.shared / "data/multinews/val.jsonl.gz", args.limit),
        ("Raw Multi-News sample (cased, with boilerplate)", args.shared / "data/multinews-raw/sample.jsonl", 92),
    ):
        dataset = clusters(path, limit)
        report(title, dataset, measure(dataset, args.words, methods))


if __name__ == "__main__":
    main()
