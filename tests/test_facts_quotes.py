import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.facts import extract, quoting
from newsfuse.facts.entities import EntityIndex
from newsfuse.facts.model import Quote
from newsfuse.facts.quoting import reports
from newsfuse.facts.quotes import is_title, spans
from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare, to_cluster
from newsfuse.segment import segment


def quotes_of(*articles: str) -> list[tuple[str, str | None]]:
    facts = extract(prepare(to_cluster(list(articles))))
    return [(quote.text, quote.speaker) for quote in facts.quotes]


def test_spans_pair_straight_curly_and_mixed_marks() -> None:
    text = '"We are ready, " said Ada Gill. “Fully ready." She smiled.'
    assert [text[span.start : span.end] for span in spans(text)] == ["We are ready,", "Fully ready."]


def test_unclosed_quote_continues_into_next_paragraph() -> None:
    text = "“The pumps failed first.\n“Then the lights went out,” the engineer said."
    found = spans(text)
    assert [text[span.start : span.end] for span in found] == ["The pumps failed first.", "Then the lights went out,"]
    assert found[0].continues


def test_apostrophes_are_not_quotes_and_nested_quotes_stay_inside() -> None:
    text = "'Cause we rock 'n' roll. “The sign said “Closed.” We left,” Lee said."
    assert [text[span.start : span.end] for span in spans(text)] == ["The sign said “Closed.” We left,"]


def test_speaker_after_the_quote_plain_and_inverted() -> None:
    article = (
        "Flood waters rose along the Brenn river on Tuesday morning.\n"
        "“We moved the animals to high ground,” farmer Tobias Wren said.\n"
        "“Nobody expected this much rain,” said Rep. Marta Ilves, who toured the area."
    )
    assert quotes_of(article) == [
        ("We moved the animals to high ground,", "Tobias Wren"),
        ("Nobody expected this much rain,", "Marta Ilves"),
    ]


def test_speaker_before_the_quote_with_colon_and_long_appositive() -> None:
    article = (
        "Dana Okoro, the head of the Brenn Valley Farmers Association, wrote on Twitter: “Help is on the way.”\n"
        "“The levee held,” Piet Valk, an engineer with the regional water board who inspected it twice, told reporters."
    )
    assert quotes_of(article) == [("Help is on the way.", "Dana Okoro"), ("The levee held,", "Piet Valk")]


def test_pronoun_and_continuation_resolve_to_the_last_named_speaker() -> None:
    article = (
        "Mayor Lina Sorel visited the shelter on Wednesday.\n"
        "“People need dry beds tonight,” she said. “And they need hot food.”\n"
        "“We will rebuild every road.”"
    )
    assert quotes_of(article) == [
        ("People need dry beds tonight,", "Lina Sorel"),
        ("And they need hot food.", "Lina Sorel"),
        ("We will rebuild every road.", "Lina Sorel"),
    ]


def test_role_noun_and_anonymous_sources() -> None:
    article = (
        "The singer Ivo Marsh cancelled his show in Brenn.\n"
        "“My fans are safe, and that is what matters,” the singer said.\n"
        "“It was chaos for a while,” a police officer said."
    )
    assert quotes_of(article) == [
        ("My fans are safe, and that is what matters,", "Ivo Marsh"),
        ("It was chaos for a while,", None),
    ]


def test_titles_and_scare_quotes_are_not_quotes() -> None:
    article = (
        "The band played “Silver Morning Rain” to open the night.\n"
        "The staging was “brave” by any standard.\n"
        "“I wrote it for my father,” said Ivo Marsh."
    )
    assert quotes_of(article) == [("I wrote it for my father,", "Ivo Marsh")]
    assert is_title("Silver Morning Rain") and not is_title("We left early, he said.")


def test_partial_quote_is_attributed_to_the_subject() -> None:
    article = "Senator Ruth Adeyemi said the budget was “a gift to nobody” and voted against it."
    facts = extract(prepare(to_cluster([article])))
    assert [(quote.text, quote.speaker, quote.kind) for quote in facts.quotes] == [("a gift to nobody", "Ruth Adeyemi", "partial")]


