from hypothesis import given
from hypothesis import strategies as st

from newsfuse.cleaning import boilerplate_lines, clean, clean_documents, ends_like_sentence, is_boilerplate, unglued
from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare

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
def test_clean_removes_whole_lines_and_glued_furniture_only(text: str) -> None:
    kept = clean(text).split("\n")
    originals = {unglued(line).strip() for line in text.split("\n")}
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


def test_a_video_player_caption_line_is_chrome_even_with_a_quote_in_it() -> None:
    caption = "JUST WATCHED Ana Ruiz on the budget: 'A plan it is not' Replay More Videos ... MUST WATCH Ana Ruiz on the budget: 'A plan it is not' 02:15"
    assert is_boilerplate(caption)
    assert not is_boilerplate('"I watched the replay and more videos of the match," Ana Ruiz said.')


# Furniture glued to a paragraph's or sentence's start, cased as scraped and lower-cased as
# Multi-News+ has it (sentence starts capitalised); every example is invented.
GLUED = [
    ("Advertisement The ferry board met on Monday.", "The ferry board met on Monday."),
    ("The board met. Advertisement advertisement It voted to raise fares.", "The board met. It voted to raise fares."),
    ("Advertisement continue reading the main story the mayor spoke first.", "the mayor spoke first."),
    ("Photo advertisement continue reading the main story for the crew, it was a long night.", "for the crew, it was a long night."),
    ("Story highlights the ferry will run twice a day", "the ferry will run twice a day"),
    ("Image copyright Getty Images Image caption Crews cleared the pier", "Crews cleared the pier"),
    ("image copyright ana ruiz/harbour press image caption crews cleared the pier", "crews cleared the pier"),
    ("Image copyright AFP The pier reopened.", "The pier reopened."),
    ("Media playback is unsupported on your device Media caption Crews describe the storm", "Crews describe the storm"),
    ("Image caption The pier in 1990", "The pier in 1990"),
    ("FILE - In this May 2 photo, the mayor speaks.", "In this May 2 photo, the mayor speaks."),
    ("File photo: the mayor speaks in Alden.", "the mayor speaks in Alden."),
    ("Photo: Getty Images on Friday, the pier reopened.", "on Friday, the pier reopened."),
    ("RIVERTON, Wyo. (AP) — The council voted to close the depot.", "The council voted to close the depot."),
    ("riverton, wyo. ( ap ) — the council voted.", "the council voted."),
    ("It rained. St. Paul, Minn. (AP) — The council voted.", "It rained. The council voted."),
    ("It rained hard, he said. ALDEN (AP) — The council voted.", "It rained hard, he said. The council voted."),
    ("By Ana Ruiz ALDEN (Reuters) - The council voted.", "The council voted."),
    ("(CNN) The council voted.", "The council voted."),
    ("Kabul, Afghanistan (CNN) The council voted.", "The council voted."),
    ("( cnn ) -- the council voted.", "the council voted."),
    ("A caption... (Associated Press) ALDEN, Ore. (AP) — The council voted.", "A caption... The council voted."),
    ('"It is done," she said. " advertisement the council voted.', '"It is done," she said. " the council voted.'),
    ("Advertisement: for the first time, the pier closed.", "for the first time, the pier closed."),
    ("It closed. Advertisement - Article continues below » The pier reopened.", "It closed. The pier reopened."),
    ("It closed. Advertisement - continue reading below the pier reopened.", "It closed. the pier reopened."),
    ("A caption here. ( ap ) the council voted.", "A caption here. the council voted."),
    # furniture wherever it is
    ("The pier on Monday. ( photo by ana ruiz/harbour press ) the council voted.", "The pier on Monday. the council voted."),
    ("The pier on Monday. (AP Photo) The council voted.", "The pier on Monday. The council voted."),
    ("The pier on Monday. (AP Photo/Ana Ruiz) Story highlights The council voted.", "The pier on Monday. The council voted."),
    ("Crews at the pier ( photo: getty images ) the council voted.", "Crews at the pier the council voted."),
    ("Pier reopens enlarge this image toggle caption Ana Ruiz/NPR Ana Ruiz/NPR The council voted.", "Pier reopens The council voted."),
    ("Play Facebook Twitter Embed Pier reopens after storm 2:07 The council voted.", " The council voted."),
]
# Reporting that opens like furniture, and furniture where cutting it would take real words.
UNTOUCHED = [
    "Photos show the damage to the pier.",
    "Photo: Ana Ruiz took this one from the roof.",
    "File photos of the mayor were shown in court.",
    "The advertisement ran for a week.",
    "Advertisement",
    "He told (CNN) that the vote was close.",
    "Officials said (CNN) would air the hearing.",
    "Lenby, Oct. 9 (UPI) -- The council voted.",
    "She quoted the wire: “BURNS, Ore. (AP) -- The council voted.”",
    "Image copyright law is complicated, she said.",
    "Toggle caption settings to see the text; caption text stays.",
]


def test_glued_furniture_is_cut_and_the_sentence_kept() -> None:
    for text, expected in GLUED:
        assert unglued(text) == expected, text


def test_reporting_that_opens_like_furniture_is_untouched() -> None:
    for text in UNTOUCHED:
        assert unglued(text) == text


def test_clean_cuts_glued_furniture_and_offsets_still_slice_the_cleaned_text() -> None:
    page = "Ferry Board Raises Fares\nALDEN, Ore. (AP) — The ferry board raised fares on Monday. Advertisement Riders were angry.\n"
    cluster = prepare(Cluster([Document(text=page, id="a")]))
    document = cluster.documents[0]
    assert document.text == "Ferry Board Raises Fares\nThe ferry board raised fares on Monday. Riders were angry."
    assert [sentence.text for sentence in document.sentences][1:] == ["The ferry board raised fares on Monday.", "Riders were angry."]
    assert all(document.text[sentence.start : sentence.end] == sentence.text for sentence in document.sentences)


FRAGMENTS = [
    *(text for text, _ in GLUED), *UNTOUCHED, "Advertisement ", "(AP) — ", "Alden (AP) — ", "(CNN) ", "Story highlights ",
    "FILE - ", "Image caption ", "(AP Photo/Ana Ruiz) ", "toggle caption Ana/NPR Ana/NPR ", "The board met.", "it voted", " ", ". ", "\n", "“", "”", "Ore.", ", ", "9 ",
]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join))
def test_unglued_only_deletes_and_is_idempotent(text: str) -> None:
    result = unglued(text)
    assert len(result) <= len(text)
    assert unglued(result) == result
    remaining = iter(text)  # the result is the text with some spans deleted
    assert all(character in remaining for character in result)
    if "embed" not in text.lower():  # a date's digits never go; only a video player's running time does
        assert sum(map(str.isdigit, result)) == sum(map(str.isdigit, text))


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join))
def test_clean_never_grows_text(text: str) -> None:
    assert len(clean(text)) <= len(text.strip()) or not text.strip()
