"""Rules for titles in a noun phrase: `schema:jobTitle`, `schema:affiliation` (or `schema:memberOf` a party) and
`kgo:adviserTo`, from pre-nominal titles and appositions; qualifiers (`tidligere`, `avtroppende`) kept with the
title; over a whole article, a definite title standing alone as the title of the one person named before it
(`described_titles`). Also what the rules of `posts.py` and `factbox.py` share: what a title word is
(`title_word`), the forms of a title (`full_title`, `former_title`), the organisations it names (`affiliations`),
whom its holder advises (`advises`) and how a holder serves an organisation (`serves`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.clause import (
    COPULAS,
    Clause,
    Found,
    asserted,
    entity_key,
    is_definite,
    modifier_entity,
    named_objects,
    pp_objects,
    prefix_modifier,
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
from kg.extract.names import ROYALS, Named, has_institution_ending
from kg.extract.nouns import country_modifier, is_delegation
from kg.extract.tokens import morph
from kg.types import GPE, ORGANIZATION, PERSON, Fact

POSTS = frozenset({"verv", "jobb", "rolle", "stilling", "post", "posisjon"})
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
        if (paired := _respectively(clause, named)) is not None:  # `A og B, forsvarsministrene fra X og Y`
            title, country = paired
            if marked_former(title):  # `tidligere forsvarsministrene fra X og Y`: no present affiliation
                yield Found(person, "schema:jobTitle", f"tidligere {former_title(title)}", "kg.jobTitle.v1", 0.8,
                            literal=True)
                continue
            yield Found(person, "schema:jobTitle", _leaving(clause, named) + full_title(title), "kg.jobTitle.v1",
                        0.8, literal=True)
            yield serves(clause, person, country, 0.7, title)
            continue
        titles = titles_of(clause, named)
        employer = _employer_before(clause, named)
        if employer is not None and employer[0] not in titles:
            titles.append(employer[0])
        former = [t for t in titles if marked_former(t)]
        for title in former:  # `den tidligere ordføreren`: a title once held, not a present affiliation
            yield Found(person, "schema:jobTitle", f"tidligere {former_title(title)}", "kg.jobTitle.v1", 0.8,
                        literal=True)
        leaving = _leaving(clause, named)
        for title in (t for t in titles if t not in former):
            if any(is_delegation(o) for o in pp_objects(title, {"for"})):
                continue  # `leder for regjeringens delegasjon`: who led the delegation (ledDelegation), no post
            yield Found(person, "schema:jobTitle", leaving + full_title(title), "kg.jobTitle.v1", 0.9, literal=True)
            for org in affiliations(clause, title):
                yield serves(clause, person, org, 0.8, title)
            yield from advises(clause, person, title)
        # `konsernsjef NAME i Equinor`, `ordfører NAME i Bømlo`: the phrase often hangs on the name
        if titles and not former:
            orgs = _own_objects(clause, named, {"i", "hos", "ved"}, {ORGANIZATION, GPE})
            orgs += _right_after(clause, named)
            orgs += [employer[1]] if employer is not None and employer[1] else []
            for org in dict.fromkeys(orgs):
                if not _only_where(org, titles):  # `president NAME i Florida`: where, not whom they serve
                    yield serves(clause, person, org, 0.7, titles[0])
        # `kong Frederik av Danmark`, `dronning Mary av Danmark`: the country a royal title is of
        if any(ends_with(t.lemma_, ROYALS) or title_of(t.text) in ROYALS for t in titles) and not former:
            for country in named_objects(clause, clause.sent.doc[named.start], {"av"}, {GPE}):
                yield serves(clause, person, country, 0.7)
        # `Mette Nord fra Fagforbundet`: the organisation a person speaks or acts for (a place is where one is from)
        for org in named_objects(clause, clause.sent.doc[named.start], {"fra", "frå"}, {ORGANIZATION}):
            if not _maybe_a_town(clause, org):
                yield serves(clause, person, org, 0.6)
        whose = clause.named_at(clause.sent.doc[named.start - 1]) if named.start > clause.sent.start else None
        if not titles and whose is not None and whose.key.startswith("country:") and \
                clause.sent.doc[named.start - 1].text.endswith("s"):
            yield serves(clause, person, entity_key(GPE, whose.key), 0.7)  # `Tyrkias Recep Tayyip Erdogan`
        if not titles:  # `Thomas Vatne i Lund Høyre`: the organisation one is of
            orgs = _own_objects(clause, named, {"i"}, {ORGANIZATION})
            orgs += _right_after(clause, named)  # the parse hangs `i` on the verb
            for org in dict.fromkeys(orgs):
                yield serves(clause, person, org, 0.6)


def _own_objects(clause: Clause, named: Named, preps: set[str], kinds: set[str]) -> list[str]:
    """The names of `kinds` after `preps` that the parse hangs on a person's name, but not past another person
    (`Lie om Holm i Nato`: Holm's)."""
    return [entity_key(n.kind, n.key) for obj in pp_objects(clause.sent.doc[named.start], preps)
            if (n := clause.named_at(obj)) is not None and n.kind in kinds
            and not _person_between(clause, named.end, obj.i)]


def _right_after(clause: Clause, named: Named) -> list[str]:
    """`pressetalsmann NAME i Nato`, `NAME i Fiskarlaget`: an organisation right after `i`, `hos` or `ved` right
    after a name (not a pronoun standing for one), wherever the parse hangs the preposition (often on the verb)."""
    doc, after = clause.sent.doc, named.end
    if named.coref or after + 1 >= clause.sent.end or fold(doc[after].text) not in {"i", "hos", "ved"}:
        return []  # `kollega med henne i konsernledelsen`: a pronoun's `i` is seldom about whom it serves
    org = clause.named_at(doc[after + 1])
    return [entity_key(ORGANIZATION, org.key)] if org and org.kind == ORGANIZATION and org.start == after + 1 else []


def _respectively(clause: Clause, named: Named) -> tuple[Token, str] | None:
    """`Kari Lie og Per Holm, forsvarsministrene fra henholdsvis Norge og Sverige`, `Utenriksministrene i Norge og
    Sverige, Kari Lie og Per Holm`: a plural title of as many coordinated countries as coordinated persons right
    before or after it gives each person the title and the country in the same place of its list; returns (title,
    country key) or None."""
    doc = clause.sent.doc
    people = _listed(clause, named.start, {PERSON})
    if len(people) < 2:
        return None
    edge = people[-1].end
    if edge + 2 < clause.sent.end and doc[edge].text == "(" and doc[edge + 2].text == ")":
        edge += 3  # `A og B (Ap), ...`
    for title, states in (_plural_of_countries(clause, edge, after=True),
                          _plural_of_countries(clause, people[0].start - 1, after=False)):
        if title is not None and len(states) == len(people):
            return title, entity_key(GPE, states[people.index(named)].key)
    return None


def _plural_of_countries(clause: Clause, edge: int, after: bool) -> tuple[Token | None, list[Named]]:
    """(plural title, its countries) for `, forsvarsministrene fra (henholdsvis) X og Y` starting at a comma after
    a list (`after`), or `Utenriksministrene i X og Y,` ending at a comma before one; (None, []) where none."""
    doc, start, end = clause.sent.doc, clause.sent.start, clause.sent.end
    if not start <= edge < end or doc[edge].text != ",":
        return None, []
    if after:  # `, forsvarsministrene fra henholdsvis X og Y`
        if edge + 3 >= end or fold(doc[edge + 2].text) not in _OF_COUNTRIES:
            return None, []
        title = doc[edge + 1]
        countries = _listed(clause, edge + 3 + (fold(doc[edge + 3].text) == "henholdsvis"), {GPE})
    else:  # `Utenriksministrene i X og Y,`
        last = clause.named_at(doc[edge - 1]) if edge > start else None
        countries = _listed(clause, last.start, {GPE}) if last is not None else []
        prep = countries[0].start - 1 if countries else start
        if prep - 1 < start or fold(doc[prep].text) not in _OF_COUNTRIES:
            return None, []
        title = doc[prep - 1]
    plural = bool(title_word(title)) and "Plur" in morph(title, "Number") and fold(title.text).endswith("ne")
    if not plural or not all(c.key.startswith("country:") for c in countries):
        return None, []
    return title, countries


_OF_COUNTRIES = frozenset({"fra", "frå", "i"})


def _listed(clause: Clause, start: int, kinds: set[str]) -> list[Named]:
    """The names of `kinds` in the list that the name starting at `start` belongs to (joined by commas and a last
    `og`, a party in parentheses after each), in order; [] where no such name starts there."""
    doc, first, last = clause.sent.doc, clause.sent.start, clause.sent.end

    def name_at(i: int) -> Named | None:
        n = clause.named_at(doc[i]) if first <= i < last else None
        return n if n is not None and n.kind in kinds else None

    def after(n: Named) -> int:  # past a party in parentheses
        i = n.end
        return i + 3 if i + 2 < last and doc[i].text == "(" and doc[i + 2].text == ")" else i

    at = name_at(start)
    if at is None or at.start != start:
        return []
    names = [at]
    while (i := after(names[-1])) + 1 < last and (doc[i].text == "," or doc[i].lower_ == "og") \
            and (n := name_at(i + 1)) is not None and n.start == i + 1:
        names.append(n)
        if doc[i].lower_ == "og":
            break  # `A, B og C`: the last
    while (i := names[0].start - 1) - 1 >= first and doc[i].text in {","} | ({"og"} if len(names) == 1 else set()):
        j = i - 1 - 3 * (doc[i - 1].text == ")")
        n = name_at(j)
        if n is None or after(n) != i:
            break
        names.insert(0, n)
    return names


def _employer_before(clause: Clause, named: Named) -> tuple[Token, str | None] | None:
    """`styreleder i Fjordkraft Per Holm`, `leder av Fiskarlaget Kari Lie`: a title, a preposition of whom one
    serves and a name that ends right before a person's name give the person the title, serving that name (the
    parse seldom hangs the title on the person); returns (title, entity key) or None."""
    doc, before = clause.sent.doc, named.start - 1
    owner = clause.named_at(doc[before]) if before > clause.sent.start else None
    if owner is None or owner.end != named.start or owner.kind not in {ORGANIZATION, GPE} \
            or owner.start - 2 < clause.sent.start or fold(doc[owner.start - 1].text) not in _EMPLOYER_PREPS | {"av"}:
        return None
    title = doc[owner.start - 2]
    if not title_word(title) or clause.named_at(title):
        return None
    return title, entity_key(owner.kind, owner.key) if owner.name[:1].isupper() else None


def _maybe_a_town(clause: Clause, org: str) -> bool:
    """Whether an organisation the model named is one plain capitalised word that nothing marks as an
    organisation (no known name, no institution's ending, no abbreviation): after `fra`, most often the town a
    person is from (`Kari Lie fra Lyngdal`), which the model often takes for an organisation."""
    name = clause.entities.get(org, ("", org.partition("|")[2]))[1]
    words = name.split()
    return len(words) == 1 and not name.isupper() and not full_name(name) and not party_of(name) \
        and not has_institution_ending(fold(name)) and not ends_with(fold(name), lexicon()["organisation_nouns"])


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
            c.dep_ == "DOBJ" and fold(c.lemma_) in POSTS for c in verb.children):
        return ""
    return "avtroppende " if "Pres" in morph(verb, "Tense") else "tidligere "


