"""Mentions across articles -> entities: normalise names, block by folded keys, vote types, cluster.

Names are compared through a transliteration-folded key (`skeleton`): Syrskyi / Syrskyj / Syrsky, Shmyhal /
Sjmyhal / Shmygal, Galina / Halyna fold to one key. Candidates are blocked by key (never all pairs), so
resolution is linear in the number of mentions. A surname alone joins a full name only when exactly one full
name in the article (or, failing that, in the whole graph) ends in it; same surname with another first name
stays apart. Events and delegations are local to their article unless there is evidence they are the same
(same place and same date, or the same numbered round in the same place); so is a body named by a common noun
(`valgkomiteen`), unless its articles share the story, name the organisation whose it is (`valgkomiteen i NJ`) or,
for a town's council (`bystyret`), the town.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

import networkx as nx
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from rdflib import URIRef

from kg.extract.bodies import ORGAN, organ_base_of
from kg.extract.gazetteer import (
    city_of,
    countries,
    fold,
    full_name,
    gender,
    lexicon_pairs,
    norwegian_first_name,
    parties,
)
from kg.types import DELEGATION, DEMAND, EVENT, GPE, ORGANIZATION, PERSON, PLACE, Entity, Extraction
from kg.vocab import entity_iri

_TYPE_PRIORITY = (PERSON, ORGANIZATION, GPE, PLACE, EVENT, DELEGATION, DEMAND)
_LOCAL_KINDS = {EVENT, DELEGATION}
_NO_NAMES: frozenset[str] = frozenset()  # one empty set for the entities with no other name (an empty set is 216 B)
_FOLDS = [  # order matters: multi-letter spellings first
    ("shch", "sc"), ("tsj", "c"), ("tch", "c"), ("sch", "s"), ("ch", "c"), ("zh", "s"), ("sh", "s"), ("sj", "s"),
    ("kh", "h"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("ts", "c"), ("tz", "c"), ("w", "v"), ("x", "ks"), ("q", "k"),
    ("z", "s"), ("g", "h"), ("y", "i"), ("j", "i"), ("ie", "e"), ("æ", "ae"), ("ø", "o"), ("å", "a"),
]


# The word for a company's or club's legal form after its name (`ASA`, `Ballklub`, `FK`), as skeleton() writes it.
_ORG_FORM = re.compile(r" (?:as|asa|ba|sa|rhf|hf|iks|kf|balklub|fotbalklub|bk|fk|il)$")  # skeleton forms
_SITE = re.compile(r"\w\.(?:no|com|net|org|se|dk)$", re.IGNORECASE)  # a name written as its site's address


# A place name ending in a geographic noun in its definite form (`-fjorden`, `-elva`, `-vatnet`, `-øya`), as
# skeleton() writes it: the name without the ending (`Repparfjorden` is `Repparfjord`); also a wharf, square, park or
# market (`Honnørbryggen` / `Honnørbrygga`, `Stortingsplassen`).
_DEFINITE_PLACE = re.compile(r"(\w(?:fiord|dal|vik|holm|so|bre|elv|oi|bukt|vatn|van|brih|plas|park|torh))(?:en|a|et)$")


# A region abbreviated after a place's name, two or three capitals with dots (`Washington D.C.`).
_REGION_ABBREVIATION = re.compile(r"(?<= )(?:[A-Z]\.){1,2}[A-Z]\.?$")  # the last dot may be left out: `D.C`


@lru_cache(maxsize=1)
def _institutions() -> dict[str, str]:
    """The keys kg.extract gives national institutions (lexicon `institutions`) -> their names."""
    return {fold(name): name for name in lexicon_pairs("institutions").values()}


@lru_cache(maxsize=1)
def _bokmaal() -> dict[str, str]:
    return lexicon_pairs("nynorsk_name_words")


def _skeleton(name: str) -> str:
    """A transliteration-insensitive key of a name: idempotent, lower-case ASCII words separated by spaces."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("-", " ")
    text = "".join(c if c in "æøå" else unicodedata.normalize("NFKD", c)[0] for c in text)
    words = []
    bokmaal = _bokmaal()
    for word in re.findall(r"[a-zæøå]+|[0-9]+", text):  # numbers too: `TV 2` (`TV2`) is not `TV`
        word = bokmaal.get(word, word)  # `kvite` -> `hvite`: a Nynorsk spelling of a name is the same name
        previous = None
        while word != previous:  # a fold can make a new digraph (`xg` -> `ksh`): fold to a fixed point
            previous = word
            for old, new in _FOLDS:
                word = word.replace(old, new)
            word = re.sub(r"(.)\1+", r"\1", word)
        words.append(word)
    return " ".join(words)


skeleton = lru_cache(maxsize=1 << 17)(_skeleton)


class _Skeletons(dict):
    """The skeletons of one resolution's names, each folded once: a large build has more names than skeleton()'s
    cache holds, and resolution asks for each name's skeleton several times in passes over all articles."""

    def __missing__(self, name: str) -> str:
        self[name] = folded = _skeleton(name)
        return folded


@dataclass(frozen=True, slots=True)
class Decision:
    """Why a name an article uses was taken for an entity named otherwise: the rule and its evidence."""

    entity: URIRef
    name: str  # the name as the article gives it (nominative)
    rule: str  # kg.merge.spelling.v1, kg.merge.misspelling.v1, kg.merge.surname.v1, kg.merge.event.v1, ...
    evidence: str


@dataclass(frozen=True)
class Resolution:
    """Entities of the merged graph and, per article, the map from its local keys to entity IRIs."""

    entities: dict[URIRef, Entity]
    local: dict[URIRef, dict[str, URIRef]]  # article IRI -> local key -> entity IRI
    names: dict[URIRef, dict[URIRef, tuple[str, ...]]]  # article IRI -> entity IRI -> names seen there, sorted
    decisions: dict[URIRef, list[Decision]] = field(default_factory=dict)  # article IRI -> its merge decisions

    def merges(self) -> int:
        """How many (article, local entity) pairs were folded into an entity that already had one."""
        return sum(len(keys) for keys in self.local.values()) - len({i for m in self.local.values()
                                                                       for i in m.values()})


class Context:
    """What resolving some articles needs of the graph's other articles, key by key (kg.incremental answers from
    the store's index): their rows of each graph-wide table. This base class knows no other article: a build of
    everything at once."""

    def __init__(self) -> None:
        self.folded = _Skeletons()  # kept over the resolutions that use this context

    def votes(self, skeleton: str) -> dict[str, tuple[int, tuple[str, int]]]:
        """kind -> (mentions voting for it, the first of them as (article IRI, mention index))."""
        return {}

    def votes_ending(self, word: str) -> dict[str, dict[str, tuple[int, tuple[str, int]]]]:
        """The votes of the names of several words whose last word is `word`: skeleton -> kind -> as `votes`."""
        return {}

    def names(self, table: str, key: str) -> set[str]:
        """Full-name clusters by surname (`s`), first word (`f`) or two of their words (`p`); the names
        `_attach_misspelt` compares by their key (`g`, `spelling_keys`)."""
        return set()

    def stories(self, round_: int, cluster: str) -> set[str]:
        """The story entities of the articles that name `cluster` before the misspelling round (1), before the
        shortened names' (2) or after the surnames' (5)."""
        return set()

    def articles_naming(self, cluster: str) -> set[str]:
        """The articles that name `cluster` before the misspelling round (those `_attach_misspelt` compares)."""
        return set()

    def former_names(self) -> set[str]:
        """The names `_attach_misspelt` compares that the articles being resolved gave before, in the graph as it
        was (some may be gone now)."""
        return set()

    def forms(self, cluster: str) -> Counter:
        return Counter()

    def description(self, cluster: str) -> tuple[str, str] | None:
        """(article IRI, text) of the last article by IRI that describes `cluster`."""
        return None

    def by_surname(self, surname: str) -> set[URIRef]:
        return set()

    def bodies(self, base: str) -> dict[URIRef, set[str]]:
        """The articles naming a body called `base`, each with the entities of its story."""
        return {}

    def holders(self, title: str, organisation: URIRef) -> set[URIRef]:
        return set()


