"""The HTTP service through FastAPI's test client: answers, errors, limits and safety."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from newsfuse.cli.summarize import example_paths
from newsfuse.service import Limits, create_app
from newsfuse.service import app as service_app
from newsfuse.service.limits import Busy, TimedOut, Worker
from newsfuse.service.page import STATIC_DIR

WIRE = "Heavy rain flooded the lower town of Tarrow on Monday, forcing 300 residents from their homes."
ARTICLES = [
    f"{WIRE} Mayor Ann Oduya said shelters were open at two schools. The river peaked at noon.",
    f"{WIRE} Rescue crews used boats to reach the elderly. The river peaked at noon, officials said.",
    "Forecasters expect more rain in Tarrow this week. Mayor Ann Oduya urged residents to stay away from the river bank.",
]
INJECTION = '<img src=x onerror="alert(1)"> Crews reopened the road to Tarrow on Tuesday. <script>alert(2)</script>'


@pytest.fixture(scope="module")
def client() -> TestClient:
    with TestClient(create_app(None, Limits(max_bytes=200_000, max_documents=5, max_words=500))) as client:
        yield client


def test_healthz_lists_methods_and_limits(client: TestClient) -> None:
    health = client.get("/healthz").json()
    assert health["status"] == "ok"
    assert "centroid" in health["methods"] and health["default_method"] in health["methods"]
    assert health["limits"]["max_documents"] == 5


def test_summary_cites_offsets_into_the_returned_document_texts(client: TestClient) -> None:
    response = client.post("/summarize", json={"documents": ARTICLES, "words": 60, "method": "lexrank"})
    assert response.status_code == 200
    result = response.json()
    assert result["method"] == "lexrank" and result["sentences"] and result["words"] > 0
    assert [document["id"] for document in result["documents"]] == ["document 1", "document 2", "document 3"]
    for sentence in result["sentences"]:
        for citation in sentence["citations"]:
            text = result["documents"][citation["document"]]["text"]
            assert text[citation["start"] : citation["end"]].strip()
        source = sentence["citations"][0]
        assert result["documents"][source["document"]]["text"][source["start"] : source["end"]] == sentence["text"]
    wire = next(sentence for sentence in result["sentences"] if sentence["text"] == WIRE)
    assert wire["corroboration"] == 2


def test_document_objects_keep_metadata_and_read_html(client: TestClient) -> None:
    page = f"<html><head><title>Rain in Tarrow</title></head><body><article><p>{ARTICLES[2]}</p></article></body></html>"
    documents = [
        {"id": "wire.txt", "text": f"date 2026-03-02 Floods in Tarrow\n{ARTICLES[0]}", "source": "Tarrow Post"},
        {"text": ARTICLES[1], "source": "Valley Radio", "date": "2026-03-03", "url": "https://radio.example/floods"},
        {"html": page, "id": "page.html"},
    ]
    result = client.post("/summarize", json={"documents": documents}).json()
    first, second, third = result["documents"]
    assert (first["id"], first["title"], first["date"], first["outlet"]) == ("wire.txt", "Floods in Tarrow", "2026-03-02", "Tarrow Post")
    assert (second["outlet"], second["url"], second["date"]) == ("Valley Radio", "https://radio.example/floods", "2026-03-03")
    assert third["id"] == "page.html" and "Forecasters expect more rain" in third["text"] and "<p>" not in third["text"]


def test_the_example_endpoint_serves_the_built_in_cluster_which_summarizes(client: TestClient) -> None:
    files = client.get("/example").json()["documents"]
    assert [item["name"] for item in files] == [path.name for path in example_paths()]
    documents = [{"id": item["name"], "html" if item["name"].endswith(".html") else "text": item["text"]} for item in files]
    result = client.post("/summarize", json={"documents": documents, "words": 100}).json()
    assert len(result["documents"]) == len(files)
    assert max(sentence["corroboration"] for sentence in result["sentences"]) >= 2


def test_article_markup_comes_back_as_data_not_as_page_markup(client: TestClient) -> None:
    response = client.post("/summarize", json={"documents": [INJECTION, *ARTICLES[:2]], "words": 200})
    assert response.headers["content-type"] == "application/json"
    assert response.json()["documents"][0]["text"] == INJECTION
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "<script>" not in page.text and "onerror" not in page.text


def test_page_script_never_parses_strings_as_html() -> None:
    script = (STATIC_DIR / "app.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script


def test_page_and_its_files_are_served(client: TestClient) -> None:
    assert 'id="load-example"' in client.get("/").text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")
    assert client.get("/docs").status_code == 200
    assert "/summarize" in client.get("/openapi.json").json()["paths"]


class Assets(HTMLParser):
    """The files a page makes the browser load: (URL, the content type it must have)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.found.append((attributes["src"], "javascript"))
        elif tag == "link" and attributes.get("href"):
            self.found.append((attributes["href"], "image/" if "icon" in (attributes.get("rel") or "") else "text/css"))