def serves(clause: Clause, person: str, org: str, confidence: float, title: Token | None = None) -> Found:
    """A title held in an organisation: schema:affiliation, but schema:memberOf where the organisation is a
    political party or one of its branches (`Frp-leder`, `Sps parlamentariske leder`, `leder i Oslo Høyre`), or
    the title is a seat on a board (`styremedlem i X`, `sentralstyremedlem i X`, `styreleder i X`: a seat, however
    high, not a post one is employed in)."""
    kind, _, key = org.partition("|")
    name = clause.entities.get(org, (kind, key))[1]
    if kind == ORGANIZATION and party_of(next((n.name for n in clause.names if n.key == key), name)):
        return Found(person, "schema:memberOf", org, "kg.memberOf.party.v2", confidence)
    if kind == ORGANIZATION and (title is not None and ends_with(title_word(title) or title.lemma_, _MEMBERS)
                                 or _body(key, name)):  # (the title as read: the lemmatizer breaks some compounds)
        return Found(person, "schema:memberOf", org, "kg.memberOf.board.v1", confidence)
    return Found(person, "schema:affiliation", org, "kg.affiliation.v3", confidence)


def _body(key: str, name: str) -> bool:
    """Whether an organisation is a body within one, a committee, board or council (`valgkomiteen`, `Fagforbundets
    arbeidsutvalg`, `Finanskomiteen i Stortinget`; lexicon `organ_nouns`, `owned_body_nouns`): one holds a seat
    there (memberOf), however high, not a post one is employed in."""
    if key.startswith("organ:"):
        return True
    head = re.split(r" (?:i|ved|til|for|på) ", fold(name), maxsplit=1)[0].split()
    if not head:
        return False
    word = head[-1]
    forms = [word] + [word[:-len(e)] + tail for e in ("en", "et", "a") if word.endswith(e) for tail in ("", "e")]
    nouns = frozenset(lexicon()["organ_nouns"]) | frozenset(lexicon()["owned_body_nouns"])
    return any(ends_with(form, nouns) for form in forms)


