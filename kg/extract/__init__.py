"""Parsed article -> mentions and facts. spaCy objects stop here: what leaves is plain `kg.types` records."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from kg.extract.article_names import article_kinds, name_index, recall_names, surnames_of, unify_aliases
from kg.extract.bodies import compound_prefix
from kg.extract.clause import Clause, delegation_keys, entity_key, event_key, event_name
from kg.extract.coref import Coreference
from kg.extract.entities import named_mentions
from kg.extract.gazetteer import (
    city_of,
    confidences,
    countries,
    country_of_adjective,
    ends_with,
    fold,
    full_name,
    gender,
    lexicon,
    lexicon_pairs,
    norwegian_town,
    party_of,
    title_of,
    verb_in,
    weekdays,
)
from kg.extract.names import Named
from kg.extract.nouns import is_delegation
from kg.extract.presence import specific_events
from kg.extract.relations import RULES, UNNAMED_RULES
from kg.extract.titles import described_titles, settled_titles
from kg.extract.tokens import forget as forget_tokens
from kg.ingest import DATELINE
from kg.types import DELEGATION, EVENT, GPE, ORGANIZATION, PERSON, Article, Evidence, Extraction, Fact, Mention


def extract(article: Article, paragraphs: list[tuple[int, Doc]]) -> Extraction:
    """Mentions and facts of one article from its parsed paragraphs (offsets into `article.text`)."""
    mentions: list[Mention] = []
    facts: list[Fact] = []
    descriptions: dict[str, str] = {}
    dates: dict[str, date] = {}
    sentences = [(offset, sent, named_mentions(sent)) for offset, doc in paragraphs
                 if not (article.byline and offset == article.byline[0])  # read from the metadata below
                 for sent in doc.sents]
    sentences = _consistent_kinds(_credited(article, _dateline_places(article, sentences)))
    sentences = unify_aliases(_places_taken_for_people(article_kinds(sentences)))
    index = name_index({tuple(t.text for t in sent.doc[n.start:n.end]): n for _, sent, names in sentences
                        for n in names})
    coreference = Coreference([sent for _, sent, _ in sentences])
    calibrated = confidences()
    context_event = None  # the occasion named last (kg.extract.attendance)
    read: list[tuple[Clause, Evidence]] = []
    for i, (offset, sent, names) in enumerate(sentences):
        names = recall_names(sent, names, index)
        credit = _in_credit(article, offset, sent)
        clause = Clause(sent, sorted(names + coreference.resolve(i, names, credit), key=lambda n: n.start),
                        context_event=context_event)
        start, end = offset + sent.start_char, offset + sent.end_char
        evidence = Evidence(article.text[start:end], start, end)  # (`sent.text`, not joined from its tokens again)
        read.append((clause, evidence))
        referred = _referred_only(clause)
        for rule in RULES if _may_state(clause) else UNNAMED_RULES:
            for found in rule(clause):
                if {found.subject, found.object} & referred:  # read through a pronoun or description
                    found = replace(found, rule=found.rule + "+coref", confidence=round(found.confidence * 0.8, 2))
                confidence = calibrated.get(found.rule, found.confidence)  # measured on eval/news/dev
                facts.append(Fact(found.subject, found.predicate, found.object, evidence, found.rule,
                                  confidence, found.literal))
        mentions += _mentions(clause, offset, article.text)
        context_event = ([context_event] + specific_events(clause))[-1]
        named = {m.key for m in mentions}
        for key, (kind, label) in clause.entities.items():
            if kind == "demand":
                descriptions[key] = label
            # by a phrase, a verb (`møtte`) or a leader's title (`delegasjonsleiar`)
            if kind in {"demand", GPE, ORGANIZATION, EVENT, DELEGATION} and key not in named:
                mentions.append(Mention(key, kind, label, evidence.start, evidence.end, label))
        if article.published:
            dates.update(_event_dates(clause, article.published))
    for at, found in described_titles([c for c, _ in read], facts):  # `Helseministeren`: the one named before
        facts.append(Fact(found.subject, found.predicate, found.object, read[at][1], found.rule,
                          calibrated.get(found.rule, found.confidence), found.literal))
    mentions += _authors(article, facts) + _datelines(article, facts)
    mentions, facts = _full_names(mentions, facts)
    facts = settled_titles(facts)
    forget_tokens()  # the article's Docs may go
    return Extraction(article, tuple(mentions), tuple(dict.fromkeys(facts)), descriptions, dates)


def _may_state(clause: Clause) -> bool:
    """Whether a rule other than those of `UNNAMED_RULES` can find a fact in a clause: only where it names an
    entity, refers to one (also by a title: `statsministeren`), or has a delegation or a country by its
    adjective (`russiske diplomater`). Many sentences of a long article do not, and the other rules are then
    not walked over them (the build's speed, bench/build_speed.py; the graphs of dev, test and the seeds are
    the same bytes)."""
    if clause.names:
        return True
    for token in clause.tokens:
        pos = token.pos_  # (read once: `is_delegation` is a noun's too)
        if pos == "NOUN" and (is_delegation(token) or title_of(token.lemma_)) \
                or pos == "ADJ" and country_of_adjective(token.text):
            return True  # (`statsministeren`: a title stands for its holder)
    return False


def _credited(article: Article, sentences: list[tuple[int, Span, list[Named]]]) -> list[tuple[int, Span, list[Named]]]:
    """In a photo credit (`Foto: NAME / AP / NTB`) a short form that names a party is no party: the agency that
    shares it where the lists know one in capitals (`AP`, not Arbeiderpartiet), else nothing; a credit names
    photographers and agencies. The words right after the colon are the photographer, or an agency's service where
    the first is an organisation the lists know (`Foto: NTB Scanpix`: the service, and the agency a name of its
    own)."""
    if not article.credits:
        return sentences
    out = []
    for offset, sent, names in sentences:
        if _in_credit(article, offset, sent):
            names = [n for n in names if not (n.kind == ORGANIZATION and party_of(n.name)
                                              and full_name(n.name) in {None, party_of(n.name)})]
            for match in _CREDITED_NAME.finditer(sent.text):
                span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end())
                if span is None or full_name(span.text) or any(ends_with(w.lower(), lexicon()["organisation_nouns"])
                                                              for w in span.text.split()):
                    continue
                if full_name(span[0].text) is not None and not party_of(span[0].text):  # `NTB Scanpix`
                    service = Named(span.start, span.end, ORGANIZATION, span.text, fold(span.text))
                    agency = Named(span.start, span.start + 1, ORGANIZATION, span[0].text, fold(span[0].text))
                    names = [n for n in names if n.end <= span.start or n.start >= span.end] + [service, agency]
                    continue
                name = span.text.title() if span.text.isupper() else span.text
                names = [n for n in names if n.end <= span.start or n.start >= span.end] + [
                    Named(span.start, span.end, PERSON, name, fold(name))]
        out.append((offset, sent, sorted(names, key=lambda n: n.start)))
    return out


def _in_credit(article: Article, offset: int, sent: Span) -> bool:
    """Whether a sentence (of the paragraph at `offset`) begins inside one of the article's photo credits."""
    at = offset + sent.start_char
    return any(start <= at < end for start, end in article.credits)


