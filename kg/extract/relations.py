"""Relation rules over NDT dependency trees, and `RULES`, the order they run in. Each rule is pure: it reads
one parsed sentence (a `Clause`) and yields `Found` relations between article-local entity keys; it never edits
the Doc or touches RDF.

NDT labels used here: SUBJ subject, DOBJ object, APP apposition, ATR attribute, DET determiner/genitive,
PUTFYLL complement of a preposition, INFV non-finite verb under an auxiliary, FLAT multi-word name, KOORD
conjunct, ADV adverbial. Rule names are versioned; a change of behaviour bumps the version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from kg.extract.clause import (
    Clause,
    Found,
    agents_of,
    asserted,
    clause_verb,
    conjuncts_deep,
    conjuncts_of,
    delegation_keys,
    entity_key,
    event_key,
    is_definite,
    is_negated,
    modifier_entity,
    pp_objects,
    prefix_modifier,
    subjects_of,
)
from kg.extract.demands import demands, obligations
from kg.extract.entities import Named, abbreviates, in_parentheses_after, is_event
from kg.extract.factbox import fact_boxes
from kg.extract.gazetteer import ends_with, fold, lexicon, party_of, title_of, verb_in
from kg.extract.posts import acting_for, held_posts, predicative_titles, role_changes, titles_as_subject
from kg.extract.titles import job_titles, titles_of
from kg.types import DELEGATION, EVENT, GPE, ORGANIZATION, PERSON, PLACE


def delegations(clause: Clause) -> Iterator[Found]:
    """`den svenske delegasjonen`, `Sveriges delegasjon, ledet av NAME`: delegationOf, ledDelegation."""
    yield from _titled_leaders(clause)
    lead_verbs = lexicon()["lead_verbs"]
    for token in clause.tokens:
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
        for verb in clause.tokens:
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


def _titled_leaders(clause: Clause) -> Iterator[Found]:
    """`opposisjonens delegasjonsleder NAME`, `sier delegasjonsleiar NAME`: the holder of the title of a
    delegation's leader led that delegation (of the country or organisation before the title, where one is)."""
    nouns, former = lexicon()["delegation_nouns"], lexicon()["former_markers"]
    for title in clause.tokens:
        word = fold(title.text)
        if title.pos_ != "NOUN" or not ends_with(word, _LEADERS) or not any(word.startswith(n) for n in nouns):
            continue
        if any(fold(c.text) in former for c in title.children):
            continue  # `den tidlegare delegasjonsleiaren NAME`: a delegation of another time
        holders = [title.head] if title.dep_ == "APP" else [c for c in title.children if c.dep_ in {"FLAT", "APP"}
                                                             and c.i > title.i]
        leaders = [k for h in holders if (k := clause.key_of(h, {PERSON}))]
        for key in (delegation_keys(clause, title, lead=True) if leaders else []):
            for leader in leaders:
                yield Found(leader, "kgo:ledDelegation", key, "kg.ledDelegation.title.v1", 0.8)


