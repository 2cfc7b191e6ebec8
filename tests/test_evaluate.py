"""Accuracy floors for the shipped pipeline on slices of NorNE dev (skipped where NorNE is absent)."""

import pytest

from kg.errors import InputError
from kg.nlp.evaluate import evaluate, read_gold

from .conftest import DATA


def test_evaluate_scores_a_small_gold_file(nlp):
    scores = evaluate(nlp, read_gold(DATA / "tiny.conll"), source="tiny")
    assert scores.sentences == 2 and scores.words == 16
    assert 0 <= scores.ents_f <= 1 and scores.dep_las is not None and scores.words_per_second > 0


def test_ud_labels_leave_dependency_scores_out(nlp):
    scores = evaluate(nlp, read_gold(DATA / "tiny.conllu"), source="tiny")
    assert scores.dep_las is None and scores.pos_acc is not None and scores.notes


@pytest.mark.parametrize("name", ["missing.conllu", "tiny.txt"])
def test_read_gold_rejects_what_it_cannot_score(tmp_path, name):
    path = tmp_path / name
    if name.endswith(".txt"):
        path.write_text("hei", encoding="utf-8")
    with pytest.raises(InputError):
        read_gold(path)


@pytest.mark.norne
def test_accuracy_floor_on_a_slice_of_bokmaal_dev(nlp, norne_splits):
    scores = evaluate(nlp, norne_splits["ud-nob-dev"][:600], source="ud-nob-dev[:600]")
    assert scores.ents_f >= 0.75
    assert scores.pos_acc >= 0.93


@pytest.mark.norne
def test_parser_floor_on_a_slice_of_ndt_dev(nlp, norne_splits):
    scores = evaluate(nlp, norne_splits["nob-dev"][:600], source="nob-dev[:600]")
    assert scores.dep_las >= 0.80 and scores.dep_uas >= 0.85
