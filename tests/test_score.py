"""The scorer of `kg evaluate`: each matching rule on hand-built extractions (no model), and its figures."""

from pathlib import Path

import pytest

from kg.gold import GoldArticle, GoldCorpus, GoldEntity, GoldRelation, load_corpus
from kg.ingest import from_text
from kg.rdf import to_dataset
from kg.resolve import resolve_entities
from kg.score import ArticleView, _resolution, _shared_words, demand_match, score_article, title_match
from kg.types import Evidence, Extraction, Fact, Mention

from .conftest import DATA

TEXT = ("Fiskeriminister Kari Nordmann møtte Jens Berg på møtet i Bodø. Nordmann sa at Fiskarlaget krever "
        "høyere kvoter. Tidligere fiskeriminister Anne Lie deltok ikke.")
ENTITIES = (
    GoldEntity("Kari Nordmann", "Person", ("Kari Nordmann", "Nordmann")),
    GoldEntity("Jens Berg", "Person", ("Jens Berg",)),
    GoldEntity("Anne Lie", "Person", ("Anne Lie",)),
    GoldEntity("Fiskarlaget", "Organization", ("Fiskarlaget",)),
    GoldEntity("Bodø", "Place", ("Bodø",)),
    GoldEntity("Kvotemøtet (2024-04-29)", "Event", ("møtet",)),
)


def _gold(relations=(), optional=(), traps=(), entities=ENTITIES, text=TEXT, id_="01") -> GoldArticle:
    rel = lambda rows: tuple(GoldRelation(*r, "evidence") for r in rows)  # noqa: E731
    return GoldArticle(id_, Path(f"{id_}.txt"), text, {}, entities, rel(relations), rel(optional), rel(traps))


def _view(mentions, facts, gold, descriptions=None, text=TEXT) -> ArticleView:
    """Mentions (short key, kind, name) and facts between short keys; keys become `kind|name` as in kg.extract."""
    keys = {key: f"{kind}|{name.casefold()}{'#1' if kind == 'event' else ''}" for key, kind, name in mentions}
    evidence = Evidence(text, 0, len(text))
    ex = Extraction(from_text(text, gold.id),
                    tuple(Mention(keys[key], kind, name, 0, len(name), name) for key, kind, name in mentions),
                    tuple(Fact(keys[s], p, o if lit else keys[o], evidence, "test.v1", 1.0, literal=lit)
                          for s, p, o, lit in facts),
                    {keys[k]: v for k, v in (descriptions or {}).items()})
    return ArticleView(to_dataset([ex], resolve_entities([ex])), ex.article.iri, gold)


PEOPLE = [("kari", "person", "Kari Nordmann"), ("nordmann", "person", "Nordmann"), ("berg", "person", "Jens Berg"),
          ("lie", "person", "Anne Lie"), ("laget", "organization", "Fiskarlaget"), ("moete", "event", "møte"),
          ("bodo", "gpe", "Bodø"), ("krav", "demand", "høyere kvoter")]


def _score(facts, relations=(), optional=(), traps=()):
    gold = _gold(relations, optional, traps)
    counts, errors = score_article(_view(PEOPLE, facts, gold, {"krav": "høyere kvoter"}))
    return {r: c for r, c in counts.items() if c.core or c.correct or c.wrong}, errors


def test_met_matches_in_either_direction_and_persons_by_full_name():
    counts, errors = _score([("kari", "kgo:met", "berg", False)], [("Jens Berg", "met", "Kari Nordmann")])
    assert (counts["met"].found, counts["met"].correct, counts["met"].wrong) == (1, 1, 0) and not errors


def test_a_surname_alone_stands_for_the_person():
    counts, _ = _score([("nordmann", "schema:jobTitle", "Fiskeriminister", True)],
                       [("Kari Nordmann", "jobTitle", "fiskeriminister")])
    assert counts["jobTitle"].found == 1 and counts["jobTitle"].precision == 1


