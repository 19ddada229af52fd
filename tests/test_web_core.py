"""The web application's frame: sign-in with a second factor, sessions, CSRF, headers, errors."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from rightsledger.model import WebSession
from rightsledger.protect import audit, totp
from rightsledger.web.security import CONTENT_SECURITY_POLICY
from tests.web_support import PASSWORD, StaffedWeb, csrf_of, current_code, sign_in


def test_pages_need_a_session_and_redirect_to_sign_in(staffed_web: StaffedWeb) -> None:
    client = staffed_web.anonymous()
    response = client.get("/admin?page=2", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/admin%3Fpage%3D2"
    page = client.get("/login")
    assert page.status_code == 200
    assert 'name="code"' in page.text
    assert 'name="password"' in page.text


def test_sign_in_with_password_and_code_sets_a_strict_http_only_secure_cookie(
    staffed_web: StaffedWeb,
) -> None:
    client = staffed_web.anonymous()
    page = client.get("/login")
    code = current_code(staffed_web.casebook, "documenter", staffed_web.secrets["documenter"])
    response = client.post(
        "/login",
        data={
            "username": "documenter",
            "password": PASSWORD,
            "code": code,
            "csrf_token": csrf_of(page.text),
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    cookie = next(
        value
        for name, value in response.headers.multi_items()
        if name == "set-cookie" and value.startswith("rl_session=")
    )
    lowered = cookie.lower()
    assert "httponly" in lowered
    assert "secure" in lowered
    assert "samesite=strict" in lowered
    dashboard = client.get("/")
    assert dashboard.status_code == 200
    assert "documenter" in dashboard.text
    with staffed_web.casebook.reader() as session:
        stored = session.scalars(select(WebSession.token_hash)).all()
    token = client.cookies.get("rl_session")
    assert token is not None
    assert token not in stored  # only its hash is kept


@pytest.mark.parametrize("wrong", ["password", "code"])
def test_a_wrong_password_or_code_is_refused_and_on_record(
    staffed_web: StaffedWeb, wrong: str
) -> None:
    client = staffed_web.anonymous()
    page = client.get("/login")
    secret = staffed_web.secrets["analyst"]
    code = current_code(staffed_web.casebook, "analyst", secret)
    bad_code = f"{(int(code) + 1) % 1_000_000:06d}"
    response = client.post(
        "/login",
        data={
            "username": "analyst",
            "password": "not the password" if wrong == "password" else PASSWORD,
            "code": bad_code if wrong == "code" else code,
            "csrf_token": csrf_of(page.text),
        },
        follow_redirects=False,
    )
    assert response.status_code == 401
    assert "rl_session" not in client.cookies
    with staffed_web.casebook.engine.connect() as connection:
        last = audit.entries(connection)[-1]
    assert last.action == audit.LOGIN_FAILED


def test_sign_in_form_without_its_token_is_refused(staffed_web: StaffedWeb) -> None:
    client = staffed_web.anonymous()
    client.get("/login")
    code = current_code(staffed_web.casebook, "admin", staffed_web.secrets["admin"])
    response = client.post(
        "/login",
        data={"username": "admin", "password": PASSWORD, "code": code, "csrf_token": "forged"},
    )
    assert response.status_code == 403
    assert "rl_session" not in client.cookies


def test_sign_in_is_rate_limited_per_address(staffed_web: StaffedWeb) -> None:
    client = staffed_web.anonymous()
    token = csrf_of(client.get("/login").text)
    statuses = [
        client.post(
            "/login",
            data={"username": f"nobody{n}", "password": "x", "code": "000000", "csrf_token": token},
        ).status_code
        for n in range(12)
    ]
    assert statuses[:10] == [401] * 10
    assert statuses[10:] == [429, 429]
    response = client.post(
        "/api/records/acts",
        headers={"x-csrf-token": token},
    )
    assert response.status_code in {401, 404, 405}


def test_changes_without_the_csrf_token_are_refused(staffed_web: StaffedWeb) -> None:
    client = staffed_web.client_for("admin")
    token = staffed_web.csrf(client)
    refused = client.post("/language", data={"lang": "ru"})
    assert refused.status_code == 403
    assert client.get("/").text.count('lang="en"') == 1
    accepted = client.post("/language", data={"lang": "ru", "csrf_token": token})
    assert accepted.status_code in {200, 303}
    page = client.get("/")
    assert 'lang="ru"' in page.text


def test_sign_out_ends_the_session(staffed_web: StaffedWeb) -> None:
    client = staffed_web.client_for("viewer")
    token = staffed_web.csrf(client)
    stolen = client.cookies.get("rl_session")
    client.post("/logout", data={"csrf_token": token})
    other = staffed_web.anonymous()
    assert stolen is not None
    other.cookies.set("rl_session", stolen)
    assert other.get("/", follow_redirects=False).status_code == 303


def test_security_headers_on_every_response(staffed_web: StaffedWeb) -> None:
    client = staffed_web.client_for("viewer")
    for path in ("/", "/login", "/static/app.css", "/no-such-page", "/api/openapi.json"):
        response = client.get(path, follow_redirects=False)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["x-frame-options"] == "DENY", path
        assert response.headers["referrer-policy"] == "no-referrer", path
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert client.get("/").headers["cache-control"] == "no-store"
    page = client.get("/").text
    for inline in ("<script>", " style=", "<style"):
        assert inline not in page


def test_api_errors_have_one_shape(staffed_web: StaffedWeb) -> None:
    client = staffed_web.anonymous()
    response = client.get("/api/no-such-endpoint")
    assert response.status_code in {401, 404}
    body = response.json()
    assert set(body) == {"error"}
    assert {"status", "code", "message"} <= set(body["error"])
    assert body["error"]["status"] == response.status_code


def test_admin_page_only_for_admins(staffed_web: StaffedWeb) -> None:
    admin = staffed_web.client_for("admin")
    page = admin.get("/admin")
    assert page.status_code == 200
    for role in ("documenter", "analyst", "viewer"):
        assert f"<td>{role}</td>" in page.text
    documenter = staffed_web.client_for("documenter")
    refused = documenter.get("/admin")
    assert refused.status_code == 403
    assert "documenter" in refused.text


def test_admin_adds_a_user_who_can_then_sign_in(staffed_web: StaffedWeb) -> None:
    admin = staffed_web.client_for("admin")
    token = staffed_web.csrf(admin, "/admin")
    page = admin.post(
        "/admin/users",
        data={
            "username": "newcomer",
            "password": "another long synthetic password",
            "role": "analyst",
            "csrf_token": token,
        },
    )
    assert page.status_code == 200
    secret = page.text.split('id="totp-secret">')[1].split("<")[0]
    newcomer = staffed_web.anonymous()
    sign_in(
        newcomer,
        "newcomer",
        totp.code_at(secret, dt.datetime.now(dt.UTC)),
        password="another long synthetic password",
    )
    assert "newcomer" in newcomer.get("/").text
