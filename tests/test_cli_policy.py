"""The CLI enforces the one policy module when run as a user: roles decide what is shown."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import update

from rightsledger.model import User
from rightsledger.protect import totp, users
from rightsledger.store.casebook import Casebook
from tests.helpers import cli, import_demo

PASSWORD = "a long synthetic password"


@pytest.fixture
def staffed(casebook: Casebook) -> dict[str, str]:
    """The demo data and one user per role; returns each user's TOTP secret."""
    import_demo(casebook)
    secrets = {}
    with casebook.session() as session:
        for role in ("admin", "documenter", "analyst", "viewer"):
            enrolment = users.add_user(
                session,
                username=role,
                password=PASSWORD,
                role=role,
                keyring=casebook.keyring,
                actor=None,
            )
            secrets[role] = enrolment.secret
    return secrets


def as_user(
    capsys: pytest.CaptureFixture[str],
    casebook: Casebook,
    secrets: dict[str, str],
    role: str,
    *args: str | Path,
) -> tuple[int, str, str]:
    # Each command signs in with a fresh code; forget the last step so a second command within
    # the same 30 seconds is not taken for a replay (the replay rule has its own tests).
    with casebook.engine.begin() as connection:
        connection.execute(update(User).where(User.username == role).values(totp_last_step=None))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RIGHTSLEDGER_USER", role)
        patch.setenv("RIGHTSLEDGER_PASSWORD", PASSWORD)
        patch.setenv("RIGHTSLEDGER_TOTP", totp.code_at(secrets[role], dt.datetime.now(dt.UTC)))
        return cli(capsys, *args, "--casebook", casebook.path)


def test_identities_only_for_roles_that_may_see_them(
    casebook: Casebook, staffed: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    for role, clear in (("admin", True), ("documenter", True), ("analyst", False)):
        code, out, err = as_user(
            capsys, casebook, staffed, role, "show", "persons", "p-001", "--format", "json"
        )
        assert code == 0, err
        record = json.loads(out)["record"]
        assert (record["family_name"] == "Хасанов") is clear, role
        if not clear:
            assert record["family_name"] is None
            assert record["external_id"].startswith("person-")
    code, out, _ = as_user(
        capsys, casebook, staffed, "analyst", "export", "persons", "--format", "jsonl"
    )
    assert code == 0
    assert "Хасанов" not in out


def test_viewers_see_only_published_records(
    casebook: Casebook, staffed: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = as_user(capsys, casebook, staffed, "viewer", "list", "acts", "--format", "json")
    assert code == 0
    shown = {row["external_id"] for row in json.loads(out)}
    assert shown == {"a-001", "a-002", "a-003", "a-004"}  # the published ones
    code, _, err = as_user(capsys, casebook, staffed, "viewer", "show", "acts", "a-101")
    assert code == 1
    assert err.startswith("error: ")
    assert "Traceback" not in err


def test_roles_without_the_grant_are_refused(
    casebook: Casebook,
    staffed: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    events = tmp_path / "e.csv"
    events.write_text("external_id,title\nev-z,Added by an analyst\n", encoding="utf-8")
    code, _, err = as_user(capsys, casebook, staffed, "analyst", "import", "events", events)
    assert code == 1
    assert "analyst" in err
    code, _, _ = as_user(capsys, casebook, staffed, "documenter", "import", "events", events)
    assert code == 0
    code, _, err = as_user(capsys, casebook, staffed, "documenter", "key", "rotate")
    assert code == 1


def test_a_wrong_password_is_refused_and_audited(
    casebook: Casebook, staffed: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RIGHTSLEDGER_USER", "analyst")
        patch.setenv("RIGHTSLEDGER_PASSWORD", "not the password at all")
        patch.setenv("RIGHTSLEDGER_TOTP", "000000")
        code, _, err = cli(capsys, "list", "events", "--casebook", casebook.path)
    assert code != 0
    assert "Traceback" not in err
    code, out, _ = cli(capsys, "audit", "show", "--format", "json", "--casebook", casebook.path)
    actions = [entry["action"] for entry in json.loads(out)]
    assert "login_failed" in actions
