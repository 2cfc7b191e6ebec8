"""Incremental resolution: the store's index of what each article read from and gave to resolution's graph-wide
tables, and the resolution of added articles against it.

A build of everything (`resolve_entities`) is a fixed number of rounds, each a step per article that reads
tables over all articles keyed by name (docs/scale.md). The index (`STORE/index.sqlite`, SQLite) keeps, per
article, its rows of those tables (kind votes per name skeleton, full names per surname, first word and pair of
words, the names the misspelling round compares per blocking key and the entity each is, the holders of titles,
the names and descriptions it gives each entity), the keys of the tables it read, its stories and its final map
to IRIs; and per entity its label, description and names over all articles.

Adding articles resolves a scope, at first the new articles, with `resolve_entities(scope, context)`: each
table is the scope's rows and, from the index, the other articles' rows. The scope is then widened by every
article outside it that read a key whose value the scope changed (a kind vote's winner, a surname's set of full
names, a story naming a person, the holders of a title, an entity's label or description, the persons of a
surname), whose body's group is another now, that gives a name whose misspelling round's entity is another now
(the round is worked out over every name one letter apart from the scope's, now or before, to a fixed point),
or that shares event evidence with it (that round is resolved over all its articles at once); and resolved
again, to a fixed point. The articles outside the scope read
nothing that changed, so their maps and graphs are what they were: the result is the graph a build of
everything gives (tests/test_incremental.py).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from rdflib import URIRef

from kg import code_digest
from kg.resolve import (
    Context,
    Resolution,
    Trace,
    _label,
    kinds_of,
    looked_up,
    resolve_entities,
    shortened_keys,
    skeleton,
    spelling_keys,
    votes_of,
)
from kg.types import GPE, ORGANIZATION, PERSON, Extraction
from kg.vocab import entity_iri

INDEX = "index.sqlite"
_SCHEMA = """
CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE art(article TEXT PRIMARY KEY, state TEXT);
CREATE TABLE votes(skeleton TEXT, last TEXT, kind TEXT, n INTEGER, article TEXT, idx INTEGER);
CREATE TABLE post(key TEXT, val TEXT, article TEXT);
CREATE TABLE named(iri TEXT, article TEXT, forms TEXT, description TEXT);
CREATE TABLE entity(iri TEXT PRIMARY KEY, label TEXT, surname TEXT, description TEXT, forms TEXT);
CREATE TABLE undo(kind TEXT, key TEXT, payload TEXT);
"""
_INDEXES = """
CREATE INDEX votes_skeleton ON votes(skeleton);
CREATE INDEX votes_last ON votes(last);
CREATE INDEX votes_article ON votes(article);
CREATE INDEX post_key ON post(key);
CREATE INDEX post_article ON post(article);
CREATE INDEX named_iri ON named(iri, article);
CREATE INDEX named_described ON named(iri, article) WHERE description IS NOT NULL;
CREATE INDEX named_article ON named(article);
CREATE INDEX entity_surname ON entity(surname);
"""
_SCOPE = "CREATE TEMP TABLE IF NOT EXISTS scope(article TEXT PRIMARY KEY)"
# the tables an article gives rows to, and the key of the rows read from each (`rs:` reads `S:`, ...)
_READ_BY = {"S": "rs", "F": "rf", "P": "rp", "H": "rh", "T2": "rt", "T5": "rc"}
_TOGETHER = ("e:",)  # event evidence: its articles are resolved together
# not read by key: `G:` (the names the misspelling round compares, by blocking key) and `W:` (a name it compared
# -> the entity it is): `_pulled` compares the entity of each name the round reached (`Trace.misspelt`)


@dataclass
class ArticleRows:
    """One article's rows of the index."""

    state: dict
    votes: list[tuple]
    posts: set[tuple[str, str]]
    named: dict[str, tuple[Counter, str | None]]  # IRI -> the names the article gives it, its description


