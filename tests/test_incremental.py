"""Incremental resolution (kg.incremental): articles added to a store's index one by one, in batches and in any
order give what a build of all of them at once gives, on the gold corpus's dev articles, whose stories share
names, surnames and events."""

import pickle
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.incremental import INDEX, Index, apply_added, create_index, index_all, resolve_added
from kg.ingest import from_text
from kg.rdf import article_signature
from kg.resolve import Trace, resolve_entities
from kg.store import is_store, open_index, read_identifiers, writing
from kg.types import Extraction, Mention

DEV = Path(__file__).resolve().parent.parent / "eval" / "news" / "dev"
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"


@pytest.fixture(scope="session")
def dev(nlp):
    """The extractions of the dev articles (parsed once per session)."""
    from kg.ingest import read_articles
    from kg.pipeline import extract_all

    return extract_all(list(read_articles([DEV])), nlp)


def _indexed(extractions, path: Path) -> Index:
    trace = Trace()
    resolution = resolve_entities(extractions, trace=trace)
    index = create_index(path)
    signatures = {str(ex.article.iri): [article_signature(ex, resolution), 0, 0] for ex in extractions}
    index_all(index, extractions, resolution, trace, signatures, {str(ex.article.iri): ("", 0) for ex in extractions},
              "v1")
    return index


def _same_as_a_build_of_all(index: Index, extractions) -> list[str]:
    """What differs between the index and a build of `extractions` at once: articles whose graph's signature
    differs, and entities whose label or description does."""
    whole = resolve_entities(extractions)
    states = index.states(str(ex.article.iri) for ex in extractions)
    differ = [str(ex.article.iri) for ex in extractions
              if states[str(ex.article.iri)]["sig"][0] != article_signature(ex, whole)]
    known = {iri: (label, text) for iri, label, text in index.db.execute("SELECT iri, label, description FROM entity")}
    wanted = {str(iri): (e.label, e.description) for iri, e in whole.entities.items()}
    return differ + sorted(iri for iri in known.keys() | wanted.keys() if known.get(iri) != wanted.get(iri))


@pytest.mark.parametrize("order, first, batch", [("in order", 115, 30), ("shuffled", 150, 1), ("shuffled", 60, 17)])
def test_articles_added_to_the_index_give_the_resolution_of_a_build_of_all(dev, tmp_path, order, first, batch):
    articles = list(dev)
    if order == "shuffled":
        random.Random(first).shuffle(articles)
    by_iri = {str(ex.article.iri): ex for ex in articles}
    index = _indexed(articles[:first], tmp_path / INDEX)
    done, widened = articles[:first], 0
    for start in range(first, len(articles), batch):
        new = articles[start:start + batch]
        added = resolve_added(index, new, lambda found: [by_iri[a] for a in found], article_signature)
        apply_added(index, added, {str(ex.article.iri): ("", 0) for ex in new}, f"v{start}", {})
        done += new
        widened += len(added.extractions) > len(new)
        if batch > 1 or start + batch >= len(articles):  # one by one: checked at the end (each check resolves all)
            assert _same_as_a_build_of_all(index, done) == [], f"after {len(done)} articles"
    assert widened, "some additions changed what articles already in the index had resolved"
    assert index.articles() == len(articles)


def _extraction(text: str, *names: tuple[str, str]) -> Extraction:
    article = from_text(text, text[:12])
    return Extraction(article, tuple(Mention(f"{kind}|{key.lower()}", kind, name, 0, len(name), name)
                                     for kind, name, key in ((*n, n[-1]) if len(n) == 2 else n for n in names)), ())


