"""Persons the model missed or cut wrong (`people`): two to four proper nouns with a person's title before them or
in apposition (`nestleder Kine Asper Vistnes`), a one-word subject of a verb of spoken words that no list knows as
an organisation, institution or body (`sa Trump`; not `sier Politiet`), and the journalist of an agency byline,
named apart from the agency (`NTB-Kari Holm`)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.extract.bodies import body_noun, organ_base
from kg.extract.gazetteer import countries, fold, full_name, lexicon, lexicon_pairs, title_of, verb_in
from kg.extract.names import Named, has_institution_ending
from kg.extract.tokens import nouns_of
from kg.types import ORGANIZATION, PERSON


def people(sent: Span, found: list[Named]) -> list[Named]:
    """A sentence's names (`found`) with the persons the model missed (a titled name, a speaker), and an agency
    byline's journalist and agency named apart."""
    found = found + _titled_names(sent, found)
    found += _speakers(sent, found)
    return _agency_bylines(sent, found)


def _titled_names(sent: Span, found: list[Named]) -> list[Named]:
    """`Kine Asper Vistnes, nestleder i X` with no entity from the model: two to four capitalised proper nouns
    in one name (the parser's FLAT chain) with a person's title in apposition or right before them, and none
    of them inside a name already found, are a person."""
    taken = {i for n in found for i in range(n.start, n.end)}
    added = []
    for head in nouns_of(sent):
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


def _speakers(sent: Span, found: list[Named]) -> list[Named]:
    """`– Det gjer eg ikkje, sa Trump til reporterane.` with no entity from the model: a one-word proper noun in
    title case (its lemma too: `Politiet` is `politi`), subject of a verb of spoken words (lexicon `spoken_verbs`;
    an outlet writes or reports), that no list knows as an organisation, institution or body, is a person."""
    taken = {i for n in found for i in range(n.start, n.end)}
    added = []
    for token in nouns_of(sent):
        if token.i in taken or token.pos_ != "PROPN" or token.dep_ != "SUBJ" or not token.is_alpha \
                or not token.text.istitle() or not token.lemma_[:1].isupper() \
                or any(c.dep_ == "FLAT" for c in token.children) \
                or not verb_in(token.head, lexicon()["spoken_verbs"]):
            continue
        word = fold(token.text)
        if full_name(token.text) is None and not countries().get(word) and not has_institution_ending(word) \
                and word not in lexicon_pairs("institutions") and word not in lexicon()["news_agencies"] \
                and organ_base(token) is None and not body_noun(token):
            added.append(Named(token.i, token.i + 1, PERSON, token.text, word))
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