def attendance(clause: Clause) -> Iterator[Found]:
    """`X deltok i samtalene`, `delegasjonene møttes til samtaler`: kgo:attended, with precision traps left out."""
    lex = lexicon()
    for verb in clause.tokens:
        if verb.pos_ not in {"VERB", "AUX"} or not asserted(verb):
            continue
        if ends_with(verb.lemma_, lex["attend_verbs"]) or verb_in(verb, lex["attend_verbs"]) or _sits(verb):
            nouns = [t for t in verb.subtree if event_key(clause, t) and clause_verb(t) == verb] or _there(clause, verb)
        elif verb_in(verb, lex["conduct_verbs"]):  # `førte samtaler med`, `innledet forhandlinger`
            nouns = [c for o in verb.children if o.dep_ == "DOBJ" for c in conjuncts_of(o) if event_key(clause, c)]
        else:
            nouns = _entered(clause, verb)
        events = [event_key(clause, t) for t in nouns]
        if not events:
            continue
        others = pp_objects(nouns[0], {"med"}) + (pp_objects(verb, {"med"}) if verb_in(
            verb, lex["conduct_verbs"]) else [])  # `sat i møte med NAME`: the other side was there too
        participants = []
        actors = subjects_of(verb)
        actors += [c for m in verb.children if fold(m.text) == "med" and any(fold(a.text) == "sammen" for a in
                   m.children) for o in m.children if o.dep_ == "PUTFYLL" for c in conjuncts_of(o)]
        if fold(verb.text).endswith("s"):  # `møttes en svensk og finsk delegasjon`: reflexive, object position
            actors += [c for o in verb.children if o.dep_ == "DOBJ" for c in conjuncts_of(o)]
        for actor in actors + others:
            participants += agents_of(clause, actor)
        for event in events[:1]:
            for agent in dict.fromkeys(participants):
                yield Found(agent, "kgo:attended", event, "kg.attended.v2", 0.8)
        if ends_with(nouns[0].lemma_, _MEETINGS) and not (  # `møter`: several meetings, not one together
                "Plur" in nouns[0].morph.get("Number") and ends_with(nouns[0].lemma_, frozenset({"møte"}))):
            # `sat i møte med B`, `førte samtaler med B`, `A og B satte seg i møte`; not `A deltok sammen med B`
            people = [k for s in subjects_of(verb) if (k := clause.key_of(s, {PERSON}))]
            met = [k for o in others if (k := clause.key_of(o, {PERSON}))]
            if met or _sits(verb):
                for a, b in _meeting_pairs(people, met):
                    yield Found(a, "kgo:met", b, "kg.met.sat.v1", 0.75)
    yield from _parties_between(clause)
    yield from _present_at(clause)
    yield from _captioned(clause)


def _there(clause: Clause, verb: Token) -> list[Token]:
    """`møtet kom i gang i Riyadh, der A og B satt ved bordet`, `... A og B deltok der`: `der` points back to the
    event named just before, in the clause a relative `der` hangs on, or else in the sentence before (in the same
    paragraph)."""
    there = next((c for c in verb.children if fold(c.text) == "der"), None)
    if there is None or "Pres" in verb.morph.get("Tense"):
        return []  # `der Trump for første gong møter Putin`: the present may be a time to come
    if there.dep_ == "SBU":
        outer = clause_verb(verb.head)
        return [t for t in outer.subtree if t.i < verb.i and clause_verb(t) == outer and event_key(clause, t)][-1:]
    if there.i < verb.i:
        return []  # `Der møtte hun ...`: a fronted `der` is the place
    before = clause.sent.doc[:clause.sent.start]
    last = list(before.sents)[-1] if len(before) else []
    return [t for t in last if event_key(clause, t)][-1:]


def _entered(clause: Clause, verb: Token) -> list[Token]:
    """`var med i protestleiren`, `gikk inn i møtet`, `gjekk frå møtet`, `være med på tirsdagens demonstrasjon`:
    being part of, going into or leaving a known event (definite, or with a genitive before it)."""
    lemma = fold(verb.lemma_)
    if lemma in {"være", "vere"}:
        med = next((c for c in verb.children if fold(c.text) == "med"), None)
        if med is None:  # `er nå i møte med NAME`, `var i forhandlinger`: in the middle of an event
            return [o for o in pp_objects(verb, {"i"}) if event_key(clause, o)]
        holders = [med, verb]  # `er med i protestleiren`: the parse hangs `i` on either
        preps = {"i", "på"}
    elif lemma == "gå":
        inn = [c for c in verb.children if fold(c.text) == "inn"]
        holders = [verb] + inn  # `gikk inn i møtet`: the parse hangs `i` on the verb or on `inn`
        preps = {"fra", "frå"} | ({"i"} if inn else set())
    else:
        return []
    return [o for h in holders for o in pp_objects(h, preps) if _specific(o) and event_key(clause, o)]


def _sits(verb: Token) -> bool:
    """`satt i en arbeidsmiddag`, `satte seg i møte`: `satt`/`sat` (which the lemmatizer gives as `sette`) and
    the reflexive `sette seg` are sitting at an event."""
    return fold(verb.lemma_) in {"sette", "setje"} and (
        fold(verb.text) in {"satt", "sat"} or any(fold(c.text) == "seg" for c in verb.children))