_MEMBERS = frozenset({"medlem", "styreleder", "styreleiar", "styreformann"})  # a seat on a board, however high
_ROYAL_FORMS = ROYALS | {"kong"}  # the forms a royal title takes before a name (`Kong Harald`)


def titles_of(clause: Clause, named: Named) -> list[Token]:
    doc, head = clause.sent.doc, clause.sent.doc[named.start]
    candidates = []
    before = named.start - 1
    if before >= clause.sent.start and doc[before].text == "," and doc[before - 1].pos_ == "NOUN" \
            and not _predicate(doc[before - 1]):  # `A blir ny byråd, B blir ...`: a predicate is the subject's
        before -= 1
    if before >= clause.sent.start:
        candidates.append(doc[before])
        while title_word(doc[before]) and before - 2 >= clause.sent.start and doc[before - 1].lower_ == "og" \
                and title_word(doc[before - 2]) and not doc[before - 2].text.endswith("-"):
            before -= 2  # `NOREF-direktør og forhandlingsleder NAME`: each title before the name
            candidates.append(doc[before])
    inner = [head] + [t for t in doc[named.start + 1:named.end] if t.head.i == t.i or not
                      named.start <= t.head.i < named.end]  # `Kari Lie Berg`: the parse's head inside
    candidates += [c for t in inner for c in t.children if c.dep_ == "APP" and not named.start <= c.i < named.end
                   and not _person_between(clause, named.end, c.i) and not (c.i < named.start and _predicate(c))]
    if named.end < clause.sent.end and doc[named.end].text == ",":  # `NAME, lege, økonom og ...`: appositions
        candidates += [c for c in head.children if c.dep_ == "KOORD" and c.pos_ == "NOUN" and c.i > named.end
                       and "Plur" not in morph(c, "Number") and "Def" not in morph(c, "Definite")
                       and doc[c.i - 1].text in {",", "og"} and not party_of(c.text.partition("-")[0])]
        # the parser took them for conjuncts of the name; `Ap-politiker` says the party (memberships), no post
    if head.dep_ == "APP":
        candidates.append(head.head)
    candidates += _shared_plural_title(clause, _root(clause, named))
    after = named.end
    aged = after + 2 < clause.sent.end and doc[after].text == "(" and doc[after + 2].text == ")"
    if aged:  # `Kari Lie (61), rektor ved ...`, `Kari Lie (Ap), byråd for ...`: an age or a party between a name
        after += 3  # and its apposition
    if after + 1 < clause.sent.end and doc[after].text == ",":
        if named.start <= doc[after + 1].head.i < named.end:
            candidates.append(doc[after + 1])
        elif aged or _closed_by_comma(clause, after + 1):  # the parse hangs such an apposition anywhere: the
            # first title word after the comma, not one before a name of its own (`Kari Lie (Ap), ordfører Per Holm
            # og ...`: a list)
            candidates += [t for t in doc[after + 1: min(after + 4, clause.sent.end)] if title_word(t)
                           and fold(t.text) not in lexicon()["title_modifiers"]
                           and not _person_between(clause, t.i, _phrase_end(clause, t.i))][:1]
        candidates += _title_after_genitive(clause, after + 1)
    titles = []
    for token in candidates:
        if title_word(token) and not clause.named_at(token) and not _next_pair(clause, named, token) \
                and not _relative_verb(token):
            if token not in titles:
                titles.append(token)
    first = doc[named.start]
    if named.end - named.start > 1 and first.text[:1].isupper() and title_word(first) in ROYALS \
            and first not in titles:
        titles.append(first)  # `Kronprins Haakon`, `Dronning Sonja`: a royal title the name begins with
    return titles


