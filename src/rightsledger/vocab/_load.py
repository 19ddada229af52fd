"""Reading vocabulary YAML: shape checks, the shipped data directory and the load cache."""

from __future__ import annotations

import functools
import threading
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType

import yaml

from rightsledger.errors import InvalidValue
from rightsledger.vocab._model import (
    REQUIRED_LANGUAGES,
    SLUG_MAX_LENGTH,
    Term,
    Vocabulary,
    VocabularyError,
    is_slug,
)

# libyaml's C parser is several times faster; pure-Python PyYAML is the fallback where the
# wheel was built without it.
_LOADER: type[yaml.SafeLoader | yaml.CSafeLoader] = (
    yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
)
_TOP_KEYS = ("name", "title", "noun", "source", "terms")
_TERM_KEYS = ("slug", "code", "parent", "label")
_DATA_PACKAGE = "rightsledger.vocab"
_DATA_DIR = "data"

_cache: dict[str, Vocabulary] = {}
_cache_lock = threading.Lock()


def parse_vocabulary(source: str | Path, *, origin: str | None = None) -> Vocabulary:
    """Parse and validate one vocabulary from YAML text, or from the file at a ``Path``.

    Every problem raises ``VocabularyError`` naming ``origin`` (the file) and the offending term.
    """
    if isinstance(source, Path):
        origin = origin or str(source)
        text = source.read_text(encoding="utf-8")
    else:
        text = source
    where = origin or "<vocabulary>"
    try:
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - SafeLoader or its C twin
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())
        raise VocabularyError(f"{where}: not valid YAML: {problem}") from exc
    try:
        return _build(data)
    except VocabularyError as exc:
        raise VocabularyError(f"{where}: {exc}") from None


def _build(data: object) -> Vocabulary:
    if not isinstance(data, dict):
        raise VocabularyError("the document must be a mapping with keys " + ", ".join(_TOP_KEYS))
    _check_keys(data, _TOP_KEYS, "the document")
    name = data["name"]
    if not isinstance(name, str) or not is_slug(name):
        raise VocabularyError(f"name {name!r} must be a snake_case slug")
    source = data["source"]
    if not isinstance(source, str) or not source.strip():
        raise VocabularyError("source must be a non-empty string")
    raw_terms = data["terms"]
    if not isinstance(raw_terms, list) or not raw_terms:
        raise VocabularyError("terms must be a non-empty list")
    return Vocabulary(
        name=name,
        title=_labels(data["title"], "title"),
        noun=_labels(data["noun"], "noun"),
        source=source,
        terms=[_term(raw, number) for number, raw in enumerate(raw_terms, start=1)],
    )


def _term(raw: object, number: int) -> Term:
    if not isinstance(raw, dict):
        raise VocabularyError(f"term {number} must be a mapping")
    slug = raw.get("slug")
    what = f'term {number} ("{slug}")' if isinstance(slug, str) else f"term {number}"
    _check_keys(raw, _TERM_KEYS, what, optional=("parent",))
    if not isinstance(slug, str) or not is_slug(slug):
        raise VocabularyError(
            f"{what}: slug must be lowercase ascii snake_case of at most {SLUG_MAX_LENGTH}"
            f" characters, got {slug!r}"
        )
    code = raw["code"]
    if not isinstance(code, str) or not code.strip() or code != code.strip():
        # An unquoted code is read as a number and loses its leading zeros.
        raise VocabularyError(f"{what}: code must be a quoted, non-empty string, got {code!r}")
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise VocabularyError(f"{what}: parent must be a slug, got {parent!r}")
    return Term(slug=slug, code=code, parent=parent, labels=_labels(raw["label"], f"{what} label"))


def _labels(raw: object, what: str) -> Mapping[str, str]:
    if not isinstance(raw, dict):
        raise VocabularyError(f"{what} must be a mapping of language to text")
    for lang in REQUIRED_LANGUAGES:
        if lang not in raw:
            raise VocabularyError(f'{what} is missing its "{lang}" text')
    for lang, text in raw.items():
        if not isinstance(lang, str) or not isinstance(text, str) or not text.strip():
            raise VocabularyError(f"{what}: the {lang!r} text must be a non-empty string")
    return MappingProxyType(dict(raw))


def _check_keys(
    raw: dict[object, object], expected: tuple[str, ...], what: str, optional: tuple[str, ...] = ()
) -> None:
    missing = [key for key in expected if key not in raw and key not in optional]
    if missing:
        raise VocabularyError(f"{what} is missing " + ", ".join(missing))
    unknown = [str(key) for key in raw if key not in expected]
    if unknown:
        # A misspelt key would otherwise be dropped without a word.
        raise VocabularyError(
            f"{what} has unknown key {', '.join(unknown)} (expected {', '.join(expected)})"
        )


def _data_dir() -> Traversable:
    return resources.files(_DATA_PACKAGE).joinpath(_DATA_DIR)


@functools.cache
def names() -> tuple[str, ...]:
    """Names of the vocabularies shipped with the package, sorted."""
    return tuple(
        sorted(
            entry.name.removesuffix(".yaml")
            for entry in _data_dir().iterdir()
            if entry.is_file() and entry.name.endswith(".yaml")
        )
    )


def load(name: str) -> Vocabulary:
    """The shipped vocabulary ``name``, parsed once per process."""
    cached = _cache.get(name)
    if cached is not None:
        return cached
    if name not in names():
        raise InvalidValue(f'"{name}" is not a known vocabulary (known: {", ".join(names())})')
    with _cache_lock:
        if name not in _cache:
            path = _data_dir().joinpath(f"{name}.yaml")
            vocabulary = parse_vocabulary(
                path.read_text(encoding="utf-8"), origin=f"rightsledger/vocab/data/{name}.yaml"
            )
            if vocabulary.name != name:
                raise VocabularyError(
                    f"rightsledger/vocab/data/{name}.yaml: declares name {vocabulary.name!r}"
                )
            _cache[name] = vocabulary
        return _cache[name]
