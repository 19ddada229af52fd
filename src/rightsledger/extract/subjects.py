"""The subject of a sentence: the words before its first verb, when they are few.

Shared by quotations (who says the quoted words) and calls (who makes the call): "The Public
Defender of Georgia has opened an inquiry and asked…", «Пресс-служба МВД подтвердила
задержания, назвав их «…»».
"""

from __future__ import annotations

import re

from rightsledger.extract.morph import analyzer

# The verb that ends a sentence's subject: an English auxiliary or past form, a Russian
# finite verb (told by the dictionary).
_EN_VERB = re.compile(
    r"(?:has|have|had|is|are|was|were|will|would|also|says|said|calls|urges|demands|asks|"
    r"wants|wishes|insists|signed|sent|wrote|stresses|rejects|denies|read|[a-z]+ed)$"
)
_APPOSITIVE = re.compile(r",[^,]{1,80},")
# Words that open an adverbial, not a subject: "After visiting the colony the ombudsman…"
_NOT_SUBJECT_START = frozenset(
    "after before in on at during following despite when since as by for with while "
    "после в во на при когда хотя".split()
)
PRONOUNS = frozenset("i we я мы he she they он она они it оно".split())


def is_finite_verb(word: str) -> bool:
    parses = analyzer().parse(word)
    return bool(parses) and parses[0].pos == "VERB" and parses[0].feats.get("VerbForm") == "Fin"


def sentence_subject(clause: str) -> str | None:
    """The words before the first verb of ``clause`` (the first appositive left out), when
    they are at most eight, start with a capital and are not a pronoun or an adverbial."""
    words = _APPOSITIVE.sub("", clause, count=1).split()
    for index, word in enumerate(words[:9]):
        bare = word.strip(',.;:«»"“”')
        if index and (
            _EN_VERB.fullmatch(bare) or (re.fullmatch(r"[а-яё]+", bare) and is_finite_verb(bare))
        ):
            subject = " ".join(words[:index]).strip(",")
            if (
                subject.lower() in PRONOUNS
                or not subject[:1].isupper()
                or words[0].lower() in _NOT_SUBJECT_START
            ):
                return None
            return subject
    return None


def appositive_name(clause: str) -> str | None:
    """The name in an appositive after an office or relation: "Its regional director,
    Leonora Bautista, urged…", «Мать задержанного, Зарема Исаева, заявила…» → the name."""
    match = _NAMED_APPOSITIVE.search(clause)
    return match["name"] if match else None


_NAMED_APPOSITIVE = re.compile(
    r"^(?:[A-ZА-ЯЁ][\w'’-]*|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)(?:\s+[a-zа-яё'’-]+){0,3},\s+"
    r"(?:(?:the\s+|an?\s+)?[a-zа-яё-]+\s+)?"
    r"(?P<name>[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ][\w'’-]+){1,3}),"
)
