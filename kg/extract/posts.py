"""Rules for the posts a verb states: `schema:jobTitle` and `schema:affiliation` (or `schema:memberOf` a party)
from a title as a copula's predicate or subject (`X er rektor ved Y`, `Pressesjef blir NAME`), a title after
`som` on the post one has (`har vervet som`) or on verbs of leaving, taking up, keeping or holding a post (`går av
som`, `tar over som teatersjef`), and from verbs of acting for, working for or leading an organisation
(`representerer`, `på vegne av`, `arbeider i`, `leder`); the qualifier (`tidligere`, `påtroppende`,
`avtroppende`) comes from the verb's kind and tense."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from kg.extract.clause import (
    COPULAS,
    Clause,
    Found,
    asserted,
    conjuncts_of,
    entity_key,
    named_objects,
    objects_of,
    pp_objects,
    subjects_of,
)
from kg.extract.gazetteer import fold, lexicon, lexicon_pairs, title_spelling, verb_in
from kg.extract.titles import (
    POSTS,
    advises,
    affiliations,
    former_title,
    full_title,
    marked_former,
    serves,
    title_word,
)
from kg.extract.tokens import morph
from kg.types import GPE, ORGANIZATION, PERSON


def predicative_titles(clause: Clause) -> Iterator[Found]:
    """`X er rektor ved Y`, `X, som er nestleder i Y`, `Tidligere var hun prorektor`: a title as the predicate
    of `være`/`bli` with a person as subject. `blir` makes it incoming (`påtroppende`), `var`/`har vært` one held
    before (`tidligere`, with no present affiliation) unless `siden` says it still is."""
    for title, verb, person in _predicates(clause):
        if title.i > 0 and fold(title.doc[title.i - 1].text) in _EDUCATED or _conditional(verb):
            continue  # `er utdannet statsviter`: an education, not a post
        chain = [verb] + ([verb.head] if verb.dep_ == "INFV" else [])
        forms = {fold(t.text) for t in chain}
        if to_come(verb):  # `skal bli ny sjef for X`
            forms.add("blir")
        if marked_former(title):  # `som er tidligere byråd`: held before, whatever the tense
            qualifier = "tidligere "
        elif forms & {"blir", "vert"}:
            qualifier = "påtroppende "
        elif forms & {"var", "vore", "vært", "hadde"} and not _still(chain, title) and not _case_role(title):
            qualifier = "tidligere "
        else:
            qualifier = ""
        full = former_title(title) if qualifier == "tidligere " else full_title(title)
        yield Found(person, "schema:jobTitle", qualifier + full, "kg.jobTitle.predicate.v2", 0.75, literal=True)
        yield from advises(clause, person, title)
        if qualifier == "tidligere ":
            continue
        orgs = list(affiliations(clause, title)) + list(
            named_objects(clause, verb, {"i", "for", "hos", "ved", "på"}, {ORGANIZATION}))
        orgs += named_objects(clause, title, {"på"}, {ORGANIZATION})
        for org in dict.fromkeys(orgs):
            yield serves(clause, person, org, 0.7, title)


_EDUCATED = frozenset({"utdannet", "utdanna", "utdannede", "utdanne"})

# Roles in the case or meeting a story tells (`Statsadvokat NAME var aktor i saken`): held in the past tense of the
# story, not before it.
_CASE_ROLES = frozenset({"aktor", "forsvarer", "forsvarar", "bistandsadvokat", "dommer", "dommar", "meddommer",
                         "meddommar", "møteleder", "møteleiar", "ordstyrer", "ordstyrar"})


def _case_role(title: Token) -> bool:
    return fold(title_word(title) or "") in _CASE_ROLES


def _predicates(clause: Clause) -> Iterator[tuple[Token, Token, str]]:
    """(title, verb, person) for each title that is the predicate of an asserted copula about a person, and for
    each title coordinated with it (`er styreleiar og direktør for X`); also where the parser took a subject
    after its verb (`I dag er Rokne professor ved UiB`) for a name with the title hung on it (FLAT) or for a
    modifier of the title (ATR)."""
    for title in clause.tokens:
        predicate = title
        if title.dep_ == "SPRED" and title.text.endswith("-") and not title_word(title):
            title = _compound_title(title)  # `er helse- og omsorgsminister`: the parse's predicate is `helse-`
            if title is None:
                continue
        elif title.dep_ not in {"SPRED", "FLAT", "SUBJ"} or not title_word(title) or clause.named_at(title):
            continue
        verb = predicate.head
        if title.dep_ == "FLAT":  # `er Johansen professor`: the title hung on the name, the verb before both
            name, verb = title.head, title.head.head
            if name.dep_ != "SUBJ" or not name.i < title.i or not verb.i < name.i:
                continue
            person = clause.key_of(name, {PERSON})
        elif title.dep_ == "SUBJ":  # `er Rokne professor`: the name a modifier right before the title
            name = next((c for c in title.children if c.dep_ == "ATR" and c.i == title.i - 1), None)
            if name is None or not verb.i < name.i:
                continue
            person = clause.key_of(name, {PERSON})
        else:
            person = _copula_subject(clause, [verb] + ([verb.head] if verb.dep_ == "INFV" else []))
        if person is not None and fold(verb.lemma_) in COPULAS and (
                asserted(verb) or fold(verb.lemma_) in {"bli", "verte"} and to_come(verb)):
            yield title, verb, person
            for other in (c for c in predicate.children if c.dep_ == "KOORD" and c != title and title_word(c)
                          and not clause.named_at(c)):
                yield other, verb, person


def _compound_title(half: Token) -> Token | None:
    """The title a coordinated compound ends in, where the parse made its first half the predicate and hung the
    rest on it (`helse-` <- `og omsorgsminister`): the conjunct right after `og`/`eller`, if it is a title."""
    doc = half.doc
    if half.i + 2 >= len(doc) or fold(doc[half.i + 1].text) not in {"og", "eller"}:
        return None
    whole = doc[half.i + 2]
    return whole if whole.head == half and whole.dep_ == "KOORD" and title_word(whole) else None


def titles_as_subject(clause: Clause) -> Iterator[Found]:
    """`Fagdommerne var A og B`, `Forsvarer i saken er NAME`: a title as the subject of a copula whose predicate
    names persons is each person's title (a role in the case told, so no qualifier from the tense); with `bli`
    an incoming one (`Pressesjef blir NAME`)."""
    for verb in clause.tokens:
        if fold(verb.lemma_) not in {"være", "vere", "bli"} or not asserted(verb) or _conditional(verb) or any(
                fold(c.text) == "med" for c in verb.children):
            continue  # `Ukrainas president var med på møtet saman med A`: taking part, not who the title is
        incoming = "påtroppende " if fold(verb.lemma_) == "bli" and "Past" not in morph(verb, "Tense") else ""
        # `Pressesjef blir NAME`: to come; `Nestleder ble NAME`: became, and holds it
        titles = [t for t in verb.children if t.dep_ in {"SUBJ", "SPRED", "ADV"} and t.i < verb.i
                  and not clause.named_at(t) and title_word(t)]  # the title first, whatever the parse calls it
        holders = [c for t in verb.children if t.i > verb.i and t.dep_ in {"SPRED", "SUBJ"}
                   for c in conjuncts_of(t)]
        for title in titles[:1]:
            for holder in holders:
                if (named := clause.named_at(holder)) and named.kind == PERSON:
                    yield Found(entity_key(PERSON, named.key), "schema:jobTitle", incoming + full_title(title),
                                "kg.jobTitle.subject.v2", 0.7, literal=True)


def _conditional(verb: Token) -> bool:
    """Whether a verb (or the one its chain hangs on) has a clause of condition (`Lederen blir NAME, hvis
    innstillingen følges`, `dersom ...`): a post only proposed, not held or taken up."""
    verbs = [verb] + ([verb.head] if verb.dep_ == "INFV" else [])
    return any(fold(s.text) in _IF for v in verbs for c in v.children if c.dep_ == "ADV" for s in c.children
               if s.dep_ == "SBU")


_IF = frozenset({"hvis", "dersom", "viss", "om"})
_PAST_POSTS = frozenset({"bakgrunn", "fortid"})  # `har bakgrunn som reporter`: a post held before


def held_posts(clause: Clause) -> Iterator[Found]:
    """`har hatt vervet som nestleiar i X` and `hadde jobben som` (held before, unless `siden` says it still
    is), `har rollen som leder i X` (held now), `har bakgrunn som reporter` (before): a title after `som` on the
    post a person has."""
    for verb in clause.tokens:
        if fold(verb.lemma_) != "ha" or not asserted(verb):
            continue
        post = next((c for c in verb.children if c.dep_ == "DOBJ" and fold(c.lemma_) in POSTS | _PAST_POSTS), None)
        if post is None:
            continue
        titles = [t for p in (*verb.children, *post.children) if fold(p.text) == "som" for t in p.children
                  if t.dep_ == "PUTFYLL" and title_word(t) and not clause.named_at(t)]
        chain = [verb] + ([verb.head] if verb.dep_ == "INFV" else [])
        subject = next((c for v in chain for c in v.children if c.dep_ == "SUBJ"), None)
        person = clause.key_of(subject, {PERSON}) if subject is not None else None
        if not titles or person is None:
            continue
        title = titles[0]
        held = {fold(t.text) for t in chain} & {"hadde", "hatt"} and not _still(chain, title)
        if fold(post.lemma_) in _PAST_POSTS or held:
            yield Found(person, "schema:jobTitle", f"tidligere {former_title(title)}", "kg.jobTitle.post.v1", 0.7,
                        literal=True)
            continue
        yield Found(person, "schema:jobTitle", full_title(title), "kg.jobTitle.post.v1", 0.7, literal=True)
        for org in affiliations(clause, title):
            yield serves(clause, person, org, 0.7, title)


_WORK_VERBS = frozenset(v for v, kind in lexicon_pairs("role_verbs").items() if kind == "work")


def acting_for(clause: Clause) -> Iterator[Found]:
    """`X, som representerer USA`, `X representerte forbundet Y`, `mottar prisen på vegne av Y`, `arbeider i
    selskapet Y`: the organisation or country a person represents, acts on behalf of or works for now
    (schema:affiliation; a party: schema:memberOf)."""
    for verb in clause.verbs:
        lemma = fold(verb.lemma_)
        behalf = [p for p in verb.children if p.lower_ == "på"]
        working = verb_in(verb, _WORK_VERBS)
        if lemma != "representere" and not behalf and not working or not asserted(verb):
            continue
        bodies = []
        chain = [verb] + ([verb.head] if verb.dep_ == "INFV" else [])
        if working and ("Pres" in morph(verb, "Tense") or _still(chain, verb)):
            # `arbeider i dag i selskapet X`, `har arbeidet i X i 28 år`
            bodies = [k for o in pp_objects(verb, {"i", "hos", "for", "ved"})
                      if (k := clause.key_of(o, {ORGANIZATION}))]
        if lemma == "representere":
            bodies = [k for o in verb.children if o.dep_ == "DOBJ" for c in conjuncts_of(o)
                      if (k := clause.key_of(c, {ORGANIZATION, GPE}))]
        bodies += [k for p in behalf for v in p.children if v.lower_ == "vegne"
                   for o in pp_objects(v, {"av"}) if (k := clause.key_of(o, {ORGANIZATION, GPE}))]
        if not bodies:
            continue
        actors = subjects_of(verb)
        if not actors and any(fold(c.text) == "som" for c in verb.children):
            actors = [verb.head]  # `X, som representerer Y`
        for actor in actors:
            if (person := clause.key_of(actor, {PERSON})) is not None:
                for body in dict.fromkeys(bodies):
                    found = serves(clause, person, body, 0.7)
                    yield replace(found, rule=found.rule.replace("affiliation.v3", "affiliation.acting.v1"))
    yield from _leading(clause)
    yield from _employed(clause)


_EMPLOYED = frozenset({"ansatt", "ansett", "tilsett", "tilsatt"})


def _employed(clause: Clause) -> Iterator[Found]:
    """`Kari Lie er ansatt i Fiskarlaget`, `har vært tilsett ved X sidan 2011`, `er ansatt av X`: one employed
    in or by an organisation now serves it (schema:affiliation, a party's employee too: employed there, whether or
    not a member)."""
    for word in clause.tokens:
        if fold(word.text) not in _EMPLOYED or word.dep_ != "SPRED":
            continue
        verb = word.head  # (looked up only for the words above: spaCy makes a new token each time)
        if fold(verb.lemma_) not in {"være", "vere"} or not asserted(verb):
            continue
        chain = [verb] + ([verb.head] if verb.dep_ == "INFV" else [])
        if "Pres" not in morph(chain[-1], "Tense") or verb.dep_ == "INFV" and not _still(chain, word):
            continue  # `var ansatt i X`, `har vært ansatt i X`: employed before
        preps = {"i", "hos", "ved", "av"}  # `er ansatt av Norges Fotballforbund`: the employer, the agent
        bodies = [k for o in pp_objects(word, preps) + pp_objects(verb, preps)
                  if (k := clause.key_of(o, {ORGANIZATION}))]
        for actor in subjects_of(verb):
            if (person := clause.key_of(actor, {PERSON})) is not None:
                for body in dict.fromkeys(bodies):
                    yield Found(person, "schema:affiliation", body, "kg.affiliation.acting.v1", 0.7)


def _leading(clause: Clause) -> Iterator[Found]:
    """`Kari Lie leder Fiskarlaget`, `Fiskarlaget, som ble ledet av Kari Lie`: one who leads an organisation is its
    leader (`leiar` for the Nynorsk verb), serving it; in the past (`ledet`, `ble ledet`) a former leader. In the
    present perfect with `siden` or a duration (`har ledet Fiskarlaget i ti år`) one who still serves it, with no
    title: such a person often has a title of their own (`administrerende direktør`); one named with a title of her
    own who has led it (`LO-leder NAME har ledet valgkomiteen`) did a task now done, no former post."""
    for verb in clause.verbs:
        if verb.pos_ != "VERB" or not verb_in(verb, _LEAD_VERBS) or not asserted(verb):
            continue
        chain = [verb] + ([verb.head] if verb.dep_ == "INFV" else [])
        passive = len(chain) == 2 and fold(verb.head.lemma_) == "bli"
        if passive:  # `X ble ledet av NAME`, `X, som ble ledet av NAME`
            leaders = pp_objects(verb, {"av"})
            led = subjects_of(verb) or ([chain[-1].head] if any(fold(c.text) == "som" for c in chain[-1].children)
                                        else [])
        else:
            led = [c for o in verb.children if o.dep_ == "DOBJ" for c in conjuncts_of(o)]
            leaders = subjects_of(verb) or ([chain[-1].head] if any(fold(c.text) == "som" for c in
                                                                     chain[-1].children) else [])
        bodies = [k for o in led if (k := clause.key_of(o, {ORGANIZATION}))]
        if not bodies:
            continue
        forms = {fold(t.text) for t in chain}
        above = [verb]
        while above[-1].dep_ == "INFV" and above[-1].head != above[-1]:
            above.append(above[-1].head)
        through = any(fold(t.lemma_) not in {"ha", *COPULAS} for t in above[1:])  # `har fått lede X`: one who
        # serves X, with no title stated
        perfect = bool(forms & {"har", "hadde"}) or through
        past = "Past" in morph(above[-1], "Tense") if through else "Past" in morph(chain[-1], "Tense") \
            or "hadde" in forms or (perfect and not _still(chain, verb))
        word = "leiar" if fold(verb.lemma_) in {"leie", "leia"} else "leder"
        held = next((t for p in verb.children if fold(p.text) == "som" for t in p.children
                     if t.dep_ == "PUTFYLL" and title_word(t) and not clause.named_at(t)), None)
        if held is not None:  # `leder Fiskarlaget som styreleder`: the post it names
            word = former_title(held) if past else full_title(held)
        for leader in leaders:
            if (person := clause.key_of(leader, {PERSON})) is None:
                continue
            if past and not (perfect and "Past" not in morph(chain[-1], "Tense") and _titled(clause, leader)):
                yield Found(person, "schema:jobTitle", f"tidligere {word}", "kg.jobTitle.lead.v1", 0.7, literal=True)
            if past:  # `LO-leder NAME har ledet valgkomiteen`: one with a post of her own led it, now done
                continue
            if not perfect:  # `har ledet X i sju år`: one who serves X, often under a title of its own
                yield Found(person, "schema:jobTitle", word, "kg.jobTitle.lead.v1", 0.7, literal=True)
            for body in dict.fromkeys(bodies):
                found = serves(clause, person, body, 0.7)
                yield replace(found, rule=found.rule.replace("affiliation.v3", "affiliation.lead.v1"))


_LEAD_VERBS = frozenset({"lede", "leie", "leia"})


def _titled(clause: Clause, leader: Token) -> bool:
    """Whether a person's name has a title right before it (`LO-leder Kari Lie Berg`)."""
    named = clause.named_at(leader)
    doc = clause.sent.doc
    return named is not None and named.start > clause.sent.start and bool(title_word(doc[named.start - 1]))


