import numpy as np
import pytest
from rouge_score import rouge_scorer, tokenizers

from newsfuse.evaluation import rouge

REFERENCE = ["The council approved the new bridge on Tuesday.", "Construction starts in spring and costs 40 million."]
SUMMARY = ["The council approved a bridge on Tuesday.", "Work starts in the spring."]


def direct(reference: list[str], summary: list[str]) -> dict:
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    return scorer.score("\n".join(reference), "\n".join(summary))


def test_matches_rouge_score_with_porter_stemming() -> None:
    expected = direct(REFERENCE, SUMMARY)
    scores = rouge.score(SUMMARY, [REFERENCE])
    for measure, short in rouge.SHORT.items():
        assert scores[f"{short}_f"] == pytest.approx(expected[measure].fmeasure)
        assert scores[f"{short}_r"] == pytest.approx(expected[measure].recall)
        assert scores[f"{short}_p"] == pytest.approx(expected[measure].precision)


def test_hand_computed_unigram_overlap() -> None:
    # "the cat sat on the mat" vs "the cat sat on a mat": the, cat, sat, on, mat match (5 of 6)
    scores = rouge.score(["the cat sat on the mat"], [["the cat sat on a mat"]])
    assert scores["R1_f"] == pytest.approx(5 / 6)
    assert scores["R2_r"] == pytest.approx(3 / 5)


def test_memoised_tokenizer_is_rouge_scores_tokenizer() -> None:
    text = "Running flies and agreed studies: the U.S. economies grew 3.5% in 2024's third quarter!"
    assert rouge.TOKENIZER.tokenize(text) == tokenizers.DefaultTokenizer(use_stemmer=True).tokenize(text)


def test_multiple_references_pool_hits_like_rouge_155_model_average() -> None:
    # summary "a b c"; references "a b c d" (3 of 4 unigrams hit) and "a x" (1 of 2)
    both = rouge.score(["alpha beta gamma"], [["alpha beta gamma delta"], ["alpha omega"]])
    assert both["R1_r"] == pytest.approx(4 / 6)
    assert both["R1_p"] == pytest.approx(4 / 6)
    assert both["R1_f"] == pytest.approx(4 / 6)
    assert both["R2_r"] == pytest.approx(2 / 4) and both["R2_p"] == pytest.approx(2 / 4)
    # the same reference twice scores as once
    assert rouge.score(SUMMARY, [REFERENCE, REFERENCE]) == pytest.approx(rouge.score(SUMMARY, [REFERENCE]))


def test_truncation_cuts_summary_and_references_keeping_sentences() -> None:
    assert rouge.truncate(["a b c d", "e f"], 5) == ["a b c d", "e"]
    assert rouge.truncate(["a b", "  ", "c"], None) == ["a b", "c"]
    # the reference's words past the cut do not count against recall
    scores = rouge.score(["alpha beta gamma", "delta"], [["alpha beta gamma epsilon zeta"]], words=3)
    assert scores["R1_r"] == pytest.approx(1.0) and scores["R1_p"] == pytest.approx(1.0)


def test_rouge_lsum_sees_sentences() -> None:
    # summary-level LCS unions each summary sentence's LCS: reordered sentences still match
    reference = ["storm hit the coast power failed in town"]
    joined = rouge.score(["power failed in town storm hit the coast"], [reference])
    split = rouge.score(["power failed in town", "storm hit the coast"], [reference])
    assert split["RL_f"] == pytest.approx(1.0)
    assert joined["RL_f"] == pytest.approx(0.5)


def test_no_reference_is_an_error_and_empty_summary_scores_zero() -> None:
    with pytest.raises(ValueError):
        rouge.score(SUMMARY, [])
    assert rouge.score([], [REFERENCE])["R1_f"] == 0.0


def test_sentences_of_splits_a_text() -> None:
    assert rouge.sentences_of("One here. Two there.\nThree") == ["One here.", "Two there.", "Three"]


def test_lcs_cache_changes_no_score(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(5)
    vocabulary = "the a storm river town rain flood mayor council bridge said on in of".split()
    cases = [
        ([" ".join(rng.choice(vocabulary, rng.integers(3, 12))) for _ in range(rng.integers(1, 5))],
         [" ".join(rng.choice(vocabulary, rng.integers(3, 12))) for _ in range(rng.integers(1, 5))])
        for _ in range(40)
    ]
    cached = [rouge.score(summary, [reference]) for summary, reference in cases]
    monkeypatch.setattr(rouge_scorer, "lcs_ind", rouge._lcs_ind)
    plain = [rouge.score(summary, [reference]) for summary, reference in cases]
    assert cached == plain
    assert rouge_scorer.lcs_ind is rouge._lcs_ind
