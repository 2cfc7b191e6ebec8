"""The closed RDF vocabulary of the contract and the functions that mint IRIs.

Identity is deterministic and blank-node free: articles hash their normalised text, entities hash their type
and normalised key, statements hash what they say and where they were read.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, DefinedNamespace

ONTOLOGY = Path(__file__).parent / "ontology.ttl"
ID = Namespace("https://w3id.org/nyhetsgraf/id/")
SCHEMA = SDO
__all__ = ["ID", "KGO", "ONTOLOGY", "PROV", "RDF", "RDFS", "SCHEMA", "article_iri", "entity_iri", "merge_iri",
           "statement_iri"]


class KGO(DefinedNamespace):
    """Terms of the Nyhetsgraf ontology (kg/ontology.ttl); an unknown term is an error."""

    _fail = True
    _NS = Namespace("https://w3id.org/nyhetsgraf/ontology#")

    GeopoliticalEntity: URIRef
    Delegation: URIRef
    Demand: URIRef
    MergeDecision: URIRef
    Statement: URIRef
    attended: URIRef
    demanded: URIRef
    demandedOf: URIRef
    about: URIRef
    ledDelegation: URIRef
    delegationOf: URIRef
    adviserTo: URIRef
    met: URIRef
    reportedBy: URIRef
    evidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    rule: URIRef
    confidence: URIRef
    mergedInto: URIRef
    mergedName: URIRef
    mergeRule: URIRef
    mergeEvidence: URIRef


def _digest(*parts: str, size: int = 16) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def article_iri(text: str) -> URIRef:
    """The IRI of an article: a hash of its whitespace-normalised text, so the same article twice is one."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return ID[f"article/{_digest(normal)}"]


def entity_iri(kind: str, key: str) -> URIRef:
    """The IRI of an entity of `kind` (person, organization, ...) with identity `key` (its folded cluster key):
    a 64-bit hash and nothing readable, so that a fuller or other spelling of the label in a later article never
    changes it (the label is in rdfs:label)."""
    return ID[f"{kind}/{_digest(kind, key)}"]


def statement_iri(article: URIRef, rule: str, subject: URIRef, predicate: URIRef, obj: str, start: int,
                  end: int) -> URIRef:
    """The IRI of one extracted fact's provenance record."""
    return ID[f"statement/{_digest(article, rule, subject, predicate, obj, str(start), str(end))}"]


def merge_iri(article: URIRef, entity: URIRef, name: str, rule: str) -> URIRef:
    """The IRI of one merge decision: an article's name taken for an entity by a rule."""
    return ID[f"merge/{_digest(article, entity, name, rule)}"]
