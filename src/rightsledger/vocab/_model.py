"""Terms and vocabularies: the in-memory shape of one controlled vocabulary."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from rightsledger.errors import InvalidValue, RightsledgerError

SLUG_MAX_LENGTH = 40
REQUIRED_LANGUAGES = ("en", "ru")
_SLUG = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
# Long pasted values would swamp a one-line error message.
_SHOWN_MAX = 60


class VocabularyError(RightsledgerError):
    """A vocabulary file is malformed: a defect in the shipped data, not a user's mistake."""

    code = "vocabulary_error"


def is_slug(text: str) -> bool:
    """True for lowercase ascii snake_case of at most 40 characters."""
    return len(text) <= SLUG_MAX_LENGTH and _SLUG.fullmatch(text) is not None


@dataclass(frozen=True, slots=True)
class Term:
    """One entry of a vocabulary: a stable slug, the HURIDOCS code, its parent and its labels."""

    slug: str
    code: str
    parent: str | None
    # Excluded from the hash because a mapping is not hashable; equality still compares it.
    labels: Mapping[str, str] = field(hash=False)

    def label(self, lang: str = "en") -> str:
        """The label in ``lang``, or the English one when that language has none."""
        return self.labels.get(lang) or self.labels["en"]


class Vocabulary:
    """A validated, immutable tree of terms, looked up by slug or by code."""

    __slots__ = ("_by_code", "_by_slug", "_children", "name", "noun", "source", "terms", "title")

    name: str
    title: Mapping[str, str]
    noun: Mapping[str, str]
    source: str
    terms: tuple[Term, ...]

    def __init__(
        self,
        *,
        name: str,
        title: Mapping[str, str],
        noun: Mapping[str, str],
        source: str,
        terms: Iterable[Term],
    ) -> None:
        self.name = name
        self.title = MappingProxyType(dict(title))
        self.noun = MappingProxyType(dict(noun))
        self.source = source
        self.terms = tuple(terms)
        self._by_slug: dict[str, Term] = {}
        # Keyed in lower case so that project codes such as "rl-proceeding-01" match any case.
        self._by_code: dict[str, Term] = {}
        self._children: dict[str | None, list[str]] = {}
        self._index()

    def _index(self) -> None:
        for term in self.terms:
            if term.slug in self._by_slug:
                raise VocabularyError(f'duplicate slug "{term.slug}"')
            code_key = term.code.lower()
            if code_key in self._by_code:
                other = self._by_code[code_key].slug
                raise VocabularyError(
                    f'duplicate code "{term.code}" (terms "{other}" and "{term.slug}")'
                )
            self._by_slug[term.slug] = term
            self._by_code[code_key] = term
        for term in self.terms:
            if term.code.lower() in self._by_slug:
                raise VocabularyError(f'code "{term.code}" of "{term.slug}" is also a slug')
            if term.parent is not None and term.parent not in self._by_slug:
                raise VocabularyError(
                    f'term "{term.slug}": parent "{term.parent}" is not a slug of this vocabulary'
                )
            self._children.setdefault(term.parent, []).append(term.slug)
        self._check_acyclic()

    def _check_acyclic(self) -> None:
        # Each term has one parent, so a walk up either reaches a root or loops; remembering
        # the terms already proven to reach a root keeps the whole check linear.
        reaches_root: set[str] = set()
        for term in self.terms:
            path: list[str] = []
            slug: str | None = term.slug
            while slug is not None and slug not in reaches_root:
                if slug in path:
                    loop = [*path[path.index(slug) :], slug]
                    raise VocabularyError("parent cycle: " + " -> ".join(loop))
                path.append(slug)
                slug = self._by_slug[slug].parent
            reaches_root.update(path)

    # -- lookup ---------------------------------------------------------------------------------

    def _find(self, value: str) -> Term | None:
        key = value.strip().lower()
        return self._by_code.get(key) or self._by_slug.get(key.replace("-", "_"))

    def _unknown(self, value: str) -> InvalidValue:
        shown = " ".join(value.split())
        if len(shown) > _SHOWN_MAX:
            shown = shown[: _SHOWN_MAX - 1] + "…"
        message = (
            f'"{shown}" is not a known {self.noun["en"]} (see `rightsledger vocab {self.name}`)'
        )
        # Spaces count as underscores here so that a typed label ("summary execution") is guessed.
        probe = "_".join(value.lower().replace("-", "_").split())
        guesses = difflib.get_close_matches(probe, self._by_slug, n=1, cutoff=0.75)
        if guesses:
            message += f'; did you mean "{guesses[0]}"?'
        return InvalidValue(message)

    def __contains__(self, slug_or_code: object) -> bool:
        return isinstance(slug_or_code, str) and self._find(slug_or_code) is not None

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __repr__(self) -> str:
        return f"<Vocabulary {self.name}: {len(self.terms)} terms>"

    def get(self, slug_or_code: str) -> Term:
        """The term for a slug or code, accepted as leniently as ``clean``; InvalidValue if none."""
        term = self._find(slug_or_code)
        if term is None:
            raise self._unknown(slug_or_code)
        return term

    def clean(self, value: str) -> str:
        """The slug for a slug (any case, hyphens for underscores, padded) or a code."""
        return self.get(value).slug

    def label(self, slug_or_code: str, lang: str = "en") -> str:
        return self.get(slug_or_code).label(lang)

    # -- the tree -------------------------------------------------------------------------------

    def roots(self) -> tuple[str, ...]:
        """Top-level slugs in file order."""
        return tuple(self._children.get(None, ()))

    def children(self, slug: str) -> tuple[str, ...]:
        """Direct children of a term, in file order."""
        return tuple(self._children.get(self.clean(slug), ()))

    def descendants(self, slug: str) -> tuple[str, ...]:
        """Every term below ``slug``, depth first in file order, without ``slug`` itself."""
        found: list[str] = []
        stack = list(reversed(self.children(slug)))
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(reversed(self._children.get(current, ())))
        return tuple(found)

    def ancestors(self, slug: str) -> tuple[str, ...]:
        """Slugs above a term: its parent first, the root last."""
        chain: list[str] = []
        parent = self.get(slug).parent
        while parent is not None:
            chain.append(parent)
            parent = self._by_slug[parent].parent
        return tuple(chain)

    def is_a(self, slug: str, ancestor_slug: str) -> bool:
        """True when ``slug`` is ``ancestor_slug`` or lies below it."""
        ancestor = self.clean(ancestor_slug)
        term = self.clean(slug)
        return term == ancestor or ancestor in self.ancestors(term)
