"""Score the graph Nyhetsgraf builds from a gold corpus against its gold (`kg evaluate GOLD_FOLDER`).

Every article is parsed and extracted once; its facts are then resolved and written to RDF twice: alone, and
with the whole folder. Relations are read back from the RDF (what a user would query), and matched against
the gold by the rules in docs/quality.md, written out in the helpers below:

- an extracted node stands for a gold entity of the same article when one of its names in that article's graph
  equals one of the entity's variants (case-folded, a genitive -s dropped); a one-word name also stands for a
  person whose surname it is; an event or delegation node for a gold event or delegation of that kind when
  they share a content word (the same first five letters, a word of four letters that begins the other, or the
  head of a compound: `møtet` / `styremøtet`);
- titles by base form: case-folded, an organisation prefix (`LO-leder`) dropped, qualifiers (`tidligere`,
  `påtroppende`, `avtroppende`, `fungerende`) compared apart and required to agree; one title may end in the
  other (`direktør` / `administrerende direktør`, but not one part of a coordinated `helse- og omsorgsminister`);
- demands by content words: at least half of the gold wording's content words (compared as above, stop words
  left out) are in the extracted demand's description;
- `met` in either direction.

A core relation found counts for recall. An extracted relation of a type the gold covers counts for precision
when it matches a core or optional relation, against it otherwise; matching a trap counts as a trap hit.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

from rdflib import Dataset, Literal, URIRef

from kg.extract.gazetteer import fold
from kg.gold import RELATIONS, GoldArticle, GoldCorpus, GoldEntity, GoldRelation, title_parts
from kg.vocab import KGO, RDF, RDFS, SCHEMA

PREDICATES = {
    KGO.attended: "attended", KGO.demanded: "demanded", KGO.ledDelegation: "ledDelegation",
    SCHEMA.jobTitle: "jobTitle", SCHEMA.affiliation: "affiliation", KGO.adviserTo: "adviserTo",
    SCHEMA.memberOf: "memberOf", KGO.met: "met", SCHEMA.location: "location", SCHEMA.author: "author",
    KGO.reportedBy: "reportedBy",
}
_CLASSES = {"Person": SCHEMA.Person, "Organization": SCHEMA.Organization, "Place": SCHEMA.Place,
            "Event": SCHEMA.Event, "Delegation": KGO.Delegation}
_NAMED = ("Person", "Organization", "Place")  # entities matched by name; events and delegations by content word
_QUALIFIERS = {  # a word before a title -> the qualifier the gold writes in parentheses
    "tidligere": "tidligere", "tidlegare": "tidligere", "forhenværende": "tidligere", "forrige": "tidligere",
    "eks": "tidligere", "påtroppende": "påtroppende", "påtroppande": "påtroppende", "kommende": "påtroppende",
    "avtroppende": "avtroppende", "avtroppande": "avtroppende", "avgående": "avtroppende",
    "fungerende": "fungerende", "fungerande": "fungerende", "konstituert": "fungerende",
}


@dataclass
class Counts:
    """Precision and recall counts of one relation type, one article, or all."""

    found: int = 0  # core relations found (recall numerator)
    core: int = 0  # core relations in the gold
    correct: int = 0  # extracted relations that match a core or optional relation
    wrong: int = 0  # extracted relations that match nothing in the gold
    traps: int = 0  # extracted relations that match a trap (also counted in `wrong`)

    def add(self, other: Counts) -> None:
        for name in ("found", "core", "correct", "wrong", "traps"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float | None:
        return self.correct / (self.correct + self.wrong) if self.correct + self.wrong else None

    @property
    def recall(self) -> float | None:
        return self.found / self.core if self.core else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)

    def as_dict(self) -> dict:
        return asdict(self) | {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Error:
    """A core relation missed, or an extracted relation the gold does not support."""

    article: str
    kind: str  # "missed", "false", "trap", or "entity" (a gold entity not found, or found with another type)
    relation: str
    subject: str
    object: str
    evidence: str
    rule: str = ""


@dataclass
class Report:
    corpus: str
    articles: int
    relations: Counts
    per_type: dict[str, Counts]
    alone: Counts  # every article built alone
    per_article: dict[str, Counts]  # built alone
    traps_total: int
    entities: dict[str, int]  # gold entities, found, found with the right type
    cross_article: dict[str, int]  # shared entities, found in each of their articles, one node, split
    false_merges: list[dict]  # nodes that stand for two gold entities
    split: list[str] = field(default_factory=list)  # shared entities found in each article, but not as one node
    per_rule: dict[str, list[int]] = field(default_factory=dict)  # kgo:rule -> [right, wrong] statements
    reliability: list[dict] = field(default_factory=list)  # per confidence band: stated against observed
    errors: list[Error] = field(default_factory=list)

    def as_dict(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if k not in {"relations", "per_type", "alone", "per_article",
                                                                    "errors"}}
        data["relations"] = self.relations.as_dict()
        data["per_type"] = {k: v.as_dict() for k, v in self.per_type.items()}
        data["alone"] = self.alone.as_dict()
        data["per_article"] = {k: v.as_dict() for k, v in self.per_article.items()}
        data["errors"] = [asdict(e) for e in self.errors]
        return data


def evaluate(corpus: GoldCorpus, nlp=None, progress: Callable[[int, int], None] | None = None,  # noqa: ANN001
             min_confidence: float = 0.0) -> Report:
    """Build the corpus's articles alone and together and score both against the gold (facts below
    `min_confidence` left out, as `kg build --min-confidence` does)."""
    from kg.ingest import read_file
    from kg.pipeline import confident, extract_all
    from kg.rdf import to_dataset
    from kg.resolve import resolve_entities

    articles = [next(iter(read_file(a.path))) for a in corpus.articles]
    extractions = [confident(ex, min_confidence) for ex in extract_all(articles, nlp, progress)]
    together = to_dataset(extractions, resolve_entities(extractions))
    report = Report(str(corpus.folder), len(articles), Counts(), {r: Counts() for r in RELATIONS}, Counts(), {},
                    sum(len(a.traps) for a in corpus.articles), Counter(), {}, [])
    views = {}
    for gold, ex in zip(corpus.articles, extractions, strict=True):
        views[gold.id] = view = ArticleView(together, ex.article.iri, gold)
        per_type, errors = score_article(view)
        for rule, (right, wrong) in view.rules.items():
            report.per_rule.setdefault(rule, [0, 0])
            report.per_rule[rule][0] += right
            report.per_rule[rule][1] += wrong
        for relation, counts in per_type.items():
            report.per_type[relation].add(counts)
            report.relations.add(counts)
        report.errors += errors
        alone = ArticleView(to_dataset([ex], resolve_entities([ex])), ex.article.iri, gold)
        report.per_article[gold.id] = Counts()
        for counts in score_article(alone)[0].values():
            report.per_article[gold.id].add(counts)
        report.alone.add(report.per_article[gold.id])
        counts, errors = _entity_counts(alone)
        report.entities.update(counts)
        report.errors += errors
    report.entities = dict(report.entities)
    report.cross_article, report.split, report.false_merges = _resolution(corpus, views)
    from kg.extract.gazetteer import confidences

    report.reliability = reliability(report.per_rule, confidences())
    return report


BANDS = ((0.0, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def reliability(per_rule: dict[str, list[int]], stated: dict[str, float]) -> list[dict]:
    """Whether confidence means what it says: the statements of the rules whose confidence (`stated`, from
    confidence.yaml) falls in each band, their mean stated confidence and the share of them that were right.
    Rules with no measured confidence are left out."""
    rows = []
    for low, high in BANDS:
        rules = [(stated[r], right, wrong) for r, (right, wrong) in per_rule.items()
                 if r in stated and low <= stated[r] < high]
        n = sum(right + wrong for _, right, wrong in rules)
        if n:
            rows.append({"band": f"{low:.1f}-{min(high, 1.0):.1f}", "statements": n,
                         "stated": round(sum(c * (right + wrong) for c, right, wrong in rules) / n, 3),
                         "right": round(sum(right for _, right, _ in rules) / n, 3)})
    return rows


class ArticleView:
    """One article's named graph in a dataset, with its nodes tied to the gold entities they stand for."""

    def __init__(self, dataset: Dataset, article: URIRef, gold: GoldArticle) -> None:
        graph = dataset.graph(article)
        self.article, self.gold = article, gold
        self.names: dict[URIRef, set[str]] = defaultdict(set)
        self.types: dict[URIRef, set[URIRef]] = defaultdict(set)
        for node in graph.objects(article, SCHEMA.mentions):
            self.names[node] |= {str(o) for p in (RDFS.label, SCHEMA.alternateName) for o in graph.objects(node, p)}
            self.types[node] |= set(graph.objects(node, RDF.type))
        self.descriptions = {s: str(o) for s, o in graph.subject_objects(SCHEMA.description)}
        self.statements = []
        for node in graph.subjects(RDF.type, KGO.Statement):
            predicate = graph.value(node, RDF.predicate)
            if predicate in PREDICATES:
                self.statements.append((graph.value(node, RDF.subject), PREDICATES[predicate],
                                        graph.value(node, RDF.object), str(graph.value(node, KGO.evidence) or ""),
                                        str(graph.value(node, KGO.rule) or "")))
        self.statements.sort(key=lambda s: (s[1], str(s[0]), str(s[2]), s[3], s[4]))
        self.rules: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # rule -> [right, wrong] statements
        self.strong = {n: _closest(self.names[n], [e for e in gold.entities if _name_match(self.names[n], e)])
                       for n in self.names}
        self.stands_for = {n: self.strong[n] | {e.name for e in gold.entities if _weak_match(self, n, e)}
                           for n in self.names}

    def gold_names(self, node: URIRef) -> set[str]:
        if node == self.article:
            return {self.gold.subject}
        return self.stands_for.get(node, set())

    def shown(self, node: URIRef | Literal) -> str:
        if isinstance(node, Literal):
            return str(node)
        if node == self.article:
            return self.gold.subject
        if node in self.descriptions:
            return self.descriptions[node]
        return min(self.names.get(node) or {str(node)}, key=lambda n: (-len(n), n))


