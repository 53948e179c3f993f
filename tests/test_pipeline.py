import pytest

import newsfuse
from newsfuse import summarizers
from newsfuse.model import Document

from conftest import SEEDS, needs_seeds

WIRE = "Heavy rain flooded the lower town of Tarrow on Monday, forcing 300 residents from their homes."
ARTICLES = [
    f"{WIRE} Mayor Ann Oduya said shelters were open at two schools. The river peaked at noon.",
    f"{WIRE} Rescue crews used boats to reach the elderly. The river peaked at noon, officials said.",
    "Forecasters expect more rain in Tarrow this week. Mayor Ann Oduya urged residents to stay away from the river bank.",
]


def test_every_sentence_is_cited_and_offsets_point_at_it() -> None:
    summary = newsfuse.summarize(ARTICLES, words=60)
    assert summary.sentences
    for sentence in summary.sentences:
        document = summary.cluster.documents[sentence.citation.document]
        assert document.text[sentence.citation.start : sentence.citation.end] == sentence.text


def test_syndicated_sentence_counts_once_and_is_corroborated() -> None:
    summary = newsfuse.summarize(ARTICLES, words=200)
    texts = [sentence.text for sentence in summary.sentences]
    assert texts.count(WIRE) == 1
    wire = next(sentence for sentence in summary.sentences if sentence.text == WIRE)
    assert wire.corroboration == 2


def test_word_budget_is_respected_up_to_one_sentence() -> None:
    summary = newsfuse.summarize(ARTICLES, words=20)
    assert summary.words - len(summary.sentences[-1].text.split()) < 20


def test_story_order_follows_dates() -> None:
    import datetime as dt

    documents = [
        Document(text="Engineers reopened the repaired bridge to traffic after four days of work.", date=dt.date(2024, 3, 9)),
        Document(text="Police closed the bridge on Monday when a crack appeared in the deck.", date=dt.date(2024, 3, 4)),
    ]
    summary = newsfuse.summarize(documents, words=100)
    assert [s.text.split()[0] for s in summary.sentences] == ["Police", "Engineers"]


@pytest.mark.parametrize("method", sorted(summarizers.SUMMARIZERS))
def test_every_method_handles_small_and_degenerate_clusters(method: str) -> None:
    for documents in (["One sentence only here, nothing more to add."], ["Same text twice in a row here."] * 2, ["!!!", "Fine sentence with enough words to count."]):
        summary = newsfuse.summarize(documents, words=50, method=method)
        assert summary.method == method


def test_unknown_method_and_empty_input() -> None:
    with pytest.raises(ValueError, match="unknown method"):
        newsfuse.summarize(ARTICLES, method="magic")
    with pytest.raises(newsfuse.InputError):
        newsfuse.summarize([])


@needs_seeds
def test_seed_cluster_cites_all_three_outlets_and_no_boilerplate() -> None:
    summary = newsfuse.summarize(SEEDS)
    cited = {citation.document for sentence in summary.sentences for citation in sentence.citations}
    assert cited == {0, 1, 2}
    for junk in ("Credit:", "Getty Images", "Share", "Latest News", "Privacy Policy"):
        assert junk not in summary.text


def test_huge_document_is_summarized_from_its_opening(tmp_path) -> None:
    sentences = [f"Report number {n} says the river rose by {n % 7} feet near bridge {n % 13}." for n in range(20000)]
    path = tmp_path / "huge.txt"
    path.write_text(" ".join(sentences))
    summary = newsfuse.summarize([path], words=50)
    assert summary.sentences
    assert all(sentence.citation.sentence < 1500 for sentence in summary.sentences)
    assert len(summary.cluster.documents[0].sentences) == 20000


def test_long_one_line_article_is_text_not_a_path() -> None:
    article = "The council met for a long session about the new ferry schedule and its costs. " * 10
    summary = newsfuse.summarize([article.strip()], words=30)
    assert summary.sentences