def _parties_between(clause: Clause) -> Iterator[Found]:
    """`meklingen mellom SAS og pilotene`, `samtalene mellom Ukraina og USA`: the parties between whom a
    definite event took place attended it."""
    for token in clause.tokens:
        if not is_definite(token) or (event := event_key(clause, token)) is None \
                or not asserted(clause_verb(token)):
            continue  # `plattformer for samtaler mellom A og B`: talks in general, not an event
        for obj in (c for first in pp_objects(token, {"mellom"}) for c in conjuncts_deep(first)):
            for agent in agents_of(clause, obj):
                yield Found(agent, "kgo:attended", event, "kg.attended.between.v2", 0.7)
        if token.dep_ == "SUBJ" and token.head.pos_ in {"VERB", "AUX"}:
            for agent in _parties_in_clause(clause, token.head):
                yield Found(agent, "kgo:attended", event, "kg.attended.between.clause.v1", 0.7)


def _parties_in_clause(clause: Clause, verb: Token) -> list[str]:
    """`Meklinga braut mellom A og B saman`, `Meklingen endte uten enighet mellom A og B`: the parties of an event
    that is the subject, named by `mellom` on its verb or on the noun of its outcome (after `uten`, `med`); a
    party named by its people (`pilotene i A og B`) is their organisation."""
    firsts = pp_objects(verb, {"mellom"}) + [
        f for outcome in pp_objects(verb, {"uten", "utan", "med"}) for f in pp_objects(outcome, {"mellom"})]
    parties = []
    for party in (c for first in firsts for c in conjuncts_deep(first)):
        parties += agents_of(clause, party) or [
            a for o in pp_objects(party, {"i"}) for c in conjuncts_deep(o) for a in agents_of(clause, c)]
    return parties


def _present_at(clause: Clause) -> Iterator[Found]:
    """`sa Brekke på pressekonferansen`, `fekk beskjed under møtet`: a person whose clause happens at an event
    (`på`/`under`/`ved` a definite event noun) attended it; `I meklinga stod A saman med B`: the subject of a
    clause put in an event (and those it was there together with), a person or not, took part in it."""
    for verb in clause.tokens:
        if verb.pos_ not in {"VERB", "AUX"} or not asserted(verb):
            continue
        inside = [k for o in pp_objects(verb, {"i"}) if o.i < verb.i and _specific(o) and (k := event_key(clause, o))]
        for event in inside[:1]:
            for actor in subjects_of(verb) + _together_with(verb):
                for key in agents_of(clause, actor):
                    yield Found(key, "kgo:attended", event, "kg.attended.inside.v1", 0.7)
        events = [k for p in verb.children if fold(p.text) in {"på", "under", "ved"}
                  for o in p.children if o.dep_ == "PUTFYLL" and _specific(o) and (k := event_key(clause, o))]
        brought = _brought(verb)  # `har hatt med seg NAME`, `tok med seg X til sonderingene`
        events += [k for o in brought for t in pp_objects(o, {"til"}) if _specific(t) and (k := event_key(clause, t))]
        for event in events[:1]:
            for subject in subjects_of(verb) + [c for o in brought for c in conjuncts_of(o)]:
                if key := clause.key_of(subject, {PERSON}):
                    yield Found(key, "kgo:attended", event, "kg.attended.present.v2", 0.7)


def _together_with(verb: Token) -> list[Token]:
    """`sammen med NAME` / `saman med NAME` on a verb: those the subject did it together with."""
    return [c for m in verb.children if fold(m.text) == "med" and any(
        fold(a.text) in {"sammen", "saman"} for a in m.children) for o in m.children if o.dep_ == "PUTFYLL"
        for c in conjuncts_of(o)]