# The photographer of a credit (`Foto: SERGEI GAPON / AFP`, `Foto: Lise Åserud, NTB`): two to four capitalised
# words right after the credit's colon, up to a separator or the end (the agencies follow the separators).
_CREDITED_NAME = re.compile(r"(?<=: )[A-ZÆØÅ][\w\-]+(?: [A-ZÆØÅ][\w\-]+){1,3}(?= ?[/,)]|$)")


def _dateline_places(article: Article, sentences: list[tuple[int, Span, list[Named]]]
                     ) -> list[tuple[int, Span, list[Named]]]:
    """The places of a dateline (`BEIJING (VG) –`, `OSLO / BEIRUT (VG)`) are places, named as words are
    (`Beijing`), whatever the model made of the capitals: a country by its code, any other a city; one that ends
    in an organisation noun is the organisation (`LILLEVIK TINGRETT (NTB)`: a court)."""
    spans = [(m.start("places") + p.start(), m.start("places") + p.end())
             for m in DATELINE.finditer(article.text) for p in _DATELINE_PLACE.finditer(m["places"])]
    if not spans:
        return sentences
    out = []
    for offset, sent, names in sentences:
        for start, end in spans:
            if not offset + sent.start_char <= start < offset + sent.end_char:
                continue
            span = sent.doc.char_span(start - offset, end - offset)
            if span is None:
                continue
            name = span.text.title()
            country = countries().get(fold(name))
            words = name.split()
            if len(words) > 1 and ends_with(words[-1], lexicon()["organisation_nouns"]):
                name = " ".join([*words[:-1], words[-1].lower()])  # `LILLEVIK TINGRETT (NTB)`: a court
                place = Named(span.start, span.end, ORGANIZATION, name, fold(name))
            else:
                place = Named(span.start, span.end, GPE, name, f"country:{country.code}" if country else fold(name))
            names = [n for n in names if n.end <= span.start or n.start >= span.end] + [place]
        out.append((offset, sent, sorted(names, key=lambda n: n.start)))
    return out


