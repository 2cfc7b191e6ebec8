"""Rules for delegations: `kgo:delegationOf` the country or organisation a delegation represents (`den svenske
delegasjonen`, `Sveriges delegasjon`) and `kgo:ledDelegation` from a verb of leading (`delegasjonen, ledet av
NAME`, `X leder delegasjonen`), a leader's title whose `for` names the delegation (`X, leder for regjeringens
delegasjon`) and a title of a delegation's leader (`opposisjonens delegasjonsleder NAME`)."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.clause import (
    Clause,
    Found,
    asserted,
    conjuncts_of,
    delegation_keys,
    modifier_entity,
    pp_objects,
    subjects_of,
)
from kg.extract.gazetteer import ends_with, fold, lexicon, verb_in
from kg.types import PERSON


def delegations(clause: Clause) -> Iterator[Found]:
    """`den svenske delegasjonen`, `Sveriges delegasjon, ledet av NAME`: delegationOf, ledDelegation."""
    yield from _titled_leaders(clause)
    yield from _members(clause)
    lead_verbs = lexicon()["lead_verbs"]
    for token in clause.nouns:  # (a delegation is a noun)
        keys = delegation_keys(clause, token)
        for key in keys:
            represented = key.split("|", 1)[1]
            if represented != "unknown":
                name = clause.entities[key][1].removeprefix("delegasjon fra ")
                yield Found(key, "kgo:delegationOf", modifier_entity(clause, represented, name),
                            "kg.delegationOf.v1", 0.9)
        if len(keys) != 1:
            continue
        # `delegasjonen, ledet av NAME`: the participle hangs on the noun or the noun on it, or they are adjacent.
        for verb in clause.verbs:
            if verb.pos_ != "VERB" or not verb_in(verb, lead_verbs) or verb.i < token.i:
                continue
            between = clause.sent.doc[token.i + 1:verb.i]
            passive = token.dep_ == "SUBJ" and verb.dep_ == "INFV" and verb.head == token.head  # `ble ledet av`
            if verb.head == token or token.head == verb or passive or all(t.is_punct for t in between):
                for agent in pp_objects(verb, {"av"}):
                    if leader := clause.key_of(agent, {PERSON}):
                        yield Found(leader, "kgo:ledDelegation", keys[0], "kg.ledDelegation.v1", 0.9)
        # V2 order: a delegation after `leder` as a second "subject" is the object the parser mislabelled
        second = token.dep_ == "SUBJ" and token.i > token.head.i and any(
            s.i < token.head.i for s in subjects_of(token.head))
        if (token.dep_ == "DOBJ" or second) and verb_in(token.head, lead_verbs) and asserted(token.head):
            verb = token.head
            leaders = [s for s in subjects_of(verb) if s.i < verb.i or not second]
            if not leaders and any(fold(c.text) == "som" for c in verb.children):
                first = verb.head  # `Det er X og Y som leier delegasjonen`: the clause hangs on the last of them
                while first.dep_ == "KOORD" and first.head != first:
                    first = first.head
                leaders = conjuncts_of(first)
            for subj in leaders:
                if leader := clause.key_of(subj, {PERSON}):
                    yield Found(leader, "kgo:ledDelegation", keys[0], "kg.ledDelegation.v1", 0.9)
        # `X, leder for regjeringens delegasjon`: a leader's title whose `for` names the delegation
        title = token.head.head if token.dep_ == "PUTFYLL" and fold(token.head.text) == "for" else None
        if title is not None and title.pos_ == "NOUN" and ends_with(title.lemma_, _LEADERS):
            holder = title.head if title.dep_ == "APP" else None
            if holder is not None and (leader := clause.key_of(holder, {PERSON})):
                yield Found(leader, "kgo:ledDelegation", keys[0], "kg.ledDelegation.v1", 0.8)


_LEADERS = frozenset({"leder", "leiar", "sjef"})


def _members(clause: Clause) -> Iterator[Found]:
    """`en delegasjon bestående av A, B og C`, `delegasjonen besto av A og B`, `A er med i delegasjonen`, `A har
    vært med i Xs delegasjon`: each person named so is a member of the delegation (schema:memberOf)."""
    for token in clause.nouns:  # (a delegation is a noun)
        keys = delegation_keys(clause, token)
        if len(keys) != 1:
            continue
        members = []
        made_of = [c for c in token.children if fold(c.lemma_) == "bestå" and c.i > token.i]  # `bestående av`
        if token.dep_ == "SUBJ" and fold(token.head.lemma_) == "bestå" and asserted(token.head):
            made_of.append(token.head)  # `delegasjonen består av`
        members += [m for verb in made_of for m in pp_objects(verb, {"av"})]
        if token.dep_ == "PUTFYLL" and fold(token.head.text) == "i":  # `er med i delegasjonen`
            verb = token.head.head
            if any(fold(c.text) == "med" and c.dep_ in {"SPRED", "ADV"} for c in verb.children) \
                    and fold(verb.lemma_) in {"være", "vere", "bli"} and asserted(verb):
                members += [s for s in verb.children if s.dep_ in {"SUBJ", "SPRED"} and s.pos_ == "PROPN"]
                members += [s for s in subjects_of(verb) if s not in members]
        for member in dict.fromkeys(m for t in members for m in conjuncts_of(t)):
            if person := clause.key_of(member, {PERSON}):
                yield Found(person, "schema:memberOf", keys[0], "kg.memberOf.delegation.v1", 0.8)


def _titled_leaders(clause: Clause) -> Iterator[Found]:
    """`opposisjonens delegasjonsleder NAME`, `sier delegasjonsleiar NAME`: the holder of the title of a
    delegation's leader led that delegation (of the country or organisation before the title, where one is)."""
    nouns, former = lexicon()["delegation_nouns"], lexicon()["former_markers"]
    for title in clause.tokens:
        if title.pos_ != "NOUN":
            continue
        word = fold(title.text)
        if not ends_with(word, _LEADERS) or not any(word.startswith(n) for n in nouns):
            continue
        if any(fold(c.text) in former for c in title.children):
            continue  # `den tidlegare delegasjonsleiaren NAME`: a delegation of another time
        holders = [title.head] if title.dep_ == "APP" else [c for c in title.children if c.dep_ in {"FLAT", "APP"}
                                                             and c.i > title.i]
        leaders = [k for h in holders if (k := clause.key_of(h, {PERSON}))]
        for key in (delegation_keys(clause, title, lead=True) if leaders else []):
            for leader in leaders:
                yield Found(leader, "kgo:ledDelegation", key, "kg.ledDelegation.title.v1", 0.8)
