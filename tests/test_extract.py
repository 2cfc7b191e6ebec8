"""kg.extract's article-level facts: the byline (a person is author, an agency is the source) and datelines."""

from kg.extract import extract
from kg.ingest import from_text

TEXT = """Fiskerne protesterer

BODØ (Avisa Nordland) Fiskerne i Bodø protesterer mot kvotene.

Av Kari Holm og NTB"""


def _facts(text: str) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, f.object) for f in extract(from_text(text, "t.txt"), []).facts}


def test_a_person_in_the_byline_is_author_and_an_agency_is_the_source():
    found = _facts(TEXT)
    assert ("article", "schema:author", "person|kari holm") in found
    assert ("article", "kgo:reportedBy", "organization|ntb") in found
    assert ("article", "schema:author", "person|ntb") not in found


def test_an_agency_credited_at_the_end_of_a_paragraph_is_the_source():
    text = ("Fiskerne protesterer\n\nFiskerne i Bodø protesterer mot kvotene. (©NPK)\n\n"
            "De samles i dag. (via Reuters)")
    sources = {f[2] for f in _facts(text) if f[1] == "kgo:reportedBy"}
    assert sources == {"organization|npk", "organization|reuters"}
    law = _facts("Fiskerne protesterer\n\nDe viste til loven (Kvoteloven)")
    assert not [f for f in law if f[1] == "kgo:reportedBy"]


def test_a_source_line_naming_several_outlets_credits_each():
    text = "Fiskerne protesterer\n\nFiskerne i Bodø protesterer mot kvotene.\n\nKilde: NTB / Avisa Nordland"
    sources = {f[2] for f in _facts(text) if f[1] == "kgo:reportedBy"}
    assert sources == {"organization|ntb", "organization|avisa nordland"}


def test_an_outlet_opening_a_paragraph_in_parentheses_and_an_agency_desk_byline_credit_the_outlet():
    text = "Fiskerne protesterer\n\n(Tidendebladet): Fiskerne i Bodø protesterer.\n\nNTB Innenriks"
    sources = {f[2] for f in _facts(text) if f[1] == "kgo:reportedBy"}
    assert sources == {"organization|tidendebladet", "organization|ntb"}
    party = _facts("Fiskerne protesterer\n\n(Ap) Fiskerne i Bodø protesterer.")
    assert not [f for f in party if f[1] == "kgo:reportedBy"]  # a party opening a paragraph is no outlet


def test_an_outlet_that_confirmed_or_published_in_the_passive_is_the_source():
    from kg.extract.clause import Clause
    from kg.extract.entities import named_mentions
    from kg.extract.relations import RULES

    from .conftest import make_doc

    doc = make_doc("""
Dette dette PRON SUBJ 1
ble bli AUX ROOT 1 Tense=Past
publisert publisere VERB INFV 1 VerbForm=Part
av av ADP ADV 2
Tidendebladet Tidendebladet PROPN PUTFYLL 3
. . PUNCT IP 1
""", ents=[(4, 5, "ORG")])
    clause = Clause(doc[:], named_mentions(doc[:]))
    found = {(f.subject, f.predicate, f.object) for rule in RULES for f in rule(clause)}
    assert ("article", "kgo:reportedBy", "organization|tidendebladet") in found


def test_a_dateline_credits_its_outlet():
    assert ("article", "kgo:reportedBy", "organization|avisa nordland") in _facts(TEXT)
    assert not [f for f in _facts("Fiskerne protesterer\n\nFiskerne i BODØ (ikke Tromsø) protesterer.")
                if f[1] == "kgo:reportedBy"]


def test_a_photo_credit_names_the_photographer_and_the_agency_never_a_party(nlp):
    from kg.nlp import parse

    article = from_text("Fiskerne protesterer\n\nFISKERNE: Båtene ligger ved kai i Bodø. Foto: Kari Holm / AP / NTB"
                        "\n\nFiskerne i Bodø protesterer mot kvotene.", "t.txt")
    (start, end), = article.credits
    assert article.text[start:end] == "Foto: Kari Holm / AP / NTB"
    ex = extract(article, next(iter(parse(nlp, [article.text]))))
    names = {(m.kind, m.canonical) for m in ex.mentions}
    assert ("person", "Kari Holm") in names and not any(m.key == "organization|arbeiderpartiet" for m in ex.mentions)
    assert not [f for f in ex.facts if f.predicate in {"schema:author", "kgo:reportedBy"}]


def test_the_places_of_a_dateline_are_places_named_as_words(nlp):
    from kg.nlp import parse

    article = from_text("Fiskerne protesterer\n\nBODØ / SVERIGE (NTB) Fiskerne protesterer mot kvotene.", "t.txt")
    ex = extract(article, next(iter(parse(nlp, [article.text]))))
    names = {(m.kind, m.canonical, m.key) for m in ex.mentions}
    assert {("gpe", "Bodø", "gpe|bodø"), ("gpe", "Sverige", "gpe|country:SE")} <= names
    assert not [m for m in ex.mentions if m.canonical.isupper() and m.kind != "organization"]
    court = from_text("Saken fortsetter\n\nLILLEVIK TINGRETT (NTB) Saken fortsetter i dag.", "t.txt")
    ex = extract(court, next(iter(parse(nlp, [court.text]))))
    assert ("organization", "Lillevik tingrett") in {(m.kind, m.canonical) for m in ex.mentions}


