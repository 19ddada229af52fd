"""Sign in (password and one-time code), sign out, and the interface language."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import update

from rightsledger import i18n
from rightsledger.errors import RightsledgerError
from rightsledger.model import User
from rightsledger.protect import audit, users
from rightsledger.web import sessions
from rightsledger.web.context import (
    CsrfRefused,
    MaybeViewer,
    PageViewer,
    client_address,
    state_of,
    utc_now,
)
from rightsledger.web.templating import render

router = APIRouter()


class TooManyAttempts(RightsledgerError):
    status = 429
    code = "too_many_requests"


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never an absolute or protocol-relative address."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def _cookie(response: Response, request: Request, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        httponly=True,
        secure=state_of(request).secure_cookies,
        samesite="strict",
        path="/",
    )


def _login_page(
    request: Request, *, next_path: str, lang: str, message: str | None, status: int = 200
) -> Response:
    token = request.cookies.get(sessions.LOGIN_COOKIE) or sessions.new_token()
    response = render(
        request,
        "login.html",
        None,
        status_code=status,
        language=lang,
        csrf=sessions.csrf_token(token),
        next_path=next_path,
        message=message,
    )
    _cookie(response, request, sessions.LOGIN_COOKIE, token, max_age=3600)
    return response


def _language(value: str | None, request: Request) -> str:
    if value:
        try:
            return i18n.clean_language(value)
        except RightsledgerError:
            return i18n.DEFAULT_LANGUAGE
    accepted = request.headers.get("accept-language", "")
    return "ru" if accepted.lower().startswith("ru") else i18n.DEFAULT_LANGUAGE


@router.get("/login")
def login_form(
    request: Request, viewer: MaybeViewer, next: str | None = None, lang: str | None = None
) -> Response:
    if viewer is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return _login_page(
        request, next_path=_safe_next(next), lang=_language(lang, request), message=None
    )


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    code: Annotated[str, Form(max_length=20)],
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
    lang: Annotated[str, Form(max_length=8)] = "en",
) -> Response:
    state = state_of(request)
    language = _language(lang, request)
    if not sessions.csrf_matches(request.cookies.get(sessions.LOGIN_COOKIE), csrf_token):
        raise CsrfRefused("the sign-in form expired or came from elsewhere: reload the page")
    address = client_address(request)
    if not state.login_limit.allow(address):
        wait = state.login_limit.retry_after(address)
        raise TooManyAttempts(f"too many sign-in attempts from this address; wait {wait} s")
    try:
        identity = users.authenticate(
            state.book, username=username, password=password, totp_code=code
        )
    except users.AuthenticationFailed as refused:
        return _login_page(
            request,
            next_path=_safe_next(next),
            lang=language,
            message=refused.message,
            status=401,
        )
    with state.book.session() as session:
        token = sessions.start(
            session, user_id=identity.user_id, now=utc_now(), policy=state.sessions
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    _cookie(
        response,
        request,
        sessions.SESSION_COOKIE,
        token,
        max_age=int(state.sessions.lifetime.total_seconds()),
    )
    response.delete_cookie(sessions.LOGIN_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, viewer: PageViewer) -> Response:
    state = state_of(request)
    with state.book.session() as session:
        sessions.end(session, request.cookies.get(sessions.SESSION_COOKIE))
        audit.record(
            session.connection(),
            actor=viewer.identity,
            action="logout",
            subject=f"user:{viewer.username}",
            details={},
        )
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(sessions.SESSION_COOKIE, path="/")
    return response


@router.post("/language")
def choose_language(
    request: Request,
    viewer: PageViewer,
    lang: Annotated[str, Form(max_length=8)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    language = i18n.clean_language(lang)
    with viewer.writer() as session:
        session.execute(
            update(User).where(User.id == viewer.identity.user_id).values(language=language)
        )
    return RedirectResponse(_safe_next(next), status_code=303)
