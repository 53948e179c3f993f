"""Word-level text helpers shared by scoring, selection and evaluation.

Everything is case-folded so the same code serves cased web text and the lower-cased
Multi-News+ corpus.  Stemming is the Porter algorithm in C (PyStemmer), about a hundred times
faster than NLTK's pure-Python one, memoised because news vocabulary repeats.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
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


# A word's term: its stem, or None for a stop word or a single character.  One dictionary lookup
# per word (``map`` over ``__getitem__``) instead of a stop-word test, a length test and a stem
# lookup: tokenizing is the largest cost of TF-IDF vectors.  Concepts keep stop words, spelled
# as they are, so the same table tells them which words are stop words.  Terms are interned, as
# are the keys of every table of term weights: a lookup then finds its key by identity without
# reading the key's characters, a cache miss less on a large table (about a quarter of the time
# of a lookup on a busy machine).
_term_of = Memo(lambda word: None if word in STOPWORDS or len(word) < 2 else sys.intern(stem(word)))


def terms(text: str) -> list[str]:
    """Stemmed content words: what similarity and salience are computed on."""
    return content_terms(words(text))


def content_terms(tokens: list[str]) -> list[str]:
    """:func:`terms` of text already split by :func:`words`."""
    return list(filter(None, map(_term_of.__getitem__, tokens)))


@dataclass(slots=True)
class Tokens:
    """The word tokens of a run of sentences coded as integers, so that each distinct word is
    hashed, looked up and stemmed once per cluster rather than once per occurrence.

    ``words`` are the distinct words in order of first use and ``terms`` their stems (None for
    a stop word or a single character); ``vocabulary`` holds the distinct terms in order of
    first use and ``columns`` each word's place in it (-1 for a stop word).  ``codes`` gives
    every token's place in ``words``, the sentences back to back, and ``counts`` how many
    tokens each sentence has.
    """

    words: list[str]
    terms: list[str | None]
    vocabulary: list[str]
    columns: np.ndarray
    codes: np.ndarray
    counts: np.ndarray

    @classmethod
    def of(cls, sentences: Sequence[Sequence[str]]) -> Tokens:
        """The coded tokens of sentences split by :func:`words`."""
        flat = list(chain.from_iterable(sentences))
        distinct = list(dict.fromkeys(flat))
        place = dict(zip(distinct, range(len(distinct))))
        stems = list(map(_term_of.__getitem__, distinct))
        # scanning the words in order of first use meets every term first at its first use
        vocabulary = list(dict.fromkeys(filter(None, stems)))
        column = dict(zip(vocabulary, range(len(vocabulary))))
        return cls(
            words=distinct,
            terms=stems,
            vocabulary=vocabulary,
            columns=np.fromiter(map(column.get, stems, repeat(-1)), np.int64, len(stems)),
            codes=np.fromiter(map(place.__getitem__, flat), np.int64, len(flat)),
            counts=np.fromiter(map(len, sentences), np.int64, len(sentences)),
        )

    def stop_words(self) -> np.ndarray:
        """Whether each distinct word is a stop word (or a single character)."""
        return self.columns < 0


@dataclass(frozen=True, slots=True, eq=False)
class TermIndex:
    """A row for every spelling of a fixed list, so that tables of term weights can be read as
    arrays indexed by row: a cluster's terms are looked up once, however many tables read
    them.  After other work a lookup into a large dictionary misses the CPU caches, about a
    microsecond each; gathering from arrays does not wait for one miss after another."""

    rows: dict[str, int]

    @classmethod
    def of(cls, spellings: Iterable[str]) -> TermIndex:
        return cls({sys.intern(spelling): row for row, spelling in enumerate(dict.fromkeys(spellings))})

    def __len__(self) -> int:
        return len(self.rows)

    def find(self, spellings: Sequence[str]) -> np.ndarray:
        """The row of each of ``spellings``, -1 for one the index lacks."""
        return np.fromiter(map(self.rows.get, spellings, repeat(-1)), np.int64, len(spellings))


@dataclass(slots=True)
class TermWeights:
    """A weight per stemmed term and one for terms never seen: the shape of every shipped table.

    Read by the rows of a :class:`TermIndex`, a table becomes arrays (:meth:`by_row`,
    :meth:`weigh_pairs`), made on first use for each index and kept.
    """

    weights: dict[str, float]
    unknown: float
    indexed: dict[tuple[str, TermIndex], object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.weights = {sys.intern(term): weight for term, weight in self.weights.items()}

    def __getitem__(self, term: str) -> float:
        return self.weights.get(term, self.unknown)

    def weigh(self, terms: Sequence[str]) -> np.ndarray:
        """The weight of each of ``terms``, looked up in one pass at C speed."""
        return np.fromiter(map(self.weights.get, terms, repeat(self.unknown)), np.float64, len(terms))

    def weigh_known(self, terms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`weigh`, and whether each term is in the table, in one lookup per term (no
        weight is NaN, so NaN marks the terms the table lacks)."""
        found = np.fromiter(map(self.weights.get, terms, repeat(np.nan)), np.float64, len(terms))
        known = ~np.isnan(found)
        return np.where(known, found, self.unknown), known

    def by_row(self, index: TermIndex) -> np.ndarray | None:
        """The weight of every row of ``index`` and, last (row -1), that of a term the index
        lacks; None when the table has a term the index lacks, whose weight rows cannot give."""
        if ("rows", index) not in self.indexed:
            rows = index.find(list(self.weights))
            weights = np.full(len(index) + 1, self.unknown)
            weights[rows] = list(self.weights.values())
            # two threads may both compute it: they store equal arrays
            self.indexed["rows", index] = None if (rows < 0).any() else weights
        return self.indexed["rows", index]

    def weigh_pairs(self, index: TermIndex, first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """:meth:`weigh_known` of the terms "first second" of a table of word pairs (the bigram
        prior), given as rows of ``index`` (-1 for a spelling it lacks) rather than spelled
        out: the table's pairs are coded as integers and searched all at once.  None when a
        term of the table is not two indexed spellings."""
        if ("pairs", index) not in self.indexed:
            pairs = [term.split(" ") for term in self.weights]
            halves = index.find([half for pair in pairs for half in pair])
            coded = None
            if all(len(pair) == 2 for pair in pairs) and not (halves < 0).any():
                keys = halves[0::2] * len(index) + halves[1::2]
                order = np.argsort(keys)
                coded = np.append(keys[order], -1), np.append(np.fromiter(self.weights.values(), np.float64)[order], self.unknown)
            self.indexed["pairs", index] = coded
        coded = self.indexed["pairs", index]
        if coded is None:
            return None
        keys, weights = coded  # a key of -1 last, which no pair has, so every search lands in the arrays
        wanted = np.where((first < 0) | (second < 0), -2, first * len(index) + second)
        place = keys[:-1].searchsorted(wanted)
        known = keys[place] == wanted
        return np.where(known, weights[place], self.unknown), known
