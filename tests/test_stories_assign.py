import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.model import Document
from newsfuse.stories import Article, StoryAssigner, assign_stream, bcubed, featurize, featurize_all
from newsfuse.stories.hashing import bucket
from newsfuse.stories.dedup import Deduplicator, signature
from newsfuse.text import stem

from story_feed import make_feed

FLOOD = (
    "Heavy rain flooded the harbor district of Tarrow on Monday, forcing three hundred residents "
    "from their homes. Mayor Ann Oduya said shelters were open at two schools. The river peaked at "
    "noon and pumps ran through the night."
)
FLOOD_OTHER = (
    "Rescue crews in boats reached elderly residents after the river burst its banks in Tarrow. "
    "About three hundred people left flooded homes in the harbor district, and Mayor Ann Oduya "
    "opened school shelters."
)
BATTERY = (
    "Chip maker Quantix unveiled a solid-state battery for laptops at its developer conference, "
    "promising twice the runtime. Analysts said mass production would not begin before next year."
)
BATTERY_OTHER = (
    "Shares of Quantix climbed four percent after the company showed a solid-state laptop battery "
    "with double the runtime. Production is planned for next year, executives said."
)


def document(text: str, day: int = 1, title: str = "") -> Document:
    return Document(text=text, title=title, date=dt.date(2025, 3, day))


def test_handmade_articles_form_their_stories() -> None:
    labels = assign_stream([document(FLOOD), document(BATTERY), document(FLOOD_OTHER), document(BATTERY_OTHER)])
    assert labels[0] == labels[2] != labels[1] == labels[3]


def test_syndicated_copy_is_linked_to_its_original_and_keeps_the_centroid() -> None:
    assigner = StoryAssigner()
    first = assigner.assign(document(FLOOD), key=10)
    copy = assigner.assign(document(FLOOD.replace("Monday", "Monday night") + " (Wire)", 2), key=11)
    assert copy.duplicate_of == 10 and copy.story == first.story and not copy.new
    other = assigner.assign(document(BATTERY, 2), key=12)
    assert other.duplicate_of is None and other.new


def test_own_words_are_not_duplicates() -> None:
    index = Deduplicator()
    index.add(1, featurize(document(FLOOD)).signature, 0.0)
    assert index.find(featurize(document(FLOOD_OTHER)).signature) is None
    assert index.find(featurize(document(FLOOD)).signature).original == 1
    assert featurize(document("Too short to judge.")).signature is None
    assert np.array_equal(signature(FLOOD), featurize(document(FLOOD)).signature)


def test_stories_older_than_the_window_are_closed() -> None:
    assigner = StoryAssigner(window=2.0)
    old = assigner.assign(document(FLOOD, 1))
    decision = assigner.assign(document(BATTERY, 10))
    assert decision.closed == (old.story,)
    assert assigner.open_stories == 1
    late = assigner.assign(document(FLOOD_OTHER, 10))
    assert late.new and late.story != old.story


def test_memory_is_bounded_by_the_window_not_the_stream() -> None:
    records = make_feed(stories=60, per_story=3, seed=3)
    assigner = StoryAssigner(window=1.0)
    peak = 0
    for key, record in enumerate(records):
        assigner.assign(Document(text=record["text"], title=record["title"], date=dt.date.fromisoformat(record["date"])), key)
        peak = max(peak, assigner.open_stories)
    assert peak <= 25  # ten stories a day, two days in view at most
    assert len(assigner.dedup) <= 3 * 25


def test_generated_feed_is_grouped_exactly() -> None:
    records = make_feed(stories=20, per_story=3, seed=1)
    documents = [Document(text=r["text"], title=r["title"], date=dt.date.fromisoformat(r["date"])) for r in records]
    score = bcubed(assign_stream(documents), [record["story"] for record in records])
    assert score.f1 == pytest.approx(1.0)


def test_article_bytes_round_trip() -> None:
    article = featurize(document(FLOOD, title="Tarrow floods"), key=5)
    copy = Article.from_bytes(article.to_bytes(), 5, article.time)
    assert copy.vector == article.vector
    assert np.array_equal(copy.signature, article.signature)
    assert sum(weight * weight for weight in article.vector.values()) == pytest.approx(1.0)


