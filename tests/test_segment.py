import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.segment import split


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("He moved to the U.S. in 2001. She did not.", ["He moved to the U.S. in 2001.", "She did not."]),
        ("Officials in the U.S. The economy grew.", ["Officials in the U.S.", "The economy grew."]),
        ("They ranked No. 1 in the poll. Fans cheered.", ["They ranked No. 1 in the poll.", "Fans cheered."]),
        ("J. K. Rowling wrote it. Critics agreed.", ["J. K. Rowling wrote it.", "Critics agreed."]),
        ("The vote is on Nov. 19 this year. Polls open early.", ["The vote is on Nov. 19 this year.", "Polls open early."]),
        ('"We won. It was hard," she said. The team left.', ['"We won. It was hard," she said.', "The team left."]),
        ("“It is over.” Then he left.", ["“It is over.”", "Then he left."]),
        ("He paused... then went on. Later he slept.", ["He paused... then went on.", "Later he slept."]),
        ("Storm Hits Coast\nThe storm arrived at 3 p.m. on Sunday.", ["Storm Hits Coast", "The storm arrived at 3 p.m. on Sunday."]),
        ("Gov. Brown signed it. the bill passed.", ["Gov. Brown signed it.", "the bill passed."]),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        ("Acme Inc. said profits rose. Shares fell.", ["Acme Inc. said profits rose.", "Shares fell."]),
        ("She lives on Main St. near the park. He does not.", ["She lives on Main St. near the park.", "He does not."]),
    ],
)
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
