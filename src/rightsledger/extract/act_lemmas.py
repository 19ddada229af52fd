"""Russian act words by lemma: every inflected form of a listed word names its act.

The trigger patterns in ``acts`` spell endings out, and an ending left out («побоях»,
«угрозах») silently loses the act. Here each word of the text is reduced to its dictionary
form by pymorphy2 and looked up, so all cases, tenses and participles of a word count once
the word is listed. Words whose meaning depends on their object («сломать», «доставить») stay
in the patterns, where the object can be required.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rightsledger.extract import anchors
from rightsledger.extract.morph import analyzer, lemmas

# lemma (ё as е) -> category. Nouns and verbs of one family are listed together.
_LEMMAS: dict[str, list[str]] = {
    "killing": (
        "убить убийство убитый расстрелять расстрел застрелить казнить казнь погибнуть "
        "гибель погибший скончаться зарезать задушить мертвый труп обезглавить растерзать гроб"
    ).split(),
    "torture": "пытка пытать истязать истязание электрошок мучить замучить пыточный".split(),
    "ill_treatment": (
        "избить избиение избивать побои издеваться издевательство унижать унижение "
        "избитый бить пинать ударить ударять покалечить изувечить избиваемый"
    ).split(),
    "arbitrary_detention": (
        "задержать задержание задерживать арестовать арест арестованный задержанный удерживать "
        "арестовывать узник заточение изолятор этапировать"
    ).split(),
    "enforced_disappearance": "исчезнуть исчезновение исчезнувший".split(),
    "abduction": "похитить похищение похищенный похищать похититель заложник выкрасть".split(),
    "forced_displacement": (
        "выселить выселение депортировать депортация изгнать изгнание эвакуировать "
        "эвакуация выслать высылка выдворить выдворение выдворять выселять изгонять "
        "переселенец сослать бегство депортировать"
    ).split(),
    "sexual_violence": (
        "изнасиловать изнасилование насиловать надругаться домогательство домогаться"
    ).split(),
    "threats_intimidation": (
        "угроза угрожать пригрозить грозиться запугать запугивать запугивание преследование "
        "преследовать травля слежка"
    ).split(),
    "extortion": "вымогать вымогательство выкуп шантаж шантажировать вымогатель побор".split(),
    "property_destruction": (
        "сжечь поджечь поджог разрушить разрушение снести снос взорвать разгромить погром "
        "сжигать разрушать уничтожить разграбить мародерство мародер спалить взрывать"
    ).split(),
}
LEMMA_CATEGORY: dict[str, str] = {
    lemma: category for category, words in _LEMMAS.items() for lemma in words
}
# The first two letters a form of a listed word can start with (prefixes do not move).
_PREFIXES = frozenset(lemma[:2] for lemma in LEMMA_CATEGORY) | {"со"}  # сжечь: сожгли
_CYRILLIC = re.compile(r"[а-яё]")
# An English text has no Russian words to look up: one scan tells.
_CYRILLIC_ANYWHERE = re.compile(r"[А-Яа-яЁё]")


def _could_be_act(word: str) -> bool:
    # ё is read as е in the lemmas («мёртвым» → мертвый), so also in the first letters.
    return word[:2].replace("ё", "е") in _PREFIXES and bool(_CYRILLIC.match(word))


def find_lemma_acts(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, category) for each Russian word whose lemma names an act."""
    if not _CYRILLIC_ANYWHERE.search(text):
        return
    for start in anchors.starts(text, _could_be_act):
        end = start
        while end < len(text) and (text[end].isalpha()):
            end += 1
        word = text[start:end].lower()
        for lemma in lemmas(word)[:1]:
            category = LEMMA_CATEGORY.get(lemma)
            if category is not None and not is_future(word):
                yield start, end, category


def find_future_lemma_acts(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Russian act verb in the future tense («сожгут», «посадят»)."""
    if not _CYRILLIC_ANYWHERE.search(text):
        return
    for start in anchors.starts(text, _could_be_act):
        end = start
        while end < len(text) and text[end].isalpha():
            end += 1
        word = text[start:end].lower()
        if lemmas(word)[:1] and lemmas(word)[0] in LEMMA_CATEGORY and is_future(word):
            yield start, end


@lru_cache(maxsize=50_000)
def is_future(word: str) -> bool:
    """A verb in the future tense («сожгут», «посадят») names a threat or a plan, not an act."""
    parses = analyzer().parse(word)
    return bool(parses) and "futr" in parses[0].tag
