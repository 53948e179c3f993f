import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.segment import split

CASES = json.loads((Path(__file__).parent.parent / "benchmarks/data/segmentation_cases.json").read_text())["cases"]


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split(text)]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_news_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_empty_and_punctuation_only() -> None:
    assert split("") == []
    assert split(" \n\n ... \n") == []


@given(st.text(alphabet=st.sampled_from(list("ab. ?!\"“”\nMr'U.S")), max_size=200))
def test_spans_are_ordered_trimmed_and_cover_every_word(text: str) -> None:
    spans = split(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    covered = "".join(text[start:end] for start, end in spans)
    assert sum(c.isalnum() for c in covered) == sum(c.isalnum() for c in text)


@given(st.text(alphabet="a. !?…\"'”’)]\n", max_size=16))
def test_candidates_are_those_of_the_alternation_they_replace(text: str) -> None:
    import re

    from newsfuse.segment import CANDIDATE

    alternation = re.compile(r"(?:\.\.\.|…|[.!?])+[\"'”’)\]]*(?=\s)")
    assert [match.span() for match in CANDIDATE.finditer(text)] == [match.span() for match in alternation.finditer(text)]
