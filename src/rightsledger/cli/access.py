"""`user`, `member`, `audit` and `login-check`: accounts, roles and the audit trail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from rightsledger.cli.common import (
    CasebookOption,
    OutputFormat,
    console,
    emit_json,
    emit_records,
    open_casebook,
)
from rightsledger.ledger import Entry
from rightsledger.model.access import ROLES
from rightsledger.protect import audit, policy, users
from rightsledger.protect.session import identity_for_cli, read_new_password
from rightsledger.protect.users import Enrolment

UserOption = Annotated[
    str | None,
    typer.Option(
        "--user",
        "-u",
        help="Act as this user, signing in with password and one-time code (default: "
        "$RIGHTSLEDGER_USER; with neither, the casebook owner acts as admin).",
        show_default=False,
    ),
]
RoleOption = Annotated[str, typer.Option("--role", help=f"One of {', '.join(ROLES)}.")]

user_app = typer.Typer(help="Accounts: add, list, disable, change passwords.", no_args_is_help=True)
member_app = typer.Typer(help="Roles of users in this casebook.", no_args_is_help=True)
audit_app = typer.Typer(
    help="The audit trail: sign-ins, sensitive reads, changes.", no_args_is_help=True
)


def _print_enrolment(enrolment: Enrolment) -> None:
    console.print(
        "Second factor: add it to an authenticator app now (scan the URI as a QR code or type "
        "the secret). It is shown only this once.",
        markup=False,
    )
    console.print(f"  URI:    {enrolment.uri}", markup=False)
    console.print(f"  secret: {enrolment.secret}", markup=False)


def add_user(
    username: Annotated[str, typer.Argument(help="Letters a-z, digits, '.', '_' or '-'.")],
    role: RoleOption = policy.VIEWER,
    user: UserOption = None,
    casebook: CasebookOption = None,
) -> None:
    """Add a user with a password and a TOTP second factor.

    The password is asked twice on the terminal, or read from $RIGHTSLEDGER_NEW_PASSWORD (or
    $RIGHTSLEDGER_PASSWORD when no --user signs in).
    """
    with open_casebook(casebook) as book:
        actor = identity_for_cli(book, username=user)
        policy.require(actor, "manage_users", kind="users")
        # Mistakes in the name or role are reported before anyone types a password.
        name, _ = users.clean_username(username), users.clean_role(role)
        password = read_new_password(name, acting_user=actor is not None)
        with book.session() as session:
            enrolment = users.add_user(
                session,
                username=name,
                password=password,
                role=role,
                keyring=book.keyring,
                actor=actor,
            )
    console.print(f"Added user {enrolment.username} as {role}.", markup=False)
    _print_enrolment(enrolment)


def list_users(
    output: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.TABLE
    ),
    user: UserOption = None,
    casebook: CasebookOption = None,
) -> None:
    """List users, their roles, and whether they are disabled or locked out."""
    with open_casebook(casebook) as book:
        actor = identity_for_cli(book, username=user)
        with book.reader() as session:
            found = users.list_users(session, actor=actor)
    rows = [
        {
            "username": info.username,
            "role": info.role,
            "disabled": info.disabled,
            "totp": info.totp_enrolled,
            "failed_logins": info.failed_logins,
            "locked_until": info.locked_until.isoformat() if info.locked_until else None,
            "created_at": info.created_at.isoformat(),
        }
        for info in found
    ]
    columns = (
        "username",
        "role",
        "disabled",
        "totp",
        "failed_logins",
        "locked_until",
        "created_at",
    )
    emit_records(rows, columns, output, title=f"{len(rows)} users")


def disable_user(
    username: Annotated[str, typer.Argument(help="The user to disable.")],
    user: UserOption = None,
    casebook: CasebookOption = None,
) -> None:
    """Disable a user: they can no longer sign in; their history stays in the audit trail."""
    with open_casebook(casebook) as book:
        actor = identity_for_cli(book, username=user)
        with book.session() as session:
            users.disable_user(session, username=username, actor=actor)
    console.print(f"Disabled user {users.clean_username(username)}.", markup=False)


def change_password(
    username: Annotated[str, typer.Argument(help="Whose password (admins: anyone's).")],
    user: UserOption = None,
    casebook: CasebookOption = None,
) -> None:
    """Set a new password (asked twice, or $RIGHTSLEDGER_NEW_PASSWORD); lifts a lockout."""
    with open_casebook(casebook) as book:
        actor = identity_for_cli(book, username=user)
        name = users.clean_username(username)
        if actor is None or actor.username != name:
            policy.require(actor, "manage_users", kind="users")
        password = read_new_password(name, acting_user=actor is not None)
        with book.session() as session:
            users.set_password(session, username=name, password=password, actor=actor)
    console.print(f"Changed the password of {name}.", markup=False)


def new_totp(
    username: Annotated[str, typer.Argument(help="Whose second factor to replace.")],
    user: UserOption = None,
    casebook: CasebookOption = None,
) -> None:
    """Replace a user's TOTP secret (a lost phone): the old codes stop working at once."""
    with open_casebook(casebook) as book:
        actor = identity_for_cli(book, username=user)
        with book.session() as session:
            enrolment = users.enrol_totp(
                session, username=username, keyring=book.keyring, actor=actor
            )
    _print_enrolment(enrolment)


