"""Built graph -> one self-contained, offline HTML page (pyvis / vis-network): nodes coloured by type with a
legend, labelled edges, the evidence sentence and article on hover, filters by type and by article, the
neighbourhood of one entity, and for large graphs precomputed positions with physics off and a node cap.

All article text reaches the page as JSON escaped by Jinja's `tojson` and is shown by vis-network as text, so
an article containing `<script>` or HTML can neither run nor break the page. Never imports spaCy.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.errors import InputError
from kg.files import write_text_atomic
from kg.query import open_graph, run

COLOURS = {"Article": "#bbbbbb", "Person": "#e6194b", "Organization": "#4363d8", "Delegation": "#911eb4",
           "GeopoliticalEntity": "#3cb44b", "Place": "#42d4f4", "Event": "#f58231", "Demand": "#9a6324",
           "Thing": "#808080"}
_TYPE_ORDER = ["Article", "Delegation", "GeopoliticalEntity", "Person", "Organization", "Event", "Demand", "Place"]
PHYSICS_LIMIT = 300  # above this many nodes, positions are computed here and physics is off

_ENTITIES = """PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?label ?type ?article ?headline WHERE {
  ?article schema:mentions ?e . ?e rdfs:label ?label . OPTIONAL { ?e a ?type }
  OPTIONAL { ?article schema:headline ?headline } }"""
_RELATIONS = """PREFIX kgo: <https://w3id.org/nyhetsgraf/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT DISTINCT ?s ?p ?o ?evidence ?article WHERE {
  ?st a kgo:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kgo:evidence ?evidence ;
      prov:wasDerivedFrom ?article . FILTER(isIRI(?o)) }"""
_TITLES = """PREFIX schema: <https://schema.org/> SELECT DISTINCT ?p ?title WHERE { ?p schema:jobTitle ?title }"""


@dataclass(frozen=True)
class ViewSummary:
    """What the page shows."""

    nodes: int
    edges: int
    left_out: int


def to_networkx(graph: Path) -> nx.MultiDiGraph:
    """The entities and evidenced relations of a graph file or store as a networkx multigraph."""
    store = open_graph(graph)
    g = nx.MultiDiGraph()
    headlines: dict[str, str] = {}
    for row in run(store, _ENTITIES):
        node, article = row["e"].value, row["article"].value
        headlines[article] = row["headline"].value if row["headline"] else article
        if node not in g:
            g.add_node(node, label=row["label"].value, types=set(), articles=set(), titles=set())
        g.nodes[node]["types"].add(_kind(row["type"]))
        g.nodes[node]["articles"].add(article)
        if article not in g:
            g.add_node(article, label=_shorten(headlines[article]), types={"Article"}, articles={article},
                       titles=set())
        g.add_edge(article, node, key="mentions", predicate="mentions", evidence="", article=headlines[article])
    for _, data in g.nodes(data=True):  # the most specific type: Delegation before Organization, etc.
        data["kind"] = next((k for k in _TYPE_ORDER if k in data["types"]), "Thing")
    for row in run(store, _TITLES):
        if row["p"].value in g:
            g.nodes[row["p"].value]["titles"].add(row["title"].value)
    for row in run(store, _RELATIONS):
        s, o = row["s"].value, row["o"].value
        if s in g and o in g:
            g.add_edge(s, o, key=row["p"].value, predicate=_short(row["p"].value), evidence=row["evidence"].value,
                       article=headlines.get(row["article"].value, row["article"].value))
    g.graph["headlines"] = headlines
    return g


def _shorten(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _kind(term) -> str:  # noqa: ANN001
    if term is None:
        return "Thing"
    name = re.split(r"[/#]", term.value)[-1]
    return name if name in COLOURS else "Thing"


def _short(iri: str) -> str:
    return re.split(r"[/#]", iri)[-1]


def select(g: nx.MultiDiGraph, focus: str | None, depth: int, max_nodes: int) -> tuple[nx.MultiDiGraph, int]:
    """The part of the graph to draw: the neighbourhood of `focus` (a name), then at most `max_nodes` nodes, the
    best connected first; returns it and how many nodes were left out. Raises InputError for an unknown focus."""
    if focus:
        key = focus.casefold()
        centres = [n for n, d in g.nodes(data=True) if key in d["label"].casefold()]
        if not centres:
            raise InputError(f"--focus {focus!r}: no entity with that name in the graph")
        undirected = g.to_undirected(as_view=True)
        keep = set().union(*(nx.single_source_shortest_path_length(undirected, c, cutoff=depth) for c in centres))
        g = g.subgraph(keep).copy()
    left_out = max(0, g.number_of_nodes() - max_nodes)
    if left_out:
        ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), g.nodes[n]["label"], n))
        g = g.subgraph(ranked[:max_nodes]).copy()
    return g, left_out


