import datetime as dt

import numpy as np

from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare
from newsfuse.selection import select
from newsfuse.vectors import SentenceVectors

EARLY = Document(
    text=(
        "Crews closed the ferry terminal on Friday morning after a fuel leak was found. "
        "Officials said the leak came from a cracked valve under the main pier. "
        "\"We will not reopen until every line has been tested,\" the harbor master said on Friday."
    ),
    date=dt.date(2025, 6, 6),
)
LATE = Document(
    text=(
        "The ferry terminal reopened on Sunday after engineers replaced a cracked fuel valve. "
        "Passengers waited in short lines as the first boats left on time."
    ),
    date=dt.date(2025, 6, 8),
)


def _summary_of(preferred: list[tuple[int, int]]):
    """Select exactly the (document, index) sentences in ``preferred``, best first."""
    cluster = prepare(Cluster(documents=[EARLY, LATE]))
    vectors = SentenceVectors.of(cluster)
    places = [(sentence.document, sentence.index) for sentence in cluster.sentences]
    scores = np.zeros(len(places))
    for rank, place in enumerate(preferred):
        scores[places.index(place)] = len(preferred) - rank
    return select(cluster, vectors, scores, words=10 * len(preferred), redundancy=1.01)


def test_summary_opens_with_a_lede_then_follows_story_order() -> None:
    summary = _summary_of([(0, 2), (1, 0), (0, 1)])
    firsts = [sentence.text.split()[0] for sentence in summary.sentences]
    assert firsts == ["The", "Officials", "\"We"]


def test_earliest_lede_opens_when_several_articles_lead() -> None:
    summary = _summary_of([(1, 0), (0, 0)])
    assert [sentence.citation.document for sentence in summary.sentences] == [0, 1]
