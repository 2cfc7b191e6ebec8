"""Organisations the lists know (organisations.yaml, parties.yaml, the news agencies and institution endings of
lexicon.yaml) among a sentence's names (`known_organisations`): a known name is an organisation whatever type the
model gave it (`EU`, `Bloomberg`, `Barentsrådet`); it is made whole where the model cut it (`NHO Luftfart`, `NHO
Service og Handel`, `Natur og Ungdom`, a photo credit's `NTB scanpix`) and found where the model missed it (`Nato`,
`Fellesforbundets`, `TV 2`); a short word in parentheses after a person is a party (`Ola Nordmann (V)`;
`in_parentheses_after`, which the membership rule reads too); a party at a town is also its branch there
(`Solvik KrF`, `Høyre i Solvik`); a word the model missed that reports as an outlet does is an outlet (`Etter det
Fjordvarden erfarer`)."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.gazetteer import (
    countries,
    ends_with,
    fold,
    full_name,
    lexicon,
    multiword_starts,
    parties,
    title_of,
    verb_in,
)
from kg.extract.names import Named, has_institution_ending
from kg.extract.tokens import capitalised_of, texts_of, tokens_of
from kg.types import GPE, ORGANIZATION, PERSON, PLACE


def known_organisations(sent: Span, found: list[Named]) -> list[Named]:
    """A sentence's names (`found`) with the organisations the lists know typed as such and made whole, a party in
    parentheses after a person, and the known names the model missed."""
    found = _joined_full_names(sent, [_branch(sent, _known_organisation(n), found) for n in found])
    found = _credited_services(sent, found)
    found += _parties(sent, found)
    found += _recall_organisations(sent, found)
    found += _reporting_outlets(sent, found)
    found = _quoted_organisations(sent, found)
    return _party_branches(sent, _known_names_over_parts(sent, found))


def _quoted_organisations(sent: Span, found: list[Named]) -> list[Named]:
    """`aksjonsgruppa «Haram ut av Ålesund»`, `nestleiar i «Vi som vil bli i Ålesund»`: words in quotation marks
    right after an organisation noun (lexicon `organisation_nouns`: `aksjonsgruppa`, `foreninga`) or after `i` or
    `for` following a person's title are an organisation's name, however many words (the names the model found
    inside them are part of it)."""
    doc, out = sent.doc, found
    if "«" not in texts_of(sent):
        return found  # (most sentences: no token looked at)
    for token in tokens_of(sent):
        if token.text != "«" or token.i == sent.start:
            continue
        end = next((t.i for t in doc[token.i + 1:sent.end] if t.text == "»"), None)
        if end is None or end == token.i + 1 or not doc[token.i + 1].text[:1].isupper():
            continue
        before = doc[token.i - 1]
        noun = before.pos_ == "NOUN" and before.is_lower and ends_with(before.lemma_, lexicon()["organisation_nouns"])
        titled = fold(before.text) in {"i", "for"} and token.i - 2 >= sent.start and bool(
            title_of(doc[token.i - 2].lemma_) or title_of(doc[token.i - 2].text))
        if not (noun or titled):
            continue
        name = doc[token.i + 1:end].text
        out = [n for n in out if not (token.i < n.start and n.end <= end)]
        out.append(Named(token.i + 1, end, ORGANIZATION, name, fold(name)))
    return out


def _reporting_outlets(sent: Span, found: list[Named]) -> list[Named]:
    """`Etter det Fjordposten erfarer`, `Det var Fjordposten som først skrev om saken`: a capitalised word the model
    missed, not a sentence's first, that is the subject of a verb of an outlet's reporting (lexicon
    `outlet_verbs`), or is said to be the one who did (`Det var X som ...`), is an outlet."""
    taken = {i for n in found for i in range(n.start, n.end)}
    verbs = lexicon()["outlet_verbs"]
    first = next((t.i for t in tokens_of(sent) if t.is_alpha), None)
    if first is None or first > sent.start and sent.doc[sent.start].text in _QUOTE_OPENERS:
        return []  # `– Det går bra, skreiv Kari`: who wrote the quote, a person as often as an outlet
    added = []
    for token in capitalised_of(sent):
        if token.i in taken or token.i == first or not token.is_alpha \
                or not (token.pos_ == "PROPN" or token.pos_ == "NOUN" and not token.text[1:].islower()) \
                or title_of(token.lemma_):
            continue  # (a common noun in capitals opens a quote: `– Kommunane melder`; `ITavisen` is one)
        reports = token.dep_ == "SUBJ" and verb_in(token.head, verbs) or token.dep_ == "SPRED" and any(
            c.dep_ == "ATR" and verb_in(c, verbs) and any(fold(s.text) == "som" for s in c.children)
            for c in token.children)
        if reports:
            added.append(Named(token.i, token.i + 1, ORGANIZATION, token.text, fold(token.text)))
    return added


_QUOTE_OPENERS = {"–", "-", "«", '"', "—"}


def _party_branches(sent: Span, found: list[Named]) -> list[Named]:
    """`Solvik KrF`, `Høyre i Solvik`: a party (parties.yaml) right after the name of a town or region, or with
    `i` and that name after it, is the party's branch there, one organisation named as written; the place stays
    a name of its own (not a country: `Høyre i Norge` is the party)."""
    doc, out = sent.doc, list(found)
    places = {n.start: n for n in found if n.kind in {GPE, PLACE} and not n.key.startswith("country:")}
    for party in [n for n in found if n.kind == ORGANIZATION and parties().get(fold(n.name).rstrip("."))]:
        before = next((p for p in places.values() if p.end == party.start), None)
        after = places.get(party.end + 1) if party.end < sent.end and doc[party.end].lower_ == "i" else None
        place = before or after
        if place is None:
            continue
        start, end = min(place.start, party.start), max(place.end, party.end)
        name = doc[start:end].text.rstrip(".")
        out.append(Named(start, end, ORGANIZATION, name, fold(name)))
    return out


def _known_organisation(named: Named) -> Named:
    """A name that parties.yaml or organisations.yaml knows (`EU`, `Høyre`), a news agency (`Bloomberg`), or a
    single word with an institution's ending (`Barentsrådet`, `Sikkerhetsrådet`), is an organisation whatever
    type the model gave it."""
    if named.kind == ORGANIZATION or named.coref or len(named.name) < 2:
        return named
    word = fold(named.name)
    ending = " " not in word and has_institution_ending(word)
    if full_name(named.name) is None and not ending and word not in lexicon()["news_agencies"]:
        return named
    return replace(named, kind=ORGANIZATION, key=word)


def _branch(sent: Span, named: Named, found: list[Named]) -> Named:
    """`NHO Luftfart`, `LO Stat`: a known organisation of one word and a capitalised word the parse joins to it
    (FLAT), which the model left out of the name, name one organisation (a branch or a member federation)."""
    doc = sent.doc
    if named.kind != ORGANIZATION or named.end - named.start != 1 or named.end >= sent.end \
            or full_name(doc[named.start].text) is None:
        return named
    after = doc[named.end]
    if not after.text.istitle() or not after.is_alpha or after.dep_ != "FLAT" or after.head.i != named.start \
            or any(n.start <= after.i < n.end for n in found) or countries().get(fold(after.text)):
        return named
    name = doc[named.start:named.end + 1].text
    return replace(named, end=named.end + 1, name=name, key=fold(name))


def _joined_full_names(sent: Span, found: list[Named]) -> list[Named]:
    """`NHO Service og Handel`, which the model splits at its `og` into two names: two names joined by `og` that
    together are an organisation organisations.yaml or parties.yaml knows are that one organisation."""
    doc, joined, skip = sent.doc, [], set()
    ordered = sorted(found, key=lambda n: n.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        between = doc[a.end:b.start]
        if len(between) == 1 and fold(between.text) in {"og", "&"} and full_name(doc[a.start:b.end].text):
            name = doc[a.start:b.end].text
            joined.append(Named(a.start, b.end, ORGANIZATION, name, fold(name)))
            skip |= {a, b}
    return [n for n in found if n not in skip] + joined


def _credited_services(sent: Span, found: list[Named]) -> list[Named]:
    """`Foto: Kari Holm / NTB scanpix`, `(Foto: Kari Holm, NTB Scanpix)`: in a photo credit, a known organisation
    of one word and the one word that ends the credit after it name one organisation (the agency's photo
    service), whatever the model made of that word; the agency stays a name of its own."""
    first = next((t for t in tokens_of(sent) if t.is_alpha), None)
    if first is None or fold(first.text) not in {"foto", "photo", "fotograf"}:
        return found  # not a credit: most sentences, told by their first word
    doc, words = sent.doc, [t for t in tokens_of(sent) if t.is_alpha]
    out = list(found)
    for n in found:
        after = doc[n.end] if n.end < sent.end else None
        if n.kind != ORGANIZATION or n.end - n.start != 1 or after is None or after != words[-1] \
                or full_name(doc[n.start].text) is None or countries().get(fold(after.text)):
            continue
        name = doc[n.start:n.end + 1].text
        out = [m for m in out if m.start != after.i] + [replace(n, end=n.end + 1, name=name, key=fold(name))]
    return out


_PARTY = re.compile(r"[A-ZÆØÅ][A-Za-zÆØÅæøå]{0,5}")


def _parties(sent: Span, found: list[Named]) -> list[Named]:
    """`Ola Nordmann (V)`: the short capitalised word in parentheses right after a person's name is the party
    (a Norwegian convention), a name even where the model missed it."""
    taken = {i for n in found for i in range(n.start, n.end)}
    parties = []
    for person in (n for n in found if n.kind == PERSON):
        word = in_parentheses_after(sent, person, listed=True)
        if word is not None and word.i not in taken and _PARTY.fullmatch(word.text):
            parties.append(Named(word.i, word.i + 1, ORGANIZATION, word.text, fold(word.text)))
    return parties


def in_parentheses_after(sent: Span, named: Named, listed: bool = False) -> Token | None:
    """The one word in parentheses right after a name (`Ola Nordmann (Ap)`), or None; with `listed`, also the
    first of several (`Sirin Stav (MDG, ny)`, `Kari Lie (Ap, 45)`)."""
    doc = sent.doc
    if named.end + 2 < sent.end and doc[named.end].text == "(" and (
            doc[named.end + 2].text == ")" or listed and doc[named.end + 2].text == ","
            and any(t.text == ")" for t in doc[named.end + 3:min(named.end + 7, sent.end)])):
        return doc[named.end + 1]
    return None


def _recall_organisations(sent: Span, found: list[Named]) -> list[Named]:
    """A known short form of an organisation the model missed (`Nato`, `LO`, `Frp`), also in the genitive
    (`Fellesforbundets`): a capitalised word, not a sentence's first unless it has two capitals or is a genitive
    (`Nav` may be a noun there)."""
    taken = {i for n in found for i in range(n.start, n.end)}
    added = []
    for token in capitalised_of(sent):
        text = token.text
        if token.i in taken or len(text) < 2:
            continue
        genitive = full_name(text) is None and text.endswith("s") and "Case=Gen" in str(token.morph)
        if genitive:
            text = text[:-1]  # `Fellesforbundets nestleder`
        if token.i in taken or len(text) < 2 or not text[0].isupper() or full_name(text) is None:
            continue
        if " " in fold(full_name(text) or "") and fold(text) == fold(full_name(text) or ""):
            continue  # a full name of several words is for the model to find
        if token.is_sent_start and sum(c.isupper() for c in text) < 2 and not genitive:
            continue
        added.append(Named(token.i, token.i + 1, ORGANIZATION, text, fold(text)))
    return added + _recall_known_names(sent, taken | {n.start for n in added})


def _recall_known_names(sent: Span, taken: set[int]) -> list[Named]:
    """A known name of two or three words the model missed (`TV 2 erfarer`, `Bergens Tidende`, `Natur og
    Ungdom`): the words as organisations.yaml or parties.yaml write them, each capitalised or a number but for
    a function word inside."""
    added = []
    doc, free = sent.doc, sent.start  # the first word not inside a name recalled
    starts = multiword_starts()
    for token in capitalised_of(sent):  # a known name starts capitalised
        if (i := token.i) < free:
            continue
        for size in sorted(starts.get(fold(token.text), ()), reverse=True):
            if i + size > sent.end or taken & set(range(i, i + size)) or not all(
                    t.text[:1].isupper() or t.is_digit or 0 < k < size - 1 and t.lower_ in {"og", "i", "for", "på"}
                    for k, t in enumerate(doc[i:i + size])):  # `Natur og Ungdom`
                continue
            span = doc[i:i + size]
            if full_name(span.text) is not None:
                added.append(Named(span.start, span.end, ORGANIZATION, span.text, fold(span.text)))
                free = span.end
                break
    return added


def _known_names_over_parts(sent: Span, found: list[Named]) -> list[Named]:
    """A known name of several words (organisations.yaml, parties.yaml) written out in full, also with a genitive
    `-s` (`Forbundet Styrkes leder`), is that organisation, in place of the names the model made of its parts
    (`Natur` a place and `Ungdom` nothing in `Natur og Ungdom`; `Styrkes` a person); not where a name the model
    found reaches past it."""
    doc, starts, out = sent.doc, multiword_starts(), list(found)
    for token in capitalised_of(sent):
        i = token.i
        for size in sorted(starts.get(fold(doc[i].text), ()), reverse=True):
            span = doc[i:i + size]
            if span.end > sent.end:
                continue
            name = span.text if full_name(span.text) else span.text[:-1] if span.text.endswith("s") else None
            if name is None or full_name(name) is None or not all(
                    t.text[:1].isupper() or t.is_digit or 0 < k < size - 1 and t.lower_ in {"og", "i", "for", "på"}
                    for k, t in enumerate(span)):
                continue
            inside = [n for n in out if n.start < span.end and n.end > span.start]
            if any(n.start < span.start or n.end > span.end for n in inside) \
                    or any((n.start, n.end) == (span.start, span.end) for n in inside):
                break
            out = [n for n in out if n not in inside] + [Named(span.start, span.end, ORGANIZATION, name, fold(name))]
            break
    return out
