"""Date words of kronika's five languages, as regular-expression sources.

Each :class:`Lexicon` lists every inflected form a month or weekday name takes
in running text (Ukrainian "листопада", "листопаді"; Russian "ноября", "ноябре")
and the phrases that name a day, week, month or year relative to the
publication date. Templates combine them; :mod:`kronika.when.patterns` compiles
them. In every source a space stands for any run of whitespace and ``'`` for
any apostrophe (``'``, ``’``, ``ʼ``).

Templates use placeholders: ``{D}`` a day number, ``{M}`` a month name or
abbreviation, ``{MF}`` a full month name in lower case (after a cue word, so
that "en sept jours" and "sur Mars" are not months), ``{Y}`` a year, ``{YS}``
the word for "year" that follows one, ``{WD}`` a weekday. A group named ``m``
marks the mention inside a longer match (cue words stay outside it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["LEXICONS", "Lexicon"]


@dataclass(frozen=True)
class Lexicon:
    """The date vocabulary and date templates of one language."""

    months: tuple[tuple[str, str], ...]  # January..December: (full forms, abbreviations)
    weekdays: tuple[str, ...]  # Monday..Sunday, every form
    relative: tuple[tuple[str, str, int], ...]  # (phrase, unit, offset in units)
    templates: tuple[tuple[str, str], ...]  # (kind, template): kinds date, month_year, month, year
    weekday_template: str  # with {PRE}, {WD} and {POST}
    weekday_pre: dict[str, str] = field(default_factory=dict)  # mode -> alternation
    weekday_post: dict[str, str] = field(default_factory=dict)
    ago_template: str = ""  # with {N} and {U}
    units: dict[str, str] = field(default_factory=dict)  # day/week/month/year -> alternation
    numbers: dict[str, int] = field(default_factory=dict)
    ordinal: str = ""  # what may follow a day number
    year_suffix: str = "(?!)"
    habitual: str = "(?!)"  # right before a weekday: "every", "los", "chaque"
    month_case: str = "any"  # any | title | lower: how month names must be written
    weekday_case: str = "any"
    month_first: bool = False  # 12/07/2023 is December 7


_FR = Lexicon(
    months=(
        ("janvier", "janv\\.?"), ("février|fevrier", "févr\\.?|fév\\.?|fevr\\.?"), ("mars", ""),
        ("avril", "avr\\.?"), ("mai", ""), ("juin", ""), ("juillet", "juil\\.?"), ("août|aout", ""),
        ("septembre", "sept\\.?"), ("octobre", "oct\\.?"), ("novembre", "nov\\.?"),
        ("décembre|decembre", "déc\\.?|dec\\.?"),
    ),
    weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    relative=(
        ("avant-hier", "day", -2), ("après-demain", "day", 2), ("aujourd'hui", "day", 0),
        ("hier", "day", -1), ("demain", "day", 1),
        ("ce matin|cet après-midi|ce soir|cette nuit", "day", 0),
        ("la nuit dernière|la nuit passée", "day", -1),
        ("cette semaine", "week", 0), ("la semaine dernière|la semaine passée", "week", -1),
        ("la semaine prochaine", "week", 1),
        ("ce mois-ci|ce mois", "month", 0), ("le mois dernier|le mois passé", "month", -1),
        ("le mois prochain", "month", 1),
        ("cette année", "year", 0),
        ("l'année dernière|l'année passée|l'an dernier|l'an passé", "year", -1),
        ("l'année prochaine|l'an prochain", "year", 1),
    ),
    templates=(
        ("date", "(?P<m>(?:{WD} )?{D} {M}(?: {Y})?(?: (?P<dir>dernier|passé|prochain))?)"),
        ("month_year", "{M} {Y}"),
        ("month", "(?:(?:en|début|fin|courant|depuis|dès|jusqu'en|d'ici|au mois de|le mois de) |mi-)(?P<m>{MF})"),
        ("year", "(?:en|depuis|dès|jusqu'en|d'ici|l'année|l'an|année) (?P<m>{Y})"),
    ),
    weekday_template="(?:{PRE} )?{WD}(?: {POST})?",
    weekday_pre={"this": "ce"},
    weekday_post={"last": "dernier|passé", "next": "prochain"},
    ago_template="il y a {N} {U}",
    units={"day": "jours?", "week": "semaines?", "month": "mois", "year": "ans|années?"},
    numbers={"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
             "huit": 8, "neuf": 9, "dix": 10},
    ordinal="(?:er)?",
    habitual="(?:chaque|tous les) ",
)

_EN = Lexicon(
    months=(
        ("January", "Jan\\.?"), ("February", "Feb\\.?"), ("March", "Mar\\.?"), ("April", "Apr\\.?"),
        ("May", ""), ("June", "Jun\\.?"), ("July", "Jul\\.?"), ("August", "Aug\\.?"),
        ("September", "Sept\\.?|Sep\\.?"), ("October", "Oct\\.?"), ("November", "Nov\\.?"),
        ("December", "Dec\\.?"),
    ),
    weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    relative=(
        ("the day before yesterday", "day", -2), ("the day after tomorrow", "day", 2),
        ("yesterday", "day", -1), ("today", "day", 0), ("tomorrow", "day", 1),
        ("tonight|this morning|this afternoon|this evening", "day", 0), ("last night", "day", -1),
        ("earlier this week|later this week|this week", "week", 0), ("last week", "week", -1),
        ("next week", "week", 1),
        ("earlier this month|later this month|this month", "month", 0), ("last month", "month", -1),
        ("next month", "month", 1),
        ("earlier this year|later this year|this year", "year", 0), ("last year", "year", -1),
        ("next year", "year", 1),
    ),
    templates=(
        ("date", "(?P<m>(?:{WD},? )?{M} {D}(?:,? {Y})?)"),
        ("date", "(?P<m>(?:{WD},? )?(?:the )?{D} (?:of )?{M}(?:,? {Y})?)"),
        ("month_year", "{M},? {Y}"),
        ("month", "(?:(?:in|since|early|late|until|during|throughout|last) |mid-)(?P<m>{MF})"),
        ("year", "(?:in|since|until|during|throughout|early|late|the year) (?P<m>{Y})"),
    ),
    weekday_template="(?:{PRE} )?{WD}",
    weekday_pre={"last": "last", "next": "next", "this": "this", "bare": "on"},
    ago_template="{N} {U} ago",
    units={"day": "days?", "week": "weeks?", "month": "months?", "year": "years?"},
    numbers={"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10},
    ordinal="(?:st|nd|rd|th)?",
    habitual="(?:every|each) ",
    month_case="title",
    weekday_case="title",
    month_first=True,
)

_UK = Lexicon(
    months=(
        ("січень|січня|січні", ""), ("лютий|лютого|лютому", ""), ("березень|березня|березні", ""),
        ("квітень|квітня|квітні", ""), ("травень|травня|травні", ""), ("червень|червня|червні", ""),
        ("липень|липня|липні", ""), ("серпень|серпня|серпні", ""), ("вересень|вересня|вересні", ""),
        ("жовтень|жовтня|жовтні", ""), ("листопад|листопада|листопаді", ""), ("грудень|грудня|грудні", ""),
    ),
    weekdays=("понеділок|понеділка", "вівторок|вівторка", "середу|середи|середа", "четвер|четверга",
              "п'ятницю|п'ятниці|п'ятниця", "суботу|суботи|субота", "неділю|неділі|неділя"),
    relative=(
        ("позавчора", "day", -2), ("післязавтра", "day", 2), ("сьогодні", "day", 0),
        ("вчора|учора", "day", -1), ("завтра", "day", 1),
        ("минулої ночі", "day", -1), ("цієї ночі", "day", 0),
        ("цього тижня|на цьому тижні", "week", 0), ("минулого тижня|на минулому тижні", "week", -1),
        ("наступного тижня|на наступному тижні", "week", 1),
        ("цього місяця|(?:в|у) цьому місяці", "month", 0),
        ("минулого місяця|(?:в|у) минулому місяці", "month", -1),
        ("наступного місяця|(?:в|у) наступному місяці", "month", 1),
        ("цього року|(?:в|у) цьому році", "year", 0), ("минулого року|(?:в|у) минулому році|торік", "year", -1),
        ("наступного року|(?:в|у) наступному році", "year", 1),
    ),
    templates=(
        ("date", "(?P<m>{D} {M}(?: {Y}(?:\\s*{YS})?)?)"),
        ("month_year", "{M} {Y}(?:\\s*{YS})?"),
        ("month", "(?:у|в|з|із|до|від|наприкінці|на початку|у середині|в середині|протягом|впродовж|"
                  "минулого|цього) (?P<m>{MF})"),
        ("year", "(?:у|в|з|із|до|від|протягом|впродовж) (?P<m>{Y}(?:\\s*{YS})?)"),
        ("year", "{Y}\\s*{YS}"),
    ),
    weekday_template="{PRE} {WD}",
    weekday_pre={
        "last": "минулого|минулої|(?:у |в )?минулий|(?:у |в )?минулу",
        "this": "цього|цієї|(?:у|в) цей|(?:у|в) цю",
        "next": "наступного|наступної|(?:у |в )?наступний|(?:у |в )?наступну",
        "bare": "(?:у|в) ніч на|у|в",
    },
    ago_template="(?:{N} )?{U} тому",
    units={"day": "день|дні|днів", "week": "тиждень|тижні|тижнів", "month": "місяць|місяці|місяців",
           "year": "рік|роки|років"},
    numbers={"один": 1, "одну": 1, "одна": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5,
             "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9, "десять": 10},
    ordinal="(?:-?го)?",
    year_suffix="(?:року|році|рік|р\\.)",
)

_RU = Lexicon(
    months=(
        ("январь|января|январе", "янв\\."), ("февраль|февраля|феврале", "февр?\\."), ("март|марта|марте", ""),
        ("апрель|апреля|апреле", "апр\\."), ("май|мая|мае", ""), ("июнь|июня|июне", ""),
        ("июль|июля|июле", ""), ("август|августа|августе", "авг\\."),
        ("сентябрь|сентября|сентябре", "сент?\\."), ("октябрь|октября|октябре", "окт\\."),
        ("ноябрь|ноября|ноябре", "нояб?\\."), ("декабрь|декабря|декабре", "дек\\."),
    ),
    weekdays=("понедельник|понедельника", "вторник|вторника", "среду|среды|среда", "четверг|четверга",
              "пятницу|пятницы|пятница", "субботу|субботы|суббота", "воскресенье|воскресенья"),
    relative=(
        ("позавчера", "day", -2), ("послезавтра", "day", 2), ("сегодня", "day", 0), ("вчера", "day", -1),
        ("завтра", "day", 1), ("прошлой ночью|минувшей ночью", "day", -1), ("этой ночью", "day", 0),
        ("на этой неделе", "week", 0), ("на прошлой неделе|на минувшей неделе", "week", -1),
        ("на следующей неделе|на будущей неделе", "week", 1),
        ("в этом месяце|этого месяца", "month", 0), ("в прошлом месяце|прошлого месяца", "month", -1),
        ("в следующем месяце", "month", 1),
        ("в этом году|в текущем году|этого года|текущего года", "year", 0),
        ("в прошлом году|в минувшем году|прошлого года", "year", -1),
        ("в следующем году|в будущем году", "year", 1),
    ),
    templates=(
        ("date", "(?P<m>{D} {M}(?: {Y}(?:\\s*{YS})?)?)"),
        ("month_year", "{M} {Y}(?:\\s*{YS})?"),
        ("month", "(?:в|с|со|до|к|в конце|в начале|в середине|к концу|с начала|в течение|"
                  "прошлого|этого) (?P<m>{MF})"),
        ("year", "(?:в|с|до|к) (?P<m>{Y}(?:\\s*{YS})?)"),
        ("year", "{Y}\\s*{YS}"),
    ),
    weekday_template="{PRE} {WD}",
    weekday_pre={
        "last": "в прошлый|в прошлую|в минувший|в минувшую|прошлого|прошлой|минувшего|минувшей",
        "this": "в этот|в эту|этого|этой",
        "next": "в следующий|в следующую|в ближайший|в ближайшую|следующего|следующей",
        "bare": "в ночь на|в|во",
    },
    ago_template="(?:{N} )?{U} назад",
    units={"day": "день|дня|дней", "week": "неделю|недели|недель", "month": "месяц|месяца|месяцев",
           "year": "год|года|лет"},
    numbers={"один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
             "семь": 7, "восемь": 8, "девять": 9, "десять": 10},
    ordinal="(?:-?го)?",
    year_suffix="(?:года|году|год|г\\.)",
)

_ES = Lexicon(
    months=(
        ("enero", ""), ("febrero", ""), ("marzo", ""), ("abril", ""), ("mayo", ""), ("junio", ""),
        ("julio", ""), ("agosto", ""), ("septiembre|setiembre", ""), ("octubre", ""), ("noviembre", ""),
        ("diciembre", ""),
    ),
    weekdays=("lunes", "martes", "miércoles|miercoles", "jueves", "viernes", "sábado|sabado", "domingo"),
    relative=(
        ("anteayer|antier|antes de ayer", "day", -2), ("pasado mañana", "day", 2), ("hoy", "day", 0),
        ("ayer", "day", -1), ("esta mañana|esta tarde|esta noche", "day", 0), ("anoche", "day", -1),
        ("mañana", "day", 1),
        ("esta semana", "week", 0), ("la semana pasada|la pasada semana", "week", -1),
        ("la próxima semana|la semana próxima|la semana que viene", "week", 1),
        ("este mes", "month", 0), ("el mes pasado|el pasado mes", "month", -1),
        ("el próximo mes|el mes próximo|el mes que viene", "month", 1),
        ("este año", "year", 0), ("el año pasado|el pasado año", "year", -1),
        ("el próximo año|el año próximo|el año que viene", "year", 1),
    ),
    templates=(
        ("date", "(?:el )?(?P<m>(?:{WD},? )?(?:(?P<dir>pasado|próximo) )?{D} de {M}(?: (?:de|del) {Y})?)"),
        ("month_year", "{M} (?:de |del )?{Y}"),
        ("month", "(?:en|desde|hasta|(?:a )?(?:finales|principios|mediados|fines|comienzos) de|"
                  "(?:en )?el mes de) (?P<m>{MF})"),
        ("year", "(?:en|desde|hasta|(?:a )?(?:finales|principios|mediados|fines|comienzos) de|el año|"
                 "del año) (?P<m>{Y})"),
    ),
    weekday_template="(?:{PRE} )?{WD}(?: {POST})?",
    weekday_pre={"last": "el pasado", "next": "el próximo", "this": "este", "bare": "el"},
    weekday_post={"last": "pasado", "next": "próximo|que viene"},
    ago_template="hace {N} {U}",
    units={"day": "días?|dias?", "week": "semanas?", "month": "mes|meses", "year": "años?"},
    numbers={"un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
             "ocho": 8, "nueve": 9, "diez": 10},
    ordinal="(?:º|°)?",
    habitual="(?:los|cada|la|una|por la|de la) ",
    weekday_case="lower",
)

LEXICONS: dict[str, Lexicon] = {"fr": _FR, "en": _EN, "uk": _UK, "ru": _RU, "es": _ES}
