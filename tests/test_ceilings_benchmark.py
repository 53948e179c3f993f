"""benchmarks/ceilings.py and benchmarks/concept_variants.py measure what their tables say.

A ceiling row that did not really read the reference, or a margin column that compared the
wrong rows, would make the issue's verdict (the target is out of reach of any scorer) wrong.
"""

from types import SimpleNamespace

import numpy as np

from conftest import script
from newsfuse.model import Cluster, Document
from newsfuse.selection import Coverage

CEILINGS = script("benchmarks/ceilings.py")
VARIANTS = script("benchmarks/concept_variants.py")

# The reference is one article's third sentence, 20 words long: with a 20-word budget, a
# selection that ranks by each sentence's own ROUGE against the reference takes it alone.
TARGET_SENTENCE = "Divers recovered the ferry's flight recorder from the murky harbor floor after searching for eleven long days without any rest."
ARTICLES = [
    "The harbor authority closed the northern pier on Monday. Officials said the ferry service would resume next week. "
    + TARGET_SENTENCE
    + " Weather in the region stayed calm through the afternoon.",
    "The northern pier was closed by the harbor authority on Monday morning. The ferry service will resume next week, officials said. "
    "Local shops near the pier reported fewer customers than usual.",
]


def test_ceiling_rows_read_the_reference(monkeypatch) -> None:
    monkeypatch.setattr(CEILINGS, "WORDS", 20)
    cluster = Cluster([Document(text) for text in ARTICLES], id="harbor", references=[TARGET_SENTENCE])
    settings = {"concepts": CEILINGS.ConceptCoverage(), "textrank": CEILINGS.TextRank()}
    results = CEILINGS.systems(cluster, settings)
    assert list(results)[:3] == ["textrank", "learned", "concepts (shipped)"]
    assert all(0.0 <= value <= 1.0 for pair in results.values() for value in pair)
    assert results["perfect labels (own ROUGE gain), learned selection"] == (1.0, 1.0)
    assert results["perfect labels per word^0.5, learned selection"] == (1.0, 1.0)
    assert results["textrank"][0] < 1.0


def test_table_gives_paired_margins_and_whether_the_target_is_reached() -> None:
    ones = np.ones((40, 2))
    values = {"base": ones * 10, "both": ones * [12.5, 12.0], "first": ones * [12.5, 10.5], "none": ones * [11.0, 11.0]}
    lines = CEILINGS.table(values, "base", (2.0, 1.5))
    assert lines[0].startswith("| row | R1 F1 | R2 F1 | ΔR1 vs base | ΔR2 vs base | reaches +2 / +1.5 |")
    rows = {line.split(" | ")[0].strip("| "): line for line in lines[2:]}
    assert rows["both"].endswith("| +2.50 (+2.50 to +2.50) | +2.00 (+2.00 to +2.00) | both |")
    assert rows["first"].endswith("| R1 only |")
    assert rows["none"].endswith("| no |")
    assert rows["base"].endswith("| — |")
    assert not CEILINGS.table(values, "base")[2].endswith("— |")


def test_unigram_concepts_are_content_stems_in_first_use_order() -> None:
    found = VARIANTS.unigrams([["the", "ferries", "sailed"], ["a", "ferry", "sank", "ferry"]])
    assert found.names == ["ferri", "sail", "sank"]
    assert found.rows.tolist() == [0, 0, 1, 1, 1]
    assert found.ids.tolist() == [0, 1, 0, 2, 0]
    sentences, concepts = found.carried()
    assert list(zip(sentences.tolist(), concepts.tolist())) == [(0, 0), (0, 1), (1, 0), (1, 2)]


def test_swap_search_raises_the_objective_without_a_longer_summary() -> None:
    # sentence 0 carries concept 0 (worth 1), sentence 1 concepts 0 and 1, sentence 2 concept 2
    # (worth 5): the greedy's pick {0, 1} is beaten by {1, 2} at the same length
    coverage = Coverage(np.array([0, 1, 1, 2]), np.array([0, 0, 1, 2]), np.array([1.0, 1.0, 5.0]), bonus=0.0)
    vectors = SimpleNamespace(lengths=np.array([10, 10, 10]), similarity=np.eye(3))
    scores = np.zeros(3)
    improved = VARIANTS.swapped([0, 1], coverage, scores, vectors, np.ones(3, bool), redundancy=0.5, words=20)
    assert sorted(improved) == [1, 2]
    assert VARIANTS.objective(coverage, scores, improved) > VARIANTS.objective(coverage, scores, [0, 1])
    shorter = SimpleNamespace(lengths=np.array([10, 10, 30]), similarity=np.eye(3))
    assert sorted(VARIANTS.swapped([0, 1], coverage, scores, shorter, np.ones(3, bool), redundancy=0.5, words=20)) == [0, 1]
