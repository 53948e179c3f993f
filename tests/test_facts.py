import datetime as dt
import json

import pytest

from typer.testing import CliRunner

from newsfuse import summarizers
from newsfuse.cli import app
from newsfuse.facts import extract
from newsfuse.facts.entities import EntityIndex, same_person
from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare, to_cluster

from conftest import SEEDS, needs_seeds

FIRST = (
    "A fire at the Ostrava Textile Works in Lenby killed 12 people on Sunday, the fire service said.\n"
    "“The roof came down within minutes,” said fire chief Jonas Pelt. Lenby Mayor Ines Varga visited on Monday."
)
SECOND = (
    "The fire at the Ostrava Textile Works in Lenby left 14 dead on Sunday, according to hospital officials.\n"
    "“The roof came down within minutes,” Pelt told reporters. Varga said the factory had passed inspection in 2019."
)


def dated(text: str, day: dt.date, source: str) -> Document:
    return Document(text=text, id=source, source=source, date=day)


def test_name_variants_merge_across_documents() -> None:
    assert same_person("Lawrence C. Provenzano", "Lawrence Provenzano")
    assert same_person("Carmen Yulín Cruz", "Carmen Yulin Cruz")
    assert same_person("Matt Lesser", "Matthew Lesser")
    assert not same_person("Donald Trump", "Ivanka Trump")
    assert same_person("Jacinda Arden", "Jacinda Ardern") and not same_person("Jan Holm", "Jan Helm")
    cluster = prepare(to_cluster([FIRST, SECOND]))
    people = {entity.name: entity for entity in EntityIndex(cluster).entities if entity.kind == "person"}
    assert "Jonas Pelt" in people and set(people["Jonas Pelt"].variants) == {"Jonas Pelt", "Pelt"}
    assert people["Jonas Pelt"].documents == [0, 1]


def test_entity_kinds_from_shape_and_context() -> None:
    cluster = prepare(to_cluster([FIRST]))
    kinds = {entity.name: entity.kind for entity in EntityIndex(cluster).entities}
    assert kinds["Ostrava Textile Works"] == "org" or kinds.get("Lenby") == "place"
    assert kinds["Ines Varga"] == "person"


def test_conflicting_death_toll_is_flagged_with_both_outlets() -> None:
    cluster = prepare(Cluster([dated(FIRST, dt.date(2022, 5, 9), "Lenby Post"), dated(SECOND, dt.date(2022, 5, 9), "Valley News")]))
    conflicts = extract(cluster).conflicts
    assert [conflict.what for conflict in conflicts] == ["deaths"]
    claims = {claim.value: claim.outlets for claim in conflicts[0].claims}
    assert claims == {"12": ["Lenby Post"], "14": ["Valley News"]}
    for claim in conflicts[0].claims:
        citation = claim.citations[0]
        assert claim.value in cluster.documents[citation.document].text[citation.start : citation.end]


def test_an_update_in_one_document_is_not_a_conflict() -> None:
    update = "The death toll from the fire at the Ostrava Textile Works in Lenby rose from 12 to 14 on Sunday."
    cluster = prepare(Cluster([dated(FIRST, dt.date(2022, 5, 9), "Lenby Post"), dated(update, dt.date(2022, 5, 9), "Valley News")]))
    assert extract(cluster).conflicts == []


def test_timeline_is_ordered_and_normalized_against_each_publication_date() -> None:
    cluster = prepare(Cluster([dated(FIRST, dt.date(2022, 5, 9), "Lenby Post"), dated(SECOND, dt.date(2022, 5, 10), "Valley News")]))
    events = [(event.value, event.citation.outlet) for event in extract(cluster).timeline]
    assert events[0] == ("2019", "Valley News")
    assert ("2022-05-08", "Lenby Post") in events and ("2022-05-08", "Valley News") in events
    assert [value for value, _ in events] == sorted(value for value, _ in events)


def test_corroboration_lists_outlets_per_summary_sentence() -> None:
    cluster = prepare(Cluster([dated(FIRST, dt.date(2022, 5, 9), "Lenby Post"), dated(FIRST, dt.date(2022, 5, 9), "Wire copy")]))
    summary = summarizers.get(summarizers.DEFAULT_METHOD)(cluster, 40)
    facts = extract(cluster, summary)
    assert len(facts.corroboration) == len(summary.sentences)
    assert facts.corroboration[0].outlets == ["Lenby Post", "Wire copy"]
    assert extract(cluster).corroboration == []


