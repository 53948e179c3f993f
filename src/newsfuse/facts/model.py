"""The facts of a cluster: what readers ask beyond a summary paragraph.

Every fact points back into the cleaned documents with a :class:`~newsfuse.model.Citation`
whose ``start``/``end`` cover the fact itself (the quoted words, the sentence carrying a date),
so a reader or a test can check it by slicing ``Document.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from newsfuse.model import Citation


class Cited:
    """Something one or more outlets state: its citations and the outlets behind them."""

    __slots__ = ()
    citations: list[Citation]

    @property
    def outlets(self) -> list[str]:
        """Distinct outlets in order of first citation."""
        return list(dict.fromkeys(citation.outlet or str(citation.document) for citation in self.citations))

    def sources(self) -> dict[str, Any]:
        return {"outlets": self.outlets, "citations": [citation.to_dict() for citation in self.citations]}


@dataclass(slots=True)
class Quote(Cited):
    """Words put in quotation marks, their speaker (``None`` when anonymous or unknown), and
    every document that reports them."""

    text: str
    speaker: str | None
    kind: str
    citations: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "speaker": self.speaker, "kind": self.kind, **self.sources()}


@dataclass(slots=True)
class Entity:
    """A person, organisation or place, with every spelling the cluster uses for it."""

    name: str
    kind: str
    variants: list[str] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    mentions: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """A sentence that carries a date or time expression, normalized when possible.

    ``value`` is ISO 8601 at the precision the text gives (``2017-11-19``, ``2017-11``,
    ``2017``, ``2017-W46``); ``date`` is the first day it covers, used for ordering.  Both are
    ``None`` when the expression is relative and the article's publication date is unknown.
    """

    expression: str
    value: str | None
    date: dt.date | None
    text: str
    citation: Citation

    def to_dict(self) -> dict[str, Any]:
        return {
            "expression": self.expression,
            "value": self.value,
            "date": self.date.isoformat() if self.date else None,
            "text": self.text,
            "citation": self.citation.to_dict(),
        }


@dataclass(slots=True)
class Corroboration(Cited):
    """A summary sentence and the outlets that report the same content."""

    text: str
    citations: list[Citation]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, **self.sources()}


@dataclass(slots=True)
class Claim(Cited):
    """One value of a disputed fact and where it is stated."""

    value: str
    citations: list[Citation]

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, **self.sources()}


@dataclass(slots=True)
class Conflict:
    """Outlets that state different values for the same thing (``what``)."""

    what: str
    claims: list[Claim]

    def to_dict(self) -> dict[str, Any]:
        return {"what": self.what, "claims": [claim.to_dict() for claim in self.claims]}


@dataclass(slots=True)
class Facts:
    """Everything :func:`newsfuse.facts.extract` finds in one cluster."""

    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
    corroboration: list[Corroboration] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "quotes": [quote.to_dict() for quote in self.quotes],
            "entities": [entity.to_dict() for entity in self.entities],
            "timeline": [event.to_dict() for event in self.timeline],
            "corroboration": [item.to_dict() for item in self.corroboration],
            "conflicts": [conflict.to_dict() for conflict in self.conflicts],
        }