def test_same_quote_from_two_outlets_is_merged_with_name_variants() -> None:
    first = "“The dam is safe for now,” said Matthew Oyelaran, the county engineer, on Monday."
    second = "County engineer Matt Oyelaran said: “The dam is safe for now.” Crews kept watch overnight."
    facts = extract(prepare(to_cluster([first, second])))
    assert len(facts.quotes) == 1
    quote = facts.quotes[0]
    assert quote.outlets == ["document 1", "document 2"]
    assert quote.speaker in {"Matthew Oyelaran", "Matt Oyelaran"}
    cluster = prepare(to_cluster([first, second]))
    for citation in extract(cluster).quotes[0].citations:
        assert "dam is safe" in cluster.documents[citation.document].text[citation.start : citation.end]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_extraction_never_raises(text: str) -> None:
    documents = [Document(text=text, id="a"), Document(text="“" + text + "” he said. Monday, 12 killed", id="b", date=dt.date(2020, 1, 6))]
    cluster = prepare(Cluster(documents))
    facts = extract(cluster)
    assert isinstance(facts.to_dict(), dict)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", '"', "'", "‘", "’", "said", "Ann Lee", ",", ".", "\n", " ", "x"]), max_size=60))
def test_spans_never_overlap_on_mark_soup(parts: list[str]) -> None:
    text = "".join(parts)
    found = spans(text)
    for left, right in zip(found, found[1:]):
        assert left.end <= right.start
    assert all(0 <= span.start < span.end <= len(text) for span in found)


def test_according_to_instagram_and_statements() -> None:
    article = (
        "The Harlow Aquarium closed its shark tank on Friday.\n"
        "“The tank needs a new filter,” according to the Harlow Aquarium.\n"
        "Diver Noor Castell wrote on Instagram: “Goodbye for now, my finned friends!”\n"
        "A spokeswoman for the Marine Safety Board said the closure was routine. "
        "“No animal was ever at risk,” the spokeswoman said.\n"
        "Castell's agency issued a statement on Saturday. “She is taking a short break,” the statement said."
    )
    assert quotes_of(article) == [
        ("The tank needs a new filter,", "Harlow Aquarium"),
        ("Goodbye for now, my finned friends!", "Noor Castell"),
        ("No animal was ever at risk,", "Marine Safety Board"),
        ("She is taking a short break,", "Noor Castell"),
    ]


def test_pronoun_prefers_the_person_introduced_since_the_last_quote() -> None:
    article = (
        "“The ferry is late again,” said commuter Ruth Banner.\n"
        "Transit director Omar Lisk blamed the fog. "
        "“We cannot sail blind,” he said."
    )
    assert quotes_of(article) == [("The ferry is late again,", "Ruth Banner"), ("We cannot sail blind,", "Omar Lisk")]


def test_accented_and_shortened_names_merge_into_one_entity() -> None:
    first = "Mayor Carmen Yulín Ortega opened the school. Ortega said it had cost too much."
    second = "Carmen Yulin Ortega, the mayor, cut the ribbon on Monday."
    people = [entity for entity in EntityIndex(prepare(to_cluster([first, second]))).entities if entity.kind == "person"]
    assert len(people) == 1 and set(people[0].variants) == {"Carmen Yulín Ortega", "Carmen Yulin Ortega", "Ortega"}


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    article = (
        "Coach Hanna Berg praised the team after the final.\n"
        "“We ran hard for ninety minutes,” she said. Striker Tomas Lind scored twice. Berg hugged Lind at the whistle.\n"
        "“I felt fast today,” he said."
    )
    assert quotes_of(article) == [("We ran hard for ninety minutes,", "Hanna Berg"), ("I felt fast today,", "Tomas Lind")]


def test_attribution_in_the_next_short_sentence_and_company_spokespeople() -> None:
    article = (
        "“Our servers were never breached.” Orvane tweeted on Tuesday.\n"
        "“We are reviewing every account,” wrote an Orvane spokeswoman in an email.\n"
        "“Nobody reads the terms.” Sen. Pia Horvath, a critic of the firm, said in an interview on Monday.\n"
        "“The rules are clear,” said Pia Horvath. “We will see.” Mayor Ola Brandt said the firm had ignored them."
    )
    assert quotes_of(article) == [
        ("Our servers were never breached.", "Orvane"),
        ("We are reviewing every account,", "Orvane"),
        ("Nobody reads the terms.", "Pia Horvath"),
        ("The rules are clear,", "Pia Horvath"),
        ("We will see.", "Pia Horvath"),
    ]


def test_they_after_two_named_people_is_both() -> None:
    article = "Ada Mirel and Joss Varn closed the gala with a duet.\n“We never rehearsed this,” they said, laughing."
    assert quotes_of(article) == [("We never rehearsed this,", "Ada Mirel and Joss Varn")]


