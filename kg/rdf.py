"""Articles + entities + facts -> an RDF dataset: one named graph per article (graph IRI = article IRI), a
kgo:Statement with evidence for every relation, and nothing but the contract's vocabulary."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, XSD

from kg.resolve import Resolution
from kg.types import DELEGATION, DEMAND, EVENT, GPE, ORGANIZATION, PERSON, PLACE, Extraction, Fact
from kg.vocab import ID, KGO, PROV, RDF, RDFS, SCHEMA, merge_iri, statement_iri

if TYPE_CHECKING:
    from kg.output import Triples

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


def new_dataset() -> Dataset:
    """An empty dataset with the project's prefixes bound."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    return dataset


def article_graphs(extractions: Iterable[Extraction], resolution: Resolution,
                   same_as: dict[str, str] | None = None) -> Iterator[Graph]:
    """Every article's named graph in IRI order, one at a time (facts, names and provenance); then, when
    `same_as` has any, the graph IDENTIFIERS with `retired owl:sameAs kept` for every IRI a store issued before
    its entity was merged into another (`id/identifiers` sorts after every `id/article/...`)."""
    for ex in sorted(extractions, key=lambda e: str(e.article.iri)):
        yield article_graph(ex, resolution, Graph(identifier=ex.article.iri))
    if same_as:
        yield identifiers_graph(same_as)


def identifiers_graph(same_as: dict[str, str]) -> Graph:
    """The graph IDENTIFIERS: `retired owl:sameAs kept` for every IRI a store retired."""
    graph = Graph(identifier=IDENTIFIERS)
    for retired, kept in same_as.items():
        graph.add((URIRef(retired), OWL.sameAs, URIRef(kept)))
    return graph


def article_signature(ex: Extraction, resolution: Resolution) -> str:
    """A digest of everything `article_graph` reads besides the article's own (unchanging) extraction: its keys'
    IRIs, the kind, label, names and description of each entity it mentions, its merge decisions, and the
    version of this code and its digest (`kg.code_digest`: other code may write another graph). Two builds that
    give an article the same signature give it the same graph, so a store rewrites only the article graphs whose
    signature changed."""
    from kg import __version__, code_digest

    article = ex.article.iri
    entities = [(str(iri), names, resolution.entities[iri].kind, resolution.entities[iri].label,
                 resolution.entities[iri].description) for iri, names in sorted(resolution.names[article].items())]
    parts = (GRAPH_FORMAT, __version__, code_digest(), str(article),
             sorted((k, str(v)) for k, v in resolution.local[article].items()), entities,
             [repr(d) for d in resolution.decisions.get(article, ())])
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


GRAPH_FORMAT = 2  # bump when article_graph writes anything differently: every stored article graph is rewritten

# Relations whose object is an organisation, a country or a delegation, never a person (the contract's range):
# where resolution finds the object to be a person, the fact is left out.
_AMONG_BODIES = frozenset({"schema:affiliation", "schema:memberOf"})


def to_dataset(extractions: Iterable[Extraction], resolution: Resolution,
               same_as: dict[str, str] | None = None) -> Dataset:
    """The whole dataset in memory (for scoring, tests and notebooks; builds stream `article_graphs`)."""
    dataset = new_dataset()
    for graph in article_graphs(extractions, resolution, same_as):
        target = dataset.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
    return dataset


def article_graph(ex: Extraction, resolution: Resolution, graph: Graph | Triples) -> Graph | Triples:
    """Add one article's triples to `graph` (its named graph: an rdflib Graph, or `kg.output.Triples` where only
    its lines are wanted) and return it."""
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
        for name in names:  # sorted
            if name == entity.label:
                continue
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
        if fact.predicate in _AMONG_BODIES and getattr(resolution.entities.get(obj), "kind", None) == PERSON:
            continue  # `Trump-utsending`, `Zelenskyjs stabssjef`: whom a post serves, never an employer or a body
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