def article_rows(ex: Extraction, resolution: Resolution, trace: Trace, signature: list) -> ArticleRows:
    """What the index keeps of an article after a resolution that traced it."""
    article = ex.article.iri
    keys = list(dict.fromkeys(m.key for m in ex.mentions))
    untold = trace.untold[article]
    before = _before_misspelling(trace, article)
    stories = {n: sorted({c for key, c in zip(keys, values, strict=True) if key not in untold
                          and not c.startswith(f"{GPE}|country:")})
               for n, values in ((1, before), (2, trace.s2[article]), (5, _after_surnames(trace, article)))}
    posts = {(read, "") for read in trace.reads.get(article, ())}
    posts |= {(f"k:{s}", "") for s in looked_up(ex, skeleton)}
    for cluster, now in dict(zip(before, trace.s2[article], strict=True)).items():
        words = cluster.split("|", 1)[1].split()
        if cluster.startswith(PERSON + "|") and len(words) > 1:
            posts |= {(f"S:{words[-1]}", cluster), (f"F:{words[0]}", cluster)}
        if blocks := spelling_keys(cluster):  # the misspelling round's: the name, and its entity now
            posts |= {(f"G:{key}", cluster) for key in blocks}
            posts.add((f"W:{cluster}", now))
    for cluster in set(trace.s2[article]):
        if keys := shortened_keys(cluster):
            posts |= {(f"P:{key}", cluster) for key in keys}
            posts.add((f"T2:{cluster}", _digest(stories[2])))
    for cluster in stories[5]:
        if cluster.startswith(PERSON + "|") and " " in cluster:
            posts.add((f"T5:{cluster}", _digest(stories[5])))
    posts |= {(f"H:{title}|{org}", person) for title, org, person in trace.holders.get(article, ())}
    local = resolution.local[article]
    named: dict[str, tuple[Counter, str | None]] = {}
    for m in ex.mentions:
        named.setdefault(str(local[m.key]), (Counter(), None))[0][m.canonical] += 1
    for key, text in ex.descriptions.items():
        if key in keys and str(local[key]) in named:
            named[str(local[key])] = (named[str(local[key])][0], text)
    votes = [(s, s.rsplit(" ", 1)[1] if " " in s else None, kind, n, str(article), i)
             for s, counts in votes_of(ex, skeleton).items() for kind, (n, i) in counts.items()]
    state = {"final": {k: str(v) for k, v in local.items()}, "story2": stories[2], "story5": stories[5],
             "sig": signature}
    if stories[1] != stories[2]:  # else the same as after the misspelling round
        state["story1"] = stories[1]
    if article in trace.body_story:
        state["body"] = sorted(trace.body_story[article])
    return ArticleRows(state, votes, posts, named)


def _before_misspelling(trace: Trace, article: URIRef) -> tuple[str, ...]:
    changed = trace.s1.get(article, {})
    return tuple(changed.get(i, cluster) for i, cluster in enumerate(trace.s2[article]))


def _after_surnames(trace: Trace, article: URIRef) -> tuple[str, ...]:
    changed = trace.s5[article] or {}
    return tuple(changed.get(i, cluster) for i, cluster in enumerate(trace.s2[article]))


def _digest(values: list[str]) -> str:
    return hashlib.blake2b(repr(values).encode("utf-8"), digest_size=8).hexdigest()


