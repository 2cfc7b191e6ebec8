"""build(inputs, ...): the one place that knows the order of the stages.

read articles -> parse (our Norwegian pipeline) -> extract -> resolve across all articles -> RDF -> write.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import OutputError
from kg.files import check_writable, write_text_atomic
from kg.types import Extraction
from kg.vocab import KGO, RDF

MIN_ARTICLES_PER_WORKER = 100  # below this a second process costs more to start than it saves
OUT_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".jsonld": "json-ld"}
Progress = Callable[[int, int], None]  # (articles done, articles in all)


@dataclass(frozen=True)
class Summary:
    """What a build did."""

    articles: int
    new_articles: int
    entities: int
    relations: int
    merges: int
    triples: int


def build(inputs: Iterable[Path], out: Path | None = None, store: Path | None = None,
          progress: Progress | None = None, nlp=None,  # noqa: ANN001 - a spaCy Language
          min_confidence: float = 0.0, max_article_chars: int | None = None, workers: int = 1) -> Summary:
    """Build one merged graph from the articles under `inputs` into `out` and/or `store`.

    Raises InputError for unreadable input, OutputError/StoreError when the result cannot be written; an existing
    output file or store is then left as it was.
    """
    from kg.store import writing

    if out is not None and out.suffix not in OUT_FORMATS:
        raise OutputError(f"{out}: unknown output format; use one of {', '.join(OUT_FORMATS)}")
    if out is not None:
        check_writable(out)
    with writing(store) if store is not None else nullcontext():
        return _build(inputs, out, store, progress, nlp, min_confidence, max_article_chars, workers)


def _build(inputs: Iterable[Path], out: Path | None, store: Path | None, progress: Progress | None, nlp,  # noqa: ANN001
           min_confidence: float, max_article_chars: int | None, workers: int) -> Summary:
    from kg.ingest import MAX_ARTICLE_CHARS, read_articles
    from kg.rdf import to_dataset
    from kg.resolve import resolve_entities
    from kg.store import Identifiers, read_extractions, read_identifiers, write_store

    known = read_extractions(store) if store is not None else []
    seen = {ex.article.iri for ex in known}
    articles = []
    for article in read_articles(inputs, max_article_chars or MAX_ARTICLE_CHARS):
        if article.iri not in seen:
            seen.add(article.iri)
            articles.append(article)
    extractions = known + [confident(ex, min_confidence) for ex in extract_all(articles, nlp, progress, workers)]
    resolution = resolve_entities(extractions)
    identifiers = read_identifiers(store) if store is not None else Identifiers()
    identifiers = identifiers.retire(resolution.local, set(resolution.entities))
    dataset = to_dataset(extractions, resolution, identifiers.same_as)
    if out is not None:
        write_dataset(dataset, out)
    if store is not None:
        write_store(store, extractions, dataset, identifiers)
    relations = len({s for s, *_ in dataset.quads((None, RDF.type, KGO.Statement, None))})
    return Summary(len(extractions), len(articles), len(resolution.entities), relations, resolution.merges(),
                   len(dataset))


def confident(ex: Extraction, threshold: float) -> Extraction:
    """An extraction without the facts whose confidence is below `threshold`."""
    if threshold <= 0:
        return ex
    return replace(ex, facts=tuple(f for f in ex.facts if f.confidence >= threshold))


def extract_all(articles: list, nlp=None, progress: Progress | None = None,  # noqa: ANN001
                workers: int = 1) -> list[Extraction]:
    """Parse and extract every article (loading the shipped pipeline unless `nlp` is given), parsing in `workers`
    processes when there are enough articles to pay for starting them."""
    if not articles:
        return []
    from kg.extract import extract
    from kg.nlp import load_pipeline, parse

    nlp = nlp or load_pipeline()
    found = []
    workers = workers if len(articles) >= MIN_ARTICLES_PER_WORKER * workers else 1
    for done, (article, paragraphs) in enumerate(zip(articles, parse(nlp, (a.text for a in articles),
                                                                     workers=workers), strict=True), start=1):
        found.append(extract(article, paragraphs))
        if progress:
            progress(done, len(articles))
    return found


def write_dataset(dataset: Dataset, out: Path) -> None:
    """Serialise by suffix (.trig/.nq keep the named graphs, .ttl is the merged graph) to a temporary file
    beside `out`, renamed over it only when complete; raises OutputError. The same graph gives the same bytes in
    every format: N-Quads lines sorted, TriG graphs in IRI order (each graph as rdflib's deterministic Turtle),
    JSON-LD with keys and arrays sorted."""
    write_text_atomic(out, serialize_dataset(dataset, OUT_FORMATS[out.suffix]))


def serialize_dataset(dataset: Dataset, fmt: str) -> str:
    """The dataset in `fmt` (trig, nquads, turtle for the merged graph, json-ld), byte-for-byte reproducible."""
    if fmt == "nquads":
        lines = {line for line in dataset.serialize(format="nquads").splitlines() if line.strip()}
        return "\n".join(sorted(lines)) + "\n"
    if fmt == "json-ld":
        return json.dumps(_sorted_json(json.loads(dataset.serialize(format="json-ld"))), indent=2,
                          sort_keys=True, ensure_ascii=False) + "\n"
    prefixes = list(dataset.namespaces())
    if fmt == "turtle":
        return _graph_of(dataset.quads((None, None, None, None)), prefixes).serialize(format="turtle")
    head, body = set(), []
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if not len(context):
            continue
        text = _graph_of(((s, p, o, None) for s, p, o in context), prefixes).serialize(format="turtle")
        lines = text.splitlines()
        head |= {line for line in lines if line.startswith("@prefix")}
        triples = [line for line in lines if not line.startswith("@prefix")]
        while triples and not triples[0].strip():
            triples = triples[1:]
        body.append(f"<{context.identifier}> {{\n" + "\n".join("    " + t if t else t for t in triples).rstrip()
                    + "\n}\n")
    return "\n".join(sorted(head)) + "\n\n" + "\n".join(body)


def _graph_of(quads, prefixes: list) -> Graph:  # noqa: ANN001 - an iterable of rdflib quads
    graph = Graph()
    for prefix, namespace in prefixes:
        graph.bind(prefix, namespace)
    for s, p, o, _ in quads:
        graph.add((s, p, o))
    return graph


def _sorted_json(value):  # noqa: ANN001, ANN202 - JSON values
    """JSON-LD with every array in a stable order (RDF has no order of triples or of values)."""
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_sorted_json(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True,
                                                                                ensure_ascii=False))
    return value
