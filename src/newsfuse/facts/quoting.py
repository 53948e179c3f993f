"""Quotes of a cluster: spans found, attributed, cited, then merged across outlets.

The same quote reported by several outlets is one :class:`Quote` with one citation per
outlet; two reports are the same quote when most words of the shorter occur in the longer
(outlets trim and re-punctuate quotes).  The speaker is the one most reports agree on, in the
cluster's canonical spelling.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict

from newsfuse.facts import quotes
from newsfuse.facts.entities import EntityIndex
from newsfuse.facts.model import Quote
from newsfuse.facts.speakers import VERB, Attributor
from newsfuse.model import Citation, Cluster, Document
from newsfuse.text import words

SAME_QUOTE = 0.8
SCARE_WORDS = 3
SCARE_REACH = 300
BARE_SPEECH = re.compile(r"\b(?:claim|argue|insist|state|believe|think|call)\b")  # "they claim that "ideally""


def document_quotes(cluster: Cluster, index: int, entities: EntityIndex) -> list[Quote]:
    """The quotes of one document, each with a single citation."""
    document = cluster.documents[index]
    spans = quotes.spans(document.text)
    sentences = [(sentence.start, sentence.end) for sentence in document.sentences]
    attributor = Attributor(document.text, sentences, entities.mentions[index], entities.kind)
    starts = [start for start, _ in sentences]
    found = []
    for span, (speaker, attributed) in zip(spans, attributor.attribute(spans)):
        quoted = document.text[span.start : span.end]
        if (
            not quotes.looks_like_speech(document.text, span, attributed)
            or quotes.names_a_term(document.text, span)
            or quotes.credited_title(document.text, span)
            or _scare_quote(document.text, span)
        ):
            continue
        name = " and ".join(entities.canonical(part) for part in speaker.split(" and ")) if speaker else None
        found.append(Quote(quoted, name, quotes.kind(document.text, span), [_cite(document, index, span, starts)]))
    return found


def _scare_quote(text: str, span: quotes.Span) -> bool:
    """One to three quoted words with no speech verb close by ("the so-called "old yard""): a
    term the reporter marks, not words someone said ("called it "nasty"" is speech)."""
    quoted = text[span.start : span.end]
    if len(words(quoted)) > SCARE_WORDS or not quoted[:1].islower():
        return False
    before = re.split(r"[.!?:;]\s", text[max(0, span.opened - SCARE_REACH) : span.opened])[-1]
    after = re.split(r"[.!?;]", text[span.after : span.after + SCARE_REACH // 2])[0]
    return not any(pattern.search(part) for pattern in (VERB, BARE_SPEECH) for part in (before, after))


def _cite(document: Document, index: int, span: quotes.Span, starts: list[int]) -> Citation:
    position = max(0, bisect.bisect_right(starts, span.start) - 1)
    return Citation(index, position, document.id, document.outlet, span.start, span.end)


def merge(reports: list[Quote]) -> list[Quote]:
    """One quote per distinct quotation, citations from every outlet that reports it.

    A report joins the first earlier quote it is the same quote as (:func:`_same_quote`).  Only
    quotes found through two word indexes are compared (prefix filtering), so thousands of
    distinct quotes in one long text merge in near-linear time, not each against every other:
    a quote at least as long as the report holds one of the report's rarest words, and a shorter
    one has one of its own rarest words in the report."""
    token_sets = [set(words(report.text)) for report in reports]
    frequency = Counter(token for tokens in token_sets for token in tokens)
    merged: list[tuple[Quote, set[str], list[str | None]]] = []
    every_word: dict[str, list[int]] = defaultdict(list)
    rarest_words: dict[str, list[int]] = defaultdict(list)
    for report, tokens in zip(reports, token_sets):
        keys = tokens or {""}  # word-less quotes match each other only
        rarest = _rarest(keys, frequency)
        candidates = {position for token in rarest for position in every_word.get(token, ())}
        candidates.update(position for token in keys for position in rarest_words.get(token, ()))
        target = next((position for position in sorted(candidates) if _same_quote(tokens, merged[position][1])), None)
        if target is None:
            target = len(merged)
            merged.append((Quote(report.text, report.speaker, report.kind, list(report.citations)), set(tokens), [report.speaker]))
        else:
            quote, quote_tokens, speakers = merged[target]
            quote.citations.extend(report.citations)
            speakers.append(report.speaker)
            if len(report.text) > len(quote.text):
                quote.text, quote.kind = report.text, report.kind
            quote_tokens |= tokens
            keys = quote_tokens or {""}
            rarest = _rarest(keys, frequency)
        for index, indexed in ((every_word, keys), (rarest_words, rarest)):
            for token in indexed:
                if not index[token] or index[token][-1] != target:
                    index[token].append(target)
    for quote, _, speakers in merged:
        named = Counter(speaker for speaker in speakers if speaker)
        quote.speaker = named.most_common(1)[0][0] if named else None
    return [quote for quote, _, _ in merged]


def _same_quote(tokens: set[str], quote_tokens: set[str]) -> bool:
    """Most words of the shorter (at least 3 words) occur in the longer, or the same words."""
    shorter = min(len(tokens), len(quote_tokens))
    return shorter >= 3 and len(tokens & quote_tokens) >= SAME_QUOTE * shorter or tokens == quote_tokens


def _rarest(tokens: set[str], frequency: Counter[str]) -> list[str]:
    """Enough of the rarest words that any set holding 80 % of ``tokens`` holds one of them."""
    keep = len(tokens) - math.ceil(SAME_QUOTE * len(tokens)) + 1
    return sorted(tokens, key=lambda token: (frequency[token], token))[:keep]


def reports(cluster: Cluster, entities: EntityIndex) -> list[Quote]:
    """Every document's quotes, not yet merged (each document attributed on its own)."""
    return [quote for index in range(len(cluster.documents)) for quote in document_quotes(cluster, index, entities)]


def cluster_quotes(cluster: Cluster, entities: EntityIndex) -> list[Quote]:
    return merge(reports(cluster, entities))
