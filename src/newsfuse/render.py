"""Summaries as text, Markdown and JSON for people and scripts."""

from __future__ import annotations

import json
from typing import Any

from newsfuse.facts import extract
from newsfuse.model import Summary


def _sources(summary: Summary) -> list[int]:
    """Documents cited by the summary, in order of first citation."""
    order: list[int] = []
    for sentence in summary.sentences:
        for citation in sentence.citations:
            if citation.document not in order:
                order.append(citation.document)
    return order


def _source_line(summary: Summary, document_index: int) -> str:
    document = summary.cluster.documents[document_index]
    parts = [document.outlet or f"document {document_index + 1}"]
    if document.title:
        parts.append(document.title)
    if document.date:
        parts.append(document.date.isoformat())
    if document.url:
        parts.append(document.url)
    return " — ".join(parts)


def to_text(summary: Summary, markdown: bool = False) -> str:
    if not summary.sentences:
        return "(no summary: the documents have no usable sentences)"
    number = {document: position + 1 for position, document in enumerate(_sources(summary))}
    lines = []
    for sentence in summary.sentences:
        marks = "".join(f"[{number[citation.document]}]" for citation in sentence.citations)
        lines.append(f"{sentence.text} {marks}")
    body = (" " if not markdown else "\n\n").join(lines) if markdown else "\n".join(lines)
    heading = "**Sources**" if markdown else "Sources:"
    sources = [f"[{number[document]}] {_source_line(summary, document)}" for document in _sources(summary)]
    if markdown:
        sources = [f"- {line}" for line in sources]
    return "\n".join([body, "", heading, *sources])


def to_json(summary: Summary, indent: int | None = 2) -> str:
    """The summary with its facts as JSON: ``summarize --output json`` (``indent=None``: jsonl)."""
    return json.dumps(to_record(summary), ensure_ascii=False, indent=indent)


def to_record(summary: Summary) -> dict[str, Any]:
    """The summary with the facts of its cluster: what JSON output (and ``batch``) carries."""
    return {**summary.to_dict(), "facts": extract(summary.cluster, summary).to_dict()}
