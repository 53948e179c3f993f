"""Sentence compression rule families against the default summarizer, paired per cluster.

Summarizes the first ``--val`` clusters of ``--data`` (Multi-News+ val by default; the raw
sample with ``--data``) with the default ``concepts`` method as shipped, then again with the
candidate sentences compressed by each rule family below on its own and by the combinations in
``RULE_SETS``, and prints ROUGE F1 (250-word budget and cut) with the paired per-cluster
difference from the uncompressed summary and its 95 % bootstrap interval, the share of the
summary's source words dropped, and how many of the dropped and of the summary's words the
reference has.  Compression happens before selection, so the budget holds more sentences.  Two
ways for selection to see a compressed sentence:

* ``full``: scores, concepts and redundancy on the full sentences; only the word count (the
  budget and the per-word value) and the summary text come from the kept spans;
* ``kept``: the whole method runs on the kept text, as if the article had been written that way.

The kept text is always source substrings in order (offsets into ``Document.text``), and no
rule drops a negation or hedge, a quotation mark or (outside ages) a digit.
``attribution`` (", police said") is measured for the record only: it changes who asserts what.
The ``ceiling`` row drops a span of the safe families only when the reference lacks most of its
words: a perfect judge of these spans, which reads the answer.

Findings (2026-11-24; ΔR1 / ΔR2 F1 against the uncompressed default, 95 % CI):

| rules (selection sees full sentences) | val[:2000] | all val (5,622) | raw sample (92) | words dropped |
|---|---|---|---|---:|
| parentheticals | +0.02 (−0.02, +0.07) / +0.03 (−0.02, +0.09) | +0.02 (−0.01, +0.05) / +0.02 (−0.02, +0.05) | +0.10 / +0.08, CIs span 0 | 1.3 % |
| leading connectives | −0.02 (−0.04, +0.01) / +0.01 | −0.02 (−0.04, −0.01) / +0.00 | +0.00 / +0.02 | 0.2 % |
| relative time | +0.01 / −0.01 | +0.01 / −0.00 | +0.08 / +0.21 (+0.06, +0.39) | 0.3 % |
| age appositives | −0.01 (−0.02, −0.00) / +0.00 | −0.01 / +0.00 | +0.02 / +0.03 | 0.0 % |
| nonrestrictive who/which clauses | −0.07 (−0.12, −0.02) / −0.04 | −0.04 (−0.07, −0.01) / −0.01 | −0.13 / −0.01 | 1.1 % |
| datelines and page tags | +0.02 (−0.01, +0.04) / +0.03 (+0.01, +0.06) | +0.01 / +0.04 (+0.02, +0.06) | −0.01 / +0.03 | 0.4 % |
| attribution (record only) | −0.01 / −0.01 | −0.01 / −0.01 | −0.08 / −0.17 | 0.8 % |
| all but attribution | −0.05 (−0.13, +0.02) / +0.01 (−0.07, +0.09) | −0.03 / +0.04 (−0.00, +0.09) | +0.05 / +0.31 (+0.07, +0.59) | 3.3 % |
| parentheticals + datelines | +0.05 (−0.01, +0.09) / +0.07 (+0.01, +0.13) | +0.04 (+0.01, +0.07) / +0.05 (+0.01, +0.09) | +0.10 / +0.11, CIs span 0 | 1.7 % |
| ceiling (perfect judge of the safe spans) | +0.14 (+0.09, +0.19) / +0.10 (+0.05, +0.15) | +0.15 (+0.12, +0.18) / +0.09 (+0.06, +0.12) | +0.13 / +0.15 | 1.6 % |

The datelines and page tags ("WASHINGTON (AP) —", "Advertisement", "Image copyright X image
caption") are no compression: they are page furniture, and cleaning has cut them since
2026-11-24 (``cleaning.unglued``, measured by benchmarks/furniture.py), so the family is gone
from this script and its rows above are the record of the measurement that moved it.

Baseline: 45.15 / 15.71 on val[:2000], 44.98 / 15.47 on all val, 47.13 / 16.57 on the raw
sample.  Selection on the kept text (``kept``) was no better than ``full`` for any set.  Not
adopted: no set has both intervals above zero on val[:2000] (the best, parentheticals +
datelines, picked after seeing that table, misses on R1), and even the ceiling is +0.15 R1, a
tenth of the issue's +2.  Why: the rules free 1-3 % of a 250-word budget, and what they drop
is content about as often as the rest of the summary is (the reference has 55 % of the dropped
clause words, 66 % of the connectives, 59 % of all summary words); only parentheticals (36 %)
and wire tags (39 %) are clearly poorer.  The clause rule is also a trust problem: "delivered
the cash to a general, who declined it" loses the refusal, and "according to the officials,
who spoke on condition of anonymity" loses the sourcing.

    PYTHONPATH=src python benchmarks/compression.py --val 2000 --jobs 1
    PYTHONPATH=src python benchmarks/compression.py --val 0 --jobs 1 --modes full
    PYTHONPATH=src python benchmarks/compression.py --data ../shared/data/multinews-raw/sample.jsonl --val 0
"""