@dataclass
class Trace:
    """What a resolution read and wrote per article, for the store's index (kg.incremental): the clusters before
    and after the misspelling round (what it changed; all values, in the order of the article's keys) and after
    round 5 (what it changed), the keys of graph-wide tables looked up (with the event evidence and the bodies'
    names it has), the job-title holders it states, the entities of its story where it names a body; and the
    groups the context's articles naming a body are in now, and the entity each name they give that the
    misspelling round compared is now."""

    s1: dict[URIRef, dict[int, str]] = field(default_factory=dict)  # what the misspelling round changed, by position
    s2: dict[URIRef, tuple[str, ...]] = field(default_factory=dict)
    s5: dict[URIRef, dict[int, str] | None] = field(default_factory=dict)  # the changes after round 5, by position
    reads: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))
    holders: dict[URIRef, set[tuple[str, str, str]]] = field(default_factory=lambda: defaultdict(set))
    untold: dict[URIRef, set[str]] = field(default_factory=dict)
    by_story: set[tuple[URIRef, str]] = field(default_factory=set)
    body_story: dict[URIRef, set[str]] = field(default_factory=dict)  # of the articles naming a body
    groups: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(dict))  # other articles'
    # bodies: article -> body's name -> the articles of its group now
    misspelt: dict[str, str] = field(default_factory=dict)  # a name the context's articles give -> its entity now


class _Table(dict):
    """A graph-wide table (key -> set): what the articles being resolved give, and on a key's first look-up what
    the other articles give (`other`; None in a build of everything)."""

    def __init__(self, other: Callable | None = None) -> None:
        super().__init__()
        self.other, self.fetched = other, set()

    def __missing__(self, key: str) -> set:
        self[key] = found = set()
        return found

    def get(self, key, default=None):  # noqa: ANN001, ANN201 - dict.get
        if self.other is not None and key not in self.fetched:
            self.fetched.add(key)
            if rows := self.other(key):
                self[key] |= rows
        return super().get(key, default)


def resolve_entities(extractions: Iterable[Extraction], context: Context | None = None,
                     trace: Trace | None = None) -> Resolution:
    """Cluster the article-local entities of all extractions into graph entities (independent of order). With
    `context`, the extractions are some of the graph's articles and `context` answers for the others (each
    graph-wide table is their rows and these articles' own); `trace` collects what kg.incremental indexes."""
    extractions = sorted(extractions, key=lambda e: str(e.article.iri))
    folded = context.folded if context is not None else _Skeletons()
    kinds = _vote_kinds(extractions, folded, context)
    local: dict[URIRef, dict[str, str]] = {}  # article -> local key -> cluster key
    # graph-wide: surname skeleton / first word -> full-name cluster keys; names that may be one letter apart
    surnames = _Table(context and (lambda word: context.names("s", word)))
    firsts = _Table(context and (lambda word: context.names("f", word)))
    spelling = _Table(context and (lambda key: context.names("g", key)))  # (`spelling_keys`)
    keyed: dict[tuple[URIRef, str], tuple[str, str]] = {}  # (article, key) of a body keyed by its town or owner ->
    # (rule, why)
    owned: dict[URIRef, set[str]] = {}  # article -> the bodies it names with their owner, by name (`_owned_bodies`)
    for ex in extractions:
        clusters = {}
        for mention in ex.mentions:
            clusters[mention.key] = _cluster_key(mention.key, mention.canonical, kinds, ex, folded)
        keyed.update(((ex.article.iri, key), ("kg.merge.town.v1", f"the council of {how}"))
                     for key, how in _key_town_bodies(ex, clusters, folded).items())
        if found := _owned_bodies(ex, clusters):
            owned[ex.article.iri] = found
        local[ex.article.iri] = clusters
        for cluster in set(clusters.values()):
            for key in spelling_keys(cluster):
                spelling[key].add(cluster)
        for cluster in clusters.values():
            if cluster.startswith(PERSON + "|") and " " in cluster:
                surnames[cluster.rsplit(" ", 1)[1]].add(cluster)
                firsts[cluster.split("|", 1)[1].split(" ", 1)[0]].add(cluster)
    untold = {ex.article.iri: _untold(ex) for ex in extractions}
    _attach_misspelt(local, untold, spelling, context, trace)
    del spelling  # graph-wide tables are let go once their round is done: a build holds one set per key
    if trace is not None:
        trace.untold.update(untold)
        trace.s2.update((article, tuple(clusters.values())) for article, clusters in local.items())
    _attach_shortened(local, untold, context, trace)
    ambiguous = {(ex.article.iri, key): found for ex in extractions
                 for key, found in _attach_surnames(local[ex.article.iri], surnames, firsts,
                                                    trace and trace.reads[ex.article.iri]).items()}
    del surnames, firsts
    if trace is not None:  # what the surnames changed (few): a build holds one per article
        for article, clusters in local.items():
            changed = {i: now for i, (was, now) in enumerate(zip(trace.s2[article], clusters.values(), strict=True))
                       if was != now}
            trace.s5[article] = changed or None
    by_story = _attach_by_story(local, ambiguous, untold, context, trace)
    _merge_events(extractions, local, trace)
    groups = _merge_bodies(local, untold, context, trace, owned, keyed)
    resolution = _entities(extractions, local, context)
    _record_decisions(extractions, kinds, resolution, folded, by_story, groups, keyed)
    _resolve_references(extractions, resolution, folded, context, trace)
    _name_events_by_place(extractions, resolution)
    if trace is not None:
        trace.by_story |= by_story
        for article, reads in trace.reads.items():  # a tuple of one string per key: a build holds one per article
            trace.reads[article] = tuple(sys.intern(read) for read in reads)  # type: ignore[assignment]
    return resolution


def votes_of(ex: Extraction, folded: Callable[[str], str]) -> dict[str, dict[str, list]]:
    """An article's votes on the kind of each name skeleton: skeleton -> kind -> [mentions, index of the first]."""
    votes: dict[str, dict[str, list]] = defaultdict(dict)
    for i, m in enumerate(ex.mentions):
        if m.kind not in _LOCAL_KINDS | {DEMAND} and not m.key.split("|", 1)[1].startswith(("country:", ORGAN)):
            if (found := votes[folded(m.canonical)].get(m.kind)) is None:
                votes[folded(m.canonical)][m.kind] = [1, i]
            else:
                found[0] += 1
    return votes


def looked_up(ex: Extraction, folded: Callable[[str], str]) -> set[str]:
    """The skeletons whose kind `_cluster_key` looks up for an article's mentions."""
    found = set()
    for m in ex.mentions:
        kind, rest = m.key.split("|", 1)
        if kind in _LOCAL_KINDS or rest.startswith(ORGAN) or kind == DEMAND or "country:" in rest:
            continue
        found.add(folded(_full(kind, rest, m.canonical)))
    return found


def _vote_kinds(extractions: list[Extraction], folded: _Skeletons, context: Context | None,
                wanted: set[str] | None = None) -> dict[str, str]:
    """One kind per name skeleton: the majority over all mentions in all articles (ties by priority). With
    `context`, only the skeletons these articles look up (or `wanted`), over their votes and the other
    articles'."""
    votes: dict[str, dict[str, list]] = defaultdict(dict)  # skeleton -> kind -> [count, first (article, index)]
    for ex in extractions:
        for skeleton, counts in votes_of(ex, folded.__getitem__).items():
            for kind, (count, index) in counts.items():
                if (found := votes[skeleton].get(kind)) is None:
                    votes[skeleton][kind] = [count, (str(ex.article.iri), index)]
                else:
                    found[0] += count
    if context is None:
        wanted = votes.keys()  # type: ignore[assignment]
    else:
        if wanted is None:
            wanted = set().union(*(looked_up(ex, folded.__getitem__) for ex in extractions))
        for skeleton in wanted:
            _add_votes(votes[skeleton], context.votes(skeleton))
        for word in [s for s in wanted if " " not in s]:
            for skeleton, counts in context.votes_ending(word).items():
                if skeleton not in wanted:
                    _add_votes(votes[skeleton], counts)
    # a name's most common kind, ties by the first mention (as a Counter of the votes in order would give)
    full_person = {s.rsplit(" ", 1)[1] for s, v in votes.items()
                   if " " in s and v and min(v, key=lambda k: (-v[k][0], v[k][1])) == PERSON}
    kinds = {}
    for key in wanted:  # type: ignore[union-attr]
        counter = Counter({kind: count for kind, (count, _) in votes.get(key, {}).items()})
        if not counter:
            continue
        if " " not in key and key in full_person:
            counter[PERSON] += counter.total()  # a surname of a known person is that person
        kinds[key] = min(counter, key=lambda k: (-counter[k], _TYPE_PRIORITY.index(k)))
    return kinds


def kinds_of(skeletons: set[str], context: Context, extractions: list[Extraction] = ()) -> dict[str, str]:
    """The kind of each of `skeletons` over the votes of `extractions` and of the articles `context` knows."""
    return _vote_kinds(sorted(extractions, key=lambda e: str(e.article.iri)), _Skeletons(), context, skeletons)


