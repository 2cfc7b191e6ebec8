"""The SPARQL endpoint over real HTTP on localhost, as `kg serve` runs it: answers, refusals, abuse and load."""

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from kg.serve import is_loopback

from .test_query import graph  # noqa: F401 - the golden graph fixture

PEOPLE = ("SELECT ?name WHERE { ?p a <https://schema.org/Person> ; "
          "<http://www.w3.org/2000/01/rdf-schema#label> ?name }")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`kg serve` in a subprocess, waited for until it says it listens."""

    def __init__(self, *args: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", *args, "--port", str(self.port)],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()  # printed once the socket listens
        if "SPARQL endpoint" not in line:
            self.stop()
            pytest.fail(f"kg serve did not start: {line}{self.stderr}")

    def stop(self) -> None:
        self.process.terminate()
        _, self.stderr = self.process.communicate(timeout=20)


@pytest.fixture(scope="module")
def endpoint(graph):  # noqa: F811
    server = Server(str(graph), "--timeout", "2", "--workers", "2")
    yield server.url
    server.stop()


def _get(url: str, accept: str = "application/sparql-results+json"):
    return urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=30)


def _query(endpoint: str, text: str) -> tuple[int, bytes]:
    request = urllib.request.Request(f"{endpoint}/sparql", data=text.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-query"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.read()


def _raw(port: int, request: bytes) -> int:
    """Send raw bytes, return the status code of the answer (0 when the server closes without one)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        head = sock.recv(64)
    return int(head.split()[1]) if head.startswith(b"HTTP/1.1 ") else 0


