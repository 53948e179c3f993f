import numpy as np

from newsfuse.model import Cluster, Document, Sentence
from newsfuse.summarizers.centroid import best_matches, support
from newsfuse.vectors import SentenceVectors


def _loop_best(vectors: SentenceVectors, documents: int) -> np.ndarray:
    """The definition, one document at a time."""
    best = np.zeros((len(vectors), documents))
    for document in range(documents):
        columns = vectors.documents == document
        if columns.any():
            best[:, document] = vectors.similarity[:, columns].max(axis=1)
    best[np.arange(len(vectors)), vectors.documents] = 0.0
    return best


def test_best_matches_follow_their_definition_in_any_document_order() -> None:
    texts = [
        "Rain flooded the valley road on Monday.", "Schools in the valley closed early.",
        "The valley road reopened after the rain stopped.", "A bridge near the school was damaged.",
        "Officials inspected the damaged bridge.", "Flood water reached the school gates.",
    ]
    # documents out of order, and document 2 without sentences
    owners = [1, 0, 1, 3, 0, 3]
    cluster = Cluster(documents=[Document(text="") for _ in range(4)])
    cluster.documents[0].sentences.extend(Sentence(t, d, i, 0, len(t)) for i, (t, d) in enumerate(zip(texts, owners)))
    vectors = SentenceVectors.of(cluster)
    assert vectors.documents.tolist() == owners
    assert np.array_equal(best_matches(vectors, 4), _loop_best(vectors, 4))
    assert np.array_equal(support(vectors, 4), _loop_best(vectors, 4).sum(axis=1) / 3)
    assert best_matches(vectors, 4)[:, 2].tolist() == [0.0] * len(texts)


def test_no_sentences_no_matches() -> None:
    vectors = SentenceVectors.of(Cluster(documents=[Document(text="")]))
    assert best_matches(vectors, 1).shape == (0, 1)
