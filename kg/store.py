"""An on-disk graph store: a pyoxigraph store of the merged dataset, the extraction of every article in it (so a
later build resolves old and new articles together) and the identifiers it has issued (so none ever changes).

Layout, and why it is crash-safe:

    STORE/CURRENT             the name of the live version, replaced by an atomic rename
    STORE/v000007/            one complete version: extractions.jsonl, identifiers.json (and -local.json), oxigraph/
    STORE/.lock, .holder      the writers' lock (filelock) and who holds it

A build writes a new version beside the live one (as `v000008.building`, renamed to `v000008` when complete and
synced), then points CURRENT at it. Killed at any moment, it leaves CURRENT naming either the old version or the
new one, both complete; the next build removes what a killed one left half-written. Readers open the version
CURRENT names and keep it: the writer deletes only versions older than the one it replaced. One writer at a
time: a second build exits at once with a line naming the holder. A store written before versions existed
(extractions.jsonl and oxigraph/ at the top) is still read, and the next build turns it into a version.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import time
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph
from rdflib import Graph, URIRef

from kg.errors import StoreError
from kg.types import Article, Evidence, Extraction, Fact, Mention

if TYPE_CHECKING:
    from kg.output import Triples

EXTRACTIONS = "extractions.jsonl"
IDENTIFIERS = "identifiers.json"  # the retired IRIs (owl:sameAs); small, read by every build that adds
LOCAL_IDENTIFIERS = "identifiers-local.json"  # every article's keys' IRIs, where a version has no index to hold them
ARTICLES = "articles.txt"  # the IRIs of the version's articles, one a line: what a build needs to skip them
SUMMARY = "summary.json"  # the counts of the version's build, given again by a build that adds nothing
SIGNATURES = "signatures.json"  # article IRI -> [signature of its graph's inputs, its quads, its relations]
SPILL = "extractions.jsonl.tmp"  # a build of everything's extractions as they come (Spill), beside the versions
OXIGRAPH = "oxigraph"
CURRENT = "CURRENT"
LOCK = ".lock"
HOLDER = ".holder"
LOAD_LINES = 50_000  # N-Quads lines per bulk load (then one compaction at the end)


@dataclass
class Identifiers:
    """Every entity IRI a store has issued: per article, its local keys' IRIs; and the retired IRIs, each with
    the IRI of the entity it was merged into (published as owl:sameAs)."""

    local: dict[str, dict[str, str]] = field(default_factory=dict)
    same_as: dict[str, str] = field(default_factory=dict)

    def retire(self, local: dict[URIRef, dict[str, URIRef]], entities: Container[URIRef]) -> Identifiers:
        """The identifiers after a resolution whose entities are `entities` and local maps `local`: an issued IRI
        that is no longer an entity's is retired into the entity that now holds most of its mentions; a retired
        one that is an entity again is live again. Nothing issued is ever forgotten."""
        def live(iri: str) -> bool:  # asked of the issued IRIs only: no set of every entity's IRI as a string
            return URIRef(iri) in entities

        votes: dict[str, Counter] = {}
        for article, keys in self.local.items():
            now = local.get(URIRef(article), {})
            for key, iri in keys.items():
                if key in now and not live(iri):
                    votes.setdefault(iri, Counter())[str(now[key])] += 1
        same_as = {old: kept for old, kept in self.same_as.items() if not live(old)}
        for old, counter in votes.items():
            same_as[old] = min(counter, key=lambda iri: (-counter[iri], iri))
        # the resolution's own maps (their IRIs are strings), not copies: a build holds one map per article
        return Identifiers({**self.local, **{str(a): keys for a, keys in local.items()}}, same_as)  # type: ignore[dict-item]


def is_store(path: Path) -> bool:
    """True when `path` is a store folder (versioned, or written before versions existed)."""
    version = _live(path)
    return version is not None and (version / EXTRACTIONS).is_file() and (version / OXIGRAPH).is_dir()


def oxigraph_of(path: Path) -> Path:
    """The pyoxigraph folder of the live version of the store at `path`; raises StoreError."""
    if not is_store(path):
        raise StoreError(f"{path}: a folder, but not a Nyhetsgraf store")
    return _live(path) / OXIGRAPH  # type: ignore[operator]


def read_extractions(path: Path) -> list[Extraction]:
    """The extractions kept in a store (none for a store not written yet); raises StoreError."""
    return list(iter_extractions(path))


def iter_extractions(path: Path) -> Iterator[Extraction]:
    """The extractions kept in a store, one at a time, in the order they were written; raises StoreError."""
    version = _existing_version(path)
    if version is None:
        return
    try:
        for segment in segments(version):
            with segment.open(encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        yield _from_json(json.loads(line))
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise StoreError(f"{path}: cannot read {EXTRACTIONS}: {err}") from err


class Spill:
    """The extractions of a build of everything, written beside the store's versions as they come (`SPILL`), so
    that the build holds each without its article's text (`Extraction.without_text`: resolution and the graph
    never read it, and at 100,000 articles it is some 200 MB); the new version takes the file as its extractions
    (`StoreWriter.commit`). `discard` removes what is left of it; a killed build's is removed by the next one.
    Raises StoreError."""

    def __init__(self, path: Path) -> None:
        self.path = path / SPILL
        self.places: dict[str, int] = {}  # article IRI -> byte offset of its line, in the order written
        try:
            self.file = self.path.open("wb")
        except OSError as err:
            raise StoreError(f"{path}: cannot write the store: {err.strerror or err}") from err

    def keep(self, ex: Extraction) -> Extraction:
        """Write `ex` whole; return it without its text."""
        try:
            self.places[str(ex.article.iri)] = self.file.tell()
            self.file.write(_line(ex))
        except OSError as err:
            raise StoreError(f"{self.path.parent}: cannot write the store: {err.strerror or err}") from err
        return ex.without_text()

    def move(self, target: Path) -> dict[str, tuple[str, int]]:
        """Make the file `target` (synced); where each extraction is in it."""
        _sync(self.file)
        self.file.close()
        os.replace(self.path, target)
        return {iri: (target.name, offset) for iri, offset in self.places.items()}

    def discard(self) -> None:
        self.file.close()
        self.path.unlink(missing_ok=True)


def segments(version: Path) -> list[Path]:
    """The files of a version's extractions, in the order they were written: `extractions.jsonl`, then one per
    build that added articles to it (`extractions-v000008.jsonl`), hard links to the earlier versions' files."""
    return [version / EXTRACTIONS, *sorted(version.glob("extractions-v*.jsonl"))]


