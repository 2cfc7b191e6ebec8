"""How fast the view of a large graph becomes interactive in Chromium, against a small graph in the same run.

Run: `pip install -e '.[bench]'` once, then `python bench/view_speed.py [--entities 2000]` (needs Debian's
chromium at /usr/bin/chromium). The seed graph is built and replicated with fresh IRIs to about the wanted
number of entities; both pages are written by `kg.view.render` and opened in headless Chromium by Playwright.
Time to interactive: from navigation until vis-network has drawn the graph once with its handlers attached;
then the time to select a node and to apply a type filter.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.pipeline import build
from kg.view import render

ID = "https://w3id.org/nyhetsgraf/id/"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def _replicate(graph: Path, copies: int, out: Path) -> None:
    store = ox.Store()
    store.load(graph.read_bytes(), format=ox.RdfFormat.TRIG)
    lines = ox.serialize(store, format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines()
    out.write_text("\n".join(line.replace(ID, f"{ID}c{n}/") for n in range(copies) for line in lines) + "\n",
                   encoding="utf-8")


def _measure(browser, page_path: Path) -> tuple[float, float, float]:  # noqa: ANN001
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    started = time.perf_counter()
    page.goto(page_path.as_uri())
    page.wait_for_function("document.body.dataset.kgDrawn === 'true'", timeout=60_000)
    ready = time.perf_counter() - started
    started = time.perf_counter()
    page.evaluate("network.selectNodes([nodes.getIds()[0]]); network.redraw()")
    select = time.perf_counter() - started
    started = time.perf_counter()
    page.click(".kg-type >> nth=0")
    page.evaluate("network.redraw()")
    filtering = time.perf_counter() - started
    page.close()
    if errors:
        raise RuntimeError(f"page errors: {errors}")
    return ready, select, filtering


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=2000)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        seeds = tmp / "seeds.trig"
        summary = build([Path(__file__).resolve().parents[1] / "seeds"], out=seeds)
        big = tmp / "big.nq"
        _replicate(seeds, max(1, args.entities // summary.entities), big)
        small_view = render(seeds, tmp / "small.html")
        big_view = render(big, tmp / "big.html", max_nodes=args.entities * 2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            small = _measure(browser, tmp / "small.html")
            large = _measure(browser, tmp / "big.html")
            browser.close()
    print(f"small page: {small_view.nodes} nodes, {small_view.edges} edges; "
          f"large page: {large_view_text(big_view)}")
    print(f"{'':22} {'small':>9} {'large':>9} {'ratio':>7}")
    for name, a, b in zip(("time to interactive s", "select a node s", "filter by type s"), small, large,
                          strict=True):
        print(f"{name:22} {a:9.3f} {b:9.3f} {b / a:7.1f}")
    print(f"goal: large page interactive within 3 s: {'met' if large[0] <= 3 else 'NOT met'}")


def large_view_text(view) -> str:  # noqa: ANN001
    return f"{view.nodes} nodes, {view.edges} edges, physics off with precomputed positions"


if __name__ == "__main__":
    main()
