"""The SPARQL endpoint over real HTTP on localhost: start, query, update refused, page, stop."""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.serve import make_server, serve_in_thread

from .test_query import graph  # noqa: F401 - the golden graph fixture


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def endpoint(graph):  # noqa: F811
    server = make_server(graph, port=_free_port())
    serve_in_thread(server)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _get(url: str, accept: str = "application/sparql-results+json"):
    return urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=10)


def test_query_over_get_and_post(endpoint):
    query = ("SELECT ?name WHERE { ?p a <https://schema.org/Person> ; "
             "<http://www.w3.org/2000/01/rdf-schema#label> ?name }")
    with _get(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": query})) as response:
        names = {b["name"]["value"] for b in json.load(response)["results"]["bindings"]}
    assert "Anna Berg" in names
    request = urllib.request.Request(f"{endpoint}/sparql", data=query.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/csv") and b"Anna Berg" in response.read()


def test_update_is_refused_and_bad_query_is_400(endpoint):
    update = urllib.request.Request(f"{endpoint}/sparql", data=b"INSERT DATA { <a:b> <a:c> <a:d> }", method="POST",
                                    headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(update, timeout=10)
    assert refused.value.code == 403
    refused.value.close()
    with pytest.raises(urllib.error.HTTPError) as bad:
        _get(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE {"}))
    assert bad.value.code == 400
    bad.value.close()


def test_query_page_has_no_outside_resources(endpoint):
    with _get(f"{endpoint}/", accept="text/html") as response:
        page = response.read().decode()
    assert "<textarea" in page and "http://" not in page.replace("http://www.w3.org", "") and "https://" not in (
        page.replace("https://w3id.org", "").replace("https://schema.org", ""))


def test_kg_serve_command_starts_and_stops(graph, tmp_path):  # noqa: F811
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                with _get(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D") as response:
                    assert json.load(response)["boolean"] is True
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("kg serve did not answer")
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
        process.stderr.close()
