"""`accountability`: perpetrators' derived status, impunity clocks and profiles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from enum import Enum, StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from rightsledger.account.command import CommandLink
from rightsledger.account.parties import PERSONS, CitationRef, Party, resolve_party
from rightsledger.account.profile import (
    PerpetratorOverview,
    PerpetratorProfile,
    accountability_overview,
    perpetrator_profile,
)
from rightsledger.cli.common import (
    CasebookOption,
    console,
    key_value_table,
    open_casebook,
    published_only,
)
from rightsledger.errors import UserError
from rightsledger.protect import policy
from rightsledger.protect.disclosure import record_identity_read


class AccountFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def accountability(
    perpetrator: Annotated[
        str | None,
        typer.Option(
            "--perpetrator",
            "-p",
            help="Profile of one perpetrator: persons:ID, organizations:ID, or a bare ID that "
            "names only one of them (a person's pseudonym works too).",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Count clocks and statuses as of this day, YYYY-MM-DD (default: today); "
            "proceedings dated later are left out.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[AccountFormat, typer.Option("--format", help="table or json.")] = (
        AccountFormat.TABLE
    ),
    casebook: CasebookOption = None,
) -> None:
    """Who is alleged to have done what, and how far proceedings have gone: statuses and
    impunity clocks derived from the recorded proceedings, never typed in."""
    day = _parse_day(as_of) if as_of is not None else dt.date.today()
    with open_casebook(casebook, action="read", kind="proceedings") as book:
        viewer_scope = published_only(book, "read", "persons")
        policy.require_listing(book.identity, "read", kind="acts")
        with book.reader() as session:
            protector = book.protector(session.connection())
            if perpetrator is None:
                rows = accountability_overview(
                    session, as_of=day, protector=protector, published_only=viewer_scope
                )
                shown_persons = sum(1 for row in rows if row.kind == PERSONS)
            else:
                kind, record = resolve_party(session, perpetrator, published_only=viewer_scope)
                profile = perpetrator_profile(
                    session,
                    kind,
                    record.external_id,
                    protector=protector,
                    as_of=day,
                    published_only=viewer_scope,
                )
                shown_persons = len(_persons_in(profile))
        record_identity_read(book, PERSONS, command="accountability", records=shown_persons)
    if perpetrator is None:
        _emit_overview(rows, day, output)
    else:
        _emit_profile(profile, output)


def _parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f'--as-of "{text}" is not a day; write YYYY-MM-DD') from None


def _persons_in(profile: PerpetratorProfile) -> set[str]:
    """The persons whose labels a profile shows (for the audit trail: how many, never who)."""
    shown = {profile.external_id} if profile.kind == PERSONS else set()
    for group in profile.involvements:
        shown |= {act.victim_id for act in group.acts}
    for link in profile.chain_of_command + profile.subordinates:
        shown |= {p.external_id for p in (link.superior, link.subordinate) if p.kind == PERSONS}
    shown |= {rolled.act.victim_id for rolled in profile.subordinate_acts}
    return shown - {""}


def plain(value: Any) -> Any:
    """Dataclasses as sorted-key JSON-ready values; citations and parties carry their ``ref``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, CitationRef | Party):
            out["ref"] = value.ref
        if isinstance(value, PerpetratorProfile):
            out["acts"] = value.acts
            out["impunity_summary"]["sentence"] = value.impunity_summary.sentence()
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def _write_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def _days(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _emit_overview(rows: list[PerpetratorOverview], day: dt.date, output: AccountFormat) -> None:
    if output is AccountFormat.JSON:
        _write_json({"as_of": day.isoformat(), "perpetrators": plain(rows)})
        return
    table = Table(title=f"Alleged perpetrators as of {day.isoformat()} (derived from proceedings)")
    for column in (
        "perpetrator",
        "name",
        "status",
        "acts",
        "acts without charge",
        "refused investigations",
        "sanctions",
        "longest days without charge",
    ):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            f"{row.kind}:{row.external_id}",
            row.label,
            _status(row.status.value, row.status_since),
            str(row.acts),
            str(row.acts_without_charge),
            str(row.refused_investigations),
            str(row.sanctions),
            _days(row.longest_days_without_charge),
        )
    console.print(table)


