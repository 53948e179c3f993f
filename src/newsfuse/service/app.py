"""The HTTP service: the summarizer, the story store and the web page behind one FastAPI app.

Handlers parse and check, then hand the CPU work to the :class:`Worker`; every error leaves
as ``{"error": "one line a person can act on"}`` with a fitting status.  The service reads
only what a client sends: it never fetches a URL nor opens a path named in a request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException

import newsfuse
from newsfuse import summarizers
from newsfuse.cli.summarize import example_paths
from newsfuse.facts import extract
from newsfuse.model import Cluster, Summary
from newsfuse.pipeline import summarize_cluster
from newsfuse.readers import InputError
from newsfuse.readers.decode import decode
from newsfuse.selection import DEFAULT_WORDS
from newsfuse.service.limits import BodyLimit, Busy, Limits, TimedOut, Worker
from newsfuse.service.page import STATIC_DIR, PageHeaders, static_files
from newsfuse.service.schemas import Documents, SummarizeRequest
from newsfuse.stories.store import Store, StoreError, StoryNotFound


def create_app(db: Path | None = None, limits: Limits | None = None) -> FastAPI:
    """The service; ``db`` is the story store's file (``None``: stories are not served)."""
    limits = limits or Limits()
    store = Store(db) if db is not None else None
    worker = Worker(limits)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        worker.close()

    # The API docs' scripts and styles come from the installed package, not a CDN, so /docs
    # works on a newsroom machine with no way out.  No /redoc: its bundle still fetches a logo
    # from the vendor's CDN.
    app = FastAPIOffline(
        redoc_url=None,
        title="newsfuse",
        version=newsfuse.__version__,
        summary="Many raw news articles about one event in, one cited summary out.",
        lifespan=lifespan,
    )
    app.state.limits = limits
    app.state.worker = worker
    app.add_middleware(PageHeaders)
    app.add_middleware(BodyLimit, max_bytes=limits.max_bytes)
    _add_error_handlers(app)

    @app.get("/healthz", tags=["service"])
    async def healthz() -> dict[str, Any]:
        """Liveness, plus what a client needs to build a request: methods and limits."""
        return {
            "status": "ok",
            "version": newsfuse.__version__,
            "methods": sorted(summarizers.SUMMARIZERS),
            "default_method": summarizers.DEFAULT_METHOD,
            "limits": limits.to_dict(),
            "stories": store is not None,
            "pending": worker.pending,
        }

    @app.post("/summarize", tags=["summaries"])
    async def summarize(request: SummarizeRequest) -> dict[str, Any]:
        """One cited summary of the articles, with their cleaned texts (citation offsets point into them)."""
        _check_documents(request, limits)
        _check_options(request.words, request.method, limits)
        return await worker.run(summarize_request, request)

    @app.post("/ingest", tags=["stories"])
    async def ingest(request: Documents) -> dict[str, Any]:
        """Add articles to the story store: each joins the story it reports on, or starts one."""
        _check_documents(request, limits)
        return await worker.run(_ingest, _needed(store), request)

    @app.get("/stories", tags=["stories"])
    async def stories(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        """Stories in the store, most recently active first."""
        return await worker.run(_stories, _needed(store), limit, offset)

    @app.get("/stories/{story}", tags=["stories"])
    async def story(story: int, words: int = Query(DEFAULT_WORDS, ge=1), method: str = summarizers.DEFAULT_METHOD) -> dict[str, Any]:
        """One story: its articles, and the cited summary of its original (not syndicated) articles."""
        _check_options(words, method, limits)
        return await worker.run(_story, _needed(store), story, words, method)

    @app.get("/example", tags=["summaries"])
    async def example() -> dict[str, Any]:
        """The built-in example cluster's files as published (text and HTML), for trying the service."""
        files = [{"name": path.name, "text": decode(path.read_bytes(), path.name)} for path in example_paths()]
        return {"documents": files}

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    app.mount("/static", static_files(), name="static")
    return app


def summarize_request(request: SummarizeRequest) -> dict[str, Any]:
    """The work behind ``POST /summarize``, without HTTP: read, clean, summarize, find facts."""
    summary = summarize_cluster(Cluster(documents=request.to_documents()), request.words, request.method)
    return summary_response(summary, request.facts)


def _ingest(store: Store, request: Documents) -> dict[str, Any]:
    report = store.ingest(request.to_documents())
    articles, stories = store.count()
    return {**report.to_dict(), "articles": articles, "stories": stories}


def _stories(store: Store, limit: int, offset: int) -> dict[str, Any]:
    articles, stories = store.count()
    listed = [story.to_dict() for story in store.stories(limit, offset)]
    return {"stories": listed, "total": stories, "articles": articles, "limit": limit, "offset": offset}


def _story(store: Store, story: int, words: int, method: str) -> dict[str, Any]:
    return {**store.story(story).to_dict(), "summary": summary_response(store.summary(story, words, method))}


def summary_response(summary: Summary, facts: bool = True) -> dict[str, Any]:
    """``Summary.to_dict()`` plus its facts, and each document's cleaned text and outlet for rendering citations."""
    result = summary.to_dict()
    result["words"] = summary.words
    result["documents"] = [{**document.to_dict(), "outlet": document.outlet} for document in summary.cluster.documents]
    if facts:
        result["facts"] = extract(summary.cluster, summary).to_dict()
    return result


def _check_documents(request: Documents, limits: Limits) -> None:
    if len(request.documents) > limits.max_documents:
        raise HTTPException(413, f"too many documents ({len(request.documents)}; the limit is {limits.max_documents})")


def _check_options(words: int, method: str, limits: Limits) -> None:
    if words > limits.max_words:
        raise HTTPException(422, f"words: at most {limits.max_words}, not {words}")
    if method not in summarizers.SUMMARIZERS:
        raise HTTPException(422, f"unknown method {method!r}; choose one of {', '.join(sorted(summarizers.SUMMARIZERS))}")


def _needed(store: Store | None) -> Store:
    if store is None:
        raise HTTPException(503, "no story store: start the service with --db FILE to ingest and list stories")
    return store


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(_: Request, error: HTTPException) -> JSONResponse:
        return _error(error.status_code, str(error.detail), error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        # Of a union's alternatives, the most specific (deepest) problem is the helpful one.
        problem = max(error.errors(), key=lambda item: len(item["loc"]), default={"loc": (), "msg": "invalid request"})
        where = ".".join(str(part) for part in problem["loc"] if part != "body")
        return _error(422, f"{where}: {problem['msg']}" if where else str(problem["msg"]))

    @app.exception_handler(InputError)
    async def bad_input(_: Request, error: InputError) -> JSONResponse:
        return _error(422, str(error))

    @app.exception_handler(StoryNotFound)
    async def no_story(_: Request, error: StoryNotFound) -> JSONResponse:
        return _error(404, str(error))

    @app.exception_handler(StoreError)
    async def store_error(_: Request, error: StoreError) -> JSONResponse:
        return _error(503, str(error))

    @app.exception_handler(Busy)
    async def busy(_: Request, error: Busy) -> JSONResponse:
        return _error(503, str(error), {"Retry-After": "1"})

    @app.exception_handler(TimedOut)
    async def timed_out(_: Request, error: TimedOut) -> JSONResponse:
        return _error(504, str(error))

    @app.exception_handler(Exception)
    async def failed(_: Request, error: Exception) -> JSONResponse:
        # A bug, not bad input: the client still gets JSON; the traceback goes to the server log.
        return _error(500, f"internal error ({type(error).__name__}); the server log has the details")
