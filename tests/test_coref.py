"""Coreference within an article on hand-built parses: pronouns by gender and recency, quote speakers, and
definite descriptions; and the rules reading a pronoun as its person."""

from kg.extract import coref
from kg.extract.clause import Clause
from kg.extract.coref import Coreference
from kg.extract.entities import named_mentions
from kg.extract.relations import RULES

from .conftest import make_doc

KARI = make_doc("""
Kari Kari PROPN SUBJ 2
Lie Lie PROPN FLAT 0
kom komme VERB ROOT 2
til til ADP ADV 2
Bodø Bodø PROPN PUTFYLL 3
. . PUNCT IP 2
""", ents=[(0, 2, "PER"), (4, 5, "GPE_LOC")])
PER = make_doc("""
Per Per PROPN SUBJ 2
Holm Holm PROPN FLAT 0
kom komme VERB ROOT 2
. . PUNCT IP 2
""", ents=[(0, 2, "PER")])
MET = make_doc("""
Der der ADV ADV 1
møtte møte VERB ROOT 1
hun hun PRON SUBJ 1
Jens Jens PROPN DOBJ 1
Berg Berg PROPN FLAT 3
. . PUNCT IP 1
""", ents=[(3, 5, "PER")])
QUOTE = make_doc("""
– – PUNCT IK 2
Vi vi PRON SUBJ 2
krever kreve VERB ROOT 2
høyere høy ADJ ATR 4
kvoter kvote NOUN DOBJ 2
, , PUNCT IK 2
sier si VERB PAR 2
Kari Kari PROPN SUBJ 6
Lie Lie PROPN FLAT 7
. . PUNCT IP 2
""", ents=[(7, 9, "PER")])
UNION = make_doc("""
Fiskarlaget Fiskarlaget PROPN SUBJ 1
protesterte protestere VERB ROOT 1
. . PUNCT IP 1
""", ents=[(0, 1, "ORG")])
DESCRIBED = make_doc("""
Forbundet forbund NOUN SUBJ 1 Definite=Def
krever kreve VERB ROOT 1
høyere høy ADJ ATR 3
kvoter kvote NOUN DOBJ 1
. . PUNCT IP 1
""")


def _resolve(*docs):
    sentences = [doc[:] for doc in docs]
    walker = Coreference(sentences)
    return [(walker.resolve(i, named_mentions(s)), named_mentions(s)) for i, s in enumerate(sentences)]


def test_gender_comes_from_the_first_name():
    assert (coref.gender("Kari"), coref.gender("Per"), coref.gender("Xqzt")) == ("female", "male", None)


def test_a_pronoun_is_the_last_person_of_its_gender():
    (_, _), (found, names) = _resolve(KARI, MET)
    assert [(n.name, n.start, n.coref) for n in found] == [("Kari Lie", 2, True)]
    clause = Clause(MET[:], sorted(names + found, key=lambda n: n.start))
    facts = {(f.subject, f.predicate, f.object) for rule in RULES for f in rule(clause)}
    assert ("person|kari lie", "kgo:met", "person|jens berg") in facts  # `Der møtte hun`: the subject after the verb


def test_a_pronoun_of_another_gender_stays_unresolved():
    (_, _), (found, _) = _resolve(PER, MET)
    assert found == []


def test_we_in_a_quote_is_its_speaker():
    ((found, names),) = _resolve(QUOTE)
    assert [(n.name, n.start) for n in found] == [("Kari Lie", 1)]
    clause = Clause(QUOTE[:], sorted(names + found, key=lambda n: n.start))
    assert any(f.predicate == "kgo:demanded" and f.subject == "person|kari lie"
               for rule in RULES for f in rule(clause))


def test_a_definite_description_is_the_last_entity_of_its_sort():
    (_, _), (found, _) = _resolve(UNION, DESCRIBED)
    assert [(n.name, n.start) for n in found] == [("Fiskarlaget", 0)]
    (_, _), (found, _) = _resolve(KARI, DESCRIBED)
    assert found == []  # no organisation named before


