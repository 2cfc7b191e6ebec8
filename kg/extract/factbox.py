"""Rules for fact boxes: a paragraph that opens with `Fakta` (its lines joined: `Fakta: Kari Lie Født: 1961 Jobb:
Rektor ved Fiskeskolen Tidligere yrkeserfaring: Direktør i Fiskarlaget. Klubb: Lyngdal IL.`) is about the person
first named in it. The item of a work label (lexicon `work_labels`) is her `schema:jobTitle` and its organisations
her `schema:affiliation`, a former title with no affiliation after `Tidligere` (`former_markers`) or under a label
of work held before (`former_work_labels`); the organisations of a club or party label (`member_labels`) are what
she is `schema:memberOf`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span

from kg.extract.clause import Clause, Found, entity_key
from kg.extract.entities import named_mentions
from kg.extract.gazetteer import fold, lexicon
from kg.extract.names import Named
from kg.extract.titles import field_word, fields_end, former_title, full_title, serves, title_word
from kg.types import ORGANIZATION, PERSON


def fact_boxes(clause: Clause) -> Iterator[Found]:
    """`Fakta: Kari Lie Født: 1961 Jobb: Direktør i Fiskarlaget Tidligere yrkeserfaring: Rektor ved Fiskeskolen.
    Klubb: Lyngdal IL.`: in a paragraph that opens a fact box on a person, the title (and the organisations) each
    work label's item states is the person's (after `Tidligere` or under `Yrkeserfaring`, one held before), and
    the organisations of a club or party label are those the person is a member of."""
    person = _box_person(clause.sent.doc)
    if person is None:
        return
    for label, former, segment in _box_segments(clause):
        if label in lexicon()["member_labels"]:
            for named in _names_in(clause, segment, ORGANIZATION):
                yield Found(person, "schema:memberOf", entity_key(ORGANIZATION, named.key), "kg.memberOf.factbox.v1",
                            0.8)
            continue
        title = next((t for t in segment if t.pos_ != "ADJ"), None)
        held_before = label in lexicon()["former_work_labels"]
        if label not in lexicon()["work_labels"] and not held_before or title is None or not title_word(title) \
                or clause.named_at(title):
            continue
        if former or held_before:
            yield Found(person, "schema:jobTitle", f"tidligere {former_title(title)}", "kg.jobTitle.factbox.v1",
                        0.8, literal=True)
            continue
        yield Found(person, "schema:jobTitle", full_title(title), "kg.jobTitle.factbox.v1", 0.8, literal=True)
        for named in _names_in(clause, segment[title.i - segment.start + 1:], ORGANIZATION):
            found = serves(clause, person, entity_key(ORGANIZATION, named.key), 0.8, title)
            yield replace(found, rule=found.rule.replace("affiliation.v3", "affiliation.factbox.v1"))


def labelled_titles(clause: Clause) -> Iterator[Found]:
    """`Nestleder: Kari Lie`, `Leiar for utvalet: Per Holm (Sp).`: a line that is a title, a colon and a person's
    name (with nothing after it but parentheses) gives the person that title; the sentence splitter may cut the
    line at the colon."""
    doc = clause.sent.doc
    for named in clause.names:
        colon = named.start - 1
        if named.kind != PERSON or colon < 1 or doc[colon].text != ":" or not _only_brackets_after(clause, named.end):
            continue
        label = doc[doc[colon].sent.start:colon] if doc[colon].sent.start < colon else None
        if label is None or label.start < clause.sent.start and label.end != clause.sent.start - 1 \
                or len(label) > 6 and not _title_and_fields(label) or (title := label[0]).pos_ not in {
                    "NOUN", "PROPN"} or not title_word(title) or any(t.pos_ in {"VERB", "AUX"} for t in label):
            continue
        yield Found(entity_key(PERSON, named.key), "schema:jobTitle", full_title(title), "kg.jobTitle.label.v1", 0.8,
                    literal=True)


def _title_and_fields(label: Span) -> bool:
    """A label that is a title and the fields it is over, however many (`Byråd for arbeid, integrering og sosiale
    tjenester`)."""
    field = field_word(label[0])
    return field is not None and fields_end(field) == label.end


def _only_brackets_after(clause: Clause, end: int) -> bool:
    """Whether a sentence has nothing after a position but words in parentheses and punctuation (`(Ap).`)."""
    depth = 0
    for token in clause.sent.doc[end:clause.sent.end]:
        depth += (token.text == "(") - (token.text == ")")
        if depth == 0 and not token.is_punct and not token.is_space:
            return False
    return True


def _box_person(doc: Doc) -> str | None:
    """The person a paragraph opening with `Fakta` is about: the first named in its first two sentences."""
    if not len(doc) or fold(doc[0].text) not in {"fakta", "faktaboks"}:
        return None
    for sent in list(doc.sents)[:2]:
        if person := next((n for n in named_mentions(sent) if n.kind == PERSON), None):
            return entity_key(PERSON, person.key)
    return None


def _box_segments(clause: Clause) -> Iterator[tuple[str, bool, Span]]:
    """(label, former, item) for each stretch of a sentence between the labels of a fact box (`Jobb:`,
    `Tidligere yrkeserfaring:`), with the label the stretch comes under, perhaps in an earlier sentence."""
    doc, sent = clause.sent.doc, clause.sent
    opening = next((m for i in range(sent.start - 1, 0, -1) if (m := _labels(doc, i))), None)
    label, former = opening or (None, False)
    start = sent.start
    for i in range(sent.start, sent.end + 1):
        marker = _labels(doc, i) if i < sent.end else None
        if marker is None and i < sent.end:
            continue
        end = i if marker is None else i - (2 if marker[1] else 1)  # up to the next label's words
        if label is not None and end > start:
            yield label, former, doc[start:end]
        if marker is not None:
            (label, former), start = marker, i + 1


def _labels(doc: Doc, i: int) -> tuple[str, bool] | None:
    """(label, former) where token i is the colon after a fact box's label (`Jobb:`, `Tidligere yrkeserfaring:`)."""
    if doc[i].text != ":" or i < 1 or doc[i - 1].whitespace_ or not doc[i - 1].text.isalpha():
        return None
    former = i >= 2 and fold(doc[i - 2].text) in lexicon()["former_markers"]
    return fold(doc[i - 1].text), former


def _names_in(clause: Clause, span: Span, kind: str) -> list[Named]:
    return [n for n in clause.names if n.kind == kind and span.start <= n.start and n.end <= span.end]
