"""Users, sign-in (Argon2id + TOTP), lockout, the audit trail and their commands.

All users, passwords and secrets here are synthetic.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, text

from rightsledger.errors import AccessDenied, InvalidValue, UserError
from rightsledger.model import User, audit_log
from rightsledger.protect import audit, passwords, totp, users
from rightsledger.protect.policy import Identity
from rightsledger.protect.users import AuthenticationFailed
from rightsledger.store.casebook import Casebook
from tests.helpers import cli

PASSWORD = "synthetic correct horse"
T0 = dt.datetime(2026, 3, 1, 12, 0, 5, tzinfo=dt.UTC)  # 5 s into a TOTP step
STEP = dt.timedelta(seconds=totp.STEP_SECONDS)
ENV = (
    "RIGHTSLEDGER_USER",
    "RIGHTSLEDGER_PASSWORD",
    "RIGHTSLEDGER_NEW_PASSWORD",
    "RIGHTSLEDGER_TOTP",
)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def sqlite_book(tmp_path: Path) -> Iterator[Casebook]:
    """For behaviour that does not depend on the backend (commands, policy wiring)."""
    with Casebook.create(tmp_path / "casebook") as book:
        yield book


def add(casebook: Casebook, username: str = "alice", role: str | None = "documenter") -> str:
    """Add a user as the owner; returns the TOTP secret."""
    with casebook.session() as session:
        enrolment = users.add_user(
            session,
            username=username,
            password=PASSWORD,
            role=role,
            keyring=casebook.keyring,
            actor=None,
            now=T0,
        )
    return enrolment.secret


def sign_in(
    casebook: Casebook,
    secret: str,
    *,
    at: dt.datetime,
    username: str = "alice",
    password: str = PASSWORD,
    code: str | None = None,
) -> Identity:
    return users.authenticate(
        casebook,
        username=username,
        password=password,
        totp_code=code if code is not None else totp.code_at(secret, at),
        now=at,
    )


def audit_rows(casebook: Casebook) -> list[dict[str, object]]:
    with casebook.engine.connect() as connection:
        return [
            dict(row)
            for row in connection.execute(select(audit_log).order_by(audit_log.c.seq)).mappings()
        ]


def stored_user(casebook: Casebook, username: str = "alice") -> User:
    with casebook.reader() as session:
        return session.execute(select(User).where(User.username == username)).scalar_one()


# -- passwords -----------------------------------------------------------------------------------


def test_argon2_parameters_are_pinned_and_above_the_owasp_minimum() -> None:
    stored = passwords.hash_password(PASSWORD)
    assert stored.startswith("$argon2id$v=19$m=47104,t=2,p=1$")
    parameters = passwords.parameters_of(stored)
    assert parameters == {
        "type": "id",
        "memory_kib": 47104,
        "time_cost": 2,
        "parallelism": 1,
        "hash_bytes": 32,
        "salt_bytes": 16,
    }
    assert parameters["memory_kib"] >= 19 * 1024
    assert parameters["time_cost"] >= 2
    assert passwords.verify_password(stored, PASSWORD)
    assert not passwords.verify_password(stored, PASSWORD + "!")
    assert not passwords.verify_password("not a hash", PASSWORD)
    assert passwords.hash_password(PASSWORD) != stored  # salted


def test_password_length_rules() -> None:
    with pytest.raises(InvalidValue, match="at least 12"):
        passwords.check_new_password("short pass")
    with pytest.raises(InvalidValue, match="at most 1024"):
        passwords.check_new_password("x" * 1025)
    passwords.check_new_password("twelve chars")


def test_a_hash_with_old_parameters_is_upgraded_at_sign_in(casebook: Casebook) -> None:
    secret = add(casebook)
    old = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1).hash(PASSWORD)
    with casebook.session() as session:
        session.execute(select(User)).scalar_one().password_hash = old
    assert passwords.needs_rehash(old)
    sign_in(casebook, secret, at=T0)
    upgraded = stored_user(casebook).password_hash
    assert upgraded != old
    assert passwords.parameters_of(upgraded)["memory_kib"] == 47104
    assert not passwords.needs_rehash(upgraded)
    success = [r for r in audit_rows(casebook) if r["action"] == "login_succeeded"]
    assert json.loads(str(success[-1]["details"]))["rehashed"] is True
    sign_in(casebook, secret, at=T0 + STEP)  # the new hash works


# -- one-time codes --------------------------------------------------------------------------------


def test_totp_steps_and_replays() -> None:
    secret = totp.new_secret()
    now_step = totp.step_at(T0)
    code = totp.code_at(secret, T0)
    assert totp.accepted_step(secret, code, now=T0, last_step=None) == now_step
    assert totp.accepted_step(secret, code, now=T0, last_step=now_step) is None  # replay
    earlier = totp.code_at(secret, T0 - STEP)
    assert totp.accepted_step(secret, earlier, now=T0, last_step=now_step) is None  # older
    later = totp.code_at(secret, T0 + STEP)
    assert totp.accepted_step(secret, later, now=T0, last_step=now_step) == now_step + 1
    too_old = totp.code_at(secret, T0 - 2 * STEP)
    assert totp.accepted_step(secret, too_old, now=T0, last_step=None) is None
    spaced = f"{code[:3]} {code[3:]}"
    assert totp.accepted_step(secret, spaced, now=T0, last_step=None) == now_step
    assert totp.accepted_step(secret, "12345", now=T0, last_step=None) is None


@given(st.text(max_size=12))
def test_code_normalisation(raw: str) -> None:
    digits = totp.normalise_code(raw)
    if digits is not None:
        assert re.fullmatch(r"[0-9]{6}", digits)
        assert totp.normalise_code(digits) == digits


@given(st.text(max_size=70))
def test_username_cleaning(raw: str) -> None:
    try:
        name = users.clean_username(raw)
    except InvalidValue:
        return
    assert re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,63}", name)
    assert users.clean_username(name) == name


def test_provisioning_uri() -> None:
    uri = totp.provisioning_uri("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "alice")
    assert (
        uri
        == "otpauth://totp/rightsledger:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=rightsledger"
    )


def test_replayed_and_old_codes_are_refused_at_sign_in(casebook: Casebook) -> None:
    secret = add(casebook)
    code = totp.code_at(secret, T0)
    identity = sign_in(casebook, secret, at=T0, code=code)
    assert identity == Identity(identity.user_id, "alice", "documenter")
    with pytest.raises(AuthenticationFailed):
        sign_in(casebook, secret, at=T0, code=code)  # the same step again
    with pytest.raises(AuthenticationFailed):
        sign_in(casebook, secret, at=T0 + STEP, code=code)  # an old one, still in the window
    with pytest.raises(AuthenticationFailed):
        sign_in(casebook, secret, at=T0, code=totp.code_at(secret, T0 - STEP))
    following = totp.code_at(secret, T0 + STEP)
    sign_in(casebook, secret, at=T0, code=following)  # the next step works, once
    with pytest.raises(AuthenticationFailed):
        sign_in(casebook, secret, at=T0 + STEP, code=following)
    assert stored_user(casebook).totp_last_step == totp.step_at(T0) + 1
    reasons = [
        json.loads(str(r["details"]))["reason"]
        for r in audit_rows(casebook)
        if r["action"] == "login_failed"
    ]
    assert reasons == ["wrong or reused code"] * 4


# -- lockout ---------------------------------------------------------------------------------------


def test_repeated_failures_lock_the_account_until_a_time(casebook: Casebook) -> None:
    secret = add(casebook)
    for attempt in range(users.FREE_ATTEMPTS):
        with pytest.raises(AuthenticationFailed):
            sign_in(casebook, secret, at=T0 + dt.timedelta(seconds=attempt), password="wrong" * 3)
    last_failure = T0 + dt.timedelta(seconds=users.FREE_ATTEMPTS - 1)
    user = stored_user(casebook)
    assert user.failed_logins == 5
    assert user.locked_until == last_failure + dt.timedelta(minutes=1)
    # During the lock even the right password and a fresh code fail, and do not extend it.
    with pytest.raises(AuthenticationFailed):
        sign_in(casebook, secret, at=last_failure + dt.timedelta(seconds=50))
    assert stored_user(casebook).locked_until == last_failure + dt.timedelta(minutes=1)
    # After it expires, one more failure locks for twice as long.
    after = last_failure + dt.timedelta(minutes=1, seconds=1)
    with pytest.raises(AuthenticationFailed):
        sign_in(casebook, secret, at=after, password="still wrong!")
    assert stored_user(casebook).locked_until == after + dt.timedelta(minutes=2)
    finally_in = after + dt.timedelta(minutes=2, seconds=1)
    assert sign_in(casebook, secret, at=finally_in).username == "alice"
    user = stored_user(casebook)
    assert (user.failed_logins, user.locked_until) == (0, None)
    reasons = [
        json.loads(str(r["details"]))["reason"]
        for r in audit_rows(casebook)
        if r["action"] == "login_failed"
    ]
    assert reasons == ["wrong password"] * 5 + ["locked", "wrong password"]


def test_lock_durations() -> None:
    assert [users.lock_duration(n) for n in (0, 4)] == [None, None]
    assert users.lock_duration(5) == dt.timedelta(minutes=1)
    assert users.lock_duration(8) == dt.timedelta(minutes=8)
    assert users.lock_duration(11) == dt.timedelta(hours=1)
    assert users.lock_duration(10_000) == dt.timedelta(hours=1)


def test_a_new_password_lifts_the_lock(sqlite_book: Casebook) -> None:
    secret = add(sqlite_book)
    for _ in range(6):
        with pytest.raises(AuthenticationFailed):
            sign_in(sqlite_book, secret, at=T0, password="wrong" * 3)
    with sqlite_book.session() as session:
        users.set_password(session, username="alice", password=PASSWORD + "2", actor=None)
    assert sign_in(sqlite_book, secret, at=T0, password=PASSWORD + "2").role == "documenter"


# -- accounts and their audit ---------------------------------------------------------------------


def test_disabled_users_cannot_sign_in(casebook: Casebook) -> None:
    secret = add(casebook)
    add(casebook, "root", role="admin")
    with casebook.session() as session:
        users.disable_user(session, username="alice", actor=None)
    with pytest.raises(AuthenticationFailed) as raised:
        sign_in(casebook, secret, at=T0)
    assert raised.value.status == 401
    assert stored_user(casebook).failed_logins == 0
    assert audit_rows(casebook)[-1]["action"] == "login_failed"
    assert json.loads(str(audit_rows(casebook)[-1]["details"]))["reason"] == "disabled"


def test_every_sign_in_attempt_is_audited_and_no_secret_is_in_clear(casebook: Casebook) -> None:
    secret = add(casebook)
    wrong = "synthetic-wrong-password"
    with pytest.raises(AuthenticationFailed):
        sign_in(casebook, secret, at=T0, password=wrong)
    with pytest.raises(AuthenticationFailed):
        sign_in(casebook, secret, at=T0, username="mallory")
    code = totp.code_at(secret, T0)
    sign_in(casebook, secret, at=T0, code=code)
    rows = audit_rows(casebook)
    logins = [(r["actor"], r["action"], r["subject"]) for r in rows if "login" in str(r["action"])]
    assert logins == [
        ("alice", "login_failed", "user:alice"),
        ("mallory", "login_failed", "user:mallory"),
        ("alice", "login_succeeded", "user:alice"),
    ]
    everything = json.dumps(rows, default=str)
    for secret_text in (PASSWORD, wrong, code, secret):
        assert secret_text not in everything
    # The TOTP secret itself is ciphertext in the users table, and nowhere in clear.
    with casebook.engine.connect() as connection:
        stored = connection.execute(text("SELECT totp_secret FROM users")).scalar_one()
        dump = " ".join(
            str(value)
            for table in ("users", "audit_log", "data_keys")
            for row in connection.execute(text(f"SELECT * FROM {table}"))
            for value in row
        )
    assert stored.startswith("enc1:")
    assert secret not in dump
    assert secret.lower() not in dump.lower()


def test_usernames_cannot_forge_log_lines(sqlite_book: Casebook) -> None:
    add(sqlite_book)
    forged = "bob\nseq=99 actor=admin action=login_succeeded"
    with pytest.raises(AuthenticationFailed):
        users.authenticate(sqlite_book, username=forged, password="x", totp_code="000000", now=T0)
    row = audit_rows(sqlite_book)[-1]
    assert row["actor"] == "bob\\u000aseq=99 actor=admin action=login_succeeded"
    assert "\n" not in str(row["subject"])


def test_audit_refuses_secret_details(sqlite_book: Casebook) -> None:
    with sqlite_book.engine.begin() as connection, pytest.raises(ValueError, match="password"):
        audit.record(connection, actor=None, action="user_added", details={"password": "x"})


def test_only_admins_manage_users(sqlite_book: Casebook) -> None:
    add(sqlite_book)
    documenter = Identity(1, "alice", "documenter")
    with sqlite_book.session() as session, pytest.raises(AccessDenied, match="manage users"):
        users.add_user(
            session,
            username="eve",
            password=PASSWORD,
            role="admin",
            keyring=sqlite_book.keyring,
            actor=documenter,
        )
    with sqlite_book.session() as session, pytest.raises(AccessDenied):
        users.set_role(session, username="alice", role="admin", actor=documenter)
    with sqlite_book.session() as session:  # but anyone may change their own password
        users.set_password(session, username="alice", password=PASSWORD + "3", actor=documenter)
    assert [u.username for u in _list(sqlite_book)] == ["alice"]


def _list(casebook: Casebook) -> list[users.UserInfo]:
    with casebook.reader() as session:
        return users.list_users(session, actor=None)


def test_roles_and_the_last_admin(casebook: Casebook) -> None:
    add(casebook, "root", role="admin")
    add(casebook, "bob", role=None)
    assert {u.username: u.role for u in _list(casebook)} == {"root": "admin", "bob": None}
    with casebook.session() as session:
        users.add_member(session, username="bob", role="analyst", actor=None)
    with casebook.session() as session, pytest.raises(UserError, match="last active admin"):
        users.set_role(session, username="root", role="viewer", actor=None)
    with casebook.session() as session, pytest.raises(UserError, match="last active admin"):
        users.disable_user(session, username="root", actor=None)
    with casebook.session() as session, pytest.raises(UserError, match="already exists"):
        users.add_user(
            session,
            username="BOB",
            password=PASSWORD,
            role=None,
            keyring=casebook.keyring,
            actor=None,
        )
    with casebook.session() as session, pytest.raises(InvalidValue, match="not a role"):
        users.set_role(session, username="bob", role="owner", actor=None)
    assert {u.username: u.role for u in _list(casebook)} == {"root": "admin", "bob": "analyst"}
    actions = [r["action"] for r in audit_rows(casebook)]
    assert actions == [
        "user_added",
        "role_set",
        "totp_enrolled",
        "user_added",
        "totp_enrolled",
        "role_set",
    ]


def test_adding_a_user_needs_the_casebook_key(sqlite_book: Casebook) -> None:
    with sqlite_book.session() as session, pytest.raises(UserError, match="casebook's key"):
        users.add_user(
            session, username="alice", password=PASSWORD, role="viewer", keyring=None, actor=None
        )


# -- the audit trail -------------------------------------------------------------------------------


def _tamper(casebook: Casebook, seq: int) -> None:
    with casebook.engine.begin() as connection:
        if casebook.backend == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        else:
            connection.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER ALL")
        connection.execute(
            text("UPDATE audit_log SET actor = 'someone-else' WHERE seq = :seq"), {"seq": seq}
        )


def test_audit_verify_passes_then_names_the_first_bad_entry(
    casebook: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = add(casebook)
    for moment in (T0, T0 + STEP):
        sign_in(casebook, secret, at=moment)
    code, out, err = cli(capsys, "audit", "verify", "-C", casebook.path)
    assert (code, err) == (0, "")
    assert "OK: audit log of 5 entries rebuilt" in out
    _tamper(casebook, 3)
    code, out, err = cli(capsys, "audit", "verify", "--format", "json", "-C", casebook.path)
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert report["first_bad_seq"] == 3
    assert report["problems"][0] == "entry 3 was altered after it was written"


def test_audit_verify_against_an_exported_head(
    sqlite_book: Casebook, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add(sqlite_book)
    head = tmp_path / "head.json"
    assert cli(capsys, "head", "export", head, "-C", sqlite_book.path)[0] == 0
    code, out, _ = cli(capsys, "audit", "verify", "--head", head, "-C", sqlite_book.path)
    assert code == 0, out
    assert "signed heads checked" in out


# -- the commands ----------------------------------------------------------------------------------


def test_commands_end_to_end(
    sqlite_book: Casebook, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    where = ("-C", str(sqlite_book.path))
    monkeypatch.setenv("RIGHTSLEDGER_NEW_PASSWORD", PASSWORD)
    code, out, err = cli(capsys, "user", "add", "Root", "--role", "admin", *where)
    assert (code, err) == (0, "")
    assert "Added user root as admin." in out
    root_secret = re.search(r"secret: ([A-Z2-7]{32})", out)
    assert root_secret is not None
    assert f"otpauth://totp/rightsledger:root?secret={root_secret[1]}" in out
    code, out, _ = cli(capsys, "user", "add", "carol", *where)
    assert code == 0
    assert "as viewer" in out

    # Root signs in from the environment to act as admin.
    monkeypatch.setenv("RIGHTSLEDGER_PASSWORD", PASSWORD)
    monkeypatch.setenv("RIGHTSLEDGER_TOTP", totp.code_at(root_secret[1], dt.datetime.now(dt.UTC)))
    code, out, _ = cli(capsys, "login-check", "root", *where)
    assert (code, out) == (0, "root: signed in, role admin.\n")
    monkeypatch.setenv(
        "RIGHTSLEDGER_TOTP", totp.code_at(root_secret[1], dt.datetime.now(dt.UTC) + STEP)
    )
    code, out, err = cli(
        capsys, "member", "add", "carol", "--role", "analyst", "--user", "root", *where
    )
    assert (code, err) == (0, "")
    code, out, _ = cli(capsys, "user", "list", "--format", "json", *where)
    listed = {row["username"]: row for row in json.loads(out)}
    assert listed["carol"]["role"] == "analyst"
    assert listed["root"]["totp"] is True
    code, _, _ = cli(capsys, "user", "disable", "carol", *where)
    assert code == 0
    code, out, _ = cli(capsys, "user", "list", "--format", "csv", *where)
    assert "carol,analyst,true," in out

    code, out, _ = cli(capsys, "audit", "show", "--limit", "3", "--format", "json", *where)
    shown = json.loads(out)
    assert [entry["action"] for entry in shown] == ["login_succeeded", "role_set", "user_disabled"]
    assert shown[1]["actor"] == "root"
    assert shown[1]["details"] == {"role": "analyst", "previous": "viewer"}
    assert shown[2]["actor"].startswith("owner:")
    code, out, _ = cli(capsys, "audit", "show", *where)
    assert code == 0
    assert out.startswith("audit: last 11 entries")


def test_a_refused_sign_in_and_a_refused_action(
    sqlite_book: Casebook, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = add(sqlite_book, "dana", role="viewer")
    monkeypatch.setenv("RIGHTSLEDGER_PASSWORD", "synthetic wrong one")
    monkeypatch.setenv("RIGHTSLEDGER_TOTP", "000000")
    code, out, err = cli(capsys, "login-check", "dana", "-C", sqlite_book.path)
    assert code == 1
    assert out == ""
    assert err.startswith("error: sign-in failed: wrong username, password or code")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    monkeypatch.setenv("RIGHTSLEDGER_PASSWORD", PASSWORD)
    monkeypatch.setenv("RIGHTSLEDGER_TOTP", totp.code_at(secret, dt.datetime.now(dt.UTC)))
    code, out, err = cli(capsys, "audit", "show", "--user", "dana", "-C", sqlite_book.path)
    assert code == 1
    assert err == "error: dana (viewer) may not read the audit trail (audit)\n"


@pytest.mark.parametrize(
    "command",
    [("login-check", "alice"), ("user", "list", "--user", "alice"), ("user", "add", "zed")],
)
def test_no_terminal_and_no_environment_is_a_clear_error(
    sqlite_book: Casebook, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    add(sqlite_book)
    # Under pytest standard input is not a terminal, as under cron or a pipe.
    code, out, err = cli(capsys, *command, "-C", sqlite_book.path)
    assert code == 2
    assert out == ""
    assert re.fullmatch(r"error: [^\n]*there is no terminal to ask on[^\n]*\n", err), err


def test_a_bad_name_or_role_is_reported_before_any_password_is_asked(
    sqlite_book: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "user", "add", "bad name", "-C", sqlite_book.path)
    assert (code, out) == (2, "")
    assert err.startswith("error: 'bad name' is not a valid username")
    code, out, err = cli(capsys, "user", "add", "bob", "--role", "boss", "-C", sqlite_book.path)
    assert code == 2
    assert err == "error: 'boss' is not a role; choose one of admin, documenter, analyst, viewer\n"


def test_a_totp_secret_moved_to_another_account_does_not_open(sqlite_book: Casebook) -> None:
    add(sqlite_book, "alice")
    mallory_secret = add(sqlite_book, "mallory", role="viewer")
    with sqlite_book.engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE users SET totp_secret = "
                "(SELECT totp_secret FROM users WHERE username = 'mallory') "
                "WHERE username = 'alice'"
            )
        )
    with pytest.raises(AuthenticationFailed):
        sign_in(sqlite_book, mallory_secret, at=T0)  # alice's password, mallory's code
    details = json.loads(str(audit_rows(sqlite_book)[-1]["details"]))
    assert details["reason"] == "the stored second factor does not open (altered?)"


def test_audit_verify_names_a_deleted_entry(
    sqlite_book: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    add(sqlite_book)
    with sqlite_book.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        connection.exec_driver_sql("DELETE FROM audit_log WHERE seq = 2")
    code, out, _ = cli(capsys, "audit", "verify", "-C", sqlite_book.path)
    assert code == 1
    assert out.startswith("PROBLEM: entry 2 is missing or out of order (found sequence 3)\n")