def test_title_and_names_weigh_more() -> None:
    text = "the harbor of tarrow saw rain and a council vote"
    plain = featurize(Document(text=text)).vector
    titled = featurize(Document(text=text, title="Council vote")).vector
    named = featurize(Document(text=text.replace("of tarrow", "of Tarrow"))).vector
    council, tarrow = bucket(stem("council")), bucket(stem("tarrow"))
    assert titled[council] > plain[council]
    assert named[tarrow] > plain[tarrow]


def test_bcubed_known_values() -> None:
    assert bcubed([1, 1, 2], ["a", "a", "b"]).f1 == 1.0
    everything = bcubed([1, 1, 1, 1], ["a", "a", "b", "b"])
    assert everything.recall == 1.0 and everything.precision == pytest.approx(0.5)
    singletons = bcubed([1, 2, 3, 4], ["a", "a", "b", "b"])
    assert singletons.precision == 1.0 and singletons.recall == pytest.approx(0.5)
    with pytest.raises(ValueError):
        bcubed([1], [])


def test_memo_is_bounded() -> None:
    from newsfuse.text import Memo

    calls: list[str] = []
    memo = Memo(lambda word: calls.append(word) or len(word), limit=3)
    assert [memo[word] for word in ["a", "bb", "a", "ccc", "dddd", "bb"]] == [1, 2, 1, 3, 4, 2]
    assert calls == ["a", "bb", "ccc", "dddd", "bb"]
    assert len(memo) <= 3


def test_signature_is_datasketch_minhash_of_the_shingles() -> None:
    from datasketch import MinHash

    from newsfuse.stories.dedup import PERMUTATIONS, SEED, shingle_signature

    hashes = np.random.default_rng(3).integers(0, 2**32, size=300, dtype=np.uint64).astype(np.uint32)
    hashes[100:150] = hashes[:50]  # repeated shingles count once
    values = hashes.astype(np.uint32)
    shingles = (values[:-2] * np.uint32(0x9E3779B1) + values[1:-1]) * np.uint32(0x85EBCA6B) + values[2:]
    reference = MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=int)
    reference.update_batch(shingles.tolist())
    assert np.array_equal(shingle_signature(hashes), reference.hashvalues)


def test_names_are_capitals_inside_sentences() -> None:
    from newsfuse.stories.assign import NAME

    text = "The Mayor of Tarrow met Ann, Bob; Cy. Then Dee and X-ray Eve at NASA"
    assert NAME.findall(text) == ["Mayor", "Tarrow", "Ann", "Bob", "Cy", "Dee", "Eve"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 2**22 - 1), max_size=14), max_size=6))
def test_signatures_of_a_batch_are_each_texts_signature(sequences: list[list[int]]) -> None:
    from newsfuse.stories.dedup import shingle_signature, shingle_signatures

    for alone, together in zip(map(shingle_signature, sequences), shingle_signatures(sequences), strict=True):
        assert (alone is None and together is None) or (alone.dtype == together.dtype and np.array_equal(alone, together))


def test_featurize_all_is_featurize_of_each() -> None:
    documents = [document(FLOOD, title="Tarrow floods"), document("Too short."), document(BATTERY), document(FLOOD_OTHER, 2)]
    for alone, together in zip((featurize(d, key) for key, d in enumerate(documents, 7)), featurize_all(documents, 7), strict=True):
        assert (alone.key, list(alone.vector.items()), alone.time) == (together.key, list(together.vector.items()), together.time)
        assert (alone.signature is None) == (together.signature is None)
        assert alone.signature is None or np.array_equal(alone.signature, together.signature)


def test_terms_sharing_a_bucket_add_up(monkeypatch) -> None:
    from newsfuse.stories import assign

    text = "harbor flood harbor council vote"
    apart = featurize(Document(text=text)).vector
    merged = stem("flood"), stem("council")
    monkeypatch.setattr(assign, "term_bucket", lambda term: bucket(merged[0]) if term in merged else bucket(term))
    shared = featurize(Document(text=text)).vector
    assert bucket(stem("council")) not in shared and len(shared) == len(apart) - 1
    flood, council, vote = (bucket(stem(word)) for word in ("flood", "council", "vote"))
    assert shared[flood] / shared[vote] == pytest.approx((apart[flood] + apart[council]) / apart[vote])
