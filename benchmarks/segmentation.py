"""Sentence splitting: newsfuse's splitter against syntok (and pysbd when installed).

Accuracy: exact sentence lists on the hand-written news cases in
benchmarks/data/segmentation_cases.json.  Speed: words/s over Multi-News+ val documents.

    python benchmarks/segmentation.py [--shared ../shared] [--documents 3000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path

from syntok import segmenter

from newsfuse.segment import split

ROOT = Path(__file__).resolve().parent.parent


def newsfuse_split(text: str) -> list[str]:
    return [text[start:end] for start, end in split(text)]


def syntok_split(text: str) -> list[str]:
    sentences = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            start = sentence[0].offset
            end = sentence[-1].offset + len(sentence[-1].value)
            sentences.append(text[start:end].strip())
    return sentences


def splitters() -> dict[str, Callable[[str], list[str]]]:
    found = {"newsfuse": newsfuse_split, "syntok": syntok_split}
    try:
        import pysbd

        found["pysbd"] = pysbd.Segmenter(language="en", clean=False).segment
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--documents", type=int, default=3000)
    args = parser.parse_args()
    cases = json.loads((ROOT / "benchmarks/data/segmentation_cases.json").read_text())["cases"]
    documents: list[str] = []
    with gzip.open(args.shared / "data/multinews/val.jsonl.gz", "rt") as handle:
        for line in handle:
            documents.extend(text for text in json.loads(line)["documents"] if text.strip())
            if len(documents) >= args.documents:
                break
    words = sum(len(text.split()) for text in documents)
    print(f"{len(cases)} tricky cases; speed on {len(documents)} val documents ({words:,} words)\n")
    print("| splitter | cases exactly right | words/s | speed vs newsfuse |")
    print("|---|---:|---:|---:|")
    rates = {}
    for name, function in splitters().items():
        right = sum(1 for text, expected in cases if [s.strip() for s in function(text)] == expected)
        started = time.perf_counter()
        for text in documents:
            function(text)
        rates[name] = words / (time.perf_counter() - started)
        print(f"| {name} | {right}/{len(cases)} | {rates[name]:,.0f} | {rates[name] / rates['newsfuse']:.2f}× |")


if __name__ == "__main__":
    main()