def _add_votes(votes: dict[str, list], other: dict[str, tuple[int, tuple[str, int]]]) -> None:
    for kind, (count, first) in other.items():
        if (found := votes.get(kind)) is None:
            votes[kind] = [count, tuple(first)]
        else:
            found[0] += count
            found[1] = min(found[1], tuple(first))


def _full(kind: str, rest: str, canonical: str) -> str:
    """The name an entity is clustered by: an organisation's full name (`Ap`, `Høgre`, `LO`: kg.extract's data),
    a national institution's name however it was written (`det norske kongehuset`: `Kongehuset`), else the name
    the article gives."""
    if kind == ORGANIZATION:
        return full_name(canonical) or _institutions().get(rest) or canonical
    return canonical


def _cluster_key(key: str, canonical: str, kinds: dict[str, str], ex: Extraction, folded: _Skeletons) -> str:
    kind, rest = key.split("|", 1)
    if kind in _LOCAL_KINDS or rest.startswith(ORGAN):  # `valgkomiteen`: a body of this article's organisation
        return f"{kind}|{rest}@{ex.article.iri.rsplit('/', 1)[-1]}"  # local until evidence merges it
    if kind == DEMAND or "country:" in rest:  # a country, or a country's institution (`regjering|country:VE`)
        return sys.intern(key)
    name = folded[_full(kind, rest, canonical)]
    kind = kinds.get(name, kind)
    if kind == ORGANIZATION and (owned := _owned_body(canonical)) is not None:
        return sys.intern(f"{kind}|{owned[0]} i {owned[1]}")  # `Valgkomiteen i NJ`: `valhkomite i norsk iournalistlah`
    if kind == ORGANIZATION and " " in name and _SITE.search(canonical):
        name = name.rsplit(" ", 1)[0]  # `Framtida.no` / `Framtida`: an outlet by its site's address
    if kind == ORGANIZATION and " " in name:
        name = _ORG_FORM.sub("", name)  # `Rosenborg Ballklub` / `Rosenborg`, `Equinor ASA` / `Equinor`
        if (council := _town_council(name)) is not None:
            name = " ".join(council)  # `Solvik-bystyret`, `bystyret i Solvik` / `Solvik bystyre`
        elif (branch := party_branch(canonical)) is not None:
            name = " ".join(folded[part] for part in branch)  # `Høyre i Solvik kommune` / `Solvik Høyre`
    if kind in {GPE, PLACE} and (city := city_of(canonical)) is not None:
        return sys.intern(f"{GPE}|{folded[city.name]}")  # `Helsingfors` / `Helsinki`, `Kijev` / `Kyiv`: one city
    if kind == PLACE:
        name = _DEFINITE_PLACE.sub(r"\1", name)  # `Repparfjorden` / `Repparfjord`, `Glomma` stays
    if kind in {GPE, PLACE} and _REGION_ABBREVIATION.search(canonical):
        name = re.sub(r"(?: [a-z]){2,3}$", "", name)  # `Washington D.C.` / `Washington`
    return sys.intern(f"{kind}|{name}")  # one string per entity, however many articles name it


def party_branch(name: str) -> tuple[str, str] | None:
    """(place, party) of a party's branch named as Norwegian news names it: the place and then the party
    (`Solvik Høyre`, `Oslo Ap`) or the party, `i` and the place (`Høyre i Solvik`, `Høgre i Solvik kommune`,
    `Arbeiderpartiet i Vestland fylke`); the party by its full name (parties.yaml), the place as written. None
    for a party itself (`Unge Høyre`, `Partiet De Kristne`) and for any other name."""
    words = name.split()
    if len(words) < 2 or fold(name) in parties():
        return None
    if len(words) >= 3 and words[1] == "i" and (party := parties().get(fold(words[0]))) is not None:
        place = words[2:-1] if len(words) > 3 and fold(words[-1]) in _PLACE_NOUNS else words[2:]
        capitalised = place[0][:1].isupper() and place[-1][:1].isupper() and all(
            w[:1].isupper() or w == "og" for w in place)  # `Sogn og Fjordane`
        return (" ".join(place), party) if capitalised and fold(" ".join(place)) not in countries() else None
        # (`Høyre i Norge` is the party itself)
    party = parties().get(fold(words[-1]))
    if party is None or len(words[-1]) < 2 or not all(w[:1].isupper() for w in words[:-1]) or len(words) > 3:
        return None
    return " ".join(words[:-1]), party


_PLACE_NOUNS = frozenset({"kommune", "fylke", "fylkeskommune", "bydel"})  # `Høyre i Solvik kommune`


@lru_cache(maxsize=1)
def _councils() -> dict[str, str]:
    """The skeletons of a town's or county's councils' nouns (lexicon `local_bodies`: `bystyret`, `bystyre`) ->
    their base form's."""
    pairs = lexicon_pairs("local_bodies")
    return {_skeleton(word): _skeleton(base) for form, base in pairs.items() for word in (form, base)}


# The councils of a whole town (`bystyret`, `byrådet`, `formannskapet`, `kommunestyret`), as skeleton() writes them:
# the council of the only town an article names; not a county's (that town may be in it) nor a district's.
_TOWN_WIDE = {"bistire", "birad", "formanskap", "komunestire"}


def _town_council(name: str) -> tuple[str, str] | None:
    """(town, council) of an organisation's skeleton that names a council with its town (`solvik bistire` of
    `Solvik bystyre` or `Solvik-bystyret`, `biradet i solvik`), as skeletons; None for any other name."""
    words = name.split()
    if len(words) >= 2 and (council := _councils().get(words[-1])) is not None:
        return " ".join(words[:-1]), council
    if len(words) >= 3 and words[1] == "i" and (council := _councils().get(words[0])) is not None:
        return " ".join(words[2:]), council
    return None


def _key_town_bodies(ex: Extraction, clusters: dict[str, str], folded: _Skeletons) -> dict[str, str]:
    """A town's council named by its noun alone (`bystyret`, `byrådet`; lexicon `local_bodies`), kept within its
    article as an organ is, is the council of the town the article names it with (`bystyret i Solvik`,
    `Solvik bystyre`, `Solvik-bystyret`) or else, for the council of a whole town (`_TOWN_WIDE`), of the only
    town (a place with a government, not a country) the article names: one entity across articles with the town's
    council by name. Not where the article names it with two towns, nor where it names two towns and none with it.
    Returns the keys so keyed -> why."""
    named: dict[str, set[str]] = defaultdict(set)  # the council -> the towns the article names it with
    towns = set()
    for m in ex.mentions:
        kind, name = clusters[m.key].split("|", 1)
        if kind == GPE and not name.startswith("country:"):
            towns.add(name)
        elif kind == ORGANIZATION and (council := _town_council(folded[m.canonical])) is not None:
            named[council[1]].add(council[0])
    keyed = {}
    for key, cluster in clusters.items():
        if (base := _organ_of(cluster)) is None:
            continue
        council = _councils().get(base)
        if council is None or len(found := named.get(council) or (towns if council in _TOWN_WIDE else ())) != 1:
            continue
        clusters[key] = sys.intern(f"{ORGANIZATION}|{next(iter(found))} {council}")
        keyed[key] = "the town the article names it with" if council in named else "the only town the article names"
    return keyed


def _owned_body(name: str) -> tuple[str, str] | None:
    """(body, owner) of an organisation's name that is an organ noun in the definite and, after `i`, `ved` or
    `for`, the name of whose it is (`Valgkomiteen i NJ`, `Interimstyret for Høgskulen i Solvik`): the organ's
    base form and the owner's full name (a known short form written out), as skeletons; None for any other name,
    and for a town's council (`_town_council`)."""
    words = name.split()
    if len(words) < 3 or words[1] not in {"i", "ved", "for"} or not words[2][:1].isupper():
        return None
    base = organ_base_of(fold(words[0]))
    if base is None or _skeleton(base) in _councils():
        return None
    owner = " ".join(words[2:])
    return skeleton(base), skeleton(full_name(owner) or owner)


def _owned_bodies(ex: Extraction, clusters: dict[str, str]) -> set[str]:
    """The bodies of an article named by a common noun (`valgkomiteen`) that it names with the organisation whose
    they are (`valgkomiteen i NJ`; one owner only), each as the cluster of the owner's body by name
    (`Valgkomiteen i Norsk Journalistlag`)."""
    owners: dict[str, set[str]] = defaultdict(set)  # the body's base -> the owners the article names it with
    for m in ex.mentions:
        if m.kind == ORGANIZATION and (owned := _owned_body(m.canonical)) is not None:
            owners[owned[0]].add(owned[1])
    found = set()
    for cluster in set(clusters.values()) if owners else ():
        if (base := _organ_of(cluster)) is not None and len(owner := owners.get(base, ())) == 1:
            found.add(sys.intern(f"{ORGANIZATION}|{base} i {next(iter(owner))}"))
    return found


