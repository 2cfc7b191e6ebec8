"""kg.nlp.context: the NER's entities made consistent across the parts of one text (no model needed)."""

import spacy
from spacy.tokens import Doc, Span

from kg.nlp import parse
from kg.nlp.context import consistent_names

VOCAB = spacy.blank("nb").vocab


def doc(text: str, ents: list[tuple[int, int, str]] = ()) -> Doc:
    made = Doc(VOCAB, words=text.split())
    made.ents = [Span(made, start, end, label=label) for start, end, label in ents]
    return made


def ents(made: Doc) -> list[tuple[str, str]]:
    return [(ent.text, ent.label_) for ent in made.ents]


def test_a_name_gets_the_label_most_of_its_mentions_have():
    docs = [doc("Fiskebåt AS la ned", [(0, 2, "ORG")]), doc("Fiskebåt AS ansatte", [(0, 2, "ORG")]),
            doc("Hos Fiskebåt AS", [(1, 3, "PER")])]
    consistent_names(docs)
    assert [ents(d) for d in docs] == [[("Fiskebåt AS", "ORG")]] * 3


def test_a_tie_keeps_each_mention_its_own_label():
    docs = [doc("Solberg kom", [(0, 1, "PER")]), doc("Solberg stengte", [(0, 1, "LOC")])]
    consistent_names(docs)
    assert ents(docs[0]) == [("Solberg", "PER")] and ents(docs[1]) == [("Solberg", "LOC")]


def test_a_surname_alone_is_the_person_named_in_full_in_another_part():
    docs = [doc("Kari Lien ble valgt", [(0, 2, "PER")]), doc("Lien ringte mandag"), doc("Det var Liens idé")]
    consistent_names(docs)
    assert ents(docs[1]) == [("Lien", "PER")] and ents(docs[2]) == [("Liens", "PER")]


def test_a_surname_two_people_share_is_left_alone_and_an_organisation_gives_no_surname():
    docs = [doc("Kari Lien og Per Lien i Bodø Kommune", [(0, 2, "PER"), (3, 5, "PER"), (6, 8, "ORG")]),
            doc("Lien ringte Kommune")]
    consistent_names(docs)
    assert ents(docs[1]) == []


def test_a_word_the_model_tagged_otherwise_keeps_its_tag_and_a_lower_case_word_is_never_a_surname():
    docs = [doc("Eva Berg og Ola lien", [(0, 2, "PER"), (3, 5, "PER")]), doc("Berg kommune og lien", [(0, 2, "ORG")])]
    consistent_names(docs)
    assert ents(docs[1]) == [("Berg kommune", "ORG")]


def test_parse_makes_the_names_of_one_article_consistent_across_its_paragraphs():
    nlp = spacy.blank("nb")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PER", "pattern": "Kari Lien"}])
    first, second = parse(nlp, ["Kari Lien ble valgt.\n\nLien ringte.", "Lien ringte."])
    assert ents(first[1][1]) == [("Lien", "PER")]
    assert ents(second[0][1]) == []  # another article: Kari Lien is not named there