class Index:
    """The index of a store (`STORE/index.sqlite`), valid for the version its `meta.version` names."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(str(path), isolation_level=None)
        self.db.execute("PRAGMA temp_store = MEMORY")
        self.db.execute(_SCOPE)
        self.scope: set[str] = set()
        self.scope_named: dict[str, Counter] = {}
        self.scope_votes: dict[tuple[str, str], list[tuple[str, str, int]]] = {}
        self.scope_spelt: set[str] = set()
        self._states: dict[str, dict] = {}
        self._posts: dict[str, list[tuple[str, str]]] = {}
        self._votes: dict[tuple[str, str], list[tuple]] = {}  # of all articles
        self._entities: dict[str, tuple | None] = {}

    @staticmethod
    def open(store: Path, version: str) -> Index | None:
        """The store's index when it is the one of `version` (the live one), after undoing what a build killed
        before its switch wrote to it; None where there is none, it is of another version, or other code made it
        (`kg.code_digest`: its rows are what that code's resolution read and gave, so the build resolves every
        article again)."""
        path = store / INDEX
        if not path.is_file():
            return None
        try:
            index = Index(path)
            if index.meta("version", str) != version and index.meta("previous", str) == version:
                index._undo()
            if index.meta("version", str) == version and index.meta("code", str) == code_digest():
                return index
            index.close()
        except sqlite3.DatabaseError:
            pass
        return None

    def _undo(self) -> None:
        """Put back the rows a build replaced (its `undo` rows) and its predecessor's version and counts."""
        db = self.db
        db.execute("BEGIN")
        for kind, key, payload in db.execute("SELECT kind, key, payload FROM undo").fetchall():
            old = json.loads(payload) if payload is not None else None
            if kind == "article":
                for table in ("art", "post", "named"):
                    db.execute(f"DELETE FROM {table} WHERE article = ?", (key,))
                if old is None:
                    db.execute("DELETE FROM votes WHERE article = ?", (key,))
                else:
                    db.execute("INSERT INTO art VALUES (?, ?)", (key, old["state"]))
                    db.executemany("INSERT INTO post VALUES (?, ?, ?)", ((k, v, key) for k, v in old["posts"]))
                    db.executemany("INSERT INTO named VALUES (?, ?, ?, ?)",
                                   ((iri, key, forms, text) for iri, forms, text in old["named"]))
            elif kind == "entity":
                db.execute("DELETE FROM entity WHERE iri = ?", (key,))
                if old is not None:
                    db.execute("INSERT INTO entity VALUES (?, ?, ?, ?, ?)", (key, *old))
            else:
                db.execute("DELETE FROM meta")
                db.executemany("INSERT INTO meta VALUES (?, ?)", old.items())
        db.execute("DELETE FROM undo")
        db.execute("COMMIT")

    def _keep_for_undo(self, articles: list[str], iris: list[str]) -> None:
        """Record the rows of `articles` and `iris` and the counts as they are, for `_undo`."""
        db = self.db
        db.execute("DELETE FROM undo")
        db.execute("INSERT INTO undo VALUES ('meta', '', ?)", (json.dumps(dict(db.execute("SELECT * FROM meta"))),))
        for article in articles:
            state = db.execute("SELECT state FROM art WHERE article = ?", (article,)).fetchone()
            old = None if state is None else json.dumps({
                "state": state[0],
                "posts": db.execute("SELECT key, val FROM post WHERE article = ?", (article,)).fetchall(),
                "named": db.execute("SELECT iri, forms, description FROM named WHERE article = ?",
                                    (article,)).fetchall()}, ensure_ascii=False)
            db.execute("INSERT INTO undo VALUES ('article', ?, ?)", (article, old))
        for iri in iris:
            row = db.execute("SELECT label, surname, description, forms FROM entity WHERE iri = ?", (iri,)).fetchone()
            db.execute("INSERT INTO undo VALUES ('entity', ?, ?)", (iri, None if row is None else json.dumps(row)))

    def close(self) -> None:
        self.db.close()

    def meta(self, name: str, kind: type = int):  # noqa: ANN201 - int or str
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return kind(row[0]) if row else kind()

    def articles(self) -> int:
        return self.db.execute("SELECT count(*) FROM art").fetchone()[0]

    def states(self, articles: Iterable[str]) -> dict[str, dict]:
        """The states of `articles` (read once: rows do not change while a build resolves)."""
        articles = list(articles)
        wanted = [a for a in articles if a not in self._states]
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            for article, state in self.db.execute(f"SELECT article, state FROM art WHERE article IN ({marks})", chunk):
                self._states[article] = json.loads(state)
        return {a: self._states[a] for a in articles if a in self._states}

    def _rows(self, key: str) -> list[tuple[str, str]]:
        if (rows := self._posts.get(key)) is None:
            self._posts[key] = rows = self.db.execute("SELECT article, val FROM post WHERE key = ?", (key,)).fetchall()
        return rows

    def posting(self, key: str, outside: bool = True) -> set[str]:
        """The articles with a row of `key` (outside the scope, or all)."""
        return {a for a, _ in self._rows(key) if not outside or a not in self.scope}

    def values(self, key: str) -> set[str]:
        """The values of `key`'s rows outside the scope."""
        return {v for a, v in self._rows(key) if a not in self.scope}

    def votes(self, column: str, value: str, outside: bool) -> list[tuple]:
        """The votes of the names whose `column` (skeleton, last) is `value`, of the articles outside the scope
        (or all), per name and kind: (skeleton, kind, count, first article, index of its first mention). Those
        of all articles added up by SQLite once (the bare `idx` is the one of the row with the least article),
        the scope's taken off."""
        if (rows := self._votes.get((column, value))) is None:
            self._votes[(column, value)] = rows = self.db.execute(
                f"SELECT skeleton, kind, sum(n), min(article), idx FROM votes WHERE {column} = ? "
                "GROUP BY skeleton, kind", (value,)).fetchall()
        if not outside or not (mine := self.scope_votes.get((column, value))):
            return rows
        outside_rows = []
        for name, kind, n, article, index in rows:
            n -= sum(count for s, k, count in mine if (s, k) == (name, kind))
            if n <= 0:
                continue
            if article in self.scope:  # the first vote is the scope's: the first of the others
                article, index = self.db.execute(
                    "SELECT min(article), idx FROM votes WHERE skeleton = ? AND kind = ? AND article NOT IN scope",
                    (name, kind)).fetchone()
            outside_rows.append((name, kind, n, article, index))
        return outside_rows

    def entity(self, iri: str) -> tuple | None:
        """(label, surname, description, names) of the entity `iri` as the index has it."""
        if iri not in self._entities:
            row = self.db.execute("SELECT label, surname, description, forms FROM entity WHERE iri = ?",
                                  (iri,)).fetchone()
            self._entities[iri] = (row[0], row[1], row[2], json.loads(row[3])) if row else None
        return self._entities[iri]

    def named_outside(self, iri: str) -> bool:
        """Whether an article outside the scope names the entity `iri`."""
        return self.db.execute("SELECT 1 FROM named WHERE iri = ? AND article NOT IN scope LIMIT 1",
                               (iri,)).fetchone() is not None

    def entities_after(self, changes: dict[str, tuple | None]) -> int:
        """How many entities the index will know once `changes` are written."""
        count = self.db.execute("SELECT count(*) FROM entity").fetchone()[0]
        for iri, now in changes.items():
            known = self.db.execute("SELECT 1 FROM entity WHERE iri = ?", (iri,)).fetchone() is not None
            count += (now is not None) - known
        return count

    def local_maps(self) -> dict[str, dict[str, str]]:
        """Every article's map from its local keys to entity IRIs (the identifiers issued)."""
        return {article: json.loads(state)["final"] for article, state in self.db.execute("SELECT article, state "
                                                                                            "FROM art")}

    def set_scope(self, articles: Iterable[str]) -> None:
        """Resolve `articles` next: the rows of the others answer the look-ups; `scope_named` is what the index
        has of the names they give each entity."""
        self.scope = set(articles)
        self.db.execute("DELETE FROM scope")
        self.db.executemany("INSERT INTO scope VALUES (?)", ((a,) for a in self.scope))
        self.scope_named: dict[str, Counter] = {}
        self.scope_votes: dict[tuple[str, str], list[tuple[str, str, int]]] = {}  # the votes the index has of it
        self.scope_spelt: set[str] = set()  # the names of the scope the misspelling round compared
        for chunk in _chunks(list(self.scope)):
            marks = ",".join("?" * len(chunk))
            self.scope_spelt.update(key[2:] for (key,) in self.db.execute(
                f"SELECT key FROM post WHERE article IN ({marks}) AND substr(key, 1, 2) = 'W:'", chunk))
            for iri, forms in self.db.execute(f"SELECT iri, forms FROM named WHERE article IN ({marks})", chunk):
                self.scope_named.setdefault(iri, Counter()).update(json.loads(forms))
            for name, last, kind, n in self.db.execute(
                    f"SELECT skeleton, last, kind, n FROM votes WHERE article IN ({marks})", chunk):
                self.scope_votes.setdefault(("skeleton", name), []).append((name, kind, n))
                if last is not None:
                    self.scope_votes.setdefault(("last", last), []).append((name, kind, n))

    def write(self, rows: dict[str, ArticleRows], entities: dict[str, tuple | None], version: str,
              counts: dict[str, int]) -> None:
        """Replace the rows of `rows`' articles, set or remove `entities` (IRI -> (label, surname, description,
        names) or None) and the counts, and mark the index as the one of `version`, in one transaction; what
        it replaces is kept until the next build, for `open` to undo should this build die before its switch."""
        db = self.db
        self._states, self._posts, self._votes, self._entities = {}, {}, {}, {}  # rows change now
        db.execute("BEGIN")
        try:
            self._keep_for_undo(list(rows), list(entities))
            counts = {**counts, "previous": self.meta("version", str)}
            for chunk in _chunks(list(rows)):
                marks = ",".join("?" * len(chunk))
                for table in ("art", "post", "named"):
                    db.execute(f"DELETE FROM {table} WHERE article IN ({marks})", chunk)
            self._insert(rows)
            self._finish(entities, version, counts)
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _insert(self, rows: dict[str, ArticleRows]) -> None:
        db = self.db
        for article, row in rows.items():
            db.execute("INSERT INTO art VALUES (?, ?)", (article, json.dumps(row.state, ensure_ascii=False)))
            db.executemany("INSERT INTO post VALUES (?, ?, ?)", ((k, v, article) for k, v in row.posts))
            db.executemany("INSERT INTO named VALUES (?, ?, ?, ?)",
                           ((iri, article, json.dumps(forms, ensure_ascii=False), text)
                            for iri, (forms, text) in row.named.items()))
            if row.votes:
                db.executemany("INSERT INTO votes VALUES (?, ?, ?, ?, ?, ?)", row.votes)

    def _set_entities(self, entities: dict[str, tuple | None]) -> None:
        db = self.db
        for iri, entity in entities.items():
            db.execute("DELETE FROM entity WHERE iri = ?", (iri,))
            if entity is not None:
                label, surname, text, forms = entity
                db.execute("INSERT INTO entity VALUES (?, ?, ?, ?, ?)",
                           (iri, label, surname, text, json.dumps(forms, ensure_ascii=False)))

    def _finish(self, entities: dict[str, tuple | None], version: str, counts: dict) -> None:
        db = self.db
        self._set_entities(entities)
        for name, value in {**counts, "version": version, "code": code_digest()}.items():
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, str(value)))
        db.execute("COMMIT")