def _organ_of(cluster: str) -> str | None:
    """The skeleton of the organ noun of a body's cluster named by a common noun (`organization|organ:bystyre@a1`
    -> `bistire`); None for any other cluster."""
    if not cluster.startswith(f"{ORGANIZATION}|{ORGAN}"):
        return None
    return _skeleton(cluster.split("|", 1)[1][len(ORGAN):].rsplit("@", 1)[0])


def _owner(base: str, articles: set[URIRef], stories: dict[URIRef, set[str]],
           other_stories: dict[URIRef, set[str]]) -> str | None:
    """The one owner's body by name (`valhkomite i norsk iournalistlah`) among the story entities of the articles
    naming a body `base` (`organ:valgkomite`) together (theirs in `stories`, else in `other_stories`), or None
    where they name none or several."""
    prefix = f"{ORGANIZATION}|{_skeleton(base[len(ORGAN):])} i "
    found = {e for article in articles for e in (stories[article] if article in stories else other_stories[article])
             if e.startswith(prefix)}
    return next(iter(found)) if len(found) == 1 else None


def _attach_misspelt(local: dict[URIRef, dict[str, str]], untold: dict[URIRef, set[str]],
                     groups: dict[str, set[str]], context: Context | None = None, trace: Trace | None = None) -> None:
    """Two names of one kind that differ by one letter (`Ingvil` / `Ingvild Lie`, `Fiskarlaget` /
    `Fiskerlaget`) in a word of four letters or more (`_one_letter_apart`) are one entity where the same article
    names both or their articles share two other entities (`_story`): a misspelling or another spelling. A
    person's name needs two words, a name of one word eight letters; a woman's and a man's first name are two
    people. Candidates are blocked (`spelling_keys`: by the words a name shares with the other, never all pairs);
    the entity is the name most articles give (then the longer, then the first in order), so the result does not
    depend on the order of the articles. With `context`, the names of the other articles paired with these
    articles' names, now or before, count too (and theirs, to a fixed point), and `trace` gets the entity each of
    them is now."""
    seeds = {c for clusters in local.values() for c in clusters.values() if _may_be_misspelt(c)}
    gone = context.former_names() - seeds if context is not None else set()
    pairs, reached = _spelling_pairs(groups, seeds, gone)
    candidates = {c for pair in pairs for c in pair}
    where: dict[str, set[str]] = defaultdict(set)  # a candidate -> the articles naming it
    for article, clusters in local.items():
        for cluster in candidates.intersection(clusters.values()):
            where[cluster].add(str(article))
    seen_with = _stories_naming(candidates, local, untold)
    for cluster in candidates if context is not None else ():
        where[cluster] |= context.articles_naming(cluster)
        seen_with[cluster] |= context.stories(1, cluster)
    graph = nx.Graph()
    for a, b in sorted(pairs):
        if where[a] & where[b] or len((seen_with[a] & seen_with[b]) - {a, b}) >= 2:
            graph.add_edge(a, b)
    target = {}
    for component in nx.connected_components(graph):
        kept = min(component, key=lambda c: (-len(where[c]), -len(c), c))
        target.update({c: kept for c in component if c != kept})
    if trace is not None and context is not None:  # the other articles naming one of these: theirs is this now
        trace.misspelt.update((c, target.get(c, c)) for c in reached - gone)
    for article, clusters in local.items() if target else ():
        for i, (key, cluster) in enumerate(clusters.items()):
            if cluster in target:
                clusters[key] = target[cluster]
                if trace is not None:
                    trace.s1.setdefault(article, {})[i] = cluster


def _spelling_pairs(groups: dict[str, set[str]], seeds: set[str],
                    gone: set[str]) -> tuple[set[tuple[str, str]], set[str]]:
    """The pairs of names one letter apart (`_close_pairs`) blocked with `seeds` and, from those, with every name
    paired, to a fixed point; and the names reached. A name of `gone` (no article gives it now) is in no pair, but
    the names it was paired with are reached: their entity may change with it. Each name reached is compared with
    the names of its blocks once, when it is reached: a pair of two names neither of which is reached (two other
    articles' names that share a block with a seed) is of another component, which the seeds do not change (in a
    build of everything every name is a seed, and every pair is found)."""
    pairs: set[tuple[str, str]] = set()
    reached, frontier = set(), seeds | gone
    gone_by_key = defaultdict(set)
    for cluster in gone:
        for key in spelling_keys(cluster):
            gone_by_key[key].add(cluster)
    blocks: dict[str, tuple[set[str], set[str]]] = {}  # a key looked up -> its names, and those of `gone` only
    while frontier:
        reached |= frontier
        by_key: dict[str, set[str]] = defaultdict(set)  # a key -> the names just reached that it blocks
        for cluster in frontier:
            for key in spelling_keys(cluster):
                by_key[key].add(cluster)
        frontier = set()
        for key, new in by_key.items():
            if key not in blocks:
                members = groups.get(key) or set()
                extra = gone_by_key.get(key, set()) - members
                blocks[key] = (members | extra, extra) if extra else (members, extra)  # a copy only where needed
            group, extra = blocks[key]
            if len(group) < 2:
                continue
            for a, b in _close_pairs(group, new):
                if a not in extra and b not in extra:
                    pairs.add((a, b))
                frontier.update({a, b} - reached)
    return pairs, reached


def spelling_keys(cluster: str) -> tuple[str, ...]:
    """The keys that block the names `_attach_misspelt` compares, so that two names one letter apart share one: a
    name of several words by its kind and first word and by its kind and last word (one of them is not the changed
    one), a name of one word by its first four letters and by its last four (eight letters or more: one change
    cannot touch both); none for a name that is not compared."""
    if not _may_be_misspelt(cluster):
        return ()
    kind, name = cluster.split("|", 1)
    words = name.split()
    if len(words) > 1:
        return f"{kind}|{words[0]} *", f"{kind}|* {words[-1]}"
    return f"{kind}|{name[:4]}*", f"{kind}|*{name[-4:]}"


def _close_pairs(group: set[str], among: set[str] | None = None) -> Iterator[tuple[str, str]]:
    """The pairs of a group's names one letter apart (`_one_letter_apart`) or a person's names with one first name
    a short form of the other (`_nickname_pair`), not a woman's and a man's name; with `among`, only the pairs with
    a name of `among` (each name of it against the group's). The names of a group are of one kind
    (`spelling_keys`), so two of them one letter apart are one edit apart as they are: rapidfuzz finds those (in
    C, in one call per name) before the words are looked at."""
    choices = list(group)
    found = set()
    asked = among if among is not None and len(among) < len(group) else group
    for a in asked:
        for b, _, _ in process.extract(a, choices, scorer=Levenshtein.distance, score_cutoff=1, limit=None):
            if a != b and _one_letter_apart(min(a, b).split("|", 1)[1], max(a, b).split("|", 1)[1]) and \
                    not _man_and_woman(a, b):
                found.add((min(a, b), max(a, b)))
    persons = [c for c in choices if c.startswith(PERSON + "|")]
    if len(persons) > 1:  # the block of a surname: its full names by what follows the first name
        by_rest: dict[str, list[str]] = defaultdict(list)
        for name in persons:
            by_rest[name.split(" ", 1)[1]].append(name)
        for a in asked:
            if a.startswith(PERSON + "|"):
                found.update((min(a, b), max(a, b)) for b in by_rest[a.split(" ", 1)[1]]
                             if _nickname_pair(a.split("|", 1)[1], b.split("|", 1)[1]) and not _man_and_woman(a, b))
    yield from found


@lru_cache(maxsize=1)
def _nicknames() -> frozenset[tuple[str, str]]:
    """Folded first names of which one is a short form of the other (`James`/`Jim`, `William`/`Bill`,
    `Robert`/`Bob`), both ways round: the `nicknames` package's table of English given names and their
    hypocorisms (github.com/carltonnorthern/nicknames), folded as resolution folds names."""
    from nicknames import NickNamer

    pairs = set()
    for canonical, shorts in NickNamer().nickname_lookup.items():
        for short in shorts:
            a, b = skeleton(canonical), skeleton(short)
            if a != b and " " not in a + b:
                pairs |= {(a, b), (b, a)}
    return frozenset(pairs)