def _still(chain: list[Token], title: Token) -> bool:
    """`har vært leder siden 2013`, `har vært utenriksminister i 17 år`: a present perfect with `siden` or a
    duration says the title is still held."""
    words = [fold(t.text) for t in (*title.subtree, *(d for v in chain for c in v.children if c.dep_ != "KOORD"
                                                       for d in c.subtree))]
    perfect = any(fold(t.text) == "har" for t in chain)
    duration = any(w in {"år", "måneder", "månader", "uker", "veker"} for w in words) and "i" in words
    return "siden" in words or "sidan" in words or (perfect and duration)


def role_changes(clause: Clause) -> Iterator[Found]:
    """`X går av som direktør i Y` (avtroppende), `tar over som` (påtroppende), `er ansatt som ny sjef for Y`,
    `blir sittende som nestleder i Y`, `valgt til president i Y`, `jobbet som reporter i Y` (tidligere): a title
    after `som`/`til` on a verb of leaving, taking up, keeping or holding a post (lexicon `role_verbs`), its
    qualifier from the verb's kind and tense, and the affiliation unless the post was held before."""
    roles = lexicon_pairs("role_verbs")
    every = frozenset(roles)
    for verb in clause.tokens:
        if verb.pos_ not in {"VERB", "AUX", "ADJ"} or not verb_in(verb, every):
            continue
        kind = next((k for v, k in roles.items() if verb_in(verb, frozenset({v}))), None)
        if kind is None:
            continue
        titles = [t for p in verb.children if fold(p.text) in {"som", "til"} for t in p.children
                  if t.dep_ == "PUTFYLL"]
        titles += [t for a in verb.children if a.dep_ == "ADV" and a.pos_ == "ADJ" for p in a.children  # `er
                   if fold(p.text) == "som" for t in p.children if t.dep_ == "PUTFYLL"]  # samtidig ansatt som`
        titles += [t for t in verb.children if t.i > verb.i and any(  # `gjenvalgt som fylkesleder`, the title
            c.dep_ == "SBU" and fold(c.text) == "som" and c.i < t.i for c in t.children)]  # parsed as a clause
        titles = [next((c for c in t.children if c.dep_ == "KOORD"), t) if t.text.endswith("-") else t
                  for t in titles]  # `som arbeids- og sosialminister`: the title is the second conjunct
        titles = [t for t in titles if title_word(t) and not clause.named_at(t)]
        coming = kind in {"start", "appointed"} and to_come(verb)  # `skal overta som ny sjef`
        if not asserted(verb) and not coming:
            continue
        if kind == "start" and titles:
            yield from _predecessors(clause, verb, titles[0])
        subject = next((c for v in (verb, verb.head) for c in v.children if c.dep_ == "SUBJ"), None)
        people = [k for c in (conjuncts_of(subject) if subject is not None else []) if not _own_post(c, subject)
                  and (k := clause.key_of(c, {PERSON}))]  # `A og B ble valgt som nestledere`: each
        if kind in {"elected", "appointed"} or verb_in(verb, _HIRE_VERBS):  # `Rådet tilsatte NAME som ny sjef`:
            before = any(c.dep_ == "SUBJ" and c.i < verb.i for c in verb.children)
            chosen = [k for c in objects_of(verb, before) if (k := clause.key_of(c, {PERSON}))]
            people = chosen or people  # those chosen hold the post, not the body choosing (`valgte A og B`)
        if not titles or not people:
            continue
        perfect = verb.dep_ == "INFV" and fold(verb.head.lemma_) == "ha"  # `har begynt som`
        passive_past = verb.dep_ == "INFV" and fold(verb.head.lemma_) in {"bli", "verte"} \
            and "Past" in morph(verb.head, "Tense")  # `ble utnevnt til`, `vart tilsett som`
        tense = 2 if perfect else 1 if "Past" in morph(verb, "Tense") or passive_past else 0
        qualifier = "påtroppende" if coming else _ROLE_QUALIFIERS[kind][tense]
        if kind in {"start", "keep"} and tense == 1 and _dated_by_year(verb):
            qualifier = "tidligere"  # `startet som rådgiver i februar 2020`, `satt som byråd fra 2011 til 2015`:
            # a post told as history
        if kind != "leave" and any(fold(c.text) in lexicon()["former_markers"] for v in (verb, verb.head)
                                   for c in v.children if c.dep_ == "ADV"):
            qualifier = "tidligere"  # `Tidligere har hun jobbet som rådgiver`
        for person, title in _holders(people, titles[0]):
            yield Found(person, "schema:jobTitle", (qualifier + " " if qualifier else "") + full_title(title),
                        "kg.jobTitle.role.v1", 0.7, literal=True)
            yield from advises(clause, person, title)
            if qualifier != "tidligere":
                for org in _employers(clause, title):
                    yield serves(clause, person, org, 0.7, title)


