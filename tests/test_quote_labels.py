"""The hand-made quote labels stay well-formed: every span in range, trimmed, non-overlapping.

The facts benchmark scores against these files, so a label broken by an edit would silently
change its numbers; the checker is the annotators' own tool (benchmarks/tools).
"""

import json
from pathlib import Path

import pytest

from conftest import needs_raw, needs_seeds, script

LABELS = sorted((Path(__file__).parent.parent / "benchmarks/data").glob("quote_labels*.json"))


def checker():
    return script("benchmarks/tools/check_quote_labels.py")


@needs_raw
@needs_seeds
@pytest.mark.parametrize("path", LABELS, ids=lambda path: path.stem)
def test_label_file_passes_the_annotators_check(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert checker().check_labels(data, quiet=True) == []