def _nickname_pair(a: str, b: str) -> bool:
    """Two folded full names alike but for their first names, one a short form of the other (`jim matis` /
    `iames matis`)."""
    first_a, rest_a = a.split(" ", 1)
    first_b, rest_b = b.split(" ", 1)
    return rest_a == rest_b and (first_a, first_b) in _nicknames()


def _man_and_woman(a: str, b: str) -> bool:
    """Two persons' names whose first words are first names of different genders (`Kari` / `Karl Olsen`)."""
    if not a.startswith(PERSON + "|"):
        return False
    first_a, first_b = a.split("|", 1)[1].split()[0], b.split("|", 1)[1].split()[0]
    genders = {gender(first_a.capitalize()), gender(first_b.capitalize())}
    return first_a != first_b and genders == {"male", "female"}


def _may_be_misspelt(cluster: str) -> bool:
    """A cluster `_attach_misspelt` compares: a person's name of two words or more, an organisation's or place's of
    eight letters or more (not a country, nor an article's own event, delegation or body)."""
    kind, name = cluster.split("|", 1)
    if kind not in {PERSON, ORGANIZATION, GPE, PLACE} or "@" in name or name.startswith(("country:", ORGAN)):
        return False
    return " " in name if kind == PERSON else " " in name or len(name) >= 8


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two folded names of as many words differ by one letter (changed, added or left out) inside a word of
    four letters or more that is no number, or of two in the last word of a name of three words or more (`Trine
    Hasvang Vaa` / `Vaag`: two words alike already)."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or Levenshtein.distance(a, b) != 1:
        return False
    differing = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    shortest = 2 if len(words_a) >= 3 and words_a[-1] != words_b[-1] else 4
    return len(differing) == 1 and all(len(w) >= shortest and w.isalpha() and w not in _GENERATIONS
                                       for w in differing[0])


_GENERATIONS = frozenset({"ir", "sr", "sen", "iun"})  # `Ola Nordmann Jr` and `Sr`, `jun.`, as skeleton() folds them


def _attach_shortened(local: dict[URIRef, dict[str, str]], untold: dict[URIRef, set[str]],
                      context: Context | None = None, trace: Trace | None = None) -> None:
    """Two words of the one longer name of the graph that has them as its first two (`Sara Andersen` ... `Sara
    Andersen Vågenes`: a double surname used in part), as its first and last (`Kari Berg` ... `Kari Lunde Berg`:
    the middle name left out) or as its last two (`Lunde Berg`: a double surname without the first name), or a
    name of four words or more without one of its middle words (`shortened_keys`), are that person when the same
    article names both, or their articles share two other entities, not counting countries: two people may share
    a first name and a surname, seldom also the story."""
    longer = _Table(context and (lambda pair: context.names("p", pair)))
    for clusters in local.values():
        for cluster in clusters.values():
            for key in shortened_keys(cluster):
                longer[key].add(cluster)
    if trace is not None:
        for article, clusters in local.items():
            trace.reads[article].update(f"rp:{c}" for c in clusters.values() if c.startswith(PERSON + "|")
                                        and " " in c)  # every name `shortened_keys` may give
    wanted = {(article, key): next(iter(found)) for article, clusters in local.items()
              for key, cluster in clusters.items() if len(found := longer.get(cluster, ())) == 1}
    if not wanted:
        return
    seen_with = _stories_naming(set(wanted.values()), local, untold)  # a longer name -> its articles' entities
    for target in set(wanted.values()) if context is not None else ():
        seen_with[target] |= context.stories(2, target)
    for article, key in wanted if trace is not None else ():
        trace.reads[article].add(f"rt:{wanted[(article, key)]}")
    for (article, key), target in wanted.items():
        clusters = local[article]
        mine = set(clusters.values()) - {clusters[key]}
        if target in mine or len(_story(clusters, untold[article]) - {clusters[key]} & seen_with[target]) >= 2:
            clusters[key] = target  # the same article, or the same story


def shortened_keys(cluster: str) -> list[str]:
    """The shorter names `_attach_shortened` joins to a person's longer name (three words or more): its first two
    words, its first and last, its last two; and, of four words or more, the name without one of its middle
    words (`Lan Marie Berg` and `Lan Nguyen Berg` for `Lan Marie Nguyen Berg`)."""
    words = cluster.split("|", 1)[1].split()
    if not cluster.startswith(PERSON + "|") or len(words) < 3:
        return []
    keys = [f"{PERSON}|{words[a]} {words[b]}" for a, b in ((0, 1), (0, -1), (-2, -1))]
    return keys + [f"{PERSON}|{' '.join(shorter)}" for shorter in _one_middle_word_less(words)]


def _one_middle_word_less(words: list[str]) -> list[list[str]]:
    """A name of four words or more without one of its middle words, each way (none for a shorter name)."""
    return [words[:i] + words[i + 1:] for i in range(1, len(words) - 1)] if len(words) >= 4 else []


def _without_middle(short: str, full: str) -> bool:
    """`short` is the name `full` (three words or more) without its middle names, or without one of them."""
    words, whole = short.split(), full.split()
    return len(whole) > 2 and (words == [whole[0], whole[-1]] or words in _one_middle_word_less(whole))


def _attach_surnames(clusters: dict[str, str], surnames: dict[str, set[str]],
                     firsts: dict[str, set[str]] | None = None, reads: set[str] | None = None) -> dict[str, set[str]]:
    """Map a short person name to the full name ending in it: a surname (`Støre`) or the last words of a name
    (`Sivertsen Næss`, `Gahr Støre`) in the same article first; graph-wide a one-word surname, the last words
    of the only longer name that ends in them (`Amir Khan Muttaqi` ... `Mawlawi Amir Khan Muttaqi`), and a
    middle initial of the only name with that first name, surname and middle name (`Runar B. Mæland`). Returns
    the one-word surnames that several full names of the graph end in (key -> those names), for
    `_attach_by_story`."""
    here, ambiguous = defaultdict(set), {}
    people = {c.split("|", 1)[1] for c in clusters.values() if c.startswith(PERSON + "|") and " " in c}
    for name in people:
        if not any(other.endswith(" " + name) for other in people):  # `Solum Haug` ends `Ivar Solum Haug`
            words = name.split()
            cluster = f"{PERSON}|{name}"
            for i in range(1, len(words)):
                here[" ".join(words[i:])].add(cluster)
    for key, cluster in clusters.items():
        if not cluster.startswith(PERSON + "|"):
            continue
        name = cluster.split("|", 1)[1]
        # the graph-wide tables are looked up only where the article's own names leave it open (and the keys
        # looked up recorded in `reads`: kg.incremental resolves the article again when their rows change)
        if " " in name:  # several words: the end of a longer name of the same article, else of the graph
            candidates = here.get(name, set())
            if not candidates and len(name.split()) >= 3:  # (_longer and _initialled need three words or more)
                same_surname = _look_up(surnames, name.rsplit(" ", 1)[1], reads, "rs")  # blocking: same ending
                candidates = _longer(name, same_surname) or _initialled(name, same_surname)
            if len(candidates) == 1:
                clusters[key] = next(iter(candidates))
            continue
        # a family name written first (`Wang Yi` ... `Wang`) joins the one full name of the article it starts;
        # graph-wide, the one full name it starts when it is no Norwegian given name and no full name ends in it
        first = {c for c in clusters.values() if c.startswith(f"{PERSON}|{name} ")}
        candidates = here.get(name) or (first if len(first) == 1 else None)
        if not candidates:
            candidates = _look_up(surnames, name, reads, "rs")
            if not candidates and firsts is not None and not norwegian_first_name(name.capitalize()):
                family = _look_up(firsts, name, reads, "rf")
                candidates = family if len(family) == 1 else set()
        if len(candidates) == 1:
            clusters[key] = next(iter(candidates))
        elif len(here.get(name, ())) == 0 and len(_first_names(candidates)) == 1:
            clusters[key] = min(candidates)  # only transliteration variants of one full name
        elif not here.get(name) and len(candidates) > 1:
            ambiguous[key] = set(candidates)
    return ambiguous


def _look_up(table: dict[str, set[str]], key: str, reads: set[str] | None, prefix: str) -> set[str]:
    """`table[key]` (an empty set where it has none), recording `prefix:key` in `reads`."""
    if reads is not None:
        reads.add(f"{prefix}:{key}")
    return table.get(key, set())