def score_article(view: ArticleView) -> tuple[dict[str, Counts], list[Error]]:
    """Counts per relation type and the errors of one article."""
    gold = view.gold
    counts = {r: Counts(core=sum(1 for g in gold.relations if g.relation == r)) for r in RELATIONS}
    found: set[GoldRelation] = set()
    errors = []
    seen = set()
    for subject, relation, obj, evidence, rule in view.statements:
        core = [g for g in gold.relations if _matches(view, subject, relation, obj, g)]
        right = bool(core) or any(_matches(view, subject, relation, obj, g) for g in gold.optional)
        view.rules[rule][0 if right else 1] += 1  # every statement, for the calibration of its rule
        if (subject, relation, obj) in seen:
            continue
        seen.add((subject, relation, obj))
        found.update(core)
        if right:
            counts[relation].correct += 1
            continue
        counts[relation].wrong += 1
        trap = any(_matches(view, subject, relation, obj, g) for g in gold.traps)
        counts[relation].traps += trap
        errors.append(Error(gold.id, "trap" if trap else "false", relation, view.shown(subject), view.shown(obj),
                            evidence, rule))
    for g in gold.relations:
        if g in found:
            counts[g.relation].found += 1
        else:
            errors.append(Error(gold.id, "missed", g.relation, g.subject, g.object, g.evidence))
    return counts, errors


