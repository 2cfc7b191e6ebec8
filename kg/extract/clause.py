"""What every relation rule reads: a parsed sentence with its names (`Clause`), the entity keys of names, events
and delegations, whether a clause is asserted, and the syntax helpers the rules share.

NDT labels used here: SUBJ subject, DOBJ object, APP apposition, ATR attribute, DET determiner/genitive,
PUTFYLL complement of a preposition, INFV non-finite verb under an auxiliary, FLAT multi-word name, KOORD
conjunct, ADV adverbial.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property

from spacy.tokens import Span, Token

from kg.extract.gazetteer import (
    calendar_words,
    countries,
    ends_with,
    fold,
    lexicon,
    party_of,
    title_of,
    verb_in,
    weekdays,
)
from kg.extract.names import Named
from kg.extract.nouns import (
    adjective_country,
    country_modifiers,
    event_lemma,
    is_delegation,
    is_event,
    is_other_time,
    name_word_before,
    ordinal_round,
)
from kg.extract.tokens import morph, nouns_of, tokens_of, verbs_of
from kg.types import DELEGATION, EVENT, GPE, ORGANIZATION, PERSON


@dataclass(frozen=True)
class Found:
    """A relation found in one sentence: subject and object are entity keys (or a literal)."""

    subject: str
    predicate: str
    object: str
    rule: str
    confidence: float
    literal: bool = False


@dataclass
class Clause:
    """One sentence with its named mentions; `key_of` maps a token to the entity key it belongs to."""

    sent: Span
    names: list[Named]
    entities: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (kind, name) of unnamed entities
    context_event: str | None = None  # the occasion the article named last before this sentence (kg.extract)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The sentence's tokens, made once for every rule that walks them (`tokens_of`)."""
        return tokens_of(self.sent)

    @cached_property
    def nouns(self) -> tuple[Token, ...]:
        """The sentence's nouns and proper nouns (`nouns_of`): all that the rules of events and delegations read."""
        return nouns_of(self.sent)

    @cached_property
    def verbs(self) -> tuple[Token, ...]:
        """The sentence's verbs and auxiliaries (`verbs_of`): all that the rules of verbs read."""
        return verbs_of(self.sent)

    @cached_property
    def event_keys(self) -> dict[int, str | None]:
        """`event_key` of the tokens asked for so far (token index -> key or None)."""
        return {}

    @cached_property
    def _name_at(self) -> dict[int, Named]:
        return {i: n for n in reversed(self.names) for i in range(n.start, n.end)}

    def named_at(self, token: Token) -> Named | None:
        return self._name_at.get(token.i)

    @cached_property
    def _plural_at(self) -> dict[int, list[Named]]:
        spans: dict[tuple[int, int], list[Named]] = {}
        for named in (n for n in self.names if n.coref):  # one span for several people: `de to`
            spans.setdefault((named.start, named.end), []).append(named)
        return {i: group for (start, end), group in spans.items() if len(group) > 1 for i in range(start, end)}

    def keys_of(self, token: Token, kinds: set[str] | None = None) -> list[str]:
        """The entity keys of a token: those of the people a plural reference stands for (`de to`, `begge`,
        kg.extract.coref), else the one of `key_of`, if any."""
        if group := self._plural_at.get(token.i):
            return [entity_key(n.kind, n.key) for n in group if kinds is None or n.kind in kinds]
        return [key] if (key := self.key_of(token, kinds)) else []

    def article_event(self, noun: str) -> str:
        """The key of the article's one event of a kind the text tells by a verb, not by its noun (`A møtte B`:
        their `møte`; `besøkte sykehusene`: the `besøk`), registered as an unnamed entity of the clause."""
        key = entity_key(EVENT, f"{noun}#1")
        self.entities.setdefault(key, (EVENT, noun))
        return key

    def key_of(self, token: Token, kinds: set[str] | None = None) -> str | None:
        """The entity key of a token: a name, a delegation or an event noun; None if it is none of these. A
        title the parser made the head of its holder's name (`Utenriksminister Marco Rubio leder ...`) stands
        for the name, and so does an organisation noun for the organisation named right after it
        (`konsulentselskapet McKinsey`, `organisasjonen Memorial`). A plural reference (`de to`) has no one key
        (`keys_of` gives its people)."""
        if token.i in self._plural_at:
            return None
        if named := self.named_at(token):
            return entity_key(named.kind, named.key) if kinds is None or named.kind in kinds else None
        if token.pos_ in {"NOUN", "PROPN"} and title_of(token.lemma_):  # (a sentence's first word: often PROPN)
            held = next((n for c in token.children if c.dep_ in {"FLAT", "APP"} and c.i > token.i
                         and (n := self.named_at(c)) and n.kind == PERSON), None)
            if held is not None and (kinds is None or PERSON in kinds):
                return entity_key(PERSON, held.key)
        if token.pos_ == "NOUN" and token.is_lower and ends_with(token.lemma_, lexicon()["organisation_nouns"]):
            named = next((n for c in token.children if c.i > token.i and (n := self.named_at(c))
                          and n.kind == ORGANIZATION and n.start == token.i + 1), None)
            if named is not None and (kinds is None or ORGANIZATION in kinds):
                return entity_key(ORGANIZATION, named.key)  # `konsulentselskapet McKinsey`: the company named
        for kind, make in ((DELEGATION, delegation_key), (EVENT, event_key)):
            if kinds is None or kind in kinds:
                if key := make(self, token):
                    return key
        if kinds is None or PERSON in kinds:
            return title_reference(self, token)
        return None


