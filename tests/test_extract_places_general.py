"""Places anywhere in the world: Russian names that are not romanisations of the English one,
other spellings, region forms, and the derivation rules that choose them (issue 5)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from rightsledger.extract import PlaceClaim, extract_text
from rightsledger.extract.places import find_places

DERIVE = Path(__file__).resolve().parents[1] / "scripts" / "derive_gazetteer.py"


def names(text: str) -> list[str]:
    return [claim.name for claim in find_places(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The usual Russian name is not a romanisation of GeoNames' English one.
        ("Его задержали в Каире.", "Cairo"),
        ("Их вывезли из Кишинёва.", "Chisinau"),
        ("Лагерь находится под Могилёвом.", "Mahilyow"),
        ("Суд прошёл в Гомеле.", "Homyel'"),
        ("Делегация прилетела в Пекин.", "Beijing"),
        ("Задержания прошли в Сухуме.", "Sokhumi"),
        # Transcriptions from Chinese read little like pinyin: the lone Russian spelling wins.
        ("Завод в Цзыбо закрыли.", "Zibo"),
        # Hyphenated and multi-word names, declined.
        ("Бои шли под Мазари-Шарифом.", "Mazār-e Sharīf"),
        ("Беженцы бежали из Эль-Фашера.", "El Fasher"),
        ("Митинг прошёл в Горни-Милановаце.", "Gornji Milanovac"),
        # Countries in Russian for the whole world, not only the neighbours.
        ("Он вернулся из Аргентины.", "Argentina"),
        ("Выборы в Демократической Республике Конго отложены.", "Democratic Republic of the Congo"),
        # Regions with adjectives the dictionary does not know.
        ("Его задержали в Андижанской области.", "Andijan Region"),
        ("Рыбаков задержали в Мангистауской области.", "Mangystau Region"),
        # A Caucasus village GeoNames gives no Cyrillic name for, after a preposition.
        ("Его задержали в селе Цаккар.", "Tsakkar"),
        ("Их вывезли из Цаккара.", "Tsakkar"),
    ],
)
def test_russian_names_worldwide(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fighting was reported near Mazar-i-Sharif.", "Mazār-e Sharīf"),
        ("He was deported to Riyad.", "Riyadh"),
        ("The embassy in Teheran declined to comment.", "Tehran"),
        ("A protest took place in Ávila.", "Ávila"),
        ("Detainees in Diyarbakir went on hunger strike.", "Diyarbakır"),
        ("He was held in Tskhinvali.", "Ts’khinvali"),
        ("Shelling hit villages in the Lugansk region.", "Luhansk Oblast"),
        ("Shelling hit villages in the Zaporozhye region.", "Zaporizhzhia Oblast"),
        ("He was detained in the Andijan province.", "Andijan Region"),
        ("Refugees arrived from East Timor.", "Timor Leste"),
    ],
)
def test_english_spellings(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bolder action is needed, the activists said.",
        "Conception of the plan began in March last year.",
        "Caroline Smith, a lawyer, said the trial was unfair.",
        "From 2019 the group documented forty cases.",
        "Того же мнения придерживаются и другие.",
        "Цаккар рассказал о допросе.",
    ],
)
def test_words_and_names_are_not_places(text: str) -> None:
    assert names(text) in ([], ["March"])  # "March" is an English town, as before


def test_country_that_is_a_pronoun_needs_a_preposition() -> None:
    assert names("Он уехал в Того.") == ["Togo"]


@pytest.fixture(scope="module")
def derive() -> ModuleType:
    spec = importlib.util.spec_from_file_location("derive_gazetteer", DERIVE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["derive_gazetteer"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "russian"),
    [
        ("Сухум", True),
        ("Пинар-дель-Рио", True),
        ("Стоктон-он-Тис", True),
        ("Гомељ", False),  # Serbian
        ("Дзъбо", False),  # Bulgarian ъ as a vowel
        ("Кайеннæ", False),  # Ossetian
        ("Будапешт ош", False),  # another language's word for "city"
        ("Ель-Фашир", False),  # Ukrainian article
        ("Мінськ", False),
    ],
)
def test_russian_spelling(derive: ModuleType, name: str, russian: bool) -> None:
    assert derive.is_russian_spelling(name) is russian


def test_russian_name_is_chosen_over_other_languages(derive: ModuleType) -> None:
    cairo = ["Cairo", "El Cairo", "Каир", "Каиро", "Кайро", "Каїр"]
    assert derive.russian_names("Cairo", cairo)[0] == "Каир"
    homyel = ["Gomel", "Homel", "Гомел", "Гомель", "Гомељ", "Гомєль"]
    assert derive.russian_names("Homyel'", homyel)[0] == "Гомель"
    sao_paulo = ["Sao Paulo", "San-Paulu", "Сан Пауло", "Сан-Паулу", "Сао Пауло"]
    assert derive.russian_names("São Paulo", sao_paulo)[0] == "Сан-Паулу"
    # nothing Russian-spelled: no name rather than a Bulgarian one
    assert derive.russian_names("Zibo", ["Zibo", "Дзъбо"]) == []


def test_cyrillic_guess_for_caucasus_villages(derive: ModuleType) -> None:
    assert derive.cyrillic_guess("Tsovasar", "AM") == "Цовасар"
    assert derive.cyrillic_guess("Diok’nisi", "GE") == "Диокниси"
    assert derive.cyrillic_guess("Hovtashat", "AM") == "Овташат"
    assert derive.cyrillic_guess("Qaraçala", "AZ") == "Гарачала"
    assert derive.cyrillic_guess("Verin Ptghni", "AM") == "Верин Птгни"


def test_english_variants_skip_words_and_other_endings(derive: ModuleType) -> None:
    alternates = ["Mazar-i-Sharif", "Mazar-e Sharif", "MZR", "Mazari Sharif", "mzar shryf"]
    variants = derive.english_variants("Mazār-e Sharīf", "", alternates, "AF", 500_000)
    assert "Mazar-i-Sharif" in variants.split("|")
    assert "MZR" not in variants
    # a stem with another ending reads as a given name
    assert derive.english_variants("Trento", "", ["Trent", "Trient"], "IT", 120_000) == "Trento"
    # small towns far away keep their one name
    assert derive.english_variants("Frome", "", ["From"], "GB", 26_000) == "Frome"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The NER takes an unknown word for a person; the dictionary knows no such name.
        ("По словам жителей, Айгешат остаётся без воды.", "Aygeshat"),
        # A given name stays a person.
        ("Зелимхан рассказал журналистам о допросе.", None),
        ("По словам матери, Беслан был задержан.", None),
    ],
)
def test_a_word_the_ner_took_for_a_person(text: str, place: str | None) -> None:
    found = [c.name for c in extract_text(text).claims if isinstance(c, PlaceClaim)]
    assert found == ([place] if place else [])
