"""`Named`, a name found in a sentence, and the model's named entities made into names (`model_names`). The model's
raw output is not trusted on its own: weekdays, months, titles and pronouns are never names; coordinated names are
split (`Donetsk og Luhansk`); genitives are reduced to the nominative (`nominative`: `Sveriges` -> `Sverige`);
country names from CLDR and iso-codes override the model's type. Words of the name or right after it retype it: a
venue or landform noun makes a place (`Soria Moria hotell`, `Stortingsplassen`, `Bygdøy kongsgård`), an outlet or
organisation noun an organisation (`Brussels Times`, `Buskerud skikrets`, `Norsk pilotforening`), as does a
company's or institution's last word (`Solvik Kraft`, `Nordic Maritime Institute`), a common noun
right before a name its kind (`byen X`, `ordfører X`). Also the word tests the other modules of names share
(`has_institution_ending`, `compound_organisation`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Span, Token

from kg.extract.gazetteer import (
    Country,
    calendar_words,
    countries,
    ends_in,
    ends_with,
    fold,
    full_name,
    joined_places,
    lengths_of,
    lexicon,
    norwegian_first_name,
    title_of,
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


def model_names(sent: Span) -> list[Named]:
    """The model's named entities of a sentence, cleaned, split at coordinations and typed; drops what is
    not a name."""
    found = []
    for ent in _slashed(sent):
        kind = MODEL_KINDS.get(ent.label_)
        if kind == PERSON and (named := _institution_before(ent, sent)) is not None:
            ent = named  # `Advokatfirmaet Hjort`, where the model tagged `Hjort` alone
        venue = kind in {None, ORGANIZATION} and _venue(ent)
        if venue or (kind in {None, ORGANIZATION, PERSON} and _venue_word(ent)):
            kind = PLACE  # `Soria Moria hotell` (a product to the model), `Stavanger tinghus` (an organisation),
            # `Vor Frue kirke`, `Stortingsplassen` (persons to the model)
        elif len(ent) > 1 and fold(ent[-1].text) in lexicon()["outlet_words"] and ent[-1].text[:1].isupper():
            kind = ORGANIZATION  # `Brussels Times` (a product to the model), `China Daily` (a person)
        elif len(ent) > 1 and kind != ORGANIZATION and _company_word(ent[-1]) \
                and not (kind == PERSON and norwegian_first_name(ent[0].text)):
            kind = ORGANIZATION  # `Solvik Kraft` (a person to the model), `Nordic Maritime Institute` (a place)
        elif len(ent) == 1 and compound_organisation(ent[0]):
            kind = ORGANIZATION  # `Trump-administrasjonen`, `Haqqani-nettverket`
        elif len(ent) == 1 and kind != ORGANIZATION and has_institution_ending(fold(ent.text).removesuffix("s")):
            kind = ORGANIZATION  # `Senterungdommens`, `Fellesforbundet`, `Altaposten` (a person to the model)
        elif len(ent) > 1 and kind == PERSON and has_institution_ending(fold(ent[0].text)) \
                and _hangs_on(ent[1], ent[0]):
            kind = ORGANIZATION  # `Advokatfirmaet Hjort`, `Helgelandssykehuset Sandnessjøen`: no first name is one
        elif kind is None:
            ent, kind = _named_organisation(ent)
        elif kind == ORGANIZATION and _home_town(ent):
            kind = PLACE  # `Andreas Næss fra Sarpsborg`: where he is from
        elif kind in {GPE, PLACE} and (body := _place_organisation(ent, sent)) is not None:
            ent, kind = body, ORGANIZATION  # `Buskerud skikrets`: a place's name and an organisation noun
        elif kind in {GPE, PLACE} and len(ent) > 1 and _body_noun(ent[-1]):
            kind = ORGANIZATION  # `Lillevik bystyre`, `Solvik fylkeskommune` (places to the model)
        elif kind in {GPE, PLACE} and (venue := _place_venue(ent, sent)) is not None:
            ent, kind = venue, PLACE  # `Bygdøy kongsgård`, `Stavanger tinghus`: the building is the place
        for part in _split(ent):
            if kind == PERSON and len(part) > 1 and (country := country_genitive(part[0])) is not None:
                found.append(Named(part.start, part.start + 1, GPE, country.name, f"country:{country.code}"))
                part = part[1:]  # `Tyrkias Recep Tayyip Erdogan`: the country whose he is, then his name
            swallowed = None
            if kind == PERSON and len(part) > 1 and part.end < len(part.doc) and part[-1].head.i == part.end \
                    and part.doc[part.end].pos_ in {"NOUN", "ADJ"} and (country := country_genitive(part[-1])):
                swallowed = Named(part.end - 1, part.end, GPE, country.name, f"country:{country.code}")
                part = part[:-1]  # `møter Støre Sveriges statsminister NAME`: the person, then whose the next is (the
                # genitive hangs on the noun after it; not `Michael Jordans karriere`, the name's own genitive)
            elif kind == PERSON and len(part) > 1 and _known_acronym(part[-1]):
                swallowed = Named(part.end - 1, part.end, ORGANIZATION, part[-1].text, fold(part[-1].text))
                part = part[:-1]  # `kjenner Fürst Haugen NRK godt`: the person, then the organisation she knows
            elif kind == PERSON and len(part) > 2 and (country := countries().get(fold(part[-1].text))):
                swallowed = Named(part.end - 1, part.end, GPE, country.name, f"country:{country.code}")
                part = part[:-1]  # `besøkte forsvarsminister Kari Lie Norge`: the person, then the country visited
            named = _clean(part, kind)
            found += [n for n in (named, swallowed) if n is not None]
    return _joined_places(sent, found)


def _joined_places(sent: Span, found: list[Named]) -> list[Named]:
    """`Troms og Finnmark`, which the model may tag as two places: two places joined by `og` that together are a
    region of ISO 3166-2 (`joined_places`) are that one place."""
    doc, ordered = sent.doc, sorted(found, key=lambda n: n.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.kind in {GPE, PLACE} and b.kind in {GPE, PLACE} and b.start == a.end + 1 \
                and doc[a.end].lower_ == "og" and fold(text := doc[a.start:b.end].text) in joined_places():
            found = [n for n in found if n is not a and n is not b] + [Named(a.start, b.end, GPE, text, fold(text))]
    return found


def _known_acronym(token: Token) -> bool:
    """An abbreviation in capitals that parties.yaml or organisations.yaml knows (`NRK`, `LO`, `KrF` is not
    one): no word of a person's name."""
    return len(token.text) >= 2 and token.text.isupper() and full_name(token.text) is not None


