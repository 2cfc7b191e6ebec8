"""How a build scales: articles/s with 1 and 2 workers, peak memory as the graph grows, and the cost of adding
articles to a store against building them alone. Baselines are measured in the same run.

Run: `python bench/scale.py [--norne ../shared/datasets/norne] [--articles 1000] [--sizes 1000 10000 100000]`.

1. Parse and extract: `kg build --out` on `--articles` NorNE Bokmål articles (sentences rebuilt into ~300-word
   texts in a temporary folder, deleted afterwards) with `--workers 1` and `--workers 2`: articles/s and the
   ratio of the times (target <= 0.6), and that both graphs are the same bytes.
2. Resolve and write, with parse results cached: the extractions of step 1 are copied with fresh article IRIs
   and fresh person and organisation names (places, countries and short organisation names, `NRK`, `LO`,
   recur, as in news) up to each size in
   `--sizes` (with `--copies-of FOLDER`, those articles' extractions instead: `eval/news/dev` is real news, with
   twice the mentions and five times the facts of an article of step 1); a child process resolves them and
   writes a store. Peak RSS of that child (target <= 1.5 GB at
   100k, flat in the number of articles) and its time.
3. Adding 100 articles to a store of each size (add_to_store: the 100 resolved over the store's index, as
   `kg build --store` does after parsing) against building those 100 alone; the parse of the 100 (step 1's
   rate) is added to both, and what a build loads on first use is loaded before either is timed. Target: <= 1.5x
   at 100k.
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from build_speed import _articles  # noqa: E402

from kg.types import ORGANIZATION, PERSON, Extraction  # noqa: E402

WORDS_PER_ARTICLE = 300


def _texts(norne: Path, count: int) -> list[str]:
    """NorNE Bokmål paragraphs regrouped into articles of about 300 words (as many as the text allows)."""
    paragraphs = [p for text in _articles(norne, 10 ** 9) for p in text.split("\n\n")]
    texts, current = [], []
    for paragraph in paragraphs:
        current.append(paragraph)
        if sum(len(p.split()) for p in current) >= WORDS_PER_ARTICLE:
            texts.append("\n\n".join(current))
            current = []
            if len(texts) == count:
                break
    return texts


def _tag(copy: int) -> str:
    """The letters that mark a copy's names: its number as syllables (a consonant and a vowel, so no letter is
    doubled, which name folding would undo), written twice, so that any two copies' names differ in two letters
    or more. Names one letter apart in articles that share places are misspellings of one name to resolution
    (`kg.merge.misspelling.v1`); with one letter per copy, the copies of a name would be merged as one."""
    syllables = "".join("bdfgklmnprstv"[r % 13] + "ae"[r // 13] for r in _digits(copy))
    return syllables * 2


def _digits(n: int) -> list[int]:
    """`n` in base 26, least significant digit first."""
    digits = []
    while True:
        n, r = divmod(n, 26)
        digits.append(r)
        if n == 0:
            return digits


def copies(extractions: list[Extraction], size: int) -> Iterator[Extraction]:
    """`size` extractions, one at a time: the given ones, then copies whose article text (hence IRI) and person
    and organisation names carry the copy's mark (`_tag`, on every word, so that surnames and first names vary
    too), so that the graph's entities grow with it. An organisation's name of one short word (`NRK`, `NBC`) is
    not marked: it recurs, as in news; marked, it would be a word of eight letters or more, which the misspelling
    round compares, and such names one letter apart (`ABC`, `NBC`) would be pairs in every copy, blocked together
    across copies by their first four letters, which no news gives (adding 100 articles to 100,000, the round's
    candidate names were 6,843 with them marked, 510 without). Each copy is objects of its own, as a parse makes
    them (a copy sharing its original's strings and mentions would hold less than a build of real articles)."""
    for n in range(size):
        copy = n // len(extractions)
        if copy == 0:
            yield extractions[n]
            continue
        ex = pickle.loads(pickle.dumps(extractions[n % len(extractions)]))
        tag = _tag(copy)
        article = replace(ex.article, text=ex.article.text + f"\n\nKopi {copy}.")
        mentions = tuple(replace(m, canonical=" ".join(w + tag for w in m.canonical.split()))
                         if m.kind == PERSON or m.kind == ORGANIZATION and not _short(m.canonical) else m
                         for m in ex.mentions)
        yield replace(ex, article=article, mentions=mentions)


def _short(name: str) -> bool:
    """One word of fewer than eight letters, which the misspelling round does not compare."""
    return " " not in name and len(name) < 8


def _build_store(extractions: Iterator[Extraction], count: int, store: Path) -> None:
    """What `kg build --store` does for a new store once each article is parsed: its extraction written whole to
    the store's spill file as it comes and kept without its text, then resolved and written."""
    from kg.pipeline import write_graph
    from kg.store import Spill, writing

    with writing(store):
        spill = Spill(store)
        try:
            write_graph([spill.keep(ex) for ex in islice(extractions, count)], store=store, new_articles=count,
                        spill=spill)
        finally:
            spill.discard()


def _peak_mib() -> float:
    """This process's peak resident memory: Linux's VmHWM, which starts anew at exec. `ru_maxrss` does not: it
    keeps the peak of the process that started this one (the bench, with its parser loaded: some 600 MiB),
    which had hidden the peak of small builds below it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(cache: Path, size: int, store: Path, extra: int) -> None:
    """In a fresh process: build a store of `size` articles, then (with `extra`) add `extra` more and time it."""
    from kg.pipeline import add_to_store
    from kg.store import open_index, writing

    extractions = copies(pickle.loads(cache.read_bytes()), size + extra)
    started = time.perf_counter()
    _build_store(extractions, size, store)
    built = time.perf_counter() - started
    peak = _peak_mib()
    added = alone = 0.0
    if extra:
        new = list(extractions)  # the rest, whole, as a build that adds holds them
        # once untimed: what any build loads on first use (name lists, gender_guesser's table) is then loaded for
        # both sides alike, not only for the addition, which runs first
        _build_store(iter(new), extra, store.with_name("warm"))
        started = time.perf_counter()
        with writing(store):  # what kg build --store does once the new articles are parsed
            index = open_index(store)
            add_to_store(new, store, index)  # resolved over the store's index (kg.incremental)
            index.close()
        added = time.perf_counter() - started
        started = time.perf_counter()
        _build_store(iter(new), extra, store.with_name("alone"))
        alone = time.perf_counter() - started
    print(f"{built:.3f} {peak:.1f} {added:.3f} {alone:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--norne", type=Path, default=Path(__file__).resolve().parents[2] / "shared/datasets/norne")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--add", type=int, default=100)
    parser.add_argument("--copies-of", type=Path, help="copy these articles' extractions in steps 2 and 3 (e.g. "
                        "eval/news/dev, real news) instead of step 1's")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(Path(args.child[0]), int(args.child[1]), Path(args.child[2]), int(args.child[3]))

    from kg.ingest import read_articles
    from kg.nlp import load_pipeline
    from kg.pipeline import build, extract_all

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        texts = _texts(args.norne, args.articles)
        for n, text in enumerate(texts):
            (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")
        words = sum(len(t.split()) for t in texts)
        print(f"1. parse and extract: {len(texts):,} articles, {words / len(texts):.0f} words each on average")
        times = {}
        for workers in (1, 2):
            started = time.perf_counter()
            build([folder], out=Path(tmp) / f"w{workers}.nq", workers=workers)
            times[workers] = time.perf_counter() - started
            print(f"   --workers {workers}: {times[workers]:.1f} s, {len(texts) / times[workers]:.1f} articles/s")
        same = (Path(tmp) / "w1.nq").read_bytes() == (Path(tmp) / "w2.nq").read_bytes()
        print(f"   2 workers / 1 worker: {times[2] / times[1]:.2f} of the time (target <= 0.6); same graph: {same}")
        per_article = times[2] / len(texts)
        per_word = times[2] / words
        print(f"   10,000 articles of 300 words at this rate: {per_word * 3_000_000 / 60:.1f} min (target <= 6 min)")

        extractions = extract_all(list(read_articles([args.copies_of or folder])), load_pipeline())
        cache = Path(tmp) / "extractions.pickle"
        cache.write_bytes(pickle.dumps(extractions))
        print(f"2./3. resolve and write a store with parse results cached; add {args.add} articles "
              f"(parse of {args.add}: {per_article * args.add:.1f} s with 2 workers, added to both sides)")
        print(f"   {'articles':>9} {'build s':>9} {'peak MB':>9} {'add s':>8} {'alone s':>8} {'ratio':>7}")
        for size in args.sizes:
            store = Path(tmp) / f"store{size}"
            out = subprocess.run([sys.executable, __file__, "--child", str(cache), str(size), str(store),
                                  str(args.add)], capture_output=True, text=True, check=True).stdout.split()
            built, peak, added, alone = map(float, out)
            parse = per_article * args.add
            print(f"   {size:9,} {built:9.1f} {peak:9.0f} {added:8.1f} {alone:8.1f} "
                  f"{(added + parse) / (alone + parse):6.2f}x")


if __name__ == "__main__":
    main()