def _matches(view: ArticleView, subject: URIRef, relation: str, obj: URIRef | Literal, g: GoldRelation) -> bool:
    if relation != g.relation:
        return False
    if relation == "jobTitle":
        return g.subject in view.gold_names(subject) and isinstance(obj, Literal) and title_match(str(obj), g.object)
    if relation == "demanded":
        return g.subject in view.gold_names(subject) and demand_match(view.descriptions.get(obj, ""), g.object)
    pairs = [(subject, obj), (obj, subject)] if relation == "met" else [(subject, obj)]
    return any(g.subject in view.gold_names(s) and g.object in view.gold_names(o) for s, o in pairs)


def name_key(name: str) -> str:
    """Case-folded, accents kept (`ø` is a letter), punctuation and hyphens as spaces, spaces collapsed."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _forms(name: str) -> set[str]:
    key = name_key(name.replace("'s", "").rstrip("'’"))
    forms = {key}
    if key.endswith("s") and len(key) > 3:
        forms.add(key[:-1])  # a genitive: Støres, Norges
    return forms


def _name_match(names: Iterable[str], entity: GoldEntity) -> bool:
    if entity.type not in _NAMED:
        return False
    gold = set().union(*(_forms(v) for v in (entity.name, *entity.variants)))
    return any(_forms(n) & gold for n in names)


def _closest(names: set[str], entities: list[GoldEntity]) -> set[str]:
    """The gold entities a node's names stand for: where they match several only case-folded, those whose name or
    a variant one of them spells exactly (`AP`, the agency, and `Ap`, the party, in one article)."""
    if len(entities) > 1:
        exact = [e for e in entities if names & {e.name, *e.variants}]
        entities = exact or entities
    return {e.name for e in entities}


def _weak_match(view: ArticleView, node: URIRef, entity: GoldEntity) -> bool:
    names = view.names[node]
    if entity.type == "Person":
        surnames = {name_key(v).split()[-1] for v in (entity.name, *entity.variants) if len(name_key(v).split()) > 1}
        return any(len(name_key(n).split()) == 1 and _forms(n) & surnames for n in names)
    if entity.type in ("Event", "Delegation") and _CLASSES[entity.type] in view.types[node]:
        gold = _content_words(" ".join((re.sub(r"\(.*?\)", "", entity.name), *entity.variants)))
        return bool(_shared_words(_content_words(" ".join(names)), gold))
    return False


def _content_words(text: str) -> set[str]:
    from spacy.lang.nb.stop_words import STOP_WORDS

    return {w for w in name_key(text).split() if len(w) > 2 and w not in STOP_WORDS and not w.isdigit()}


_ENDINGS = ("ene", "ane", "en", "et", "er", "ar", "a", "e", "n", "t")  # definite and plural endings


def _stems(word: str) -> set[str]:
    """A word and the word less one inflectional ending, keeping at least four letters."""
    return {word} | {word[:-len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 4}


def _shared_words(found: set[str], gold: set[str]) -> set[str]:
    """The gold words that a found word shares its first five letters with (or, for a shorter word, is a
    prefix of at least four letters of), or that end in it as a compound ends in its head, either inflected:
    `møte` / `møtet`, `kvoter` / `kvotene`, `møtet` / `styremøtet`, `konferanse` / `pressekonferansen`."""
    def same(a: str, b: str) -> bool:
        short, long = sorted((a, b), key=len)
        if len(short) >= 4 and any(x.endswith(y) for x in _stems(long) for y in _stems(short)):
            return True
        return a[:5] == b[:5] if len(short) >= 5 else len(short) >= 4 and long.startswith(short)

    return {g for g in gold if any(same(f, g) for f in found)}


def title_match(extracted: str, gold: str) -> bool:
    """Titles by base form: an organisation prefix dropped, qualifiers compared apart, one may end in the other."""
    base, _, qualifier = title_parts(gold)
    gold_base, gold_qualifier = _title_key(base)
    if qualifier:
        gold_qualifier = _QUALIFIERS.get(qualifier.casefold(), qualifier.casefold())
    found_base, found_qualifier = _title_key(extracted)
    if gold_qualifier != found_qualifier or not gold_base or not found_base:
        return False
    short, long = sorted((gold_base, found_base), key=len)
    head = long[: -len(short)].split() if long.endswith(" " + short) else None
    # `administrerende direktør` / `direktør`, but not `helse- og omsorgsminister` / `omsorgsminister`
    return short == long or (head is not None and "og" not in head and not any(w.endswith("-") for w in head))


def _title_key(title: str) -> tuple[str, str | None]:
    title = re.sub(r"^[A-ZÆØÅ][\w.]*-(?=[a-zæøå])", "", title.strip())  # LO-leder -> leder
    words, qualifier = [], None
    for word in fold(title).split():  # case and accents (`komitéleder` / `komiteleder`)
        if word.rstrip("-") in _QUALIFIERS:
            qualifier = _QUALIFIERS[word.rstrip("-")]
        else:
            words.append(word)
    return " ".join(words), qualifier


def demand_match(extracted: str, gold: str) -> bool:
    """Demands by content words: at least half of the gold wording's are in the extracted description."""
    wanted = _content_words(gold)
    return bool(wanted) and len(_shared_words(_content_words(extracted), wanted)) >= max(1, math.ceil(len(wanted) / 2))