def _status(status: str, since: dt.date | None) -> str:
    words = status.replace("_", " ")
    return f"{words} since {since.isoformat()}" if since else words


def _emit_profile(profile: PerpetratorProfile, output: AccountFormat) -> None:
    if output is AccountFormat.JSON:
        _write_json(plain(profile))
        return
    summary = profile.impunity_summary
    console.print(
        key_value_table(
            [
                ("perpetrator", f"{profile.kind}:{profile.external_id}"),
                ("name", profile.label),
                ("status", _status(profile.status.value, profile.status_since)),
                ("status decided by", ", ".join(profile.status_basis) or "no charge or verdict"),
                ("acts attributed", profile.acts),
                ("sanctions", profile.sanctions),
                ("refused investigations", profile.refused_investigations),
                ("official denials", profile.official_denials),
                ("impunity", summary.sentence()),
                ("as of", profile.as_of.isoformat()),
            ],
            title=f"Profile of {profile.label}",
        )
    )
    acts = Table(title="Acts attributed, by degree of involvement")
    for column in ("degree", "act", "type", "date", "place", "victim", "evidence"):
        acts.add_column(column, overflow="fold")
    for group in profile.involvements:
        for act in group.acts:
            acts.add_row(
                group.degree_label,
                act.act_id,
                act.act_type_label,
                act.date_edtf or "",
                act.place or "",
                act.victim,
                "; ".join(c.ref for c in act.citations),
            )
    console.print(acts)
    _emit_links("Chain of command (superiors)", profile.chain_of_command)
    _emit_links("Subordinates", profile.subordinates)
    if profile.subordinate_acts:
        rolled = Table(title="Acts of subordinates during the period of command")
        for column in ("act", "type", "date", "by", "link", "period of command"):
            rolled.add_column(column, overflow="fold")
        for item in profile.subordinate_acts:
            rolled.add_row(
                item.act.act_id,
                item.act.act_type_label,
                item.act.date_edtf or "",
                item.subordinate.label,
                item.relation.replace("_", " "),
                _period(item.path_earliest, item.path_latest),
            )
        console.print(rolled)
    left_out = profile.rollup_undated_left_out + profile.rollup_outside_left_out
    if left_out:
        console.print(
            f"Left out of the roll-up: {profile.rollup_undated_left_out} undated and "
            f"{profile.rollup_outside_left_out} partly or wholly outside the period of command."
        )
    timeline = Table(title="Proceedings timeline")
    for column in ("date", "proceeding", "type", "body", "outcome", "evidence"):
        timeline.add_column(column, overflow="fold")
    for step in profile.timeline:
        timeline.add_row(
            step.date_edtf or "undated",
            step.proceeding_id,
            step.type_label,
            step.body or "",
            step.outcome or "",
            "; ".join(c.ref for c in step.citations),
        )
    console.print(timeline)
    clock = Table(title=f"Impunity clock as of {profile.as_of.isoformat()} (days)")
    for column in ("act", "date", "investigation", "without investigation", "without charge"):
        clock.add_column(column, overflow="fold")
    clock.add_column("without verdict", overflow="fold")
    for clocked in profile.impunity:
        clock.add_row(
            clocked.act_id,
            clocked.date_edtf or "undated",
            clocked.investigation.value.replace("_", " "),
            _days(clocked.days_without_investigation),
            _days(clocked.days_without_charge),
            _days(clocked.days_without_verdict),
        )
    console.print(clock)


def _period(earliest: dt.date | None, latest: dt.date | None) -> str:
    if earliest is None and latest is None:
        return "always (undated)"
    start = earliest.isoformat() if earliest else ".."
    end = latest.isoformat() if latest else ".."
    return f"{start} to {end}"


def _emit_links(title: str, links: list[CommandLink]) -> None:
    if not links:
        return
    table = Table(title=title)
    for column in ("superior", "subordinate", "relation", "period", "from record"):
        table.add_column(column, overflow="fold")
    for link in links:
        table.add_row(
            link.superior.label,
            link.subordinate.label,
            link.relation.replace("_", " "),
            link.date_edtf or _period(link.date_earliest, link.date_latest),
            link.relationship_id or "organization parent",
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("accountability")(accountability)
