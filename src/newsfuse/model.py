"""The data model every stage reads and returns.

``Cluster -> Document -> Sentence`` describes the input; ``Summary -> SummarySentence ->
Citation`` describes the output.  Offsets always point into ``Document.text`` (the cleaned
text), so a citation can be checked by slicing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Sentence:
    """One sentence of a document, located by character offsets into the cleaned text."""

    text: str
    document: int
    index: int
    start: int
    end: int


@dataclass(slots=True)
class Document:
    """One article as published by one outlet, after cleaning and segmentation."""

    text: str
    id: str = ""
    source: str = ""
    url: str = ""
    title: str = ""
    author: str = ""
    date: dt.date | None = None
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def outlet(self) -> str:
        """The name to show a reader: the outlet, else the URL's host, else the id."""
        if self.source:
            return self.source
        if self.url:
            host = self.url.split("//", 1)[-1].split("/", 1)[0]
            return host.removeprefix("www.")
        return self.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "author": self.author,
            "date": self.date.isoformat() if self.date else None,
            "text": self.text,
        }


@dataclass(slots=True)
class Cluster:
    """Documents about one event: the unit a summary is written for.

    ``references`` holds human summaries when the cluster comes from an evaluation set.
    """

    documents: list[Document]
    id: str = ""
    references: list[str] = field(default_factory=list)

    @property
    def sentences(self) -> list[Sentence]:
        """All sentences, document by document, in reading order."""
        return [sentence for document in self.documents for sentence in document.sentences]


@dataclass(slots=True, frozen=True)
class Citation:
    """Where a summary sentence comes from: a document and a sentence in it."""

    document: int
    sentence: int
    document_id: str
    outlet: str
    start: int
    end: int

    @classmethod
    def of(cls, cluster: Cluster, sentence: Sentence) -> Citation:
        document = cluster.documents[sentence.document]
        return cls(
            document=sentence.document,
            sentence=sentence.index,
            document_id=document.id,
            outlet=document.outlet,
            start=sentence.start,
            end=sentence.end,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "sentence": self.sentence,
            "document_id": self.document_id,
            "outlet": self.outlet,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class SummarySentence:
    """A sentence of the summary, its source, and the other documents that say the same."""

    text: str
    citation: Citation
    corroborations: list[Citation] = field(default_factory=list)

    @property
    def citations(self) -> list[Citation]:
        return [self.citation, *self.corroborations]

    @property
    def corroboration(self) -> int:
        """How many distinct outlets report this sentence's content (the source included)."""
        return len({citation.outlet or citation.document for citation in self.citations})

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "citations": [citation.to_dict() for citation in self.citations],
            "corroboration": self.corroboration,
        }


@dataclass(slots=True)
class Summary:
    """The cited summary of one cluster."""

    sentences: list[SummarySentence]
    cluster: Cluster
    method: str = ""

    @property
    def text(self) -> str:
        return " ".join(sentence.text for sentence in self.sentences)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.cluster.id,
            "method": self.method,
            "summary": self.text,
            "sentences": [sentence.to_dict() for sentence in self.sentences],
            "documents": [
                {key: value for key, value in document.to_dict().items() if key != "text"}
                for document in self.cluster.documents
            ],
        }
