"""benchmarks/furniture.py pairs the same clusters with and without the glued-furniture rule."""

from conftest import script
from newsfuse.model import Cluster, Document

BENCH = script("benchmarks/furniture.py")

ARTICLES = [
    "ALDEN, Ore. (AP) — The ferry board raised fares by a dollar on Monday. Riders said the increase was steep. "
    "Advertisement The board said fuel costs had doubled since spring.",
    "The ferry board in Alden voted to raise fares on Monday. Fuel costs had doubled, the board said. Riders objected.",
]


def test_both_variants_are_scored_and_the_changed_sentences_counted() -> None:
    cluster = Cluster([Document(text, id=str(index)) for index, text in enumerate(ARTICLES)],
                      references=["The Alden ferry board raised fares by a dollar because fuel costs doubled."])
    scores, changed, sentences = BENCH.systems(cluster, {})
    assert set(scores) == {BENCH.BEFORE, BENCH.AFTER}
    assert all(0 < value <= 1 for pair in scores.values() for value in pair)
    assert changed == 2 and sentences == 6  # the dateline's and the advertisement's sentences
