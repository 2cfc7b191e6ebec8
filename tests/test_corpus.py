from dataclasses import replace
from pathlib import Path

import pytest
from spacy.vocab import Vocab

from kg.errors import InputError
from kg.nlp.corpus import LABELS, build_splits, ndt_split, read_conll, to_doc

from .conftest import tiny


def test_ndt_sentence_is_mapped_to_upos_features_and_spaces():
    first, second = read_conll(tiny("tiny.conll"))
    assert first.words[:3] == ("Ola", "Hansen", "leder")
    assert first.pos == ("PROPN", "PROPN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT")
    assert first.morphs[4] == "Definite=Ind|Gender=Neut|Number=Plur"
    assert first.heads[2] == 2 and first.deps[2] == "ROOT" and first.heads[0] == 2
    doc = to_doc(Vocab(), first)
    assert doc.text == "Ola Hansen leder to utvalg i Tromsø (Ap)."
    assert [(e.text, e.label_) for e in doc.ents] == [("Ola Hansen", "PER"), ("Tromsø", "GPE_LOC"), ("Ap", "ORG")]
    assert second.pos[1] == "AUX" and second.lemmas[-1] == "."


def test_ud_sentence_keeps_its_spacing_and_labels():
    first, second = read_conll(tiny("tiny.conllu"))
    doc = to_doc(Vocab(), first)
    assert doc.text == "Kari Nordmann besøkte Bergen i går."
    assert [t.dep_ for t in doc][:2] == ["nsubj", "flat:name"]
    assert [(e.text, e.label_) for e in to_doc(Vocab(), second).ents] == [("Statens vegvesen", "ORG")]


def test_a_file_paragraph_or_document_starts_a_part_of_the_running_text(tmp_path: Path):
    assert [s.starts_part for s in read_conll(tiny("tiny.conll"))] == [True, False]
    first, second = (tiny("tiny.conllu")).read_text(encoding="utf-8").split("\n\n", 1)
    marked = tmp_path / "marked.conllu"
    marked.write_text(f"{first}\n\n# newpar\n{second}\n\n# newdoc id = b\n{first}\n\n{second}", encoding="utf-8")
    assert [s.starts_part for s in read_conll(marked)] == [True, True, True, False]


def test_stray_inside_tag_starts_an_entity():
    sentence = next(read_conll(tiny("tiny.conll")))
    broken = replace(sentence, iob=("I-PER", "I-PER") + sentence.iob[2:])
    assert [e.text for e in to_doc(Vocab(), broken).ents][0] == "Ola Hansen"


@pytest.mark.parametrize(("stem", "split"), [
    ("ap001_0000", "train"), ("ap012_0002", "train"), ("ap012_0003", "dev"), ("ap014_0003", "test"),
    ("kk006_0000", "train"), ("kk006_0001", "dev"), ("sp-bm002_0001", "dev"), ("sp-bm003_0000", "test"),
    ("db001a_0000", "train"), ("vg002_0005", "test"), ("nou004_0000", "train"),
])
def test_ndt_split_by_file_name(stem, split):
    assert ndt_split(stem) == split


def test_bad_files_raise_input_error(tmp_path: Path):
    bad = tmp_path / "bad.conllu"
    bad.write_text("1\tonly\tthree\n", encoding="utf-8")
    with pytest.raises(InputError, match="10 tab-separated"):
        list(read_conll(bad))
    latin = tmp_path / "latin.conllu"
    latin.write_bytes("1\tbl\xe5\n".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        list(read_conll(latin))
    with pytest.raises(InputError, match="not a NorNE folder"):
        build_splits(tmp_path)


@pytest.mark.norne
def test_split_sizes_match_the_ud_split(norne_splits):
    sizes = {name: len(sents) for name, sents in norne_splits.items()}
    assert sizes["nob-dev"] == sizes["ud-nob-dev"] == 2410
    assert sizes["nob-test"] == sizes["ud-nob-test"] == 1939
    assert sizes["ud-nno-dev"] == 1890 and sizes["ud-nno-test"] == 1511
    assert 15_500 <= sizes["nob-train"] <= 15_700
    assert 14_000 <= sizes["nno-train"] <= 14_600


@pytest.mark.norne
def test_no_dev_or_test_sentence_in_train(norne_splits):
    held_out = {s.words for name, sents in norne_splits.items() if not name.endswith("train") for s in sents}
    for name in ("nob-train", "nno-train"):
        assert not any(s.words in held_out for s in norne_splits[name]), name


@pytest.mark.norne
def test_labels_are_norne_labels(norne_splits):
    seen = {tag[2:] for s in norne_splits["nob-dev"] for tag in s.iob if tag != "O"}
    assert seen <= set(LABELS) and {"PER", "ORG", "GPE_LOC", "GPE_ORG", "PROD", "LOC"} <= seen


def test_ud_tag_conventions_are_read_off_the_tree(tmp_path):
    rows = [
        "1\tHan\than\tpron\tpron\tent|hum|mask|nom|pers|3\t2\tSUBJ\t_\tname=O",
        "2\thar\tha\tverb\tverb\tpres\t0\tFINV\t_\tname=O",
        "3\tikke\tikke\tadv\tadv\t_\t2\tADV\t_\tname=O",
        "4\tsin\tsin\tdet\tdet\tmask|ent|poss\t5\tDET\t_\tname=O",
        "5\tbil\tbil\tsubst\tsubst\tappell|mask|ub|ent\t2\tDOBJ\t_\tname=O",
        "6\tfor\tfor\tprep\tprep\t_\t2\tADV\t_\tname=O",
        "7\tå\tå\tinf-merke\tinf-merke\t_\t6\tPUTFYLL\t_\tname=O",
        "8\tkjøre\tkjøre\tverb\tverb\tinf\t7\tINFV\t_\tname=O",
        "9\tsom\tsom\tsbu\tsbu\t_\t10\tSBU\t_\tname=O",
        "10\tgår\tgå\tverb\tverb\tpres\t5\tATR\t_\tname=O",
    ]
    path = tmp_path / "conventions.conll"
    path.write_text("\n".join(rows) + "\n\n", encoding="utf-8")
    (sentence,) = read_conll(path)
    assert sentence.pos == ("PRON", "VERB", "PART", "PRON", "NOUN", "SCONJ", "PART", "VERB", "PRON", "VERB")
