"""The on-disk store: identifiers that never change, one writer at a time, and a build killed at any moment."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from kg.errors import StoreError
from kg.pipeline import build
from kg.store import Identifiers, is_store, read_extractions, read_identifiers, writing

SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
# Our own articles: a mayor named by surname alone, then by full name; a third about someone else.
ARTICLES = {
    "a1.txt": "Ordfører Nordvik sa tirsdag at kommunen må spare penger.\n\nNordvik vil legge ned to skoler i Bodø.\n",
    "a2.txt": "Ordfører Kari Nordvik møtte statsråd Per Lunde i Oslo onsdag.\n\nKari Nordvik ba om mer penger.\n",
    "a3.txt": "Statsråd Per Lunde besøkte Tromsø torsdag.\n\nLunde åpnet en ny bro over sundet.\n",
}


def _write(folder: Path) -> list[Path]:
    paths = []
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def _quads(store: Path) -> set[ox.Quad]:
    from kg.query import open_graph

    return set(open_graph(store).quads_for_pattern(None, None, None))


def _all(folder: Path, paths: list[Path], nlp) -> Path:  # noqa: ANN001
    """A store built of `paths` at once, to compare an incremental one with."""
    everything = folder / "everything"
    build(paths, store=everything, nlp=nlp)
    return everything


def _entity_iris(quads: set[ox.Quad]) -> set[str]:
    return {q.subject.value for q in quads if q.subject.value.startswith("https://w3id.org/nyhetsgraf/id/person/")
            or q.subject.value.startswith("https://w3id.org/nyhetsgraf/id/place/")}


def test_retire_sends_an_iri_to_the_entity_that_took_its_mentions():
    before = Identifiers({"a1": {"k": "old", "p": "place"}}, {"older": "old"})
    after = before.retire({URIRef("a1"): {"k": URIRef("new"), "p": URIRef("place")},
                           URIRef("a2"): {"k": URIRef("new")}}, {URIRef("new"), URIRef("place")})
    assert after.same_as == {"old": "new", "older": "old"}  # a chain: older -> old -> new
    assert {a: {k: str(v) for k, v in keys.items()} for a, keys in after.local.items()} == {
        "a1": {"k": "new", "p": "place"}, "a2": {"k": "new"}}  # the resolution's maps, their IRIs as written
    back = after.retire({URIRef("a1"): {"k": URIRef("old")}}, {URIRef("old"), URIRef("new")})
    assert "old" not in back.same_as  # live again: not retired any more


def test_articles_added_one_by_one_never_lose_an_iri_and_match_a_build_of_all(tmp_path, nlp):
    paths = _write(tmp_path)
    store, issued = tmp_path / "store", set()
    for path in paths:
        build([path], store=store, nlp=nlp)
        quads = _quads(store)
        live = _entity_iris(quads)
        retired = {q.subject.value: q.object.value for q in quads if q.predicate.value == SAME_AS}
        assert issued <= live | set(retired), f"IRIs gone after {path.name}: {issued - live - set(retired)}"
        assert all(target in live or target in retired for target in retired.values())
        issued |= live | set(retired)
    assert retired, "the surname-only mayor is merged into the full name and keeps her first IRI"
    # the same graph, but for the owl:sameAs links only an incremental build can know of (docs/graph.md)
    assert {q for q in _quads(store) if q.predicate.value != SAME_AS} == _quads(_all(tmp_path, paths, nlp))


def test_a_second_writer_is_refused_with_the_holder_named(tmp_path):
    store = tmp_path / "store"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from kg.store import writing
        with writing(Path({str(store)!r})):
            print("holding", flush=True)
            time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(StoreError, match=rf"another build is writing this store \(pid {holder.pid} on "):
            with writing(store):
                pass
    finally:
        holder.kill()
        holder.communicate()
    with writing(store):  # a killed holder's lock is free again (the kernel drops it with the process)
        pass


def test_a_folder_that_is_not_a_store_is_refused_and_a_failed_first_build_leaves_nothing(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not a Nyhetsgraf store"):
        with writing(folder):
            pass
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]
    with pytest.raises(RuntimeError):
        with writing(tmp_path / "new"):
            raise RuntimeError("the build failed")
    assert not (tmp_path / "new").exists()


# Where a build is killed (SIGKILL, as by `kill -9` or the OOM killer), by patching a function the store calls at
# that moment: while writing the new version, after the new version is complete but before the switch, and after
# the switch before the old versions are removed.
KILL_POINTS = {
    "writing": ("kg.output", "nquads", 2),
    "before the switch": ("kg.store", "_sync_folder", 1),
    "after the switch": ("kg.store", "_sync_folder", 2),
}


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_a_build_killed_at_any_point_leaves_the_store_whole_and_the_next_build_recovers(tmp_path, nlp, point):
    first, second, _ = _write(tmp_path)
    store = tmp_path / "store"
    build([first], store=store, nlp=nlp)
    module, function, nth = KILL_POINTS[point]
    killed = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, signal, importlib
        from pathlib import Path
        from kg.pipeline import build
        target = importlib.import_module({module!r})
        original, calls = getattr(target, {function!r}), []
        def dying(*args, **kwargs):
            calls.append(1)
            if len(calls) == {nth}:
                os.kill(os.getpid(), signal.SIGKILL)
            return original(*args, **kwargs)
        setattr(target, {function!r}, dying)
        build([Path({str(second)!r})], store=Path({str(store)!r}))
        """)], capture_output=True, text=True, timeout=300)
    assert killed.returncode == -9, killed.stderr
    assert is_store(store)
    articles = len(read_extractions(store))
    assert articles == (2 if point == "after the switch" else 1)  # as before the build, or as after it
    assert len(_quads(store)) > 0  # opens and answers
    summary = build([second], store=store, nlp=nlp)  # the next build takes over and loses nothing
    assert summary.articles == 2
    versions = {p.name for p in store.iterdir() if p.name.startswith("v")}
    assert (store / "CURRENT").read_text().strip() in versions and len(versions) <= 2  # the live one and the last
    assert not [p for p in store.iterdir() if p.name.endswith(".building") or p.name.endswith(".tmp")]
    assert read_identifiers(store).local