def test_api_docs_load_nothing_from_another_host(client: TestClient) -> None:
    # A newsroom may run the service on a machine with no way out: a CDN file means a blank page.
    html = client.get("/docs").text
    assets = Assets()
    assets.feed(html)
    assert any(kind == "javascript" for _, kind in assets.found)
    for url, kind in assets.found:
        assert urlsplit(url).netloc in ("", "testserver"), url
        response = client.get(url)
        assert response.status_code == 200, url
        assert kind in response.headers["content-type"], url
    assert "http://" not in html and "https://" not in html
    assert client.get("/redoc").status_code == 404  # Redoc's bundle fetches its logo from a CDN


def test_the_service_never_opens_paths_nor_fetches_urls(client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The launch code is 0000. Nobody may read this file.")

    def refuse(*args, **kwargs):
        raise AssertionError("the service opened a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    result = client.post("/summarize", json={"documents": [str(secret), *ARTICLES[:1]]}).json()
    assert result["documents"][0]["text"] == str(secret)
    only_url = client.post("/summarize", json={"documents": [{"url": "https://news.example/story"}]})
    assert only_url.status_code == 422 and "'text' or 'html'" in only_url.json()["error"]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"documents": []}, 422, "documents"),
        ({"documents": 5}, 422, "documents"),
        ({"documents": ["a"], "words": 0}, 422, "words"),
        ({"documents": ["a"], "words": 501}, 422, "at most 500"),
        ({"documents": ["a"], "method": "magic"}, 422, "unknown method 'magic'"),
        ({"documents": [{"txt": "typo"}]}, 422, "documents.0.Article.txt: Extra inputs are not permitted"),
        ({"documents": ["<html><body><img src=x></body></html>"]}, 422, "no article text"),
        ({"documents": ARTICLES * 2}, 413, "too many documents (6; the limit is 5)"),
    ],
)
def test_bad_requests_get_one_clear_json_error(client: TestClient, body: dict, status: int, words: str) -> None:
    response = client.post("/summarize", json=body)
    assert response.status_code == status
    assert words in response.json()["error"]


def test_articles_without_usable_text_give_an_empty_summary(client: TestClient) -> None:
    result = client.post("/summarize", json={"documents": ["   ", "Share\nTweet"]}).json()
    assert result["sentences"] == [] and result["summary"] == ""


def test_invalid_json_is_a_422(client: TestClient) -> None:
    response = client.post("/summarize", content=b'{"documents": [', headers={"content-type": "application/json"})
    assert response.status_code == 422 and "JSON" in response.json()["error"]


def test_a_declared_oversized_body_is_refused_with_413(client: TestClient) -> None:
    response = client.post("/summarize", json={"documents": ["word " * 50_000]})
    assert response.status_code == 413
    assert response.json() == {"error": "request body too large; the limit is 195.3 KB"}


