"""A sentence's tokens, made once per article: spaCy makes a new `Token` for every index read, and the name rules
(kg.extract.bodies, organisations, people, coref) and the relation rules (`Clause.tokens`) each walk every
sentence again."""

from __future__ import annotations

from spacy.tokens import Span, Token

_MADE: dict[tuple[int, int, int], tuple[Token, ...]] = {}  # (id of the Doc, start, end) -> its tokens
_LIMIT = 1024  # sentences kept; `forget` empties it after each article


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


def forget() -> None:
    """Let the Docs of the sentences asked for go (at the end of an article)."""
    _MADE.clear()
