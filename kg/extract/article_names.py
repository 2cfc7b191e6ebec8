"""An article's names read together, after each sentence's and once the model's kinds of the article agree (one
kind per key, voted in `kg.extract`): the kinds an article's own words give its one-word names (`article_kinds`:
a name that holds a title is a person, `titled_people`; an event with a director or a board is an organisation,
`staffed_events`; a name an event is in is a place, `placed_names`; a name takes the kind of the sure names it is
coordinated with, `coordinated_kinds`); one key per entity for its forms
(`unify_aliases`: `Ap` is Arbeiderpartiet, an abbreviation the article defines is its full name); and one reading
per name (`name_index`, `recall_names`: a name the model tagged in one sentence is recalled where it missed the same
words in another)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.bodies import HOME
from kg.extract.gazetteer import countries, ends_in, fold, full_name, lexicon, lexicon_pairs, parties, title_of
from kg.extract.names import Named, has_institution_ending
from kg.extract.nouns import adjective_country, is_event
from kg.extract.organisations import in_parentheses_after
from kg.extract.titles import title_word
from kg.extract.tokens import texts_of, tokens_of
from kg.types import EVENT, GPE, ORGANIZATION, PERSON, PLACE


def article_kinds(sentences: list[tuple[int, Span, list[Named]]]) -> list[tuple[int, Span, list[Named]]]:
    """The kinds an article's own words give its one-word names, once the model's kinds of the article agree (one
    kind per key): a name that holds a title is a person (`titled_people`), an event with a director or a board is
    an organisation (`staffed_events`), a name an event is in is a place (`placed_names`), then a name takes the
    kind of the sure names it is coordinated with (`coordinated_kinds`)."""
    return coordinated_kinds(placed_names(titled_people(staffed_events(sentences))))


def staffed_events(sentences: list[tuple[int, Span, list[Named]]]) -> list[tuple[int, Span, list[Named]]]:
    """`direktør for Festspillene i Bergen`, `styret i Olavsfestdagene`: a name the model took for an event that
    has a post holder (a title of a post in it, not a role one plays at an event: lexicon `staff_posts`) or
    an organ (lexicon `organ_nouns`: `styret`) is the organisation behind it, in the whole article: an event
    employs no one."""
    staffed = {n.key for _, sent, names in sentences for n in names
               if n.kind == EVENT and _staffed(sent.doc[n.start:n.end])}
    if not staffed:
        return sentences
    return [(offset, sent, [replace(n, kind=ORGANIZATION) if n.key in staffed else n for n in names])
            for offset, sent, names in sentences]


def _staffed(span: Span) -> bool:
    """The object of `i`/`for`/`ved` after a post title or an organ noun (`direktør for X`, `styret i X`)."""
    root = span.root
    if root.dep_ != "PUTFYLL" or fold(root.head.text) not in {"i", "for", "ved"} or root.head.i != span.start - 1:
        return False
    owner = root.head.head
    if owner.i >= span.start or owner.pos_ != "NOUN":
        return False
    if title := title_word(owner):
        return ends_in(fold(title), lexicon()["staff_posts"])
    return ends_in(fold(owner.lemma_), lexicon()["organ_nouns"])


def placed_names(sentences: list[tuple[int, Span, list[Named]]]) -> list[tuple[int, Span, list[Named]]]:
    """`Møtet i Riyadh`, `en reise til Moskva og Kiev`: a one-word name that no list knows, the model's person
    or organisation, is a place in the whole article where the article puts an event in it (`i` on an event
    noun; not a body's own meeting: `styremøtet i Solvind`) or names it with places after a preposition of
    place."""
    places = {}
    surnames = surnames_of(sentences)
    for _, sent, names in sentences:
        for n in names:  # `utenfor Lillevik`, `ordføreren i Solvik`: no person is in or outside
            token = sent.doc[n.start]
            if n.kind == PERSON and token.dep_ == "PUTFYLL" and token.head.lower_ in _LOCATIVE_PREPOSITIONS \
                    and _unsure_kind(sent, n, surnames):
                places.setdefault(n.key, PLACE)
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
    and a name a preposition of place governs becomes no person (`frå Ålesund og Kari Holm`); a name the article
    gives three times or more keeps the kind its mentions agree on (`Hydro og Brandtzæg`: the company and its
    chief). Call after the kinds of an article agree (one kind per key)."""
    surnames = surnames_of(sentences)
    mentioned = Counter(n.key for _, _, names in sentences for n in names)
    retyped: dict[str, str] = {}
    for _, sent, names in sentences:
        for group in _coordinations(sent, names):
            sure = {_class(n.kind) for n in group if _sure_kind(sent, n, surnames)}
            if len(sure) != 1:
                continue
            kind = next(n.kind for n in group if _sure_kind(sent, n, surnames))
            for n in group:
                if _class(n.kind) not in sure and _unsure_kind(sent, n, surnames) and mentioned[n.key] < _MANY \
                        and not (kind == PERSON and _after_place_preposition(sent, n)):
                    retyped.setdefault(n.key, kind)
    if not retyped:
        return sentences
    return [(offset, sent, [replace(n, kind=retyped.get(n.key, n.kind)) for n in names])
            for offset, sent, names in sentences]


_MANY = 3  # a name the article gives this often keeps the kind its mentions agree on (`Hydro og Brandtzæg`)


def surnames_of(sentences: list[tuple[int, Span, list[Named]]]) -> set[str]:
    """The last words of the persons an article names in full."""
    return {n.key.rsplit(" ", 1)[1] for _, _, names in sentences for n in names if n.kind == PERSON and " " in n.key}


def _class(kind: str) -> str:
    return PLACE if kind == GPE else kind  # a city and a region are both places here


def _coordinations(sent: Span, names: list[Named]) -> list[list[Named]]:
    """The groups of two or more names of a sentence joined by coordination: a name and the names whose head
    word is a conjunct of it (KOORD in the parse)."""
    doc = sent.doc
    owner = {i: n for n in names if not n.coref for i in range(n.start, n.end)}
    groups: dict[int, set[Named]] = {}
    for n in dict.fromkeys(owner.values()):  # (a name of several words once)
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
_LOCATIVE_PREPOSITIONS = {"i", "utenfor", "utanfor", "innenfor", "innanfor", "nær"}  # none that takes a person


def _unsure_kind(sent: Span, named: Named, surnames: set[str]) -> bool:
    """A one-word name in title case that no list knows: its kind is only the model's guess."""
    token = sent.doc[named.start]
    word = fold(token.text)
    return named.end - named.start == 1 and token.is_alpha and token.text.istitle() and not named.coref \
        and named.key not in surnames and full_name(token.text) is None and not countries().get(word) \
        and not named.key.startswith("country:") and not has_institution_ending(word) \
        and word not in lexicon()["news_agencies"] and word not in lexicon_pairs("institutions")


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
    others = _others_institutions(sentences)
    for offset, sent, names in sentences:
        new = []
        for n in names:
            if n.kind == PERSON and n.key.endswith("s") and n.key[:-1] in people:
                n = replace(n, key=n.key[:-1], name=n.name[:-1])  # `Jonas Gahr Støres` beside `Jonas Gahr Støre`
            elif n.kind == ORGANIZATION and n.key in defined:
                full = defined[n.key]
                n = replace(n, key=full.key, name=full.name)
            elif n.kind == ORGANIZATION and (party := parties().get(n.key)) and full_name(n.name) == party:
                n = replace(n, key=fold(party), name=party)
            elif n.kind == ORGANIZATION and n.key in institutions and institutions[n.key] in others \
                    and fold(n.name) in institutions:
                continue  # `regjeringens delegasjon` where the article names `regjeringen til Maduro`
            elif n.kind == ORGANIZATION and (institution := institutions.get(n.key)):
                n = replace(n, key=fold(institution), name=institution if fold(n.name) in institutions else n.name)
                # `Regjeringa` is Regjeringen; `det norske kongehuset` keeps its words
            new.append(n)
        unified.append((offset, sent, new))
    return unified


def _others_institutions(sentences: list[tuple[int, Span, list[Named]]]) -> set[str]:
    """The national institutions (lexicon `institutions`) an article also names as another country's or
    someone's (`regjeringen til Maduro`, `Venezuelas regjering`, `den svenske regjeringen`, `regjeringen i
    Chile`): there the bare `regjeringen` may be theirs, so it is not taken for Norway's."""
    institutions, found = lexicon_pairs("institutions"), set()
    for _, sent, names in sentences:
        texts = texts_of(sent)  # (each read once: the words are walked one by one)
        for k, token in enumerate(tokens_of(sent)):
            word = fold(texts[k])
            name = institutions.get(word) or (institutions.get(word[:-1]) if word.endswith("s") else None)
            if name is None and k > 0 and texts[k - 1].endswith("s"):
                name = institutions.get(f"{fold(token.lemma_)}en")  # `Venezuelas regjering`
            if name is not None and any(_owner(c, names) for c in token.children):
                found.add(name)
    return found


def _owner(child: Token, names: list[Named]) -> bool:
    """A word that says whose an institution is, other than Norway's: a name or an adjective before it (not
    `norske`), `til` and a name after it, or `i` and another country (not `i Norge`, nor a town: `Stortinget i
    Oslo`)."""
    head = child.head
    if child.i < head.i and child.dep_ in {"DET", "ATR"} and child.pos_ in {"PROPN", "ADJ"}:
        return (country := adjective_country(child)) is None or country[0] != f"country:{HOME}" \
            if child.pos_ == "ADJ" else not any(n.start <= child.i < n.end and n.key == f"country:{HOME}"
                                                for n in names)
    if child.i > head.i and fold(child.text) in {"i", "til"}:
        return any(o.dep_ == "PUTFYLL" and o.pos_ == "PROPN" and not any(
            n.start <= o.i < n.end and n.key == f"country:{HOME}" for n in names) and (fold(child.text) == "til" or any(
            n.start <= o.i < n.end and n.key.startswith("country:") for n in names)) for o in child.children)
    return False


def abbreviates(short: str, name: str) -> bool:
    """`NIF` for `Norges idrettsforbund`, `SMK` for `Statsministerens kontor`: the short form's letters in order
    in the name, the first letters equal (not a dateline's outlet: `BEIRUT (VG)`)."""
    short, name = fold(short), fold(name)
    if short == name or short[:1] != name[:1]:
        return False
    rest = iter(name)
    return all(letter in rest for letter in short)


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
    tokens = tokens_of(sent)
    for offset, (token, text) in enumerate(zip(tokens, texts_of(sent), strict=True) if index else ()):
        for words, named in index.get(text, ()):
            start, end = token.i, token.i + len(words)
            if end <= sent.end and not taken & set(range(start, end)) and \
                    texts_of(sent)[offset:offset + len(words)] == words:
                found.append(Named(start, end, named.kind, named.name, named.key))
                taken |= set(range(start, end))
                break
    return sorted(found, key=lambda n: n.start)
