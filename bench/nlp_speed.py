"""Words per second of the shipped pipeline on one core, with `nlp.pipe` in batches.

Run: `python bench/nlp_speed.py [--norne ../shared/datasets/norne] [--words 60000]`. Texts are NorNE Bokmål
dev sentences joined into article-sized texts (read locally, never written anywhere); the baseline in the same
run is spaCy's bare Norwegian tokenizer, so the ratio says how much the trained components cost, and the same
pipeline with thinc's default matrix products (blis) instead of numpy's BLAS, which `load_pipeline` chooses.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import spacy  # noqa: E402
from thinc.api import NumpyOps  # noqa: E402

from kg.nlp import load_pipeline, set_ops  # noqa: E402
from kg.nlp.corpus import build_splits, to_doc  # noqa: E402


def _texts(norne: Path, words: int) -> list[str]:
    vocab = spacy.blank("nb").vocab
    sentences = [to_doc(vocab, s).text for s in build_splits(norne)["ud-nob-dev"]]
    texts, count = [], 0
    for i in range(0, len(sentences), 20):  # about 300 words per text, like a short news article
        chunk = " ".join(sentences[i:i + 20])
        texts.append(chunk)
        count += len(chunk.split())
        if count >= words:
            break
    return texts


def _rate(nlp, texts: list[str], repeat: int = 2) -> tuple[float, int]:
    """Best words/s over `repeat` runs, and the number of tokens."""
    best, words = 0.0, 0
    for _ in range(repeat):
        started = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        best = max(best, words / (time.perf_counter() - started))
    return best, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--norne", type=Path, default=Path(__file__).resolve().parents[2] / "shared/datasets/norne")
    parser.add_argument("--words", type=int, default=60_000)
    args = parser.parse_args()
    texts = _texts(args.norne, args.words)
    nlp = load_pipeline()
    base, words = _rate(spacy.blank("nb"), texts)
    full, _ = _rate(nlp, texts)
    blis, _ = _rate(set_ops(load_pipeline(), NumpyOps(use_blis=True)), texts)
    print(f"texts: {len(texts)}, tokens: {words:,}, OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}")
    print(f"tokenizer only     {base:10,.0f} words/s")
    print(f"with blis gemm     {blis:10,.0f} words/s   (thinc's default)")
    print(f"shipped pipeline   {full:10,.0f} words/s   ratio to tokenizer {full / base:.3f}, to blis {full / blis:.2f}")
    for label, disabled in (("syntax only", ["ner"]), ("NER only", [p for p in nlp.pipe_names if p != "ner"])):
        with nlp.select_pipes(disable=disabled):
            part, _ = _rate(nlp, texts, repeat=1)
        print(f"  {label:<16} {part:10,.0f} words/s")
    print(f"target 5,000 words/s on one core: {'met' if full >= 5000 else 'NOT met'}")


if __name__ == "__main__":
    main()
