"""Frozen records passed between the stages: ingest -> extract -> resolve -> rdf."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from rdflib import URIRef

# Entity kinds, each a class in the contract's vocabulary (see kg.rdf.CLASSES).
PERSON, ORGANIZATION, PLACE, GPE, EVENT, DELEGATION, DEMAND = (
    "person", "organization", "place", "gpe", "event", "delegation", "demand")
KINDS = (PERSON, ORGANIZATION, PLACE, GPE, EVENT, DELEGATION, DEMAND)


@dataclass(frozen=True)
class Article:
    """One news article as read from disk; every offset elsewhere points into `text`."""

    text: str
    source: str
    headline: str | None = None
    published: date | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    captions: tuple[tuple[int, int], ...] = ()  # character spans of photo captions inside `text`
    byline: tuple[int, int] | None = None  # character span of the `Av NAME` line inside `text`, when there is one
    credits: tuple[tuple[int, int], ...] = ()  # character spans of photo credits (`Foto: NAME / NTB`), paragraphs

    @cached_property
    def iri(self) -> URIRef:
        """From the article's text without its photo credits (which earlier versions left out of the text), so
        an article keeps the IRI it was first given."""
        from kg.vocab import article_iri

        text = self.text
        for start, end in sorted(self.credits, reverse=True):
            text = text[:start] + text[end + 2:] if end + 2 <= len(text) else text[:max(start - 2, 0)]
        return article_iri(text)

    def without_text(self) -> Article:
        """This article without its text, its IRI (which the text gives) kept: all that resolution and the graph
        read once the text is parsed, and it is kept on disk (kg.store.Spill)."""
        lean = replace(self, text="")
        lean.__dict__["iri"] = self.iri  # what cached_property would have computed from the text
        return lean


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: the sentence and its character span in the article text."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article that names or describes an entity; `key` groups mentions of one entity."""

    key: str
    kind: str
    text: str
    start: int
    end: int
    canonical: str  # nominative base form of this mention's name


@dataclass(frozen=True, slots=True)
class Fact:
    """One extracted relation between article-local entity keys (or a key and a literal value)."""

    subject: str
    predicate: str  # a CURIE of the contract: "kgo:attended", "schema:jobTitle", ...
    object: str
    evidence: Evidence
    rule: str
    confidence: float
    literal: bool = False


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]
    descriptions: dict[str, str] = field(default_factory=dict)  # entity key -> schema:description (demands)
    dates: dict[str, date] = field(default_factory=dict)  # event key -> resolved start date

    def without_text(self) -> Extraction:
        """This extraction with its article's text let go (`Article.without_text`), and its mentions' words, which
        resolution and the graph do not read either (they read a mention's key, kind, span and name); the keys
        and names, which many articles repeat, held once (`sys.intern`), as are the facts' keys and rules, and the
        evidence of the facts read in one sentence."""
        mentions = tuple(replace(m, text="", key=sys.intern(m.key), canonical=sys.intern(m.canonical),
                                 start=_offset(m.start), end=_offset(m.end)) for m in self.mentions)
        evidence: dict[Evidence, Evidence] = {}  # one object for the facts read in one sentence
        facts = tuple(replace(f, subject=sys.intern(f.subject), object=sys.intern(f.object), rule=sys.intern(f.rule),
                              evidence=evidence.setdefault(f.evidence, replace(f.evidence, start=_offset(
                                  f.evidence.start), end=_offset(f.evidence.end)))) for f in self.facts)
        return replace(self, article=self.article.without_text(), mentions=mentions, facts=facts)


_OFFSETS: dict[int, int] = {}


def _offset(n: int) -> int:
    """One int object per character offset below 65,536 for every article held (`Extraction.without_text`): an int
    above 256 is 28 bytes of its own, and a build of 100,000 articles holds some 4 million offsets."""
    return _OFFSETS.setdefault(n, n) if n < 65_536 else n


@dataclass(frozen=True, slots=True)
class Entity:
    """One node of the merged graph."""

    iri: URIRef
    kind: str
    label: str
    alternate_names: frozenset[str]
    description: str | None = None
