"""Score a pipeline on gold-tokenised NorNE sentences: NER per label, POS, lemmas, UAS/LAS and speed.

The pipeline annotates each sentence alone, as the gold file gives it; then, as Nyhetsgraf does for an article,
the names are made consistent within each part of the file's running text (a paragraph of a UD file, an NDT
file; `kg.nlp.context`). NER is scored both ways: in context (the headline scores) and each sentence alone.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc
from spacy.training import Example

from kg.errors import InputError
from kg.nlp.context import consistent_names
from kg.nlp.corpus import Sentence, build_splits, read_conll, to_doc


@dataclass(frozen=True)
class Scores:
    """What `kg model evaluate` reports; dependency scores are None where the gold labels are not NDT's. The NER
    scores are those in context (names consistent within each part of the text); `alone_*` each sentence alone."""

    source: str
    sentences: int
    parts: int
    words: int
    ents_p: float
    ents_r: float
    ents_f: float
    ents_per_type: dict[str, dict[str, float]]
    alone_ents_p: float
    alone_ents_r: float
    alone_ents_f: float
    pos_acc: float | None
    morph_acc: float | None
    lemma_acc: float | None
    dep_uas: float | None
    dep_las: float | None
    words_per_second: float
    notes: list[str] = field(default_factory=list)


def read_gold(path: Path, split: str = "nob-dev") -> list[Sentence]:
    """Gold sentences from a `.conllu`/`.conll` file, or one named split of a NorNE folder; raises InputError."""
    if path.is_dir():
        splits = build_splits(path)
        if split not in splits:
            raise InputError(f"{path}: no split {split!r}; choose one of {', '.join(sorted(splits))}")
        return splits[split]
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix not in {".conllu", ".conll"}:
        raise InputError(f"{path}: expected a .conllu (UD) or .conll (NDT) file")
    sentences = list(read_conll(path))
    if not sentences:
        raise InputError(f"{path}: no sentences in the file")
    return sentences


def evaluate(nlp: Language, sentences: Sequence[Sentence], source: str, batch_size: int = 256) -> Scores:
    """Run `nlp` over the gold tokens of `sentences` and score it against their annotation."""
    golds = [to_doc(nlp.vocab, s) for s in sentences]
    started = time.perf_counter()
    predicted = list(nlp.pipe((Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
                               for g in golds), batch_size=batch_size))
    seconds = time.perf_counter() - started
    examples = [Example(p, g) for p, g in zip(predicted, golds, strict=True)]
    alone_scores = get_ner_prf(examples)
    started = time.perf_counter()
    parts = _parts(sentences)
    for start, end in parts:
        consistent_names(predicted[start:end])
    seconds += time.perf_counter() - started
    scores = _score(nlp, examples)
    notes = []
    ndt_labels = _ndt_labels(nlp, golds)
    if not ndt_labels:
        notes.append("dependency scores left out: the gold file uses UD labels, the parser NDT's (docs/model.md)")
    words = sum(len(g) for g in golds)

    def get(key: str, keep: bool = True) -> float | None:
        value = scores.get(key)
        return float(value) if keep and value is not None else None

    return Scores(
        source=source, sentences=len(golds), parts=len(parts), words=words,
        ents_p=float(scores.get("ents_p") or 0.0), ents_r=float(scores.get("ents_r") or 0.0),
        ents_f=float(scores.get("ents_f") or 0.0), ents_per_type=dict(scores.get("ents_per_type") or {}),
        alone_ents_p=float(alone_scores.get("ents_p") or 0.0), alone_ents_r=float(alone_scores.get("ents_r") or 0.0),
        alone_ents_f=float(alone_scores.get("ents_f") or 0.0),
        pos_acc=get("pos_acc"), morph_acc=get("morph_acc"), lemma_acc=get("lemma_acc"),
        dep_uas=get("dep_uas", ndt_labels), dep_las=get("dep_las", ndt_labels),
        words_per_second=words / seconds if seconds else 0.0, notes=notes,
    )


def _score(nlp: Language, examples: list[Example]) -> dict:
    from spacy.scorer import Scorer

    return Scorer(nlp).score(examples)


def _parts(sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """(start, end) of each part of the running text: a new part begins at every sentence marked to begin one."""
    starts = [i for i, s in enumerate(sentences) if s.starts_part or i == 0]
    return list(zip(starts, [*starts[1:], len(sentences)], strict=True)) if starts else []


def _ndt_labels(nlp: Language, golds: list[Doc]) -> bool:
    if "parser" not in nlp.pipe_names:
        return False
    known = set(nlp.get_pipe("parser").labels) | {"ROOT"}
    gold = {t.dep_ for g in golds for t in g}
    return len(gold - known) <= 2  # a rare NDT label the parser never kept still counts as NDT
