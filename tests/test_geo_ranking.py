"""How the gazetteer ranks same-named places, places regions, and how the geo evaluation picks a place."""

from __future__ import annotations

import pytest

from kronika.eval.geo import _placed, distance_km
from kronika.geo.gazetteer import Gazetteer, Weights
from kronika.model import Article, Document, Place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


def _best(gaz: Gazetteer, name: str, lang: str, countries: dict[str, float] | None = None):
    found = gaz.resolve_mention(name, lang, countries or {})
    assert found is not None, name
    return found[0]


@pytest.mark.parametrize("name, lang, country, place", [
    ("Manchester", "en", "GBR", "Manchester"),  # a city's own name beats US cities that list it as an alternate
    ("Manchester", "fr", "GBR", "Manchester"),
    ("Québec", "fr", "CAN", "Québec"),
    ("Hanover", "en", "DEU", "Hannover"),  # yet an alternate name of a much bigger city still wins
    ("Odessa", "en", "UKR", "Odesa"),
])
def test_own_names_and_population_without_context(gaz, name, lang, country, place):
    c = _best(gaz, name, lang)
    assert (c.country, c.name) == (country, place)


def test_a_candidate_knows_whether_it_was_found_by_an_alternate_name(gaz):
    by_name = {c.name: c.by_alternate for c in gaz.candidates("Québec")}
    assert by_name["Québec"] is False
    assert any(flag for name, flag in by_name.items() if name != "Québec")


def test_the_article_country_still_decides_between_two_own_names(gaz):
    # a Manchester of the article's country, when the article is about the United States
    assert _best(gaz, "Manchester", "en", {"USA": 1.0}).country == "USA"


@pytest.mark.parametrize("name, lang, gid", [
    ("Дубні", "uk", 709540),  # "у Дубні" is Dubno (Rivne oblast), not Dubna near Moscow
    ("Чернобыля", "ru", 710403),  # genitive of a soft-sign noun
    ("Лісниках", "uk", 703160),  # locative plural
])
def test_case_forms_rank_all_their_nominatives_together(gaz, name, lang, gid):
    assert _best(gaz, name, lang).geonameid == gid


def test_ukrainian_text_leans_to_ukraine_only_as_a_tie_breaker(gaz):
    w = Weights()
    assert 0 < w.home < w.country


def test_an_acronym_is_not_a_village_of_that_name(gaz):
    assert gaz.resolve("UK", {}) is None  # "Uk", a village in Russia
    assert _best(gaz, "KYIV", "en").country == "UKR"  # a dateline in capitals is still a name


def test_a_city_geonames_lists_without_population_counts_as_a_seat(gaz):
    seat = next(c for c in gaz.candidates("Madaya") if c.country == "SYR")
    assert seat.population == 0
    assert gaz._score(seat, {}) == Weights().seat


def test_a_us_state_is_placed_by_its_iso_code_not_by_a_town_listing_its_name(gaz):
    maine = _best(gaz, "Maine", "en")
    assert (maine.country, maine.feature_code) == ("USA", "ADM1")
    assert distance_km(45.3, -69.2, maine.lat, maine.lon) < 161  # not Des Plaines, Illinois
    assert _best(gaz, "Мэн", "ru").code == "US-ME"


def test_a_region_is_not_placed_at_a_town_its_adjective_merely_fits(gaz):
    # "Amurskaya" fits Amursk, a town of Khabarovsk krai: no point is better than the wrong region's
    amur = _best(gaz, "Амурской области", "ru")
    assert amur.code == "RU-AMU"
    assert amur.lat is None or distance_km(53.0, 127.5, amur.lat, amur.lon) < 400


def test_a_common_noun_before_a_place_is_a_spot_in_it(gaz):
    assert _best(gaz, "gare de Yokohama", "fr").name == "Yokohama"
    assert _best(gaz, "port of Tartus", "en").country == "SYR"
    # a capitalised head names a feature of its own, not the place after "of"
    assert _best(gaz, "Gulf of Mexico", "en").feature_code != "PCLI"


