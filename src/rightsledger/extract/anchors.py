"""Matching a rule only where it can start: at words from a known set.

A pattern with many alternatives tried at every character of a long text is slow in Python's
``re``; tried only at the start of a plausible first word (a figure, a month, a qualifier, a
trigger's first letters) it keeps extraction linear and fast. Words are found once per text.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator

_WORD = re.compile(r"[^\W_]+")


class _LastText(threading.local):
    """The words of the text being read, and the anchors each rule family found in it.

    One text at a time per thread: the rules of one extraction all read the same text in turn.
    """

    def __init__(self) -> None:
        self.text: str | None = None
        self.words: list[tuple[int, str]] = []
        # Keyed by the predicate itself, not its id: an id can be reused once a lambda is freed.
        self.starts: dict[Callable[[str], bool], list[int]] = {}


_last = _LastText()


def words(text: str) -> list[tuple[int, str]]:
    """(offset, lower-case word) for every word of ``text``; the last text's words are kept."""
    if _last.text is not text:
        _last.words = [(match.start(), match[0].lower()) for match in _WORD.finditer(text)]
        _last.starts = {}
        _last.text = text
    return _last.words


def starts(text: str, accept: Callable[[str], bool]) -> list[int]:
    """Offsets of the words ``accept`` allows, computed once per text and predicate."""
    every = words(text)
    if accept not in _last.starts:
        _last.starts[accept] = [start for start, word in every if accept(word)]
    return _last.starts[accept]


def anchored(
    pattern: re.Pattern[str], text: str, accept: Callable[[str], bool]
) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` that start at a word ``accept`` allows."""
    last_end = 0
    for start in starts(text, accept):
        if start < last_end:
            continue
        match = pattern.match(text, start)
        if match is not None and match.end() > match.start():
            last_end = match.end()
            yield match


def starts_with_figure_or(vocabulary: Iterable[str]) -> Callable[[str], bool]:
    """An ``accept`` for words that are figures or belong to ``vocabulary``."""
    known = frozenset(word.lower() for word in vocabulary)
    return lambda word: word[0].isdigit() or word in known


def leading_prefixes(source: str, size: int = 2) -> set[str] | None:
    """Every lower-case prefix of ``size`` letters a trigger pattern can start with.

    Understands the forms the trigger lists use: letters, ``(?:a|b)`` groups, optional groups
    (``(?:по)?``) and ``rf`` strings already expanded. None means "cannot tell": the caller
    must then try the pattern everywhere.
    """
    results: set[str] = set()
    for expansion in _expand(source, 0):
        letters = re.match(r"[^\W\d_]+", expansion)
        if letters is None:
            return None
        head = letters[0].lower()
        if len(head) < size and head != expansion.lower():
            return None
        results.add(head[:size])
    return results


def _closing(source: str) -> int:
    """Index of the parenthesis that closes the one ``source`` starts with."""
    level = 0
    for index, char in enumerate(source):
        level += char == "("
        level -= char == ")"
        if level == 0:
            return index
    return len(source) - 1


def _expand(source: str, depth: int) -> list[str]:
    if depth > 4 or not source.startswith("(?:"):
        return [source]
    index = _closing(source)
    inner, rest = source[3:index], source[index + 1 :]
    optional = rest.startswith("?")
    if optional:
        rest = rest[1:]
    alternatives, level, current = [], 0, ""
    for char in inner:
        if char == "|" and level == 0:
            alternatives.append(current)
            current = ""
            continue
        level += char == "("
        level -= char == ")"
        current += char
    alternatives.append(current)
    expanded = [e for alt in alternatives for e in _expand(alt + rest, depth + 1)]
    if optional:
        expanded += _expand(rest, depth + 1)
    return expanded
