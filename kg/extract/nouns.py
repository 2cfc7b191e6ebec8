"""Common nouns that stand for the entities without a proper name, and whose they are: an event noun (`is_event`,
`event_lemma`: `samtalene`, `G20-møtet`, the press met, the definite election), another occasion than the one
reported (`is_other_time`) and the number of a round (`ordinal_round`); a delegation noun (`is_delegation`); and
the countries or organisations a noun's modifiers name (`country_modifiers`: `svenske`, `Sveriges`; with
`adjective_country` and `name_word_before`, which `clause.py` and `titles.py` read too)."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from kg.extract.gazetteer import countries, country_of_adjective, ends_with, fold, lexicon
from kg.extract.names import Named
from kg.types import GPE, ORGANIZATION


def is_delegation(token: Token) -> bool:
    """A noun that denotes a delegation (`delegasjonen`, `forhandlingsdelegasjon`)."""
    return token.pos_ == "NOUN" and _delegation_word(token.lemma_)


@lru_cache(maxsize=1 << 14)
def _delegation_word(lemma: str) -> bool:
    """`is_delegation` by the lemma alone (asked for every noun by several rules: kept)."""
    return ends_with(lemma, lexicon()["delegation_nouns"])


def is_event(token: Token) -> bool:
    """A noun that denotes an event such as talks, negotiations, a meeting or a round of talks."""
    return event_lemma(token) is not None


def event_lemma(token: Token) -> str | None:
    """The lemma of an event noun, also where the lemmatizer broke it (`G20-møtet` -> `G20-møt`, `landsmøtet` ->
    `landsmøt`: the form less its ending); `pressekonferanse` for the press met (`møtte pressen`), `valg` for the
    election in the definite only (`valget`); None for any other token."""
    if token.pos_ != "NOUN":
        return None
    lex, lemma = lexicon(), token.lemma_
    word = fold(lemma)
    if word in lex["press_nouns"] and token.dep_ == "DOBJ" and token.head.pos_ == "VERB" \
            and fold(token.head.lemma_) == "møte":
        return "pressekonferanse"  # `møtte pressen`: held a press conference
    if word in lex["definite_event_nouns"]:
        if fold(token.head.lemma_) == "falle":
            return None  # `valget falt på Solvik`: a choice made, no election
        return lemma if "Definite=Def" in str(token.morph) else None  # `valget`, not `et annet valg`
    return _event_word(lemma, token.text)


@lru_cache(maxsize=1 << 14)
def _event_word(lemma: str, text: str) -> str | None:
    """The event lemma of a noun by its lemma and form alone (asked for every noun by several rules: kept). A
    capitalised `Kongressen` is the American legislature, not a congress held."""
    lex = lexicon()
    if text[:1].isupper() and fold(text).startswith("kongress"):
        return None
    nouns = lex["event_nouns"]
    if ends_with(lemma, nouns):
        if fold(lemma) not in nouns and ends_with(lemma, lex["non_event_nouns"]):
            return None  # `forsamlingen`: an assembly, a body
        return lemma
    stem = next((stem for e in ("ene", "ane", "et", "en", "a", "t", "n") if text.endswith(e)
                 and ends_with(stem := text[:-len(e)], nouns)), None)
    if stem is None or ends_with(stem, lex["non_event_nouns"]) and fold(stem).rsplit("-", 1)[-1] not in nouns:
        return None
    return stem


def name_word_before(token: Token) -> Token | None:
    """The capitalised word right before a noun with a capitalised name before its hyphen, when that word begins
    the name (`Norsk Industri-direktør`, `Nye Veier-sjef`): inside a sentence, or at its start where it is a
    nationality adjective (`Norsk`, `Svensk`), which there can only be part of the name."""
    if not token.text[:1].isupper() or "-" not in token.text or token.i == token.sent.start:
        return None  # (the sentence, which costs most, looked for last)
    before = token.doc[token.i - 1]
    if before.pos_ not in {"ADJ", "PROPN"} or not before.text.istitle() or not before.is_alpha:
        return None
    if before.i == token.sent.start and not fold(before.text).endswith("sk"):
        return None
    return before


def country_modifiers(token: Token, names: list[Named]) -> list[tuple[str, str]]:
    """The countries (or organisations) a noun's modifiers name: adjectives, coordinated too (`en svensk og
    finsk delegasjon`), or a genitive (`Sveriges delegasjon`); returns (key, name) pairs."""
    found = []
    for child in token.children:
        if child.i > token.i:
            continue
        if child == name_word_before(token):
            continue  # `Norsk Industri-direktør`: the first word of an organisation's name, no country
        for part in [child] + [c for c in child.children if c.dep_ == "KOORD"]:
            if part.pos_ == "ADJ" and (country := adjective_country(part)):
                found.append(country)
        if child.dep_ not in {"DET", "ATR"} or child.pos_ not in {"PROPN", "NOUN", "X"}:
            continue
        named = next((n for n in names if n.start <= child.i < n.end), None)
        if named and named.kind in {GPE, ORGANIZATION}:
            found.append((named.key, named.name))
        elif named is None and (country := countries().get(fold(child.lemma_)) or countries().get(
                fold(child.text.rstrip("s")))):
            found.append((f"country:{country.code}", country.name))
    return list(dict.fromkeys(found))


def country_modifier(token: Token, names: list[Named]) -> tuple[str, str] | None:
    """The first of `country_modifiers`, or None."""
    found = country_modifiers(token, names)
    return found[0] if found else None


def adjective_country(token: Token) -> tuple[str, str] | None:
    """For a country adjective token (`svenske`), its country's key and name."""
    if country := country_of_adjective(token.text):
        return f"country:{country.code}", country.name
    return None


def is_other_time(token: Token) -> bool:
    """An event noun modified as another occasion than the one reported (`de foregående rundene`)."""
    return any(fold(c.lemma_) in _OTHER_TIME or fold(c.text) in _OTHER_TIME for c in token.children)


_OTHER_TIME = {"foregående", "tidligere", "forrige", "neste", "kommende", "planlagt", "planlagte", "fremtidig",
               "senere"}


def ordinal_round(token: Token) -> str | None:
    """The number of a numbered round (`runde nummer to`, `andre runde`, `tredje forhandlingsrunde`), or None."""
    words = [fold(t.text) for t in token.subtree]
    text = " ".join(words)
    if m := re.search(r"nummer (\w+)", text):
        return m.group(1)
    for ordinal, number in _ORDINALS.items():
        if ordinal in words[: words.index(fold(token.text)) + 1 if fold(token.text) in words else 0]:
            return number
    return None


_ORDINALS = {"andre": "to", "tredje": "tre", "fjerde": "fire", "femte": "fem", "sjette": "seks"}
