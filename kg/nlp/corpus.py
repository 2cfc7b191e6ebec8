"""NorNE (NDT and UD files) -> spaCy Docs with gold tokens, POS, morphology, lemmas, NDT dependencies and entities.

The parser is trained on NDT's own dependency labels because NDT is the only scheme NorNE gives for the training
split (UD labels exist for dev and test only); see docs/model.md. Parts of speech and features are mapped from
the Oslo-Bergen tagset to Universal POS and UD features, so that the morphologizer can be scored against the UD
dev and test files as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo
from spacy.vocab import Vocab

from kg.errors import InputError

LABELS = ("PER", "ORG", "LOC", "GPE_LOC", "GPE_ORG", "PROD", "EVT", "DRV", "MISC")

# Bokmål dev and test documents by NDT file name, from the UD Norwegian-Bokmål split (SPLITS.md; kk006_0000
# holds no UD dev sentence and is train, which makes the 180 train files SPLITS.md counts);
# every other Bokmål file is train.  Each range is inclusive and compares file stems as strings.
_NOB_SPLITS = {
    "dev": [
        ("ap012_0003", "ap014_0002"), ("bt005_0002", "bt005_0005"), ("db013_0005", "db014_0002"),
        ("kk006_0001", "kk007_0000"), ("sp-bm002", "sp-bm002_~"), ("vg002_0004", "vg002_0004"),
        ("blogg-bm003_0001", "blogg-bm003_0002"), ("nou004_0001", "nou004_0001"), ("st005_0001", "st005_0002"),
    ],
    "test": [
        ("ap014_0003", "ap015_0002"), ("bt005_0006", "bt006_0001"), ("db014_0003", "db014_0007"),
        ("kk007_0001", "kk008_0000"), ("sp-bm003", "sp-bm003_~"), ("vg002_0005", "vg002_0005"),
        ("blogg-bm003_0003", "blogg-bm003_0004"), ("nou004_0002", "nou004_0002"), ("st005_0003", "st005_0004"),
    ],
}

_PUNCT_POS = {"clb", "<komma>", "<strek>", "<anf>", "<parentes-beg>", "<parentes-slutt>"}
_UPOS = {
    "adj": "ADJ", "adv": "ADV", "prep": "ADP", "konj": "CCONJ", "sbu": "SCONJ", "det": "DET", "pron": "PRON",
    "inf-merke": "PART", "interj": "INTJ", "symb": "SYM", "ukjent": "X", "verb": "VERB",
}
_AUX_LEMMAS = {"være", "vere", "ha", "bli", "verte", "kunne", "skulle", "ville", "måtte", "burde"}
_NUMBER_WORDS = {
    "null", "to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti", "elleve", "tolv", "tretten",
    "fjorten", "femten", "seksten", "sytten", "atten", "nitten", "tjue", "tjuge", "tretti", "førti", "femti",
    "seksti", "sytti", "åtti", "nitti", "hundre", "tusen", "million", "milliard",
}
# Oslo-Bergen feature -> (UD feature, value).
_FEATS = {
    "mask": ("Gender", "Masc"), "fem": ("Gender", "Fem"), "nøyt": ("Gender", "Neut"),
    "ent": ("Number", "Sing"), "fl": ("Number", "Plur"), "ub": ("Definite", "Ind"), "be": ("Definite", "Def"),
    "pres": ("Tense", "Pres"), "pret": ("Tense", "Past"), "inf": ("VerbForm", "Inf"),
    "perf-part": ("VerbForm", "Part"), "imp": ("Mood", "Imp"), "pass": ("Voice", "Pass"),
    "pos": ("Degree", "Pos"), "komp": ("Degree", "Cmp"), "sup": ("Degree", "Sup"),
    "gen": ("Case", "Gen"), "nom": ("Case", "Nom"), "akk": ("Case", "Acc"),
    "1": ("Person", "1"), "2": ("Person", "2"), "3": ("Person", "3"),
    "pers": ("PronType", "Prs"), "dem": ("PronType", "Dem"), "poss": ("Poss", "Yes"), "refl": ("Reflex", "Yes"),
    "fork": ("Abbr", "Yes"),
}


@dataclass(frozen=True)
class Sentence:
    """One gold sentence: parallel token columns as read from an NDT or UD file."""

    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    lemmas: tuple[str, ...]
    pos: tuple[str, ...]
    morphs: tuple[str, ...]
    heads: tuple[int, ...]  # absolute token index; a root points at itself
    deps: tuple[str, ...]
    iob: tuple[str, ...]
    # The sentence begins a part of its file's running text: a paragraph or document of a UD file (`# newpar`,
    # `# newdoc`), or an NDT file (each is one stretch of text). Names are made consistent within a part.
    starts_part: bool = False


def ndt_split(stem: str) -> str:
    """Return 'train', 'dev' or 'test' for a Bokmål NDT file stem such as 'ap012_0003'."""
    family = _family(stem)
    for split, ranges in _NOB_SPLITS.items():
        if any(_family(start) == family and start <= stem <= end for start, end in ranges):
            return split
    return "train"


def _family(stem: str) -> str:
    return re.match(r"[a-z-]*", stem).group(0)  # type: ignore[union-attr]


def read_conll(path: Path) -> Iterator[Sentence]:
    """Read an NDT `.conll` or UD `.conllu` file with NorNE `name=` tags; raises InputError on a bad line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read as UTF-8 CoNLL: {err}") from err
    ud = path.suffix == ".conllu"
    first = True
    for block in re.split(r"\n\s*\n", text):
        lines = block.splitlines()
        rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
        rows = [row for row in rows if re.fullmatch(r"\d+", row[0])]  # drop UD multiword and empty nodes
        if rows:
            starts = first or any(line.startswith(("# newpar", "# newdoc")) for line in lines)
            yield _sentence(rows, ud, path, starts)
            first = False


