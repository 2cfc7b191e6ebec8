"""Words per second of the shipped pipeline on one core, with `nlp.pipe` in batches.

Run: `python bench/nlp_speed.py [--norne ../shared/datasets/norne] [--words 60000]`. Texts are NorNE Bokmål
dev sentences joined into article-sized texts (read locally, never written anywhere); the baseline in the same
run is spaCy's bare Norwegian tokenizer, so the ratio says how much the trained components cost.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import spacy  # noqa: E402

from kg.nlp import load_pipeline  # noqa: E402
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


def _rate(nlp, texts: list[str], repeat: int = 2) -> tuple[float, int, float]:
    best = 0.0
    for _ in range(repeat):
        started = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        best = max(best, words / (time.perf_counter() - started))
    return best, words, 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--norne", type=Path, default=Path(__file__).resolve().parents[2] / "shared/datasets/norne")
    parser.add_argument("--words", type=int, default=60_000)
    args = parser.parse_args()
    texts = _texts(args.norne, args.words)
    nlp = load_pipeline()
    blank = spacy.blank("nb")
    base, words, _ = _rate(blank, texts)
    full, _, _ = _rate(nlp, texts)
    print(f"texts: {len(texts)}, tokens: {words}, threads: OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}")
    print(f"tokenizer only      {base:12,.0f} words/s")
    print(f"shipped pipeline    {full:12,.0f} words/s   ratio to tokenizer {full / base:.3f}")
    for name in nlp.pipe_names:
        with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in {name, "tok2vec"} or p == name]):
            part, _, _ = _rate(nlp, texts, repeat=1)
        print(f"  with only {name:<22} {part:10,.0f} words/s")
    print(f"target 5,000 words/s: {'met' if full >= 5000 else 'NOT met'}")


if __name__ == "__main__":
    main()
