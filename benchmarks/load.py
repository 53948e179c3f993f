"""Load test of ``newsfuse serve`` on loopback: N concurrent clients for a bounded time.

The script starts the server itself (``python -m newsfuse serve`` on a free 127.0.0.1 port),
then every client POSTs the built-in example cluster to /summarize in a loop until the time
or request budget runs out.  It reports throughput, p50/p99 latency and errors (the target is
zero), and, as the baseline, the same summaries computed in-process with no HTTP, so the ratio
shows what the service layer costs.

    python benchmarks/load.py [--clients 8] [--seconds 20] [--max-requests 5000]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx2

from newsfuse.cli.summarize import example_paths
from newsfuse.service.app import summarize_request
from newsfuse.service.schemas import SummarizeRequest

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def example_request(words: int, method: str, facts: bool) -> dict:
    documents = []
    for path in example_paths():
        kind = "html" if path.suffix == ".html" else "text"
        documents.append({"id": path.name, kind: path.read_text(encoding="utf-8")})
    return {"documents": documents, "words": words, "method": method, "facts": facts}


def start_server(port: int, workers: int) -> subprocess.Popen:
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root / "src"), os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "newsfuse", "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited: {server.stderr.read().decode().strip()}")
        try:
            if httpx2.get(f"http://{HOST}:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx2.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def run_clients(url: str, body: dict, clients: int, seconds: float, max_requests: int) -> tuple[list[float], Counter, float]:
    latencies: list[float] = []
    outcomes: Counter = Counter()
    lock = threading.Lock()
    budget = iter(range(max_requests))
    start = time.perf_counter()
    deadline = start + seconds

    def client() -> None:
        with httpx2.Client(timeout=60) as session:
            while time.perf_counter() < deadline:
                with lock:
                    if next(budget, None) is None:
                        return
                began = time.perf_counter()
                try:
                    response = session.post(url, json=body)
                    outcome = "ok" if response.status_code == 200 and response.json()["sentences"] else f"HTTP {response.status_code}"
                except httpx2.HTTPError as error:
                    outcome = type(error).__name__
                elapsed = time.perf_counter() - began
                with lock:
                    outcomes[outcome] += 1
                    if outcome == "ok":
                        latencies.append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, outcomes, time.perf_counter() - start


def in_process(body: dict, seconds: float) -> float:
    """Requests per second with no HTTP: the same work (read, clean, summarize, facts) in one thread."""
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        summarize_request(SummarizeRequest.model_validate(body))
        done += 1
    return done / (time.perf_counter() - start)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long the clients run (bounded)")
    parser.add_argument("--max-requests", type=int, default=5000, help="stop after this many requests")
    parser.add_argument("--workers", type=int, default=2, help="server threads doing CPU work")
    parser.add_argument("--words", type=int, default=120)
    parser.add_argument("--method", default="centroid")
    parser.add_argument("--no-facts", action="store_true", help="ask for the summary only (no quotes, timeline, ...)")
    args = parser.parse_args()
    if not (1 <= args.clients <= 256 and 0 < args.seconds <= 600 and 1 <= args.max_requests <= 100_000):
        parser.error("keep it bounded: 1-256 clients, at most 600 s and 100000 requests")

    body = example_request(args.words, args.method, not args.no_facts)
    port = free_port()
    server = start_server(port, args.workers)
    try:
        url = f"http://{HOST}:{port}/summarize"
        run_clients(url, body, min(args.clients, 2), 2.0, 20)  # warm up caches and connections
        latencies, outcomes, elapsed = run_clients(url, body, args.clients, args.seconds, args.max_requests)
    finally:
        server.terminate()
        server.wait(timeout=30)
    baseline = in_process(body, min(args.seconds, 10.0))

    ok = outcomes.pop("ok", 0)
    errors = sum(outcomes.values())
    throughput = ok / elapsed
    work = f"{len(body['documents'])} articles, {args.words} words, {args.method}, {'no facts' if args.no_facts else 'with facts'}"
    print(f"newsfuse serve, {args.clients} clients, {elapsed:.1f} s, example cluster ({work})")
    print(f"  requests      {ok + errors} ({ok} ok, {errors} errors{': ' + ', '.join(f'{k} x{v}' for k, v in outcomes.items()) if errors else ''})")
    print(f"  throughput    {throughput:.1f} summaries/s")
    if latencies:
        print(f"  latency       p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p99 {percentile(latencies, 0.99) * 1000:.0f} ms, "
              f"mean {statistics.fmean(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
    print(f"baseline: the same requests in-process, one thread, no HTTP: {baseline:.1f} summaries/s")
    print(f"  service / in-process throughput: {throughput / baseline:.2f}x")
    if errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
