"""kg.types: what an extraction keeps when it is held without its text."""

import sys

from kg.types import Article, Evidence, Extraction, Fact, Mention


def _extraction(text: str) -> Extraction:
    start = text.index("Kari")
    mention = Mention("person|kari nordmann", "person", "Kari Nordmanns", start, start + 14, "Kari Nordmann")
    fact = Fact("person|kari nordmann", "schema:jobTitle", "ordfører", Evidence(text[start - 300:], start - 300,
                                                                                 len(text)), "kg.jobTitle.v1", 0.9,
                literal=True)
    return Extraction(Article(text, "a.txt"), (mention,), (fact,))


def test_without_text_keeps_what_resolution_and_the_graph_read():
    whole = _extraction("Ord " * 100 + "Ordfører Kari Nordmanns tale.")
    lean = whole.without_text()
    assert lean.article.text == "" and lean.article.iri == whole.article.iri
    (kept,), (mention,) = lean.mentions, whole.mentions
    assert (kept.key, kept.kind, kept.start, kept.end, kept.canonical, kept.text) == \
        (mention.key, mention.kind, mention.start, mention.end, mention.canonical, "")
    assert lean.facts == whole.facts


def test_held_extractions_share_their_offsets_and_names():
    a, b = (_extraction("Ord " * 100 + f"Ordfører Kari Nordmanns tale {n}.").without_text() for n in (1, 2))
    assert a.mentions[0].start == 409 and a.mentions[0].start is b.mentions[0].start  # not one int per article
    assert a.facts[0].evidence.start is b.facts[0].evidence.start
    assert a.mentions[0].key is b.mentions[0].key


def test_held_facts_share_their_keys_and_the_evidence_of_one_sentence():
    text = "Ord " * 100 + "Ordfører Kari Nordmanns tale."
    start = text.index("Ordfører")
    evidence = Evidence(text[start:], start, len(text))
    facts = tuple(Fact("person|" + "kari nordmann", predicate, obj, Evidence(evidence.sentence[:], start, len(text)),
                       "kg.jobTitle.v1", 0.9, literal=True) for predicate, obj in (("schema:jobTitle", "ordfører"),
                                                                                   ("schema:name", "Kari")))
    lean = Extraction(Article(text, "a.txt"), (), facts).without_text()
    assert lean.facts == facts
    assert lean.facts[0].evidence is lean.facts[1].evidence  # one object for the facts of one sentence
    assert lean.facts[0].subject is sys.intern("person|kari nordmann")
