"""End-to-end `kg build` speed against bare `nlp.pipe` on the same texts, and time and memory per article as
the graph grows.

Run: `python bench/build_speed.py [--norne ../shared/datasets/norne] [--articles 1000]`. Articles are NorNE
Bokmål sentences rebuilt into article-sized texts in a temporary folder that is deleted afterwards (NorNE text
is never written into the repository). Both runs use one core.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import spacy  # noqa: E402

from kg.ingest import read_articles  # noqa: E402
from kg.nlp import load_pipeline, paragraphs  # noqa: E402
from kg.nlp.corpus import build_splits, to_doc  # noqa: E402
from kg.pipeline import build  # noqa: E402

SENTENCES_PER_ARTICLE = 15


def _articles(norne: Path, count: int) -> list[str]:
    vocab = spacy.blank("nb").vocab
    splits = build_splits(norne)
    sentences = [to_doc(vocab, s).text for name in ("nob-train", "nob-dev", "nob-test") for s in splits[name]]
    texts = []
    for start in range(0, len(sentences), SENTENCES_PER_ARTICLE):
        chunk = sentences[start:start + SENTENCES_PER_ARTICLE]
        paragraphs = [" ".join(chunk[i:i + 3]) for i in range(0, len(chunk), 3)]
        texts.append("\n\n".join(paragraphs))
        if len(texts) == count:
            break
    return texts


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--norne", type=Path, default=Path(__file__).resolve().parents[2] / "shared/datasets/norne")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2, help="also build in this many processes (every core)")
    args = parser.parse_args()
    nlp = load_pipeline()
    texts = _articles(args.norne, args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:05}.txt").write_text(text, encoding="utf-8")
        articles = list(read_articles([folder]))
        words = sum(len(t.split()) for t in texts)

        started = time.perf_counter()  # the paragraphs the build parses, and nothing else
        for _ in nlp.pipe((text for a in articles for _, text in paragraphs(a.text)), batch_size=64):
            pass
        bare = time.perf_counter() - started

        marks: list[tuple[int, float, float]] = []
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if done % max(1, total // 10) == 0 or done == total:
                marks.append((done, time.perf_counter() - started, _rss_mb()))

        summary = build([folder], out=Path(tmp) / "graph.nq", progress=progress, nlp=nlp)
        full = time.perf_counter() - started
        started = time.perf_counter()
        build([folder], out=Path(tmp) / "graph-workers.nq", nlp=nlp, workers=args.workers)
        parallel = time.perf_counter() - started
        same = (Path(tmp) / "graph.nq").read_bytes() == (Path(tmp) / "graph-workers.nq").read_bytes()
    print(f"articles: {len(texts)}, words: {words:,}, entities: {summary.entities:,}, "
          f"relations: {summary.relations:,}, quads: {summary.quads:,}")
    print(f"bare nlp.pipe (parse)  {bare:8.1f} s   {words / bare:8,.0f} words/s")
    print(f"kg build end to end    {full:8.1f} s   {words / full:8,.0f} words/s   ratio to bare {bare / full:.3f}"
          f" (goal >= 0.8)")
    print(f"kg build --workers {args.workers}   {parallel:6.1f} s   {words / parallel:8,.0f} words/s   "
          f"speed-up {full / parallel:.2f}; the same graph: {same}")
    print("articles done   s/article (last slice)   RSS MB")
    previous = (0, 0.0)
    for done, seconds, rss in marks:
        per = (seconds - previous[1]) / max(1, done - previous[0])
        print(f"{done:13}   {per * 1000:17.1f} ms   {rss:8.0f}")
        previous = (done, seconds)


if __name__ == "__main__":
    main()
