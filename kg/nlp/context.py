"""One reading per name within a text: the NER's entities made consistent across the Docs of one article.

The NER reads a sentence at a time, so it can tag a name as a person in one sentence and as an organisation in
the next, and it cannot know that the one word opening `Lien ringte ...` is the person the article named in full
earlier: the largest group of its errors on the UD test file (docs/model.md). `consistent_names` reads the
whole text after the NER and applies two rules, each measured on the UD dev file before it was kept:

- every mention of a name (the same words) gets the label most of its mentions have; a tie keeps its own;
- an untagged word equal to the surname of exactly one person named in full in the text, or to that surname
  with the genitive -s (`Liens`), is a mention of that person.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc, Span

PERSON = "PER"


def consistent_names(docs: Sequence[Doc]) -> None:
    """Make the entities of `docs`, the parts of one text (an article's paragraphs), agree; in place."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    bearers: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for doc in docs:
        for ent in doc.ents:
            words = _words(ent)
            votes[words][ent.label_] += 1
            if ent.label_ == PERSON and len(words) > 1 and words[-1][:1].isupper():
                bearers[words[-1]].add(words)
    surnames = {word for word, names in bearers.items() if len(names) == 1}
    for doc in docs:
        ents = [_voted(ent, votes[_words(ent)]) for ent in doc.ents]
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        ents += [Span(doc, token.i, token.i + 1, label=PERSON) for token in doc
                 if token.i not in taken and _surname(token.text, surnames)]
        doc.ents = sorted(ents)


def _words(ent: Span) -> tuple[str, ...]:
    return tuple(token.text for token in ent)


def _voted(ent: Span, votes: Counter[str]) -> Span:
    label = max(votes, key=lambda candidate: (votes[candidate], candidate == ent.label_))
    return ent if label == ent.label_ else Span(ent.doc, ent.start, ent.end, label=label)


def _surname(word: str, surnames: set[str]) -> bool:
    return word in surnames or (word.endswith("s") and word[:-1] in surnames)
