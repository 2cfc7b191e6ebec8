"""A sentence's tokens, made once per article: spaCy makes a new `Token` for every index read, and the name rules
(kg.extract.bodies, organisations, people, coref) and the relation rules (`Clause.tokens`) each walk every
sentence again; with them their texts, nouns, verbs and capitalised words, read in the same pass. Also a token's
morphological features (`morph`), read once per analysis."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

_MADE: dict[tuple[int, int, int], _Words] = {}  # (id of the Doc, start, end) -> its words
_LIMIT = 1024  # sentences kept; `forget` empties it after each article
_FEATURES: dict[int, dict[str, list[str]]] = {}  # the key of a morphological analysis -> its features


class _Words(NamedTuple):
    """A sentence's tokens, their texts, and those of them most rules walk, read in one pass."""

    tokens: tuple[Token, ...]
    texts: tuple[str, ...]
    nouns: tuple[Token, ...]  # NOUN and PROPN
    verbs: tuple[Token, ...]  # VERB and AUX
    capitalised: tuple[Token, ...]  # a text that begins with a capital letter


def _words(span: Span) -> _Words:
    key = (id(span.doc), span.start, span.end)
    made = _MADE.get(key)
    if made is None:
        if len(_MADE) >= _LIMIT:
            _MADE.clear()
        tokens = tuple(span)
        texts = tuple(t.text for t in tokens)
        nouns, verbs = [], []
        for token in tokens:
            pos = token.pos_
            if pos in {"NOUN", "PROPN"}:
                nouns.append(token)
            elif pos in {"VERB", "AUX"}:
                verbs.append(token)
        capitalised = tuple(t for t, text in zip(tokens, texts, strict=True) if text[:1].isupper())
        made = _MADE[key] = _Words(tokens, texts, tuple(nouns), tuple(verbs), capitalised)
    return made


def tokens_of(span: Span) -> tuple[Token, ...]:
    """The tokens of `span`, the same objects each time it is asked for. (The tokens hold their Doc, so the Doc's
    id cannot be reused while its entry is kept.)"""
    return _words(span).tokens


def texts_of(span: Span) -> tuple[str, ...]:
    """The texts of `tokens_of(span)`, in order: each read from spaCy once."""
    return _words(span).texts


def nouns_of(span: Span) -> tuple[Token, ...]:
    """The nouns and proper nouns of `span` among `tokens_of`'s, in order: the only words most name rules read."""
    return _words(span).nouns


def verbs_of(span: Span) -> tuple[Token, ...]:
    """The verbs and auxiliaries of `span` among `tokens_of`'s, in order: the only words the verb rules read."""
    return _words(span).verbs


def capitalised_of(span: Span) -> tuple[Token, ...]:
    """The words of `span` that begin with a capital letter among `tokens_of`'s, in order: those a known name
    begins with."""
    return _words(span).capitalised


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