LATTER = make_doc("""
Per Per PROPN SUBJ 5
Holm Holm PROPN FLAT 0
og og CCONJ KONJ 3
Kari Kari PROPN KOORD 0
Lie Lie PROPN FLAT 3
talte tale VERB ROOT 5
. . PUNCT IP 5
""", ents=[(0, 2, "PER"), (3, 5, "PER")])
LEADS = make_doc("""
Sistnevnte sistnevnte NOUN SUBJ 1
leder lede VERB ROOT 1
Fiskarlaget Fiskarlaget PROPN DOBJ 1
. . PUNCT IP 1
""", ents=[(2, 3, "ORG")])


def test_the_latter_is_the_person_named_last():
    (_, _), (found, _) = _resolve(LATTER, LEADS)
    assert [(n.name, n.start) for n in found] == [("Kari Lie", 0)]


def test_a_fact_read_through_a_pronoun_says_so_in_its_rule_and_confidence():
    from kg.extract import extract
    from kg.ingest import from_text

    text = f"{KARI.text}\n\n{MET.text}"
    article = from_text(text, "t.txt")
    facts = extract(article, [(0, KARI), (text.index(MET.text), MET)]).facts
    met = [f for f in facts if f.predicate == "kgo:met"]
    assert [(f.subject, f.object, f.rule) for f in met] == [("person|kari lie", "person|jens berg", "kg.met.v3+coref")]
    from kg.extract.gazetteer import confidences

    assert met[0].confidence < confidences()["kg.met.v3"]  # lower than the same rule on a name (both measured)


def test_we_in_a_quote_is_its_speaker_named_in_full_in_the_sentence_that_closes_it():
    quote = make_doc("""
– – PUNCT IK 2
Vi vi PRON SUBJ 2
krever kreve VERB ROOT 2
høyere høy ADJ ATR 4
kvoter kvote NOUN DOBJ 2
. . PUNCT IP 2
Det det PRON SUBJ 7
haster haste VERB ROOT 7
, , PUNCT IK 7
sier si VERB PAR 7
Kari Kari PROPN SUBJ 9
Lie Lie PROPN FLAT 10
. . PUNCT IP 7
""", ents=[(10, 12, "PER")])
    opens, closes = quote[0:6], quote[6:13]
    sentences = [KARI[:], opens, closes]
    walker = Coreference(sentences)
    found = [walker.resolve(i, named_mentions(s)) for i, s in enumerate(sentences)]
    assert [(n.name, n.start) for n in found[1]] == [("Kari Lie", 1)]


def test_a_definite_description_may_refer_to_a_name_earlier_in_its_own_sentence():
    came = make_doc("""
Per Per PROPN SUBJ 2
Holm Holm PROPN FLAT 0
kom komme VERB ROOT 2
fra fra ADP ADV 2
Danmark Danmark PROPN PUTFYLL 3
. . PUNCT IP 2
""", ents=[(0, 2, "PER"), (4, 5, "GPE_LOC")])
    visit = make_doc("""
Finlands Finland PROPN DET 1
president president NOUN SUBJ 2
er være VERB ROOT 2
på på ADP ADV 2
besøk besøk NOUN PUTFYLL 3
i i ADP ATR 4
landet land NOUN PUTFYLL 5
. . PUNCT IP 2
""", ents=[(0, 1, "GPE_LOC")])  # `landet` without the tagger's Definite: definite by its ending
    (_, _), (found, _) = _resolve(came, visit)
    assert [(n.key, n.start) for n in found] == [("country:FI", 6)]  # Finland, not Danmark of the sentence before


def _org_sentence(word: str, verb: str = "vokste", label: str = "ORG"):
    return make_doc(f"""
{word} {word} PROPN SUBJ 1
{verb} {verb} VERB ROOT 1
. . PUNCT IP 1
""", ents=[(0, 1, label)])