def title_reference(clause: Clause, token: Token) -> str | None:
    """`forsvarsministeren`, `presidenten`: a definite title with no name beside it stands for the person who
    holds it; resolution binds `title|<title>` to the one person in the article with that job title."""
    if token.pos_ != "NOUN" or "Definite=Def" not in str(token.morph) or not (title := title_of(token.lemma_)):
        return None
    doc = token.doc
    beside = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)] + list(token.children)
    if any(clause.named_at(t) for t in beside):
        return None
    return f"title|{title}"


def is_definite(token: Token) -> bool:
    """A definite noun: by the tagger's morphology, or, where it gave none, by a definite ending on a form that is
    not the lemma (`Meklingen`, `møtet`, `forhandlingane`)."""
    definite = morph(token, "Definite")
    if definite:
        return "Def" in definite
    text = fold(token.text)
    return text != fold(token.lemma_) and text.endswith(("en", "et", "a", "ene", "ane", "na"))


def conjuncts_deep(token: Token) -> list[Token]:
    """A token and every conjunct coordinated with it, also where the parser chained them (`A, B og C og D`)."""
    found = [token]
    for child in token.children:
        if child.dep_ == "KOORD" and child.pos_ in {"PROPN", "NOUN"}:
            found += conjuncts_deep(child)
    return found


def entity_key(kind: str, key: str) -> str:
    return f"{kind}|{key}"


def delegation_keys(clause: Clause, token: Token, lead: bool = False) -> list[str]:
    """A delegation noun -> one delegation per country it is of (one per country and article); with `lead`, the
    same for the title of a delegation's leader (`Sveriges delegasjonsleder`)."""
    if not (lead or is_delegation(token)):
        return []
    modifiers = country_modifiers(token, clause.names) or prefix_modifier(clause, token)
    if not modifiers and "Plur" in morph(token, "Number") and not lead:
        return []  # `delegasjonene` alone: several delegations named elsewhere, not one more
    keys = []
    for key, name in modifiers or [("unknown", "")]:
        keys.append(entity_key(DELEGATION, key))
        clause.entities[keys[-1]] = (DELEGATION, f"delegasjon fra {name}" if name else "delegasjon")
    return keys


def delegation_key(clause: Clause, token: Token) -> str | None:
    """The first of `delegation_keys`, or None."""
    keys = delegation_keys(clause, token)
    return keys[0] if keys else None