def _relative_verb(title: Token) -> bool:
    """`Nordfisk, som eier Fjordlaks`, `Kari Lie, som leder Fiskarlaget`: a title word right after the `som` of a
    relative clause (after a comma) is its verb (`eier`: owns, `leder`: leads), no title of the name after it."""
    doc, start = title.doc, title.sent.start
    return title.i - 2 >= start and doc[title.i - 1].lower_ == "som" and doc[title.i - 2].text == ","


def _next_pair(clause: Clause, named: Named, title: Token) -> bool:
    """`utenriksminister A, nasjonal sikkerhetsrådgiver B, ...`, `fylkesordførar A, KrFs gruppeleiar i fylkestinget,
    B og ...`, `utviklingsminister A, stortingspresidenten, ...`: in a list of titled names, a title after a name
    that opens the next item: one a name follows right after it, or, after a name with a title of its own before
    it, one in the definite or whose phrase a comma and a name close."""
    doc, end = clause.sent.doc, clause.sent.end

    def person_at(i: int) -> bool:
        n = clause.named_at(doc[i]) if i < end else None
        return n is not None and n.kind == PERSON and n.start == i

    if title.i < named.end:
        return False
    if person_at(title.i + 1):
        return True
    if named.start == clause.sent.start or not title_word(doc[named.start - 1]):
        return False
    close = _phrase_end(clause, title.i)
    return "Def" in morph(title, "Definite") or close < end and doc[close].text == "," and person_at(close + 1)


