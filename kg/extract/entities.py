"""Sentence -> mentions of entities: the model's named entities, cleaned and typed by general rules, and the
things that matter without a proper name (delegations, events).

The model's raw output is not trusted on its own: weekdays, months, titles and pronouns are never names;
coordinated names are split; genitives are reduced to the nominative; country names from CLDR and iso-codes
override the model's type. The final type of an entity is decided by a vote over all its mentions (resolve).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.gazetteer import (
    Country,
    calendar_words,
    countries,
    country_of_adjective,
    ends_with,
    fold,
    full_name,
    lexicon,
    lexicon_pairs,
    multiword_starts,
    norwegian_first_name,
    parties,
    title_of,
    verb_in,
)
from kg.types import EVENT, GPE, ORGANIZATION, PERSON, PLACE

MODEL_KINDS = {"PER": PERSON, "ORG": ORGANIZATION, "GPE_ORG": GPE, "GPE_LOC": GPE, "LOC": PLACE, "EVT": EVENT}
_NAME_POS = {"PROPN", "X"}
_SPLIT_WORDS = {"og", "eller", "samt", "og/eller", "&"}
# Conjunctions and prepositions that begin no name (`Det`, `Den` may: `Det Norske Teatret`).
_FUNCTION_WORDS = {"at", "om", "da", "då", "når", "som", "men", "og", "i", "på", "til", "fra", "frå", "med", "under",
                   "etter", "før", "ifølge", "ifølgje"}


@dataclass(frozen=True)
class Named:
    """A cleaned named mention inside one sentence (token indices are Doc indices)."""

    start: int
    end: int
    kind: str
    name: str  # nominative surface form
    key: str  # look-up key: country code for countries, folded name otherwise
    coref: bool = False  # a pronoun or description standing for the entity named `name` (kg.extract.coref)


def named_mentions(sent: Span) -> list[Named]:
    """The named entities of a sentence, cleaned, split at coordinations and typed; drops what is not a name."""
    found = []
    for ent in _slashed(sent):
        kind = MODEL_KINDS.get(ent.label_)
        venue = kind in {None, ORGANIZATION} and _venue(ent)
        if venue or (kind in {None, ORGANIZATION, PERSON} and _venue_word(ent)):
            kind = PLACE  # `Soria Moria hotell` (a product to the model), `Stavanger tinghus` (an organisation),
            # `Vor Frue kirke`, `Stortingsplassen` (persons to the model)
        elif len(ent) > 1 and fold(ent[-1].text) in lexicon()["outlet_words"] and ent[-1].text[:1].isupper():
            kind = ORGANIZATION  # `Brussels Times` (a product to the model), `China Daily` (a person)
        elif len(ent) == 1 and _compound_organisation(ent[0]):
            kind = ORGANIZATION  # `Trump-administrasjonen`, `Haqqani-nettverket`
        elif len(ent) == 1 and kind != ORGANIZATION and has_institution_ending(fold(ent.text).removesuffix("s")):
            kind = ORGANIZATION  # `Senterungdommens`, `Fellesforbundet`, `Altaposten` (a person to the model)
        elif kind is None:
            ent, kind = _named_organisation(ent)
        elif kind == ORGANIZATION and _home_town(ent):
            kind = PLACE  # `Andreas Næss fra Sarpsborg`: where he is from
        elif kind in {GPE, PLACE} and (body := _place_organisation(ent)) is not None:
            ent, kind = body, ORGANIZATION  # `Buskerud skikrets`: a place's name and an organisation noun
        elif kind in {GPE, PLACE} and (venue := _place_venue(ent)) is not None:
            ent, kind = venue, PLACE  # `Bygdøy kongsgård`, `Stavanger tinghus`: the building is the place
        for part in _split(ent):
            if kind == PERSON and len(part) > 1 and (country := country_genitive(part[0])) is not None:
                found.append(Named(part.start, part.start + 1, GPE, country.name, f"country:{country.code}"))
                part = part[1:]  # `Tyrkias Recep Tayyip Erdogan`: the country whose he is, then his name
            named = _clean(part, kind)
            if named is not None:
                found.append(named)
    found = _joined_full_names(sent, [_branch(sent, _known_organisation(n), found) for n in found])
    found = _credited_services(sent, found)
    found += _parties(sent, found)
    found += _recall_organisations(sent, found)
    found = _known_names_over_parts(sent, found)
    found += _titled_names(sent, found)
    found += _speakers(sent, found)
    found = _agency_bylines(sent, found)
    found += _institutions(sent, found)
    found += _organs(sent, found)
    found += _owned_bodies(sent, found)
    found += _compound_organisations(sent, found)
    found += _foreign_institutions(sent, found)
    found = _bodies_for(sent, found)
    return _bodies_at_places(sent, found)


def _compound_organisation(token: Token) -> bool:
    """A capitalised name, a hyphen and a definite noun for an administration, commission, police, government or
    network (lexicon `compound_organisation_nouns`): `Trump-administrasjonen`, `Gjørv-kommisjonens`,
    `Philadelphia-politiet`, `Haqqani-nettverket`, one organisation."""
    prefix, dash, rest = token.text.rpartition("-")
    if not dash or not prefix[:1].isupper() or not rest[:1].islower() or not rest.isalpha():
        return False
    word = fold(rest).removesuffix("s")
    return any(word.startswith(noun) and word[len(noun):] in {"en", "et", "a"}
               for noun in lexicon()["compound_organisation_nouns"])


def compound_prefix(token: Token) -> tuple[str, str, str] | None:
    """The entity the name before the hyphen of a compound noun mentions, as (kind, key, name): a country
    (`Ukraina-krigen`, `Kina-besøket`), or the person a government or administration is named for
    (`Støre-regjeringen`, `Biden-administrasjonens`; lexicon `led_organisation_nouns`); None for any other."""
    prefix, dash, rest = token.text.partition("-")
    if not dash or not rest[:1].islower() or token.pos_ not in {"NOUN", "ADJ", "PROPN"} or not prefix.istitle() \
            or not prefix.isalpha() or full_name(prefix) is not None:
        return None
    if country := countries().get(fold(prefix)):
        return GPE, f"country:{country.code}", country.name
    word = fold(rest).removesuffix("s")
    if any(word.startswith(noun) and word[len(noun):] in {"en", "a"} for noun in lexicon()["led_organisation_nouns"]):
        return PERSON, fold(prefix), prefix
    return None


def _compound_organisations(sent: Span, found: list[Named]) -> list[Named]:
    """The `_compound_organisation`s of a sentence that the model left out, named without a genitive `s`."""
    taken = {i for n in found for i in range(n.start, n.end)}
    added = []
    for token in sent:
        if token.i not in taken and _compound_organisation(token):
            name = token.text[:-1] if token.text.endswith("s") and not fold(token.text).endswith("ss") else token.text
            added.append(Named(token.i, token.i + 1, ORGANIZATION, name, fold(name)))
    return added


def _slashed(sent: Span) -> list[Span]:
    """The model's entities of a sentence, with an organisation named for two towns joined to the second
    (`Høgskolen Stord/Haugesund`: the model tags `Høgskolen Stord` and the place `Haugesund`); two organisations
    with a slash between them stay two (`NHO Luftfart/SAS`)."""
    ents, joined = list(sent.ents), []
    doc = sent.doc
    i = 0
    while i < len(ents):
        ent = ents[i]
        after = ents[i + 1] if i + 1 < len(ents) else None
        slash = doc[ent.end] if ent.end < len(doc) else None
        if after is not None and ent.label_ == "ORG" and after.label_ in {"GPE_LOC", "LOC", "GPE"} and len(after) == 1 \
                and slash is not None and slash.text == "/" and not doc[ent.end - 1].whitespace_ \
                and not slash.whitespace_ and after.start == ent.end + 1:
            joined.append(Span(doc, ent.start, after.end, label="ORG"))
            i += 2
            continue
        joined.append(ent)
        i += 1
    return joined


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


def _credited_services(sent: Span, found: list[Named]) -> list[Named]:
    """`Foto: Kari Holm / NTB scanpix`, `(Foto: Kari Holm, NTB Scanpix)`: in a photo credit, a known organisation
    of one word and the one word that ends the credit after it name one organisation (the agency's photo
    service), whatever the model made of that word; the agency stays a name of its own."""
    doc, words = sent.doc, [t for t in sent if t.is_alpha]
    if not words or fold(words[0].text) not in {"foto", "photo", "fotograf"}:
        return found
    out = list(found)
    for n in found:
        after = doc[n.end] if n.end < sent.end else None
        if n.kind != ORGANIZATION or n.end - n.start != 1 or after is None or after != words[-1] \
                or full_name(doc[n.start].text) is None or countries().get(fold(after.text)):
            continue
        name = doc[n.start:n.end + 1].text
        out = [m for m in out if m.start != after.i] + [replace(n, end=n.end + 1, name=name, key=fold(name))]
    return out


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


def _titled_names(sent: Span, found: list[Named]) -> list[Named]:
    """`Kine Asper Vistnes, nestleder i X` with no entity from the model: two to four capitalised proper nouns
    in one name (the parser's FLAT chain) with a person's title in apposition or right before them, and none
    of them inside a name already found, are a person."""
    taken = {i for n in found for i in range(n.start, n.end)}
    added = []
    for head in sent:
        if head.pos_ != "PROPN" or head.dep_ == "FLAT" or head.i in taken:
            continue
        flat = [c for c in head.children if c.dep_ == "FLAT" and c.i > head.i]
        span = sent.doc[head.i:(flat[-1].i if flat else head.i) + 1]
        if not 2 <= len(span) <= 4 or len(flat) != len(span) - 1 or any(t.i in taken for t in span) \
                or not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower() for t in span):
            continue
        before = sent.doc[head.i - 1] if head.i > sent.start else None
        titled = any(c.dep_ == "APP" and c.pos_ == "NOUN" and title_of(c.lemma_) for c in head.children) or (
            before is not None and before.pos_ == "NOUN" and before.is_lower and title_of(before.lemma_))
        if titled and not countries().get(fold(span.text)):
            added.append(Named(span.start, span.end, PERSON, span.text, fold(span.text)))
    return added


def _agency_bylines(sent: Span, found: list[Named]) -> list[Named]:
    """`NTB-Kari Holm`, a byline that joins the agency to the journalist's name with a hyphen: the agency (an
    abbreviation in capitals) and the person, named apart, where the person's name begins with the hyphenated
    word (the model may leave that word out: `NTB-Kari` untagged before `Holm`)."""
    doc, out = sent.doc, list(found)
    for n in found:
        first = doc[n.start]
        if n.kind != PERSON or n.start > sent.start + 1:
            continue
        if n.start > sent.start and _AGENCY_NAME.fullmatch(doc[n.start - 1].text) \
                and doc[n.start - 1].head.i == n.start:
            first = doc[n.start - 1]  # `NTB-Marius` left out of `Helge Larsen`
        match = _AGENCY_NAME.fullmatch(first.text)
        if match is None:
            continue
        name = " ".join([match["name"], *(t.text for t in doc[first.i + 1:n.end])])
        out = [m for m in out if m is not n] + [
            Named(first.i, n.end, PERSON, name, fold(name)),
            Named(first.i, first.i + 1, ORGANIZATION, match["agency"], fold(match["agency"]))]
    return out


_AGENCY_NAME = re.compile(r"(?P<agency>[A-ZÆØÅ]{2,6})-(?P<name>[A-ZÆØÅ][a-zæøåéü]+)")


def _speakers(sent: Span, found: list[Named]) -> list[Named]:
    """`– Det gjer eg ikkje, sa Trump til reporterane.` with no entity from the model: a one-word proper noun in
    title case (its lemma too: `Politiet` is `politi`), subject of a verb of spoken words (lexicon `spoken_verbs`;
    an outlet writes or reports), that no list knows as an organisation, institution or body, is a person."""
    taken = {i for n in found for i in range(n.start, n.end)}
    added = []
    for token in sent:
        if token.i in taken or token.pos_ != "PROPN" or token.dep_ != "SUBJ" or not token.is_alpha \
                or not token.text.istitle() or not token.lemma_[:1].isupper() \
                or any(c.dep_ == "FLAT" for c in token.children) \
                or not verb_in(token.head, lexicon()["spoken_verbs"]):
            continue
        word = fold(token.text)
        if full_name(token.text) is None and not countries().get(word) and not has_institution_ending(word) \
                and word not in lexicon_pairs("institutions") and word not in lexicon()["news_agencies"] \
                and _organ_base(token) is None and not _body_noun(token):
            added.append(Named(token.i, token.i + 1, PERSON, token.text, word))
    return added


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


def _recall_organisations(sent: Span, found: list[Named]) -> list[Named]:
    """A known short form of an organisation the model missed (`Nato`, `LO`, `Frp`), also in the genitive
    (`Fellesforbundets`): a capitalised word, not a sentence's first unless it has two capitals or is a genitive
    (`Nav` may be a noun there)."""
    taken = {i for n in found for i in range(n.start, n.end)}
    added = []
    for token in sent:
        text = token.text
        if token.i in taken or len(text) < 2 or not text[0].isupper():
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
    doc, i = sent.doc, sent.start
    starts = multiword_starts()
    while i < sent.end:
        first = doc[i].text
        sizes = starts.get(fold(first), ()) if first[:1].isupper() else ()  # a known name starts capitalised
        for size in sorted(sizes, reverse=True):
            if i + size > sent.end or taken & set(range(i, i + size)) or not all(
                    t.text[:1].isupper() or t.is_digit or 0 < k < size - 1 and t.lower_ in {"og", "i", "for", "på"}
                    for k, t in enumerate(doc[i:i + size])):  # `Natur og Ungdom`
                continue
            span = doc[i:i + size]
            if full_name(span.text) is not None:
                added.append(Named(span.start, span.end, ORGANIZATION, span.text, fold(span.text)))
                i = span.end - 1
                break
        i += 1
    return added


def _known_names_over_parts(sent: Span, found: list[Named]) -> list[Named]:
    """A known name of several words (organisations.yaml, parties.yaml) written out in full, also with a genitive
    `-s` (`Forbundet Styrkes leder`), is that organisation, in place of the names the model made of its parts
    (`Natur` a place and `Ungdom` nothing in `Natur og Ungdom`; `Styrkes` a person); not where a name the model
    found reaches past it."""
    doc, starts, out = sent.doc, multiword_starts(), list(found)
    for i in range(sent.start, sent.end):
        if not doc[i].text[:1].isupper():
            continue
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


def _institutions(sent: Span, found: list[Named]) -> list[Named]:
    """National institutions the model leaves out because they are written as common nouns: `regjeringen`,
    `påtalemyndigheten`, `Stortinget` (lexicon `institutions`), and a capitalised definite noun with an
    institution's ending (`Kunnskapsdepartementet`, `Konkurransetilsynet`). Not one that says whose it is
    (`regjeringen i Venezuela`, `Maduros regjering`, `den amerikanske regjeringen`)."""
    taken = {i for n in found for i in range(n.start, n.end)}
    named_institutions = lexicon_pairs("institutions")
    added = []
    for token in sent:
        if token.i in taken or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        word = fold(token.text)
        name = named_institutions.get(word)
        if name is None and token.text[:1].isupper() and not token.is_sent_start and has_institution_ending(word):
            name = token.text
        if name is None or any(c.dep_ in {"DET", "ATR"} and (c.pos_ in {"PROPN", "ADJ"}) and c.i < token.i
                               for c in token.children) or any(
                fold(c.text) in {"i", "til"} for c in token.children if c.i > token.i):
            continue
        added.append(Named(token.i, token.i + 1, ORGANIZATION, name, fold(name)))
    return added


def has_institution_ending(word: str) -> bool:
    """A folded word longer than an institution's ending it ends in (`kunnskapsdepartementet`, `barentsrådet`)."""
    return any(word.endswith(suffix) and len(word) > len(suffix) for suffix in lexicon()["institution_endings"])


