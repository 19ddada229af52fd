"""Administration: users and roles, second factors, the key's status and the backups."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from rightsledger.model import Backup, DataKey, User
from rightsledger.model.access import ROLES
from rightsledger.protect import users
from rightsledger.web import sessions
from rightsledger.web.context import PageViewer, Viewer
from rightsledger.web.templating import render

router = APIRouter(prefix="/admin")


def _page(
    request: Request,
    viewer: Viewer,
    *,
    message: str | None = None,
    enrolment: users.Enrolment | None = None,
    status_code: int = 200,
) -> Response:
    viewer.require("manage_users", kind="users")
    book = viewer.book
    with viewer.reader() as session:
        accounts = users.list_users(session, actor=viewer.identity)
        backups = list(session.scalars(select(Backup).order_by(Backup.created_at.desc()).limit(10)))
        data_keys = session.query(DataKey).count()
    keyring = book.keyring
    key = {
        "encrypted": book.encrypted,
        "source": book.config.key.source if book.config.key is not None else None,
        "key_id": keyring.key_id if keyring is not None else None,
        "unlocked": keyring is not None,
        "data_keys": data_keys,
    }
    return render(
        request,
        "admin.html",
        viewer,
        status_code=status_code,
        accounts=accounts,
        roles=ROLES,
        backups=backups,
        key=key,
        message=message,
        enrolment=enrolment,
    )


@router.get("")
def admin(request: Request, viewer: PageViewer) -> Response:
    return _page(request, viewer)


@router.post("/users")
def add_user(
    request: Request,
    viewer: PageViewer,
    username: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    role: Annotated[str, Form(max_length=16)],
) -> Response:
    with viewer.writer() as session:
        enrolment = users.add_user(
            session,
            username=username,
            password=password,
            role=role or None,
            keyring=viewer.book.keyring,
            actor=viewer.identity,
        )
    _ = viewer.translations().gettext
    return _page(request, viewer, message=_("User added."), enrolment=enrolment)


@router.post("/users/{username}/role")
def set_role(
    viewer: PageViewer, username: str, role: Annotated[str, Form(max_length=16)]
) -> Response:
    with viewer.writer() as session:
        users.set_role(session, username=username, role=role, actor=viewer.identity)
        user_id = session.scalar(select(User.id).where(User.username == username))
        if user_id is not None:
            sessions.end_all_for(session, user_id)  # the new role applies from the next sign-in
    return RedirectResponse("/admin", status_code=303)


@router.post("/users/{username}/disable")
def disable(viewer: PageViewer, username: str) -> Response:
    with viewer.writer() as session:
        users.disable_user(session, username=username, actor=viewer.identity)
        user_id = session.scalar(select(User.id).where(User.username == username))
        if user_id is not None:
            sessions.end_all_for(session, user_id)
    return RedirectResponse("/admin", status_code=303)


@router.post("/users/{username}/totp")
def new_second_factor(request: Request, viewer: PageViewer, username: str) -> Response:
    with viewer.writer() as session:
        enrolment = users.enrol_totp(
            session, username=username, keyring=viewer.book.keyring, actor=viewer.identity
        )
    _ = viewer.translations().gettext
    return _page(request, viewer, message=_("New second factor made."), enrolment=enrolment)