def test_lowercase_quote_after_that_is_a_full_clause() -> None:
    article = "Economist Lea Strand said that “prices will fall by spring” and called the plan “a gamble.”"
    facts = extract(prepare(to_cluster([article])))
    assert [(quote.text, quote.kind) for quote in facts.quotes] == [("prices will fall by spring", "full"), ("a gamble.", "partial")]


def test_two_single_marks_close_a_double_quote() -> None:
    text = "“The roads are open again,’’ the post said."
    assert [text[span.start : span.end] for span in spans(text)] == ["The roads are open again,"]


def test_noun_phrase_subjects_are_not_the_names_inside_them() -> None:
    article = (
        "A spokesman for the Harbour Police said the pier would stay shut. “We will not guess at a cause,” he said.\n"
        "A friend close to the Varga family said: “They are holding up well.”\n"
        "The Lenby fire department said that crews were “still on site at midnight.”\n"
        "Coach Mara Solt praised the crowd and has promised a “bigger show next year.”"
    )
    assert quotes_of(article) == [
        ("We will not guess at a cause,", "Harbour Police"),
        ("They are holding up well.", None),
        ("still on site at midnight.", "Lenby fire department"),
        ("bigger show next year.", "Mara Solt"),
    ]


def test_pronoun_goes_to_the_speaker_just_introduced_not_an_earlier_repeated_name() -> None:
    article = (
        "“We ran out of sandbags by noon,” Chief Ivo Tamm said at the briefing. Tamm said the river crested twice.\n"
        "Mayor Lina Sorel said the town would rebuild. “Every family will get help,” she said."
    )
    assert quotes_of(article)[-1] == ("Every family will get help,", "Lina Sorel")


def test_straight_single_quotes_are_quotes_but_apostrophes_and_elisions_are_not() -> None:
    text = "'We are done,' the band said. 'Cause we rock 'n' roll since the '80s, Jo's fans' club said 'goodbye.'"
    assert [text[span.start : span.end] for span in spans(text)] == ["We are done,", "goodbye."]
    article = "Councillor Aldo Brun called the budget 'a gift to nobody' on Monday.\n'We will vote no,' Brun said."
    assert quotes_of(article) == [("a gift to nobody", "Aldo Brun"), ("We will vote no,", "Aldo Brun")]


def test_embedded_post_is_its_authors_unless_it_quotes_someone_else() -> None:
    article = (
        "The mayor reacted online.\n"
        "I said “the bridge stays open” and I meant it. — Rosa Lind (@rosalind) March 3, 2021\n"
        "Staff at Brenn Zoo were relieved. .@brennzoo says the lion is “doing fine” after the storm — Tom Alder (@tomalder) March 3, 2021\n"
        "Back on the ice today! “Never give up.” A post shared by Petra Kovalenko (@petrak) on Mar 4, 2021 at 9:12am PST"
    )
    # the cleaner drops the Instagram credit line, so the post is read from the raw text here
    cluster = Cluster([segment(Document(text=article, id="post"), 0)])
    found = [(quote.text, quote.speaker) for quote in reports(cluster, EntityIndex(cluster))]
    assert found == [("the bridge stays open", "Rosa Lind"), ("doing fine", "Brenn Zoo"), ("Never give up.", "Petra Kovalenko")]


def test_document_subject_is_its_issuer_and_a_described_company_the_nearest_one() -> None:
    article = (
        "A statement from Halvard Freight said: “We regret the delays.”\n"
        "Orbis Labs closed its plant in Tarn on Friday, citing costs.\n"
        "“The market has collapsed,” the Tarn-based company said."
    )
    assert quotes_of(article) == [("We regret the delays.", "Halvard Freight"), ("The market has collapsed,", "Orbis Labs")]


def test_nickname_and_later_objects_do_not_take_the_speaker() -> None:
    article = (
        "Radio host Vic Amundsen spoke on Monday.\n"
        "“Be very careful here,” the host, often dubbed ‘The Voice’, said.\n"
        "Ana Ruiz said she was ‘moved’ and will now go to tell Paul Ostrander the news.\n"
        "“Thank you all,” she wrote on Twitter."
    )
    assert quotes_of(article) == [("Be very careful here,", "Vic Amundsen"), ("moved", "Ana Ruiz"), ("Thank you all,", "Ana Ruiz")]


def test_according_to_at_a_sentence_start_and_unnamed_sources() -> None:
    article = (
        "According to Ilse Brandt, the river plan was “a mess from the start.”\n"
        "Coach Jorn Vik lost the final on Sunday. The team was “badly prepared,” according to court records."
    )
    assert quotes_of(article) == [("a mess from the start.", "Ilse Brandt"), ("badly prepared,", None)]


