"""One violation as typed into one form, cleaned into a ``ViolationEntry``.

Each value is cleaned by the same import column that a CSV cell of that field would go through
(``store.io.kinds``), so a date, a vocabulary term or a name means here exactly what it means in
a file. Every problem is an ``InputError`` whose ``column`` is the form field to fix.

A section either points at an existing record (``<section>_id`` typed, or ``<section>_pick``
chosen among the suggestions) or describes a new one; giving both is refused rather than
guessed, because guessing is how duplicates or lost details are made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rightsledger.errors import InputError, InvalidValue
from rightsledger.store.io.columns import Ref, parse_reference
from rightsledger.store.io.kinds import KINDS
from rightsledger.values import Count, FuzzyDate, Name

GROUP_FIGURES = ("group_low", "group_best", "group_high")
VICTIM_KINDS = ("individual", "group")
PERPETRATOR_KINDS = ("organization", "person")

# Every field the form knows, section by section (templates and docs list them from here).
SECTIONS: dict[str, tuple[str, ...]] = {
    "event": ("event_id", "event_pick", "event_title", "event_date", "event_place"),
    "act": ("act_type", "act_date", "act_place", "act_status", "act_description"),
    "victim": (
        "victim_id",
        "victim_pick",
        "victim_kind",
        "victim_name",
        "victim_given_name",
        "victim_patronymic",
        "victim_family_name",
        "victim_aliases",
        "victim_sex",
        "victim_description",
        "group_description",
        "group_unit",
        *GROUP_FIGURES,
        "group_qualifier",
    ),
    "perpetrator": (
        "perpetrator_id",
        "perpetrator_pick",
        "perpetrator_kind",
        "perpetrator_name",
        "perpetrator_type",
        "perpetrator_given_name",
        "perpetrator_patronymic",
        "perpetrator_family_name",
        "involvement_degree",
    ),
    "source": (
        "source_id",
        "source_pick",
        "source_title",
        "source_url",
        "source_date",
        "source_type",
        "source_reliability",
        "document_id",
        "span_start",
        "span_end",
        "quote",
    ),
}
FIELDS: tuple[str, ...] = tuple(name for names in SECTIONS.values() for name in names)


@dataclass(frozen=True)
class NewEvent:
    title: str
    date: FuzzyDate | None = None
    place: str | None = None


@dataclass(frozen=True)
class ActDetails:
    act_type: str
    date: FuzzyDate | None = None
    place: str | None = None
    status: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class PersonNames:
    """A person's names by role; the script of each is detected from its letters."""

    full: tuple[Name, ...] = ()
    given: tuple[Name, ...] = ()
    patronymic: tuple[Name, ...] = ()
    family: tuple[Name, ...] = ()
    aliases: tuple[Name, ...] = ()

    def __bool__(self) -> bool:
        return any((self.full, self.given, self.patronymic, self.family, self.aliases))


@dataclass(frozen=True)
class NewIndividual:
    names: PersonNames
    sex: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class NewGroup:
    description: str  # who the group is; kept as the group's label, sealed like any name
    count: Count
    unit: str | None = None
    sex: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class NewOrganization:
    name: str
    org_type: str | None = None


@dataclass(frozen=True)
class Perpetrator:
    who: Ref | NewOrganization | NewIndividual
    degree: str | None = None


@dataclass(frozen=True)
class NewInformation:
    title: str
    url: str | None = None
    date: FuzzyDate | None = None
    source_type: str | None = None
    reliability: str | None = None


@dataclass(frozen=True)
class DocumentSpan:
    """A vault document (its number, or 8+ hex digits of its SHA-256), optionally a span of it."""

    document: str
    start: int | None = None
    end: int | None = None
    quote: str | None = None


@dataclass(frozen=True)
class Source:
    information: Ref | NewInformation | None = None
    document: DocumentSpan | None = None


@dataclass(frozen=True)
class ViolationEntry:
    """Who did what to whom, when, where, according to whom: one act and what it needs."""

    event: Ref | NewEvent
    act: ActDetails
    victim: Ref | NewIndividual | NewGroup
    source: Source
    perpetrator: Perpetrator | None = None


# -- cleaning -------------------------------------------------------------------------------------