def _chunks(items: list, size: int = 500) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def create_index(path: Path) -> Index:
    """A new, empty index at `path` (replacing what is there); `index_all` fills it."""
    path.unlink(missing_ok=True)
    Path(f"{path}-journal").unlink(missing_ok=True)
    index = Index(path)
    # CREATE INDEX (`finish_index`) sorts the rows in temporary files: in memory, as an addition keeps its scope,
    # they held the table whole (300 MiB more at 100,000 articles, the build's peak); on disk 17 MiB, and faster.
    # (The pragma drops the temporary tables: the scope's is made again, on disk too.)
    index.db.execute("PRAGMA temp_store = FILE")
    index.db.execute(_SCOPE)
    index.db.executescript(_SCHEMA)
    return index


def _surname(kind: str, label: str) -> str | None:
    return skeleton(label).rsplit(" ", 1)[-1] if kind == PERSON else None


class _IndexContext(Context):
    """The articles of the index outside the scope, as `resolve_entities` asks for them."""

    def __init__(self, index: Index) -> None:
        super().__init__()
        self.index, self.db = index, index.db

    outside = True  # only the votes of the articles outside the scope

    def votes(self, skeleton: str) -> dict:
        return {kind: (n, (article, i)) for _, kind, n, article, i in self.index.votes("skeleton", skeleton,
                                                                                      self.outside)}

    def votes_ending(self, word: str) -> dict:
        found: dict = {}
        for s, kind, n, article, i in self.index.votes("last", word, self.outside):
            found.setdefault(s, {})[kind] = (n, (article, i))
        return found

    def names(self, table: str, key: str) -> set[str]:
        return self.index.values(f"{table.upper()}:{key}")

    def stories(self, round_: int, cluster: str) -> set[str]:
        found: set[str] = set()
        key = f"W:{cluster}" if round_ == 1 else f"T{round_}:{cluster}"
        for state in self.index.states(self.index.posting(key)).values():
            found.update(state.get(f"story{round_}", state["story2"]))  # story1 only where it differs
        return found

    def articles_naming(self, cluster: str) -> set[str]:
        return self.index.posting(f"W:{cluster}")

    def former_names(self) -> set[str]:
        return self.index.scope_spelt

    def forms(self, cluster: str) -> Counter:
        iri = str(entity_iri(*cluster.split("|", 1)))
        counter = Counter(entity[3]) if (entity := self.index.entity(iri)) else Counter()
        counter.subtract(self.index.scope_named.get(iri, Counter()))  # the scope's own names are given anew
        return +counter

    def description(self, cluster: str) -> tuple[str, str] | None:
        iri = str(entity_iri(*cluster.split("|", 1)))
        row = self.db.execute("SELECT article, description FROM named WHERE iri = ? AND description IS NOT NULL "
                              "AND article NOT IN scope ORDER BY article DESC LIMIT 1", (iri,)).fetchone()
        return tuple(row) if row else None  # type: ignore[return-value]

    def by_surname(self, surname: str) -> set[URIRef]:
        return {URIRef(iri) for (iri,) in self.db.execute(
            "SELECT iri FROM entity WHERE surname = ? AND EXISTS (SELECT 1 FROM named WHERE named.iri = entity.iri "
            "AND named.article NOT IN scope)", (surname,))}

    def holders(self, title: str, organisation: URIRef) -> set[URIRef]:
        return {URIRef(v) for v in self.index.values(f"H:{title}|{organisation}")}

    def bodies(self, base: str) -> dict[URIRef, set[str]]:
        members = self.index.states(self.index.posting(f"b:{base}"))
        return {URIRef(article): set(state["body"]) for article, state in members.items()}


