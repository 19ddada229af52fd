"""Calls for action: who demands what (an investigation, a release, a prosecution…) of whom.

The trigger is a verb or noun of demanding (call on, urge, demand, appeal; призвать,
потребовать, призыв, требование); the demand is read from the words that follow it, the
addressee from the object of the verb, the author from the words before it in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rightsledger.extract.claims import CallClaim

_DEMANDS = (
    (
        "investigation",
        r"investigat\w*|inquiry|probe|criminal case|расследова\w*|проверк\w*|"
        r"уголовн\w* дел\w*",
    ),
    ("release", r"release\w*|free\b|freeing|освобо\w*|отпустить"),
    (
        "prosecution",
        r"prosecut\w*|bring\s+\w+(?:\s+\w+)?\s+to justice|hold\s+\w+(?:\s+\w+)?\s+"
        r"accountable|punish\w*|наказа\w*|привлеч\w* к ответственности|"
        r"ответственност\w*|преследовани\w* виновных",
    ),
    ("cessation", r"stop\w*|end\b|ending|halt\w*|cease\w*|прекрат\w*|останов\w*"),
    ("protection", r"protect\w*|safety|защит\w*|безопасност\w*"),
    ("reparation", r"compensat\w*|reparation\w*|компенсац\w*|возмещени\w*"),
    ("sanctions", r"sanction\w*|санкци\w*"),
    ("access", r"access|monitor\w*|доступ\w*"),
    ("information", r"disclose|whereabouts|информаци\w*|местонахождени\w*"),
)
_TRIGGER = re.compile(
    r"(?<![\w-])(?:call(?:ed|s|ing)?\s+(?:on|upon|for)|urg(?:e|ed|es|ing)|demand(?:ed|s|ing)?|"
    r"appeal(?:ed|s)?\s+to|insist(?:ed|s)?\s+on|"
    r"призвал\w*|призыва\w*|призыв\w*|потребовал\w*|требу\w*|требовани\w*|обратил\w*\s+к)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_ADDRESSEE = re.compile(
    r"^\s+(?P<who>(?:the\s+)?[\w'’ -]{2,60}?)\s+(?:to|for|с требованием|с просьбой)\b",
    re.IGNORECASE,
)
_RU_ADDRESSEE = re.compile(
    r"^\s+(?:к\s+)?(?P<who>(?:[А-ЯЁ]\w*|власт\w*|руководств\w*)(?:\s+\w+){0,3}?)\s+"
    r"(?=расследова|освобо|прекрат|наказа|привлеч|защит|возбуд|провести|отпустить)"
)
_SENTENCE_END = re.compile(r"[.!?]\s")
_AUTHOR = re.compile(
    r"(?P<who>(?:[A-ZА-ЯЁ«\"][\w'’«»\"-]*)(?:\s+(?:[A-ZА-ЯЁ«\"of][\w'’«»\"-]*))*)"
    r"(?:,[^,]{1,80},)?\s+(?:has\s+|have\s+|also\s+)?$"
)


def _demand(window: str) -> str | None:
    best: tuple[int, str] | None = None
    for name, pattern in _DEMANDS:
        match = re.search(pattern, window, re.IGNORECASE)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), name)
    return best[1] if best else None


def find_calls(text: str) -> Iterator[CallClaim]:
    for match in _TRIGGER.finditer(text):
        tail = text[match.end() : match.end() + 200]
        stop = _SENTENCE_END.search(tail)
        tail = tail[: stop.start() + 1] if stop else tail
        demand = _demand(tail)
        if demand is None:
            continue
        addressee_match = _ADDRESSEE.match(tail) or _RU_ADDRESSEE.match(tail)
        addressee = addressee_match["who"].strip() if addressee_match else None
        if addressee and _demand(addressee) is not None:
            addressee = None
        head = text[max(0, match.start() - 150) : match.start()]
        head = re.split(r"[.!?]\s", head)[-1]
        author_match = _AUTHOR.search(head)
        by = author_match["who"].strip() if author_match else None
        end = match.end() + len(tail.rstrip(" ."))
        yield CallClaim(
            start=match.start(),
            end=end,
            text=text[match.start() : end],
            rule="call.trigger",
            confidence=0.7 if by else 0.6,
            demand=demand,
            by=by,
            addressee=addressee,
        )
