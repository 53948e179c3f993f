import json
from pathlib import Path

from newsfuse.evaluation.datasets import load, set_key, size
from newsfuse.model import Cluster
from newsfuse.readers import InputError

DUC = Path(__file__).parent / "data" / "duc"


def test_duc_directory_pairs_document_sets_with_model_summaries() -> None:
    clusters = list(load(DUC))
    assert [c.id for c in clusters] == ["D90001", "D90002"]
    first = clusters[0]
    assert len(first.documents) == 2 and len(first.references) == 2
    assert {d.id for d in first.documents} == {"XYZ19990301.0001", "QRS19990301.0042"}
    assert first.references[0].startswith("A ferry with 212 people")
    assert "<P>" not in first.documents[0].text and "sandbank" in " ".join(d.text for d in first.documents)
    assert len(list(load(DUC, limit=1))) == 1


def test_set_keys_pair_duc_and_tac_names() -> None:
    assert set_key("d30001t") == set_key("D30001")
    assert set_key("D0801A-A") == set_key("D0801-A")
    assert set_key("D0801A-B") != set_key("D0801-A")


def test_directory_without_models_is_one_error(tmp_path) -> None:
    (tmp_path / "d1").mkdir()
    (items,) = list(load(tmp_path))
    assert isinstance(items, InputError) and "D30001.M.100.T.A" in items.reason


def test_jsonl_with_one_or_several_summaries(tmp_path) -> None:
    path = tmp_path / "set.jsonl"
    rows = [
        {"id": "a", "documents": ["Doc one text.", "Doc two text."], "summary": "Ref."},
        {"id": "b", "documents": ["Doc three."], "summaries": ["Ref one.", "Ref two."]},
        {"id": "c", "documents": ["No reference."]},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\nnot json\n")
    items = list(load(path))
    assert size(path) == 4 and size(DUC) is None
    assert [item.references for item in items[:3]] == [["Ref."], ["Ref one.", "Ref two."], []]
    assert isinstance(items[3], InputError)


def test_raw_multinews_src_with_tgt(tmp_path) -> None:
    (tmp_path / "val.src").write_text("First story text. NEWLINE_CHAR More. |||||Second outlet. |||||\n\nThird story only.\n")
    (tmp_path / "val.tgt").write_text("– Summary one.\n\n– Summary three.\n")
    clusters = list(load(tmp_path / "val.src"))
    assert all(isinstance(c, Cluster) for c in clusters)
    assert [c.references for c in clusters] == [["Summary one."], ["Summary three."]]
    assert len(clusters[0].documents) == 2 and "\n" in clusters[0].documents[0].text
