"""API tokens for scripts: a random secret shown once, only its SHA-256 kept in ``api_tokens``.

A token acts as the user it belongs to, with that user's role, through the same policy as a
signed-in browser (``rightsledger.web.context`` checks it on every API request). Anyone may make
and revoke tokens for themself; making, listing or revoking another user's tokens takes
``manage_users``. Every change is an audit entry written in the same transaction; the token itself
never enters the audit trail or the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from rightsledger.errors import AccessDenied, InvalidValue, NotFound, UserError
from rightsledger.model.access import ApiToken, User
from rightsledger.protect import audit, policy, users
from rightsledger.protect.policy import Identity

# A prefix makes a leaked token easy to recognise in logs and for secret scanners.
TOKEN_PREFIX = "rl_"  # noqa: S105 - a prefix, not a secret
NAME_LENGTH = 100
TOKEN_CREATED = "api_token_created"  # noqa: S105 - audit action names, not secrets
TOKEN_REVOKED = "api_token_revoked"  # noqa: S105


@dataclass(frozen=True)
class NewToken:
    """A token just made: give ``secret`` to the script now; it cannot be shown again."""

    id: int
    name: str
    username: str
    secret: str


@dataclass(frozen=True)
class TokenInfo:
    """What may be shown about a token (never its secret or hash)."""

    id: int
    name: str
    username: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked: bool


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.strip().encode()).hexdigest()


def new_secret() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def clean_name(name: str) -> str:
    text = " ".join(name.split())
    if not text:
        raise InvalidValue("a token needs a name saying what uses it (e.g. nightly-export)")
    if len(text) > NAME_LENGTH:
        raise InvalidValue(f"a token's name is {len(text)} characters long; the limit is 100")
    return text


def _owner(session: Session, username: str | None, actor: Identity | None) -> User:
    """The user the token is for: ``username``, else the actor; others need manage_users."""
    if username is None:
        if actor is None:
            raise UserError(
                "the casebook owner has no account to give a token to: name one with --for USER"
            )
        username = actor.username
    name = users.clean_username(username)
    if actor is None or actor.username != name:
        policy.require(actor, "manage_users", kind="users")
    user = session.scalar(select(User).where(User.username == name))
    if user is None:
        raise NotFound(f"no user {name!r} in this casebook")
    if user.disabled:
        raise UserError(f"user {name!r} is disabled; a token for them would never work")
    return user


def create_token(
    session: Session,
    *,
    name: str,
    actor: Identity | None,
    for_user: str | None = None,
    now: dt.datetime | None = None,
) -> NewToken:
    """Make a token for ``for_user`` (default: the actor) and return its secret, once."""
    label = clean_name(name)
    user = _owner(session, for_user, actor)
    secret = new_secret()
    row = ApiToken(
        user_id=user.id,
        name=label,
        token_hash=token_hash(secret),
        created_at=now or dt.datetime.now(dt.UTC),
    )
    session.add(row)
    session.flush()
    audit.record(
        session.connection(),
        actor=actor,
        action=TOKEN_CREATED,
        subject=f"user:{user.username}",
        details={"token_id": row.id, "name": label},
    )
    return NewToken(id=row.id, name=label, username=user.username, secret=secret)


def list_tokens(
    session: Session, *, actor: Identity | None, for_user: str | None = None
) -> list[TokenInfo]:
    """The actor's own tokens; with ``for_user`` someone else's, or everyone's for ``"*"``."""
    query = select(ApiToken, User.username).join(User, User.id == ApiToken.user_id)
    if for_user == "*" or (for_user is None and actor is None):
        policy.require(actor, "manage_users", kind="users")
    else:
        owner = _owner_name(for_user, actor)
        if actor is None or actor.username != owner:
            policy.require(actor, "manage_users", kind="users")
        query = query.where(User.username == owner)
    rows = session.execute(query.order_by(ApiToken.id)).all()
    return [
        TokenInfo(
            id=token.id,
            name=token.name,
            username=username,
            created_at=token.created_at,
            last_used_at=token.last_used_at,
            revoked=token.revoked,
        )
        for token, username in rows
    ]


def _owner_name(for_user: str | None, actor: Identity | None) -> str:
    if for_user is not None:
        return users.clean_username(for_user)
    assert actor is not None  # the caller handles the owner without an account
    return actor.username


def revoke_token(session: Session, *, token_id: int, actor: Identity | None) -> TokenInfo:
    """Revoke a token at once; the owner or an admin may. Revoking twice changes nothing."""
    row = session.execute(
        select(ApiToken, User.username)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.id == token_id)
    ).first()
    if row is None:
        raise NotFound(f"no API token has id {token_id}")
    token, username = row
    if actor is None or actor.username != username:
        try:
            policy.require(actor, "manage_users", kind="users")
        except AccessDenied:
            # Someone else's token is "not found": the answer must not confirm that it exists.
            raise NotFound(f"no API token has id {token_id}") from None
    if not token.revoked:
        token.revoked = True
        session.flush()
        audit.record(
            session.connection(),
            actor=actor,
            action=TOKEN_REVOKED,
            subject=f"user:{username}",
            details={"token_id": token.id, "name": token.name},
        )
    return TokenInfo(
        id=token.id,
        name=token.name,
        username=username,
        created_at=token.created_at,
        last_used_at=token.last_used_at,
        revoked=True,
    )