def test_the_issued_iris_are_kept_apart_from_the_retired_ones_and_an_older_store_still_reads(tmp_path, nlp):
    import json

    store = tmp_path / "store"
    build(_write(tmp_path)[:2], store=store, nlp=nlp)
    version = store / (store / "CURRENT").read_text().strip()
    assert json.loads((version / "identifiers.json").read_text()) == {"same_as": {}}  # what a build that adds reads
    issued = read_identifiers(store).local
    assert len(issued) == 2 and all(issued.values())
    (store / "index.sqlite").unlink()  # no index: the maps come from the version's files
    assert read_identifiers(store).local == issued
    both = {"local": issued, "same_as": {}}  # the one file a store written before this kept
    (version / "identifiers.json").write_text(json.dumps(both))
    (version / "identifiers-local.json").unlink()
    assert read_identifiers(store).local == issued and read_identifiers(store, local=False).same_as == {}


def test_a_build_holds_the_extractions_without_their_texts_and_the_store_keeps_them_whole(tmp_path, nlp,
                                                                                           monkeypatch):
    import kg.pipeline

    paths, store = _write(tmp_path), tmp_path / "store"
    held = []
    write_graph = kg.pipeline.write_graph
    monkeypatch.setattr(kg.pipeline, "write_graph", lambda extractions, *a: held.extend(extractions) or
                        write_graph(extractions, *a))
    build(paths[:2], store=store, nlp=nlp)
    assert len(held) == 2 and all(ex.article.text == "" for ex in held)  # what resolution and the graph read
    texts = {ARTICLES[Path(ex.article.source).name] for ex in read_extractions(store)}
    assert texts == {ARTICLES["a1.txt"], ARTICLES["a2.txt"]}  # kept whole, by the spill file become the version's
    assert {str(ex.article.iri) for ex in held} == {str(ex.article.iri) for ex in read_extractions(store)}
    assert not (store / "extractions.jsonl.tmp").exists()

    (store / "index.sqlite").unlink()  # a live version without an index: the next build resolves everything
    held.clear()
    build(paths, store=store, nlp=nlp)
    assert len(held) == 3 and all(ex.article.text == "" for ex in held)  # the old ones too, read through the spill
    assert [Path(ex.article.source).name for ex in read_extractions(store)] == list(ARTICLES)  # whole, in order
    fourth = tmp_path / "a4.txt"
    fourth.write_text("Statsråd Per Lunde besøkte Bodø fredag.\n", encoding="utf-8")
    build([fourth], store=store, nlp=nlp)  # over the index: reads the scope's extractions where it says they are
    assert {Path(ex.article.source).name for ex in read_extractions(store)} == {*ARTICLES, "a4.txt"}
    assert {q for q in _quads(store) if q.predicate.value != SAME_AS} == _quads(_all(tmp_path, [*paths, fourth], nlp))


def test_a_disk_that_fills_while_extractions_are_kept_fails_in_one_line_and_leaves_the_store(tmp_path, nlp,
                                                                                               monkeypatch):
    import errno
    import os

    import kg.store

    paths, store = _write(tmp_path), tmp_path / "store"
    build(paths[:1], store=store, nlp=nlp)
    (store / "index.sqlite").unlink()  # the next build is one of everything, which keeps its extractions as it goes
    before = _quads(store)

    class Full:  # a file on a disk that is full
        def __init__(self, file) -> None:  # noqa: ANN001
            self.file = file

        def tell(self) -> int:
            return self.file.tell()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def close(self) -> None:
            self.file.close()

    opened = kg.store.Spill.__init__

    def on_a_full_disk(self, path: Path) -> None:  # noqa: ANN001
        opened(self, path)
        self.file = Full(self.file)

    monkeypatch.setattr(kg.store.Spill, "__init__", on_a_full_disk)
    with pytest.raises(StoreError, match=r"store: cannot write the store: No space left on device$"):
        build(paths, store=store, nlp=nlp)
    assert _quads(store) == before and len(read_extractions(store)) == 1
    assert not (store / "extractions.jsonl.tmp").exists()


