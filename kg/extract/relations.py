"""Relation rules over NDT dependency trees. Each rule is pure: it reads one parsed sentence (a `Clause`)
and yields `Found` relations between article-local entity keys; it never edits the Doc or touches RDF.

NDT labels used here: SUBJ subject, DOBJ object, APP apposition, ATR attribute, DET determiner/genitive,
PUTFYLL complement of a preposition, INFV non-finite verb under an auxiliary, FLAT multi-word name, KOORD
conjunct, ADV adverbial. Rule names are versioned; a change of behaviour bumps the version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.extract.entities import (
    Named,
    adjective_country,
    country_modifier,
    country_modifiers,
    in_parentheses_after,
    is_delegation,
    is_event,
    is_other_time,
    ordinal_round,
)
from kg.extract.gazetteer import countries, ends_with, fold, lexicon, lexicon_pairs, party_of, title_of, verb_in
from kg.types import DELEGATION, EVENT, GPE, ORGANIZATION, PERSON, PLACE


@dataclass(frozen=True)
class Found:
    """A relation found in one sentence: subject and object are entity keys (or a literal)."""

    subject: str
    predicate: str
    object: str
    rule: str
    confidence: float
    literal: bool = False


@dataclass
class Clause:
    """One sentence with its named mentions; `key_of` maps a token to the entity key it belongs to."""

    sent: Span
    names: list[Named]
    lead: bool  # in the headline or the lead paragraph
    entities: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (kind, name) of unnamed entities

    def named_at(self, token: Token) -> Named | None:
        return next((n for n in self.names if n.start <= token.i < n.end), None)

    def key_of(self, token: Token, kinds: set[str] | None = None) -> str | None:
        """The entity key of a token: a name, a delegation or an event noun; None if it is none of these."""
        if named := self.named_at(token):
            return entity_key(named.kind, named.key) if kinds is None or named.kind in kinds else None
        for kind, make in ((DELEGATION, delegation_key), (EVENT, event_key)):
            if kinds is None or kind in kinds:
                if key := make(self, token):
                    return key
        if kinds is None or PERSON in kinds:
            return title_reference(self, token)
        return None


def title_reference(clause: Clause, token: Token) -> str | None:
    """`forsvarsministeren`, `presidenten`: a definite title with no name beside it stands for the person who
    holds it; resolution binds `title|<title>` to the one person in the article with that job title."""
    if token.pos_ != "NOUN" or "Definite=Def" not in str(token.morph) or not (title := title_of(token.lemma_)):
        return None
    doc = token.doc
    beside = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)] + list(token.children)
    if any(clause.named_at(t) for t in beside):
        return None
    return f"title|{title}"


def entity_key(kind: str, key: str) -> str:
    return f"{kind}|{key}"


def delegation_keys(clause: Clause, token: Token) -> list[str]:
    """A delegation noun -> one delegation per country it is of (one per country and article)."""
    if not is_delegation(token):
        return []
    modifiers = country_modifiers(token, clause.names) or _prefix_modifier(clause, token)
    if not modifiers and "Plur" in token.morph.get("Number"):
        return []  # `delegasjonene` alone: several delegations named elsewhere, not one more
    keys = []
    for key, name in modifiers or [("unknown", "")]:
        keys.append(entity_key(DELEGATION, key))
        clause.entities[keys[-1]] = (DELEGATION, f"delegasjon fra {name}" if name else "delegasjon")
    return keys


def delegation_key(clause: Clause, token: Token) -> str | None:
    """The first of `delegation_keys`, or None."""
    keys = delegation_keys(clause, token)
    return keys[0] if keys else None


_FAMILIES = {"samtale": "samtaler", "forhandling": "samtaler", "runde": "samtaler", "konsultasjon": "samtaler",
             "drøfting": "samtaler", "tinging": "samtaler", "møte": "møte", "konferanse": "konferanse",
             "mekling": "mekling", "megling": "mekling"}


def event_key(clause: Clause, token: Token) -> str | None:
    """An event noun of the reported occasion: talks, a meeting, a numbered round (not `previous rounds`)."""
    if not is_event(token) or is_other_time(token):
        return None
    word = fold(token.lemma_)
    family = next((f for suffix, f in _FAMILIES.items() if word.endswith(suffix)), word)
    number = ordinal_round(token)
    key = entity_key(EVENT, f"{family}#{number or 1}")
    clause.entities.setdefault(key, (EVENT, family if not number else f"{family}, runde {number}"))
    return key


# --- assertion: negation, modality, conditions -------------------------------------------------------------

def asserted(verb: Token) -> bool:
    """False when a verb's clause is negated, modal, a plan or an expectation, or a condition
    (`deltok ikke`, `skulle møtes`, `ventes å delta`, `dersom Norge går med på`)."""
    lex = lexicon()
    chain = [verb]
    while chain[-1].head != chain[-1] and (chain[-1].dep_ == "INFV" or "å" in {chain[-1].lower_,
                                                                              chain[-1].head.lower_}):
        chain.append(chain[-1].head)  # up through auxiliaries and the infinitive marker: `ventes å delta`
    for token in chain:
        if token != verb and fold(token.lemma_) in lex["modals"]:
            return False
        for child in token.children:
            if fold(child.text) in lex["negations"]:
                return False
            if child.dep_ == "SBU" and fold(child.text) in _CONDITIONS:
                return False
    return True


_CONDITIONS = {"dersom", "hvis", "om", "viss", "såfremt"}


def _clause_verb(token: Token) -> Token:
    """The verb whose clause a token belongs to."""
    while token.pos_ not in {"VERB", "AUX"} and token.head != token:
        token = token.head
    return token


def _subjects(verb: Token) -> list[Token]:
    """Subjects of a verb, looking through auxiliaries, with their coordinated conjuncts."""
    chain = [verb]
    while chain[-1].dep_ in {"INFV"} and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    subjects = []
    for subject in (c for t in chain for c in t.children if c.dep_ in {"SUBJ", "FSUBJ"}):
        if subject.pos_ == "VERB":  # a participle parsed as the subject (`delegasjonen, ledet av X, deltok`)
            subjects += [c for c in subject.children if c.dep_ == "SUBJ"]
        else:
            subjects.append(subject)
    if not subjects:  # the same, with the participle parsed as a parenthetical that took the subject with it
        subjects = [c for t in chain for p in t.children if p.dep_ == "PAR" and p.pos_ == "VERB" and p.i < t.i
                    for c in p.children if c.dep_ == "SUBJ" and c.i < p.i]
    return [s for subject in subjects for s in _conjuncts(subject)]


def _conjuncts(token: Token) -> list[Token]:
    return [token] + [c for c in token.children if c.dep_ == "KOORD" and c.pos_ in {"PROPN", "NOUN"}]


def _pp_objects(token: Token, preps: set[str]) -> list[Token]:
    """Complements of the prepositions `preps` attached to a token (with their conjuncts)."""
    return [o for p in token.children if fold(p.text) in preps
            for c in p.children if c.dep_ == "PUTFYLL" for o in _conjuncts(c)]


# --- rules -------------------------------------------------------------------------------------------------

def job_titles(clause: Clause) -> Iterator[Found]:
    """`Sveriges statsminister Per Holm`, `NAME, president i X`: schema:jobTitle and affiliation."""
    for named in clause.names:
        if named.kind != PERSON:
            continue
        person = entity_key(PERSON, named.key)
        if nested := _nested_adviser(clause, named):
            adviser, role = nested
            yield Found(person, "schema:jobTitle", fold(adviser.lemma_), "kg.jobTitle.v1", 0.8, literal=True)
            yield Found(person, "kgo:adviserTo", role, "kg.adviserTo.v1", 0.7)
            continue
        titles = _titles_of(clause, named)
        former = [t for t in titles if _former(t)]
        for title in former:  # `den tidligere ordføreren`: a title once held, not a present affiliation
            yield Found(person, "schema:jobTitle", f"tidligere {_title_word(title)}", "kg.jobTitle.v1", 0.8,
                        literal=True)
        for title in (t for t in titles if t not in former):
            yield Found(person, "schema:jobTitle", _full_title(title), "kg.jobTitle.v1", 0.9, literal=True)
            for org in _affiliations(clause, title):
                yield _serves(clause, person, org, 0.8)
            yield from _advises(clause, person, title)
        # `konsernsjef NAME i Equinor`, `ordfører NAME i Bømlo`: the phrase often hangs on the name
        if titles and not former:
            for org in _named_objects(clause, clause.sent.doc[named.start], {"i", "hos", "ved"}, {ORGANIZATION, GPE}):
                yield _serves(clause, person, org, 0.7)


def _serves(clause: Clause, person: str, org: str, confidence: float) -> Found:
    """A title held in an organisation: schema:affiliation, but schema:memberOf where the organisation is a
    political party or one of its branches (`Frp-leder`, `Sps parlamentariske leder`, `leder i Oslo Høyre`)."""
    kind, _, key = org.partition("|")
    name = clause.entities.get(org, (kind, key))[1]
    if kind == ORGANIZATION and party_of(next((n.name for n in clause.names if n.key == key), name)):
        return Found(person, "schema:memberOf", org, "kg.memberOf.party.v1", confidence)
    return Found(person, "schema:affiliation", org, "kg.affiliation.v2", confidence)


def _titles_of(clause: Clause, named: Named) -> list[Token]:
    doc, head = clause.sent.doc, clause.sent.doc[named.start]
    candidates = []
    before = named.start - 1
    if before >= clause.sent.start and doc[before].text == "," and doc[before - 1].pos_ == "NOUN":
        before -= 1
    if before >= clause.sent.start:
        candidates.append(doc[before])
    candidates += [c for c in head.children if c.dep_ == "APP"]
    if head.dep_ == "APP":
        candidates.append(head.head)
    candidates += _shared_plural_title(clause, head)
    after = named.end
    aged = after + 2 < clause.sent.end and doc[after].text == "(" and doc[after + 1].like_num \
        and doc[after + 2].text == ")"
    if aged:  # `Kari Lie (61), rektor ved ...`: the age between a name and its apposition
        after += 3
    if after + 1 < clause.sent.end and doc[after].text == ",":
        if doc[after + 1].head.i == named.start:
            candidates.append(doc[after + 1])
        elif aged:  # the parse hangs such an apposition anywhere: the first title word after the comma
            candidates += [t for t in doc[after + 1: min(after + 4, clause.sent.end)] if _title_word(t)][:1]
    titles = []
    for token in candidates:
        if _title_word(token) and not clause.named_at(token):
            if token not in titles:
                titles.append(token)
    return titles


def _shared_plural_title(clause: Clause, head: Token) -> list[Token]:
    """`utenriksministrene Sergej Lavrov og Marco Rubio`: a plural title before the first of coordinated names
    is the title of each of them."""
    if head.dep_ != "KOORD" or (first := clause.named_at(head.head)) is None or first.kind != PERSON:
        return []
    title = clause.sent.doc[first.start - 1] if first.start > clause.sent.start else None
    plural = title is not None and "Plur" in title.morph.get("Number") and fold(title.text).endswith("ne")
    return [title] if plural and _title_word(title) else []


def _former(title: Token) -> bool:
    """A title marked as held before: `tidligere`, `forhenværende` before it, or `eks-`."""
    return fold(title.text).startswith("eks") or any(
        fold(c.text) in lexicon()["former_markers"] for c in title.children if c.i < title.i)


def _full_title(title: Token) -> str:
    """The title with the words that change what it is (`administrerende direktør`, `fungerende statsminister`),
    and the first half of a coordinated compound (`helse- og omsorgsminister`)."""
    modifiers = [fold(c.text) for c in title.children
                 if c.i < title.i and fold(c.text) in lexicon()["title_modifiers"]]
    doc = title.doc
    if title.i >= 2 and doc[title.i - 2].text.endswith("-") and fold(doc[title.i - 1].text) in {"og", "eller"}:
        modifiers.append(f"{fold(doc[title.i - 2].text)} {fold(doc[title.i - 1].text)}")
    return " ".join([*modifiers, _title_word(title)])


def _title_word(token: Token) -> str | None:
    """The title a token states: a noun whose lemma is a title, or a title word the tagger got wrong
    (`juniorutenriksminister` is sometimes tagged a verb, a sentence-initial `Statsadvokat` a proper noun)."""
    if token.pos_ == "NOUN":  # the form too: the lemmatizer sometimes breaks a compound (`KS-leder` -> `KS-lede`)
        return title_of(token.lemma_) or title_of(token.text)
    if token.pos_ == "PROPN" and token.is_sent_start and token.text[1:].islower():  # `Statsadvokat NAME ...`
        return title_of(token.text)
    return title_of(token.text) if token.pos_ in {"VERB", "ADJ", "X"} and token.is_lower else None


def _nested_adviser(clause: Clause, named: Named) -> tuple[Token, str] | None:
    """`Rådgiver til Finlands president NAME, sa ...`: a sentence-initial adviser phrase ending in a name and a
    comma is the subject, so the name is the adviser's; returns (adviser title, role reference) or None."""
    doc, first = clause.sent.doc, clause.sent.start
    i = named.start - 1  # the inner title
    if i - 2 < first or named.end >= clause.sent.end or doc[named.end].text != ",":
        return None
    inner, j = doc[i], i - 1
    country = countries_of_genitive(doc[j]) if doc[j].pos_ in {"PROPN", "X"} else None
    j -= 1 if country else 0
    if not (title_of(inner.lemma_) and fold(doc[j].text) in {"til", "for"} and j - 1 == first):
        return None
    adviser = doc[first]
    if not ends_with(adviser.lemma_, lexicon()["adviser_titles"]):
        return None
    return adviser, f"role|{fold(inner.lemma_)}|{country or ''}"