def _predicate(title: Token) -> bool:
    """Whether a title in the indefinite is a copula's predicate (`blir ny byråd`, `er leder`), by its label or,
    however the parse hangs it, by the copula right before it and its adjectives; not one in the definite that
    names whom it tells of (`Blant dem var visepresidenten, Kari Lie`)."""
    if "Def" in morph(title, "Definite"):
        return False
    i = title.i - 1
    while i > title.sent.start and title.doc[i].pos_ in {"ADJ", "DET"}:
        i -= 1
    return title.dep_ == "SPRED" or fold(title.doc[i].lemma_) in COPULAS and title.doc[i].pos_ in {"VERB", "AUX"}


def _person_between(clause: Clause, start: int, end: int) -> bool:
    """Whether a person is named between two positions (`A (Ap), byråd for X, og B (Ap), byråd for Y`: the second
    title, hung on A by the parse, is B's)."""
    return any(n.kind == PERSON and start <= n.start < end for n in clause.names)


def _closed_by_comma(clause: Clause, start: int) -> bool:
    """`NAME, konstituert administrerende direktør, sendte ...`: whether the words from a position are modifiers
    and a title word closed by a comma, an apposition however the parse hangs it."""
    doc, end = clause.sent.doc, clause.sent.end
    i = start
    while i < end and doc[i].pos_ in {"ADJ", "VERB"} and doc[i].is_lower and (
            not title_word(doc[i]) or fold(doc[i].text) in lexicon()["title_modifiers"]):
        i += 1
    return i + 1 < end and bool(title_word(doc[i])) and doc[i + 1].text == ","


def _phrase_end(clause: Clause, start: int) -> int:
    """The next comma, `og` or the end of the sentence from a position: where an apposition ends."""
    doc = clause.sent.doc
    return next((t.i for t in doc[start:clause.sent.end] if t.text == "," or t.lower_ == "og"), clause.sent.end)


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
    if i >= end or not title_word(doc[i]):
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
        if title is not None and title_word(title):
            plural = "Plur" in morph(title, "Number") and fold(title.text).endswith("ne")
            return [title] if plural else []
    return []


def marked_former(title: Token) -> bool:
    """A title marked as held before: `tidligere`, `forhenværende` before it (also where the parse hangs the
    word on the name: `Den avgåtte statsministeren NAME`, or before the first half of a coordinated compound:
    `tidligere miljø- og samferdselsbyråd`), or `eks-`."""
    markers = lexicon()["former_markers"]
    doc, half = title.doc, _first_half(title)
    first = half.i if half is not None and half.i > title.sent.start else title.i
    before = doc[first - 1] if first > title.sent.start else None
    return fold(title.text).startswith("eks") or any(
        fold(c.text) in markers for c in title.children if c.i < title.i) or (
        before is not None and before.pos_ in {"ADJ", "ADV"} and fold(before.text) in markers)


def full_title(title: Token) -> str:
    """The title with the words that change what it is (`administrerende direktør`, `fungerende statsminister`,
    `professor II`), and the first half of a coordinated compound (`helse- og omsorgsminister`)."""
    modifiers = [fold(c.text) for c in title.children
                 if c.i < title.i and fold(c.text) in lexicon()["title_modifiers"]]
    grade = [c.text for c in title.children if c.i == title.i + 1 and re.fullmatch(r"I{1,3}|IV|V", c.text)]
    return " ".join([*modifiers, former_title(title), *grade])  # `professor II`: a grade of the post


def former_title(title: Token) -> str:
    """The title word, the first half of a coordinated compound (`miljø- og samferdselsbyråd`) and the field it is
    over (`viserektor for utdanning`), without the words of a present post (`administrerende`): the form a title
    once held takes."""
    half = _first_half(title)
    joined = f"{fold(half.text)} {fold(title.doc[title.i - 1].text)} " if half is not None else ""
    return joined + title_word(title) + _field(title)


def _first_half(title: Token) -> Token | None:
    """The first half of a coordinated compound title (`miljø-` in `miljø- og samferdselsbyråd`), or None."""
    doc = title.doc
    if title.i >= 2 and doc[title.i - 2].text.endswith("-") and fold(doc[title.i - 1].text) in {"og", "eller"}:
        return doc[title.i - 2]
    return None


