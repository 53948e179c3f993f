"""The greedy extractive ROUGE oracle: how far sentence extraction alone could go.

Sentences of the prepared cluster are added one at a time, each time the one that most raises
the mean of ROUGE-1 and ROUGE-2 F1 against the references (Nallapati et al. 2017; Liu & Lapata
2019), until nothing raises it or the word budget is reached.  Greedy search under a word budget
is not exact, so the oracle system (:class:`newsfuse.evaluation.systems.Oracle`) keeps the best,
by rouge-score, of this search, its gain-per-word variant and the lead summary: an upper bound
must never lose to a baseline drawn from the same sentences.  Gains are computed on n-gram
counters built with rouge-score's own tokenizer, so a candidate costs a few dictionary look-ups
instead of a full rouge-score call.  The one approximation: bigrams spanning two chosen sentences
are ignored while choosing (the final summary is scored by rouge-score like every other system).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.evaluation.rouge import TOKENIZER, truncate
from newsfuse.model import Cluster

ORDERS = (1, 2)


def ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def fmeasure(overlap: int, predicted: int, reference: int) -> float:
    if not overlap:
        return 0.0
    precision, recall = overlap / predicted, overlap / reference
    return 2 * precision * recall / (precision + recall)


@dataclass(slots=True)
class _Reference:
    counts: dict[int, Counter]
    totals: dict[int, int]

    @classmethod
    def of(cls, text: str) -> _Reference:
        tokens = TOKENIZER.tokenize(text)
        counts = {n: ngrams(tokens, n) for n in ORDERS}
        return cls(counts, {n: sum(counter.values()) for n, counter in counts.items()})


def ngram_fmeasure(summary_tokens: Sequence[str], reference_text: str, n: int) -> float:
    """ROUGE-n F1 of a token list: the oracle's arithmetic, exposed to test it against rouge-score."""
    reference = _Reference.of(reference_text)
    counts = ngrams(summary_tokens, n)
    overlap = sum(min(count, reference.counts[n][gram]) for gram, count in counts.items())
    return fmeasure(overlap, sum(counts.values()), reference.totals[n])


class _Search:
    """The running state of the greedy search: the chosen n-grams and their overlap per reference."""

    def __init__(self, references: list[_Reference]) -> None:
        self.references = references
        self.counts = {n: Counter() for n in ORDERS}
        self.totals = dict.fromkeys(ORDERS, 0)
        self.overlaps = [dict.fromkeys(ORDERS, 0) for _ in references]

    def objective(self, candidate: dict[int, Counter] | None = None) -> float:
        """Mean over references of (R1 F1 + R2 F1) / 2, with ``candidate`` added if given."""
        value = 0.0
        for reference, overlaps in zip(self.references, self.overlaps):
            for n in ORDERS:
                overlap, total = overlaps[n], self.totals[n]
                if candidate is not None:
                    overlap += self._gain(candidate[n], reference.counts[n], n)
                    total += sum(candidate[n].values())
                value += fmeasure(overlap, total, reference.totals[n])
        return value / (len(ORDERS) * len(self.references))

    def add(self, candidate: dict[int, Counter]) -> None:
        for reference, overlaps in zip(self.references, self.overlaps):
            for n in ORDERS:
                overlaps[n] += self._gain(candidate[n], reference.counts[n], n)
        for n in ORDERS:
            self.counts[n].update(candidate[n])
            self.totals[n] += sum(candidate[n].values())

    def _gain(self, candidate: Counter, reference: Counter, n: int) -> int:
        chosen = self.counts[n]
        gain = 0
        for gram, count in candidate.items():
            limit = reference.get(gram, 0)
            if limit:
                have = chosen.get(gram, 0)
                gain += min(have + count, limit) - min(have, limit)
        return gain


def oracle(cluster: Cluster, words: int, truncate_at: int | None = None, per_word: bool = False) -> list[int]:
    """Indices into ``cluster.sentences`` of the greedy oracle summary, in reading order.

    ``words`` is the summary budget (the last sentence may cross it, as for every system);
    ``truncate_at`` cuts the references as scoring will.  ``per_word`` ranks candidates by gain
    per word instead of gain, the cost-scaled greedy of budgeted submodular maximisation (Lin &
    Bilmes 2010), which prefers several short informative sentences to one long one.
    """
    if not cluster.references:
        raise ValueError(f"cluster {cluster.id!r} has no reference summary; the oracle needs one")
    references = [_Reference.of(" ".join(truncate([text], truncate_at))) for text in cluster.references]
    sentences = cluster.sentences
    candidates = []
    for sentence in sentences:
        tokens = TOKENIZER.tokenize(sentence.text)
        candidates.append({n: ngrams(tokens, n) for n in ORDERS})
    lengths = [len(sentence.text.split()) for sentence in sentences]
    search = _Search(references)
    chosen: set[int] = set()
    current, length = 0.0, 0
    while length < words:
        best, best_rank, best_value = -1, 0.0, current
        for index, candidate in enumerate(candidates):
            if index in chosen or not lengths[index]:
                continue
            value = search.objective(candidate)
            rank = (value - current) / (lengths[index] if per_word else 1)
            if value > current and rank > best_rank:
                best, best_rank, best_value = index, rank, value
        if best < 0:
            break
        search.add(candidates[best])
        chosen.add(best)
        current, length = best_value, length + lengths[best]
    return sorted(chosen)
