"""Merge annotated staging folders into a split of the gold corpus: `python eval/merge_staging.py dev H18 H19`.

Copies each folder's article files into eval/news/SPLIT/, appends its articles to SPLIT/gold.yaml (the
corpus-wide conventions stay; a folder's own decisions are kept in eval/news/reviews/HK.md with its second
reading), recomputes `cross_article` over the whole split, and prints what needs a person's eye: the checker's
problems and canonical names that differ only in case, accents or spacing (one entity under two names).
"""

from __future__ import annotations

import json
import shutil
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

from kg.gold import check_corpus, load_corpus

ROOT = Path(__file__).resolve().parent


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if c.isalnum())


def cross_article(articles: list[dict]) -> list[dict]:
    """Every entity named in more than one article, with each article's spellings, sorted by name."""
    seen: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(dict)
    for article in articles:
        for entity in article.get("entities") or ():
            seen[(entity["name"], entity["type"])][str(article["id"])] = list(entity.get("variants") or [])
    return [{"name": name, "type": kind, "articles": spellings}
            for (name, kind), spellings in sorted(seen.items(), key=lambda item: (item[0][0].casefold(), item[0]))
            if len(spellings) > 1]


def main(split: str, groups: list[str]) -> int:
    target = ROOT / "news" / split
    text = (target / "gold.yaml").read_text(encoding="utf-8")
    head = text[:text.index("\ncross_article:")].rstrip("\n") + "\n"  # the file's own layout and comments stay
    ids = {str(a["id"]) for a in yaml.safe_load(text)["articles"]}
    for group in groups:
        folder = ROOT / "staging" / group
        staged_text = (folder / "gold.yaml").read_text(encoding="utf-8")
        staged = yaml.safe_load(staged_text)
        for article in staged["articles"]:
            if str(article["id"]) in ids:
                raise SystemExit(f"{group}: article {article['id']} is already in {split}")
            shutil.copyfile(folder / article["file"], target / article["file"])
            ids.add(str(article["id"]))
        start = staged_text.index("\narticles:\n") + len("\narticles:\n")
        head += staged_text[start:staged_text.index("\ncross_article:")].rstrip("\n") + "\n"
        review = (folder / "REVIEW.md").read_text(encoding="utf-8")
        decisions = yaml.safe_dump({"conventions": staged.get("conventions") or {}}, allow_unicode=True,
                                   sort_keys=False, width=110)
        text = f"{review.rstrip()}\n\n## The annotator's recorded decisions\n\n```yaml\n{decisions}```\n"
        (ROOT / "news" / "reviews" / f"{group}.md").write_text(text, encoding="utf-8")
    articles = yaml.safe_load(head)["articles"]
    lines = [f"- {{name: {json.dumps(c['name'], ensure_ascii=False)}, type: {c['type']}, articles: "
             f"{json.dumps(c['articles'], ensure_ascii=False)}}}" for c in cross_article(articles)]
    (target / "gold.yaml").write_text(head + "cross_article:\n" + "".join(line + "\n" for line in lines),
                                      encoding="utf-8")
    problems = check_corpus(load_corpus(target))
    names = defaultdict(set)
    for article in articles:
        for entity in article.get("entities") or ():
            names[_fold(entity["name"])].add((entity["name"], entity["type"]))
    problems += [f"one entity under several names or types? {sorted(v)}" for v in names.values() if len(v) > 1]
    print("\n".join(problems) or f"{split}: {len(articles)} articles, checks clean")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