def test_the_photographer_of_a_credit_is_a_person_also_in_capitals_but_not_an_agency(nlp):
    from kg.nlp import parse

    article = from_text("Fiskerne protesterer\n\nKAI: Båtene ligger i Bodø. Foto: KARI NORDHOLM / NTB Scanpix\n\n"
                        "KAI: Båtene ligger i Bodø. Foto: Fiskeridirektoratet\n\nFiskerne protesterer.", "t.txt")
    ex = extract(article, next(iter(parse(nlp, [article.text]))))
    people = {m.canonical for m in ex.mentions if m.kind == "person"}
    assert people == {"Kari Nordholm"}


def test_a_one_word_name_that_speaks_is_a_person_but_not_an_institution():
    from kg.extract import _consistent_kinds
    from kg.extract.entities import named_mentions

    from .conftest import make_doc

    def kinds(name: str, label: str, verb: str = "sa si") -> set[str]:
        doc = make_doc(f"""
– – PUNCT IK 3
Vi vi PRON SUBJ 3
er være AUX ROOT 3
klare klar ADJ SPRED 3
, , PUNCT IK 3
{verb} VERB PAR 3
{name} {name} PROPN SUBJ 5
. . PUNCT IP 3
""", ents=[(6, 7, label)])
        sentences = _consistent_kinds([(0, doc[:], named_mentions(doc[:]))])
        return {n.kind for _, _, names in sentences for n in names}

    assert kinds("Holmvik", "ORG") == {"person"}
    assert kinds("Riksmekleren", "ORG") == {"organization"}
    assert kinds("Miljødirektoratet", "ORG") == {"organization"}
    assert kinds("Holmvik", "ORG", "skriver skrive") == {"organization"}  # an outlet writes


def test_a_one_word_person_that_is_a_city_or_a_person_s_home_is_a_place_unless_it_speaks_or_ends_a_name():
    """`Kiev vil ikke godta det`, the model taking the city for a person: a city of GeoNames by a word that is no
    first name is a geopolitical entity, and so is where a person named right before it is from (`Kari Lie (47)
    fra Holmvik`); not where it speaks (`sa Kiev`), ends a person's full name in the article (`Anne Lund` ...
    `Lund`), or is a first name."""
    from kg.extract import _consistent_kinds, _places_taken_for_people
    from kg.extract.entities import named_mentions

    from .conftest import make_doc

    def kinds(name: str, verb: str = "godtar godta", full: str = "") -> dict[str, str]:
        said = make_doc(f"""
{name} {name} PROPN SUBJ 1
{verb} VERB ROOT 1
det det PRON DOBJ 1
. . PUNCT IP 1
""", ents=[(0, 1, "PER")])
        sentences = [(0, said[:], named_mentions(said[:]))]
        if full:
            first, last = full.split()
            named = make_doc(f"{first} {first} PROPN SUBJ 2\n{last} {last} PROPN FLAT 0\nkom komme VERB ROOT 2\n"
                             ". . PUNCT IP 2", ents=[(0, 2, "PER")])
            sentences.insert(0, (0, named[:], named_mentions(named[:])))
        return {n.name: n.kind for _, _, names in _places_taken_for_people(_consistent_kinds(sentences))
                for n in names}

    assert kinds("Kiev") == {"Kiev": "gpe"}
    assert kinds("Holmvik") == {"Holmvik": "person"}  # no city
    assert kinds("Vatne") == {"Vatne": "gpe"}  # a Norwegian town of some 1,000 people
    assert kinds("Lund", full="Anne Lund") == {"Anne Lund": "person", "Lund": "person"}  # her surname
    assert kinds("Lund") == {"Lund": "gpe"}
    assert kinds("Kiev", "sa si") == {"Kiev": "person"}  # one who speaks
    home = make_doc("""
Kari Kari PROPN SUBJ 7
Lie Lie PROPN FLAT 0
( ( PUNCT IK 3
47 47 NUM ATR 0
) ) PUNCT IK 3
fra fra ADP ATR 0
Holmvik Holmvik PROPN PUTFYLL 5
kom komme VERB ROOT 7
. . PUNCT IP 7
""", ents=[(0, 2, "PER"), (6, 7, "PER")])
    found = _places_taken_for_people(_consistent_kinds([(0, home[:], named_mentions(home[:]))]))
    assert {n.name: n.kind for _, _, names in found for n in names} == {"Kari Lie": "person", "Holmvik": "gpe"}
    # a list of those elected, `Kari Lie, Rana (138 stemmer)`: a town that is also a first name is where she is from
    listed = """
Kari Kari PROPN ROOT 0
Lie Lie PROPN FLAT 0
, , PUNCT IK 0
{town} {town} PROPN KOORD 0
( ( PUNCT IK 6
138 138 NUM DET 6
stemmer stemme NOUN ATR 0
) ) PUNCT IK 0
"""
    for town, kind in (("Rana", "gpe"), ("Holmvik", "person")):  # a town of the list, a name of none
        doc = make_doc(listed.format(town=town), ents=[(0, 2, "PER"), (3, 4, "PER")])
        found = _places_taken_for_people(_consistent_kinds([(0, doc[:], named_mentions(doc[:]))]))
        assert {n.name: n.kind for _, _, names in found for n in names}[town] == kind
    assert kinds("Rana") == {"Rana": "person"}  # a first name, and no home
    child = make_doc("""
Kari Kari PROPN ROOT 0
Lie Lie PROPN FLAT 0
, , PUNCT IK 0
Rana Rana PROPN KOORD 0
( ( PUNCT IK 5
8 8 NUM ATR 3
) ) PUNCT IK 5
""", ents=[(0, 2, "PER"), (3, 4, "PER")])
    found = _places_taken_for_people(_consistent_kinds([(0, child[:], named_mentions(child[:]))]))
    assert {n.name: n.kind for _, _, names in found for n in names}["Rana"] == "person"  # `Kari Lie, Rana (8)`: an age


