"""Keep the training code honest: a few updates on a few of our own sentences, end to end."""

from pathlib import Path

import pytest
import spacy
import srsly
from spacy.tokens import DocBin
from spacy.vocab import Vocab

from kg.nlp import ROW_SCALE, hash_tables, load_pipeline, narrow_tables
from kg.nlp.corpus import group, read_conll, to_doc
from kg.nlp.train import RUNS, TimeLimitReached, assemble, time_limit, train_part

from .conftest import tiny


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "train").mkdir()
    vocab = Vocab()
    docs = [to_doc(vocab, s) for path in (tiny("tiny.conll"), tiny("tiny.conllu")) for s in read_conll(path)]
    DocBin(docs=docs * 3).to_disk(corpus / "train" / "nob-train.spacy")
    DocBin(docs=docs).to_disk(corpus / "nob-dev.spacy")
    (corpus / "train-grouped").mkdir()
    DocBin(docs=list(group(docs * 3))).to_disk(corpus / "train-grouped" / "nob-train-grouped.spacy")
    DocBin(docs=list(group(docs))).to_disk(corpus / "nob-dev-grouped.spacy")
    return corpus


def test_tiny_training_run_gives_a_pipeline_that_loads_and_runs(tiny_corpus, tmp_path):
    ners = {name: train_part("ner", tiny_corpus, tmp_path, minutes=5, max_steps=12, overrides=RUNS[name][1],
                             name=name) for name in ("ner_1", "ner_2")}
    assert spacy.load(ners["ner_2"]).config["training"]["dropout"] == RUNS["ner_2"][1]["training.dropout"]
    # A few sentences hold every dependency label fewer than 30 times: keep them all.
    syntax = train_part("syntax", tiny_corpus, tmp_path, minutes=5, max_steps=12,
                        overrides={"components.parser.min_action_freq": 1})
    nlp = assemble(syntax, ners, tmp_path / "model", {"name": "tiny", "version": "0.0.1"})
    assert nlp.pipe_names == ["tok2vec", "morphologizer", "trainable_lemmatizer", "parser", "ner"]
    assert nlp.disabled == ["parser_model", "ner_1", "ner_2"]
    assert nlp.get_pipe("ner").members == ["ner_1", "ner_2"]
    reloaded = load_pipeline(tmp_path / "model")
    doc = reloaded("Ola Hansen leder to utvalg i Tromsø.")
    assert len(doc) == 8 and all(t.pos_ for t in doc) and all(t.dep_ for t in doc)
    assert reloaded.meta["name"] == "tiny"
    assert not (tmp_path / "model.tmp").exists()
    # The pruned string store annotates exactly as the full one did.
    text = "Kari Nordmann ledet samtalene i Bergen. Hun sa at partene var enige."
    full, pruned = nlp(text), reloaded(text)
    assert [(t.lemma_, t.pos_, str(t.morph), t.dep_, t.head.i, t.ent_type_) for t in full] == \
        [(t.lemma_, t.pos_, str(t.morph), t.dep_, t.head.i, t.ent_type_) for t in pruned]
    assert len(srsly.read_json(tmp_path / "model" / "vocab" / "strings.json")) < len(nlp.vocab.strings) / 4


def test_int8_tables_round_trip_within_half_a_step_per_row(tiny_corpus, tmp_path):
    import numpy

    ner = train_part("ner", tiny_corpus, tmp_path, minutes=5, max_steps=4)
    nlp = load_pipeline(ner)
    tables = [node.get_param("E").copy() for node in hash_tables(nlp)]
    doc = nlp.make_doc("Ola Hansen leder to utvalg i Tromsø.")
    before = nlp.get_pipe("ner").model.get_ref("tok2vec").predict([doc])[0]
    narrow_tables(nlp)
    nlp.to_disk(tmp_path / "narrow")
    stored = hash_tables(spacy.load(tmp_path / "narrow"))
    assert len(stored) == 5 and all(node.get_param("E").dtype == numpy.int8 for node in stored)
    loaded = load_pipeline(tmp_path / "narrow")
    tok2vec = loaded.get_pipe("ner").model.get_ref("tok2vec")
    for table, node in zip(tables, hash_tables(loaded), strict=True):
        assert node.get_param("E").dtype == numpy.float32 and ROW_SCALE not in node.attrs
        step = numpy.abs(table).max(axis=1, keepdims=True) / 127
        assert (numpy.abs(node.get_param("E") - table) <= step / 2 + 1e-7).all()
    assert numpy.allclose(tok2vec.predict([doc])[0], before, atol=0.05)


