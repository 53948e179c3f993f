#!/usr/bin/env python3
"""Show documents and verify the quote-extraction labels.

The labels (``benchmarks/data/quote_labels.json``) hold character offsets and
speaker names only; the article text is read from the shared data directory,
which is ``../shared`` relative to the repository root, or ``$NEWSFUSE_SHARED``.

Document keys:
  ``seeds/<file>.txt``                  -> <shared>/seeds/<file>.txt, decoded UTF-8, exact bytes
  ``multinews-raw/<cluster id>/<i>``    -> documents[i] of that cluster in
                                           <shared>/data/multinews-raw/sample.jsonl

Usage:
  check_quote_labels.py check [--labels PATH] [--quiet] [--unlabelled]
                                                        verify labels, print every span
  check_quote_labels.py show KEY [--start N] [--end M]    print a document with offsets
  check_quote_labels.py marks KEY                         list quotation-mark pairs (candidates)
  check_quote_labels.py clusters                          list raw clusters with sizes

``check`` exits with status 1 when a label is malformed, out of range,
starts or ends with whitespace or a quotation mark, or overlaps another label.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_LABELS = REPO_ROOT / "benchmarks" / "data" / "quote_labels.json"

# Characters that may never be the first/last character of a span.
QUOTE_CHARS = "\"\u201c\u201d\u2018\u2019'\u00ab\u00bb\u201e\u201f\u2039\u203a`"
# A leading apostrophe is allowed when it is an elision, not a quotation mark ('Cause, 'em, 'til, '90s).
ELISION_START = re.compile(r"'(?:[Cc]ause|em|til|tis|twas|n'|\d\d)\b")
KINDS = {"full", "partial"}


def shared_dir() -> Path:
    env = os.environ.get("NEWSFUSE_SHARED")
    if env:
        return Path(env)
    return (REPO_ROOT / ".." / "shared").resolve()


@lru_cache(maxsize=1)
def _raw_clusters() -> dict[str, list[str]]:
    path = shared_dir() / "data" / "multinews-raw" / "sample.jsonl"
    out: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                out[row["id"]] = row["documents"]
    return out


def load_document(key: str) -> str:
    kind, _, rest = key.partition("/")
    if kind == "seeds":
        return (shared_dir() / "seeds" / rest).read_bytes().decode("utf-8")
    if kind == "multinews-raw":
        cid, _, idx = rest.rpartition("/")
        return _raw_clusters()[cid][int(idx)]
    raise KeyError(f"unknown document key {key!r}")


# ---------------------------------------------------------------- candidates
_PAIR_PATTERNS = [
    ("curly", re.compile(r"\u201c([^\u201c\u201d]*)\u201d")),
    ("curly-single", re.compile(r"(?<![A-Za-z0-9])\u2018([^\u2018\u2019]*?)\u2019(?![A-Za-z])")),
    ("single", re.compile(r"(?<![A-Za-z0-9])'([^'\n]+?)'(?![A-Za-z])")),
]


def quote_candidates(text: str) -> list[tuple[int, int, str]]:
    """Inner spans between quotation marks: (start, end, how).

    Straight double quotes are paired by alternation within each paragraph;
    an odd one out (e.g. a quote continued in the next paragraph) is reported
    with how='unpaired'.
    """
    out: list[tuple[int, int, str]] = []
    pos = 0
    for para in text.split("\n"):
        idx = [pos + m.start() for m in re.finditer('"', para)]
        for a, b in zip(idx[0::2], idx[1::2]):
            out.append((a + 1, b, "straight"))
        if len(idx) % 2:
            out.append((idx[-1] + 1, pos + len(para), "unpaired"))
        pos += len(para) + 1
    for how, pat in _PAIR_PATTERNS:
        for m in pat.finditer(text):
            out.append((m.start(1), m.end(1), how))
    for m in re.finditer("[\u201c\u201d]", text):  # stray curly marks
        if not any(s - 1 == m.start() or e == m.start() for s, e, _ in out):
            out.append((m.start() + 1, m.start() + 1, "stray-" + m.group()))
    return sorted(out)


# ------------------------------------------------------------------ commands
def cmd_show(args: argparse.Namespace) -> int:
    text = load_document(args.key)
    start, end = args.start or 0, args.end if args.end is not None else len(text)
    pos = 0
    for line in text.split("\n"):
        if pos + len(line) >= start and pos <= end and line.strip():
            print(f"{pos:>6} {line}")
        pos += len(line) + 1
    print(f"[{len(text)} chars]")
    return 0


def cmd_marks(args: argparse.Namespace) -> int:
    text = load_document(args.key)
    for s, e, how in quote_candidates(text):
        left = text[max(0, s - 1 - args.context):s - 1].replace("\n", "⏎")
        right = text[e + 1:e + 1 + args.context].replace("\n", "⏎")
        print(f"{s:>6} {e:>6} {how:<9} …{left}[[{text[s:e]}]]{right}…")
    return 0


def cmd_clusters(args: argparse.Namespace) -> int:
    for cid, docs in _raw_clusters().items():
        print(cid, len(docs), [len(d) for d in docs])
    return 0


def check_labels(data: dict, quiet: bool = False) -> list[str]:
    errors: list[str] = []
    docs = data.get("documents")
    if not isinstance(data.get("about"), str) or not isinstance(docs, dict):
        return ["top level must be {'about': str, 'documents': {key: [labels]}}"]
    # every document of a chosen cluster must be present
    clusters: dict[str, set[int]] = {}
    for key in docs:
        if key.startswith("multinews-raw/"):
            cid, _, idx = key[len("multinews-raw/"):].rpartition("/")
            clusters.setdefault(cid, set()).add(int(idx))
    for cid, have in clusters.items():
        n = len(_raw_clusters()[cid])
        if have != set(range(n)):
            errors.append(f"cluster {cid}: documents {sorted(set(range(n)) - have)} missing")
    for key, labels in docs.items():
        try:
            text = load_document(key)
        except (KeyError, IndexError, OSError) as exc:
            errors.append(f"{key}: cannot load ({exc})")
            continue
        if not quiet:
            print(f"=== {key} ({len(text)} chars, {len(labels)} quotes)")
        prev_end, prev = -1, None
        for lab in sorted(labels, key=lambda x: (x.get("start", -1), x.get("end", -1))):
            s, e = lab.get("start"), lab.get("end")
            where = f"{key} [{s}:{e}]"
            if set(lab) != {"start", "end", "speaker", "kind"}:
                errors.append(f"{where}: keys must be start, end, speaker, kind")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                errors.append(f"{where}: bad offsets")
                continue
            span = text[s:e]
            if lab.get("kind") not in KINDS:
                errors.append(f"{where}: kind must be one of {sorted(KINDS)}")
            sp = lab.get("speaker")
            if sp is not None and (not isinstance(sp, str) or not sp.strip() or sp != sp.strip()):
                errors.append(f"{where}: speaker must be null or a trimmed non-empty string")
            if span[0].isspace() or span[-1].isspace():
                errors.append(f"{where}: span starts/ends with whitespace")
            if span[0] in QUOTE_CHARS and not ELISION_START.match(span):
                errors.append(f"{where}: span starts with a quotation mark {span[0]!r}")
            # a span may end with the closing mark of a quote nested inside it ("… song, 'The Cure.'")
            nested_close = span[-1] in "'\u2019" and re.search(r"(^|\s)['\u2018]\w", span[:-1])
            if span[-1] in QUOTE_CHARS and not nested_close:
                errors.append(f"{where}: span ends with a quotation mark {span[-1]!r}")
            # the quotation marks may be separated from the words by stray spaces (`were, " said`)
            lead = len(text[:s]) - len(text[:s].rstrip(" \t"))
            trail = len(text[e:]) - len(text[e:].lstrip(" \t"))
            before = text[s - 1 - lead] if s - lead > 0 else ""
            after = text[e + trail] if e + trail < len(text) else ""
            # A quote may stay open at the end of its paragraph when it continues in the next one.
            open_end = re.match(r"[ \t]*(\n|$)", text[e:]) is not None
            if before not in QUOTE_CHARS or (after not in QUOTE_CHARS and not open_end):
                errors.append(f"{where}: span is not directly enclosed by quotation marks "
                              f"({before!r}…{after!r})")
            if s < prev_end:
                errors.append(f"{where}: overlaps {prev}")
            prev_end, prev = max(prev_end, e), f"[{s}:{e}]"
            if not quiet:
                print(f"  [{s}:{e}] {lab.get('kind'):<7} {sp!s:<28} | {span}")
    return errors


def print_unlabelled(data: dict) -> None:
    """Quotation-mark pairs in labelled documents that no label covers (titles, nicknames, ... or misses)."""
    for key, labels in data["documents"].items():
        text = load_document(key)
        for s, e, how in quote_candidates(text):
            if e > s and not any(lab["start"] < e and s < lab["end"] for lab in labels):
                print(f"UNLABELLED {key} [{s}:{e}] {how:<9} {text[s:e][:100]!r}")


def cmd_check(args: argparse.Namespace) -> int:
    with open(args.labels, encoding="utf-8") as fh:
        data = json.load(fh)
    errors = check_labels(data, quiet=args.quiet)
    if args.unlabelled:
        print_unlabelled(data)
    docs = data["documents"]
    labels = [lab for labs in docs.values() for lab in labs]
    n_full = sum(lab.get("kind") == "full" for lab in labels)
    n_spk = sum(lab.get("speaker") is not None for lab in labels)
    clusters = {k.split("/")[1] for k in docs if k.startswith("multinews-raw/")}
    print(f"\n{len(docs)} documents ({len(clusters)} raw clusters, "
          f"{sum(1 for k in docs if k.startswith('seeds/'))} seeds), "
          f"{sum(1 for v in docs.values() if not v)} with no quotes; "
          f"{len(labels)} quotes: {n_full} full / {len(labels) - n_full} partial, "
          f"{n_spk} with speaker / {len(labels) - n_spk} without")
    for err in errors:
        print("ERROR", err, file=sys.stderr)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("check")
    p.add_argument("--labels", default=str(DEFAULT_LABELS))
    p.add_argument("--quiet", action="store_true", help="only print the summary and errors")
    p.add_argument("--unlabelled", action="store_true",
                   help="also list quotation-mark pairs that no label covers (for review)")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("show")
    p.add_argument("key")
    p.add_argument("--start", type=int)
    p.add_argument("--end", type=int)
    p.set_defaults(func=cmd_show)
    p = sub.add_parser("marks")
    p.add_argument("key")
    p.add_argument("--context", type=int, default=60, help="characters of context either side")
    p.set_defaults(func=cmd_marks)
    p = sub.add_parser("clusters")
    p.set_defaults(func=cmd_clusters)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
