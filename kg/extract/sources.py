"""Rules for an article's sources: `kgo:reportedBy` each outlet, agency or organisation the article cites, by a verb
of reporting or citing (`skriver AFP`, `viser til RIA`), a preposition (`ifølge NTB`), a press release (`i en
pressemelding fra X`), a fixed phrase (`Etter det NTB forstår`, `X var først ute med saken`) or one of its
channels (`NRKs direktesending`); not a person who writes, unnamed sources, nor the outlet words were said to."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.clause import (
    CONDITIONS,
    Clause,
    Found,
    asserted,
    conjuncts_of,
    entity_key,
    passive_participle,
    pp_objects,
    subjects_of,
)
from kg.extract.gazetteer import ends_with, fold, lexicon, title_of, verb_in
from kg.extract.tokens import texts_of
from kg.types import ORGANIZATION, PERSON


def reports(clause: Clause) -> Iterator[Found]:
    """`..., skriver AFP`, `viser til RIA`, `ifølge NTB`: kgo:reportedBy, wherever the article cites its source
    (an outlet cited further down for one detail is still a source of the article's facts)."""
    lex = lexicon()
    for token, text in zip(clause.tokens, texts_of(clause.sent), strict=True):
        sources: list[Token] = []
        rule = "kg.reportedBy.v4"
        pos = token.pos_  # (read once)
        verb = pos == "VERB"
        reporting = verb and verb_in(token, lex["report_verbs"])
        if reporting and passive_participle(token):
            sources = pp_objects(token, {"av"})  # `Dette blir bekreftet av NRK`, `ble først publisert av X`
        elif reporting and not _told_of(token):
            sources = subjects_of(token) or _cleft_subject(token)  # `Det var DN som først omtalte saken`
            if all(fold(s.text) in _POINTING and not clause.named_at(s) for s in sources) and (
                    fronted := _fronted_object(clause, token)):
                sources = fronted  # `Dette skriver VG`: the parse takes the pronoun for the subject, or for an object
            if not sources:
                sources, rule = _first_verbs_subjects(token), "kg.reportedBy.joined.v1"
        elif verb and verb_in(token, lex["cite_verbs"]):
            citing = [k for s in subjects_of(token) if (k := clause.key_of(s, {PERSON}))]
            sources = [] if citing else pp_objects(token, {"til"})  # a person who `viste til loven` cites a law
        elif fold(text) in lex["report_preps"]:
            sources = [c for c in token.children if c.dep_ == "PUTFYLL"]
        elif _split_ifolge(clause, token):  # `i følge NTB`: the preposition written in two words
            sources = [clause.sent.doc[token.i + 1]]
        elif pos == "NOUN" and ends_with(token.lemma_, lex["release_nouns"]):
            sources = pp_objects(token, {"fra", "frå"})  # `i en pressemelding fra X`
        elif pos in {"VERB", "AUX"} and _sourcing(token):  # (a verb's phrases)
            sources = subjects_of(token)
            if not sources:
                sources, rule = _cleft_subject(token) or _first_verbs_subjects(token), "kg.reportedBy.joined.v1"
        for source in sources:
            person = clause.named_at(source)
            if person and person.kind == PERSON and fold(person.name) not in lex["news_agencies"]:
                continue  # `skriver Kari Nordmann, leder i X, i en SMS`: a person's words, not X's report
            if fold(source.lemma_) in {"kilde", "kjelde"}:
                continue  # `bekrefter kilder i Ap`: unnamed people, not the party reporting
            inner = [c for c in source.subtree if c.pos_ == "PROPN"] if source.pos_ != "NOUN" or ends_with(
                source.lemma_, lex["organisation_nouns"]) or _press_title(source) else []  # `NTBs reporter`,
            # `nyhetsbyrået Reuters`; not `ifølge NIFs lover`: the laws say it, nor `NRKs styreleder`: a person
            owners = [o for o in _channel_owners(source) if o not in inner]
            for part in conjuncts_of(source) + inner + owners:
                if part.head.lower_ == "til" and not verb_in(token, lex["cite_verbs"]):
                    continue  # `forteller hun til VG`: the outlet that received the words (but `viser til RIA`)
                named = clause.named_at(part)
                agency = named is not None and fold(named.name) in lex["news_agencies"]  # `melder Bloomberg`
                if named and (named.kind == ORGANIZATION or agency):
                    yield Found("article", "kgo:reportedBy", entity_key(ORGANIZATION, named.key),
                                "kg.reportedBy.channel.v1" if part in owners else rule, 0.8)


_POINTING = frozenset({"dette", "det", "dét"})


def _fronted_object(clause: Clause, verb: Token) -> list[Token]:
    """`Dette skriver VG`, `Det melder NRK`: where the verb follows a pointing pronoun that opens the sentence, the
    name right after the verb is its subject, whatever the parse made of the two (a fronted object and the
    subject after the verb, V2)."""
    first = clause.sent[0]
    if verb.i != first.i + 1 or fold(first.text) not in _POINTING or clause.named_at(first) or first.head != verb:
        return []
    after = clause.sent.doc[verb.i + 1] if verb.i + 1 < clause.sent.end else None
    return [after] if after is not None and after.head == verb and clause.named_at(after) else []


def _told_of(verb: Token) -> bool:
    """`Etter at Aftenposten publiserte opplysningene, sier kilder ...`, `Når direktoratet melder grønt, ...`, `dersom
    NRK skriver det`: a report in a clause of time or condition is something that happened (or may), told by the
    article's source, not the source itself; but an outlet that uncovered it (`etter at VG avslørte at ...`) is the
    story's source."""
    if fold(verb.lemma_) == "avsløre":
        return False
    for child in verb.children:
        if child.dep_ == "SBU" and fold(child.text) in _TIME_OR_CONDITION:
            return True
        if child.dep_ == "SBU" and fold(child.text) == "at" and fold(verb.head.text) in _TIME_OR_CONDITION:
            return True  # `etter at`, `før at`: the verb hangs on the preposition
    return False


_TIME_OR_CONDITION = CONDITIONS | {"når", "nar", "før", "etter", "inntil", "innan"}


def _press_title(token: Token) -> bool:
    """A title of the press (`reporter`, `korrespondent`; lexicon `press_titles`): one who reports for an outlet."""
    title = title_of(token.text) or title_of(token.lemma_)
    return title is not None and ends_with(title, lexicon()["press_titles"])


def _split_ifolge(clause: Clause, token: Token) -> bool:
    """`i følge NTB`, `i følgje NRK`: `ifølge` written in two words (the parse makes anything of it), right before
    a name."""
    if token.lower_[:1] != "f":
        return False  # (asked for every word: `følge`, `følgje`, `fylgje` only)
    doc = clause.sent.doc
    return f"i{fold(token.text)}" in lexicon()["report_preps"] and clause.sent.start < token.i < clause.sent.end - 1 \
        and fold(doc[token.i - 1].text) == "i" and clause.named_at(doc[token.i + 1]) is not None


def _cleft_subject(verb: Token) -> list[Token]:
    """`Det var DN som først omtalte saken`: the noun a cleft's `som` clause hangs on is its subject."""
    return [verb.head] if verb.dep_ == "ATR" and any(fold(c.text) == "som" for c in verb.children) else []


def _first_verbs_subjects(verb: Token) -> list[Token]:
    """`DN fulgte opp saken og erfarer at ...`: the second of two joined verbs shares the first one's subject."""
    return subjects_of(verb.head) if verb.dep_ == "KOORD" and verb.head.pos_ in {"VERB", "AUX"} else []


def _channel_owners(source: Token) -> list[Token]:
    """`NRKs direktesending`, `kommunikasjonsavdelinga i Venstre`: the owner of one of its channels or press
    offices (lexicon `channel_nouns`) is the source."""
    if source.pos_ != "NOUN" or not ends_with(source.lemma_, lexicon()["channel_nouns"]):
        return []
    return [c for c in source.children if c.dep_ == "DET" and c.i < source.i] + pp_objects(source, {"i", "hos"})


def _sourcing(verb: Token) -> bool:
    """`Etter det NTB forstår`, `X var først ute med saken`: the fixed phrases that name a story's source."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = fold(verb.lemma_)
    if lemma in {"forstå", "kjenne", "erfare", "vite"} and fold(verb.head.text) == "det" \
            and fold(verb.head.head.text) == "etter":
        return True
    words = {fold(c.text) for c in verb.children}
    return lemma in {"være", "vere"} and {"først", "ute"} <= words and asserted(verb)
