"""Date mentions and their resolution (kronika.when) and the dates stage."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.errors import InputError
from kronika.model import Article, Document
from kronika.pipeline import build_pipeline
from kronika.stages.dates import DatesStage, date_for
from kronika.stages.segment import SegmentStage
from kronika.when import DATE_LANGUAGES, find_dates

PUB = "2023-12-07"  # a Thursday


def _dates(text: str, lang: str, published: str | None = PUB) -> list[tuple[str, str, str]]:
    return [(d.text, d.value, d.precision) for d in find_dates(text, lang, published)]


# -- the acceptance phrase ----------------------------------------------------------------------


def test_acceptance_phrase_le_30_novembre() -> None:
    text = "Le porte-parole de l'armée de l'air a réagi le 30 novembre aux propos du secrétaire général."
    assert _dates(text, "fr") == [("30 novembre", "2023-11-30", "day")]


# -- absolute dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "mention"), [
    ("fr", "L'accord a été signé le 7 décembre 2023 à Kyiv.", "7 décembre 2023"),
    ("fr", "Le sommet s'est ouvert le jeudi 7 déc. 2023.", "jeudi 7 déc. 2023"),
    ("en", "The deal was signed on December 7, 2023 in Kyiv.", "December 7, 2023"),
    ("en", "Talks ended on Thursday, Dec. 7, 2023.", "Thursday, Dec. 7, 2023"),
    ("en", "Talks ended on the 7th of December 2023.", "the 7th of December 2023"),
    ("uk", "Угоду підписали 7 грудня 2023 року в Києві.", "7 грудня 2023 року"),
    ("ru", "Соглашение подписали 7 декабря 2023 г. в Киеве.", "7 декабря 2023 г."),
    ("es", "El acuerdo se firmó el 7 de diciembre de 2023 en Kiev.", "7 de diciembre de 2023"),
    ("fr", "Publié le 2023-12-07 par la rédaction.", "2023-12-07"),
    ("uk", "Оновлено 07.12.2023 о 14:00.", "07.12.2023"),
    ("fr", "Mis à jour le 07/12/2023.", "07/12/2023"),
    ("en", "Updated 12/07/2023.", "12/07/2023"),
])
def test_absolute_dates(lang: str, text: str, mention: str) -> None:
    assert _dates(text, lang) == [(mention, "2023-12-07", "day")]
    assert _dates(text, lang, published=None) == [(mention, "2023-12-07", "day")]


def test_impossible_days_are_not_dates() -> None:
    assert _dates("Le 31.02.2023 n'existe pas.", "fr") == []
    assert _dates("Ni le 30 février 2023.", "fr") == [("février 2023", "2023-02", "month")]  # the month stands


@pytest.mark.parametrize(("lang", "text", "mention", "value", "precision"), [
    ("fr", "La production a augmenté en novembre 2023.", "novembre 2023", "2023-11", "month"),
    ("en", "Production rose in November 2023.", "November 2023", "2023-11", "month"),
    ("uk", "Виробництво зросло у листопаді 2023 року.", "листопаді 2023 року", "2023-11", "month"),
    ("ru", "Производство выросло в ноябре 2023 года.", "ноябре 2023 года", "2023-11", "month"),
    ("es", "La producción creció en noviembre de 2023.", "noviembre de 2023", "2023-11", "month"),
    ("fr", "Le programme existe depuis 2014.", "2014", "2014", "year"),
    ("en", "Elections are due in 2024.", "2024", "2024", "year"),
    ("uk", "Програму запустили у 2022 році.", "2022 році", "2022", "year"),
    ("uk", "Програма діє з 2014 року.", "2014 року", "2014", "year"),
    ("ru", "Программу запустили в 2022 году.", "2022 году", "2022", "year"),
    ("es", "El programa comenzó en 2022.", "2022", "2022", "year"),
    ("es", "Las cifras del año 2021 eran peores.", "2021", "2021", "year"),
])
def test_month_and_year_precision(lang: str, text: str, mention: str, value: str, precision: str) -> None:
    assert _dates(text, lang, published=None) == [(mention, value, precision)]


# -- partial dates and the year boundary --------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "mention"), [
    ("fr", "Il s'est exprimé le 30 novembre devant la presse.", "30 novembre"),
    ("en", "He spoke to reporters on Nov. 30 in Brussels.", "Nov. 30"),
    ("uk", "Він виступив 30 листопада перед журналістами.", "30 листопада"),
    ("ru", "Он выступил 30 ноября перед журналистами.", "30 ноября"),
    ("es", "Habló el 30 de noviembre ante la prensa.", "30 de noviembre"),
])
def test_partial_dates_take_the_publication_year(lang: str, text: str, mention: str) -> None:
    assert _dates(text, lang) == [(mention, "2023-11-30", "day")]
    assert _dates(text, lang, published=None) == []


@pytest.mark.parametrize(("text", "published", "value"), [
    ("Les frappes ont eu lieu le 30 décembre.", "2024-01-03", "2023-12-30"),
    ("La réunion est prévue le 2 janvier.", "2023-12-30", "2024-01-02"),
    ("Le texte a été voté le 15 mars.", "2023-12-07", "2023-03-15"),  # past, within ~300 days
    ("Le vote aura lieu le 20 décembre.", "2023-12-07", "2023-12-20"),  # last year's is too far
    ("Il l'avait annoncé le 5 décembre dernier.", "2023-12-07", "2023-12-05"),
    ("Le sommet aura lieu vendredi 15 mars.", "2023-12-07", "2024-03-15"),  # the weekday decides
])
def test_year_boundary(text: str, published: str, value: str) -> None:
    assert [d.value for d in find_dates(text, "fr", published)] == [value]


@pytest.mark.parametrize(("text", "published", "value"), [
    ("Les combats se sont intensifiés en décembre.", "2024-01-05", "2023-12"),
    ("Les combats se sont intensifiés fin novembre.", "2023-12-07", "2023-11"),
    ("Le contrat sera signé en février.", "2023-12-30", "2024-02"),
])
def test_partial_months(text: str, published: str, value: str) -> None:
    assert [(d.value, d.precision) for d in find_dates(text, "fr", published)] == [(value, "month")]


# -- relative expressions -----------------------------------------------------------------------

RELATIVE = [
    ("fr", "Hier, deux drones ont été abattus.", "Hier", "2023-12-06", "day"),
    ("fr", "Aujourd'hui, le parlement vote.", "Aujourd'hui", "2023-12-07", "day"),
    ("fr", "Avant-hier, la ville a été bombardée.", "Avant-hier", "2023-12-05", "day"),
    ("fr", "Le ministre partira demain pour Varsovie.", "demain", "2023-12-08", "day"),
    ("fr", "La visite a eu lieu la semaine dernière.", "la semaine dernière", "2023-11-27", "week"),
    ("fr", "Il l'a dit mardi dernier à Paris.", "mardi dernier", "2023-12-05", "day"),
    ("fr", "Le président a parlé lundi.", "lundi", "2023-12-04", "day"),
    ("fr", "Les prix ont baissé le mois dernier.", "le mois dernier", "2023-11", "month"),
    ("fr", "Le budget de cette année est serré.", "cette année", "2023", "year"),
    ("fr", "L'attaque a eu lieu il y a trois jours.", "il y a trois jours", "2023-12-04", "day"),
    ("en", "Two drones were shot down yesterday.", "yesterday", "2023-12-06", "day"),
    ("en", "The minister visited Kyiv earlier this week.", "earlier this week", "2023-12-04", "week"),
    ("en", "He said so last Tuesday.", "last Tuesday", "2023-12-05", "day"),
    ("en", "The talks resumed on Monday.", "Monday", "2023-12-04", "day"),
    ("en", "Prices rose this month.", "this month", "2023-12", "month"),
    ("en", "Turnout fell last year.", "last year", "2022", "year"),
    ("en", "The blast happened two weeks ago.", "two weeks ago", "2023-11-20", "week"),
    ("uk", "Вчора збили два дрони.", "Вчора", "2023-12-06", "day"),
    ("uk", "Сьогодні парламент голосує.", "Сьогодні", "2023-12-07", "day"),
    ("uk", "Зустріч відбулася минулого тижня.", "минулого тижня", "2023-11-27", "week"),
    ("uk", "Ціни зросли в минулому місяці.", "в минулому місяці", "2023-11", "month"),
    ("uk", "Про це заявили у понеділок.", "понеділок", "2023-12-04", "day"),
    ("uk", "Обстріл стався три дні тому.", "три дні тому", "2023-12-04", "day"),
    ("ru", "Вчера сбили два беспилотника.", "Вчера", "2023-12-06", "day"),
    ("ru", "Встреча прошла на прошлой неделе.", "на прошлой неделе", "2023-11-27", "week"),
    ("ru", "Бюджет приняли в этом году.", "в этом году", "2023", "year"),
    ("ru", "Об этом сообщили во вторник.", "вторник", "2023-12-05", "day"),
    ("ru", "Он выступил в прошлую пятницу.", "в прошлую пятницу", "2023-12-01", "day"),
    ("es", "Ayer derribaron dos drones.", "Ayer", "2023-12-06", "day"),
    ("es", "La reunión fue la semana pasada.", "la semana pasada", "2023-11-27", "week"),
    ("es", "El ministro habló el martes.", "martes", "2023-12-05", "day"),
    ("es", "Los precios subieron el mes pasado.", "el mes pasado", "2023-11", "month"),
    ("es", "El ataque ocurrió hace dos días.", "hace dos días", "2023-12-05", "day"),
]


@pytest.mark.parametrize(("lang", "text", "mention", "value", "precision"), RELATIVE)
def test_relative_expressions(lang: str, text: str, mention: str, value: str, precision: str) -> None:
    assert _dates(text, lang) == [(mention, value, precision)]
    assert _dates(text, lang, published=None) == []


@pytest.mark.parametrize(("text", "value"), [
    ("Le président a parlé jeudi.", "2023-12-07"),  # a bare weekday may be the day itself
    ("Il l'a dit jeudi dernier.", "2023-11-30"),  # "dernier" never is
    ("Il partira mardi prochain.", "2023-12-12"),
    ("Le vote aura lieu ce samedi.", "2023-12-09"),  # "ce" stays in the week
])
def test_weekday_modes(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, "fr", PUB)] == [value]


def test_published_datetime_with_time_zone() -> None:
    assert [d.value for d in find_dates("Hier soir.", "fr", "2023-12-07T23:30:00+02:00")] == ["2023-12-06"]
    assert [d.value for d in find_dates("Hier soir.", "fr", "2023-12-07T08:00:00Z")] == ["2023-12-06"]


def test_invalid_published_is_an_input_error() -> None:
    with pytest.raises(InputError):
        find_dates("Hier.", "fr", "7 décembre")


# -- words that are not dates -------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le ministre a défendu sa position devant la mer Noire."),
    ("fr", "La sonde doit se poser sur Mars, selon sa direction."),
    ("fr", "La conférence a réuni environ 350 représentants."),
    ("fr", "Plus de 2000 soldats sont arrivés, et 2023 personnes ont été évacuées."),
    ("fr", "Le convoi est arrivé en sept jours."),
    ("fr", "Les marchés ouvrent tous les lundis."),
    ("en", "Officials may meet again, the Sun reported."),
    ("en", "They march every Monday."),
    ("es", "Los martes se reúnen por la mañana."),
    ("uk", "Лютий мороз не зупинив роботу середовища."),
    ("ru", "Загрязнение окружающей среды растёт."),
])
def test_ordinary_words_are_not_dates(lang: str, text: str) -> None:
    assert find_dates(text, lang, PUB) == []


def test_unknown_language_has_no_dates() -> None:
    assert find_dates("Hier, le 30 novembre 2023.", "de", PUB) == []
    assert find_dates("Hier, le 30 novembre 2023.", None, PUB) == []


def test_start_and_end_restrict_the_search_but_offsets_stay_global() -> None:
    text = "Hier, rien. Le 30 novembre, tout. Demain, la suite."
    start = text.index("Le 30")
    found = find_dates(text, "fr", PUB, start, text.index(" Demain"))
    assert [(d.text, d.start) for d in found] == [("30 novembre", start + 3)]


# -- properties ---------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from([
    "le 30 novembre", "7 грудня 2023 року", "hier", "вчора", "ayer", "Nov. 30", "2023-12-07", "07.12.2023",
    "mardi dernier", "на прошлой неделе", "en 2022", "у 2022 році", "sa", "mer", "Mars", "350",
    "il y a 3 jours", "hace dos días", "el martes", "last Tuesday", "-", ".", "’", "\n", "\u00a0",
])
_TEXTS = st.lists(st.one_of(_FRAGMENTS, st.text(max_size=12)), max_size=12).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=_TEXTS, lang=st.sampled_from(DATE_LANGUAGES), data=st.data())
def test_offsets_point_into_the_text(text: str, lang: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = find_dates(text, lang, PUB, start, end)
    for d in found:
        assert d.start is not None and d.end is not None
        assert start <= d.start < d.end <= end
        assert text[d.start:d.end] == d.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))  # type: ignore[operator]


_RENDER = {
    "fr": lambda d: f"{d.day} {_FR[d.month - 1]} {d.year}",
    "en": lambda d: f"{_EN[d.month - 1]} {d.day}, {d.year}",
    "uk": lambda d: f"{d.day} {_UK[d.month - 1]} {d.year} року",
    "ru": lambda d: f"{d.day} {_RU[d.month - 1]} {d.year} года",
    "es": lambda d: f"{d.day} de {_ES[d.month - 1]} de {d.year}",
}
_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
_EN = "January February March April May June July August September October November December".split()
_UK = "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня".split()
_RU = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
_ES = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()


@settings(max_examples=60, deadline=None)
@given(day=st.dates(date(1990, 1, 1), date(2035, 12, 31)), lang=st.sampled_from(DATE_LANGUAGES))
def test_absolute_dates_agree_with_dateparser(day: date, lang: str) -> None:
    import dateparser

    mention = _RENDER[lang](day)
    found = find_dates(f"— {mention}.", lang, None)
    assert [(d.text, d.value) for d in found] == [(mention, day.isoformat())]
    parsed = dateparser.parse(mention, languages=[lang], settings={"STRICT_PARSING": True})
    assert parsed is not None and parsed.date() == day


@settings(max_examples=100, deadline=None)
@given(published=st.dates(date(2000, 1, 1), date(2035, 12, 31)), back=st.integers(0, 299))
def test_recent_partial_dates_resolve_to_the_past(published: date, back: int) -> None:
    day = published - timedelta(days=back)
    found = find_dates(f"Le {day.day} {_FR[day.month - 1]}, rien.", "fr", published.isoformat())
    if not (day.month == 2 and day.day == 29):  # 29 février: only leap years have one
        assert [d.value for d in found] == [day.isoformat()]


# -- the stage ----------------------------------------------------------------------------------


def _document(text: str, lang: str = "fr", published: str | None = PUB, langs: list[str] | None = None) -> Document:
    doc = Document(Article.create(text, lang=lang, published=published))
    SegmentStage()(doc)
    doc.paragraph_langs = langs or []
    DatesStage()(doc)
    return doc


def test_stage_declares_its_contract() -> None:
    stage = DatesStage()
    assert (stage.name, stage.requires, stage.assigns) == ("dates", ("sentences",), ("dates",))
    build_pipeline([SegmentStage(), stage], "test")


def test_stage_reads_each_paragraph_in_its_language() -> None:
    text = "Les drones ont frappé hier.\nЗустріч відбулася минулого тижня.\nThe talks resumed on Monday."
    doc = _document(text, langs=["fr", "uk", "en"])
    assert [(d.text, d.value) for d in doc.dates] == [
        ("hier", "2023-12-06"), ("минулого тижня", "2023-11-27"), ("Monday", "2023-12-04"),
    ]
    assert all(text[d.start:d.end] == d.text for d in doc.dates)  # type: ignore[misc]


def test_stage_without_publication_date_keeps_absolute_dates() -> None:
    doc = _document("Hier, rien. Le texte a été signé le 7 décembre 2023.", published=None)
    assert [(d.text, d.value) for d in doc.dates] == [("7 décembre 2023", "2023-12-07")]


def test_date_for_takes_the_nearest_mention_of_the_sentence() -> None:
    text = ("Hier, le ministre a annoncé que l'accord signé le 30 novembre serait appliqué. "
            "La réunion a réuni 350 représentants.")
    doc = _document(text)
    signed = text.index("signé")
    assert date_for(doc, signed, signed + 5).value == "2023-11-30"  # type: ignore[union-attr]
    announced = text.index("annoncé")
    assert date_for(doc, announced, announced + 7).value == "2023-12-06"  # type: ignore[union-attr]
    meeting = text.index("réunion")
    assert date_for(doc, meeting, meeting + 7) is None