def countries_of_genitive(token: Token) -> str | None:
    """The country key of a genitive name token (`Sveriges`), or None."""
    for form in (token.text, token.text[:-1] if token.text.endswith("s") else token.text):
        if country := countries().get(fold(form)):
            return f"country:{country.code}"
    return None


def _affiliations(clause: Clause, title: Token) -> Iterator[str]:
    if prefixed := _prefix_affiliation(clause, title):
        yield prefixed
    kinds = {ORGANIZATION, GPE}
    if country := country_modifier(title, clause.names) or _genitive_before(clause, title):
        yield _modifier_entity(clause, *country)
        kinds = {ORGANIZATION}  # `Norges ambassadør i Kina` serves Norway, in China
    yield from _named_objects(clause, title, {"i", "for", "hos", "ved"}, kinds)


def _named_objects(clause: Clause, token: Token, preps: set[str], kinds: set[str]) -> Iterator[str]:
    """Entity keys of the names of `kinds` that are complements of the prepositions `preps` on a token."""
    for obj in _pp_objects(token, preps):
        named = clause.named_at(obj)
        if named and named.kind in kinds:
            yield entity_key(named.kind, named.key)


def _genitive_before(clause: Clause, title: Token) -> tuple[str, str] | None:
    """`Tysklands forbundskansler`, parsed with the genitive hung elsewhere: a country or organisation in the
    genitive right before a title is whom its holder serves."""
    if title.i == clause.sent.start:
        return None
    before = clause.sent.doc[title.i - 1]
    named = clause.named_at(before)
    if named and named.kind in {GPE, ORGANIZATION} and named.end == title.i and before.text[-1:] in {"s", "'"}:
        return named.key, named.name
    return None


