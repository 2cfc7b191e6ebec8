"""Gold-annotated news corpora (format: GOLD-FORMAT.md): load a folder and check it can be trusted.

A corpus is a folder of `NN_outlet_topic.txt` articles and one `gold.yaml`: per article its entities with the
surface forms the article uses, the relations it states (each with an exact evidence substring), optional
relations (not scored) and traps (`should_not_extract`, each a precision test). `load_corpus` reads it and
raises InputError for anything malformed; `check_corpus` lists what would make the gold untrustworthy.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.errors import InputError

RELATIONS = ("attended", "demanded", "ledDelegation", "jobTitle", "affiliation", "adviserTo", "memberOf", "met",
             "location", "author", "reportedBy")
TYPES = ("Person", "Organization", "Place", "Event", "Delegation")
LITERAL_OBJECTS = frozenset({"jobTitle", "demanded"})  # the object is a title or a demand's wording, not an entity
ARTICLE_SUBJECTS = frozenset({"author", "reportedBy"})  # the subject is `ARTICLE:NN`
_LISTS = ("relations", "optional_relations", "should_not_extract")


@dataclass(frozen=True)
class GoldEntity:
    name: str  # canonical across the corpus
    type: str
    variants: tuple[str, ...]  # surface forms in this article


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    relation: str
    object: str
    evidence: str


@dataclass(frozen=True)
class GoldArticle:
    id: str
    path: Path
    text: str
    meta: dict  # publisher, date, source_url, topic and whatever else the corpus records
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]  # core: stated by the article, scored for recall and precision
    optional: tuple[GoldRelation, ...]  # defensible, not scored either way
    traps: tuple[GoldRelation, ...]  # should_not_extract

    @property
    def subject(self) -> str:
        """How relations name this article as their subject."""
        return f"ARTICLE:{self.id}"

    def entity(self, name: str) -> GoldEntity | None:
        return next((e for e in self.entities if e.name == name), None)


@dataclass(frozen=True)
class GoldCorpus:
    folder: Path
    conventions: dict
    articles: tuple[GoldArticle, ...]
    cross_article: tuple[dict, ...]  # as written in gold.yaml: name, type, articles: {id: [spellings]}

    def shared_entities(self) -> dict[tuple[str, str], list[str]]:
        """(name, type) of every entity named in more than one article -> the ids of those articles."""
        seen: dict[tuple[str, str], list[str]] = defaultdict(list)
        for article in self.articles:
            for entity in article.entities:
                seen[entity.name, entity.type].append(article.id)
        return {key: ids for key, ids in seen.items() if len(ids) > 1}


def load_corpus(folder: Path) -> GoldCorpus:
    """Read `folder/gold.yaml` and the article files it names; raises InputError naming what is malformed."""
    path = folder / "gold.yaml"
    if not path.is_file():
        raise InputError(f"{folder}: no gold.yaml in this folder (see GOLD-FORMAT.md)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: not valid YAML: {str(err).splitlines()[0]}") from err
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list) or not data["articles"]:
        raise InputError(f"{path}: expected a mapping with a non-empty list `articles`")
    articles = tuple(_article(folder, raw, i) for i, raw in enumerate(data["articles"]))
    ids = Counter(a.id for a in articles)
    if dupes := [i for i, n in ids.items() if n > 1]:
        raise InputError(f"{path}: article id {dupes[0]} appears {ids[dupes[0]]} times")
    return GoldCorpus(folder, dict(data.get("conventions") or {}), articles, tuple(data.get("cross_article") or ()))


def _article(folder: Path, raw: object, index: int) -> GoldArticle:
    where = f"{folder / 'gold.yaml'}: article #{index + 1}"
    if not isinstance(raw, dict) or "id" not in raw or "file" not in raw:
        raise InputError(f"{where}: needs at least `id` and `file`")
    where = f"{folder / 'gold.yaml'}: article {raw['id']}"
    path = folder / str(raw["file"])
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{where}: cannot read {path}: {err}") from err
    entities = []
    for e in raw.get("entities") or []:
        if not isinstance(e, dict) or not {"name", "type"} <= e.keys() or e["type"] not in TYPES:
            raise InputError(f"{where}: entity {e!r} needs `name` and a `type` among {', '.join(TYPES)}")
        entities.append(GoldEntity(str(e["name"]), e["type"], tuple(str(v) for v in e.get("variants") or ())))
    lists = {}
    for key in _LISTS:
        lists[key] = []
        for r in raw.get(key) or []:
            if not isinstance(r, list) or len(r) != 4 or r[1] not in RELATIONS:
                raise InputError(f"{where}: {key} entry {r!r} must be [subject, relation, object, evidence] with a "
                                 f"relation among {', '.join(RELATIONS)}")
            lists[key].append(GoldRelation(*(str(x) for x in r)))
    meta = {k: v for k, v in raw.items() if k not in {"id", "file", "entities", *_LISTS}}
    return GoldArticle(str(raw["id"]), path, text, meta, tuple(entities), tuple(lists["relations"]),
                       tuple(lists["optional_relations"]), tuple(lists["should_not_extract"]))


def check_corpus(corpus: GoldCorpus) -> list[str]:
    """Every reason not to trust this gold: evidence or variants not in the text, relations naming entities the
    article does not list, duplicates, a trap that is also a core fact, cross-article spellings not in the text."""
    problems = []
    for article in corpus.articles:
        problems += [f"article {article.id}: {p}" for p in _check_article(article)]
    by_id = {a.id: a for a in corpus.articles}
    for shared in corpus.cross_article:
        for article_id, spellings in (shared.get("articles") or {}).items():
            article = by_id.get(str(article_id))
            entity = article and article.entity(str(shared.get("name")))
            if entity is None:
                problems.append(f"cross_article {shared.get('name')!r}: not an entity of article {article_id}")
                continue
            problems += [f"cross_article {entity.name!r}: {s!r} is not a variant in article {article_id}"
                         for s in spellings if s not in entity.variants]
    return problems


def _check_article(article: GoldArticle) -> list[str]:
    problems = []
    names = Counter(e.name for e in article.entities)
    problems += [f"entity {n!r} listed {c} times" for n, c in names.items() if c > 1]
    for entity in article.entities:
        problems += [f"variant {v!r} of {entity.name!r} is not in the text" for v in entity.variants
                     if v not in article.text]
        if not entity.variants:
            problems.append(f"entity {entity.name!r} has no variants")
    core = set()
    for kind, relations in (("relation", article.relations), ("optional", article.optional),
                            ("trap", article.traps)):
        for r in relations:
            triple = (r.subject, r.relation, r.object)
            if r.evidence not in article.text:
                problems.append(f"{kind} {list(triple)}: evidence {r.evidence!r} is not in the text")
            for role, name in _entity_arguments(article, r):
                if name not in names:
                    problems.append(f"{kind} {list(triple)}: {role} {name!r} is not among the article's entities")
            if kind == "relation":
                if triple in core:
                    problems.append(f"relation {list(triple)} appears twice")
                core.add(triple)
            elif kind == "trap" and triple in core:
                problems.append(f"trap {list(triple)} is also a core relation")
    return problems


def _entity_arguments(article: GoldArticle, r: GoldRelation) -> list[tuple[str, str]]:
    args = []
    if r.relation in ARTICLE_SUBJECTS:
        if r.subject != article.subject:
            args.append(("subject", r.subject))
    else:
        args.append(("subject", r.subject))
    if r.relation not in LITERAL_OBJECTS:
        args.append(("object", r.object))
    elif r.relation == "jobTitle" and (owner := title_parts(r.object)[1]):
        args.append(("title's organisation", owner))
    return args


def title_parts(title: str) -> tuple[str, str | None, str | None]:
    """`konsernsjef @ Telenor (påtroppende)` -> ('konsernsjef', 'Telenor', 'påtroppende')."""
    qualifier = None
    title = title.strip()
    if title.endswith(")") and "(" in title:
        title, _, qualifier = title[:-1].rpartition("(")
        title, qualifier = title.strip(), qualifier.strip()
    base, _, owner = title.partition(" @ ")
    return base.strip(), owner.strip() or None, qualifier
