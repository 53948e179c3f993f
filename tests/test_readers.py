import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.readers import InputError, detect, read, read_cluster
from newsfuse.readers.jsonl import document_from

ARTICLE = "Flood waters rose overnight in Tarrow. Residents left their homes early on Monday."


def clusters(path, format="auto"):
    return list(read(path, format))


def test_plain_text_with_date_header(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f" date 2024-03-05 Floods in Tarrow\n{ARTICLE}\n")
    document = read_cluster([path]).documents[0]
    assert document.title == "Floods in Tarrow"
    assert document.date.isoformat() == "2024-03-05"
    assert document.text.strip() == ARTICLE


def test_html_uses_trafilatura_metadata(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{ARTICLE} Paragraph {n} adds more detail about the rescue effort.</p>" for n in range(4))
    html = (
        "<html><head><title>Floods in Tarrow</title><meta name='author' content='Ann Lee'>"
        "<meta property='article:published_time' content='2024-03-05T10:00:00Z'></head>"
        f"<body><nav>Home | World</nav><article><h1>Floods in Tarrow</h1>{paragraphs}</article>"
        "<footer>© 2024 Example News</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html)
    document = read_cluster([path]).documents[0]
    assert "Residents left their homes" in document.text
    assert "Home | World" not in document.text
    assert document.title == "Floods in Tarrow"
    assert document.date.isoformat() == "2024-03-05"


def test_jsonl_clusters_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    lines = [
        json.dumps({"id": "one", "documents": [ARTICLE, {"text": ARTICLE, "source": "Daily"}], "summary": "S."}),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": "two", "documents": [ARTICLE]}),
    ]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    items = clusters(path)
    assert [type(item).__name__ for item in items] == ["Cluster", "InputError", "InputError", "Cluster"]
    assert items[0].references == ["S."]
    assert items[0].documents[1].source == "Daily"
    assert "c.jsonl.gz:2" in str(items[1])


def test_jsonl_articles_grouped_by_story(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rows = [{"id": str(n), "text": ARTICLE, "story": "s1" if n < 2 else "s2"} for n in range(3)]
    path.write_text("\n".join(json.dumps(row) for row in rows))
    items = clusters(path)
    assert [(item.id, len(item.documents)) for item in items] == [("s1", 2), ("s2", 1)]


def test_raw_multinews_line(tmp_path: Path) -> None:
    path = tmp_path / "train.src"
    path.write_text(f"{ARTICLE} NEWLINE_CHAR NEWLINE_CHAR Second paragraph here. ||||| {ARTICLE}\n")
    (cluster,) = clusters(path)
    assert len(cluster.documents) == 2
    assert "\n" in cluster.documents[0].text


def test_sgml_documents_even_when_malformed(tmp_path: Path) -> None:
    path = tmp_path / "APW19981016.0240"
    path.write_text(
        "<DOC><DOCNO> APW19981016.0240 </DOCNO><HEADLINE>Floods</HEADLINE><TEXT><P>"
        f"{ARTICLE}</P></TEXT></DOC>\n<DOC><DOCNO>NYT19981017.0001</DOCNO><TEXT>{ARTICLE}"
    )
    documents = read_cluster([path]).documents
    assert [document.id for document in documents] == ["APW19981016.0240", "NYT19981017.0001"]
    assert documents[0].date.isoformat() == "1998-10-16"
    assert documents[0].source == "APW"


def test_directory_is_one_cluster(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", ".hidden"):
        (tmp_path / name).write_text(ARTICLE)
    (cluster,) = clusters(tmp_path)
    assert [document.id for document in cluster.documents] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty input"), (b"\x00\x01\x02binary\x00", "binary"), (b"   \n\n", "empty input")],
)
def test_bad_files_raise_one_line_errors(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=reason) as error:
        read_cluster([path])
    assert "\n" not in str(error.value) and str(path) in str(error.value)


def test_non_utf8_is_decoded_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Café owners in Zürich said prices rose.".encode("cp1252"))
    assert "Café owners in Zürich" in read_cluster([path]).documents[0].text


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_cluster([tmp_path / "nope.txt"])
    with pytest.raises(InputError, match="unknown format"):
        detect(str(tmp_path), "pdf")


def test_malformed_html_never_raises_anything_but_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><p>Unclosed <b>tags <div><p>" + ARTICLE * 5)
    try:
        documents = read_cluster([path]).documents
    except InputError:
        return
    assert documents


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_give_clusters_or_input_errors(tmp_path: Path, data: bytes) -> None:
    for suffix in (".txt", ".jsonl", ".sgml", ".html"):
        path = tmp_path / f"fuzz{suffix}"
        path.write_bytes(data)
        for item in read(path):
            assert type(item).__name__ in {"Cluster", "InputError"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=80), st.dictionaries(st.sampled_from(["text", "html", "date", "source", "title"]), st.one_of(st.text(max_size=40), st.integers(), st.none()), max_size=4)), max_size=4))
def test_jsonl_documents_of_any_shape(tmp_path_factory, documents) -> None:
    path = tmp_path_factory.mktemp("j") / "c.jsonl"
    path.write_text(json.dumps({"id": "x", "documents": documents}))
    for item in read(path):
        assert type(item).__name__ in {"Cluster", "InputError"}


def test_a_text_object_reads_the_plain_text_header_like_a_text_file() -> None:
    document = document_from({"text": "date 2026-03-02 Floods in Tarrow\nThe river rose.", "source": "Tarrow Post"}, "wire")
    assert (document.title, document.date.isoformat(), document.text, document.outlet) == (
        "Floods in Tarrow", "2026-03-02", "The river rose.", "Tarrow Post")