def _prefix_affiliation(clause: Clause, title: Token) -> str | None:
    """`NHO-sjef`, `Nato-generalsekretær`: the name before the hyphen of a title is what its holder serves. An
    adviser's prefix is the person advised (`_advises`)."""
    if ends_with(title.lemma_, lexicon()["adviser_titles"]):
        return None
    if fold(title.text).partition("-")[0] in lexicon()["region_prefixes"]:
        return None  # `Asia-sjef i Telenor`: the region the holder is in charge of, not an employer
    found = _prefix_modifier(clause, title)
    return _modifier_entity(clause, *found[0]) if found else None


def _prefix_modifier(clause: Clause, token: Token) -> list[tuple[str, str]]:
    """`Hamas-delegasjonen`, `NHO-sjef`: the name before the hyphen of a noun, as (key, name) like
    `country_modifiers`: a country, a name of the sentence, or else an organisation of that name."""
    prefix, dash, _ = token.text.rpartition("-")
    if not dash or not prefix[:1].isupper() or not prefix.replace("-", "").isalpha():
        return []
    if country := countries().get(fold(prefix)):
        return [(f"country:{country.code}", country.name)]
    if named := next((n for n in clause.names if n.key == fold(prefix)), None):
        return [(named.key, named.name)]
    clause.entities.setdefault(entity_key(ORGANIZATION, fold(prefix)), (ORGANIZATION, prefix))
    return [(fold(prefix), prefix)]


