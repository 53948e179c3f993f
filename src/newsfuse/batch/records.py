"""Input records to clusters and articles, summaries to output rows: what both engines share.

An input record is a JSON object (a JSONL line or a Parquet row): a cluster ``{id, documents}``
or an article ``{id, story|cluster?, source, date, text|html}``.  An output row is exactly a
line of ``summarize --output jsonl`` (:func:`newsfuse.render.to_record`: the summary and its
facts); a record that cannot be summarized becomes an error row ``{id, error}``.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from newsfuse.model import Cluster, Document
from newsfuse.pipeline import summarize_cluster
from newsfuse.readers import InputError
from newsfuse.readers.jsonl import cluster_from, document_from
from newsfuse.render import to_record

if TYPE_CHECKING:
    import pyarrow as pa


@functools.cache
def summary_schema() -> pa.Schema:
    """An output row as Arrow types, so Parquet output is typed and nested like the JSON.

    Built on first use: pyarrow comes with the optional ``spark`` extra.
    """
    import pyarrow as pa

    citation = pa.struct(
        [("document", pa.int64()), ("sentence", pa.int64()), ("document_id", pa.string()),
         ("outlet", pa.string()), ("start", pa.int64()), ("end", pa.int64())]
    )
    sentence = pa.struct([("text", pa.string()), ("citations", pa.list_(citation)), ("corroboration", pa.int64())])
    source = pa.struct(
        [("id", pa.string()), ("source", pa.string()), ("url", pa.string()), ("title", pa.string()),
         ("author", pa.string()), ("date", pa.string())]
    )
    return pa.schema(
        [("id", pa.string()), ("method", pa.string()), ("summary", pa.string()),
         ("sentences", pa.list_(sentence)), ("documents", pa.list_(source)), ("facts", pa.string())]
    )


JSON_COLUMNS = ("facts",)
"""Parquet columns stored as JSON text: the facts' shape is richer and still growing."""


def parse(value: str | dict[str, Any], where: str) -> dict[str, Any]:
    """A record from a JSON line or a Parquet row; Parquet values are made JSON-like first
    so both inputs reach the readers in the same form (dates as ISO strings, null columns
    absent, as Spark's ``to_json`` gives them)."""
    if isinstance(value, dict):
        return {key: item for key, item in json.loads(json.dumps(value, default=str)).items() if item is not None}
    try:
        record = json.loads(value)
    except json.JSONDecodeError as error:
        raise InputError(where, f"invalid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError(where, "each record must be a JSON object")
    return record


def is_cluster(record: dict[str, Any]) -> bool:
    return "documents" in record


def story_key(record: dict[str, Any]) -> str:
    """The story an article names (``story`` or ``cluster``); empty when it names none."""
    return str(record.get("story") or record.get("cluster") or "")


def record_id(record: dict[str, Any], where: str) -> str:
    return str(record.get("id") or where)


def cluster_of(record: dict[str, Any], where: str) -> Cluster:
    """A cluster record as a :class:`Cluster`; one without any text is an error."""
    cluster = cluster_from(record, where)
    if not any(document.text.strip() for document in cluster.documents):
        raise InputError(cluster.id, "no document has any text")
    return cluster


def article_of(record: dict[str, Any], where: str) -> Document:
    """An article record as a :class:`Document` (HTML is extracted here, once)."""
    document = document_from(record, record_id(record, where))
    if not document.text.strip():
        raise InputError(document.id, "the article has no text")
    return document


def document_of(row: dict[str, Any]) -> Document:
    """A document back from ``Document.to_dict()``, as carried between stages."""
    return document_from(row, str(row["id"]))


def summarize(cluster: Cluster, words: int, method: str) -> dict[str, Any]:
    """The output row of one cluster: its summary, or an error row."""
    try:
        summary = summarize_cluster(cluster, words, method)
        if not summary.cluster.documents:
            return error_row(cluster.id, "no text left after cleaning")
        return to_record(summary)
    except InputError as error:
        return error_row(cluster.id, str(error))
    except Exception as error:  # noqa: BLE001  (one bad cluster must not stop a batch of millions)
        return error_row(cluster.id, f"summarizing failed ({type(error).__name__}: {error})")


def error_row(identifier: str, reason: str) -> dict[str, str]:
    return {"id": identifier, "error": reason}


def is_error(row: dict[str, Any]) -> bool:
    return "error" in row and "summary" not in row


def dumps(row: dict[str, Any]) -> str:
    """One output line, byte for byte what ``summarize --output jsonl`` prints."""
    return json.dumps(row, ensure_ascii=False)