def _foreign_institutions(sent: Span, found: list[Named]) -> list[Named]:
    """A country's institution named by a common noun and the country (`regjeringen i Venezuela`, `Venezuelas
    regjering`, `det amerikanske utenriksdepartementet`): an organisation, named as written and keyed by the
    noun and the country, so that the three forms are one entity."""
    taken = {i for n in found for i in range(n.start, n.end)}
    doc, added = sent.doc, []
    institutions = lexicon_pairs("institutions")
    for token in sent:
        if token.pos_ not in {"NOUN", "PROPN"} or token.i in taken:
            continue
        word = fold(token.text)
        base = institutions.get(word) or institutions.get(word.removesuffix("s"))
        if base is None and not has_institution_ending(word):
            base = institutions.get(f"{fold(token.lemma_)}en")
            if base is None or token.i == sent.start or not doc[token.i - 1].text.endswith("s"):
                continue  # not an institution, nor one after a genitive (`Venezuelas regjering`)
        country, start, end = None, token.i, token.i + 1
        for child in token.children:
            if child.i < token.i and child.pos_ == "ADJ" and (country := adjective_country(child)):
                start = min(c.i for c in child.subtree if c.i <= child.i) if child.i > sent.start else child.i
                start = start - 1 if start > sent.start and doc[start - 1].lower_ in {"den", "det"} else start
                break
        genitive = next((n for n in found if n.end == token.i and n.key.startswith("country:")
                         and doc[n.end - 1].text.endswith("s")), None)  # `Venezuelas regjering`
        if country is None and genitive is not None:
            country, start = (genitive.key, genitive.name), genitive.start
        if country is None:
            place = next((n for p in token.children if p.i == token.i + 1 and p.lower_ == "i" for o in p.children
                          if o.dep_ == "PUTFYLL" for n in found if n.start <= o.i < n.end
                          and n.key.startswith("country:")), None)
            if place is None:
                continue
            country, end = (place.key, place.name), place.end
        if taken & set(range(start, end)) - {i for n in found if n.key == country[0] for i in range(n.start, n.end)}:
            continue
        noun = fold(base or token.lemma_).removesuffix("en")
        added.append(Named(start, end, ORGANIZATION, doc[start:end].text, f"{noun}|{country[0]}"))
    return added


