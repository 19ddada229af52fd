"""Interface and report translations: gettext catalogues (.po) read directly, English as msgids.

Catalogues live in ``rightsledger/locale/<language>/LC_MESSAGES/<domain>.po`` (domains: ``web``
for the web application, ``reports`` for situation reports). They are read with Babel at first
use instead of being compiled to ``.mo`` files, so the repository holds one editable source and
nothing generated can fall out of date. English needs no catalogue: the message ids are English.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from babel.messages.pofile import read_po

from rightsledger.errors import UserError

LANGUAGES = ("en", "ru")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}


def clean_language(language: str) -> str:
    """A supported language code from user input ("RU", "ru-RU" → "ru"), else a one-line error."""
    code = language.strip().lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        raise UserError(f"unknown language {language!r}: choose one of {', '.join(LANGUAGES)}")
    return code


@dataclass(frozen=True)
class Translations:
    """The messages of one domain in one language; untranslated ids come back unchanged."""

    language: str
    messages: dict[str, str]
    plurals: dict[str, tuple[str, ...]]

    def gettext(self, message: str) -> str:
        return self.messages.get(message) or message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        forms = self.plurals.get(singular)
        if forms and all(forms):
            return forms[_plural_index(self.language, count) % len(forms)]
        return singular if count == 1 else plural


def _plural_index(language: str, count: int) -> int:
    """CLDR plural category as a gettext form index (Russian: one, few, many)."""
    if language != "ru":
        return 0 if count == 1 else 1
    if count % 10 == 1 and count % 100 != 11:
        return 0
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return 1
    return 2


@cache
def translations(domain: str, language: str) -> Translations:
    """The catalogue of ``domain`` in ``language`` (cached for the life of the process)."""
    language = clean_language(language)
    if language == DEFAULT_LANGUAGE:
        return Translations(language, {}, {})
    source = resources.files("rightsledger") / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
    if not source.is_file():
        raise UserError(f"no {language} catalogue for {domain!r} in this installation")
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, (tuple, list)):
            plurals[str(message.id[0])] = tuple(str(form) for form in message.string or ())
        elif message.string:
            messages[str(message.id)] = str(message.string)
    return Translations(language, messages, plurals)
