"""Readers: files, directories and streams in, :class:`Cluster` objects out.

The format is detected from the name and the first bytes; ``format`` forces it.  Collections
(JSONL, raw Multi-News) hold many clusters and are streamed; every other input holds the
documents of one cluster, and several such inputs are merged into one cluster.
"""

from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsfuse.model import Cluster, Document
from newsfuse.readers.decode import MAX_BYTES, decode
from newsfuse.readers.errors import InputError
from newsfuse.readers.html import looks_like_html, read_html
from newsfuse.readers.jsonl import iter_articles, iter_jsonl
from newsfuse.readers.multinews import iter_multinews, looks_like_multinews
from newsfuse.readers.plain import read_text
from newsfuse.readers.sgml import looks_like_sgml, read_sgml

__all__ = ["FORMATS", "InputError", "articles", "detect", "documents_from_text", "is_collection", "read", "read_cluster"]

FORMATS = ("auto", "text", "html", "jsonl", "multinews", "sgml")
COLLECTIONS = ("jsonl", "multinews")
STDIN = "-"


def read(name: str | Path, format: str = "auto") -> Iterator[Cluster | InputError]:
    """Every cluster in one input, in order; unreadable parts arrive as :class:`InputError`."""
    name = str(name)
    try:
        kind = detect(name, format)
        if kind in COLLECTIONS:
            stream = lines(name)
            yield from (iter_jsonl(stream, name) if kind == "jsonl" else iter_multinews(stream, name))
        elif kind == "directory":
            yield Cluster(documents=_directory(Path(name), format), id=Path(name).name)
        else:
            documents = documents_from_text(_text(name), name, kind)
            for document in documents:
                if document.id == name:
                    document.id = Path(name).name
            yield Cluster(documents=documents, id=Path(name).stem)
    except InputError as error:
        yield error


def articles(name: str | Path, format: str = "auto") -> Iterator[Document | InputError]:
    """Every article in one input, one by one in input order: how streams are ingested.

    Unlike :func:`read`, article lines of a JSONL file are not grouped into clusters, so a feed
    of any length is read in constant memory.
    """
    name = str(name)
    try:
        if detect(name, format) == "jsonl":
            yield from iter_articles(lines(name), name)
            return
    except InputError as error:
        yield error
        return
    for item in read(name, format):
        yield from ([item] if isinstance(item, InputError) else item.documents)


def read_cluster(names: Sequence[str | Path], format: str = "auto") -> Cluster:
    """One cluster from the documents of several inputs; the first unreadable input raises."""
    documents: list[Document] = []
    for name in names:
        for item in read(name, format):
            if isinstance(item, InputError):
                raise item
            documents.extend(item.documents)
    cluster_id = Path(str(names[0])).stem if len(names) == 1 else ""
    return Cluster(documents=documents, id=cluster_id)


def is_collection(name: str | Path, format: str = "auto") -> bool:
    try:
        return detect(str(name), format) in COLLECTIONS
    except InputError:
        return False


def detect(name: str, format: str = "auto") -> str:
    """The format of an input: forced, from the file name, or from its first bytes."""
    if format not in FORMATS:
        raise InputError(name, f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    if name != STDIN:
        path = Path(name)
        if not path.exists():
            raise InputError(name, "no such file or directory")
        if path.is_dir():
            return "directory"
    if format != "auto":
        return format
    lowered = name.lower().removesuffix(".gz")
    for suffixes, kind in (((".jsonl", ".ndjson", ".json"), "jsonl"), ((".html", ".htm"), "html"), ((".sgml", ".sgm"), "sgml")):
        if lowered.endswith(suffixes):
            return kind
    return sniff(_head(name))


def sniff(head: str) -> str:
    stripped = head.lstrip()
    if stripped.startswith("{"):
        return "jsonl"
    if looks_like_multinews(head):
        return "multinews"
    if looks_like_sgml(head):
        return "sgml"
    if looks_like_html(head):
        return "html"
    return "text"


def documents_from_text(text: str, name: str, kind: str) -> list[Document]:
    if not text.strip():
        raise InputError(name, "empty input")
    if kind == "html":
        return [read_html(text, name)]
    if kind == "sgml":
        return read_sgml(text, name)
    return [read_text(text, name)]


_stdin_cache: dict[int, bytes] = {}


def _bytes(name: str) -> bytes:
    if name == STDIN:
        # Read once per stream: detection and reading both need the bytes.
        key = id(sys.stdin)
        if key not in _stdin_cache:
            _stdin_cache.clear()
            _stdin_cache[key] = sys.stdin.buffer.read(MAX_BYTES + 1)
        return _stdin_cache[key]
    path = Path(name)
    try:
        if path.stat().st_size > MAX_BYTES and not name.endswith(".gz"):
            raise InputError(name, f"too large ({path.stat().st_size / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB)")
        data = path.read_bytes()
        return gzip.decompress(data) if name.endswith(".gz") else data
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise InputError(name, f"cannot read ({error.strerror or error})" if isinstance(error, OSError) else f"cannot read ({error})") from None


def _text(name: str) -> str:
    return decode(_bytes(name), name)


def _head(name: str) -> str:
    if name == STDIN:
        return decode(_bytes(name)[:65536], name)
    try:
        opener = gzip.open if name.endswith(".gz") else open
        with opener(name, "rb") as handle:
            return decode(handle.read(65536), name)
    except (OSError, EOFError) as error:
        raise InputError(name, f"cannot read ({error})") from None


def lines(name: str | Path) -> Iterator[str]:
    """Stream an input (plain or gzipped) line by line, decoded, so inputs far larger than memory work."""
    name = str(name)
    if name == STDIN:
        yield from io.StringIO(_text(name))
        return
    opener = gzip.open if name.endswith(".gz") else open
    try:
        with opener(name, "rb") as handle:
            for raw in handle:
                yield decode(raw, name)
    except (OSError, EOFError) as error:
        raise InputError(name, f"cannot read ({error})") from None


def _directory(path: Path, format: str) -> list[Document]:
    documents: list[Document] = []
    for child in sorted(path.iterdir()):
        if child.is_file() and not child.name.startswith("."):
            kind = detect(str(child), format)
            if kind in COLLECTIONS:
                raise InputError(str(child), "a directory is read as one cluster; pass collections on their own")
            documents.extend(documents_from_text(_text(str(child)), child.name, kind))
    if not documents:
        raise InputError(str(path), "the directory holds no readable documents")
    return documents
