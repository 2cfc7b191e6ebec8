"""Reproduce the shipped pipeline from NorNE: convert, train the syntax part and the NER members, assemble, score.

Three training runs share the two cores: `syntax.cfg` (shared tok2vec under morphologizer, lemmatizer and
parser) on one, and on the other two NERs from `ner.cfg` (each with a tok2vec of its own) one after the
other, differing in width, seed and dropout. `assemble` sources them into one pipeline whose `parser` and `ner` are
`kg_decoder` components (kg.nlp.decode): the NER is the ensemble of the two members.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import spacy
from spacy.language import Language

from kg.errors import ModelError
from kg.nlp.corpus import write_docbins

CONFIGS = Path(__file__).parent / "configs"
# Each training run: its name (the folder under `out` and the component's name) -> (config, overrides).
# The NER members differ in width, seed and dropout, so that their errors differ (docs/model.md); the order is
# the order they start in.
RUNS: dict[str, tuple[str, dict]] = {
    "syntax": ("syntax", {}),
    "ner_1": ("ner", {"components.ner.model.tok2vec.embed.width": 128,
                      "components.ner.model.tok2vec.encode.width": 128}),
    "ner_2": ("ner", {"system.seed": 1, "training.dropout": 0.25}),
}
NER_MEMBERS = tuple(name for name, (part, _) in RUNS.items() if part == "ner")


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
               overrides: dict | None = None, name: str | None = None) -> Path:
    """Train one part (`ner` or `syntax`) into out/name (name defaults to the part); returns the path of
    its best model."""
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
    folder = out / (name or part)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        train_nlp(set_ops(init_nlp(config), ops), folder)  # a layer made while initialising missed the ops
    except TimeLimitReached:
        pass
    return folder / "model-best"


def assemble(syntax: Path, ners: dict[str, Path], out: Path, meta: dict) -> Language:
    """Put the trained parts into one pipeline at `out`: the syntax components, then the NER members, each
    trained component disabled behind a `kg_decoder` that decodes for it (the NER's for all members), so the
    enabled components are tok2vec, morphologizer, trainable_lemmatizer, parser and ner. Hash tables are
    stored as int8 (kg.nlp.narrow_tables). Returns the pipeline as it will load (tables widened again)."""
    import kg.nlp.decode  # noqa: F401  (registers kg_decoder)
    from kg.nlp import narrow_tables, widen_tables

    nlp = spacy.load(syntax)
    nlp.rename_pipe("parser", "parser_model")
    nlp.add_pipe("kg_decoder", name="parser", config={"members": ["parser_model"]})
    for name, path in ners.items():
        nlp.add_pipe("ner", name=name, source=spacy.load(path))
    nlp.add_pipe("kg_decoder", name="ner", config={"members": list(ners)})
    for name in ("parser_model", *ners):
        nlp.disable_pipe(name)
    narrow_tables(nlp)
    nlp.meta.update(meta)
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    prune_strings(tmp)
    shutil.rmtree(out, ignore_errors=True)
    tmp.replace(out)
    widen_tables(nlp)
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
    """Convert NorNE, run the training runs of RUNS two at a time (one per core), then assemble out/model;
    `minutes` and `max_steps` are per part (`ner`, `syntax`). Raises ModelError."""
    out.mkdir(parents=True, exist_ok=True)
    counts = prepare(norne, out / "corpus")
    steps = max_steps or {}

    def run(name: str) -> int:
        part = RUNS[name][0]
        with (out / f"{name}.log").open("w") as log:
            return subprocess.run(
                [sys.executable, "-m", "kg.nlp.train", name, str(out / "corpus"), str(out), str(minutes[part]),
                 str(steps.get(part, 0))],
                stdout=log, stderr=subprocess.STDOUT, check=False,
                env={**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"},
            ).returncode

    with ThreadPoolExecutor(max_workers=2) as pool:
        codes = dict(zip(RUNS, pool.map(run, RUNS), strict=True))
    failed = [name for name, code in codes.items() if code != 0]
    if failed:
        raise ModelError(f"{out}: training of {', '.join(failed)} failed; see {out}/<run>.log")
    meta = pipeline_meta(counts, minutes, steps)
    assemble(out / "syntax" / "model-best", {name: out / name / "model-best" for name in NER_MEMBERS},
             out / "model", meta)
    record_scores(out / "model", norne)
    return out / "model"


def pipeline_meta(counts: dict[str, int], minutes: dict[str, float], steps: dict[str, int]) -> dict:
    """The meta.json fields that say what the pipeline is and how it was trained."""
    runs = {name: {"config": f"{part}.cfg", "overrides": overrides} for name, (part, overrides) in RUNS.items()}
    return {
        "name": "nyhetsgraf_nb", "version": _version(), "lang": "nb",
        "description": "Norwegian (Bokmål + Nynorsk) pipeline trained by Nyhetsgraf on NorNE / NDT",
        "sources": [{"name": "NorNE", "url": "https://github.com/ltgoslo/norne", "license": "CC0 annotations"}],
        "kg_training": {"sentences": counts, "minutes": minutes, "max_steps": steps, "runs": runs},
    }


SCORED_SPLITS = ("ud-nob-dev", "ud-nob-test", "ud-nno-dev", "ud-nno-test", "nob-dev", "nob-test")


def record_scores(model: Path, norne: Path) -> dict[str, dict]:
    """Score the pipeline at `model` on the NorNE dev and test splits and keep the scores in its meta.json."""
    from kg.nlp import load_pipeline
    from kg.nlp.corpus import build_splits
    from kg.nlp.evaluate import evaluate

    nlp, splits = load_pipeline(model), build_splits(norne)
    skip = ("source", "sentences", "words", "notes")  # every score is kept, whatever Scores holds
    scores = {name: {k: v for k, v in evaluate(nlp, splits[name], name).__dict__.items() if k not in skip}
              for name in SCORED_SPLITS}
    meta_path = model / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["kg_scores"] = scores
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    return scores


def _version() -> str:
    from kg import __version__

    return __version__


if __name__ == "__main__":  # one training run of RUNS in its own process: name corpus out minutes max_steps
    name, corpus, out, minutes, max_steps = sys.argv[1:6]
    part, overrides = RUNS[name]
    train_part(part, Path(corpus), Path(out), float(minutes), int(max_steps) or None, overrides, name)
    json.dump({"run": name, "done": True}, sys.stdout)