_FAMILIES = {"samtale": "samtaler", "forhandling": "samtaler", "runde": "samtaler", "konsultasjon": "samtaler",
             "drøfting": "samtaler", "tinging": "samtaler", "møte": "møte", "konferanse": "konferanse",
             "mekling": "mekling", "megling": "mekling"}


def event_key(clause: Clause, token: Token) -> str | None:
    """An event noun of the reported occasion: talks, a meeting, a numbered round (not `previous rounds`). Worked
    out once per token of the clause's paragraph: half a dozen rules ask for every token."""
    if token.doc is not clause.sent.doc:
        return _event_key(clause, token)
    known = clause.event_keys
    if token.i not in known:
        known[token.i] = _event_key(clause, token)
    return known[token.i]


def _event_key(clause: Clause, token: Token) -> str | None:
    if token.pos_ != "NOUN":
        return None  # (`is_event` is a noun's: told here, before the calls, for most words)
    if not is_event(token) or is_other_time(token) or _legislature(token):
        return None
    word = fold(event_lemma(token) or token.lemma_)
    family = next((f for suffix, f in _FAMILIES.items() if word.endswith(suffix)), word)
    number = ordinal_round(token)
    key = entity_key(EVENT, f"{family}#{number or 1}")
    clause.entities.setdefault(key, (EVENT, family if not number else f"{family}, runde {number}"))
    return key


def _legislature(token: Token) -> bool:
    """`møttes i kongressen`: the plain definite `kongressen` after `i` is the legislature or its building, where
    one is, not a congress held (`på kongressen`, `LO-kongressen`)."""
    return fold(token.lemma_) == "kongress" and is_definite(token) and token.dep_ == "PUTFYLL" and fold(
        token.head.text) == "i"


def event_name(clause: Clause, token: Token) -> str:
    """The name an event noun gives its event: the family's (`samtaler`, `samtaler, runde to`) for the family's
    own word (`samtalen`), the noun's own lemma for another word of the family (`forhandlingene` -> `forhandling`:
    the article's word, which its readers search for) and for a compound that says which occasion it is
    (`sluttforhandlingene` -> `sluttforhandling`, `landsmøtet` -> `landsmøte`)."""
    _, label = clause.entities[event_key(clause, token)]
    lemma = event_lemma(token) or token.lemma_
    word = fold(lemma)
    if ordinal_round(token) or word == label or word in _FAMILIES and label.startswith(word[:5]):
        return label  # `samtalen`: the family's own word; `forhandlingene` keeps its own (the article's word)
    prefix, dash, rest = lemma.rpartition("-")
    return prefix + dash + rest.lower()  # `G20-møte`, `Nobel-pressekonferanse`: a name before a hyphen as written


def asserted(verb: Token) -> bool:
    """False when a verb's clause is negated, modal, a plan or an expectation, or a condition
    (`deltok ikke`, `skulle møtes`, `ventes å delta`, `dersom Norge går med på`), or the object of hoping,
    expecting or planning (`håper at X blir ...`). Worked out once per token (the rules ask often)."""
    user_data = verb.doc.user_data
    known = user_data.get("kg.asserted")
    if known is None:
        known = user_data["kg.asserted"] = {}
    found = known.get(i := verb.i)
    if found is None:
        found = known[i] = _asserted(verb)
    return found


def _asserted(verb: Token) -> bool:
    lex = lexicon()
    chain, token = [verb], verb
    while (head := token.head) != token and (token.dep_ == "INFV" or "å" in {token.lower_, head.lower_}):
        chain.append(token := head)  # up through auxiliaries and the infinitive marker: `ventes å delta`
    top = chain[-1]
    if top.dep_ == "DOBJ" and top.head != top and fold(top.head.lemma_) in lex["modals"] and any(
            c.dep_ == "SBU" for c in top.children):
        return False  # `håpar eg at Trine blir kunnskapsminister`: a clause hoped for, expected or planned
    for token in chain:
        if token != verb and _modal(token):
            return False
        for child in token.children:
            word = fold(child.text)
            if word in lex["negations"]:
                return False
            if child.dep_ == "SBU" and (word in CONDITIONS or word in {"når", "nar"} and "Pres" in morph(
                    token, "Tense")):  # `Når Støre møter Macron i Brest`: the present after `når` is a time to come
                return False
    return not _scheduled(top)