def _modifier_entity(clause: Clause, key: str, name: str) -> str:
    """The entity key of a (key, name) modifier pair: a country (recorded so that it is mentioned), a name of the
    sentence, or else an organisation of that name (`Hamas-delegasjonen`)."""
    if key.startswith("country:"):
        return country_entity(clause, key, name)
    return entity_key(next((n.kind for n in clause.names if n.key == key), ORGANIZATION), key)


def _advises(clause: Clause, person: str, title: Token) -> Iterator[Found]:
    if not ends_with(title.lemma_, lexicon()["adviser_titles"]):
        return
    for obj in _pp_objects(title, {"til", "for", "hos"}):
        if key := clause.key_of(obj, {PERSON, ORGANIZATION, GPE}):
            yield Found(person, "kgo:adviserTo", key, "kg.adviserTo.v1", 0.8)
        elif role := title_of(obj.lemma_):
            country = country_modifier(obj, clause.names)
            if country:
                yield Found(person, "kgo:adviserTo", f"role|{role}|{country[0]}", "kg.adviserTo.v1", 0.7)
    if "-" in title.text:  # `Støre-rådgiver`: an adviser to the named person
        target = title.text.rsplit("-", 1)[0]
        yield Found(person, "kgo:adviserTo", f"name|{fold(target)}", "kg.adviserTo.v1", 0.7)


def delegations(clause: Clause) -> Iterator[Found]:
    """`den svenske delegasjonen`, `Sveriges delegasjon, ledet av NAME`: delegationOf, ledDelegation."""
    lead_verbs = lexicon()["lead_verbs"]
    for token in clause.sent:
        keys = delegation_keys(clause, token)
        for key in keys:
            represented = key.split("|", 1)[1]
            if represented != "unknown":
                name = clause.entities[key][1].removeprefix("delegasjon fra ")
                yield Found(key, "kgo:delegationOf", _modifier_entity(clause, represented, name),
                            "kg.delegationOf.v1", 0.9)
        if len(keys) != 1:
            continue
        # `delegasjonen, ledet av NAME`: the participle hangs on the noun or the noun on it, or they are adjacent.
        for verb in clause.sent:
            if verb.pos_ != "VERB" or not verb_in(verb, lead_verbs) or verb.i < token.i:
                continue
            between = clause.sent.doc[token.i + 1:verb.i]
            passive = token.dep_ == "SUBJ" and verb.dep_ == "INFV" and verb.head == token.head  # `ble ledet av`
            if verb.head == token or token.head == verb or passive or all(t.is_punct for t in between):
                for agent in _pp_objects(verb, {"av"}):
                    if leader := clause.key_of(agent, {PERSON}):
                        yield Found(leader, "kgo:ledDelegation", keys[0], "kg.ledDelegation.v1", 0.9)
        if token.dep_ == "DOBJ" and verb_in(token.head, lead_verbs) and asserted(token.head):
            for subj in _subjects(token.head):
                if leader := clause.key_of(subj, {PERSON}):
                    yield Found(leader, "kgo:ledDelegation", keys[0], "kg.ledDelegation.v1", 0.9)


def attendance(clause: Clause) -> Iterator[Found]:
    """`X deltok i samtalene`, `delegasjonene møttes til samtaler`: kgo:attended, with precision traps left out."""
    lex = lexicon()
    for verb in clause.sent:
        if verb.pos_ not in {"VERB", "AUX"} or not (ends_with(verb.lemma_, lex["attend_verbs"])
                                                   or verb_in(verb, lex["attend_verbs"])):
            continue
        if not asserted(verb):
            continue
        events = [k for t in verb.subtree if (k := event_key(clause, t)) and _clause_verb(t) == verb]
        if not events:
            continue
        participants = []
        actors = _subjects(verb)
        actors += [c for m in verb.children if fold(m.text) == "med" and any(fold(a.text) == "sammen" for a in
                   m.children) for o in m.children if o.dep_ == "PUTFYLL" for c in _conjuncts(o)]
        if fold(verb.text).endswith("s"):  # `møttes en svensk og finsk delegasjon`: reflexive, object position
            actors += [c for o in verb.children if o.dep_ == "DOBJ" for c in _conjuncts(o)]
        for actor in actors:
            participants += _agents(clause, actor)
        for event in events[:1]:
            for agent in dict.fromkeys(participants):
                yield Found(agent, "kgo:attended", event, "kg.attended.v1", 0.8)
    yield from _parties_between(clause)
    yield from _present_at(clause)


def _parties_between(clause: Clause) -> Iterator[Found]:
    """`meklingen mellom SAS og pilotene`, `samtalene mellom Ukraina og USA`: the parties between whom a
    definite event took place attended it."""
    for token in clause.sent:
        if "Definite=Def" not in str(token.morph) or (event := event_key(clause, token)) is None \
                or not asserted(_clause_verb(token)):
            continue  # `plattformer for samtaler mellom A og B`: talks in general, not an event
        for obj in _pp_objects(token, {"mellom"}):
            for agent in _agents(clause, obj):
                yield Found(agent, "kgo:attended", event, "kg.attended.between.v1", 0.7)


def _present_at(clause: Clause) -> Iterator[Found]:
    """`sa Brekke på pressekonferansen`, `fekk beskjed under møtet`: a person whose clause happens at an event
    (`på`/`under`/`ved` a definite event noun) attended it."""
    for verb in clause.sent:
        if verb.pos_ not in {"VERB", "AUX"} or not asserted(verb):
            continue
        events = [k for p in verb.children if fold(p.text) in {"på", "under", "ved"}
                  for o in p.children if o.dep_ == "PUTFYLL" and "Definite=Def" in str(o.morph)
                  and (k := event_key(clause, o))]
        for event in events[:1]:
            for subject in _subjects(verb):
                if key := clause.key_of(subject, {PERSON}):
                    yield Found(key, "kgo:attended", event, "kg.attended.present.v1", 0.7)


