"""Fine-tune the shipped pipeline's NER members on news: the gold corpus's dev articles mixed with NorNE.

    python eval/adapt_ner.py norne ../shared/datasets/norne --out /tmp/adapt                 # NorNE as DocBins
    python eval/adapt_ner.py examples eval/news/dev --hold-out 430 --out /tmp/adapt --base B # the news examples
    python eval/adapt_ner.py tune ner_1 --out /tmp/adapt --minutes 12 --news-share 0.25 --rate 0.0003 --base B
    python eval/adapt_ner.py assemble --out /tmp/adapt --members ner_1 --base B ...             # -> /tmp/adapt/model

B is the pipeline to start from; the shipped `ner_1` was made from the one before the adaptation
(`git archive 45f970b kg/nlp/model | tar -x -C /tmp/before`, then `--base /tmp/before/kg/nlp/model`). Without
`--base` each step starts from the shipped pipeline.

NorNE is parliamentary and newspaper text from the 1990s and 2000s; the articles Nyhetsgraf reads are today's
news, whose organisations, venues and names NorNE rarely has. The gold corpus lists every person, organisation
and place each dev article names, with every form it takes there, so each dev paragraph becomes a training
example: the spans of those forms labelled PER, ORG or a place label, every other capitalised word left unknown
(the gold does not annotate products, events or derived words, which NorNE labels), and the rest outside any
name. A place or organisation takes the label the shipped model gives that very span where it gives one of the
same family (GPE_LOC or LOC; ORG or GPE_ORG), else GPE_LOC for a country and LOC otherwise, and ORG.

A member is trained on from its shipped weights for a few minutes, every batch a mix of NorNE training
sentences and news paragraphs (a quarter in the shipped run), with a small learning rate, and the averaged
weights are kept; the assembled pipeline is the shipped one with the tuned members in place of their old selves.
The shipped pipeline has `ner_1` tuned and `ner_2` as NorNE left it: that pair kept every NorNE split at or above
its old score, where tuning both cost a point on NorNE dev (docs/model.md). Articles from `--hold-out` on are left out
of the examples, so that the newest dev articles measure the change on news no training saw (docs/model.md);
test is never used.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training import Example

from kg.extract.gazetteer import countries, fold
from kg.gold import load_corpus
from kg.ingest import read_file
from kg.nlp import load_pipeline, narrow_tables, numpy_blas_ops, paragraphs, set_ops, widen_tables
from kg.nlp.train import NER_MEMBERS, prune_strings

FAMILIES = {"Person": {"PER"}, "Organization": {"ORG", "GPE_ORG"}, "Place": {"GPE_LOC", "LOC"}}


def news_examples(folder: Path, hold_out: int, out: Path, base: Path | None = None) -> int:
    """Write the reference Docs of the folder's articles below id `hold_out` to out/news.spacy, labelled with the
    help of the shipped pipeline (or the one at `base`); returns their number."""
    nlp = load_pipeline(base)
    docs = []
    for gold in load_corpus(folder).articles:
        if int(gold.id) >= hold_out:
            continue
        text = next(iter(read_file(gold.path))).text
        forms = sorted({(v, e.type) for e in gold.entities if e.type in FAMILIES for v in (e.name, *e.variants)
                        if v[:1].isupper()},  # a name, not a description (`alliansen`, `departementet`)
                       key=lambda f: -len(f[0]))
        for _, para in paragraphs(text):
            predicted = nlp(para)
            docs.append(_reference(predicted, forms))
    out.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(out / "news.spacy")
    return len(docs)


def _reference(predicted: Doc, forms: list[tuple[str, str]]) -> Doc:
    """The paragraph's words with the gold names as entities (longest first, no overlaps), capitalised words
    outside them unknown, the rest outside any name."""
    taken: set[int] = set()
    spans = []
    text = predicted.text
    for form, kind in forms:
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            span = predicted.char_span(start, end) or predicted.char_span(start, end + 1)  # or its genitive
            if span is not None and not taken & set(range(span.start, span.end)) and _bounded(text, start, form):
                spans.append(span)
                taken |= set(range(span.start, span.end))
                span.label_ = _label(predicted, span, kind)
            start = text.find(form, start + 1)
    reference = _bare(predicted)
    unknown = [reference[t.i:t.i + 1] for t in predicted if t.i not in taken and t.text[:1].isupper()]
    reference.set_ents([reference.char_span(s.start_char, s.end_char, label=s.label_) for s in spans],
                       missing=unknown, default="outside")
    return reference


def _bounded(text: str, start: int, form: str) -> bool:
    """Whether a form found in the text is a whole word sequence (not inside a longer word)."""
    before = text[start - 1] if start else " "
    after = text[start + len(form)] if start + len(form) < len(text) else " "
    return not before.isalnum() and not (after.isalnum() and after not in "s")  # `Norges`: a genitive is the name


def _label(predicted: Doc, span, kind: str) -> str:  # noqa: ANN001 - spaCy Span
    """The shipped model's label of the very span where it is of the kind's family, else the family's default."""
    model = next((e.label_ for e in predicted.ents if (e.start, e.end) == (span.start, span.end)), None)
    if model in FAMILIES[kind]:
        return model
    if kind == "Place":
        return "GPE_LOC" if fold(span.text.removesuffix("s")) in countries() or fold(span.text) in countries() \
            else "LOC"
    return {"Person": "PER", "Organization": "ORG"}[kind]


