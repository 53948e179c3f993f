"""Quote extraction and speaker attribution on hand-labelled documents, against a baseline.

Labels (benchmarks/data/quote_labels.json) give, per raw document, quote spans as offsets
and the speaker's name.  newsfuse runs its product path (``prepare`` = clean + segment, then the
quote extraction of ``facts.extract`` before cross-outlet merging, since the labels judge each
document on its own) on each labelled cluster, so its offsets point into cleaned text: quotes
are matched on their words instead (Dice overlap of word tokens >= 0.8, one-to-one).  The
"raw" row runs the same extraction without cleaning, which separates cleaning losses from
extraction errors.  The baseline pairs quotation marks and names the nearest capitalised
name before or after the quote.

Speaker and kind (full/partial) accuracy are over matched quotes: a prediction is right when both are ``None`` or the
surnames agree (accents and case folded; a joint label "A and B" accepts either).

Clusters are split by a hash of their id into a dev half (12 clusters, 98 quotes) and a test
half (12 clusters, 114 quotes).  The rules were written on the dev half and on unlabelled
clusters; the test half was held out until commit 93e7c81, where it scored precision 0.991,
recall 0.956, speaker accuracy 0.752 (dev: 1.000 / 0.959 / 0.936).  Its errors were examined
after that, so test numbers since are NOT held-out.  ``--split heldout`` (the default) scores
benchmarks/data/quote_labels_heldout.json instead: 5 more clusters (75 quotes), labelled after
the rules were frozen from clusters the rules had never been run on.  Scored once at commit
da91580: precision 0.959, recall 0.947, speaker accuracy 0.704 (baseline 0.217).  Its errors
were then examined too (commit 39da1d0 fixes the general patterns they showed), so no
held-out number remains after da91580 either.

``--split fresh`` scores benchmarks/data/quote_labels_test.json: 8 more clusters (35 documents,
133 quotes) labelled by hand and committed (b824d94) before any of the rules after 39da1d0 were
written; those rules were developed on quote_labels.json and quote_labels_heldout.json only.  The
fresh set was scored once, at commit 5f19d64: precision 0.977, recall 0.977, speaker accuracy
0.831 (baseline 0.304; main before that work 0.742).  Its errors were then examined (commits
97fe80e and b12ec88 fix the general patterns they showed), so fresh numbers since are NOT
held out either.

``--split fresh2`` scores benchmarks/data/quote_labels_fresh2.json: 8 further clusters (21
documents, 145 quotes) in none of the other files, chosen by quotation-mark counts only and
labelled by hand (committed 4a30f02) without running newsfuse on them.  It was scored once, with
src/ frozen at main 1c7cb4f, at commit 6130d09: precision 0.946, recall 0.959, speaker accuracy
0.856 (119/139; raw text 0.849; baseline 0.368), short of the 0.90 target.  Its errors were then
examined (branch speakers, commits 5effa3d..da7aab8 fix the general patterns they showed), so
fresh2 numbers since are NOT held out either: all four sets are development data now.
``--split fresh3`` scores benchmarks/data/quote_labels_fresh3.json: 8 further clusters (25
documents, 174 quotes) chosen by the same quotation-mark rule and labelled (3cf727d) while the
speakers branch was being written, by an annotator who never ran newsfuse on them.  Scored once
by the lead at 791d8fb: precision 0.959, recall 0.948, speaker accuracy 0.715 (raw text 0.711;
baseline 0.335).  Misses: names given in a shorter or misspelt form than the label's longest
form, documents and institutions as speakers, several officials quoted in one passage, poems.
Its errors were then examined (branch speakers3 fixes the general patterns they showed: 0.812),
so all five sets are development data now; held-out numbers come from sets labelled after that.
``--split fresh4`` scores benchmarks/data/quote_labels_fresh4.json: the 7 remaining clusters that
meet the same quotation-mark rule (17 documents, 133 quotes), labelled (0be2fd5, 450c02d) while
speakers3 was being written, by an annotator who never ran newsfuse on them.  Scored once by the
lead at 4c7da96: precision 0.956, recall 0.970, speaker accuracy 0.822 (raw text 0.846; baseline
0.320).  Misses: a quote given to the person named in the sentence before rather than the
paragraph's speaker (a judge's sentencing remarks, a pollster quoted after a candidate), name
misspellings, and unattributed lines given to a nearby name.
Since then fresh4 is development data too (speakers4 fixed the patterns it showed).
``--split fresh5`` scores benchmarks/data/quote_labels_fresh5.json: all 10 remaining clusters with
8–14 quotation-mark pairs (25 documents, 87 quotes, 22 of them with no determinable speaker),
labelled (3f45587) while speakers4 was being written, by an annotator who never ran newsfuse on
them.  Scored once by the lead at ce69139: precision 1.000, recall 0.954, speaker accuracy 0.771
(raw text 0.771; baseline 0.325).  Misses: lines labelled as having no determinable speaker
(an obituary, an advert) given to a nearby name, documents and posts (a campaign's post, a
court's finding) and state media outlets as speakers, an expert's remarks given to the leader
the article is about.  Since then fresh5 is development data too (branch speakers5 fixed the
general patterns it showed, each with a test on invented sentences), so no label set here gives a
held-out number any more.  ``--split fresh6`` scores benchmarks/data/quote_labels_fresh6.json: the
first 4 remaining clusters (sorted ids) with 31 or more quotation-mark pairs (14 documents, 172
quotes), labelled (6b3bc70) while speakers5 was being written, by an annotator who never ran
newsfuse on them.  Scored once by the lead at 2d9d1fc (src/ = main after speakers5): precision
0.976, recall 0.965, speaker accuracy 0.855 (142/166; raw text 0.873; baseline 0.259).  Misses:
a politician's insults re-quoted in a feud article given to the other side, a candidate's
endorser (Palin) given the candidate's quotes, a speech's lines given to someone else named
nearby, a 'Name of State' form kept whole, video-player headlines taken as quotes.
Since then fresh6 is development data too (branch speakers6 fixed the general patterns it showed,
each with a test on invented sentences: 0.946, the other sets unchanged or better).
``--split fresh7`` scores benchmarks/data/quote_labels_fresh7.json: the next 4 clusters by the same
rule (15 documents, 169 quotes), labelled (e4598b4) while speakers6 was being written, by an
annotator who never ran newsfuse on them.  Scored once by the lead at 2e517a6 (src/ = main after
speakers6): precision 0.964, recall 0.947, speaker accuracy 0.838 (134/160; raw text 0.838;
baseline 0.292).  17 of the 26 speaker misses are in one cluster (a French health agency, an
advocacy registry and parents quoted in turn, 'the organisation', 'the body'); the others: a
bill's text given to the president rather than its sponsor, a senator's praise given to the
senator named in the sentence before, a colleague's remarks given to the person he spoke about.
Since then fresh7 is development data too (branch speakers7 fixed the general patterns it showed,
each with a test on invented sentences: precision 1.000, recall 0.970, speaker accuracy 0.963;
fresh 0.954, fresh3 0.885 and fresh6 0.958 rose with it, the other sets unchanged).
``--split fresh8`` and ``--split fresh9`` score benchmarks/data/quote_labels_fresh8.json and
quote_labels_fresh9.json: the last 8 clusters by the same rule (train-8180, 148 pairs, skipped as
too large; 26 documents, 140 + 146 quotes), labelled (afbaecd, 6739e1b) while speakers6 and
speakers7 were being written, by annotators who never ran newsfuse on them.  Both were scored
once by the lead at 8d4f758 (src/ = main after speakers7): fresh8 precision 0.985, recall 0.964,
speaker accuracy 0.748 (101/135; raw text 0.743; baseline 0.239); fresh9 precision 0.986,
recall 0.952, speaker accuracy 0.813 (113/139; raw text 0.813; baseline 0.350).  Misses: quotes
left without a speaker although the document names one (an institution's briefers, a
transcript's speakers, a company's statement), a signed letter given to someone it mentions, a
family statement given to the person who died, places and page furniture as speakers.  No
raw-sample cluster with 8 or more quotation-mark pairs is left unlabelled but train-8180.
Since then fresh8 and fresh9 are development data too (branch speakers10 fixed the general patterns
they showed, each with a test on invented sentences).  Leaving fresh9 out while fresh8 was worked
on, fresh9 stayed at 0.813 (113/139): none of the fresh8-driven rules fired on it.
``--split fresh10`` scores benchmarks/data/quote_labels_fresh10.json: the last 7 raw-sample
clusters (train-8180 and six with 0-7 quotation-mark pairs; 21 documents, 121 quotes), labelled
(69cd9c1) by an annotator who never ran newsfuse, while speakers10 was being written.  Scored once
by the lead at 844ebfd (src/ = main after speakers10): precision 0.825, recall 0.975, speaker
accuracy 0.542 (64/118; raw text 0.542; baseline 0.336).  One page decides it: a newsletter digest
(train-8180/8) of headlines, excerpts with bylines after them and capitalised crossheads
('MEDIAWATCH --') scores 1/39, its crossheads and an outlet taken as speakers and its quoted
headlines as quotes (17 of the 21 false quotes); the other 20 documents score 63/79 (0.797).
With it every raw-sample cluster is labelled: there is no unseen cased news left in ../shared.
Since then fresh10 is development data too: branch speakers11 fixed the general patterns it showed
(digest crossheads, bylines and credited titles, headlines listed or introduced as headlines, a
region after a place, an owned body or an outlet's reporter, a block speech, an interviewer named in
apposition, a campaign's statement, a wire dateline), each with a test on invented sentences:
precision 0.976, recall 0.992, speaker accuracy 0.900 (108/120); all other sets unchanged but
quote_labels.json 0.961 -> 0.966 and fresh4 precision 0.977 -> 0.985.
``benchmarks/facts_reranker.py`` checks, leaving one set out at a time,
whether a learned re-ranker over candidate speakers generalises better than the rules (it does not).
``--split every`` (the default) prints the label sets side by side, each with the baseline, then the time
``facts.extract`` takes per prepared cluster of the raw sample (92 clusters).

    python benchmarks/facts.py [--shared ../shared] [--split every|fresh10|fresh9|fresh8|fresh7|fresh6|fresh5|fresh4|fresh3|fresh2|fresh|heldout|dev|test|all] [--show]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from newsfuse.facts import extract
from newsfuse.facts.entities import EntityIndex, fold
from newsfuse.facts.quoting import reports
from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare
from newsfuse.segment import segment
from newsfuse.text import words

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "benchmarks/data/quote_labels.json"
HELDOUT = ROOT / "benchmarks/data/quote_labels_heldout.json"
FRESH = ROOT / "benchmarks/data/quote_labels_test.json"
FRESH2 = ROOT / "benchmarks/data/quote_labels_fresh2.json"
FRESH3 = ROOT / "benchmarks/data/quote_labels_fresh3.json"
FRESH4 = ROOT / "benchmarks/data/quote_labels_fresh4.json"
FRESH5 = ROOT / "benchmarks/data/quote_labels_fresh5.json"
FRESH6 = ROOT / "benchmarks/data/quote_labels_fresh6.json"
FRESH7 = ROOT / "benchmarks/data/quote_labels_fresh7.json"
FRESH8 = ROOT / "benchmarks/data/quote_labels_fresh8.json"
FRESH9 = ROOT / "benchmarks/data/quote_labels_fresh9.json"
FRESH10 = ROOT / "benchmarks/data/quote_labels_fresh10.json"
SETS = {
    "all": LABELS, "dev": LABELS, "test": LABELS, "heldout": HELDOUT,
    "fresh": FRESH, "fresh2": FRESH2, "fresh3": FRESH3, "fresh4": FRESH4, "fresh5": FRESH5,
    "fresh6": FRESH6, "fresh7": FRESH7, "fresh8": FRESH8, "fresh9": FRESH9,
    "fresh10": FRESH10,
}
#: the two halves of quote_labels.json, which "every" reports whole as "all"
HALVES = ("dev", "test")
MATCH = 0.8

Prediction = tuple[str, str | None, str]  # quoted text, speaker, kind (full/partial)


def load(shared: Path, path: Path = LABELS) -> dict[str, list[tuple[str, str]]]:
    """Labelled clusters: cluster name -> [(document key, raw text)]."""
    labels = json.loads(path.read_text(encoding="utf-8"))["documents"]
    raw: dict[str, list[str]] = {}
    with open(shared / "data/multinews-raw/sample.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            raw[record["id"]] = record["documents"]
    clusters: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in labels:
        kind, _, rest = key.partition("/")
        if kind == "seeds":
            clusters["seeds"].append((key, (shared / "seeds" / rest).read_bytes().decode("utf-8")))
        else:
            cluster, _, index = rest.rpartition("/")
            clusters[cluster].append((key, raw[cluster][int(index)]))
    return clusters


def split_of(cluster: str) -> str:
    return "dev" if int(hashlib.sha1(cluster.encode()).hexdigest(), 16) % 2 == 0 else "test"


def newsfuse_predictions(documents: list[tuple[str, str]], clean: bool) -> dict[str, list[Prediction]]:
    raw = Cluster([Document(text=text, id=key) for key, text in documents])
    cluster = prepare(raw) if clean else Cluster([segment(document, index) for index, document in enumerate(raw.documents)])
    found: dict[str, list[Prediction]] = defaultdict(list)
    for quote in reports(cluster, EntityIndex(cluster)):
        for citation in quote.citations:
            text = cluster.documents[citation.document].text[citation.start : citation.end]
            found[citation.document_id].append((text, quote.speaker, quote.kind))
    return found


PAIRS = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"")
NAME = re.compile(r"(?:[A-Z][\w’'-]+\s){0,2}[A-Z][\w’'-]+")


def baseline_predictions(documents: list[tuple[str, str]]) -> dict[str, list[Prediction]]:
    """Paired marks; the speaker is the capitalised name nearest to either mark."""
    found: dict[str, list[Prediction]] = {}
    for key, text in documents:
        items = []
        for match in PAIRS.finditer(text):
            quoted = (match.group(1) or match.group(2)).strip()
            before = [(match.start() - name.end(), name.group()) for name in NAME.finditer(text, max(0, match.start() - 150), match.start())]
            after = [(name.start() - match.end(), name.group()) for name in NAME.finditer(text, match.end(), match.end() + 150)]
            nearest = min(before + after, default=None)
            items.append((quoted, nearest[1] if nearest else None, "full" if quoted[:1].isupper() else "partial"))
        found[key] = items
    return found


def dice(left: list[str], right: list[str]) -> float:
    if not left or not right:
        return 0.0
    common = sum((Counter(left) & Counter(right)).values())
    return 2 * common / (len(left) + len(right))


def surnames(name: str | None) -> set[str]:
    if not name:
        return set()
    return {fold(part).replace("-", " ").split()[-1] for part in re.split(r"\s+and\s+", name) if part.strip()}


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return bool(surnames(predicted) & surnames(gold)) or fold(predicted) in fold(gold)


def score(predictions: dict[str, list[Prediction]], gold: dict[str, list[Prediction]], show: bool = False) -> Counter[str]:
    counts: Counter[str] = Counter()
    for key, expected in gold.items():
        predicted = predictions.get(key, [])
        counts["predicted"] += len(predicted)
        counts["gold"] += len(expected)
        pairs = sorted(
            ((dice(words(p[0]), words(g[0])), i, j) for i, p in enumerate(predicted) for j, g in enumerate(expected)),
            reverse=True,
        )
        used_p, used_g = set(), set()
        for overlap, i, j in pairs:
            if overlap < MATCH or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            counts["matched"] += 1
            right = same_speaker(predicted[i][1], expected[j][1])
            counts["speaker"] += right
            counts["kind"] += predicted[i][2] == expected[j][2]
            if show and not right:
                print(f"  SPEAKER {key}: {predicted[i][1]!r} != {expected[j][1]!r} | {expected[j][0][:70]!r}")
        if show:
            for i, item in enumerate(predicted):
                if i not in used_p:
                    print(f"  FALSE   {key}: {item[1]!r} | {item[0][:70]!r}")
            for j, item in enumerate(expected):
                if j not in used_g:
                    print(f"  MISSED  {key}: {item[1]!r} | {item[0][:70]!r}")
    return counts


def row(name: str, counts: Counter[str], seconds: float) -> str:
    precision = counts["matched"] / max(counts["predicted"], 1)
    recall = counts["matched"] / max(counts["gold"], 1)
    accuracy = counts["speaker"] / max(counts["matched"], 1)
    kind = counts["kind"] / max(counts["matched"], 1)
    return f"| {name:<23} | {precision:9.3f} | {recall:6.3f} | {accuracy:9.3f} | {kind:6.3f} | {counts['matched']:4d}/{counts['gold']:<4d} | {seconds:7.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--split", choices=["every", *SETS], default="every")
    parser.add_argument("--show", action="store_true", help="print every error of the raw-text run")
    args = parser.parse_args()
    for split in [name for name in SETS if name not in HALVES] if args.split == "every" else (args.split,):
        evaluate(args.shared, split, args.show)
    if args.split == "every":
        speed(args.shared)


def speed(shared: Path) -> None:
    """Milliseconds ``facts.extract`` takes per prepared cluster of the raw sample (best of 3)."""
    clusters = []
    with open(shared / "data/multinews-raw/sample.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            clusters.append(prepare(Cluster([Document(text=text, id=str(index)) for index, text in enumerate(record["documents"])])))
    best = min(_timed(lambda: [extract(cluster) for cluster in clusters]) for _ in range(3))
    print(f"facts.extract on the raw sample: {1000 * best / len(clusters):.1f} ms/cluster ({len(clusters)} prepared clusters, best of 3)")


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def evaluate(shared: Path, split: str, show: bool) -> None:
    path = SETS[split]
    labels = json.loads(path.read_text(encoding="utf-8"))["documents"]
    clusters = {name: docs for name, docs in load(shared, path).items() if split not in HALVES or split == split_of(name)}
    systems = {
        "newsfuse (prepared)": lambda documents: newsfuse_predictions(documents, clean=True),
        "newsfuse (raw text)": lambda documents: newsfuse_predictions(documents, clean=False),
        "baseline (nearest name)": baseline_predictions,
    }
    documents = sum(len(docs) for docs in clusters.values())
    print(f"\nsplit {split} ({path.name}): {len(clusters)} clusters, {documents} documents")
    print("| system                  | precision | recall | speaker ✓ | kind ✓ | matched   | seconds |")
    print("|-------------------------|-----------|--------|-----------|--------|-----------|---------|")
    results = {}
    for name, system in systems.items():
        totals: Counter[str] = Counter()
        started = time.perf_counter()
        outputs = {cluster: system(docs) for cluster, docs in clusters.items()}
        seconds = time.perf_counter() - started
        for cluster, docs in clusters.items():
            gold = {key: [(text[label["start"] : label["end"]], label["speaker"], label["kind"]) for label in labels[key]] for key, text in docs}
            if show and name.startswith("newsfuse (raw"):
                print(f"== {cluster}")
            totals += score(outputs[cluster], gold, show=show and name.startswith("newsfuse (raw"))
        results[name] = totals
        print(row(name, totals, seconds))
    base, ours = results["baseline (nearest name)"], results["newsfuse (prepared)"]
    ratio = (ours["speaker"] / max(ours["matched"], 1)) / max(base["speaker"] / max(base["matched"], 1), 1e-9)
    print(f"speaker accuracy, newsfuse (prepared) / baseline: {ratio:.2f}x")


if __name__ == "__main__":
    main()