# The forms of the modal auxiliaries, for where the lemmatizer gave another lemma (`vil` -> `vilje`).
_MODAL_FORMS = frozenset({"vil", "ville", "skal", "skulle", "kan", "kunne", "bør", "burde"})


def expecting(verb: Token) -> bool:
    """`vil eg i møtet ta opp`, `Under toppmøtet i juli regner han med at ...`: a modal with its infinitive, or
    `regne med`, whose own adverbials (`i møtet`) belong to what is planned or expected."""
    return _modal(verb) and any(c.dep_ == "INFV" for c in verb.children) or fold(verb.lemma_) in {
        "regne", "rekne"} and any(fold(c.text) == "med" for c in verb.children)


def _modal(token: Token) -> bool:
    """A modal auxiliary (lexicon `modals`) by its lemma, or by its form where the lemmatizer gave another."""
    return fold(token.lemma_) in lexicon()["modals"] or fold(token.text) in _MODAL_FORMS


def _scheduled(verb: Token) -> bool:
    """`Klokka 15 deltar Lie på et pressetreff`, `møter Riksmekleren klokken 15.00 torsdag`, `møtes mandag
    formiddag klokken 10`: a verb in the present with a time of day in its clause is a programme, not what
    happened, and so is one of meeting with a date (`møter NAME til samtaler torsdag 11. desember`, `deltar på
    åpningen fra 17. - 23. september`: a press notice), and any with a time to come (`kommer tilbake til det på
    pressekonferansen senere i dag`, `i morgen`); not with `nå` (`holder nå klokken 14 en pressekonferanse`: it is
    going on)."""
    if "Pres" not in morph(verb, "Tense"):
        return False
    own = _own_words(verb)
    words = [fold(t.text) for t in own]
    dated = any(  # `11. desember` (not `begynner som sjef 1. juni`: a post to come)
        w in _months() and t.i > 0 and t.doc[t.i - 1].like_num for t, w in zip(own, words, strict=True)) \
        and _of_meeting(verb)  # (the verb's five lists asked only where a date is)
    later = any(w in {"senere", "seinare", "seinere"} or w in {"morgen", "morgon"} and fold(t.head.text) == "i"
                for t, w in zip(own, words, strict=True))  # `senere i dag`, `i morgen`: a time to come
    return (dated or later or any(w in {"klokka", "klokken", "kl", "kl."} for w in words)) and not any(
        w in {"nå", "no"} for w in words)


@cache
def _months() -> frozenset[str]:
    """The folded months (`calendar_words` less the weekdays)."""
    return calendar_words().difference(weekdays())


def _own_words(verb: Token) -> list[Token]:
    """The words of a verb's own clause, below it: those whose `clause_verb` it is (not those of a clause within,
    which another verb heads), found by walking down from the verb and stopping at verbs."""
    own, stack = [], list(verb.children)
    while stack:
        token = stack.pop()
        if token.pos_ not in {"VERB", "AUX"}:
            own.append(token)
            stack.extend(token.children)
    return sorted(own, key=lambda t: t.i)


def _of_meeting(verb: Token) -> bool:
    """A verb of taking part in, meeting at or holding an occasion (lexicon `attend_verbs`, `meet_verbs`,
    `reciprocal_meet_verbs`, `talk_verbs`, `conduct_verbs`), or `ha` of `har møte med`."""
    lex = lexicon()
    return fold(verb.lemma_) == "ha" or any(verb_in(verb, lex[words]) for words in (
        "attend_verbs", "meet_verbs", "reciprocal_meet_verbs", "talk_verbs", "conduct_verbs"))


