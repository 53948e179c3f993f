"""Leave-one-set-out test of a learned re-ranker over candidate speakers, against the rules.

Each label set of ``benchmarks/facts.py`` is held out in turn; a logistic regression is trained
on the candidates of every other set's matched quotes (each name mentioned within 1,500
characters before or 300 after the quote, the rules' answer, and "no speaker") and picks the
best-scoring candidate on the held-out set.  Features: distance before/after, whether the
mention is close, mention count, person kind, a speech verb right after the mention or right
before it, and (in the "rules+reranker" column only) whether the rules chose the candidate.

Measured 2026-11-24 on branch speakers5: with the rules' choice as a feature the re-ranker
reproduces the rules on six sets and is one quote worse on the seventh; without it, it scores
0.49-0.73 where the rules score 0.86-0.98.  So the rules ship and no model does.

    python benchmarks/facts_reranker.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
import facts as bench  # noqa: E402  (the sibling benchmark: label sets, loading, matching)

from newsfuse.facts.entities import EntityIndex, Mention  # noqa: E402
from newsfuse.facts.quoting import reports  # noqa: E402
from newsfuse.facts.speakers import VERB  # noqa: E402
from newsfuse.model import Cluster, Document  # noqa: E402
from newsfuse.pipeline import prepare  # noqa: E402
from newsfuse.text import words  # noqa: E402

SETS = [name for name in bench.SETS if name not in bench.HALVES]
BEFORE, AFTER, CLOSE_BEFORE, CLOSE_AFTER = 1500, 300, 150, 60
INVERTED = re.compile(r"\b(?:said|says|told|added)\s+(?:\w+\s+){0,2}$")
RULE_FEATURES = [2, 3]  # is the rules' choice, the rules chose no one


@dataclass
class Item:
    """One matched quote: where it is, what the rules said, what the label says."""

    text: str
    start: int
    end: int
    rule: str | None
    gold: str | None
    mentions: list[Mention]
    entities: EntityIndex


def items_of(split: str, shared: Path) -> list[Item]:
    path = bench.SETS[split]
    labels = json.loads(path.read_text(encoding="utf-8"))["documents"]
    found = []
    for docs in bench.load(shared, path).values():
        cluster = prepare(Cluster([Document(text=text, id=key) for key, text in docs]))
        entities = EntityIndex(cluster)
        quotes = [(citation, quote.speaker) for quote in reports(cluster, entities) for citation in quote.citations]
        for key, raw in docs:
            gold = [(raw[label["start"] : label["end"]], label["speaker"]) for label in labels[key]]
            used: set[int] = set()
            for citation, speaker in quotes:
                if citation.document_id != key:
                    continue
                text = cluster.documents[citation.document].text
                quoted = words(text[citation.start : citation.end])
                overlap, index = max(((bench.dice(quoted, words(g)), j) for j, (g, _) in enumerate(gold) if j not in used), default=(0.0, -1))
                if overlap >= bench.MATCH:
                    used.add(index)
                    found.append(Item(text, citation.start, citation.end, speaker, gold[index][1], entities.mentions[citation.document], entities))
    return found


def candidates(item: Item) -> list[tuple[str | None, list[float]]]:
    """Every name near the quote (by canonical name, nearest mention), the rules' answer, and None."""
    counts = Counter(item.entities.canonical(mention.name) for mention in item.mentions)
    near: dict[str, dict[str, float | None]] = {}
    for mention in item.mentions:
        before = item.start - mention.end if mention.end <= item.start else None
        after = mention.start - item.end if mention.start >= item.end else None
        if not (before is not None and before < BEFORE or after is not None and after < AFTER):
            continue
        seen = near.setdefault(item.entities.canonical(mention.name), {"before": None, "after": None, "verb": 0.0, "inverted": 0.0, "person": 0.0})
        for side, distance in (("before", before), ("after", after)):
            if distance is not None and (seen[side] is None or distance < seen[side]):
                seen[side] = distance
        seen["verb"] = max(seen["verb"], float(VERB.match(item.text, mention.end + 1) is not None))
        seen["inverted"] = max(seen["inverted"], float(INVERTED.search(item.text, max(0, mention.start - 30), mention.start) is not None))
        seen["person"] = float((item.entities.kind(mention.name) or mention.kind) == "person")
    rows = [(name, _features(seen, counts[name], bench.same_speaker(name, item.rule), item.rule is None)) for name, seen in near.items()]
    if item.rule is not None and not any(bench.same_speaker(name, item.rule) for name in near):
        rows.append((item.rule, _features({"before": None, "after": None, "verb": 0.0, "inverted": 0.0, "person": 0.0}, 1, True, False)))
    rows.append((None, [1.0, 0.0, float(item.rule is None), float(item.rule is None)] + [0.0] * 10))
    return rows


def _features(seen: dict[str, float | None], count: int, chosen: bool, rule_none: bool) -> list[float]:
    before, after = seen["before"], seen["after"]
    return [
        0.0, 1.0, float(chosen), float(rule_none),
        math.log1p(before) if before is not None else 0.0, float(before is None),
        math.log1p(after) if after is not None else 0.0, float(after is None),
        float(before is not None and before < CLOSE_BEFORE), float(after is not None and after < CLOSE_AFTER),
        math.log1p(count), float(seen["person"]), float(seen["verb"]), float(seen["inverted"]),
    ]  # fmt: skip


def train(items: list[Item], dropped: list[int]) -> LogisticRegression:
    rows = [(features, bench.same_speaker(name, item.gold)) for item in items for name, features in candidates(item)]
    features = np.delete(np.array([row for row, _ in rows]), dropped, axis=1)
    return LogisticRegression(max_iter=2000).fit(features, np.array([label for _, label in rows], dtype=int))


def accuracy(model: LogisticRegression, items: list[Item], dropped: list[int]) -> float:
    right = 0
    for item in items:
        rows = candidates(item)
        scores = model.decision_function(np.delete(np.array([features for _, features in rows]), dropped, axis=1))
        right += bench.same_speaker(rows[int(np.argmax(scores))][0], item.gold)
    return right / len(items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=bench.ROOT.parent / "shared")
    shared = parser.parse_args().shared
    data = {split: items_of(split, shared) for split in SETS}
    print("| held out | quotes | rules | rules+reranker | reranker alone | gold among candidates |")
    print("|----------|-------:|------:|---------------:|---------------:|----------------------:|")
    for held in SETS:
        rest = [item for split in SETS if split != held for item in data[split]]
        items = data[held]
        rules = sum(bench.same_speaker(item.rule, item.gold) for item in items) / len(items)
        both = accuracy(train(rest, []), items, [])
        alone = accuracy(train(rest, RULE_FEATURES), items, RULE_FEATURES)
        cover = sum(any(bench.same_speaker(name, item.gold) for name, _ in candidates(item)) for item in items) / len(items)
        print(f"| {held:<8} | {len(items):6d} | {rules:5.3f} | {both:14.3f} | {alone:14.3f} | {cover:21.3f} |")


if __name__ == "__main__":
    main()
