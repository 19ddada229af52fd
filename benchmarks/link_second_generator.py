"""A second, independent generator of synthetic lists with ground truth [SYNTHETIC].

The linker's defaults were chosen on `rightsledger.link.synthetic`; judging it only there would
reward the quirks of one generator. This one is written separately, with other name pools, other
sources and other ways of going wrong:

- given and family names drawn from their own pools (Chechen, Ingush, Dagestani and a few Russian
  names), with a long tail of invented family names built differently from the first generator;
- seven sources, each with its own habits: a Cyrillic memorial list, an English-language NGO
  (BGN/PCGN or Wikipedia style, given and family columns sometimes swapped), a passport-style
  list in capitals (ICAO or MVD), a French and a German list with hand-written transliterations,
  a scholarly report with diacritics (č, š, ž) and social media posts (Arabic forms of given
  names, informal spellings, often nothing but a name);
- typing errors (dropped, doubled, swapped or neighbouring letters), missing fields, patronymics
  present or not, day and month swapped, a year only, ages at an event;
- hard negatives: brothers share family name, patronymic, village and nearly a birth year;
  cousins are named after the same grandfather (same given and family name, close years);
- some sources list the same man twice, others never do.

Every person is invented; nothing here is a real victim.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import iuliia

# The record shapes are the project generator's; the names, sources and errors are not.
from rightsledger.link.synthetic import Dataset, Person

MALE = (
    ("Магомед", 22),
    ("Ахмед", 7),
    ("Адлан", 4),
    ("Алви", 4),
    ("Асланбек", 3),
    ("Бекхан", 3),
    ("Вахид", 2),
    ("Джамбулат", 2),
    ("Иса", 5),
    ("Ибрагим", 6),
    ("Ислам", 8),
    ("Исмаил", 3),
    ("Казбек", 3),
    ("Лом-Али", 3),
    ("Мовлади", 3),
    ("Муслим", 4),
    ("Мурад", 3),
    ("Рамзан", 6),
    ("Руслан", 8),
    ("Сайхан", 2),
    ("Супьян", 2),
    ("Тамерлан", 2),
    ("Хож-Ахмед", 2),
    ("Хамзат", 3),
    ("Хусейн", 4),
    ("Шамиль", 4),
    ("Шарпудин", 2),
    ("Эльдар", 2),
    ("Юнус", 2),
    ("Юсуп", 5),
    ("Якуб", 2),
    ("Абдул-Хамид", 1),
    ("Байсангур", 1),
    ("Дени", 2),
    ("Зелимхан", 4),
    ("Умар", 4),
    ("Абубакар", 2),
    ("Салман", 2),
    ("Усман", 2),
    ("Арби", 3),
    ("Хизир", 1),
    ("Сулейман", 3),
    ("Ризван", 2),
    ("Аслан", 4),
    ("Анзор", 3),
)
FEMALE = (("Хава", 3), ("Зарема", 3), ("Малика", 3), ("Луиза", 2), ("Седа", 2), ("Макка", 2))
RUSSIAN_MALE = (("Сергей", 3), ("Александр", 3), ("Дмитрий", 2), ("Андрей", 2), ("Евгений", 1))
RUSSIAN_FAMILY = (("Иванов", 3), ("Петров", 2), ("Смирнов", 2), ("Кузнецов", 1), ("Фёдоров", 1))
FAMILY = (
    ("Магомадов", 9),
    ("Абдулаев", 7),
    ("Хасанов", 6),
    ("Ахмадов", 6),
    ("Алиев", 6),
    ("Мусаев", 5),
    ("Умаров", 5),
    ("Юсупов", 4),
    ("Ибрагимов", 4),
    ("Исраилов", 4),
    ("Бамматгиреев", 2),
    ("Батукаев", 2),
    ("Висаитов", 2),
    ("Гучигов", 2),
    ("Дакаев", 2),
    ("Эсамбаев", 2),
    ("Кадыров", 3),
    ("Мурдалов", 2),
    ("Тутаев", 2),
    ("Сайдулаев", 3),
    ("Бекмурзаев", 2),
    ("Чагаев", 2),
    ("Шишханов", 1),
    ("Идрисов", 3),
    ("Эдильсултанов", 1),
    ("Махмудов", 3),
    ("Ахильгов", 1),
    ("Евлоев", 2),
    ("Джамалдинов", 1),
    ("Гериханов", 1),
    ("Шаипов", 2),
    ("Хатуев", 1),
    ("Закаев", 2),
    ("Межидов", 2),
    ("Цечоев", 1),
    ("Яндиев", 1),
    ("Хаджимурадов", 1),
    ("Эльжуркаев", 1),
)
_ONSETS = ("Б", "В", "Г", "Д", "Ж", "З", "К", "Л", "М", "Н", "С", "Т", "Х", "Ц", "Ч", "Ш", "Э", "Я")
_VOWELS = ("а", "и", "у", "е", "о")
_CODAS = ("", "р", "л", "м", "н", "х", "ш", "д", "з")
_SUFFIXES = (("ов", 5), ("аев", 4), ("иев", 2), ("ханов", 1), ("султанов", 1), ("гиреев", 1))
PLACES = (
    ("Грозный", 10),
    ("Урус-Мартан", 4),
    ("Шали", 4),
    ("Гудермес", 4),
    ("Аргун", 3),
    ("Ачхой-Мартан", 2),
    ("Старые Атаги", 2),
    ("Алхан-Юрт", 2),
    ("Катыр-Юрт", 1),
    ("Назрань", 2),
    ("Хасавюрт", 2),
    ("Бамут", 1),
    ("Гехи", 1),
    ("Валерик", 1),
    ("Ножай-Юрт", 1),
)
# Forms of given names that come from Arabic, as people write them in Latin letters.
ARABIC = {
    "Магомед": ("Muhammad", "Mohammed", "Mohamed", "Mukhammad", "Magomet", "Mohmad"),
    "Ахмед": ("Ahmad", "Ahmed"),
    "Ибрагим": ("Ibrahim",),
    "Юсуп": ("Yusuf", "Youssef"),
    "Хусейн": ("Hussein", "Husayn"),
    "Умар": ("Omar",),
    "Якуб": ("Yaqub",),
    "Юнус": ("Yunus", "Younes"),
    "Сулейман": ("Suleiman", "Sulayman"),
    "Абубакар": ("Abubakr", "Abu Bakr"),
    "Исмаил": ("Ismael",),
    "Иса": ("Issa",),
    "Хамзат": ("Hamza",),
    "Мурад": ("Mourad",),
    "Усман": ("Uthman", "Osman"),
}
EVENTS = (date(2019, 6, 1), 400)

# A German (Duden-like) and a French hand transliteration, letter by letter.
_GERMAN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        (
            "a b w g d e jo sch s i j k l m n o p r s t u f ch z tsch sch schtsch _ y _ e ju ja"
        ).split(),
        strict=True,
    )
)
_FRENCH = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        ("a b v g d e io j z i i k l m n o p r s t ou f kh ts tch ch chtch _ y _ e iou ia").split(),
        strict=True,
    )
)


def _by_letters(table: dict[str, str], text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in table:
            piece = table[low].replace("_", "")
            out.append(piece.capitalize() if ch != low else piece)
        else:
            out.append(ch)
    return "".join(out)


def _german(text: str, rng: random.Random) -> str:
    word = _by_letters(_GERMAN, text)
    return word[:-2] + "ow" if word.endswith("ov") else word


def _french(text: str, rng: random.Random) -> str:
    word = _by_letters(_FRENCH, text)
    # French writes -ов as -ov or -off, and doubles s between vowels (Moussa, Issaev).
    if word.endswith("ov") and rng.random() < 0.4:
        word = word[:-1] + "ff"
    return word.replace("asa", "assa").replace("isa", "issa").replace("usa", "oussa")


def _plain(scheme: iuliia.Schema) -> Callable[[str, random.Random], str]:
    return lambda text, rng: scheme.translate(text).replace("’", "").replace("'", "")


def _informal(text: str, rng: random.Random) -> str:
    word = iuliia.WIKIPEDIA.translate(text)
    if rng.random() < 0.5:
        word = word.replace("kh", "h").replace("Kh", "H")
    if rng.random() < 0.3:
        word = word.replace("zh", "j").replace("Zh", "J")
    if rng.random() < 0.3:
        word = word.replace("ye", "e").replace("yev", "ev")
    return word


SCHEMES: dict[str, Callable[[str, random.Random], str]] = {
    "bgn": _plain(iuliia.BGN_PCGN),
    "wikipedia": _plain(iuliia.WIKIPEDIA),
    "icao": _plain(iuliia.ICAO_DOC_9303),
    "mvd": _plain(iuliia.MVD_310),
    "scientific": lambda text, rng: iuliia.SCIENTIFIC.translate(text),
    "gost": _plain(iuliia.GOST_7034),
    "german": _german,
    "french": _french,
    "informal": _informal,
}


def _pick(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([n for n, _ in table], weights=[w for _, w in table])[0]


def _rare_family(rng: random.Random) -> str:
    syllables = rng.choices((1, 2, 3), weights=(3, 5, 1))[0]
    stem = "".join(
        rng.choice(_ONSETS).lower() + rng.choice(_VOWELS) + rng.choice(_CODAS)
        for _ in range(syllables)
    )
    return stem.capitalize() + _pick(rng, _SUFFIXES)


def patronymic_of(father: str, sex: str) -> str:
    stem = father
    if stem.endswith("ь"):
        stem = stem[:-1]
    if stem.endswith(("а", "и", "е")):
        return stem + ("евич" if sex == "m" else "евна")
    if stem.endswith("й"):
        return stem[:-1] + ("евич" if sex == "m" else "евна")
    return stem + ("ович" if sex == "m" else "овна")


def _feminine(family: str) -> str:
    return family + "а" if family.endswith(("ов", "ев", "ин")) else family


def population(people: int, rng: random.Random) -> list[Person]:
    """Clans of families in one village: brothers, and cousins named after one grandfather."""
    found: list[Person] = []

    def add(given: str, father: str, family: str, born: date, place: str, sex: str) -> None:
        surname = family if sex == "m" else _feminine(family)
        found.append(
            Person(
                f"Q{len(found):07d}", given, patronymic_of(father, sex), surname, born, place, sex
            )
        )

    while len(found) < people:
        russian = rng.random() < 0.04
        if russian:
            family = _pick(rng, RUSSIAN_FAMILY)
        else:
            family = _rare_family(rng) if rng.random() < 0.3 else _pick(rng, FAMILY)
        place = _pick(rng, PLACES)
        grandfather = _pick(rng, RUSSIAN_MALE if russian else MALE)
        branches = rng.choices((1, 2, 3), weights=(70, 22, 8))[0]
        branch_start = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 38))
        for _ in range(branches):
            father = _pick(rng, RUSSIAN_MALE if russian else MALE)
            born = branch_start + timedelta(days=rng.randrange(-365 * 3, 365 * 3))
            children = rng.choices((1, 2, 3, 4, 5), weights=(45, 28, 15, 8, 4))[0]
            used: set[str] = set()
            for child in range(children):
                sex = "m" if rng.random() < 0.9 else "f"
                if sex == "f":
                    given = _pick(rng, FEMALE)
                elif child == 0 and branches > 1 and rng.random() < 0.5:
                    given = grandfather  # cousins named after their grandfather
                else:
                    given = _pick(rng, RUSSIAN_MALE if russian else MALE)
                if given in used:
                    continue
                used.add(given)
                add(given, father, family, born, place, sex)
                born += timedelta(days=rng.randrange(280, 365 * 4))
    return found[:people]


_NEIGHBOURS = {
    "a": "sq",
    "e": "wr",
    "i": "uo",
    "o": "ip",
    "u": "yi",
    "n": "bm",
    "m": "n",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "d": "sf",
    "k": "jl",
    "l": "k",
    "h": "gj",
    "а": "ов",
    "е": "ик",
    "и": "ем",
    "о": "ар",
    "н": "тг",
    "в": "аы",
    "м": "и",
    "р": "оп",
    "с": "ми",
    "д": "лж",
}


def typo(text: str, rng: random.Random) -> str:
    """One typing error inside the word (never the first letter)."""
    if len(text) < 4:
        return text
    at = rng.randrange(1, len(text) - 1)
    kind = rng.random()
    if kind < 0.3:
        return text[:at] + text[at + 1 :]
    if kind < 0.55:
        return text[:at] + text[at + 1] + text[at] + text[at + 2 :]
    if kind < 0.75:
        return text[:at] + text[at] + text[at:]
    choices = _NEIGHBOURS.get(text[at].lower())
    if not choices:
        return text[:at] + text[at + 1 :]
    return text[:at] + rng.choice(choices) + text[at + 1 :]


def _age(birth: date, event: date) -> int:
    years = event.year - birth.year
    return years - 1 if (event.month, event.day) < (birth.month, birth.day) else years


def _date_text(birth: date, rng: random.Random, *, style: str, swap: float) -> str:
    day, month = birth.day, birth.month
    if day <= 12 and day != month and rng.random() < swap:
        day, month = month, day
    if style == "dotted":
        return f"{day:02}.{month:02}.{birth.year}"
    return f"{birth.year}-{month:02}-{day:02}"


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    coverage: float
    duplicates: float  # chance that the source lists a covered man a second time


SOURCES = (
    Source("memorial", 0.35, 0.0),
    Source("ngo_en", 0.3, 0.06),
    Source("passport_list", 0.2, 0.0),
    Source("french_ngo", 0.15, 0.03),
    Source("german_press", 0.12, 0.0),
    Source("scholar", 0.1, 0.0),
    Source("social", 0.25, 0.1),
)


class _Writer:
    def __init__(self, rng: random.Random, typo_rate: float) -> None:
        self.rng = rng
        self.typo_rate = typo_rate

    def maybe(self, share: float) -> bool:
        return self.rng.random() < share

    def t(self, text: str) -> str:
        return typo(text, self.rng) if text and self.maybe(self.typo_rate) else text

    def record(self, person: Person, source: str) -> dict[str, str]:
        out = dict.fromkeys(
            (
                "given_name",
                "patronymic",
                "family_name",
                "full_name",
                "birth_date",
                "age",
                "sex",
                "place",
                "event_date",
            ),
            "",
        )
        out["source"] = source
        event = EVENTS[0] + timedelta(days=self.rng.randrange(EVENTS[1]))
        getattr(self, f"_{source}")(person, out, event)
        return out

    def _memorial(self, p: Person, out: dict[str, str], event: date) -> None:
        parts = [p.family, p.given] + ([p.patronymic] if self.maybe(0.85) else [])
        out["full_name"] = " ".join(self.t(x) for x in parts)
        if self.maybe(0.7):
            out["birth_date"] = _date_text(p.birth, self.rng, style="dotted", swap=0.05)
        elif self.maybe(0.6):
            out["birth_date"] = str(p.birth.year)
        out["place"] = p.place if self.maybe(0.8) else ""
        out["sex"] = p.sex if self.maybe(0.6) else ""

    def _ngo_en(self, p: Person, out: dict[str, str], event: date) -> None:
        scheme = SCHEMES[self.rng.choice(("bgn", "wikipedia", "wikipedia"))]
        given, family = self.t(scheme(p.given, self.rng)), self.t(scheme(p.family, self.rng))
        if self.maybe(0.1):
            given, family = family, given  # filled into the wrong columns
        out["given_name"], out["family_name"] = given, family
        if self.maybe(0.3):
            out["patronymic"] = self.t(scheme(p.patronymic, self.rng))
        if self.maybe(0.5):
            out["age"] = str(_age(p.birth, event))
            out["event_date"] = event.isoformat()
        elif self.maybe(0.3):
            out["birth_date"] = str(p.birth.year)
        if self.maybe(0.5):
            out["place"] = scheme(p.place, self.rng)

    def _passport_list(self, p: Person, out: dict[str, str], event: date) -> None:
        scheme = SCHEMES[self.rng.choice(("icao", "mvd"))]
        parts = [p.family, p.given] + ([p.patronymic] if self.maybe(0.5) else [])
        out["full_name"] = " ".join(self.t(scheme(x, self.rng)) for x in parts).upper()
        if self.maybe(0.6):
            out["birth_date"] = _date_text(p.birth, self.rng, style="iso", swap=0.03)
        elif self.maybe(0.7):
            out["birth_date"] = str(p.birth.year)
        out["sex"] = p.sex

    def _french_ngo(self, p: Person, out: dict[str, str], event: date) -> None:
        given = self._given_latin(p, _french, arabic=0.3)
        out["full_name"] = f"{given} {self.t(_french(p.family, self.rng)).upper()}"
        if self.maybe(0.6):
            out["birth_date"] = str(p.birth.year)
        if self.maybe(0.4):
            out["place"] = _french(p.place, self.rng)

    def _german_press(self, p: Person, out: dict[str, str], event: date) -> None:
        out["given_name"] = self.t(_german(p.given, self.rng))
        out["family_name"] = self.t(_german(p.family, self.rng))
        if self.maybe(0.6):
            out["age"] = str(_age(p.birth, event))
            out["event_date"] = event.isoformat()[:7]
        if self.maybe(0.3):
            out["place"] = _german(p.place, self.rng)

    def _scholar(self, p: Person, out: dict[str, str], event: date) -> None:
        scheme = SCHEMES["scientific" if self.maybe(0.6) else "gost"]
        parts = [p.family, p.given, p.patronymic]
        out["full_name"] = " ".join(self.t(scheme(x, self.rng)) for x in parts)
        if self.maybe(0.8):
            out["birth_date"] = _date_text(p.birth, self.rng, style="iso", swap=0.0)
        out["place"] = scheme(p.place, self.rng) if self.maybe(0.5) else ""

    def _social(self, p: Person, out: dict[str, str], event: date) -> None:
        """Cyrillic or Latin, either order, Arabic forms, mostly nothing but a name."""
        if self.maybe(0.4):
            given, family = self.t(p.given), self.t(p.family)
        else:
            given = self._given_latin(p, _informal, arabic=0.5)
            family = self.t(_informal(p.family, self.rng))
        out["full_name"] = f"{given} {family}" if self.maybe(0.6) else f"{family} {given}"
        if self.maybe(0.25):
            out["age"] = str(_age(p.birth, event) + self.rng.choice((0, 0, 1, -1)))
            out["event_date"] = str(event.year)
        if self.maybe(0.3):
            out["place"] = p.place if self.maybe(0.5) else _informal(p.place, self.rng)

    def _given_latin(
        self, person: Person, scheme: Callable[[str, random.Random], str], *, arabic: float
    ) -> str:
        forms = ARABIC.get(person.given)
        if forms and self.maybe(arabic):
            return self.rng.choice(forms)
        return self.t(scheme(person.given, self.rng))


def generate(people: int = 3000, *, seed: int = 1, typo_rate: float = 0.06) -> Dataset:
    """Records of `people` invented people across seven sources, shuffled, with the truth."""
    rng = random.Random(seed * 7919 + 13)
    writer = _Writer(rng, typo_rate)
    written: list[tuple[str, dict[str, str]]] = []
    for person in population(people, rng):
        sources = [s for s in SOURCES if rng.random() < s.coverage]
        if not sources:
            sources = [rng.choice(SOURCES)]
        for source in sources:
            written.append((person.person_id, writer.record(person, source.name)))
            if rng.random() < source.duplicates:
                written.append((person.person_id, writer.record(person, source.name)))
    rng.shuffle(written)
    records: list[dict[str, str]] = []
    truth: dict[str, str] = {}
    for number, (person_id, record) in enumerate(written):
        record_id = f"s{number:07d}"
        records.append({"record_id": record_id, **record})
        truth[record_id] = person_id
    return Dataset(records=records, truth=truth)