def _attach_by_story(local: dict[URIRef, dict[str, str]], ambiguous: dict[tuple[URIRef, str], set[str]],
                     untold: dict[URIRef, set[str]], context: Context | None = None,
                     trace: Trace | None = None) -> set[tuple[URIRef, str]]:
    """A surname alone that several full names of the graph end in (`Mæland`: Monica Mæland, Runar B. Mæland)
    is the one of them named in articles that share two other entities with its own, countries and who told the
    stories not counted (`_story`; nor a name only ever in a byline or a credit), when exactly one is; returns the
    (article, key) pairs it attached."""
    if not ambiguous:
        return set()
    wanted = {c for found in ambiguous.values() for c in found}
    seen_with = _stories_naming(wanted, local, untold, told_only=True)  # a byline's name is no one's surname
    for name in wanted if context is not None else ():
        seen_with[name] |= context.stories(5, name)
    for (article, _), found in ambiguous.items() if trace is not None else ():
        trace.reads[article].update(f"rc:{name}" for name in found)
    attached = set()
    for (article, key), found in ambiguous.items():
        clusters = local[article]
        mine = _story(clusters, untold[article]) - {clusters[key]}
        same_story = {name for name in found if len(mine & (seen_with[name] - {name})) >= 2}
        if len(same_story) == 1:
            clusters[key] = next(iter(same_story))
            attached.add((article, key))
    return attached


def _longer(name: str, full_names: set[str]) -> set[str]:  # full_names: those with name's surname
    """The person names of the graph that end in all the words of `name` and have more, where `name` holds a
    first name too (three words or more): `Amir Khan Muttaqi` in `Mawlawi Amir Khan Muttaqi`, but not a double
    surname alone (`Lunde Moe` may be another Lunde Moe than the article's Kari)."""
    if len(name.split()) < 3:
        return set()
    return {c for c in full_names if c.endswith(" " + name) and c != f"{PERSON}|{name}"}


def _initialled(name: str, full_names: set[str]) -> set[str]:
    """The person names with the same first name and surname whose middle names begin with `name`'s initials
    (`runar b maland` -> `runar biorkvik maland`) or short forms (`Hans Chr. Mølstad`: `hans cr molstad` -> `hans
    cristian molstad`); only for a name that has an initial or a middle name of at most three letters."""
    words = name.split()
    if len(words) < 3 or not any(len(w) <= 3 for w in words[1:-1]):
        return set()
    found = set()
    for cluster in full_names:
        other = cluster.split("|", 1)[1].split()
        if len(other) == len(words) and other[0] == words[0] and other[-1] == words[-1] and other != words and all(
                a == b or (len(a) <= 3 and b.startswith(a)) for a, b in zip(words[1:-1], other[1:-1], strict=True)):
            found.add(cluster)
    return found


def _first_names(clusters: set[str]) -> set[str]:
    return {c.split("|", 1)[1] for c in clusters}


def _merge_events(extractions: list[Extraction], local: dict[URIRef, dict[str, str]],
                  trace: Trace | None = None) -> None:
    """Merge events of different articles that happened at the same place on the same date (or are the same
    numbered round at the same place); their delegations of the same country merge with them."""
    by_evidence: dict[tuple, list[tuple[URIRef, str]]] = defaultdict(list)
    for ex in extractions:
        clusters = local[ex.article.iri]
        places = defaultdict(set)
        for fact in ex.facts:
            if fact.predicate == "schema:location" and fact.subject in clusters and fact.object in clusters:
                places[fact.subject].add(clusters[fact.object])
        for key, cluster in clusters.items():
            if not cluster.startswith(EVENT + "|") or not places.get(key):
                continue
            family_round = key.split("|", 1)[1]
            day = ex.dates.get(key)
            round_number = family_round.rsplit("#", 1)[1]
            if day is None and round_number == "1":
                continue  # no date and no numbered round: no evidence to merge on
            by_evidence[(family_round, frozenset(places[key]), day)].append((ex.article.iri, key))
            if trace is not None:  # the articles of the same evidence are resolved together
                trace.reads[ex.article.iri].add(f"e:{family_round}|{'+'.join(sorted(places[key]))}|{day}")
    for (family_round, places, day), members in by_evidence.items():
        if len({article for article, _ in members}) < 2:
            continue
        merged = f"{EVENT}|{family_round}@{day}|" + "+".join(sorted(c.split("|", 1)[1] for c in places))
        for article, key in members:
            local[article][key] = merged
            for other, cluster in local[article].items():
                if cluster.startswith(DELEGATION + "|"):
                    local[article][other] = f"{DELEGATION}|{merged}|{other.split('|', 1)[1]}"


def _story(clusters: dict[str, str], untold: set[str]) -> set[str]:
    """The entities that tell which story an article is (to find the same story in another): its clusters but
    countries, which too many stories share, and those it names only as its source, byline or photo credit
    (`VG`, `NTB`, a photographer: `_untold`), which say who told it, not what it is about."""
    return {c for key, c in clusters.items() if key not in untold and not c.startswith(f"{GPE}|country:")}


def _stories_naming(names: set[str], local: dict[URIRef, dict[str, str]], untold: dict[URIRef, set[str]],
                    told_only: bool = False) -> dict[str, set[str]]:
    """For each of `names`, the story entities (`_story`) of the articles that name it; with `told_only`, of the
    articles that name it in their story, not only in a byline or credit."""
    found: dict[str, set[str]] = defaultdict(set)
    for article, clusters in local.items():
        if names.isdisjoint(clusters.values()):
            continue  # most articles name none of them: no story to work out
        story = _story(clusters, untold[article])
        for name in names & (story if told_only else set(clusters.values())):
            found[name] |= story
    return found


def _untold(ex: Extraction) -> set[str]:
    """The local keys of an article that only say who told the story: the sources and authors of its facts, and
    the names mentioned only in its byline and photo credits."""
    article = ex.article
    told_by = {f.object for f in ex.facts if f.predicate in {"kgo:reportedBy", "schema:author"}}
    spans = [*article.credits, *([article.byline] if article.byline else [])]
    outside = {m.key for m in ex.mentions if not any(start <= m.start and m.end <= end for start, end in spans)}
    return told_by | ({m.key for m in ex.mentions} - outside)


def _merge_bodies(local: dict[URIRef, dict[str, str]], untold: dict[URIRef, set[str]],
                  context: Context | None = None, trace: Trace | None = None,
                  owned: dict[URIRef, set[str]] | None = None,
                  keyed: dict[tuple[URIRef, str], tuple[str, str]] | None = None) -> dict[URIRef, set[str]]:
    """A body named by a common noun (`valgkomiteen`, kept within its article) is one across articles that name
    three other entities in common, countries not counted (`LOs valgkomité` in two articles about LO's election;
    not the valgkomité of a sports federation in a third; two were too few on eval/news/dev: a university and a
    minister joined two stories' working committees). Entities named in more than 50 of the articles
    naming such a body say nothing of which body it is and are not counted. With `context`, the other articles
    naming a body of the same name count too, `trace` gets the groups they are in now, and the groups with
    any of them are returned (the body's IRI -> its articles). A group whose articles name the body with one
    organisation (`owned`: `valgkomiteen i NJ`) is that organisation's body by name, one article alone too
    (`keyed` gets its keys)."""
    groups: dict[URIRef, set[str]] = {}
    bodies: dict[str, list[URIRef]] = defaultdict(list)  # the body's base -> the articles naming one
    for article, clusters in local.items():
        for cluster in set(clusters.values()):
            if cluster.startswith(f"{ORGANIZATION}|{ORGAN}"):
                bodies[cluster.split("|", 1)[1].rsplit("@", 1)[0]].append(article)
    owned = owned or {}
    keyed = keyed if keyed is not None else {}
    entities = {a: {c for c in _story(local[a], untold[a]) if not c.startswith(f"{ORGANIZATION}|{ORGAN}")}
                | owned.get(a, set()) for a in {a for articles in bodies.values() for a in articles}}
    if trace is not None:
        for base, articles in bodies.items():
            for article in articles:
                trace.reads[article].add(f"b:{base}")
                trace.body_story[article] = entities[article]
    for base, articles in bodies.items():
        others = context.bodies(base) if context is not None else {}  # article -> its story's entities
        articles = sorted({*articles, *others}, key=str)
        postings: dict[str, list[URIRef]] = defaultdict(list)
        for article in articles if len(articles) > 1 else ():
            for entity in entities[article] if article in entities else others[article]:
                postings[entity].append(article)
        shared: Counter = Counter()
        for named in postings.values():
            if 1 < len(named) <= 50:
                shared.update((a, b) for i, a in enumerate(named) for b in named[i + 1:])
        same = nx.Graph()
        same.add_weighted_edges_from((a, b, count) for (a, b), count in shared.items() if count >= 3)
        for component in [*_cliques(same), *({a} for a in articles if a not in same)]:
            # the body of the one organisation its articles name it with (`valgkomiteen i NJ`), else theirs
            owner = _owner(base, component, entities, others)
            body = owner or f"{ORGANIZATION}|{base}@{min(component, key=str).rsplit('/', 1)[-1]}"
            if not component <= local.keys():
                groups[entity_iri(*body.split("|", 1))] = {str(a) for a in component}
            for article in component:
                if article not in local:  # another article's group, now
                    trace.groups[str(article)][base] = {str(a) for a in component}  # type: ignore[union-attr]
                    continue
                clusters = local[article]
                for key, cluster in clusters.items():
                    if cluster.startswith(f"{ORGANIZATION}|{base}@"):
                        clusters[key] = body
                        if owner is not None:
                            keyed[(article, key)] = ("kg.merge.owner.v1", "the body of the organisation it is named "
                                                     "with in this article or one of its story's")
    return groups


