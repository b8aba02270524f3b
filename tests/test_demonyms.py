"""Demonyms of every state and the peoples and faiths named as actors ("ethnic Albanians", "Kurds protested")."""

from __future__ import annotations

import pytest

from kronika.kb.agents import AgentLexicon
from kronika.kb.load import SECTORS, load_agents, load_shipped
from kronika.nlp.lemmas import Lemmatizers
from kronika.nlp.tokens import normalize, tokenize

# States with no demonym of their own: "Congolese" is given to the DRC alone.
NO_DEMONYM = {"COG"}
# Languages left without a form: shared with another country (English "Dominican"), a place elsewhere
# (Spanish "granadino": of Granada) or no settled form (Ukrainian and Russian for small island states).
GAPS = {
    "DMA": {"en", "uk", "ru"}, "GRD": {"es"}, "KNA": {"uk", "ru", "es"}, "VCT": {"uk", "ru", "es"},
    "GNB": {"uk", "ru"}, "MHL": {"uk", "ru"}, "SLB": {"uk", "ru"}, "STP": {"uk", "ru"},
}
# UN member and observer states, Kosovo and Taiwan.
STATES = set(
    """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA
    BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI
    EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA
    JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS
    MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL
    PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE
    CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
    VAT PSE XKX TWN""".split()
)


@pytest.fixture(scope="module")
def lemmatizers() -> Lemmatizers:
    return Lemmatizers()


@pytest.fixture(scope="module")
def countries() -> list:
    return [e for e in load_shipped() if e.kind == "country"]


@pytest.fixture(scope="module")
def lexicon(countries: list, lemmatizers: Lemmatizers) -> AgentLexicon:
    return AgentLexicon(load_agents(), countries, lemmatizers)


def _demonyms(lexicon: AgentLexicon, lemmatizers: Lemmatizers, text: str, lang: str) -> list[str]:
    toks = tokenize(text, lemmatize=lemmatizers.for_lang(lang))
    return [m.payloads[0] for m in lexicon.demonyms[lang].match(toks)]


def _agents(lexicon: AgentLexicon, lemmatizers: Lemmatizers, text: str, lang: str) -> list[tuple[str, str]]:
    toks = tokenize(text, lemmatize=lemmatizers.for_lang(lang))
    return [(m.payloads[0].role, m.payloads[0].sector) for m in lexicon.agents[lang].match(toks)]


def test_every_state_has_demonyms_in_five_languages(countries: list) -> None:
    by_code = {e.country: e for e in countries}
    assert STATES <= set(by_code)
    for code in sorted(STATES - NO_DEMONYM):
        missing = {lang for lang in ("en", "fr", "uk", "ru", "es") if not by_code[code].adjectives.get(lang)}
        assert missing == GAPS.get(code, set()), code
    for code in ("HKG", "PRI", "GRL", "ESH"):
        assert all(by_code[code].adjectives.get(lang) for lang in ("en", "fr", "es")), code


def test_a_demonym_names_one_country(countries: list) -> None:
    owner: dict[tuple[str, str], str] = {}
    for e in countries:
        for lang, forms in e.adjectives.items():
            for form in forms:
                key = (lang, normalize(form))
                assert owner.setdefault(key, e.country) == e.country, (key, owner[key], e.country)


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("ethnic Albanians", "en", "ALB"),
        ("des Albanais", "fr", "ALB"),
        ("албанці", "uk", "ALB"),
        ("албанців", "uk", "ALB"),
        ("албанцы", "ru", "ALB"),
        ("albaneses", "es", "ALB"),
        ("Filipinos", "en", "PHL"),
        ("Icelanders", "en", "ISL"),
        ("Swiss", "en", "CHE"),
        ("Kazakh", "en", "KAZ"),
        ("Kosovars", "en", "XKX"),
        ("Equatorial Guineans", "en", "GNQ"),
        ("Guineans", "en", "GIN"),
        ("Dominicans", "en", "DOM"),
        ("Turkish Cypriots", "en", "CYP"),
        ("les Sénégalais", "fr", "SEN"),
        ("костариканці", "uk", "CRI"),
        ("монголы", "ru", "MNG"),
        ("puertorriqueños", "es", "PRI"),
    ],
)
def test_demonym_forms(lexicon: AgentLexicon, lemmatizers: Lemmatizers, text: str, lang: str, country: str) -> None:
    assert _demonyms(lexicon, lemmatizers, text, lang) == [country]