CHAIR = make_doc("""
Styrelederen styreleder NOUN SUBJ 3
ved ved ADP ATR 0
teateret teater NOUN PUTFYLL 1 Definite=Def
er være VERB ROOT 3
nøgd nøgd ADJ SPRED 3
. . PUNCT IP 3
""")


def test_an_organisation_whose_name_holds_the_noun_is_preferred_to_one_named_since():
    (_, _), (_, _), (found, _) = _resolve(_org_sentence("Fjordteatret"), _org_sentence("Kystscenen"), CHAIR)
    assert [n.name for n in found] == ["Fjordteatret"]
    (_, _), (found, _) = _resolve(_org_sentence("Kystscenen"), CHAIR)
    assert [n.name for n in found] == ["Kystscenen"]  # none holds the noun: the last organisation


def test_a_party_is_the_last_party_named_whatever_its_name():
    party = make_doc("""
Partiet parti NOUN SUBJ 1 Definite=Def
vokste vokse VERB ROOT 1
. . PUNCT IP 1
""")
    (_, _), (_, _), (found, _) = _resolve(_org_sentence("Arbeiderpartiet"), _org_sentence("Høyre"), party)
    assert [n.key for n in found] == ["høyre"]  # not the earlier party whose name holds `parti`


def test_a_definite_description_before_a_name_of_another_sort_still_refers():
    board = make_doc("""
Der der ADV ADV 1
står stå VERB ROOT 1
styremedlem styremedlem NOUN SUBJ 1
i i ADP ADV 1
forbundet forbund NOUN PUTFYLL 3 Definite=Def
Kari Kari PROPN APP 4
Lie Lie PROPN FLAT 5
. . PUNCT IP 1
""", ents=[(5, 7, "PER")])
    (_, _), (found, _) = _resolve(_org_sentence("Skiforbundet"), board)
    assert [(n.name, n.start) for n in found] == [("Skiforbundet", 4)]  # a person follows, not `forbundet X`
    named = make_doc("""
Forbundet forbund NOUN SUBJ 2 Definite=Def
Fiskarlaget Fiskarlaget PROPN APP 0
vokste vokse VERB ROOT 2
. . PUNCT IP 2
""", ents=[(1, 2, "ORG")])
    (_, _), (found, _) = _resolve(_org_sentence("Skiforbundet"), named)
    assert found == []  # `forbundet Fiskarlaget`: the name follows


TWO = make_doc("""
Kari Kari PROPN SUBJ 5
Lie Lie PROPN FLAT 0
og og CCONJ KONJ 3
Per Per PROPN KOORD 0
Holm Holm PROPN FLAT 3
kom komme VERB ROOT 5
. . PUNCT IP 5
""", ents=[(0, 2, "PER"), (3, 5, "PER")])
THE_TWO_MET = make_doc("""
De de DET DET 1
to to NUM SUBJ 2
møttes møtes VERB ROOT 2
. . PUNCT IP 2
""")


def test_the_two_are_the_two_people_named_last_and_a_rule_reads_both():
    (_, _), (found, names) = _resolve(TWO, THE_TWO_MET)
    assert sorted((n.name, n.start, n.coref) for n in found) == [("Kari Lie", 1, True), ("Per Holm", 1, True)]
    clause = Clause(THE_TWO_MET[:], sorted(names + found, key=lambda n: n.start))
    facts = {(f.subject, f.predicate, f.object) for rule in RULES for f in rule(clause)}
    assert ("person|kari lie", "kgo:met", "person|per holm") in facts
    assert {("person|kari lie", "kgo:attended", "event|møte#1"), ("person|per holm", "kgo:attended", "event|møte#1")} \
        <= facts
    assert clause.key_of(THE_TWO_MET[1]) is None  # no one key: a rule reading one key does not take one of them