def _entity_counts(view: ArticleView) -> tuple[Counter, list[Error]]:
    """Gold entities found, and found with the right type; an error for each one missed or mistyped."""
    counts, errors = Counter(), []
    for entity in view.gold.entities:
        nodes = [n for n, names in view.stands_for.items() if entity.name in names]
        typed = any(_CLASSES[entity.type] in view.types[n] for n in nodes)
        counts["gold"] += 1
        counts["found"] += bool(nodes)
        counts["right type"] += typed
        if not typed:
            got = sorted({str(t).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for n in nodes for t in view.types[n]})
            errors.append(Error(view.gold.id, "entity", entity.type, entity.name,
                                "mistyped as " + "/".join(got) if nodes else "not found", ", ".join(entity.variants)))
    return counts, errors


def _resolution(corpus: GoldCorpus, views: dict[str, ArticleView]) -> tuple[dict[str, int], list[str], list[dict]]:
    """Entities named in several articles that are one node in the folder's graph; nodes joining two entities."""
    counts, split = Counter(), []
    for (name, kind), ids in sorted(corpus.shared_entities().items()):
        if kind not in _NAMED:
            continue
        nodes = [{n for n, names in views[i].stands_for.items() if name in names} for i in ids]
        counts["shared"] += 1
        if all(nodes):
            counts["found in each article"] += 1
            common = set.intersection(*nodes)
            counts["one node" if common else "split"] += 1
            split += [] if common else [name]
    joined: dict[URIRef, set[str]] = defaultdict(set)
    for view in views.values():
        for node, names in view.strong.items():
            joined[node] |= {n for n in names if view.gold.entity(n).type in _NAMED
                             and _CLASSES[view.gold.entity(n).type] in view.types[node]}
    merges = [{"node": str(node), "gold": sorted(names)} for node, names in sorted(joined.items())
              if len(names) > 1]
    return {k: counts[k] for k in ("shared", "found in each article", "one node", "split")}, split, merges


def calibration(per_rule: dict[str, list[int]], prior: float = 0.8, weight: float = 4.0) -> dict[str, float]:
    """Each rule's confidence: the share of its statements that were right, drawn toward `prior` as if `weight`
    more statements had been right at that rate (so a rule seen three times is not given 1.0). A rule read
    through coreference (`RULE+coref`) is never given more than the rule itself: a pronoun adds a doubt."""
    found = {rule: round((right + prior * weight) / (right + wrong + weight), 2)
             for rule, (right, wrong) in sorted(per_rule.items())}
    return {rule: min(value, found.get(rule.removesuffix("+coref"), value)) for rule, value in found.items()}
