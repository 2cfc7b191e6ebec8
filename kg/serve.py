"""A read-only SPARQL 1.1 Protocol endpoint over a built graph, with a query page, that holds under load and abuse.

HTTP is uvicorn's (h11: malformed requests get a 400 from a well-tested parser, a backlog of 2048, a cap on open
connections); every query runs in a pool of worker processes (pebble) that each hold the store open read-only.
A query is stopped when it runs past the timeout (its worker is killed and replaced), a worker that outgrows the
memory cap dies alone (the address-space limit is set in the worker), and a result is cut off at the size cap:
in each case the client gets a 503 with the reason and every other client goes on being answered.

`GET /sparql?query=...`, `POST /sparql` with `application/sparql-query` or a form (`query=...`); results as SPARQL
JSON (default), CSV, TSV or XML by the Accept header, CONSTRUCT as N-Triples or Turtle. Updates are refused (403).
`GET /` is a page to type queries in, with no outside resources. The default graph is the merged graph (the
union of the per-article graphs), as in `kg query`.

Why not Oxigraph's own server: measured with oxigraph 0.5.13, `serve-read-only --timeout-s 3` went on streaming a
runaway SELECT for over a minute and stopped a runaway COUNT only after 24 s, and a query that outgrows memory
takes the whole server down. The engine here is the same (pyoxigraph); only the process around it differs.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import html
import json
import multiprocessing
import os
import resource
import signal
import socket
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox

from kg.errors import InputError, QueryError, StoreError
from kg.query import open_graph, run, saved_queries, saved_query
from kg.store import OXIGRAPH, is_store, oxigraph_of

_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
    "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
_GRAPH_TYPES = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE}
MAX_QUERY_BYTES = 1 << 20  # a request body (a query or a form) larger than this gets a 413


@dataclass(frozen=True)
class Limits:
    """What one query may take: seconds of evaluation, memory beyond what its worker holds at rest, and result
    size (MB); and the pool."""

    timeout: float = 30.0
    memory_mb: int = 2048
    result_mb: int = 64
    workers: int = max(1, os.cpu_count() or 1)
    connections: int = 512


# -- the worker processes ------------------------------------------------------------------------------------

_store: ox.Store | None = None
_root: Path | None = None  # the store folder served, whose live version a worker follows
_opened: str | None = None  # the pyoxigraph folder the worker has open


def _open_worker(location: str, memory_mb: int, root: str | None = None) -> None:
    """Worker start: open the store read-only (RocksDB allows many readers), then cap the address space at what
    the worker holds now plus `memory_mb` for its queries."""
    global _store, _root, _opened
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a timeout's SIGTERM must stop evaluation at once, in Rust code
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)  # Rust's "memory allocation failed" when the cap is hit is answered as a 503, not logged
    _store, _opened, _root = ox.Store.read_only(location), location, Path(root) if root else None
    limit = _address_space() + (memory_mb << 20)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _follow_store() -> None:
    """When a build has made a new version of the served store live, answer from it (a cheap check of the
    store's CURRENT per query); where it cannot be opened, go on with the version open."""
    global _store, _opened
    if _root is None:
        return
    try:
        live = str(oxigraph_of(_root))
        if live != _opened:
            _store, _opened = ox.Store.read_only(live), live
    except (StoreError, OSError):
        pass


def _address_space() -> int:
    """This process's virtual memory size in bytes (Linux's /proc; 0 where there is none)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) << 10
    except OSError:
        pass
    return 0


class _Capped:
    """A file-like sink that refuses to grow past `limit` bytes (pyoxigraph serializes into it in chunks)."""

    def __init__(self, limit: int) -> None:
        self.limit, self.size, self.parts = limit, 0, []

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _TooLarge
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


class _TooLarge(Exception):
    pass


def _evaluate(text: str, accept: list[str], limit: int) -> tuple[int, str, bytes]:
    """Run one query in a worker: (HTTP status, content type, body)."""
    assert _store is not None, "worker not initialised"
    _follow_store()
    try:
        results = run(_store, text)
    except QueryError as err:
        return 400, "text/plain; charset=utf-8", f"{err}\n".encode()
    sink = _Capped(limit)
    try:
        if isinstance(results, ox.QueryTriples):
            kind = next((a for a in accept if a in _GRAPH_TYPES), "application/n-triples")
            ox.serialize(results, sink, format=_GRAPH_TYPES[kind])
        else:
            kind = next((a for a in accept if a in _RESULT_TYPES), "application/sparql-results+json")
            results.serialize(sink, format=_RESULT_TYPES[kind])
    except _TooLarge:
        return 503, "text/plain; charset=utf-8", (
            f"the result is larger than the cap of {limit >> 20} MB; add a LIMIT or ask for fewer columns\n").encode()
    except (OSError, RuntimeError) as err:  # an evaluation error met while streaming the results
        return 400, "text/plain; charset=utf-8", f"the query failed: {err}\n".encode()
    return 200, f"{kind}; charset=utf-8", b"".join(sink.parts)


# -- the HTTP application ------------------------------------------------------------------------------------

class Endpoint:
    """The ASGI application: routes, the protocol's parameters, and the worker pool that evaluates queries."""

    def __init__(self, location: Path, name: str, limits: Limits, root: Path | None = None) -> None:
        from pebble import ProcessPool

        self.limits = limits
        self.page = _page(name).encode("utf-8")
        self.pool = ProcessPool(max_workers=limits.workers, initializer=_open_worker,
                                initargs=(str(location), limits.memory_mb, str(root) if root else None),
                                context=multiprocessing.get_context("spawn"))

    def close(self) -> None:
        """Let idle workers exit on their own (a killed one leaves its pool's semaphores behind), then stop any
        still evaluating."""
        self.pool.close()
        try:
            self.pool.join(timeout=5)
        except TimeoutError:
            self.pool.stop()
            self.pool.join(timeout=5)

    async def __call__(self, scope: dict, receive, send) -> None:  # noqa: ANN001 - ASGI callables
        if scope["type"] == "lifespan":
            return await _lifespan(receive, send)
        if scope["type"] != "http":
            return
        path, method = scope["path"], scope["method"]
        if path in {"/", "/index.html"}:
            if method not in {"GET", "HEAD"}:
                return await _reply(send, 405, "text/plain", b"use GET\n", [(b"allow", b"GET, HEAD")])
            return await _reply(send, 200, "text/html; charset=utf-8", self.page)
        if path not in {"/sparql", "/query"}:
            return await _reply(send, 404, "text/plain", b"not found: use /sparql or /\n")
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        accept = [a.split(";")[0].strip() for a in headers.get("accept", "").split(",")]
        if method == "GET":
            params = parse_qs(scope["query_string"].decode("latin-1"))
        elif method == "POST":
            declared = headers.get("content-length", "0")  # h11 has checked it is a number
            body = None if int(declared) > MAX_QUERY_BYTES else await _body(receive, MAX_QUERY_BYTES)
            if body is None:
                return await _reply(send, 413, "text/plain", f"a request body over {MAX_QUERY_BYTES} bytes\n".encode())
            kind = headers.get("content-type", "").split(";")[0].strip()
            if kind == "application/sparql-update":
                return await _refuse(send)
            if kind == "application/sparql-query":
                params = {"query": [body.decode("utf-8", errors="replace")]}
            elif kind in {"application/x-www-form-urlencoded", ""}:
                params = parse_qs(body.decode("utf-8", errors="replace"))
            else:
                return await _reply(send, 415, "text/plain", b"send application/sparql-query or a form\n")
        else:
            return await _reply(send, 405, "text/plain", b"use GET or POST\n", [(b"allow", b"GET, POST")])
        if "update" in params:
            return await _refuse(send)
        if "query" not in params:
            return await _reply(send, 400, "text/plain", b"missing 'query' parameter\n")
        if "default-graph-uri" in params or "named-graph-uri" in params:
            return await _reply(send, 400, "text/plain", b"default-graph-uri and named-graph-uri are not supported: "
                                b"the default graph is the merged graph; use GRAPH or FROM in the query\n")
        status, kind, data = await self.evaluate(params["query"][0], accept)
        await _reply(send, status, kind, data)

    async def evaluate(self, text: str, accept: list[str]) -> tuple[int, str, bytes]:
        """Evaluate in a worker; the timeout counts from when a worker takes the query, not time in the queue."""
        from pebble import ProcessExpired

        future = self.pool.submit(_evaluate, self.limits.timeout, text, accept, self.limits.result_mb << 20)
        try:
            return await asyncio.wrap_future(future)
        except concurrent.futures.TimeoutError:
            return 503, "text/plain; charset=utf-8", (
                f"the query ran past the timeout of {self.limits.timeout:g} s and was stopped\n").encode()
        except ProcessExpired as err:  # an allocation past the address-space cap aborts the worker
            return 503, "text/plain; charset=utf-8", (
                f"the query was stopped: its worker died (exit code {err.exitcode}), most likely by needing more "
                f"than the memory cap of {self.limits.memory_mb} MB\n").encode()
        except asyncio.CancelledError:  # the client went away: stop the work it asked for
            future.cancel()
            raise
        except Exception as err:  # noqa: BLE001 - e.g. a worker that could not start: an answer, not a traceback
            return 503, "text/plain; charset=utf-8", f"the query could not be evaluated: {err}\n".encode()


async def _lifespan(receive, send) -> None:  # noqa: ANN001
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def _body(receive, limit: int) -> bytes | None:  # noqa: ANN001
    """The request body, or None once it grows past `limit` bytes."""
    parts, size, more = [], 0, True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        parts.append(chunk)
        more = message.get("more_body", False)
    return b"".join(parts)


async def _refuse(send) -> None:  # noqa: ANN001
    await _reply(send, 403, "text/plain", b"this endpoint is read-only: SPARQL updates are refused\n")


async def _reply(send, status: int, kind: str, data: bytes, extra: list | None = None) -> None:  # noqa: ANN001
    headers = [(b"content-type", kind.encode()), (b"content-length", str(len(data)).encode()), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


# -- running it ----------------------------------------------------------------------------------------------

def serve(graph: Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None,
          ready=None) -> None:  # noqa: ANN001 - ready: a callback once listening
    """Serve `graph` (a store folder, or a graph file loaded into a temporary store) until interrupted.

    Raises InputError for a bad graph and OSError when the address cannot be bound."""
    import uvicorn

    limits = limits or Limits()
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as scratch:
        location = _location(graph, Path(scratch))
        endpoint = Endpoint(location, graph.name, limits, root=graph if graph.is_dir() else None)
        config = uvicorn.Config(endpoint, host=host, port=port, lifespan="on", log_level="warning",
                                access_log=False, backlog=2048, limit_concurrency=limits.connections,
                                timeout_keep_alive=5, h11_max_incomplete_event_size=64 * 1024)
        server = uvicorn.Server(config)
        # uvicorn re-raises the signal that stopped it once it has shut down; SIGTERM's default action would then
        # kill this process before the workers are let go. As KeyboardInterrupt it unwinds like Ctrl-C.
        terminate = signal.getsignal(signal.SIGTERM)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _interrupt)
        try:
            with _listening(host, port) as sock:
                if ready is not None:
                    _notify_when_started(server, ready)
                server.run(sockets=[sock])
        finally:
            endpoint.close()
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGTERM, terminate)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _listening(host: str, port: int) -> socket.socket:
    """A socket bound to host:port (IPv4 or IPv6), so that a taken port is an OSError here, not a log line."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not 0: asyncio sets TCP_NODELAY only on such sockets, and without it every answer on a
    # keep-alive connection waits some 40 ms for the client's delayed ACK (Nagle's algorithm)
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def _notify_when_started(server, ready) -> None:  # noqa: ANN001
    import time

    def watch() -> None:
        while not server.started and not server.should_exit:
            time.sleep(0.05)
        if server.started:
            ready()

    threading.Thread(target=watch, daemon=True).start()


def _location(graph: Path, scratch: Path) -> Path:
    """The pyoxigraph store to serve: a store folder's own, or a graph file loaded into `scratch`."""
    if graph.is_dir():
        if not is_store(graph):
            raise InputError(f"{graph}: a folder, but not a Nyhetsgraf store")
        return oxigraph_of(graph)
    loaded = open_graph(graph)  # checks the file and merges the default graph
    location = scratch / OXIGRAPH
    store = ox.Store(str(location))
    store.bulk_extend(loaded.quads_for_pattern(None, None, None))
    store.flush()
    del store
    return location


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _page(name: str) -> str:
    examples = {n: saved_query(n) for n in saved_queries()}
    saved_json = json.dumps(examples).replace("</", "<\\/")  # cannot close the script element
    options = "".join(f'<option value="{html.escape(n)}">{html.escape(n)}: {html.escape(about)}</option>'
                      for n, about in saved_queries().items())
    title = html.escape(name)
    return f"""<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Nyhetsgraf SPARQL: {title}</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:70em}}textarea{{width:100%;height:14em;font-family:monospace}}
table{{border-collapse:collapse;margin-top:1em}}td,th{{border:1px solid #ccc;padding:.2em .5em;text-align:left}}</style>
</head><body><h1>Nyhetsgraf SPARQL endpoint</h1><p>Graph: {html.escape(name)}. Endpoint: <code>/sparql</code>
(read-only; the default graph is the union of the article graphs).</p>
<label>Saved query: <select id="saved"><option value="">(choose)</option>{options}</select></label>
<textarea id="query">SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT 20</textarea>
<button id="run">Run</button><div id="out"></div>
<script>
const saved = {saved_json};
const q = document.getElementById('query'), out = document.getElementById('out');
document.getElementById('saved').onchange = e => {{ if (saved[e.target.value]) q.value = saved[e.target.value]; }};
const run = async () => {{
  const r = await fetch('sparql', {{method: 'POST', headers: {{'Content-Type': 'application/sparql-query',
    'Accept': 'application/sparql-results+json'}}, body: q.value}});
  out.textContent = '';
  if (!r.ok) {{ out.textContent = await r.text(); return; }}
  const data = await r.json(), table = document.createElement('table');
  if ('boolean' in data) {{ out.textContent = String(data.boolean); return; }}
  const head = table.insertRow();
  for (const v of data.head.vars) {{
    const th = document.createElement('th'); th.textContent = v; head.appendChild(th); }}
  for (const b of data.results.bindings) {{ const row = table.insertRow();
    for (const v of data.head.vars) row.insertCell().textContent = b[v] ? b[v].value : ''; }}
  out.appendChild(table);
  document.body.dataset.kgRows = String(data.results.bindings.length);
}};
document.getElementById('run').onclick = run;
const asked = new URLSearchParams(location.search).get('query');  // a link to a query: /?query=...
if (asked) {{ q.value = asked; run(); }}
</script></body></html>"""