def _bodies_at_places(sent: Span, found: list[Named]) -> list[Named]:
    """`Næringsforeningen i Trondheim`, `Utenriksdepartementet i Kabul`, `Interimstyret ved Høgskulen på
    Vestlandet`, `påtalemyndigheten i Miami`: a definite noun for a body (an organisation noun, an organ noun,
    capitalised; an institution's ending, in any case) with `i` or `ved` and a name the parse hangs on it is one
    organisation, named with the place or organisation it is at (not a country: `regjeringen i Venezuela` is
    `_foreign_institutions`'), nor after `på` (`på Nobelinstituttet i Oslo`: the building); an organ keeps its key.
    The place stays a name of its own."""
    doc, out = sent.doc, list(found)
    for token in sent:
        if token.i + 2 >= sent.end or (prep := doc[token.i + 1]).lower_ not in {"i", "ved"} or prep.head != token:
            continue
        at = next((n for c in prep.children if c.dep_ == "PUTFYLL" for n in found if n.start <= c.i < n.end
                   and n.start == prep.i + 1 and n.kind in {GPE, PLACE, ORGANIZATION}
                   and not n.key.startswith("country:")), None)
        if at is None or not _body_noun(token) or token.head.lower_ == "på" and token.dep_ == "PUTFYLL":
            continue  # `på Nobelinstituttet i Oslo`: the building, a venue
        own = next((n for n in out if n.start <= token.i < n.end), None)
        if own is not None and (own.start != token.i or own.end != token.i + 1):
            continue  # a name the model found around the word (`Høgskolen i Bergen`)
        name = doc[token.i:at.end].text
        key = own.key if own is not None and own.key.startswith(ORGAN) else fold(name)
        out = [n for n in out if n is not own] + [Named(token.i, at.end, ORGANIZATION, name, key)]
    return out


