"""Quotes of a cluster: spans found, attributed, cited, then merged across outlets.

The same quote reported by several outlets is one :class:`Quote` with one citation per
outlet; two reports are the same quote when most words of the shorter occur in the longer
(outlets trim and re-punctuate quotes).  The speaker is the one most reports agree on, in the
cluster's canonical spelling.
"""

from __future__ import annotations

import bisect
from collections import Counter

from newsfuse.facts import quotes
from newsfuse.facts.entities import EntityIndex
from newsfuse.facts.model import Quote
from newsfuse.facts.speakers import Attributor
from newsfuse.model import Citation, Cluster, Document
from newsfuse.text import words

SAME_QUOTE = 0.8


def document_quotes(cluster: Cluster, index: int, entities: EntityIndex) -> list[Quote]:
    """The quotes of one document, each with a single citation."""
    document = cluster.documents[index]
    spans = quotes.spans(document.text)
    sentences = [(sentence.start, sentence.end) for sentence in document.sentences]
    attributor = Attributor(document.text, sentences, entities.mentions[index], entities.kind)
    found = []
    for span, (speaker, attributed) in zip(spans, attributor.attribute(spans)):
        quoted = document.text[span.start : span.end]
        if not quotes.looks_like_speech(quoted, attributed) or quotes.names_a_term(document.text, span):
            continue
        name = " and ".join(entities.canonical(part) for part in speaker.split(" and ")) if speaker else None
        found.append(Quote(quoted, name, quotes.kind(document.text, span), [_cite(document, index, span)]))
    return found


def _cite(document: Document, index: int, span: quotes.Span) -> Citation:
    starts = [sentence.start for sentence in document.sentences]
    position = max(0, bisect.bisect_right(starts, span.start) - 1)
    return Citation(index, position, document.id, document.outlet, span.start, span.end)


def merge(reports: list[Quote]) -> list[Quote]:
    """One quote per distinct quotation, citations from every outlet that reports it."""
    merged: list[tuple[Quote, set[str], list[str | None]]] = []
    for report in reports:
        tokens = set(words(report.text))
        for quote, quote_tokens, speakers in merged:
            shorter = min(len(tokens), len(quote_tokens))
            if shorter >= 3 and len(tokens & quote_tokens) >= SAME_QUOTE * shorter or tokens == quote_tokens:
                quote.citations.extend(report.citations)
                speakers.append(report.speaker)
                if len(report.text) > len(quote.text):
                    quote.text, quote.kind = report.text, report.kind
                quote_tokens |= tokens
                break
        else:
            merged.append((Quote(report.text, report.speaker, report.kind, list(report.citations)), tokens, [report.speaker]))
    for quote, _, speakers in merged:
        named = Counter(speaker for speaker in speakers if speaker)
        quote.speaker = named.most_common(1)[0][0] if named else None
    return [quote for quote, _, _ in merged]


def reports(cluster: Cluster, entities: EntityIndex) -> list[Quote]:
    """Every document's quotes, not yet merged (each document attributed on its own)."""
    return [quote for index in range(len(cluster.documents)) for quote in document_quotes(cluster, index, entities)]


def cluster_quotes(cluster: Cluster, entities: EntityIndex) -> list[Quote]:
    return merge(reports(cluster, entities))
