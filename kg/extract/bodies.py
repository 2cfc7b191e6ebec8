"""Bodies named by common nouns, which the model leaves out or cuts short (`bodies`): national institutions
(`regjeringen`, `Kunnskapsdepartementet`; lexicon `institutions`, `institution_endings`) and a country's
(`regjeringen i Venezuela`, `Venezuelas regjering`: keyed by noun and country, one entity); a body of an
organisation (`valgkomiteen`, keyed `organ:` and kept within its article by kg.resolve) or of an owner in the
genitive (`Fagforbundets arbeidsutvalg`); a compound with a name before its hyphen (`Trump-administrasjonen`;
`compound_prefix` gives the entity such a name mentions: `Ukraina-krigen`, `Støre-regjeringen`); and a body noun
with what it is for or where it is (`Budsjettnemnda for jordbruket`, `Næringsforeningen i Trondheim`); a town's
council (`bystyret`) and public building (`rådhuset`, a place) by the noun alone.
`body_noun` and `organ_base` also tell `people.py` which words name no person."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from spacy.tokens import Span, Token

from kg.extract.gazetteer import countries, ends_in, ends_with, fold, full_name, lexicon, lexicon_pairs
from kg.extract.names import Named, compound_organisation, has_institution_ending
from kg.extract.nouns import adjective_country
from kg.extract.tokens import capitalised_of, morph, nouns_of, tokens_of
from kg.types import GPE, ORGANIZATION, PERSON, PLACE

ORGAN = "organ:"  # the key of a body named by a common noun: one per article (kg.resolve keeps it there)


def bodies(sent: Span, found: list[Named]) -> list[Named]:
    """A sentence's names (`found`) with the bodies named by common nouns (institutions, organs, owned bodies,
    compounds, a country's institutions), then a body noun joined to what it is for or where it is."""
    found = _organ_names(sent, found)
    found = found + _institutions(sent, found)
    found += _organs(sent, found)
    found += _owned_bodies(sent, found)
    found += _compound_organisations(sent, found)
    found += _foreign_institutions(sent, found)
    found = _bodies_for(sent, found)
    return _town_buildings(sent, _bodies_at_places(sent, found))


def _town_buildings(sent: Span, found: list[Named]) -> list[Named]:
    """`foran rådhuset`, `på Rådhuset i Solvik`: a town's public building named by its noun alone in the definite
    (lexicon `local_buildings`) is a place: with `i` and a place's name right after it, the building of that
    place, named with it; alone, the building of the article's town, keyed as an organ is (one per article)."""
    doc, out = sent.doc, list(found)
    buildings = lexicon_pairs("local_buildings")
    for token in nouns_of(sent):
        if (base := buildings.get(fold(token.text))) is None:
            continue
        own = next((n for n in found if n.start <= token.i < n.end), None)
        if own is not None and (own.start, own.end) != (token.i, token.i + 1):
            continue  # a name the model found around the word
        at = next((n for n in found if token.i + 2 == n.start and fold(doc[token.i + 1].text) == "i"
                   and n.kind in {GPE, PLACE} and not n.key.startswith("country:")), None)
        if at is not None:
            name = doc[token.i:at.end].text
            out = [n for n in out if n is not own] + [Named(token.i, at.end, PLACE, name, fold(name))]
        elif own is None:
            out.append(Named(token.i, token.i + 1, PLACE, token.text, ORGAN + base))
    return out