def _bodies_for(sent: Span, found: list[Named]) -> list[Named]:
    """`Budsjettnemnda for jordbruket`, `Institutt for global helse og samfunnsmedisin`, `senter for sivile
    rettigheter`: a body noun (capitalised and definite, or a bare singular `institutt`, `senter`, `fakultet` with
    no article) and `for` with words in lower case after it is one organisation by that name; an organ keeps its
    key."""
    doc, out = sent.doc, list(found)
    for token in sent:
        if token.i + 2 >= sent.end or (prep := doc[token.i + 1]).lower_ != "for" or prep.head != token:
            continue
        bare = fold(token.text) in _BARE_BODIES and not any(c.dep_ == "DET" for c in token.children)
        object_ = next((c for c in prep.children if c.dep_ == "PUTFYLL"), None)
        if not bare and not (token.text.istitle() and _body_noun(token)) or object_ is None:
            continue
        end = max(t.i for t in object_.subtree) + 1
        while end > object_.i + 1 and doc[end - 1].pos_ in {"ADP", "CCONJ", "SCONJ", "PUNCT"}:
            end -= 1  # `institutt for helse på Høgskulen ...`: not the preposition of what follows
        own = [n for n in out if n.start < end and n.end > token.i]
        if end > sent.end or any((n.start, n.end) != (token.i, token.i + 1) for n in own) or not all(
                t.is_lower and (t.is_alpha or "-" in t.text) for t in doc[prep.i + 1:end]):
            continue
        name = doc[token.i:end].text
        name = name[:1].upper() + name[1:]
        key = own[0].key if own and own[0].key.startswith(ORGAN) else fold(name)
        out = [n for n in out if n not in own] + [Named(token.i, end, ORGANIZATION, name, key)]
    return out


_BARE_BODIES = {"institutt", "senter", "senteret", "fakultet"}


def _body_noun(token: Token) -> bool:
    """A definite singular noun for a body that no list knows by name: capitalised and ending in an organisation
    or organ noun (`Næringsforeningen`, `Interimstyret`), or with an institution's ending (`påtalemyndigheten`)."""
    word = fold(token.text)
    if token.pos_ not in {"NOUN", "PROPN"} or not token.is_alpha \
            or "Plur" in token.morph.get("Number") and fold(token.lemma_) + "a" != word \
            or full_name(token.text) is not None or word in lexicon_pairs("institutions") and \
            not has_institution_ending(word):
        return False
    if has_institution_ending(word):
        return True
    if not token.text.istitle():
        return False
    stems = (word[:-len(e)] for e in ("en", "et", "a", "n", "t") if word.endswith(e))
    return any(ends_with(stem, lexicon()["organisation_nouns"]) for stem in stems) or _organ_base(token) is not None


ORGAN = "organ:"  # the key of a body named by a common noun: one per article (kg.resolve keeps it there)


def _organs(sent: Span, found: list[Named]) -> list[Named]:
    """A body of an organisation named by a definite compound noun (`valgkomiteen`, `skistyret`, `Valgkomiteens`,
    `konsernleiinga`, `utenriks- og forsvarskomiteen`; lexicon `organ_nouns`): an organisation keyed by its base
    form; the same words in another article may be another body, so resolution keeps it within its article."""
    taken = {i for n in found for i in range(n.start, n.end)}
    added = []
    doc = sent.doc
    stems = _organ_stems()
    for token in sent:
        if token.i in taken or token.pos_ not in {"NOUN", "PROPN"} or not any(x in token.lower_ for x in stems) \
                or (base := _organ_base(token)) is None:
            continue
        start = token.i
        if start - 2 >= sent.start and doc[start - 2].text.endswith("-") and fold(doc[start - 1].text) == "og":
            start -= 2  # `utenriks- og forsvarskomiteen`
            base = f"{fold(doc[start].text)} og {base}"
        name = doc[start:token.i + 1].text
        if fold(name).endswith("s") and not base.endswith("s"):
            name = name[:-1]  # `Valgkomiteens`
        added.append(Named(start, token.i + 1, ORGANIZATION, name, ORGAN + base))
    return added


def _owned_bodies(sent: Span, found: list[Named]) -> list[Named]:
    """`Fagforbundets arbeidsutvalg`, `NATOs parlamentarikerforsamling`, `Ukrainas nasjonale sikkerhetsråd`: an
    organisation or country in the genitive and a body noun of its (an organ noun, or a compound ending in `råd`
    or `forsamling`; lexicon `owned_body_nouns`), adjectives between, name one organisation; the owner stays a
    name of its own."""
    doc, added = sent.doc, []
    taken = {i for n in found for i in range(n.start, n.end)}
    for token in sent:
        if token.i in taken or token.pos_ != "NOUN" or not token.is_lower or not _owned_body_noun(token):
            continue
        owner = next((n for c in token.children if c.dep_ == "DET" and c.i < token.i for n in found
                      if n.end == c.i + 1 and n.kind in {ORGANIZATION, GPE} and doc[c.i].text.endswith("s")
                      and all(t.pos_ == "ADJ" for t in doc[n.end:token.i])), None)
        if owner is not None:
            name = doc[owner.start:token.i + 1].text
            added.append(Named(owner.start, token.i + 1, ORGANIZATION, name, fold(name)))
    return added


def _owned_body_noun(token: Token) -> bool:
    """An organ noun (`arbeidsutvalg`, `styre`) or a compound ending in an owned body noun (`sikkerhetsråd`)."""
    word = fold(token.text)
    if "Plur" in token.morph.get("Number"):
        return False
    organs = {fold(noun) for noun in lexicon()["organ_nouns"]}
    return any(word.endswith(noun) for noun in organs) or any(
        word.endswith(noun) and len(word) - len(noun) >= 3 for noun in lexicon()["owned_body_nouns"])


@cache
def _organ_stems() -> tuple[str, ...]:
    """A part every form of an organ noun contains (`komit` in `komité`, `komiteen`): a fast filter."""
    return tuple(fold(noun)[:4] for noun in lexicon()["organ_nouns"])


def _organ_base(token: Token) -> str | None:
    """The base form of a definite singular compound ending in an organ noun (`Valgkomiteens` -> `valgkomite`,
    `skistyret` -> `skistyre`), the compound's first part at least three letters; None for any other word."""
    word = fold(token.text)
    if "-" in word or "Plur" in token.morph.get("Number") and fold(token.lemma_) + "a" != word:
        # (`Budsjettnemnda`: a feminine singular the tagger may take for a plural)
        return None
    if word.endswith("s") and ("Case=Gen" in str(token.morph) or token.dep_ == "DET"):
        word = word[:-1]
    for ending in ("en", "et", "a", "t", "n"):  # the definite endings: `komiteen`, `styret`, `leiinga`
        stem = word[:-len(ending)] if word.endswith(ending) else None
        for noun in lexicon()["organ_nouns"]:
            noun = fold(noun)
            for base in (stem, f"{stem}e") if stem else ():
                if base.endswith(noun) and len(base) - len(noun) >= 3:
                    return lexicon_pairs("nynorsk_name_words").get(base, base)  # `valkomite` -> `valgkomite`
    return None