def _agents(clause: Clause, token: Token, also: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Entity keys a subject stands for: a name, a delegation, or `representanter fra X og Y` -> X, Y."""
    if delegations := delegation_keys(clause, token):
        return delegations
    if key := clause.key_of(token, {PERSON, ORGANIZATION, GPE, *also}):
        return [key]
    agents = [k for o in _pp_objects(token, {"fra", "for"}) if (k := clause.key_of(o, {GPE, ORGANIZATION}))]
    for adj in (c for c in token.children if c.pos_ == "ADJ" or c.dep_ == "KOORD"):
        for part in [adj] + [c for c in adj.children if c.dep_ == "KOORD"]:
            if country := adjective_country(part):
                agents.append(country_entity(clause, *country))
    return agents


def country_entity(clause: Clause, key: str, name: str) -> str:
    """The entity key of a country named only by an adjective or genitive; recorded so that it is mentioned."""
    entity = entity_key(GPE, key)
    clause.entities.setdefault(entity, (GPE, name))
    return entity


def locations(clause: Clause) -> Iterator[Found]:
    """`samtaler i Genève`, `møttes i Oslo for samtaler`, `møtet, som holdes i Tromsø`: schema:location of an
    event, with the place a place is in (`i Jeddah i Saudi-Arabia`). A planned or negated clause states no
    place (measured on eval/news/dev: taking planned places gains one fact and one error)."""
    for token in clause.sent:
        event = event_key(clause, token)
        if event is None:
            continue
        verb = _clause_verb(token)
        places = _pp_objects(token, {"i", "på"})
        if verb != token and asserted(verb):
            places += _pp_objects(verb, {"i", "på"})
            places += _misattached_places(clause, verb)
        for relative in (c for c in token.children if c.pos_ in {"VERB", "AUX"} and not _negated(c)
                         and any(fold(g.text) == "som" for g in c.children)):
            places += _pp_objects(relative, {"i", "på"})  # `møtet, som holdes i Tromsø`
        places += [inner for place in places for inner in _pp_objects(place, {"i"})]
        for place in dict.fromkeys(places):
            if key := clause.key_of(place, {GPE, PLACE}):
                yield Found(event, "schema:location", key, "kg.location.v2", 0.8)


def _negated(verb: Token) -> bool:
    chain = [verb] + ([verb.head] if verb.dep_ == "INFV" else [])
    return any(fold(c.text) in lexicon()["negations"] for v in chain for c in v.children)


def _misattached_places(clause: Clause, verb: Token) -> list[Token]:
    """`møtte representanter fra A og B i C`, `møtte NAME i C`: a country or a person named in the clause is not
    where a place is, so `i C` hanging off the name belongs to the verb (a frequent PP-attachment error)."""
    places = []
    for token in verb.subtree:
        named = clause.named_at(token)
        if not named or _clause_verb(token) != verb:
            continue
        # a person only as the untitled object (`møtte NAME i C`): `ordfører NAME i C` is where NAME is mayor
        untitled_object = named.kind == PERSON and token.i > verb.i and not _titles_of(clause, named)
        if untitled_object or (named.kind == GPE and named.key.startswith("country:")):
            places += _pp_objects(token, {"i", "på"})
    return places


def meetings(clause: Clause) -> Iterator[Found]:
    """`A møtte B`, `A tok imot B`, `A og B møttes`: kgo:met between persons."""
    for verb in clause.sent:
        reciprocal = verb_in(verb, lexicon()["reciprocal_meet_verbs"]) or (
            fold(verb.text).endswith("s") and verb_in(verb, lexicon()["meet_verbs"]))  # `møttes` lemmatised `møte`
        if verb.pos_ == "VERB" and reciprocal and asserted(verb):
            people = list(dict.fromkeys(k for s in _subjects(verb) if (k := clause.key_of(s, {PERSON}))))
            for i, a in enumerate(people):
                for b in people[i + 1:]:
                    yield Found(a, "kgo:met", b, "kg.met.v2", 0.8)
            continue
        if meeting := _meeting_noun(verb):
            yield from _had_a_meeting(clause, verb, meeting)
            continue
        if verb.pos_ != "VERB" or not verb_in(verb, lexicon()["meet_verbs"]) or not asserted(verb):
            continue
        subjects = [s for s in _subjects(verb) if s.i < verb.i]
        inverted = not subjects  # `Der møtte hun lederne`: an adverbial first, the subject after the verb
        subjects = subjects or [s for s in _subjects(verb) if s.i > verb.i][:1]
        # V2 order: a second "subject" after the verb of `A møtte B` is the object the parser mislabelled.
        objects = [c for o in verb.children if o.dep_ == "DOBJ" or (
            o.dep_ == "SUBJ" and o.i > verb.i and o not in subjects and (subjects or inverted)) for c in _conjuncts(o)]
        objects += _pp_objects(verb, _PARTICLES)  # `tok imot NAME`: the particle is parsed as a preposition
        subjects = [k for s in subjects if (k := clause.key_of(s, {PERSON}))]
        objects = [k for o in objects if (k := clause.key_of(o, {PERSON}))]
        for a in subjects:
            for b in objects:
                if a != b:
                    yield Found(a, "kgo:met", b, "kg.met.v2", 0.8)


_PARTICLES = {verb.partition(" ")[2] for verb in lexicon()["meet_verbs"] if " " in verb}


def _meeting_noun(verb: Token) -> Token | None:
    """The `møte` of `hadde (et) møte med`, the object of `ha`."""
    if fold(verb.lemma_) != "ha" or verb.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in verb.children if c.dep_ == "DOBJ" and c.pos_ == "NOUN"
                 and ends_with(c.lemma_, frozenset({"møte"}))), None)


def _had_a_meeting(clause: Clause, verb: Token, meeting: Token) -> Iterator[Found]:
    """`A hadde møte med B` (A met B), `A og B hadde et kort møte` (they met each other)."""
    if not asserted(verb):
        return
    people = list(dict.fromkeys(k for s in _subjects(verb) if (k := clause.key_of(s, {PERSON}))))
    others = [k for o in _pp_objects(meeting, {"med"}) + _pp_objects(verb, {"med"})
              if (k := clause.key_of(o, {PERSON}))]
    pairs = [(a, b) for a in people for b in others] if others else [
        (a, b) for i, a in enumerate(people) for b in people[i + 1:]]
    for a, b in pairs:
        if a != b:
            yield Found(a, "kgo:met", b, "kg.met.v2", 0.75)
    if (event := event_key(clause, meeting)) is not None:
        for person in dict.fromkeys(people + others):
            yield Found(person, "kgo:attended", event, "kg.attended.meeting.v1", 0.75)


def memberships(clause: Clause) -> Iterator[Found]:
    """`Ola Nordmann (Ap)`: schema:memberOf the party in parentheses."""
    for named in (n for n in clause.names if n.kind == PERSON):
        word = in_parentheses_after(clause.sent, named)
        party = clause.named_at(word) if word is not None else None
        if party and party.kind == ORGANIZATION:
            yield Found(entity_key(PERSON, named.key), "schema:memberOf", entity_key(ORGANIZATION, party.key),
                        "kg.memberOf.v1", 0.8)


def reports(clause: Clause) -> Iterator[Found]:
    """`..., skriver AFP`, `viser til RIA`, `ifølge NTB`: kgo:reportedBy, wherever the article cites its source
    (an outlet cited further down for one detail is still a source of the article's facts)."""
    lex = lexicon()
    for token in clause.sent:
        sources: list[Token] = []
        if token.pos_ == "VERB" and verb_in(token, lex["report_verbs"]):
            sources = _subjects(token)
            if not sources and token.dep_ == "ATR" and any(fold(c.text) == "som" for c in token.children):
                sources = [token.head]  # `Det var DN som først omtalte saken`
        elif token.pos_ == "VERB" and verb_in(token, lex["cite_verbs"]):
            sources = _pp_objects(token, {"til"})
        elif fold(token.text) in lex["report_preps"]:
            sources = [c for c in token.children if c.dep_ == "PUTFYLL"]
        for source in sources:
            person = clause.named_at(source)
            if person and person.kind == PERSON and fold(person.name) not in lex["news_agencies"]:
                continue  # `skriver Kari Nordmann, leder i X, i en SMS`: a person's words, not X's report
            if fold(source.lemma_) in {"kilde", "kjelde"}:
                continue  # `bekrefter kilder i Ap`: unnamed people, not the party reporting
            for part in _conjuncts(source) + [c for c in source.subtree if c.pos_ == "PROPN"]:
                if part.head.lower_ == "til" and not verb_in(token, lex["cite_verbs"]):
                    continue  # `forteller hun til VG`: the outlet that received the words (but `viser til RIA`)
                named = clause.named_at(part)
                agency = named is not None and fold(named.name) in lex["news_agencies"]  # `melder Bloomberg`
                if named and (named.kind == ORGANIZATION or agency):
                    yield Found("article", "kgo:reportedBy", entity_key(ORGANIZATION, named.key),
                                "kg.reportedBy.v2", 0.8)


def demands(clause: Clause) -> Iterator[Found]:
    """`X krever at Y ...`, `Xs krav om at Y ...`: one kgo:Demand per coordinated demand, with its wording,
    kgo:demanded by X, kgo:demandedOf Y and kgo:about the names inside it. A speaker who makes an action
    conditional on the demand being met (`X sa ... dersom Y går med på Zs krav`) demands it too."""
    lex = lexicon()
    for token in clause.sent:
        if token.pos_ == "VERB" and (verb_in(token, lex["demand_verbs"]) and asserted(token) or _wants(token)):
            agents = [k for s in _subjects(token) for k in _agents(clause, s, {PLACE})]
            contents = [c for c in token.children if c.dep_ == "DOBJ"] or _pp_objects(token, {"om"})
            if not contents and token.dep_ == "ATR" and token.head.dep_ == "SUBJ" \
                    and fold(token.head.head.lemma_) in _COPULAS:  # `Alt vi krever, er X og Y`
                contents = [c for c in token.head.head.children if c.dep_ == "SPRED"]
        elif token.pos_ == "NOUN" and ends_with(token.lemma_, lex["demand_nouns"]):
            # `Moskvas krav`: a place that demands stands for those who govern it (so for the verbs too)
            agents = [k for c in token.children if c.dep_ == "DET" for k in _agents(clause, c, {PLACE})]
            agents += _conditional_speakers(clause, token)
            contents = _pp_objects(token, {"om", "fra"})
        else:
            continue
        for content in contents[:1]:
            target = [k for s in _subjects(content) for k in _agents(clause, s)]
            for part in _coordinated_clauses(content):
                wording = _wording(part, _head_of(part))
                demand = entity_key("demand", fold(wording))
                clause.entities[demand] = ("demand", wording)
                for agent in dict.fromkeys(agents):
                    yield Found(agent, "kgo:demanded", demand, "kg.demanded.v2", 0.7)
                for asked in target:
                    yield Found(demand, "kgo:demandedOf", asked, "kg.demanded.v2", 0.7)
                about = {entity_key(n.kind, n.key) for n in clause.names
                         if any(n.start <= t.i < n.end for t in part) and entity_key(n.kind, n.key) not in target}
                for key in sorted(about):
                    yield Found(demand, "kgo:about", key, "kg.demanded.v2", 0.7)


def obligations(clause: Clause) -> Iterator[Found]:
    """`– Nå må tillatelsene trekkes tilbake, skriver X`, `X sa at Ukraina må få garantier`: what a speaker says
    must or should happen is the speaker's demand; not an obligation the speaker takes on (`vi må ta ansvar`),
    and not a negated one."""
    lex = lexicon()
    for modal in clause.sent:
        if modal.pos_ != "AUX" or fold(modal.text) not in {"må", "bør", "lyt"} \
                or any(fold(c.text) in lex["negations"] for c in modal.children):
            continue
        subject = next((c for c in modal.children if c.dep_ == "SUBJ"), None)
        if subject is None or fold(subject.text) in _FIRST_PERSON:
            continue
        if modal.dep_ == "DOBJ" and verb_in(modal.head, lex["speech_verbs"]):
            speech, drop = modal.head, set()  # `X sa at Y må ...`
        else:  # `– ..., og nå må Y ..., skriver X`: the speech verb on the quote's first clause
            heads = [modal] + ([modal.head] if modal.dep_ == "KOORD" else [])
            speech = next((c for h in heads for c in h.children if c.dep_ == "PAR"
                           and verb_in(c, lex["speech_verbs"])), None)
            drop = {t.i for t in speech.subtree} if speech is not None else set()
        speakers = [k for s in _subjects(speech) for k in _agents(clause, s)] if speech is not None else []
        if not speakers:
            continue
        words = [t for t in modal.subtree if t.i not in drop and t.dep_ != "SBU"]
        wording = _wording(words, words[0]) if words else modal.text
        demand = entity_key("demand", fold(wording))
        clause.entities[demand] = ("demand", wording)
        for agent in dict.fromkeys(speakers):
            yield Found(agent, "kgo:demanded", demand, "kg.demanded.obligation.v1", 0.6)


_FIRST_PERSON = {"jeg", "eg", "vi", "me"}


def _wants(verb: Token) -> bool:
    """`vi vil ha høyere lønn`: `ha` under the modal `vil` states a demand (unless negated)."""
    aux = verb.head if verb.dep_ == "INFV" else None
    return fold(verb.lemma_) == "ha" and aux is not None and fold(aux.lemma_) in {"ville", "vilje"} \
        and not any(fold(c.text) in lexicon()["negations"] for t in (verb, aux) for c in t.children)


def _coordinated_clauses(verb: Token) -> list[list[Token]]:
    """A clause and its coordinated clauses (`stanser ..., endrer ... og å anerkjenne ...`), each as its tokens."""
    heads = [verb]
    for head in heads:
        heads += [c for c in head.children if c.dep_ == "KOORD" and c.pos_ in {"VERB", "AUX", "PART"}]
        if head is heads[-1]:
            heads += _raised_conjuncts(verb, heads)
    parts = []
    for head in heads:
        nested = {t.i for other in heads if other != head and head.is_ancestor(other) for t in other.subtree}
        parts.append([t for t in head.subtree if t.i not in nested])
    return parts


def _raised_conjuncts(verb: Token, heads: list[Token]) -> list[Token]:
    """Conjuncts of `verb` that the parser hung too high: a verb in the same tense joined as KOORD to one of its
    ancestors, starting right after the clauses found so far (only commas or `og` between). A long list of
    demands (`krav om at X stanser A, endrer B, anerkjenner C`) is often parsed with its later verbs under the
    main verb of the sentence."""
    end = max(t.i for head in heads for t in head.subtree)
    tense = verb.morph.get("Tense")
    found = []
    for token in verb.sent:
        if token.i <= end or token.dep_ != "KOORD" or token.pos_ != "VERB" or not tense:
            continue
        if token.morph.get("Tense") != tense or not token.head.is_ancestor(verb):
            continue
        gap = verb.doc[end + 1: token.left_edge.i]
        if token.left_edge.i <= end or not all(t.is_punct or t.pos_ == "CCONJ" for t in gap):
            break
        found.append(token)
        end = token.right_edge.i
    return found


def _head_of(tokens: list[Token]) -> Token:
    """The token of a clause part whose head lies outside it."""
    inside = {t.i for t in tokens}
    return next(t for t in tokens if t.head.i not in inside or t.head == t)


def _wording(tokens: list[Token], clause_head: Token) -> str:
    """The words of a demand without the clause's subject and its `at`."""
    # a demand is a subordinate clause, so its subject stands before the verb; a "subject" after it is a misparse
    drop = {t.i for c in clause_head.children if c.dep_ == "SBU" or (c.dep_ == "SUBJ" and c.i < clause_head.i)
            for t in c.subtree}
    words = [t for t in tokens if t.i not in drop]
    while words and (words[0].is_punct or words[0].pos_ in {"CCONJ", "SCONJ"}):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].pos_ == "CCONJ"):
        words = words[:-1]
    return "".join(t.text + (t.whitespace_ if i + 1 < len(words) and words[i + 1].i == t.i + 1 else " ")
                   for i, t in enumerate(words)).strip() or clause_head.text


