"""Paths -> articles: text, Markdown with front matter, HTML pages and JSON Lines, with their metadata.

News text pasted from a web page carries lines that are not prose: photo captions (`LABEL: ...`), photo
credits (`Foto: NAME / AP / NTB`), a byline (`Av NAME`) and `Publisert:` lines. They become metadata; caption
text stays in the article (it states facts) with its span recorded, a credit becomes a paragraph of its own
(its names are mentioned) with its span recorded, labels and `Publisert:` lines go.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from kg.errors import InputError
from kg.types import Article

# `STAVANGER (Dagbladet) – ...`, `OSLO / BEIRUT (VG)`: a dateline at the start of a paragraph, the places it was
# written from (each a city or a country) and the outlet that reported it.
DATELINE = re.compile(r"^(?P<places>[A-ZÆØÅ][A-ZÆØÅ\-]+(?: ?/? [A-ZÆØÅ][A-ZÆØÅ\-]+)*) "
                      r"\((?P<outlet>[A-ZÆØÅ][\w.&\- ]{0,30}?)\)(?:\s*[–:-])?", re.MULTILINE)

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
MAX_ARTICLE_CHARS = 200_000  # one article's text; a long feature is a tenth of it. A .jsonl file may be any size.

_MONTHS = {m: i for i, m in enumerate(
    "januar februar mars april mai juni juli august september oktober november desember".split(), start=1)}
_MONTHS |= {m[:3]: i for m, i in list(_MONTHS.items())}
_NAME = r"[A-ZÆØÅ][\w.'\-]+"
_BYLINE = re.compile(rf"^(?:Av|Tekst|Skrevet av)\s*:?\s+(?P<names>{_NAME}(?:[\s,]+(?:og\s+)?{_NAME})*)\s*$")
_AGENCY_LINE = re.compile(r"\(?(?P<names>[A-ZÆØÅ]{2,6})\)?(?: (?:[Ii]nnenriks|[Uu]tenriks|[Uu]tanriks|[Ss]port|"
                          r"[Øø]konomi|[Kk]ultur))?")  # a line that is only `NTB` or `NTB Innenriks`: an agency
# byline (with the agency's desk)
# `NTB-Kari Holm og Per Dahl`: an agency's byline joined by a hyphen to its reporters' full names
_FULL_NAME = rf"{_NAME}(?: {_NAME})+"
_AGENCY_BYLINE = re.compile(rf"(?P<agency>[A-ZÆØÅ]{{2,6}})-(?P<names>{_FULL_NAME}(?:,? (?:og )?{_FULL_NAME})*)")
_PUBLISHED = re.compile(r"^(?:Publisert|Oppdatert|Sist oppdatert|Publ\.)\s*:?\s*(?P<when>.*)$", re.IGNORECASE)
_CREDIT = re.compile(r"\s*\b(?:Foto|Illustrasjon|Grafikk|Video)\s*:\s*[^.:]{2,120}$")
_CAPTION = re.compile(r"^(?P<label>[A-ZÆØÅ0-9][A-ZÆØÅ0-9 .,'&\-]{2,60}):\s+(?P<text>\S.*)$", re.DOTALL)


class EncodingWarning(UserWarning):
    """A file was not UTF-8 and was read as Windows-1252."""


class SkippedWarning(UserWarning):
    """An article was left out of the build (longer than an article may be); the rest goes on."""


def read_articles(inputs: Iterable[Path], max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Article]:
    """Read every article under `inputs` (files, or folders searched recursively); raises InputError. An article
    longer than `max_chars` is skipped with a SkippedWarning naming it."""
    for path in _files(inputs):
        yield from read_file(path, max_chars)


def _files(inputs: Iterable[Path]) -> Iterator[Path]:
    for path in inputs:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                raise InputError(f"{path}: no article files ({', '.join(SUFFIXES)}) in this folder")
            yield from found
        elif path.is_file():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")


def read_file(path: Path, max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Article]:
    """Read the article(s) in one file, by its suffix; raises InputError for anything it cannot read. A .jsonl
    file is read line by line (any size); one article longer than `max_chars` is skipped with a warning."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUFFIXES)}")
    if suffix == ".jsonl":
        yield from _jsonl(path, max_chars)
        return
    if _size(path) > 4 * max_chars + 4096 or len(text := decode(path)) > max_chars:  # 4 bytes a character at most
        _skip(str(path), max_chars)
        return
    if suffix in {".html", ".htm"}:
        yield _html(text, path)
    elif suffix in {".md", ".markdown"}:
        yield _markdown(text, path)
    else:
        yield from_text(text, str(path))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}") from err