def test_a_source_line_names_the_outlet_the_story_is_told_after():
    assert ("article", "kgo:reportedBy", "organization|avisa nordland") in _facts(
        "Fiskerne protesterer\n\nFiskerne protesterer.\n\nKilde: Avisa Nordland")
    assert ("article", "kgo:reportedBy", "organization|ntb") in _facts(
        "Fiskerne protesterer\n\nFiskerne protesterer. (Kjelde: NTB)")
    assert not [f for f in _facts("Fiskerne protesterer\n\nKilde: en kilde i partiet sier dette.")
                if f[1] == "kgo:reportedBy"]


def test_the_rules_walk_only_clauses_that_can_state_a_fact():
    from kg.extract import _may_state
    from kg.extract.clause import Clause

    from .conftest import make_doc

    def may(rows: str) -> bool:
        doc = make_doc(rows)
        return _may_state(Clause(doc[:], []))

    assert not may("Det det PRON SUBJ 1\nregnet regne VERB ROOT 1\n. . PUNCT IP 1")
    assert may("Statsministeren statsminister NOUN SUBJ 1 Definite=Def\nkom komme VERB ROOT 1\n. . PUNCT IP 1")
    assert may("Delegasjonen delegasjon NOUN SUBJ 1 Definite=Def\nkom komme VERB ROOT 1\n. . PUNCT IP 1")
    assert may("Russiske russisk ADJ ATR 1\ndiplomater diplomat NOUN SUBJ 2\nkom komme VERB ROOT 2\n. . PUNCT IP 2")


def test_a_known_organisation_before_a_compounds_hyphen_is_mentioned():
    from .conftest import make_doc

    doc = make_doc("""
Parat Parat PROPN SUBJ 1
meklet mekle VERB ROOT 1 Tense=Past
med med ADP ADV 1
YS-forbundet YS-forbund NOUN PUTFYLL 2 Definite=Def
Delta Delta PROPN APP 3
og og CCONJ KONJ 6
Sau-forbundet Sau-forbund NOUN KOORD 3 Definite=Def
. . PUNCT IP 1
""", ents=[(0, 1, "ORG"), (4, 5, "ORG")])
    article = from_text(doc.text, "t.txt")
    mentions = {(m.key, m.text) for m in extract(article, [(0, doc)]).mentions}
    assert ("organization|yrkesorganisasjonenes sentralforbund", "YS") in mentions  # keyed by its full name
    assert not {key for key, _ in mentions if key.endswith("|sau")}  # a prefix no data knows is no mention


def test_a_country_or_the_leader_of_a_government_before_a_compounds_hyphen_is_mentioned():
    from .conftest import make_doc

    doc = make_doc("""
Ukraina-krigen Ukraina-krig NOUN SUBJ 1 Definite=Def
preget prege VERB ROOT 1 Tense=Past
Holm-regjeringens Holm-regjering NOUN DET 3 Definite=Def
arbeid arbeid NOUN DOBJ 1
og og CCONJ KONJ 6
Lie-saken Lie-sak NOUN KOORD 3 Definite=Def
. . PUNCT IP 1
""")
    mentions = {(m.key, m.canonical, m.text) for m in extract(from_text(doc.text, "t.txt"), [(0, doc)]).mentions}
    assert ("gpe|country:UA", "Ukraina", "Ukraina") in mentions
    assert ("person|holm", "Holm", "Holm") in mentions  # the government is named for its leader
    assert not {key for key, _, _ in mentions if key.endswith("|lie")}  # a case is named for no leader


def test_international_organisations_known_by_a_short_name_are_known():
    from kg.extract.gazetteer import full_name

    assert [full_name(n) for n in ("G20", "ICC", "IAEA", "NATO", "Telegram")] == [
        "G20", "Den internasjonale straffedomstolen", "Den internasjonale atomenergiorganisasjonen", "Nato", "Telegram"]
    # sports federations and the police's national units by the short names news uses
    assert [full_name(n) for n in ("Fifa", "UEFA", "UP", "Spesialenheten", "Håndballforbundet")] == [
        "Det internasjonale fotballforbundet", "Det europeiske fotballforbundet", "Utrykningspolitiet",
        "Spesialenheten for politisaker", "Norges Håndballforbund"]
    assert [full_name(n) for n in ("OUS", "Ahus")] == ["Oslo universitetssykehus", "Akershus universitetssykehus"]


def test_a_ministry_by_its_short_form_is_the_ministry_but_not_a_party_that_shares_one():
    from kg.extract.gazetteer import full_name

    from .conftest import make_doc

    doc = make_doc("""
Saken sak NOUN SUBJ 1 Definite=Def
ligger ligge VERB ROOT 1
hos hos ADP ADV 1
FD FD PROPN PUTFYLL 2
og og CCONJ KONJ 5
UD UD PROPN KOORD 3
. . PUNCT IP 1
""", ents=[(3, 4, "ORG"), (5, 6, "ORG")])
    keys = {m.key for m in extract(from_text(doc.text, "t.txt"), [(0, doc)]).mentions}
    assert keys == {"organization|forsvarsdepartementet", "organization|utenriksdepartementet"}
    assert full_name("SD") is None  # Sverigedemokraterna as well as a ministry: left out