from __future__ import annotations

import argparse
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.evaluation import rouge
from newsfuse.evaluation.bootstrap import Bootstrap
from newsfuse.model import Cluster, Sentence
from newsfuse.pipeline import prepare
from newsfuse.selection import select
from newsfuse.summarizers.base import leading_sentences
from newsfuse.summarizers.coverage import ConceptCoverage
from newsfuse.text import count_words
from newsfuse.vectors import SentenceVectors

import paired

MIN_KEPT = 6
#: negations and hedges: dropping one would make the kept text assert more than the source does
KEEP = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|allegedly|alleged|reportedly|apparently|possibly"
    r"|perhaps|may|might|unconfirmed|suspected|unclear|as far as)\b|n['’]t\b",
    re.IGNORECASE,
)
QUOTES = re.compile(r"[\"“”‘’«»]|(?<!\w)'|'(?!\w)")
DIGIT = re.compile(r"\d")

_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PARTS = r"(?:\s+(?:morning|afternoon|evening|night))?"
#: relative time: "on Tuesday (night)", "last/this/next week", "earlier this month", "yesterday"
_TIME = (
    rf"(?:(?:on|late|early)\s+{_DAYS}{_PARTS}|{_DAYS}{_PARTS}|(?:last|this|next)\s+(?:week(?:end)?|month|year|{_DAYS}){_PARTS}"
    rf"|(?:earlier|later)\s+(?:this|last)\s+(?:week|month|year)|(?:yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening))?)"
)
_CONNECTIVES = (
    r"(?:(?:but|and|yet|so)\s+(?!,)"
    r"|(?:however|meanwhile|still|also|moreover|furthermore|additionally|indeed|separately|nevertheless|nonetheless"
    r"|in addition|in fact|of course|at the same time|in a statement|in an interview|in a (?:news )?release"
    r"|in a (?:blog |facebook |twitter |instagram )?post|in response|for (?:his|her|their|its) part),\s+)"
)
#: what follows a nonrestrictive relative clause when it sits between subject and verb
_VERB = r"(?:is|was|are|were|has|have|had|will|would|can|could|did|does|do|said|says|told|added|also|now|later|\w+ed)\b"

#: family -> patterns for the opening of a sentence, tried again after each drop ("But on
#: Tuesday, ..."); the whole match is dropped
LEADING: dict[str, tuple[re.Pattern[str], ...]] = {
    "connectives": (re.compile(rf"{_CONNECTIVES}(?=\w)", re.IGNORECASE),),
    "time": (re.compile(rf"(?:{_TIME},|(?:on|late|early)\s+{_DAYS}{_PARTS})\s+(?=\w)", re.IGNORECASE),),
}
#: family -> patterns anywhere in a sentence; the group ``drop`` is dropped
INNER: dict[str, tuple[re.Pattern[str], ...]] = {
    "parentheticals": (re.compile(r"(?P<drop>\s*\([^()]{1,150}\)|\s*\[[^\[\]]{1,150}\])(?=\s*[\w,.;:!?]|\s*$)"),),
    "time": (re.compile(rf"\w(?P<drop>,?\s+{_TIME})(?=\s*[.!?]\s*$)", re.IGNORECASE),),
    "appositives": (
        # only at the sentence's first comma: in "The nurse, Lee, 34, was" the second comma closes
        # an appositive.  "Lee, 34, was" -> "Lee was"; not "Lee, 34, and Kim, 35,"
        re.compile(r"^[^,]*[a-z.](?P<drop>,\s+(?:aged\s+)?\d{1,3},)(?=\s+(?!(?:a|an|the|of|from|and|or)\b)\w)", re.IGNORECASE),
        # "Lee, 34, a nurse, was" -> "Lee, a nurse, was"; "Lee, 34, of Ohio, was" -> "Lee, of Ohio, was"
        re.compile(r"^[^,]*[a-z.](?P<drop>,\s+(?:aged\s+)?\d{1,3})(?=,\s+(?:a|an|the|of|from)\b)", re.IGNORECASE),
    ),
    "clauses": (
        re.compile(rf"\w(?P<drop>,\s+(?:who|which|whose)\s+[^,;]{{3,120}},)(?=\s+{_VERB})", re.IGNORECASE),
        re.compile(r"\w(?P<drop>,\s+(?:who|which|whose)\s+[^,;]{3,160}?)(?=\s*[.!?]\s*$)", re.IGNORECASE),
    ),
    "attribution": (
        re.compile(r"\w(?P<drop>,\s+(?:according\s+to\s+[^,;]{2,60}|[^,;]{2,50}?\s+(?:said|says|told\s+[^,;]{2,40}|reported|reports)))(?=\s*[.!?]\s*$)", re.IGNORECASE),
    ),
}
FAMILIES = ("parentheticals", "connectives", "time", "appositives", "clauses", "attribution")
#: the patterns that may drop a digit: an age
_NUMBERS_OK = frozenset(INNER["appositives"])

