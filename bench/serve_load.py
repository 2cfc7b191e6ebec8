"""`kg serve` under load: throughput and p50/p99 latency at 1, 8, 32 and 64 concurrent clients, loopback only.

Run: `python bench/serve_load.py [--triples 1000000] [--seconds 8]`. The seed graph is replicated with fresh IRIs
(as in bench/query_speed.py) into a store of about a million quads, `kg serve` is started on it in a subprocess
(its defaults: one query worker per core), and each level runs its clients for a bounded time: every client
sends one query after another on its own keep-alive connection (POST application/sparql-query). Two queries: a
simple one (a label lookup, a few rows) and the saved query `delegations`. The baseline, measured in the same run,
is the same query evaluated and serialised in this process with pyoxigraph (median of 20): the ratio says what
HTTP, the worker pool and the queue add. Target: p99 < 250 ms for the simple query at 64 clients.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from query_speed import replicated

from kg.query import merge_default_graph, saved_query
from kg.store import EXTRACTIONS, OXIGRAPH

LEVELS = (1, 8, 32, 64)


def _store(folder: Path, triples: int) -> Path:
    from kg.pipeline import build

    graph = folder / "seeds.trig"
    build([Path(__file__).resolve().parents[1] / "seeds"], out=graph)
    (folder / "store").mkdir()
    store = ox.Store(str(folder / "store" / OXIGRAPH))
    store.bulk_load(replicated(graph, triples).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    merge_default_graph(store)
    store.flush()
    print(f"store: {len(store):,} quads (article graphs and the merged default graph)")
    del store
    (folder / "store" / EXTRACTIONS).write_text("", encoding="utf-8")
    return folder / "store"


def _direct(location: Path, text: str) -> float:
    store = ox.Store.read_only(str(location / OXIGRAPH))
    times = []
    for _ in range(20):
        started = time.perf_counter()
        store.query(text).serialize(format=ox.QueryResultsFormat.JSON)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


async def _client(port: int, body: bytes, until: float, latencies: list[float], errors: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            f"Accept: application/sparql-results+json\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    try:
        while time.perf_counter() < until:
            started = time.perf_counter()
            writer.write(head + body)
            status = int((await reader.readline()).split()[1])
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            if status != 200:
                errors.append(status)
    finally:
        writer.close()


async def _level(port: int, text: str, clients: int, seconds: float) -> tuple[int, float, list[float], list[int]]:
    latencies: list[float] = []
    errors: list[int] = []
    started = time.perf_counter()
    until = started + seconds
    await asyncio.gather(*(_client(port, text.encode(), until, latencies, errors) for _ in range(clients)))
    return len(latencies), time.perf_counter() - started, latencies, errors


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=8.0, help="how long each level runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        location = _store(Path(tmp), args.triples)
        label = ox.Store.read_only(str(location / OXIGRAPH)).query(
            "SELECT ?l WHERE { ?p a <https://schema.org/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
            " LIMIT 1")
        name = next(iter(label))["l"].value
        queries = {
            "simple": f'SELECT ?p ?type WHERE {{ ?p <http://www.w3.org/2000/01/rdf-schema#label> "{name}" ; '
                      f"a ?type }} LIMIT 10",
            "delegations": saved_query("delegations"),
        }
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(location), "--port", str(port)],
                                  stdout=subprocess.PIPE, text=True)
        try:
            print(server.stdout.readline().strip())
            print(f"{'query':12} {'clients':>7} {'queries':>8} {'q/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
                  f"{'p50/direct':>10} {'errors':>6}")
            for kind, text in queries.items():
                direct = _direct(location, text)
                print(f"{kind:12} {'direct':>7} {'':8} {1 / direct:8.1f} {direct * 1000:8.1f}")
                for clients in LEVELS:
                    count, took, latencies, errors = asyncio.run(_level(port, text, clients, args.seconds))
                    p50, p99 = _percentile(latencies, 0.5), _percentile(latencies, 0.99)
                    print(f"{kind:12} {clients:7} {count:8} {count / took:8.1f} {p50 * 1000:8.1f} {p99 * 1000:8.1f} "
                          f"{p50 / direct:9.1f}x {len(errors):6}")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
