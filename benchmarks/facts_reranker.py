"""Leave-one-set-out test of a learned re-ranker over candidate speakers, against the rules.

Each label set in turn is held out; a logistic regression is trained on the candidates of every
other set's matched quotes (each named mention within 1,500 characters before or 300 after the
quote, plus "no speaker") and picks the best-scoring candidate on the held-out set.  Features:
distance before/after, near the quote, mention count, person kind, a speech verb after/before the
mention, and (first run) whether the rules chose the candidate.  Measured 2026-11-24 on branch
speakers5: with the rules' choice as a feature it reproduces the rules exactly on six sets and is
one quote worse on one; without it, it scores 0.49-0.73 against the rules' 0.86-0.98.  So the
rules ship and no model does.

    python benchmarks/facts_reranker.py [--shared ../shared]
"""
import argparse
import sys, json, math, re
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
from collections import defaultdict
import numpy as np
from sklearn.linear_model import LogisticRegression
import facts as B
from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare
from newsfuse.facts.entities import EntityIndex
from newsfuse.facts.quoting import reports
from newsfuse.facts.speakers import VERB
from newsfuse.text import words

SETS = ["all", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5"]
WINDOW = 1500

def items_of(split, shared):
    path = B.SETS[split]
    labels = json.loads(path.read_text())["documents"]
    out = []
    for name, docs in B.load(shared, path).items():
        cl = prepare(Cluster([Document(text=t, id=k) for k, t in docs]))
        ents = EntityIndex(cl)
        preds = defaultdict(list)
        for q in reports(cl, ents):
            for c in q.citations:
                preds[c.document_id].append((c.start, c.end, q.speaker, c.document))
        for (key, raw) in docs:
            golds = [(raw[l["start"]:l["end"]], l["speaker"]) for l in labels[key]]
            used = set()
            for s, e, sp, di in preds.get(key, []):
                doc = cl.documents[di]
                best = max(((B.dice(words(doc.text[s:e]), words(g)), j) for j, (g, _) in enumerate(golds) if j not in used), default=(0, -1))
                if best[0] < 0.8:
                    continue
                used.add(best[1])
                out.append((name, doc.text, s, e, sp, golds[best[1]][1], ents.mentions[di], ents))
    return out

def candidates(text, s, e, rule, mentions, ents):
    near = {}
    counts = defaultdict(int)
    for m in mentions:
        counts[ents.canonical(m.name)] += 1
    for m in mentions:
        if m.end <= s and s - m.end < WINDOW or m.start >= e and m.start - e < 300:
            c = ents.canonical(m.name)
            d = (s - m.end) if m.end <= s else (m.start - e)
            side = "before" if m.end <= s else "after"
            f = near.setdefault(c, {"before": None, "after": None, "verb": 0, "inv": 0, "kind": ents.kind(m.name) or m.kind})
            if f[side] is None or d < f[side]:
                f[side] = d
            if VERB.match(text, m.end + 1):
                f["verb"] = 1
            if re.search(r"\b(?:said|says|told|added)\s+(?:\w+\s+){0,2}$", text[max(0, m.start - 30):m.start]):
                f["inv"] = 1
    rows = []
    for c, f in near.items():
        rows.append((c, feats(f, counts[c], B.same_speaker(c, rule), False, rule is None)))
    if rule is not None and not any(B.same_speaker(c, rule) for c in near):
        rows.append((rule, feats({"before": None, "after": None, "verb": 0, "inv": 0, "kind": ""}, 1, True, False, False)))
    rows.append((None, feats(None, 0, rule is None, True, rule is None)))
    return rows

def feats(f, count, is_rule, is_none, rule_none):
    if is_none:
        return [1, 0, float(is_rule), float(rule_none), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    b, a = f["before"], f["after"]
    return [0, 1, float(is_rule), float(rule_none),
            math.log1p(b) if b is not None else 0, float(b is None), math.log1p(a) if a is not None else 0, float(a is None),
            float(b is not None and b < 150), float(a is not None and a < 60),
            math.log1p(count), float(f["kind"] == "person"), float(f["verb"]), float(f["inv"])]

def build(split_items):
    X, y, groups = [], [], []
    for gi, (name, text, s, e, rule, gold, mentions, ents) in enumerate(split_items):
        for c, x in candidates(text, s, e, rule, mentions, ents):
            X.append(x); y.append(int(B.same_speaker(c, gold))); groups.append(gi)
    return np.array(X), np.array(y), np.array(groups)

def predict(model, split_items):
    right = 0
    for name, text, s, e, rule, gold, mentions, ents in split_items:
        rows = candidates(text, s, e, rule, mentions, ents)
        scores = model.decision_function(np.array([x for _, x in rows]))
        right += B.same_speaker(rows[int(np.argmax(scores))][0], gold)
    return right / len(split_items)

class WithoutRules:
    """The model trained without the two rule features, scoring full feature rows."""

    def __init__(self, model):
        self.model = model

    def decision_function(self, X):
        return self.model.decision_function(np.delete(X, RULE_FEATURES, axis=1))


RULE_FEATURES = [2, 3]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=B.ROOT.parent / "shared")
    shared = parser.parse_args().shared
    data = {split: items_of(split, shared) for split in SETS}
    for held in SETS:
        train = [it for sp in SETS if sp != held for it in data[sp]]
        X, y, _ = build(train)
        with_rules = LogisticRegression(C=1.0, max_iter=2000).fit(X, y)
        alone = WithoutRules(LogisticRegression(C=1.0, max_iter=2000).fit(np.delete(X, RULE_FEATURES, axis=1), y))
        rules = sum(B.same_speaker(it[4], it[5]) for it in data[held]) / len(data[held])
        cover = sum(any(B.same_speaker(c, it[5]) for c, _ in candidates(it[1], it[2], it[3], it[4], it[6], it[7])) for it in data[held]) / len(data[held])
        print(f"{held:8s} n={len(data[held]):3d} rules {rules:.3f}  rules+reranker {predict(with_rules, data[held]):.3f}  "
              f"reranker alone {predict(alone, data[held]):.3f}  gold among candidates {cover:.3f}")


if __name__ == "__main__":
    main()