def _holders(people: list[str], title: Token) -> list[tuple[str, Token]]:
    """Who holds which post of those chosen or continuing together: each the title (`A og B ble valgt som
    nestledere`); the coordinated posts in turn (`A og B ble valgt til ordfører og varaordfører`; none where the
    counts differ); the first one only where a singular title stands for two people (the parse lost the second
    post: `valgt til ordfører og varaordfører` with `varaordfører` hung on the verb)."""
    posts = [title] + [c for c in title.children if c.dep_ == "KOORD" and title_word(c)]
    if len(people) > 1 and len(posts) > 1:
        return list(zip(people, posts, strict=True)) if len(people) == len(posts) else []
    if len(people) > 1 and not _plural(title):
        return [(people[0], title)]
    return [(person, title) for person in people]


_HIRE_VERBS = frozenset({"ansette", "tilsette"})


def _plural(title: Token) -> bool:
    """A title in the plural indefinite (`nestledere`, `styremedlemmer`, `nestleiarar`): a form other than the
    title's base that ends as a plural does (the tagger's number is no help: `ordfører` is either)."""
    text = title_spelling(title.text)  # `Frp-leder`, `styrelder`: a prefix and a spelling make no plural
    return text != title_word(title) and text.endswith(("e", "er", "ar"))


