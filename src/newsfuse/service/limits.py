"""What one request may cost: body size, document count, time, and how many wait at once.

The body limit is enforced while the body streams in, so an oversized upload is refused after
``max_bytes`` have arrived, never buffered whole.  CPU work runs in a small thread pool of its
own: a slow request cannot block the event loop, a timed-out job keeps its thread until it ends
(Python threads cannot be killed), so abandoned work can never pile up beyond ``workers``.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-request limits of the service; the defaults suit a laptop serving a few people."""

    max_bytes: int = 4 * 2**20
    max_documents: int = 100
    max_words: int = 2000
    timeout: float = 30.0
    workers: int = max(1, min(4, os.cpu_count() or 1))
    max_pending: int = 64

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if value <= 0:
                raise ValueError(f"limit {name} must be positive, not {value}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class BodyTooLarge(HTTPException):
    """Raised from inside ``receive``: FastAPI re-raises HTTP errors met while reading a body."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body too large; the limit is {_size(limit)}")


class BodyLimit:
    """ASGI middleware refusing bodies over ``max_bytes``: by Content-Length, else while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await JSONResponse({"error": BodyTooLarge(self.max_bytes).detail}, status_code=413)(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, limited, send)


class Busy(Exception):
    """Too many requests already wait for a worker."""


class TimedOut(Exception):
    """The job did not finish within the request's time limit."""


class Worker:
    """Runs blocking jobs on ``workers`` threads with a deadline and a bounded queue."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.pending = 0
        self._pool = ThreadPoolExecutor(max_workers=limits.workers, thread_name_prefix="newsfuse")

    async def run(self, job: Callable[..., T], *args: Any) -> T:
        if self.pending >= self.limits.max_pending:
            raise Busy(f"the server is busy ({self.pending} requests waiting); retry shortly")
        self.pending += 1
        try:
            future = asyncio.get_running_loop().run_in_executor(self._pool, job, *args)
            return await asyncio.wait_for(future, self.limits.timeout)
        except TimeoutError:
            raise TimedOut(f"the request took longer than {self.limits.timeout:g} s") from None
        finally:
            self.pending -= 1

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _size(count: int) -> str:
    return f"{count / 2**20:.4g} MB" if count >= 2**20 else f"{count / 2**10:.4g} KB" if count >= 2**10 else f"{count} bytes"