_PARTY = re.compile(r"[A-ZÆØÅ][A-Za-zÆØÅæøå]{0,5}")


def _parties(sent: Span, found: list[Named]) -> list[Named]:
    """`Ola Nordmann (V)`: the short capitalised word in parentheses right after a person's name is the party
    (a Norwegian convention), a name even where the model missed it."""
    taken = {i for n in found for i in range(n.start, n.end)}
    parties = []
    for person in (n for n in found if n.kind == PERSON):
        word = in_parentheses_after(sent, person)
        if word is not None and word.i not in taken and _PARTY.fullmatch(word.text):
            parties.append(Named(word.i, word.i + 1, ORGANIZATION, word.text, fold(word.text)))
    return parties


_ACRONYM = re.compile(r"[A-ZÆØÅ][A-ZÆØÅa-zæøå]{0,2}[A-ZÆØÅ]{1,6}")


def unify_aliases(sentences: list[tuple[int, Span, list[Named]]]) -> list[tuple[int, Span, list[Named]]]:
    """One key per entity within an article for its forms: an organisation's short and full name, by
    `parties.yaml` (`Ap` is Arbeiderpartiet), by an abbreviation the article defines (`Norges idrettsforbund
    (NIF)` ... `NIF`) and by the institutions' list (`Regjeringa`); a person's genitive the lemmatizer kept
    (`Jonas Gahr Støres` where the article also names `Jonas Gahr Støre`). The full name becomes the name; the
    form in the text stays the mention's text."""
    defined: dict[str, Named] = {}
    for _, sent, names in sentences:
        for n in names:
            word = in_parentheses_after(sent, n) if n.kind == ORGANIZATION else None
            if word is not None and _ACRONYM.fullmatch(word.text) and abbreviates(word.text, n.name):
                defined.setdefault(fold(word.text), n)
    unified, institutions = [], lexicon_pairs("institutions")
    people = {n.key for _, _, names in sentences for n in names if n.kind == PERSON}
    for offset, sent, names in sentences:
        new = []
        for n in names:
            if n.kind == PERSON and n.key.endswith("s") and n.key[:-1] in people:
                n = replace(n, key=n.key[:-1], name=n.name[:-1])  # `Jonas Gahr Støres` beside `Jonas Gahr Støre`
            elif n.kind == ORGANIZATION and n.key in defined:
                full = defined[n.key]
                n = replace(n, key=full.key, name=full.name)
            elif n.kind == ORGANIZATION and (party := parties().get(n.key)):
                n = replace(n, key=fold(party), name=party)
            elif n.kind == ORGANIZATION and (institution := institutions.get(n.key)):
                n = replace(n, key=fold(institution), name=institution)  # `Regjeringa` is Regjeringen
            new.append(n)
        unified.append((offset, sent, new))
    return unified


def abbreviates(short: str, name: str) -> bool:
    """`NIF` for `Norges idrettsforbund`, `SMK` for `Statsministerens kontor`: the short form's letters in order
    in the name, the first letters equal (not a dateline's outlet: `BEIRUT (VG)`)."""
    short, name = fold(short), fold(name)
    if short == name or short[:1] != name[:1]:
        return False
    rest = iter(name)
    return all(letter in rest for letter in short)


def in_parentheses_after(sent: Span, named: Named) -> Token | None:
    """The one word in parentheses right after a name (`Ola Nordmann (Ap)`), or None."""
    doc = sent.doc
    if named.end + 2 < sent.end and (doc[named.end].text, doc[named.end + 2].text) == ("(", ")"):
        return doc[named.end + 1]
    return None


def name_index(known: dict[tuple[str, ...], Named]) -> dict[str, list[tuple[tuple[str, ...], Named]]]:
    """An article's names by their first word, longest first: what `recall_names` looks up. (A surname said
    alone is already tagged as its person by `kg.nlp.context`, before the rules read the article.)"""
    index: dict[str, list[tuple[tuple[str, ...], Named]]] = {}
    for words in sorted(known, key=len, reverse=True):
        index.setdefault(words[0], []).append((words, known[words]))
    return index


def recall_names(sent: Span, names: list[Named], index: dict[str, list[tuple[tuple[str, ...], Named]]]
                 ) -> list[Named]:
    """`names` plus the untagged occurrences in `sent` of names the model tagged elsewhere in the article (its
    `name_index`): one name, one reading per article (the model often misses a name in one sentence and finds
    it in another)."""
    taken = {i for n in names for i in range(n.start, n.end)}
    found = list(names)
    doc = sent.doc
    for start in range(sent.start, sent.end):
        for words, named in index.get(doc[start].text, ()):
            end = start + len(words)
            if end <= sent.end and not taken & set(range(start, end)) and \
                    tuple(t.text for t in doc[start:end]) == words:
                found.append(Named(start, end, named.kind, named.name, named.key))
                taken |= set(range(start, end))
                break
    return sorted(found, key=lambda n: n.start)


def _lower_word_after(ent: Span) -> Token | None:
    """The lower-case word right after an entity in its sentence (`skikrets` in `Buskerud skikrets`), if any."""
    after = ent.doc[ent.end] if ent.end < ent.sent.end else None
    return after if after is not None and after.is_lower and after.is_alpha else None


def _home_town(ent: Span) -> bool:
    """A one-word name after `fra`/`frå` that ends in an element of Norwegian place names (lexicon
    `place_name_endings`: `Sarpsborg`, `Svolvær`) and that no list knows: a place, not an organisation."""
    token = ent[0]
    word = fold(token.text)
    return len(ent) == 1 and token.dep_ == "PUTFYLL" and token.head.lower_ in {"fra", "frå"} \
        and token.is_alpha and token.text.istitle() and full_name(token.text) is None \
        and word not in lexicon()["news_agencies"] and not has_institution_ending(word) \
        and any(word.endswith(end) and len(word) - len(end) >= 3 for end in lexicon()["place_name_endings"])


def _place_organisation(ent: Span) -> Span | None:
    """`Buskerud skikrets`, `Trondheim sjukehus`: a place's name right before a lower-case organisation noun
    (lexicon `organisation_nouns`) that the parse joins to it names the organisation, name and noun together."""
    if (after := _lower_word_after(ent)) is None:
        return None  # any tag: the tagger takes `skikrets` for a verb
    joined = ent[-1].head == after or after.head == ent[-1]
    return ent.doc[ent.start:ent.end + 1] if joined and ends_with(after.lemma_, lexicon()["organisation_nouns"]) \
        else None


