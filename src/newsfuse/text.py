"""Word-level text helpers shared by scoring, selection and evaluation.

Everything is case-folded so the same code serves cased web text and the lower-cased
Multi-News+ corpus.  Stemming is the Porter algorithm in C (PyStemmer), about a hundred times
faster than NLTK's pure-Python one, memoised because news vocabulary repeats.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import numpy as np
import Stemmer

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said says say told
    s t it's he's she's that's there's they're we're i'm don't didn't can't won't""".split()
)

_stemmer = Stemmer.Stemmer("porter")
MAX_STEMS = 500_000  # a long-running ingest sees endless rare words: bound the memos


class Memo(dict):
    """Computes missing values with ``function``; ``__missing__`` keeps hits in C.

    A stream's vocabulary never stops growing (names, typos), so the memo is emptied when it
    reaches ``limit`` entries: memory stays bounded and the next words are simply recomputed.
    """

    def __init__(self, function: Callable[[Any], Any], limit: int = MAX_STEMS) -> None:
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, key: Hashable) -> Any:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value


#: every byte but a-z, 0-9 and the apostrophe becomes a space
_SEPARATORS = bytes(byte if chr(byte) in "abcdefghijklmnopqrstuvwxyz0123456789'" else ord(" ") for byte in range(256))


def words(text: str) -> list[str]:
    """Lower-cased word tokens, punctuation dropped: the matches of :data:`WORD`.

    Every match is made of a-z, 0-9 and apostrophes, so the text is reduced to those at C speed
    first (other characters become spaces, the non-ASCII ones by way of "?") and split.  A token
    without an apostrophe is one whole match; only the few with one go through the regex.
    Matching the whole text took twice as long.
    """
    spaced = text.lower().replace("’", "'").encode("ascii", "replace").translate(_SEPARATORS).decode("ascii")
    apostrophe = spaced.find("'")
    if apostrophe < 0:
        return spaced.split()
    tokens: list[str] = []
    start = 0
    while apostrophe >= 0:
        begin = spaced.rfind(" ", start, apostrophe) + 1
        end = spaced.find(" ", apostrophe)
        if end < 0:
            end = len(spaced)
        tokens += spaced[start:begin].split()
        tokens += WORD.findall(spaced, begin, end)
        start = end
        apostrophe = spaced.find("'", end)
    tokens += spaced[start:].split()
    return tokens


def count_words(text: str) -> int:
    """``len(text.split())`` without building the list: text whose only whitespace is single
    spaces (the usual sentence) is counted by its spaces.  Every other whitespace character is
    unprintable, so ``isprintable`` tells when that shortcut holds."""
    if text.isprintable() and "  " not in text:
        inner = text.strip(" ")
        return inner.count(" ") + 1 if inner else 0
    return len(text.split())


_stems = Memo(_stemmer.stemWord)


def stem(word: str) -> str:
    """A word's Porter stem, memoised."""
    return _stems[word]


# A word's term: its stem, or "" for a stop word or a single character.  One dictionary lookup
# per token (``map`` over ``__getitem__``) instead of a stop-word test, a length test and a stem
# lookup: tokenizing is the largest cost of TF-IDF vectors.
_term_of = Memo(lambda word: stem(word) if word not in STOPWORDS and len(word) > 1 else "")


def terms(text: str) -> list[str]:
    """Stemmed content words: what similarity and salience are computed on."""
    return content_terms(words(text))


def content_terms(tokens: list[str]) -> list[str]:
    """:func:`terms` of text already split by :func:`words`."""
    return list(filter(None, map(_term_of.__getitem__, tokens)))


@dataclass(slots=True)
class TermWeights:
    """A weight per stemmed term and one for terms never seen: the shape of every shipped table."""

    weights: dict[str, float]
    unknown: float

    def __getitem__(self, term: str) -> float:
        return self.weights.get(term, self.unknown)

    def weigh(self, terms: Sequence[str]) -> np.ndarray:
        """The weight of each of ``terms``, looked up in one pass at C speed."""
        return np.fromiter(map(self.weights.get, terms, repeat(self.unknown)), np.float64, len(terms))
