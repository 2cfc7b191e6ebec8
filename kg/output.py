"""Graph files written one named graph at a time, byte-for-byte reproducible.

N-Quads and TriG stream: each article graph is serialised as it is made and appended to a temporary file, so a
build never holds the whole graph (only `.ttl`, the merged graph, and `.jsonld` collect it, since both need all
of it at once). Graphs come in IRI order; N-Quads lines are sorted within each graph; TriG gives each graph as
rdflib's deterministic Turtle, under one sorted block of prefixes. The temporary file is renamed over the target
only on `commit`.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.serializers.nt import _nt_row  # the line rdflib's N-Triples serialiser writes for a triple

from kg.errors import OutputError
from kg.files import _folder_of, _umask

OUT_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".jsonld": "json-ld"}


def nquads(graph: Graph, triples: list[str] | None = None) -> list[str]:
    """The named graph's triples as sorted N-Quads lines (no newline), its identifier as the graph; from its
    `ntriples` lines when the caller has them already. The same suffix on every line keeps the order."""
    name = f"<{graph.identifier}>"
    return [f"{line[:-1]}{name} ." for line in (ntriples(graph) if triples is None else triples)]


def ntriples(graph: Graph | Triples) -> list[str]:
    """The graph's triples as sorted N-Triples lines (no newline)."""
    if isinstance(graph, Triples):  # the lines rdflib's serialiser would write, without its store
        return sorted(line for line in set(chain.from_iterable(_nt_row(t).splitlines() for t in graph))
                      if line.strip())
    return sorted(line for line in set(graph.serialize(format="nt").splitlines()) if line.strip())


class Triples:
    """A named graph as a set of triples: what `kg.rdf.article_graph` adds to, where the graph is only written as
    N-Triples or N-Quads lines (a build's store and `.nq` output). rdflib's in-memory store indexes every triple
    three ways, which a graph written once and dropped never uses: building and serialising an article's graph
    here takes half the time, and gives the same lines (`ntriples`)."""

    __slots__ = ("identifier", "_triples")

    def __init__(self, identifier: URIRef) -> None:
        self.identifier, self._triples = identifier, set()

    def add(self, triple: tuple) -> Triples:
        self._triples.add(triple)
        return self

    def __len__(self) -> int:
        return len(self._triples)

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._triples)

    def subjects(self, predicate: URIRef, object: URIRef) -> Iterator:  # noqa: A002 - rdflib's name
        """The subject of each triple with this predicate and object (as `Graph.subjects`)."""
        return (s for s, p, o in self._triples if p == predicate and o == object)


def trig_block(graph: Graph, prefixes: list) -> tuple[set[str], str]:
    """One named graph in TriG: the @prefix lines it uses and its `<iri> { ... }` block."""
    text = _with_prefixes(Graph(), prefixes, graph).serialize(format="turtle")
    lines = text.splitlines()
    head = {line for line in lines if line.startswith("@prefix")}
    triples = [line for line in lines if not line.startswith("@prefix")]
    while triples and not triples[0].strip():
        triples = triples[1:]
    block = f"<{graph.identifier}> {{\n" + "\n".join("    " + t if t else t for t in triples).rstrip() + "\n}\n"
    return head, block


class GraphFile:
    """An output graph file written graph by graph (`add`), renamed into place by `commit`; `abort` removes
    what was written. Raises OutputError."""

    def __init__(self, out: Path, prefixes: list) -> None:
        if out.suffix not in OUT_FORMATS:
            raise OutputError(f"{out}: unknown output format; use one of {', '.join(OUT_FORMATS)}")
        self.out, self.fmt, self.prefixes = out, OUT_FORMATS[out.suffix], prefixes
        self.head: set[str] = set()
        self.collected = Dataset() if self.fmt in {"turtle", "json-ld"} else None
        if self.collected is not None:
            for prefix, namespace in prefixes:
                self.collected.bind(prefix, namespace)
        try:
            fd, name = tempfile.mkstemp(prefix=f".{out.name}.", dir=_folder_of(out))
            self.tmp = Path(name)
            self.handle = os.fdopen(fd, "w", encoding="utf-8")
        except OSError as err:
            raise OutputError(f"{out}: cannot write: {err.strerror or err}") from err

    def add(self, graph: Graph | Triples) -> None:
        """Append one named graph (graphs must come in IRI order for reproducible bytes; `Triples` only where the
        file is N-Quads)."""
        if not len(graph):
            return
        try:
            if self.fmt == "nquads":
                self.handle.write("".join(line + "\n" for line in nquads(graph)))
            elif self.fmt == "trig":
                head, block = trig_block(graph, self.prefixes)
                self.head |= head
                self.handle.write(block + "\n")  # a blank line between blocks; the last one is dropped
            else:
                target = self.collected.graph(graph.identifier)  # type: ignore[union-attr]
                for triple in graph:
                    target.add(triple)
        except (OSError, UnicodeError) as err:
            self.abort()
            raise OutputError(f"{self.out}: cannot write: {getattr(err, 'strerror', None) or err}") from err

    def commit(self) -> None:
        """Finish the file and rename it over the target."""
        try:
            self.handle.close()
            if self.fmt == "trig":
                self._prepend_head()
            elif self.collected is not None:
                self.tmp.write_text(serialize_collected(self.collected, self.fmt, self.prefixes), encoding="utf-8")
            os.chmod(self.tmp, 0o666 & ~_umask())
            os.replace(self.tmp, self.out)
        except (OSError, UnicodeError) as err:
            self.abort()
            raise OutputError(f"{self.out}: cannot write: {getattr(err, 'strerror', None) or err}") from err

    def abort(self) -> None:
        self.handle.close()
        self.tmp.unlink(missing_ok=True)

    def _prepend_head(self) -> None:
        body = self.tmp
        fd, name = tempfile.mkstemp(prefix=f".{self.out.name}.", dir=_folder_of(self.out))
        with os.fdopen(fd, "w", encoding="utf-8") as whole, body.open(encoding="utf-8") as blocks:
            whole.write("\n".join(sorted(self.head)) + "\n\n")
            previous = None
            for line in blocks:  # copy, dropping the blank line after the last block
                if previous is not None:
                    whole.write(previous)
                previous = line
            if previous is not None and previous.strip():
                whole.write(previous)
        body.unlink()
        self.tmp = Path(name)


def serialize_collected(dataset: Dataset, fmt: str, prefixes: list) -> str:
    """The merged graph as Turtle, or the dataset as JSON-LD with keys and arrays sorted."""
    if fmt == "turtle":
        merged = _with_prefixes(Graph(), prefixes, (t[:3] for t in dataset.quads((None, None, None, None))))
        return merged.serialize(format="turtle")
    return json.dumps(_sorted_json(json.loads(dataset.serialize(format="json-ld"))), indent=2, sort_keys=True,
                      ensure_ascii=False) + "\n"


def _with_prefixes(graph: Graph, prefixes: list, triples=()) -> Graph:  # noqa: ANN001 - triples: an iterable
    """`graph` with `prefixes` bound and `triples` added (a fresh graph gives the same Turtle for the same input)."""
    for prefix, namespace in prefixes:
        graph.bind(prefix, namespace)
    for triple in triples:
        graph.add(triple)
    return graph


def _sorted_json(value):  # noqa: ANN001, ANN202 - JSON values
    """JSON-LD with every array in a stable order (RDF has no order of triples or of values)."""
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_sorted_json(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True,
                                                                                ensure_ascii=False))
    return value
