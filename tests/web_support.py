"""Shared fixtures for the web application's tests: a staffed demo casebook and signed-in clients.

``staffed_web`` gives the app over the demo data with one user per role; ``client_for(role)``
signs that user in through the real form (password and a TOTP code) and returns an HTTP client
holding the session cookie. The clients speak HTTPS to the in-process app so that Secure cookies
behave as in a browser.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from rightsledger.model import User
from rightsledger.protect import totp, users
from rightsledger.store.casebook import Casebook
from rightsledger.web.app import create_app
from tests.helpers import import_demo

PASSWORD = "a long synthetic password"
ROLES = ("admin", "documenter", "analyst", "viewer")
BASE_URL = "https://testserver"
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF_INPUT.search(html)
    assert found is not None, "the page has no CSRF field"
    return found.group(1)


def add_users(casebook: Casebook, roles: tuple[str, ...] = ROLES) -> dict[str, str]:
    """One user per role, named after it; returns each user's TOTP secret."""
    secrets = {}
    with casebook.session() as session:
        for role in roles:
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


def current_code(casebook: Casebook, username: str, secret: str) -> str:
    """A code for now, after forgetting the last accepted step (a second sign-in within the same
    30 seconds would otherwise be refused as a replay; the replay rule has its own tests)."""
    with casebook.engine.begin() as connection:
        connection.execute(
            update(User).where(User.username == username).values(totp_last_step=None)
        )
    return totp.code_at(secret, dt.datetime.now(dt.UTC))


def sign_in(client: TestClient, username: str, code: str, password: str = PASSWORD) -> None:
    page = client.get("/login")
    response = client.post(
        "/login",
        data={
            "username": username,
            "password": password,
            "code": code,
            "csrf_token": csrf_of(page.text),
            "next": "/",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


@dataclass
class StaffedWeb:
    casebook: Casebook
    app: FastAPI
    secrets: dict[str, str]
    clients: list[TestClient] = field(default_factory=list)

    def anonymous(self) -> TestClient:
        client = TestClient(self.app, base_url=BASE_URL, raise_server_exceptions=False)
        self.clients.append(client)
        return client

    def client_for(self, role: str) -> TestClient:
        client = self.anonymous()
        sign_in(client, role, current_code(self.casebook, role, self.secrets[role]))
        return client

    def csrf(self, client: TestClient, path: str = "/") -> str:
        return csrf_of(client.get(path).text)


def make_staffed_web(casebook: Casebook, *, demo: bool = True) -> StaffedWeb:
    if demo:
        import_demo(casebook)
    secrets = add_users(casebook)
    return StaffedWeb(casebook=casebook, app=create_app(casebook), secrets=secrets)


@pytest.fixture
def staffed_web(casebook: Casebook) -> Iterator[StaffedWeb]:
    web = make_staffed_web(casebook)
    yield web
    for client in web.clients:
        client.close()


ClientFactory = Callable[[str], TestClient]
