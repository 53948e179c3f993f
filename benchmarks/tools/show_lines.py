"""Print documents with 0-based line numbers (indices into ``text.split("\\n")``).

Used to hand-label ``benchmarks/data/boilerplate_labels.json``.

    python benchmarks/tools/show_lines.py FILE.txt [...]
    python benchmarks/tools/show_lines.py --jsonl SAMPLE.jsonl CLUSTER_ID[/DOC_INDEX] [...]
    python benchmarks/tools/show_lines.py --labels LABELS.json KEY   # mark labelled lines with "B"

Blank lines are not printed (their indices are still counted); long lines are cut at --width.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def show(key: str, text: str, marked: set[int] | None = None, width: int = 200) -> None:
    lines = text.split("\n")
    print(f"=== {key}  ({len(lines)} lines)")
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        mark = "B" if marked and i in marked else " "
        shown = line if len(line) <= width else line[:width] + " …"
        print(f"{mark}{i:4d}| {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("items", nargs="+")
    parser.add_argument("--jsonl", type=Path, help="Multi-News raw sample file")
    parser.add_argument("--labels", type=Path, help="labels JSON; mark boilerplate lines")
    parser.add_argument("--width", type=int, default=200)
    args = parser.parse_args()
    labels = json.loads(args.labels.read_text())["documents"] if args.labels else {}
    clusters = {}
    if args.jsonl:
        for line in args.jsonl.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            clusters[record["id"]] = record["documents"]
    for item in args.items:
        if args.jsonl:
            cluster, _, index = item.partition("/")
            indices = [int(index)] if index else range(len(clusters[cluster]))
            for i in indices:
                key = f"multinews-raw/{cluster}/{i}"
                marked = set(labels.get(key, {}).get("boilerplate", []))
                show(key, clusters[cluster][i], marked, args.width)
        else:
            path = Path(item)
            key = f"seeds/{path.name}"
            marked = set(labels.get(key, {}).get("boilerplate", []))
            show(key, path.read_bytes().decode("utf-8"), marked, args.width)


if __name__ == "__main__":
    main()
