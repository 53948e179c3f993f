"""Evaluation sets in, clusters with reference summaries out.

* JSONL clusters (``{id, documents, summary}`` or ``summaries: [..]``) and raw Multi-News source
  files go through :mod:`newsfuse.readers`; a raw ``X.src`` file takes its references from the
  ``X.tgt`` file beside it, line by line, as Multi-News ships them.
* DUC/TAC directories: document sets are directories of SGML files (``d30001t/``, TAC's
  ``D0801A-A/``), model summaries are files named ``D30001.M.100.T.A`` (set, ``M``, length,
  selector, annotator) anywhere under the root.  Sets and models are matched on the set id with
  the one-letter selector after the digits dropped, so ``d30001t`` pairs with ``D30001`` and
  ``D0801A-A`` with ``D0801-A``.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from newsfuse.model import Cluster
from newsfuse.readers import InputError, lines, read, read_cluster
from newsfuse.readers.decode import decode
from newsfuse.readers.multinews import cluster_from_line

MODEL = re.compile(r"^(D\d+[A-Z]?(?:-[A-Z])?)\.M\.\d+\.[A-Z]\.[A-Z0-9]+$", re.IGNORECASE)
TARGETS = ".tgt"


def load(path: str | Path, limit: int | None = None) -> Iterator[Cluster | InputError]:
    """The clusters of an evaluation set, in order; unreadable parts arrive as :class:`InputError`."""
    path = Path(path)
    if path.is_dir():
        items = read_duc(path)
    elif path.name.removesuffix(".gz").endswith(".src") and _targets(path).exists():
        items = _with_targets(path)
    else:
        items = read(path)
    return islice(items, limit)


def size(path: str | Path) -> int | None:
    """How many clusters a one-cluster-per-line file holds (for a progress bar); ``None`` otherwise."""
    path = Path(path)
    if not path.is_file():
        return None
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except (OSError, EOFError):
        return None


def set_key(name: str) -> str:
    """The id a document set and its model summaries share (see the module docstring)."""
    lowered = re.sub(r"^(d\d+)[a-z]?", r"\1", name.lower())
    return re.sub(r"[^a-z0-9]", "", lowered)


def read_duc(root: Path) -> Iterator[Cluster | InputError]:
    """Document sets paired with their model summaries; a set without models is an error."""
    models: dict[str, list[Path]] = {}
    for file in sorted(root.rglob("*")):
        match = MODEL.match(file.name)
        if match and file.is_file():
            models.setdefault(set_key(match[1]), []).append(file)
    if not models:
        yield InputError(str(root), "no model summaries named like D30001.M.100.T.A found (a DUC/TAC directory?)")
        return
    folders = sorted(
        folder for folder in root.rglob("*")
        if folder.is_dir() and set_key(folder.name) in models and any(child.is_file() for child in folder.iterdir())
    )
    if not folders:
        yield InputError(str(root), "model summaries found, but no document set directories match them")
        return
    for folder in folders:
        files = models[set_key(folder.name)]
        try:
            cluster = read_cluster([str(folder)])
        except InputError as error:
            yield error
            continue
        cluster.id = files[0].name.split(".", 1)[0]
        cluster.references = [decode(file.read_bytes(), str(file)).strip() for file in files]
        yield cluster


def _targets(path: Path) -> Path:
    return path.with_name(path.name.replace(".src", TARGETS))


def _with_targets(path: Path) -> Iterator[Cluster]:
    """Raw Multi-News: line N of ``X.src`` holds the documents, line N of ``X.tgt`` the summary."""
    sources, targets = lines(path), lines(_targets(path))
    for number, (source, target) in enumerate(zip(sources, targets), 1):
        if source.strip():
            cluster = cluster_from_line(source, f"{path}:{number}")
            cluster.references = [target.removeprefix("– ").strip()] if target.strip() else []
            yield cluster
