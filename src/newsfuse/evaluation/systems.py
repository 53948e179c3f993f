"""Every system a run can score, behind one interface and looked up by name.

* newsfuse's summarizers, discovered from :data:`newsfuse.summarizers.SUMMARIZERS` (a method
  added there shows up here with no change);
* ``oracle``: the greedy extractive ROUGE upper bound;
* ``sumy-*``: the real sumy implementations (LexRank, TextRank, LSA, SumBasic, KL).  sumy's own
  tokenizer needs NLTK's punkt data, which cannot be downloaded at run time, so sumy is given
  newsfuse's sentence split and word tokenizer through its document model
  (``ObjectDocumentModel`` / ``Paragraph`` / ``Sentence``), plus its bundled English stop words
  and Snowball stemmer, which need no download.  Every peer therefore sees exactly the
  sentences newsfuse sees;
* ``NAME=PATH``: summaries made elsewhere, a JSONL file of ``{id, summary}`` or a directory of
  ``<id>.txt`` files.

A system returns the summary as a list of sentences.  Word budgets work the same for all
extractive systems: sentences are taken best-first until the budget is reached, so the last
one may cross it.
"""

from __future__ import annotations

import json
import warnings
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from newsfuse import summarizers, text
from newsfuse.evaluation.oracle import oracle
from newsfuse.evaluation.rouge import score, sentences_of
from newsfuse.model import Cluster
from newsfuse.readers import InputError
from newsfuse.readers.decode import decode

ORACLE = "oracle"
SUMY = {
    "sumy-lexrank": LexRankSummarizer,
    "sumy-textrank": TextRankSummarizer,
    "sumy-lsa": LsaSummarizer,
    "sumy-sumbasic": SumBasicSummarizer,
    "sumy-kl": KLSummarizer,
}


class System(ABC):
    """Something that writes a summary of a prepared (cleaned, segmented) cluster."""

    name: str
    #: "newsfuse", "oracle", "peer" or "external": how reports group and colour it
    kind: ClassVar[str]
    #: whether it reads the prepared cluster, so the shared ``prepare`` time is part of its cost
    prepared = True

    @abstractmethod
    def summarize(self, cluster: Cluster, words: int) -> list[str]:
        """The summary's sentences."""


class Newsfuse(System):
    kind = "newsfuse"

    def __init__(self, method: str) -> None:
        self.name = method
        self._summarizer = summarizers.get(method)

    def summarize(self, cluster: Cluster, words: int) -> list[str]:
        return [sentence.text for sentence in self._summarizer(cluster, words).sentences]


class Oracle(System):
    """The extractive ROUGE oracle: the best of two greedy searches and lead, by rouge-score.

    ``truncate_at`` is the scoring cut-off, applied to the references as scoring will.
    """

    name = ORACLE
    kind = "oracle"

    def __init__(self, truncate_at: int | None = None) -> None:
        self._truncate_at = truncate_at
        self._lead = Newsfuse("lead")

    def summarize(self, cluster: Cluster, words: int) -> list[str]:
        sentences = cluster.sentences
        candidates = [
            [sentences[index].text for index in oracle(cluster, words, self._truncate_at, per_word)]
            for per_word in (False, True)
        ]
        candidates.append(self._lead.summarize(cluster, words))
        references = [sentences_of(text) for text in cluster.references]
        return max(candidates, key=lambda summary: self._objective(summary, references))

    def _objective(self, summary: list[str], references: list[list[str]]) -> float:
        scores = score(summary, references, self._truncate_at, ("rouge1", "rouge2"))
        return scores["R1_f"] + scores["R2_f"]


class _Words:
    """The tokenizer object sumy's ``Sentence`` asks for words."""

    @staticmethod
    def to_words(sentence: str) -> list[str]:
        return text.words(sentence)


def _budget(words: int) -> Callable[[list], list]:
    """sumy's ``sentences_count`` as a callable: best-rated sentences until ``words`` is reached."""

    def take(ranked: list) -> list:
        chosen, total = [], 0
        for info in ranked:
            if total >= words:
                break
            chosen.append(info)
            total += len(str(info.sentence).split())
        return chosen

    return take


class Sumy(System):
    kind = "peer"

    def __init__(self, name: str) -> None:
        self.name = name
        self._summarizer = SUMY[name](Stemmer("english"))
        self._summarizer.stop_words = get_stop_words("english")

    def summarize(self, cluster: Cluster, words: int) -> list[str]:
        tokenizer = _Words()
        document = ObjectDocumentModel(
            [Paragraph([Sentence(s.text, tokenizer) for s in d.sentences]) for d in cluster.documents if d.sentences]
        )
        if not document.sentences:
            return []
        with warnings.catch_warnings():
            # LSA warns on every cluster with fewer distinct words than sentences; it still ranks them
            warnings.simplefilter("ignore", UserWarning)
            return [str(sentence) for sentence in self._summarizer(document, _budget(words))]


class External(System):
    """Summaries written elsewhere, matched to clusters by id; a cluster without one scores 0."""

    kind = "external"
    prepared = False

    def __init__(self, name: str, path: str | Path) -> None:
        self.name = name
        self._summaries = load_outputs(Path(path))

    def __contains__(self, cluster_id: str) -> bool:
        return cluster_id in self._summaries

    def summarize(self, cluster: Cluster, words: int) -> list[str]:
        return self._summaries.get(cluster.id, [])


def load_outputs(path: Path) -> dict[str, list[str]]:
    """``{id: sentences}`` from a JSONL file of ``{id, summary}`` or a directory of ``<id>.txt``."""
    if path.is_dir():
        return {file.stem: sentences_of(decode(file.read_bytes(), str(file))) for file in sorted(path.glob("*.txt"))}
    if not path.is_file():
        raise InputError(str(path), "no such file or directory")
    outputs: dict[str, list[str]] = {}
    for number, line in enumerate(decode(path.read_bytes(), str(path)).splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            summary = record["summary"]
            outputs[str(record["id"])] = sentences_of(summary) if isinstance(summary, str) else [str(s) for s in summary]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise InputError(f"{path}:{number}", "expected a JSON object with 'id' and 'summary'") from None
    return outputs


def available() -> list[str]:
    """The names of the built-in systems, newsfuse's first."""
    return [*summarizers.SUMMARIZERS, ORACLE, *SUMY]


def resolve(specs: Sequence[str], truncate_at: int | None = None) -> list[System]:
    """Systems from names and ``NAME=PATH`` specs; unknown names raise ``ValueError``."""
    systems: list[System] = []
    for spec in specs:
        name, _, path = spec.partition("=")
        if path:
            systems.append(External(name, path))
        elif name in summarizers.SUMMARIZERS:
            systems.append(Newsfuse(name))
        elif name == ORACLE:
            systems.append(Oracle(truncate_at))
        elif name in SUMY:
            systems.append(Sumy(name))
        else:
            raise ValueError(f"unknown system {name!r}; choose from {', '.join(available())} or NAME=PATH")
    names = [system.name for system in systems]
    if len(set(names)) != len(names):
        raise ValueError(f"each system may be named once (got {', '.join(names)})")
    return systems
