"""Request bodies of the service: what the OpenAPI page documents and the parser checks."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from newsfuse import summarizers
from newsfuse.model import Document
from newsfuse.readers.jsonl import document_from
from newsfuse.selection import DEFAULT_WORDS


class Article(BaseModel):
    """One article with metadata; ``text`` is plain text, ``html`` a page to extract it from."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain text; an optional first line 'date YYYY-MM-DD Title' sets date and title.")
    html: str | None = Field(None, description="An HTML page; its main text and metadata are extracted. Used when text is absent.")
    id: str | None = None
    title: str | None = None
    source: str | None = Field(None, description="The outlet's name.")
    url: str | None = Field(None, description="Kept as metadata only: the service never fetches it.")
    author: str | None = None
    date: str | None = Field(None, description="Publication date, ISO 8601.")


DocumentIn = str | Article


class Documents(BaseModel):
    """Articles as plain text or HTML strings (detected), or as objects with metadata."""

    documents: list[DocumentIn] = Field(min_length=1)

    def to_documents(self) -> list[Document]:
        """Read every article as the JSONL reader does; a bad one raises ``InputError``."""
        return [
            document_from(item if isinstance(item, str) else item.model_dump(exclude_none=True), f"document {number}")
            for number, item in enumerate(self.documents, 1)
        ]


class SummarizeRequest(Documents):
    """The articles of one event and the same options as ``newsfuse summarize``."""

    words: int = Field(DEFAULT_WORDS, ge=1, description="Word budget of the summary.")
    method: str = Field(summarizers.DEFAULT_METHOD, description=f"One of: {', '.join(sorted(summarizers.SUMMARIZERS))}.")
    facts: bool = Field(True, description="Also extract quotes, entities, timeline and conflicts (most of the time taken).")