def _conditional_speakers(clause: Clause, token: Token) -> list[str]:
    node = token
    while node.head != node:
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and any(c.dep_ == "SBU" and fold(c.text) in _CONDITIONS
                                                for c in node.children):
            speaker_verb = node.head
            while speaker_verb.head != speaker_verb and fold(speaker_verb.lemma_) not in _SPEECH:
                speaker_verb = speaker_verb.head
            if fold(speaker_verb.lemma_) in _SPEECH:
                return [k for s in _subjects(speaker_verb) for k in _agents(clause, s)]
            return []
    return []


_SPEECH = {"si", "uttale", "erklære", "kunngjøre", "meddele", "opplyse"}


def predicative_titles(clause: Clause) -> Iterator[Found]:
    """`X er rektor ved Y`, `X, som er nestleder i Y`, `Tidligere var hun prorektor`: a title as the predicate
    of `være`/`bli` with a person as subject. `blir` makes it incoming (`påtroppende`), `var`/`har vært` one held
    before (`tidligere`, with no present affiliation) unless `siden` says it still is."""
    for title in clause.sent:
        if title.dep_ != "SPRED" or not (word := _title_word(title)) or clause.named_at(title):
            continue
        verb = title.head
        chain = [verb] + ([verb.head] if verb.dep_ == "INFV" else [])
        if fold(verb.lemma_) not in _COPULAS or not asserted(verb):
            continue
        person = _copula_subject(clause, chain)
        if person is None:
            continue
        forms = {fold(t.text) for t in chain}
        if forms & {"blir", "vert"}:
            qualifier = "påtroppende "
        elif forms & {"var", "vore", "vært", "hadde"} and not _still(chain, title):
            qualifier = "tidligere "
        else:
            qualifier = ""
        full = word if qualifier == "tidligere " else _full_title(title)
        yield Found(person, "schema:jobTitle", qualifier + full, "kg.jobTitle.predicate.v1", 0.75, literal=True)
        if qualifier == "tidligere ":
            continue
        orgs = list(_affiliations(clause, title)) + list(
            _named_objects(clause, verb, {"i", "for", "hos", "ved", "på"}, {ORGANIZATION}))
        orgs += _named_objects(clause, title, {"på"}, {ORGANIZATION})
        for org in dict.fromkeys(orgs):
            yield _serves(clause, person, org, 0.7)


