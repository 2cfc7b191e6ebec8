"""Golden graphs: small texts we wrote, parsed by hand (no model), must give exactly their golden N-Quads.

Set KG_UPDATE_GOLDENS=1 to rewrite the goldens, then review the diff.
"""

import difflib
import os
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.extract import extract
from kg.ingest import from_text
from kg.pipeline import write_dataset
from kg.rdf import to_dataset
from kg.resolve import resolve_entities
from kg.vocab import KGO

from .conftest import DATA
from .test_relations import ATTENDED, LED

GOLDEN = DATA / "golden"


def _extraction(doc, published=None, authors=()):
    article = from_text(doc.text, "test", published=published, authors=authors)
    return extract(article, [(0, doc)])


def _nquads(dataset: Dataset) -> list[str]:
    return sorted(line for line in dataset.serialize(format="nquads").splitlines() if line.strip())


@pytest.mark.parametrize("name", ["led_delegation", "attended_talks"])
def test_golden_graph(name):
    doc = {"led_delegation": LED, "attended_talks": ATTENDED}[name]
    dataset = to_dataset([_extraction(doc)], resolve_entities([_extraction(doc)]))
    got, path = _nquads(dataset), GOLDEN / f"{name}.nq"
    if os.environ.get("KG_UPDATE_GOLDENS"):
        path.write_text("\n".join(got) + "\n", encoding="utf-8")
    want = path.read_text(encoding="utf-8").splitlines()
    assert got == want, "\n".join(difflib.unified_diff(want, got, "golden", "built", lineterm=""))


def merged_spellings() -> list:
    """Two articles we wrote, extracted by hand: one person in two transliterations, and a surname alone."""
    from kg.types import Evidence, Extraction, Fact, Mention

    first, second = "Jurij Tkatsjenko talte i Bodø.", "Yuriy Tkachenko kom til Tromsø. Tkachenko talte."
    people = [("person|jurij tkatsjenko", "Jurij Tkatsjenko", first, 0), ("person|yuriy tkachenko",
              "Yuriy Tkachenko", second, 0), ("person|tkachenko", "Tkachenko", second, 32)]
    extractions = []
    for text in (first, second):
        mentions = tuple(Mention(key, "person", name, at, at + len(name), name)
                         for key, name, where, at in people if where == text)
        fact = Fact(mentions[0].key, "schema:jobTitle", "minister", Evidence(text, 0, len(text)), "test.v1", 1.0,
                    literal=True)
        extractions.append(Extraction(from_text(text, "t"), mentions, (fact,)))
    return extractions


def test_golden_graph_of_merged_spellings_with_their_decisions():
    extractions = merged_spellings()
    dataset = to_dataset(extractions, resolve_entities(extractions))
    got, path = _nquads(dataset), GOLDEN / "merged_spellings.nq"
    if os.environ.get("KG_UPDATE_GOLDENS"):
        path.write_text("\n".join(got) + "\n", encoding="utf-8")
    want = path.read_text(encoding="utf-8").splitlines()
    assert got == want, "\n".join(difflib.unified_diff(want, got, "golden", "built", lineterm=""))
    rules = {str(o) for _, _, o, _ in dataset.quads((None, KGO.mergeRule, None, None))}
    assert rules == {"kg.merge.spelling.v1", "kg.merge.surname.v1"}


def test_every_relation_has_a_statement_with_evidence_and_offsets():
    ex = _extraction(LED)
    dataset = to_dataset([ex], resolve_entities([ex]))
    rows = list(dataset.query("""
        PREFIX kgo: <https://w3id.org/nyhetsgraf/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?s ?p ?o ?ev ?start ?end ?g WHERE { GRAPH ?g {
          ?st a kgo:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kgo:evidence ?ev ;
              kgo:charStart ?start ; kgo:charEnd ?end ; kgo:rule ?rule ; kgo:confidence ?c ;
              prov:wasDerivedFrom ?g . ?s ?p ?o } }"""))
    assert {str(r.p).rsplit("/", 1)[-1].split("#")[-1] for r in rows} >= {"ledDelegation", "delegationOf",
                                                                           "jobTitle"}
    for row in rows:
        assert ex.article.text[int(row.start):int(row.end)] == str(row.ev)
        assert row.g == ex.article.iri


