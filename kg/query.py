"""SPARQL over a built graph with pyoxigraph: graph files or stores, saved queries, bound parameters.

The default graph of every query is the union of the per-article named graphs. Never imports spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, QueryError
from kg.store import is_store, oxigraph_of

QUERIES = Path(__file__).parent / "queries"
FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
           ".jsonld": ox.RdfFormat.JSON_LD, ".nt": ox.RdfFormat.N_TRIPLES}


@dataclass(frozen=True)
class Table:
    """SELECT results: variable names and rows of plain strings (empty where unbound)."""

    columns: list[str]
    rows: list[list[str]]


def open_graph(path: Path) -> ox.Store:
    """A read-only view of a store folder, or an in-memory store loaded from a graph file; raises InputError.

    Either way the store's default graph holds the merged graph (every triple of every article graph, once),
    which is what queries see by default.
    """
    if path.is_dir():
        if not is_store(path):
            raise InputError(f"{path}: a folder, but not a Nyhetsgraf store")
        return ox.Store.read_only(str(oxigraph_of(path)))
    if not path.is_file():
        raise InputError(f"{path}: no such graph file or store")
    if path.suffix not in FORMATS:
        raise InputError(f"{path}: unknown graph format; expected one of {', '.join(FORMATS)} or a store folder")
    store = ox.Store()
    try:
        store.bulk_load(path.read_bytes(), format=FORMATS[path.suffix])
    except (SyntaxError, ValueError, OSError) as err:
        raise InputError(f"{path}: cannot read the graph: {err}") from err
    merge_default_graph(store)
    return store


def merge_default_graph(store: ox.Store) -> None:
    """Put the union of the named graphs into the default graph, each triple once.

    Querying the union directly returns a triple once per graph that states it, and joins multiply those
    copies; the merged default graph gives the same answers (with DISTINCT) without them.
    """
    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                      for q in store.quads_for_pattern(None, None, None) if q.graph_name != ox.DefaultGraph())


def saved_queries() -> dict[str, str]:
    """Saved query name -> its first comment line (what it answers)."""
    return {p.stem: p.read_text(encoding="utf-8").splitlines()[0].lstrip("# ") for p in sorted(QUERIES.glob("*.rq"))}


def saved_query(name: str) -> str:
    """The text of a saved query; raises QueryError for an unknown name."""
    path = QUERIES / f"{name}.rq"
    if not re.fullmatch(r"[a-z_]+", name) or not path.is_file():
        raise QueryError(f"no saved query {name!r}; `kg query --list` shows them")
    return path.read_text(encoding="utf-8")


def saved_query_params(name: str) -> list[str]:
    """The variables a saved query needs bound, from its `# params: a b` line."""
    for line in saved_query(name).splitlines():
        if line.startswith("# params:"):
            return line.removeprefix("# params:").split()
    return []


_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
                     r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)


def run(store: ox.Store, query: str, params: dict[str, str] | None = None):  # noqa: ANN201 - pyoxigraph results
    """Run SPARQL over the merged graph (the union of the article graphs, in the default graph; `GRAPH ?g`
    still reaches each article's graph); `params` bind variables as literals (never pasted into the text).
    Raises QueryError with the position of a syntax error."""
    body = "\n".join(line for line in query.splitlines() if not line.lstrip().startswith("#"))
    if _UPDATE.match(body):
        raise QueryError("that is a SPARQL update; kg query only reads a graph and never changes it")
    substitutions = {ox.Variable(k): ox.Literal(v) for k, v in (params or {}).items()}
    try:
        return store.query(query, substitutions=substitutions or None)
    except SyntaxError as err:
        raise QueryError(f"malformed SPARQL: {_first_line(err)}") from err
    except RuntimeError as err:  # e.g. a --param whose variable the query does not select
        raise QueryError(f"cannot run the query with {sorted(params or {})}: {err}") from err
    except OSError as err:
        raise QueryError(f"the query failed: {err}") from err


def _first_line(err: Exception, limit: int = 160) -> str:
    """The parser's message on one line: its position and the start of what it expected."""
    text = " ".join(str(err).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def as_table(results) -> Table:  # noqa: ANN001 - pyoxigraph QuerySolutions / QueryBoolean / QueryTriples
    """Any query result as a table of strings (ASK gives one cell, CONSTRUCT subject/predicate/object rows)."""
    if isinstance(results, ox.QueryBoolean):
        return Table(["answer"], [["true" if bool(results) else "false"]])
    if isinstance(results, ox.QueryTriples):
        return Table(["subject", "predicate", "object"], [[_text(t.subject), _text(t.predicate), _text(t.object)]
                                                          for t in results])
    columns = [v.value for v in results.variables]
    return Table(columns, [[_text(row[c]) for c in columns] for row in results])


PREFIXES = {"https://w3id.org/nyhetsgraf/ontology#": "kgo:", "https://schema.org/": "schema:",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:", "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
            "http://www.w3.org/ns/prov#": "prov:", "https://w3id.org/nyhetsgraf/id/": "id:"}


def _text(term) -> str:  # noqa: ANN001
    """A term as a short readable string: IRIs in the project's namespaces as prefixed names."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for namespace, prefix in PREFIXES.items():
            if term.value.startswith(namespace):
                return prefix + term.value[len(namespace):]
    return term.value


def serialize(results, fmt: str) -> bytes:  # noqa: ANN001
    """SELECT/ASK results as SPARQL results JSON or CSV (W3C formats); raises QueryError for CONSTRUCT."""
    if isinstance(results, ox.QueryTriples):
        raise QueryError("CONSTRUCT/DESCRIBE results have no CSV/JSON results form; use --format table")
    return results.serialize(format=ox.QueryResultsFormat.JSON if fmt == "json" else ox.QueryResultsFormat.CSV)