def test_documents_resolve_to_who_issued_them() -> None:
    article = (
        "Mayor Rune Dahl issued a statement that reads in part, “We will rebuild the pier.”\n"
        "Harbour chief Ana Ruiz said in a tweet that the pier was closed.\n"
        "“Stay away from the water tonight,” the tweet said.\n"
        "The lawsuit, filed by Per Olsen on Monday, states that the city “ignored every warning.”"
    )
    assert quotes_of(article) == [
        ("We will rebuild the pier.", "Rune Dahl"),
        ("Stay away from the water tonight,", "Ana Ruiz"),
        ("ignored every warning.", "Per Olsen"),
    ]


def test_colon_introduction_age_and_titled_role_phrases() -> None:
    article = (
        "Tom Brant, the team's coach, was blunt: “We were terrible.”\n"
        "Singer Mara Lind, 45, released her album ‘Halo Nights’ on Friday.\n"
        "“I love this city,” the 45-year-old told reporters.\n"
        "“I poured everything into it,” the ‘Halo Nights’ singer said."
    )
    assert quotes_of(article) == [
        ("We were terrible.", "Tom Brant"),
        ("I love this city,", "Mara Lind"),
        ("I poured everything into it,", "Mara Lind"),
    ]


def test_a_possessive_name_is_not_the_pronouns_speaker() -> None:
    article = (
        "“We are ready,” party leader Ewa Nowak said on Monday.\n"
        "Mr. Halden’s visit, she said, will make the neighbours “envy” the town."
    )
    assert quotes_of(article) == [("We are ready,", "Ewa Nowak"), ("envy", "Ewa Nowak")]


def test_asked_right_after_a_question_and_the_subject_of_a_participle() -> None:
    article = (
        "“Was it hard to watch?” asked TV 2 Reporter Ana Ruiz.\n"
        "Per Holm, her agent, declined to name the clinic, saying, “She would like that kept private.”"
    )
    assert quotes_of(article) == [("Was it hard to watch?", "Ana Ruiz"), ("She would like that kept private.", "Per Holm")]


def test_a_quoted_object_after_said_is_not_an_inverted_subject() -> None:
    article = (
        "Ana Ruiz released the letter on Monday.\n"
        "A senior official, who spoke on condition of anonymity “to avoid offending” the board, "
        "said the letter “is clearly fake. It bears no seal.”"
    )
    assert quotes_of(article) == [("is clearly fake. It bears no seal.", None)]


def test_month_first_names_emails_and_a_role_before_the_colon_subject() -> None:
    article = (
        "Sales manager Ivo Berg emailed his bosses to ask: “How should we handle this?”\n"
        "Halvard’s director of sales, Jan Storm, replied: “This is a big problem.”\n"
        "His friend Ole Brandt put it bluntly: “You had better go home.”\n"
        "The day before Berg’s email, Storm met the board and asked that it be “quick about it.”"
    )
    assert quotes_of(article) == [
        ("How should we handle this?", "Ivo Berg"),
        ("This is a big problem.", "Jan Storm"),
        ("You had better go home.", "Ole Brandt"),
        ("quick about it.", "Jan Storm"),
    ]


def test_party_descriptions_and_a_role_named_just_after() -> None:
    article = (
        "Senator Lena Holt toured the base on Monday.\n"
        "“We deserve all the details,” the Nordland Republican said.\n"
        "The officer stopped the driver for “blocking traffic,” the city's police chief said Friday. "
        "Police Chief Tom Jakes added that the stop was routine."
    )
    assert quotes_of(article) == [("We deserve all the details,", "Lena Holt"), ("blocking traffic,", "Tom Jakes")]


def test_unnamed_spokespeople_and_described_companies_resolve_to_the_fitting_organisation() -> None:
    article = (
        "Doctors at Lenby General Hospital asked the court for a new hearing.\n"
        "A hospital spokesman said: “We will follow the evidence.”\n"
        "Police say that “the driver fled on foot.” A police spokeswoman told reporters: “We found the car.”\n"
        "US firm Halvex-Morn closed its plant after talks with Halvex-Morn staff and the ruling Unity Party (UP).\n"
        "“We had no choice,” the Texas-based company said. "
        "“Output stops today,” the Tarn, Nordl.-based company added."
    )
    assert quotes_of(article) == [
        ("We will follow the evidence.", "Lenby General Hospital"),
        ("the driver fled on foot.", "police"),
        ("We found the car.", "police"),
        ("We had no choice,", "Halvex-Morn"),
        ("Output stops today,", "Halvex-Morn"),
    ]