def test_a_short_form_in_capitals_is_looked_up_as_written_first():
    from kg.extract.article_names import unify_aliases
    from kg.extract.gazetteer import full_name
    from kg.extract.names import Named

    from .conftest import make_doc

    assert [full_name(n) for n in ("AP", "Ap", "ap.")] == ["Associated Press", "Arbeiderpartiet", "Arbeiderpartiet"]
    doc = make_doc("Det det PRON SUBJ 1\nmelder melde VERB ROOT 1 Tense=Pres\nAP AP PROPN DOBJ 1\n. . PUNCT IP 1")
    agency = Named(2, 3, "organization", "AP", "ap")
    assert unify_aliases([(0, doc[:], [agency])])[0][2] == [agency]  # not the party


def _article_kinds(*sentences: tuple[str, list[tuple[int, int, str]]]) -> dict[str, str]:
    """The kind of each name of an article made of hand-parsed sentences, once the article's kinds agree."""
    from kg.extract import _consistent_kinds
    from kg.extract.article_names import article_kinds
    from kg.extract.entities import named_mentions

    from .conftest import make_doc

    parsed = []
    for rows, ents in sentences:
        doc = make_doc(rows, ents=ents)
        parsed.append((0, doc[:], named_mentions(doc[:])))
    return {n.name: n.kind for _, _, names in article_kinds(_consistent_kinds(parsed)) for n in names}


def test_a_one_word_name_takes_the_kind_of_the_sure_names_it_is_coordinated_with():
    full = ("Olga Olga PROPN SUBJ 2\nSmirnova Smirnova PROPN FLAT 0\nkom komme VERB ROOT 2\n. . PUNCT IP 2",
            [(0, 2, "PER")])
    pair = """
Smirnova Smirnova PROPN SUBJ 3
og og CCONJ KONJ 2
Petrov Petrov PROPN KOORD 0
møtte møte VERB ROOT 3 Tense=Past
pressen presse NOUN DOBJ 3 Definite=Def
. . PUNCT IP 3
"""
    assert _article_kinds(full, (pair, [(0, 1, "PER"), (2, 3, "ORG")]))["Petrov"] == "person"
    company = ("Petrov Petrov PROPN SUBJ 1\nvokser vokse VERB ROOT 1 Tense=Pres\n. . PUNCT IP 1", [(0, 1, "ORG")])
    assert _article_kinds(full, company, company, (pair, [(0, 1, "PER"), (2, 3, "ORG")]))["Petrov"] == \
        "organization"  # a name the article gives three times as an organisation keeps that kind
    trip = """
Turen tur NOUN SUBJ 1 Definite=Def
gikk gå VERB ROOT 1 Tense=Past
til til ADP ADV 1
Lillevik Lillevik PROPN PUTFYLL 2
, , PUNCT IK 5
Nordnes Nordnes PROPN KOORD 3
og og CCONJ KONJ 7
Store Store PROPN KOORD 3
Sandvik Sandvik PROPN FLAT 7
. . PUNCT IP 1
"""
    assert _article_kinds((trip, [(3, 4, "LOC"), (5, 6, "PER"), (7, 9, "LOC")]))["Nordnes"] == "place"


def test_no_kind_from_a_coordination_with_a_country_a_place_or_a_name_as_unsure():
    country = """
Norge Norge PROPN SUBJ 3
og og CCONJ KONJ 2
Holmvik Holmvik PROPN KOORD 0
signerte signere VERB ROOT 3 Tense=Past
. . PUNCT IP 3
"""
    assert _article_kinds((country, [(0, 1, "GPE_LOC"), (2, 3, "PER")]))["Holmvik"] == "person"
    unsure = country.replace("Norge Norge", "Petrov Petrov")
    assert _article_kinds((unsure, [(0, 1, "ORG"), (2, 3, "PER")])) == {"Petrov": "organization",
                                                                         "Holmvik": "person"}
    place = """
Han han PRON SUBJ 1
kom komme VERB ROOT 1 Tense=Past
frå frå ADP ADV 1
Ålvik Ålvik PROPN PUTFYLL 2
og og CCONJ KONJ 5
Kari Kari PROPN KOORD 3
Holm Holm PROPN FLAT 5
. . PUNCT IP 1
"""
    assert _article_kinds((place, [(3, 4, "GPE_LOC"), (5, 7, "PER")]))["Ålvik"] == "gpe"


