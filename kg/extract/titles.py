"""Rules for titles: `schema:jobTitle`, `schema:affiliation` (or `schema:memberOf` a party) and `kgo:adviserTo`,
from pre-nominal titles and appositions, titles as a copula's predicate, titles after `som` on verbs of leaving or
taking up a post, the verb `lede` (`Kari Lie leder Fiskarlaget`) and the lines of a fact box (`Fakta: NAME ...
Jobb: ...`); qualifiers (`tidligere`, `påtroppende`, `avtroppende`) kept with the title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.clause import (
    COPULAS,
    Clause,
    Found,
    asserted,
    conjuncts_of,
    entity_key,
    modifier_entity,
    named_objects,
    pp_objects,
    prefix_modifier,
    subjects_of,
)
from kg.extract.entities import (
    Named,
    country_modifier,
    has_institution_ending,
    is_delegation,
    named_mentions,
)
from kg.extract.gazetteer import (
    countries,
    ends_with,
    fold,
    full_name,
    lexicon,
    lexicon_pairs,
    party_of,
    title_of,
    verb_in,
)
from kg.types import GPE, ORGANIZATION, PERSON

_POSTS = frozenset({"verv", "jobb", "rolle", "stilling", "post", "posisjon"})
_LEAVE_VERBS = frozenset(v for v, kind in lexicon_pairs("role_verbs").items() if kind == "leave")


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
        titles = titles_of(clause, named)
        former = [t for t in titles if _former(t)]
        for title in former:  # `den tidligere ordføreren`: a title once held, not a present affiliation
            yield Found(person, "schema:jobTitle", f"tidligere {_former_title(title)}", "kg.jobTitle.v1", 0.8,
                        literal=True)
        leaving = _leaving(clause, named)
        for title in (t for t in titles if t not in former):
            if any(is_delegation(o) for o in pp_objects(title, {"for"})):
                continue  # `leder for regjeringens delegasjon`: who led the delegation (ledDelegation), no post
            yield Found(person, "schema:jobTitle", leaving + _full_title(title), "kg.jobTitle.v1", 0.9, literal=True)
            for org in _affiliations(clause, title):
                yield _serves(clause, person, org, 0.8, title)
            yield from _advises(clause, person, title)
        # `konsernsjef NAME i Equinor`, `ordfører NAME i Bømlo`: the phrase often hangs on the name
        if titles and not former:
            orgs = list(named_objects(clause, clause.sent.doc[named.start], {"i", "hos", "ved"}, {ORGANIZATION, GPE}))
            orgs += _right_after(clause, named)
            for org in dict.fromkeys(orgs):
                if not _only_where(org, titles):  # `president NAME i Florida`: where, not whom they serve
                    yield _serves(clause, person, org, 0.7, titles[0])
        # `kong Frederik av Danmark`, `dronning Mary av Danmark`: the country a royal title is of
        if any(ends_with(t.lemma_, _ROYALS) or title_of(t.text) in _ROYALS for t in titles) and not former:
            for country in named_objects(clause, clause.sent.doc[named.start], {"av"}, {GPE}):
                yield _serves(clause, person, country, 0.7)
        # `Mette Nord fra Fagforbundet`: the organisation a person speaks or acts for (a place is where one is from)
        for org in named_objects(clause, clause.sent.doc[named.start], {"fra", "frå"}, {ORGANIZATION}):
            if not _maybe_a_town(clause, org):
                yield _serves(clause, person, org, 0.6)
        whose = clause.named_at(clause.sent.doc[named.start - 1]) if named.start > clause.sent.start else None
        if not titles and whose is not None and whose.key.startswith("country:") and \
                clause.sent.doc[named.start - 1].text.endswith("s"):
            yield _serves(clause, person, entity_key(GPE, whose.key), 0.7)  # `Tyrkias Recep Tayyip Erdogan`
        if not titles:  # `Thomas Vatne i Lund Høyre`: the organisation one is of
            orgs = list(named_objects(clause, clause.sent.doc[named.start], {"i"}, {ORGANIZATION}))
            orgs += _right_after(clause, named)  # the parse hangs `i` on the verb
            for org in dict.fromkeys(orgs):
                yield _serves(clause, person, org, 0.6)
    yield from _fact_box(clause)


def _right_after(clause: Clause, named: Named) -> list[str]:
    """`pressetalsmann NAME i Nato`, `NAME i Fiskarlaget`: an organisation right after `i`, `hos` or `ved` right
    after a name (not a pronoun standing for one), wherever the parse hangs the preposition (often on the verb)."""
    doc, after = clause.sent.doc, named.end
    if named.coref or after + 1 >= clause.sent.end or fold(doc[after].text) not in {"i", "hos", "ved"}:
        return []  # `kollega med henne i konsernledelsen`: a pronoun's `i` is seldom about whom it serves
    org = clause.named_at(doc[after + 1])
    return [entity_key(ORGANIZATION, org.key)] if org and org.kind == ORGANIZATION and org.start == after + 1 else []


def _maybe_a_town(clause: Clause, org: str) -> bool:
    """Whether an organisation the model named is one plain capitalised word that nothing marks as an
    organisation (no known name, no institution's ending, no abbreviation): after `fra`, most often the town a
    person is from (`Kari Lie fra Lyngdal`), which the model often takes for an organisation."""
    name = clause.entities.get(org, ("", org.partition("|")[2]))[1]
    words = name.split()
    return len(words) == 1 and not name.isupper() and not full_name(name) and not party_of(name) \
        and not has_institution_ending(fold(name)) and not ends_with(fold(name), lexicon()["organisation_nouns"])


def _fact_box(clause: Clause) -> Iterator[Found]:
    """`Fakta: Kari Lie Født: 1961 Jobb: Direktør i Fiskarlaget Tidligere yrkeserfaring: Rektor ved Fiskeskolen.
    Klubb: Lyngdal IL.`: in a paragraph that opens a fact box on a person, the title (and the organisations) each
    work label's item states is the person's (after `Tidligere` or under `Yrkeserfaring`, one held before), and
    the organisations of a club or party label are those the person is a member of."""
    person = _box_person(clause.sent.doc)
    if person is None:
        return
    for label, former, segment in _box_segments(clause):
        if label in lexicon()["member_labels"]:
            for named in _names_in(clause, segment, ORGANIZATION):
                yield Found(person, "schema:memberOf", entity_key(ORGANIZATION, named.key), "kg.memberOf.factbox.v1",
                            0.8)
            continue
        title = next((t for t in segment if t.pos_ != "ADJ"), None)
        held_before = label in lexicon()["former_work_labels"]
        if label not in lexicon()["work_labels"] and not held_before or title is None or not _title_word(title) \
                or clause.named_at(title):
            continue
        if former or held_before:
            yield Found(person, "schema:jobTitle", f"tidligere {_former_title(title)}", "kg.jobTitle.factbox.v1",
                        0.8, literal=True)
            continue
        yield Found(person, "schema:jobTitle", _full_title(title), "kg.jobTitle.factbox.v1", 0.8, literal=True)
        for named in _names_in(clause, segment[title.i - segment.start + 1:], ORGANIZATION):
            found = _serves(clause, person, entity_key(ORGANIZATION, named.key), 0.8, title)
            yield replace(found, rule=found.rule.replace("affiliation.v3", "affiliation.factbox.v1"))


def _box_person(doc: Doc) -> str | None:
    """The person a paragraph opening with `Fakta` is about: the first named in its first two sentences."""
    if not len(doc) or fold(doc[0].text) not in {"fakta", "faktaboks"}:
        return None
    for sent in list(doc.sents)[:2]:
        if person := next((n for n in named_mentions(sent) if n.kind == PERSON), None):
            return entity_key(PERSON, person.key)
    return None


def _box_segments(clause: Clause) -> Iterator[tuple[str, bool, Span]]:
    """(label, former, item) for each stretch of a sentence between the labels of a fact box (`Jobb:`,
    `Tidligere yrkeserfaring:`), with the label the stretch comes under, perhaps in an earlier sentence."""
    doc, sent = clause.sent.doc, clause.sent
    opening = next((m for i in range(sent.start - 1, 0, -1) if (m := _labels(doc, i))), None)
    label, former = opening or (None, False)
    start = sent.start
    for i in range(sent.start, sent.end + 1):
        marker = _labels(doc, i) if i < sent.end else None
        if marker is None and i < sent.end:
            continue
        end = i if marker is None else i - (2 if marker[1] else 1)  # up to the next label's words
        if label is not None and end > start:
            yield label, former, doc[start:end]
        if marker is not None:
            (label, former), start = marker, i + 1


def _labels(doc: Doc, i: int) -> tuple[str, bool] | None:
    """(label, former) where token i is the colon after a fact box's label (`Jobb:`, `Tidligere yrkeserfaring:`)."""
    if doc[i].text != ":" or i < 1 or doc[i - 1].whitespace_ or not doc[i - 1].text.isalpha():
        return None
    former = i >= 2 and fold(doc[i - 2].text) in lexicon()["former_markers"]
    return fold(doc[i - 1].text), former


def _names_in(clause: Clause, span: Span, kind: str) -> list[Named]:
    return [n for n in clause.names if n.kind == kind and span.start <= n.start and n.end <= span.end]


def _leaving(clause: Clause, named: Named) -> str:
    """`avtroppende ` for the subject of a verb of leaving a post in the present (`Arbeidsminister NAME trer av`,
    `forlater statssekretærene A og B jobbene sine`), `tidligere ` in the past (`gikk av`), else nothing."""
    token = clause.sent.doc[named.start]
    while token.dep_ == "KOORD" and token.head != token:
        token = token.head  # `A og B`, or a title the parse took for the first conjunct
    verb = token.head
    if token.dep_ != "SUBJ" or not verb_in(verb, _LEAVE_VERBS) or not asserted(verb):
        return ""
    if verb_in(verb, frozenset({"forlate"})) and not any(  # `forlater jobben`, not `forlater Norge`
            c.dep_ == "DOBJ" and fold(c.lemma_) in _POSTS for c in verb.children):
        return ""
    return "avtroppende " if "Pres" in verb.morph.get("Tense") else "tidligere "


def _serves(clause: Clause, person: str, org: str, confidence: float, title: Token | None = None) -> Found:
    """A title held in an organisation: schema:affiliation, but schema:memberOf where the organisation is a
    political party or one of its branches (`Frp-leder`, `Sps parlamentariske leder`, `leder i Oslo Høyre`), or
    the title is a member's (`styremedlem i X`, `sentralstyremedlem i X`: a seat, not a post one is employed in)."""
    kind, _, key = org.partition("|")
    name = clause.entities.get(org, (kind, key))[1]
    if kind == ORGANIZATION and party_of(next((n.name for n in clause.names if n.key == key), name)):
        return Found(person, "schema:memberOf", org, "kg.memberOf.party.v2", confidence)
    if kind == ORGANIZATION and title is not None and ends_with(title.lemma_, _MEMBERS):
        return Found(person, "schema:memberOf", org, "kg.memberOf.board.v1", confidence)
    return Found(person, "schema:affiliation", org, "kg.affiliation.v3", confidence)


_MEMBERS = frozenset({"medlem"})
_ROYALS = frozenset({"konge", "dronning", "kronprins", "kronprinsesse", "prins", "prinsesse", "keiser"})


def titles_of(clause: Clause, named: Named) -> list[Token]:
    doc, head = clause.sent.doc, clause.sent.doc[named.start]
    candidates = []
    before = named.start - 1
    if before >= clause.sent.start and doc[before].text == "," and doc[before - 1].pos_ == "NOUN":
        before -= 1
    if before >= clause.sent.start:
        candidates.append(doc[before])
        while _title_word(doc[before]) and before - 2 >= clause.sent.start and doc[before - 1].lower_ == "og" \
                and _title_word(doc[before - 2]) and not doc[before - 2].text.endswith("-"):
            before -= 2  # `NOREF-direktør og forhandlingsleder NAME`: each title before the name
            candidates.append(doc[before])
    candidates += [c for c in head.children if c.dep_ == "APP"]
    if head.dep_ == "APP":
        candidates.append(head.head)
    candidates += _shared_plural_title(clause, _root(clause, named))
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
        candidates += _title_after_genitive(clause, after + 1)
    titles = []
    for token in candidates:
        if _title_word(token) and not clause.named_at(token):
            if token not in titles:
                titles.append(token)
    return titles


def _title_after_genitive(clause: Clause, start: int) -> list[Token]:
    """`Kari Lie, Nordlands nye fylkesleder`, `Per Holm, Fiskeforbundets fremste rådgiver`: a title after a name
    in the genitive (and adjectives) that opens an apposition, however the parse hangs them; not one that stands
    before a name of its own (`A, Kinas president B og C`: a list)."""
    doc, end = clause.sent.doc, clause.sent.end
    owner = clause.named_at(doc[start])
    if owner is None or owner.start != start or doc[owner.end - 1].text[-1:] not in {"s", "'", "’"}:
        return []
    i = owner.end
    while i < end and doc[i].pos_ in {"ADJ", "X"}:  # `de facto leder`
        i += 1
    if i >= end or not _title_word(doc[i]):
        return []
    held = i + 1 < end and (named := clause.named_at(doc[i + 1])) is not None and named.kind == PERSON
    return [] if held else [doc[i]]  # `A, Kinas president B`: the title of the name after it


def _root(clause: Clause, named: Named) -> Token:
    """The token of a name that the parse hangs on something outside it (`Listhaug` in `Sylvi Listhaug`, where the
    parse makes the first name a determiner of the surname); the first token where none or several do."""
    doc = clause.sent.doc
    outside = [t for t in doc[named.start:named.end] if not named.start <= t.head.i < named.end or t.head == t]
    return outside[0] if len(outside) == 1 else doc[named.start]


def _shared_plural_title(clause: Clause, head: Token) -> list[Token]:
    """`utenriksministrene Sergej Lavrov og Marco Rubio`, `visepresidentene, A og B`, `partileder A og
    nestlederne B og C`: a plural title before the nearest earlier of coordinated names is the title of each
    name after it."""
    if head.dep_ != "KOORD":
        return []
    doc = clause.sent.doc
    earlier = sorted((c for c in [head.head, *head.head.children] if c.i < head.i and (c == head.head or c.dep_ ==
                      "KOORD")), key=lambda t: t.i)
    for conjunct in reversed(earlier):
        if (first := clause.named_at(conjunct)) is None or first.kind != PERSON:
            return []
        before = first.start - 1
        if before > clause.sent.start and doc[before].text == ",":
            before -= 1  # `begge visepresidentene, A og B`
        title = doc[before] if before >= clause.sent.start else None
        if title is not None and _title_word(title):
            plural = "Plur" in title.morph.get("Number") and fold(title.text).endswith("ne")
            return [title] if plural else []
    return []


def _former(title: Token) -> bool:
    """A title marked as held before: `tidligere`, `forhenværende` before it (also where the parse hangs the
    word on the name: `Den avgåtte statsministeren NAME`), or `eks-`."""
    markers = lexicon()["former_markers"]
    before = title.doc[title.i - 1] if title.i > title.sent.start else None
    return fold(title.text).startswith("eks") or any(
        fold(c.text) in markers for c in title.children if c.i < title.i) or (
        before is not None and before.pos_ in {"ADJ", "ADV"} and fold(before.text) in markers)


def _full_title(title: Token) -> str:
    """The title with the words that change what it is (`administrerende direktør`, `fungerende statsminister`,
    `professor II`), and the first half of a coordinated compound (`helse- og omsorgsminister`)."""
    modifiers = [fold(c.text) for c in title.children
                 if c.i < title.i and fold(c.text) in lexicon()["title_modifiers"]]
    doc = title.doc
    if title.i >= 2 and doc[title.i - 2].text.endswith("-") and fold(doc[title.i - 1].text) in {"og", "eller"}:
        modifiers.append(f"{fold(doc[title.i - 2].text)} {fold(doc[title.i - 1].text)}")
    grade = [c.text for c in title.children if c.i == title.i + 1 and re.fullmatch(r"I{1,3}|IV|V", c.text)]
    return " ".join([*modifiers, _former_title(title), *grade])  # `professor II`: a grade of the post


def _former_title(title: Token) -> str:
    """The title word and the field it is over (`viserektor for utdanning`), without the words of a present post
    (`administrerende`): the form a title once held takes."""
    return _title_word(title) + _field(title)


def _field(title: Token) -> str:
    """` for kultur` in `enhetsleder for kultur`, ` for skandinavia` in `sjef for Skandinavia`: a common noun in the
    indefinite (a field of work, not an organisation or a thing told of: `leder for aksjonen`) or a world region
    right after `for` is part of the title; else nothing."""
    doc = title.doc
    if title.i + 2 >= title.sent.end or fold(doc[title.i + 1].text) != "for" or doc[title.i + 1].head != title:
        return ""
    field = doc[title.i + 2]
    if field.head != doc[title.i + 1] or field.dep_ != "PUTFYLL":
        return ""
    region = fold(field.text) in lexicon()["region_prefixes"]
    common = field.pos_ == "NOUN" and field.is_lower and field.morph.get("Definite") == ["Ind"] \
        and field.morph.get("Number") != ["Plur"] and not any(c.dep_ == "ATR" for c in field.children) \
        and not ends_with(field.lemma_, lexicon()["organisation_nouns"]) and not title_of(field.lemma_)
    return f" for {fold(field.text)}" if region or common else ""


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
    if not _adviser(adviser):
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
        yield modifier_entity(clause, *country)
        kinds = {ORGANIZATION}  # `Norges ambassadør i Kina` serves Norway, in China
    for key in named_objects(clause, title, {"i", "for", "hos", "ved", "av"}, kinds):
        if not _only_where(key, [title]):  # `fylkesleder i Innlandet`, `professor i Bergen`
            yield key


def _only_where(key: str, titles: list[Token]) -> bool:
    """A town or region (not a country) named with titles is where their holder is, not whom they serve, unless
    one of them is a local office (`ordfører i Bømlo`: lexicon `local_titles`)."""
    return key.startswith(f"{GPE}|") and not key.startswith(f"{GPE}|country:") and not any(
        ends_with(t.lemma_, lexicon()["local_titles"]) for t in titles)


def _genitive_before(clause: Clause, title: Token) -> tuple[str, str] | None:
    """`Tysklands forbundskansler`, `VGs politiske kommentator`, parsed with the genitive hung elsewhere: a
    country or organisation in the genitive right before a title (and its adjectives) is whom its holder serves."""
    named = _genitive_name(clause, title)
    return (named.key, named.name) if named and named.kind in {GPE, ORGANIZATION} else None


def _genitive_name(clause: Clause, title: Token) -> Named | None:
    """The name in the genitive that ends right before a title and its adjectives (`Trumps fremste rådgivar`,
    `Parat sin forhandlingsleiar`)."""
    doc, i = clause.sent.doc, title.i - 1
    while i >= clause.sent.start and (doc[i].pos_ == "ADJ" or doc[i].pos_ == "X" and doc[i].is_lower):
        i -= 1  # `Trumps fremste rådgivar`, `Saudi-Arabias de facto leder`
    possessive = i > clause.sent.start and fold(doc[i].text) in {"sin", "si", "sitt", "sine"}
    i -= possessive  # `Parat sin forhandlingsleiar`: the name, then a possessive
    if i < clause.sent.start or (named := clause.named_at(doc[i])) is None or named.end != i + 1:
        return None
    return named if possessive or doc[i].text[-1:] in {"s", "'", "’"} else None


def _prefix_affiliation(clause: Clause, title: Token) -> str | None:
    """`NHO-sjef`, `Nato-generalsekretær`: the name before the hyphen of a title is what its holder serves. An
    adviser's prefix is the person advised (`_advises`)."""
    if _adviser(title):
        return None
    if fold(title.text).partition("-")[0] in lexicon()["region_prefixes"]:
        return None  # `Asia-sjef i Telenor`: the region the holder is in charge of, not an employer
    found = prefix_modifier(clause, title)
    return modifier_entity(clause, *found[0]) if found else None


def _adviser(title: Token) -> bool:
    """Whether a title is an adviser's, by its lemma or, where the lemmatizer broke the compound
    (`sikkerhetsrådgiver` -> `sikkerhetsrådgive`), by the word as written."""
    return any(ends_with(form, lexicon()["adviser_titles"]) for form in (title.lemma_, fold(title.text)))


def _advises(clause: Clause, person: str, title: Token) -> Iterator[Found]:
    if not _adviser(title):
        return
    for obj in pp_objects(title, {"til", "for", "hos"}):
        if key := clause.key_of(obj, {PERSON, ORGANIZATION, GPE}):
            yield Found(person, "kgo:adviserTo", key, "kg.adviserTo.v1", 0.8)
        elif role := title_of(obj.lemma_):
            country = country_modifier(obj, clause.names)
            if country:
                yield Found(person, "kgo:adviserTo", f"role|{role}|{country[0]}", "kg.adviserTo.v1", 0.7)
    if "-" in title.text:  # `Støre-rådgiver`: an adviser to the named person
        target = title.text.rsplit("-", 1)[0]
        yield Found(person, "kgo:adviserTo", f"name|{fold(target)}", "kg.adviserTo.v1", 0.7)
    if owner := _genitive_owner(clause, title):  # `Støres nye rådgiver`, `Kremls utenrikspolitiske rådgiver`
        yield Found(person, "kgo:adviserTo", owner, "kg.adviserTo.genitive.v1", 0.7)


def _genitive_owner(clause: Clause, title: Token) -> str | None:
    """The name in the genitive before a title and its adjectives (`Trumps fremste rådgivar`), as an entity key."""
    named = _genitive_name(clause, title)
    return entity_key(named.kind, named.key) if named and named.kind in {PERSON, ORGANIZATION, GPE} else None


def predicative_titles(clause: Clause) -> Iterator[Found]:
    """`X er rektor ved Y`, `X, som er nestleder i Y`, `Tidligere var hun prorektor`: a title as the predicate
    of `være`/`bli` with a person as subject. `blir` makes it incoming (`påtroppende`), `var`/`har vært` one held
    before (`tidligere`, with no present affiliation) unless `siden` says it still is."""
    for title, verb, person in _predicates(clause):
        chain = [verb] + ([verb.head] if verb.dep_ == "INFV" else [])
        forms = {fold(t.text) for t in chain}
        if forms & {"blir", "vert"}:
            qualifier = "påtroppende "
        elif forms & {"var", "vore", "vært", "hadde"} and not _still(chain, title):
            qualifier = "tidligere "
        else:
            qualifier = ""
        full = _former_title(title) if qualifier == "tidligere " else _full_title(title)
        yield Found(person, "schema:jobTitle", qualifier + full, "kg.jobTitle.predicate.v2", 0.75, literal=True)
        yield from _advises(clause, person, title)
        if qualifier == "tidligere ":
            continue
        orgs = list(_affiliations(clause, title)) + list(
            named_objects(clause, verb, {"i", "for", "hos", "ved", "på"}, {ORGANIZATION}))
        orgs += named_objects(clause, title, {"på"}, {ORGANIZATION})
        for org in dict.fromkeys(orgs):
            yield _serves(clause, person, org, 0.7, title)


def _predicates(clause: Clause) -> Iterator[tuple[Token, Token, str]]:
    """(title, verb, person) for each title that is the predicate of an asserted copula about a person, and for
    each title coordinated with it (`er styreleiar og direktør for X`); also where the parser took a subject
    after its verb (`I dag er Rokne professor ved UiB`) for a name with the title hung on it (FLAT) or for a
    modifier of the title (ATR)."""
    for title in clause.tokens:
        if title.dep_ not in {"SPRED", "FLAT", "SUBJ"} or not _title_word(title) or clause.named_at(title):
            continue
        verb = title.head
        if title.dep_ == "FLAT":  # `er Johansen professor`: the title hung on the name, the verb before both
            name, verb = title.head, title.head.head
            if name.dep_ != "SUBJ" or not name.i < title.i or not verb.i < name.i:
                continue
            person = clause.key_of(name, {PERSON})
        elif title.dep_ == "SUBJ":  # `er Rokne professor`: the name a modifier right before the title
            name = next((c for c in title.children if c.dep_ == "ATR" and c.i == title.i - 1), None)
            if name is None or not verb.i < name.i:
                continue
            person = clause.key_of(name, {PERSON})
        else:
            person = _copula_subject(clause, [verb] + ([verb.head] if verb.dep_ == "INFV" else []))
        if person is not None and fold(verb.lemma_) in COPULAS and asserted(verb):
            yield title, verb, person
            for other in (c for c in title.children if c.dep_ == "KOORD" and _title_word(c)
                          and not clause.named_at(c)):
                yield other, verb, person


def titles_as_subject(clause: Clause) -> Iterator[Found]:
    """`Fagdommerne var A og B`, `Forsvarer i saken er NAME`: a title as the subject of a copula whose predicate
    names persons is each person's title (a role in the case told, so no qualifier from the tense); with `bli`
    an incoming one (`Pressesjef blir NAME`)."""
    for verb in clause.tokens:
        if fold(verb.lemma_) not in {"være", "vere", "bli"} or not asserted(verb):
            continue
        incoming = "påtroppende " if fold(verb.lemma_) == "bli" else ""  # `Pressesjef blir NAME`
        titles = [t for t in verb.children if t.dep_ in {"SUBJ", "SPRED", "ADV"} and t.i < verb.i
                  and not clause.named_at(t) and _title_word(t)]  # the title first, whatever the parse calls it
        holders = [c for t in verb.children if t.i > verb.i and t.dep_ in {"SPRED", "SUBJ"}
                   for c in conjuncts_of(t)]
        for title in titles[:1]:
            for holder in holders:
                if (named := clause.named_at(holder)) and named.kind == PERSON:
                    yield Found(entity_key(PERSON, named.key), "schema:jobTitle", incoming + _full_title(title),
                                "kg.jobTitle.subject.v2", 0.7, literal=True)



_PAST_POSTS = frozenset({"bakgrunn", "fortid"})  # `har bakgrunn som reporter`: a post held before


def held_posts(clause: Clause) -> Iterator[Found]:
    """`har hatt vervet som nestleiar i X` and `hadde jobben som` (held before, unless `siden` says it still
    is), `har rollen som leder i X` (held now), `har bakgrunn som reporter` (before): a title after `som` on the
    post a person has."""
    for verb in clause.tokens:
        if fold(verb.lemma_) != "ha" or not asserted(verb):
            continue
        post = next((c for c in verb.children if c.dep_ == "DOBJ" and fold(c.lemma_) in _POSTS | _PAST_POSTS), None)
        if post is None:
            continue
        titles = [t for p in (*verb.children, *post.children) if fold(p.text) == "som" for t in p.children
                  if t.dep_ == "PUTFYLL" and _title_word(t) and not clause.named_at(t)]
        chain = [verb] + ([verb.head] if verb.dep_ == "INFV" else [])
        subject = next((c for v in chain for c in v.children if c.dep_ == "SUBJ"), None)
        person = clause.key_of(subject, {PERSON}) if subject is not None else None
        if not titles or person is None:
            continue
        title = titles[0]
        held = {fold(t.text) for t in chain} & {"hadde", "hatt"} and not _still(chain, title)
        if fold(post.lemma_) in _PAST_POSTS or held:
            yield Found(person, "schema:jobTitle", f"tidligere {_former_title(title)}", "kg.jobTitle.post.v1", 0.7,
                        literal=True)
            continue
        yield Found(person, "schema:jobTitle", _full_title(title), "kg.jobTitle.post.v1", 0.7, literal=True)
        for org in _affiliations(clause, title):
            yield _serves(clause, person, org, 0.7, title)


_WORK_VERBS = frozenset(v for v, kind in lexicon_pairs("role_verbs").items() if kind == "work")


def acting_for(clause: Clause) -> Iterator[Found]:
    """`X, som representerer USA`, `X representerte forbundet Y`, `mottar prisen på vegne av Y`, `arbeider i
    selskapet Y`: the organisation or country a person represents, acts on behalf of or works for now
    (schema:affiliation; a party: schema:memberOf)."""
    for verb in clause.tokens:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = fold(verb.lemma_)
        behalf = [p for p in verb.children if p.lower_ == "på"]
        working = verb_in(verb, _WORK_VERBS)
        if lemma != "representere" and not behalf and not working or not asserted(verb):
            continue
        bodies = []
        if working and "Pres" in verb.morph.get("Tense"):  # `arbeider i dag i selskapet X`
            bodies = [k for o in pp_objects(verb, {"i", "hos", "for", "ved"})
                      if (k := clause.key_of(o, {ORGANIZATION}))]
        if lemma == "representere":
            bodies = [k for o in verb.children if o.dep_ == "DOBJ" for c in conjuncts_of(o)
                      if (k := clause.key_of(c, {ORGANIZATION, GPE}))]
        bodies += [k for p in behalf for v in p.children if v.lower_ == "vegne"
                   for o in pp_objects(v, {"av"}) if (k := clause.key_of(o, {ORGANIZATION, GPE}))]
        if not bodies:
            continue
        actors = subjects_of(verb)
        if not actors and any(fold(c.text) == "som" for c in verb.children):
            actors = [verb.head]  # `X, som representerer Y`
        for actor in actors:
            if (person := clause.key_of(actor, {PERSON})) is not None:
                for body in dict.fromkeys(bodies):
                    found = _serves(clause, person, body, 0.7)
                    yield replace(found, rule=found.rule.replace("affiliation.v3", "affiliation.acting.v1"))
    yield from _leading(clause)


def _leading(clause: Clause) -> Iterator[Found]:
    """`Kari Lie leder Fiskarlaget`, `Fiskarlaget, som ble ledet av Kari Lie`: one who leads an organisation is its
    leader (`leiar` for the Nynorsk verb), serving it; in the past (`ledet`, `ble ledet`) a former leader. In the
    present perfect with `siden` or a duration (`har ledet Fiskarlaget i ti år`) one who still serves it, with no
    title: such a person often has a title of their own (`administrerende direktør`)."""
    for verb in clause.tokens:
        if verb.pos_ != "VERB" or not verb_in(verb, _LEAD_VERBS) or not asserted(verb):
            continue
        chain = [verb] + ([verb.head] if verb.dep_ == "INFV" else [])
        passive = len(chain) == 2 and fold(verb.head.lemma_) == "bli"
        if passive:  # `X ble ledet av NAME`, `X, som ble ledet av NAME`
            leaders = pp_objects(verb, {"av"})
            led = subjects_of(verb) or ([chain[-1].head] if any(fold(c.text) == "som" for c in chain[-1].children)
                                        else [])
        else:
            led = [c for o in verb.children if o.dep_ == "DOBJ" for c in conjuncts_of(o)]
            leaders = subjects_of(verb) or ([chain[-1].head] if any(fold(c.text) == "som" for c in
                                                                     chain[-1].children) else [])
        bodies = [k for o in led if (k := clause.key_of(o, {ORGANIZATION}))]
        if not bodies:
            continue
        forms = {fold(t.text) for t in chain}
        perfect = bool(forms & {"har", "hadde"})
        past = "Past" in chain[-1].morph.get("Tense") or "hadde" in forms or (perfect and not _still(chain, verb))
        word = "leiar" if fold(verb.lemma_) in {"leie", "leia"} else "leder"
        for leader in leaders:
            if (person := clause.key_of(leader, {PERSON})) is None:
                continue
            if past:
                yield Found(person, "schema:jobTitle", f"tidligere {word}", "kg.jobTitle.lead.v1", 0.7, literal=True)
                continue
            if not perfect:  # `har ledet X i sju år`: one who serves X, often under a title of its own
                yield Found(person, "schema:jobTitle", word, "kg.jobTitle.lead.v1", 0.7, literal=True)
            for body in dict.fromkeys(bodies):
                found = _serves(clause, person, body, 0.7)
                yield replace(found, rule=found.rule.replace("affiliation.v3", "affiliation.lead.v1"))


_LEAD_VERBS = frozenset({"lede", "leie", "leia"})


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
    every = frozenset(roles)
    for verb in clause.tokens:
        if verb.pos_ not in {"VERB", "AUX", "ADJ"} or not verb_in(verb, every):
            continue
        kind = next((k for v, k in roles.items() if verb_in(verb, frozenset({v}))), None)
        if kind is None:
            continue
        titles = [t for p in verb.children if fold(p.text) in {"som", "til"} for t in p.children
                  if t.dep_ == "PUTFYLL"]
        titles = [next((c for c in t.children if c.dep_ == "KOORD"), t) if t.text.endswith("-") else t
                  for t in titles]  # `som arbeids- og sosialminister`: the title is the second conjunct
        titles = [t for t in titles if _title_word(t) and not clause.named_at(t)]
        if not asserted(verb):
            continue
        if kind == "start" and titles:
            yield from _predecessors(clause, verb, titles[0])
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
            yield from _advises(clause, person, title)
            if qualifier != "tidligere":
                for org in _employers(clause, title):
                    yield _serves(clause, person, org, 0.7)


def _predecessors(clause: Clause, verb: Token, title: Token) -> Iterator[Found]:
    """`tar over som teatersjef etter NAME`, `overtok etter NAME som styreleiar i X`: the one followed in a
    post is its outgoing holder (in the past, its former one)."""
    past = "Past" in verb.morph.get("Tense") and verb.dep_ != "INFV"
    for holder in pp_objects(verb, {"etter"}) + pp_objects(title, {"etter"}):
        if (person := clause.key_of(holder, {PERSON})) is None:
            continue
        if past:
            yield Found(person, "schema:jobTitle", f"tidligere {_former_title(title)}", "kg.jobTitle.before.v1", 0.7,
                        literal=True)
            continue
        yield Found(person, "schema:jobTitle", f"avtroppende {_full_title(title)}", "kg.jobTitle.before.v1", 0.7,
                    literal=True)
        for org in _employers(clause, title):
            yield _serves(clause, person, org, 0.7)


def _employers(clause: Clause, title: Token) -> list[str]:
    """Whom a title after a verb of taking up or leaving a post serves: its affiliations and an organisation
    after `på` (`som teatersjef på Det Norske Teatret`)."""
    return list(dict.fromkeys([*_affiliations(clause, title), *named_objects(clause, title, {"på"}, {ORGANIZATION})]))


_ROLE_QUALIFIERS = {  # kind -> qualifier in the present, the past, the perfect (`har begynt som`: still holds)
    "leave": ("avtroppende", "tidligere", "tidligere"), "start": ("påtroppende", "tidligere", ""),
    "keep": ("", "", ""), "elected": ("", "", ""), "appointed": ("påtroppende", "påtroppende", "påtroppende"),
    "work": ("", "tidligere", ""),
}


def _copula_subject(clause: Clause, chain: list[Token]) -> str | None:
    """The person a copula clause is about: its subject, or the name a relative clause (`X, som er ...`) hangs on."""
    finite = chain[-1]  # `X, som har vært leder`: `som` hangs on `har`
    if any(fold(c.text) == "som" for c in finite.children) and finite.dep_ in {"ATR", "APP"}:
        return clause.key_of(finite.head, {PERSON})
    subject = next((c for v in chain for c in v.children if c.dep_ == "SUBJ"), None)
    return clause.key_of(subject, {PERSON}) if subject is not None else None