def test_an_undeclared_oversized_body_is_refused_while_it_streams() -> None:
    """A chunked upload with no Content-Length is cut off once the limit is passed, not read whole."""
    app = create_app(None, Limits(max_bytes=1000))
    chunks = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal chunks
        chunks += 1
        return {"type": "http.request", "body": b" " * 400, "more_body": chunks < 100}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/summarize", "raw_path": b"/summarize", "root_path": "", "query_string": b"",
        "headers": [(b"content-type", b"application/json")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413 and chunks == 3
    assert "too large" in json.loads(sent[1]["body"])["error"]


def test_worker_refuses_when_its_queue_is_full_and_gives_up_at_the_deadline() -> None:
    release = threading.Event()

    async def scenario() -> None:
        worker = Worker(Limits(workers=1, max_pending=1, timeout=0.05))
        with pytest.raises(TimedOut, match="longer than 0.05 s"):
            await worker.run(release.wait)
        worker.limits = Limits(workers=1, max_pending=1, timeout=60)
        blocked = asyncio.ensure_future(worker.run(release.wait))
        await asyncio.sleep(0)
        with pytest.raises(Busy, match="busy"):
            await worker.run(release.wait)
        release.set()
        assert await blocked is True
        worker.close()

    asyncio.run(scenario())


def test_busy_and_timed_out_requests_get_503_and_504(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    monkeypatch.setattr(service_app, "summarize_request", lambda request: release.wait())
    with TestClient(create_app(None, Limits(timeout=0.05))) as client:
        response = client.post("/summarize", json={"documents": ARTICLES})
        release.set()
        assert response.status_code == 504 and "took longer than 0.05 s" in response.json()["error"]
    monkeypatch.undo()
    with TestClient(create_app(None, Limits())) as client:
        client.app.state.worker.pending = client.app.state.limits.max_pending
        response = client.post("/summarize", json={"documents": ARTICLES})
        assert response.status_code == 503 and response.headers["retry-after"] == "1"


def test_a_bug_still_answers_json(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(request):
        raise RuntimeError("boom")

    monkeypatch.setattr(service_app, "summarize_request", broken)
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        response = client.post("/summarize", json={"documents": ARTICLES})
    assert response.status_code == 500 and response.json()["error"].startswith("internal error (RuntimeError)")


@pytest.mark.parametrize("field", ["max_bytes", "timeout", "workers"])
def test_limits_must_be_positive(field: str) -> None:
    with pytest.raises(ValueError, match=field):
        Limits(**{field: 0})


def test_serve_command_runs_uvicorn_on_loopback_with_the_limits_given(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from newsfuse.cli import app as cli

    calls: list[tuple] = []
    monkeypatch.setattr(uvicorn, "run", lambda service, host, port, **options: calls.append((service, host, port)))
    result = CliRunner().invoke(cli, ["serve", "--port", "8123", "--max-documents", "3", "--max-mb", "0.5", "--timeout", "5"])
    assert result.exit_code == 0, result.output
    (service, host, port), = calls
    assert (host, port) == ("127.0.0.1", 8123)
    assert service.state.limits == Limits(max_bytes=2**19, max_documents=3, timeout=5.0)
    assert CliRunner().invoke(cli, ["serve", "--port", "0"]).exit_code != 0


QUOTED = [
    f'{WIRE} "The shelters will stay open all week," Mayor Ann Oduya said on Monday.',
    f"{WIRE} Rescue crews used boats to reach the elderly, officials said.",
]


def test_summary_carries_facts_whose_citations_point_at_the_fact(client: TestClient) -> None:
    assert "facts" not in client.post("/summarize", json={"documents": QUOTED, "facts": False}).json()
    result = client.post("/summarize", json={"documents": QUOTED, "words": 80}).json()
    facts = result["facts"]
    assert set(facts) >= {"quotes", "entities", "timeline", "corroboration", "conflicts"}
    quote = next(quote for quote in facts["quotes"] if "shelters will stay open" in quote["text"])
    assert quote["speaker"] and "Oduya" in quote["speaker"]
    for citation in quote["citations"]:
        assert quote["text"] in result["documents"][citation["document"]]["text"][citation["start"] : citation["end"]]


@pytest.fixture()
def stories(tmp_path: Path) -> TestClient:
    with TestClient(create_app(tmp_path / "stories.db", Limits(max_documents=5))) as client:
        yield client


def test_ingest_then_list_and_read_a_story_with_its_summary(stories: TestClient) -> None:
    report = stories.post("/ingest", json={"documents": [{"text": text, "source": f"Outlet {n}"} for n, text in enumerate(ARTICLES)]}).json()
    assert report["new"] + report["duplicates"] == 3 and report["articles"] == 3 and report["stories"] >= 1
    listing = stories.get("/stories", params={"limit": 10}).json()
    assert listing["total"] == report["stories"] and listing["articles"] == 3
    biggest = max(listing["stories"], key=lambda story: story["articles"] + story["duplicates"])
    story = stories.get(f"/stories/{biggest['id']}", params={"words": 40}).json()
    assert story["id"] == biggest["id"] and len(story["members"]) == biggest["articles"] + biggest["duplicates"]
    summary = story["summary"]
    assert summary["sentences"] and "facts" in summary
    source = summary["sentences"][0]["citations"][0]
    assert summary["documents"][source["document"]]["text"][source["start"] : source["end"]] == summary["sentences"][0]["text"]
    again = stories.post("/ingest", json={"documents": [{"text": text, "source": f"Outlet {n}"} for n, text in enumerate(ARTICLES)]}).json()
    assert again["skipped"] == 3 and again["articles"] == 3


def test_story_errors_are_clear(stories: TestClient) -> None:
    assert stories.get("/stories/999").json() == {"error": "no story 999"}
    assert stories.get("/stories/999").status_code == 404
    assert stories.get("/stories", params={"limit": 0}).status_code == 422
    assert stories.get("/stories/1", params={"method": "magic"}).status_code == 422
    assert stories.post("/ingest", json={"documents": ARTICLES * 2}).status_code == 413


def test_without_a_store_the_story_endpoints_say_how_to_get_one(client: TestClient) -> None:
    for response in (client.get("/stories"), client.get("/stories/1"), client.post("/ingest", json={"documents": ARTICLES})):
        assert response.status_code == 503 and "--db" in response.json()["error"]
    assert client.get("/healthz").json()["stories"] is False


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsfuse.cli import app as cli

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    result = CliRunner().invoke(cli, ["serve", "--db", str(junk)])
    assert result.exit_code == 1 and "not a usable story store" in result.output