def _captioned(clause: Clause) -> Iterator[Found]:
    """`NAME, Sp-leiar, fotografert på landsmøtet fredag`, `A, B og C, avbildet på pressekonferansen`: a photo
    caption puts the people it names at the definite event they were photographed at."""
    for verb in clause.tokens:
        if verb.dep_ != "ATR" or "Part" not in verb.morph.get("VerbForm") or fold(verb.lemma_) not in lexicon()[
                "photo_verbs"]:
            continue
        events = [k for o in pp_objects(verb, {"på", "under", "ved"}) if _specific(o) and (k := event_key(clause, o))]
        first = verb.head
        while first.dep_ == "KOORD" and first.head != first:
            first = first.head
        for event in events[:1]:
            for person in conjuncts_deep(first):
                if key := clause.key_of(person, {PERSON}):
                    yield Found(key, "kgo:attended", event, "kg.attended.caption.v1", 0.7)


def _brought(verb: Token) -> list[Token]:
    """The objects of `ha med seg` / `ta med seg`: those a person brought along."""
    if fold(verb.lemma_) not in {"ha", "ta"} or not any(
            fold(m.text) == "med" and any(fold(c.text) == "seg" for c in m.children) for m in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "DOBJ"]


def _specific(noun: Token) -> bool:
    """A noun for one known occasion: definite (`møtet`) or with a genitive before it (`tirsdagens høring`,
    `KrFs landsmøte`)."""
    return is_definite(noun) or any(c.dep_ == "DET" and c.i < noun.i and (
        "Gen" in c.morph.get("Case") or (c.pos_ in {"PROPN", "NOUN"} and c.text.endswith("s"))) for c in noun.children)


def locations(clause: Clause) -> Iterator[Found]:
    """`samtaler i Genève`, `møttes i Oslo for samtaler`, `møtet, som holdes i Tromsø`: schema:location of an
    event, with the place a place is in (`i Jeddah i Saudi-Arabia`); also a place the parser hung on the person
    the event is with (`møte med statsminister NAME i C`) or a `som holdes i C` hung on another noun. A planned
    or negated clause states no place (measured on eval/news/dev: taking planned places gains one fact and one
    error)."""
    for token in clause.tokens:
        event = event_key(clause, token)
        if event is None:
            continue
        verb = clause_verb(token)
        places = pp_objects(token, {"i", "på", "ved"})  # `protestleiren ved Repparfjorden`
        if verb != token and asserted(verb):
            places += pp_objects(verb, {"i", "på"})
            places += _misattached_places(clause, verb)
        for relative in (c for c in token.children if c.pos_ in {"VERB", "AUX"} and not is_negated(c)
                         and any(fold(g.text) == "som" for g in c.children)):
            places += pp_objects(relative, {"i", "på"})  # `møtet, som holdes i Tromsø`
        for key in _place_keys(clause, places):
            yield Found(event, "schema:location", key, "kg.location.v3", 0.8)
        for key in _place_keys(clause, _partners_places(clause, token)):
            yield Found(event, "schema:location", key, "kg.location.partner.v1", 0.8)
    yield from _held_at(clause)


# Verbs that say where an event is held (`som holdes i Tromsø`, `som vart skipa på Hamar`).
_HELD = frozenset({"holde", "avholde", "halde", "arrangere", "gjennomføre", "skipe"})


def _held_at(clause: Clause) -> Iterator[Found]:
    """`vertskap for ministermøtet i Barentsrådet, som holdes i Tromsø`: a relative clause that says where
    something is held is about the event before it, wherever the parser hung it (here on `vertskap`), unless it
    names what is held."""
    for verb in clause.tokens:
        relative = next((c for c in verb.children if c.dep_ == "SBU" and fold(c.text) == "som"), None)
        if relative is None or fold(verb.lemma_) not in _HELD or is_negated(verb) or event_key(clause, verb.head):
            continue  # a relative clause on the event noun itself is read by `locations`
        if any(c.dep_ == "DOBJ" for c in verb.children):
            continue  # `Fiskarlaget, som holder landsmøte i Hamar`: what is held there is its object
        events = [k for t in verb.head.subtree if t.i < relative.i and (k := event_key(clause, t))]
        for key in _place_keys(clause, pp_objects(verb, {"i", "på"})) if events else []:
            yield Found(events[-1], "schema:location", key, "kg.location.held.v1", 0.8)


