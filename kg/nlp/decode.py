"""Greedy transition decoding in Python with numpy's BLAS, for one trained parser or NER or an ensemble of them.

spaCy's parser and NER decode in a C loop whose per-step matrix products go through thinc's `blis`, three
times slower than numpy's BLAS at our shapes on the machine we measured (docs/model.md). A `kg_decoder`
component runs the same greedy loop in Python, with every product done by numpy: the trained components it
decodes for (its `members`) stay in the pipeline, disabled, and keep their weights and serialisation; the
decoder owns nothing. With one member it annotates exactly as that member would, faster; with several it
averages their action scores at every step, an ensemble, whose members must share their transitions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import minibatch

from kg.errors import ModelError


def decode(members: Sequence[TrainablePipe], docs: list[Doc]) -> None:
    """Annotate `docs` by greedy decoding with the mean action scores of `members` (parsers or NERs); the
    best action of the summed scores is the best of their mean, so the sum is what is computed."""
    if not any(len(doc) for doc in docs):
        return
    lead = members[0]
    states = lead.moves.init_batch(docs)
    steps = [member.model.predict(docs) for member in members]
    todo = [state for state in states if not state.is_final()]
    while todo:
        scores = steps[0].predict(todo)
        for step in steps[1:]:
            scores = scores + step.predict(todo)
        todo = lead.transition_states(todo, numpy.ascontiguousarray(scores, dtype="float32"))
    for step in steps:
        step.clear_memory()
    lead.set_annotations(docs, states)


class Decoder:
    """Pipeline component: decodes for the trained components named in `members` (see the module's doc)."""

    def __init__(self, nlp: Language, name: str, members: list[str], batch_size: int = 64):
        self.nlp, self.name, self.members, self.batch_size = nlp, name, list(members), batch_size

    def _members(self) -> list[TrainablePipe]:
        try:
            members = [self.nlp.get_pipe(name) for name in self.members]
        except KeyError as err:
            raise ModelError(f"decoder {self.name!r}: no component {err} in the pipeline") from err
        if not members or any(m.move_names != members[0].move_names for m in members):
            raise ModelError(f"decoder {self.name!r}: its members {self.members} must share their transitions")
        return members

    @property
    def labels(self) -> tuple[str, ...]:
        return self._members()[0].labels

    def __call__(self, doc: Doc) -> Doc:
        decode(self._members(), [doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        members = self._members()
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            decode(members, batch)
            yield from batch

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        return self._members()[0].score(examples, **kwargs)


@Language.factory("kg_decoder", default_config={"members": [], "batch_size": 64})
def make_decoder(nlp: Language, name: str, members: list[str], batch_size: int) -> Decoder:
    return Decoder(nlp, name, members, batch_size)
