"""Reproduce the shipped pipeline from NorNE: convert, train NER and syntax side by side, assemble, score.

Two pipelines train in parallel, one per core: `ner.cfg` (NER with a tok2vec of its own) and `syntax.cfg`
(shared tok2vec under morphologizer, lemmatizer and parser). `assemble` sources both into one pipeline.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language

from kg.errors import ModelError
from kg.nlp.corpus import write_docbins

CONFIGS = Path(__file__).parent / "configs"
PARTS = ("ner", "syntax")
# How much each NER hash table is folded after training (rows divided by this); see fold_hash_tables.
NER_FOLDS = {"NORM": 4, "PREFIX": 2, "SUFFIX": 2}


class TimeLimitReached(Exception):
    """Raised between two updates once a training run has used its time; model-best is already on disk."""


@spacy.registry.callbacks("kg.time_limit.v1")
def time_limit(minutes: float) -> Callable[[Language, dict], None]:
    """A `before_update` callback that stops training cleanly after `minutes` of wall time."""
    deadline = time.monotonic() + minutes * 60

    def check(nlp: Language, info: dict) -> None:
        if time.monotonic() > deadline:
            raise TimeLimitReached(f"stopped at step {info['step']} after {minutes} minutes")

    return check


def prepare(norne: Path, corpus: Path) -> dict[str, int]:
    """Write the NorNE splits as DocBins: NER trains on sentences (train/), syntax on multi-sentence documents
    (train-grouped/, so that the parser learns where sentences end); every dev and test split beside them."""
    counts = write_docbins(norne, corpus)
    for folder, suffix in (("train", ""), ("train-grouped", "-grouped")):
        (corpus / folder).mkdir(exist_ok=True)
        for name in ("nob-train", "nno-train"):
            (corpus / f"{name}{suffix}.spacy").replace(corpus / folder / f"{name}{suffix}.spacy")
    return counts


def train_part(part: str, corpus: Path, out: Path, minutes: float, max_steps: int | None = None,
               overrides: dict | None = None) -> Path:
    """Train one part (`ner` or `syntax`) into out/part; returns the path of its best model."""
    from spacy import util
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_nlp
    from thinc.api import set_current_ops

    from kg.nlp import numpy_blas_ops, set_ops

    grouped = part == "syntax"
    overrides = {
        **(overrides or {}),
        "paths.train": str(corpus / ("train-grouped" if grouped else "train")),
        "paths.dev": str(corpus / ("nob-dev-grouped.spacy" if grouped else "nob-dev.spacy")),
        "training.before_update.minutes": minutes,
    }
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
        overrides["training.eval_frequency"] = max(10, min(500, max_steps // 4))
    ops = numpy_blas_ops()
    set_current_ops(ops)  # what spaCy's `train` would set up, but with the faster matrix products
    config = util.load_config(CONFIGS / f"{part}.cfg", overrides=overrides, interpolate=False)
    (out / part).mkdir(parents=True, exist_ok=True)
    try:
        train_nlp(set_ops(init_nlp(config), ops), out / part)  # a layer made while initialising missed the ops
    except TimeLimitReached:
        pass
    return out / part / "model-best"


def assemble(syntax: Path, ner: Path, out: Path, meta: dict) -> Language:
    """Put the trained parts into one pipeline at `out`: syntax components first, then NER."""
    nlp = spacy.load(syntax)
    nlp.add_pipe("ner", source=spacy.load(ner))
    nlp.meta.update(meta)
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    prune_strings(tmp)
    shutil.rmtree(out, ignore_errors=True)
    tmp.replace(out)
    return nlp


def prune_strings(model: Path) -> int:
    """Keep in the saved string store only the strings the pipeline cannot rebuild: the affixes of the
    lemmatizer's edit trees. Labels are stored with their components and every token attribute is hashed
    from the text at run time, so the training vocabulary (tens of thousands of corpus words) is dead
    weight; without it the model ships no word list from NorNE. Returns the number of strings kept."""
    import srsly
    from spacy.strings import hash_string

    trees = srsly.msgpack_loads((model / "trainable_lemmatizer" / "trees").read_bytes())["trees"]
    needed = {value for tree in trees for key, value in tree.items() if key in {"orig", "subst"}}
    path = model / "vocab" / "strings.json"
    kept = [s for s in srsly.read_json(path) if hash_string(s) in needed]
    srsly.write_json(path, kept)
    return len(kept)


def train_all(norne: Path, out: Path, minutes: dict[str, float], max_steps: dict[str, int] | None = None) -> Path:
    """Convert NorNE and train both parts in parallel processes, then assemble out/model; raises ModelError."""
    out.mkdir(parents=True, exist_ok=True)
    counts = prepare(norne, out / "corpus")
    steps = max_steps or {}
    procs = {}
    for part in PARTS:
        with (out / f"{part}.log").open("w") as log:  # the child keeps its own handle
            procs[part] = subprocess.Popen(
                [sys.executable, "-m", "kg.nlp.train", part, str(out / "corpus"), str(out), str(minutes[part]),
                 str(steps.get(part, 0))],
                stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"},
            )
    failed = [part for part, proc in procs.items() if proc.wait() != 0]
    if failed:
        raise ModelError(f"{out}: training of {', '.join(failed)} failed; see {out}/<part>.log")
    meta = pipeline_meta(counts, minutes, steps)
    fold_hash_tables(out / "ner" / "model-best", out / "ner" / "model-folded", out / "corpus" / "train", NER_FOLDS)
    assemble(out / "syntax" / "model-best", out / "ner" / "model-folded", out / "model", meta)
    record_scores(out / "model", norne)
    return out / "model"


def fold_hash_tables(model: Path, out: Path, corpus: Path, folds: dict[str, int]) -> list[int]:
    """Shrink the NER's hash-embedding tables by folding: a HashEmbed picks rows by `hash % rows`, so with
    `rows / k` rows, row j serves every key that used rows j, j + rows/k, ...; the new row is their average,
    weighted by how often tokens of the training corpus hit each. Training with large tables and folding
    afterwards scores better than training small tables (docs/model.md). Returns the new row counts."""
    import numpy
    from spacy.attrs import IDS
    from spacy.tokens import DocBin

    nlp = spacy.load(model)
    embed = nlp.config["components"]["ner"]["model"]["tok2vec"]["embed"]
    attrs = embed["attrs"]
    docs = [d for p in sorted(corpus.glob("*.spacy")) for d in DocBin().from_disk(p).get_docs(nlp.vocab)]
    ids = numpy.concatenate([d.to_array([IDS[a] for a in attrs]) for d in docs]).astype("uint64")
    layer = nlp.get_pipe("ner").model
    rows = list(embed["rows"])
    for node in layer.walk():
        if not node.name.startswith("hashembed"):
            continue
        column, table = node.attrs["column"], node.get_param("E")
        factor, (n_rows, width) = folds.get(attrs[column], 1), table.shape
        if factor == 1 or n_rows % factor:
            continue
        keys = layer.ops.hash(numpy.ascontiguousarray(ids[:, column]), node.attrs["seed"]) % n_rows
        hits = numpy.bincount(keys.ravel().astype("int64"), minlength=n_rows).astype("float32") + 1e-3
        weights = hits.reshape(factor, n_rows // factor, 1)
        folded = (table.reshape(factor, n_rows // factor, width) * weights).sum(axis=0) / weights.sum(axis=0)
        node.set_param("E", numpy.ascontiguousarray(folded, dtype="float32"))
        node._dims["nV"] = rows[column] = n_rows // factor
    embed["rows"] = rows
    nlp.to_disk(out)
    return rows


def pipeline_meta(counts: dict[str, int], minutes: dict[str, float], steps: dict[str, int]) -> dict:
    """The meta.json fields that say what the pipeline is and how it was trained."""
    return {
        "name": "nyhetsgraf_nb", "version": _version(), "lang": "nb",
        "description": "Norwegian (Bokmål + Nynorsk) pipeline trained by Nyhetsgraf on NorNE / NDT",
        "sources": [{"name": "NorNE", "url": "https://github.com/ltgoslo/norne", "license": "CC0 annotations"}],
        "kg_training": {"sentences": counts, "minutes": minutes, "max_steps": steps},
    }


SCORED_SPLITS = ("ud-nob-dev", "ud-nob-test", "ud-nno-dev", "ud-nno-test", "nob-dev", "nob-test")


def record_scores(model: Path, norne: Path) -> dict[str, dict]:
    """Score the pipeline at `model` on the NorNE dev and test splits and keep the scores in its meta.json."""
    from kg.nlp import load_pipeline
    from kg.nlp.corpus import build_splits
    from kg.nlp.evaluate import evaluate

    nlp, splits = load_pipeline(model), build_splits(norne)
    keep = ("ents_p", "ents_r", "ents_f", "ents_per_type", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las",
            "words_per_second")
    scores = {name: {k: v for k, v in evaluate(nlp, splits[name], name).__dict__.items() if k in keep}
              for name in SCORED_SPLITS}
    meta_path = model / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["kg_scores"] = scores
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    return scores


def _version() -> str:
    from kg import __version__

    return __version__


if __name__ == "__main__":  # one part in its own process: part corpus out minutes max_steps
    part, corpus, out, minutes, max_steps = sys.argv[1:6]
    train_part(part, Path(corpus), Path(out), float(minutes), int(max_steps) or None)
    json.dump({"part": part, "done": True}, sys.stdout)
