"""Why an entity is one node (`kg explain`), and which close pairs of entities are not (`kg review`).

Both read a built graph or store through SPARQL: an entity's names in each article, the merge decisions the
resolution recorded (`kgo:MergeDecision`: the name, the rule, its evidence), and, for review, every pair of
entities of one kind whose names come close (rapidfuzz's ratio on transliteration-folded names) though the
resolution kept them apart, with the reason it did. Never imports spaCy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rapidfuzz import fuzz

from kg.query import run
from kg.resolve import skeleton

_PREFIXES = """PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX kgo: <https://w3id.org/nyhetsgraf/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
_KINDS = {"https://schema.org/Person": "Person", "https://schema.org/Organization": "Organization",
          "https://schema.org/Place": "Place", "https://schema.org/Event": "Event",
          "https://w3id.org/nyhetsgraf/ontology#Delegation": "Delegation",
          "https://w3id.org/nyhetsgraf/ontology#Demand": "Demand"}


@dataclass
class Explanation:
    """One entity: its label and types, the names each article gives it, and the merge decisions."""

    iri: str
    label: str
    kinds: list[str] = field(default_factory=list)
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # article headline -> names
    decisions: list[tuple[str, str, str, str]] = field(default_factory=list)  # name, rule, evidence, headline


def explain(store: ox.Store, name: str) -> list[Explanation]:
    """Every entity whose label or another name contains `name` (case ignored), explained."""
    found: dict[str, Explanation] = {}
    rows = run(store, _PREFIXES + """SELECT DISTINCT ?name ?e ?label ?type WHERE {
        ?e rdfs:label|schema:alternateName ?n . FILTER(CONTAINS(LCASE(STR(?n)), LCASE(STR(?name))))
        ?e rdfs:label ?label . OPTIONAL { ?e rdf:type ?type } } ORDER BY ?label""", {"name": name})
    for row in rows:
        entity = found.setdefault(row["e"].value, Explanation(row["e"].value, row["label"].value))
        if row["type"] is not None and (kind := _KINDS.get(row["type"].value)) and kind not in entity.kinds:
            entity.kinds.append(kind)
    for entity in found.values():
        iri = ox.NamedNode(entity.iri)
        for row in store.query(_PREFIXES + """SELECT DISTINCT ?e ?g ?headline ?n WHERE { GRAPH ?g {
                ?e rdfs:label|schema:alternateName ?n . ?g schema:mentions ?e . OPTIONAL { ?g schema:headline ?h } }
                BIND(COALESCE(?h, STR(?g)) AS ?headline) }""", substitutions={ox.Variable("e"): iri}):
            entity.names[row["headline"].value].add(row["n"].value)
        for row in store.query(_PREFIXES + """SELECT DISTINCT ?e ?n ?rule ?evidence ?headline WHERE { GRAPH ?g {
                ?d kgo:mergedInto ?e ; kgo:mergedName ?n ; kgo:mergeRule ?rule ; kgo:mergeEvidence ?evidence .
                OPTIONAL { ?g schema:headline ?h } } BIND(COALESCE(?h, STR(?g)) AS ?headline) }
                ORDER BY ?n ?headline""", substitutions={ox.Variable("e"): iri}):
            entity.decisions.append((row["n"].value, row["rule"].value, row["evidence"].value,
                                     row["headline"].value))
    return list(found.values())


@dataclass(frozen=True)
class Pair:
    """Two entities of one kind whose names come close, kept apart by the resolution."""

    score: float
    kind: str
    first: str
    second: str
    reason: str


def review(store: ox.Store, limit: int = 20, threshold: float = 75.0) -> list[Pair]:
    """The `limit` closest pairs of persons or organisations that are separate nodes, closest first.

    Candidates are blocked (persons by surname's first letters, organisations by the name's), so the work
    grows with the entities that share a block, not with the square of all entities."""
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in run(store, _PREFIXES + """SELECT DISTINCT ?e ?kind ?n WHERE {
            VALUES ?kind { schema:Person schema:Organization } ?e a ?kind ; rdfs:label|schema:alternateName ?n .
            FILTER NOT EXISTS { ?e a kgo:Delegation } }"""):
        names[(row["e"].value, _KINDS[row["kind"].value])].add(row["n"].value)
    blocks: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for (iri, kind), forms in names.items():
        for block in {_block(kind, skeleton(n)) for n in forms if skeleton(n)}:
            blocks[(kind, block)].append((iri, kind))
    pairs: dict[tuple[str, str], Pair] = {}
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                key = tuple(sorted((a[0], b[0])))
                if key in pairs or a[0] == b[0]:
                    continue
                pair = _pair(a, b, names)
                if pair.score >= threshold:
                    pairs[key] = pair
    return sorted(pairs.values(), key=lambda p: (-p.score, p.first, p.second))[:limit]


def _block(kind: str, folded: str) -> str:
    words = folded.split()
    return (words[-1] if kind == "Person" else words[0])[:3]


def _pair(a: tuple[str, str], b: tuple[str, str], names: dict[tuple[str, str], set[str]]) -> Pair:
    best, first, second = max((fuzz.ratio(skeleton(x), skeleton(y)), x, y) for x in names[a] for y in names[b])
    label_a, label_b = (max(names[n], key=lambda s: (len(s.split()), len(s), s)) for n in (a, b))
    fa, fb = skeleton(label_a).split(), skeleton(label_b).split()
    if a[1] == "Person" and len(fa) > 1 and len(fb) > 1 and fa[0] != fb[0]:
        reason = "different first names"
    elif a[1] == "Person" and (len(fa) == 1 or len(fb) == 1):
        reason = "a surname alone that more than one full name ends in, or none in its article"
    else:
        reason = f"«{first}» and «{second}» do not fold to one key"
    label_a, label_b = sorted((label_a, label_b))
    return Pair(round(best, 1), a[1], label_a, label_b, reason)