def add_member(
    username: Annotated[str, typer.Argument(help="An existing user.")],
    role: RoleOption,
    user: UserOption = None,
    casebook: CasebookOption = None,
) -> None:
    """Give a user a role in this casebook, or change the role they have."""
    with open_casebook(casebook) as book:
        actor = identity_for_cli(book, username=user)
        with book.session() as session:
            users.set_role(session, username=username, role=role, actor=actor)
    console.print(f"{users.clean_username(username)} is now {role}.", markup=False)


def _entry_row(entry: Entry) -> dict[str, object]:
    return {
        "seq": entry.seq,
        "at": entry.at,
        "actor": entry.actor,
        "action": entry.action,
        "subject": entry.subject,
        "details": json.loads(entry.details),
    }


def show_audit(
    limit: Annotated[int, typer.Option("--limit", min=1, help="The last N entries.")] = 50,
    output: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.TABLE
    ),
    user: UserOption = None,
    casebook: CasebookOption = None,
) -> None:
    """Show the last entries of the audit trail (reading it is itself recorded)."""
    with open_casebook(casebook) as book:
        actor = identity_for_cli(book, username=user)
        policy.require(actor, "read_audit", kind="audit")
        with book.engine.begin() as connection:
            found = audit.entries(connection, limit=limit)
            audit.record(
                connection,
                actor=actor,
                action=audit.AUDIT_READ,
                subject="audit",
                details={"entries": len(found)},
            )
    rows = [_entry_row(entry) for entry in found]
    if output is not OutputFormat.TABLE:
        columns = ("seq", "at", "actor", "action", "subject", "details")
        emit_records(rows, columns, output, title="audit")
        return
    # Text cells, never markup: actors and subjects include whatever someone typed at sign-in.
    table = Table(title=f"audit: last {len(rows)} entries")
    for column in ("seq", "at", "actor", "action", "subject", "details"):
        table.add_column(column, overflow="fold")
    for row in rows:
        details = json.dumps(row["details"], ensure_ascii=False, sort_keys=True)
        table.add_row(
            *(Text(str(row[c] or "")) for c in ("seq", "at", "actor", "action", "subject")),
            Text(details),
        )
    console.print(table)


def verify_audit(
    head: Annotated[
        Path | None, typer.Option("--head", help="A head file exported earlier (kept elsewhere).")
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = (
        OutputFormat.TABLE
    ),
    user: UserOption = None,
    casebook: CasebookOption = None,
) -> None:
    """Rebuild the audit log from its entries and check it against the signed heads.

    Exit code 0 when it holds, 1 when anything was altered, deleted or reordered (the first bad
    sequence number is named).
    """
    with open_casebook(casebook) as book:
        actor = identity_for_cli(book, username=user)
        policy.require(actor, "verify", kind="audit")
        with book.engine.begin() as connection:
            check = audit.verify(connection, book, head_file=head)
            audit.record(
                connection,
                actor=actor,
                action=audit.AUDIT_VERIFIED,
                subject="audit",
                details={
                    "entries": check.log.size,
                    "problems": len(check.problems),
                    "head_file": str(head) if head else None,
                },
            )
    if output is OutputFormat.TABLE:
        for problem in check.problems:
            console.print(f"PROBLEM: {problem}", markup=False)
        verdict = "OK" if check.ok else f"FAILED ({len(check.problems)} problems)"
        console.print(
            f"{verdict}: audit log of {check.log.size} entries rebuilt; "
            f"{check.heads_checked} signed heads checked.",
            markup=False,
        )
    else:
        emit_json(
            {
                "ok": check.ok,
                "entries": check.log.size,
                "root": check.log.root,
                "first_bad_seq": check.first_bad_seq,
                "heads_checked": check.heads_checked,
                "problems": check.problems,
            }
        )
    if not check.ok:
        raise typer.Exit(1)


def login_check(
    username: Annotated[str, typer.Argument(help="The user to sign in as.")],
    casebook: CasebookOption = None,
) -> None:
    """Sign in as USERNAME (password and code asked, or from the environment); print the role.

    Exit code 0 when the credentials are accepted, 1 when refused. Every attempt is recorded.
    """
    with open_casebook(casebook) as book:
        identity = identity_for_cli(book, username=username)
    assert identity is not None  # a username was given, so there is someone to sign in
    console.print(f"{identity.username}: signed in, role {identity.role or 'none'}.", markup=False)


def register(app: typer.Typer) -> None:
    user_app.command("add")(add_user)
    user_app.command("list")(list_users)
    user_app.command("disable")(disable_user)
    user_app.command("passwd")(change_password)
    user_app.command("totp")(new_totp)
    member_app.command("add")(add_member)
    audit_app.command("show")(show_audit)
    audit_app.command("verify")(verify_audit)
    app.add_typer(user_app, name="user")
    app.add_typer(member_app, name="member")
    app.add_typer(audit_app, name="audit")
    app.command("login-check")(login_check)
