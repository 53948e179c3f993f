"""Raw Multi-News source lines: documents joined by ``|||||``, newlines written ``NEWLINE_CHAR``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsfuse.model import Cluster, Document

SEPARATOR = "|||||"
NEWLINE = "NEWLINE_CHAR"


def cluster_from_line(line: str, cluster_id: str) -> Cluster:
    parts = [part.replace(NEWLINE, "\n").strip() for part in line.split(SEPARATOR)]
    documents = [Document(text=part, id=f"{cluster_id}/{index}") for index, part in enumerate(parts) if part]
    return Cluster(documents=documents, id=cluster_id)


def iter_multinews(lines: Iterable[str], name: str) -> Iterator[Cluster]:
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield cluster_from_line(line, f"{name}:{number}")


def looks_like_multinews(text: str) -> bool:
    head = text[:65536]
    return SEPARATOR in head or NEWLINE in head
