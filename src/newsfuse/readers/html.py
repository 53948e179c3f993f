"""HTML pages: trafilatura finds the main text and the metadata (title, author, date, site)."""

from __future__ import annotations

import trafilatura

from newsfuse.model import Document
from newsfuse.readers.decode import parse_date
from newsfuse.readers.errors import InputError


def read_html(html: str, name: str = "", url: str = "") -> Document:
    extracted = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, favor_precision=True
    )
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(name or "HTML", "no article text found in the HTML")
    return Document(
        text=extracted.text,
        id=name,
        source=extracted.sitename or "",
        url=extracted.url or url,
        title=extracted.title or "",
        author=extracted.author or "",
        date=parse_date(extracted.date),
    )


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head
