"""Shared fixtures: where ../shared is, and skips for tests that need it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSFUSE_SHARED", ROOT.parent / "shared"))
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
MULTINEWS_VAL = SHARED / "data" / "multinews" / "val.jsonl.gz"
RAW_SAMPLE = SHARED / "data" / "multinews-raw" / "sample.jsonl"

needs_seeds = pytest.mark.skipif(not SEEDS, reason="../shared/seeds is absent")
needs_val = pytest.mark.skipif(not MULTINEWS_VAL.exists(), reason="../shared Multi-News val is absent")
needs_raw = pytest.mark.skipif(not RAW_SAMPLE.exists(), reason="../shared raw Multi-News sample is absent")