def _place_keys(clause: Clause, places: list[Token]) -> list[str]:
    """The places among `places` and the places they are in (`i Jeddah i Saudi-Arabia`), as entity keys."""
    places = places + [inner for place in places for inner in pp_objects(place, {"i"})]
    return list(dict.fromkeys(k for place in places if (k := clause.key_of(place, {GPE, PLACE}))))


def _partners_places(clause: Clause, event: Token) -> list[Token]:
    """`møte med Tysklands statsminister NAME i C`, `samtalene mellom A og B i C`: a place hanging off a person
    the event is with is where the event was (the parser attaches `i C` to the nearest name)."""
    partners = [p for p in pp_objects(event, {"med", "mellom"}) if (n := clause.named_at(p)) and n.kind == PERSON]
    return [place for partner in partners for place in pp_objects(partner, {"i", "på"})]


def _misattached_places(clause: Clause, verb: Token) -> list[Token]:
    """`møtte representanter fra A og B i C`, `møtte NAME i C`: a country or a person named in the clause is not
    where a place is, so `i C` hanging off the name belongs to the verb (a frequent PP-attachment error)."""
    places = []
    for token in verb.subtree:
        named = clause.named_at(token)
        if not named or clause_verb(token) != verb:
            continue
        # a person only as the untitled object (`møtte NAME i C`): `ordfører NAME i C` is where NAME is mayor
        untitled_object = named.kind == PERSON and token.i > verb.i and not titles_of(clause, named)
        if untitled_object or (named.kind == GPE and named.key.startswith("country:")):
            places += pp_objects(token, {"i", "på"})
    return places


def meetings(clause: Clause) -> Iterator[Found]:
    """`A møtte B`, `A tok imot B`, `A og B møttes`: kgo:met between persons."""
    yield from _spoke_with(clause)
    for verb in clause.tokens:
        reciprocal = verb_in(verb, lexicon()["reciprocal_meet_verbs"]) or (
            fold(verb.text).endswith("s") and verb_in(verb, lexicon()["meet_verbs"]))  # `møttes` lemmatised `møte`
        if verb.pos_ == "VERB" and reciprocal and asserted(verb):
            people = list(dict.fromkeys(k for s in subjects_of(verb) if (k := clause.key_of(s, {PERSON}))))
            for i, a in enumerate(people):
                for b in people[i + 1:]:
                    yield Found(a, "kgo:met", b, "kg.met.v3", 0.8)
            agents = [k for s in subjects_of(verb) if not _dateline(s) for k in agents_of(clause, s)]
            if len(set(agents)) > 1 and not any(is_event(t) for t in clause.tokens):  # `A og B møttes i Tromsø`
                yield from _the_meeting(clause, set(agents), verb)
            continue
        if meeting := _meeting_noun(verb):
            yield from _had_a_meeting(clause, verb, meeting)
            continue
        if verb.pos_ != "VERB" or not verb_in(verb, lexicon()["meet_verbs"]) or not asserted(verb):
            continue
        subjects = [s for s in subjects_of(verb) if s.i < verb.i and not _dateline(s)]
        inverted = not subjects  # `Der møtte hun lederne`: an adverbial first, the subject after the verb
        after = [o for o in verb.children if o.i > verb.i and (o.dep_ == "SUBJ" or (
            o.dep_ == "DOBJ" and inverted and any(_dateline(s) for s in subjects_of(verb))))]
        subjects = subjects or after[:1]  # `ÅLESUND (VG) Tirsdag møtte A B`: the parser took the dateline for A
        # V2 order: a second "subject" after the verb of `A møtte B` is the object the parser mislabelled.
        objects = [c for o in verb.children if (o.dep_ == "DOBJ" and o not in subjects) or (
            o.dep_ == "SUBJ" and o.i > verb.i and o not in subjects and (subjects or inverted))
            for c in conjuncts_of(o)]
        objects += pp_objects(verb, _PARTICLES)  # `tok imot NAME`: the particle is parsed as a preposition
        sides = [[k for t in subjects for k in agents_of(clause, t)],
                 [k for t in objects for k in agents_of(clause, t)]]
        people = [[k for t in side if (k := clause.key_of(t, {PERSON}))] for side in (subjects, objects)]
        for a, b in ((a, b) for a in people[0] for b in people[1] if a != b):
            yield Found(a, "kgo:met", b, "kg.met.v3", 0.8)
        plural = any(o.pos_ == "NOUN" and "Plur" in o.morph.get("Number") for o in objects)  # `møtte motstandere`
        if sides[0] and (sides[1] or plural) and not any(is_event(t) for t in clause.tokens):
            # `aksjonsgruppa møtte statsministeren`: each side of the meeting attended it
            yield from _the_meeting(clause, set(sides[0] + sides[1]) - (set(sides[0]) & set(sides[1])), verb)