def _place_venue(ent: Span) -> Span | None:
    """`Bygdøy kongsgård`, `Stavanger tinghus`: a place's name and, right after it, a lower-case noun the parse
    hangs on it that is or ends in a venue noun (lexicon `venue_nouns`, and `gård`): the two name one place."""
    if (after := _lower_word_after(ent)) is None or after.head != ent[-1] or after.dep_ != "FLAT":
        return None
    word = fold(after.text)
    return ent.doc[ent.start:ent.end + 1] if any(word.endswith(form) for form in _building_forms()) else None


def _named_organisation(ent: Span) -> tuple[Span, str | None]:
    """`Norsk pilotforening`, `Norske SAS-flygeres forening`, `TV 2`, which the model tags as a product or a
    derived name: a name of another kind that organisations.yaml knows, or that ends in an organisation noun
    (lexicon `organisation_nouns`), or is the modifier of such a noun right after it, is an organisation; (the
    span, None) for any other."""
    if full_name(ent.text) is not None or full_name(ent.text.removesuffix("s")) is not None:
        return ent, ORGANIZATION  # `TV 2`, `Facebook`, `VGs`: organisations.yaml knows them
    last = ent[-1]
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.is_lower and after.pos_ == "NOUN" and last.head == after \
            and ends_with(after.lemma_, lexicon()["organisation_nouns"]):
        return ent.doc[ent.start:ent.end + 1], ORGANIZATION
    if last.is_lower and ends_with(last.lemma_, lexicon()["organisation_nouns"]):
        return ent, ORGANIZATION
    return ent, None


def _is_venue_noun(word: str) -> bool:
    """A folded word that is a venue noun (lexicon `venue_nouns`) or one with an ending (`palasset`, `plassen`)."""
    return any(word == n or word.startswith(n) and len(word) - len(n) <= 3 for n in lexicon()["venue_nouns"])


def _venue(ent: Span) -> bool:
    """A name of several words, or a hyphenated one, that ends in a noun for a building or venue (lexicon
    `venue_nouns`, in any case: `Folkets Store Hall`), and that no list knows as an organisation."""
    last = ent[-1]
    word = fold(last.text).rsplit("-", 1)[-1]
    several = len(ent) > 1 or "-" in last.text
    return several and full_name(ent.text) is None and _is_venue_noun(word)


def _venue_word(ent: Span) -> bool:
    """A name that ends in a venue noun written in lower case after it (`Vor Frue kirke`), or whose last word is
    compounded with a venue noun (`Stortingsplassen`, `Den Himmelske Fredsplass`, `Honnørbrygga`) or with a
    landform noun in the definite form (`Oslofjorden`, `Kvalsundet`, `Krim-halvøya`; lexicon `landform_nouns`:
    a surname may end in `-dal` or `-vik`, seldom in `-dalen`), at least three letters before the noun, and that
    no list knows as an organisation: a place, whatever the model said."""
    last = ent[-1]
    word = fold(last.text).replace("-", "")
    if full_name(ent.text) is not None or not word.isalpha():
        return False
    if len(ent) > 1 and last.is_lower:
        return _is_venue_noun(word)
    if last.is_lower:
        return False
    return any(word.endswith(form) and len(word) - len(form) >= 3 for form in _venue_forms()) \
        or any(word.endswith(form) and len(word) - len(form) >= 3 for form in _landform_forms())


@cache
def _venue_forms() -> frozenset[str]:
    return _forms(lexicon()["venue_nouns"], True)


@cache
def _building_forms() -> frozenset[str]:
    return _forms([*lexicon()["venue_nouns"], "gård"], True)  # `kongsgård` after a place's name


@cache
def _landform_forms() -> frozenset[str]:
    return _forms(lexicon()["landform_nouns"], False)


def _forms(nouns: list[str], indefinite: bool) -> frozenset[str]:
    """The singular forms of nouns, definite (`plassen`, `brygga`, `bryggen`) and, with `indefinite`, bare."""
    forms = set()
    for noun in nouns:
        stem = noun[:-1] if noun.endswith("e") else noun
        forms |= {noun + "n", stem + "a"} if noun.endswith("e") else {noun + "en", noun + "et", noun + "a"}
        if indefinite:
            forms.add(noun)
    return frozenset(forms)


def _split(ent: Span) -> list[Span]:
    """Coordinated names tagged as one (`Donetsk og Luhansk`) split at `og` and commas; an organisation's own
    name keeps its `og` (`Natur og Ungdom`, `Institutt for global helse og samfunnsmedisin`)."""
    parts, start = [], ent.start
    organisation = ent.label_ == "ORG"
    for token in ent:
        if (token.lower_ in _SPLIT_WORDS and not organisation) or token.text == ",":
            if token.i > start:
                parts.append(ent.doc[start:token.i])
            start = token.i + 1
    if start < ent.end:
        parts.append(ent.doc[start:ent.end])
    return parts


def _clean(span: Span, kind: str | None) -> Named | None:
    # a function word before the name (`i Oslo`, sentence-initial `Den`), but not a capitalised name word the
    # tagger took for one (`Mohammed` tagged ADP inside `Mohammed bin Salman`)
    while len(span) and (span[0].is_punct or span[0].pos_ in {"DET", "PRON", "ADP", "CCONJ", "SCONJ"}
                         and (span[0].is_lower or span[0].is_sent_start or len(span) == 1
                              or span[0].lower_ in _FUNCTION_WORDS)):  # `At Solberg`, after a dash
        span = span[1:]
    while len(span) and span[-1].is_punct:
        span = span[:-1]
    if len(span) >= 3 and span.end < len(span.doc) and span.doc[span.end].text == ":" \
            and fold(span[-1].text) in lexicon()["fact_labels"]:
        span = span[:-1]  # `Fakta: Berit Kjøll Født: 30. november`: the last word is the next line's label
    if kind == PERSON and len(span) >= 3 and span[0].pos_ == "NOUN" and span[0].text.endswith("s") \
            and not norwegian_first_name(span[0].text):
        span = span[1:]  # `Valgkomiteens Mette Nord`: whose she is, not her name
    if not len(span) or not any(c.isupper() for c in span.text[:1]) or len(span.text) < 2:
        return None
    if not _is_name(span):
        return None
    name = nominative(span)
    if country := countries().get(fold(name)):
        return Named(span.start, span.end, GPE, name, f"country:{country.code}")
    kind = _kind_of_apposition(span) or kind
    if kind == ORGANIZATION and _personal_name(span):
        kind = PERSON  # `Sigrid Snuggerud` tagged as an organisation: a first name and a surname
    if kind is None:
        return None
    return Named(span.start, span.end, kind, name, fold(name))


def _personal_name(span: Span) -> bool:
    """Two or three capitalised words of which the first is a Norwegian first name of one gender and none
    is a word organisations are named with (`Kari Nordmann`, not `Anders Jahre Stiftelse` or `Kari AS`)."""
    words = [t.text for t in span]
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    lex = lexicon()
    if any(ends_with(w, lex["organisation_nouns"]) or fold(w) in {"as", "asa", "sa", "ba"} for w in words):
        return False
    return norwegian_first_name(words[0])