def _full_names(mentions: list[Mention], facts: list[Fact]) -> tuple[list[Mention], list[Fact]]:
    """Organisations named in a known short or other form however they were found (a name, `Ap-leder`, a
    byline): the key and name of the full form (`Ap.` -> Arbeiderpartiet, `LO` -> Landsorganisasjonen i
    Norge), in the mentions and in the facts about them, so that they are one entity in and across articles;
    the names stay as written (the graph's label is the fullest name given)."""
    rename = {}
    for m in mentions:
        if m.kind == ORGANIZATION and (full := full_name(m.canonical)) is not None:
            if (key := entity_key(ORGANIZATION, fold(full))) != m.key:
                rename[m.key] = key
    if not rename:
        return mentions, facts
    mentions = [replace(m, key=rename[m.key]) if m.key in rename else m for m in mentions]
    facts = [replace(f, subject=rename.get(f.subject, f.subject),
                     object=f.object if f.literal else rename.get(f.object, f.object)) for f in facts]
    return mentions, facts


def _referred_only(clause: Clause) -> set[str]:
    """Entity keys that a clause mentions only through coreference (`hun`, `partiet`), not by name."""
    named = {entity_key(n.kind, n.key) for n in clause.names if not n.coref}
    return {entity_key(n.kind, n.key) for n in clause.names if n.coref} - named