def _cliques(graph: nx.Graph) -> Iterator[set[URIRef]]:
    """The articles of `graph` (an edge: they share entities of their stories) in groups where every two are
    joined: each time the largest group, then the one with most entities shared, then the first by IRI. A
    chain of stories (A shares with B, B with C, C not with A: two federations' committees and a club they
    both name) is not one body."""
    for component in nx.connected_components(graph):
        left = graph.subgraph(component).copy()
        while left:
            best = min(nx.find_cliques(left), key=lambda clique: (
                -len(clique), -sum(left[a][b]["weight"] for i, a in enumerate(clique) for b in clique[i + 1:]),
                sorted(map(str, clique))))
            yield set(best)
            left.remove_nodes_from(best)


def _entities(extractions: list[Extraction], local: dict[URIRef, dict[str, str]],
              context: Context | None = None) -> Resolution:
    forms: dict[str, tuple[str, int] | Counter] = {}  # cluster -> its names and counts; (name, count) for one name,
    # as most have (a Counter is four times the memory)
    descriptions: dict[str, tuple[str, str]] = {}  # cluster -> (article, text) of the last article describing it
    iris: dict[str, URIRef] = {}
    names: dict[URIRef, dict[URIRef, tuple[str, ...]]] = {}
    alone: dict[str, tuple[str]] = {}  # a name -> the tuple of it alone, one for all the articles that give it
    for ex in extractions:
        clusters = local[ex.article.iri]
        per_article: dict[str, str | set[str]] = {}  # a name, or the set of them where there are several
        for m in ex.mentions:
            cluster = clusters[m.key]
            form = forms.get(cluster)
            if form is None:
                forms[cluster] = (m.canonical, 1)
            elif isinstance(form, Counter):
                form[m.canonical] += 1
            elif form[0] == m.canonical:
                forms[cluster] = (m.canonical, form[1] + 1)
            else:
                forms[cluster] = Counter({form[0]: form[1], m.canonical: 1})
            known = per_article.get(cluster)
            if known is None:
                per_article[cluster] = m.canonical
            elif isinstance(known, set):
                known.add(m.canonical)
            elif known != m.canonical:
                per_article[cluster] = {known, m.canonical}
        for key, text in ex.descriptions.items():
            descriptions[clusters.get(key, key)] = (str(ex.article.iri), text)
        for cluster in per_article:
            if cluster not in iris:
                iris[cluster] = entity_iri(*cluster.split("|", 1))
        # sorted tuples, made one article at a time: a set of one name takes four times the memory of a tuple
        names[ex.article.iri] = {iris[c]: alone.get(n) or alone.setdefault(n, (n,)) if isinstance(n, str)
                                 else tuple(sorted(n)) for c, n in per_article.items()}
    entities = {}
    for cluster, form in forms.items():
        counter = form if isinstance(form, Counter) else Counter({form[0]: form[1]})
        described = descriptions.get(cluster)
        if context is not None:  # the other articles' names and descriptions of the entity
            counter.update(context.forms(cluster))
            if (other := context.description(cluster)) is not None and (described is None or other > described):
                described = other
        label = _label(counter)
        others = frozenset(counter) - {label} if len(counter) > 1 else _NO_NAMES  # most have one name
        entities[iris[cluster]] = Entity(iris[cluster], cluster.split("|", 1)[0], label, others,
                                         described and described[1])
    for clusters in local.values():  # each article's map from local keys to clusters becomes its map to IRIs
        for key, cluster in clusters.items():
            clusters[key] = iris[cluster]
    return Resolution(entities, local, names)  # type: ignore[arg-type]


def _record_decisions(extractions: list[Extraction], kinds: dict[str, str], resolution: Resolution,
                      folded: _Skeletons, by_story: set[tuple[URIRef, str]],
                      groups: dict[URIRef, set[str]] | None = None,
                      keyed: dict[tuple[URIRef, str], tuple[str, str]] | None = None) -> None:
    """For every name an article gives an entity that is not the entity's label, the rule that made it one:
    the same folded spelling (`Oleksij` / `Oleksiy`), a surname or the end of a full name (`Støre`); for an
    event or delegation shared with other articles, the same place and date; for a body keyed by its town or
    organisation (`bystyret`, `valgkomiteen`), that town or organisation."""
    groups, keyed = groups or {}, keyed or {}
    # the articles naming each event, delegation and body named by a noun (the decisions below count them)
    counted = {iri for keys in resolution.local.values() for key, iri in keys.items()
               if key.startswith(f"{ORGANIZATION}|{ORGAN}")}
    counted |= {iri for iri, entity in resolution.entities.items() if entity.kind in _LOCAL_KINDS}
    articles_of: dict[URIRef, set[URIRef]] = defaultdict(set)
    for article, keys in resolution.local.items():
        for iri in keys.values():
            if iri in counted:
                articles_of[iri].add(article)
    for ex in extractions:
        article = ex.article.iri
        keys = resolution.local[article]
        last = {m.key: m.canonical for m in ex.mentions}  # the name that gave each key its cluster (the last)
        decisions: dict[tuple[URIRef, str], Decision] = {}
        for m in ex.mentions:
            iri = keys.get(m.key)
            entity = resolution.entities.get(iri)
            if entity is None or (iri, m.canonical) in decisions:
                continue
            if entity.kind in _LOCAL_KINDS:
                if len(others := articles_of[iri] - {article}) > 0:
                    decisions[(iri, m.canonical)] = Decision(
                        iri, m.canonical, "kg.merge.event.v1",
                        f"the same {entity.kind} at the same place and date (or numbered round) as in "
                        f"{len(others)} other article(s)")
                continue
            if (article, m.key) in keyed:  # a body named by its noun, keyed by its town or organisation
                if m.canonical == entity.label:
                    continue
                rule, why = keyed[(article, m.key)]
                decisions[(iri, m.canonical)] = Decision(iri, m.canonical, rule,
                                                         f"«{m.canonical}» is «{entity.label}»: {why}")
                continue
            if m.key.startswith(f"{ORGANIZATION}|{ORGAN}"):  # a body named by a common noun
                if iri in groups:  # a group with articles outside these (a resolution with a context)
                    others = groups[iri] - {str(article)}  # type: ignore[assignment]
                else:
                    others = articles_of[iri] - {article}
                if len(others) > 0:
                    decisions[(iri, m.canonical)] = Decision(
                        iri, m.canonical, "kg.merge.body.v1",
                        f"the same body as in {len(others)} other article(s): the articles name at least two other "
                        "entities in common")
                continue
            if m.canonical == entity.label:
                continue
            # the key's cluster as its name gave it, before surnames, events and bodies joined it to others
            # (worked out again here, for the names that differ from their entity's label, rather than kept)
            own = _cluster_key(m.key, last[m.key], kinds, ex, folded).split("|", 1)[1]
            full = folded[entity.label]
            if entity.kind == PERSON and own != full and _initialled(own, {f"{PERSON}|{full}"}):
                rule = "kg.merge.initial.v1"
                why = (f"«{m.canonical}» has the first name, surname and middle initials of «{entity.label}», the "
                       "only such name")
            elif entity.kind == PERSON and len(own.split()) == 2 and full.startswith(own + " "):
                rule = "kg.merge.shortened.v1"
                why = (f"«{m.canonical}» begins «{entity.label}», the only longer name that does, named in the same "
                       "article or in articles that name two other entities in common")
            elif entity.kind == PERSON and _without_middle(own, full):
                rule = "kg.merge.middle.v1"
                why = (f"«{m.canonical}» is «{entity.label}» without a middle name, the only longer name with that "
                       "first name and surname, named in the same article or in articles that name two other "
                       "entities in common")
            elif entity.kind == PERSON and len(own.split()) == 2 and len(full.split()) > 2 and full.endswith(" " + own):
                rule = "kg.merge.tail.v1"
                why = (f"«{m.canonical}» ends «{entity.label}», the only longer name that does, named in the same "
                       "article or in articles that name two other entities in common")
            elif entity.kind == PERSON and own != full and " " not in own and full.split(" ", 1)[0] == own:
                rule = "kg.merge.family.v1"
                why = (f"«{m.canonical}» is the family name, written first, of «{entity.label}», the only full name "
                       "that starts with it")
            elif entity.kind == PERSON and own != full and " " in own and \
                    (own.split()[0], full.split()[0]) in _nicknames() and own.split()[-1] == full.split()[-1]:
                rule = "kg.merge.nickname.v1"
                why = (f"«{m.canonical}» is «{entity.label}» with a short form of the first name, and the same "
                       "article names both or their articles name two other entities in common")
            elif own != full and _one_letter_apart(own, full):
                rule = "kg.merge.misspelling.v1"
                why = (f"«{m.canonical}» and «{entity.label}» differ by one letter, and the same article names both "
                       "or their articles name two other entities in common")
            elif entity.kind == PERSON and (article, m.key) in by_story:
                rule = "kg.merge.surname.story.v1"
                why = (f"«{m.canonical}» ends «{entity.label}», one of several full names that do, and the only one "
                       "named in articles that share two other entities with this one")
            elif entity.kind == PERSON and own != full:
                here = resolution.names[article].get(iri, ())
                where = "in the same article" if any(" " in n for n in here) else \
                    "elsewhere in the graph (the only full name that ends so)"
                rule, why = "kg.merge.surname.v1", f"«{m.canonical}» ends the full name «{entity.label}» {where}"
            elif entity.kind == ORGANIZATION and own != full and _town_council(own):
                rule = "kg.merge.town.v1"
                why = f"«{m.canonical}» and «{entity.label}» name the same council of the same town"
            elif entity.kind == ORGANIZATION and own != full and _owned_body(m.canonical):
                rule = "kg.merge.owner.v1"
                why = f"«{m.canonical}» and «{entity.label}» name the same body of the same organisation"
            elif entity.kind == GPE and folded[m.canonical] != full and (city := city_of(m.canonical)) is not None \
                    and city == city_of(entity.label):
                rule = "kg.merge.city.v1"
                why = (f"«{m.canonical}» and «{entity.label}» are names of one city in GeoNames: {city.name} "
                       f"({city.country}, {city.geonameid})")
            elif entity.kind == ORGANIZATION and folded[m.canonical] != full and \
                    (branch := party_branch(m.canonical)) is not None:
                rule = "kg.merge.branch.v1"
                why = f"«{m.canonical}» and «{entity.label}» name {branch[1]}'s branch in {branch[0]}"
            elif folded[m.canonical] == full:
                rule = "kg.merge.spelling.v1"
                why = f"«{m.canonical}» and «{entity.label}» fold to the same key «{full}»"
            else:
                continue
            decisions[(iri, m.canonical)] = Decision(iri, m.canonical, rule, why)
        if decisions:
            resolution.decisions[article] = sorted(decisions.values(), key=lambda d: (str(d.entity), d.name))


