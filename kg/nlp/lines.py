"""`kg_line_starts`, a pipeline step before the parser: in a paragraph whose lines are units of their own (a fact
box, a list, `Leder: NAME` lines), every line begins a sentence, so that no sentence and no name runs on from one
line into the next. A paragraph that looks hard-wrapped (a line ending in a lower-case word and the next line
beginning with one) is left to the parser."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.ingest import runs_on

LINE_STARTS = "kg_line_starts"


@Language.component(LINE_STARTS)
def line_starts(doc: Doc) -> Doc:
    """Mark the first word of every line of `doc` as a sentence start, unless its lines run on (hard-wrapped)."""
    breaks = [t.i for t in doc if "\n" in t.text_with_ws and t.i + 1 < len(doc)]
    if not breaks or runs_on(doc.text.splitlines()):
        return doc
    for i in breaks:
        start = next((t for t in doc[i + 1:] if not t.is_space), None)
        if start is not None:
            start.is_sent_start = True
    return doc