def test_a_one_word_name_that_holds_a_title_is_a_person_in_the_whole_article():
    came = ("Petrov Petrov PROPN SUBJ 1\nkom komme VERB ROOT 1 Tense=Past\n. . PUNCT IP 1", [(0, 1, "ORG")])
    titled = """
Petrov Petrov PROPN SUBJ 1
har ha AUX ROOT 1
vært være VERB INFV 1
Russlands Russland PROPN DET 4 Case=Gen
utenriksminister utenriksminister NOUN SPRED 2
. . PUNCT IP 1
"""
    assert _article_kinds(came, came, (titled, [(0, 1, "ORG"), (3, 4, "GPE_LOC")]))["Petrov"] == "person"
    company = titled.replace("Russlands Russland PROPN DET 4 Case=Gen", "et en DET DET 4") \
        .replace("utenriksminister utenriksminister", "selskap selskap")
    assert _article_kinds(came, (company, [(0, 1, "ORG")]))["Petrov"] == "organization"  # no title
    owner = titled.replace("utenriksminister utenriksminister", "eier eier")
    assert _article_kinds(came, (owner, [(0, 1, "ORG"), (3, 4, "GPE_LOC")]))["Petrov"] == "organization"  # both can
    body = titled.replace("Petrov Petrov", "Fiskeriforbundet Fiskeriforbundet")
    assert _article_kinds((body, [(0, 1, "ORG")]))["Fiskeriforbundet"] == "organization"  # a body's ending


def test_an_event_with_a_director_or_a_board_is_an_organisation_in_the_whole_article():
    held = ("Sommerfestivalen Sommerfestivalen PROPN SUBJ 1\nstartet starte VERB ROOT 1 Tense=Past\n. . PUNCT IP 1",
            [(0, 1, "EVT")])
    staffed = """
Kari Kari PROPN SUBJ 2
Lie Lie PROPN FLAT 0
er være AUX ROOT 2
festivaldirektør festivaldirektør NOUN SPRED 2
for for ADP ATR 3
Sommerfestivalen Sommerfestivalen PROPN PUTFYLL 4
. . PUNCT IP 2
"""
    assert _article_kinds(held, (staffed, [(0, 2, "PER"), (5, 6, "EVT")]))["Sommerfestivalen"] == "organization"
    board = staffed.replace("festivaldirektør festivaldirektør", "styret styre").replace("for for", "i i")
    assert _article_kinds(held, (board, [(0, 2, "PER"), (5, 6, "EVT")]))["Sommerfestivalen"] == "organization"
    guest = staffed.replace("festivaldirektør festivaldirektør", "gjest gjest")  # a role at it, no post
    press = staffed.replace("festivaldirektør festivaldirektør", "pressesjef pressesjef")  # an event has one too
    assert _article_kinds(held, (press, [(0, 2, "PER"), (5, 6, "EVT")]))["Sommerfestivalen"] == "event"
    assert _article_kinds(held, (guest, [(0, 2, "PER"), (5, 6, "EVT")]))["Sommerfestivalen"] == "event"
    assert _article_kinds(held)["Sommerfestivalen"] == "event"


def test_a_one_word_name_the_model_missed_that_speaks_is_a_person():
    from kg.extract.entities import named_mentions

    from .conftest import make_doc

    def speakers(name: str, verb: str = "sa si", lemma: str = "") -> list[tuple[str, str]]:
        doc = make_doc(f"""
– – PUNCT IK 3
Det det PRON SUBJ 2
går gå VERB ROOT 2
bra bra ADV ADV 2
, , PUNCT IK 2
{verb} VERB PAR 2 Tense=Past
{name} {lemma or name} PROPN SUBJ 5
. . PUNCT IP 2
""")
        return [(n.name, n.kind) for n in named_mentions(doc[:])]

    assert speakers("Petrov") == [("Petrov", "person")]
    assert speakers("Petrov", "skreiv skrive") == []  # an outlet writes
    assert "person" not in {kind for _, kind in speakers("Riksmekleren")}  # an institution
    assert "person" not in {kind for _, kind in speakers("Valgkomiteen")}  # a body
    assert speakers("Brannvesenet", lemma="brannvesen") == []  # a common noun to the lemmatizer
    assert speakers("Politiet", lemma="politi") == [("Politiet", "organization")]  # an institution


def test_a_compound_event_noun_names_its_event_and_a_word_of_the_family_the_familys_name():
    """`sluttforhandlingane` is the event `sluttforhandling` (one event with the article's other talks);
    `forhandlingene` and a numbered round keep the family's name."""
    from .conftest import make_doc

    def names(rows: str) -> set[tuple[str, str]]:
        doc = make_doc(rows, ents=[(0, 2, "PER")])
        ex = extract(from_text(doc.text, "t.txt"), [(0, doc)])
        return {(m.key, m.canonical) for m in ex.mentions if m.kind == "event"}

    rows = """
Siri Siri PROPN SUBJ 2
Vang Vang PROPN FLAT 0
leidde leie VERB ROOT 2 Tense=Past
{noun} {lemma} NOUN DOBJ 2 Definite=Def|Number=Plur
. . PUNCT IP 2
"""
    assert names(rows.format(noun="sluttforhandlingane", lemma="sluttforhandling")) == {
        ("event|samtaler#1", "sluttforhandling")}
    assert names(rows.format(noun="forhandlingene", lemma="forhandling")) == {("event|samtaler#1", "forhandling")}
    assert names(rows.format(noun="samtalene", lemma="samtale")) == {("event|samtaler#1", "samtaler")}
    assert names(rows.format(noun="Sørvest-konferansen", lemma="Sørvest-konferanse")) == {
        ("event|konferanse#1", "Sørvest-konferanse")}
    assert names(rows.format(noun="landsmøtet", lemma="landsmøt")) == {("event|møte#1", "landsmøte")}


