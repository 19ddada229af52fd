"""Who is asking, in which language, with which CSRF token: one ``Viewer`` per request.

Pages and API handlers take a ``Viewer`` as a dependency (``PageViewer`` signs the browser in or
redirects it to the sign-in page; ``ApiViewer`` accepts a bearer token or the session cookie) and
work through ``viewer.book``, a view of the casebook acting as that user, so that
``policy`` and ``casebook.protector`` decide with the right identity.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from rightsledger import i18n
from rightsledger.errors import AccessDenied, RightsledgerError
from rightsledger.model import ApiToken, Member, User
from rightsledger.protect import policy
from rightsledger.protect.envelope import Protector
from rightsledger.protect.policy import Identity
from rightsledger.store.casebook import Casebook
from rightsledger.web import sessions
from rightsledger.web.state import WebState

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class SignInRequired(RightsledgerError):
    """No live session: pages redirect to the sign-in form, the API answers 401."""

    status = 401
    code = "sign_in_required"


class CsrfRefused(AccessDenied):
    pass


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def state_of(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


@dataclass
class Viewer:
    """The signed-in user of one request."""

    identity: Identity
    language: str
    book: Casebook
    csrf: str  # the token forms must send back; empty for bearer-token API calls
    via_token: bool = False

    @property
    def username(self) -> str:
        return self.identity.username

    @property
    def role(self) -> str | None:
        return self.identity.role

    def may(self, action: str, *, kind: str | None = None, published: bool | None = True) -> bool:
        return policy.decide(self.identity, action, kind=kind, published=published).allowed

    def require(
        self, action: str, *, kind: str | None = None, published: bool | None = None
    ) -> None:
        policy.require(self.identity, action, kind=kind, published=published)

    def published_only(self, action: str = "read", *, kind: str | None = None) -> bool:
        """Check a listing is allowed; True when only published records may be shown."""
        return policy.require_listing(self.identity, action, kind=kind)

    @property
    def sees_identities(self) -> bool:
        return policy.can_see_identities(self.identity)

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self.book.reader() as session:
            yield session

    @contextmanager
    def writer(self) -> Iterator[Session]:
        """A unit of work committed at the end of the block, rolled back on any error."""
        with self.book.session() as session:
            yield session

    def protector(self, session: Session) -> Protector:
        return self.book.protector(session.connection())

    def translations(self) -> i18n.Translations:
        return i18n.translations("web", self.language)


def _signed_in(request: Request) -> Viewer | None:
    state = state_of(request)
    token = request.cookies.get(sessions.SESSION_COOKIE)
    if not token:
        return None
    with state.book.session() as session:
        found = sessions.find(session, token, now=utc_now(), policy=state.sessions)
    if found is None:
        return None
    identity = Identity(user_id=found.user_id, username=found.username, role=found.role)
    return Viewer(
        identity=identity,
        language=found.language if found.language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE,
        book=state.book.acting_as(identity),
        csrf=sessions.csrf_token(token),
    )


def _bearer(request: Request) -> Viewer | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    state = state_of(request)
    digest = hashlib.sha256(token.strip().encode()).hexdigest()
    with state.book.session() as session:
        row = session.execute(
            select(ApiToken.id, User.id, User.username, User.language, Member.role)
            .join(User, User.id == ApiToken.user_id)
            .outerjoin(Member, Member.user_id == User.id)
            .where(ApiToken.token_hash == digest, ApiToken.revoked.is_(False))
            .where(User.disabled.is_(False))
        ).first()
        if row is None:
            raise SignInRequired("the API token is unknown, revoked or its user disabled")
        token_id, user_id, username, language, role = row
        session.execute(
            update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=utc_now())
        )
    identity = Identity(user_id=user_id, username=username, role=role)
    return Viewer(
        identity=identity,
        language=language if language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE,
        book=state.book.acting_as(identity),
        csrf="",
        via_token=True,
    )


async def _check_csrf(request: Request, viewer: Viewer) -> None:
    """Unsafe requests from a browser must carry the page's token (form field or header)."""
    if request.method not in UNSAFE_METHODS or viewer.via_token:
        return
    submitted = request.headers.get(CSRF_HEADER)
    if submitted is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        submitted = value if isinstance(value, str) else None
    token = request.cookies.get(sessions.SESSION_COOKIE)
    if not sessions.csrf_matches(token, submitted):
        raise CsrfRefused("the form's security token is missing or wrong: reload the page")


async def page_viewer(request: Request) -> Viewer:
    viewer = _signed_in(request)
    if viewer is None:
        raise SignInRequired("sign in to continue")
    await _check_csrf(request, viewer)
    request.state.viewer = viewer
    return viewer


async def optional_viewer(request: Request) -> Viewer | None:
    viewer = _signed_in(request)
    request.state.viewer = viewer
    return viewer


async def api_viewer(request: Request) -> Viewer:
    viewer = _bearer(request) or _signed_in(request)
    if viewer is None:
        raise SignInRequired("send an API token (Authorization: Bearer …) or sign in")
    await _check_csrf(request, viewer)
    request.state.viewer = viewer
    return viewer


PageViewer = Annotated[Viewer, Depends(page_viewer)]
MaybeViewer = Annotated[Viewer | None, Depends(optional_viewer)]
ApiViewer = Annotated[Viewer, Depends(api_viewer)]


def client_address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


def describe(value: Any) -> str:
    return str(value) if value is not None else ""