def compound_organisation(token: Token) -> bool:
    """A capitalised name, a hyphen and a definite noun for an administration, commission, police, government or
    network (lexicon `compound_organisation_nouns`): `Trump-administrasjonen`, `Gjørv-kommisjonens`,
    `Philadelphia-politiet`, `Haqqani-nettverket`, one organisation."""
    prefix, dash, rest = token.text.rpartition("-")
    if not dash or not prefix[:1].isupper() or not rest[:1].islower() or not rest.isalpha():
        return False
    word = fold(rest).removesuffix("s")
    return any(word.startswith(noun) and word[len(noun):] in {"en", "et", "a"}
               for noun in lexicon()["compound_organisation_nouns"])


def _slashed(sent: Span) -> list[Span]:
    """The model's entities of a sentence, with a person's name taken on through its particles (`_with_particles`;
    an entity it then covers is dropped) and an organisation named for two towns joined to the second
    (`Høgskolen Stord/Haugesund`: the model tags `Høgskolen Stord` and the place `Haugesund`); two organisations
    with a slash between them stay two (`NHO Luftfart/SAS`)."""
    ents, joined = [_with_particles(ent) for ent in sent.ents], []
    ents = [ent for k, ent in enumerate(ents) if not any(o.start < ent.start < o.end for o in ents[:k])]
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


def _with_particles(ent: Span) -> Span:
    """A person's name that goes on after the model stopped, through name particles in lower case to a
    capitalised word (`Karla von der Heiden`, which the model may tag `Karla von` and a place `Heiden`;
    `Ludwig van Beethoven`, `Mohammed bin Salman`)."""
    doc = ent.doc
    if ent.label_ != "PER":
        return ent
    start = ent.end
    while start - 1 > ent.start and doc[start - 1].lower_ in _NAME_PARTICLES:
        start -= 1
    if start >= len(doc) or doc[start].lower_ not in _FIRST_PARTICLES or not doc[start].is_lower:
        return ent
    end = start + 1
    while end < len(doc) and doc[end].lower_ in _NAME_PARTICLES and doc[end].is_lower:
        end += 1
    if end == len(doc) or not doc[end].is_alpha or not doc[end].is_title or end >= ent.sent.end:
        return ent
    return Span(doc, ent.start, end + 1, label="PER")


# Particles that begin the rest of a name (not `de`, `da`, `la`: Norwegian words), and those that may follow.
_FIRST_PARTICLES = {"von", "van", "bin", "ibn", "del", "della", "di", "dos", "das", "ter", "ten", "zu", "af"}
_NAME_PARTICLES = _FIRST_PARTICLES | {"der", "den", "de", "la", "le", "da"}


