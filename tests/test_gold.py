"""Gold corpora: the loader and checker on a corpus we wrote, and the real-news corpus under eval/news."""

import shutil
from collections import Counter

import pytest
import yaml

from kg.errors import InputError
from kg.gold import RELATIONS, check_corpus, load_corpus, title_parts

from .conftest import DATA, ROOT

NEWS = ROOT / "eval" / "news"


def test_the_hand_written_gold_loads_and_checks_clean():
    corpus = load_corpus(DATA / "gold")
    assert [a.id for a in corpus.articles] == ["01", "02"] and check_corpus(corpus) == []
    assert corpus.articles[0].entity("Kari Nordmann").variants == ("Kari Nordmann", "Nordmann")
    assert len(corpus.shared_entities()) == 6


def _broken(tmp_path, edit):
    shutil.copytree(DATA / "gold", tmp_path / "gold")
    path = tmp_path / "gold" / "gold.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data["articles"][0])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return check_corpus(load_corpus(tmp_path / "gold"))


@pytest.mark.parametrize(("edit", "problem"), [
    (lambda a: a["relations"].append(["Anne Lie", "met", "Jens Berg", "not in the text"]), "evidence"),
    (lambda a: a["relations"].append(["Kari Nordmann", "met", "Ola Nordmann", "Nordmann"]), "not among"),
    (lambda a: a["relations"].append(a["relations"][0]), "appears twice"),
    (lambda a: a["should_not_extract"].append(a["relations"][0]), "also a core relation"),
    (lambda a: a["entities"][0]["variants"].append("Kari Nordmannsen"), "variant"),
    (lambda a: a["relations"].append(["Jens Berg", "jobTitle", "leder @ Fiskeforbundet", "Jens Berg"]),
     "title's organisation"),
])
def test_the_checker_finds_what_makes_a_gold_untrustworthy(tmp_path, edit, problem):
    problems = _broken(tmp_path, edit)
    assert len(problems) == 1 and problem in problems[0] and problems[0].startswith("article 01")


@pytest.mark.parametrize("text", ["articles: [\n", "articles: []\n", "- just a list\n"])
def test_malformed_gold_is_an_input_error(tmp_path, text):
    (tmp_path / "gold.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="gold.yaml"):
        load_corpus(tmp_path)


def test_a_folder_without_gold_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no gold.yaml"):
        load_corpus(tmp_path)


def test_title_parts():
    assert title_parts("konsernsjef @ Telenor (påtroppende)") == ("konsernsjef", "Telenor", "påtroppende")
    assert title_parts("helse- og omsorgsminister") == ("helse- og omsorgsminister", None, None)


@pytest.fixture(scope="module")
def news():
    if not (NEWS / "dev" / "gold.yaml").is_file():
        pytest.fail(f"the real-news gold corpus is missing from {NEWS}")
    return {split: load_corpus(NEWS / split) for split in ("dev", "test")}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_the_news_corpus_checks_clean(news, split):
    assert check_corpus(news[split]) == []


def test_the_news_corpus_has_the_size_and_spread_it_promises(news):
    articles = [a for corpus in news.values() for a in corpus.articles]
    core = Counter(r.relation for a in articles for r in a.relations)
    assert len(articles) >= 48 and sum(core.values()) >= 500
    assert sum(len(a.traps) for a in articles) >= 120
    assert {r: core[r] for r in RELATIONS if core[r] < 15} == {}
    assert len({a.meta["publisher"] for a in articles}) >= 10
    assert len({a.meta["domain"] for a in articles}) >= 8
    assert sum(a.meta["language"] == "nn" for a in articles) >= 6
    clusters = {split: {a.meta["cluster"] for a in corpus.articles} for split, corpus in news.items()}
    assert len(clusters["dev"] | clusters["test"]) >= 12 and not clusters["dev"] & clusters["test"]
    assert 0.55 <= len(news["dev"].articles) / len(articles) <= 0.75
    assert len({a.id for a in articles}) == len(articles)


def test_every_news_article_has_a_source_and_a_date(news):
    for corpus in news.values():
        for article in corpus.articles:
            assert str(article.meta.get("source_url", "")).startswith("http"), article.id
            assert article.meta.get("date"), article.id
            assert article.path.name.startswith(f"{article.id}_"), article.id


@pytest.mark.parametrize("split", ["dev", "test"])
def test_cross_article_lists_every_entity_named_in_several_articles_as_the_merge_tool_computes(split):
    """`eval/merge_staging.py` recomputes `cross_article` when folders are merged; the corpus holds exactly that."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("merge_staging", ROOT / "eval" / "merge_staging.py")
    merge = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(merge)
    data = yaml.safe_load((NEWS / split / "gold.yaml").read_text(encoding="utf-8"))
    written = [dict(c, articles={str(k): v for k, v in c["articles"].items()}) for c in data["cross_article"]]
    assert merge.cross_article(data["articles"]) == written