def test_names_one_letter_apart_nicknames_middle_names_and_institutions_added_in_any_order_resolve_as_a_build_of_all(
        tmp_path):
    story = (("organization", "Brøttum Bondelag"), ("place", "Tolgafjorden"))
    other = (("organization", "Lillevik Idrettslag"), ("place", "Nordvika"))
    articles = [
        _extraction("Første sak.", ("person", "Ingvild Lie"), *story),
        _extraction("Andre sak.", ("person", "Ingvil Lie"), *story),
        _extraction("Tredje sak.", ("person", "Ingvil Lie"), *story),  # the other spelling has more articles now
        _extraction("Fjerde sak.", ("organization", "Fiskarlaget"), *story),
        _extraction("Femte sak.", ("organization", "Fiskarlaget"), ("organization", "Fiskerlaget")),
        _extraction("Sjette sak.", ("organization", "Fiskerlaget"), *story),
        *(_extraction(f"Sak nummer {n}.", ("gpe", "Fiskarlaget")) for n in range(3)),  # a place by more votes
        _extraction("Åttende sak.", ("organization", "Kongehuset"), *story),
        _extraction("Niende sak.", ("organization", "det norske kongehuset", "kongehuset")),
        *(_extraction(f"Sak om slottet {n}.", ("place", "Kongehuset")) for n in range(2)),  # the name's kind: votes
        # a name that is gone (another kind by the votes of later articles) parted the two names it joined
        *(_extraction(f"Sak om Hansen {n}.", ("person", "Ingvild Hansen"), *story) for n in range(2)),
        _extraction("Sak om Ingvil.", ("person", "Ingvil Hansen"), *story, *other),
        _extraction("Sak om Hansel.", ("person", "Ingvil Hansel"), *other),
        *(_extraction(f"Sak om firmaet {n}.", ("organization", "Ingvil Hansen")) for n in range(3)),
        # a short form of a first name (`Bill`/`William`), in the same story
        _extraction("Sak om William.", ("person", "William Nordby"), *other),
        _extraction("Sak om Bill.", ("person", "Bill Nordby"), *other),
        # a name of four words without one of its middle names
        _extraction("Sak om Lan.", ("person", "Lan Marie Nguyen Nordby"), *story),
        _extraction("Mer om Lan.", ("person", "Lan Marie Nordby"), *story),
        _extraction("Sak om Ana.", ("person", "Ana Maria Luisa Gomez Nordby"), *other),
        _extraction("Mer om Ana.", ("person", "Ana Maria Gomez Nordby"), *other),
    ]
    by_iri = {str(ex.article.iri): ex for ex in articles}
    widened = 0
    for seed in range(12):
        order = list(articles)
        random.Random(seed).shuffle(order)
        index = _indexed(order[:2], tmp_path / f"{seed}.sqlite")
        for n, ex in enumerate(order[2:], start=2):
            added = resolve_added(index, [ex], lambda found: [by_iri[a] for a in found], article_signature)
            apply_added(index, added, {str(ex.article.iri): ("", 0)}, f"v{n}", {})
            widened += len(added.extractions) > 1
            assert _same_as_a_build_of_all(index, order[:n + 1]) == [], f"order {seed}, after {n + 1} articles"
        index.close()
    assert widened, "some additions changed what articles already in the index had resolved"


def _quads(store: Path) -> set:
    from kg.query import open_graph

    return {q for q in open_graph(store).quads_for_pattern(None, None, None) if q.predicate.value != SAME_AS}


def _entities(store: Path) -> set[str]:
    from kg.query import open_graph

    return {q.object.value for q in open_graph(store).quads_for_pattern(
        None, ox.NamedNode("https://schema.org/mentions"), None)}


def test_a_store_added_to_in_shuffled_batches_holds_the_graph_of_a_build_of_all(dev, tmp_path, monkeypatch):
    from kg import store as kg_store
    from kg.pipeline import add_to_store, write_graph

    articles = list(dev)
    random.Random(7).shuffle(articles)
    store, everything = tmp_path / "store", tmp_path / "all"
    with writing(store):
        write_graph(articles[:100], store=store, new_articles=100)
    monkeypatch.setattr(kg_store, "read_extractions", None)  # an addition reads only what the index names
    issued = _entities(store)
    for start, size in ((100, 1), (101, 40), (141, len(articles) - 141)):  # the rest of dev in one addition
        index = open_index(store)
        assert index is not None
        with writing(store):
            summary = add_to_store(articles[start:start + size], store, index)
        index.close()
        quads = {q for q in ox.Store.read_only(str(kg_store.oxigraph_of(store))).quads_for_pattern(None, None, None)}
        live = {q.subject.value for q in quads}
        retired = {q.subject.value for q in quads if q.predicate.value == SAME_AS}
        assert issued <= live | retired, "an IRI the store issued is gone"
        issued |= _entities(store)
    monkeypatch.undo()
    with writing(everything):
        whole = write_graph(articles, store=everything, new_articles=len(articles))
    assert _quads(store) == _quads(everything)
    assert (summary.articles, summary.entities, summary.relations) == (whole.articles, whole.entities,
                                                                       whole.relations)
    assert summary.merges == whole.merges and summary.quads - len(read_identifiers(store).same_as) == whole.quads
    assert read_identifiers(store).local == read_identifiers(everything).local


def test_an_addition_killed_before_its_switch_is_undone_in_the_index(dev, tmp_path):
    from kg.pipeline import add_to_store, write_graph

    store = tmp_path / "store"
    with writing(store):
        write_graph(dev[:150], store=store, new_articles=150)
    live = (store / "CURRENT").read_text().strip()
    (tmp_path / "new.pickle").write_bytes(pickle.dumps(dev[150:]))
    killed = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, pickle, signal
        from pathlib import Path
        import kg.store
        from kg.pipeline import add_to_store
        from kg.store import open_index, writing
        store = Path({str(store)!r})
        def dying(*args):
            os.kill(os.getpid(), signal.SIGKILL)
        kg.store._sync_folder = dying  # the first call: the new version is complete, CURRENT not switched
        with writing(store):
            add_to_store(pickle.loads(Path({str(tmp_path / "new.pickle")!r}).read_bytes()), store, open_index(store))
        """)], capture_output=True, text=True, timeout=300)
    assert killed.returncode == -9, killed.stderr
    assert is_store(store) and (store / "CURRENT").read_text().strip() == live
    index = open_index(store)  # the index was written for the version that never went live: undone
    assert index is not None and index.articles() == 150
    with writing(store):
        summary = add_to_store(dev[150:], store, index)
    index.close()
    everything = tmp_path / "all"
    with writing(everything):
        whole = write_graph(dev, store=everything, new_articles=len(dev))
    assert _quads(store) == _quads(everything) and summary.articles == whole.articles