def load_extractions(path: Path, places: Iterable[tuple[str, int]]) -> list[Extraction]:
    """The extractions at `places` ((segment file name, byte offset), as the index keeps them) of the store's live
    version; raises StoreError."""
    version = _live(path)
    found = []
    try:
        by_segment: dict[str, list[int]] = {}
        for segment, offset in places:
            by_segment.setdefault(segment, []).append(offset)
        for segment, offsets in by_segment.items():
            with (version / segment).open("rb") as lines:  # type: ignore[operator]
                for offset in sorted(offsets):
                    lines.seek(offset)
                    found.append(_from_json(json.loads(lines.readline())))
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise StoreError(f"{path}: cannot read {EXTRACTIONS}: {err}") from err
    return found


def read_articles(path: Path) -> tuple[set[str], dict | None] | None:
    """The article IRIs of a store and the summary of its last build, without reading the extractions; None
    where the store does not keep them (written before they were kept)."""
    version = _existing_version(path)
    if version is None:
        return set(), None
    if not (version / ARTICLES).is_file():
        return None
    try:
        iris = set((version / ARTICLES).read_text(encoding="utf-8").split())
        summary = json.loads((version / SUMMARY).read_text(encoding="utf-8")) if (version / SUMMARY).is_file() \
            else None
    except (OSError, ValueError) as err:
        raise StoreError(f"{path}: cannot read {ARTICLES}: {err}") from err
    return iris, summary