def test_event_date_comes_from_the_weekday_and_the_publication_date():
    from datetime import date

    ex = _extraction(ATTENDED, published=date(2024, 3, 14))  # a Thursday; `tirsdag` is the 12th
    assert list(ex.dates.values()) == [date(2024, 3, 12)]


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl", ".jsonld"])
def test_every_output_format_round_trips(tmp_path: Path, suffix):
    ex = _extraction(LED)
    dataset = to_dataset([ex], resolve_entities([ex]))
    path = tmp_path / f"graph{suffix}"
    write_dataset(dataset, path)
    formats = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".jsonld": "json-ld"}
    back = Dataset()
    back.parse(data=path.read_text(encoding="utf-8"), format=formats[suffix])
    triples = {(s, p, o) for s, p, o, _ in dataset.quads()}
    if suffix == ".ttl":  # the merged graph: one copy of each triple
        assert {(s, p, o) for s, p, o, _ in back.quads()} == triples
    else:
        assert set(back.quads()) == set(dataset.quads())
    assert not list(tmp_path.glob(".graph*"))  # no temporary file left behind


def test_an_affiliation_whose_object_resolves_to_a_person_is_left_out():
    """`Berg-utsending Ola Lie` in one article and `Kari Berg` in another: the prefix the article took for an
    organisation is a person of the graph, whom the post serves; no one is affiliated with a person."""
    from kg.types import Evidence, Extraction, Fact, Mention
    from kg.vocab import SCHEMA

    first, second = "Berg-utsending Ola Lie kom. Berg-utsending Ola Lie talte.", "Kari Berg talte. Berg svarte."
    one = Extraction(from_text(first, "t"), (Mention("person|ola lie", "person", "Ola Lie", 16, 23, "Ola Lie"),
                                            Mention("organization|berg", "organization", "Berg", 0, 4, "Berg")),
                     (Fact("person|ola lie", "schema:affiliation", "organization|berg", Evidence(first, 0, 27),
                           "test.v1", 1.0),))
    two = Extraction(from_text(second, "t"), (Mention("person|kari berg", "person", "Kari Berg", 0, 9, "Kari Berg"),
                                             Mention("person|berg", "person", "Berg", 17, 21, "Berg")), ())
    resolution = resolve_entities([one, two])
    assert {e.kind for e in resolution.entities.values() if e.label.endswith("Berg")} == {"person"}
    dataset = to_dataset([one, two], resolution)
    assert not list(dataset.quads((None, SCHEMA.affiliation, None, None)))
    alone = resolve_entities([one])  # where nothing says it is a person, it stays an organisation
    assert list(to_dataset([one], alone).quads((None, SCHEMA.affiliation, None, None)))


def test_an_article_graph_as_triples_gives_the_lines_of_an_rdflib_graph():
    """kg.output.Triples (what a build writes as N-Triples and N-Quads) against rdflib's Graph: the same lines,
    literals with quotes, line breaks, languages and datatypes included, and the same statements counted."""
    from datetime import date

    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import XSD

    from kg.output import Triples, ntriples
    from kg.rdf import article_graph
    from kg.vocab import RDF, SCHEMA

    ex = _extraction(ATTENDED)
    resolution = resolve_entities([ex])
    iri = ex.article.iri
    graph, triples = (article_graph(ex, resolution, g) for g in (Graph(identifier=iri), Triples(URIRef(iri))))
    for sink in (graph, triples):
        sink.add((iri, SCHEMA.headline, Literal('«Vi krever svar», sa hun.\nDel "to"\\', lang="nb")))
        sink.add((iri, SCHEMA.datePublished, Literal(date(2024, 2, 29), datatype=XSD.date)))
        sink.add((iri, SCHEMA.wordCount, Literal(42)))
    assert len(triples) == len(graph) > 10
    assert ntriples(triples) == ntriples(graph)
    assert sorted(triples.subjects(RDF.type, KGO.Statement)) == sorted(graph.subjects(RDF.type, KGO.Statement))
    assert sum(1 for _ in triples.subjects(RDF.type, KGO.Statement)) > 0