def _institutions(sent: Span, found: list[Named]) -> list[Named]:
    """National institutions the model leaves out because they are written as common nouns: `regjeringen`,
    `påtalemyndigheten`, `Stortinget` (lexicon `institutions`), also in the genitive (`regjeringens`), and a
    capitalised definite noun with an institution's ending (`Kunnskapsdepartementet`, `Konkurransetilsynet`).
    Not one that says whose it is (`regjeringen i Venezuela`, `Maduros regjering`, `den amerikanske
    regjeringen`)."""
    taken = {i for n in found for i in range(n.start, n.end)}
    named_institutions = lexicon_pairs("institutions")
    added = []
    for token in nouns_of(sent):
        if token.i in taken:
            continue
        text = token.text
        word = fold(text)
        name = named_institutions.get(word) or named_institutions.get(word[:-1]) if word.endswith("s") \
            else named_institutions.get(word)  # `regjeringens forslag`: the genitive
        if name is None and text[:1].isupper() and not token.is_sent_start and has_institution_ending(word):
            name = text
        if name is None or any(c.dep_ in {"DET", "ATR"} and (c.pos_ in {"PROPN", "ADJ"}) and c.i < token.i
                               for c in token.children) or any(
                fold(c.text) in {"i", "til"} for c in token.children if c.i > token.i):
            continue
        added.append(Named(token.i, token.i + 1, ORGANIZATION, name, fold(name)))
    return added


HOME = "NO"  # the country whose institutions lexicon `institutions` names


def _foreign_institutions(sent: Span, found: list[Named]) -> list[Named]:
    """A country's institution named by a common noun and the country (`regjeringen i Venezuela`, `Venezuelas
    regjering`, `det amerikanske utenriksdepartementet`): an organisation, named as written and keyed by the
    noun and the country, so that the three forms are one entity."""
    taken = {i for n in found for i in range(n.start, n.end)}
    doc, added = sent.doc, []
    institutions = lexicon_pairs("institutions")
    for token in nouns_of(sent):
        if token.i in taken:
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
        key = fold(base) if base is not None and country[0] == f"country:{HOME}" else f"{noun}|{country[0]}"
        added.append(Named(start, end, ORGANIZATION, doc[start:end].text, key))  # `det norske kongehuset` is
        # `Kongehuset`: the national institutions of lexicon `institutions` are Norway's
    return added


def _organs(sent: Span, found: list[Named]) -> list[Named]:
    """A body of an organisation named by a definite compound noun (`valgkomiteen`, `skistyret`, `Valgkomiteens`,
    `konsernleiinga`, `utenriks- og forsvarskomiteen`; lexicon `organ_nouns`): an organisation keyed by its base
    form; the same words in another article may be another body, so resolution keeps it within its article."""
    taken = {i for n in found for i in range(n.start, n.end)}
    added = []
    doc = sent.doc
    stems = _organ_stems()
    for token in nouns_of(sent):
        if token.i in taken or not stems.search(token.lower_) \
                or (base := organ_base(token)) is None:
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


def _organ_names(sent: Span, found: list[Named]) -> list[Named]:
    """A one-word organisation the model named that is an organ noun in the definite (`Valgkomiteen`,
    `Skistyret` at a sentence's start or as a name) is the body `_organs` would key: a common noun,
    not a name that is one organisation in every article."""
    doc = sent.doc
    return [replace(n, key=ORGAN + base) if n.kind == ORGANIZATION and n.end - n.start == 1 and not n.coref
            and (base := organ_base(doc[n.start])) is not None else n for n in found]


def _owned_bodies(sent: Span, found: list[Named]) -> list[Named]:
    """`Fagforbundets arbeidsutvalg`, `NATOs parlamentarikerforsamling`, `Ukrainas nasjonale sikkerhetsråd`: an
    organisation or country in the genitive and a body noun of its (an organ noun, or a compound ending in `råd`
    or `forsamling`; lexicon `owned_body_nouns`), adjectives between, name one organisation; the owner stays a
    name of its own."""
    doc, added = sent.doc, []
    taken = {i for n in found for i in range(n.start, n.end)}
    for token in nouns_of(sent):
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
    return _owned_body_word(fold(token.text)) and "Plur" not in morph(token, "Number")


@lru_cache(maxsize=1 << 16)
def _owned_body_word(word: str) -> bool:
    """`_owned_body_noun` by the folded word alone (asked for every lower-case noun: kept)."""
    return ends_in(word, frozenset(_folded_organs())) or ends_in(word, lexicon()["owned_body_nouns"], 3)


@cache
def _folded_organs() -> tuple[str, ...]:
    """The organ nouns (lexicon `organ_nouns`) folded, in the list's order."""
    return tuple(fold(noun) for noun in lexicon()["organ_nouns"])


