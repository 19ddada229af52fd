"""The words of a report in its language: messages, vocabulary labels, numbers and fuzzy dates.

Messages are English ids translated through the ``reports`` gettext catalogue. ``N_`` marks a
message id kept in a variable, so that extraction (and the test that every id is translated)
finds it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from rightsledger import vocab
from rightsledger.i18n import Translations, translations
from rightsledger.values import FuzzyDate

DOMAIN = "reports"


def N_(message: str) -> str:
    """Mark a message id for extraction without translating it here."""
    return message


@dataclass(frozen=True)
class Language:
    code: str
    messages: Translations

    @classmethod
    def of(cls, code: str) -> Language:
        return cls(code, translations(DOMAIN, code))

    def _(self, message: str, **values: Any) -> str:
        text = self.messages.gettext(message)
        return text.format(**values) if values else text

    def n_(self, singular: str, plural: str, count: int, **values: Any) -> str:
        text = self.messages.ngettext(singular, plural, count)
        return text.format(count=self.number(count), **values)

    def number(self, value: float | None) -> str:
        if value is None:
            return "—"
        return format_decimal(value, locale=self.code, format="#,##0")

    def term(self, vocabulary: str, slug: str | None) -> str:
        if not slug:
            return ""
        return vocab.load(vocabulary).get(slug).label(self.code)

    def day(self, value: dt.date | None) -> str:
        return format_date(value, format="long", locale=self.code) if value else "—"

    def fuzzy(self, edtf: str | None) -> str:
        """A fuzzy date in words: "28 March 2017", "April 2017", "March – April 2017"."""
        if not edtf:
            return self._("date unknown")
        try:
            date = FuzzyDate.parse(edtf)
        except ValueError:
            return edtf
        earliest, latest = date.earliest, date.latest
        approximate = "~" in edtf or "?" in edtf
        if earliest is None and latest is None:
            text = self._("date unknown")
        elif earliest is None:
            text = self._("until {date}", date=self._side(latest, end=True))
        elif latest is None:
            text = self._("from {date}", date=self._side(earliest, end=False))
        else:
            text = self._range(earliest, latest)
        return self._("about {date}", date=text) if approximate else text

    def _range(self, earliest: dt.date, latest: dt.date) -> str:
        if earliest == latest:
            return self.day(earliest)
        if _whole_year(earliest, latest):
            return str(earliest.year)
        if _month_start(earliest) and _month_end(latest):
            if (earliest.year, earliest.month) == (latest.year, latest.month):
                return format_date(earliest, "LLLL y", locale=self.code)
            return f"{self._month(earliest)} – {self._month(latest)}"
        return f"{self.day(earliest)} – {self.day(latest)}"

    def _side(self, value: dt.date | None, *, end: bool) -> str:
        if value is None:
            return "…"
        return self.day(value)

    def _month(self, value: dt.date) -> str:
        return format_date(value, "LLLL y", locale=self.code)


def _month_start(value: dt.date) -> bool:
    return value.day == 1


def _month_end(value: dt.date) -> bool:
    return (value + dt.timedelta(days=1)).day == 1


def _whole_year(earliest: dt.date, latest: dt.date) -> bool:
    return (earliest.month, earliest.day, latest.month, latest.day) == (1, 1, 12, 31) and (
        earliest.year == latest.year
    )