def _sentence(rows: list[list[str]], ud: bool, path: Path, starts_part: bool) -> Sentence:
    if any(len(row) != 10 for row in rows):
        raise InputError(f"{path}: a token line does not have 10 tab-separated columns")
    words, lemmas, pos, morphs, heads, deps, iob, spaces = [], [], [], [], [], [], [], []
    for i, row in enumerate(rows):
        words.append(row[1])
        lemma = row[2][1:] if row[2].startswith("$") and len(row[2]) > 1 else row[2]
        lemmas.append(lemma)
        if ud:
            pos.append(row[3])
            morphs.append("" if row[5] == "_" else row[5])
        else:
            upos, morph = _from_obt(row[1], lemma, row[3], row[5])
            pos.append(upos)
            morphs.append(morph)
        head = int(row[6])
        heads.append(i if head == 0 else head - 1)
        deps.append("ROOT" if head == 0 else row[7])
        misc = dict(kv.split("=", 1) for kv in row[9].split("|") if "=" in kv)
        iob.append(misc.get("name", "O"))
        spaces.append(misc.get("SpaceAfter") != "No" if ud else True)
    if not ud:
        spaces = _ndt_spaces(words)
        pos = _ud_conventions(words, lemmas, pos, morphs, heads, deps)
    spaces[-1] = False
    return Sentence(*map(tuple, (words, spaces, lemmas, pos, morphs, heads, deps, iob)),  # type: ignore[arg-type]
                    starts_part=starts_part)


def _from_obt(word: str, lemma: str, obt_pos: str, obt_feats: str) -> tuple[str, str]:
    feats = set(obt_feats.split("|"))
    if obt_pos in _PUNCT_POS:
        upos = "PUNCT"
    elif obt_pos == "subst":
        upos = "PROPN" if "prop" in feats else "NOUN"
    elif obt_pos == "verb" and lemma.lower() in _AUX_LEMMAS:
        upos = "AUX"
    elif obt_pos == "det" and "kvant" in feats and (any(c.isdigit() for c in word) or lemma in _NUMBER_WORDS):
        upos = "NUM"
    else:
        upos = _UPOS.get(obt_pos, "X")
    ud = sorted({f"{key}={value}" for key, value in (_FEATS[f] for f in feats if f in _FEATS)})
    return upos, "|".join(ud)


def _ud_conventions(words: list[str], lemmas: list[str], pos: list[str], morphs: list[str], heads: list[int],
                    deps: list[str]) -> list[str]:
    """Tags that UD's conversion of NDT decides from the tree rather than the word: an auxiliary with no verb
    under it is a main verb; a preposition that takes a clause is a subordinator; relative `som` is a pronoun;
    negation is a particle; possessives are pronouns."""
    children: dict[int, list[int]] = {}
    for i, head in enumerate(heads):
        if head != i:
            children.setdefault(head, []).append(i)
    fixed = list(pos)
    for i, tag in enumerate(pos):
        kids = children.get(i, [])
        lemma = lemmas[i].lower()
        if tag == "AUX" and not any(deps[k] == "INFV" for k in kids) and lemma != "være":
            fixed[i] = "VERB"
        elif tag == "VERB" and lemma in {"få"} and any(deps[k] == "INFV" for k in kids):
            fixed[i] = "AUX"
        elif lemma == "som":  # relative pronoun, `som` of a predicative, or comparative preposition
            fixed[i] = "PRON" if deps[i] == "SBU" else "SCONJ" if deps[i].endswith("PRED") else "ADP"
        elif tag == "ADP" and any(deps[k] == "PUTFYLL" and pos[k] in {"VERB", "AUX", "PART"} for k in kids):
            fixed[i] = "SCONJ"
        elif lemma in {"ikke", "ikkje"}:
            fixed[i] = "PART"
        elif tag == "DET" and "Poss=Yes" in morphs[i]:
            fixed[i] = "PRON"
    return fixed