def _skip(source: str, max_chars: int) -> None:
    warnings.warn(f"{source}: longer than the {max_chars:,} characters an article may have; left out",
                  SkippedWarning, stacklevel=3)


def decode(path: Path) -> str:
    """File bytes as text: UTF-8 (with or without BOM), else Windows-1252 with a warning; raises InputError."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}") from err
    text = _text(data, str(path))
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text


def _text(data: bytes, source: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as err:
            raise InputError(f"{source}: neither UTF-8 nor Windows-1252 text") from err
        warnings.warn(f"{source}: not UTF-8, read as Windows-1252", EncodingWarning, stacklevel=3)
        return text


def from_text(raw: str, source: str, headline: str | None = None, published: date | None = None,
              url: str | None = None, authors: tuple[str, ...] = ()) -> Article:
    """An article from plain news text, separating metadata lines from prose; raises InputError if none is left."""
    paragraphs, captions, credits, bylines, when = [], [], [], list(authors), published
    byline_at = None
    for para in _paragraphs(raw):
        if (names := _byline(para)) and len(para) < 120:
            # The byline stays in the text: it is the evidence of schema:author.
            bylines.extend(names)
            byline_at = len(paragraphs) if byline_at is None else byline_at
            paragraphs.append(para)
        elif (stamp := _PUBLISHED.match(para)) and len(para) < 120:
            when = when or parse_date(stamp["when"])
        elif re.fullmatch(r"(?:Foto|Illustrasjon)\s*:.*", para):
            credits.append(len(paragraphs))  # a credit on its own line: who took the photo, not prose
            paragraphs.append(para.strip())
        elif caption := _CAPTION.match(para):
            text = _CREDIT.sub("", caption["text"]).strip()
            if text:
                captions.append(len(paragraphs))
                paragraphs.append(text)
            _credit(caption["text"], paragraphs, credits)
        elif prose := _CREDIT.sub("", para).strip():
            paragraphs.append(prose)
            _credit(para, paragraphs, credits)
    if len(paragraphs) == (byline_at is not None):
        raise InputError(f"{source}: no article text left after removing metadata lines")
    if headline is None:
        headline = next((p for i, p in enumerate(paragraphs) if i not in captions and i not in credits
                         and i != byline_at and len(p) <= 200), None)
    elif headline not in paragraphs:
        paragraphs.insert(0, headline)
        captions, credits = [i + 1 for i in captions], [i + 1 for i in credits]
        byline_at = None if byline_at is None else byline_at + 1
    text, spans, credit_spans, offset, byline_span = "", [], [], 0, None
    for i, para in enumerate(paragraphs):
        if i in captions:
            spans.append((offset, offset + len(para)))
        if i in credits:
            credit_spans.append((offset, offset + len(para)))
        if i == byline_at:
            byline_span = (offset, offset + len(para))
        text += para + "\n\n"
        offset += len(para) + 2
    return Article(text=text.rstrip("\n"), source=source, headline=headline, published=when, url=url,
                   authors=tuple(dict.fromkeys(bylines)), captions=tuple(spans), byline=byline_span,
                   credits=tuple(credit_spans))


def _credit(text: str, paragraphs: list[str], credits: list[int]) -> None:
    """A photo credit at the end of a paragraph (`... Foto: Kari Holm / NTB`) becomes a paragraph of its own,
    recorded as a credit: its names are mentioned by the article (the photographer, the agency), and no rule
    reads a credit as the article's author or source."""
    if credit := _CREDIT.search(text):
        credits.append(len(paragraphs))
        paragraphs.append(credit[0].strip())


