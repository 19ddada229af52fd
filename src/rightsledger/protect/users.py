"""Users, their roles, and signing in: password (Argon2id) plus a one-time code (TOTP).

Service functions take the caller's ``Session`` and keyword arguments. Each one that changes or
lists accounts takes the acting ``Identity`` (None: the casebook owner), checks the policy itself
and writes an audit entry in the same transaction as the change.

Rate limiting lives in the database, not in a process: ``users.failed_logins`` counts failures in
a row, and from the fifth on ``users.locked_until`` refuses every attempt, the right password
included, for 1, 2, 4… minutes (at most an hour). A success resets both. Every attempt, whatever
its outcome, is an audit entry; the password and the code never are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from rightsledger.errors import AccessDenied, InvalidValue, NotFound, UserError
from rightsledger.model.access import ROLES, Member, User
from rightsledger.protect import audit, passwords, policy, totp
from rightsledger.protect.envelope import CannotDecrypt, Protector
from rightsledger.protect.keys import Keyring
from rightsledger.protect.policy import Identity
from rightsledger.store.casebook import Casebook

# Failures in a row allowed before the account locks, and how long the locks last.
FREE_ATTEMPTS = 5
FIRST_LOCK = dt.timedelta(minutes=1)
LONGEST_LOCK = dt.timedelta(hours=1)
TOTP_FIELD = "totp_secret"
# Plain ASCII names: no look-alike letters, nothing a log or a terminal could misread.
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
FAILED_MESSAGE = (
    "sign-in failed: wrong username, password or code, or the account is disabled or locked "
    "after repeated failures (an admin sees which with `rightsledger user list`)"
)


class AuthenticationFailed(AccessDenied):
    """Credentials refused. One message for every cause, so it reveals nothing to a guesser."""

    status = 401
    code = "unauthenticated"


@dataclass(frozen=True)
class Enrolment:
    """A new second factor: show ``secret`` and ``uri`` once to the user, then forget them."""

    username: str
    secret: str
    uri: str


@dataclass(frozen=True)
class UserInfo:
    """What may be shown about an account (never its hash or secret)."""

    username: str
    role: str | None
    disabled: bool
    totp_enrolled: bool
    failed_logins: int
    locked_until: dt.datetime | None
    created_at: dt.datetime


def clean_username(username: str) -> str:
    name = username.strip().lower()
    if not _USERNAME.fullmatch(name):
        raise InvalidValue(
            f"{username!r} is not a valid username: use 1-64 letters a-z, digits, '.', '_' or "
            "'-', starting with a letter or digit"
        )
    return name


def clean_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidValue(f"{role!r} is not a role; choose one of {', '.join(ROLES)}")
    return role


def _now(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; give a timezone")
    return now


def _find(session: Session, username: str, *, for_update: bool = False) -> User | None:
    query = select(User).where(User.username == username)
    if for_update:
        # Two attempts at once must not both read the same failure count (PostgreSQL locks the
        # row; SQLite serialises writers anyway).
        query = query.with_for_update()
    return session.execute(query).scalar_one_or_none()


def _get(session: Session, username: str) -> User:
    user = _find(session, clean_username(username))
    if user is None:
        raise NotFound(f"no user {username!r} in this casebook")
    return user


def _role(user: User) -> str | None:
    return user.membership.role if user.membership is not None else None


# -- accounts -------------------------------------------------------------------------------------


def add_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: str | None,
    keyring: Keyring | None,
    actor: Identity | None,
    now: dt.datetime | None = None,
) -> Enrolment:
    """Create an account with a password, a role (None: none yet) and a TOTP second factor."""
    policy.require(actor, "manage_users", kind="users")
    name = clean_username(username)
    passwords.check_new_password(password)
    if role is not None:
        clean_role(role)
    if _find(session, name) is not None:
        raise UserError(f"user {name!r} already exists")
    _require_keyring(keyring)
    user = User(
        username=name, password_hash=passwords.hash_password(password), created_at=_now(now)
    )
    session.add(user)
    session.flush()
    audit.record(
        session.connection(),
        actor=actor,
        action=audit.USER_ADDED,
        subject=f"user:{name}",
        details={"role": role},
    )
    if role is not None:
        user.membership = Member(role=role, created_at=_now(now))
        session.flush()
        audit.record(
            session.connection(),
            actor=actor,
            action=audit.ROLE_SET,
            subject=f"user:{name}",
            details={"role": role, "previous": None},
        )
    return _enrol(session, user, keyring, actor)


def enrol_totp(
    session: Session, *, username: str, keyring: Keyring | None, actor: Identity | None
) -> Enrolment:
    """Give a user a new TOTP secret (a lost phone); the old one stops working at once."""
    policy.require(actor, "manage_users", kind="users")
    return _enrol(session, _get(session, username), keyring, actor)


def _enrol(
    session: Session, user: User, keyring: Keyring | None, actor: Identity | None
) -> Enrolment:
    secret = totp.new_secret()
    protector = Protector(session.connection(), _require_keyring(keyring))
    user.totp_secret = protector.encrypt(f"users:{user.id}", TOTP_FIELD, secret)
    user.totp_last_step = None
    session.flush()
    audit.record(
        session.connection(), actor=actor, action="totp_enrolled", subject=f"user:{user.username}"
    )
    return Enrolment(user.username, secret, totp.provisioning_uri(secret, user.username))


def set_password(
    session: Session,
    *,
    username: str,
    password: str,
    actor: Identity | None,
) -> None:
    """Change a password (admins for anyone, a user for themself); also lifts a lockout."""
    name = clean_username(username)
    if actor is None or actor.username != name:
        policy.require(actor, "manage_users", kind="users")
    passwords.check_new_password(password)
    user = _get(session, name)
    user.password_hash = passwords.hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    audit.record(
        session.connection(), actor=actor, action=audit.PASSWORD_CHANGED, subject=f"user:{name}"
    )


def disable_user(session: Session, *, username: str, actor: Identity | None) -> None:
    """Disable an account for good: it can no longer sign in. Its history stays."""
    policy.require(actor, "manage_users", kind="users")
    user = _get(session, username)
    if user.disabled:
        return
    if _role(user) == policy.ADMIN:
        _keep_an_admin(session, user)
    user.disabled = True
    session.flush()
    audit.record(
        session.connection(),
        actor=actor,
        action=audit.USER_DISABLED,
        subject=f"user:{user.username}",
    )


def set_role(
    session: Session,
    *,
    username: str,
    role: str,
    actor: Identity | None,
    now: dt.datetime | None = None,
) -> None:
    """Make a user a member of this casebook with ``role``, or change the role they have."""
    policy.require(actor, "manage_users", kind="members")
    clean_role(role)
    user = _get(session, username)
    previous = _role(user)
    if previous == role:
        return
    if previous == policy.ADMIN and not user.disabled:
        _keep_an_admin(session, user)
    if user.membership is None:
        user.membership = Member(user_id=user.id, role=role, created_at=_now(now))
    else:
        user.membership.role = role
    session.flush()
    audit.record(
        session.connection(),
        actor=actor,
        action=audit.ROLE_SET,
        subject=f"user:{user.username}",
        details={"role": role, "previous": previous},
    )


add_member = set_role


def _keep_an_admin(session: Session, leaving: User) -> None:
    others = session.execute(
        select(func.count())
        .select_from(User)
        .join(Member, Member.user_id == User.id)
        .where(Member.role == policy.ADMIN, User.disabled.is_(False), User.id != leaving.id)
    ).scalar_one()
    if not others:
        raise UserError(f"{leaving.username} is the last active admin; make another admin first")


def list_users(session: Session, *, actor: Identity | None) -> list[UserInfo]:
    policy.require(actor, "manage_users", kind="users")
    users = session.execute(
        select(User).options(selectinload(User.membership)).order_by(User.username)
    ).scalars()
    return [
        UserInfo(
            username=user.username,
            role=_role(user),
            disabled=user.disabled,
            totp_enrolled=user.totp_secret is not None,
            failed_logins=user.failed_logins,
            locked_until=user.locked_until,
            created_at=user.created_at,
        )
        for user in users
    ]


def _require_keyring(keyring: Keyring | None) -> Keyring:
    if keyring is None:
        raise UserError(
            "TOTP secrets are encrypted with the casebook's key, which is not available: set "
            "RIGHTSLEDGER_KEY_FILE to the key file, or run from a terminal to be asked for the "
            "passphrase"
        )
    return keyring


# -- signing in -----------------------------------------------------------------------------------


def lock_duration(failures: int) -> dt.timedelta | None:
    """How long an account locks after ``failures`` in a row (None: not yet)."""
    if failures < FREE_ATTEMPTS:
        return None
    # Cap the exponent before doubling so the arithmetic stays small however long the attack.
    doublings = min(failures - FREE_ATTEMPTS, 12)
    return min(FIRST_LOCK * (1 << doublings), LONGEST_LOCK)


def check_credentials(
    session: Session,
    *,
    username: str,
    password: str,
    totp_code: str,
    keyring: Keyring | None,
    now: dt.datetime | None = None,
) -> Identity | None:
    """The Identity when the credentials are good, None when not. Never raises for bad input.

    Updates the counters and writes the audit entry in ``session``: the caller must commit
    whatever the outcome (``authenticate`` does).
    """
    moment = _now(now)
    typed = username.strip().lower()
    user = _find(session, typed, for_update=True) if _USERNAME.fullmatch(typed) else None

    def fail(reason: str, *, counted: bool, **details: object) -> None:
        audit.record(
            session.connection(),
            actor=user.username if user is not None else username,
            action=audit.LOGIN_FAILED,
            subject=f"user:{user.username if user is not None else username}",
            details={"reason": reason, "counted": counted, **details},
        )

    if user is None:
        passwords.waste_time(password)
        fail("unknown user", counted=False)
        return None
    if user.disabled:
        passwords.waste_time(password)
        fail("disabled", counted=False)
        return None
    if user.locked_until is not None and user.locked_until > moment:
        # The password is not checked (a lock that a correct guess could lift protects nothing),
        # but the answer takes as long as if it were.
        passwords.waste_time(password)
        fail("locked", counted=False, locked_until=user.locked_until.isoformat())
        return None
    if keyring is None:
        fail("the casebook key was not available to check the code", counted=False)
        return None
    if passwords.verify_password(user.password_hash, password):
        step, reason = _second_factor(session, user, keyring, totp_code, moment)
    else:
        step, reason = None, "wrong password"
    if step is None:
        user.failed_logins += 1
        lock = lock_duration(user.failed_logins)
        user.locked_until = moment + lock if lock is not None else None
        session.flush()
        fail(
            reason,
            counted=True,
            failures=user.failed_logins,
            locked_until=user.locked_until.isoformat() if user.locked_until else None,
        )
        return None
    rehashed = passwords.needs_rehash(user.password_hash)
    if rehashed:
        user.password_hash = passwords.hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    user.totp_last_step = step
    session.flush()
    identity = Identity(user_id=user.id, username=user.username, role=_role(user))
    audit.record(
        session.connection(),
        actor=identity,
        action=audit.LOGIN_SUCCEEDED,
        subject=f"user:{user.username}",
        details={"role": identity.role, "rehashed": rehashed},
    )
    return identity


def _second_factor(
    session: Session, user: User, keyring: Keyring, code: str, moment: dt.datetime
) -> tuple[int | None, str]:
    """The accepted TOTP step, or None and why not."""
    if user.totp_secret is None:
        return None, "no second factor enrolled"
    try:
        secret = Protector(session.connection(), keyring).decrypt(
            f"users:{user.id}", TOTP_FIELD, user.totp_secret
        )
    except CannotDecrypt:
        # Altered or moved ciphertext: refuse, and keep the attempt on record.
        return None, "the stored second factor does not open (altered?)"
    step = totp.accepted_step(secret, code, now=moment, last_step=user.totp_last_step)
    return step, "wrong or reused code"


def authenticate(
    casebook: Casebook,
    *,
    username: str,
    password: str,
    totp_code: str,
    keyring: Keyring | None = None,
    now: dt.datetime | None = None,
) -> Identity:
    """Sign in: the Identity, or ``AuthenticationFailed`` once the attempt is on record.

    Runs in its own transaction, committed even when the credentials are refused, so that the
    failure count and the audit entry survive the refusal. ``keyring`` defaults to the
    casebook's.
    """
    key = keyring if keyring is not None else casebook.keyring
    with casebook.session() as session:
        identity = check_credentials(
            session,
            username=username,
            password=password,
            totp_code=totp_code,
            keyring=key,
            now=now,
        )
    if identity is None:
        if key is None:
            _require_keyring(key)
        raise AuthenticationFailed(FAILED_MESSAGE)
    return identity