def _consistent_kinds(sentences: list[tuple[int, Span, list[Named]]]) -> list[tuple[int, Span, list[Named]]]:
    """One kind per name within an article before any rule reads it: the kind most of its mentions have, and
    person for a one-word name that ends a person's full name (`Antony Blinken` ... `Blinken`), so that a rule
    does not miss a fact because the model typed one mention differently."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for _, sent, names in sentences:
        for n in names:
            votes[n.key][n.kind] += 1
            if _speaker(sent.doc[n.start:n.end]):
                votes[n.key][PERSON] += 2  # `sa Trump`: one who speaks is a person, whatever the model said
    surnames = surnames_of(sentences)
    kinds = {key: PERSON if key in surnames else max(counter, key=lambda k: (counter[k], k == PERSON))
             for key, counter in votes.items() if not key.startswith("country:")}
    return [(offset, sent, [replace(n, kind=kinds.get(n.key, n.kind)) for n in names])
            for offset, sent, names in sentences]


def _places_taken_for_people(sentences: list[tuple[int, Span, list[Named]]]) -> list[tuple[int, Span, list[Named]]]:
    """A one-word name the article's kinds leave a person that is a place: a city of GeoNames (`Kiev vil ikke
    godta`) or a Norwegian town of 500 people or more (`Kvam`) or where a person named right before it is from
    (`Marit Haugen fra Steinkjer`, `Kari Lie (47) fra Rakkestad`), by a word no first name is, or a town in a list
    of those elected (`Kari Lie, Rana (138 stemmer)`, a first name too); neither the surname of a person the
    article names in full, nor a speaker (`sa Lund`), nor named right after a title (`Riksmekler Moen`). Read
    after the coordinations' kinds, which take a one-word name for the model's guess."""
    people: dict[str, str] = {}  # key -> name of the one-word persons
    spoke, homes, listed = set(), set(), set()
    for _, sent, names in sentences:
        for n in names:
            if n.kind == PERSON and n.end - n.start == 1 and not n.coref:
                people[n.key] = n.name
                if _speaker(sent.doc[n.start:n.end]) or _titled(sent, n):
                    spoke.add(n.key)  # `sa Lund`, `Riksmekler Moen`: a person, whatever the place
                elif _listed_home(sent, n, names):
                    listed.add(n.key)
                elif _home_of(sent, n, names):
                    homes.add(n.key)
    surnames = surnames_of(sentences)
    places = {key for key, name in people.items() if key not in surnames | spoke and " " not in key and (
              key in listed or gender(name) is None and (
                  key in homes or city_of(name) is not None or norwegian_town(name)))}
    if not places:
        return sentences
    return [(offset, sent, [replace(n, kind=GPE) if n.key in places and n.kind == PERSON else n for n in names])
            for offset, sent, names in sentences]


def _titled(sent: Span, named: Named) -> bool:
    """A name right after a title word (`Riksmekler Moen`, `ordfører Lund`)."""
    before = sent.doc[named.start - 1] if named.start > sent.start else None
    return before is not None and before.pos_ in {"NOUN", "PROPN"} and bool(title_of(before.lemma_))


def _listed_home(sent: Span, named: Named, names: list[Named]) -> bool:
    """A Norwegian town after a full name and a comma in a list of those elected, where the line is the name and
    the town alone or the town is followed by a count in parentheses (`Kari Lie, Rana`, `Kari Lie, Rana (138
    stemmer)`; not an age: `Kari Lie, Lena (8)`): the place the person is from, even where it is a first name too."""
    doc, at = sent.doc, named.start - 1
    if at <= sent.start or doc[at].text != "," or not norwegian_town(named.name):
        return False
    full = _full_name_ending(names, at)
    if full is None:
        return False
    if named.end == sent.end or named.end < sent.end and doc[named.end].is_punct and named.end + 1 == sent.end:
        return full.start == sent.start  # the line is `Kari Lie, Rana`
    return named.end + 2 < sent.end and doc[named.end].text == "(" and doc[named.end + 1].like_num \
        and doc[named.end + 2].text != ")"  # `(138 stemmer)`, not `(8)`


def _home_of(sent: Span, named: Named, names: list[Named]) -> bool:
    """A one-word name after `fra`/`frå` right after a person's full name or its age in parentheses (`Marit
    Haugen fra Steinkjer`, `Kari Lie (47) fra Rakkestad`): the place the person is from."""
    doc, at = sent.doc, named.start - 1
    if at <= sent.start or fold(doc[at].text) not in {"fra", "frå"}:
        return False
    before = at - 1
    if doc[before].text == ")" and before - 2 >= sent.start and doc[before - 1].like_num \
            and doc[before - 2].text == "(":
        before -= 3  # `(47)`
    return _full_name_ending(names, before + 1) is not None


def _full_name_ending(names: list[Named], end: int) -> Named | None:
    """The person named in full (two words or more) whose name ends right before token `end`, or None."""
    return next((n for n in names if n.kind == PERSON and n.end == end and " " in n.name), None)


def _speaker(span: Span) -> bool:
    """A one-word name that no list knows as an organisation or institution, subject of a verb of spoken words
    (`sa Trump`, `meiner Lavrov`; not `sier Riksmekleren`, `skriver AFP`)."""
    token, lex = span[0], lexicon()
    word = fold(token.text)
    return len(span) == 1 and token.dep_ == "SUBJ" and verb_in(token.head, lex["spoken_verbs"]) \
        and full_name(token.text) is None and word not in lex["news_agencies"] \
        and word not in lexicon_pairs("institutions") \
        and not ends_with(word, lex["institution_endings"] | lex["organisation_nouns"])


def _mentions(clause: Clause, offset: int, text: str) -> list[Mention]:
    """The mentions of a clause of the paragraph at `offset` of the article's `text`."""
    doc, found = clause.sent.doc, []
    for n in clause.names:
        if n.coref:
            continue  # `hun` is not a name of Kari Lie
        last = doc[n.end - 1]
        start, end = offset + doc[n.start].idx, offset + last.idx + len(last)
        found.append(Mention(entity_key(n.kind, n.key), n.kind, text[start:end], start, end, n.name))  # (the
        # name's words as written: its span's text, not joined from its tokens again)
    for token in clause.tokens:
        if token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            continue  # (a delegation or event is a noun, a known name's compound a noun or an adjective)
        for key in delegation_keys(clause, token) + [k for k in [event_key(clause, token)] if k]:
            kind, label = clause.entities[key]
            if kind == EVENT:
                label = event_name(clause, token)  # `sluttforhandling`: a compound names its occasion
            found.append(Mention(key, kind, token.text, offset + token.idx, offset + token.idx + len(token), label))
        if "-" not in token.text:
            continue  # (both prefixes below are before a hyphen)
        if (prefix := _known_prefix(token)) is not None:  # `YS-forbundet Delta`, `NRK-journalisten`
            start = offset + token.idx
            found.append(Mention(entity_key(ORGANIZATION, fold(prefix)), ORGANIZATION, prefix, start,
                                 start + len(prefix), prefix))
        elif (named := compound_prefix(token)) is not None:  # `Ukraina-krigen`, `Støre-regjeringen`
            kind, key, name = named
            start = offset + token.idx
            found.append(Mention(entity_key(kind, key), kind, name, start, start + token.text.index("-"), name))
    return found


def _known_prefix(token) -> str | None:  # noqa: ANN001 - spaCy Token
    """The name before the hyphen of a compound noun when kg.extract's data knows it as a party or organisation
    (`LO-forbundet`, `NRK-journalisten`, `Nato-medlemskap`): the compound mentions it."""
    prefix, dash, rest = token.text.partition("-")
    if not dash or not rest[:1].islower() or token.pos_ not in {"NOUN", "ADJ"} or not prefix[:1].isupper():
        return None
    return prefix if full_name(prefix) is not None else None


def _authors(article: Article, facts: list[Fact]) -> list[Mention]:
    """The byline: a person is schema:author; a news agency (`Av NTB`, `Reuters`) is kgo:reportedBy."""
    if not article.authors:
        return []
    start, end = article.byline or (0, 0)
    evidence = Evidence(article.text[start:end] if article.byline else "Av " + " og ".join(article.authors),
                        start, end)
    mentions = []
    for name in article.authors:
        agency = _is_agency(name)
        kind = ORGANIZATION if agency else PERSON
        key = entity_key(kind, fold(name))
        at = article.text.find(name, start, end) if article.byline else -1
        mentions.append(Mention(key, kind, name, max(at, 0), max(at, 0) + len(name) if at >= 0 else 0, name))
        if agency:
            facts.append(Fact("article", "kgo:reportedBy", key, evidence, "kg.reportedBy.byline.v1", 0.95))
        else:
            facts.append(Fact("article", "schema:author", key, evidence, "kg.author.v2", 0.95))
    return mentions


def _is_agency(name: str) -> bool:
    return bool(re.fullmatch(r"[A-ZÆØÅ]{2,6}", name)) or fold(name) in lexicon()["news_agencies"]


_DATELINE_PLACE = re.compile(r"[A-ZÆØÅ][A-ZÆØÅ\-]+(?: [A-ZÆØÅ][A-ZÆØÅ\-]+)*")


# `... første kvinnelige president. (NTB)`, `(©NPK)`, `(via Reuters)`: an agency credited at the end of a paragraph.
_CREDIT = re.compile(r"\((?:©\s?|[Vv]ia\s+)?(?P<outlet>[A-ZÆØÅ][\w\- ]{1,30}?)\)\s*$", re.MULTILINE)
# `Kilde: VG`, `Kjelde: NTB`: a paragraph (or its last words) naming the outlet the story is told after.
_SOURCE_LINE = re.compile(r"\(?\b(?:Kilde|Kjelde|Kilder|Kjelder): (?P<outlet>[A-ZÆØÅ][\w.&\- ]{0,30}?"
                          r"(?:(?: / |, | og )[A-ZÆØÅ][\w.&\- ]{0,30}?)*)\)?\s*$", re.MULTILINE)
_SOURCES_SPLIT = re.compile(r" / |, | og ")  # `Kilde: NTB / TV 2`, `Kilder: NTB og VG`: each is a source
# `(Tidendebladet): Dagen etter ...`, `(Tidendebladet) På onsdag ...`: an outlet in parentheses opening a paragraph, a
# dateline without its place.
_OPENING_CREDIT = re.compile(r"^\((?P<outlet>[A-ZÆØÅ][\w.&\- ]{1,30}?)\)(?=\s*[:–-]?\s+[A-ZÆØÅ«–]|\s*$)", re.MULTILINE)


def _datelines(article: Article, facts: list[Fact]) -> list[Mention]:
    """Datelines, news agencies credited at the end of a paragraph, and `Kilde:` lines."""
    mentions = []
    credits = (m for m in _CREDIT.finditer(article.text) if _is_agency(m["outlet"]))
    openings = (m for m in _OPENING_CREDIT.finditer(article.text) if not party_of(m["outlet"]))
    sources = _SOURCE_LINE.finditer(article.text) if "Kilde" in article.text or "Kjelde" in article.text else ()
    # (the pattern, which may begin anywhere, tried only on a text that holds its word: few do)
    for match in (*DATELINE.finditer(article.text), *openings, *credits, *sources):
        evidence = Evidence(match[0], match.start(), match.end())
        rule = "kg.reportedBy.dateline.v1" if match.re in {DATELINE, _OPENING_CREDIT} else "kg.reportedBy.credit.v1"
        start = match.start("outlet")
        parts = _SOURCES_SPLIT.split(match["outlet"]) if match.re is _SOURCE_LINE else [match["outlet"]]
        for outlet in parts:
            at = article.text.index(outlet, start)
            key = entity_key(ORGANIZATION, fold(outlet))
            mentions.append(Mention(key, ORGANIZATION, outlet, at, at + len(outlet), outlet))
            facts.append(Fact("article", "kgo:reportedBy", key, evidence, rule, 0.9))
            start = at + len(outlet)
    return mentions


def _event_dates(clause: Clause, published: date) -> dict[str, date]:
    """A weekday in an event's clause (`mandag`) is the last such day on or before the publication date."""
    found = {}
    for token in clause.nouns:  # (an event is a noun)
        if (key := event_key(clause, token)) is None:
            continue
        clause_tokens = list(_clause_of(token))
        day = next((weekdays()[fold(t.text)] for t in clause_tokens if fold(t.text) in weekdays()), None)
        if day is not None:
            found[key] = published - timedelta(days=(published.weekday() - day) % 7)
    return found


def _clause_of(token) -> Span:  # noqa: ANN001 - spaCy Token
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
        verb = verb.head
    return verb.subtree