def _paragraphs(raw: str) -> Iterator[str]:
    """Blank-line separated paragraphs, whitespace collapsed; a metadata line inside a block (`Av NAME` right
    above `Publisert: ...`, as pasted from a web page) is a paragraph of its own. The lines of a block stay lines
    where they are units of their own (a fact box, a list); hard-wrapped lines (`runs_on`) are joined."""
    for block in re.split(r"\n\s*\n", raw.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        prose: list[str] = []
        for line in lines:
            if len(lines) > 1 and _is_metadata(line):
                yield from [_joined(prose)] if prose else []
                prose = []
                yield line
            elif line:
                prose.append(line)
        if prose:
            yield _joined(prose)


def _joined(lines: list[str]) -> str:
    return (" " if runs_on(lines) else "\n").join(lines)


def runs_on(lines: list[str]) -> bool:
    """Whether lines are hard-wrapped prose: one ends in a comma or a hyphen, or in a lower-case letter before a
    line that begins with one."""
    lines = [line.strip() for line in lines if line.strip()]
    return any(a[-1] in ",-" or a[-1].islower() and b[0].islower() for a, b in zip(lines, lines[1:], strict=False))


def _byline(line: str) -> list[str]:
    """The names a byline credits (`Av Kari Holm og Per Dahl`, `NTB`, `NTB-Kari Holm`: the agency first); none
    for a line that is not a byline."""
    if byline := _BYLINE.match(line) or _AGENCY_LINE.fullmatch(line):
        return [n for n in re.split(r"\s*,\s*|\s+og\s+", byline["names"]) if n]
    if byline := _AGENCY_BYLINE.fullmatch(line):
        return [byline["agency"], *re.split(r",? og |, ", byline["names"])]
    return []


def _is_metadata(line: str) -> bool:
    return len(line) < 120 and bool(_byline(line) or _PUBLISHED.match(line))


def parse_date(value: object) -> date | None:
    """A date from ISO text, `12.03.2022`, `12. mars 2022` or a datetime; None when it is relative or unknown."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip().lower()
    if m := re.search(r"\b(\d{4})-(\d{2})-(\d{2})", text):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := re.search(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", text):
        parts = int(m[3]), int(m[2]), int(m[1])
    elif (m := re.search(r"\b(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})\b", text)) and m[2] in _MONTHS:
        parts = int(m[3]), _MONTHS[m[2]], int(m[1])
    else:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


def _jsonl(path: Path, max_chars: int) -> Iterator[Article]:
    """One article per line, read a line at a time (a file of any size)."""
    seen = False
    try:
        stream = path.open("rb")
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}") from err
    with stream:
        for number, raw in enumerate(stream, start=1):
            line = _text(raw, f"{path}:{number}")
            if line.strip():
                seen = True
                yield from _jsonl_record(line, path, number, max_chars)
    if not seen:
        raise InputError(f"{path}: empty file")


def _jsonl_record(line: str, path: Path, number: int, max_chars: int) -> Iterator[Article]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}:{number}: malformed JSON line: {err.msg} (column {err.colno})") from err
    if not isinstance(record, dict) or not str(record.get("text") or "").strip():
        raise InputError(f"{path}:{number}: a JSON line must be an object with a non-empty 'text'")
    if len(str(record["text"])) > max_chars:
        _skip(f"{path}:{number}", max_chars)
        return
    authors = record.get("author") or ()
    yield from_text(
        str(record["text"]), f"{path}#{record.get('id', number)}", headline=record.get("title") or None,
        published=parse_date(record.get("published")), url=record.get("url") or None,
        authors=tuple([authors] if isinstance(authors, str) else authors),
    )


def _markdown(text: str, path: Path) -> Article:
    import yaml

    meta: dict = {}
    if m := re.match(r"^---\s*\n(.*?)\n---\s*\n", text, re.DOTALL):
        try:
            meta = yaml.safe_load(m[1]) or {}
        except yaml.YAMLError as err:
            raise InputError(f"{path}: malformed YAML front matter: {err}") from err
        if not isinstance(meta, dict):
            raise InputError(f"{path}: YAML front matter must be a mapping")
        text = text[m.end():]
    body = re.sub(r"^#{1,6}\s*|^>\s?|[*_`]{1,3}", "", text, flags=re.MULTILINE)
    body = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", body)
    authors = meta.get("author") or meta.get("authors") or ()
    return from_text(body, str(path), headline=meta.get("title") or None,
                     published=parse_date(meta.get("published") or meta.get("date")), url=meta.get("url") or None,
                     authors=tuple([authors] if isinstance(authors, str) else authors))


def _html(text: str, path: Path) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True)
    if doc is None or not (doc.text or "").strip():
        raise InputError(f"{path}: no article text found in the HTML page")
    body = "\n\n".join(doc.text.splitlines())
    authors = tuple(a.strip() for a in re.split(r";|,|\bog\b", doc.author or "") if a.strip())
    return from_text(body, str(path), headline=doc.title or None, published=parse_date(doc.date),
                     url=doc.url or None, authors=authors)