@cache
def _organ_stems() -> re.Pattern[str]:
    """A part every form of an organ noun contains (`komit` in `komité`, `komiteen`), any of them: a fast filter."""
    return re.compile("|".join(re.escape(noun[:4]) for noun in (*_folded_organs(), *lexicon_pairs("local_bodies"))))


def organ_base(token: Token) -> str | None:
    """The base form of a definite singular compound ending in an organ noun (`Valgkomiteens` -> `valgkomite`,
    `skistyret` -> `skistyre`), the compound's first part at least three letters, or of a town's or county's
    council (`bystyret`, `byrådet`; lexicon `local_bodies`); None for any other word."""
    word = fold(token.text)
    if "-" in word or "Plur" in morph(token, "Number") and fold(token.lemma_) + "a" != word:
        # (`Budsjettnemnda`: a feminine singular the tagger may take for a plural)
        return None
    if word.endswith("s") and ("Case=Gen" in str(token.morph) or token.dep_ == "DET"):
        word = word[:-1]
    return _organ_base_of(word)


def organ_base_of(word: str) -> str | None:
    """`organ_base` of a folded word (for kg.resolve: the body a name like `Valgkomiteen i NJ` begins with)."""
    return _organ_base_of(word)


@lru_cache(maxsize=1 << 16)
def _organ_base_of(word: str) -> str | None:
    """`organ_base` of a folded word without its genitive ending (asked for every noun: kept)."""
    if (local := lexicon_pairs("local_bodies").get(word)) is not None:
        return local  # `bystyret`, `byrådet`: a town's council by its noun alone
    for ending in ("en", "et", "a", "t", "n"):  # the definite endings: `komiteen`, `styret`, `leiinga`
        stem = word[:-len(ending)] if word.endswith(ending) else None
        for noun in _folded_organs():
            for base in (stem, f"{stem}e") if stem else ():
                if base.endswith(noun) and len(base) - len(noun) >= 3:
                    base = lexicon_pairs("nynorsk_name_words").get(base, base)  # `valkomite` -> `valgkomite`
                    bokmaal = _BOKMAAL_ORGANS.get(noun)  # `prosjektleiing` -> `prosjektledelse`
                    return base[:-len(noun)] + bokmaal if bokmaal else base
    return None


# The Nynorsk organ nouns (lexicon `organ_nouns`, folded) -> their Bokmål forms: a body's base is keyed in Bokmål, so
# that `styringsutvalet` and `styringsutvalget` of two articles are one body's (kg.resolve's `organ:` key).
_BOKMAAL_ORGANS = {"utval": "utvalg", "leiing": "ledelse", "leiinga": "ledelse"}


def _compound_organisations(sent: Span, found: list[Named]) -> list[Named]:
    """The `compound_organisation`s of a sentence that the model left out, named without a genitive `s`."""
    taken = {i for n in found for i in range(n.start, n.end)}
    added = []
    for token in capitalised_of(sent):  # (`compound_organisation`'s name before the hyphen is capitalised)
        if token.i not in taken and compound_organisation(token):
            name = token.text[:-1] if token.text.endswith("s") and not fold(token.text).endswith("ss") else token.text
            added.append(Named(token.i, token.i + 1, ORGANIZATION, name, fold(name)))
    return added


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


def _bodies_for(sent: Span, found: list[Named]) -> list[Named]:
    """`Budsjettnemnda for jordbruket`, `Institutt for global helse og samfunnsmedisin`, `senter for sivile
    rettigheter`: a body noun (capitalised and definite, or a bare singular `institutt`, `senter`, `fakultet` with
    no article) and `for` with words in lower case after it is one organisation by that name; an organ keeps its
    key."""
    doc, out = sent.doc, list(found)
    for prep in tokens_of(sent):  # `for` with a body noun before it: the prepositions are fewer than the nouns
        if prep.lower_ != "for" or prep.i == sent.start or prep.i + 1 >= sent.end or prep.head.i != prep.i - 1:
            continue
        token = prep.head
        bare = fold(token.text) in _BARE_BODIES and not any(c.dep_ == "DET" for c in token.children)
        object_ = next((c for c in prep.children if c.dep_ == "PUTFYLL"), None)
        if not bare and not (token.text.istitle() and body_noun(token)) or object_ is None:
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