def render(graph: Path, out: Path, focus: str | None = None, depth: int = 2, max_nodes: int = 1500) -> ViewSummary:
    """Write the interactive view of `graph` to `out` (atomically); raises InputError or OutputError."""
    from pyvis.network import Network

    full = to_networkx(graph)
    g, left_out = select(full, focus, depth, max_nodes)
    net = Network(height="85vh", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    big = g.number_of_nodes() > PHYSICS_LIMIT
    positions = nx.spring_layout(nx.Graph(g), seed=1, iterations=50) if big else {}
    scale = 60 * max(10.0, g.number_of_nodes() ** 0.5)
    for node, data in g.nodes(data=True):
        extra = {"x": float(positions[node][0] * scale), "y": float(positions[node][1] * scale)} if big else {}
        article = data["kind"] == "Article"
        net.add_node(node, label=data["label"], color=COLOURS[data["kind"]], title=_node_tip(data, full),
                     kind=data["kind"], articles=sorted(data["articles"]), shape="box" if article else "dot",
                     size=10 + 2 * min(10, g.degree(node)), **extra)
    for s, o, data in g.edges(data=True):
        if data["predicate"] == "mentions":
            net.add_edge(s, o, title=f"nevnt i: {data['article']}", color="#dddddd", dashes=True, arrows="to")
            continue
        net.add_edge(s, o, label=data["predicate"], title=f"{data['predicate']}\n«{data['evidence']}»\n"
                     f"— {data['article']}", arrows="to", font={"size": 10})
    net.toggle_physics(not big)
    page = _offline(net.generate_html(notebook=False))
    page = page.replace("</body>", _controls(g, full.graph["headlines"], left_out, focus) + "</body>", 1)
    write_text_atomic(out, page)
    return ViewSummary(g.number_of_nodes(), g.number_of_edges(), left_out)


def _node_tip(data: dict, full: nx.MultiDiGraph) -> str:
    headlines = full.graph["headlines"]
    if data["kind"] == "Article":
        return "Artikkel: " + headlines.get(next(iter(data["articles"])), "")
    lines = [f"{data['label']} ({data['kind']})"]
    if data["titles"]:
        lines.append("Tittel: " + ", ".join(sorted(data["titles"])))
    lines += [f"Nevnt i: {headlines.get(a, a)}" for a in sorted(data["articles"])]
    return "\n".join(lines)


def _offline(page: str) -> str:
    """Drop the CDN links pyvis adds even with inline resources (Bootstrap); the page needs none of them."""
    page = re.sub(r'<link[^>]+href="https?://[^"]+"[^>]*>', "", page)
    page = re.sub(r'<script[^>]+src="https?://[^"]+"[^>]*>\s*</script>', "", page)
    return page


def _controls(g: nx.MultiDiGraph, headlines: dict[str, str], left_out: int, focus: str | None) -> str:
    kinds = sorted({d["kind"] for _, d in g.nodes(data=True)})
    legend = "".join(
        f'<label style="margin-right:1em"><input type="checkbox" class="kg-type" value="{k}" checked> '
        f'<span style="color:{COLOURS[k]}">&#9679;</span> {k}</label>' for k in kinds)
    articles = sorted({a for _, d in g.nodes(data=True) for a in d["articles"]})
    options = "".join(f'<option value="{html.escape(a, quote=True)}">{html.escape(headlines.get(a, a))}</option>'
                      for a in articles)
    notice = (f'<p id="kg-notice" style="color:#a00">{left_out} of {g.number_of_nodes() + left_out} entities are '
              f"not drawn (the best connected are kept); use --focus NAME or --max-nodes to see them.</p>"
              if left_out else "")
    title = f" around {html.escape(focus)}" if focus else ""
    return f"""<div id="kg-controls" style="font-family:sans-serif;padding:.5em">
<b>Nyhetsgraf{title}</b>: {g.number_of_nodes()} entities, {g.number_of_edges()} relations. {notice}
<div id="kg-legend">{legend}</div>
<label>Article: <select id="kg-article"><option value="">(all)</option>{options}</select></label></div>
<script>
(function () {{
  function apply() {{
    const shown = new Set(Array.from(document.querySelectorAll('.kg-type:checked')).map(b => b.value));
    const article = document.getElementById('kg-article').value;
    nodes.update(nodes.get().map(n => ({{id: n.id,
      hidden: !shown.has(n.kind) || (article !== '' && !(n.articles || []).includes(article))}})));
  }}
  document.querySelectorAll('.kg-type').forEach(b => b.addEventListener('change', apply));
  document.getElementById('kg-article').addEventListener('change', apply);
  document.body.setAttribute('data-kg-nodes', String(nodes.length));
  network.once('afterDrawing', () => document.body.setAttribute('data-kg-drawn', 'true'));
  network.redraw();  // draws now, with the handlers above attached
  document.body.setAttribute('data-kg-ready', 'true');
}})();
</script>
"""


def node_json(page: str) -> list[dict]:
    """The nodes embedded in a written page (for tests and tools)."""
    match = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.DOTALL)
    return json.loads(match.group(1)) if match else []
