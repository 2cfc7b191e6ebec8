"""The offline view: what it draws, that it needs no network, that article text cannot run, and that it loads in
a real headless Chromium without console errors (skipped where Debian's chromium is not installed)."""

import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import InputError
from kg.view import node_json, render, select, to_networkx

from .test_query import graph  # noqa: F401 - the golden graph fixture

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ID = "https://w3id.org/nyhetsgraf/id"
HOSTILE = "\n".join(f"{line} <{ID}/article/x> ." for line in (
    f"<{ID}/article/x> <https://schema.org/headline> \"Tittel</script><script>document.title='owned'</script>\"",
    f"<{ID}/article/x> <https://schema.org/mentions> <{ID}/person/p>",
    f"<{ID}/person/p> <http://www.w3.org/2000/01/rdf-schema#label> \"<img src=x onerror=alert(1)>\"",
    f"<{ID}/person/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person>",
)) + "\n"


def test_graph_has_entities_and_evidenced_relations(graph):  # noqa: F811
    g = to_networkx(graph)
    labels = {d["label"]: d for _, d in g.nodes(data=True)}
    assert labels["Anna Berg"]["kind"] == "Person" and labels["delegasjon fra Sverige"]["kind"] == "Delegation"
    assert labels["Anna Berg"]["titles"] == {"utenriksminister"}
    edges = {(g.nodes[s]["label"], d["predicate"], g.nodes[o]["label"]) for s, o, d in g.edges(data=True)}
    assert ("Anna Berg", "ledDelegation", "delegasjon fra Sverige") in edges
    articles = [n for n, d in g.nodes(data=True) if d["kind"] == "Article"]
    golden = graph.read_text(encoding="utf-8").count("<https://schema.org/NewsArticle>")
    assert len(articles) == golden and all(g.has_edge(a, n) for a in articles for n in g.successors(a))


def test_cap_and_focus():
    g = nx.MultiDiGraph()
    for i in range(10):
        g.add_node(i, label=f"n{i}", kind="Person", articles={"a"}, titles=set())
    for i in range(1, 10):
        g.add_edge(0, i, predicate="met")
    kept, left_out = select(g, None, 2, 4)
    assert kept.number_of_nodes() == 4 and left_out == 6 and 0 in kept
    around, _ = select(g, "n3", 1, 100)
    assert set(around) == {0, 3}
    with pytest.raises(InputError, match="no entity"):
        select(g, "nobody", 1, 100)


def test_page_is_offline_and_escapes_article_text(tmp_path: Path):
    source = tmp_path / "hostile.nq"
    source.write_text(HOSTILE, encoding="utf-8")
    page_path = tmp_path / "view.html"
    render(source, page_path)
    page = page_path.read_text(encoding="utf-8")
    assert not re.findall(r'(?:src|href)\s*=\s*"https?://', page)
    assert "<script>document.title" not in page and "<img src=x" not in page
    labels = {n["kind"]: n["label"] for n in node_json(page)}
    assert labels["Person"] == "<img src=x onerror=alert(1)>" and labels["Article"].startswith("Tittel</script>")


def test_notice_when_nodes_are_left_out(graph, tmp_path):  # noqa: F811
    summary = render(graph, tmp_path / "v.html", max_nodes=2)
    assert summary.left_out > 0 and "are not drawn" in (tmp_path / "v.html").read_text(encoding="utf-8")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_view_loads_in_headless_chromium(graph, tmp_path):  # noqa: F811
    page = tmp_path / "view.html"
    summary = render(graph, page)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
             "--virtual-time-budget=10000"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120)
    assert 'data-kg-ready="true"' in dom.stdout, dom.stderr[-2000:]
    assert f'data-kg-nodes="{summary.nodes}"' in dom.stdout
    errors = [line for line in dom.stderr.splitlines() if "CONSOLE" in line and ("Error" in line or
                                                                                  "Uncaught" in line)]
    assert errors == []
    shot = tmp_path / "view.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=1280,900", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.stat().st_size > 10_000
