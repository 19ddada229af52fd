"""Places from the shipped gazetteer, through Russian declension, without substring hits."""

from __future__ import annotations

import pytest

from rightsledger.extract import PlaceClaim, extract_text
from rightsledger.extract.gazetteer import load
from rightsledger.extract.places import find_places


def places(text: str) -> list[PlaceClaim]:
    return [c for c in extract_text(text).claims if isinstance(c, PlaceClaim)]


@pytest.mark.parametrize(
    ("text", "surface", "name", "original", "country", "admin1"),
    [
        ("Задержания прошли в Грозном.", "Грозном", "Grozny", "Грозный", "RU", "Chechnya"),
        ("Его увезли в Аргун.", "Аргун", "Argun", "Аргун", "RU", "Chechnya"),
        (
            "Жители Урус-Мартана жалуются.",
            "Урус-Мартана",
            "Urus-Martan",
            "Урус-Мартан",
            "RU",
            "Chechnya",
        ),
        (
            "в Нижнем Новгороде",
            "Нижнем Новгороде",
            "Nizhniy Novgorod",
            "Нижний Новгород",
            "RU",
            "Nizhny Novgorod Oblast",
        ),
        (
            "в Северной Осетии",
            "Северной Осетии",
            "North Ossetia",
            "Северная Осетия",
            "RU",
            "North Ossetia",
        ),
        (
            "в Кабардино-Балкарии",
            "Кабардино-Балкарии",
            "Kabardino-Balkaria",
            "Кабардино-Балкария",
            "RU",
            "Kabardino-Balkaria",
        ),
        ("Men were held in Grozny.", "Grozny", "Grozny", "Grozny", "RU", "Chechnya"),
        (
            "a shelter in St Petersburg",
            "St Petersburg",
            "Saint Petersburg",
            "Saint Petersburg",
            "RU",
            None,
        ),
        (
            "a village near Vladikavkaz",
            "Vladikavkaz",
            "Vladikavkaz",
            "Vladikavkaz",
            "RU",
            "North Ossetia",
        ),
    ],
)
def test_places_resolve_to_the_gazetteer(
    text: str, surface: str, name: str, original: str, country: str, admin1: str | None
) -> None:
    (claim,) = places(text)
    assert claim.text == surface
    assert text[claim.start : claim.end] == surface
    assert (claim.name, claim.name_original, claim.country_code) == (name, original, country)
    if admin1 is not None:
        assert claim.admin1 == admin1
    assert claim.gazetteer_id.startswith(("geonames:", "admin1:"))


def test_countries_and_regions() -> None:
    found = {
        (c.name, c.country_code, c.to_json()["place_type"])
        for c in places("Refugees from Chechnya reached Georgia and Russia.")
    }
    assert found == {
        ("Chechnya", "RU", "admin1"),
        ("Georgia", "GE", "country"),
        ("Russia", "RU", "country"),
    }


def test_other_spellings_of_post_soviet_towns() -> None:
    assert [(c.text, c.name) for c in places("They fled from Groznyy to Kiev.")] == [
        ("Groznyy", "Grozny"),
        ("Kiev", "Kyiv"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Grozny-based reporters",  # a hyphenated compound is one word, not the town
        "Argunovsky district",  # no substring hits
        "Новый закон вступил в силу.",  # Novy the village needs a place context
        "Шаль лежала на столе.",  # Shali in the nominative is a shawl
        "Adam Saidov said so.",  # a one-word town followed by a surname is a person's name
        "the police said",  # lower case is never a name
        "Трое сообщили об угрозах.",  # a numeral is not a place
        "Human rights defenders said so.",  # a spelling of Uman that is an English word
    ],
)
def test_no_false_hits(text: str) -> None:
    assert places(text) == []


def test_common_word_place_needs_context() -> None:
    assert [c.name for c in find_places("Его задержали в Шали.")] == ["Shali"]


def test_gazetteer_covers_the_caucasus_and_is_small() -> None:
    gazetteer = load()
    for name in ("гимры", "шатой", "ведено", "хасавюрт", "моздок", "гори", "ванадзор", "шуша"):
        assert gazetteer.lookup_ru(name), name
    assert gazetteer.lookup_en("London")[0].country == "GB"
