#!/usr/bin/env python3
"""Build ``src/kronika/kb/data/countries.yaml``: one actor entry per ISO 3166-1 country.

Run from the repository root::

    python scripts/build_countries.py            # writes the YAML file
    python scripts/build_countries.py --check    # fails if the file is out of date

Sources:

* the ISO 3166-1 list and its French, Ukrainian, Russian and Spanish names come
  from ``pycountry`` (its gettext catalogues ``iso3166-1``), read over ``name``,
  ``official_name`` and ``common_name``; catalogue-style inverted forms
  ("Corée, République de") are put back in running-text order, forms with
  qualifiers in parentheses are dropped or rewritten (see ``FIX``);
* the tables below, written by the project: the common English names, the
  short forms and abbreviations used in news, the demonyms (``adjectives``) and
  capitals of the countries most present in conflict and politics news, and the
  demonyms of the other states and of the territories named in news;
* Kosovo, outside ISO 3166-1, under the user-assigned code XKX (``NON_ISO``).

Capitals are *not* aliases: "Washington", "Kyiv", "Moscow" used for a
government are metonyms, which the linker resolves separately. The script
checks this.

The output is deterministic: entries are sorted by id and alias lists keep a
fixed order (hand-written forms first, then pycountry forms, then spelling
variants), with case-insensitive duplicates removed.
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
import unicodedata
from pathlib import Path

import pycountry
import yaml

LANGS = ("en", "fr", "uk", "ru", "es")
OUT = Path(__file__).resolve().parent.parent / "src" / "kronika" / "kb" / "data" / "countries.yaml"

# --------------------------------------------------------------------------
# Canonical English names, where pycountry's ``common_name`` / ``name`` is not
# the form used in news.
# --------------------------------------------------------------------------
NAME = {
    "BES": "Caribbean Netherlands",
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "CCK": "Cocos Islands",
    "COD": "DR Congo",
    "COG": "Congo-Brazzaville",
    "CZE": "Czechia",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "IRN": "Iran",
    "KOR": "South Korea",
    "LAO": "Laos",
    "MAC": "Macao",
    "MAF": "Saint Martin",
    "MDA": "Moldova",
    "PCN": "Pitcairn Islands",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SHN": "Saint Helena",
    "STP": "São Tomé and Príncipe",
    "SXM": "Sint Maarten",
    "SYR": "Syria",
    "TUR": "Türkiye",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "UMI": "U.S. Minor Outlying Islands",
    "VAT": "Vatican City",
    "VEN": "Venezuela",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
    "VNM": "Vietnam",
}

# --------------------------------------------------------------------------
# Corrections of pycountry catalogue strings, applied before the generic
# clean-up: a string maps to its replacement(s), or to None to drop it
# (inverted or parenthesised forms that the generic rules cannot fix, typos,
# and the "Province of China" forms for Taiwan).
# --------------------------------------------------------------------------
FIX: dict[str, list[str] | None] = {
    # English
    "Taiwan, Province of China": None,
    "Holy See (Vatican City State)": ["Holy See"],
    "Falkland Islands (Malvinas)": ["Falkland Islands"],
    "Saint Martin (French part)": ["Saint Martin"],
    "Sint Maarten (Dutch part)": ["Sint Maarten"],
    "Cocos (Keeling) Islands": ["Cocos (Keeling) Islands"],
    # French
    "Syrienne, République arabe": ["République arabe syrienne"],
    "Lao, République démocratique populaire": ["République démocratique populaire lao"],
    "Taïwan, province de Chine": None,
    "Cocos (Keeling), Îles": ["Îles Cocos"],
    "Malouines, Îles (Falkland)": ["Îles Malouines", "Îles Falkland"],
    "Saint-Martin (partie française)": ["Saint-Martin"],
    "Saint-Martin (partie néerlandaise)": ["Sint Maarten"],
    "Saint-Siège (état de la cité du Vatican)": ["Saint-Siège", "Cité du Vatican"],
    "Royaume du Bouthan": ["Royaume du Bhoutan"],
    "République populaire du Bengladesh": ["République populaire du Bangladesh"],
    "L'État d'Érythrée": ["État d'Érythrée"],
    "L'État de Palestine": ["État de Palestine"],
    # Ukrainian
    "Тайвань, провінція Китаю": None,
    "Конго, демократична республіка": ["Демократична Республіка Конго"],
    "Віргінські острови (Британія)": None,
    "Віргінські острови (США)": ["Віргінські острови США"],
    "Фолклендські острови (Британія)": ["Фолклендські острови"],
    "Кокосові (Кілінг) острови": ["Кокосові острови"],
    "Сен-Мартен (французька частина)": ["Сен-Мартен"],
    "Сінт-Мартен (голландська частина)": ["Сінт-Мартен"],
    "Святий Престол (Ватикан, Місто-Держава)": ["Святий Престол", "Ватикан"],
    "Ісламська Респуліка Пакистан": ["Ісламська Республіка Пакистан"],
    "Східна Республік Уругвай": ["Східна Республіка Уругвай"],
    # Russian
    "Китайская провинция Тайвань": None,
    "Виргинские острова (Британия)": None,
    "Виргинские острова (США)": ["Виргинские острова США"],
    "Фолклендские (Мальвинские) острова": ["Фолклендские острова", "Мальвинские острова"],
    "Сен-Мартен (Франция)": ["Сен-Мартен"],
    "Синт-Мартен (голландская часть)": ["Синт-Мартен"],
    "Соединённые штаты": ["Соединённые Штаты"],
    "Соединенные штаты Малых Удаленных островов": ["Внешние малые острова США"],
    "Острова северной Марианы": ["Северные Марианские острова"],
    "Центрально-африканская республика": ["Центральноафриканская Республика"],
    "Уоллес и Футана": ["Уоллис и Футуна"],
    # Spanish
    "Taiwán, Provincia de China": None,
    "Islas BES (Caribe Neerlandés)": ["Caribe Neerlandés"],
    "Islas Cocos (Keeling)": ["Islas Cocos"],
    "Islas Falkland (Malvinas)": ["Islas Malvinas", "Islas Falkland"],
    "San Martín (zona francesa)": ["Isla de San Martín"],
    "Isla de San Martín (zona holandesa)": ["Sint Maarten"],
    "Santa Sede (Ciudad Estado del Vaticano)": ["Santa Sede", "Ciudad del Vaticano"],
    "Costa de Marfíl": ["Costa de Marfil"],
    "República de Costa de Marfíl": ["República de Costa de Marfil"],
    "Tunez": ["Túnez"],
    "Surinám": ["Surinam"],
}

# Forms that are ordinary words or first names in their language, or that
# name another country in current news usage; never listed as aliases.
DROP: dict[str, dict[str, set[str]]] = {
    "fr": {
        "MUS": {"Maurice"},        # first name; "île Maurice" is kept
        "DMA": {"Dominique"},      # first name
        "REU": {"Réunion"},        # "réunion" = meeting; "La Réunion" is kept
        "COD": {"Congo"},          # French press: bare "Congo" is Brazzaville
    },
    "es": {
        "GRD": {"Granada"},        # the Spanish city
        "MUS": {"Mauricio"},       # first name
        "GLP": {"Guadalupe"},      # first name and many places
        "REU": {"Reunión"},        # "reunión" = meeting
        "COG": {"Congo"},          # ambiguous between the two Congos
    },
    "uk": {
        "TGO": {"Того"},           # pronoun form "того"
        "COG": {"Конго"},          # ambiguous between the two Congos
    },
    "ru": {
        "TGO": {"Того"},           # pronoun form "того"
        "COG": {"Конго"},          # ambiguous between the two Congos
    },
    "en": {
        "COG": {"Congo"},          # Reuters/AP style: bare "Congo" is the DRC
    },
}

# Metonyms that must never be aliases of a country (checked at build time).
METONYMS = {
    "Washington", "Вашингтон", "Moscow", "Moscou", "Москва", "Moscú",
    "Kyiv", "Kiev", "Київ", "Киев", "Kiew", "Beijing", "Pékin", "Пекін", "Пекин",
    "Pekín", "London", "Londres", "Лондон", "Paris", "Париж", "París",
    "Berlin", "Берлін", "Берлин", "Berlín", "Tehran", "Téhéran", "Тегеран",
    "Teherán", "Jerusalem", "Jérusalem", "Єрусалим", "Иерусалим", "Jerusalén",
    "Ankara", "Анкара", "Minsk", "Мінськ", "Минск", "Pyongyang", "Пхеньян",
    "Seoul", "Séoul", "Сеул", "Seúl", "Tokyo", "Токіо", "Токио", "Tokio",
    "Damascus", "Damas", "Дамаск", "Damasco", "Kremlin", "Кремль",
    "White House", "Maison Blanche", "Білий дім", "Белый дом", "Casa Blanca",
    "Downing Street", "Élysée", "Bankova", "Банкова", "Pentagon", "Пентагон",
    "Brussels", "Bruxelles", "Брюссель", "Bruselas", "Warsaw", "Varsovie",
    "Варшава", "Varsovia", "Tel Aviv", "Тель-Авів", "Тель-Авив",
}

# --------------------------------------------------------------------------
# Hand-written table for the countries most present in conflict and politics
# news: extra aliases (short forms, abbreviations, older or alternative
# names), demonyms in dictionary form (masculine singular; English nouns
# such as "Pole" or "Briton" where they differ from the adjective; Ukrainian
# and Russian nouns such as "українець" / "украинец"), and the capital's
# English name. Lists are separated by "|".
# --------------------------------------------------------------------------


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def C(capital=None, *, en="", fr="", uk="", ru="", es="",
      a_en="", a_fr="", a_uk="", a_ru="", a_es=""):
    """One row of the hand table."""
    return {
        "capital": capital,
        "aliases": {"en": _split(en), "fr": _split(fr), "uk": _split(uk), "ru": _split(ru), "es": _split(es)},
        "adjectives": {"en": _split(a_en), "fr": _split(a_fr), "uk": _split(a_uk), "ru": _split(a_ru), "es": _split(a_es)},
    }


HAND = {
    # ---- North America, Europe -------------------------------------------
    "USA": C("Washington",
             en="United States|USA|US|U.S.|U.S.A.|America|United States of America",
             fr="États-Unis|USA|Amérique|États-Unis d'Amérique",
             uk="США|Сполучені Штати|Штати|Америка|Сполучені Штати Америки",
             ru="США|Соединённые Штаты|Штаты|Америка|Соединённые Штаты Америки",
             es="Estados Unidos|EE. UU.|EE.UU.|EEUU|EUA|USA|Norteamérica",
             a_en="American|US|U.S.", a_fr="américain|étasunien", a_uk="американський|американець",
             a_ru="американский|американец", a_es="estadounidense|norteamericano"),
    "CAN": C("Ottawa", en="Canada", fr="Canada", uk="Канада", ru="Канада", es="Canadá",
             a_en="Canadian", a_fr="canadien", a_uk="канадський|канадець", a_ru="канадский|канадец",
             a_es="canadiense"),
    "MEX": C("Mexico City", en="Mexico", fr="Mexique", uk="Мексика", ru="Мексика", es="México|Méjico",
             a_en="Mexican", a_fr="mexicain", a_uk="мексиканський|мексиканець", a_ru="мексиканский|мексиканец",
             a_es="mexicano"),
    "GBR": C("London",
             en="United Kingdom|UK|U.K.|Britain|Great Britain",
             fr="Royaume-Uni|Grande-Bretagne",
             uk="Велика Британія|Великобританія|Британія|Сполучене Королівство|Об'єднане Королівство",
             ru="Великобритания|Британия|Соединённое Королевство",
             es="Reino Unido|Gran Bretaña",
             a_en="British|Briton|UK|U.K.", a_fr="britannique", a_uk="британський|британець",
             a_ru="британский|британец", a_es="británico"),
    "IRL": C("Dublin", en="Ireland|Republic of Ireland", fr="Irlande", uk="Ірландія", ru="Ирландия",
             es="Irlanda", a_en="Irish", a_fr="irlandais", a_uk="ірландський|ірландець",
             a_ru="ирландский|ирландец", a_es="irlandés"),
    "FRA": C("Paris", en="France", fr="France", uk="Франція", ru="Франция", es="Francia",
             a_en="French|Frenchman", a_fr="français", a_uk="французький|француз",
             a_ru="французский|француз", a_es="francés"),
    "DEU": C("Berlin", en="Germany|FRG", fr="Allemagne|RFA", uk="Німеччина|ФРН", ru="Германия|ФРГ",
             es="Alemania|RFA", a_en="German", a_fr="allemand", a_uk="німецький|німець",
             a_ru="немецкий|германский|немец", a_es="alemán"),
    "ITA": C("Rome", en="Italy", fr="Italie", uk="Італія", ru="Италия", es="Italia",
             a_en="Italian", a_fr="italien", a_uk="італійський|італієць", a_ru="итальянский|итальянец",
             a_es="italiano"),
    "ESP": C("Madrid", en="Spain", fr="Espagne", uk="Іспанія", ru="Испания", es="España",
             a_en="Spanish|Spaniard", a_fr="espagnol", a_uk="іспанський|іспанець", a_ru="испанский|испанец",
             a_es="español"),
    "PRT": C("Lisbon", en="Portugal", fr="Portugal", uk="Португалія", ru="Португалия", es="Portugal",
             a_en="Portuguese", a_fr="portugais", a_uk="португальський|португалець",
             a_ru="португальский|португалец", a_es="portugués"),
    "NLD": C("Amsterdam", en="Netherlands|Holland", fr="Pays-Bas", uk="Нідерланди|Голландія",
             ru="Нидерланды|Голландия", es="Países Bajos|Holanda",
             a_en="Dutch|Dutchman", a_fr="néerlandais|hollandais",
             a_uk="нідерландський|голландський|нідерландець|голландець",
             a_ru="нидерландский|голландский|нидерландец|голландец", a_es="neerlandés|holandés"),
    "BEL": C("Brussels", en="Belgium", fr="Belgique", uk="Бельгія", ru="Бельгия", es="Bélgica",
             a_en="Belgian", a_fr="belge", a_uk="бельгійський|бельгієць", a_ru="бельгийский|бельгиец",
             a_es="belga"),
    "CHE": C("Bern", en="Switzerland", fr="Suisse|Confédération suisse", uk="Швейцарія", ru="Швейцария",
             es="Suiza", a_en="Swiss", a_fr="suisse", a_uk="швейцарський|швейцарець",
             a_ru="швейцарский|швейцарец", a_es="suizo"),
    "AUT": C("Vienna", en="Austria", fr="Autriche", uk="Австрія", ru="Австрия", es="Austria",
             a_en="Austrian", a_fr="autrichien", a_uk="австрійський|австрієць", a_ru="австрийский|австриец",
             a_es="austriaco|austríaco"),
    "POL": C("Warsaw", en="Poland", fr="Pologne", uk="Польща", ru="Польша", es="Polonia",
             a_en="Polish|Pole", a_fr="polonais", a_uk="польський|поляк", a_ru="польский|поляк",
             a_es="polaco"),
    "CZE": C("Prague", en="Czechia|Czech Republic", fr="Tchéquie|République tchèque", uk="Чехія",
             ru="Чехия", es="Chequia|República Checa", a_en="Czech", a_fr="tchèque",
             a_uk="чеський|чех", a_ru="чешский|чех", a_es="checo"),
    "SVK": C("Bratislava", en="Slovakia", fr="Slovaquie", uk="Словаччина", ru="Словакия", es="Eslovaquia",
             a_en="Slovak|Slovakian", a_fr="slovaque", a_uk="словацький|словак", a_ru="словацкий|словак",
             a_es="eslovaco"),
    "HUN": C("Budapest", en="Hungary", fr="Hongrie", uk="Угорщина", ru="Венгрия", es="Hungría",
             a_en="Hungarian", a_fr="hongrois", a_uk="угорський|угорець", a_ru="венгерский|венгр",
             a_es="húngaro"),
    "ROU": C("Bucharest", en="Romania", fr="Roumanie", uk="Румунія", ru="Румыния", es="Rumania|Rumanía",
             a_en="Romanian", a_fr="roumain", a_uk="румунський|румун", a_ru="румынский|румын",
             a_es="rumano"),
    "BGR": C("Sofia", en="Bulgaria", fr="Bulgarie", uk="Болгарія", ru="Болгария", es="Bulgaria",
             a_en="Bulgarian", a_fr="bulgare", a_uk="болгарський|болгарин", a_ru="болгарский|болгарин",
             a_es="búlgaro"),
    "GRC": C("Athens", en="Greece", fr="Grèce", uk="Греція", ru="Греция", es="Grecia",
             a_en="Greek", a_fr="grec", a_uk="грецький|грек", a_ru="греческий|грек", a_es="griego"),
    "HRV": C("Zagreb", en="Croatia", fr="Croatie", uk="Хорватія", ru="Хорватия", es="Croacia",
             a_en="Croatian|Croat", a_fr="croate", a_uk="хорватський|хорват", a_ru="хорватский|хорват",
             a_es="croata"),
    "SRB": C("Belgrade", en="Serbia", fr="Serbie", uk="Сербія", ru="Сербия", es="Serbia",
             a_en="Serbian|Serb", a_fr="serbe", a_uk="сербський|серб", a_ru="сербский|серб", a_es="serbio"),
    "BIH": C("Sarajevo", en="Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina",
             fr="Bosnie-Herzégovine|Bosnie", uk="Боснія і Герцеговина|Боснія", ru="Босния и Герцеговина|Босния",
             es="Bosnia y Herzegovina|Bosnia", a_en="Bosnian", a_fr="bosnien|bosniaque",
             a_uk="боснійський|боснієць", a_ru="боснийский|босниец", a_es="bosnio"),
    "LTU": C("Vilnius", en="Lithuania", fr="Lituanie", uk="Литва", ru="Литва", es="Lituania",
             a_en="Lithuanian", a_fr="lituanien", a_uk="литовський|литовець", a_ru="литовский|литовец",
             a_es="lituano"),
    "LVA": C("Riga", en="Latvia", fr="Lettonie", uk="Латвія", ru="Латвия", es="Letonia",
             a_en="Latvian", a_fr="letton", a_uk="латвійський|латиш", a_ru="латвийский|латыш", a_es="letón"),
    "EST": C("Tallinn", en="Estonia", fr="Estonie", uk="Естонія", ru="Эстония", es="Estonia",
             a_en="Estonian", a_fr="estonien", a_uk="естонський|естонець", a_ru="эстонский|эстонец",
             a_es="estonio"),
    "FIN": C("Helsinki", en="Finland", fr="Finlande", uk="Фінляндія", ru="Финляндия", es="Finlandia",
             a_en="Finnish|Finn", a_fr="finlandais", a_uk="фінський|фінляндський|фін",
             a_ru="финский|финляндский|финн", a_es="finlandés"),
    "SWE": C("Stockholm", en="Sweden", fr="Suède", uk="Швеція", ru="Швеция", es="Suecia",
             a_en="Swedish|Swede", a_fr="suédois", a_uk="шведський|швед", a_ru="шведский|швед", a_es="sueco"),
    "NOR": C("Oslo", en="Norway", fr="Norvège", uk="Норвегія", ru="Норвегия", es="Noruega",
             a_en="Norwegian", a_fr="norvégien", a_uk="норвезький|норвежець", a_ru="норвежский|норвежец",
             a_es="noruego"),
    "DNK": C("Copenhagen", en="Denmark", fr="Danemark", uk="Данія", ru="Дания", es="Dinamarca",
             a_en="Danish|Dane", a_fr="danois", a_uk="данський|датчанин", a_ru="датский|датчанин",
             a_es="danés"),
    # ---- Former Soviet Union ---------------------------------------------
    "RUS": C("Moscow", en="Russia|Russian Federation", fr="Russie|Fédération de Russie",
             uk="Росія|РФ|Російська Федерація", ru="Россия|РФ|Российская Федерация",
             es="Rusia|Federación de Rusia|Federación Rusa",
             a_en="Russian", a_fr="russe", a_uk="російський|росіянин", a_ru="российский|русский|россиянин",
             a_es="ruso"),
    "UKR": C("Kyiv", en="Ukraine", fr="Ukraine", uk="Україна", ru="Украина", es="Ucrania",
             a_en="Ukrainian", a_fr="ukrainien", a_uk="український|українець", a_ru="украинский|украинец",
             a_es="ucraniano"),
    "BLR": C("Minsk", en="Belarus|Byelorussia|Belorussia", fr="Biélorussie|Bélarus",
             uk="Білорусь|Білорусія", ru="Беларусь|Белоруссия|Республика Беларусь", es="Bielorrusia",
             a_en="Belarusian|Belarussian", a_fr="biélorusse", a_uk="білоруський|білорус",
             a_ru="белорусский|белорус", a_es="bielorruso"),
    "MDA": C("Chisinau", en="Moldova|Republic of Moldova", fr="Moldavie|Moldova|République de Moldavie",
             uk="Молдова|Молдавія", ru="Молдавия|Молдова", es="Moldavia",
             a_en="Moldovan", a_fr="moldave", a_uk="молдовський|молдавський|молдованин",
             a_ru="молдавский|молдаванин", a_es="moldavo"),
    "GEO": C("Tbilisi", en="Georgia", fr="Géorgie", uk="Грузія|Сакартвело", ru="Грузия", es="Georgia",
             a_en="Georgian", a_fr="géorgien", a_uk="грузинський|грузин", a_ru="грузинский|грузин",
             a_es="georgiano"),
    "ARM": C("Yerevan", en="Armenia", fr="Arménie", uk="Вірменія", ru="Армения", es="Armenia",
             a_en="Armenian", a_fr="arménien", a_uk="вірменський|вірменин", a_ru="армянский|армянин",
             a_es="armenio"),
    "AZE": C("Baku", en="Azerbaijan", fr="Azerbaïdjan", uk="Азербайджан", ru="Азербайджан", es="Azerbaiyán",
             a_en="Azerbaijani|Azeri", a_fr="azerbaïdjanais|azéri", a_uk="азербайджанський|азербайджанець",
             a_ru="азербайджанский|азербайджанец", a_es="azerbaiyano|azerí"),
    "KAZ": C("Astana", en="Kazakhstan", fr="Kazakhstan", uk="Казахстан", ru="Казахстан",
             es="Kazajistán|Kazajstán", a_en="Kazakh|Kazakhstani", a_fr="kazakh|kazakhstanais",
             a_uk="казахський|казахстанський|казах", a_ru="казахский|казахстанский|казах", a_es="kazajo"),
    "UZB": C("Tashkent", en="Uzbekistan", fr="Ouzbékistan", uk="Узбекистан", ru="Узбекистан", es="Uzbekistán",
             a_en="Uzbek", a_fr="ouzbek", a_uk="узбецький|узбек", a_ru="узбекский|узбек", a_es="uzbeko"),
    "TJK": C("Dushanbe", en="Tajikistan", fr="Tadjikistan", uk="Таджикистан", ru="Таджикистан",
             es="Tayikistán", a_en="Tajik", a_fr="tadjik", a_uk="таджицький|таджик", a_ru="таджикский|таджик",
             a_es="tayiko"),
    "KGZ": C("Bishkek", en="Kyrgyzstan|Kyrgyz Republic", fr="Kirghizistan|Kirghizstan",
             uk="Киргизстан|Киргизія|Киргизька Республіка", ru="Киргизия|Кыргызстан|Киргизстан", es="Kirguistán",
             a_en="Kyrgyz", a_fr="kirghize", a_uk="киргизький|киргиз", a_ru="киргизский|кыргызский|киргиз",
             a_es="kirguís|kirguiso"),
    # ---- Middle East, North Africa ----------------------------------------
    "TUR": C("Ankara", en="Türkiye|Turkey|Turkiye|Republic of Turkey", fr="Turquie", uk="Туреччина",
             ru="Турция", es="Turquía", a_en="Turkish|Turk", a_fr="turc", a_uk="турецький|турок",
             a_ru="турецкий|турок", a_es="turco"),
    "ISR": C("Jerusalem", en="Israel", fr="Israël", uk="Ізраїль", ru="Израиль", es="Israel",
             a_en="Israeli", a_fr="israélien", a_uk="ізраїльський|ізраїльтянин",
             a_ru="израильский|израильтянин", a_es="israelí"),
    # Ramallah: seat of the Palestinian Authority, the metonym used in news.
    "PSE": C("Ramallah", en="Palestine|State of Palestine|Palestinian territories",
             fr="Palestine|État de Palestine|territoires palestiniens", uk="Палестина|Палестинські території",
             ru="Палестина|Палестинские территории", es="Palestina|Estado de Palestina|territorios palestinos",
             a_en="Palestinian", a_fr="palestinien", a_uk="палестинський|палестинець",
             a_ru="палестинский|палестинец", a_es="palestino"),
    "LBN": C("Beirut", en="Lebanon", fr="Liban", uk="Ліван", ru="Ливан", es="Líbano",
             a_en="Lebanese", a_fr="libanais", a_uk="ліванський|ліванець", a_ru="ливанский|ливанец",
             a_es="libanés"),
    "SYR": C("Damascus", en="Syria|Syrian Arab Republic", fr="Syrie", uk="Сирія", ru="Сирия", es="Siria",
             a_en="Syrian", a_fr="syrien", a_uk="сирійський|сирієць", a_ru="сирийский|сириец", a_es="sirio"),
    "JOR": C("Amman", en="Jordan", fr="Jordanie", uk="Йорданія", ru="Иордания", es="Jordania",
             a_en="Jordanian", a_fr="jordanien", a_uk="йорданський|йорданець", a_ru="иорданский|иорданец",
             a_es="jordano"),
    "IRQ": C("Baghdad", en="Iraq", fr="Irak|Iraq", uk="Ірак", ru="Ирак", es="Irak|Iraq",
             a_en="Iraqi", a_fr="irakien", a_uk="іракський|іракець", a_ru="иракский|иракец", a_es="iraquí"),
    "IRN": C("Tehran", en="Iran|Islamic Republic of Iran", fr="Iran|République islamique d'Iran",
             uk="Іран|Ісламська Республіка Іран", ru="Иран|Исламская Республика Иран", es="Irán|Iran",
             a_en="Iranian", a_fr="iranien", a_uk="іранський|іранець", a_ru="иранский|иранец", a_es="iraní"),
    "SAU": C("Riyadh", en="Saudi Arabia|KSA", fr="Arabie saoudite", uk="Саудівська Аравія",
             ru="Саудовская Аравия", es="Arabia Saudita|Arabia Saudí",
             a_en="Saudi", a_fr="saoudien", a_uk="саудівський", a_ru="саудовский", a_es="saudí|saudita"),
    "ARE": C("Abu Dhabi", en="United Arab Emirates|UAE", fr="Émirats arabes unis|EAU",
             uk="Об'єднані Арабські Емірати|ОАЕ|Емірати", ru="Объединённые Арабские Эмираты|ОАЭ|Эмираты",
             es="Emiratos Árabes Unidos|EAU", a_en="Emirati", a_fr="émirati|émirien",
             a_uk="еміратський", a_ru="эмиратский", a_es="emiratí"),
    "QAT": C("Doha", en="Qatar", fr="Qatar", uk="Катар", ru="Катар", es="Catar|Qatar",
             a_en="Qatari", a_fr="qatari|qatarien", a_uk="катарський", a_ru="катарский", a_es="catarí|qatarí"),
    "KWT": C("Kuwait City", en="Kuwait", fr="Koweït", uk="Кувейт", ru="Кувейт", es="Kuwait",
             a_en="Kuwaiti", a_fr="koweïtien", a_uk="кувейтський", a_ru="кувейтский", a_es="kuwaití"),
    "BHR": C("Manama", en="Bahrain", fr="Bahreïn", uk="Бахрейн", ru="Бахрейн", es="Baréin|Bahréin",
             a_en="Bahraini", a_fr="bahreïni|bahreïnien", a_uk="бахрейнський", a_ru="бахрейнский",
             a_es="bareiní|bahreiní"),
    "OMN": C("Muscat", en="Oman", fr="Oman", uk="Оман", ru="Оман", es="Omán",
             a_en="Omani", a_fr="omanais", a_uk="оманський", a_ru="оманский", a_es="omaní"),
    "YEM": C("Sanaa", en="Yemen", fr="Yémen", uk="Ємен", ru="Йемен", es="Yemen",
             a_en="Yemeni", a_fr="yéménite", a_uk="єменський", a_ru="йеменский", a_es="yemení"),
    "EGY": C("Cairo", en="Egypt", fr="Égypte", uk="Єгипет", ru="Египет", es="Egipto",
             a_en="Egyptian", a_fr="égyptien", a_uk="єгипетський|єгиптянин", a_ru="египетский|египтянин",
             a_es="egipcio"),
    "LBY": C("Tripoli", en="Libya", fr="Libye", uk="Лівія", ru="Ливия", es="Libia",
             a_en="Libyan", a_fr="libyen", a_uk="лівійський|лівієць", a_ru="ливийский|ливиец", a_es="libio"),
    "TUN": C("Tunis", en="Tunisia", fr="Tunisie", uk="Туніс", ru="Тунис", es="Túnez",
             a_en="Tunisian", a_fr="tunisien", a_uk="туніський|тунісець", a_ru="тунисский|тунисец",
             a_es="tunecino"),
    "DZA": C("Algiers", en="Algeria", fr="Algérie", uk="Алжир", ru="Алжир", es="Argelia",
             a_en="Algerian", a_fr="algérien", a_uk="алжирський|алжирець", a_ru="алжирский|алжирец",
             a_es="argelino"),
    "MAR": C("Rabat", en="Morocco", fr="Maroc", uk="Марокко", ru="Марокко", es="Marruecos",
             a_en="Moroccan", a_fr="marocain", a_uk="марокканський|марокканець",
             a_ru="марокканский|марокканец", a_es="marroquí"),
    # ---- Africa ---------------------------------------------------------------
    "SDN": C("Khartoum", en="Sudan", fr="Soudan", uk="Судан", ru="Судан", es="Sudán",
             a_en="Sudanese", a_fr="soudanais", a_uk="суданський|суданець", a_ru="суданский|суданец",
             a_es="sudanés"),
    "SSD": C("Juba", en="South Sudan", fr="Soudan du Sud", uk="Південний Судан", ru="Южный Судан",
             es="Sudán del Sur", a_en="South Sudanese", a_fr="sud-soudanais", a_uk="південносуданський",
             a_ru="южносуданский", a_es="sursudanés"),
    "ETH": C("Addis Ababa", en="Ethiopia", fr="Éthiopie", uk="Ефіопія", ru="Эфиопия", es="Etiopía",
             a_en="Ethiopian", a_fr="éthiopien", a_uk="ефіопський|ефіоп", a_ru="эфиопский|эфиоп",
             a_es="etíope"),
    "ERI": C("Asmara", en="Eritrea", fr="Érythrée", uk="Еритрея", ru="Эритрея", es="Eritrea",
             a_en="Eritrean", a_fr="érythréen", a_uk="еритрейський", a_ru="эритрейский", a_es="eritreo"),
    "SOM": C("Mogadishu", en="Somalia", fr="Somalie", uk="Сомалі", ru="Сомали", es="Somalia",
             a_en="Somali", a_fr="somalien", a_uk="сомалійський|сомалієць", a_ru="сомалийский|сомалиец",
             a_es="somalí"),
    "KEN": C("Nairobi", en="Kenya", fr="Kenya", uk="Кенія", ru="Кения", es="Kenia",
             a_en="Kenyan", a_fr="kényan", a_uk="кенійський", a_ru="кенийский", a_es="keniano"),
    "MLI": C("Bamako", en="Mali", fr="Mali", uk="Малі", ru="Мали", es="Mali|Malí",
             a_en="Malian", a_fr="malien", a_uk="малійський", a_ru="малийский", a_es="maliense"),
    "BFA": C("Ouagadougou", en="Burkina Faso|Burkina", fr="Burkina Faso|Burkina", uk="Буркіна-Фасо",
             ru="Буркина-Фасо", es="Burkina Faso", a_en="Burkinabe|Burkinabè", a_fr="burkinabè|burkinabé",
             a_uk="буркінійський", a_ru="буркинийский", a_es="burkinés"),
    "NER": C("Niamey", en="Niger", fr="Niger", uk="Нігер", ru="Нигер", es="Níger",
             a_en="Nigerien", a_fr="nigérien", a_uk="нігерський", a_ru="нигерский", a_es="nigerino"),
    "TCD": C("N'Djamena", en="Chad", fr="Tchad", uk="Чад", ru="Чад", es="Chad",
             a_en="Chadian", a_fr="tchadien", a_uk="чадський", a_ru="чадский", a_es="chadiano"),
    "NGA": C("Abuja", en="Nigeria", fr="Nigeria|Nigéria", uk="Нігерія", ru="Нигерия", es="Nigeria",
             a_en="Nigerian", a_fr="nigérian", a_uk="нігерійський|нігерієць", a_ru="нигерийский|нигериец",
             a_es="nigeriano"),
    "CAF": C("Bangui", en="Central African Republic|CAR", fr="République centrafricaine|Centrafrique|RCA",
             uk="Центральноафриканська Республіка|ЦАР", ru="Центральноафриканская Республика|ЦАР",
             es="República Centroafricana|RCA", a_en="Central African", a_fr="centrafricain",
             a_uk="центральноафриканський", a_ru="центральноафриканский", a_es="centroafricano"),
    "COD": C("Kinshasa",
             en="DR Congo|DRC|Democratic Republic of the Congo|Democratic Republic of Congo|Congo-Kinshasa|Congo",
             fr="RDC|RD Congo|République démocratique du Congo|Congo-Kinshasa",
             uk="ДР Конго|ДРК|Демократична Республіка Конго|Конго-Кіншаса",
             ru="ДР Конго|ДРК|Демократическая Республика Конго|Конго-Киншаса",
             es="RD Congo|RDC|República Democrática del Congo|Congo-Kinsasa",
             a_en="Congolese", a_fr="congolais", a_uk="конголезький|конголезець",
             a_ru="конголезский|конголезец", a_es="congoleño"),
    # No demonyms: "Congolese" names both Congos and is given to the DRC.
    "COG": C("Brazzaville", en="Congo-Brazzaville|Republic of the Congo|Republic of Congo",
             fr="Congo|Congo-Brazzaville|République du Congo",
             uk="Конго-Браззавіль|Республіка Конго", ru="Конго-Браззавиль|Республика Конго",
             es="Congo-Brazzaville|República del Congo"),
    "RWA": C("Kigali", en="Rwanda", fr="Rwanda", uk="Руанда", ru="Руанда", es="Ruanda",
             a_en="Rwandan", a_fr="rwandais", a_uk="руандійський", a_ru="руандийский", a_es="ruandés"),
    "MOZ": C("Maputo", en="Mozambique", fr="Mozambique", uk="Мозамбік", ru="Мозамбик", es="Mozambique",
             a_en="Mozambican", a_fr="mozambicain", a_uk="мозамбіцький", a_ru="мозамбикский",
             a_es="mozambiqueño"),
    "ZAF": C("Pretoria", en="South Africa", fr="Afrique du Sud", uk="Південна Африка|ПАР",
             ru="Южная Африка|ЮАР", es="Sudáfrica", a_en="South African", a_fr="sud-africain",
             a_uk="південноафриканський", a_ru="южноафриканский", a_es="sudafricano"),
    # ---- Asia, Oceania ------------------------------------------------------
    "AFG": C("Kabul", en="Afghanistan", fr="Afghanistan", uk="Афганістан", ru="Афганистан", es="Afganistán",
             a_en="Afghan", a_fr="afghan", a_uk="афганський|афганець", a_ru="афганский|афганец",
             a_es="afgano"),
    "PAK": C("Islamabad", en="Pakistan", fr="Pakistan", uk="Пакистан", ru="Пакистан", es="Pakistán",
             a_en="Pakistani", a_fr="pakistanais", a_uk="пакистанський|пакистанець",
             a_ru="пакистанский|пакистанец", a_es="pakistaní"),
    "IND": C("New Delhi", en="India", fr="Inde", uk="Індія", ru="Индия", es="India",
             a_en="Indian", a_fr="indien", a_uk="індійський|індієць", a_ru="индийский|индиец", a_es="indio"),
    "BGD": C("Dhaka", en="Bangladesh", fr="Bangladesh", uk="Бангладеш", ru="Бангладеш", es="Bangladés|Bangladesh",
             a_en="Bangladeshi", a_fr="bangladais", a_uk="бангладеський", a_ru="бангладешский",
             a_es="bangladesí"),
    "CHN": C("Beijing", en="China|PRC|People's Republic of China|mainland China",
             fr="Chine|RPC|République populaire de Chine", uk="Китай|КНР|Китайська Народна Республіка",
             ru="Китай|КНР|Китайская Народная Республика", es="China|RPC|República Popular China",
             a_en="Chinese", a_fr="chinois", a_uk="китайський|китаєць", a_ru="китайский|китаец", a_es="chino"),
    "TWN": C("Taipei", en="Taiwan", fr="Taïwan|Taiwan", uk="Тайвань", ru="Тайвань", es="Taiwán|Taiwan",
             a_en="Taiwanese", a_fr="taïwanais", a_uk="тайванський|тайванець", a_ru="тайваньский|тайванец",
             a_es="taiwanés"),
    "PRK": C("Pyongyang", en="North Korea|DPRK|Democratic People's Republic of Korea",
             fr="Corée du Nord|RPDC", uk="Північна Корея|КНДР", ru="Северная Корея|КНДР",
             es="Corea del Norte|RPDC", a_en="North Korean", a_fr="nord-coréen",
             a_uk="північнокорейський|північнокореєць", a_ru="северокорейский|северокореец",
             a_es="norcoreano"),
    "KOR": C("Seoul", en="South Korea|Republic of Korea|ROK", fr="Corée du Sud",
             uk="Південна Корея|Республіка Корея", ru="Южная Корея|Республика Корея", es="Corea del Sur",
             a_en="South Korean", a_fr="sud-coréen", a_uk="південнокорейський|південнокореєць",
             a_ru="южнокорейский|южнокореец", a_es="surcoreano"),
    "JPN": C("Tokyo", en="Japan", fr="Japon", uk="Японія", ru="Япония", es="Japón",
             a_en="Japanese", a_fr="japonais", a_uk="японський|японець", a_ru="японский|японец",
             a_es="japonés"),
    "MMR": C("Naypyidaw", en="Myanmar|Burma", fr="Birmanie|Myanmar", uk="М'янма|Бірма", ru="Мьянма|Бирма",
             es="Birmania|Myanmar", a_en="Burmese|Myanmar", a_fr="birman", a_uk="м'янманський|бірманський",
             a_ru="мьянманский|бирманский", a_es="birmano"),
    "THA": C("Bangkok", en="Thailand", fr="Thaïlande", uk="Таїланд|Тайланд", ru="Таиланд|Тайланд",
             es="Tailandia", a_en="Thai", a_fr="thaïlandais", a_uk="тайський|таїландський",
             a_ru="тайский|таиландский", a_es="tailandés"),
    "VNM": C("Hanoi", en="Vietnam|Viet Nam", fr="Vietnam|Viêt Nam|Viêtnam", uk="В'єтнам", ru="Вьетнам",
             es="Vietnam", a_en="Vietnamese", a_fr="vietnamien", a_uk="в'єтнамський|в'єтнамець",
             a_ru="вьетнамский|вьетнамец", a_es="vietnamita"),
    "PHL": C("Manila", en="Philippines", fr="Philippines", uk="Філіппіни", ru="Филиппины", es="Filipinas",
             a_en="Filipino|Philippine", a_fr="philippin", a_uk="філіппінський|філіппінець",
             a_ru="филиппинский|филиппинец", a_es="filipino"),
    "IDN": C("Jakarta", en="Indonesia", fr="Indonésie", uk="Індонезія", ru="Индонезия", es="Indonesia",
             a_en="Indonesian", a_fr="indonésien", a_uk="індонезійський|індонезієць",
             a_ru="индонезийский|индонезиец", a_es="indonesio"),
    "AUS": C("Canberra", en="Australia", fr="Australie", uk="Австралія", ru="Австралия", es="Australia",
             a_en="Australian", a_fr="australien", a_uk="австралійський|австралієць",
             a_ru="австралийский|австралиец", a_es="australiano"),
    # ---- Latin America, Caribbean -----------------------------------------
    "CUB": C("Havana", en="Cuba", fr="Cuba", uk="Куба", ru="Куба", es="Cuba",
             a_en="Cuban", a_fr="cubain", a_uk="кубинський|кубинець", a_ru="кубинский|кубинец", a_es="cubano"),
    "HTI": C("Port-au-Prince", en="Haiti", fr="Haïti", uk="Гаїті", ru="Гаити", es="Haití",
             a_en="Haitian", a_fr="haïtien", a_uk="гаїтянський|гаїтянин", a_ru="гаитянский|гаитянин",
             a_es="haitiano"),
    "NIC": C("Managua", en="Nicaragua", fr="Nicaragua", uk="Нікарагуа", ru="Никарагуа", es="Nicaragua",
             a_en="Nicaraguan", a_fr="nicaraguayen", a_uk="нікарагуанський", a_ru="никарагуанский",
             a_es="nicaragüense"),
    "VEN": C("Caracas", en="Venezuela", fr="Venezuela|Vénézuela", uk="Венесуела", ru="Венесуэла",
             es="Venezuela", a_en="Venezuelan", a_fr="vénézuélien", a_uk="венесуельський|венесуелець",
             a_ru="венесуэльский|венесуэлец", a_es="venezolano"),
    "COL": C("Bogotá", en="Colombia", fr="Colombie", uk="Колумбія", ru="Колумбия", es="Colombia",
             a_en="Colombian", a_fr="colombien", a_uk="колумбійський|колумбієць", a_ru="колумбийский|колумбиец",
             a_es="colombiano"),
    "ECU": C("Quito", en="Ecuador", fr="Équateur", uk="Еквадор", ru="Эквадор", es="Ecuador",
             a_en="Ecuadorian|Ecuadorean", a_fr="équatorien", a_uk="еквадорський|еквадорець",
             a_ru="эквадорский|эквадорец", a_es="ecuatoriano"),
    "PER": C("Lima", en="Peru", fr="Pérou", uk="Перу", ru="Перу", es="Perú",
             a_en="Peruvian", a_fr="péruvien", a_uk="перуанський|перуанець", a_ru="перуанский|перуанец",
             a_es="peruano"),
    # La Paz: seat of government (Sucre is the constitutional capital).
    "BOL": C("La Paz", en="Bolivia", fr="Bolivie", uk="Болівія", ru="Боливия", es="Bolivia",
             a_en="Bolivian", a_fr="bolivien", a_uk="болівійський|болівієць", a_ru="боливийский|боливиец",
             a_es="boliviano"),
    "CHL": C("Santiago", en="Chile", fr="Chili", uk="Чилі", ru="Чили", es="Chile",
             a_en="Chilean", a_fr="chilien", a_uk="чилійський|чилієць", a_ru="чилийский|чилиец", a_es="chileno"),
    "ARG": C("Buenos Aires", en="Argentina", fr="Argentine", uk="Аргентина", ru="Аргентина", es="Argentina",
             a_en="Argentine|Argentinian", a_fr="argentin", a_uk="аргентинський|аргентинець",
             a_ru="аргентинский|аргентинец", a_es="argentino"),
    "BRA": C("Brasília", en="Brazil", fr="Brésil", uk="Бразилія", ru="Бразилия", es="Brasil",
             a_en="Brazilian", a_fr="brésilien", a_uk="бразильський|бразилець", a_ru="бразильский|бразилец",
             a_es="brasileño"),
}

# Extra aliases for countries outside the hand table: older or short names
# still used in news, and forms lost to the clean-up of catalogue strings.
EXTRA = {
    "ALA": C(en="Aland Islands|Åland"),
    "BES": C(en="Bonaire, Sint Eustatius and Saba|Bonaire", fr="Pays-Bas caribéens",
             uk="Карибські Нідерланди", ru="Карибские Нидерланды", es="Caribe Neerlandés"),
    "BRN": C(en="Brunei Darussalam", fr="Brunei|Brunéi", uk="Бруней-Даруссалам", ru="Бруней",
             es="Brunéi|Brunei"),
    "CCK": C(en="Keeling Islands", fr="Îles Cocos", uk="Кокосові острови", ru="Кокосовые острова",
             es="Islas Cocos"),
    "CIV": C(en="Ivory Coast", fr="Côte d'Ivoire|Côte-d'Ivoire", es="Costa de Marfil"),
    "CPV": C(en="Cape Verde", fr="Cap-Vert", uk="Кабо-Верде", ru="Кабо-Верде", es="Cabo Verde"),
    "CZE": C(),
    "FLK": C(en="Falklands|Malvinas", fr="Malouines|Îles Malouines", uk="Фолкленди|Мальвінські острови",
             ru="Фолкленды", es="Malvinas|Islas Malvinas"),
    "FSM": C(en="Micronesia|Federated States of Micronesia", fr="Micronésie", uk="Мікронезія",
             ru="Микронезия", es="Micronesia"),
    "GGY": C(uk="Гернсі"),
    "GLP": C(es="Guadeloupe"),   # "Guadalupe" is dropped (first name, places)
    "GMB": C(en="The Gambia"),
    "GRD": C(es="Grenada"),      # "Granada" is dropped (the Spanish city)
    "HKG": C(uk="Гонконг", ru="Гонконг", fr="Hong-Kong"),
    "LAO": C(en="Laos", fr="Laos", uk="Лаос", ru="Лаос", es="Laos"),
    "MAC": C(en="Macau|Macao", fr="Macao"),
    "MAF": C(en="Saint-Martin", fr="Saint-Martin", uk="Сен-Мартен", ru="Сен-Мартен",
             es="Isla de San Martín"),
    "MKD": C(en="North Macedonia", fr="Macédoine du Nord", uk="Північна Македонія",
             ru="Северная Македония", es="Macedonia del Norte"),
    "MUS": C(fr="île Maurice", es="isla Mauricio"),
    "NLD": C(),
    "PCN": C(en="Pitcairn Islands|Pitcairn", fr="Pitcairn", uk="Острови Піткерн", ru="Острова Питкэрн"),
    "REU": C(en="Reunion", fr="La Réunion|île de la Réunion", es="Isla de la Reunión"),
    "STP": C(en="Sao Tome and Principe|São Tomé", fr="São Tomé-et-Príncipe"),
    "SWZ": C(en="Swaziland", fr="Swaziland", uk="Свазіленд", ru="Свазиленд", es="Suazilandia"),
    "SXM": C(en="Sint Maarten", fr="Sint Maarten", uk="Сінт-Мартен", ru="Синт-Мартен", es="Sint Maarten"),
    "TLS": C(en="East Timor", fr="Timor-Leste", uk="Тимор-Лешті", ru="Тимор-Лесте", es="Timor-Leste"),
    "TZA": C(en="Tanzania", fr="Tanzanie", uk="Танзанія", ru="Танзания", es="Tanzania"),
    "UMI": C(fr="Îles mineures éloignées des États-Unis"),
    "VAT": C(en="Vatican|Holy See|Vatican City State", fr="Vatican|Saint-Siège", uk="Ватикан",
             ru="Ватикан|Святой Престол", es="Vaticano|Santa Sede"),
    "VGB": C(fr="Îles Vierges britanniques", uk="Британські Віргінські острови",
             ru="Британские Виргинские острова", es="Islas Vírgenes Británicas"),
    "VIR": C(en="US Virgin Islands", fr="Îles Vierges des États-Unis", uk="Американські Віргінські острови",
             ru="Американские Виргинские острова", es="Islas Vírgenes de los Estados Unidos"),
}

# --------------------------------------------------------------------------
# Demonyms of the countries and territories outside the hand table, in the
# same form: adjectives in dictionary form (masculine singular), then the noun
# for a person where it differs (English "Icelander", Ukrainian "ісландець",
# Russian "исландец"). A form shared by two countries is given to one only
# ("Dominican" to the Dominican Republic, not to Dominica; "Congolese" to the
# DRC), and a form that is also a common word or a place elsewhere is left
# out (Spanish "granadino").
# --------------------------------------------------------------------------
DEMONYMS = {
    # ---- Europe -----------------------------------------------------------
    "ALB": C(a_en="Albanian", a_fr="albanais", a_uk="албанський|албанець", a_ru="албанский|албанец",
             a_es="albanés"),
    "AND": C(a_en="Andorran", a_fr="andorran", a_uk="андоррський|андоррець", a_ru="андоррский|андоррец",
             a_es="andorrano"),
    "CYP": C(a_en="Cypriot|Greek Cypriot|Turkish Cypriot", a_fr="chypriote|cypriote", a_uk="кіпрський|кіпріот",
             a_ru="кипрский|киприот", a_es="chipriota"),
    "ISL": C(a_en="Icelandic|Icelander", a_fr="islandais", a_uk="ісландський|ісландець",
             a_ru="исландский|исландец", a_es="islandés"),
    "LIE": C(a_en="Liechtensteiner", a_fr="liechtensteinois", a_uk="ліхтенштейнський|ліхтенштейнець",
             a_ru="лихтенштейнский|лихтенштейнец", a_es="liechtensteiniano"),
    "LUX": C(a_en="Luxembourgish|Luxembourger", a_fr="luxembourgeois", a_uk="люксембурзький|люксембуржець",
             a_ru="люксембургский|люксембуржец", a_es="luxemburgués"),
    "MLT": C(a_en="Maltese", a_fr="maltais", a_uk="мальтійський|мальтієць", a_ru="мальтийский|мальтиец",
             a_es="maltés"),
    "MCO": C(a_en="Monegasque|Monégasque", a_fr="monégasque", a_uk="монакський|монегаск",
             a_ru="монакский|монегаск", a_es="monegasco"),
    "MNE": C(a_en="Montenegrin", a_fr="monténégrin", a_uk="чорногорський|чорногорець",
             a_ru="черногорский|черногорец", a_es="montenegrino"),
    "MKD": C(a_en="North Macedonian|Macedonian", a_fr="macédonien|nord-macédonien",
             a_uk="північномакедонський|македонський|македонець",
             a_ru="северомакедонский|македонский|македонец", a_es="macedonio|normacedonio"),
    "SMR": C(a_en="Sammarinese", a_fr="saint-marinais", a_uk="сан-маринський|санмаринець",
             a_ru="сан-маринский|санмаринец", a_es="sanmarinense"),
    "SVN": C(a_en="Slovenian|Slovene", a_fr="slovène", a_uk="словенський|словенець", a_ru="словенский|словенец",
             a_es="esloveno"),
    "VAT": C(a_en="Vatican", a_fr="vatican", a_uk="ватиканський", a_ru="ватиканский", a_es="vaticano"),
    "XKX": C(a_en="Kosovar|Kosovan", a_fr="kosovar", a_uk="косовський|косовар", a_ru="косовский|косовар",
             a_es="kosovar"),
    "GRL": C(a_en="Greenlandic|Greenlander", a_fr="groenlandais", a_uk="гренландський|гренландець",
             a_ru="гренландский|гренландец", a_es="groenlandés"),
    "FRO": C(a_en="Faroese", a_fr="féroïen", a_uk="фарерський|фаререць", a_ru="фарерский|фаререц",
             a_es="feroés"),
    "GIB": C(a_en="Gibraltarian", a_fr="gibraltarien", a_uk="гібралтарський", a_ru="гибралтарский",
             a_es="gibraltareño"),
    "IMN": C(a_en="Manx", a_fr="mannois"),
    # ---- Former Soviet Union ----------------------------------------------
    "TKM": C(a_en="Turkmen|Turkmenistani", a_fr="turkmène", a_uk="туркменський|туркменістанський|туркмен",
             a_ru="туркменский|туркменистанский|туркмен", a_es="turcomano|turkmeno"),
    # ---- Africa -----------------------------------------------------------
    "AGO": C(a_en="Angolan", a_fr="angolais", a_uk="ангольський|анголець", a_ru="ангольский|анголец",
             a_es="angoleño"),
    "BEN": C(a_en="Beninese", a_fr="béninois", a_uk="бенінський|бенінець", a_ru="бенинский|бенинец",
             a_es="beninés"),
    "BWA": C(a_en="Botswanan|Motswana|Batswana", a_fr="botswanais", a_uk="ботсванський|ботсванець",
             a_ru="ботсванский|ботсванец", a_es="botsuano"),
    "BDI": C(a_en="Burundian", a_fr="burundais", a_uk="бурундійський|бурундієць", a_ru="бурундийский|бурундиец",
             a_es="burundés"),
    "CMR": C(a_en="Cameroonian", a_fr="camerounais", a_uk="камерунський|камерунець", a_ru="камерунский|камерунец",
             a_es="camerunés"),
    "CPV": C(a_en="Cape Verdean|Cabo Verdean", a_fr="cap-verdien", a_uk="кабовердійський|кабовердієць",
             a_ru="кабовердианский|кабовердиец", a_es="caboverdiano"),
    "COM": C(a_en="Comorian", a_fr="comorien", a_uk="коморський", a_ru="коморский", a_es="comorense"),
    "CIV": C(a_en="Ivorian", a_fr="ivoirien", a_uk="івуарійський|івуарієць", a_ru="ивуарийский|ивуариец",
             a_es="marfileño|ivoriano|marfilense"),
    "DJI": C(a_en="Djiboutian", a_fr="djiboutien", a_uk="джибутійський|джибутієць", a_ru="джибутийский|джибутиец",
             a_es="yibutiano"),
    "GNQ": C(a_en="Equatorial Guinean|Equatoguinean", a_fr="équato-guinéen", a_uk="екваторіальногвінейський",
             a_ru="экваториальногвинейский", a_es="ecuatoguineano"),
    "SWZ": C(a_en="Swazi|Eswatini", a_fr="swazi|eswatinien", a_uk="есватінський|свазілендський|свазі",
             a_ru="эсватинийский|свазилендский|свази", a_es="suazi|esuatiní"),
    "GAB": C(a_en="Gabonese", a_fr="gabonais", a_uk="габонський|габонець", a_ru="габонский|габонец",
             a_es="gabonés"),
    "GMB": C(a_en="Gambian", a_fr="gambien", a_uk="гамбійський|гамбієць", a_ru="гамбийский|гамбиец",
             a_es="gambiano"),
    "GHA": C(a_en="Ghanaian", a_fr="ghanéen", a_uk="ганський|ганець", a_ru="ганский|ганец", a_es="ghanés"),
    "GIN": C(a_en="Guinean", a_fr="guinéen", a_uk="гвінейський|гвінеєць", a_ru="гвинейский|гвинеец",
             a_es="guineano"),
    "GNB": C(a_en="Bissau-Guinean", a_fr="bissau-guinéen", a_es="bisauguineano"),
    "LSO": C(a_en="Basotho|Mosotho", a_fr="lésothien", a_uk="лесотський", a_ru="лесотский", a_es="lesotense"),
    "LBR": C(a_en="Liberian", a_fr="libérien", a_uk="ліберійський|ліберієць", a_ru="либерийский|либериец",
             a_es="liberiano"),
    "MDG": C(a_en="Malagasy", a_fr="malgache", a_uk="мадагаскарський|малагасійський|малагасієць",
             a_ru="мадагаскарский|малагасийский|малагасиец", a_es="malgache"),
    "MWI": C(a_en="Malawian", a_fr="malawite|malawien", a_uk="малавійський|малавієць", a_ru="малавийский|малавиец",
             a_es="malauí|malawiano"),
    "MRT": C(a_en="Mauritanian", a_fr="mauritanien", a_uk="мавританський|мавританець",
             a_ru="мавританский|мавританец", a_es="mauritano"),
    "MUS": C(a_en="Mauritian", a_fr="mauricien", a_uk="маврикійський|маврикієць", a_ru="маврикийский|маврикиец",
             a_es="mauriciano"),
    "NAM": C(a_en="Namibian", a_fr="namibien", a_uk="намібійський|намібієць", a_ru="намибийский|намибиец",
             a_es="namibio"),
    "STP": C(a_en="Santomean|São Toméan", a_fr="santoméen", a_es="santotomense"),
    "SEN": C(a_en="Senegalese", a_fr="sénégalais", a_uk="сенегальський|сенегалець", a_ru="сенегальский|сенегалец",
             a_es="senegalés"),
    "SYC": C(a_en="Seychellois", a_fr="seychellois", a_uk="сейшельський", a_ru="сейшельский", a_es="seychellense"),
    "SLE": C(a_en="Sierra Leonean", a_fr="sierra-léonais|sierraléonais", a_uk="сьєрра-леонський",
             a_ru="сьерра-леонский", a_es="sierraleonés"),
    "TZA": C(a_en="Tanzanian", a_fr="tanzanien", a_uk="танзанійський|танзанієць", a_ru="танзанийский|танзаниец",
             a_es="tanzano"),
    "TGO": C(a_en="Togolese", a_fr="togolais", a_uk="тоголезький|тоголезець", a_ru="тоголезский|тоголезец",
             a_es="togolés"),
    "UGA": C(a_en="Ugandan", a_fr="ougandais", a_uk="угандійський|угандієць", a_ru="угандийский|угандиец",
             a_es="ugandés"),
    "ZMB": C(a_en="Zambian", a_fr="zambien", a_uk="замбійський|замбієць", a_ru="замбийский|замбиец",
             a_es="zambiano"),
    "ZWE": C(a_en="Zimbabwean", a_fr="zimbabwéen", a_uk="зімбабвійський|зімбабвієць",
             a_ru="зимбабвийский|зимбабвиец", a_es="zimbabuense"),
    "ESH": C(a_en="Sahrawi|Saharawi|Western Saharan", a_fr="sahraoui", a_uk="західносахарський",
             a_ru="западносахарский", a_es="saharaui"),
    "REU": C(a_en="Réunionese|Reunionese", a_fr="réunionnais", a_es="reunionés"),
    "MYT": C(a_en="Mahoran", a_fr="mahorais"),
    # ---- Asia, Oceania ----------------------------------------------------
    "BTN": C(a_en="Bhutanese", a_fr="bhoutanais", a_uk="бутанський|бутанець", a_ru="бутанский|бутанец",
             a_es="butanés"),
    "BRN": C(a_en="Bruneian", a_fr="brunéien", a_uk="брунейський|брунеєць", a_ru="брунейский|брунеец",
             a_es="bruneano"),
    "KHM": C(a_en="Cambodian", a_fr="cambodgien", a_uk="камбоджійський|камбоджієць",
             a_ru="камбоджийский|камбоджиец", a_es="camboyano"),
    "LAO": C(a_en="Laotian", a_fr="laotien", a_uk="лаоський|лаосець", a_ru="лаосский|лаосец", a_es="laosiano"),
    "MYS": C(a_en="Malaysian", a_fr="malaisien", a_uk="малайзійський|малайзієць", a_ru="малайзийский|малайзиец",
             a_es="malasio"),
    "MDV": C(a_en="Maldivian", a_fr="maldivien", a_uk="мальдівський|мальдівець", a_ru="мальдивский|мальдивец",
             a_es="maldivo"),
    "MNG": C(a_en="Mongolian", a_fr="mongol", a_uk="монгольський|монгол", a_ru="монгольский|монгол",
             a_es="mongol"),
    "NPL": C(a_en="Nepali|Nepalese", a_fr="népalais", a_uk="непальський|непалець", a_ru="непальский|непалец",
             a_es="nepalí|nepalés"),
    "SGP": C(a_en="Singaporean", a_fr="singapourien", a_uk="сингапурський|сингапурець",
             a_ru="сингапурский|сингапурец", a_es="singapurense"),
    "LKA": C(a_en="Sri Lankan", a_fr="sri-lankais|srilankais", a_uk="шрі-ланкійський|шриланкієць",
             a_ru="шри-ланкийский|шриланкиец", a_es="esrilanqués|srilanqués|ceilandés"),
    "TLS": C(a_en="Timorese|East Timorese", a_fr="timorais|est-timorais", a_uk="східнотиморський",
             a_ru="восточнотиморский", a_es="timorense"),
    "HKG": C(a_en="Hong Kong|Hongkonger|Hong Konger", a_fr="hongkongais", a_uk="гонконзький",
             a_ru="гонконгский|гонконгец", a_es="hongkonés"),
    "MAC": C(a_en="Macanese", a_fr="macanais", a_es="macaense"),
    "NZL": C(a_en="New Zealand|New Zealander", a_fr="néo-zélandais", a_uk="новозеландський|новозеландець",
             a_ru="новозеландский|новозеландец", a_es="neozelandés"),
    "PNG": C(a_en="Papua New Guinean", a_fr="papouan-néo-guinéen", a_uk="папуа-новогвінейський",
             a_ru="папуа-новогвинейский", a_es="papú|papuano"),
    "FJI": C(a_en="Fijian", a_fr="fidjien", a_uk="фіджійський|фіджієць", a_ru="фиджийский|фиджиец",
             a_es="fiyiano"),
    "SLB": C(a_en="Solomon Islander", a_fr="salomonais", a_es="salomonense"),
    "VUT": C(a_en="Ni-Vanuatu", a_fr="vanuatais", a_uk="вануатський", a_ru="вануатский", a_es="vanuatuense"),
    "WSM": C(a_en="Samoan", a_fr="samoan", a_uk="самоанський|самоанець", a_ru="самоанский|самоанец",
             a_es="samoano"),
    "ASM": C(a_en="American Samoan"),
    "TON": C(a_en="Tongan", a_fr="tongien", a_uk="тонганський", a_ru="тонганский", a_es="tongano"),
    "TUV": C(a_en="Tuvaluan", a_fr="tuvaluan", a_uk="тувалуанський", a_ru="тувалуанский", a_es="tuvaluano"),
    "KIR": C(a_en="I-Kiribati", a_fr="kiribatien", a_uk="кірибатійський", a_ru="кирибатийский",
             a_es="kiribatiano"),
    "NRU": C(a_en="Nauruan", a_fr="nauruan", a_uk="науруанський", a_ru="науруанский", a_es="nauruano"),
    "PLW": C(a_en="Palauan", a_fr="palaois|paluan", a_uk="палауський", a_ru="палауский", a_es="palauano"),
    "FSM": C(a_en="Micronesian", a_fr="micronésien", a_uk="мікронезійський|мікронезієць",
             a_ru="микронезийский|микронезиец", a_es="micronesio"),
    "MHL": C(a_en="Marshallese", a_fr="marshallais", a_es="marshalés"),
    "NCL": C(a_en="New Caledonian", a_fr="néo-calédonien|calédonien", a_uk="новокаледонський",
             a_ru="новокаледонский", a_es="neocaledonio"),
    "PYF": C(a_en="French Polynesian", a_fr="polynésien", a_es="polinesio"),
    "GUM": C(a_en="Guamanian", a_fr="guamien", a_uk="гуамський", a_ru="гуамский", a_es="guameño"),
    # ---- Latin America, Caribbean -----------------------------------------
    "ATG": C(a_en="Antiguan|Barbudan", a_fr="antiguais", a_uk="антигуанський", a_ru="антигуанский",
             a_es="antiguano"),
    "BHS": C(a_en="Bahamian", a_fr="bahaméen", a_uk="багамський|багамець", a_ru="багамский|багамец",
             a_es="bahameño"),
    "BRB": C(a_en="Barbadian|Bajan", a_fr="barbadien", a_uk="барбадоський|барбадосець",
             a_ru="барбадосский|барбадосец", a_es="barbadense"),
    "BLZ": C(a_en="Belizean", a_fr="bélizien", a_uk="белізький|белізець", a_ru="белизский|белизец",
             a_es="beliceño"),
    "CRI": C(a_en="Costa Rican", a_fr="costaricien|costaricain", a_uk="костариканський|костариканець",
             a_ru="костариканский|костариканец", a_es="costarricense"),
    "DMA": C(a_fr="dominiquais", a_es="dominiqués"),
    "DOM": C(a_en="Dominican", a_fr="dominicain", a_uk="домініканський|домініканець",
             a_ru="доминиканский|доминиканец", a_es="dominicano"),
    "SLV": C(a_en="Salvadoran|Salvadorean", a_fr="salvadorien", a_uk="сальвадорський|сальвадорець",
             a_ru="сальвадорский|сальвадорец", a_es="salvadoreño"),
    "GRD": C(a_en="Grenadian", a_fr="grenadien", a_uk="гренадський", a_ru="гренадский"),
    "GTM": C(a_en="Guatemalan", a_fr="guatémaltèque", a_uk="гватемальський|гватемалець",
             a_ru="гватемальский|гватемалец", a_es="guatemalteco"),
    "GUY": C(a_en="Guyanese", a_fr="guyanien", a_uk="гаянський|гаянець", a_ru="гайанский|гайанец",
             a_es="guyanés"),
    "HND": C(a_en="Honduran", a_fr="hondurien", a_uk="гондураський|гондурасець", a_ru="гондурасский|гондурасец",
             a_es="hondureño"),
    "JAM": C(a_en="Jamaican", a_fr="jamaïcain", a_uk="ямайський|ямаєць", a_ru="ямайский|ямаец",
             a_es="jamaicano|jamaiquino"),
    "KNA": C(a_en="Kittitian|Nevisian", a_fr="kittitien"),
    "LCA": C(a_en="Saint Lucian|St Lucian", a_fr="saint-lucien", a_uk="сент-люсійський", a_ru="сент-люсийский",
             a_es="santalucense"),
    "VCT": C(a_en="Vincentian", a_fr="vincentais|saint-vincentais"),
    "PAN": C(a_en="Panamanian", a_fr="panaméen", a_uk="панамський|панамець", a_ru="панамский|панамец",
             a_es="panameño"),
    "PRY": C(a_en="Paraguayan", a_fr="paraguayen", a_uk="парагвайський|парагваєць", a_ru="парагвайский|парагваец",
             a_es="paraguayo"),
    "SUR": C(a_en="Surinamese|Surinamer", a_fr="surinamais|surinamien", a_uk="суринамський|суринамець",
             a_ru="суринамский|суринамец", a_es="surinamés"),
    "TTO": C(a_en="Trinidadian|Tobagonian|Trinbagonian", a_fr="trinidadien", a_uk="тринідадський",
             a_ru="тринидадский", a_es="trinitense"),
    "URY": C(a_en="Uruguayan", a_fr="uruguayen", a_uk="уругвайський|уругваєць", a_ru="уругвайский|уругваец",
             a_es="uruguayo"),
    "PRI": C(a_en="Puerto Rican", a_fr="portoricain", a_uk="пуерториканський|пуерториканець",
             a_ru="пуэрто-риканский|пуэрториканский|пуэрториканец", a_es="puertorriqueño|boricua"),
    "BMU": C(a_en="Bermudian", a_fr="bermudien", a_uk="бермудський", a_ru="бермудский", a_es="bermudeño"),
    "CYM": C(a_en="Caymanian", a_fr="caïmanais"),
    "ABW": C(a_en="Aruban", a_fr="arubais", a_uk="арубський", a_ru="арубский", a_es="arubeño"),
    "CUW": C(a_en="Curaçaoan", a_es="curazoleño"),
    "GLP": C(a_en="Guadeloupean", a_fr="guadeloupéen"),
    "MTQ": C(a_en="Martinican", a_fr="martiniquais", a_es="martiniqués"),
    "GUF": C(a_en="French Guianese|French Guianan", a_fr="guyanais"),
    "FLK": C(a_en="Falkland Islander|Falklander", a_fr="falklandais", a_es="malvinense"),
}

# Countries outside ISO 3166-1 that news names as states, under the user-assigned
# code the gazetteer gives them (Kosovo: XKX, the code of the EU and the IMF).
NON_ISO = {
    "XKX": ("Kosovo", C("Pristina", en="Kosovo|Republic of Kosovo", fr="Kosovo|République du Kosovo",
                        uk="Косово|Республіка Косово", ru="Косово|Республика Косово",
                        es="Kosovo|República de Kosovo")),
}

# --------------------------------------------------------------------------

_PREP_END = re.compile(r"(?:\s(?:de|du|del|de la|of|of the)|\sd')$")
_ISLANDS = {"Îles", "Île", "Île de la", "Islas", "Isla"}
_CONJ = re.compile(r"\s(?:and|et|y|і|и)\s")


def _uninvert(form: str, lang: str) -> str | None:
    """Put a catalogue form "X, Y of" back in running-text order, or drop it."""
    head, _, tail = form.partition(", ")
    if _PREP_END.search(tail):
        out = tail + ("" if tail.endswith("'") else " ") + head
    elif tail in _ISLANDS:
        out = f"{tail} {head}"
    elif _CONJ.search(tail):
        return form  # a real list: "Bonaire, Sint Eustatius and Saba"
    elif lang == "uk" and tail[:1].isupper():
        out = f"{tail} {head}"  # "Палестина, Держава" -> "Держава Палестина"
    else:
        return None
    if out.startswith("The "):
        out = out[4:]
    return out[:1].upper() + out[1:]


def _clean(form: str, lang: str) -> list[str]:
    """Clean one raw name into zero or more running-text aliases."""
    form = unicodedata.normalize("NFC", form.replace("\u0301", "")).strip()
    if form in FIX:
        fixed = FIX[form]
        return list(fixed) if fixed else []
    if form.startswith("the "):
        form = form[4:]
    if "(" in form:
        return []
    if ", " in form:
        out = _uninvert(form, lang)
        return [out] if out else []
    return [form[:1].upper() + form[1:]]


def _variants(form: str, lang: str) -> list[str]:
    """Spelling variants of one alias seen in news: apostrophes, ё/е, É/E."""
    out = [form]
    if "'" in form or "’" in form or "ʼ" in form:
        marks = ["'", "’", "ʼ"] if lang == "uk" else ["'", "’"]
        base = form.replace("’", "'").replace("ʼ", "'")
        out += [base.replace("'", m) for m in marks]
    if lang == "ru":
        out += [f.replace("ё", "е").replace("Ё", "Е") for f in list(out)]
    if lang == "fr":
        out += [f[0].translate(str.maketrans("ÉÎÊ", "EIE")) + f[1:] for f in list(out)]
    return out


def _dedup(forms: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for form in forms:
        key = form.casefold()
        if key not in seen:
            seen.add(key)
            out.append(form)
    return out


def build() -> list[dict]:
    catalogues = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
                  for lang in LANGS if lang != "en"}
    entries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        a3 = country.alpha_3
        raw = [getattr(country, key, None) for key in ("common_name", "name", "official_name")]
        raw = [r for r in raw if r]
        name = NAME.get(a3) or _clean(raw[0], "en")[0]
        hand = HAND.get(a3) or EXTRA.get(a3) or C()
        extra = EXTRA.get(a3) if a3 in HAND else None
        aliases = {}
        for lang in LANGS:
            forms = [name] if lang == "en" else []
            forms += hand["aliases"][lang] + (extra["aliases"][lang] if extra else [])
            for r in raw:
                if lang == "en":
                    forms += _clean(r, lang)
                elif r in catalogues[lang]._catalog:  # translated, not an English fallback
                    forms += _clean(catalogues[lang].gettext(r), lang)
            drop = {d.casefold() for d in DROP.get(lang, {}).get(a3, set())}
            forms = [f for f in forms if f.casefold() not in drop]
            forms = _dedup([v for f in forms for v in _variants(f, lang)])
            aliases[lang] = forms
        entry = {
            "id": f"cty/{a3}",
            "name": name,
            "kind": "country",
            "country": a3,
            "sector": "GOV",
        }
        if a3 in HAND and HAND[a3]["capital"]:
            entry["capital"] = HAND[a3]["capital"]
        entry["aliases"] = aliases
        if a3 in HAND and any(HAND[a3]["adjectives"].values()):
            entry["adjectives"] = {lang: HAND[a3]["adjectives"][lang] for lang in LANGS}
        elif a3 in DEMONYMS:
            entry["adjectives"] = {lang: DEMONYMS[a3]["adjectives"][lang] for lang in LANGS}
        entries.append(entry)
    for a3, (name, row) in NON_ISO.items():
        entry = {"id": f"cty/{a3}", "name": name, "kind": "country", "country": a3, "sector": "GOV"}
        if row["capital"]:
            entry["capital"] = row["capital"]
        entry["aliases"] = {lang: _dedup([v for f in row["aliases"][lang] for v in _variants(f, lang)])
                            for lang in LANGS}
        if a3 in DEMONYMS:
            entry["adjectives"] = {lang: DEMONYMS[a3]["adjectives"][lang] for lang in LANGS}
        entries.append(entry)
    entries.sort(key=lambda e: e["id"])
    _check(entries)
    return entries


def _check(entries: list[dict]) -> None:
    problems = []
    owner: dict[tuple[str, str], str] = {}
    for e in entries:
        if e["name"] not in e["aliases"]["en"]:
            problems.append(f"{e['id']}: canonical name not an alias")
        for lang in LANGS:
            if not e["aliases"][lang]:
                problems.append(f"{e['id']}: no {lang} alias")
            for form in e["aliases"][lang]:
                if form in METONYMS or form == e.get("capital"):
                    problems.append(f"{e['id']}: capital/metonym {form!r} listed as alias")
                key = (lang, form.casefold())
                if key in owner and owner[key] != e["id"]:
                    problems.append(f"{lang} alias {form!r} on both {owner[key]} and {e['id']}")
                owner[key] = e["id"]
    for a3, row in HAND.items():
        if pycountry.countries.get(alpha_3=a3) is None:
            problems.append(f"hand table: unknown code {a3}")
    for a3 in DEMONYMS:
        if a3 in HAND:
            problems.append(f"demonym table: {a3} is in the hand table")
        elif pycountry.countries.get(alpha_3=a3) is None and a3 not in NON_ISO:
            problems.append(f"demonym table: unknown code {a3}")
    demonym_owner: dict[tuple[str, str], str] = {}
    for e in entries:
        for lang, forms in e.get("adjectives", {}).items():
            for form in forms:
                key = (lang, form.casefold())
                if key in demonym_owner and demonym_owner[key] != e["id"]:
                    problems.append(f"{lang} demonym {form!r} on both {demonym_owner[key]} and {e['id']}")
                demonym_owner[key] = e["id"]
    if problems:
        raise SystemExit("countries.yaml not built:\n  " + "\n  ".join(problems))


HEADER = """\
# Countries of ISO 3166-1, and Kosovo (XKX), one actor entry each (kind
# country, sector GOV).
# GENERATED by scripts/build_countries.py from pycountry and the tables in
# that script. Do not edit by hand: change the script and run it again.
#
# aliases: names in running text per language. adjectives: demonym
# adjectives and nouns in dictionary form (masculine singular). capital:
# English name of the capital, for metonymy ("Moscow said"); capitals are
# never aliases.
"""


def dump(entries: list[dict]) -> str:
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False,
                          default_flow_style=None, width=4096)
    body = body.replace("\n- id: ", "\n\n- id: ")
    return HEADER + "\n" + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the file is up to date")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    text = dump(build())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date; run scripts/build_countries.py", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(yaml.safe_load(text))} countries to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
