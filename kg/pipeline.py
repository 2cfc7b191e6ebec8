"""build(inputs, ...): the one place that knows the order of the stages.

read articles -> parse (our Norwegian pipeline) -> extract -> resolve across all articles -> RDF -> write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph

from kg.errors import KgError, OutputError
from kg.files import check_writable
from kg.output import OUT_FORMATS, Triples
from kg.types import Extraction
from kg.vocab import KGO, RDF

if TYPE_CHECKING:
    from kg.store import Spill

MIN_ARTICLES_PER_WORKER = 100  # below this a second process costs more to start than it saves
# A batch of new articles this large, and larger than this share of a store's, builds the store again with them
# rather than adding them over its index (kg.incremental), whose memory grows with the batch's scope
REBUILD_MIN, REBUILD_SHARE = 1000, 0.5
WORKER_BATCH = 20  # articles per task for --workers processes
Progress = Callable[[int, int], None]  # (articles done, articles in all)


@dataclass(frozen=True)
class Summary:
    """What a build did."""

    articles: int
    new_articles: int
    entities: int
    relations: int
    merges: int
    quads: int  # triples in article graphs, counted once per graph that states them
    written: int | None = None  # article graphs this build wrote (a store keeps the others as they were)


def build(inputs: Iterable[Path], out: Path | None = None, store: Path | None = None,
          progress: Progress | None = None, nlp=None,  # noqa: ANN001 - a spaCy Language
          min_confidence: float = 0.0, max_article_chars: int | None = None, workers: int = 1,
          cluster: str | None = None) -> Summary:
    """Build one merged graph from the articles under `inputs` into `out` and/or `store`, parsing in `workers`
    processes or, with `cluster` (a Dask scheduler address, or `local`), on a Dask cluster.

    Raises InputError for unreadable input, OutputError/StoreError when the result cannot be written; an existing
    output file or store is then left as it was.
    """
    from kg.store import writing

    if out is not None and out.suffix not in OUT_FORMATS:
        raise OutputError(f"{out}: unknown output format; use one of {', '.join(OUT_FORMATS)}")
    if out is not None:
        check_writable(out)
    with writing(store) if store is not None else nullcontext():
        return _build(inputs, out, store, progress, nlp, min_confidence, max_article_chars, workers, cluster)


def _build(inputs: Iterable[Path], out: Path | None, store: Path | None, progress: Progress | None, nlp,  # noqa: ANN001
           min_confidence: float, max_article_chars: int | None, workers: int, cluster: str | None) -> Summary:
    from kg import store as kg_store
    from kg.ingest import MAX_ARTICLE_CHARS, read_articles
    from kg.store import Spill, iter_extractions

    kept = kg_store.read_articles(store) if store is not None else (set(), None)
    index = kg_store.open_index(store) if store is not None and out is None and kept is not None else None
    spill = None
    try:
        if kept is None:  # a store that keeps no list of its articles
            spill = Spill(store)  # type: ignore[arg-type]
            known = [spill.keep(ex) for ex in iter_extractions(store)]  # type: ignore[arg-type]
        seen = {str(ex.article.iri) for ex in known} if kept is None else set(kept[0])  # type: ignore[index]
        articles = []
        for article in read_articles(inputs, max_article_chars or MAX_ARTICLE_CHARS):
            if str(article.iri) not in seen:
                seen.add(str(article.iri))
                articles.append(article)
        if not articles and out is None and kept is not None and kept[1] is not None:
            return Summary(**{**kept[1], "new_articles": 0, "written": 0})  # nothing to add: the store stays
        stored = len(kept[0]) if kept is not None else 0
        if index is not None and len(articles) >= REBUILD_MIN and len(articles) > REBUILD_SHARE * stored:
            index.close()  # a batch as large as half the store: resolved with it all at once, which holds far
            index = None  # less than resolving its scope over the index, and takes no longer (docs/scale.md)
        # a build of everything holds the extractions without their texts, kept whole on disk by a store (Spill)
        if spill is None and store is not None and index is None:
            spill = Spill(store)
        lean = spill.keep if spill is not None else Extraction.without_text
        if kept is not None and index is None:
            known = [lean(ex) for ex in iter_extractions(store)] if store is not None else []

        def keep(ex: Extraction) -> Extraction:
            return confident(ex, min_confidence) if index is not None else lean(confident(ex, min_confidence))

        if cluster is not None and articles:
            from kg.cluster import extract_on_cluster

            new = extract_on_cluster(articles, cluster, progress, keep)
        else:
            new = extract_all(articles, nlp, progress, workers, keep)
        count = len(articles)
        articles.clear()  # their texts go: what the graph reads is in the extractions
        if index is not None:
            return add_to_store(new, store, index)  # type: ignore[arg-type]
        return write_graph(known + new, out, store, count, spill)
    finally:
        if index is not None:
            index.close()
        if spill is not None:
            spill.discard()  # where the new version did not take it


def write_graph(extractions: list[Extraction], out: Path | None = None, store: Path | None = None,
                new_articles: int = 0, spill: Spill | None = None) -> Summary:
    """Resolve `extractions` (every article of the graph; the last `new_articles` of them new) and write the graph
    to `out` and/or a new version of `store` (call within `kg.store.writing(store)`), one article graph in memory
    at a time. A store alone is patched: only the article graphs whose inputs changed (`article_signature`) are
    written again, the rest is kept from the live version, unless most of them changed (then every graph is
    written to a new version, which holds less than a patch does). With `spill` (which holds `extractions` whole, in
    order), the store takes its extractions from there and `extractions` may be without their texts."""
    from kg.output import GraphFile
    from kg.rdf import IDENTIFIERS, article_graph, article_signature, identifiers_graph, new_dataset
    from kg.resolve import Trace, resolve_entities
    from kg.store import Identifiers, StoreWriter, finish_index, read_identifiers, read_signatures, start_index

    trace = Trace() if store is not None else None
    resolution = resolve_entities(extractions, trace=trace)
    # the index's rows before the graph, and the trace let go: a build holds one of it per article
    index = start_index(store, extractions, resolution, trace) if store is not None else None
    del trace
    issued = read_identifiers(store) if store is not None else Identifiers()
    identifiers = issued.retire(resolution.local, resolution.entities.keys())
    signatures = {str(ex.article.iri): [article_signature(ex, resolution), 0, 0] for ex in extractions}
    file = writer = None
    written = 0
    try:
        # a store alone is patched, unless most of its graphs change: then its new version is written whole (a
        # patch holds what it takes out and puts back, for the merged graph: a few hundred bytes a triple)
        live = read_signatures(store) if store is not None and out is None else None
        patch = live is not None and 2 * sum(live.get(iri, [None])[0] != sig[0] for iri, sig in signatures.items()) \
            <= len(signatures)
        writer = StoreWriter(store, base=live if patch else None) if store is not None else None
        del live
        base = writer.base if writer is not None else None
        file = GraphFile(out, list(new_dataset().namespaces())) if out is not None else None
        lines = file is None or file.fmt == "nquads"  # the sinks take the graphs' lines: no rdflib store needed
        for ex in sorted(extractions, key=lambda e: str(e.article.iri)):  # one graph in memory at a time
            iri = str(ex.article.iri)
            if base is not None and base.get(iri, [None])[0] == signatures[iri][0]:
                signatures[iri] = base[iri]  # the same graph as in the live version: kept as it is
                continue
            graph = article_graph(ex, resolution, Triples(ex.article.iri) if lines else
                                  Graph(identifier=ex.article.iri))
            signatures[iri][1:] = [len(graph), sum(1 for _ in graph.subjects(RDF.type, KGO.Statement))]
            written += 1
            if base is not None and iri in base:
                writer.remove(iri)  # type: ignore[union-attr]
            for sink in (file, writer):
                if sink is not None:
                    sink.add(graph)
        if base is None or identifiers.same_as != issued.same_as:
            if base is not None:
                writer.remove(str(IDENTIFIERS))  # type: ignore[union-attr]
            if identifiers.same_as:
                for sink in (file, writer):
                    if sink is not None:
                        sink.add(identifiers_graph(identifiers.same_as))
    except BaseException:
        for sink in (file, writer):
            if sink is not None:
                sink.abort()
        if index is not None:
            finish_index(store, index, resolution, signatures, None, None)  # type: ignore[arg-type]
        raise
    quads = sum(q for _, q, _ in signatures.values()) + len(identifiers.same_as)
    relations = sum(r for _, _, r in signatures.values())
    summary = Summary(len(extractions), new_articles, len(resolution.entities), relations, resolution.merges(),
                      quads, written)
    if writer is not None:
        try:
            places = writer.commit(extractions, identifiers, asdict(summary), signatures, spill=spill)
        except BaseException:
            if file is not None:
                file.abort()
            finish_index(store, index, resolution, signatures, None, None)  # type: ignore[arg-type]
            raise
        # after the switch: a build that dies before it leaves the live version without an index, and the next
        # build resolves everything again
        finish_index(store, index, resolution, signatures, places, writer.name)  # type: ignore[arg-type]
    if file is not None:
        file.commit()
    return summary


def add_to_store(new: list[Extraction], store: Path, index) -> Summary:  # noqa: ANN001 - kg.incremental.Index
    """Add the extractions `new` to the store whose live version `index` is the index of (call within
    `kg.store.writing(store)`): resolve them over the index (kg.incremental), write the article graphs of the
    scope whose signature changed, and switch to a new version with the index updated."""
    from kg.incremental import apply_added, resolve_added
    from kg.rdf import IDENTIFIERS, article_graph, article_signature, identifiers_graph
    from kg.store import StoreWriter, load_extractions, read_identifiers, retire_some

    def load(articles: set[str]) -> list[Extraction]:  # without their texts, which the graph does not read
        places = [tuple(state["place"]) for state in index.states(articles).values()]
        return [ex.without_text() for ex in load_extractions(store, places)]

    added = resolve_added(index, new, load, article_signature)
    issued = read_identifiers(store, local=False).same_as
    named = {iri for row in added.rows.values() for iri in row.named}
    same_as = retire_some(issued, {a: s["final"] for a, s in added.old.items()},
                          {a: r.state["final"] for a, r in added.rows.items()},
                          lambda iri: iri in named or index.named_outside(iri))
    writer = StoreWriter(store, indexed=True)
    written = 0
    counts = {name: index.meta(name) for name in ("keys", "quads", "relations")}
    try:
        for ex in sorted(added.extractions, key=lambda e: str(e.article.iri)):
            iri = str(ex.article.iri)
            state, old = added.rows[iri].state, added.old.get(iri)
            if old is not None:
                counts = {"keys": counts["keys"] - len(old["final"]), "quads": counts["quads"] - old["sig"][1],
                          "relations": counts["relations"] - old["sig"][2]}
            if old is not None and old["sig"][0] == state["sig"][0]:
                state["sig"] = old["sig"]  # the same graph as in the live version: kept as it is
            else:
                graph = article_graph(ex, added.resolution, Triples(ex.article.iri))  # the store takes its lines
                state["sig"][1:] = [len(graph), sum(1 for _ in graph.subjects(RDF.type, KGO.Statement))]
                written += 1
                if old is not None:
                    writer.remove(iri)
                writer.add(graph)
            counts = {"keys": counts["keys"] + len(state["final"]), "quads": counts["quads"] + state["sig"][1],
                      "relations": counts["relations"] + state["sig"][2]}
        if same_as != issued:
            writer.remove(str(IDENTIFIERS))
            if same_as:
                writer.add(identifiers_graph(same_as))
    except BaseException:
        writer.abort()
        raise
    entities = index.entities_after(added.entities)
    summary = Summary(index.articles() + len(new), len(new), entities, counts["relations"],
                      counts["keys"] - entities, counts["quads"] + len(same_as), written)
    writer.commit_added(new, same_as, asdict(summary),
                        lambda places: apply_added(index, added, places, writer.name, counts))
    return summary


def confident(ex: Extraction, threshold: float) -> Extraction:
    """An extraction without the facts whose confidence is below `threshold`."""
    if threshold <= 0:
        return ex
    return replace(ex, facts=tuple(f for f in ex.facts if f.confidence >= threshold))


def extract_all(articles: list, nlp=None, progress: Progress | None = None,  # noqa: ANN001
                workers: int = 1, keep: Callable[[Extraction], Extraction] | None = None) -> list[Extraction]:
    """Parse and extract every article, in order; `keep` turns each extraction into what is kept of it, as it
    comes. With `workers` > 1 and enough articles to pay for starting them, batches go to that many processes
    that each load the shipped pipeline and parse and extract (the main process only collects); otherwise here,
    with `nlp` or the shipped pipeline."""
    if not articles:
        return []
    keep = keep or _whole
    workers = workers if len(articles) >= MIN_ARTICLES_PER_WORKER * workers else 1
    if workers > 1:
        return _extract_in_processes(articles, workers, progress, keep)
    from kg.extract import extract
    from kg.nlp import load_pipeline, parse

    nlp = nlp or load_pipeline()
    found = []
    for done, (article, paragraphs) in enumerate(zip(articles, parse(nlp, (a.text for a in articles)),
                                                     strict=True), start=1):
        found.append(keep(extract(article, paragraphs)))
        if progress:
            progress(done, len(articles))
    return found


def _whole(ex: Extraction) -> Extraction:
    return ex


_nlp = None  # the pipeline of a worker process, loaded by its first batch


def extract_batch(articles: list) -> list[Extraction]:
    """Parse and extract a batch of articles with this process's pipeline (loaded once per process): the task of
    `--workers` processes and of Dask workers."""
    global _nlp
    from kg.extract import extract
    from kg.nlp import load_pipeline, parse

    if _nlp is None:
        _nlp = load_pipeline()
    return [extract(article, paragraphs) for article, paragraphs in
            zip(articles, parse(_nlp, (a.text for a in articles)), strict=True)]


def _extract_in_processes(articles: list, workers: int, progress: Progress | None,
                          keep: Callable[[Extraction], Extraction]) -> list[Extraction]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    batches = [articles[i:i + WORKER_BATCH] for i in range(0, len(articles), WORKER_BATCH)]
    found: list[Extraction] = []
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            for batch in pool.map(extract_batch, batches):  # in order
                found.extend(keep(ex) for ex in batch)
                if progress:
                    progress(len(found), len(articles))
    except BrokenProcessPool as err:  # a process killed (out of memory, a signal): one line, not a traceback
        raise KgError(f"a parsing process died ({err}); try fewer --workers") from err
    return found


def write_dataset(dataset: Dataset, out: Path) -> None:
    """Serialise by suffix (.trig/.nq keep the named graphs, .ttl is the merged graph, .jsonld) to a temporary
    file beside `out`, renamed over it only when complete; raises OutputError. Byte-for-byte reproducible: the
    same bytes as a build streaming the same graphs (kg.output)."""
    from kg.output import GraphFile

    file = GraphFile(out, list(dataset.namespaces()))
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        file.add(context)
    file.commit()