class _AllVotes(_IndexContext):
    """Every indexed article's votes, whatever the scope (an article's votes never change)."""

    outside = False


@dataclass
class Added:
    """The resolution of the scope an addition widened to: its extractions, resolution and index rows, the old
    states of the indexed articles in it, and the entities whose index rows change."""

    extractions: list[Extraction]
    resolution: Resolution
    rows: dict[str, ArticleRows]
    old: dict[str, dict]
    entities: dict[str, tuple | None] = field(default_factory=dict)
    rounds: int = 0


def resolve_added(index: Index, new: list[Extraction], load: Callable[[set[str]], list[Extraction]],
                  signature: Callable[[Extraction, Resolution], str]) -> Added:
    """Resolve the articles `new` against the index: the scope of articles whose resolution they change, to a
    fixed point (module docstring). `load` reads indexed articles' extractions."""
    scope = {str(ex.article.iri): ex for ex in new}
    changed_kinds = _changed_kinds(index, new)
    pulled = set().union(*(index.posting(f"k:{s}", outside=False) for s in changed_kinds)) - scope.keys()
    rounds, context = 0, _IndexContext(index)
    while True:
        if pulled:
            scope.update((str(ex.article.iri), ex) for ex in load(pulled))
        rounds += 1
        index.set_scope(scope)
        trace = Trace()
        resolution = resolve_entities(scope.values(), context, trace)
        rows = {a: article_rows(ex, resolution, trace, [signature(ex, resolution), 0, 0]) for a, ex in scope.items()}
        old = index.states(scope)
        pulled = _pulled(index, scope.keys(), rows, resolution, trace) - scope.keys()
        if not pulled:
            break
    added = Added(list(scope.values()), resolution, rows, old, rounds=rounds)
    added.entities = _entity_changes(index, rows, resolution)[0]
    return added