_COPULAS = {"være", "vere", "bli", "verte"}


def _still(chain: list[Token], title: Token) -> bool:
    """`har vært leder siden 2013`, `har vært utenriksminister i 17 år`: a present perfect with `siden` or a
    duration says the title is still held."""
    words = [fold(t.text) for t in (*title.subtree, *(d for v in chain for c in v.children if c.dep_ != "KOORD"
                                                       for d in c.subtree))]
    perfect = any(fold(t.text) == "har" for t in chain)
    duration = any(w in {"år", "måneder", "månader", "uker", "veker"} for w in words) and "i" in words
    return "siden" in words or "sidan" in words or (perfect and duration)


def role_changes(clause: Clause) -> Iterator[Found]:
    """`X går av som direktør i Y` (avtroppende), `tar over som` (påtroppende), `er ansatt som ny sjef for Y`,
    `blir sittende som nestleder i Y`, `valgt til president i Y`, `jobbet som reporter i Y` (tidligere): a title
    after `som`/`til` on a verb of leaving, taking up, keeping or holding a post (lexicon `role_verbs`), its
    qualifier from the verb's kind and tense, and the affiliation unless the post was held before."""
    roles = lexicon_pairs("role_verbs")
    for verb in clause.sent:
        kind = next((k for v, k in roles.items() if verb_in(verb, frozenset({v}))), None)
        if kind is None or not asserted(verb):
            continue
        titles = [t for p in verb.children if fold(p.text) in {"som", "til"} for t in p.children
                  if t.dep_ == "PUTFYLL"]
        titles = [next((c for c in t.children if c.dep_ == "KOORD"), t) if t.text.endswith("-") else t
                  for t in titles]  # `som arbeids- og sosialminister`: the title is the second conjunct
        titles = [t for t in titles if _title_word(t) and not clause.named_at(t)]
        subject = next((c for v in (verb, verb.head) for c in v.children if c.dep_ == "SUBJ"), None)
        person = clause.key_of(subject, {PERSON}) if subject is not None else None
        if not titles or person is None:
            continue
        perfect = verb.dep_ == "INFV" and fold(verb.head.lemma_) == "ha"  # `har begynt som`
        tense = 2 if perfect else 1 if "Past" in verb.morph.get("Tense") else 0
        qualifier = _ROLE_QUALIFIERS[kind][tense]
        for title in titles[:1]:
            yield Found(person, "schema:jobTitle", (qualifier + " " if qualifier else "") + _full_title(title),
                        "kg.jobTitle.role.v1", 0.7, literal=True)
            if qualifier != "tidligere":
                for org in dict.fromkeys([*_affiliations(clause, title),
                                          *_named_objects(clause, title, {"på"}, {ORGANIZATION})]):
                    yield _serves(clause, person, org, 0.7)


_ROLE_QUALIFIERS = {  # kind -> qualifier in the present, the past, the perfect (`har begynt som`: still holds)
    "leave": ("avtroppende", "tidligere", "tidligere"), "start": ("påtroppende", "tidligere", ""),
    "keep": ("", "", ""), "elected": ("", "", ""), "appointed": ("påtroppende", "påtroppende", "påtroppende"),
    "work": ("", "tidligere", ""),
}


def _copula_subject(clause: Clause, chain: list[Token]) -> str | None:
    """The person a copula clause is about: its subject, or the name a relative clause (`X, som er ...`) hangs on."""
    verb = chain[0]
    if any(fold(c.text) == "som" for c in verb.children) and verb.dep_ in {"ATR", "APP"}:
        return clause.key_of(verb.head, {PERSON})
    subject = next((c for v in chain for c in v.children if c.dep_ == "SUBJ"), None)
    return clause.key_of(subject, {PERSON}) if subject is not None else None


RULES: tuple[Callable[[Clause], Iterator[Found]], ...] = (
    job_titles, predicative_titles, role_changes, delegations, attendance, locations, meetings, memberships,
    reports, demands, obligations,
)
