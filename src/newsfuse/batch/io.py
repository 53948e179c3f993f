"""Reading and writing batch files: JSONL (optionally gzipped) or Parquet, written atomically.

A run writes next to OUTPUT under a temporary name and renames at the end, so a rerun replaces
the old output in one step and a failed run leaves the old output (or nothing) behind, never a
partial file.  Spark writes directories of part files; :func:`read_rows` reads both shapes.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from newsfuse.batch.records import JSON_COLUMNS, dumps, parse, summary_schema
from newsfuse.readers import InputError

if TYPE_CHECKING:
    import pyarrow.dataset as ds

PARQUET_SUFFIXES = (".parquet", ".pq")
BATCH_ROWS = 1024


def is_parquet(path: str | Path) -> bool:
    """Parquet by name, or a directory of Parquet part files."""
    path = Path(path)
    if path.suffix.lower() in PARQUET_SUFFIXES:
        return True
    return path.is_dir() and any(child.suffix == ".parquet" for child in path.iterdir())


def errors_path(output: str | Path) -> str:
    """Where error rows go: ``OUTPUT`` without its suffix, plus ``.errors.jsonl``.

    Plain string work, so URLs (``hdfs://...``) keep their form.
    """
    folder, slash, name = str(output).rpartition("/")
    stem = name.removesuffix(".gz").rsplit(".", 1)[0]
    return f"{folder}{slash}{stem}.errors.jsonl"


def read_records(path: str | Path) -> Iterator[tuple[int, str | dict[str, Any]]]:
    """``(position, raw record)`` for every row or non-blank line, in file order.

    Positions count lines (blank ones included) or rows from 0, as Spark's ``zipWithIndex``
    does, and lines lose their line break as in Spark's text reader, so both engines name and
    describe a bad line the same way.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such file or directory")
    if is_parquet(path):
        pa = _arrow("")
        try:
            dataset = _dataset(path)
            position = 0
            for batch in dataset.to_batches(batch_size=BATCH_ROWS):
                for row in batch.to_pylist():
                    yield position, row
                    position += 1
        except (OSError, pa.ArrowException) as error:
            raise InputError(str(path), f"cannot read Parquet ({error})") from None
        return
    with _open_text(path) as handle:
        for position, line in enumerate(handle):
            if line.strip():
                yield position, line.rstrip("\r\n")


def read_rows(path: str | Path) -> list[dict[str, Any]]:
    """Every row of a batch output (a file or a directory of part files), in order."""
    path = Path(path)
    if is_parquet(path):
        rows = _dataset(path).to_table().to_pylist()
        for row in rows:
            row.update({name: json.loads(row[name]) for name in JSON_COLUMNS if row.get(name) is not None})
        return rows
    parts = sorted(child for child in path.iterdir() if child.name.startswith("part-")) if path.is_dir() else [path]
    rows = []
    for part in parts:
        with _open_text(part) as handle:
            rows.extend(parse(line, str(part)) for line in handle if line.strip())
    return rows


@contextlib.contextmanager
def atomic(target: str | Path) -> Iterator[Path]:
    """A temporary path next to ``target`` that replaces it when the block succeeds."""
    target = Path(target)
    temporary = target.with_name(f".tmp-{uuid.uuid4().hex[:8]}.{target.name}")  # same suffixes: .gz stays gzipped
    try:
        yield temporary
        replace(temporary, target)
    finally:
        _remove(temporary)


def replace(source: Path, target: Path) -> None:
    """Move ``source`` onto ``target``; a directory target is swapped out, then deleted."""
    if target.is_dir() or (source.is_dir() and target.exists()):
        old = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
        target.rename(old)
        source.rename(target)
        _remove(old)
    else:
        os.replace(source, target)


@contextlib.contextmanager
def sink(output: str | Path) -> Iterator[tuple[RowWriter, RowWriter]]:
    """Writers for summary rows (OUTPUT) and error rows (:func:`errors_path`), both atomic."""
    output = Path(output)
    with (
        atomic(output) as summaries_path,
        atomic(errors_path(output)) as errors_path_,
        RowWriter(summaries_path, parquet=is_parquet(output)) as summaries,
        RowWriter(errors_path_, parquet=False) as errors,
    ):
        yield summaries, errors


class RowWriter:
    """Append rows to one JSONL or Parquet file, buffering Parquet rows into row groups."""

    def __init__(self, path: Path, parquet: bool) -> None:
        self.path, self.parquet, self.count = path, parquet, 0
        self._buffer: list[dict[str, Any]] = []
        self._parquet = _arrow("parquet").ParquetWriter(path, summary_schema()) if parquet else None
        self._text: IO[str] | None = None if parquet else _open_text(path, "w")

    def write(self, row: dict[str, Any]) -> None:
        self.count += 1
        if self._text is not None:
            self._text.write(dumps(row) + "\n")
            return
        self._buffer.append({**row, **{name: dumps(row[name]) for name in JSON_COLUMNS if name in row}})
        if len(self._buffer) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._parquet is not None and self._buffer:
            self._parquet.write_table(_arrow("").Table.from_pylist(self._buffer, schema=summary_schema()))
            self._buffer = []

    def close(self) -> None:
        self._flush()
        for handle in (self._parquet, self._text):
            if handle is not None:
                handle.close()

    def __enter__(self) -> RowWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _arrow(module: str) -> Any:
    """pyarrow (or one of its modules), which Parquet needs and the ``spark`` extra brings."""
    import importlib

    try:
        return importlib.import_module(f"pyarrow.{module}" if module else "pyarrow")
    except ImportError:
        raise InputError("Parquet", "reading or writing Parquet needs pyarrow: install newsfuse[spark]") from None


def _dataset(path: Path) -> ds.Dataset:
    return _arrow("dataset").dataset(path, format="parquet")


def _open_text(path: Path, mode: str = "r") -> IO[str]:
    """UTF-8 text, gzipped when the name says so; undecodable bytes become U+FFFD as in Spark."""
    if path.name.endswith(".gz"):
        return gzip.open(path, mode + "t", encoding="utf-8", errors="replace")
    return open(path, mode, encoding="utf-8", errors="replace")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
