"""Before/after of a stories speed-up: same outputs, and the full-ingest rate in alternating pairs.

On a machine shared with other jobs a single ingest run varies by 10-20 %, so two long-lived
workers (one per source tree, both warmed as ``benchmarks/stories.py`` warms) ingest the same
val stream in turn, swapping who goes first each round; the median of the per-round ratios is
robust to the load drifting between rounds.  Before timing, each worker prints a digest of every
decision on three train streams and of every stored row of an ingest, so an identical digest
means the speed-up changed no grouping and no stored byte.

    NEWSFUSE_SHARED=../shared python benchmarks/tools/paired_ingest.py BEFORE/src AFTER/src [--rounds 10 6]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1]
SIZES = (500, 5000)


def digest() -> str:
    """Every assignment decision on train streams and every stored row of a two-pass ingest."""
    import stories as bench
    from newsfuse.stories.assign import StoryAssigner, featurize
    from newsfuse.stories.store import Store

    train = bench.load(bench.TRAIN)
    hashed = hashlib.sha256()
    for size, seed in ((500, 1), (500, 2), (5000, 1)):
        stream = bench.make_stream(train, size, seed)
        assigner = StoryAssigner()
        for key, document in enumerate(stream.documents):
            decision = assigner.assign(featurize(document, key))
            hashed.update(repr((decision.story, decision.new, decision.similarity, decision.duplicate_of, decision.closed, decision.content)).encode())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "digest.db"
        Store(path).ingest(stream.raw[:3000], batch=100)
        Store(path).ingest(stream.raw[:3500])
        with sqlite3.connect(path) as connection:
            for table in ("articles", "stories", "memberships", "duplicates"):
                for row in connection.execute(f"SELECT * FROM {table} ORDER BY 1"):
                    hashed.update(repr(row).encode())
    return hashed.hexdigest()


def worker() -> None:
    """Answer each size read from stdin with (CPU rate, wall rate) of a full store ingest."""
    import stories as bench

    print(digest(), flush=True)
    val, train = bench.load(bench.VAL), bench.load(bench.TRAIN)
    bench.newsfuse_labels(bench.make_stream(train, 1000, seed=0))  # warm the word memos
    streams = {size: bench.make_stream(val[bench.HELD_OUT[size]], size, seed=size) for size in SIZES}
    for line in sys.stdin:
        print(json.dumps(bench.store_rate(streams[int(line)])), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="src directory of the tree before the change")
    parser.add_argument("after", help="src directory of the tree after it")
    parser.add_argument("--rounds", type=int, nargs=2, default=[10, 6], help="rounds for N=500 and N=5000")
    args = parser.parse_args()
    environment = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    workers = {
        name: subprocess.Popen([sys.executable, __file__, "--worker"], env={**environment, "PYTHONPATH": str(Path(src).resolve())},
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for name, src in (("before", args.before), ("after", args.after))
    }
    digests = {name: process.stdout.readline().strip() for name, process in workers.items()}
    print(f"outputs identical: {digests['before'] == digests['after']} ({digests['before'][:16]} / {digests['after'][:16]})", flush=True)
    for size, rounds in zip(SIZES, args.rounds):
        rates: dict[str, list[float]] = {"before": [], "after": []}
        for number in range(rounds):
            for name in ("before", "after") if number % 2 == 0 else ("after", "before"):
                workers[name].stdin.write(f"{size}\n")
                workers[name].stdin.flush()
                rates[name].append(json.loads(workers[name].stdout.readline())[0])
        ratio = statistics.median(after / before for before, after in zip(rates["before"], rates["after"]))
        spans = {name: f"{min(values):,.0f}-{max(values):,.0f}" for name, values in rates.items()}
        print(f"N={size}: {rounds} alternating rounds, full ingest articles/CPU-s median before {statistics.median(rates['before']):,.0f}"
              f" ({spans['before']}), after {statistics.median(rates['after']):,.0f} ({spans['after']}); median paired ratio {ratio:.3f}",
              flush=True)
    for process in workers.values():
        process.stdin.close()
        process.wait()


if __name__ == "__main__":
    if "--worker" in sys.argv:
        sys.path.insert(0, str(BENCHMARKS))
        worker()
    else:
        main()
