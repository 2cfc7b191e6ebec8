"""A sentence's tokens, made once per article: spaCy makes a new `Token` for every index read, and the name rules
(kg.extract.bodies, organisations, people, coref) and the relation rules (`Clause.tokens`) each walk every
sentence again. Also a token's morphological features (`morph`), read once per analysis."""

from __future__ import annotations

from spacy.tokens import Span, Token

_MADE: dict[tuple, tuple[Token, ...]] = {}  # (id of the Doc, start, end[, which]) -> its tokens (or some)
_LIMIT = 1024  # entries kept; `forget` empties it after each article
_FEATURES: dict[int, dict[str, list[str]]] = {}  # the key of a morphological analysis -> its features


def tokens_of(span: Span) -> tuple[Token, ...]:
    """The tokens of `span`, the same objects each time it is asked for. (The tokens hold their Doc, so the Doc's
    id cannot be reused while its entry is kept.)"""
    key = (id(span.doc), span.start, span.end)
    made = _MADE.get(key)
    if made is None:
        if len(_MADE) >= _LIMIT:
            _MADE.clear()
        made = _MADE[key] = tuple(span)
    return made


def nouns_of(span: Span) -> tuple[Token, ...]:
    """The nouns and proper nouns of `span` among `tokens_of`'s, in order: the only words most name rules read."""
    key = (id(span.doc), span.start, span.end, "NOUN")
    made = _MADE.get(key)
    if made is None:
        made = _MADE[key] = tuple(t for t in tokens_of(span) if t.pos_ in {"NOUN", "PROPN"})
    return made


def verbs_of(span: Span) -> tuple[Token, ...]:
    """The verbs and auxiliaries of `span` among `tokens_of`'s, in order: the only words the verb rules read."""
    key = (id(span.doc), span.start, span.end, "VERB")
    made = _MADE.get(key)
    if made is None:
        made = _MADE[key] = tuple(t for t in tokens_of(span) if t.pos_ in {"VERB", "AUX"})
    return made


def capitalised_of(span: Span) -> tuple[Token, ...]:
    """The words of `span` that begin with a capital letter among `tokens_of`'s, in order: those a known name
    begins with."""
    key = (id(span.doc), span.start, span.end, "Aa")
    made = _MADE.get(key)
    if made is None:
        made = _MADE[key] = tuple(t for t in tokens_of(span) if t.text[:1].isupper())
    return made


def morph(token: Token, field: str) -> list[str]:
    """The values of one morphological feature of a token (`morph(token, "Number")` -> `["Plur"]`, or `[]`), as
    `token.morph.get(field)` gives them at a fifth of its cost (the rules ask for every noun and verb). The
    caller must not change the list (it is shared)."""
    analysis = token.morph
    features = _FEATURES.get(analysis.key)
    if features is None:
        features = _FEATURES[analysis.key] = {
            name: values.split(",") for name, _, values in (f.partition("=") for f in str(analysis).split("|") if f)}
    return features.get(field, _NO_VALUES)


_NO_VALUES: list[str] = []


def forget() -> None:
    """Let the Docs of the sentences asked for go (at the end of an article)."""
    _MADE.clear()
