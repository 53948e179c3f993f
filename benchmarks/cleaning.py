"""Boilerplate removal on hand-labelled lines: newsfuse's cleaner against HTML extractors.

Labels (benchmarks/data/*boilerplate*.json) list, per document, the indices of the lines of
``text.split("\\n")`` that are not article text.  Every cleaner sees the same documents; the
HTML extractors get each line as a <p> of a minimal page, which is how plain text would have
to be fed to them.  Precision and recall are of removal, over non-blank lines.

    python benchmarks/cleaning.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import html
import json
import time
from pathlib import Path

import justext
import trafilatura

from newsfuse.cleaning import boilerplate_lines

ROOT = Path(__file__).resolve().parent.parent
LABELS = [ROOT / "benchmarks/data/boilerplate_labels.json", ROOT / "benchmarks/data/example_boilerplate.json"]


def load_documents(shared: Path) -> dict[str, str]:
    texts = {f"seeds/{path.name}": path.read_text(encoding="utf-8") for path in (shared / "seeds").glob("*.txt")}
    with open(shared / "data/multinews-raw/sample.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for index, document in enumerate(record["documents"]):
                texts[f"multinews-raw/{record['id']}/{index}"] = document
    examples = ROOT / "src/newsfuse/examples/harbor_bridge"
    texts.update({f"examples/harbor_bridge/{path.name}": path.read_text(encoding="utf-8") for path in examples.glob("*.txt")})
    return texts


def as_page(lines: list[str]) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    return f"<html><body><article>{paragraphs}</article></body></html>"


def kept_by_extractor(lines: list[str], extracted: str) -> set[int]:
    kept_text = {" ".join(part.split()) for part in extracted.split("\n")}
    return {index for index, line in enumerate(lines) if " ".join(line.split()) in kept_text}


def trafilatura_removed(text: str) -> set[int]:
    lines = text.split("\n")
    extracted = trafilatura.extract(as_page(lines), favor_recall=True) or ""
    return _removed(lines, kept_by_extractor(lines, extracted))


def justext_removed(text: str) -> set[int]:
    lines = text.split("\n")
    paragraphs = justext.justext(as_page(lines), justext.get_stoplist("English"))
    extracted = "\n".join(paragraph.text for paragraph in paragraphs if not paragraph.is_boilerplate)
    return _removed(lines, kept_by_extractor(lines, extracted))


def punctuation_removed(text: str) -> set[int]:
    """Baseline: drop every line that does not end like a sentence."""
    lines = text.split("\n")
    return {index for index, line in enumerate(lines) if line.strip() and line.strip()[-1] not in ".!?\"'”’"}


def _removed(lines: list[str], kept: set[int]) -> set[int]:
    return {index for index, line in enumerate(lines) if line.strip() and index not in kept}


SYSTEMS = {
    "newsfuse": boilerplate_lines,
    "trafilatura (lines as <p>)": trafilatura_removed,
    "justext (lines as <p>)": justext_removed,
    "sentence-punctuation rule": punctuation_removed,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    texts = load_documents(args.shared)
    labels: dict[str, dict] = {}
    for path in LABELS:
        labels.update(json.loads(path.read_text())["documents"])
    print(f"{len(labels)} labelled documents\n")
    print("| cleaner | precision | recall | F1 | lines/s |")
    print("|---|---:|---:|---:|---:|")
    for name, removed_lines in SYSTEMS.items():
        true_positive = predicted = actual = lines = 0
        started = time.perf_counter()
        for key, label in labels.items():
            text = texts[key]
            removed = removed_lines(text)
            gold = set(label["boilerplate"])
            true_positive += len(removed & gold)
            predicted += len(removed)
            actual += len(gold)
            lines += sum(1 for line in text.split("\n") if line.strip())
        elapsed = time.perf_counter() - started
        precision = true_positive / predicted if predicted else 0.0
        recall = true_positive / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"| {name} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {lines / elapsed:,.0f} |")


if __name__ == "__main__":
    main()
