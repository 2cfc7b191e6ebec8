"""Presence at an occasion the sentence may not name: one present or speaking (`var til stede`, `tok ordet`, `fra
talerstolen`, `i salen`) was at the occasion the article named last (`Clause.context_event`, kept by kg.extract
from `specific_events`); those among the ones present or the participants (`Blant dem som var til stede, var
NAME`); one present at the occasion a `da` clause names (`var til stede da åpningen fant sted`); the host of an
event (`var vertskap for møtet`). A rule of `RULES` right after `attendance`."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.attendance import is_specific, is_speech, sits, speeches
from kg.extract.clause import (
    Clause,
    Found,
    actors_of,
    agents_of,
    asserted,
    conjuncts_of,
    event_key,
    is_definite,
    pp_objects,
)
from kg.extract.gazetteer import fold, lexicon, lexicon_pairs, verb_in
from kg.extract.tokens import morph
from kg.types import PERSON


def presence(clause: Clause) -> Iterator[Found]:
    """kgo:attended from presence or speech at the article's occasion, and from hosting an event."""
    yield from _present_then(clause)
    yield from _hosted(clause)


_HOSTS = frozenset({"vertskap", "vertskapet", "vert", "verten", "vertinne", "vertinna", "vertinnen"})


def _hosted(clause: Clause) -> Iterator[Found]:
    """`Kari Lie var vertskap for møtet`, `Finland var vert for det trilaterale møtet`: the host of an event
    attended it (the tagger may read Nynorsk `vert` as a verb: the word and its `for` with an event decide).
    Only in the past: `er vertskap for møtet` is as often a meeting to come."""
    for token in clause.tokens:
        if token.lower_[:4] != "vert" or fold(token.text) not in _HOSTS:
            continue
        events = [k for o in pp_objects(token, {"for"}) if (k := event_key(clause, o))]
        verb = token.head
        if not events or fold(verb.lemma_) not in {"være", "vere"} or "Past" not in morph(verb, "Tense") \
                or not asserted(verb):
            continue
        for subject in actors_of(verb):
            for key in agents_of(clause, subject):
                yield Found(key, "kgo:attended", events[0], "kg.attended.host.v1", 0.7)


def specific_events(clause: Clause) -> list[str]:
    """The keys of the known occasions a sentence names (definite or with a genitive: `møtet`, `KrFs landsmøte`),
    in order: what a later sentence's `var til stede` or `tok ordet` is about (`Clause.context_event`). An
    election (`valget`) is held at a meeting, not one to be present at."""
    elections = lexicon()["definite_event_nouns"]
    return [k for t in clause.nouns if t.pos_ == "NOUN" and (k := event_key(clause, t)) and is_specific(t)
            and fold(t.lemma_) not in elections]


def _present_then(clause: Clause) -> Iterator[Found]:
    """`NAME var også til stede`, `NAME tok ordet`, `sa NAME fra talerstolen`, `NAME holdt appell`: a person
    present or speaking, where the sentence names no occasion, was at the one the article named last before
    it (`Clause.context_event`); nobody where the article has named none."""
    for verb in clause.verbs:
        if clause.context_event is None and fold(verb.lemma_) not in {
                "være", "vere"} or not asserted(verb):
            continue
        among = _among_those_present(clause, verb)  # `Blant dem som var til stede, var NAME`
        if among is None and not _present_or_speaking(verb):
            continue
        if among is None and (when := _when(clause, verb)):  # `var til stede da åpningen fant sted`
            for subject in actors_of(verb):
                for key in agents_of(clause, subject):
                    yield Found(key, "kgo:attended", when, "kg.attended.when.v1", 0.6)
            continue
        event = among or clause.context_event
        if event is None or among is None and any(event_key(clause, t) for t in verb.subtree):
            continue  # an occasion of its own in the clause: the other rules read it
        for subject in actors_of(verb):
            if key := clause.key_of(subject, {PERSON}):
                yield Found(key, "kgo:attended", event, "kg.attended.context.v1", 0.6)


