"""Signed-in browsers: random cookie tokens whose hashes live in ``web_sessions``.

A session ends when the user signs out, after ``idle`` without a request, or ``lifetime`` after
sign-in, whichever comes first. The CSRF token of a page is derived from the session token, so
it needs no storage and is worthless without the cookie it belongs to (which scripts cannot read:
the cookie is HttpOnly).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from rightsledger.model import Member, User, WebSession

SESSION_COOKIE = "rl_session"
LOGIN_COOKIE = "rl_login"  # ties the sign-in form to the browser that asked for it
TOUCH_EVERY = dt.timedelta(minutes=1)  # last_seen is written at most this often


@dataclass(frozen=True)
class SessionPolicy:
    lifetime: dt.timedelta = dt.timedelta(hours=12)
    idle: dt.timedelta = dt.timedelta(hours=1)


@dataclass(frozen=True)
class SignedIn:
    session_id: int
    user_id: int
    username: str
    role: str | None
    language: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def csrf_token(cookie_token: str) -> str:
    """The form token that goes with a cookie token (session or sign-in form)."""
    return hmac.new(cookie_token.encode(), b"rightsledger csrf", hashlib.sha256).hexdigest()


def csrf_matches(cookie_token: str | None, submitted: str | None) -> bool:
    if not cookie_token or not submitted:
        return False
    return hmac.compare_digest(csrf_token(cookie_token), submitted)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def start(session: Session, *, user_id: int, now: dt.datetime, policy: SessionPolicy) -> str:
    """Open a session for ``user_id``; returns the cookie token (shown once, stored hashed)."""
    token = new_token()
    session.add(
        WebSession(
            token_hash=token_hash(token),
            user_id=user_id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + policy.lifetime,
        )
    )
    session.flush()
    return token


def find(
    session: Session, token: str | None, *, now: dt.datetime, policy: SessionPolicy
) -> SignedIn | None:
    """The live session of ``token``, or None (unknown, revoked, expired, idle, user disabled)."""
    if not token:
        return None
    row = session.execute(
        select(WebSession, User, Member.role)
        .join(User, User.id == WebSession.user_id)
        .outerjoin(Member, Member.user_id == User.id)
        .where(WebSession.token_hash == token_hash(token))
    ).first()
    if row is None:
        return None
    web, user, role = row
    if (
        web.revoked
        or user.disabled
        or now >= web.expires_at
        or now - web.last_seen_at > policy.idle
    ):
        return None
    if now - web.last_seen_at > TOUCH_EVERY:
        session.execute(update(WebSession).where(WebSession.id == web.id).values(last_seen_at=now))
    return SignedIn(web.id, user.id, user.username, role, user.language or "en")


def end(session: Session, token: str | None) -> None:
    if token:
        session.execute(
            update(WebSession)
            .where(WebSession.token_hash == token_hash(token))
            .values(revoked=True)
        )


def end_all_for(session: Session, user_id: int) -> None:
    """Sign a user out everywhere (disabled, role changed, password changed)."""
    session.execute(update(WebSession).where(WebSession.user_id == user_id).values(revoked=True))