CONDITIONS = frozenset({"dersom", "hvis", "om", "viss", "såfremt"})


def clause_verb(token: Token) -> Token:
    """The verb whose clause a token belongs to."""
    while token.pos_ not in {"VERB", "AUX"} and token.head != token:
        token = token.head
    return token


def subjects_of(verb: Token) -> list[Token]:
    """Subjects of a verb, looking through auxiliaries, with their coordinated conjuncts."""
    chain = [verb]
    while chain[-1].dep_ in {"INFV"} and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    subjects = []
    for subject in (c for t in chain for c in t.children if c.dep_ in {"SUBJ", "FSUBJ"}):
        if subject.pos_ == "VERB" and not subject.ent_type_:  # a participle parsed as the subject (`delegasjonen,
            # ledet av X, deltok`), not a name the tagger took for a verb (`Oleksandra Matvitsjuk ... deltok`)
            subjects += [c for c in subject.children if c.dep_ == "SUBJ"]
        else:
            subjects.append(subject)
    if not subjects:  # the same, with the participle parsed as a parenthetical that took the subject with it
        subjects = [c for t in chain for p in t.children if p.dep_ == "PAR" and p.pos_ == "VERB" and p.i < t.i
                    for c in p.children if c.dep_ == "SUBJ" and c.i < p.i]
    return [s for subject in subjects for s in conjuncts_of(subject)]


def actors_of(verb: Token) -> list[Token]:
    """`subjects_of`, or for a relative clause with no subject of its own (`Kari Lie, som deltok på møtet`, `Det
    var A og B som deltok`) the name or noun its `som` stands for, with its conjuncts."""
    top = verb
    while top.dep_ == "INFV" and top.head != top:
        top = top.head  # `som har deltatt`: the relative clause hangs on its auxiliary
    if (subjects := subjects_of(verb)) or top.dep_ != "ATR" or top.head.pos_ not in {"PROPN", "NOUN"} or not any(
            c.dep_ == "SBU" and fold(c.text) == "som" and c.i < top.i for c in top.children):
        return subjects
    first = top.head  # `A og B som deltok`: the clause hangs on the last of them
    if first.dep_ == "PUTFYLL" and first.head.head.pos_ == "PROPN":
        first = first.head.head  # `Kari Lie i styret, som har ledet`: the name the phrase describes
    while first.dep_ == "KOORD" and first.head != first:
        first = first.head
    return conjuncts_of(first)


def objects_of(verb: Token, fronted: bool) -> list[Token]:
    """The objects of a verb: its DOBJ children, and, where something before it is its subject (`fronted`), a
    "subject" after it, which in V2 order the parser often takes the object for (`Landsmøtet valgte NAME`)."""
    return [c for c in verb.children if c.dep_ == "DOBJ" or fronted and c.dep_ == "SUBJ" and c.i > verb.i]


def conjuncts_of(token: Token) -> list[Token]:
    return [token] + [c for c in token.children if c.dep_ == "KOORD" and c.pos_ in {"PROPN", "NOUN"}]


def pp_objects(token: Token, preps: set[str]) -> list[Token]:
    """Complements of the prepositions `preps` attached to a token (with their conjuncts)."""
    return [o for p in token.children if fold(p.text) in preps
            for c in p.children if c.dep_ == "PUTFYLL" for o in conjuncts_of(c)]


def named_objects(clause: Clause, token: Token, preps: set[str], kinds: set[str]) -> Iterator[str]:
    """Entity keys of the names of `kinds` that are complements of the prepositions `preps` on a token."""
    for obj in pp_objects(token, preps):
        named = clause.named_at(obj)
        if named and named.kind in kinds:
            yield entity_key(named.kind, named.key)