def body_noun(token: Token) -> bool:
    """A definite singular noun for a body that no list knows by name: capitalised and ending in an organisation
    or organ noun (`Næringsforeningen`, `Interimstyret`), or with an institution's ending (`påtalemyndigheten`)."""
    word = fold(token.text)
    if token.pos_ not in {"NOUN", "PROPN"} or not token.is_alpha \
            or "Plur" in morph(token, "Number") and fold(token.lemma_) + "a" != word \
            or full_name(token.text) is not None or word in lexicon_pairs("institutions") and \
            not has_institution_ending(word):
        return False
    if has_institution_ending(word):
        return True
    if not token.text.istitle():
        return False
    stems = (word[:-len(e)] for e in ("en", "et", "a", "n", "t") if word.endswith(e))
    return any(ends_with(stem, lexicon()["organisation_nouns"]) for stem in stems) or organ_base(token) is not None


def _organ_noun(token: Token) -> bool:
    """A definite singular noun in lower case for a body of an organisation: an organ noun, alone or in a compound
    (`styret`, `komiteen`; lexicon `organ_nouns`), or a compound ending in an owned body noun (`bedriftsforsamlingen`;
    lexicon `owned_body_nouns`)."""
    lemma = fold(token.lemma_)
    return token.is_lower and token.pos_ == "NOUN" and "Definite=Def" in str(token.morph) \
        and "Plur" not in morph(token, "Number") and (any(lemma.endswith(noun) for noun in _folded_organs()) or any(
            lemma.endswith(noun) and len(lemma) - len(noun) >= 3 for noun in lexicon()["owned_body_nouns"]))


def _bodies_at_places(sent: Span, found: list[Named]) -> list[Named]:
    """`Næringsforeningen i Trondheim`, `Utenriksdepartementet i Kabul`, `Interimstyret ved Høgskulen på
    Vestlandet`, `påtalemyndigheten i Miami`, `styret i Fjordfisk`: a definite noun for a body (an organisation
    noun, an organ noun, capitalised; an institution's ending, in any case; an organ noun in lower case at an
    organisation, `_organ_noun`) with `i` or `ved` and a name the parse hangs on it is one
    organisation, named with the place or organisation it is at (not a country: `regjeringen i Venezuela` is
    `_foreign_institutions`'), nor after `på` (`på Nobelinstituttet i Oslo`: the building); an organ keeps its key.
    The place stays a name of its own."""
    doc, out = sent.doc, list(found)
    for prep in tokens_of(sent):  # `i`/`ved` with a body noun before it
        if prep.lower_ not in {"i", "ved"} or prep.i == sent.start or prep.i + 1 >= sent.end \
                or prep.head.i != prep.i - 1:
            continue
        token = prep.head
        at = next((n for c in prep.children if c.dep_ == "PUTFYLL" for n in found if n.start <= c.i < n.end
                   and n.start == prep.i + 1 and n.kind in {GPE, PLACE, ORGANIZATION}
                   and not n.key.startswith("country:")), None)
        if at is None or not (body_noun(token) or at.kind == ORGANIZATION and _organ_noun(token)) \
                or token.head.lower_ == "på" and token.dep_ == "PUTFYLL":
            continue  # `på Nobelinstituttet i Oslo`: the building, a venue
        own = next((n for n in out if n.start <= token.i < n.end), None)
        if own is not None and (own.start != token.i or own.end != token.i + 1):
            continue  # a name the model found around the word (`Høgskolen i Bergen`)
        name = doc[token.i:at.end].text
        key = own.key if own is not None and own.key.startswith(ORGAN) else fold(name)
        out = [n for n in out if n is not own] + [Named(token.i, at.end, ORGANIZATION, name, key)]
    return out
