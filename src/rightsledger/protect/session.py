"""Who is running a command: signing in from the command line, without ever hanging.

``--user`` (or ``$RIGHTSLEDGER_USER``) names the user; the password and the one-time code are
asked on the terminal, or read from ``$RIGHTSLEDGER_PASSWORD`` and ``$RIGHTSLEDGER_TOTP`` for
scripts. Without a terminal and without those variables the command stops with a one-line error
instead of waiting for input that cannot come. No user at all means the casebook owner (see
``policy``).
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import sys
from collections.abc import Callable

from rightsledger.errors import UserError
from rightsledger.protect import passwords, users
from rightsledger.protect.keys import Keyring
from rightsledger.protect.policy import Identity
from rightsledger.store.casebook import Casebook

ENV_USER = "RIGHTSLEDGER_USER"
# Names of environment variables, not secrets.
ENV_PASSWORD = "RIGHTSLEDGER_PASSWORD"  # noqa: S105
ENV_NEW_PASSWORD = "RIGHTSLEDGER_NEW_PASSWORD"  # noqa: S105
ENV_TOTP = "RIGHTSLEDGER_TOTP"

Prompt = Callable[[str], str]


def _hidden_prompt(label: str) -> str:
    return getpass.getpass(f"{label}: ")


def _interactive() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # closed or replaced standard input
        return False


def _ask(label: str, variable: str, prompt: Prompt | None) -> str:
    value = os.environ.get(variable)
    if value is not None:
        return value
    if _interactive():
        return (prompt or _hidden_prompt)(label)
    raise UserError(
        f"{label.lower()} needed but there is no terminal to ask on: set {variable}, or run the "
        "command from a terminal"
    )


def identity_for_cli(
    casebook: Casebook,
    *,
    username: str | None = None,
    keyring: Keyring | None = None,
    prompt: Prompt | None = None,
    now: dt.datetime | None = None,
) -> Identity | None:
    """Sign in the user named by ``--user`` or $RIGHTSLEDGER_USER; None when none is named.

    Raises ``AuthenticationFailed`` when the credentials are refused (after the attempt is on
    record) and ``UserError`` when they cannot be asked for.
    """
    name = username or os.environ.get(ENV_USER) or None
    if name is None:
        return None
    signed_in = casebook.identity
    if signed_in is not None and signed_in.username == name.strip().lower():
        return signed_in  # already signed in for this command: a second code would be a replay
    password = _ask(f"Password for {name}", ENV_PASSWORD, prompt)
    code = _ask(f"One-time code for {name}", ENV_TOTP, prompt)
    return users.authenticate(
        casebook, username=name, password=password, totp_code=code, keyring=keyring, now=now
    )


def read_new_password(username: str, *, acting_user: bool, prompt: Prompt | None = None) -> str:
    """A new password for ``username``: typed twice on the terminal, or from the environment.

    $RIGHTSLEDGER_NEW_PASSWORD is read first. $RIGHTSLEDGER_PASSWORD is read only when nobody
    signed in for this command (``acting_user`` False): otherwise it holds the signed-in user's
    own password, which must never become someone else's by accident.
    """
    for variable in (ENV_NEW_PASSWORD, *(() if acting_user else (ENV_PASSWORD,))):
        value = os.environ.get(variable)
        if value is not None:
            passwords.check_new_password(value)
            return value
    if not _interactive():
        hint = ENV_NEW_PASSWORD if acting_user else f"{ENV_NEW_PASSWORD} or {ENV_PASSWORD}"
        raise UserError(
            f"a new password for {username} is needed but there is no terminal to ask on: set "
            f"{hint}, or run the command from a terminal"
        )
    ask = prompt or _hidden_prompt
    first = ask(f"New password for {username}")
    passwords.check_new_password(first)
    if ask("Repeat it") != first:
        raise UserError("the two passwords differ; nothing was changed")
    return first