def _kind_of_apposition(span: Span) -> str | None:
    """The kind a common noun right before a name says it has (`fagforeningen X`, `byen X`, `øya X`, `hotellet X`,
    `restauranten X`, `ordfører X`): stronger evidence than the model's label. None when there is no such noun."""
    if span.start == 0:
        return None
    noun = span.doc[span.start - 1]
    if noun.pos_ != "NOUN" or not noun.is_lower:
        return None
    if title_of(noun.lemma_):
        return PERSON
    lex = lexicon()
    for kind, words in ((ORGANIZATION, lex["organisation_nouns"]), (GPE, lex["political_place_nouns"]),
                        (PLACE, lex["place_nouns"] | lex["venue_nouns"])):
        if ends_with(noun.lemma_, words):
            return kind
    return None


def _is_name(span: Span) -> bool:
    """False for common words the model tends to tag: calendar words, titles, pronouns, lowercase nouns."""
    if len(span) == 1:
        token = span[0]
        word = fold(token.text)
        if word in calendar_words() or token.pos_ in {"PRON", "DET", "ADP", "VERB", "AUX", "ADV", "SCONJ"}:
            return False
        if any(title_of(w) for w in _bare_forms(token)):
            return False  # a title, also definite or in the genitive (`Statsministerens kontor`)
        if token.pos_ not in _NAME_POS and token.is_sent_start and token.text[1:].islower() \
                and full_name(token.text) is None:
            return False  # a capitalised common noun at the start of a sentence (not `Nato`, a known name)
    return not all(fold(t.text) in calendar_words() for t in span)


def _bare_forms(token: Token) -> set[str]:
    """The lemma and the form of a token with a genitive -s and then a definite ending (-en, -et, -a, -ene)
    taken off: what a title tagged as a name (`Statsministerens`) looks like in the dictionary."""
    forms = {token.lemma_, token.text}
    for form in (token.text, token.text.removesuffix("s")):
        forms |= {form.removesuffix(end) for end in ("en", "et", "a", "ene", "ne")}
    return {f for f in forms if len(f) > 2}


_ARGUMENTS = frozenset({"SUBJ", "FSUBJ", "DOBJ", "IOBJ"})


def country_genitive(token: Token) -> Country | None:
    """The country a word names in the genitive (`Tyrkias`, `Noregs`), or None."""
    return countries().get(fold(token.text[:-1])) if token.text.endswith("s") and token.text[:1].isupper() else None


def nominative(span: Span) -> str:
    """The nominative form of a name: drop the genitive -s/-'s/-' of its last word (`Sveriges` -> `Sverige`)."""
    last = span[-1]
    text = span.text
    before_noun = last.i + 1 < len(last.doc) and last.nbor().pos_ in {"NOUN", "ADJ"}
    if span.root.dep_ in _ARGUMENTS and not before_noun:
        return text  # `sa Sanders at`: a subject or object, whatever the tagger's case says
    if fold(text) in lexicon()["news_agencies"] or full_name(text) is not None:
        return text  # `Reuters`, a known name that ends in -s
    genitive = "Case=Gen" in str(last.morph) or last.dep_ == "DET" or (before_noun and last.text.endswith("s"))
    if genitive:
        for suffix in ("'s", "’s", "'", "’", "s"):
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                stripped = text[: -len(suffix)]
                # `Paris`, `Hellas`: keep an -s that the lemmatizer keeps, unless the stripped form is a country
                # or a known organisation (`Parats`).
                if suffix != "s" or countries().get(fold(stripped)) or full_name(stripped) \
                        or last.lemma_ != last.text:
                    return stripped
    return text


def is_delegation(token: Token) -> bool:
    """A noun that denotes a delegation (`delegasjonen`, `forhandlingsdelegasjon`)."""
    return token.pos_ == "NOUN" and ends_with(token.lemma_, lexicon()["delegation_nouns"])


def is_event(token: Token) -> bool:
    """A noun that denotes an event such as talks, negotiations, a meeting or a round of talks."""
    return event_lemma(token) is not None


def event_lemma(token: Token) -> str | None:
    """The lemma of an event noun, also where the lemmatizer broke it (`G20-møtet` -> `G20-møt`, `landsmøtet` ->
    `landsmøt`: the form less its ending); `pressekonferanse` for the press met (`møtte pressen`), `valg` for the
    election in the definite only (`valget`); None for any other token."""
    if token.pos_ != "NOUN":
        return None
    lex = lexicon()
    nouns = lex["event_nouns"]
    if fold(token.lemma_) in lex["press_nouns"] and token.dep_ == "DOBJ" and token.head.pos_ == "VERB" \
            and fold(token.head.lemma_) == "møte":
        return "pressekonferanse"  # `møtte pressen`: held a press conference
    if fold(token.lemma_) in lex["definite_event_nouns"]:
        return token.lemma_ if "Definite=Def" in str(token.morph) else None  # `valget`, not `et annet valg`
    if ends_with(token.lemma_, nouns):
        if fold(token.lemma_) not in nouns and ends_with(token.lemma_, lex["non_event_nouns"]):
            return None  # `forsamlingen`: an assembly, a body
        return token.lemma_
    stem = next((stem for e in ("ene", "ane", "et", "en", "a", "t", "n") if token.text.endswith(e)
                 and ends_with(stem := token.text[:-len(e)], nouns)), None)
    if stem is None or ends_with(stem, lex["non_event_nouns"]) and fold(stem).rsplit("-", 1)[-1] not in nouns:
        return None
    return stem


def name_word_before(token: Token) -> Token | None:
    """The capitalised word right before a noun with a capitalised name before its hyphen, when that word begins
    the name (`Norsk Industri-direktør`, `Nye Veier-sjef`): inside a sentence, or at its start where it is a
    nationality adjective (`Norsk`, `Svensk`), which there can only be part of the name."""
    if token.i == token.sent.start or not token.text[:1].isupper() or "-" not in token.text:
        return None
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


def article_kinds(sentences: list[tuple[int, Span, list[Named]]]) -> list[tuple[int, Span, list[Named]]]:
    """The kinds an article's own words give its one-word names, once the model's kinds of the article agree (one
    kind per key): a name that holds a title is a person (`titled_people`), a name an event is in is a place
    (`placed_names`), then a name takes the kind of the sure names it is coordinated with (`coordinated_kinds`)."""
    return coordinated_kinds(placed_names(titled_people(sentences)))