def _ndt_spaces(words: list[str]) -> list[bool]:
    """NDT has no spacing: no space before closing punctuation, none after opening."""
    spaces = [True] * len(words)
    for i, word in enumerate(words):
        if word in {"(", "«", "[", "\u201c"} or (word == '"' and words[:i].count('"') % 2 == 0):
            spaces[i] = False
        if i and word in {",", ".", ":", ";", ")", "»", "]", "!", "?", "...", "\u201d"}:
            spaces[i - 1] = False
        if i and word == '"' and words[:i].count('"') % 2 == 1:
            spaces[i - 1] = False
    return spaces


def to_doc(vocab: Vocab, sent: Sentence) -> Doc:
    """Build a gold-annotated Doc from one sentence; invalid entity sequences are repaired, not dropped."""
    tags = iob_to_biluo([_valid_iob(t, sent.iob[i - 1] if i else "O") for i, t in enumerate(sent.iob)])
    doc = Doc(
        vocab, words=list(sent.words), spaces=list(sent.spaces), lemmas=list(sent.lemmas), pos=list(sent.pos),
        morphs=list(sent.morphs), heads=list(sent.heads), deps=list(sent.deps), sent_starts=None,
    )
    doc.ents = biluo_tags_to_spans(doc, tags)
    return doc


def _valid_iob(tag: str, previous: str) -> str:
    # An I- tag that does not continue an entity of the same label starts one.
    if tag.startswith("I-") and previous[2:] != tag[2:]:
        return "B-" + tag[2:]
    return tag


def _key(sent: Sentence) -> tuple[str, ...]:
    return sent.words


def build_splits(norne: Path) -> dict[str, list[Sentence]]:
    """Read NorNE into named splits: nob-train/dev/test from NDT files, nno-train, and the UD benchmark files.

    Train splits never hold a sentence whose token sequence is in a dev or test split.
    Raises InputError when the folder is not a NorNE checkout.
    """
    ndt, ud = norne / "ndt", norne / "ud"
    if not (ndt / "nob").is_dir() or not (ud / "nob").is_dir():
        raise InputError(f"{norne}: not a NorNE folder (expected ndt/nob and ud/nob inside)")
    splits: dict[str, list[Sentence]] = {"nob-train": [], "nob-dev": [], "nob-test": []}
    for path in sorted((ndt / "nob").glob("*.conll")):
        splits[f"nob-{ndt_split(path.stem)}"].extend(read_conll(path))
    for lang, name in (("nob", "bokmaal"), ("nno", "nynorsk")):
        for part in ("dev", "test"):
            splits[f"ud-{lang}-{part}"] = list(read_conll(ud / lang / f"no_{name}-ud-{part}.conllu"))
    held_out = {_key(s) for name, sents in splits.items() if not name.endswith("train") for s in sents}
    splits["nob-train"] = [s for s in splits["nob-train"] if _key(s) not in held_out]
    nno = (s for p in sorted((ndt / "nno").glob("*.conll")) for s in read_conll(p))
    splits["nno-train"] = [s for s in nno if _key(s) not in held_out]
    return splits


def write_docbins(norne: Path, out_dir: Path, vocab: Vocab | None = None) -> dict[str, int]:
    """Write every split as `<name>.spacy` (one Doc a sentence) and the NDT splits also as `<name>-grouped.spacy`
    (runs of consecutive sentences in one Doc, which the parser needs to learn sentence boundaries).
    Returns sentence counts per split."""
    vocab = vocab or Vocab()
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, sents in build_splits(norne).items():
        docs = [to_doc(vocab, s) for s in sents]
        DocBin(store_user_data=False, docs=docs).to_disk(out_dir / f"{name}.spacy")
        if not name.startswith("ud-"):
            DocBin(store_user_data=False, docs=group(docs)).to_disk(out_dir / f"{name}-grouped.spacy")
        counts[name] = len(sents)
    return counts


def group(docs: list[Doc], sizes: tuple[int, ...] = (1, 3, 6, 10, 4, 8, 2, 5)) -> Iterator[Doc]:
    """Join consecutive sentence Docs into multi-sentence Docs, their lengths cycling through `sizes`."""
    start = n = 0
    while start < len(docs):
        size = sizes[n % len(sizes)]
        yield Doc.from_docs(docs[start:start + size], ensure_whitespace=True)
        start, n = start + size, n + 1
