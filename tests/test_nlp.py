"""The shipped pipeline: loads offline, and its analyses of sentences we wrote are sensible (facts, not trees)."""

import json
from pathlib import Path

import pytest

from kg.errors import ModelError
from kg.nlp import MODEL_DIR, load_pipeline


def test_shipped_pipeline_has_every_component_and_records_its_scores(nlp):
    assert nlp.lang == "nb"
    assert nlp.pipe_names == ["tok2vec", "morphologizer", "trainable_lemmatizer", "kg_line_starts", "parser", "ner"]
    # MISC has 8 training examples in all of NorNE; the other eight labels must be there.
    assert {"PER", "ORG", "LOC", "GPE_LOC", "GPE_ORG", "PROD", "EVT", "DRV"} <= set(nlp.get_pipe("ner").labels)
    meta = nlp.meta
    assert meta["version"] and meta["kg_training"]["sentences"]["nob-train"] > 15_000
    assert meta["kg_scores"]["ud-nob-dev"]["ents_f"] > 0.7


def test_each_line_of_a_list_begins_a_sentence_and_hard_wrapped_lines_do_not(nlp):
    listed = nlp("Leder: Kari Holm\nNestleder: Per Lie\nSekretær: Ola Berg")
    starts = [t.text for t in listed if t.is_sent_start]
    assert {"Nestleder", "Sekretær"} <= set(starts)
    assert [e.text for e in listed.ents if e.label_ == "PER"] == ["Kari Holm", "Per Lie", "Ola Berg"]
    wrapped = nlp("Fiskerne i Bodø protesterer mot\nkvotene, sier Kari Holm.")
    assert len(list(wrapped.sents)) == 1


def test_shipped_model_is_small_and_holds_no_corpus_word_list():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 40 * 1024 * 1024
    strings = json.loads((MODEL_DIR / "vocab" / "strings.json").read_text(encoding="utf-8"))
    assert len(strings) < 2_000  # the lemmatizer's affixes only (kg.nlp.train.prune_strings)


def test_missing_pipeline_raises_model_error(tmp_path: Path):
    with pytest.raises(ModelError, match="no trained pipeline"):
        load_pipeline(tmp_path)


def test_parse_of_a_norwegian_sentence(nlp):
    doc = nlp("Statsminister Jonas Gahr Støre møtte Sveriges statsminister i Stockholm tirsdag. "
              "Han sa at samtalene var nyttige.")
    assert len(list(doc.sents)) == 2
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Jonas Gahr Støre", "PER") in ents
    assert any(e.text == "Stockholm" and e.label_.startswith("GPE") for e in doc.ents)
    first = next(doc.sents)
    assert first.root.text == "møtte" and first.root.pos_ == "VERB"
    assert {t.pos_ for t in doc if t.text in {"Jonas", "Gahr", "Støre"}} == {"PROPN"}
    assert next(t for t in doc if t.text == "samtalene").lemma_ == "samtale"


def test_pipeline_runs_in_batches(nlp):
    texts = ["Oslo er hovedstaden i Norge.", "", "Regjeringen la fram budsjettet onsdag."]
    docs = list(nlp.pipe(texts, batch_size=2))
    assert [len(d) for d in docs][1] == 0
    assert any(e.text == "Oslo" for e in docs[0].ents)


def test_numpy_blas_changes_speed_not_annotations(nlp):
    from thinc.api import NumpyOps

    from kg.nlp import numpy_blas_ops, set_ops

    assert all(not node.ops.use_blis for _, pipe in nlp.components if hasattr(pipe, "model")
               for node in pipe.model.walk())
    texts = ["Fiskeriminister Kari Lunde møtte EU-kommisjonen i Brussel fredag.",
             "Forhandlingene om kvotene for neste år skal fortsette i Bergen i desember, sa hun til NTB."]

    def annotations(pipeline):
        return [[(t.pos_, t.morph.to_json(), t.lemma_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_) for t in doc]
                for doc in pipeline.pipe(texts)]

    with_numpy = annotations(nlp)
    try:
        assert annotations(set_ops(nlp, NumpyOps(use_blis=True))) == with_numpy
    finally:
        set_ops(nlp, numpy_blas_ops())  # the shared fixture goes back to what load_pipeline gave it