@lru_cache(maxsize=1 << 16)
def has_institution_ending(word: str) -> bool:
    """A folded word longer than an institution's ending it ends in (`kunnskapsdepartementet`, `barentsrådet`);
    asked for every noun by several rules: kept."""
    return ends_in(word, lexicon()["institution_endings"], 1)


def _institution_before(ent: Span, sent: Span) -> Span | None:
    """The name with the capitalised definite institution noun right before it that the model left out
    (`Advokatfirmaet Hjort`, `Helgelandssykehuset Sandnessjøen`; lexicon `institution_endings`), or None."""
    if ent.start <= sent.start:
        return None
    before = sent.doc[ent.start - 1]
    if not before.text[:1].isupper() or before.ent_type_ or before.pos_ not in {"NOUN", "PROPN"} \
            or not has_institution_ending(fold(before.text)) or not _hangs_on(ent[0], before):
        return None
    return sent.doc[ent.start - 1:ent.end]


def _hangs_on(name: Token, noun: Token) -> bool:
    """The name is part of the noun's phrase (FLAT or APP on it: `Advokatfirmaet Hjort fikk`), not the subject of a
    relative clause without `som` after it (`Lokallaget Kari Lie leder, har 200 medlemmer`)."""
    return name.head == noun and name.dep_ in {"FLAT", "APP"}


def _company_word(token: Token) -> bool:
    """A capitalised word that ends a company's or an institution's name (lexicon `organisation_name_words`:
    `Kraft`, `ASA`, `Institute`)."""
    return token.text[:1].isupper() and fold(token.text) in lexicon()["organisation_name_words"]


def _lower_word_after(ent: Span, sent: Span) -> Token | None:
    """The lower-case word right after an entity in its sentence `sent` (`skikrets` in `Buskerud skikrets`), if
    any. (The sentence is passed: `ent.sent` looks for it again, at a cost.)"""
    after = ent.doc[ent.end] if ent.end < sent.end else None
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


def _place_organisation(ent: Span, sent: Span) -> Span | None:
    """`Buskerud skikrets`, `Trondheim sjukehus`: a place's name right before a lower-case organisation noun
    (lexicon `organisation_nouns`) that the parse joins to it names the organisation, name and noun together."""
    if (after := _lower_word_after(ent, sent)) is None:
        return None  # any tag: the tagger takes `skikrets` for a verb
    joined = ent[-1].head == after or after.head == ent[-1] or after.pos_ == "X"  # (the tagger's unknown word:
    # its parse is no guide: `Sør-Trøndelag skikrets spilte inn`)
    return ent.doc[ent.start:ent.end + 1] if joined and ends_with(after.lemma_, lexicon()["organisation_nouns"]) \
        else None


def _body_noun(token: Token) -> bool:
    """A lower-case noun for an organisation or a body of one (lexicon `organisation_nouns`, `organ_nouns`):
    `bystyre`, `fylkeskommune`, `skikrets`."""
    lex = lexicon()
    return token.is_lower and token.pos_ in {"NOUN", "X"} and (
        ends_with(token.lemma_, lex["organisation_nouns"]) or ends_with(token.lemma_, lex["organ_nouns"]))


def _place_venue(ent: Span, sent: Span) -> Span | None:
    """`Bygdøy kongsgård`, `Stavanger tinghus`: a place's name and, right after it, a lower-case noun the parse
    hangs on it that is or ends in a venue noun (lexicon `venue_nouns`, and `gård`): the two name one place."""
    if (after := _lower_word_after(ent, sent)) is None or after.head != ent[-1] or after.dep_ != "FLAT":
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


@lru_cache(maxsize=1 << 16)
def _is_venue_noun(word: str) -> bool:
    """A folded word that is a venue noun (lexicon `venue_nouns`) or one with an ending (`palasset`, `plassen`)."""
    nouns = lexicon()["venue_nouns"]  # (a look-up per length of the nouns)
    return any(word[:size] in nouns for size in lengths_of(nouns) if len(word) - 3 <= size <= len(word))


def _venue(ent: Span) -> bool:
    """A name of several words, or a hyphenated one, that ends in a noun for a building or venue (lexicon
    `venue_nouns`, in any case: `Folkets Store Hall`), and that no list knows as an organisation."""
    last = ent[-1]
    word = fold(last.text).rsplit("-", 1)[-1]
    several = len(ent) > 1 or "-" in last.text
    return several and _is_venue_noun(word) and not _church(ent) and full_name(ent.text) is None


