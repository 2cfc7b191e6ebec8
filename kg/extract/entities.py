"""Sentence -> mentions of entities: `named_mentions`, the model's named entities cleaned and typed by general
rules, and the names it missed, in the order they are found. The steps live by concern: `names.py` (`Named`; the
model's entities cleaned, split at coordinations, reduced to the nominative and typed), `organisations.py` (the
organisations the lists know, made whole and recalled), `people.py` (persons the model missed: a titled name, a
speaker, a byline's journalist) and `bodies.py` (institutions, organs and other bodies named by common nouns).
What an article's names say together lives in `article_names.py` (one kind, one key and one reading per name
across an article), and the nouns of the things that matter without a proper name (events, delegations) in
`nouns.py`. The final type of an entity is decided by a vote over all its mentions (resolve).
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.bodies import bodies
from kg.extract.names import Named, model_names
from kg.extract.organisations import known_organisations
from kg.extract.people import people


def named_mentions(sent: Span) -> list[Named]:
    """The named entities of a sentence, cleaned, split at coordinations and typed, with the names the model
    missed; drops what is not a name."""
    found = model_names(sent)
    found = known_organisations(sent, found)
    found = people(sent, found)
    return bodies(sent, found)
