import itertools

import numpy as np
import pytest
from rouge_score import rouge_scorer

from newsfuse.evaluation import rouge
from newsfuse.evaluation.oracle import ngram_fmeasure, oracle
from newsfuse.evaluation.systems import Newsfuse, Oracle
from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare
from newsfuse.readers import read

from conftest import MULTINEWS_VAL, needs_val

SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
CASES = [
    ("The councils approved the new bridges on Tuesday.", "Councillors approved a bridge on Tuesday evening."),
    ("Rain, rain and more rain flooded the valley towns.", "The valley towns flooded after rain."),
    ("Nothing in common here.", "Entirely different words appear."),
]

CLUSTER = Cluster(
    id="hand",
    references=["Floods forced 300 people from their homes in Tarrow. The mayor opened two shelters."],
    documents=[
        Document(text="Officials met on Monday to discuss the budget for next year. Floods forced 300 people from their homes in Tarrow."),
        Document(text="The weather was mild in the north. The mayor opened two shelters at local schools."),
    ],
)


@pytest.mark.parametrize(("summary", "reference"), CASES)
@pytest.mark.parametrize("n", [1, 2])
def test_gain_arithmetic_agrees_with_rouge_score(summary: str, reference: str, n: int) -> None:
    expected = SCORER.score(reference, summary)[f"rouge{n}"].fmeasure
    assert ngram_fmeasure(rouge.TOKENIZER.tokenize(summary), reference, n) == pytest.approx(expected)


def test_oracle_finds_the_reference_sentences_and_beats_lead() -> None:
    prepared = prepare(CLUSTER)
    chosen = Oracle().summarize(prepared, 40)
    assert chosen == ["Floods forced 300 people from their homes in Tarrow.", "The mayor opened two shelters at local schools."]
    reference = [rouge.sentences_of(CLUSTER.references[0])]
    lead = Newsfuse("lead").summarize(prepared, 20)
    assert rouge.score(chosen, reference)["R2_f"] > rouge.score(lead, reference)["R2_f"]


def test_oracle_respects_the_budget_and_needs_a_reference() -> None:
    prepared = prepare(CLUSTER)
    indices = oracle(prepared, 5)
    assert len(indices) == 1
    with pytest.raises(ValueError, match="no reference"):
        oracle(Cluster(documents=prepared.documents), 50)
    assert oracle(Cluster(documents=[], references=["x"]), 50) == []


@needs_val
def test_oracle_never_scores_below_lead_on_val() -> None:
    clusters = [prepare(c) for c in itertools.islice(read(MULTINEWS_VAL), 25)]
    lead, best = Newsfuse("lead"), Oracle()
    oracle_gaps, greedy_gaps = [], []
    for cluster in clusters:
        references = [rouge.sentences_of(text) for text in cluster.references]
        lead_score = objective(lead.summarize(cluster, 250), references)
        oracle_gaps.append(objective(best.summarize(cluster, 250), references) - lead_score)
        greedy = [cluster.sentences[index].text for index in oracle(cluster, 250)]
        greedy_gaps.append(objective(greedy, references) - lead_score)
    assert min(oracle_gaps) >= -1e-9
    # the greedy search alone already beats lead clearly on average
    assert np.mean(greedy_gaps) > 0.05


def objective(summary: list[str], references: list[list[str]]) -> float:
    scores = rouge.score(summary, references)
    return scores["R1_f"] + scores["R2_f"]
