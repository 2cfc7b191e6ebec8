"""Resolution time as the graph grows: resolve_entities on 1k, 10k and 100k synthetic articles' mentions.

Each article names a few persons from a pool (full name, surname alone, a transliterated spelling), a few
organisations and places, an event at a place on a date, and references to bind (a surname in a compound, a
title), as kg.extract would give them; no model is loaded.
Prints seconds and microseconds per mention for each size and the ratio of the largest to the smallest per
mention (1.0 = linear in mentions; blocking keeps it near that).
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date

from kg.ingest import from_text
from kg.resolve import resolve_entities
from kg.types import Evidence, Extraction, Fact, Mention

FIRST = ["Kari", "Ola", "Per", "Anne", "Jonas", "Ingrid", "Olek", "Dmytro", "Sergej", "Mette", "Lars", "Siri"]
LAST = ["Nordmann", "Berg", "Lie", "Hansen", "Kovalenko", "Tkatsjenko", "Johansen", "Moe", "Dahl", "Haugen"]


def code(n: int) -> str:
    """A number as letters (names are compared by their letters only): 0 -> `a`, 27 -> `bb`."""
    letters = ""
    while True:
        n, r = divmod(n, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
        if n == 0:
            return letters


def _article(i: int, rng: random.Random) -> Extraction:
    text = f"Sak nummer {i}. " + "Tekst. " * 20
    article = from_text(text, f"a{i}", published=date(2024, 1, 1 + i % 28))
    mentions, facts = [], []
    evidence = Evidence(text[:20], 0, 20)
    for _ in range(6):  # persons: a pool of 10,000 full names; some said by surname or another spelling
        first, last = FIRST[rng.randrange(len(FIRST))], f"{LAST[rng.randrange(len(LAST))]}{code(rng.randrange(800))}"
        name = rng.choice([f"{first} {last}", last, f"{first.replace('j', 'y')} {last}"])
        mentions.append(Mention(f"person|{name.lower()}", "person", name, 0, len(name), name))
        facts.append(Fact(f"person|{name.lower()}", "schema:jobTitle", "minister", evidence, "bench.v1", 0.8, True))
    # references bound at resolution: a person named by surname only in a compound (`X-rådgiver`), a title
    facts.append(Fact(f"person|{name.lower()}", "kgo:adviserTo", f"name|{last}", evidence, "bench.v1", 0.8))
    facts.append(Fact("title|minister", "kgo:attended", "event|møte#1", evidence, "bench.v1", 0.8))
    for _ in range(3):
        org = f"Forbund{code(rng.randrange(2000))}"
        mentions.append(Mention(f"organization|{org.lower()}", "organization", org, 0, len(org), org))
    place = f"By{code(rng.randrange(300))}"
    mentions.append(Mention(f"gpe|{place.lower()}", "gpe", place, 0, len(place), place))
    mentions.append(Mention("event|møte#1", "event", "møte", 0, 4, "møte"))
    facts.append(Fact("event|møte#1", "schema:location", f"gpe|{place.lower()}", evidence, "bench.v1", 0.8))
    return Extraction(article, tuple(mentions), tuple(facts), {}, {"event|møte#1": article.published})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args()
    rng = random.Random(7)
    per_mention = []
    for size in args.sizes:
        extractions = [_article(i, rng) for i in range(size)]
        mentions = sum(len(ex.mentions) for ex in extractions)
        started = time.perf_counter()
        resolution = resolve_entities(extractions)
        seconds = time.perf_counter() - started
        per_mention.append(seconds / mentions)
        print(f"{size:8,} articles {mentions:10,} mentions  {len(resolution.entities):8,} entities  "
              f"{seconds:7.2f} s  {1e6 * seconds / mentions:6.1f} µs/mention")
    print(f"per mention, largest against smallest: {per_mention[-1] / per_mention[0]:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