def read_signatures(path: Path) -> dict[str, list] | None:
    """The live version's article signatures (`SIGNATURES`), or None where it keeps none."""
    live = _live(path)
    if live is None or live == path or not (live / SIGNATURES).is_file():
        return None
    try:
        return json.loads((live / SIGNATURES).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise StoreError(f"{path}: cannot read {SIGNATURES}: {err}") from err


def read_identifiers(path: Path, local: bool = True) -> Identifiers:
    """The identifiers a store has issued (none for a new store or one written before they were kept); without
    `local`, only the retired ones. A version a build wrote over the index keeps the issued ones there."""
    version = _existing_version(path)
    if version is None or not (version / IDENTIFIERS).is_file():
        return Identifiers()
    data = _read_json(path, version / IDENTIFIERS)
    if local and data.get("indexed"):
        index = open_index(path)
        if index is not None:
            try:
                return Identifiers(index.local_maps(), data["same_as"])
            finally:
                index.close()
    if local and "local" not in data:  # a build of everything keeps the maps in a file of their own
        data["local"] = _read_json(path, version / LOCAL_IDENTIFIERS) if (version / LOCAL_IDENTIFIERS).is_file() \
            else {}
    return Identifiers(data.get("local", {}), data["same_as"])


def _read_json(path: Path, file: Path):  # noqa: ANN202 - what the file holds
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise StoreError(f"{path}: cannot read {file.name}: {err}") from err


def open_index(path: Path):  # noqa: ANN201 - kg.incremental.Index | None
    """The index of the store's live version (kg.incremental), or None where it has none that is current."""
    from kg.incremental import Index

    live = _live(path)
    return Index.open(path, live.name) if live is not None and live != path else None


def start_index(path: Path, extractions: list[Extraction], resolution, trace):  # noqa: ANN001, ANN201
    """A new index (`STORE/index.sqlite.tmp`) with the rows of every article of a build of everything; raises
    StoreError."""
    import sqlite3

    from kg.incremental import INDEX, create_index, index_articles

    tmp = path / f"{INDEX}.tmp"
    try:
        index = create_index(tmp)
        index_articles(index, extractions, resolution, trace)
        return index
    except (OSError, sqlite3.Error) as err:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot write the index: {err}") from err


def finish_index(path: Path, index, resolution, signatures: dict[str, list],  # noqa: ANN001
                 places: dict[str, tuple[str, int]] | None, version: str | None) -> None:
    """Complete the index `start_index` began as the one of the version `version` just made live, and rename it
    over the old one; without `version` (the build failed), remove it. Raises StoreError."""
    import sqlite3

    from kg.incremental import INDEX
    from kg.incremental import finish_index as finish

    tmp = path / f"{INDEX}.tmp"
    try:
        if version is not None:
            finish(index, resolution, signatures, places, version)  # type: ignore[arg-type]
        index.close()
        if version is not None:
            os.replace(tmp, path / INDEX)
    except (OSError, sqlite3.Error) as err:
        raise StoreError(f"{path}: the graph is written, but not its index: {err}") from err
    finally:
        tmp.unlink(missing_ok=True)


def retire_some(same_as: dict[str, str], old: dict[str, dict[str, str]], now: dict[str, dict[str, str]],
                live: Callable[[str], bool]) -> dict[str, str]:
    """`Identifiers.retire` for the articles a build resolved again (`old` and `now`: their maps before and after;
    those of the other articles are as they were, so they retire nothing): the retired IRIs after it."""
    votes: dict[str, Counter] = {}
    for article, keys in old.items():
        for key, iri in keys.items():
            if key in now[article] and not live(iri):
                votes.setdefault(iri, Counter())[now[article][key]] += 1
    kept = {retired: into for retired, into in same_as.items() if not live(retired)}
    for retired, counter in votes.items():
        kept[retired] = min(counter, key=lambda iri: (-counter[iri], iri))
    return kept


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """Hold the store's writer lock (creating the store folder) for a build; raises StoreError at once when
    another build holds it, naming that build."""
    from filelock import FileLock, Timeout

    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: exists and is not a folder")
    if path.is_dir() and not is_store(path) and any(not _ours(p) for p in path.iterdir()):
        raise StoreError(f"{path}: exists but is not a Nyhetsgraf store (and is not empty)")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: the folder {path.parent} does not exist")
    created = not path.exists()
    path.mkdir(exist_ok=True)
    lock = FileLock(path / LOCK, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        holder = (path / HOLDER).read_text(encoding="utf-8").strip() if (path / HOLDER).is_file() else "unknown"
        raise StoreError(f"{path}: another build is writing this store ({holder}); run again when it ends") from None
    try:
        (path / HOLDER).write_text(f"pid {os.getpid()} on {socket.gethostname()}, since "
                                   f"{time.strftime('%Y-%m-%d %H:%M:%S')}\n", encoding="utf-8")
        _remove_leftovers(path)
        yield
    finally:
        (path / HOLDER).unlink(missing_ok=True)
        lock.release()
        if created and _live(path) is None:  # a first build that failed leaves no folder behind
            shutil.rmtree(path, ignore_errors=True)


class StoreWriter:
    """The next version of the store at `path`, written graph by graph (`add`) and made live by `commit`; use
    within `writing(path)`. Graphs go to an N-Quads file in the new version (each triple also in the default
    graph, which holds the merged graph), bulk-loaded into pyoxigraph every LOAD_LINES lines: the whole graph
    is never in memory. Raises StoreError; `abort` (or a failed commit) leaves the live version as it was.

    With `base`, the live version's signatures (`read_signatures`), the new version starts as a checkpoint of the
    live one (pyoxigraph's backup: hard links, no copy): the caller `remove`s the article graphs that change and
    `add`s their new versions, and the rest stays as it is. Without it, `base` is None and the caller writes every
    graph. With `indexed`, the caller keeps the signatures (kg.incremental) and `base` is empty."""

    def __init__(self, path: Path, base: dict[str, list] | None = None, indexed: bool = False) -> None:
        self.path, self.live = path, _live(path)
        number = int(self.live.name[1:]) + 1 if self.live is not None and self.live != path else 1
        self.name = f"v{number:06d}"
        self.tmp = path / f"{self.name}.building"
        self.base = {} if indexed else base  # (the index has the signatures)
        # the removed graphs' triples (by N-Triples line) that no graph added since states again: what the merged
        # default graph may lose (a graph taken out and put back holds only its changes here)
        self.removed: dict[str, pyoxigraph.Triple] = {}
        try:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp.mkdir()
            if self.base is not None:
                pyoxigraph.Store.read_only(str(self.live / OXIGRAPH)).backup(str(self.tmp / OXIGRAPH))
            self.store = pyoxigraph.Store(str(self.tmp / OXIGRAPH))
            self.quads, self.lines = (self.tmp / "part.nq").open("w", encoding="utf-8"), 0
        except (OSError, ValueError) as err:
            shutil.rmtree(self.tmp, ignore_errors=True)
            raise StoreError(f"{path}: cannot write the store: {getattr(err, 'strerror', None) or err}") from err

    def remove(self, graph: str) -> None:
        """Take a named graph out of the version (before `add` gives its new triples); its triples leave the
        merged default graph at `commit` unless another graph still states them."""
        name = pyoxigraph.NamedNode(graph)
        for quad in self.store.quads_for_pattern(None, None, None, name):
            self.removed[f"{quad.triple} ."] = quad.triple
        self.store.remove_graph(name)

    def add(self, graph: Graph | Triples) -> None:
        """Append one named graph."""
        from kg.output import nquads, ntriples

        try:
            triples = ntriples(graph)  # serialised once, for the article's graph and the merged default graph
            if self.removed:  # a graph written again: what it still states stays in the merged default graph
                for line in triples:
                    self.removed.pop(line, None)
            for lines in (nquads(graph, triples), triples):
                self.quads.write("".join(line + "\n" for line in lines))
                self.lines += len(lines)
            if self.lines >= LOAD_LINES:
                self._load()
                self.quads, self.lines = (self.tmp / "part.nq").open("w", encoding="utf-8"), 0
        except (OSError, SyntaxError) as err:
            self.abort()
            raise StoreError(f"{self.path}: cannot write the store: {getattr(err, 'strerror', None) or err}") from err

    def _load(self) -> None:
        """Bulk-load the part written so far and remove it: pyoxigraph's bulk loader holds what it loads in
        memory (measured on 6M lines: 2.4 GB at once, 0.5 GB in parts of 400k lines, 0.16 GB in parts of 100k,
        in about the same time; writing a build of 50,000 bench articles' graphs, the process's peak was 38 MiB
        lower in parts of 50k than of 100k)."""
        self.quads.close()
        self.store.bulk_load(path=str(self.tmp / "part.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
        (self.tmp / "part.nq").unlink()

    def _prune_default(self) -> None:
        """The merged default graph without the removed graphs' triples that no named graph states any more."""
        default = pyoxigraph.DefaultGraph()
        for triple in self.removed.values():  # (those a graph added since states again are gone from it)
            stated = (q for q in self.store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
                      if q.graph_name != default)
            if next(stated, None) is None:
                self.store.remove(pyoxigraph.Quad(triple.subject, triple.predicate, triple.object, default))

    def commit(self, extractions: list[Extraction], identifiers: Identifiers, summary: dict,
               signatures: dict[str, list] | None = None, spill: Spill | None = None) -> dict[str, tuple[str, int]]:
        """Write the extractions (or take `spill`'s file, which holds them all in order), identifiers, article
        IRIs, `signatures` and `summary`, load the graph, and switch the store to the new version. Returns where
        each extraction is (article IRI -> (file name, byte offset))."""
        try:
            self._load()
            self._prune_default()
            (self.tmp / ARTICLES).write_text("".join(f"{iri}\n" for iri in sorted(str(ex.article.iri)
                                                                                  for ex in extractions)),
                                             encoding="utf-8")
            (self.tmp / SUMMARY).write_text(json.dumps(summary, sort_keys=True), encoding="utf-8")
            if signatures is not None:
                (self.tmp / SIGNATURES).write_text(json.dumps(signatures, sort_keys=True), encoding="utf-8")
            places = spill.move(self.tmp / EXTRACTIONS) if spill is not None else \
                self._write_extractions(extractions, None)
            # the maps apart from the retired IRIs, which a build that adds reads alone (asdict would copy them)
            for name, data in ((LOCAL_IDENTIFIERS, identifiers.local), (IDENTIFIERS, {"same_as": identifiers.same_as})):
                with (self.tmp / name).open("w", encoding="utf-8") as out:
                    json.dump(data, out, ensure_ascii=False, sort_keys=True)
                    _sync(out)
            if self.base is None:  # a patch leaves few new files; a whole load leaves many parts
                self.store.optimize()  # one compaction makes look-ups 3x faster
            self._switch()
        except (OSError, SyntaxError) as err:
            self.abort()
            raise StoreError(f"{self.path}: cannot write the store: {getattr(err, 'strerror', None) or err}") from err
        self._remove_old()
        return places

    def commit_added(self, new: list[Extraction], same_as: dict[str, str], summary: dict,
                     before_switch: Callable[[dict[str, tuple[str, int]]], None]) -> None:
        """Switch the store to the new version of a build that resolved its added articles over the index: the
        live version's extractions (hard links) and the new ones in a file of their own, its article IRIs and the
        new ones, the retired IRIs (the issued ones are in the index), `summary`; `before_switch` gets where the
        new extractions are, and writes the index."""
        try:
            self._load()
            self._prune_default()
            self._link_segments()
            shutil.copyfile(self.live / ARTICLES, self.tmp / ARTICLES)  # type: ignore[operator]
            with (self.tmp / ARTICLES).open("a", encoding="utf-8") as out:
                out.write("".join(f"{ex.article.iri}\n" for ex in new))
            (self.tmp / SUMMARY).write_text(json.dumps(summary, sort_keys=True), encoding="utf-8")
            places = self._write_extractions(new, self.name)
            with (self.tmp / IDENTIFIERS).open("w", encoding="utf-8") as out:
                json.dump({"local": {}, "same_as": same_as, "indexed": True}, out, ensure_ascii=False,
                          sort_keys=True)
                _sync(out)
            before_switch(places)
            self._switch()
        except (OSError, SyntaxError) as err:
            self.abort()
            raise StoreError(f"{self.path}: cannot write the store: {getattr(err, 'strerror', None) or err}") from err
        self._remove_old()

    def _link_segments(self) -> None:
        for segment in segments(self.live):  # type: ignore[arg-type]
            os.link(segment, self.tmp / segment.name)

    def _write_extractions(self, extractions: list[Extraction], name: str | None) -> dict[str, tuple[str, int]]:
        """Write `extractions` to a new file of the version (`extractions-NAME.jsonl`, or `extractions.jsonl`)."""
        target = self.tmp / (f"extractions-{name}.jsonl" if name else EXTRACTIONS)
        places = {}
        with target.open("wb") as out:
            for ex in extractions:
                places[str(ex.article.iri)] = (target.name, out.tell())
                out.write(_line(ex))
            _sync(out)
        return places

    def _switch(self) -> None:
        self.store.flush()
        del self.store
        self.tmp.replace(self.path / self.name)
        _sync_folder(self.path)
        pointer = self.path / f"{CURRENT}.tmp"
        with pointer.open("w", encoding="utf-8") as out:
            out.write(self.name + "\n")
            _sync(out)
        pointer.replace(self.path / CURRENT)  # the switch: atomic
        _sync_folder(self.path)

    def _remove_old(self) -> None:
        previous = self.live.name if self.live is not None and self.live != self.path else ""
        _remove_old(self.path, keep={self.name, previous})

    def abort(self) -> None:
        self.quads.close()
        self.__dict__.pop("store", None)  # close pyoxigraph's files before removing them
        shutil.rmtree(self.tmp, ignore_errors=True)


def _live(path: Path) -> Path | None:
    """The live version folder: the one CURRENT names, else the store itself when written before versions."""
    pointer = path / CURRENT
    if pointer.is_file():
        name = pointer.read_text(encoding="utf-8").strip()
        return path / name if name else None
    if (path / EXTRACTIONS).is_file():
        return path
    return None


def _existing_version(path: Path) -> Path | None:
    if not path.exists() or (path.is_dir() and not any(not _ours(p) for p in path.iterdir())):
        return None
    if not is_store(path):
        raise StoreError(f"{path}: exists but is not a Nyhetsgraf store (no {EXTRACTIONS} and {OXIGRAPH}/)")
    return _live(path)


def _ours(part: Path) -> bool:
    """A file a store has beside its versions: the lock, who holds it, and a first build's half-made index or
    extractions."""
    return part.name in {LOCK, HOLDER, SPILL} or part.name.startswith("index.sqlite.tmp")


def _remove_leftovers(path: Path) -> None:
    """What a killed build left: half-written versions, a half-written pointer or index, and a complete version
    that a build killed just before the switch never made live."""
    live = _live(path)
    newest = int(live.name[1:]) if live is not None and live != path else 0
    for part in path.iterdir():
        unfinished = part.name.endswith(".building") or part.name in {f"{CURRENT}.tmp", SPILL} or \
            part.name.startswith("index.sqlite.tmp")
        if unfinished or (_version_number(part) or 0) > newest:
            shutil.rmtree(part, ignore_errors=True) if part.is_dir() else part.unlink(missing_ok=True)


def _version_number(part: Path) -> int | None:
    return int(part.name[1:]) if part.is_dir() and part.name[:1] == "v" and part.name[1:].isdigit() else None


def _remove_old(path: Path, keep: set[str]) -> None:
    """Versions older than the one just replaced (readers may still hold that one), and the files of a store
    written before versions existed."""
    for part in path.iterdir():
        if _version_number(part) is not None and part.name not in keep:
            shutil.rmtree(part, ignore_errors=True)
    if (path / CURRENT).is_file() and (path / EXTRACTIONS).is_file():  # the old layout, now a version behind
        (path / EXTRACTIONS).unlink(missing_ok=True)
        (path / IDENTIFIERS).unlink(missing_ok=True)
        shutil.rmtree(path / OXIGRAPH, ignore_errors=True)


def _sync(handle) -> None:  # noqa: ANN001 - an open file
    handle.flush()
    os.fsync(handle.fileno())


def _sync_folder(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _line(ex: Extraction) -> bytes:
    return (json.dumps(_to_json(ex), ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _to_json(ex: Extraction) -> dict:
    data = asdict(ex)
    data["article"]["published"] = ex.article.published.isoformat() if ex.article.published else None
    data["dates"] = {k: v.isoformat() for k, v in ex.dates.items()}
    return data


def _from_json(data: dict) -> Extraction:
    art = data["article"]
    article = Article(
        text=art["text"], source=art["source"], headline=art["headline"],
        published=date.fromisoformat(art["published"]) if art["published"] else None, url=art["url"],
        authors=tuple(art["authors"]), captions=tuple(tuple(c) for c in art["captions"]),  # type: ignore[misc]
        byline=tuple(art["byline"]) if art["byline"] else None,  # type: ignore[arg-type]
        credits=tuple(tuple(c) for c in art.get("credits", ())),  # type: ignore[misc]
    )
    facts = tuple(Fact(**{**f, "evidence": Evidence(**f["evidence"])}) for f in data["facts"])
    return Extraction(article, tuple(Mention(**m) for m in data["mentions"]), facts, data["descriptions"],
                      {k: date.fromisoformat(v) for k, v in data["dates"].items()})