def test_group_joins_sentences_and_keeps_their_annotation():
    vocab = Vocab()
    docs = [to_doc(vocab, s) for s in read_conll(tiny("tiny.conll"))]
    (joined,) = group(docs, sizes=(2,))
    assert len(list(joined.sents)) == 2 and len(joined) == sum(len(d) for d in docs)
    assert [e.text for e in joined.ents] == [e.text for d in docs for e in d.ents]


def test_time_limit_stops_between_updates():
    check = time_limit(minutes=0)
    with pytest.raises(TimeLimitReached, match="step 7"):
        check(spacy.blank("nb"), {"step": 7, "epoch": 0})


def _fake_norne(root: Path) -> Path:
    """A NorNE-shaped folder of our own two sentences: an NDT train file (30 copies, so that every transition
    passes the parser's min_action_freq), dev and test files whose sentences differ from the train ones by a
    word, a Nynorsk file, and the four UD files."""
    text = (tiny("tiny.conll")).read_text(encoding="utf-8").strip() + "\n\n"
    other = text.replace("\tOla\tOla\t", "\tKari\tKari\t").replace("\than\than\t", "\thun\thun\t")
    for folder in ("ndt/nob", "ndt/nno", "ud/nob", "ud/nno"):
        (root / folder).mkdir(parents=True)
    (root / "ndt/nob/ap001_0001.conll").write_text(text * 30, encoding="utf-8")  # a train file
    (root / "ndt/nob/ap012_0003.conll").write_text(other, encoding="utf-8")  # in a dev range (SPLITS.md)
    (root / "ndt/nob/ap014_0003.conll").write_text(other, encoding="utf-8")  # in a test range
    (root / "ndt/nno/nn001_0001.conll").write_text(text, encoding="utf-8")
    for lang, name in (("nob", "bokmaal"), ("nno", "nynorsk")):
        for part in ("dev", "test"):
            (root / "ud" / lang / f"no_{name}-ud-{part}.conllu").write_text(
                (tiny("tiny.conllu")).read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_kg_model_train_runs_every_training_run_and_assembles_the_ensemble(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    norne = _fake_norne(tmp_path / "norne")
    out = tmp_path / "training"
    result = CliRunner().invoke(app, ["model", "train", "--data", str(norne), "--out", str(out),
                                      "--ner-steps", "4", "--syntax-steps", "4"])
    assert result.exit_code == 0, result.output
    assert all((out / name / "model-best").is_dir() and (out / f"{name}.log").is_file() for name in RUNS)
    nlp = load_pipeline(out / "model")
    assert nlp.get_pipe("ner").members == ["ner_1", "ner_2"]
    assert nlp.meta["kg_training"]["runs"]["ner_2"]["overrides"] == RUNS["ner_2"][1]
    assert set(nlp.meta["kg_scores"]) >= {"ud-nob-dev", "nob-test"}
    widths = [nlp.config["components"][name]["model"]["tok2vec"]["encode"]["width"] for name in ("ner_1", "ner_2")]
    assert widths == [128, 160]


def test_news_paragraphs_become_ner_examples_with_the_gold_names_and_other_capitalised_words_unknown():
    import importlib.util

    from .conftest import ROOT

    spec = importlib.util.spec_from_file_location("adapt_ner", ROOT / "eval" / "adapt_ner.py")
    adapt = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(adapt)
    nlp = spacy.blank("nb")
    predicted = nlp("Ordfører Kari Lie i Brøttum Bondelag møtte Lies venner i Tolgadalen og Sverige på Messa.")
    forms = [("Kari Lie", "Person"), ("Lie", "Person"), ("Brøttum Bondelag", "Organization"),
             ("Tolgadalen", "Place"), ("Sverige", "Place"), ("bondelaget", "Organization")]
    reference = adapt._reference(predicted, sorted(forms, key=lambda f: -len(f[0])))
    assert [(e.text, e.label_) for e in reference.ents] == [
        ("Kari Lie", "PER"), ("Brøttum Bondelag", "ORG"), ("Lies", "PER"), ("Tolgadalen", "LOC"),
        ("Sverige", "GPE_LOC")]
    unknown = [t.text for t in reference if t.ent_iob == 0]
    assert unknown == ["Ordfører", "Messa"]  # capitalised, named by no gold form: a product or event, or no name
    assert reference[3].ent_iob_ == "O"  # `i`: outside any name
