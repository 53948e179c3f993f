"""Plain-text articles, with the optional first line ``date YYYY-MM-DD Title``."""

from __future__ import annotations

import re

from newsfuse.model import Document
from newsfuse.readers.decode import parse_date

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$")


def read_text(text: str, name: str = "") -> Document:
    first, _, rest = text.partition("\n")
    header = HEADER.match(first)
    if header is None:
        return Document(text=text, id=name)
    return Document(text=rest, id=name, date=parse_date(header[1]), title=header[2].strip())
