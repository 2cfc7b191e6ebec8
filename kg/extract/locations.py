"""Rules for where an event took place: `schema:location` of an event from `i`/`på`/`ved` on its noun or on its
verb (`samtaler i Genève`, `møttes i Oslo for samtaler`), from a relative clause on it or hung on another noun
(`møtet, som holdes i Tromsø`), from a place the parser hung on a person the event is with (`møte med
statsminister NAME i C`), from where one went to take part in it (`var i C for å delta på toppmøtet`) and from
the place a `der` follows (`dro til C, der hun hadde samtaler`, `... på Stord. Der skal styret halde møte`), with
the place a place is in (`i Jeddah i Saudi-Arabia`). Also what `attendance.py` uses for the place of a meeting:
the places among some tokens (`place_keys`) and those hung on a name in a verb's clause that belong to the verb
(`misattached_places`)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.clause import (
    Clause,
    Found,
    asserted,
    clause_verb,
    conjuncts_of,
    entity_key,
    event_key,
    is_negated,
    pp_objects,
)
from kg.extract.entities import named_mentions
from kg.extract.gazetteer import fold, lexicon, lexicon_pairs
from kg.extract.titles import titles_of
from kg.extract.tokens import morph
from kg.types import GPE, PERSON, PLACE


def locations(clause: Clause) -> Iterator[Found]:
    """`samtaler i Genève`, `møttes i Oslo for samtaler`, `møtet, som holdes i Tromsø`: schema:location of an
    event, with the place a place is in (`i Jeddah i Saudi-Arabia`); also a place the parser hung on the person
    the event is with (`møte med statsminister NAME i C`) or a `som holdes i C` hung on another noun. A planned
    or negated clause states no place (measured on eval/news/dev: taking planned places gains one fact and one
    error)."""
    for token in clause.nouns:  # (an event is a noun)
        event = event_key(clause, token)
        if event is None:
            continue
        verb = clause_verb(token)
        if _considered(token, verb):
            continue
        places = pp_objects(token, {"i", "på", "ved"})  # `protestleiren ved Repparfjorden`
        if verb != token and asserted(verb) and not _beside(token):
            places += pp_objects(verb, {"i", "på"})
            places += [p for c in verb.children if c.dep_ == "INFV" and c.pos_ == "VERB"  # `ble holdt på X`
                       for p in pp_objects(c, {"i", "på"})]
            places += misattached_places(clause, verb)
        places += _purpose_places(token, verb)
        for relative in (c for c in token.children if c.pos_ in {"VERB", "AUX"} and not is_negated(c)
                         and any(fold(g.text) == "som" for g in c.children)):
            places += pp_objects(relative, {"i", "på"})  # `møtet, som holdes i Tromsø`
        for key in place_keys(clause, places) + (_there(clause, verb) if verb != token else []):
            yield Found(event, "schema:location", key, "kg.location.v3", 0.8)
        for key in place_keys(clause, _partners_places(clause, token)):
            yield Found(event, "schema:location", key, "kg.location.partner.v1", 0.8)
    yield from _held_at(clause)
    yield from _done_at(clause)


def _beside(event: Token) -> bool:
    """`samlet seg på Torget i forbindelse med landsmøtet`, `ble intervjuet i Oslo etter møtet`, `demonstrerte
    i Bergen mot toppmøtet`: what a verb tells before, after, against or in connection with an event happened at
    its own place, which need not be the event's."""
    prep = event.head
    if event.dep_ != "PUTFYLL" or prep.pos_ != "ADP":
        return False
    return fold(prep.text) in {"etter", "før", "mot", "imot"} or fold(prep.text) == "med" and fold(
        prep.head.text) in {"forbindelse", "samband", "tilknytning", "tilknyting"}


def _considered(event: Token, verb: Token) -> bool:
    """`Høynivåmøte i Europa vurderes`, `planlegger et toppmøte i Bergen`: an event that is considered, planned or
    hoped for (lexicon `modals`) may never be held, at its place or any other."""
    return event.dep_ in {"SUBJ", "DOBJ"} and event.head == verb and fold(verb.lemma_) in lexicon()["modals"] \
        and verb.pos_ == "VERB"


def _done_at(clause: Clause) -> Iterator[Found]:
    """`Per Holm besøkte sykehusene i Bergen og Voss`, `Byrådet ble presentert i Oslo`: a verb that tells an event
    of a kind news name by a noun (lexicon `event_verbs`: the visit, the presentation) places the article's event
    of that kind, where the sentence names no event of its own; in the past only (`besøker` is often a plan)."""
    for verb in clause.tokens:
        noun = lexicon_pairs("event_verbs").get(fold(verb.lemma_))
        if noun is None or verb.pos_ != "VERB" or not asserted(verb) or "Pres" in morph(verb, "Tense") \
                or "Inf" in morph(verb, "VerbForm"):
            continue  # `Det er lov å demonstrere i C`: what one may do, not what was done
        if any(event_key(clause, t) for t in clause.tokens):
            continue  # the sentence names its event: `locations` reads it
        places = pp_objects(verb, {"i", "på"}) + misattached_places(clause, verb)
        objects = [o for c in verb.children if c.dep_ == "DOBJ" for o in conjuncts_of(c)]
        if noun == "besøk":  # `besøkte Moskva`: what one visits is where (not what one opens: `åpnet feltet`)
            places += [o for o in objects if clause.key_of(o, {GPE, PLACE})]
        places += [p for o in objects if not clause.named_at(o) for p in pp_objects(o, {"i", "på"})]
        keys = place_keys(clause, places)
        if keys:
            event = clause.article_event(noun)
            for key in keys:
                yield Found(event, "schema:location", key, "kg.location.verb.v1", 0.8)