def test_the_two_stand_for_nobody_where_three_people_or_two_countries_come_first():
    third = make_doc("""
Ola Ola PROPN SUBJ 2
Dahl Dahl PROPN FLAT 0
kom komme VERB ROOT 2
. . PUNCT IP 2
""", ents=[(0, 2, "PER")])
    (_, _), (_, _), (found, _) = _resolve(TWO, third, THE_TWO_MET)
    assert found == []
    countries = make_doc("""
Norge Norge PROPN SUBJ 3
og og CCONJ KONJ 2
Sverige Sverige PROPN KOORD 0
protesterte protestere VERB ROOT 3
. . PUNCT IP 3
""", ents=[(0, 1, "GPE_LOC"), (2, 3, "GPE_LOC")])
    (_, _), (_, _), (found, _) = _resolve(TWO, countries, THE_TWO_MET)
    assert found == []  # the two may be the countries
    countries_met = make_doc("""
De de DET DET 2
to to NUM DET 2
landene land NOUN SUBJ 3 Definite=Def|Number=Plur
møttes møtes VERB ROOT 3
. . PUNCT IP 3
""")
    (_, _), (found, _) = _resolve(TWO, countries_met)
    assert found == []  # `de to landene`: not the two people


def test_both_floated_beside_they_is_the_two_people():
    both = make_doc("""
Dei dei PRON SUBJ 1
har ha AUX ROOT 1
begge begge PRON dep 1
deltatt delta VERB INFV 1
. . PUNCT IP 1
""")
    (_, _), (found, _) = _resolve(TWO, both)
    assert sorted((n.name, n.start) for n in found) == [("Kari Lie", 0), ("Per Holm", 0)]


def test_a_photographer_in_a_credit_is_no_one_a_pronoun_speaks_of():
    """`Kari Lie kom til Bodø. Foto: Anne Dahl / NTB. Der møtte hun Jens Berg.`: `hun` is Kari Lie, not the
    photographer."""
    credit = make_doc("""
Foto foto NOUN ROOT 0
: : PUNCT IK 0
Anne Anne PROPN APP 0
Dahl Dahl PROPN FLAT 2
/ / PUNCT IK 2
NTB NTB PROPN APP 0
""", ents=[(2, 4, "PER"), (5, 6, "ORG")])
    sentences = [KARI[:], credit[:], MET[:]]
    walker = Coreference(sentences)
    walker.resolve(0, named_mentions(sentences[0]))
    walker.resolve(1, named_mentions(sentences[1]), credit=True)
    found = walker.resolve(2, named_mentions(sentences[2]))
    assert [(n.name, n.coref) for n in found] == [("Kari Lie", True)]
    remembered = Coreference(sentences)
    remembered.resolve(0, named_mentions(sentences[0]))
    remembered.resolve(1, named_mentions(sentences[1]))
    assert [n.name for n in remembered.resolve(2, named_mentions(sentences[2]))] == ["Anne Dahl"]  # as prose


def test_a_pronoun_after_a_definite_title_as_subject_is_unresolved():
    """`Per Holm kom. Presidenten kom fra USA, der han møtte Jens Berg.`: `han` is the president the
    sentence opens with, whom no name gives here, not the person named before: nobody."""
    doc = make_doc("""
Presidenten president NOUN SUBJ 1 Definite=Def
kom komme VERB ROOT 1 Tense=Past
fra fra ADP ADV 1
USA USA PROPN PUTFYLL 2
, , PUNCT IK 1
der der SCONJ SBU 7
han han PRON SUBJ 7
møtte møte VERB ATR 1 Tense=Past
Jens Jens PROPN DOBJ 7
Berg Berg PROPN FLAT 8
. . PUNCT IP 1
""", ents=[(3, 4, "GPE_LOC"), (8, 10, "PER")])
    (_, _), (found, _) = _resolve(PER, doc)
    assert found == []