def _field(title: Token) -> str:
    """` for kultur` in `enhetsleder for kultur`, ` for skandinavia` in `sjef for Skandinavia`: a common noun in the
    indefinite (a field of work, not an organisation or a thing told of: `leder for aksjonen`) or a world region
    right after `for` is part of the title, with the fields coordinated with it (`byråd for næring og eierskap`,
    `direktør for kultur, idrett og frivillighet`); else nothing."""
    field = field_word(title)
    if field is None:
        return ""
    return " for " + fold(field.doc[field.i:fields_end(field)].text)


def fields_end(field: Token) -> int:
    """The end of the fields coordinated with a field (`næring og eierskap`, `helse-, eldre- og omsorgstjenester`,
    `arbeid og sosiale tjenester`): each a lower-case common noun or adjective, with nothing between them but its
    adjectives, commas and `og`/`eller`; the field alone where anything else comes in."""
    doc, end = field.doc, field.i + 1
    for conjunct in sorted((c for c in field.children if c.dep_ == "KOORD"), key=lambda t: t.i):
        between = doc[end:conjunct.i]
        if conjunct.pos_ not in {"NOUN", "ADJ"} or not conjunct.is_lower or not all(
                t.text == "," or fold(t.text) in {"og", "eller"} or t.pos_ == "ADJ" and t.head == conjunct
                for t in between):
            break
        end = conjunct.i + 1
    return end


_EMPLOYER_PREPS = frozenset({"i", "hos", "ved"})


def field_word(title: Token) -> Token | None:
    """The word of a title's field (`næringspolitikk` in `direktør for næringspolitikk i X`), or None. Of what
    hangs on it, only where the post is (`i`, `hos`, `ved`) leaves it a field (not `leder for aksjonen mot X`)."""
    doc = title.doc
    if title.i + 1 >= len(doc) or fold(doc[title.i + 1].text) != "for" or title.i + 2 >= title.sent.end \
            or doc[title.i + 1].head != title:  # (the sentence, which costs most, looked for after `for`)
        return None
    field = doc[title.i + 2]
    if field.head != doc[title.i + 1] or field.dep_ != "PUTFYLL":
        return None
    region = fold(field.text) in lexicon()["region_prefixes"]
    common = field.pos_ == "NOUN" and field.is_lower and morph(field, "Definite") == ["Ind"] \
        and morph(field, "Number") != ["Plur"] and not ends_with(field.lemma_, lexicon()["organisation_nouns"]) \
        and not title_of(field.lemma_) and not any(
            c.dep_ == "ATR" and not (c.pos_ == "ADP" and fold(c.text) in _EMPLOYER_PREPS) for c in field.children)
    joined = field.is_lower and (field.text.endswith("-") or field.pos_ == "ADJ") and any(
        c.dep_ == "KOORD" and c.pos_ == "NOUN" and c.is_lower for c in field.children)  # `helse-, eldre- og ...`
    return field if region or common or joined else None


def title_word(token: Token) -> str | None:
    """The title a token states: a noun whose lemma is a title, or a title word the tagger got wrong
    (`juniorutenriksminister` is sometimes tagged a verb, a sentence-initial `Statsadvokat` a proper noun)."""
    text, pos = token.text, token.pos_  # (each read once)
    if fold(text).endswith("rådet"):
        return None  # `byrådet`, `statsrådet`: the council, not one of its members (`byråden`, `statsråden`)
    if pos == "NOUN":  # the form too: the lemmatizer sometimes breaks a compound (`KS-leder` -> `KS-lede`)
        return title_of(token.lemma_) or title_of(text)
    if pos == "PROPN" and text[1:].islower() and (  # `Statsadvokat NAME ...`, `sa Kong Harald`
            token.is_sent_start or fold(text) in _ROYAL_FORMS):  # not `Kronprinsen`: one of his own
        return title_of(text)
    if pos == "VERB" and morph(token, "Tense") and title_of(text) != fold(text).rsplit("-")[-1]:
        return None  # a finite verb read as an inflected title (`trenger` as `trener`) is none; a compound's
        # title as written is one (`Lillevik-ordfører`, tagged a verb)
    return title_of(text) if pos in {"VERB", "ADJ", "X", "ADV"} and (
        token.is_lower or "-" in text and text.rpartition("-")[2].islower()) else None


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