def _label(counter: Counter) -> str:
    """The canonical name: an organisation's full name from kg.extract's data when it is among the forms
    (`Høyre` over `Høgre`, `Kongehuset` over `det norske kongehuset`); else the fullest form (most words, then
    most letters: `Bjørkvik` over `B.`), then the most frequent, then the first in order."""
    known = {full_name(name) or _institutions().get(fold(name)) for name in counter} & set(counter)
    if len(known) == 1:
        return next(iter(known))
    return min(counter, key=lambda name: (-len(name.split()), -counter[name], -len(name.replace(".", "")), name))


def _job_titles(ex: Extraction, keys: dict[str, URIRef]) -> dict[str, set[str]]:
    """The job titles of each resolved person of an article (local key -> titles); a modified present title
    (`administrerende direktør`) also counts as its bare title, so that `direktøren` finds its holder."""
    titles = defaultdict(set)
    for fact in ex.facts:
        if fact.predicate == "schema:jobTitle" and fact.subject in keys:
            titles[fact.subject].add(fact.object)
            if " " in fact.object and not fact.object.startswith("tidligere "):
                titles[fact.subject].add(fact.object.rsplit(" ", 1)[1])
    return titles


def _resolve_references(extractions: list[Extraction], resolution: Resolution, folded: _Skeletons,
                        context: Context | None = None, trace: Trace | None = None) -> None:
    """Bind references that are not mentions: `title|t` (`forsvarsministeren`) to the one person of the same
    article with job title t, `name|x` (from `X-rådgiver`) to the one person whose name ends in x, and
    `role|title|country:XX` (`rådgiver til Finlands president`) to the one person the graph knows with that job
    title and affiliation. A reference that fits no one, or several, stays unbound."""
    wanted = {folded[ref[5:]].rsplit(" ", 1)[-1] for ex in extractions for fact in ex.facts if not fact.literal
              for ref in (fact.subject, fact.object) if ref.startswith("name|")}  # the surnames `name|x` ask for
    by_surname: dict[str, set[URIRef]] = defaultdict(set)  # blocking: the last word of a person's name
    for entity in resolution.entities.values() if wanted else ():
        if entity.kind == PERSON and (surname := folded[entity.label].rsplit(" ", 1)[-1]) in wanted:
            by_surname[surname].add(entity.iri)
    holders: dict[tuple[str, URIRef], set[URIRef]] = defaultdict(set)
    if context is not None:  # the other articles' persons and holders of titles, on first look-up
        # persons these articles name have their labels from this resolution; the others from the context
        named_here, by_surname = by_surname, _Table(lambda s: context.by_surname(s) - resolution.entities.keys())
        by_surname.update(named_here)
        holders = _Table(lambda pair: context.holders(*pair))
    for ex in extractions:
        keys = resolution.local[ex.article.iri]
        titles = _job_titles(ex, keys)
        for fact in ex.facts:
            if fact.predicate == "schema:affiliation" and fact.subject in keys and fact.object in keys:
                for title in titles[fact.subject]:
                    holders[(title, keys[fact.object])].add(keys[fact.subject])
                    if trace is not None:
                        trace.holders[ex.article.iri].add((title, str(keys[fact.object]), str(keys[fact.subject])))
    countries = {key: iri for keys in resolution.local.values() for key, iri in keys.items()
                 if key.startswith(GPE + "|country:")}
    for ex in extractions:
        keys = resolution.local[ex.article.iri]
        held = defaultdict(set)  # title -> people of this article with that job title
        for subject, titles in _job_titles(ex, keys).items():
            for title in titles:
                held[title].add(keys[subject])
        for ref in {r for f in ex.facts for r in (f.subject, f.object) if not f.literal}:
            if ref in keys or "|" not in ref:
                continue
            kind, rest = ref.split("|", 1)
            found: set[URIRef] = set()
            if kind == "title":
                found = held.get(rest, set())
            elif kind == "name":
                found = by_surname.get(surname := folded[rest].rsplit(" ", 1)[-1], set())
                if trace is not None:
                    trace.reads[ex.article.iri].add(f"ns:{surname}")
            elif kind == "role":
                title, country = rest.split("|", 1)
                # a country no article names has no holders; with context, other articles may name it
                org = countries.get(f"{GPE}|{country}") or (entity_iri(GPE, country) if context else None)
                found = holders.get((title, org), set())
                if trace is not None:
                    trace.reads[ex.article.iri].add(f"rh:{title}|{org}")
            if len(found) == 1:
                keys[ref] = next(iter(found))


def _name_events_by_place(extractions: list[Extraction], resolution: Resolution) -> None:
    """`samtaler` -> `samtaler i Genève`: an event's label says where it took place, when that is known."""
    places: dict[URIRef, set[str]] = defaultdict(set)
    for ex in extractions:
        keys = resolution.local[ex.article.iri]
        for fact in ex.facts:
            if fact.predicate == "schema:location" and fact.subject in keys and fact.object in keys:
                places[keys[fact.subject]].add(resolution.entities[keys[fact.object]].label)
    for iri, labels in places.items():
        event = resolution.entities[iri]
        resolution.entities[iri] = replace(event, label=f"{event.label} i {min(labels)}",
                                           alternate_names=event.alternate_names | {event.label})