def test_a_one_word_name_the_article_puts_an_event_in_or_names_with_places_is_a_place():
    meeting = """
Møtet møte NOUN SUBJ 3 Definite=Def
i i ADP ATR 0
Solvind Solvind PROPN PUTFYLL 1
varte vare VERB ROOT 3
. . PUNCT IP 3
"""
    assert _article_kinds((meeting, [(2, 3, "ORG")]))["Solvind"] == "place"
    assert _article_kinds((meeting.replace("Møtet møte", "Lederen leder"), [(2, 3, "ORG")]))["Solvind"] \
        == "organization"  # a leader in an organisation: no event
    assert _article_kinds((meeting.replace("Møtet møte", "Styremøtet styremøte"), [(2, 3, "ORG")]))["Solvind"] \
        == "organization"  # a body's own meeting
    trip = """
Han han PRON SUBJ 1
reiste reise VERB ROOT 1 Tense=Past
til til ADP ADV 1
Lillevik Lillevik PROPN PUTFYLL 2
og og CCONJ KONJ 5
Nordnes Nordnes PROPN KOORD 3
. . PUNCT IP 1
"""
    assert _article_kinds((trip, [(3, 4, "GPE_LOC"), (5, 6, "PER")]))["Nordnes"] == "gpe"
    met = trip.replace("reiste reise VERB ROOT 1 Tense=Past\ntil til", "snakket snakke VERB ROOT 1\nmed med")
    assert _article_kinds((met, [(3, 4, "GPE_LOC"), (5, 6, "PER")]))["Nordnes"] == "person"  # no place preposition


def test_a_one_word_person_in_or_outside_a_place_is_a_place():
    outside = """
Fabrikken fabrikk NOUN SUBJ 3 Definite=Def
utenfor utenfor ADP ATR 0
Lillevik Lillevik PROPN PUTFYLL 1
stenger stenge VERB ROOT 3 Tense=Pres
. . PUNCT IP 3
"""
    assert _article_kinds((outside, [(2, 3, "PER")]))["Lillevik"] == "place"
    assert _article_kinds((outside.replace("utenfor utenfor", "hos hos"), [(2, 3, "PER")]))["Lillevik"] \
        == "person"  # a person may have a factory
    named = ("Kari Kari PROPN SUBJ 2\nLillevik Lillevik PROPN FLAT 0\nkom komme VERB ROOT 2\n. . PUNCT IP 2",
             [(0, 2, "PER")])
    assert _article_kinds(named, (outside, [(2, 3, "PER")]))["Lillevik"] == "person"  # her surname