def _spoke_with(clause: Clause) -> Iterator[Found]:
    """`A snakket med B`, `for å snakke ansikt til ansikt med B`: a person who talked with another met her (a call
    too, which the gold takes as a meeting it may leave out); no event of theirs is named by it."""
    for verb in clause.tokens:
        if verb.pos_ != "VERB" or not verb_in(verb, lexicon()["talk_verbs"]) or not asserted(verb):
            continue
        holders = [verb] + [t for t in verb.subtree if fold(t.lemma_) == "ansikt" and clause_verb(t) == verb]
        others = [k for h in holders for o in pp_objects(h, {"med"}) if (k := clause.key_of(o, {PERSON}))]
        subjects = subjects_of(verb)
        if not subjects and fold(verb.head.text) == "å" and fold(verb.head.head.text) == "for":
            subjects = subjects_of(verb.head.head.head)  # `besøkte han Moskva for å snakke med B`: his purpose
        people = [k for s in subjects if (k := clause.key_of(s, {PERSON}))]
        for a, b in _meeting_pairs(people, others) if others else []:
            yield Found(a, "kgo:met", b, "kg.met.talked.v1", 0.7)


def _dateline(token: Token) -> bool:
    """`ÅLESUND (VG) Tirsdag møtte ...`: the place of a dateline, which the parser takes for a subject."""
    doc = token.doc
    return token.is_sent_start and token.is_upper and token.i + 1 < len(doc) and doc[token.i + 1].text == "("


def _the_meeting(clause: Clause, people: set[str], verb: Token) -> Iterator[Found]:
    """`A møtte B i Beijing` with no event named in the sentence: they attended their meeting (`møte`), which
    was where the verb says."""
    event = entity_key(EVENT, "møte#1")
    clause.entities.setdefault(event, (EVENT, "møte"))
    for person in sorted(people):
        yield Found(person, "kgo:attended", event, "kg.attended.meeting.v2", 0.6)
    for key in _place_keys(clause, pp_objects(verb, {"i", "på"}) + _misattached_places(clause, verb)):
        yield Found(event, "schema:location", key, "kg.location.meeting.v1", 0.7)


_PARTICLES = {verb.partition(" ")[2] for verb in lexicon()["meet_verbs"] if " " in verb}


_MEETINGS = frozenset({"møte", "samtale", "middag", "lunsj"})


def _meeting_pairs(people: list[str], others: list[str]) -> list[tuple[str, str]]:
    """Who met whom at a meeting: each of `people` met each of `others` (`A hadde møte med B`), or, with no
    others, `people` met each other (`A og B hadde et kort møte`)."""
    people = list(dict.fromkeys(people))
    pairs = [(a, b) for a in people for b in dict.fromkeys(others)] if others else [
        (a, b) for i, a in enumerate(people) for b in people[i + 1:]]
    return [(a, b) for a, b in pairs if a != b]


_TALKS = frozenset({"møte", "samtale", "dialog"})  # `hadde møte med`, `hadde samtaler med`, `hatt dialog med`