def test_a_build_that_adds_nothing_leaves_the_store_as_it_is(tmp_path, nlp):
    first = _write(tmp_path)[:1]
    store = tmp_path / "store"
    built = build(first, store=store, nlp=nlp)
    version = (store / "CURRENT").read_text()
    again = build(first, store=store, nlp=nlp)  # reads the list of articles, not the extractions or the graph
    assert (store / "CURRENT").read_text() == version
    assert again == type(built)(**{**built.__dict__, "new_articles": 0, "written": 0})


def test_adding_articles_rewrites_only_the_graphs_they_change(tmp_path, nlp):
    a1, a2, a3 = _write(tmp_path)
    store = tmp_path / "store"
    assert build([a3], store=store, nlp=nlp).written == 1
    assert build([a1], store=store, nlp=nlp).written == 1  # the mayor by surname: nothing else changes
    added = build([a2], store=store, nlp=nlp)  # her full name renames a1's mayor; a3's minister stays as he was
    assert added.written == 2 and added.articles == 3
    everything = tmp_path / "all"
    whole = build([a1, a2, a3], store=everything, nlp=nlp)
    assert {q for q in _quads(store) if q.predicate.value != SAME_AS} == _quads(everything)
    assert (added.quads - 1, added.relations) == (whole.quads, whole.relations)  # one owl:sameAs more


def test_a_store_made_by_other_code_is_resolved_and_written_again(tmp_path, nlp, monkeypatch):
    """A new version of the rules (kg.code_digest) may resolve and write the stored articles otherwise: the next
    build does not trust the index or the article graphs the old code made."""
    import kg
    import kg.incremental
    import kg.store

    a1, a2, a3 = _write(tmp_path)
    store = tmp_path / "store"
    build([a1, a3], store=store, nlp=nlp)
    newer = lambda: "another version"  # noqa: E731
    monkeypatch.setattr(kg, "code_digest", newer)
    monkeypatch.setattr(kg.incremental, "code_digest", newer)
    assert kg.incremental.Index.open(store, (store / "CURRENT").read_text().strip()) is None
    patched = []
    writer = kg.store.StoreWriter
    monkeypatch.setattr(kg.store, "StoreWriter", lambda path, base=None, **kw: patched.append(base is not None) or
                        writer(path, base=base, **kw))
    added = build([a2], store=store, nlp=nlp)
    assert added.written == 3  # with the old code's index and graphs: 2 (a3 unchanged)
    assert patched == [False]  # every graph changes (the code is in their signatures): written whole, no patch
    whole = build([a1, a2, a3], store=tmp_path / "all", nlp=nlp)
    assert {q for q in _quads(store) if q.predicate.value != SAME_AS} == _quads(tmp_path / "all")
    assert added.relations == whole.relations
    assert build([a3], store=store, nlp=nlp).written == 0  # the new code's index is used again


def test_a_batch_as_large_as_half_the_store_builds_it_again_with_the_same_graph(tmp_path, nlp, monkeypatch):
    """Past `REBUILD_MIN` new articles and half the store's, the store is resolved again with them, not added to
    over its index: the same graph as a build of everything, the retired IRIs kept, and a later addition reads the
    index it wrote."""
    import kg.pipeline

    a1, a2, a3 = _write(tmp_path)
    store = tmp_path / "store"
    build([a1], store=store, nlp=nlp)
    issued = _entity_iris(_quads(store))
    monkeypatch.setattr(kg.pipeline, "REBUILD_MIN", 1)

    def refused(*args, **kwargs):  # noqa: ANN002, ANN003
        raise AssertionError("added over the index")

    with monkeypatch.context() as patched:
        patched.setattr(kg.pipeline, "add_to_store", refused)
        assert build([a2], store=store, nlp=nlp).articles == 2  # one new to one stored: more than half
    quads = _quads(store)
    retired = {q.subject.value for q in quads if q.predicate.value == SAME_AS}
    assert issued <= _entity_iris(quads) | retired  # the mayor by surname keeps her first IRI
    assert build([a3], store=store, nlp=nlp).written == 1  # one to two: added over the index the rebuild wrote
    assert {q for q in _quads(store) if q.predicate.value != SAME_AS} == _quads(_all(tmp_path, [a1, a2, a3], nlp))