def _church(ent: Span) -> bool:
    """`Den norske kirke`, `Den katolske kirke`: a church, not its building."""
    return len(ent) == 3 and ent[0].lower_ == "den" and ent[1].pos_ == "ADJ" and ent[1].is_lower \
        and fold(ent[2].text) == "kirke"


def _venue_word(ent: Span) -> bool:
    """A name that ends in a venue noun written in lower case after it (`Vor Frue kirke`), or whose last word is
    compounded with a venue noun (`Stortingsplassen`, `Den Himmelske Fredsplass`, `Honnørbrygga`) or with a
    landform noun in the definite form (`Oslofjorden`, `Kvalsundet`, `Krim-halvøya`; lexicon `landform_nouns`:
    a surname may end in `-dal` or `-vik`, seldom in `-dalen`), at least three letters before the noun, and that
    no list knows as an organisation: a place, whatever the model said."""
    last = ent[-1]
    word = fold(last.text).replace("-", "")
    if not word.isalpha():
        return False
    if len(ent) > 1 and last.is_lower:
        place = _is_venue_noun(word) and not _church(ent)
    elif last.is_lower:
        return False
    else:
        place = _compounded_place(word)
    return place and full_name(ent.text) is None  # (the name's text, which costs most, read last)


@lru_cache(maxsize=1 << 16)
def _compounded_place(word: str) -> bool:
    """A folded word compounded with a venue noun or with a landform noun in the definite form, at least three
    letters before it (`_venue_word`; asked for every name: kept)."""
    return ends_in(word, _venue_forms(), 3) or ends_in(word, _landform_forms(), 3)


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
    doc = ent.doc
    for token in ent:
        joined = token.lower_ == "og" and ent.start < token.i < ent.end - 1 and fold(
            doc[token.i - 1:token.i + 2].text) in joined_places()  # `Troms og Finnmark`: one county
        if (token.lower_ in _SPLIT_WORDS and not organisation and not joined) or token.text == "," \
                or "\n" in token.text:  # a name ends with its line
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
    if kind == PERSON and len(span) >= 2 and (span[0].pos_ == "NOUN" or span[0].pos_ == "PROPN" and len(span) >= 3) \
            and title_of(span[0].lemma_) and not norwegian_first_name(span[0].text) \
            and (len(span) >= 3 or not _royal(span[0])):
        span = span[1:]  # `Oppdatert: Ordfører Kari Lie Berg`, `Riksmekler Ruland`, `Generalmajor Eirik Lie` (the
        # tagger's proper noun): the title is not part of the name (but `Kong Harald` is how a royal is named)
    while kind == PERSON and len(span) >= 3 and (fold(span[0].text).rstrip(".") in _HONORIFICS or fold(
            span[0].text) in _POSSESSIVES and fold(span[1].text) in _HONORIFICS):
        span = span[1:]  # `Hans Eksellense herr NAME`: a form of address, not the name (`Hans` alone is one)
    if kind == PERSON and len(span) >= 3 and span[-1].pos_ in {"NOUN", "PROPN"} and title_of(span[-1].lemma_):
        span = span[:-1]  # a caption's `Kari Lie Byrådsleder.`
    text = span.text if len(span) else ""  # (read once)
    if not text[:1].isupper() or len(text) < 2:
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


ROYALS = frozenset({"konge", "dronning", "kronprins", "kronprinsesse", "prins", "prinsesse", "keiser"})  # titles


def _royal(token: Token) -> bool:
    """A royal title (`Kong`, `Dronning`, `Kronprins`), which names its holder with the first name."""
    return title_of(token.lemma_) in ROYALS


# Forms of address before a name (`Hans Eksellense`, `Hennes Majestet`, `herr`, `fru`).
_HONORIFICS = frozenset({"eksellense", "majestet", "kongelige", "høyhet", "høgheit", "herr", "fru", "frøken",
                         "dr", "sir"})
_POSSESSIVES = frozenset({"hans", "hennes", "deres", "hennar"})  # only before an honorific: `Hans Eksellense`
_ADDRESS_WORDS = _HONORIFICS | _POSSESSIVES | {"den", "det", "høgvørde", "høyverdige"}


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
    if len(span) > 2 and span[0].text.endswith("-") and span[1].lower_ in {"og", "eller"} and title_of(span[-1].text):
        return False  # `Kultur- og likestillingsminister`: a coordinated title, no organisation
    if all(fold(t.text).rstrip(".") in _ADDRESS_WORDS or title_of(t.lemma_) or title_of(t.text) for t in span):
        return False  # `Hans Eksellense`, `Hennar Majestet`, `Den Høgvørde Kronprinsessa`: an address, no name
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
