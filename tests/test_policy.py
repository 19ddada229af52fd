"""The access policy, pinned as a table: every role × every action × published or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightsledger.errors import AccessDenied
from rightsledger.protect import policy
from rightsledger.protect.policy import Identity, decide
from rightsledger.store.io.kinds import KINDS as RECORD_KINDS

ROLES = ("admin", "documenter", "analyst", "viewer")

# One line per action; for each role two marks: on a published record, on an unpublished one.
# Y = allowed, . = refused. Adding an action to the policy without a line here fails a test.
MATRIX = """
action             admin documenter analyst viewer
read                YY      YY        YY      Y.
create              YY      YY        ..      ..
update              YY      YY        ..      ..
delete              YY      ..        ..      ..
import              YY      YY        ..      ..
export              YY      YY        YY      ..
read_identities     YY      YY        ..      ..
read_confidential   YY      YY        ..      ..
manage_users        YY      ..        ..      ..
manage_keys         YY      ..        ..      ..
backup              YY      ..        ..      ..
verify              YY      YY        YY      ..
ingest              YY      YY        ..      ..
search              YY      YY        YY      Y.
review              YY      YY        ..      ..
read_audit          YY      ..        ..      ..
"""


def _table() -> dict[tuple[str, str, bool], bool]:
    lines = [line.split() for line in MATRIX.strip().splitlines()]
    header, rows = lines[0], lines[1:]
    assert header[1:] == list(ROLES)
    table = {}
    for action, *marks in rows:
        for role, (on_published, on_unpublished) in zip(ROLES, marks, strict=True):
            table[(role, action, True)] = on_published == "Y"
            table[(role, action, False)] = on_unpublished == "Y"
    return table


TABLE = _table()


def who(role: str | None) -> Identity:
    return Identity(user_id=7, username=f"synthetic-{role}", role=role)


@pytest.mark.parametrize(("role", "action", "published"), sorted(TABLE))
def test_matrix(role: str, action: str, published: bool) -> None:
    decision = decide(who(role), action, kind="acts", published=published)
    assert decision.allowed is TABLE[(role, action, published)], decision.reason
    assert bool(decision) is decision.allowed
    assert decision.reason
    assert "\n" not in decision.reason


def test_every_action_of_the_policy_is_pinned() -> None:
    assert {action for (_, action, _) in TABLE} == set(policy.ACTIONS)


@pytest.mark.parametrize("role", ROLES)
def test_unknown_action_and_kind_are_refused(role: str) -> None:
    for action in ("drop_everything", "READ", "", "read "):
        decision = decide(who(role), action, published=True)
        assert not decision.allowed
        assert "refused by default" in decision.reason
    assert not decide(who(role), "read", kind="secrets", published=True).allowed


def test_no_role_means_nothing() -> None:
    for action in policy.ACTIONS:
        decision = decide(who(None), action, published=True)
        assert not decision.allowed
        assert "has no role" in decision.reason
    assert not decide(Identity(1, "x", "superuser"), "read", published=True).allowed


def test_no_user_is_the_owner_an_admin() -> None:
    for action in policy.ACTIONS:
        assert decide(None, action, published=False).allowed
    assert policy.can_see_identities(None)
    assert "owner" in decide(None, "manage_keys").reason


@pytest.mark.parametrize("role", ROLES)
def test_identities_and_confidential_documents(role: str) -> None:
    expected = role in ("admin", "documenter")
    assert policy.can_see_identities(who(role)) is expected
    assert policy.can_open_confidential(who(role)) is expected
    assert decide(who(role), "read_confidential", kind="documents").allowed is expected


def test_a_viewer_must_say_whether_the_record_is_published() -> None:
    decision = decide(who("viewer"), "read", kind="persons")
    assert not decision.allowed
    assert "without its status" in decision.reason
    assert decide(who("analyst"), "read", kind="persons").allowed


def test_require_raises_access_denied_with_the_reason() -> None:
    with pytest.raises(AccessDenied) as raised:
        policy.require(who("analyst"), "read_identities", kind="persons")
    assert raised.value.status == 403
    assert str(raised.value) == (
        "synthetic-analyst (analyst) may not see identities (names, contacts, sensitive notes, "
        "exact birth dates) (persons)"
    )
    assert policy.require(who("documenter"), "update", kind="persons").allowed


def test_listings() -> None:
    assert policy.require_listing(who("viewer"), "read", kind="acts") is True
    assert policy.require_listing(who("analyst"), "read", kind="acts") is False
    assert policy.require_listing(None, "search") is False
    with pytest.raises(AccessDenied):
        policy.require_listing(who("viewer"), "export", kind="acts")


def test_allowed_actions_per_role() -> None:
    assert policy.allowed_actions("viewer") == ["read", "search"]
    assert policy.allowed_actions("analyst") == ["read", "export", "verify", "search"]
    assert policy.allowed_actions("admin") == list(policy.ACTIONS)


def test_the_policy_knows_every_record_kind() -> None:
    assert set(RECORD_KINDS) <= policy.KINDS


def test_the_documented_matrix_is_the_policy() -> None:
    page = Path(__file__).resolve().parents[1] / "docs" / "access.md"
    assert policy.matrix_markdown() in page.read_text(encoding="utf-8")