def _changed_kinds(index: Index, new: list[Extraction]) -> set[str]:
    """The skeletons whose kind the new articles' votes change."""
    voted = {s for ex in new for s in votes_of(ex, skeleton)}
    wanted = voted | {s.rsplit(" ", 1)[1] for s in voted if " " in s}
    before, after = kinds_of(wanted, _AllVotes(index)), kinds_of(wanted, _AllVotes(index), new)
    return {s for s in wanted if before.get(s) != after.get(s)}


def _old_posts(index: Index, articles: Iterable[str]) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for chunk in _chunks(list(articles)):
        marks = ",".join("?" * len(chunk))
        for key, val, article in index.db.execute(f"SELECT key, val, article FROM post WHERE article IN ({marks})",
                                                  chunk):
            found.setdefault(article, set()).add((key, val))
    return found


def _pulled(index: Index, scope: Iterable[str], rows: dict[str, ArticleRows], resolution: Resolution,
            trace: Trace) -> set[str]:
    """The articles outside the scope that read a key whose value the scope's new rows change, or share event
    evidence or a body's name with it, or name an entity whose label or description changes."""
    old = _old_posts(index, scope)
    pulled: set[str] = set()
    values: dict[str, tuple[set, set]] = {}  # a table's key -> the scope's (article, value) rows before, now
    together: set[str] = set()
    for article, row in rows.items():
        for n, posts in enumerate((old.get(article, set()), row.posts)):
            for key, val in posts:
                if key.startswith(_TOGETHER):
                    together.add(key)
                elif key.split(":", 1)[0] in _READ_BY:
                    values.setdefault(key, (set(), set()))[n].add((article, val))
    for key in together:
        pulled |= index.posting(key)
    for article, groups in trace.groups.items():  # an article outside whose body's group changes
        final = index.states([article])[article]["final"]
        for base, group in groups.items():
            iri = final[f"{ORGANIZATION}|{base}"]
            if {a for (a,) in index.db.execute("SELECT article FROM named WHERE iri = ?", (iri,))} != group:
                pulled.add(article)
    for cluster, now in trace.misspelt.items():  # a name an article outside gives whose entity is another now
        if (was := index.values(f"W:{cluster}")) and was != {now}:
            pulled |= index.posting(f"W:{cluster}")
    for key, (was, now) in values.items():
        if was == now:
            continue
        table, name = key.split(":", 1)
        if table not in {"T2", "T5"}:  # a set of names: changed when the scope's part of it changes it
            outside = index.values(key)
            if outside | {v for _, v in was} == outside | {v for _, v in now}:
                continue
        pulled |= index.posting(f"{_READ_BY[table]}:{name}")
    return pulled | _entity_changes(index, rows, resolution)[1]


