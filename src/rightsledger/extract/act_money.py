"""Extortion read from money changing hands under force, by the sentence's shape.

Reports seldom say "extortion". They say the families "paid 3,000 dollars and he was let go",
that guards «отбирают у него деньги», that fighters collect "fifty thousand pesos a month from
each family". What makes any of these extortion is the same three things in one sentence:

1. money: a sum ("2,000 lari", «200 тысяч рублей») or the word for it (money, cash, a bribe,
   «деньги», «взятка»);
2. money moving: paid, demanded, asked, wanted, took, collected («заплатили», «требовали»,
   «хотят», «отбирают», «собирают»);
3. force behind it: those who hold people (police, guards, fighters, captors, a checkpoint) or
   what they hold them with (detention, custody, a case, a release).

A fine, bail or costs set by a court, compensation, damages, wages, aid and fees paid to one's
own lawyer are money moving in the open, and the sentence is left alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from rightsledger.extract import anchors
from rightsledger.extract.act_triggers import MONEY_EN, MONEY_RU
from rightsledger.extract.lexicon import EN_MONEY_WORDS, RU_MONEY_LEMMAS

_SENTENCE = re.compile(r"[^.!?…\n]+")
_MONEY = re.compile(
    rf"(?:{MONEY_EN})|\b(?:money|cash|bribes?|payments?|sums?|ransom|fees?|levy|levies)\b"
    rf"|(?<![\w-])(?:(?:{MONEY_RU})|деньг\w*|денег|денежн\w*|взятк\w*|сумм[уыае]\w*)(?![\w-])",
    re.IGNORECASE,
)
# A cheap first look for money, at the words of the text (found once for every rule): a
# currency from the lexicon's money words, a word for money or a bribe, a scale word; and the
# currency signs, which are no words. Russian currencies are looked for by stem («рублей»).
_MONEY_WORDS = EN_MONEY_WORDS | frozenset(
    "money cash bribe bribes payment payments ransom fee fees levy levies".split()
)


def _stem(lemma: str) -> str:
    """A Russian lemma without the ending its cases change («рубль» → «рубл»)."""
    return lemma[:-1] if lemma[-1] in "ьйаяо" and len(lemma) > 3 else lemma


_MONEY_STEMS = (
    *sorted({_stem(lemma) for lemma in RU_MONEY_LEMMAS}),
    "гривен",  # the genitive plural puts a vowel before the stem's last letter
    "деньг",
    "денег",
    "денежн",
    "взятк",
    "сумм",
    "тысяч",
    "тыс",
    "миллион",
    "млн",
)
_CURRENCY_SIGN = re.compile(r"[$€£]")


def _could_be_money(word: str) -> bool:
    return word in _MONEY_WORDS or word.startswith(_MONEY_STEMS)


def _money_hints(text: str) -> list[int]:
    hints = anchors.starts(text, _could_be_money)
    signs = [match.start() for match in _CURRENCY_SIGN.finditer(text)]
    return sorted(hints + signs) if signs else hints


_MOVING = re.compile(
    r"\b(?:paid|pay|pays|paying|demand\w*|ask\w*|want\w*|took|take|takes|taking|taken|"
    r"collect\w*|charg\w*|extract\w*|hand\w* over|gave|give|giving|transferr?\w*|levied|levy|"
    r"squeez\w*|requir\w*|solicit\w*|accept\w*)\b"
    r"|(?<![\w-])(?:за)?плат\w*|(?:по)?треб\w*|(?:по)?прос\w*|хоте\w*|хотят|хочет|брал\w*|"
    r"взял\w*|взима\w*|собира\w*|собрал\w*|отда\w*|переда\w*|перев[её]\w*|отбира\w*|"
    r"отобра\w*|отнял\w*|отнима\w*|вымога\w*|забра\w*|выплат\w*|прив[её]з\w*|привез\w*|"
    r"прин[её]с\w*|принест\w*"
    # a price put on something: "for 8,000 dollars", «за 50 тысяч рублей»
    rf"|\bfor (?:about |around |some )?(?:{MONEY_EN})|(?<![\w-])за (?:{MONEY_RU})",
    re.IGNORECASE,
)
_FORCE = re.compile(
    r"\b(?:police\w*|officers?|guards?|soldiers?|troops|militia\w*|fighters|gunmen|armed|"
    r"checkpoints?|detain\w*|detention|custody|arrest\w*|jail\w*|prison\w*|cells?|releas\w*|"
    r"freed|free|let (?:him|her|them) go|charges|case|investigators?|prosecutors?|commanders?|"
    r"kidnapp\w*|captors?|captive\w*|hostages?|abduct\w*|gangs?|cartel\w*|warlords?|bandits?|"
    r"criminal groups?|armed groups?|militants?|insurgents?|rebels?|"
    r"each family|every family|each household|every shop|each shop|interrogat\w*|"
    r"roadblocks?|solved?|sorted out|make (?:it|this|the case) go away|tortur\w*|beat\w*|"
    r"(?:held|kept) (?:him|her|them|us|me)|camp)\b"
    r"|(?<![\w-])(?:полиц\w*|сотрудник\w*|охранник\w*|конво\w*|военн\w*|солдат\w*|боевик\w*|"
    r"силовик\w*|блокпост\w*|задерж\w*|арест\w*|колони\w*|сизо|изолятор\w*|тюрьм\w*|"
    r"камер\w*|освобо\w*|отпуст\w*|отпущ\w*|уголовн\w*|следовател\w*|прокурор\w*|"
    r"похитител\w*|похищ\w*|заложник\w*|надзирател\w*|оперативник\w*|оперов|боевиков|"
    r"допрос\w*|закры\w* (?:\w+ )?дел[оа]|дел[оа] (?:\w+ )?(?:можно )?(?:закрыть|решить)|"
    r"решить (?:вопрос|по-хорошему)|пыт\w*|избив\w*|били|держали|удерживал\w*|подвал\w*)",
    re.IGNORECASE,
)
_OPEN_PAYMENT = re.compile(
    r"\b(?:fines?d?|fining|bail|court costs|costs|compensation|damages|reparations?|salar\w+|"
    r"wages?|pensions?|aid|grants?|funding|donat\w+|lawyers?|attorneys?|legal fees|taxes|"
    r"budget|rent|prices?|ordered to pay|state duty)\b"
    r"|(?<![\w-])(?:штраф\w*|залог\w*|компенсац\w*|возмещ\w*|ущерб\w*|зарплат\w*|пенси\w*|"
    r"пособи\w*|гонорар\w*|адвокат\w*|защитник\w*|пошлин\w*|налог\w*|бюджет\w*|аренд\w*|"
    r"цен[аыуе]\w*|помощ\w*|пожертвован\w*|грант\w*|взыска\w*|"
    # money raised for a cause is no money taken: «собирал деньги для боевиков»
    r"(?:собира|собрал)\w* (?:\w+ )?(?:деньги|средства) (?:для|на))"
    r"|\b(?:rais|collect)\w* (?:\w+ )?(?:money|funds) for\b"
    # money taken with a phone or papers is belongings seized, not a payment demanded
    r"|\b(?:money|cash),? (?:and|or) (?:\w+ )?(?:phones?|documents|passports?|belongings|laptops?)"
    r"|(?<![\w-])(?:деньги|денег),? (?:и|или) (?:\w+ )?(?:телефон\w*|документ\w*|паспорт\w*|"
    r"вещи|ноутбук\w*)",
    re.IGNORECASE,
)


def find_forced_payments(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, "extortion") for the money in each sentence telling of money taken by force.

    The force may be told in the two sentences before ("He was held at the station. His father
    paid 3,000 dollars the next day.").
    """
    # Money is rare: find it first, then read only the sentences that hold it.
    sentences: list[tuple[int, int]] | None = None
    read_to = -1  # the end of the last sentence read
    for hint in _money_hints(text):
        if hint < read_to:
            continue
        if sentences is None:
            sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
            starts = [start for start, _ in sentences]
        index = bisect.bisect_right(starts, hint) - 1
        if index < 0:
            continue
        begin, end = sentences[index]
        read_to = end
        words = text[begin:end]
        money = _MONEY.search(words)
        if money is None or _OPEN_PAYMENT.search(words):
            continue
        context = text[sentences[max(0, index - 2)][0] : begin]
        if _MOVING.search(words) and (_FORCE.search(words) or _FORCE.search(context)):
            yield begin + money.start(), begin + money.start() + len(money[0].rstrip()), "extortion"