def test_quote_from_two_outlets_is_one_quote_with_both() -> None:
    quotes = extract(prepare(to_cluster([FIRST, SECOND]))).quotes
    assert [(quote.text, quote.speaker, quote.outlets) for quote in quotes] == [
        ("The roof came down within minutes,", "Jonas Pelt", ["document 1", "document 2"])
    ]


def test_facts_command_json_and_summarize_json(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["facts", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--output", "json"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.output)) == {"quotes", "entities", "timeline", "corroboration", "conflicts"}
    markdown = runner.invoke(app, ["facts", str(tmp_path), "--output", "markdown"])
    assert markdown.exit_code == 0 and "## Quotes" in markdown.output and "Jonas Pelt" in markdown.output
    summary = runner.invoke(app, ["summarize", str(tmp_path), "--output", "json"])
    assert json.loads(summary.output)["facts"]["conflicts"][0]["what"] == "deaths"


def test_facts_command_reports_bad_input_in_one_line(tmp_path) -> None:
    result = CliRunner().invoke(app, ["facts", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "error" in result.output and "Traceback" not in result.output


@needs_seeds
def test_seed_quotes_cite_cleaned_text() -> None:
    cluster = prepare(to_cluster([str(path) for path in SEEDS]))
    facts = extract(cluster)
    assert facts.quotes
    for quote in facts.quotes:
        for citation in quote.citations:
            assert cluster.documents[citation.document].text[citation.start : citation.end] in {quote.text} | {
                cluster.documents[other.document].text[other.start : other.end] for other in quote.citations
            }


def test_spacy_kinds_override_the_heuristics_when_installed() -> None:
    pytest.importorskip("spacy")
    from newsfuse.facts.entities import spacy_kinds

    kinds = spacy_kinds(["Angela Merkel met Emmanuel Macron in Paris on Monday."])
    if not kinds:
        pytest.skip("spaCy's en_core_web_sm model is not installed")
    assert kinds.get("paris") == "place" and kinds.get("angela merkel") == "person"


def test_corroboration_counts_paraphrases_but_not_the_same_names_saying_something_else() -> None:
    lead = "Mayor Ines Varga said the Lenby textile plant will reopen in three weeks after the fire."
    paraphrase = "The Lenby textile plant will reopen in three weeks, Mayor Ines Varga said after the fire."
    other = "Mayor Ines Varga thanked the Lenby firefighters who fought the blaze overnight."
    cluster = prepare(Cluster([dated(lead, dt.date(2022, 5, 9), "A"), dated(paraphrase, dt.date(2022, 5, 9), "B"), dated(other, dt.date(2022, 5, 9), "C")]))
    summary = summarizers.get(summarizers.DEFAULT_METHOD)(cluster, 20)
    first = extract(cluster, summary).corroboration[0]
    assert first.text in (lead, paraphrase)
    assert sorted(first.outlets) == ["A", "B"]


def test_entity_kinds_from_publications_jobs_and_first_names() -> None:
    text = (
        "Kelly proved she could sing. Kelly Brandt told Vanity Fair and the Lenby Courier newspaper about it.\n"
        "Halvard Freight chief executive Ola Dahl spoke to TV 2 Reporter Ana Ruiz and Orbis Labs."
    )
    index = EntityIndex(prepare(to_cluster([text])))
    kinds = {entity.name: entity.kind for entity in index.entities}
    assert kinds["Vanity Fair"] == kinds["Lenby Courier"] == kinds["Halvard Freight"] == kinds["Orbis Labs"] == "org"
    assert kinds["Ana Ruiz"] == kinds["Ola Dahl"] == "person"
    assert "Kelly" in index.entities[0].variants or any("Kelly" in entity.variants for entity in index.entities)
    adjectives = EntityIndex(prepare(to_cluster(["A senior Nordlandic official and Western diplomats met Ana Ruiz."])))
    assert [entity.name for entity in adjectives.entities] == ["Ana Ruiz"]
