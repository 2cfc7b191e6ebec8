"""Rules for demands: `kgo:demanded` (with the demand's wording, `kgo:demandedOf` and `kgo:about`) from demand
verbs and nouns (also a demand noun in an adverbial, `gikk inn i meglingen med et krav om ...`, or the object of
a verb of making it, `la fram et krav om ...`), `vil ha`,
`ber om`, a pseudo-cleft (`Alt vi krever, er ...`) and what a speaker says must happen."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.clause import (
    CONDITIONS,
    COPULAS,
    Clause,
    Found,
    agents_of,
    asserted,
    entity_key,
    is_definite,
    is_negated,
    passive_participle,
    pp_objects,
    subjects_of,
)
from kg.extract.gazetteer import ends_with, fold, lexicon, verb_in
from kg.extract.tokens import morph
from kg.types import PLACE


def demands(clause: Clause) -> Iterator[Found]:
    """`X krever at Y ...`, `Xs krav om at Y ...`: one kgo:Demand per coordinated demand, with its wording,
    kgo:demanded by X, kgo:demandedOf Y and kgo:about the names inside it. A speaker who makes an action
    conditional on the demand being met (`X sa ... dersom Y går med på Zs krav`) demands it too."""
    lex = lexicon()
    for token in clause.tokens:
        rule = "kg.demanded.v3"
        pos = token.pos_
        if pos == "VERB" and ((verb_in(token, lex["demand_verbs"]) or _asks_of(token)) and asserted(token)
                                     or _wants(token)):
            asked = [c for c in token.children if c.dep_ == "DOBJ"] or _asked_ones(token)
            subjects = [_writer(token, s) or s for s in subjects_of(token) if s not in asked]
            if not subjects and asked and token.dep_ == "KOORD":  # `NAME mener ..., og ber Støre gripe inn`
                subjects = subjects_of(token.head)
            agents = [] if _passive(token) else [k for s in subjects for k in agents_of(clause, s, {PLACE})]
            if fold(token.lemma_) in {"be", "oppfordre", "oppmode"}:  # `ba tinget om å følge`: the object is asked
                contents = pp_objects(token, {"om", "til"}) or _asked_about(asked) or _asked_to(token) or asked
                asked = [] if contents == asked else asked
            else:
                contents, asked = asked or pp_objects(token, {"om"}), []
            if not contents and token.dep_ == "ATR" and token.head.dep_ == "SUBJ" \
                    and fold(token.head.head.lemma_) in COPULAS:  # `Alt vi krever, er X og Y`
                contents = [c for c in token.head.head.children if c.dep_ == "SPRED"]
        elif pos == "NOUN" and ends_with(token.lemma_, lex["demand_nouns"]):
            # `Moskvas krav`: a place that demands stands for those who govern it (so for the verbs too)
            agents = [k for c in token.children if c.dep_ == "DET" for k in agents_of(clause, c, {PLACE})]
            agents += _conditional_speakers(clause, token)
            contents, asked = pp_objects(token, {"om", "fra"}), []
            if not agents and (by := _adverbial_demanders(token)):  # `gikk inn med et krav om ...`: their own
                agents = [k for s in by for k in agents_of(clause, s, {PLACE})]
                contents, rule = contents or _condition_clauses(token), "kg.demanded.adverbial.v1"
            elif not agents and (by := _presenters(token)):  # `la fram et krav om ...`: theirs
                agents = [k for s in by for k in agents_of(clause, s, {PLACE})]
                rule = "kg.demanded.presented.v1"
        else:
            continue
        if not contents and pos == "VERB" and agents and (quoted := _quoted(token)):  # `– ..., krever NAME.`
            wording = _wording(quoted, token.head)
            demand = entity_key("demand", fold(wording))
            clause.entities[demand] = ("demand", wording)
            for agent in dict.fromkeys(agents):
                yield Found(agent, "kgo:demanded", demand, "kg.demanded.quoted.v1", 0.7)
            continue
        for content in contents[:1]:
            if _unworded(content):
                continue
            target = [k for s in subjects_of(content) for k in agents_of(clause, s)]
            target += [k for a in asked for k in agents_of(clause, a)]
            for part in _coordinated_clauses(content):
                part += _trailing_phrases(token, content) if part[0] == content.left_edge else []
                wording = _wording(part, _head_of(part))
                demand = entity_key("demand", fold(wording))
                clause.entities[demand] = ("demand", wording)
                for agent in dict.fromkeys(agents):
                    yield Found(agent, "kgo:demanded", demand, rule, 0.7)
                for asked in target:
                    yield Found(demand, "kgo:demandedOf", asked, rule, 0.7)
                about = {entity_key(n.kind, n.key) for n in clause.names
                         if any(n.start <= t.i < n.end for t in part) and entity_key(n.kind, n.key) not in target}
                for key in sorted(about):
                    yield Found(demand, "kgo:about", key, rule, 0.7)


def _quoted(verb: Token) -> list[Token]:
    """`– Sentralbanksjefen må gå. Gjør han ikke det, må Stortinget gripe inn, krever NAME.`: the words of the
    quote a demand verb tells of after it (the verb a parenthetical inquit after them: its subject right after it),
    from the dash that opens the quote (at a sentence's start, in an earlier sentence of the paragraph too) up to
    the inquit; none where no dash opens a sentence before it, or another inquit closes a quote in between."""
    doc = verb.doc
    if verb.dep_ != "PAR" or verb.i < verb.head.i or not any(c.dep_ == "SUBJ" and c.i > verb.i
                                                           for c in verb.children):
        return []
    openers = [t.i for t in doc[:verb.i] if t.text in _QUOTE_OPENERS and (t.i == 0 or t.is_sent_start)]
    if not openers:
        return []
    start = openers[-1]  # the quote this inquit closes: the last one opened before it
    if any(t.dep_ == "PAR" and t.pos_ == "VERB" for t in doc[start:verb.i]):
        return []  # another inquit between: the words are someone else's
    return [t for t in doc[start + 1:verb.left_edge.i] if not t.is_space]


_QUOTE_OPENERS = frozenset({"–", "-", "—"})


def _writer(verb: Token, subject: Token) -> Token | None:
    """`Kari Lie skriver i et brev til Per Dahl at hun ber om et møte`: `han` or `hun` asking in the `at` clause
    of a verb of saying is the named one who says it (a first name of the pronoun's gender), not whoever else the
    sentence names last."""
    gender = _GENDER.get(fold(subject.text))
    if subject.pos_ != "PRON" or gender is None or verb.dep_ != "DOBJ" \
            or not any(c.dep_ == "SBU" and fold(c.text) == "at" for c in verb.children):
        return None
    if not verb_in(verb.head, lexicon()["speech_verbs"]):
        return None
    return next((s for s in subjects_of(verb.head) if s.pos_ == "PROPN" and gender in morph(s, "Gender")), None)


_GENDER = {"han": "Masc", "hun": "Fem", "ho": "Fem"}


def _trailing_phrases(verb: Token, content: Token) -> list[Token]:
    """`vil ha en ramme på over 3 prosent`: the phrases the parser hung on the verb right after the thing demanded
    say what of it is demanded (the amount, the place), so they are part of its wording."""
    if content.dep_ != "DOBJ" or content.head != verb or content.pos_ not in {"NOUN", "PROPN"}:
        return []
    found, end = [], content.right_edge.i
    for phrase in (c for c in verb.children if c.i > end and c.dep_ == "ADV" and c.pos_ == "ADP"):
        if phrase.left_edge.i != end + 1:
            break
        found += list(phrase.subtree)
        end = phrase.right_edge.i
    return found


def _unworded(content: Token) -> bool:
    """`hva slags by vi vil ha`, `ba om nettopp dette utfallet`, `krever det`: a question word or a demonstrative
    says that something is demanded, not what; the demand is worded elsewhere, if anywhere."""
    words = [content] + [c for c in content.children if c.dep_ == "DET"]
    return any(fold(w.text) in _POINTING for w in words) \
        or content.pos_ == "PRON" and fold(content.text) in {"det", "den"}


_POINTING = frozenset({"hva", "kva", "hvilken", "hvilket", "hvilke", "kva for", "dette", "denne", "disse", "desse"})


def _asks_of(verb: Token) -> bool:
    """`ba tinget om å følge forslaget`: `be` whose `om` the parse hung on the one asked (its object); `ber Støre
    gripe inn`: `be`, the one asked and a bare infinitive."""
    asked = [c for c in verb.children if c.dep_ == "DOBJ"]
    return fold(verb.lemma_) == "be" and (bool(_asked_about(asked)) or bool(_asked_ones(verb)))


def _asked_ones(verb: Token) -> list[Token]:
    """Whom `be` asks to do what its bare infinitive says: its object, indirect object, or a subject after it that
    the parse took for one (`og ber Støre gripe inn`); none without such an infinitive."""
    if fold(verb.lemma_) != "be" or not _asked_to(verb):
        return []
    return [c for c in verb.children if c.dep_ in {"DOBJ", "IOBJ"} or c.dep_ == "SUBJ" and c.i > verb.i
            and c.pos_ in {"PROPN", "NOUN"}]


def _asked_to(verb: Token) -> list[Token]:
    """The bare infinitive of `ber Støre gripe inn`: what the one asked is to do."""
    return [c for c in verb.children if c.dep_ in {"INFV", "DOBJ"} and c.pos_ == "VERB"
            and "Inf" in morph(c, "VerbForm") and c.i > verb.i]


def _asked_about(asked: list[Token]) -> list[Token]:
    """What the ones asked (`tinget` in `ba tinget om å følge forslaget`) are asked for: the complement of the
    `om` hung on them."""
    return [c for a in asked for p in a.children if fold(p.text) == "om" for c in p.children
            if c.dep_ == "PUTFYLL"]


def _presenters(noun: Token) -> list[Token]:
    """`X la fram et krav om ...`, `X fremmet krav om ...`, `X har stilt krav om ...`: the subjects of a verb of
    making a demand (lexicon `demand_making_verbs`) whose object the demand noun is; not in a passive clause nor
    one not asserted (negated, planned), nor where the verb is another's answer to it (`avviste kravet`: not listed)."""
    verb = noun.head
    if noun.dep_ != "DOBJ" or verb.pos_ != "VERB" or not verb_in(verb, lexicon()["demand_making_verbs"]) \
            or _passive(verb) or not asserted(verb):
        return []
    return subjects_of(verb)


def _adverbial_demanders(noun: Token) -> list[Token]:
    """`X gikk inn i forhandlingene med et krav om ...`, `X er villig til å legge ned våpnene på betingelse av at
    ...`: an indefinite demand noun in an adverbial `med` (or a condition in `på`) is the demand of the subject
    of the verb it qualifies (through `til å` to the verb whose subject acts: `sagt seg villig til å`); not of
    one asked to act (`ba Y om å ... med krav om`), not in a passive (`ble møtt med krav om`: others demanded) or
    negated clause, and not a demand answered (`svarte på krav om`)."""
    prep = noun.head
    if noun.dep_ != "PUTFYLL" or prep.dep_ != "ADV" or is_definite(noun):
        return []
    if fold(prep.text) != "med" and not (fold(prep.text) == "på" and ends_with(noun.lemma_, _CONDITIONS)):
        return []  # `svarte på krav om ...`, `gikk med på krav om ...`: another's demand
    verb = prep.head
    while verb.pos_ in {"VERB", "AUX"} and not _passive(verb) and not is_negated(verb):
        if subjects := subjects_of(verb):
            return subjects
        marker = verb.head if verb.dep_ == "INFV" and fold(verb.head.text) == "å" else None
        if marker is None or marker.head.head == marker.head:
            return []
        verb = marker.head.head  # `villig til å legge`: up from the infinitive to the verb of `til`
        if any(c.dep_ == "DOBJ" and "Yes" not in morph(c, "Reflex") for c in verb.children):
            return []  # `ba Y om å ...`: Y is to act, not the subject
    return []


_CONDITIONS = frozenset({"betingelse", "vilkår", "forutsetning", "føresetnad"})  # `på betingelse av at`


def _condition_clauses(noun: Token) -> list[Token]:
    """`på betingelse av at Ukraina ...`: the clause a condition noun is `av`."""
    return [c for p in noun.children if fold(p.text) == "av" for c in p.children
            if c.dep_ == "PUTFYLL" and c.pos_ in {"VERB", "AUX"}]


def _passive(verb: Token) -> bool:
    """`blir bedt om å møte`, `er bedt om`, `krevjast`: the subject of a passive demand is the one asked."""
    return passive_participle(verb) or (fold(verb.text).endswith(("s", "st")) and not fold(verb.lemma_).endswith("s")
                                        and "Part" not in morph(verb, "VerbForm"))  # `har etterlyst`: active


def obligations(clause: Clause) -> Iterator[Found]:
    """`– Nå må tillatelsene trekkes tilbake, skriver X`, `X sa at Ukraina må få garantier` (also `strekar under
    at`, `har gjort det klart at`): what a speaker says must happen is the speaker's demand; not what should
    happen (`bør`: advice), not an obligation the speaker takes on (`vi må ta ansvar`, `det må partiet ta stilling
    til`), and not a negated one."""
    lex = lexicon()
    for modal in clause.verbs:
        if modal.pos_ != "AUX" or fold(modal.text) not in {"må", "lyt"} \
                or any(fold(c.text) in lex["negations"] for c in modal.children):
            continue  # `bør`: what should happen is advice, not a demand
        subject = next((c for c in modal.children if c.dep_ == "SUBJ"), None)
        if subject is None or fold(subject.text) in _FIRST_PERSON | _OWN_SIDE or _points_back(modal, subject):
            continue
        if (said := _said_in(modal)) is not None:
            speech, drop = said, set()  # `X sa at Y må ...`, `X strekar under at Y må ...`
        else:  # `– ..., og nå må Y ..., skriver X`: the speech verb on the quote's first clause
            heads = [modal] + ([modal.head] if modal.dep_ == "KOORD" else [])
            speech = next((c for h in heads for c in h.children if c.dep_ == "PAR"
                           and verb_in(c, lex["speech_verbs"])), None)
            drop = {t.i for t in speech.subtree} if speech is not None else set()
        speakers = [k for s in subjects_of(speech) for k in agents_of(clause, s)] if speech is not None else []
        if not speakers:
            continue
        words = [t for t in modal.subtree if t.i not in drop and t.dep_ != "SBU"]
        wording = _wording(words, words[0]) if words else modal.text
        demand = entity_key("demand", fold(wording))
        clause.entities[demand] = ("demand", wording)
        for agent in dict.fromkeys(speakers):
            yield Found(agent, "kgo:demanded", demand, "kg.demanded.obligation.v3", 0.6)


def _points_back(modal: Token, subject: Token) -> bool:
    """`Det må fylket ta på alvor`, `slik må det fortsette`: a pronoun or `slik` put before the modal says what
    must happen by pointing at what was said before; the obligation is not worded here."""
    verbs = [modal] + [c for c in modal.children if c.dep_ == "INFV"]
    return any(c.i < modal.i and c != subject and fold(c.text) in _POINTING_BACK for v in verbs for c in v.children)


_POINTING_BACK = frozenset({"det", "dette", "den", "denne", "disse", "desse", "slik", "sånn", "slikt"})


def _said_in(modal: Token) -> Token | None:
    """The verb of saying whose `at` clause a modal heads: `X sa at Y må`, also through a particle (`strekar under
    at`, `kom fram til at`), a phrase of stating (`la vekt på at`, `har gjort det klart at`; `_STATING`), and an
    `at` clause joined to another (`understreker at A, og at Y må`)."""
    clause = modal
    if clause.dep_ == "KOORD" and any(fold(c.text) == "at" for c in clause.children):
        clause = clause.head  # `og at Y må ...`: said as the first `at` clause was
    if clause.dep_ not in {"DOBJ", "POBJ", "PUTFYLL"}:
        return None
    verb = clause.head
    for _ in range(2):  # `strekar under at`, `kom fram til at`: the `at` clause hangs on the particle
        if verb.pos_ in {"VERB", "AUX"} or verb.head == verb:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or verb == clause:
        return None
    if verb_in(verb, lexicon()["speech_verbs"] | _SAYING):
        return verb
    cues = _STATING.get(fold(verb.lemma_), set())
    return verb if any(fold(c.text) in cues for c in verb.children) else None


_SAYING = frozenset({"streke under", "understreke", "understreka"})
# Phrases of stating a position, by verb and the word that makes the phrase (`la vekt på at`, `kom fram til at`,
# `har gjort det klart at`).
_STATING = {"legge": {"vekt"}, "leggje": {"vekt"}, "komme": {"fram"}, "kome": {"fram"},
            "gjøre": {"klart", "tydelig"}, "gjere": {"klart", "tydeleg"}}
_FIRST_PERSON = {"jeg", "eg", "vi", "me"}
# The speaker's own side named by a definite noun (`Det må partiet ta stilling til, sier nestleder X`): an
# obligation the speaker takes on, like `vi må`.
_OWN_SIDE = {"partiet", "forbundet", "laget", "foreningen", "foreininga", "organisasjonen", "styret"}


def _wants(verb: Token) -> bool:
    """`vi vil ha høyere lønn`: `ha` under the modal `vil` states a demand (unless negated, or a condition:
    `er verdilaus dersom Solvik vil ha nøytralt språk` is the speaker's argument, not Solvik's demand)."""
    aux = verb.head if verb.dep_ == "INFV" else None
    return fold(verb.lemma_) == "ha" and aux is not None and fold(aux.lemma_) in {"ville", "vilje"} \
        and not any(fold(c.text) in lexicon()["negations"] for t in (verb, aux) for c in t.children) \
        and not any(c.dep_ == "SBU" and fold(c.text) in CONDITIONS for t in (verb, aux) for c in t.children)


def _coordinated_clauses(verb: Token) -> list[list[Token]]:
    """A clause and its coordinated clauses (`stanser ..., endrer ... og å anerkjenne ...`), each as its tokens."""
    heads = [verb]
    for head in heads:
        heads += [c for c in head.children if c.dep_ == "KOORD" and c.pos_ in {"VERB", "AUX", "PART"}]
        if head is heads[-1]:
            heads += _raised_conjuncts(verb, heads)
    parts = []
    for head in heads:
        nested = {t.i for other in heads if other != head and head.is_ancestor(other) for t in other.subtree}
        parts.append([t for t in head.subtree if t.i not in nested])
    return parts


def _raised_conjuncts(verb: Token, heads: list[Token]) -> list[Token]:
    """Conjuncts of `verb` that the parser hung too high: a verb in the same tense joined as KOORD to one of its
    ancestors, starting right after the clauses found so far (only commas or `og` between). A long list of
    demands (`krav om at X stanser A, endrer B, anerkjenner C`) is often parsed with its later verbs under the
    main verb of the sentence."""
    end = max(t.i for head in heads for t in head.subtree)
    tense = morph(verb, "Tense")
    found = []
    for token in verb.sent:
        if token.i <= end or token.dep_ != "KOORD" or token.pos_ != "VERB" or not tense:
            continue
        if morph(token, "Tense") != tense or not token.head.is_ancestor(verb):
            continue
        gap = verb.doc[end + 1: token.left_edge.i]
        if token.left_edge.i <= end or not all(t.is_punct or t.pos_ == "CCONJ" for t in gap):
            break
        found.append(token)
        end = token.right_edge.i
    return found


def _head_of(tokens: list[Token]) -> Token:
    """The token of a clause part whose head lies outside it."""
    inside = {t.i for t in tokens}
    return next(t for t in tokens if t.head.i not in inside or t.head == t)


def _wording(tokens: list[Token], clause_head: Token) -> str:
    """The words of a demand with the clause's subject (`kulturministeren svarer om saken`), without its `at`."""
    drop = {t.i for c in clause_head.children if c.dep_ == "SBU" for t in c.subtree}
    words = [t for t in tokens if t.i not in drop]
    while words and (words[0].is_punct or words[0].pos_ in {"CCONJ", "SCONJ"} or fold(words[0].text) == "å"):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].pos_ == "CCONJ"):
        words = words[:-1]
    return "".join(t.text + (t.whitespace_ if i + 1 < len(words) and words[i + 1].i == t.i + 1 else " ")
                   for i, t in enumerate(words)).strip() or clause_head.text


def _conditional_speakers(clause: Clause, token: Token) -> list[str]:
    node = token
    while node.head != node:
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and any(c.dep_ == "SBU" and fold(c.text) in CONDITIONS
                                                for c in node.children):
            speaker_verb = node.head
            while speaker_verb.head != speaker_verb and fold(speaker_verb.lemma_) not in _SPEECH:
                speaker_verb = speaker_verb.head
            if fold(speaker_verb.lemma_) in _SPEECH:
                return [k for s in subjects_of(speaker_verb) for k in agents_of(clause, s)]
            return []
    return []


_SPEECH = {"si", "uttale", "erklære", "kunngjøre", "meddele", "opplyse"}