def tune(member: str, norne_corpus: Path, out: Path, minutes: float, news_share: float, rate: float,
         seed: int, base: Path | None = None) -> Path:
    """Train the `member` of the shipped pipeline (or of the one at `base`) on from its weights for `minutes`;
    writes out/member.bytes (averaged)."""
    import spacy
    from thinc.api import Adam, set_current_ops

    random.seed(seed)
    ops = numpy_blas_ops()
    set_current_ops(ops)
    shipped = load_pipeline(base)
    nlp = spacy.blank("nb", vocab=shipped.vocab)
    nlp.add_pipe(member, source=shipped)  # the trained NER behind the decoder
    set_ops(nlp, ops)
    news = list(DocBin().from_disk(out / "news.spacy").get_docs(nlp.vocab))
    norne = [d for name in ("nob-train", "nno-train")
             for d in DocBin().from_disk(norne_corpus / f"{name}.spacy").get_docs(nlp.vocab)]
    optimizer = Adam(rate, L2=0.01, grad_clip=1.0, use_averages=True)
    component = nlp.get_pipe(member)
    deadline, step, losses = time.monotonic() + minutes * 60, 0, {}
    while time.monotonic() < deadline:
        batch = [_example(nlp, d) for d in random.sample(news, 8)] + \
            [_example(nlp, d) for d in random.sample(norne, int(8 * (1 - news_share) / news_share))]
        component.update(batch, sgd=optimizer, drop=0.15, losses=losses)
        step += 1
        if step % 100 == 0:
            print(f"{member}: step {step}, loss {losses.get(member, 0):.1f}", flush=True)
            losses = {}
    with component.model.use_params(optimizer.averages):
        (out / f"{member}.bytes").write_bytes(component.model.to_bytes())
    print(f"{member}: {step} steps in {minutes} minutes", flush=True)
    return out / f"{member}.bytes"


def _example(nlp, reference: Doc) -> Example:  # noqa: ANN001 - spaCy Language
    return Example(_bare(reference, nlp.vocab), reference)


def _bare(doc: Doc, vocab=None) -> Doc:  # noqa: ANN001 - spaCy Vocab
    """The words of `doc` (in `vocab`, by default its own) with no annotation."""
    return Doc(vocab or doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])


def assemble(out: Path, note: dict, members: list[str], base: Path | None = None) -> Path:
    """The shipped pipeline (or the one at `base`) with the NER `members` replaced by the tuned ones, saved as
    out/model."""
    nlp = load_pipeline(base)
    for member in members:
        nlp.get_pipe(member).model.from_bytes((out / f"{member}.bytes").read_bytes())
    narrow_tables(nlp)
    nlp.meta.setdefault("kg_training", {})["news_adaptation"] = note
    model = out / "model"
    shutil.rmtree(model, ignore_errors=True)
    nlp.to_disk(model)
    prune_strings(model)
    widen_tables(nlp)
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=("norne", "examples", "tune", "assemble"))
    parser.add_argument("arg", nargs="?", help="NorNE (norne), the gold folder (examples) or the member (tune)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--hold-out", type=int, default=430, help="leave out articles with this id or higher")
    parser.add_argument("--minutes", type=float, default=15)
    parser.add_argument("--news-share", type=float, default=1 / 3)
    parser.add_argument("--rate", type=float, default=0.0005)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--base", type=Path, help="start from this pipeline instead of the shipped one")
    parser.add_argument("--members", nargs="+", default=list(NER_MEMBERS), help="the members assemble replaces")
    args = parser.parse_args()
    if args.step == "norne":  # NorNE's splits as DocBins, as `kg model train` writes them
        from kg.nlp.corpus import write_docbins

        print(write_docbins(Path(args.arg), args.out / "norne"))
    elif args.step == "examples":
        print(f"{news_examples(Path(args.arg), args.hold_out, args.out, args.base)} news paragraphs")
    elif args.step == "tune":
        tune(args.arg, args.out / "norne", args.out, args.minutes, args.news_share, args.rate, args.seed, args.base)
    else:
        note = {"examples": "eval/news/dev articles below id " + str(args.hold_out), "minutes": args.minutes,
                "news_share": args.news_share, "rate": args.rate, "members": args.members}
        print(assemble(args.out, note, args.members, args.base))
        print(json.dumps(note))


if __name__ == "__main__":
    main()