def _prepared(nlp, texts):
    """`texts` annotated by the pipeline's components up to the parser (the parser's tok2vec output included)."""
    with nlp.select_pipes(enable=["tok2vec", "morphologizer", "trainable_lemmatizer"]):
        return list(nlp.pipe(texts))


TEXTS = ["Fiskeriminister Kari Lunde møtte EU-kommisjonen i Brussel fredag, og Lunde sa at møtet var nyttig.",
         "Statoil-sjef Per Berg og ordfører Anne Dahl i Tromsø la fram planen. Den skal behandles i Stortinget."]


@pytest.mark.parametrize("member", ["parser_model", "ner_1", "ner_2"])
def test_decoder_with_one_member_annotates_as_the_member_itself(nlp, member):
    from kg.nlp.decode import decode

    trained = nlp.get_pipe(member)
    by_spacy, by_decoder = _prepared(nlp, TEXTS), _prepared(nlp, TEXTS)
    trained.set_annotations(by_spacy, trained.predict(by_spacy))
    decode([trained], by_decoder)
    for ours, theirs in zip(by_decoder, by_spacy, strict=True):
        assert [(t.head.i, t.dep_, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in ours] == \
            [(t.head.i, t.dep_, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in theirs]


def test_ner_is_the_ensemble_of_its_members(nlp):
    from kg.nlp.decode import Decoder, decode

    assert nlp.get_pipe("ner").members == ["ner_1", "ner_2"] and nlp.get_pipe("parser").members == ["parser_model"]
    assert set(nlp.disabled) == {"parser_model", "ner_1", "ner_2"}
    one = nlp.get_pipe("ner_1")
    alone, twice = _prepared(nlp, TEXTS), _prepared(nlp, TEXTS)
    decode([one], alone)
    decode([one, one], twice)  # the mean of equal scores is the score
    assert [d.to_json()["ents"] for d in alone] == [d.to_json()["ents"] for d in twice]
    with pytest.raises(ModelError, match="share their transitions"):
        list(Decoder(nlp, "mixed", ["parser_model", "ner_1"]).pipe(_prepared(nlp, TEXTS)))
    with pytest.raises(ModelError, match="no component"):
        list(Decoder(nlp, "missing", ["ner_9"]).pipe(_prepared(nlp, TEXTS)))


def test_hash_tables_ship_as_int8_and_load_as_float32(nlp):
    import numpy
    import spacy

    from kg.nlp import ROW_SCALE, hash_tables

    stored = hash_tables(spacy.load(MODEL_DIR))
    assert len(stored) == 14 and {node.get_param("E").dtype for node in stored} == {numpy.dtype("int8")}
    loaded = hash_tables(nlp)
    assert {node.get_param("E").dtype for node in loaded} == {numpy.dtype("float32")}
    assert not any(ROW_SCALE in node.attrs for node in loaded)


def test_a_dateline_is_a_paragraph_of_its_own_with_the_offsets_of_the_text():
    from kg.nlp import paragraphs

    text = "Valget\n\nLILLEHAMMER (VG) – Kari Lie ble valgt.\n\nOSLO / BODØ (NTB) Det gikk fort.\n\nKAI: Båten lå der."
    found = paragraphs(text)
    assert [p for _, p in found] == ["Valget", "LILLEHAMMER (VG) –", "Kari Lie ble valgt.", "OSLO / BODØ (NTB)",
                                     "Det gikk fort.", "KAI: Båten lå der."]
    assert all(text[offset:offset + len(p)] == p for offset, p in found)
