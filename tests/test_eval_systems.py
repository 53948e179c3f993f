import json

import numpy as np
import pytest

from newsfuse import summarizers
from newsfuse.evaluation import systems
from newsfuse.evaluation.systems import SUMY, External, resolve
from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare
from newsfuse.readers import InputError
from newsfuse.summarizers.lead import Lead

CLUSTER = prepare(
    Cluster(
        id="c1",
        references=["The river flooded Tarrow and 300 people left their homes."],
        documents=[
            Document(text="The river flooded the town of Tarrow on Monday. About 300 people left their homes. Shelters opened at two schools."),
            Document(text="Rescue boats reached elderly residents in Tarrow. The river peaked at noon, officials said. More rain is due on Friday."),
        ],
    )
)


def test_every_newsfuse_method_the_oracle_and_sumy_are_available() -> None:
    names = systems.available()
    assert set(summarizers.SUMMARIZERS) <= set(names)
    assert {"oracle", *SUMY} <= set(names)


def test_a_newly_registered_summarizer_shows_up(monkeypatch: pytest.MonkeyPatch) -> None:
    class Learned(Lead):
        name = "learned"

    monkeypatch.setitem(summarizers.SUMMARIZERS, "learned", Learned)
    assert "learned" in systems.available()
    assert resolve(["learned"])[0].summarize(CLUSTER, 20)


@pytest.mark.parametrize("name", sorted(SUMY))
def test_sumy_peers_pick_cluster_sentences_within_the_budget(name: str) -> None:
    (peer,) = resolve([name])
    summary = peer.summarize(CLUSTER, 15)
    texts = {sentence.text for sentence in CLUSTER.sentences}
    assert summary and set(summary) <= texts
    assert sum(len(s.split()) for s in summary[:-1]) < 15 or len(summary) == 1
    tiny = prepare(Cluster(documents=[Document(text="Only one sentence here.")]))
    assert peer.summarize(tiny, 50) == ["Only one sentence here."]
    assert peer.summarize(prepare(Cluster(documents=[])), 50) == []


def test_sumy_ranking_is_its_own_not_newsfuses() -> None:
    many = prepare(Cluster(documents=[Document(text=" ".join(f"Sentence {i} talks about topic {i % 3} and the river." for i in range(12)))]))
    picks = {name: tuple(resolve([name])[0].summarize(many, 30)) for name in SUMY}
    assert len(set(picks.values())) > 1


def test_external_outputs_from_jsonl_and_directory(tmp_path) -> None:
    jsonl = tmp_path / "out.jsonl"
    jsonl.write_text(json.dumps({"id": "c1", "summary": "First line. Second line."}) + "\n" + json.dumps({"id": "c2", "summary": ["A.", "B."]}) + "\n")
    system = resolve([f"llm={jsonl}"])[0]
    assert isinstance(system, External) and not system.prepared
    assert system.summarize(CLUSTER, 10) == ["First line.", "Second line."]
    assert "c2" in system and "c3" not in system
    folder = tmp_path / "outs"
    folder.mkdir()
    (folder / "c1.txt").write_text("Written elsewhere. Two sentences.")
    assert resolve([f"paper={folder}"])[0].summarize(CLUSTER, 10) == ["Written elsewhere.", "Two sentences."]
    assert resolve([f"paper={folder}"])[0].summarize(Cluster(documents=[], id="zz"), 10) == []


def test_bad_specs_are_clear_errors(tmp_path) -> None:
    with pytest.raises(ValueError, match="unknown system 'magic'"):
        resolve(["magic"])
    with pytest.raises(ValueError, match="once"):
        resolve(["lead", "lead"])
    with pytest.raises(InputError, match="no such file"):
        resolve([f"x={tmp_path / 'absent.jsonl'}"])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "c1"}\n')
    with pytest.raises(InputError, match="bad.jsonl:1"):
        resolve([f"x={bad}"])


def test_oracle_system_reads_references() -> None:
    (oracle,) = resolve(["oracle"])
    summary = oracle.summarize(CLUSTER, 12)
    assert summary[0] == "The river flooded the town of Tarrow on Monday."
    assert np.all([s in {x.text for x in CLUSTER.sentences} for s in summary])