SHARED = Path(os.environ.get("NEWSFUSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
VAL = SHARED / "data" / "multinews" / "val.jsonl.gz"
WORDS = 250
BASELINE = "uncompressed"
MEASURES = ("rouge1", "rouge2")
SAFE = ("parentheticals", "connectives", "time", "appositives", "clauses")
RULE_SETS: dict[str, tuple[str, ...]] = {
    **{family: (family,) for family in FAMILIES},
    "all but attribution": SAFE,
    "all but attribution and time": tuple(family for family in SAFE if family != "time"),
    "all (with attribution)": FAMILIES,
}
#: the same spans as "all but attribution", each dropped only when the reference lacks most of
#: its words: what a perfect judge of these spans could gain (it reads the answer)
CEILING = "ceiling: all but attribution, spans the reference lacks"
RULE_SETS[CEILING] = SAFE


def drops(text: str, rules: Iterable[str], accept: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
    """The spans of ``text`` the rule families would delete (those ``accept`` allows, when
    given), merged and sorted."""
    rules = tuple(rules)
    found: list[tuple[int, int]] = []
    position = len(text) - len(text.lstrip())
    while True:
        leading = (match for family in rules for pattern in LEADING.get(family, ()) if (match := pattern.match(text, position)))
        match = next((match for match in leading if _may_drop(match.group(), match.re, accept)), None)
        if match is None:
            break
        found.append((position, match.end()))
        position = match.end()
    for family in rules:
        for pattern in INNER.get(family, ()):
            found.extend(match.span("drop") for match in pattern.finditer(text) if _may_drop(match.group("drop"), pattern, accept))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _may_drop(span: str, pattern: re.Pattern[str], accept: Callable[[str], bool] | None) -> bool:
    """The trust rules: never a negation or hedge, a quotation mark or, unless the family allows
    it (an age), a digit."""
    if KEEP.search(span) or QUOTES.search(span) or (pattern not in _NUMBERS_OK and DIGIT.search(span)):
        return False
    return accept is None or accept(span)


def kept(sentence: Sentence, rules: Iterable[str], accept: Callable[[str], bool] | None = None) -> tuple[tuple[int, int], ...]:
    """What is left of ``sentence``: spans as offsets into its document's text, in order, none
    empty, the first and last without outer whitespace; the whole sentence when fewer than
    :data:`MIN_KEPT` words would remain."""
    text = sentence.text
    spans: list[tuple[int, int]] = []
    position = 0
    for start, end in [*drops(text, rules, accept), (len(text), len(text))]:
        if text[position:start].strip():
            spans.append((position, start))
        position = end
    if spans:
        (first, end), (start, last) = spans[0], spans[-1]
        spans[0] = (first + len(text[first:end]) - len(text[first:end].lstrip()), end)
        spans[-1] = (spans[-1][0], last - len(text[start:last]) + len(text[start:last].rstrip()))
    if sum(count_words(text[start:end]) for start, end in spans) < MIN_KEPT:
        spans = [(0, len(text))]
    return tuple((sentence.start + start, sentence.start + end) for start, end in spans)


def compress(cluster: Cluster, rules: Iterable[str], accept: Callable[[str], bool] | None = None) -> Cluster:
    """``cluster`` with every sentence's text replaced by its kept text (offsets unchanged), for
    selection to read."""
    rules = tuple(rules)
    documents = []
    for document in cluster.documents:
        sentences = [
            replace(sentence, text="".join(document.text[start:end] for start, end in kept(sentence, rules, accept)))
            for sentence in document.sentences
        ]
        documents.append(replace(document, sentences=sentences))
    return replace(cluster, documents=documents)


def systems(cluster: Cluster, settings: dict[str, Any]) -> dict[str, tuple[float, ...]]:
    """Per variant: R1 and R2 F1, the share of the summary's words compressed away, the summary's
    sentences, and how many of the dropped and of the summary's ROUGE tokens the references have."""
    summarizer: ConceptCoverage = settings["summarizer"]
    prepared = leading_sentences(prepare(cluster))
    if not prepared.sentences:
        return {}
    references = [rouge.sentences_of(text) for text in cluster.references]
    vocabulary = {token for text in cluster.references for token in rouge.TOKENIZER.tokenize(text)}
    vectors = SentenceVectors.of(prepared)
    scores, coverage = summarizer.plan(prepared, vectors)
    summaries = {BASELINE: select(prepared, vectors, scores, WORDS, redundancy=summarizer.redundancy, coverage=coverage)}
    for name, rules in settings["rule_sets"].items():
        compressed = compress(prepared, rules, _absent(vocabulary) if name == CEILING else None)
        if "full" in settings["modes"]:
            lengths = np.fromiter((count_words(sentence.text) for sentence in compressed.sentences), np.int32)
            seen = replace(vectors, lengths=lengths)
            summaries[f"{name} · full"] = select(compressed, seen, scores, WORDS, redundancy=summarizer.redundancy, coverage=coverage)
        if "kept" in settings["modes"]:
            summaries[f"{name} · kept"] = summarizer.summarize(compressed, SentenceVectors.of(compressed), WORDS)
    full = {(sentence.document, sentence.index): sentence.text for sentence in prepared.sentences}
    results: dict[str, tuple[float, ...]] = {}
    for name, summary in summaries.items():
        texts = [sentence.text for sentence in summary.sentences]
        values = rouge.score(texts, references, WORDS, MEASURES)
        sources = [full[(sentence.citation.document, sentence.citation.sentence)] for sentence in summary.sentences]
        dropped = [_dropped(source, text) for source, text in zip(sources, texts)]
        summary_tokens = rouge.TOKENIZER.tokenize(" ".join(texts))
        results[name] = (
            values["R1_f"], values["R2_f"], 1 - sum(map(count_words, texts)) / max(sum(map(count_words, sources)), 1), len(texts),
            sum(token in vocabulary for tokens in dropped for token in tokens), sum(map(len, dropped)),
            sum(token in vocabulary for token in summary_tokens), len(summary_tokens),
        )
    return results


def _absent(vocabulary: set[str]) -> Callable[[str], bool]:
    """Whether fewer than half of a span's ROUGE tokens are in the reference."""

    def accept(span: str) -> bool:
        tokens = rouge.TOKENIZER.tokenize(span)
        return sum(token in vocabulary for token in tokens) * 2 < len(tokens)

    return accept


def _dropped(source: str, kept: str) -> list[str]:
    """The ROUGE tokens of ``source`` that compression left out (a multiset difference)."""
    left = Counter(rouge.TOKENIZER.tokenize(source)) - Counter(rouge.TOKENIZER.tokenize(kept))
    return list(left.elements())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--val", type=int, default=2000, help="first N clusters (all: 0)")
    parser.add_argument("--data", type=Path, default=VAL, help="another dataset, e.g. the raw sample")
    parser.add_argument("--modes", nargs="+", choices=("full", "kept"), default=["full", "kept"])
    parser.add_argument("--rules", nargs="+", choices=list(RULE_SETS), default=list(RULE_SETS), help="rule sets to measure")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    settings = {"summarizer": ConceptCoverage(), "modes": args.modes, "rule_sets": {name: RULE_SETS[name] for name in args.rules}}
    outcomes = paired.outcomes(systems, args.data, args.val or None, args.jobs, settings)
    values = {name: np.array([outcome[name] for outcome in outcomes]) for name in outcomes[0]}
    bootstrap = Bootstrap(len(outcomes))
    print(f"{args.data.name}: {len(outcomes)} clusters, default method ({ConceptCoverage.name}), {WORDS}-word budget "
          f"and cut, {time.perf_counter() - started:.0f} s in all\n")
    print("| rules · selection sees | R1 F1 | R2 F1 | ΔR1 (95 % CI) | ΔR2 (95 % CI) | words dropped | in the reference: dropped words | summary words | sentences |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, table in values.items():
        cells = [name, *paired.cells(table[:, :2] * 100, values[BASELINE][:, :2] * 100, bootstrap)]
        hits = f"{table[:, 4].sum() / table[:, 5].sum():.1%}" if table[:, 5].sum() else "–"
        cells += [f"{table[:, 2].mean():.1%}", hits, f"{table[:, 6].sum() / table[:, 7].sum():.1%}", f"{table[:, 3].mean():.2f}"]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
