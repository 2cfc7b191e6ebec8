"""Articles + entities + facts -> an RDF dataset: one named graph per article (graph IRI = article IRI), a
kgo:Statement with evidence for every relation, and nothing but the contract's vocabulary."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, XSD

from kg.resolve import Resolution
from kg.types import DELEGATION, DEMAND, EVENT, GPE, ORGANIZATION, PERSON, PLACE, Extraction, Fact
from kg.vocab import ID, KGO, PROV, RDF, RDFS, SCHEMA, merge_iri, statement_iri

CLASSES = {
    PERSON: (SCHEMA.Person,), ORGANIZATION: (SCHEMA.Organization,), PLACE: (SCHEMA.Place,),
    GPE: (KGO.GeopoliticalEntity, SCHEMA.Place), EVENT: (SCHEMA.Event,),
    DELEGATION: (KGO.Delegation, SCHEMA.Organization), DEMAND: (KGO.Demand,),
}
PREDICATES = {
    "kgo:attended": KGO.attended, "kgo:demanded": KGO.demanded, "kgo:demandedOf": KGO.demandedOf,
    "kgo:about": KGO.about, "kgo:ledDelegation": KGO.ledDelegation, "kgo:delegationOf": KGO.delegationOf,
    "kgo:adviserTo": KGO.adviserTo, "kgo:met": KGO.met, "kgo:reportedBy": KGO.reportedBy,
    "schema:jobTitle": SCHEMA.jobTitle, "schema:affiliation": SCHEMA.affiliation, "schema:memberOf": SCHEMA.memberOf,
    "schema:location": SCHEMA.location, "schema:startDate": SCHEMA.startDate, "schema:author": SCHEMA.author,
}
IDENTIFIERS = ID["identifiers"]  # the named graph of owl:sameAs links from retired entity IRIs
PREFIXES = {"kgo": str(KGO._NS), "schema": str(SCHEMA), "prov": str(PROV), "rdfs": str(RDFS),
            "id": "https://w3id.org/nyhetsgraf/id/"}


def to_dataset(extractions: Iterable[Extraction], resolution: Resolution,
               same_as: dict[str, str] | None = None) -> Dataset:
    """The merged dataset: every article's facts, names and provenance in its own named graph; and, in the graph
    IDENTIFIERS, `retired owl:sameAs kept` for every IRI a store issued before its entity was merged into
    another (`same_as`)."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    for ex in sorted(extractions, key=lambda e: str(e.article.iri)):
        article_graph(ex, resolution, dataset.graph(ex.article.iri))
    if same_as:
        graph = dataset.graph(IDENTIFIERS)
        for retired, kept in same_as.items():
            graph.add((URIRef(retired), OWL.sameAs, URIRef(kept)))
    return dataset


def article_graph(ex: Extraction, resolution: Resolution, graph: Graph) -> Graph:
    """Add one article's triples to `graph` (its named graph) and return it."""
    article = ex.article.iri
    keys = resolution.local[article]
    graph.add((article, RDF.type, SCHEMA.NewsArticle))
    if ex.article.headline:
        graph.add((article, SCHEMA.headline, Literal(ex.article.headline)))
    if ex.article.published:
        graph.add((article, SCHEMA.datePublished, Literal(ex.article.published, datatype=XSD.date)))
    if ex.article.url:
        graph.add((article, SCHEMA.url, Literal(ex.article.url, datatype=XSD.anyURI)))
    for iri, names in resolution.names[article].items():
        entity = resolution.entities[iri]
        graph.add((article, SCHEMA.mentions, iri))
        for cls in CLASSES[entity.kind]:
            graph.add((iri, RDF.type, cls))
        graph.add((iri, RDFS.label, Literal(entity.label)))
        for name in sorted(names - {entity.label}):
            graph.add((iri, SCHEMA.alternateName, Literal(name)))
        if entity.description:
            graph.add((iri, SCHEMA.description, Literal(entity.description)))
    for decision in resolution.decisions.get(article, ()):
        node = merge_iri(article, decision.entity, decision.name, decision.rule)
        graph.add((node, RDF.type, KGO.MergeDecision))
        graph.add((node, KGO.mergedInto, decision.entity))
        graph.add((node, KGO.mergedName, Literal(decision.name)))
        graph.add((node, KGO.mergeRule, Literal(decision.rule)))
        graph.add((node, KGO.mergeEvidence, Literal(decision.evidence)))
        graph.add((node, PROV.wasDerivedFrom, article))
    for key, day in ex.dates.items():
        if key in keys:
            _fact(graph, article, keys[key], SCHEMA.startDate, Literal(day, datatype=XSD.date), None)
    for fact in ex.facts:
        subject = article if fact.subject == "article" else keys.get(fact.subject)
        obj = Literal(fact.object) if fact.literal else keys.get(fact.object)
        if subject is None or obj is None or subject == obj:
            continue  # an unresolved reference, or a relation of an entity with itself
        _fact(graph, article, subject, PREDICATES[fact.predicate], obj, fact)
    return graph


def _fact(graph: Graph, article: URIRef, subject: URIRef, predicate: URIRef, obj, fact: Fact | None) -> None:  # noqa: ANN001
    graph.add((subject, predicate, obj))
    if fact is None:
        return
    ev = fact.evidence
    node = statement_iri(article, fact.rule, subject, predicate, str(obj), ev.start, ev.end)
    graph.add((node, RDF.type, KGO.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, PROV.wasDerivedFrom, article))
    graph.add((node, KGO.evidence, Literal(ev.sentence)))
    if ev.end > ev.start:
        graph.add((node, KGO.charStart, Literal(ev.start, datatype=XSD.integer)))
        graph.add((node, KGO.charEnd, Literal(ev.end, datatype=XSD.integer)))
    graph.add((node, KGO.rule, Literal(fact.rule)))
    graph.add((node, KGO.confidence, Literal(Decimal(str(fact.confidence)), datatype=XSD.decimal)))
