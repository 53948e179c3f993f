"""DUC/TAC SGML: ``<DOC><DOCNO>…</DOCNO> … <TEXT>…</TEXT></DOC>``, tolerant of broken markup."""

from __future__ import annotations

import html
import re

from newsfuse.model import Document
from newsfuse.readers.decode import parse_date
from newsfuse.readers.errors import InputError

DOC = re.compile(r"<DOC\b[^>]*>(.*?)(?:</DOC>|(?=<DOC\b)|\Z)", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
FIELDS = "DOCNO|DOCTYPE|DATE_TIME|DATE|DATELINE|HEADLINE|HEADER|TITLE|SLUG|TEXT|BODY|TRAILER"


def _field(body: str, *names: str) -> str:
    for name in names:
        match = re.search(rf"<{name}\b[^>]*>(.*?)(?:</{name}>|(?=</?(?:{FIELDS})>)|\Z)", body, re.IGNORECASE | re.DOTALL)
        if match:
            return match[1]
    return ""


def _plain(markup: str) -> str:
    paragraphs = re.split(r"</?P>|\n\s*\n", markup, flags=re.IGNORECASE)
    lines = (" ".join(html.unescape(TAG.sub(" ", part)).split()) for part in paragraphs)
    return "\n".join(line for line in lines if line)


def read_sgml(text: str, name: str = "") -> list[Document]:
    documents = []
    for match in DOC.finditer(text):
        body = match[1]
        docno = _plain(_field(body, "DOCNO")).strip()
        content = _plain(_field(body, "TEXT"))
        if not content:
            continue
        documents.append(
            Document(
                text=content,
                id=docno or name,
                source=re.sub(r"[\d._-]+.*$", "", docno) if docno else "",
                title=_plain(_field(body, "HEADLINE", "HEADER", "TITLE")).replace("\n", " "),
                date=parse_date(_plain(_field(body, "DATE_TIME", "DATE", "DATELINE"))) or parse_date(docno),
            )
        )
    if not documents:
        raise InputError(name or "SGML", "no <DOC> with a non-empty <TEXT> found")
    return documents


def looks_like_sgml(text: str) -> bool:
    return re.search(r"<DOC>|<DOCNO>", text[:4096], re.IGNORECASE) is not None
