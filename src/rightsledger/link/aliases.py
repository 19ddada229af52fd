"""The project's table of equivalent given names, keyed by skeleton."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from rightsledger.link.names import skeleton


@cache
def alias_groups() -> dict[str, str]:
    """Skeleton of every listed form -> skeleton of its group's label."""
    text = resources.files("rightsledger.link").joinpath("data/given_name_equivalents.yaml")
    table = yaml.safe_load(text.read_text(encoding="utf-8"))
    mapping: dict[str, str] = {}
    for group in table["groups"]:
        label = skeleton(str(group[0]))
        for form in group:
            mapping.setdefault(skeleton(str(form)), label)
    return mapping


def given_key(name: str) -> str:
    """The alias group of a given name, or its own skeleton when the table does not list it."""
    key = skeleton(name)
    return alias_groups().get(key, key)


def equivalent(first: str, second: str) -> bool:
    return bool(skeleton(first)) and given_key(first) == given_key(second)


def known_given(word: str) -> bool:
    """Whether a word is a given name the table knows (used to read full names in any order).

    A compound (Лом-Али, Khozh-Akhmed, Abdul-Khamid) counts when one of its parts is known.
    """
    groups = alias_groups()
    if skeleton(word) in groups:
        return True
    parts = [skeleton(part) for part in word.split("-")]
    return len(parts) > 1 and any(part in groups for part in parts if part)
