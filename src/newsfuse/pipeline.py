"""The core path: raw documents -> cleaned, segmented cluster -> cited summary."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from newsfuse import summarizers
from newsfuse.cleaning import clean_documents
from newsfuse.model import Cluster, Document, Summary
from newsfuse.readers import InputError, read_cluster
from newsfuse.readers.jsonl import document_from
from newsfuse.segment import segment
from newsfuse.selection import DEFAULT_WORDS

DocumentLike = str | os.PathLike | Document


def prepare(cluster: Cluster) -> Cluster:
    """Clean and segment every document; documents left empty by cleaning are dropped."""
    cleaned = [document for document in clean_documents(cluster.documents) if document.text.strip()]
    documents = [segment(document, index) for index, document in enumerate(cleaned)]
    return replace(cluster, documents=documents)


def summarize_cluster(cluster: Cluster, words: int = DEFAULT_WORDS, method: str = summarizers.DEFAULT_METHOD) -> Summary:
    """Summarize a cluster of raw documents."""
    return summarizers.get(method)(prepare(cluster), words)


def summarize(
    documents: Iterable[DocumentLike] | Cluster,
    words: int = DEFAULT_WORDS,
    method: str = summarizers.DEFAULT_METHOD,
) -> Summary:
    """Summarize articles given as text, HTML, file paths or :class:`Document` objects.

    A string that names an existing file is read as that file; any other string is the
    article itself (plain text or HTML).
    """
    cluster = documents if isinstance(documents, Cluster) else to_cluster(documents)
    if not cluster.documents:
        raise InputError("documents", "no documents to summarize")
    return summarize_cluster(cluster, words, method)


def to_cluster(documents: Iterable[DocumentLike]) -> Cluster:
    items: list[Document] = []
    for number, item in enumerate(documents):
        if isinstance(item, Document):
            items.append(item)
        elif isinstance(item, os.PathLike) or _names_file(item):
            items.extend(read_cluster([str(item)]).documents)
        elif isinstance(item, str):
            items.append(document_from(item, f"document {number + 1}"))
        else:
            raise InputError(f"document {number + 1}", f"expected text, a path or a Document, not {type(item).__name__}")
    return Cluster(documents=items)


def _names_file(item: object) -> bool:
    if not isinstance(item, str) or "\n" in item or len(item) >= 4096:
        return False
    try:
        return Path(item).is_file()
    except OSError:  # a long one-line article is not a valid file name
        return False
