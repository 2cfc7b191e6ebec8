"""The saved queries on a graph of about a million triples: pyoxigraph against rdflib in the same run.

Run: `python bench/query_speed.py [--graph graph.trig] [--triples 1000000]`. The graph (by default the seed
articles, built first) is replicated with fresh IRIs until it holds the wanted number of quads; both engines load
the same N-Quads and answer every saved query over the merged graph (pyoxigraph: the union of the article graphs
put in its default graph, as `kg query` does; rdflib: `Dataset(default_union=True)`). Prints the median time of
pyoxigraph (5 runs) and of rdflib (1 run, it is slow) and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Literal

from kg.query import merge_default_graph, saved_queries, saved_query

ID = "https://w3id.org/nyhetsgraf/id/"
PARAMS = {"entity": {"name": "Reznikov"}}


def replicated(graph: Path, triples: int) -> str:
    store = ox.Store()
    store.load(graph.read_bytes(), format=ox.RdfFormat.TRIG)
    lines = ox.serialize(store, format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines()
    copies = max(1, triples // len(lines))
    # Each copy gets its own IRIs, as if it were other articles about other entities.
    return "\n".join(line.replace(ID, f"{ID}c{n}/") for n in range(copies) for line in lines) + "\n"


def _time(run, repeat: int) -> tuple[float, int]:  # noqa: ANN001
    times, rows = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=None)
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph
        if graph is None:
            from kg.pipeline import build

            graph = Path(tmp) / "seeds.trig"
            build([Path(__file__).resolve().parents[1] / "seeds"], out=graph)
        data = replicated(graph, args.triples)
    started = time.perf_counter()
    oxi = ox.Store()
    oxi.bulk_load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    quads = len(oxi)
    merge_default_graph(oxi)  # as kg.query.open_graph does
    ox_load = time.perf_counter() - started
    started = time.perf_counter()
    rdf = Dataset(default_union=True)
    rdf.parse(data=data, format="nquads")
    rdf_load = time.perf_counter() - started
    print(f"quads in article graphs: {quads:,} (+ {len(oxi) - quads:,} merged into the default graph); "
          f"load: pyoxigraph {ox_load:.1f} s, rdflib {rdf_load:.1f} s")
    print(f"{'saved query':15} {'rows':>7} {'pyoxigraph ms':>14} {'rdflib ms':>12} {'ratio':>8}")
    ratios, medians = [], []
    for name in saved_queries():
        text, params = saved_query(name), PARAMS.get(name, {})
        subs = {ox.Variable(k): ox.Literal(v) for k, v in params.items()} or None
        ox_s, rows = _time(lambda: sum(1 for _ in oxi.query(text, substitutions=subs)), 5)  # noqa: B023
        rdf_s, rdf_rows = _time(lambda: len(list(rdf.query(text, initBindings={  # noqa: B023
            k: Literal(v) for k, v in params.items()}))), 1)  # noqa: B023
        ratios.append(rdf_s / ox_s)
        medians.append(ox_s)
        flag = "" if rows == rdf_rows else f"  (rdflib rows: {rdf_rows})"
        print(f"{name:15} {rows:7,} {ox_s * 1000:14.1f} {rdf_s * 1000:12.1f} {rdf_s / ox_s:7.1f}x{flag}")
    print(f"median pyoxigraph {statistics.median(medians) * 1000:.1f} ms (goal < 50 ms); "
          f"median speed-up {statistics.median(ratios):.1f}x, smallest {min(ratios):.1f}x (goal >= 20x)")


if __name__ == "__main__":
    main()