@pytest.mark.parametrize(
    ("text", "lang", "role", "sector"),
    [
        ("Kurds", "en", "Kurds", "CVL"),
        ("les Kurdes", "fr", "Kurds", "CVL"),
        ("курдів", "uk", "Kurds", "CVL"),
        ("курдов", "ru", "Kurds", "CVL"),
        ("kurdos", "es", "Kurds", "CVL"),
        ("les Peuls", "fr", "Fulani", "CVL"),
        ("Crimean Tatars", "en", "Crimean Tatars", "CVL"),
        ("кримські татари", "uk", "Crimean Tatars", "CVL"),
        ("Tutsis", "en", "Tutsis", "CVL"),
        ("Shiites", "en", "Shiites", "REL"),
        ("les chrétiens coptes", "fr", "Copts", "REL"),
        ("єзиди", "uk", "Yazidis", "REL"),
        ("internally displaced people", "en", "displaced people", "REF"),
    ],
)
def test_peoples_and_faiths_are_agents(
    lexicon: AgentLexicon, lemmatizers: Lemmatizers, text: str, lang: str, role: str, sector: str
) -> None:
    assert _agents(lexicon, lemmatizers, text, lang) == [(role, sector)]


def test_agent_sectors_are_plover_sectors() -> None:
    assert {row["sector"] for row in load_agents()} <= SECTORS


# ---- through the entity stage ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline():
    from kronika.stages import default_pipeline

    return default_pipeline(("segment.v1", "language.v1", "dates.v1", "entities.v1"))


def _entities(pipeline, text: str, lang: str) -> list[dict]:
    from kronika.api import code_article
    from kronika.model import Article

    _, outcome, record = code_article(Article.create(text, lang=lang, published="2024-05-10"), pipeline)
    assert outcome.ok, outcome.reason
    return record["entities"]


def _agent(entities: list[dict], text: str) -> dict:
    found = [e for e in entities if e["label"] == "AGENT" and e["text"] == text]
    assert found, [(e["text"], e["label"], e.get("country")) for e in entities]
    return found[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "mention"),
    [
        ("Up to 100 ethnic Albanians demonstrated in Serbia on Sunday.", "en", "Albanians"),
        ("Des Albanais ont manifesté en Serbie dimanche.", "fr", "Albanais"),
        ("Албанці протестували в Сербії в неділю.", "uk", "Албанці"),
        ("Албанцы протестовали в Сербии в воскресенье.", "ru", "Албанцы"),
        # Spanish has no parser: a bare demonym is not coded as people, but it gives its country to an agent noun.
        ("Los manifestantes albaneses protestaron en Serbia el domingo.", "es", "manifestantes"),
    ],
)
def test_demonym_people_through_the_entity_stage(pipeline, text: str, lang: str, mention: str) -> None:
    assert _agent(_entities(pipeline, text, lang), mention)["country"] == "ALB"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "mention", "country"),
    [
        ("Kurds protested in Istanbul on Sunday.", "en", "Kurds", None),
        ("Syrian Kurds fled the fighting near Kobani.", "en", "Kurds", "SYR"),
        ("Курди протестували в Стамбулі.", "uk", "Курди", None),
        ("Курды протестовали в Стамбуле.", "ru", "Курды", None),
    ],
)
def test_kurds_are_an_actor(pipeline, text: str, lang: str, mention: str, country: str | None) -> None:
    agent = _agent(_entities(pipeline, text, lang), mention)
    assert (agent["role"], agent["sector"], agent["country"]) == ("Kurds", "CVL", country)
