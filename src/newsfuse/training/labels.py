"""Sentence labels from a reference summary: ROUGE gain and greedy-oracle membership.

Tokens follow rouge-score (lower-case, alphanumeric runs, Porter stems for words longer than
three letters) so labels agree with the evaluation, but n-grams are plain ``Counter`` objects
and stems come from the memoised :func:`newsfuse.text.stem`: twenty thousand clusters are
labelled in seconds rather than the minutes ``rouge_scorer`` would take.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from newsfuse.text import stem

NON_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def rouge_tokens(text: str) -> list[str]:
    """rouge-score's tokenizer with stemming, backed by the shared stem cache."""
    return [stem(token) if len(token) > 3 else token for token in NON_ALPHANUMERIC.sub(" ", text.lower()).split()]


@dataclass(slots=True)
class Grams:
    """Unigram and bigram counts of one text."""

    unigrams: Counter[str]
    bigrams: Counter[tuple[str, str]]

    @classmethod
    def of(cls, text: str) -> Grams:
        tokens = rouge_tokens(text)
        return cls(Counter(tokens), Counter(zip(tokens, tokens[1:])))

    def __iadd__(self, other: Grams) -> Grams:
        self.unigrams += other.unigrams
        self.bigrams += other.bigrams
        return self


def f1(candidate: Counter, reference: Counter) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def rouge(candidate: Grams, reference: Grams) -> float:
    """Mean of ROUGE-1 and ROUGE-2 F1: the quantity labels and the oracle maximise."""
    return (f1(candidate.unigrams, reference.unigrams) + f1(candidate.bigrams, reference.bigrams)) / 2


def gains(sentences: list[str], reference: str) -> np.ndarray:
    """Each sentence's own ROUGE against the reference."""
    target = Grams.of(reference)
    return np.array([rouge(Grams.of(sentence), target) for sentence in sentences])


def oracle(sentences: list[str], reference: str, words: int) -> list[int]:
    """Greedy oracle: add the sentence that raises ROUGE most until the word budget or no gain."""
    target = Grams.of(reference)
    grams = [Grams.of(sentence) for sentence in sentences]
    lengths = [len(sentence.split()) for sentence in sentences]
    chosen: list[int] = []
    summary = Grams(Counter(), Counter())
    best, total = 0.0, 0
    while total < words:
        scores = [
            (rouge(Grams(summary.unigrams + gram.unigrams, summary.bigrams + gram.bigrams), target), index)
            for index, gram in enumerate(grams)
            if index not in chosen
        ]
        if not scores:
            break
        score, index = max(scores)
        if score <= best:
            break
        best, total = score, total + lengths[index]
        chosen.append(index)
        summary += grams[index]
    return chosen
