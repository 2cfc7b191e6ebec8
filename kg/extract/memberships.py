"""Rules for memberships: `schema:memberOf` the party in parentheses after a person's name (`Ola Nordmann (Ap)`),
the party before the hyphen of a noun for one of its people in apposition to the name (`Høyre-veteranen NAME`),
and a body one sits in, is a member of or takes part from (`X sitter i Y`, `er medlem av Y`, `X er med i
delegasjonen`, `X deltok fra Stortingets delegasjon`), where the board of an organisation is the organisation
(`sentralstyret i Fiskarlaget`)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.article_names import abbreviates
from kg.extract.clause import (
    Clause,
    Found,
    asserted,
    entity_key,
    modifier_entity,
    pp_objects,
    prefix_modifier,
    subjects_of,
)
from kg.extract.gazetteer import ends_with, fold, lexicon, party_of
from kg.extract.names import Named
from kg.extract.organisations import in_parentheses_after
from kg.types import DELEGATION, ORGANIZATION, PERSON


def memberships(clause: Clause) -> Iterator[Found]:
    """`Ola Nordmann (Ap)`: schema:memberOf the party in parentheses."""
    for named in (n for n in clause.names if n.kind == PERSON):
        word = in_parentheses_after(clause.sent, named)
        if word is None and (first := in_parentheses_after(clause.sent, named, listed=True)) is not None \
                and party_of(first.text):
            word = first  # `Sirin Stav (MDG, ny)`: a party first in a list in parentheses
        party = clause.named_at(word) if word is not None else None
        if party and party.kind == ORGANIZATION and not abbreviates(word.text, named.name) \
                and (party_of(word.text) or not _photographed(clause, named)):  # not `Institute (I)`
            yield Found(entity_key(PERSON, named.key), "schema:memberOf", entity_key(ORGANIZATION, party.key),
                        "kg.memberOf.v1", 0.8)
        if (party := _party_genitive_before(clause, named)) is not None:  # `MDGs Sirin Stav`
            yield Found(entity_key(PERSON, named.key), "schema:memberOf", party, "kg.memberOf.genitive.v1", 0.8)
        for party in _party_profiles(clause, named):
            yield Found(entity_key(PERSON, named.key), "schema:memberOf", party, "kg.memberOf.profile.v1", 0.8)
    yield from _seats(clause)


def _photographed(clause: Clause, named: Named) -> bool:
    """`Foto: Kari Lie (Tidendebladet)`: a photographer credited with the outlet she works for, not a party."""
    doc = clause.sent.doc
    return any(t.lower_ in _CREDIT_WORDS and t.i + 1 < named.start and doc[t.i + 1].text == ":"
               for t in doc[clause.sent.start:named.start])


_CREDIT_WORDS = frozenset({"foto", "fotograf", "illustrasjon", "video", "grafikk"})


def _party_genitive_before(clause: Clause, named: Named) -> str | None:
    """`MDGs Sirin Stav`, `Høyres Erna Solberg`: a party in the genitive right before a person's name is hers."""
    if named.start == clause.sent.start:
        return None
    before = clause.named_at(clause.sent.doc[named.start - 1])
    if before is None or before.kind != ORGANIZATION or before.end != named.start:
        return None
    text = clause.sent.doc[before.start:before.end].text
    if not text.endswith("s") or not party_of(before.name):
        return None
    return entity_key(ORGANIZATION, before.key)


_PARTY_PEOPLE = ("profil", "veteran", "topp", "politiker", "politikar", "høvding", "nestor")
_PARTY_PEOPLE_FORMS = frozenset(n + ending for n in _PARTY_PEOPLE for ending in ("", "en"))


def _party_profiles(clause: Clause, named: Named) -> list[str]:
    """`Sp-profilen og stortingsrepresentant NAME`, `Høyre-veteranen NAME`, `NAME, lege og Ap-politiker`: a party
    before the hyphen of a noun for one of its people (a profile, a veteran, a top name, a member), in apposition
    to a person's name, is the party the person is a member of; the noun is no job title."""
    doc = clause.sent.doc
    root = doc[named.start]
    nouns = [c for c in root.children if c.dep_ == "APP" and (c.i < named.start or c.i >= named.end)
             or c.dep_ == "KOORD" and c.pos_ == "NOUN" and c.i >= named.end]  # an apposition parsed as a conjunct
    nouns += [k for n in list(nouns) for k in n.children if k.dep_ == "KOORD"]  # `NAME, lege og Ap-politiker`
    if named.start > clause.sent.start:
        nouns.append(doc[named.start - 1])
    parties = []
    for noun in dict.fromkeys(nouns):
        prefix, dash, rest = noun.text.partition("-")
        if dash and noun.pos_ == "NOUN" and party_of(prefix) and fold(rest) in _PARTY_PEOPLE_FORMS:
            parties.append(modifier_entity(clause, *prefix_modifier(clause, noun)[0]))
    return parties


def _seats(clause: Clause) -> Iterator[Found]:
    """`X sitter i Y` (a body; in the board of Y: Y), `X er med i delegasjonen`, `X deltok fra Stortingets
    delegasjon`: memberOf."""
    for verb in clause.tokens:
        lemma = fold(verb.lemma_)
        if lemma not in {"sitte", "sitje", "være", "vere", "delta"} or not asserted(verb):
            continue
        preps = {"sitte": {"i"}, "sitje": {"i"}, "delta": {"fra", "frå"}}.get(lemma, {"i"})
        member_of = [t for t in verb.children if t.dep_ == "SPRED" and t.pos_ == "NOUN" and t.lemma_.endswith(
            "medlem")] if lemma in {"være", "vere"} else []  # `er medlem av Y`, `er NU-medlem`
        if lemma in {"være", "vere"} and not member_of and not any(fold(c.text) == "med" for c in verb.children):
            continue  # `er med i`
        if member_of:
            holders = [o for t in member_of for o in pp_objects(t, {"av", "i"})]
        elif lemma in {"være", "vere"}:
            holders = pp_objects(next(c for c in verb.children if fold(c.text) == "med"), preps)
        else:
            holders = pp_objects(verb, preps)
        bodies = [k for o in holders if (k := _owner(clause, o) or clause.key_of(o, {ORGANIZATION, DELEGATION}))]
        bodies += [modifier_entity(clause, *found[0]) for t in member_of if (found := prefix_modifier(clause, t))]
        members = subjects_of(verb)
        if not members and any(fold(c.text) == "som" for c in verb.children):
            members = [verb.head]  # `X, som sitter i Y`
        if not members and verb.dep_ == "KOORD" and verb.head.pos_ in {"VERB", "AUX"}:
            members = subjects_of(verb.head)  # `X er strøket fra listen og sitter i Y`: the first verb's subject
        for member in members:
            if (person := clause.key_of(member, {PERSON})) is not None:
                for body in bodies:
                    yield Found(person, "schema:memberOf", body, "kg.memberOf.seat.v2", 0.7)


def _owner(clause: Clause, body: Token) -> str | None:
    """The organisation whose board, council or leadership a body noun is (`sentralstyret i Fiskarlaget`,
    `Fiskarlagets politiske ledelse`; lexicon `organ_nouns`): one with a seat there is a member of it."""
    if body.pos_ != "NOUN" or not ends_with(body.lemma_, lexicon()["organ_nouns"]):
        return None
    owners = [c for c in body.children if c.dep_ == "DET" and c.i < body.i] + pp_objects(body, {"i", "til"})
    return next((k for o in owners if (k := clause.key_of(o, {ORGANIZATION}))), None)
