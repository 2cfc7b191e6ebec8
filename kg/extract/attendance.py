"""Rules for who was at an event and who met whom: `kgo:attended` from verbs of taking part, sitting in, conducting,
entering or leaving an event (`X deltok i samtalene`, `førte samtaler med`, `gikk inn i møtet`), from the parties
`mellom` whom it took place, from a clause that happens at or in it (`sa Brekke på pressekonferansen`), from the
way into or out of it (`på vei inn til møtet`) and from a photo caption (`fotografert på landsmøtet`); `kgo:met`
between persons from verbs of meeting and talking (`A møtte B`, `A og B møttes`, `A snakket med B`) and from a
meeting one had (`A hadde møte med B`). A meeting named by its verb alone is an event of its own (`møte`), which
its sides attended and which took place where the verb says (`place_keys` and `misattached_places` of
`locations.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Token

from kg.extract.clause import (
    Clause,
    Found,
    actors_of,
    agents_of,
    asserted,
    clause_verb,
    conjuncts_deep,
    conjuncts_of,
    event_key,
    expecting,
    is_definite,
    objects_of,
    passive_participle,
    pp_objects,
)
from kg.extract.gazetteer import ends_with, fold, full_name, lexicon, lexicon_pairs, news_media, verb_in
from kg.extract.locations import misattached_places, place_keys
from kg.extract.nouns import is_event
from kg.extract.titles import title_word
from kg.extract.tokens import morph
from kg.types import ORGANIZATION, PERSON


def attendance(clause: Clause) -> Iterator[Found]:
    """`X deltok i samtalene`, `delegasjonene møttes til samtaler`: kgo:attended, with precision traps left out."""
    lex = lexicon()
    for verb in clause.verbs:
        if not asserted(verb):
            continue
        if ends_with(verb.lemma_, lex["attend_verbs"]) or verb_in(verb, lex["attend_verbs"]) or sits(verb):
            nouns = [t for t in verb.subtree if event_key(clause, t) and clause_verb(t) == verb
                     and not _before_or_after(t)] or _there(clause, verb)
        elif verb_in(verb, lex["conduct_verbs"]):  # `førte samtaler med`, `innledet forhandlinger`
            if fold(verb.lemma_) in {"holde", "halde"} and not _held(verb):
                continue
            nouns = [c for o in verb.children if o.dep_ == "DOBJ" for c in conjuncts_of(o) if event_key(clause, c)]
        else:
            nouns = _entered(clause, verb)
        events = [event_key(clause, t) for t in nouns]
        if not events:
            continue
        others = pp_objects(nouns[0], {"med"}) + (pp_objects(verb, {"med"}) if verb_in(
            verb, lex["conduct_verbs"]) else [])  # `sat i møte med NAME`: the other side was there too
        participants = []
        actors = actors_of(verb)
        actors += [c for m in verb.children if fold(m.text) == "med" and any(fold(a.text) == "sammen" for a in
                   m.children) for o in m.children if o.dep_ == "PUTFYLL" for c in conjuncts_of(o)]
        if fold(verb.text).endswith("s"):  # `møttes en svensk og finsk delegasjon`: reflexive, object position
            actors += [c for o in verb.children if o.dep_ == "DOBJ" for c in conjuncts_of(o)]
        followed = nouns[0].dep_ == "DOBJ" and nouns[0].head == verb  # `Avisa fulgte konferansen`: an outlet there
        for actor in actors + others:  # but not one that `fulgte NAME` (a person about, to report)
            participants += [] if is_outlet(clause, actor) and not followed else agents_of(clause, actor)
        for event in events[:1]:
            for agent in dict.fromkeys(participants):
                yield Found(agent, "kgo:attended", event, "kg.attended.v2", 0.8)
        if ends_with(nouns[0].lemma_, _MEETINGS) and not (  # `møter`: several meetings, not one together
                "Plur" in morph(nouns[0], "Number") and ends_with(nouns[0].lemma_, frozenset({"møte"}))):
            # `sat i møte med B`, `førte samtaler med B`, `A og B satte seg i møte`; not `A deltok sammen med B`
            people = [k for s in actors_of(verb) if (k := clause.key_of(s, {PERSON}))]
            met = [k for o in others if (k := clause.key_of(o, {PERSON}))]
            if met or sits(verb) or _in_session(verb, nouns[0]):
                for a, b in _meeting_pairs(people, met):
                    yield Found(a, "kgo:met", b, "kg.met.sat.v1", 0.75)
    yield from _parties_between(clause)
    yield from _present_at(clause)
    yield from _elected_at(clause)
    yield from _captioned(clause)
    yield from _on_the_way(clause)


_TIME_PREPS = frozenset({"etter", "før", "forkant", "etterkant", "framfor", "fremfor", "inntil", "forbindelse",
                         "samband"})


def _held(verb: Token) -> bool:
    """`holdt en pressekonferanse`, `har halde møte`, `holder nå en pressekonferanse`: held, or being held now; not
    `På mandag holder KrF landsstyremøte` (a programme)."""
    return "Past" in morph(verb, "Tense") or "Part" in morph(verb, "VerbForm") or any(
        fold(c.text) in {"nå", "no"} for c in verb.children)


def _before_or_after(noun: Token) -> bool:
    """`kom etter møtet fram til`, `i forkant av møtet`, `stiller til intervju etter møta`: an event that only
    says when something else happened (the preposition, or `forkant`/`etterkant` it hangs on); `samlet seg på
    torget i forbindelse med landsmøtet`: one it only relates to (protesters outside)."""
    prep = noun.head
    if prep.pos_ != "ADP" or noun.dep_ != "PUTFYLL":
        return False
    return fold(prep.text) in _TIME_PREPS or fold(prep.head.lemma_) in _TIME_PREPS


def _there(clause: Clause, verb: Token) -> list[Token]:
    """`møtet kom i gang i Riyadh, der A og B satt ved bordet`, `... A og B deltok der`: `der` points back to the
    event named just before, in the clause a relative `der` hangs on, or else in the sentence before (in the same
    paragraph)."""
    there = next((c for c in verb.children if fold(c.text) == "der"), None)
    if there is None or "Pres" in morph(verb, "Tense"):
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
    """`var med i protestleiren`, `gikk inn i møtet`, `har gått i meklingen`, `gjekk frå møtet`, `brøt
    forhandlingene`, `forlot møtet`, `være med på tirsdagens demonstrasjon`: being part of, going into, leaving or
    breaking off a known event (definite, or with a genitive before it)."""
    lemma = fold(verb.lemma_)
    if lemma in {"være", "vere"}:
        med = next((c for c in verb.children if fold(c.text) == "med"), None)
        if med is None:  # `er nå i møte med NAME`, `var i forhandlinger`: in the middle of an event
            return [o for o in pp_objects(verb, {"i"}) if event_key(clause, o)]
        holders = [med, verb]  # `er med i protestleiren`: the parse hangs `i` on either
        preps = {"i", "på"}
    elif lemma == "gå":
        inn = [c for c in verb.children if fold(c.text) == "inn"]
        holders = [verb] + inn  # `gikk (inn) i møtet`: the parse hangs `i` on the verb or on `inn`
        preps = {"fra", "frå", "i"}
    elif lemma in {"bryte", "forlate", "forlata"}:  # `brøt forhandlingene med B`, `forlot møtet`: left it
        return [c for o in verb.children if o.dep_ == "DOBJ" for c in conjuncts_of(o)
                if is_specific(c) and event_key(clause, c)]
    else:
        return []
    return [o for h in holders for o in pp_objects(h, preps) if is_specific(o) and event_key(clause, o)]


def sits(verb: Token) -> bool:
    """`satt i en arbeidsmiddag`, `satte seg i møte`: `satt`/`sat` (which the lemmatizer gives as `sette`) and
    the reflexive `sette seg` are sitting at an event."""
    return fold(verb.lemma_) in {"sette", "setje"} and (
        fold(verb.text) in {"satt", "sat"} or any(fold(c.text) == "seg" for c in verb.children))


def _in_session(verb: Token, noun: Token) -> bool:
    """`A og B var i møte mandag`: `være i` a bare singular `møte` (no article, no owner) is being in a meeting
    together."""
    return fold(verb.lemma_) in {"være", "vere"} and fold(noun.head.text) == "i" and noun.head.head == verb and \
        "Plur" not in morph(noun, "Number") and not any(c.dep_ == "DET" for c in noun.children)


def _parties_between(clause: Clause) -> Iterator[Found]:
    """`meklingen mellom SAS og pilotene`, `samtalene mellom Ukraina og USA`: the parties between whom a
    definite event took place attended it."""
    for token in clause.nouns:
        if token.pos_ != "NOUN" or not is_definite(token) or (event := event_key(clause, token)) is None \
                or not asserted(clause_verb(token)):
            continue  # `plattformer for samtaler mellom A og B`: talks in general, not an event (only a noun is one)
        for obj in (c for first in pp_objects(token, {"mellom"}) for c in _with_other_side(conjuncts_deep(first))):
            for agent in agents_of(clause, obj):
                yield Found(agent, "kgo:attended", event, "kg.attended.between.v2", 0.7)
        if token.dep_ == "SUBJ" and token.head.pos_ in {"VERB", "AUX"}:
            for agent in _parties_in_clause(clause, token.head):
                yield Found(agent, "kgo:attended", event, "kg.attended.between.clause.v1", 0.7)


def _with_other_side(parties: list[Token]) -> list[Token]:
    """The parties of `mellom A og B på arbeidsgivarsida og C, D og E på arbeidstakarsida`, where the parse hangs
    the other side's parties on the first side's noun (`-sida`, `-siden`): those too."""
    found = list(parties)
    for party in parties:
        for side in pp_objects(party, {"på"}):
            if _side(side):
                found += [c for c in conjuncts_deep(side) if c is not side and c not in found]
    return found


def _side(noun: Token) -> bool:
    """A noun for one side of a negotiation (`arbeidsgivarsida`, `arbeidstakersiden`; not `nettsiden`)."""
    word = fold(noun.text)
    return word.endswith(("siden", "sida", "sidene")) and word.startswith(_SIDES)


_SIDES = ("arbeidsgiver", "arbeidsgivar", "arbeidsgjevar", "arbeidstaker", "arbeidstakar", "motpart")


def _parties_in_clause(clause: Clause, verb: Token) -> list[str]:
    """`Meklinga braut mellom A og B saman`, `Meklingen endte uten enighet mellom A og B`: the parties of an event
    that is the subject, named by `mellom` on its verb or on the noun of its outcome (after `uten`, `med`), with
    the other side's where the sides are named (`mellom A og B på arbeidsgivarsida og C og D på
    arbeidstakarsida`); a party named by its people (`pilotene i A og B`) is their organisation."""
    firsts = pp_objects(verb, {"mellom"}) + [
        f for outcome in pp_objects(verb, {"uten", "utan", "med"}) for f in pp_objects(outcome, {"mellom"})]
    parties = []
    for party in (c for first in firsts for c in _with_other_side(conjuncts_deep(first))):
        parties += agents_of(clause, party) or [
            a for o in pp_objects(party, {"i"}) for c in conjuncts_deep(o) for a in agents_of(clause, c)]
    sides = [s for s in pp_objects(verb, {"på"}) if _side(s)] if firsts else []  # `på arbeidsgivarsida og C, D`
    for party in (c for side in sides for c in conjuncts_deep(side) if c is not side):  # hung on the verb too
        parties += agents_of(clause, party)
    return parties


def _present_at(clause: Clause) -> Iterator[Found]:
    """`sa Brekke på pressekonferansen`, `fekk beskjed under møtet`: a person whose clause happens at an event
    (`på`/`under`/`ved` a definite event noun) attended it, and one who spoke right before or after it (`sa
    Brekke etter møtet`); `I meklinga stod A saman med B`: the subject of a
    clause put in an event (and those it was there together with), a person or not, took part in it."""
    for verb in clause.verbs:
        if not asserted(verb) or expecting(verb):
            continue  # `vil eg i møtet ta opp`: the modal's adverbials are of what it plans
        inside = [k for o in pp_objects(verb, {"i"}) if o.i < verb.i and is_specific(o) and (k := event_key(clause, o))]
        for event in inside[:1]:
            for actor in actors_of(verb) + _together_with(verb):
                for key in agents_of(clause, actor):
                    yield Found(key, "kgo:attended", event, "kg.attended.inside.v1", 0.7)
        events = [k for p in verb.children if fold(p.text) in {"på", "under", "ved"}
                  for o in p.children if o.dep_ == "PUTFYLL" and (k := event_key(clause, o)) and (
                      is_specific(o) or _one_occasion(o) and verb_in(verb, lexicon()["speech_verbs"]))]
        # (`sa NAME på en pressekonferanse`: the one occasion a speaker was at)
        if verb_in(verb, lexicon()["speech_verbs"]) and "Past" in morph(verb, "Tense"):
            events += [k for o in pp_objects(verb, {"etter", "før"}) if is_definite(o) and "Plur" not in morph(
                o, "Number") and (k := event_key(clause, o))]  # `sa NAME etter møtet`, `før møtet`: out of it, into it
        brought = _brought(verb)  # `har hatt med seg NAME`, `tok med seg X til sonderingene`
        events += [k for o in brought for t in pp_objects(o, {"til"}) if is_specific(t) and (k := event_key(clause, t))]
        events += [k for o in speeches(verb) for t in pp_objects(o, {"på", "under", "ved"}) if is_specific(t)
                   and (k := event_key(clause, t))]  # `holdt åpningstalen på landsmøtet`
        for event in events[:1]:
            for subject in actors_of(verb) + [c for o in brought for c in conjuncts_of(o)]:
                if key := clause.key_of(subject, {PERSON}):
                    yield Found(key, "kgo:attended", event, "kg.attended.present.v2", 0.7)


_ELECT_VERBS = frozenset(v for v, kind in lexicon_pairs("role_verbs").items() if kind == "elected")


def _elected_at(clause: Clause) -> Iterator[Found]:
    """`NAME ble valgt til ny leder på landsmøtet`, `Idrettstinget valgte NAME til president`: one elected at a
    gathering (in the passive, `på`/`under` a specific event noun anywhere in the clause: the parse often hangs it
    on the post) or by it (the gathering the subject of the active verb) was at it."""
    for verb in clause.verbs:
        if not asserted(verb) or not verb_in(verb, _ELECT_VERBS):
            continue
        if passive_participle(verb):
            chosen = actors_of(verb)
            events = [k for p in verb.subtree if fold(p.text) in {"på", "under"} and (  # (a post parsed as a verb)
                (head := clause_verb(p)) == verb or head.head == verb and title_word(head)) for o in p.children
                if o.dep_ == "PUTFYLL" and is_specific(o) and (k := event_key(clause, o))]
        else:  # `Landsmøtet valgte NAME`: the object, or the second subject the parse took it for
            events = [k for c in verb.children if c.dep_ in {"SUBJ", "FSPRED"} and c.i < verb.i and is_specific(c)
                      and (k := event_key(clause, c))]
            chosen = objects_of(verb, bool(events))
        for event in events[:1]:
            for person in (c for t in chosen for c in conjuncts_of(t)):
                if key := clause.key_of(person, {PERSON}):
                    yield Found(key, "kgo:attended", event, "kg.attended.elected.v1", 0.7)


def _together_with(verb: Token) -> list[Token]:
    """`sammen med NAME` / `saman med NAME` on a verb: those the subject did it together with."""
    return [c for m in verb.children if fold(m.text) == "med" and any(
        fold(a.text) in {"sammen", "saman"} for a in m.children) for o in m.children if o.dep_ == "PUTFYLL"
        for c in conjuncts_of(o)]


def _captioned(clause: Clause) -> Iterator[Found]:
    """`NAME, Sp-leiar, fotografert på landsmøtet fredag`, `A, B og C, avbildet på pressekonferansen`: a photo
    caption puts the people it names at the definite event they were photographed at."""
    for verb in clause.tokens:
        if verb.dep_ != "ATR" or "Part" not in morph(verb, "VerbForm") or fold(verb.lemma_) not in lexicon()[
                "photo_verbs"]:
            continue
        events = [k for o in pp_objects(verb, {"på", "under", "ved"}) if is_specific(o) and (k := event_key(clause, o))]
        first = verb.head
        while first.dep_ == "KOORD" and first.head != first:
            first = first.head
        for event in events[:1]:
            for person in conjuncts_deep(first):
                if key := clause.key_of(person, {PERSON}):
                    yield Found(key, "kgo:attended", event, "kg.attended.caption.v1", 0.7)


_WAYS = {"inn": {"til", "i", "på"}, "ut": {"fra", "frå", "av"}}


def _on_the_way(clause: Clause) -> Iterator[Found]:
    """`sa NAME på vei inn til møtet`, `NAME på vei inn til landsmøtet` (a caption), `på vei ut fra møtet stanset
    NAME`: one on the way into or out of an event was at it."""
    for way in clause.tokens:
        if fold(way.lemma_) not in {"vei", "veg"} or fold(way.head.text) != "på" or way.dep_ != "PUTFYLL":
            continue
        events = [k for d in way.children if fold(d.text) in _WAYS for p in d.subtree if fold(p.text) in _WAYS[
            fold(d.text)] for o in p.children if o.dep_ == "PUTFYLL" and (k := event_key(clause, o))]
        holder = way.head.head
        if holder.pos_ in {"VERB", "AUX"}:
            if not asserted(holder):
                continue
            people = actors_of(holder)
        else:
            people = conjuncts_of(holder)
        for event in events[:1]:
            for person in people:
                if key := clause.key_of(person, {PERSON}):
                    yield Found(key, "kgo:attended", event, "kg.attended.way.v1", 0.7)


def speeches(verb: Token) -> list[Token]:
    """The speech one holds (`holdt talen`, `heldt innleiinga`): the object of `holde` that is a speech noun."""
    if fold(verb.lemma_) not in {"holde", "halde"}:
        return []
    return [c for c in verb.children if c.dep_ == "DOBJ" and is_speech(c)]


def is_speech(noun: Token) -> bool:
    """A noun of a speech held at an occasion (lexicon `speech_nouns`: `talen`, `appell`, `innlegget`), also where
    the lemmatizer broke it (`åpningstalen` -> `åpningstal`): by its lemma, or its form less a definite ending."""
    speech, text = lexicon()["speech_nouns"], fold(noun.text)
    return fold(noun.lemma_) in speech or any(text.endswith(e) and text[:-len(e)] in speech
                                              for e in ("en", "et", "a", "n", "t"))


def _brought(verb: Token) -> list[Token]:
    """The objects of `ha med seg` / `ta med seg`: those a person brought along."""
    if fold(verb.lemma_) not in {"ha", "ta"} or not any(
            fold(m.text) == "med" and any(fold(c.text) == "seg" for c in m.children) for m in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "DOBJ"]


def is_specific(noun: Token) -> bool:
    """A noun for one known occasion: definite (`møtet`) or with a genitive before it (`tirsdagens høring`,
    `KrFs landsmøte`)."""
    return is_definite(noun) or any(c.dep_ == "DET" and c.i < noun.i and (
        "Gen" in morph(c, "Case") or (c.pos_ in {"PROPN", "NOUN"} and c.text.endswith("s"))) for c in noun.children)


def _one_occasion(noun: Token) -> bool:
    """A singular noun with an indefinite article (`en pressekonferanse`, `eit møte`): one occasion, not any."""
    return "Plur" not in morph(noun, "Number") and any(
        c.dep_ == "DET" and fold(c.text) in {"en", "ei", "et", "ein", "eit"} for c in noun.children)


def meetings(clause: Clause) -> Iterator[Found]:
    """`A møtte B`, `A tok imot B`, `A og B møttes`: kgo:met between persons."""
    yield from _spoke_with(clause)
    for verb in clause.verbs:  # (each reading below is of a verb)
        pos = verb.pos_
        reciprocal = pos == "VERB" and (verb_in(verb, lexicon()["reciprocal_meet_verbs"]) or (
            fold(verb.text).endswith("s") and verb_in(verb, lexicon()["meet_verbs"])))  # `møttes` lemmatised `møte`
        if reciprocal and asserted(verb):
            people = list(dict.fromkeys(k for s in actors_of(verb) for k in clause.keys_of(s, {PERSON})))
            for i, a in enumerate(people):
                for b in people[i + 1:]:
                    yield Found(a, "kgo:met", b, "kg.met.v3", 0.8)
            agents = [k for s in actors_of(verb) if not _dateline(s) for k in agents_of(clause, s)]
            if any(is_event(t) for t in clause.tokens):
                continue
            if len(set(agents)) > 1:  # `A og B møttes i Tromsø`
                yield from _the_meeting(clause, set(agents), verb)
            elif any(s.pos_ == "NOUN" and "Plur" in morph(s, "Number") for s in actors_of(verb)):
                yield from _the_meeting(clause, set(), verb)  # `Partene møttes i Bergen`: named elsewhere
            continue
        if meeting := _meeting_noun(verb):
            yield from _had_a_meeting(clause, verb, meeting)
            continue
        if pos != "VERB" or not verb_in(verb, lexicon()["meet_verbs"]) or not asserted(verb):
            continue
        if passive_participle(verb):  # `NAME ble tatt imot av A og B`: the one received met each
            received = [k for s in actors_of(verb) for k in clause.keys_of(s, {PERSON})]  # (`de`: both)
            hosts = [k for o in pp_objects(verb, {"av"}) if (k := clause.key_of(o, {PERSON}))]
            for a, b in ((a, b) for a in received for b in hosts if a != b):
                yield Found(a, "kgo:met", b, "kg.met.passive.v1", 0.8)
            continue
        if any(is_outlet(clause, t) for t in actors_of(verb) + [c for c in verb.children if c.dep_ in {
                "DOBJ", "SUBJ"}]):
            continue  # `Da VG møtte NAME`, `NAME møter NRK i Washington`: an interview, not a meeting
        subjects = [s for s in actors_of(verb) if s.i < verb.i and not _dateline(s)]
        inverted = not subjects  # `Der møtte hun lederne`: an adverbial first, the subject after the verb
        after = [o for o in verb.children if o.i > verb.i and (o.dep_ == "SUBJ" or (
            o.dep_ == "DOBJ" and inverted and any(_dateline(s) for s in actors_of(verb))))]
        subjects = subjects or after[:1]  # `ÅLESUND (VG) Tirsdag møtte A B`: the parser took the dateline for A
        # V2 order: a second "subject" after the verb of `A møtte B` is the object the parser mislabelled.
        objects = [c for o in verb.children if (o.dep_ == "DOBJ" and o not in subjects) or (
            o.dep_ == "SUBJ" and o.i > verb.i and o not in subjects and (subjects or inverted))
            for c in conjuncts_of(o)]
        objects += pp_objects(verb, _PARTICLES)  # `tok imot NAME`: the particle is parsed as a preposition
        sides = [[k for t in subjects for k in agents_of(clause, t)],
                 [k for t in objects if _may_be_met(clause, t) for k in agents_of(clause, t)]]
        people = [[k for t in side for k in clause.keys_of(t, {PERSON})] for side in (subjects, objects)]
        for a, b in ((a, b) for a in people[0] for b in people[1] if a != b):
            yield Found(a, "kgo:met", b, "kg.met.v3", 0.8)
        plural = any(o.pos_ == "NOUN" and "Plur" in morph(o, "Number") for o in objects)  # `møtte motstandere`
        if sides[0] and (sides[1] or plural) and not any(is_event(t) for t in clause.tokens):
            # `aksjonsgruppa møtte statsministeren`: each side of the meeting attended it
            yield from _the_meeting(clause, set(sides[0] + sides[1]) - (set(sides[0]) & set(sides[1])), verb)


def _may_be_met(clause: Clause, token: Token) -> bool:
    """Whether an object of a verb of meeting names whom one met: a name, a pronoun, a person's title, a group in
    the plural, a delegation or an organisation; not a thing received (`mottar prisen for X`: no meeting with X)."""
    if token.pos_ != "NOUN" or clause.named_at(token) or "Plur" in morph(token, "Number"):
        return True
    lex = lexicon()
    return bool(title_word(token)) or any(ends_with(token.lemma_, lex[words]) for words in (
        "delegation_nouns", "organisation_nouns", "organ_nouns"))


def _spoke_with(clause: Clause) -> Iterator[Found]:
    """`A snakket med B`, `for å snakke ansikt til ansikt med B`: a person who talked with another met her (a call
    too, which the gold takes as a meeting it may leave out); no event of theirs is named by it."""
    for verb in clause.verbs:
        if verb.pos_ != "VERB" or not verb_in(verb, lexicon()["talk_verbs"]) or not asserted(verb):
            continue
        holders = [verb] + [t for t in verb.subtree if fold(t.lemma_) == "ansikt" and clause_verb(t) == verb]
        others = [k for h in holders for o in pp_objects(h, {"med"}) if (k := clause.key_of(o, {PERSON}))]
        subjects = actors_of(verb)
        if not subjects and fold(verb.head.text) == "å" and fold(verb.head.head.text) == "for":
            subjects = actors_of(verb.head.head.head)  # `besøkte han Moskva for å snakke med B`: his purpose
        people = [k for s in subjects if (k := clause.key_of(s, {PERSON}))]
        for a, b in _meeting_pairs(people, others) if others else []:
            yield Found(a, "kgo:met", b, "kg.met.talked.v1", 0.7)


def is_outlet(clause: Clause, token: Token) -> bool:
    """A news outlet by its name (`NRK`, `VG`, `Reuters`, `Solvik Avis`: media.yaml, lexicon `news_agencies`
    and a name ending in one of `outlet_words`)."""
    named = clause.named_at(token)
    if named is None or named.kind != ORGANIZATION:
        return False
    names = {fold(named.name), fold(full_name(named.name) or named.name)}
    return bool(names & _outlets()) or any(" " in n and n.rsplit(" ", 1)[1] in lexicon()["outlet_words"]
                                           for n in names)


@cache
def _outlets() -> frozenset[str]:
    """The folded names of the news media (media.yaml) and agencies (lexicon `news_agencies`)."""
    return news_media() | frozenset(lexicon()["news_agencies"])


def _dateline(token: Token) -> bool:
    """`ÅLESUND (VG) Tirsdag møtte ...`: the place of a dateline, which the parser takes for a subject."""
    doc = token.doc
    return token.is_sent_start and token.is_upper and token.i + 1 < len(doc) and doc[token.i + 1].text == "("


def _the_meeting(clause: Clause, people: set[str], verb: Token) -> Iterator[Found]:
    """`A møtte B i Beijing` with no event named in the sentence: they attended their meeting (`møte`), which
    was where the verb says."""
    event = clause.article_event("møte")
    for person in sorted(people):
        yield Found(person, "kgo:attended", event, "kg.attended.meeting.v2", 0.6)
    for key in place_keys(clause, pp_objects(verb, {"i", "på"}) + misattached_places(clause, verb)):
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
    held = lemma in {"holde", "halde"} and ("Past" in morph(verb, "Tense") or (
        verb.dep_ == "INFV" and fold(verb.head.lemma_) == "ha"))
    if (lemma != "ha" and not held) or verb.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in verb.children if c.dep_ == "DOBJ" and c.pos_ == "NOUN"
                 and ends_with(c.lemma_, _TALKS)), None)


def _purpose(verb: Token) -> bool:
    """`var i Oslo for å ha møter med B`: the verb is the purpose of a stay (`for å`), whose programme it tells."""
    return fold(verb.head.text) == "å" and fold(verb.head.head.text) == "for"


def _had_a_meeting(clause: Clause, verb: Token, meeting: Token) -> Iterator[Found]:
    """`A hadde møte med B` (A met B), `A og B hadde et kort møte` (they met each other); the sides attended the
    meeting where it was held or is going on (`hadde`, `har hatt`, `har nå møte med`), not at a routine's or a
    programme's (`Som eier har departementet eiermøte med NAME`)."""
    if not asserted(verb):
        return
    stay = verb.head.head.head if _purpose(verb) else None  # `var i X for å ha møter med B`: who stayed met B
    subjects = actors_of(verb) or (actors_of(stay) if stay is not None and asserted(stay) and fold(
        stay.lemma_) not in lexicon()["modals"] else [])  # not a stay to come (`skal til X for å ha møter`)
    people = list(dict.fromkeys(k for s in subjects if (k := clause.key_of(s, {PERSON}))))
    others = [k for o in pp_objects(meeting, {"med"}) + pp_objects(verb, {"med"})
              if (k := clause.key_of(o, {PERSON}))]
    for a, b in _meeting_pairs(people, others):
        yield Found(a, "kgo:met", b, "kg.met.v3", 0.75)
    if "Plur" in morph(meeting, "Number") and ends_with(meeting.lemma_, frozenset({"møte"})) and not _purpose(verb):
        return  # `har hatt to møter med B`, `har en rekke møter med`: several meetings, none the article's one
    if "Pres" in morph(verb, "Tense") and not any(fold(c.text) in {"nå", "no"} or fold(c.text) == "i" and any(
            fold(d.text) == "dag" for d in c.children) for c in verb.children):
        return  # `Som eier har departementet eiermøte med NAME`: a routine or a programme (not `har nå møte med`)
    if (event := event_key(clause, meeting)) is not None:  # `Sp hadde gruppemøte`: a party attends as well
        hosts = [k for s in subjects for k in agents_of(clause, s)]
        for agent in dict.fromkeys(hosts + others):
            yield Found(agent, "kgo:attended", event, "kg.attended.meeting.v2", 0.75)