def test_noun_phrase_heads_parentheticals_and_speakers_named_in_passing() -> None:
    article = (
        "Lenby Courier news editor Ana Ruiz shared the result online, writing, “The dam held.”\n"
        "Sen. Per Holm (D-Nordland) said “reckless” drivers caused the crash.\n"
        "Ivo Berg and his team were swimming laps, Jan Lind said, when the alarm rang.\n"
        "“We moved everyone out,” he said.\n"
        "The drill is commonly known as “drown-proofing.”"
    )
    assert quotes_of(article) == [("The dam held.", "Ana Ruiz"), ("reckless", "Per Holm"), ("We moved everyone out,", "Jan Lind")]


def test_a_role_named_well_after_the_quote_and_a_padded_handle() -> None:
    article = (
        "The factory reopened on Monday. The labour minister said it was now “in the hands of the workers”. "
        + "Crowds gathered outside the gates through the day and into the night, singing and waving flags. " * 4
        + "\nLabour Minister Per Holm visited the site on Tuesday.\n"
        "Staff at Brenn Zoo were relieved. .@iBrennZoo says the lion is “doing fine” — Tom Alder (@tomalder) May 3, 2021"
    )
    cluster = Cluster([segment(Document(text=article, id="a"), 0)])
    found = [(quote.text, quote.speaker) for quote in reports(cluster, EntityIndex(cluster))]
    assert found == [("in the hands of the workers", "Per Holm"), ("doing fine", "Brenn Zoo")]


def test_countries_are_not_the_company_and_lower_case_words_are_no_place_modifiers() -> None:
    article = (
        "US firm Halvex-Morn left Nordland on Tuesday. US officials and U.S. lawmakers said the U.S. embassy was told.\n"
        "“We regret the decision,” the company said.\n"
        "In a long statement, a spokeswoman for Halvex-Morn said the move was “final.”"
    )
    assert quotes_of(article) == [("We regret the decision,", "Halvex-Morn"), ("final.", "Halvex-Morn")]


def test_merging_many_distinct_quotes_compares_each_with_few_others(monkeypatch) -> None:
    """Thousands of distinct quotes in one long text: candidate filtering, not all pairs."""
    calls = []
    same = quoting._same_quote
    monkeypatch.setattr(quoting, "_same_quote", lambda left, right: calls.append(1) or same(left, right))
    reports = [Quote(f"Seat {index} in row {index + 5000} cost {index + 9000} crowns", "Ana Ruiz", "full", []) for index in range(3000)]
    reports.append(Quote("seat 7 in row 5007 cost 9007 crowns!", None, "full", []))
    merged = quoting.merge(reports)
    assert len(merged) == 3000 and merged[7].speaker == "Ana Ruiz"
    assert len(calls) < 3 * len(reports)


def test_a_book_title_with_a_long_subtitle_is_not_a_quote() -> None:
    assert is_title("Hidden Costs: Why Everything You Were Taught About Money Is Simply Wrong,")
    assert not is_title("Note: we will not be taking any questions about the plan today.")
    article = 'Tom Vell spent years on a book. "Hidden Costs: Why Everything You Were Taught About Money Is Simply Wrong," due out in May, argues for risk.'
    assert quotes_of(article) == []


def test_a_stray_inner_straight_mark_does_not_shift_the_pairing() -> None:
    text = (
        '"The survey finds more cases however "no shared cause was found for either town," said Ana Lind. '
        '"We spoke to every family." The board called it "sad" for them.'
    )
    quoted = [text[span.start : span.end] for span in spans(text)]
    assert quoted == [
        'The survey finds more cases however "no shared cause was found for either town,',
        "We spoke to every family.",
        "sad",
    ]


def test_an_odd_mark_count_from_a_quote_running_on_keeps_its_pairs() -> None:
    text = '"We will go," she said. "And we will win the vote\n"Then we rest," she said.'
    quoted = [text[span.start : span.end] for span in spans(text)]
    assert quoted == ["We will go,", "And we will win the vote", "Then we rest,"]


def test_a_quoted_alternative_name_after_or_is_a_term_not_speech() -> None:
    article = 'Current rules say total fat should be low, and LDL, or "bad cholesterol," under 100. Ana Lind agreed.'
    assert quotes_of(article) == []