def test_query_over_get_and_post(endpoint):
    with _get(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": PEOPLE})) as response:
        names = {b["name"]["value"] for b in json.load(response)["results"]["bindings"]}
    assert "Anna Berg" in names
    request = urllib.request.Request(f"{endpoint}/sparql", data=PEOPLE.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/csv") and b"Anna Berg" in response.read()
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    with urllib.request.urlopen(urllib.request.Request(f"{endpoint}/sparql", data=form), timeout=10) as response:
        assert json.load(response)["boolean"] is True


def test_construct_comes_back_as_n_triples_or_turtle(endpoint):
    text = "CONSTRUCT { ?p a <https://schema.org/Person> } WHERE { ?p a <https://schema.org/Person> }"
    with _get(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": text}), accept="text/turtle") as response:
        assert response.headers["Content-Type"].startswith("text/turtle")
        assert b"<https://schema.org/Person>" in response.read()


def test_updates_are_refused_and_bad_queries_are_400(endpoint):
    assert _query(endpoint, "SELECT * WHERE {")[0] == 400
    assert _query(endpoint, "DROP ALL")[0] == 400  # an update sent as a query is not run
    update = urllib.request.Request(f"{endpoint}/sparql", data=b"INSERT DATA { <a:b> <a:c> <a:d> }", method="POST",
                                    headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(update, timeout=10)
    assert refused.value.code == 403
    refused.value.close()
    form = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(f"{endpoint}/sparql", data=form), timeout=10)
    assert refused.value.code == 403
    refused.value.close()
    assert _query(endpoint, "ASK { ?s ?p ?o }")[0] == 200  # and the graph is still there


def test_malformed_requests_get_a_4xx(endpoint):
    port = int(endpoint.rsplit(":", 1)[1])
    post = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
    assert _raw(port, post + b"Content-Length: abc\r\n\r\nASK {}") == 400
    assert _raw(port, post + b"Content-Length: -1\r\n\r\nASK {}") == 400
    assert _raw(port, post + b"Content-Length: 99999999999\r\n\r\nASK {}") == 413
    assert _raw(port, b"GET /sparql HTTP/1.1\r\nHost: x\r\n\r\n") == 400  # no query
    assert _raw(port, b"GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n") == 404
    assert _raw(port, b"DELETE /sparql HTTP/1.1\r\nHost: x\r\n\r\n") == 405
    assert _raw(port, b"\x00\x01\x02 garbage\r\n\r\n") == 400
    assert _raw(port, post.replace(b"sparql-query", b"json") + b"Content-Length: 6\r\n\r\nASK {}") == 415


def test_a_runaway_query_is_stopped_within_the_timeout_while_others_are_answered(endpoint):
    with ThreadPoolExecutor(4) as pool:
        started = time.monotonic()
        runaway = pool.submit(_query, endpoint, RUNAWAY)
        time.sleep(0.3)
        answers = [_query(endpoint, PEOPLE) for _ in range(20)]  # one worker is still free
        status, body = runaway.result()
        took = time.monotonic() - started
    assert all(status == 200 for status, _ in answers)
    assert status == 503 and b"timeout of 2 s" in body
    assert took < 2 + 2  # the 2 s timeout, plus the worker's start-up and the kill
    assert _query(endpoint, PEOPLE)[0] == 200  # the killed worker was replaced


def test_64_concurrent_clients_are_all_answered(endpoint):
    with ThreadPoolExecutor(64) as pool:
        answers = list(pool.map(lambda _: _query(endpoint, PEOPLE), range(256)))
    assert [status for status, _ in answers] == [200] * 256
    assert all(b"Anna Berg" in body for _, body in answers)


def test_the_query_page_needs_nothing_from_outside(endpoint):
    with _get(f"{endpoint}/", accept="text/html") as response:
        page = response.read().decode()
    assert "<textarea" in page and "http://" not in page.replace("http://www.w3.org", "") and "https://" not in (
        page.replace("https://w3id.org", "").replace("https://schema.org", ""))


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_the_query_page_runs_a_query_in_headless_chromium(endpoint, tmp_path):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
             "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000"]
    page = f"{endpoint}/?" + urllib.parse.urlencode({"query": PEOPLE})  # a link to a query runs it
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", page], capture_output=True, text=True, timeout=120)
    assert "<td>Anna Berg</td>" in dom.stdout and 'data-kg-rows="' in dom.stdout, dom.stderr[-2000:]
    assert not [line for line in dom.stderr.splitlines() if "CONSOLE" in line and "Error" in line]


def test_result_and_memory_caps_stop_one_query_not_the_server(graph):  # noqa: F811
    server = Server(str(graph), "--timeout", "60", "--workers", "1", "--max-result", "1", "--max-memory", "200")
    try:
        status, body = _query(server.url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }")  # some 15 MB of JSON
        assert status == 503 and b"cap of 1 MB" in body
        status, body = _query(server.url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?i ?e")
        assert status == 503 and b"memory cap of 200 MB" in body
        assert _query(server.url, PEOPLE)[0] == 200
    finally:
        server.stop()


def test_serve_fails_in_one_line_on_a_taken_port_or_a_missing_graph(graph, tmp_path):  # noqa: F811
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", str(port)],
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "cannot listen" in done.stderr
    done = subprocess.run([sys.executable, "-m", "kg.cli", "serve", str(tmp_path / "none.trig")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stderr.startswith("kg: error:") and done.stderr.count("\n") == 1


def test_listening_beyond_loopback_warns(graph):  # noqa: F811
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")
    server = Server(str(graph), "--host", "0.0.0.0", "--workers", "1")
    server.stop()
    assert "kg: warning: listening on 0.0.0.0" in server.stderr


def test_stopping_the_server_is_clean(graph):  # noqa: F811
    server = Server(str(graph), "--workers", "2")
    assert _query(server.url, PEOPLE)[0] == 200
    server.stop()  # SIGTERM, as a service manager sends
    assert server.process.returncode == 0 and server.stderr == ""  # workers let go, nothing leaked


def test_a_served_store_answers_from_the_version_a_later_build_makes_live(tmp_path, nlp):
    from kg.pipeline import build

    (tmp_path / "in").mkdir()
    first, second = tmp_path / "in" / "a.txt", tmp_path / "in" / "b.txt"
    first.write_text("Ordfører Kari Nordvik åpnet brua i Bodø tirsdag.\n", encoding="utf-8")
    second.write_text("Statsråd Per Lunde besøkte Tromsø onsdag.\n", encoding="utf-8")
    store = tmp_path / "store"
    build([first], store=store, nlp=nlp)
    server = Server(str(store), "--workers", "1")
    try:
        assert b"Kari Nordvik" in _query(server.url, PEOPLE)[1] and b"Per Lunde" not in _query(server.url, PEOPLE)[1]
        build([second], store=store, nlp=nlp)  # a new version, switched to while the server runs
        build([tmp_path / "in"], store=store, nlp=nlp)  # adds nothing
        status, body = _query(server.url, PEOPLE)
        assert status == 200 and b"Kari Nordvik" in body and b"Per Lunde" in body
    finally:
        server.stop()
