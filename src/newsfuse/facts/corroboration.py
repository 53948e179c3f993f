"""Which outlets back each summary sentence.

Selection already lists near-copies (cosine >= 0.7) as corroborations; a reader asking "how
many outlets report this?" also counts paraphrases, so every other document's most similar
sentence counts when its TF-IDF cosine reaches ``SAME_CONTENT`` and the two also share what
is said, not only who it is about: names dominate TF-IDF in news ("Mayor Elena Ruiz-Hartley
said ..."), so at least ``SHARED_CLAIM`` of the lower-case content terms must be shared too.
"""

from __future__ import annotations

from newsfuse.facts.model import Corroboration
from newsfuse.model import Citation, Summary
from newsfuse.text import terms
from newsfuse.vectors import SentenceVectors

SAME_CONTENT = 0.4
SHARED_CLAIM = 0.4


def _claim_terms(text: str) -> frozenset[str]:
    """Content terms of the words written in lower case: the predicate, not the names."""
    return frozenset(terms(" ".join(word for word in text.split() if word[:1].islower())))


def _same_claim(left: str, right: str) -> bool:
    a, b = _claim_terms(left), _claim_terms(right)
    return bool(a and b) and len(a & b) >= SHARED_CLAIM * min(len(a), len(b))


def corroboration(summary: Summary, threshold: float = SAME_CONTENT) -> list[Corroboration]:
    cluster = summary.cluster
    sentences = cluster.sentences
    if not sentences:
        return []
    vectors = SentenceVectors.of(cluster)
    row_of = {(sentence.document, sentence.index): row for row, sentence in enumerate(sentences)}
    found = []
    for item in summary.sentences:
        row = row_of.get((item.citation.document, item.citation.sentence))
        citations = list(item.citations)
        if row is not None:
            cited = {citation.document for citation in citations}
            best: dict[int, int] = {}
            for other, score in enumerate(vectors.similarity[row]):
                document = int(vectors.documents[other])
                if score < threshold or document in cited or document in best and score <= vectors.similarity[row][best[document]]:
                    continue
                if _same_claim(item.text, sentences[other].text):
                    best[document] = other
            citations += [Citation.of(cluster, sentences[other]) for _, other in sorted(best.items())]
        found.append(Corroboration(item.text, citations))
    return found
