"""A read-only SPARQL 1.1 Protocol endpoint on localhost over a built graph, with a query page.

`GET /sparql?query=...`, `POST /sparql` with `application/sparql-query` or a form (`query=...`); results as
SPARQL JSON (default), CSV, TSV or XML by the Accept header. Updates are refused (403). `GET /` is a page to
type queries in, with no outside resources. The default graph is the union of the per-article graphs.
"""

from __future__ import annotations

import html
import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox

from kg.errors import QueryError
from kg.query import open_graph, run, saved_queries, saved_query

_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
    "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
_GRAPH_TYPES = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE}


def make_server(graph: Path, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
    """A server bound to host:port answering queries over `graph`; raises InputError for a bad graph."""
    store = open_graph(graph)
    page = _page(graph.name)

    class Handler(BaseHTTPRequestHandler):
        server_version = "Nyhetsgraf"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silent library code
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            url = urlparse(self.path)
            if url.path in {"/", "/index.html"}:
                return self._send(HTTPStatus.OK, "text/html; charset=utf-8", page.encode("utf-8"))
            if url.path != "/sparql":
                return self._send(HTTPStatus.NOT_FOUND, "text/plain", b"not found: use /sparql or /\n")
            params = parse_qs(url.query)
            if "update" in params:
                return self._refuse()
            if "query" not in params:
                return self._send(HTTPStatus.BAD_REQUEST, "text/plain", b"missing 'query' parameter\n")
            self._answer(params["query"][0])

        def do_POST(self) -> None:  # noqa: N802
            if urlparse(self.path).path != "/sparql":
                return self._send(HTTPStatus.NOT_FOUND, "text/plain", b"not found\n")
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if kind == "application/sparql-update":
                return self._refuse()
            if kind == "application/sparql-query":
                return self._answer(body)
            form = parse_qs(body)
            if "update" in form:
                return self._refuse()
            if "query" not in form:
                return self._send(HTTPStatus.BAD_REQUEST, "text/plain", b"missing 'query'\n")
            self._answer(form["query"][0])

        def _answer(self, text: str) -> None:
            try:
                results = run(store, text)
            except QueryError as err:
                return self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", f"{err}\n".encode())
            accept = [a.split(";")[0].strip() for a in (self.headers.get("Accept") or "").split(",")]
            if isinstance(results, ox.QueryTriples):
                kind = next((a for a in accept if a in _GRAPH_TYPES), "application/n-triples")
                data = ox.serialize(results, format=_GRAPH_TYPES[kind]) or b""
            else:
                kind = next((a for a in accept if a in _RESULT_TYPES), "application/sparql-results+json")
                data = results.serialize(format=_RESULT_TYPES[kind])
            self._send(HTTPStatus.OK, f"{kind}; charset=utf-8", data)

        def _refuse(self) -> None:
            self._send(HTTPStatus.FORBIDDEN, "text/plain", b"this endpoint is read-only: SPARQL updates are refused\n")

        def _send(self, status: HTTPStatus, kind: str, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return ThreadingHTTPServer((host, port), Handler)


def serve_in_thread(server: ThreadingHTTPServer) -> threading.Thread:
    """Start `server` in a daemon thread (for tests and notebooks); stop it with server.shutdown()."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


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
document.getElementById('run').onclick = async () => {{
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
}};
</script></body></html>"""
