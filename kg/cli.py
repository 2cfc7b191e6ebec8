"""The `kg` command: each subcommand turns options into one library call and formats its result."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kg.errors import KgError

app = typer.Typer(help="Nyhetsgraf: one knowledge graph from many Norwegian news articles.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
model_app = typer.Typer(help="Train and score the shipped Norwegian pipeline.", no_args_is_help=True)
app.add_typer(model_app, name="model")
# Piped output is not wrapped at 80 columns: a line stays one line, a table as wide as its cells.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 1000)


def _bar():  # noqa: ANN202 - a context manager giving a rich Progress or None
    """A progress bar on a terminal; nothing elsewhere (rich would print an empty line there)."""
    from contextlib import nullcontext

    from rich.progress import Progress

    return Progress(console=Console(stderr=True), transient=True) if sys.stderr.isatty() else nullcontext()


def _progress(bar, label: str):  # noqa: ANN001, ANN202 - a rich Progress or None; a progress callback
    if bar is None:
        return _progress_lines(label)
    task = bar.add_task(label, total=None)
    return lambda done, total: bar.update(task, completed=done, total=total)


def _progress_lines(label: str, every: int = 50):  # noqa: ANN202 - a progress callback
    """Progress as plain lines on a stderr that is not a terminal (rich shows none there): every `every`
    articles and at the end, with the rate."""
    import time

    start, err = time.monotonic(), Console(stderr=True, soft_wrap=True)

    def report(done: int, total: int) -> None:
        if done % every == 0 or done == total:
            rate = done / max(time.monotonic() - start, 1e-9)
            err.print(f"kg: {label} {done}/{total} articles ({rate:.1f}/s)", markup=False, highlight=False)
    return report


def _fail(err: KgError) -> None:
    Console(stderr=True, highlight=False).print(f"kg: error: {err}", markup=False, soft_wrap=True)
    raise typer.Exit(1)


@app.command()
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .html, .jsonl) or folders.")],
    output: Annotated[Path | None, typer.Option("--out", help="Graph file: .trig, .nq, .ttl or .jsonld.")] = None,
    store: Annotated[Path | None, typer.Option(help="An on-disk store to create or add the articles to.")] = None,
    min_confidence: Annotated[float, typer.Option(help="Leave out facts whose rule's measured confidence is "
                                                       "lower (0 keeps every fact).")] = 0.0,
    max_article_chars: Annotated[int, typer.Option(help="Leave out (with a warning) an article longer than this; "
                                                       "a .jsonl file may be any size.")] = 200_000,
    workers: Annotated[int, typer.Option(help="Parse in this many processes (default: the machine's cores; "
                                              "fewer than 100 articles a process use one).")] = 0,
    cluster: Annotated[str | None, typer.Option(help="Parse and extract on this Dask scheduler "
                                                     "(tcp://HOST:8786), or `local` to start one here.")] = None,
) -> None:
    """Read articles and write one merged knowledge graph (a named graph per article)."""
    import warnings

    from kg.ingest import EncodingWarning, SkippedWarning
    from kg.pipeline import build as run_build

    if output is None and store is None:
        _fail(KgError("give --out FILE or --store DIR (or both)"))
    with warnings.catch_warnings(record=True) as caught, _bar() as bar:
        warnings.simplefilter("always", EncodingWarning)
        warnings.simplefilter("always", SkippedWarning)
        try:
            summary = run_build(inputs, out=output, store=store, progress=_progress(bar, "extracted"),
                                min_confidence=min_confidence, max_article_chars=max_article_chars,
                                workers=workers or os.cpu_count() or 1, cluster=cluster)
        except KgError as err:
            if bar is not None:
                bar.stop()
            _fail(err)
    for warning in (w for w in caught if issubclass(w.category, (EncodingWarning, SkippedWarning))):
        Console(stderr=True, soft_wrap=True).print(f"kg: warning: {warning.message}", markup=False, highlight=False)
    target = " and ".join(str(p) for p in (output, store) if p)
    kept = (f", {summary.articles - summary.written} article graphs kept as they were"
            if summary.written is not None and summary.written < summary.articles else "")
    out.print(f"{summary.articles} articles ({summary.new_articles} new), {summary.entities} entities, "
              f"{summary.relations} relations, {summary.merges} merges, {summary.quads} quads{kept} -> {target}")


@app.command()
def query(
    graph: Annotated[Path | None, typer.Argument(help="A graph file (.trig, .nq, .ttl, .jsonld) or a store folder.")
                     ] = None,
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query text.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the query from this file.")] = None,
    saved: Annotated[str | None, typer.Option("--saved", help="Run a saved query (see --list).")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", help="Bind a variable: NAME=VALUE.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    list_saved: Annotated[bool, typer.Option("--list", help="List the saved queries and stop.")] = False,
) -> None:
    """Run SPARQL over the union of the per-article graphs."""
    from kg.query import as_table, open_graph, run, saved_queries, saved_query, saved_query_params, serialize

    if list_saved:
        for name, about in saved_queries().items():
            out.print(f"[bold]{name:14}[/] {about}")
        return
    try:
        if graph is None:
            raise KgError("give a graph file or store to query (or --list to see the saved queries)")
        if fmt not in {"table", "csv", "json"}:
            raise KgError(f"unknown format {fmt!r}; use table, csv or json")
        given = [q for q in (sparql, file, saved) if q is not None]
        if len(given) != 1:
            raise KgError("give exactly one of: a query string, --file FILE, --saved NAME")
        text = saved_query(saved) if saved else _read_query(file) if file else sparql
        bindings = dict(_binding(p) for p in param or [])
        if saved and (missing := [n for n in saved_query_params(saved) if n not in bindings]):
            raise KgError(f"the saved query {saved!r} needs " + " ".join(f"--param {n}=VALUE" for n in missing))
        results = run(open_graph(graph), text, bindings)
        if fmt != "table":
            sys.stdout.buffer.write(serialize(results, fmt))
            return
        table = as_table(results)
    except KgError as err:
        _fail(err)
    view = Table(*table.columns, show_lines=False)
    for row in table.rows:
        view.add_row(*row)
    out.print(view)
    out.print(f"[dim]{len(table.rows)} rows[/]")


@app.command()
def serve(
    graph: Annotated[Path, typer.Argument(help="A graph file or a store folder.")],
    port: Annotated[int, typer.Option(help="The port to listen on.")] = 7878,
    host: Annotated[str, typer.Option(help="The address to listen on; other than loopback, others can reach it.")
                    ] = "127.0.0.1",
    timeout: Annotated[float, typer.Option(help="Seconds a query may run before it is stopped.", min=0.1)] = 30.0,
    max_memory: Annotated[int, typer.Option(help="MB of memory a query may use (beyond its worker's own).",
                                            min=16)] = 2048,
    max_result: Annotated[int, typer.Option(help="MB a result may take; larger ones are refused.", min=1)] = 64,
    workers: Annotated[int | None, typer.Option(help="Processes evaluating queries (default: the cores).",
                                                min=1)] = None,
) -> None:
    """A read-only SPARQL 1.1 endpoint (/sparql) with a query page (/); Ctrl-C stops it."""
    from kg.serve import Limits, is_loopback
    from kg.serve import serve as run_server

    limits = Limits(timeout=timeout, memory_mb=max_memory, result_mb=max_result,
                    workers=workers or Limits().workers)
    if not is_loopback(host):
        Console(stderr=True, soft_wrap=True).print(
            f"kg: warning: listening on {host}: anyone who can reach this machine can query the graph",
            markup=False, highlight=False)
    shown = f"[{host}]" if ":" in host else host

    def ready() -> None:
        out.print(f"SPARQL endpoint http://{shown}:{port}/sparql, query page http://{shown}:{port}/ "
                  f"(timeout {timeout:g} s, {limits.workers} workers; Ctrl-C stops)")

    try:
        run_server(graph, host=host, port=port, limits=limits, ready=ready)
    except KgError as error:
        _fail(error)
    except OSError as error:
        _fail(KgError(f"{host}:{port}: cannot listen: {error.strerror or error}"))
    except KeyboardInterrupt:
        pass


@app.command()
def view(
    graph: Annotated[Path, typer.Argument(help="A graph file or a store folder.")],
    output: Annotated[Path, typer.Option("--out", help="The HTML file to write.")] = Path("graph.html"),
    focus: Annotated[str | None, typer.Option(help="Draw only the neighbourhood of the entity with this name.")] = None,
    depth: Annotated[int, typer.Option(help="With --focus: how many relations away.")] = 2,
    max_nodes: Annotated[int, typer.Option(help="Draw at most this many entities (best connected first).")] = 1500,
) -> None:
    """Write the interactive graph view: one HTML file that works offline."""
    from kg.view import render

    try:
        summary = render(graph, output, focus=focus, depth=depth, max_nodes=max_nodes)
    except KgError as err:
        _fail(err)
    left = f", {summary.left_out} entities left out (see the notice on the page)" if summary.left_out else ""
    out.print(f"{summary.nodes} entities, {summary.edges} relations{left} -> {output}")


def _read_query(path: Path) -> str:
    from kg.errors import InputError

    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the query file: {err}") from err


def _binding(text: str) -> tuple[str, str]:
    from kg.errors import QueryError

    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise QueryError(f"--param {text!r}: expected NAME=VALUE")
    return name, value


@app.command()
def explain(
    name: Annotated[str, typer.Argument(help="A name or part of one (any spelling the graph has).")],
    graph: Annotated[Path, typer.Argument(help="A graph file (.trig, .nq, .ttl, .jsonld) or a store folder.")],
) -> None:
    """Why an entity is one: its names in each article and the merge decisions that joined them, with evidence."""
    from kg.explain import explain as run_explain
    from kg.query import open_graph

    try:
        found = run_explain(open_graph(graph), name)
        if not found:
            raise KgError(f"{graph}: no entity has a name containing {name!r}")
    except KgError as err:
        _fail(err)
    for entity in found:
        out.print(f"[bold]{entity.label}[/] ({', '.join(entity.kinds) or 'no type'}) {entity.iri}", soft_wrap=True)
        names = Table("article", "names there")
        for headline, forms in sorted(entity.names.items()):
            names.add_row(headline, ", ".join(sorted(forms)))
        out.print(names)
        if entity.decisions:
            why = Table("name", "rule", "evidence", "article")
            for column in why.columns:
                column.overflow = "fold"
            why.columns[1].no_wrap = True  # a rule's name is read whole
            for row in entity.decisions:
                why.add_row(*row)
            out.print(why)
        else:
            out.print("[dim]no merge decisions: every article gives it the same name[/]")


@app.command()
def review(
    graph: Annotated[Path, typer.Argument(help="A graph file (.trig, .nq, .ttl, .jsonld) or a store folder.")],
    limit: Annotated[int, typer.Option(help="How many pairs to list.")] = 20,
) -> None:
    """The closest pairs of persons or organisations that were not merged, for a person to check."""
    from kg.explain import review as run_review
    from kg.query import open_graph

    try:
        pairs = run_review(open_graph(graph), limit=limit)
    except KgError as err:
        _fail(err)
    table = Table("score", "kind", "entity", "entity", "kept apart because")
    for column in table.columns:
        column.overflow = "fold"
    for pair in pairs:
        table.add_row(f"{pair.score:.1f}", pair.kind, pair.first, pair.second, pair.reason)
    out.print(table)
    out.print(f"[dim]{len(pairs)} pairs[/]")


@app.command("evaluate")
def evaluate_gold(
    folder: Annotated[Path, typer.Argument(help="A gold corpus: NN_*.txt articles and gold.yaml (GOLD-FORMAT.md).")],
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    show: Annotated[str | None, typer.Option("--show", help="errors: list each miss and each false fact.")] = None,
    calibrate: Annotated[Path | None, typer.Option(help="Write each rule's confidence measured here to this "
                                                        "YAML file (kg/extract/confidence.yaml).")] = None,
    min_confidence: Annotated[float, typer.Option(help="Score the graph `kg build --min-confidence` gives: facts "
                                                       "whose rule's confidence is lower left out.")] = 0.0,
) -> None:
    """Build a gold corpus's articles (alone and together) and score the graph: relations P/R/F1 per type and per
    article, traps hit, entities found, cross-article entities as one node, false merges."""
    import warnings

    from kg.gold import check_corpus, load_corpus
    from kg.score import evaluate

    try:
        if fmt not in {"table", "json"}:
            raise KgError(f"unknown format {fmt!r}; use table or json")
        if show not in {None, "errors"}:
            raise KgError(f"unknown --show {show!r}; use errors")
        corpus = load_corpus(folder)
        if problems := check_corpus(corpus):
            raise KgError(f"{folder}: the gold has {len(problems)} problem(s), the first: {problems[0]}")
        with warnings.catch_warnings(), _bar() as bar:
            warnings.simplefilter("ignore")
            report = evaluate(corpus, progress=_progress(bar, "built"), min_confidence=min_confidence)
    except KgError as err:
        _fail(err)
    if calibrate is not None:
        import yaml

        from kg.files import write_text_atomic
        from kg.score import calibration

        header = (f"# Each rule's confidence, measured by `kg evaluate {folder} --calibrate`: the share of its\n"
                  "# statements that were right, drawn toward 0.8 by 4 statements. kg.extract reads it.\n")
        try:
            write_text_atomic(calibrate, header + yaml.safe_dump(calibration(report.per_rule), allow_unicode=True))
        except KgError as err:
            _fail(err)
    if show is None:
        report.errors = []
    if fmt == "json":
        json.dump(report.as_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    _print_report(report)


def _print_report(report) -> None:  # noqa: ANN001 - kg.score.Report, imported lazily
    pct = lambda v: "n/a" if v is None else f"{100 * v:.1f}"  # noqa: E731
    out.print(f"[bold]{report.corpus}[/]: {report.articles} articles")
    table = Table("relation", "gold", "found", "extracted", "wrong", "traps", "P", "R", "F1",
                  title="Relations (the folder built together)")
    rows = [*report.per_type.items(), ("[bold]all[/]", report.relations), ("all, articles alone", report.alone)]
    for name, c in rows:
        table.add_row(name, str(c.core), str(c.found), str(c.correct + c.wrong), str(c.wrong), str(c.traps),
                      pct(c.precision), pct(c.recall), pct(c.f1))
    out.print(table)
    out.print(f"traps hit: {report.relations.traps} of {report.traps_total}")
    e = report.entities
    out.print(f"gold entities found: {e.get('found', 0)} of {e.get('gold', 0)}, "
              f"{e.get('right type', 0)} with the right type (articles alone)")
    x = report.cross_article
    out.print(f"entities named in several articles: {x['shared']}; found in each of their articles "
              f"{x['found in each article']}; one node {x['one node']}; split {x['split']}"
              + (f" ({', '.join(report.split)})" if report.split else ""), markup=False)
    out.print(f"false merges (a node for two gold entities): {len(report.false_merges)}")
    for merge in report.false_merges:
        out.print(f"  {merge['node']}: {' + '.join(merge['gold'])}", markup=False)
    if report.reliability:
        table = Table("confidence", "statements", "stated", "right", title="Confidence (rules' measured confidence)")
        for row in report.reliability:
            table.add_row(row["band"], str(row["statements"]), f"{row['stated']:.2f}", f"{row['right']:.2f}")
        out.print(table)
    table = Table("article", "gold", "found", "extracted", "wrong", "traps", "P", "R", "F1",
                  title="Per article (built alone)")
    for article, c in report.per_article.items():
        table.add_row(article, str(c.core), str(c.found), str(c.correct + c.wrong), str(c.wrong), str(c.traps),
                      pct(c.precision), pct(c.recall), pct(c.f1))
    out.print(table)
    for err in report.errors:
        out.print(f"{err.article} {err.kind:6} {err.relation}: {err.subject} -> {err.object}"
                  f"{f'  [{err.rule}]' if err.rule else ''}\n        {err.evidence!r}", markup=False, soft_wrap=True)


@model_app.command("evaluate")
def model_evaluate(
    path: Annotated[Path, typer.Argument(help="A NorNE/UD .conllu file, an NDT .conll file, or a NorNE folder.")],
    split: Annotated[str, typer.Option(help="With a NorNE folder: which split to score.")] = "nob-dev",
    model: Annotated[Path | None, typer.Option(help="A pipeline folder instead of the shipped one.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the pipeline on gold tokens: NER P/R/F1 overall and per label (in context and each sentence alone),
    POS, lemmas, UAS/LAS, speed."""
    from kg.nlp import load_pipeline
    from kg.nlp.evaluate import evaluate, read_gold

    try:
        scores = evaluate(load_pipeline(model), read_gold(path, split), source=str(path))
    except KgError as err:
        _fail(err)
    if as_json:
        json.dump(scores.__dict__, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    _print_scores(scores)


def _print_scores(scores) -> None:  # noqa: ANN001 - kg.nlp.evaluate.Scores, imported lazily
    pct = lambda v: "n/a" if v is None else f"{100 * v:.2f}"  # noqa: E731
    out.print(f"[bold]{scores.source}[/]: {scores.sentences} sentences in {scores.parts} parts, "
              f"{scores.words} words, {scores.words_per_second:,.0f} words/s")
    table = Table("NER label", "P", "R", "F1", title="NER in context (names consistent within each part)")
    for label, s in sorted(scores.ents_per_type.items()):
        table.add_row(label, pct(s["p"]), pct(s["r"]), pct(s["f"]))
    table.add_row("[bold]all[/]", pct(scores.ents_p), pct(scores.ents_r), f"[bold]{pct(scores.ents_f)}[/]")
    table.add_row("all, each sentence alone", pct(scores.alone_ents_p), pct(scores.alone_ents_r),
                  pct(scores.alone_ents_f))
    out.print(table)
    for name, value in (("POS accuracy", scores.pos_acc), ("Morph accuracy", scores.morph_acc),
                        ("Lemma accuracy", scores.lemma_acc), ("UAS", scores.dep_uas), ("LAS", scores.dep_las)):
        out.print(f"{name:15} {pct(value)}")
    for note in scores.notes:
        out.print(f"[dim]note: {note}[/]")


@model_app.command("train")
def model_train(
    data: Annotated[Path, typer.Option(help="The NorNE folder (with ndt/ and ud/).")],
    output: Annotated[Path, typer.Option("--out", help="Working folder; the pipeline lands in OUT/model.")] = Path(
        "training"),
    ner_minutes: Annotated[float, typer.Option(help="Wall-clock limit of each NER member.")] = 30.0,
    syntax_minutes: Annotated[float, typer.Option(help="Wall-clock limit of the syntax part.")] = 47.0,
    ner_steps: Annotated[int, typer.Option(help="Maximum updates of each NER member.")] = 12000,
    syntax_steps: Annotated[int, typer.Option(help="Maximum updates of the syntax part.")] = 5500,
) -> None:
    """Reproduce the shipped pipeline from NorNE (three training runs, two at a time, about an hour)."""
    from kg.nlp.train import train_all

    try:
        model = train_all(data, output, {"ner": ner_minutes, "syntax": syntax_minutes},
                          {"ner": ner_steps, "syntax": syntax_steps})
    except KgError as err:
        _fail(err)
    out.print(f"pipeline written to {model}; score it with `kg model evaluate --model {model} FILE`")


def main() -> None:
    """Entry point for `python -m kg`."""
    app()


if __name__ == "__main__":
    main()