class _Form:
    """The submitted strings, with cleaning that names the field on failure."""

    def __init__(self, fields: Mapping[str, str]) -> None:
        self._fields = fields

    def text(self, field: str) -> str:
        value = self._fields.get(field)
        return value.strip() if isinstance(value, str) else ""

    def any(self, *fields: str) -> bool:
        return any(self.text(field) for field in fields)

    def clean(self, field: str, kind: str, column: str) -> Any:
        """The field cleaned as the import column ``kind.column`` would clean that cell."""
        try:
            return KINDS[kind].column(column).parse(self.text(field))
        except InvalidValue as problem:
            raise InputError(str(problem), column=field) from None

    def names(self, field: str, column: str) -> tuple[Name, ...]:
        return tuple(self.clean(field, "persons", column) or ())

    def existing(self, section: str, kinds: tuple[str, ...]) -> Ref | None:
        typed, picked = self.text(f"{section}_id"), self.text(f"{section}_pick")
        if typed and picked and typed != picked:
            raise InputError(
                f'"{typed}" was typed and "{picked}" chosen from the suggestions; keep one',
                column=f"{section}_id",
            )
        chosen = picked or typed
        if not chosen:
            return None
        field = f"{section}_pick" if picked else f"{section}_id"
        if len(chosen) > 200:
            raise InputError("an external id is at most 200 characters", column=field)
        try:
            return parse_reference(chosen, kinds)
        except InvalidValue as problem:
            raise InputError(str(problem), column=field) from None

    def refuse_both(self, section: str, new_fields: tuple[str, ...], what: str) -> None:
        given = [field for field in new_fields if self.text(field)]
        if given:
            raise InputError(
                f"choose an existing {what} or describe a new one, not both "
                f"(clear {given[0]} or the existing id)",
                column=f"{section}_id",
            )


def parse_entry(fields: Mapping[str, str]) -> ViolationEntry:
    """Clean a submitted form; raises ``InputError`` naming the first field to fix."""
    form = _Form(fields)
    return ViolationEntry(
        event=_event(form),
        act=_act(form),
        victim=_victim(form),
        perpetrator=_perpetrator(form),
        source=_source(form),
    )


def _event(form: _Form) -> Ref | NewEvent:
    new_fields = ("event_title", "event_date", "event_place")
    existing = form.existing("event", ("events",))
    if existing is not None:
        form.refuse_both("event", new_fields, "event")
        return existing
    title = form.clean("event_title", "events", "title")
    if not title:
        raise InputError(
            "give the event's title, or choose an existing event", column="event_title"
        )
    return NewEvent(
        title=title,
        date=form.clean("event_date", "events", "date"),
        place=form.clean("event_place", "events", "place"),
    )


def _act(form: _Form) -> ActDetails:
    act_type = form.clean("act_type", "acts", "act_type")
    if not act_type:
        raise InputError("choose the type of act", column="act_type")
    return ActDetails(
        act_type=act_type,
        date=form.clean("act_date", "acts", "date"),
        place=form.clean("act_place", "acts", "place"),
        status=form.clean("act_status", "acts", "status"),
        description=form.clean("act_description", "acts", "description"),
    )


_INDIVIDUAL_FIELDS = (
    "victim_name",
    "victim_given_name",
    "victim_patronymic",
    "victim_family_name",
    "victim_aliases",
)
_GROUP_FIELDS = ("group_description", "group_unit", *GROUP_FIGURES, "group_qualifier")


def _victim(form: _Form) -> Ref | NewIndividual | NewGroup:
    new_fields = (*_INDIVIDUAL_FIELDS, *_GROUP_FIELDS, "victim_sex", "victim_description")
    existing = form.existing("victim", ("persons",))
    if existing is not None:
        form.refuse_both("victim", new_fields, "victim")
        return existing
    kind = form.text("victim_kind").lower() or (
        "group" if form.any(*_GROUP_FIELDS) else "individual"
    )
    if kind not in VICTIM_KINDS:
        raise InputError(
            f'"{kind}" is not a kind of victim (individual or group)', column="victim_kind"
        )
    sex = form.clean("victim_sex", "persons", "sex")
    notes = form.clean("victim_description", "persons", "description")
    if kind == "group":
        if form.any(*_INDIVIDUAL_FIELDS):
            field = next(f for f in _INDIVIDUAL_FIELDS if form.text(f))
            raise InputError("a group has a description and a count, not names", column=field)
        return _group(form, sex=sex, notes=notes)
    if form.any(*_GROUP_FIELDS):
        field = next(f for f in _GROUP_FIELDS if form.text(f))
        raise InputError("group fields are filled but the victim is an individual", column=field)
    names = _names(form, "victim")
    if not names and not notes:
        raise InputError(
            "give the victim's name or a description, or choose an existing victim",
            column="victim_name",
        )
    return NewIndividual(names=names, sex=sex, description=notes)


def _names(form: _Form, section: str) -> PersonNames:
    return PersonNames(
        full=form.names(f"{section}_name", "name"),
        given=form.names(f"{section}_given_name", "given_name"),
        patronymic=form.names(f"{section}_patronymic", "patronymic"),
        family=form.names(f"{section}_family_name", "family_name"),
        aliases=form.names(f"{section}_aliases", "aliases") if section == "victim" else (),
    )


