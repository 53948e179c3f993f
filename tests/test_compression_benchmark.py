"""The compression rules measured by benchmarks/compression.py do what its table claims.

A rule that dropped a negation or cut into the middle of a word would make the measured
numbers describe something no one would ship, so the rules are held to the trust rules here.
"""

from hypothesis import given, settings, strategies as st

from conftest import script
from newsfuse.model import Cluster, Document
from newsfuse.segment import segment


BENCH = script("benchmarks/compression.py")
PREFIX = "An unrelated opening sentence stands first here. "


def compressed(text: str, *families: str) -> str:
    document = segment(Document(PREFIX + text))
    sentence = document.sentences[-1]
    spans = BENCH.kept(sentence, families)
    return "".join(document.text[start:end] for start, end in spans)


def test_each_family_drops_its_span() -> None:
    assert compressed("However, the board voted to close the old depot next spring.", "connectives") == "the board voted to close the old depot next spring."
    assert compressed("The new bridge (a steel design) opens to traffic in the spring.", "parentheticals") == "The new bridge opens to traffic in the spring."
    assert compressed("Maria Lopez, 41, was named head of the harbor board.", "appositives") == "Maria Lopez was named head of the harbor board."
    assert compressed("Maria Lopez, 41, of Tacoma, Wash., was named head of the harbor board.", "appositives") == "Maria Lopez, of Tacoma, Wash., was named head of the harbor board."
    assert compressed("Maria Lopez, 41, and Tom Lee, 39, were named to the harbor board.", "appositives") == "Maria Lopez, 41, and Tom Lee, 39, were named to the harbor board."
    assert compressed("The pilot, Maria Lopez, 41, was named head of the harbor board.", "appositives") == "The pilot, Maria Lopez, 41, was named head of the harbor board."
    assert compressed("Maria Lopez, 41, a former pilot, was named head of the harbor board.", "appositives") == "Maria Lopez, a former pilot, was named head of the harbor board."
    assert compressed("The harbor board named a new chair for the coming year on Friday.", "time") == "The harbor board named a new chair for the coming year."
    assert compressed("The pier, which opened long ago, was closed for repairs by the city.", "clauses") == "The pier was closed for repairs by the city."
    assert compressed("The pier was closed for repairs for most of the season, officials said.", "attribution") == "The pier was closed for repairs for most of the season."


def test_leading_phrases_are_dropped_one_after_another() -> None:
    assert compressed("But on Monday, the council approved the plan for the new park.", "connectives", "time") == "the council approved the plan for the new park."


def test_trust_rules_keep_negations_hedges_quotes_and_numbers() -> None:
    for text in (
        "The mayor (who did not attend) approved the plan for the new park.",
        "The mayor (reportedly ill) approved the plan for the new park today.",
        'The mayor ("a good plan") approved the plan for the new park today.',
        "The mayor (up 12 points) approved the plan for the new park today.",
    ):
        assert compressed(text, "parentheticals") == text


def test_attribution_is_dropped_only_when_asked() -> None:
    text = "The pier was closed for repairs for most of the season, officials said."
    assert compressed(text, *(family for family in BENCH.FAMILIES if family != "attribution")) == text


def test_too_little_left_keeps_the_whole_sentence() -> None:
    assert compressed("But the pier (long closed) reopened.", "connectives", "parentheticals") == "But the pier (long closed) reopened."


def test_compress_replaces_text_and_keeps_the_citation_offsets() -> None:
    document = segment(Document(PREFIX + "Maria Lopez, 41, was named head of the harbor board."))
    cluster = BENCH.compress(Cluster([document]), ("appositives",))
    before, after = document.sentences[-1], cluster.sentences[-1]
    assert after.text == "Maria Lopez was named head of the harbor board."
    assert (after.start, after.end) == (before.start, before.end)


TOKENS = ["But", "however,", "on", "Tuesday", "Tuesday,", "(", ")", "[", "]", ",", "34,", "of", "Ohio,", "who", "which", "said",
          "police", "not", "the", "city", "board", "voted", "to", "close", "depot", "(AP)", "—", "Advertisement", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=30), st.sets(st.sampled_from(["parentheticals", "connectives", "time", "appositives", "clauses", "attribution"])))
def test_kept_text_is_source_substrings_in_order(tokens: list[str], families: set[str]) -> None:
    text = " ".join(tokens)
    document = Document(PREFIX + text)
    sentence = segment(document).sentences[-1]
    spans = BENCH.kept(sentence, families)
    assert spans
    assert all(sentence.start <= start < end <= sentence.end for start, end in spans)
    assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:]))
    kept = "".join(document.text[start:end] for start, end in spans)
    assert kept.strip() and len(kept) <= len(sentence.text)
    assert not BENCH.KEEP.search(sentence.text) or BENCH.KEEP.findall(kept) == BENCH.KEEP.findall(sentence.text)
