"""Speaker attribution rules that generalise: each on invented sentences."""

from newsfuse.facts import extract
from newsfuse.facts.entities import mentions
from newsfuse.pipeline import prepare, to_cluster


def speakers_of(article: str) -> list[tuple[str, str | None]]:
    facts = extract(prepare(to_cluster([article])))
    return [(quote.text, quote.speaker) for quote in facts.quotes]


def test_days_and_sentence_adverbs_are_never_names() -> None:
    names = {mention.name for mention in mentions("Tuesday's memo was short. Instead it said the plan would wait. Meanwhile Ola Berg left.")}
    assert names == {"Ola Berg"}


def test_a_roman_numeral_suffix_makes_a_person_even_with_an_organisation_word() -> None:
    found = mentions("Marcus Post III, who runs a bakery, spoke. Veterans of World War II came.")
    kinds = {mention.name: mention.kind for mention in found}
    assert kinds["Marcus Post III"] == "person"
    assert kinds.get("World War II") != "person"


def test_a_document_speaks_for_its_issuer_not_for_the_day_it_came_out() -> None:
    article = (
        "The Ferry Safety Board's annual review of the port, delivered to lawmakers, covers ferry safety.\n"
        "Under a 2004 law, the Ferry Safety Board must publish it every year. Thursday's review is longer.\n"
        "Crews of the Northline Ferry Company, which runs six boats, were praised.\n"
        'Instead it said that crews had "trained twice as often as the year before," and it added more.\n'
        '"We found no serious fault in the fleet this year," it said.'
    )
    assert [speaker for _, speaker in speakers_of(article)] == ["Ferry Safety Board", "Ferry Safety Board"]


def test_a_pronoun_finds_a_person_introduced_a_paragraph_earlier() -> None:
    article = (
        'A neighbour, Rosa Lind, said: "They never asked any of us about the plan at all."\n'
        "Teodor Vance III, owner of the Vance Times Bakery, has lived on the street since 1990. He said the noise was new.\n"
        '"Nobody here was ever told that the road would close for a year," he said.'
    )
    assert speakers_of(article)[-1] == ("Nobody here was ever told that the road would close for a year,", "Teodor Vance III")


def test_an_aside_in_parentheses_after_the_quote_is_not_its_attribution() -> None:
    article = 'In her third letter, Nadia Orr told Piet she "missed the harbour a lot" in a card he sent (twice, according to the archive).'
    assert speakers_of(article) == [("missed the harbour a lot", "Nadia Orr")]


def test_a_capitalised_word_after_a_closed_sentence_starts_a_new_one() -> None:
    article = (
        'Nadia Orr told Piet Lund that the trip "went really well, better than any of us hoped." '
        '"Send me the photos soon, and the maps."According to Lund\'s diary, they met again in May.'
    )
    assert [speaker for _, speaker in speakers_of(article)] == ["Nadia Orr", "Nadia Orr"]


def test_a_speech_verb_before_the_quote_beats_a_plain_verb_after_it() -> None:
    article = (
        "Lisa Holm plays the sceptic. Holm rarely smiles in the film.\n"
        'When Mira tells a doubtful Holm that the plan is "fine because we made it, and we are fine," she may as well be talking about the film.'
    )
    assert speakers_of(article) == [("fine because we made it, and we are fine,", "Mira")]


def test_the_letters_a_person_wrote_speak_for_that_person() -> None:
    article = (
        "An auction house will sell letters that Tomas Reyes wrote to his sister Ilse Reyes-Moor in 1960.\n"
        "The last letter, from the winter, was short. A wealthy Danish buyer is expected.\n"
        '"I will come home when the snow is gone, and not a day later," it reads.'
    )
    assert speakers_of(article) == [("I will come home when the snow is gone, and not a day later,", "Tomas Reyes")]


def test_a_claim_someone_rejected_as_a_word_is_their_word_and_the_role_is_the_named_holder() -> None:
    article = (
        "President Ilse Varga toured the plant on Monday.\n"
        'Critics say the visit was staged, a claim the president has dismissed as "silly" and "plainly false."'
    )
    assert speakers_of(article) == [("silly", "Ilse Varga"), ("plainly false.", "Ilse Varga")]


def test_what_a_study_found_is_its_authors_words() -> None:
    article = (
        "A team led by Dr. Omar Feld at Lakeside University tracked 300 renters for a year.\n"
        'Most of them "spent more than half of their income on rent," the study found.'
    )
    assert speakers_of(article) == [("spent more than half of their income on rent,", "Omar Feld")]


def test_another_tweet_is_the_account_named_before_not_the_last_person() -> None:
    article = (
        "The Twitter feed for Riverwatch Trust showed the rowers at dawn, naming them as Ada Roos and Mia Falk.\n"
        'Roos wrote on her blog: "We will row the whole river in one day, and we are ready for it."\n'
        'Another tweet read: "Look at the bridge. We are almost halfway now, keep cheering."'
    )
    assert speakers_of(article)[-1] == ("Look at the bridge. We are almost halfway now, keep cheering.", "Riverwatch Trust")


def test_a_short_marked_term_without_speech_nearby_is_no_quote_but_a_called_word_is() -> None:
    article = (
        '"We will keep the mill open for as long as we can," Nadia Orr said. Her office faces the "old mill yard" by the river.\n'
        'Later, Orr called the new parking rules "unfair" in a radio interview.'
    )
    assert speakers_of(article) == [("We will keep the mill open for as long as we can,", "Nadia Orr"), ("unfair", "Nadia Orr")]
