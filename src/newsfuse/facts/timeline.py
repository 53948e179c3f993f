"""Events in time order: every sentence that carries a date, with the date normalized.

An event is one (sentence, date expression) pair; syndicated copies of the same sentence
with the same date are kept once, the first outlet's citation standing for them.  Resolved
events come first in date order (ties in story order); unresolved ones follow.
"""

from __future__ import annotations

from newsfuse.facts import dates
from newsfuse.facts.model import Event
from newsfuse.model import Citation, Cluster


def timeline(cluster: Cluster) -> list[Event]:
    events: list[Event] = []
    seen: set[tuple[str | None, str]] = set()
    for document in cluster.documents:
        for sentence in document.sentences:
            for expression in dates.find(sentence.text, document.date):
                key = (expression.value or expression.text.lower(), " ".join(sentence.text.lower().split()))
                if key in seen:
                    continue
                seen.add(key)
                citation = Citation.of(cluster, sentence)
                events.append(Event(expression.text, expression.value, expression.date, sentence.text, citation))
    resolved = sorted((event for event in events if event.date), key=lambda event: (event.date, event.citation.document, event.citation.sentence))
    return resolved + [event for event in events if event.date is None]