def _model_names(rows: str, ents: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """(name, kind) of kg.extract.names.model_names on a hand-parsed sentence."""
    from kg.extract.names import model_names

    from .conftest import make_doc

    return [(n.name, n.kind) for n in model_names(make_doc(rows, ents=ents)[:])]


def test_a_persons_name_goes_on_through_name_particles():
    rows = """
Presidenten president NOUN SUBJ 7 Definite=Def
, , PUNCT IK 2
Karla Karla PROPN APP 0
von von PROPN FLAT 2
der der PROPN FLAT 2
Heiden Heiden PROPN FLAT 2
, , PUNCT IK 2
talte tale VERB ROOT 7 Tense=Past
. . PUNCT IP 7
"""
    for ents in ([(2, 4, "PER"), (5, 6, "LOC")], [(2, 3, "PER"), (5, 6, "LOC")]):
        assert _model_names(rows, ents) == [("Karla von der Heiden", "person")]
    assert _model_names(rows.replace("von von", "da da"), [(2, 3, "PER"), (5, 6, "LOC")]) == [
        ("Karla", "person"), ("Heiden", "place")]


def test_the_lower_case_noun_ending_a_name_gives_its_kind():
    council = """
Saken sak NOUN SUBJ 1 Definite=Def
går gå VERB ROOT 1 Tense=Pres
til til ADP ADV 1
Lillevik Lillevik PROPN PUTFYLL 2
bystyre bystyre NOUN FLAT 3 Definite=Ind
. . PUNCT IP 1
"""
    assert _model_names(council, [(3, 5, "GPE_LOC")]) == [("Lillevik bystyre", "organization")]
    assert _model_names(council.replace("bystyre bystyre", "sentrum sentrum"), [(3, 5, "GPE_LOC")]) == [
        ("Lillevik sentrum", "gpe")]
    street = council.replace("Lillevik Lillevik PROPN PUTFYLL 2\nbystyre bystyre NOUN FLAT 3 Definite=Ind",
                             "Kari Kari PROPN PUTFYLL 2\nHolms Holms PROPN FLAT 3\ngate gate NOUN FLAT 3")
    assert _model_names(street, [(3, 6, "PER")]) == [("Kari Holms gate", "place")]
    church = """
Den Den PROPN SUBJ 3
samiske samisk ADJ FLAT 0
kirke kirke NOUN FLAT 0 Definite=Ind
vedtok vedta VERB ROOT 3 Tense=Past
. . PUNCT IP 3
"""
    assert _model_names(church, [(0, 3, "ORG")]) == [("Den samiske kirke", "organization")]
    building = church.replace("Den Den PROPN", "Vår Vår PROPN").replace("samiske samisk ADJ", "Frue Frue PROPN")
    assert _model_names(building, [(0, 3, "ORG")]) == [("Vår Frue kirke", "place")]
    school = council.replace("bystyre bystyre NOUN FLAT 3 Definite=Ind", "skule skule NOUN FLAT 3 Definite=Ind")
    assert _model_names(school, [(3, 5, "GPE_LOC")]) == [("Lillevik skule", "organization")]  # Nynorsk `skole`


def test_a_name_ends_with_its_line():
    import spacy
    from spacy.tokens import Doc, Span

    from kg.extract.names import model_names

    words = ["Sekretær", ":", "Kari", "Holm", "\n", "Nestleder", ":", "Per", "Lie"]
    doc = Doc(spacy.blank("nb").vocab, words=words, spaces=[False, True, True, False, False, False, True, True, False],
              pos=["NOUN", "PUNCT", "PROPN", "PROPN", "SPACE", "NOUN", "PUNCT", "PROPN", "PROPN"])
    doc.ents = [Span(doc, 2, 6, label="PER"), Span(doc, 7, 9, label="PER")]
    assert [n.name for n in model_names(doc[:])] == ["Kari Holm", "Per Lie"]


def test_a_form_of_address_is_no_name_and_no_part_of_one():
    rows = """
Presidenten president NOUN SUBJ 7 Definite=Def
, , PUNCT IK 2
Hans Hans PROPN APP 0
Eksellense Eksellense PROPN FLAT 2
herr herr NOUN FLAT 2
Kari Kari PROPN FLAT 2
Holm Holm PROPN FLAT 2
kom komme VERB ROOT 7 Tense=Past
. . PUNCT IP 7
"""
    assert [name for name, _ in _model_names(rows, [(2, 7, "PER")])] == ["Kari Holm"]
    assert _model_names(rows, [(2, 4, "PER")]) == []  # `Hans Eksellense` alone
    hans = rows.replace("Eksellense Eksellense", "Thorn Thorn").replace("herr herr NOUN", "Lie Lie PROPN")
    assert [name for name, _ in _model_names(hans, [(2, 7, "PER")])] == ["Hans Thorn Lie Kari Holm"]  # `Hans` is a
    # first name too


def test_the_choice_that_fell_on_something_is_no_election():
    from kg.extract.nouns import event_lemma

    from .conftest import make_doc

    rows = """
Da da ADV ADV 1
falt falle VERB ROOT 1 Tense=Past
valget valg NOUN SUBJ 1 Definite=Def
på på ADP ADV 1
Vippa Vippa PROPN PUTFYLL 3
. . PUNCT IP 1
"""
    assert event_lemma(make_doc(rows)[2]) is None
    assert event_lemma(make_doc(rows.replace("falt falle", "startet starte"))[2]) == "valg"


def test_weddings_lunches_draws_tours_visits_protests_appeals_and_championships_are_events():
    from kg.extract.nouns import _event_word

    for lemma, text in (("bryllup", "bryllupet"), ("lunsj", "lunsjen"), ("trekning", "trekningen"),
                        ("lytteturné", "lytteturneen"), ("turne", "turneen"), ("gjenvisitt", "gjenvisitten"),
                        ("protest", "protester"), ("ankesak", "ankesaken"), ("EM-sluttspill", "EM-sluttspillet")):
        assert _event_word(lemma, text), lemma
    assert _event_word("tilbaketrekning", "tilbaketrekningen") is None  # a withdrawal, no draw
    assert _event_word("debatt", "debatten") is None  # a debate in general (`den politiske debatten`): no occasion


def _credit_doc(agency: str, label: str = "ORG"):
    from .conftest import make_doc

    return make_doc(f"""
Foto foto NOUN ROOT 0
: : PUNCT IK 0
Kari Kari PROPN PAR 0
Holm Holm PROPN FLAT 2
via via ADP ATR 2
{agency} {agency} PROPN PUTFYLL 4
""", ents=[(2, 4, "PER"), (5, 6, label)])


def test_a_party_short_form_in_a_credit_is_the_agency_the_lists_know_in_capitals():
    doc = _credit_doc("AP")
    mentions = {(m.key, m.text) for m in extract(from_text(doc.text, "t.txt"), [(0, doc)]).mentions}
    assert ("organization|associated press", "AP") in mentions  # the agency, not Arbeiderpartiet
    assert not [key for key, _ in mentions if key == "organization|arbeiderpartiet"]
    doc = _credit_doc("Ap")
    keys = {m.key for m in extract(from_text(doc.text, "t.txt"), [(0, doc)]).mentions}
    assert keys == {"person|kari holm"}  # a party no agency shares is nothing in a credit


def test_a_known_organisation_opening_a_credit_is_an_agency_and_its_service_not_a_photographer():
    from .conftest import make_doc

    doc = make_doc("""
Foto foto NOUN ROOT 0
: : PUNCT IK 0
NTB NTB PROPN PAR 0
Bildeservice Bildeservice PROPN FLAT 2
""", ents=[(2, 4, "PER")])
    mentions = {(m.kind, m.key) for m in extract(from_text(doc.text, "t.txt"), [(0, doc)]).mentions}
    assert {("organization", "organization|ntb bildeservice"), ("organization", "organization|ntb")} <= mentions
    assert not [key for kind, key in mentions if kind == "person"]
    doc = make_doc("""
Foto foto NOUN ROOT 0
: : PUNCT IK 0
Kari Kari PROPN PAR 0
Holmvik Holmvik PROPN FLAT 2
""", ents=[(2, 4, "PER")])
    people = {m.key for m in extract(from_text(doc.text, "t.txt"), [(0, doc)]).mentions if m.kind == "person"}
    assert people == {"person|kari holmvik"}  # a photographer's name stays a person


def test_a_nynorsk_organ_noun_keys_its_body_as_the_bokmaal_noun_does():
    """`styringsutvalet` / `styringsutvalget`, `prosjektleiinga` / `prosjektledelsen`: one body's base in both
    written standards, so that kg.resolve can join the body of two articles of one story."""
    from kg.extract.bodies import organ_base

    from .conftest import make_doc

    def base(word: str) -> str | None:
        doc = make_doc(f"{word} {word.lower()} NOUN SUBJ 1 Definite=Def|Number=Sing\nmøttes møtes VERB ROOT 1\n"
                       ". . PUNCT IP 1")
        return organ_base(doc[0])

    assert base("Styringsutvalet") == base("Styringsutvalget") == "styringsutvalg"
    assert base("Prosjektleiinga") == base("Prosjektledelsen") == "prosjektledelse"
    assert base("Utvalet") is None  # the noun alone is no body's name


def test_words_in_quotation_marks_after_an_organisation_noun_or_a_title_name_an_organisation():
    """`aksjonsgruppa «Nei til bom i Solvik»`, `nestleiar i «Vi som vil bli»`: one organisation, with the place
    the model found inside it part of its name; a book's title in quotation marks names none."""
    from kg.extract.entities import named_mentions

    from .conftest import make_doc

    def names(noun: str, lemma: str, pos: str = "NOUN") -> list[tuple[str, str]]:
        doc = make_doc(f"""
Kari Kari PROPN SUBJ 2
Lie Lie PROPN FLAT 0
leder lede VERB ROOT 2
{noun} {lemma} {pos} DOBJ 2 Definite=Def
« « PUNCT IK 5
Nei nei INTJ ATR 3
til til ADP ATR 5
bom bom NOUN PUTFYLL 6
i i ADP ATR 7
Solvik Solvik PROPN PUTFYLL 8
» » PUNCT IK 5
. . PUNCT IP 2
""", ents=[(0, 2, "PER"), (9, 10, "GPE_LOC")])
        return sorted((n.name, n.kind) for n in named_mentions(doc[:]))

    assert names("aksjonsgruppa", "aksjonsgruppe") == [("Kari Lie", "person"), ("Nei til bom i Solvik", "organization")]
    assert names("boka", "bok") == [("Kari Lie", "person"), ("Solvik", "gpe")]


def test_a_title_the_model_took_into_a_two_word_name_is_not_part_of_it_but_a_royal_s_is():
    """`Riksmekler Ruland sa ...`: the person is `Ruland` (whose full name another article gives); `Kong Harald`
    is how the king is named."""
    rows = """
{title} {lemma} NOUN SUBJ 2
{name} {name} PROPN FLAT 0
sa si VERB ROOT 2 Tense=Past
. . PUNCT IP 2
"""
    assert _model_names(rows.format(title="Riksmekler", lemma="riksmekler", name="Holmvik"), [(0, 2, "PER")]) == [
        ("Holmvik", "person")]
    assert _model_names(rows.format(title="Kong", lemma="konge", name="Harald"), [(0, 2, "PER")]) == [
        ("Kong Harald", "person")]


def test_a_sentence_s_first_title_the_tagger_made_a_proper_noun_is_no_part_of_the_name_it_heads():
    """`Generalmajor Eirik Holm blir ny forsvarssjef.`: the tagger makes the title a proper noun and the head of
    the name; the person is `Eirik Holm`, the title's holder and the copula's subject."""
    from kg.extract.clause import Clause
    from kg.extract.entities import named_mentions
    from kg.extract.relations import RULES

    from .conftest import make_doc

    doc = make_doc("""
Generalmajor Generalmajor PROPN SUBJ 3
Eirik Eirik PROPN FLAT 0
Holm Holm PROPN FLAT 0
blir bli VERB ROOT 3 Tense=Pres
ny ny ADJ ATR 5
forsvarssjef forsvarssjef NOUN SPRED 3
. . PUNCT IP 3
""", ents=[(0, 3, "PER")])
    names = named_mentions(doc[:])
    assert [(n.name, n.kind) for n in names] == [("Eirik Holm", "person")]
    found = {(f.subject, f.object) for rule in RULES for f in rule(Clause(doc[:], names))
             if f.predicate == "schema:jobTitle"}
    assert found == {("person|eirik holm", "generalmajor"), ("person|eirik holm", "påtroppende forsvarssjef")}


def test_a_one_word_name_right_after_a_title_stays_a_person_whatever_town_it_names():
    """`Riksmekler Strand kalte inn partene`: the mediator, though `Strand` is a town too."""
    from kg.extract import _consistent_kinds, _places_taken_for_people
    from kg.extract.entities import named_mentions

    from .conftest import make_doc

    doc = make_doc("""
Riksmekler riksmekler NOUN SUBJ 2
Strand Strand PROPN FLAT 0
kalte kalle VERB ROOT 2 Tense=Past
inn inn ADP ADV 2
partene part NOUN DOBJ 2 Definite=Def
. . PUNCT IP 2
""", ents=[(0, 2, "PER")])
    found = _places_taken_for_people(_consistent_kinds([(0, doc[:], named_mentions(doc[:]))]))
    assert {n.name: n.kind for _, _, names in found for n in names} == {"Strand": "person"}