def _group(form: _Form, *, sex: str | None, notes: str | None) -> NewGroup:
    description = form.clean("group_description", "persons", "name")
    if not description:
        raise InputError(
            "describe who the group is (e.g. men detained in Argun)", column="group_description"
        )
    figures = {field: form.clean(field, "persons", field) for field in GROUP_FIGURES}
    if all(value is None for value in figures.values()):
        raise InputError("give at least one of the low, best or high counts", column="group_best")
    qualifier = form.clean("group_qualifier", "persons", "group_qualifier")
    try:
        count = Count.of(
            low=figures["group_low"],
            best=figures["group_best"],
            high=figures["group_high"],
            qualifier=qualifier,
        )
    except InvalidValue as problem:
        # Count names the first figure of a pair that disagrees ("low … is greater than best …").
        first = str(problem).split(" ", 1)[0]
        field = f"group_{first}" if f"group_{first}" in GROUP_FIGURES else "group_qualifier"
        raise InputError(str(problem), column=field) from None
    return NewGroup(
        description=str(description[0]),
        count=count,
        unit=form.clean("group_unit", "persons", "counting_unit"),
        sex=sex,
        notes=notes,
    )


_NEW_PERPETRATOR_FIELDS = (
    "perpetrator_kind",
    "perpetrator_name",
    "perpetrator_type",
    "perpetrator_given_name",
    "perpetrator_patronymic",
    "perpetrator_family_name",
)
_PERSON_PERPETRATOR_FIELDS = (
    "perpetrator_given_name",
    "perpetrator_patronymic",
    "perpetrator_family_name",
)


def _perpetrator(form: _Form) -> Perpetrator | None:
    degree = form.clean("involvement_degree", "involvements", "degree")
    existing = form.existing("perpetrator", ("persons", "organizations"))
    if existing is not None:
        form.refuse_both("perpetrator", _NEW_PERPETRATOR_FIELDS[1:], "perpetrator")
        return Perpetrator(who=existing, degree=degree)
    if not form.any(*_NEW_PERPETRATOR_FIELDS[1:]):
        if degree is not None:
            raise InputError(
                "a degree of involvement needs a perpetrator", column="involvement_degree"
            )
        return None
    kind = form.text("perpetrator_kind").lower() or (
        "person" if form.any(*_PERSON_PERPETRATOR_FIELDS) else "organization"
    )
    if kind not in PERPETRATOR_KINDS:
        raise InputError(
            f'"{kind}" is not a kind of perpetrator (organization or person)',
            column="perpetrator_kind",
        )
    if kind == "organization":
        if form.any(*_PERSON_PERPETRATOR_FIELDS):
            field = next(f for f in _PERSON_PERPETRATOR_FIELDS if form.text(f))
            raise InputError("an organization has a name, not personal names", column=field)
        name = form.clean("perpetrator_name", "organizations", "name")
        if not name:
            raise InputError("give the organization's name", column="perpetrator_name")
        org_type = form.clean("perpetrator_type", "organizations", "type")
        return Perpetrator(who=NewOrganization(name=name, org_type=org_type), degree=degree)
    if form.text("perpetrator_type"):
        raise InputError("a type is given for organizations only", column="perpetrator_type")
    names = _names(form, "perpetrator")
    if not names:
        raise InputError("give the perpetrator's name", column="perpetrator_name")
    return Perpetrator(who=NewIndividual(names=names), degree=degree)


_NEW_SOURCE_FIELDS = (
    "source_title",
    "source_url",
    "source_date",
    "source_type",
    "source_reliability",
)


def _source(form: _Form) -> Source:
    information: Ref | NewInformation | None = form.existing("source", ("information",))
    if information is not None:
        form.refuse_both("source", _NEW_SOURCE_FIELDS, "source")
    elif form.any(*_NEW_SOURCE_FIELDS):
        title = form.clean("source_title", "information", "title")
        if not title:
            raise InputError("give the source's title", column="source_title")
        information = NewInformation(
            title=title,
            url=form.clean("source_url", "information", "url"),
            date=form.clean("source_date", "information", "date"),
            source_type=form.clean("source_type", "information", "source_type"),
            reliability=form.clean("source_reliability", "information", "reliability"),
        )
    document = _document(form)
    if information is None and document is None:
        raise InputError(
            "say where this comes from: an existing source, a new source's title, "
            "or a document of the vault",
            column="source_title",
        )
    return Source(information=information, document=document)


def _document(form: _Form) -> DocumentSpan | None:
    span_fields = ("span_start", "span_end", "quote")
    reference = form.text("document_id")
    if not reference:
        if form.any(*span_fields):
            field = next(f for f in span_fields if form.text(f))
            raise InputError("a span or a quote needs the document it is from", column=field)
        return None
    if len(reference) > 80:
        raise InputError("a document is its number or sha256:<hex>", column="document_id")
    start = form.clean("span_start", "citations", "start")
    end = form.clean("span_end", "citations", "end")
    if (start is None) != (end is None):
        raise InputError("the start and the end of a span go together", column="span_start")
    if start is not None and end is not None and start > end:
        raise InputError(f"the span starts ({start}) after it ends ({end})", column="span_start")
    return DocumentSpan(
        document=reference, start=start, end=end, quote=form.clean("quote", "citations", "quote")
    )
