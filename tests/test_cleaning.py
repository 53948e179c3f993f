from hypothesis import given
from hypothesis import strategies as st

from newsfuse.cleaning import boilerplate_lines, clean, clean_documents, ends_like_sentence, is_boilerplate
from newsfuse.model import Document

from conftest import SEEDS, needs_seeds

PAGE = """Harbour Ferry Resumes Service After Storm
Share
Tweet
Email
The ferry between Alden and Rook Island resumed service on Tuesday after a three-day halt.
Credit: Mara Quinn/Coastline Photo Agency
Passengers wait at the Alden terminal, Tuesday, March 5
"We are relieved to be moving again," said captain Ilse Brandt.
Latest News
Council Approves New Budget
Local Team Wins Cup Final
Advertisement
Sign up for our morning newsletter to get the news first.
© 2024 Alden Courier. All rights reserved. Privacy Policy | Terms of Use
"""
# Lines with promo phrases, promo patterns and their hint words in ordinary reporting.
PROMO_LINES = [
    *PAGE.split("\n"),
    "Follow @aldencourier on Twitter for updates",
    "Tags: ferry, storm, Alden",
    "Download our free news app today",
    "The stage was set for a tense hostage standoff, police said.",
    "We may earn a commission from links on this page.",
    "Filed under weather",
    "Topics: transport",
    "Stay with Channel 9 for updates",
    "The latest figures came out on Monday.",
    "Get the latest Alden Courier app alerts",
]


def test_removes_boilerplate_and_keeps_paragraphs_and_quotes() -> None:
    cleaned = clean(PAGE).split("\n")
    assert cleaned == [
        "Harbour Ferry Resumes Service After Storm",
        "The ferry between Alden and Rook Island resumed service on Tuesday after a three-day halt.",
        '"We are relieved to be moving again," said captain Ilse Brandt.',
    ]


def test_sentences_are_kept_even_when_short_or_quoted() -> None:
    for line in ["He resigned on Monday.", "“No,” she said.", "Police said two people were hurt in the crash."]:
        assert not is_boilerplate(line)


def test_lines_one_outlet_repeats_are_removed() -> None:
    footer = "The Alden Courier has served readers on the island since 1921 and thanks them for reading."
    documents = [
        Document(text=f"Story {n} text is a sentence about the harbour.\n{footer}", source="Alden Courier")
        for n in range(2)
    ]
    assert all(footer not in document.text for document in clean_documents(documents))
    other_outlet = [Document(text=f"Body.\n{footer}", source=name) for name in ("A", "B")]
    assert all(footer in document.text for document in clean_documents(other_outlet))


@needs_seeds
def test_seed_boilerplate_is_removed() -> None:
    text = "\n".join(clean(path.read_text()) for path in SEEDS)
    for junk in ["Credit: Lester Cohen/WireImage", "Kevin Winter/Getty Images", "Latest News", "Privacy Policy", "• Tweet"]:
        assert junk not in text
    assert "Pink began the first verse before being joined by Clarkson." in text


@given(st.text(max_size=500))
def test_clean_only_removes_whole_lines(text: str) -> None:
    kept = clean(text).split("\n")
    originals = {line.strip() for line in text.split("\n")}
    assert all(line in originals for line in kept if line)
    assert boilerplate_lines(text) <= set(range(len(text.split("\n"))))


def test_ends_like_sentence_matches_the_regular_expression_it_replaces() -> None:
    import re

    pattern = re.compile(r"[.!?…][\"'”’)\]]*$")
    for text in ["Done.", "Done", "“Go!”", "Why?)\n", "Wait…'", "a.b", "", ".", "Ends.\n\n", "(Note.) ", "x]"]:
        assert ends_like_sentence(text) == bool(pattern.search(text)), text


@given(st.text(alphabet="ab1 .!?…\"'”’)]\n\t", max_size=12))
def test_ends_like_sentence_on_any_text(text: str) -> None:
    import re

    assert ends_like_sentence(text) == bool(re.search(r"[.!?…][\"'”’)\]]*$", text))


@given(st.lists(st.sampled_from(PROMO_LINES), max_size=8))
def test_judging_many_lines_at_once_is_judging_each(lines: list[str]) -> None:
    content = [index for index, line in enumerate(lines) if line.strip()]
    expected = {index for index in content if is_boilerplate(lines[index], first=index == content[0])}
    assert boilerplate_lines("\n".join(lines)) == expected