def affiliations(clause: Clause, title: Token) -> Iterator[str]:
    """Whom a title's holder serves, as entity keys: the name before its hyphen (`NHO-sjef`), a country or
    organisation in the genitive (`Norges ambassadør`) or one after `i`, `for`, `hos`, `ved` or `av`, but no town
    or region that is only where the holder is."""
    if prefixed := _prefix_affiliation(clause, title):
        yield prefixed
    kinds = {ORGANIZATION, GPE}
    if country := country_modifier(title, clause.names) or _genitive_before(clause, title) or _shared_country(
            clause, title):
        if not (country[0].startswith("country:") and _national_body_title(title)):
            yield modifier_entity(clause, *country)
        kinds = {ORGANIZATION}  # `Norges ambassadør i Kina` serves Norway, in China
    keys = list(named_objects(clause, title, {"i", "for", "hos", "ved", "av"}, kinds))
    if (field := field_word(title)) is not None:  # `direktør for næringspolitikk i X`: the parse hangs it on the field
        keys += named_objects(clause, field, _EMPLOYER_PREPS, kinds)
    for key in keys:
        if not _only_where(key, [title]):  # `fylkesleder i Innlandet`, `professor i Bergen`
            yield key


def _shared_country(clause: Clause, title: Token) -> tuple[str, str] | None:
    """`Sveriges utenriksminister A og forsvarsminister B`: a minister coordinated with another country's minister,
    whose title has no owner of its own, is a minister of that country."""
    name = title.head
    if title.dep_ != "APP" or name.dep_ != "KOORD" or not _minister(title):
        return None
    first = next((t for t in name.head.children if t.dep_ == "APP" and t.i < name.head.i and _minister(t)), None)
    country = first and (country_modifier(first, clause.names) or _genitive_before(clause, first))
    return country if country and country[0].startswith("country:") else None


def _minister(title: Token) -> bool:
    return (title_word(title) or "").endswith("minister")


def _national_body_title(title: Token) -> bool:
    """A title of one who leads a country's federation or team, not the state (`Norges idrettspresident`, `Norges
    nye fotballpresident`, `Norges landslagssjef`): a compound of `president` but a state's or its assembly's
    (`visepresident`, `parlamentspresident`, `stortingspresident`), or a national team's coach; the country is
    where the body is, not whom its holder serves."""
    word = title_word(title) or ""
    prefix = word.removesuffix("president").removesuffix("s")
    state = prefix in {"", "vise", "stat", "parlament", "senat", "kongress"} or prefix.endswith("ting")
    return word.endswith("president") and not state \
        or word.startswith("landslag") and ends_with(word, frozenset({"sjef", "trener", "trenar"}))


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
    adviser's prefix is the person advised (`advises`)."""
    if _adviser(title):
        return None
    prefix = fold(title.text).partition("-")[0]
    if prefix in lexicon()["region_prefixes"] or prefix in lexicon()["event_abbreviations"]:
        return None  # `Asia-sjef i Telenor`: the region the holder is in charge of, `VM-sjef` an event's: no employer
    found = prefix_modifier(clause, title)
    return modifier_entity(clause, *found[0]) if found else None


def _adviser(title: Token) -> bool:
    """Whether a title is an adviser's, by its lemma or, where the lemmatizer broke the compound
    (`sikkerhetsrådgiver` -> `sikkerhetsrådgive`), by the word as written."""
    return any(ends_with(form, lexicon()["adviser_titles"]) for form in (title.lemma_, fold(title.text)))


def advises(clause: Clause, person: str, title: Token) -> Iterator[Found]:
    """`rådgiver for NAME`, `Støre-rådgiver`, `Støres nye rådgiver`: kgo:adviserTo whom an adviser's title names."""
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


def settled_titles(facts: list[Fact]) -> list[Fact]:
    """An article's facts without a person's bare title (one stated with no affiliation beside it) where the
    article says the person held it before (`tidligere byråd NAME` beside `byråd NAME`, told of an earlier event):
    the bare title is the one of that time, not one held now; `tidligere direktør i X` leaves `direktør i Y`."""
    before = {(f.subject, f.object.removeprefix(_QUALIFIER)) for f in facts
              if f.predicate == "schema:jobTitle" and f.object.startswith(_QUALIFIER)}
    serving = {(f.subject, f.evidence) for f in facts if f.predicate == "schema:affiliation"}
    return [f for f in facts if f.predicate != "schema:jobTitle" or (f.subject, f.object) not in before
            or (f.subject, f.evidence) in serving]


_QUALIFIER = "tidligere "