def _own_post(conjunct: Token, first: Token) -> bool:
    """A conjunct with a post of its own (`A ble valgt som ordfører og B som varaordfører`: B's is the second)."""
    return conjunct != first and any(fold(c.text) in {"som", "til"} for c in conjunct.children)


def to_come(verb: Token) -> bool:
    """Whether a verb is an infinitive under `skal` in the present, asserted in itself (`Tangen skal bli ny sjef`,
    `skal overta som`): a post to be taken up, not a wish or a condition (`skal ikke`, `dersom hun skal`)."""
    modal = verb.head
    return verb.dep_ == "INFV" and fold(modal.text) in {"skal", "ska"} and "Pres" in morph(modal, "Tense") \
        and asserted(modal)


def _predecessors(clause: Clause, verb: Token, title: Token) -> Iterator[Found]:
    """`tar over som teatersjef etter NAME`, `overtok etter NAME som styreleiar i X`: the one followed in a
    post is its outgoing holder (in the past, its former one)."""
    past = "Past" in morph(verb, "Tense") and verb.dep_ != "INFV"
    for holder in pp_objects(verb, {"etter"}) + pp_objects(title, {"etter"}):
        if (person := clause.key_of(holder, {PERSON})) is None:
            continue
        if past:
            yield Found(person, "schema:jobTitle", f"tidligere {former_title(title)}", "kg.jobTitle.before.v1", 0.7,
                        literal=True)
            continue
        yield Found(person, "schema:jobTitle", f"avtroppende {full_title(title)}", "kg.jobTitle.before.v1", 0.7,
                    literal=True)
        for org in _employers(clause, title):
            yield serves(clause, person, org, 0.7, title)


