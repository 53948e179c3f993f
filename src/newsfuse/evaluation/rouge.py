"""ROUGE through rouge-score, with the conventions of ROUGE-1.5.5 made explicit.

* Porter stemming (rouge-score's tokenizer: lower-case, alphanumeric tokens, words longer than
  three letters stemmed); stems are memoised, which makes scoring several times faster and
  changes no token.
* Several references: the DUC "model average" of ROUGE-1.5.5 ``-f A`` (no jackknifing): hits
  and reference counts are summed over the references, then divided, so each reference weighs
  by its length (see :func:`score`).
* ``words=N`` keeps the first N whitespace-separated words of the summary and of every
  reference, like ROUGE-1.5.5 ``-l N``.
* ROUGE-L is the summary-level ``rougeLsum``, which needs one sentence per line: summaries
  arrive as lists of sentences, and references are split with newsfuse's sentence splitter.

Speed: rougeLsum computes one LCS table per (reference sentence, summary sentence) pair in pure
Python, which is most of an evaluation's time.  The systems of one run mostly pick from the same
few sentences of a cluster, so rouge-score's ``lcs_ind`` is wrapped in a bounded cache keyed on
the two token sequences; it is a pure function, so no score changes (tests check it).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from nltk.stem.porter import PorterStemmer
from rouge_score import rouge_scorer, tokenize, tokenizers

from newsfuse.segment import split

MEASURES = ("rouge1", "rouge2", "rougeLsum")
SHORT = {"rouge1": "R1", "rouge2": "R2", "rougeLsum": "RL"}


class _MemoStemmer:
    """NLTK's Porter stemmer (what rouge-score uses) with a cache in front."""

    def __init__(self) -> None:
        self._stemmer = PorterStemmer()
        self._stem = cache(self._stemmer.stem)

    def stem(self, word: str) -> str:
        return self._stem(word)


class Tokenizer(tokenizers.Tokenizer):
    """rouge-score's own tokenize function with the memoised stemmer."""

    def __init__(self) -> None:
        self._stemmer = _MemoStemmer()

    def tokenize(self, text: str) -> list[str]:
        return tokenize.tokenize(text, self._stemmer)


TOKENIZER = Tokenizer()
_lcs_ind = rouge_scorer.lcs_ind


@lru_cache(maxsize=65536)
def _cached_lcs(reference: tuple[str, ...], candidate: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(_lcs_ind(list(reference), list(candidate)))


def _lcs_indices(reference: list[str], candidate: list[str]) -> list[int]:
    return list(_cached_lcs(tuple(reference), tuple(candidate)))


rouge_scorer.lcs_ind = _lcs_indices


@cache
def _scorer(measures: tuple[str, ...]) -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(list(measures), tokenizer=TOKENIZER)


def sentences_of(text: str) -> list[str]:
    """Split a summary or reference given as one string into sentences."""
    return [text[start:end] for start, end in split(text)]


def truncate(sentences: Sequence[str], words: int | None) -> list[str]:
    """The first ``words`` whitespace-separated words, sentence boundaries kept."""
    if words is None:
        return [sentence for sentence in sentences if sentence.split()]
    kept: list[str] = []
    left = words
    for sentence in sentences:
        tokens = sentence.split()
        if left <= 0:
            break
        if tokens:
            kept.append(" ".join(tokens[:left]))
            left -= len(tokens)
    return kept


def score(
    summary: Sequence[str], references: Sequence[Sequence[str]], words: int | None = None, measures: Sequence[str] = MEASURES
) -> dict[str, float]:
    """ROUGE F1, recall and precision of one summary against one or more references.

    ``summary`` and each reference are lists of sentences.  The keys are ``R1_f``, ``R1_r``,
    ``R1_p`` and so on.  With several references, hits and counts are summed over them before
    dividing, as ROUGE-1.5.5 does with ``-f A``: recall is all hits over all reference units,
    precision all hits over the summary's units counted once per reference.  With one
    reference this is exactly rouge-score's result.  No reference: ``ValueError``.
    """
    if not references:
        raise ValueError("a summary needs at least one reference to be scored")
    prediction = "\n".join(truncate(summary, words))
    predicted = len(TOKENIZER.tokenize(prediction))
    scorer = _scorer(tuple(measures))
    hits = dict.fromkeys(measures, 0)
    units = dict.fromkeys(measures, 0)
    for reference in references:
        target = "\n".join(truncate(reference, words))
        length = len(TOKENIZER.tokenize(target))
        for measure, value in scorer.score(target, prediction).items():
            count = _units(measure, length)
            hits[measure] += round(value.recall * count)
            units[measure] += count
    result: dict[str, float] = {}
    for measure in measures:
        precision = hits[measure] / max(_units(measure, predicted) * len(references), 1)
        recall = hits[measure] / max(units[measure], 1)
        short = SHORT[measure]
        result[f"{short}_f"] = 2 * precision * recall / (precision + recall) if hits[measure] else 0.0
        result[f"{short}_r"] = recall
        result[f"{short}_p"] = precision
    return result


def _units(measure: str, tokens: int) -> int:
    """How many n-grams (ROUGE-N) or tokens (ROUGE-L) a text of ``tokens`` tokens has."""
    order = 1 if measure == "rougeLsum" else int(measure.removeprefix("rouge"))
    return max(tokens - order + 1, 0)