def _when(clause: Clause, verb: Token) -> str | None:
    """The occasion a `da` clause on a verb of presence names (`var til stede da åpningen fant sted`), or an
    occasion its verb tells of (`da Hydro åpnet anlegget`: the opening, lexicon `occasion_verbs`)."""
    for when in (c for c in verb.children if c.pos_ in {"VERB", "AUX"} and any(
            s.dep_ == "SBU" and fold(s.text) in {"da", "då"} for s in c.children)):
        if events := [k for t in when.subtree if (k := event_key(clause, t))]:
            return events[0]
        if noun := lexicon_pairs("occasion_verbs").get(fold(when.lemma_)):
            return clause.article_event(noun)
    return None


def _among_those_present(clause: Clause, verb: Token) -> str | None:
    """`Blant dem som også var til stede, var NAME`, `Blant dem som satt i salen, var NAME`, `Blant deltakerne på
    møtet var NAME`: the occasion those named after `var` were at (the one the phrase names, else the article's
    last), or None where the verb says nothing of the kind."""
    if fold(verb.lemma_) not in {"være", "vere"}:
        return None
    lex = lexicon()
    for among in pp_objects(verb, {"blant"}):
        own = [k for t in among.subtree if t.pos_ == "NOUN" and is_specific(t) and (k := event_key(clause, t))]
        if fold(among.lemma_).startswith(("deltaker", "deltakar", "gjest")):  # `blant de 300 gjestene`
            return (own or [clause.context_event])[0]
        for rel in (c for c in among.children if any(fold(s.text) == "som" for s in c.children)):
            if rel.pos_ in {"VERB", "AUX"} and (_present_or_speaking(rel) or sits(rel) or fold(rel.lemma_) in {
                    "sitte", "sitje"} or verb_in(rel, lex["attend_verbs"])):
                return (own or [clause.context_event])[0]
    return None


_HALLS = ("sal", "scene")


def _present_or_speaking(verb: Token) -> bool:
    """`være til stede`/`vere til stades`, `var på plass`, `ta ordet`, anything said `fra`/`på`/`ved
    talerstolen`, `holde appell`/`tale`, or said `i innlegget sitt`."""
    lemma = fold(verb.lemma_)
    children = list(verb.children)
    if lemma in {"være", "vere"} and any(
            fold(c.text) == "til" and any(fold(o.text) in {"stede", "stades"} for o in c.children)
            or fold(c.text) == "tilstede" for c in children):
        return True
    if lemma in {"være", "vere"} and any(fold(o.text) == "plass" for o in pp_objects(verb, {"på"})):
        return True  # `var på plass`
    if lemma in {"være", "vere", "sitte", "sitje", "stå"} and any(
            fold(o.lemma_).endswith(_HALLS) for o in pp_objects(verb, {"i", "på"})):
        return True  # `var selv i bystyresalen`, `sto på scenen`
    if lemma in {"sitte", "sitje"} and any(fold(o.lemma_) == "bord" for o in pp_objects(verb, {"ved", "rundt"})):
        return True  # `Ved dette bordet sitter A og B`
    if lemma == "ta" and any(c.dep_ == "DOBJ" and fold(c.text) == "ordet" for c in children):
        return True
    if lemma == "delta" and "Past" in morph(verb, "Tense") and not any(
            c.pos_ == "ADP" and fold(c.text) in {"i", "på", "under", "ved", "til"} or c.dep_ == "DOBJ"
            for c in children):
        return True  # `Også NAME deltok.`, `Fra norsk side deltok NAME`: took part in what the article told of
    if speeches(verb):  # `holdt appell`, `heldt innleiinga`
        return True
    if any(fold(c.text) in {"fra", "frå", "på", "ved"} and any(
            fold(o.lemma_).endswith("talerstol") for p in c.children if p.dep_ == "PUTFYLL" for o in conjuncts_of(p))
           for c in children):
        return True
    return verb_in(verb, lexicon()["speech_verbs"]) and lemma != "skrive" and any(  # `skrev i et innlegg på
        is_speech(o) and is_definite(o) for o in pp_objects(verb, {"i"}))  # Facebook`: a post