def test_the_geo_evaluation_picks_the_place_whose_span_matches_the_mention():
    text = "He was born in Vermillion, South Dakota, in 1950."
    doc = Document(Article.create(text, lang="en"))
    town = Place("Vermillion", 15, 25, 5232592, "Vermillion", "USA", 42.78, -96.93)
    state = Place("South Dakota", 27, 39, None, "South Dakota", "USA", 44.4, -100.2)
    doc.places = [state, town]
    assert _placed(doc, 15, 39) is town  # "Vermillion, South Dakota": the town the state qualifies
    assert _placed(doc, 27, 39) is state
    assert _placed(doc, 0, 5) is None


def test_a_tie_goes_to_the_place_whose_own_name_sounds_like_the_mention(gaz):
    # Nikopol lists "Слов'янськ" among its alternate names and is as large as Sloviansk
    assert _best(gaz, "Слов'янська", "uk", {"UKR": 1.0}).name == "Slovyansk"


def test_a_supplementary_village_does_not_outrank_a_geonames_town_of_its_name(gaz):
    assert _best(gaz, "Krynky", "en", {"UKR": 1.0}).geonameid == 703861


def test_a_site_named_after_a_town_is_placed_at_the_town_without_an_id(gaz):
    found = gaz.resolve_mention("Sinjar University", "en", {"IRQ": 1.0})
    assert found is not None
    site, town = found[0], _best(gaz, "Sinjar", "en", {"IRQ": 1.0})
    assert (site.geonameid, site.name, site.country, site.precision) == (None, "Sinjar University", "IRQ", "place")
    assert (site.lat, site.lon) == (town.lat, town.lon) and found[1] < 0.75
    assert _best(gaz, "Zakho Dam", "en", {"IRQ": 1.0}).country == "IRQ"
    # only a town of the article's countries: no Sinjar elsewhere stands in for a site in an article about France
    assert gaz.resolve_mention("Sinjar University", "en", {"FRA": 1.0}) is None


def test_conflict_sites_are_in_the_gazetteer_in_five_languages(gaz):
    for name, lang in (("Zaporizhzhia Nuclear Power Plant", "en"), ("Запорізька АЕС", "uk"), ("Jabalia camp", "en"),
                       ("Mount Sinjar", "en")):
        found = _best(gaz, name, lang)
        assert found.geonameid is None and found.country in ("UKR", "PSE", "IRQ"), name
    assert _best(gaz, "Mosul", "en").geonameid == 99072  # a city keeps its name: no site or district takes it
    assert _best(gaz, "New York", "en").geonameid == 5128581  # a place's own name is never cut


@pytest.mark.parametrize("name, gid", [("al-Hilla", 99347), ("ar-Raqqa", 172955), ("al-Bab", 174018)])
def test_a_romanised_arabic_article_is_read_joined_or_dropped(gaz, name, gid):
    assert _best(gaz, name, "en").geonameid == gid


def test_a_region_phrase_with_an_arabic_article_is_the_region(gaz):
    region = _best(gaz, "Al-Raqqa province", "en")
    assert (region.country, region.precision) == ("SYR", "region")


@pytest.mark.parametrize("name, lang, country", [
    ("northern Syria", "en", "SYR"), ("Західній Україні", "uk", "UKR"), ("l'est de l'Ukraine", "fr", "UKR"),
    ("el norte de Siria", "es", "SYR"),
])
def test_a_part_of_a_country_named_by_its_direction_is_placed_in_the_country(gaz, name, lang, country):
    found = _best(gaz, name, lang)
    assert (found.country, found.precision) == (country, "country")


def test_a_name_with_a_direction_of_its_own_stays_whole(gaz):
    assert _best(gaz, "Northern Ireland", "en").country == "GBR"
    assert _best(gaz, "South Sudan", "en").country == "SSD"
    assert _best(gaz, "North Carolina", "en").precision == "region"
