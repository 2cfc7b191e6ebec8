"""Acceptance on the two seed articles: the questions the graph must answer, asked in plain SPARQL on the
contract's terms (pyoxigraph over the union of the named graphs)."""

import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.pipeline import build

from .conftest import ROOT

PREFIXES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/> PREFIX kgo: <https://w3id.org/nyhetsgraf/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX prov: <http://www.w3.org/ns/prov#>
"""


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory, nlp) -> ox.Store:
    out = tmp_path_factory.mktemp("seeds") / "graph.trig"
    summary = build([ROOT / "seeds"], out=out, nlp=nlp)
    assert summary.articles == 2 and summary.relations > 10
    store = ox.Store()
    store.load(out.read_bytes(), format=ox.RdfFormat.TRIG)
    return store


def ask(store: ox.Store, query: str) -> list[dict[str, str]]:
    solutions = store.query(PREFIXES + query, use_default_graph_as_union=True)
    return [{v.value: s[v].value for v in solutions.variables if s[v] is not None} for s in solutions]


def test_one_node_for_every_spelling_mentioned_by_both_articles(seed_graph):
    rows = ask(seed_graph, """SELECT ?p (COUNT(DISTINCT ?a) AS ?n) WHERE {
        ?p a schema:Person ; schema:alternateName|rdfs:label ?name . ?a schema:mentions ?p
        FILTER(CONTAINS(?name, "Reznikov")) } GROUP BY ?p""")
    assert len(rows) == 1 and rows[0]["n"] == "2"
    names = {r["name"] for r in ask(seed_graph, f"""SELECT DISTINCT ?name WHERE {{
        <{rows[0]['p']}> rdfs:label|schema:alternateName ?name }}""")}
    assert {"Oleksiy Reznikov", "Oleksij Reznikov", "Oleksii Reznikov"} <= names


def test_leader_of_a_delegation_with_evidence(seed_graph):
    rows = ask(seed_graph, """SELECT DISTINCT ?leader ?country ?evidence WHERE {
        ?p kgo:ledDelegation ?d ; rdfs:label ?leader . ?d kgo:delegationOf/rdfs:label ?country .
        ?st rdf:subject ?p ; rdf:predicate kgo:ledDelegation ; kgo:evidence ?evidence }""")
    assert rows and all("Reznikov" in r["leader"] and r["country"] == "Ukraina" for r in rows)


def test_author_and_cited_agencies(seed_graph):
    authors = {r["name"] for r in ask(seed_graph, "SELECT ?name WHERE { ?a schema:author/rdfs:label ?name }")}
    assert authors == {"Ingri Bergo"}
    agencies = {r["name"] for r in ask(seed_graph, "SELECT ?name WHERE { ?a kgo:reportedBy/rdfs:label ?name }")}
    assert {"AFP", "RIA"} <= agencies
    photo_credit_as_author = seed_graph.query(PREFIXES + """ASK { ?a schema:author/rdfs:label ?l
        FILTER(CONTAINS(?l, "Kholodilin")) }""", use_default_graph_as_union=True)
    assert not bool(photo_credit_as_author)


def test_every_fact_has_its_article_and_sentence(seed_graph):
    rows = ask(seed_graph, """SELECT ?st ?g WHERE { GRAPH ?g { ?st a kgo:Statement } FILTER NOT EXISTS {
        GRAPH ?g { ?st prov:wasDerivedFrom ?g ; kgo:evidence ?e ; kgo:rule ?r ; kgo:confidence ?c } } }""")
    assert rows == []


def test_rebuilding_changes_nothing(tmp_path: Path, nlp):
    first, second = tmp_path / "a.nq", tmp_path / "b.nq"
    build([ROOT / "seeds"], out=first, nlp=nlp)
    build([ROOT / "seeds" / p.name for p in sorted((ROOT / "seeds").iterdir())][::-1] * 2, out=second, nlp=nlp)
    assert sorted(first.read_text().splitlines()) == sorted(second.read_text().splitlines())


def test_the_same_input_gives_the_same_bytes_in_every_format(tmp_path: Path):
    """Two processes with different string hashing build the seeds and write every format: byte-identical."""
    import subprocess
    import sys

    script = ("import sys; from pathlib import Path; from kg.ingest import read_articles; "
              "from kg.pipeline import extract_all, write_dataset; from kg.rdf import to_dataset; "
              "from kg.resolve import resolve_entities; ex = extract_all(list(read_articles([Path(sys.argv[1])]))); "
              "d = to_dataset(ex, resolve_entities(ex)); "
              "[write_dataset(d, Path(sys.argv[2]) / f'g.{s}') for s in ('trig', 'nq', 'ttl', 'jsonld')]")
    for run, seed in (("a", "1"), ("b", "2")):
        (tmp_path / run).mkdir()
        subprocess.run([sys.executable, "-c", script, str(ROOT / "seeds"), str(tmp_path / run)], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
    for suffix in ("trig", "nq", "ttl", "jsonld"):
        assert (tmp_path / "a" / f"g.{suffix}").read_bytes() == (tmp_path / "b" / f"g.{suffix}").read_bytes()


def test_parsing_in_two_processes_gives_the_same_docs(nlp):
    from kg.ingest import read_articles
    from kg.nlp import parse

    texts = [a.text for a in read_articles([ROOT / "tests" / "data" / "gold", ROOT / "seeds"])]
    one = [[(offset, doc.to_json()) for offset, doc in article] for article in parse(nlp, texts)]
    two = [[(offset, doc.to_json()) for offset, doc in article] for article in parse(nlp, texts, workers=2)]
    assert one == two and len(one) == len(texts)


def test_extracting_in_two_processes_gives_the_same_extractions(monkeypatch):
    import kg.pipeline
    from kg.ingest import read_articles

    monkeypatch.setattr(kg.pipeline, "MIN_ARTICLES_PER_WORKER", 1)  # two processes even for a few articles
    monkeypatch.setattr(kg.pipeline, "WORKER_BATCH", 1)
    articles = list(read_articles([ROOT / "tests" / "data" / "gold", ROOT / "seeds"]))
    done = []
    two = kg.pipeline.extract_all(articles, workers=2, progress=lambda n, total: done.append(n))
    assert two == kg.pipeline.extract_all(articles, workers=1) and done[-1] == len(articles)


def test_an_organisation_in_a_short_form_is_one_entity_however_it_was_found(nlp):
    from kg.extract import extract
    from kg.ingest import from_text
    from kg.nlp import parse

    article = from_text("Ap-leder Jonas Berg vil ha mer penger fra LO.\n\nKari Lie (Ap.) var enig.", "t.txt")
    found = extract(article, next(parse(nlp, [article.text])))
    keys = {m.key for m in found.mentions if m.kind == "organization"}
    assert keys == {"organization|arbeiderpartiet", "organization|landsorganisasjonen i norge"}
    assert ("person|jonas berg", "schema:memberOf", "organization|arbeiderpartiet") in {
        (f.subject, f.predicate, f.object) for f in found.facts}


def test_a_parsing_process_that_dies_is_one_clear_error(monkeypatch):
    import kg.pipeline
    from kg.errors import KgError
    from kg.ingest import from_text

    monkeypatch.setattr(kg.pipeline, "MIN_ARTICLES_PER_WORKER", 1)
    monkeypatch.setattr(kg.pipeline, "extract_batch", _die)
    with pytest.raises(KgError, match="a parsing process died"):
        kg.pipeline.extract_all([from_text(f"Sak {n}.", f"{n}.txt") for n in range(4)], workers=2)


def _die(articles: list) -> list:  # a worker process killed as by the kernel's OOM killer
    os.kill(os.getpid(), 9)
    return []
