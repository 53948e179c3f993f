"""``newsfuse serve``: the HTTP service and web page on one port."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsfuse.cli.app import app, fail, stderr
from newsfuse.service.limits import Limits

DEFAULTS = Limits()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on; keep 127.0.0.1 unless a proxy fronts it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    db: Annotated[Path | None, typer.Option(help="Story store (SQLite file) for /ingest and /stories.")] = None,
    max_mb: Annotated[float, typer.Option(min=0.001, help="Largest request body, in MB.")] = DEFAULTS.max_bytes / 2**20,
    max_documents: Annotated[int, typer.Option(min=1, help="Most documents in one request.")] = DEFAULTS.max_documents,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds a request may take before a 504.")] = DEFAULTS.timeout,
    workers: Annotated[int, typer.Option(min=1, help="Threads doing CPU work.")] = DEFAULTS.workers,
) -> None:
    """Serve the summarizer as JSON over HTTP and as a web page (OpenAPI docs at /docs)."""
    import uvicorn

    from newsfuse.service import create_app
    from newsfuse.stories.store import StoreError

    limits = Limits(max_bytes=int(max_mb * 2**20), max_documents=max_documents, timeout=timeout, workers=workers)
    try:
        service = create_app(db, limits)
    except (OSError, ValueError, StoreError) as error:
        fail(f"cannot start the service: {error}")
    stderr.print(f"newsfuse serving on http://{host}:{port}/ (API docs at /docs); Ctrl+C stops it", highlight=False)
    uvicorn.run(service, host=host, port=port, log_level="warning")
