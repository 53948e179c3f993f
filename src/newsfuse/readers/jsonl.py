"""JSON Lines: one cluster per line (``{id, documents, summary}``) or one article per line.

Articles may name their story (``story`` or ``cluster``); articles without one form a single
cluster.  A malformed line becomes an :class:`InputError` in the stream, so a batch reports it
and goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsfuse.model import Cluster, Document
from newsfuse.readers.decode import parse_date
from newsfuse.readers.errors import InputError
from newsfuse.readers.html import looks_like_html, read_html
from newsfuse.readers.plain import read_text


def document_from(value: Any, name: str) -> Document:
    """A document from a JSON string or object (``text`` or ``html`` plus metadata)."""
    if isinstance(value, str):
        return read_html(value, name) if looks_like_html(value) else read_text(value, name)
    if not isinstance(value, dict):
        raise InputError(name, f"a document must be a string or an object, not {type(value).__name__}")
    text, markup = value.get("text"), value.get("html")
    if isinstance(markup, str) and markup.strip() and not (isinstance(text, str) and text.strip()):
        document = read_html(markup, name, url=str(value.get("url") or ""))
    elif isinstance(text, str):
        document = read_text(text, name)
    else:
        raise InputError(name, "a document object needs a 'text' or 'html' string")
    document.id = str(value.get("id") or document.id or name)
    document.source = str(value.get("source") or value.get("outlet") or document.source)
    document.url = str(value.get("url") or document.url)
    document.title = str(value.get("title") or document.title)
    document.author = str(value.get("author") or document.author)
    document.date = parse_date(value.get("date")) or document.date
    return document


def cluster_from(record: dict[str, Any], name: str) -> Cluster:
    raw_documents = record["documents"]
    if isinstance(raw_documents, str):
        raw_documents = [raw_documents]
    if not isinstance(raw_documents, list):
        raise InputError(name, "'documents' must be a list")
    cluster_id = str(record.get("id", name))
    documents = [document_from(value, f"{cluster_id}/{index}") for index, value in enumerate(raw_documents)]
    references = record.get("summaries") or ([record["summary"]] if record.get("summary") else [])
    return Cluster(documents=documents, id=cluster_id, references=[str(text) for text in references])


def iter_jsonl(lines: Iterable[str], name: str) -> Iterator[Cluster | InputError]:
    """Clusters (or errors) from JSON lines, in input order; article lines are grouped at the end."""
    stories: dict[str, list[Document]] = {}
    for item, story in _records(lines, name):
        if isinstance(item, Document):
            stories.setdefault(story, []).append(item)
        else:
            yield item
    for story, documents in stories.items():
        yield Cluster(documents=documents, id=story or name)


def iter_articles(lines: Iterable[str], name: str) -> Iterator[Document | InputError]:
    """Articles (or errors) one by one in input order, for streams; a cluster line gives its documents."""
    for item, _ in _records(lines, name):
        if isinstance(item, Cluster):
            yield from item.documents
        else:
            yield item


def _records(lines: Iterable[str], name: str) -> Iterator[tuple[Cluster | Document | InputError, str]]:
    """Each line as a cluster, an article with the story it names, or an error."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"invalid JSON ({error.msg} at column {error.colno})"), ""
            continue
        if not isinstance(record, dict):
            yield InputError(where, "each line must be a JSON object"), ""
            continue
        try:
            if "documents" in record:
                yield cluster_from(record, where), ""
            else:
                document = document_from(record, str(record.get("id") or where))
                yield document, str(record.get("story") or record.get("cluster") or "")
        except InputError as error:
            yield error, ""