def _meeting_noun(verb: Token) -> Token | None:
    """The `møte` of `hadde (et) møte med` (or `samtaler`), the object of `ha`; and of `holdt et møte med` in the
    past (a meeting one holds now or will hold may not have taken place)."""
    lemma = fold(verb.lemma_)
    held = lemma in {"holde", "halde"} and ("Past" in verb.morph.get("Tense") or (
        verb.dep_ == "INFV" and fold(verb.head.lemma_) == "ha"))
    if (lemma != "ha" and not held) or verb.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in verb.children if c.dep_ == "DOBJ" and c.pos_ == "NOUN"
                 and ends_with(c.lemma_, _TALKS)), None)


def _had_a_meeting(clause: Clause, verb: Token, meeting: Token) -> Iterator[Found]:
    """`A hadde møte med B` (A met B), `A og B hadde et kort møte` (they met each other)."""
    if not asserted(verb):
        return
    people = list(dict.fromkeys(k for s in subjects_of(verb) if (k := clause.key_of(s, {PERSON}))))
    others = [k for o in pp_objects(meeting, {"med"}) + pp_objects(verb, {"med"})
              if (k := clause.key_of(o, {PERSON}))]
    for a, b in _meeting_pairs(people, others):
        yield Found(a, "kgo:met", b, "kg.met.v3", 0.75)
    if (event := event_key(clause, meeting)) is not None:  # `Sp hadde gruppemøte`: a party attends as well
        hosts = [k for s in subjects_of(verb) for k in agents_of(clause, s)]
        for agent in dict.fromkeys(hosts + others):
            yield Found(agent, "kgo:attended", event, "kg.attended.meeting.v2", 0.75)


def memberships(clause: Clause) -> Iterator[Found]:
    """`Ola Nordmann (Ap)`: schema:memberOf the party in parentheses."""
    for named in (n for n in clause.names if n.kind == PERSON):
        word = in_parentheses_after(clause.sent, named)
        party = clause.named_at(word) if word is not None else None
        if party and party.kind == ORGANIZATION and not abbreviates(word.text, named.name):  # not `Institute (I)`
            yield Found(entity_key(PERSON, named.key), "schema:memberOf", entity_key(ORGANIZATION, party.key),
                        "kg.memberOf.v1", 0.8)
        for party in _party_profiles(clause, named):
            yield Found(entity_key(PERSON, named.key), "schema:memberOf", party, "kg.memberOf.profile.v1", 0.8)
    yield from _seats(clause)


_PARTY_PEOPLE = ("profil", "veteran", "topp", "politiker", "politikar", "høvding", "nestor")
_PARTY_PEOPLE_FORMS = frozenset(n + ending for n in _PARTY_PEOPLE for ending in ("", "en"))


def _party_profiles(clause: Clause, named: Named) -> list[str]:
    """`Sp-profilen og stortingsrepresentant NAME`, `Høyre-veteranen NAME`: a party before the hyphen of a noun
    for one of its people (a profile, a veteran, a top name, a member), in apposition to a person's name, is the
    party the person is a member of; the noun is no job title."""
    doc = clause.sent.doc
    root = doc[named.start]
    nouns = [c for c in root.children if c.dep_ == "APP" and c.i < named.start]
    nouns += [k for n in list(nouns) for k in n.children if k.dep_ == "KOORD"]
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


