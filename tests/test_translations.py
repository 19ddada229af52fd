"""Every interface message has its Russian translation, and pages switch language per user."""

from __future__ import annotations

from babel.messages.pofile import read_po

from rightsledger.i18n import translations
from rightsledger.i18n_catalogue import catalogue_path, extracted


def _catalogue() -> dict[str, object]:
    with catalogue_path("web").open("rb") as handle:
        catalog = read_po(handle, locale="ru")
    return {
        (m.id[0] if isinstance(m.id, (tuple, list)) else m.id): m.string for m in catalog if m.id
    }


def test_every_web_message_is_translated_into_russian() -> None:
    catalogue = _catalogue()
    missing = []
    for message, filename, line in extracted("web"):
        key = message[0] if isinstance(message, tuple) else message
        translated = catalogue.get(key)
        if not translated or (isinstance(translated, (tuple, list)) and not all(translated)):
            missing.append(f"{filename}:{line}: {key!r}")
    assert not missing, (
        "untranslated (run `uv run python -m rightsledger.i18n_catalogue web`, then translate):\n"
        + "\n".join(sorted(set(missing))[:40])
    )


def test_russian_plural_forms_follow_the_number() -> None:
    russian = translations("web", "ru")
    assert russian.gettext("Dashboard") == "Сводка"
    assert translations("web", "en").gettext("Dashboard") == "Dashboard"
