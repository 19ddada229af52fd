"""API tokens: made for oneself or (admins) for others, shown once, stored hashed, revocable."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rightsledger.errors import AccessDenied, NotFound, UserError
from rightsledger.model import ApiToken
from rightsledger.protect import audit, tokens
from rightsledger.protect.policy import Identity
from rightsledger.store.casebook import Casebook
from rightsledger.web.app import create_app
from tests.helpers import cli
from tests.web_support import BASE_URL, add_users

VIEWER = Identity(user_id=0, username="viewer", role="viewer")
ADMIN = Identity(user_id=0, username="admin", role="admin")


@pytest.fixture
def staffed(casebook: Casebook) -> Casebook:
    add_users(casebook)
    return casebook


def _audit_actions(casebook: Casebook) -> list[tuple[str, str | None]]:
    with casebook.engine.connect() as connection:
        return [(entry.action, entry.subject) for entry in audit.entries(connection)]


def test_a_user_makes_their_own_token_which_is_stored_only_as_a_hash(staffed: Casebook) -> None:
    with staffed.session() as session:
        made = tokens.create_token(session, name="  nightly   export ", actor=VIEWER)
    assert made.username == "viewer"
    assert made.name == "nightly export"
    assert made.secret.startswith("rl_")
    assert len(made.secret) > 40
    with staffed.reader() as session:
        stored = session.scalars(select(ApiToken)).one()
    assert stored.token_hash == tokens.token_hash(made.secret)
    assert made.secret not in stored.token_hash
    assert (tokens.TOKEN_CREATED, "user:viewer") in _audit_actions(staffed)
    with staffed.engine.connect() as connection:
        entry = audit.entries(connection)[-1]
    assert made.secret not in entry.details


def test_only_admins_make_list_and_revoke_tokens_of_others(staffed: Casebook) -> None:
    with staffed.session() as session, pytest.raises(AccessDenied):
        tokens.create_token(session, name="x", actor=VIEWER, for_user="analyst")
    with staffed.session() as session:
        theirs = tokens.create_token(session, name="for analyst", actor=ADMIN, for_user="analyst")
        mine = tokens.create_token(session, name="mine", actor=VIEWER)
    with staffed.reader() as session:
        assert [t.name for t in tokens.list_tokens(session, actor=VIEWER)] == ["mine"]
        with pytest.raises(AccessDenied):
            tokens.list_tokens(session, actor=VIEWER, for_user="analyst")
        everyone = tokens.list_tokens(session, actor=ADMIN, for_user="*")
    assert {(t.username, t.name) for t in everyone} == {
        ("analyst", "for analyst"),
        ("viewer", "mine"),
    }
    # Someone else's token is not found, so that guessing ids tells nothing.
    with staffed.session() as session, pytest.raises(NotFound):
        tokens.revoke_token(session, token_id=theirs.id, actor=VIEWER)
    with staffed.session() as session:
        assert tokens.revoke_token(session, token_id=mine.id, actor=VIEWER).revoked
        tokens.revoke_token(session, token_id=theirs.id, actor=ADMIN)
    with staffed.reader() as session:
        assert all(t.revoked for t in tokens.list_tokens(session, actor=ADMIN, for_user="*"))
    assert _audit_actions(staffed).count((tokens.TOKEN_REVOKED, "user:viewer")) == 1


BAD_REQUESTS = [
    ("", None, "needs a name"),
    ("x" * 101, None, "limit is 100"),
    ("ok", "nobody", "no user 'nobody'"),
    ("ok", "Not A Name!", "not a valid username"),
]


def test_bad_requests_are_refused_with_a_sentence(staffed: Casebook) -> None:
    for name, for_user, problem in BAD_REQUESTS:
        with staffed.session() as session, pytest.raises(UserError, match=problem):
            tokens.create_token(session, name=name, actor=ADMIN, for_user=for_user)
    with staffed.reader() as session:
        assert session.scalars(select(ApiToken)).all() == []


def test_the_api_accepts_a_token_until_it_is_revoked(staffed: Casebook) -> None:
    with staffed.session() as session:
        made = tokens.create_token(session, name="script", actor=ADMIN, for_user="analyst")
    client = TestClient(create_app(staffed), base_url=BASE_URL)
    headers = {"authorization": f"Bearer {made.secret}"}
    assert client.get("/api/records/events", headers=headers).status_code == 200
    with staffed.reader() as session:
        assert session.scalars(select(ApiToken.last_used_at)).one() is not None
    forged = {"authorization": f"Bearer {made.secret}x"}
    assert client.get("/api/records/events", headers=forged).status_code == 401
    with staffed.session() as session:
        tokens.revoke_token(session, token_id=made.id, actor=ADMIN)
    refused = client.get("/api/records/events", headers=headers)
    assert refused.status_code == 401
    assert refused.json()["error"]["status"] == 401
    client.close()


def test_token_commands(staffed: Casebook, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(staffed.path)
    code, out, err = cli(capsys, "token", "add", "nightly", "--for", "viewer", "-C", path)
    assert code == 0, err
    secret = out.strip().splitlines()[-1]
    assert secret.startswith("rl_")
    code, out, _ = cli(capsys, "token", "list", "--for", "*", "--format", "json", "-C", path)
    assert code == 0
    listed = json.loads(out)
    assert [(row["name"], row["user"], row["revoked"]) for row in listed] == [
        ("nightly", "viewer", False)
    ]
    assert secret not in out
    code, out, _ = cli(capsys, "token", "revoke", str(listed[0]["id"]), "-C", path)
    assert code == 0
    assert "Revoked API token" in out
    code, _, err = cli(capsys, "token", "revoke", "999", "-C", path)
    assert code == 2
    assert "no API token has id 999" in err
    code, _, err = cli(capsys, "token", "add", "mine", "-C", path)
    assert code == 2
    assert "--for USER" in err
