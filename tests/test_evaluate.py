"""Accuracy floors for the shipped pipeline on slices of NorNE dev (skipped where NorNE is absent)."""

import pytest

from kg.errors import InputError
from kg.nlp.evaluate import evaluate, read_gold

from .conftest import tiny


def test_evaluate_scores_a_small_gold_file(nlp):
    scores = evaluate(nlp, read_gold(tiny("tiny.conll")), source="tiny")
    assert scores.sentences == 2 and scores.words == 16 and scores.parts == 1
    assert 0 <= scores.ents_f <= 1 and scores.dep_las is not None and scores.words_per_second > 0


def test_ud_labels_leave_dependency_scores_out(nlp):
    scores = evaluate(nlp, read_gold(tiny("tiny.conllu")), source="tiny")
    assert scores.dep_las is None and scores.pos_acc is not None and scores.notes


def test_ner_is_scored_in_context_and_each_sentence_alone(tmp_path):
    """A stand-in pipeline that knows only `Kari Nordmann`: alone it misses the bare surname of the next
    sentence, in context (same paragraph) it finds it; a new paragraph is a new context."""
    import spacy

    nlp = spacy.blank("nb")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PER", "pattern": "Kari Nordmann"}])
    rows = ["1\tNordmann\tNordmann\tPROPN\t_\t_\t2\tnsubj\t_\tname=B-PER",
            "2\tringte\tringe\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No|name=O",
            "3\t.\t$.\tPUNCT\t_\t_\t2\tpunct\t_\tname=O"]
    first = (tiny("tiny.conllu")).read_text(encoding="utf-8").split("\n\n")[0]
    gold = tmp_path / "gold.conllu"
    gold.write_text(f"{first}\n\n" + "\n".join(rows) + "\n\n# newpar\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    scores = evaluate(nlp, read_gold(gold), source="gold")
    assert (scores.sentences, scores.parts) == (3, 2)
    assert (scores.alone_ents_p, round(scores.alone_ents_r, 3)) == (1.0, 0.25)  # of Kari Nordmann, Bergen, 2 x Nordmann
    assert (scores.ents_p, scores.ents_r) == (1.0, 0.5)
    assert scores.ents_per_type["PER"]["r"] == 2 / 3


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
    assert scores.ents_f >= 0.75 and scores.alone_ents_f >= 0.75
    assert scores.pos_acc >= 0.93


@pytest.mark.norne
def test_parser_floor_on_a_slice_of_ndt_dev(nlp, norne_splits):
    scores = evaluate(nlp, norne_splits["nob-dev"][:600], source="nob-dev[:600]")
    assert scores.dep_las >= 0.80 and scores.dep_uas >= 0.85
