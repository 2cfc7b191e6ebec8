"""Reading articles: formats, metadata lines, encodings and every kind of bad input."""

import json
from datetime import date
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import EncodingWarning, from_text, parse_date, read_articles

NEWS = """TRAFIKKAOS: Lange køer ved bomringen i Bergen torsdag morgen. Foto: Kari Holm / NTB

Bompengestriden fortsetter i Bergen

Byrådet vil innføre rushtidsavgift fra nyttår.

Av Per Olsen og Lise Dahl

Publisert: 14.03.2024 kl. 08:15

Byrådsleder Ane Vik sier at avgiften skal kutte køene."""


def test_text_article_separates_metadata_from_prose():
    article = from_text(NEWS, "bergen.txt")
    assert article.headline == "Bompengestriden fortsetter i Bergen"
    assert article.authors == ("Per Olsen", "Lise Dahl")
    assert article.published == date(2024, 3, 14)
    assert "TRAFIKKAOS" not in article.text and "Publisert" not in article.text
    (start, end), = article.captions
    assert article.text[start:end] == "Lange køer ved bomringen i Bergen torsdag morgen."
    (start, end), = article.credits  # a paragraph of its own: its names are mentioned, not prose
    assert article.text[start:end] == "Foto: Kari Holm / NTB"
    without = NEWS.replace(" Foto: Kari Holm / NTB", "")  # earlier versions left credits out of the text
    assert article.iri == from_text(without, "bergen.txt").iri
    start, end = article.byline
    assert article.text[start:end] == "Av Per Olsen og Lise Dahl"


