"""From sentence scores to a cited summary: budget, redundancy, corroboration and order.

Sentences are taken best-first.  One that repeats an already chosen sentence (cosine above
``redundancy``) is not added; syndicated and lightly edited copies end up as corroborating
citations of the chosen sentence instead.  The summary opens with a lede, the chosen sentence
nearest the top of its article, as a news story would; the rest are read in story order: by
document date, then by position in the document.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from newsfuse.model import Citation, Cluster, Sentence, Summary, SummarySentence
from newsfuse.vectors import SentenceVectors

DEFAULT_WORDS = 200
MIN_WORDS = 6
MAX_WORDS = 80
SENTENCE_ENDS = frozenset(".!?…\"'”’)")


def select(
    cluster: Cluster,
    vectors: SentenceVectors,
    scores: np.ndarray,
    words: int = DEFAULT_WORDS,
    redundancy: float = 0.5,
    corroboration: float = 0.7,
    method: str = "",
) -> Summary:
    """Pick sentences by descending score until ``words`` is reached, then order and cite them.

    Headlines, captions and fragments (no final punctuation, very short or run-on) are taken
    only when the whole sentences run out before the budget is reached, as in short clusters
    of truncated articles.
    """
    sentences = cluster.sentences
    lengths = vectors.lengths
    complete = np.array([sentence.text[-1] in SENTENCE_ENDS for sentence in sentences], bool)
    whole = complete & (lengths >= MIN_WORDS) & (lengths <= MAX_WORDS)
    ranked = np.argsort(-scores, kind="stable").tolist()
    chosen: list[int] = []
    taken = [False] * len(sentences)
    closest = np.zeros(len(sentences))  # each sentence's highest similarity to a chosen one
    total = 0
    for eligible in (whole.tolist(), (lengths > 0).tolist()):
        for index in ranked:
            if total >= words:
                break
            if not eligible[index] or taken[index]:
                continue
            if chosen and closest[index] >= redundancy:
                continue
            chosen.append(index)
            taken[index] = True
            np.maximum(closest, vectors.similarity[index], out=closest)
            total += int(lengths[index])
    chosen.sort(key=lambda index: _story_order(cluster, index, sentences))
    if chosen:
        lede = min(range(len(chosen)), key=lambda place: sentences[chosen[place]].index)
        chosen.insert(0, chosen.pop(lede))
    return Summary(
        sentences=[_cite(cluster, sentences, vectors, index, corroboration) for index in chosen],
        cluster=cluster,
        method=method,
    )


def _story_order(cluster: Cluster, index: int, sentences) -> tuple:
    sentence = sentences[index]
    date = cluster.documents[sentence.document].date or dt.date.max
    return (date, sentence.index, sentence.document)


def _cite(cluster: Cluster, sentences: list[Sentence], vectors: SentenceVectors, index: int, threshold: float) -> SummarySentence:
    source = sentences[index]
    best: dict[int, int] = {}
    row = vectors.similarity[index]
    for other in np.nonzero(row >= threshold)[0]:
        document = int(vectors.documents[other])
        if document != source.document and (document not in best or row[other] > row[best[document]]):
            best[document] = int(other)
    return SummarySentence(
        text=source.text,
        citation=Citation.of(cluster, source),
        corroborations=[Citation.of(cluster, sentences[other]) for _, other in sorted(best.items())],
    )