def reports(clause: Clause) -> Iterator[Found]:
    """`..., skriver AFP`, `viser til RIA`, `ifølge NTB`: kgo:reportedBy, wherever the article cites its source
    (an outlet cited further down for one detail is still a source of the article's facts)."""
    lex = lexicon()
    for token in clause.tokens:
        sources: list[Token] = []
        rule = "kg.reportedBy.v4"
        if token.pos_ == "VERB" and verb_in(token, lex["report_verbs"]):
            sources = subjects_of(token) or _cleft_subject(token)  # `Det var DN som først omtalte saken`
            if not sources:
                sources, rule = _first_verbs_subjects(token), "kg.reportedBy.joined.v1"
        elif token.pos_ == "VERB" and verb_in(token, lex["cite_verbs"]):
            citing = [k for s in subjects_of(token) if (k := clause.key_of(s, {PERSON}))]
            sources = [] if citing else pp_objects(token, {"til"})  # a person who `viste til loven` cites a law
        elif fold(token.text) in lex["report_preps"]:
            sources = [c for c in token.children if c.dep_ == "PUTFYLL"]
        elif token.pos_ == "NOUN" and ends_with(token.lemma_, lex["release_nouns"]):
            sources = pp_objects(token, {"fra", "frå"})  # `i en pressemelding fra X`
        elif _sourcing(token):
            sources = subjects_of(token)
            if not sources:
                sources, rule = _cleft_subject(token) or _first_verbs_subjects(token), "kg.reportedBy.joined.v1"
        for source in sources:
            person = clause.named_at(source)
            if person and person.kind == PERSON and fold(person.name) not in lex["news_agencies"]:
                continue  # `skriver Kari Nordmann, leder i X, i en SMS`: a person's words, not X's report
            if fold(source.lemma_) in {"kilde", "kjelde"}:
                continue  # `bekrefter kilder i Ap`: unnamed people, not the party reporting
            inner = [c for c in source.subtree if c.pos_ == "PROPN"] if source.pos_ != "NOUN" or ends_with(
                source.lemma_, lex["organisation_nouns"]) or title_of(source.text) else []  # `NTBs reporter`,
            # `nyhetsbyrået Reuters`; not `ifølge NIFs lover`: the laws say it
            owners = [o for o in _channel_owners(source) if o not in inner]
            for part in conjuncts_of(source) + inner + owners:
                if part.head.lower_ == "til" and not verb_in(token, lex["cite_verbs"]):
                    continue  # `forteller hun til VG`: the outlet that received the words (but `viser til RIA`)
                named = clause.named_at(part)
                agency = named is not None and fold(named.name) in lex["news_agencies"]  # `melder Bloomberg`
                if named and (named.kind == ORGANIZATION or agency):
                    yield Found("article", "kgo:reportedBy", entity_key(ORGANIZATION, named.key),
                                "kg.reportedBy.channel.v1" if part in owners else rule, 0.8)


def _cleft_subject(verb: Token) -> list[Token]:
    """`Det var DN som først omtalte saken`: the noun a cleft's `som` clause hangs on is its subject."""
    return [verb.head] if verb.dep_ == "ATR" and any(fold(c.text) == "som" for c in verb.children) else []


def _first_verbs_subjects(verb: Token) -> list[Token]:
    """`DN fulgte opp saken og erfarer at ...`: the second of two joined verbs shares the first one's subject."""
    return subjects_of(verb.head) if verb.dep_ == "KOORD" and verb.head.pos_ in {"VERB", "AUX"} else []


def _channel_owners(source: Token) -> list[Token]:
    """`NRKs direktesending`, `kommunikasjonsavdelinga i Venstre`: the owner of one of its channels or press
    offices (lexicon `channel_nouns`) is the source."""
    if source.pos_ != "NOUN" or not ends_with(source.lemma_, lexicon()["channel_nouns"]):
        return []
    return [c for c in source.children if c.dep_ == "DET" and c.i < source.i] + pp_objects(source, {"i", "hos"})


def _sourcing(verb: Token) -> bool:
    """`Etter det NTB forstår`, `X var først ute med saken`: the fixed phrases that name a story's source."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = fold(verb.lemma_)
    if lemma in {"forstå", "kjenne", "erfare", "vite"} and fold(verb.head.text) == "det" \
            and fold(verb.head.head.text) == "etter":
        return True
    words = {fold(c.text) for c in verb.children}
    return lemma in {"være", "vere"} and {"først", "ute"} <= words and asserted(verb)


# The rules that state something of a clause that names no one (a demand's wording: `Kravet er at ...`).
UNNAMED_RULES: tuple[Callable[[Clause], Iterator[Found]], ...] = (demands, obligations)
RULES: tuple[Callable[[Clause], Iterator[Found]], ...] = (
    job_titles, fact_boxes, predicative_titles, titles_as_subject, role_changes, held_posts, acting_for, delegations,
    attendance, locations, meetings, memberships, reports, demands, obligations,
)