def _entity_changes(index: Index, rows: dict[str, ArticleRows],
                    resolution: Resolution) -> tuple[dict[str, tuple | None], set[str]]:
    """The index rows of the entities the scope names (before or now) that change, and the articles outside the
    scope that read them (name them, or look persons up by surname)."""
    now_named: dict[str, Counter] = {}
    for row in rows.values():
        for iri, (forms, _) in row.named.items():
            now_named.setdefault(iri, Counter()).update(forms)
    old_named = index.scope_named  # the scope's rows (`rows` are its articles)
    changes: dict[str, tuple | None] = {}
    readers: set[str] = set()
    for iri in now_named.keys() | old_named.keys():
        before = index.entity(iri)
        outside = Counter(before[3]) if before else Counter()
        outside.subtract(old_named.get(iri, Counter()))
        forms = +outside + now_named.get(iri, Counter())
        if not forms:
            now = None
        elif URIRef(iri) in resolution.entities:
            entity = resolution.entities[URIRef(iri)]
            now = (entity.label, _surname(entity.kind, entity.label), entity.description, dict(forms))
        else:  # named only outside the scope now: its label and description from those articles
            assert before is not None
            label = _label(forms)
            text = index.db.execute("SELECT description FROM named WHERE iri = ? AND description IS NOT NULL AND "
                                    "article NOT IN scope ORDER BY article DESC LIMIT 1", (iri,)).fetchone()
            now = (label, before[1] and skeleton(label).rsplit(" ", 1)[-1], text and text[0], dict(forms))
        if before != now:
            changes[iri] = now
        if (before and before[:3]) != (now and now[:3]):
            readers |= {a for (a,) in index.db.execute(
                "SELECT article FROM named WHERE iri = ? AND article NOT IN scope", (iri,))}
            for surname in {before and before[1], now and now[1]} - {None}:
                readers |= index.posting(f"ns:{surname}")
    return changes, readers