AGED = make_doc("""
Kari Kari PROPN SUBJ 5
Lie Lie PROPN FLAT 0
( ( PUNCT IK 3
53 53 NUM ATR 0
) ) PUNCT IK 3
kom komme VERB ROOT 5
. . PUNCT IP 5
""", ents=[(0, 2, "PER")])


def _age_attended(word: str, lemma: str, morph: str):
    return make_doc(f"""
{word} {lemma} NOUN SUBJ 1 {morph}
deltok delta VERB ROOT 1 Tense=Past
i i ADP ADV 1
møtet møte NOUN PUTFYLL 2 Definite=Def|Gender=Neut|Number=Sing
. . PUNCT IP 1
""")


def test_an_age_noun_is_the_person_given_that_age_else_the_last_person():
    """`Kari Lie (53) kom. Per Holm kom. 53-åringen deltok i møtet.`: Kari Lie, not the last named; `44-åringen`,
    an age no one was given, is the last person; `en 53-åring`, indefinite, is someone new."""
    aged = _age_attended("53-åringen", "53-åring", "Definite=Def|Gender=Masc|Number=Sing")
    (_, _), (_, _), (found, names) = _resolve(AGED, PER, aged)
    assert [(n.name, n.start) for n in found] == [("Kari Lie", 0)]
    clause = Clause(aged[:], sorted(names + found, key=lambda n: n.start))
    assert ("person|kari lie", "kgo:attended", "event|møte#1") in {
        (f.subject, f.predicate, f.object) for rule in RULES for f in rule(clause)}
    (_, _), (_, _), (found, _) = _resolve(AGED, PER, _age_attended("44-åringen", "44-åring", "Definite=Def"))
    assert [n.name for n in found] == ["Per Holm"]
    (_, _), (found, _) = _resolve(AGED, _age_attended("53-åring", "53-åring", "Definite=Ind"))
    assert found == []


def test_a_body_of_an_organisation_whose_name_holds_the_noun_is_not_that_organisation():
    """`Styret i Fjordteatret` is a board, not the theatre `teateret` refers to."""
    board = make_doc("""
Styret styre NOUN SUBJ 3 Definite=Def
i i ADP ATR 0
Fjordteatret Fjordteatret PROPN PUTFYLL 1
møttes møtes VERB ROOT 3
. . PUNCT IP 3
""", ents=[(0, 3, "ORG")])
    (_, _), (_, _), (found, _) = _resolve(board, _org_sentence("Kystscenen"), CHAIR)
    assert [n.name for n in found] == ["Kystscenen"]


def _the_two(noun: str, lemma: str, number: str = "Plur"):
    return make_doc(f"""
Lørdag lørdag NOUN ADV 1
møttes møtes VERB ROOT 1
de de DET DET 4
to to NUM DET 4
{noun} {lemma} NOUN SUBJ 1 Definite=Def|Number={number}
. . PUNCT IP 1
""")


def test_the_two_before_a_title_or_a_noun_for_people_are_the_two_people_named_last():
    """`de to forsvarsministrene møttes` (the lemmatizer's `forsvarsministr`), `de to kollegaene`: the two people
    named last met; `de to landene` stay the countries' (above)."""
    for noun, lemma in (("forsvarsministrene", "forsvarsministr"), ("kollegaene", "kollega")):
        met = _the_two(noun, lemma)
        (_, _), (found, names) = _resolve(TWO, met)
        assert sorted(n.name for n in found) == ["Kari Lie", "Per Holm"]
        clause = Clause(met[:], sorted(names + found, key=lambda n: n.start))
        assert ("person|kari lie", "kgo:met", "person|per holm") in {
            (f.subject, f.predicate, f.object) for rule in RULES for f in rule(clause)}
    third = make_doc("""
Ola Ola PROPN SUBJ 2
Dahl Dahl PROPN FLAT 0
kom komme VERB ROOT 2
. . PUNCT IP 2
""", ents=[(0, 2, "PER")])
    (_, _), (_, _), (found, _) = _resolve(TWO, third, _the_two("kollegaene", "kollega"))
    assert found == []  # a third person came in first
    (_, _), (found, _) = _resolve(TWO, _the_two("bilene", "bil"))
    assert found == []