def agents_of(clause: Clause, token: Token, also: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Entity keys a subject stands for: a name, a delegation, or `representanter fra X og Y` -> X, Y."""
    if delegations := delegation_keys(clause, token):
        return delegations
    if keys := clause.keys_of(token, {PERSON, ORGANIZATION, GPE, *also}):
        return keys
    # `forsvarsministrene fra Norge og Sverige møttes`: the ministers (named elsewhere), not their countries, met;
    # but `representanter fra Ukraina og Russland`, those who stand for them, make them parties
    title = title_of(token.lemma_) or title_of(token.text)
    kinds = {ORGANIZATION} if title and not ends_with(title, _STANDING_FOR) else {GPE, ORGANIZATION}
    agents = [k for o in pp_objects(token, {"fra", "for"}) if (k := clause.key_of(o, kinds))]
    for adj in (c for c in token.children if c.pos_ == "ADJ" or c.dep_ == "KOORD"):
        for part in [adj] + [c for c in adj.children if c.dep_ == "KOORD"]:
            if country := adjective_country(part):
                agents.append(country_entity(clause, *country))
    return agents


_STANDING_FOR = frozenset({"representant", "delegat", "utsending", "sendemann", "forhandler", "forhandlar"})


def country_entity(clause: Clause, key: str, name: str) -> str:
    """The entity key of a country named only by an adjective or genitive; recorded so that it is mentioned."""
    entity = entity_key(GPE, key)
    clause.entities.setdefault(entity, (GPE, name))
    return entity


def is_negated(verb: Token) -> bool:
    chain = [verb] + ([verb.head] if verb.dep_ == "INFV" else [])
    return any(fold(c.text) in lexicon()["negations"] for v in chain for c in v.children)


def prefix_modifier(clause: Clause, token: Token) -> list[tuple[str, str]]:
    """`Hamas-delegasjonen`, `NHO-sjef`: the name before the hyphen of a noun, as (key, name) like
    `country_modifiers`: a country, a name of the sentence, or else an organisation of that name."""
    prefix, dash, _ = token.text.rpartition("-")
    if not dash or not prefix[:1].isupper() or not prefix.replace("-", "").isalpha():
        return []
    if country := countries().get(fold(prefix)):
        return [(f"country:{country.code}", country.name)]
    if first := name_word_before(token):
        prefix = f"{first.text} {prefix}"  # `Norsk Industri-direktør`: the name before the hyphen is two words
    elif party_of(f"{prefix}et"):
        prefix += "et"  # `Senterparti-leder`: a party in its indefinite form as a compound's first part
    if named := next((n for n in clause.names if n.key == fold(prefix)), None):
        return [(named.key, named.name)]
    kind = GPE if title_of(token.text) in _MUNICIPAL_TITLES else ORGANIZATION  # `Lillevik-ordfører`
    clause.entities.setdefault(entity_key(kind, fold(prefix)), (kind, prefix))
    return [(fold(prefix), prefix)]


# The titles of a municipality's or county's elected head and chief officer: a place's name before them is the
# place (`Lillevik-ordfører`); a police chief's or bishop's is the district (`Solvik-politimester`).
_MUNICIPAL_TITLES = frozenset({"ordfører", "ordførar", "varaordfører", "varaordførar", "fylkesordfører",
                               "fylkesordførar", "rådmann", "kommunedirektør"})


def modifier_entity(clause: Clause, key: str, name: str) -> str:
    """The entity key of a (key, name) modifier pair: a country (recorded so that it is mentioned), a name of the
    sentence, or else an organisation of that name (`Hamas-delegasjonen`)."""
    if key.startswith("country:"):
        return country_entity(clause, key, name)
    if (kind := next((n.kind for n in clause.names if n.key == key), None)) is None:
        kind = GPE if entity_key(GPE, key) in clause.entities else ORGANIZATION  # a place before a local title
    return entity_key(kind, key)


COPULAS = {"være", "vere", "bli", "verte"}


def passive_participle(verb: Token) -> bool:
    """A participle under `bli`/`verte`/`være` (`ble tatt imot av`, `blir bekreftet av`)."""
    return "Part" in morph(verb, "VerbForm") and verb.dep_ == "INFV" and fold(verb.head.lemma_) in COPULAS
