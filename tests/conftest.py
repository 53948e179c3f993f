"""Shared fixtures: where ../shared is, and skips for tests that need it."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSFUSE_SHARED", ROOT.parent / "shared"))
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
MULTINEWS_VAL = SHARED / "data" / "multinews" / "val.jsonl.gz"
RAW_SAMPLE = SHARED / "data" / "multinews-raw" / "sample.jsonl"

needs_seeds = pytest.mark.skipif(not SEEDS, reason="../shared/seeds is absent")
needs_val = pytest.mark.skipif(not MULTINEWS_VAL.exists(), reason="../shared Multi-News val is absent")
needs_raw = pytest.mark.skipif(not RAW_SAMPLE.exists(), reason="../shared raw Multi-News sample is absent")


def script(path: str) -> ModuleType:
    """A script of the repository that is not in the package (a benchmark, a labelling tool),
    imported by its path relative to the root with its directory on the import path, as when
    it runs, so that it can import its siblings."""
    directory = str((ROOT / path).parent)
    if directory not in sys.path:
        sys.path.insert(0, directory)
    spec = importlib.util.spec_from_file_location(Path(path).stem, ROOT / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