def test_a_former_title_needs_its_qualifier_and_a_trap_is_counted():
    counts, errors = _score([("lie", "schema:jobTitle", "fiskeriminister", True)],
                            [("Anne Lie", "jobTitle", "fiskeriminister (tidligere)")],
                            traps=[("Anne Lie", "jobTitle", "fiskeriminister")])
    assert (counts["jobTitle"].found, counts["jobTitle"].wrong, counts["jobTitle"].traps) == (0, 1, 1)
    assert {e.kind for e in errors} == {"trap", "missed"}
    counts, errors = _score([("lie", "schema:jobTitle", "tidligere fiskeriminister", True)],
                            [("Anne Lie", "jobTitle", "fiskeriminister (tidligere)")])
    assert counts["jobTitle"].found == 1 and not errors


def test_demands_match_by_content_words_events_by_a_shared_word():
    counts, errors = _score([("laget", "kgo:demanded", "krav", False), ("kari", "kgo:attended", "moete", False),
                             ("moete", "schema:location", "bodo", False)],
                            [("Fiskarlaget", "demanded", "høyere kvoter for kystflåten"),
                             ("Kari Nordmann", "attended", "Kvotemøtet (2024-04-29)"),
                             ("Kvotemøtet (2024-04-29)", "location", "Bodø")])
    assert all(c.found == c.core == c.correct == 1 for c in counts.values()) and not errors


def test_an_unsupported_fact_counts_against_precision_and_an_optional_one_does_not():
    counts, errors = _score([("berg", "schema:affiliation", "laget", False), ("kari", "kgo:demanded", "krav", False)],
                            optional=[("Kari Nordmann", "demanded", "høyere kvoter")])
    assert (counts["affiliation"].wrong, counts["demanded"].correct) == (1, 1)
    assert [(e.kind, e.relation, e.subject, e.object) for e in errors] == [
        ("false", "affiliation", "Jens Berg", "Fiskarlaget")]


def test_a_fact_with_an_entity_the_gold_does_not_know_is_false():
    gold = _gold([("Jens Berg", "memberOf", "Fiskarlaget")])
    unknown = [*PEOPLE, ("ukjent", "organization", "Ukjentlaget")]
    counts, errors = score_article(_view(unknown, [("berg", "schema:memberOf", "ukjent", False)], gold))
    assert (counts["memberOf"].found, counts["memberOf"].wrong) == (0, 1) and len(errors) == 2


@pytest.mark.parametrize(("found", "gold", "same"), [
    ("fiskeriminister", "fiskeriminister @ Norge", True),
    ("LO-leder", "leder @ Landsorganisasjonen i Norge", True),
    ("administrerende direktør", "direktør @ Telenor", True),
    ("påtroppende konsernsjef", "konsernsjef @ Telenor (påtroppende)", True),
    ("konsernsjef", "konsernsjef @ Telenor (påtroppende)", False),
    ("tidligere statsminister", "statsminister", False),
    ("helse- og omsorgsminister", "helse- og omsorgsminister", True),
    ("omsorgsminister", "helse- og omsorgsminister", False),
    ("utenriksminister", "minister", False),
    ("komiteleder", "komitéleder", True),
])
def test_titles_by_base_form(found, gold, same):
    assert title_match(found, gold) is same


@pytest.mark.parametrize(("found", "gold", "same"), [
    ("høyere lønn til lærerne", "høyere lønn for lærere", True),
    ("at kvotene økes", "økte kvoter", True),
    ("full lønn", "full lønn under streiken og at sykehusene holdes åpne", False),
    ("", "høyere lønn", False),
])
def test_demands_by_content_words(found, gold, same):
    assert demand_match(found, gold) is same


def test_cross_article_entities_split_and_false_merges_are_found():
    a = _gold(entities=ENTITIES[:2], id_="01")
    b = _gold(entities=(GoldEntity("Kari Nordmann", "Person", ("Kari Nordmann",)),
                        GoldEntity("Jens Berg", "Person", ("Kari Nordmann",))), id_="02")
    kari = Mention("person|kari nordmann", "person", "Kari Nordmann", 0, 13, "Kari Nordmann")
    ex = [Extraction(from_text(TEXT, i), (kari,), ()) for i in ("01", "02")]
    dataset = to_dataset(ex, resolve_entities(ex))
    views = {g.id: ArticleView(dataset, e.article.iri, g) for g, e in zip((a, b), ex, strict=True)}
    counts, split, merges = _resolution(GoldCorpus(Path("."), {}, (a, b), ()), views)
    assert counts["shared"] == 2 and counts["one node"] == 1 and split == []
    assert [m["gold"] for m in merges] == [["Jens Berg", "Kari Nordmann"]]