def _employers(clause: Clause, title: Token) -> list[str]:
    """Whom a title after a verb of taking up or leaving a post serves: its affiliations and an organisation
    after `på` (`som teatersjef på Det Norske Teatret`)."""
    return list(dict.fromkeys([*affiliations(clause, title), *named_objects(clause, title, {"på"}, {ORGANIZATION})]))


def _dated_by_year(verb: Token) -> bool:
    """Whether a verb's own phrases name a year (`i februar 2020`, `i 2011`)."""
    return any(t.like_num and len(t.text) == 4 and t.text.isdigit() and t.text[:2] in {"19", "20"}
               for c in verb.children if c.dep_ != "SUBJ" for t in c.subtree)


_ROLE_QUALIFIERS = {  # kind -> qualifier in the present, the past, the perfect (`har begynt som`: still holds)
    "leave": ("avtroppende", "tidligere", "tidligere"), "start": ("påtroppende", "", ""),  # a start in the
    # past is a post taken up and held (`tok over som kulturminister i januar`), unless dated by a year
    "keep": ("", "", ""), "elected": ("", "", ""), "appointed": ("påtroppende", "", ""),
    "work": ("", "tidligere", ""), "acting": ("fungerende", "fungerende", "fungerende"),
}


def _copula_subject(clause: Clause, chain: list[Token]) -> str | None:
    """The person a copula clause is about: its subject, or the name a relative clause (`X, som er ...`) hangs on."""
    finite = chain[-1]  # `X, som har vært leder`: `som` hangs on `har`
    if any(fold(c.text) == "som" for c in finite.children) and finite.dep_ in {"ATR", "APP"}:
        return clause.key_of(finite.head, {PERSON})
    subject = next((c for v in chain for c in v.children if c.dep_ == "SUBJ"), None)
    return clause.key_of(subject, {PERSON}) if subject is not None else None
