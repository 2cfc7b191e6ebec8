"""The closed vocabulary equals the shipped ontology; IRIs are valid and stable."""

from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from kg.vocab import ID, KGO, ONTOLOGY, article_iri, entity_iri


def test_vocab_matches_the_ontology():
    graph = Graph().parse(ONTOLOGY)
    declared = {str(s) for s in graph.subjects(RDF.type, None) if str(s).startswith(str(KGO._NS))}
    assert declared == {str(KGO._NS) + name for name in KGO.__annotations__}
    assert (URIRef(str(KGO._NS) + "met"), RDF.type, OWL.SymmetricProperty) in graph


@given(st.text(min_size=1))
def test_entity_iris_are_valid_and_stable(name):
    iri = entity_iri("person", name)
    assert iri == entity_iri("person", name) and iri != entity_iri("organization", name)
    tail = iri.removeprefix(str(ID) + "person/")
    assert len(tail) == 16 and all(c in "0123456789abcdef" for c in tail)  # nothing that follows a label


def test_article_iri_ignores_whitespace_layout():
    assert article_iri("Hei  der.\n\nNytt avsnitt.") == article_iri("Hei der. Nytt avsnitt.")


@given(st.text(min_size=1, alphabet=st.characters(blacklist_categories=("Cs",))))
def test_trig_and_nquads_round_trip_for_any_name(name):
    from rdflib import Dataset, Literal
    from rdflib.namespace import RDFS

    article = article_iri(name)
    dataset = Dataset()
    dataset.graph(article).add((entity_iri("person", name), RDFS.label, Literal(name)))
    for fmt in ("trig", "nquads"):
        back = Dataset()
        back.parse(data=dataset.serialize(format=fmt), format=fmt)
        assert set(back.quads()) == set(dataset.quads())