def test_a_plural_describing_noun_is_no_one_entity():
    """`dei baltiske landa deltok`: several countries, not the one named last (a guard: the plural read as `landet`
    made that country a participant)."""
    talks = make_doc("""
Samtalane samtale NOUN SUBJ 1 Definite=Def|Number=Plur
handla handle VERB ROOT 1
om om ADP ADV 1
Danmark Danmark PROPN PUTFYLL 2
. . PUNCT IP 1
""", ents=[(3, 4, "GPE_LOC")])
    took_part = make_doc("""
Dei dei DET DET 2
nordiske nordisk ADJ ATR 2
landa land NOUN SUBJ 3 Definite=Def|Number=Plur
deltok delta VERB ROOT 3
. . PUNCT IP 3
""")
    (_, _), (found, _) = _resolve(talks, took_part)
    assert found == []
    one = make_doc("""
Landet land NOUN SUBJ 1 Definite=Def|Number=Sing
deltok delta VERB ROOT 1
. . PUNCT IP 1
""")
    (_, _), (found, _) = _resolve(talks, one)
    assert [(n.key, n.start) for n in found] == [("country:DK", 0)]  # the singular still refers


THEY_WERE_RECEIVED = make_doc("""
Der der ADV ADV 1
ble bli AUX ROOT 1
de de PRON SUBJ 1
tatt ta VERB INFV 1 VerbForm=Part
imot imot ADP ADV 3
av av ADP ADV 3
Ola Ola PROPN PUTFYLL 5
Dahl Dahl PROPN FLAT 6
. . PUNCT IP 1
""", ents=[(6, 8, "PER")])


def test_they_are_the_coordinated_people_of_the_sentence_before_and_a_rule_reads_them():
    """`Kari Lie og Per Holm kom. Der ble de tatt imot av Ola Dahl.`: both were received, and met him; not where
    another sentence comes between, nor where the subject before was one person."""
    (_, _), (found, names) = _resolve(TWO, THEY_WERE_RECEIVED)
    assert sorted((n.name, n.start, n.coref) for n in found) == [("Kari Lie", 2, True), ("Per Holm", 2, True)]
    clause = Clause(THEY_WERE_RECEIVED[:], sorted(names + found, key=lambda n: n.start))
    met = {(f.subject, f.object) for rule in RULES for f in rule(clause) if f.predicate == "kgo:met"}
    assert met == {("person|kari lie", "person|ola dahl"), ("person|per holm", "person|ola dahl")}
    (_, _), (_, _), (found, _) = _resolve(TWO, UNION, THEY_WERE_RECEIVED)
    assert found == []  # a sentence between: `de` may be anyone
    (_, _), (found, _) = _resolve(PER, THEY_WERE_RECEIVED)
    assert found == []  # one person named before: not `de`


def test_they_after_two_people_of_their_own_sentence_are_not_the_pair_before():
    """`Kari Lie og Per Holm kom.` then `Ola Dahl og Eva Moe sa at de var fornøyde.`: `de` may be the second pair,
    so it is not read as the first."""
    said = make_doc("""
Ola Ola PROPN SUBJ 5
Dahl Dahl PROPN FLAT 0
og og CCONJ KONJ 3
Eva Eva PROPN KOORD 0
Moe Moe PROPN FLAT 3
sa si VERB ROOT 5 Tense=Past
at at SCONJ SBU 8
de de PRON SUBJ 8
var være AUX DOBJ 5 Tense=Past
fornøyde fornøyd ADJ SPRED 8
. . PUNCT IP 5
""", ents=[(0, 2, "PER"), (3, 5, "PER")])
    (_, _), (found, _) = _resolve(TWO, said)
    assert found == []