def placed_names(sentences: list[tuple[int, Span, list[Named]]]) -> list[tuple[int, Span, list[Named]]]:
    """`Møtet i Riyadh`, `en reise til Moskva og Kiev`: a one-word name that no list knows, the model's person
    or organisation, is a place in the whole article where the article puts an event in it (`i` on an event
    noun; not a body's own meeting: `styremøtet i Solvind`) or names it with places after a preposition of
    place."""
    places = {}
    for _, sent, names in sentences:
        for group in [[n] for n in names] + _coordinations(sent, names):
            kinds = [n.kind for n in group if _class(n.kind) == PLACE]
            kind = kinds[0] if kinds else PLACE
            for n in group:
                token = sent.doc[n.start]
                if n.kind in {PERSON, ORGANIZATION} and _unsure_kind(sent, n, set()) and (
                        len(group) == 1 and token.dep_ == "PUTFYLL" and token.head.lower_ == "i"
                        and is_event(token.head.head) and not _meeting_of_a_body(token.head.head)
                        or len(group) > 1 and kinds and _after_place_preposition(sent, group[0])):
                    places.setdefault(n.key, kind)
    if not places:
        return sentences
    return [(offset, sent, [replace(n, kind=places[n.key]) if n.key in places else n for n in names])
            for offset, sent, names in sentences]


def _meeting_of_a_body(token: Token) -> bool:
    """An event noun for a meeting a body holds (`styremøtet`, `landsmøtet`, `generalforsamlingen`; lexicon
    `body_meeting_prefixes`), which is `i` the organisation, not a place."""
    word = fold(token.text)
    return any(word.startswith(prefix) for prefix in lexicon()["body_meeting_prefixes"])


def titled_people(sentences: list[tuple[int, Span, list[Named]]]) -> list[tuple[int, Span, list[Named]]]:
    """`Lavrov har vært Russlands utenriksminister`, `Då Brekke vart toppsjef`: a one-word name that no list
    knows, the subject of `være` or `bli` with a title as its predicate, is a person in the whole article,
    whatever the model made of its other mentions (an organisation holds no title)."""
    people = {n.key for _, sent, names in sentences for n in names if n.kind != PERSON
              and _unsure_kind(sent, n, set()) and _holds_title(sent.doc[n.start])}
    if not people:
        return sentences
    return [(offset, sent, [replace(n, kind=PERSON) if n.key in people else n for n in names])
            for offset, sent, names in sentences]


def _holds_title(token: Token) -> bool:
    """A subject whose verb, or an infinitive under it, is `være`/`bli` with a title as predicative (SPRED), not one
    an organisation can hold too (lexicon `organisation_roles`: `eier`, `partner`)."""
    if token.dep_ != "SUBJ":
        return False
    verbs, verb = [], token.head
    while verb is not None and len(verbs) < 4:
        verbs.append(verb)
        verb = next((c for c in verb.children if c.dep_ == "INFV"), None)
    return any(fold(v.lemma_) in _COPULAS and any(c.dep_ == "SPRED" and c.pos_ == "NOUN" and title_of(c.lemma_)
                                                  and title_of(c.lemma_) not in lexicon()["organisation_roles"]
                                                  for c in v.children) for v in verbs)


_COPULAS = {"være", "vere", "bli", "verte"}


def coordinated_kinds(sentences: list[tuple[int, Span, list[Named]]]) -> list[tuple[int, Span, list[Named]]]:
    """One kind for the names of a coordination (`Philadelphia, Carlisle og Washington D.C.`, `Rubio og
    Zelenskyj`): a one-word name that nothing makes sure of takes, in the whole article, the kind of the names it
    is coordinated with when those that are sure of their kind (a name of several words, a known organisation,
    a surname of a person the article names in full) agree on one; countries lend no kind (`Norge og Equinor`),
    and a name a preposition of place governs becomes no person (`frå Ålesund og Kari Holm`). Call after the
    kinds of an article agree (one kind per key)."""
    surnames = {n.key.rsplit(" ", 1)[1] for _, _, names in sentences for n in names
                if n.kind == PERSON and " " in n.key}
    retyped: dict[str, str] = {}
    for _, sent, names in sentences:
        for group in _coordinations(sent, names):
            sure = {_class(n.kind) for n in group if _sure_kind(sent, n, surnames)}
            if len(sure) != 1:
                continue
            kind = next(n.kind for n in group if _sure_kind(sent, n, surnames))
            for n in group:
                if _class(n.kind) not in sure and _unsure_kind(sent, n, surnames) \
                        and not (kind == PERSON and _after_place_preposition(sent, n)):
                    retyped.setdefault(n.key, kind)
    if not retyped:
        return sentences
    return [(offset, sent, [replace(n, kind=retyped.get(n.key, n.kind)) for n in names])
            for offset, sent, names in sentences]


def _class(kind: str) -> str:
    return PLACE if kind == GPE else kind  # a city and a region are both places here


def _coordinations(sent: Span, names: list[Named]) -> list[list[Named]]:
    """The groups of two or more names of a sentence joined by coordination: a name and the names whose head
    word is a conjunct of it (KOORD in the parse)."""
    doc = sent.doc
    owner = {i: n for n in names if not n.coref for i in range(n.start, n.end)}
    groups: dict[int, set[Named]] = {}
    for n in owner.values():
        root = next((t for t in doc[n.start:n.end] if not n.start <= t.head.i < n.end or t.head == t), None)
        if root is None or root.dep_ != "KOORD" or (first := owner.get(root.head.i)) is None or first == n:
            continue
        groups.setdefault(first.start, {first}).add(n)
    return [sorted(group, key=lambda n: n.start) for group in groups.values()]


def _sure_kind(sent: Span, named: Named, surnames: set[str]) -> bool:
    """A name whose kind no coordination changes, and which lends its kind: several words, a known organisation,
    a surname the article gives a person in full; not a country."""
    if named.key.startswith("country:"):
        return False
    text = sent.doc[named.start:named.end].text
    return named.end - named.start > 1 or full_name(text) is not None or named.key in surnames


def _after_place_preposition(sent: Span, named: Named) -> bool:
    """A name (or the first of the coordination it is in) governed by a preposition of place (`frå Ålesund og
    Kari Holm`: the parse may join a place and the next person)."""
    token = sent.doc[named.start]
    while token.dep_ == "KOORD" and token.head != token:
        token = token.head
    return token.dep_ == "PUTFYLL" and token.head.lower_ in _PLACE_PREPOSITIONS


_PLACE_PREPOSITIONS = {"i", "på", "fra", "frå", "til", "ved", "utenfor", "utanfor"}


def _unsure_kind(sent: Span, named: Named, surnames: set[str]) -> bool:
    """A one-word name in title case that no list knows: its kind is only the model's guess."""
    token = sent.doc[named.start]
    word = fold(token.text)
    return named.end - named.start == 1 and token.is_alpha and token.text.istitle() and not named.coref \
        and named.key not in surnames and full_name(token.text) is None and not countries().get(word) \
        and not named.key.startswith("country:") and not has_institution_ending(word) \
        and word not in lexicon()["news_agencies"] and word not in lexicon_pairs("institutions")