def described_titles(clauses: list[Clause], facts: list[Fact]) -> Iterator[tuple[int, Found]]:
    """`Vik reiser ut i dag. Helseministeren vil møte ordførerne.`: a title in the definite singular that stands
    alone (no name, owner or place beside it), outside direct speech, with no person named in its sentence, is the
    title of the subject of the nearest of the three sentences before that names a person, where that sentence
    names only that person; not where the article gives the title to someone else by name, nor where the person's
    titles in the article (under the full name too: `Vik` is `Ragna Vik`) are of another kind (`ordfører` is no
    `statsråd`). Yields (clause index, found)."""
    holders: dict[str, set[str]] = {}
    held: dict[str, set[str]] = {}
    for f in facts:
        if f.predicate == "schema:jobTitle":
            holders.setdefault(f.object, set()).add(f.subject)
            held.setdefault(f.subject, set()).add(f.object.removeprefix(_QUALIFIER))
    for at, clause in enumerate(clauses):
        if any(n.kind == PERSON and not n.coref for n in clause.names):
            continue  # `Ifølge forsvareren er Jensen innstilt`: another person
        titles = [t for t in clause.nouns if _standing_title(clause, t) and not _spoken(clause, t)]  # (a noun's)
        if not titles or (person := _last_subject(clauses, at)) is None:
            continue
        # the person under every name the article titles her by (`Vik`: `Ragna Vik`)
        same = {k for k in held if k == person or k.endswith(" " + person.partition("|")[2])}
        own = {t for k in same for t in held[k]}  # her titles in the article
        for token in titles:
            title = full_title(token)
            if not holders.get(title, same) <= same or not _same_kind(title_word(token) or "", own):
                continue
            yield at, Found(person, "schema:jobTitle", title, "kg.jobTitle.described.v1", 0.7, literal=True)


def _spoken(clause: Clause, token: Token) -> bool:
    """Whether a token is inside direct speech (`– Statsforvalteren har fått sitt oppdrag, sier Lie.`): the
    sentence opens a quote, and the token is not the subject of its verb of speech (`sier statsministeren`)."""
    opens = clause.sent.text.lstrip().startswith(("–", "-", "«", '"'))
    return opens and not (token.dep_ == "SUBJ" and verb_in(token.head, lexicon()["spoken_verbs"]))


def _standing_title(clause: Clause, token: Token) -> bool:
    """A title noun in the definite singular, as written (`statsministeren`, not `politikken`), neither former
    nor new (`den avgåtte sjefen`, `den nye sjefen`: another than the one named last), nor a predicate (`å bli
    sjefen`), with no name in or beside it, no owner before it (`Danmarks klimaminister`, `NHO-sjefen`) and no
    phrase of whose or where after it (`sjefen i Fjordlaks`); not a royal's (one of a kind: `kongen`)."""
    word = title_word(token) if token.pos_ == "NOUN" else None
    if word is None or not is_definite(token) or "Plur" in morph(token, "Number") or token.dep_ == "SPRED" \
            or clause.named_at(token) or "-" in token.text or not fold(token.text).startswith(word) \
            or ends_with(word, _ROYAL_FORMS) or marked_former(token) \
            or any(fold(c.text) in _NEW for c in token.children if c.i < token.i):
        return False
    doc = clause.sent.doc
    if token.i + 1 < clause.sent.end and clause.named_at(doc[token.i + 1]):
        return False  # `statsministeren Kari Lie`
    return not any(c.dep_ in {"DET", "APP", "FLAT", "ATR"} and (c.pos_ in {"PROPN", "ADP", "PRON", "NOUN"}
                                                            or clause.named_at(c)) for c in token.children)


_NEW = frozenset({"ny", "nye", "nyvalgt", "nyvalde", "nyvalgte", "påtroppende", "påtroppande"})  # one to come


def _last_subject(clauses: list[Clause], at: int) -> str | None:
    """The key of the person the nearest of the three sentences before `at` that names a person names, where it
    names only one and that one is a subject there (by name or pronoun); else None."""
    for clause in clauses[max(at - 3, 0):at][::-1]:
        people = [n for n in clause.names if n.kind == PERSON]
        if not people:
            continue
        keys = {n.key for n in people}
        subject = any(clause.sent.doc[n.start].dep_ == "SUBJ" or _root(clause, n).dep_ == "SUBJ"
                      for n in people)
        return entity_key(PERSON, keys.pop()) if len(keys) == 1 and subject else None
    return None


def _same_kind(word: str, titles: set[str]) -> bool:
    """Whether a title is of the kind of the titles a person holds in the article (none: any is): one of them
    ends in the same base title (`klimaminister` and `klima- og miljøminister`; `statsråd` and any minister)."""
    if not titles:
        return True
    base = _base_title(word)
    return any(t.endswith(base) or base == "statsråd" and t.endswith("minister") for t in titles)


def _base_title(word: str) -> str:
    """The shortest title of the lexicon that a title word ends in (`helseminister` -> `minister`)."""
    titles = lexicon()["titles"]
    return next((word[i:] for i in range(len(word) - 4, -1, -1) if word[i:] in titles), word)