def index_articles(index: Index, extractions: list[Extraction], resolution: Resolution, trace: Trace) -> None:
    """Fill an empty index with the rows of every article of a build of everything (traced), a thousand at a
    time; `finish_index` adds where their extractions are, their graphs' counts, the entities and the indexes
    (after the graph is written: the trace can go first)."""
    index.db.execute("BEGIN")
    keys = 0
    for chunk in _chunks(extractions, 1000):
        rows = {}
        for ex in chunk:
            rows[str(ex.article.iri)] = row = article_rows(ex, resolution, trace, [])
            keys += len(row.state["final"])
        index._insert(rows)
    index.db.execute("INSERT INTO meta VALUES ('keys', ?)", (str(keys),))
    index.db.execute("COMMIT")


def finish_index(index: Index, resolution: Resolution, signatures: dict[str, list],
                 places: dict[str, tuple[str, int]], version: str) -> None:
    """Complete an index `index_articles` filled, as the one of `version`."""
    index.db.execute("BEGIN")
    index.db.executemany("UPDATE art SET state = json_set(state, '$.place', json_array(?, ?), '$.sig', "
                         "json_array(?, ?, ?)) WHERE article = ?",
                         ((*places[article], *signature, article) for article, signature in signatures.items()))
    for statement in filter(str.strip, _INDEXES.split(";")):  # made once the rows are in: faster
        index.db.execute(statement)
    entities: dict[str, tuple | None] = {}
    names, last = Counter(), None
    # each entity's names over its articles, an entity at a time (in IRI order: memory stays flat)
    for iri, forms in chain(index.db.execute("SELECT iri, forms FROM named ORDER BY iri"), [(None, "{}")]):
        if iri != last and last is not None:
            entity = resolution.entities[URIRef(last)]
            entities[last] = (entity.label, _surname(entity.kind, entity.label), entity.description, dict(names))
            names = Counter()
            if len(entities) >= 10_000:
                index._set_entities(entities)
                entities = {}
        names.update(json.loads(forms))
        last = iri
    counts = {"keys": index.meta("keys"), "quads": sum(q for _, q, _ in signatures.values()),
              "relations": sum(r for _, _, r in signatures.values())}
    index._finish(entities, version, counts)


def index_all(index: Index, extractions: list[Extraction], resolution: Resolution, trace: Trace,
              signatures: dict[str, list], places: dict[str, tuple[str, int]], version: str) -> None:
    """Fill an empty index with every article of a build of everything (traced)."""
    index_articles(index, extractions, resolution, trace)
    finish_index(index, resolution, signatures, places, version)


def apply_added(index: Index, added: Added, places: dict[str, tuple[str, int]], version: str,
                counts: dict[str, int]) -> None:
    """Write the scope's rows and the entities that change to the index."""
    for article, row in added.rows.items():
        if article in added.old:
            row.votes = []  # an article's votes never change: its rows are there
            row.state["place"] = added.old[article]["place"]
        else:
            row.state["place"] = places[article]
    index.write(added.rows, added.entities, version, counts)
