"""Bytes to text without losing data: UTF-8 first, then Windows-1252, refusing binary."""

from __future__ import annotations

import datetime as dt
import re

from newsfuse.readers.errors import InputError

MAX_BYTES = 64 * 1024 * 1024
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def decode(data: bytes, name: str) -> str:
    """Decode a file's bytes; binary content and oversized inputs raise :class:`InputError`."""
    if len(data) > MAX_BYTES:
        raise InputError(name, f"too large ({len(data) / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB)")
    head = data[:8192]
    if b"\x00" in head or len(_CONTROL.findall(head)) > 0.1 * max(len(head), 1):
        raise InputError(name, "looks like a binary file, not text, HTML, JSON or SGML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_date(value: object) -> dt.date | None:
    """Read the date part of ISO-like strings ("2017-11-19", "20171119", "2017-11-19T10:00Z")."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _DATE.search(value)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
