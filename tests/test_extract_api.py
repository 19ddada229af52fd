"""The library API: claim shapes, acts, actors, quotes, calls, languages, decoding."""

from __future__ import annotations

import codecs

import pytest

from rightsledger import vocab
from rightsledger.errors import InputError, InvalidValue
from rightsledger.extract import extract_file, extract_text
from rightsledger.extract.decode import decode

EN = (
    "GROZNY, 12 April 2017 — More than 100 men were detained in early April 2017 in Grozny, "
    'according to Novaya Gazeta. "We were beaten and tortured with electric shocks every day," '
    "said Adam Saidov, a survivor. Human Rights Watch called on the Russian authorities to "
    "investigate the abductions."
)
RU = (
    "Как сообщила «Новая газета», в начале апреля 2017 года в Грозном были задержаны более ста "
    "мужчин. «Нас били и пытали током каждый день», — рассказал Иван Петров. Правозащитный "
    "центр «Мемориал» призвал Следственный комитет расследовать похищения."
)
COMMON = {"kind", "start", "end", "text", "rule", "confidence"}
BY_KIND = {
    "count": {"low", "best", "high", "qualifier", "unit", "subject"},
    "date": {"earliest", "latest", "edtf", "modifier", "precision"},
    "place": {"name", "name_original", "gazetteer_id", "country_code", "admin1"},
    "act": {"category", "huridocs_code"},
    "actor": {"name", "actor_type", "role_hint"},
    "quote": {"speaker", "quote"},
    "call": {"demand", "by", "addressee"},
}


@pytest.mark.parametrize("text", [EN, RU])
def test_every_claim_has_the_contract_shape(text: str) -> None:
    extraction = extract_text(text)
    assert {claim.kind for claim in extraction.claims} == set(BY_KIND)
    for claim in extraction.claims:
        row = claim.to_json()
        assert COMMON | BY_KIND[claim.kind] <= set(row)
        assert text[row["start"] : row["end"]] == row["text"] == claim.text
        assert 0 < row["confidence"] <= 1


def test_acts_carry_the_vocabulary_code() -> None:
    types = vocab.load("act_types")
    acts = extract_text(EN).of_kind("act")
    assert {a.to_json()["category"] for a in acts} >= {"arbitrary_detention", "torture"}
    for act in acts:
        row = act.to_json()
        assert row["huridocs_code"] == types.get(row["category"]).code


def test_actors_quotes_and_calls_in_english() -> None:
    extraction = extract_text(EN)
    actors = {a.to_json()["name"]: a.to_json() for a in extraction.of_kind("actor")}
    assert actors["Novaya Gazeta"]["actor_type"] == "organization"
    assert actors["Human Rights Watch"]["actor_type"] == "organization"
    (quote,) = extraction.of_kind("quote")
    assert quote.to_json()["speaker"] == "Adam Saidov"
    (call,) = extraction.of_kind("call")
    row = call.to_json()
    assert (row["demand"], row["by"], row["addressee"]) == (
        "investigation",
        "Human Rights Watch",
        "the Russian authorities",
    )


def test_actors_quotes_and_calls_in_russian() -> None:
    extraction = extract_text(RU)
    actors = {a.to_json()["name"]: a.to_json() for a in extraction.of_kind("actor")}
    assert actors["Иван Петров"]["actor_type"] == "person"
    assert actors["Иван Петров"]["role_hint"] == "source"
    assert actors["Новая газета"]["actor_type"] == "organization"
    (quote,) = extraction.of_kind("quote")
    assert quote.to_json()["speaker"] == "Иван Петров"
    (call,) = extraction.of_kind("call")
    assert call.to_json()["demand"] == "investigation"
    assert call.to_json()["addressee"] == "Следственный комитет"


def test_languages() -> None:
    assert extract_text(EN).language == "en"
    assert extract_text(RU).language == "ru"
    unknown = extract_text("Ceci est un rapport sur la ville et les gens qui y vivent.")
    assert (unknown.language, unknown.claims) == ("und", [])
    assert unknown.warnings
    mixed = extract_text(EN + "\n\n" + RU)
    assert mixed.warnings == ["mixed English and Russian text: rules for both ran"]
    assert {c.text for c in mixed.of_kind("count")} == {"More than 100 men", "более ста мужчин"}
    with pytest.raises(InvalidValue, match="not a supported language"):
        extract_text("x", language="fr")


def test_decoding() -> None:
    text = "Более ста мужчин задержаны."
    assert decode(text.encode(), source="a").text == text
    assert decode(codecs.BOM_UTF8 + text.encode(), source="a").text == text
    assert decode(text.encode("utf-16"), source="a").text == text
    legacy = decode(text.encode("cp1251"), source="a")
    assert (legacy.text, legacy.encoding) == (text, "cp1251")
    with pytest.raises(InputError, match="empty"):
        decode(b"", source="a")
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", source="a")
    with pytest.raises(InputError, match="not valid UTF-8"):
        decode("naïve café".encode("latin-1"), source="a")


def test_extract_file_offsets_index_the_decoded_text(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "bom.txt"  # type: ignore[operator]
    text = "Не менее двадцати человек погибли в 2002 году."
    path.write_bytes(codecs.BOM_UTF8 + text.encode())
    extraction = extract_file(path)
    (count,) = extraction.of_kind("count")
    assert text[count.start : count.end] == "Не менее двадцати человек"