# Verbs that say where an event is held (`som holdes i Tromsø`, `som vart skipa på Hamar`).
_HELD = frozenset({"holde", "avholde", "halde", "arrangere", "gjennomføre", "skipe"})


def _held_at(clause: Clause) -> Iterator[Found]:
    """`vertskap for ministermøtet i Barentsrådet, som holdes i Tromsø`: a relative clause that says where
    something is held is about the event before it, wherever the parser hung it (here on `vertskap`), unless it
    names what is held."""
    for verb in clause.tokens:
        if fold(verb.lemma_) not in _HELD:
            continue
        relative = next((c for c in verb.children if c.dep_ == "SBU" and fold(c.text) == "som"), None)
        if relative is None or is_negated(verb) or event_key(clause, verb.head):
            continue  # a relative clause on the event noun itself is read by `locations`
        if any(c.dep_ == "DOBJ" for c in verb.children):
            continue  # `Fiskarlaget, som holder landsmøte i Hamar`: what is held there is its object
        events = [k for t in verb.head.subtree if t.i < relative.i and (k := event_key(clause, t))]
        for key in place_keys(clause, pp_objects(verb, {"i", "på"})) if events else []:
            yield Found(events[-1], "schema:location", key, "kg.location.held.v1", 0.8)


def _purpose_places(event: Token, verb: Token) -> list[Token]:
    """`er kommet til Bergen for å være med på landsmøtet`, `var i Bergen for å delta på toppmøtet`: an event one
    takes part in (`på`, `i`) as the purpose of going to or being at a place was at that place."""
    marker = verb.head if verb.dep_ == "INFV" else None
    if marker is None or fold(marker.text) != "å" or fold(marker.head.text) != "for" or marker.head.head == marker.head:
        return []
    if fold(event.head.text) not in {"på", "i"} or event.head.head != verb:
        return []
    went = marker.head.head
    return pp_objects(went, {"i", "på", "til"}) if went.pos_ in {"VERB", "AUX"} and asserted(went) else []


def _there(clause: Clause, verb: Token) -> list[str]:
    """`dro til Bergen, der hun hadde samtaler med NAME`, `Dei samlast på Stord. Der skal styret halde møte`: a
    clause opened by `der` right after a place's name and a comma, or a sentence opened by `Der` right after one
    that ends in a place's name, is at that place (also what is to happen there)."""
    doc = verb.doc
    for there in (c for c in verb.children if fold(c.text) == "der" and c.dep_ in {"SBU", "ADV"}):
        if there.i - 2 >= clause.sent.start and doc[there.i - 1].text == ",":
            return place_keys(clause, [doc[there.i - 2]])
        if there.i == clause.sent.start and there.i > 0:
            before = doc[there.i - 1].sent
            last = max((t.i for t in before if not t.is_punct), default=-1)
            return [entity_key(n.kind, n.key) for n in named_mentions(before)
                    if n.kind in {GPE, PLACE} and n.end - 1 == last][-1:]
    return []


def place_keys(clause: Clause, places: list[Token]) -> list[str]:
    """The places among `places` and the places they are in (`i Jeddah i Saudi-Arabia`), also through rooms and
    buildings named by a common noun (`i kantina på sykehuset i Mosjøen`: Mosjøen), as entity keys."""
    places = places + [inner for place in places for inner in pp_objects(place, {"i"})]
    def rooms_in(tokens: list[Token]) -> list[Token]:  # rooms and buildings named by a common noun
        return [t for t in tokens if t.pos_ == "NOUN" and not clause.named_at(t) and not event_key(clause, t)]

    inside: list[Token] = []  # the towns and countries the rooms are in
    rooms = rooms_in(places)
    while rooms and len(inside) < 8:
        found = pp_objects(rooms.pop(), {"i", "på"})
        inside += found
        rooms += rooms_in(found)
    keys = [k for place in places if (k := clause.key_of(place, {GPE, PLACE}))]
    return list(dict.fromkeys(keys + [k for place in inside if (k := clause.key_of(place, {GPE}))]))


def _partners_places(clause: Clause, event: Token) -> list[Token]:
    """`møte med Tysklands statsminister NAME i C`, `samtalene mellom A og B i C`: a place hanging off a person
    the event is with is where the event was (the parser attaches `i C` to the nearest name)."""
    partners = [p for p in pp_objects(event, {"med", "mellom"}) if (n := clause.named_at(p)) and n.kind == PERSON]
    return [place for partner in partners for place in pp_objects(partner, {"i", "på"})]


def misattached_places(clause: Clause, verb: Token) -> list[Token]:
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