def test_same_text_gives_the_same_article_iri():
    assert from_text(NEWS, "a.txt").iri == from_text(NEWS.replace("\n\n", "\n\n\n"), "b.txt").iri
    assert from_text(NEWS, "a.txt").iri != from_text(NEWS + " Mer tekst.", "a.txt").iri


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-03-14T08:15:00+01:00", date(2024, 3, 14)), ("14.03.2024 kl. 08:15", date(2024, 3, 14)),
    ("14. mars 2024", date(2024, 3, 14)), ("For mindre enn 10 minutter siden", None), ("31.02.2024", None),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_every_format_and_folders(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Ordføreren i Tromsø gikk av.\n\nHun sa det på et møte.", encoding="utf-8-sig")
    (tmp_path / "sub" / "b.md").write_text("---\ntitle: Ny bro i Trondheim\nauthor: Ola Nord\ndate: 2024-05-02\n"
                                           "url: https://example.org/bro\n---\n# Overskrift\n\nBroen åpner i **mai**.",
                                           encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "x1", "title": "Valg i Bodø", "text": "Valget er over.",
                                                  "published": "2024-09-10", "author": ["A B"]}) + "\n\n",
                                      encoding="utf-8")
    (tmp_path / "d.html").write_text(
        "<html><head><title>Fergestreik</title><meta name='author' content='Eva Lie'></head><body><article>"
        "<h1>Fergestreik langs kysten</h1><p>Fergeansatte på Vestlandet gikk ut i streik fredag, og flere "
        "samband er innstilt. Forhandlingene mellom partene brøt sammen natt til fredag.</p><p>Riksmekleren "
        "sier at partene står langt fra hverandre, og at ingen nye møter er avtalt før neste uke.</p>"
        "</article></body></html>", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x", encoding="utf-8")
    articles = {Path(a.source.split("#")[0]).name: a for a in read_articles([tmp_path])}
    assert set(articles) == {"a.txt", "b.md", "c.jsonl", "d.html"}
    assert articles["b.md"].headline == "Ny bro i Trondheim" and articles["b.md"].published == date(2024, 5, 2)
    assert "**" not in articles["b.md"].text and articles["b.md"].url == "https://example.org/bro"
    assert articles["c.jsonl"].authors == ("A B",) and articles["c.jsonl"].text.startswith("Valg i Bodø")
    assert "streik" in articles["d.html"].text and articles["d.html"].authors == ("Eva Lie",)
    assert not articles["a.txt"].text.startswith("\ufeff")


def test_windows_1252_is_read_with_a_warning(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Bjørn Ødegård møtte ordføreren på Ålesund rådhus.".encode("cp1252"))
    with pytest.warns(EncodingWarning, match="Windows-1252"):
        (article,) = read_articles([path])
    assert "Ødegård" in article.text


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"  \n\n", "empty file"),
    ("binary.txt", b"\x00\x01\x02PNG", "binary file"),
    ("bad.jsonl", b'{"text": "ok"}\n{"text": oops}\n', r"bad.jsonl:2: malformed JSON line"),
    ("notext.jsonl", b'{"title": "uten tekst"}\n', "non-empty 'text'"),
    ("only-meta.txt", b"Av Ola Nordmann\n\nPublisert: 14.03.2024", "no article text"),
    ("front.md", b"---\ntitle: [unclosed\n---\nTekst.", "malformed YAML"),
    ("table.csv", b"a,b", "unsupported file type"),
])
def test_bad_input_is_one_clear_error(tmp_path: Path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        list(read_articles([path]))


def test_missing_path_and_empty_folder(tmp_path: Path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(read_articles([tmp_path / "nope"]))
    with pytest.raises(InputError, match="no article files"):
        list(read_articles([tmp_path]))


def test_metadata_lines_inside_a_block_are_read_as_metadata():
    article = from_text("Fiskerne protesterer\n\nAv Kari Holm\nPublisert: 02.05.2024\n\nFiskerne i Bodø "
                        "protesterer.\nDe vil ha større kvoter.\n\nNTB", "bodo.txt")
    assert article.authors == ("Kari Holm", "NTB") and article.published == date(2024, 5, 2)
    assert "Publisert" not in article.text
    assert "Fiskerne i Bodø protesterer.\nDe vil ha større kvoter." in article.text  # lines of their own


def test_hard_wrapped_lines_are_joined_and_list_lines_kept():
    wrapped = from_text("Fiskerne protesterer\n\nFiskerne i Bodø protesterer mot\nkvotene, og de vil ha\nstørre "
                        "kvoter.", "bodo.txt")
    assert "Fiskerne i Bodø protesterer mot kvotene, og de vil ha større kvoter." in wrapped.text
    listed = from_text("Styret\n\nLeder: Kari Holm\nNestleder: Per Lie", "styret.txt")
    assert "Leder: Kari Holm\nNestleder: Per Lie" in listed.text


def test_an_agency_byline_joined_to_its_reporters_credits_both():
    article = from_text("Bussene står i Tromsø\n\nNTB-Siri Aas Brekke og Tor Lund\n\nSjåførene i Tromsø streiker.",
                        "buss.txt")
    assert article.authors == ("NTB", "Siri Aas Brekke", "Tor Lund")
    start, end = article.byline
    assert article.text[start:end] == "NTB-Siri Aas Brekke og Tor Lund"
    # an organisation's prefix on a title or a name is prose, not a byline
    for line in ("LO-leder Kari Holm", "NHO-Kari Holm sier nei"):
        assert from_text(f"Streik i Bodø\n\n{line}\n\nSjåførene streiker.", "b.txt").authors == ()


def test_a_jsonl_file_is_streamed_and_an_overlong_article_is_skipped_with_a_warning(tmp_path: Path):
    from kg.ingest import SkippedWarning

    path = tmp_path / "many.jsonl"
    lines = [{"id": i, "title": f"Sak {i}", "text": f"Kari Lie talte i Bodø for {i}. gang."} for i in range(500)]
    lines.insert(3, {"id": "lang", "text": "Lang tekst. " * 500})
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    with pytest.warns(SkippedWarning, match=r"many.jsonl:4: longer than the 1,000 characters"):
        articles = list(read_articles([path], max_chars=1000))
    assert len(articles) == 500 and articles[3].headline == "Sak 3"
    big = tmp_path / "big.txt"
    big.write_text("Overskrift\n\n" + "Lang tekst. " * 500, encoding="utf-8")
    with pytest.warns(SkippedWarning, match="big.txt"):
        assert list(read_articles([big], max_chars=1000)) == []