def test_the_hand_written_gold_scores_end_to_end(nlp):
    from kg.score import evaluate

    report = evaluate(load_corpus(DATA / "gold"), nlp)
    assert report.articles == 2 and report.relations.core == 20 and report.traps_total == 4
    assert report.relations.found > 0 and report.cross_article["shared"] == 5
    assert set(report.per_article) == {"01", "02"} and report.entities["gold"] == 16
    assert all(e.kind == "missed" for e in report.errors if e.relation == "reportedBy")
    entity_errors = [e for e in report.errors if e.kind == "entity"]
    assert len(entity_errors) == report.entities["gold"] - report.entities["right type"]
    assert all(e.object == "not found" or e.object.startswith("mistyped as ") for e in entity_errors)


def test_calibration_draws_a_rule_seen_rarely_toward_the_prior():
    from kg.score import calibration

    table = calibration({"often": [90, 10], "rarely": [3, 0], "never": [0, 0]})
    assert table == {"never": 0.8, "often": 0.9, "rarely": 0.89}  # 3 right of 3 is not 1.0


def test_min_confidence_leaves_out_the_facts_below_it():
    from kg.pipeline import confident

    facts = [Fact("person|a", "kgo:met", "person|b", Evidence("x", 0, 1), r, c) for r, c in (("r1", 0.6), ("r2", 0.9))]
    ex = Extraction(from_text("A møtte B.", "t"), (), tuple(facts))
    assert [f.rule for f in confident(ex, 0.8).facts] == ["r2"] and confident(ex, 0).facts == ex.facts


@pytest.mark.parametrize(("found", "gold", "shared"), [
    ("møte", "møtet", True), ("møtet", "styremøtet", True), ("konferanse", "pressekonferansen", True),
    ("samtaler", "handelssamtalane", True), ("møte", "middag", False), ("konferanse", "konsert", False),
])
def test_events_share_a_word_by_its_stem_or_a_compound_head(found, gold, shared):
    assert bool(_shared_words({found}, {gold})) is shared


def test_reliability_groups_rules_by_their_stated_confidence():
    from kg.score import reliability

    rows = reliability({"a.v1": [9, 1], "b.v1": [3, 1], "c.v1": [5, 0], "unmeasured.v1": [0, 4]},
                       {"a.v1": 0.92, "b.v1": 0.75, "c.v1": 0.96})
    assert rows == [{"band": "0.7-0.8", "statements": 4, "stated": 0.75, "right": 0.75},
                    {"band": "0.9-1.0", "statements": 15, "stated": 0.933, "right": 0.933}]


def test_calibration_never_trusts_a_fact_read_through_a_pronoun_more_than_one_read_on_a_name():
    from kg.score import calibration

    table = calibration({"rule.v1": [80, 20], "rule.v1+coref": [20, 0], "lone.v1+coref": [20, 0]})
    assert table == {"lone.v1+coref": 0.97, "rule.v1": 0.8, "rule.v1+coref": 0.8}


def test_a_name_matching_two_gold_entities_case_folded_stands_for_the_one_it_spells():
    entities = (GoldEntity("AP", "Organization", ("AP",)), GoldEntity("Arbeiderpartiet", "Organization", ("Ap",)))
    gold = _gold(entities=entities)
    assert list(_view([("ap", "organization", "AP")], [], gold).strong.values()) == [{"AP"}]
    assert list(_view([("ap", "organization", "Ap")], [], gold).strong.values()) == [{"Arbeiderpartiet"}]
    folded = _view([("ap", "organization", "ap")], [], gold)  # spelt as neither: both, as before
    assert list(folded.strong.values()) == [{"AP", "Arbeiderpartiet"}]
