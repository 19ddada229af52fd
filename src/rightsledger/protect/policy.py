"""The one access policy: who may do what, on which records and which fields. Deny by default.

Every command and every web handler asks here, with one call, before it acts:

    policy.require(identity, "update", kind="persons")           # raises AccessDenied
    policy.require(identity, "read", kind="acts", published=act.published)   # one record
    published_only = policy.require_listing(identity, "read", kind="acts")   # a listing
    if policy.can_see_identities(identity): ...                   # field level

Roles (one per user and casebook): admin, documenter, analyst, viewer. The grants below are the
whole policy; anything not granted is refused, including actions and kinds this module does not
know and identities with no role.

Record level: viewers see only published records. Field level: only admins and documenters ever
see identities (person names, contact details, sensitive notes, exact birth dates) or open
confidential documents; analysts and viewers never do, whatever else they may do.

No user (``identity is None``): a command-line run without ``--user`` is made by whoever owns the
machine's account, holds the casebook directory and can unlock its key. Such a person can already
read the database file and decrypt it, so refusing them would protect nothing; they are treated as
the casebook's owner, an admin. Users and roles matter where people share one casebook through a
service (PostgreSQL, the web app) without holding its key and database credentials themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from rightsledger.errors import AccessDenied
from rightsledger.model.access import ROLES

ADMIN, DOCUMENTER, ANALYST, VIEWER = ROLES
OWNER_ROLE = ADMIN

# What each action allows, as a phrase that completes "may ..." / "may not ...".
ACTIONS: dict[str, str] = {
    "read": "read records",
    "create": "create records",
    "update": "change records",
    "delete": "delete records",
    "import": "import files",
    "export": "export records",
    "read_identities": "see identities (names, contacts, sensitive notes, exact birth dates)",
    "read_confidential": "open confidential documents",
    "manage_users": "manage users and roles",
    "manage_keys": "manage the casebook's keys",
    "backup": "make or restore backups",
    "verify": "verify the evidence and the logs",
    "ingest": "add documents to the vault",
    "search": "search documents",
    "review": "review extracted claims and proposed links",
    "read_audit": "read the audit trail",
}

_EVERYTHING = frozenset(ACTIONS)
GRANTS: dict[str, frozenset[str]] = {
    ADMIN: _EVERYTHING,
    DOCUMENTER: frozenset(
        {
            "read",
            "create",
            "update",
            "import",
            "export",
            "read_identities",
            "read_confidential",
            "verify",
            "ingest",
            "search",
            "review",
        }
    ),
    # Analysts count, link and publish from pseudonymised data: they read and export everything
    # except identities and confidential documents, and change nothing.
    ANALYST: frozenset({"read", "export", "verify", "search"}),
    VIEWER: frozenset({"read", "search"}),
}

# Roles allowed identity fields and confidential documents. Checked on top of GRANTS, so that a
# future edit of the grants cannot hand identities to another role by accident.
IDENTITY_ROLES = frozenset({ADMIN, DOCUMENTER})
_IDENTITY_ACTIONS = frozenset({"read_identities", "read_confidential"})

# Actions about records that may be published or not; a viewer gets them on published ones only.
PUBLISHED_SCOPED = frozenset({"read", "search", "export"})
PUBLISHED_ONLY_ROLES = frozenset({VIEWER})

# What ``kind=`` may name: the record kinds, the vault's documents and the protection tables.
KINDS = frozenset(
    {
        "events",
        "persons",
        "organizations",
        "acts",
        "involvements",
        "information",
        "proceedings",
        "relationships",
        "citations",
        "documents",
        "claims",
        "links",
        "users",
        "members",
        "keys",
        "audit",
        "backups",
    }
)


@dataclass(frozen=True)
class Identity:
    """Who is acting: an authenticated user and their role in this casebook (None: no role)."""

    user_id: int
    username: str
    role: str | None


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str

    def __bool__(self) -> bool:
        return self.allowed


def role_of(identity: Identity | None) -> str | None:
    return OWNER_ROLE if identity is None else identity.role


def who(identity: Identity | None) -> str:
    if identity is None:
        return "the casebook owner (no --user)"
    return f"{identity.username} ({identity.role or 'no role'})"


def decide(
    identity: Identity | None,
    action: str,
    *,
    kind: str | None = None,
    published: bool | None = None,
) -> Decision:
    """May ``identity`` do ``action`` (on a record of ``kind`` that is ``published`` or not)?

    For a viewer, a read of one record must say whether it is published: ``published=None`` is
    refused. To list records, call ``require_listing``, which says whether to keep only the
    published ones.
    """
    refusal = _refusal(identity, action, kind=kind, published=published)
    if refusal is not None:
        return Decision(False, refusal)
    return Decision(True, f"{who(identity)} may {_what(action, kind)}")


def _what(action: str, kind: str | None) -> str:
    return ACTIONS[action] if kind is None else f"{ACTIONS[action]} ({kind})"


def _refusal(
    identity: Identity | None, action: str, *, kind: str | None, published: bool | None
) -> str | None:
    """Why the request is refused, or None when it is allowed."""
    if action not in ACTIONS:
        return f"unknown action {action!r}: refused by default"
    if kind is not None and kind not in KINDS:
        return f"unknown kind {kind!r}: refused by default"
    actor, role, what = who(identity), role_of(identity), _what(action, kind)
    if role not in GRANTS:
        return f"{actor} has no role in this casebook and may not {what}"
    if action not in GRANTS[role] or (action in _IDENTITY_ACTIONS and role not in IDENTITY_ROLES):
        return f"{actor} may not {what}"
    if role in PUBLISHED_ONLY_ROLES and action in PUBLISHED_SCOPED and published is not True:
        status = "is not published" if published is False else "was given without its status"
        return f"{actor} may {what} only when published, and this record {status}"
    return None


def require(
    identity: Identity | None,
    action: str,
    *,
    kind: str | None = None,
    published: bool | None = None,
) -> Decision:
    """``decide``, raising ``AccessDenied`` (status 403) with the one-line reason when refused."""
    decision = decide(identity, action, kind=kind, published=published)
    if not decision.allowed:
        raise AccessDenied(decision.reason)
    return decision


def require_listing(identity: Identity | None, action: str, *, kind: str | None = None) -> bool:
    """Check that ``identity`` may ``action`` records in bulk; True: keep only published ones.

    Raises ``AccessDenied`` when the role may not do it even on published records.
    """
    require(identity, action, kind=kind, published=True)
    return role_of(identity) in PUBLISHED_ONLY_ROLES and action in PUBLISHED_SCOPED


def can_see_identities(identity: Identity | None) -> bool:
    """Field level: may identity fields be shown in clear? (Else show pseudonyms.)"""
    return decide(identity, "read_identities").allowed


def can_open_confidential(identity: Identity | None) -> bool:
    return decide(identity, "read_confidential").allowed


def allowed_actions(role: str) -> list[str]:
    """The actions a role may take, in the order of ``ACTIONS`` (for docs and `user list`)."""
    return [action for action in ACTIONS if decide(_probe(role), action, published=True)]


def _probe(role: str) -> Identity:
    return Identity(user_id=0, username=f"any {role}", role=role)


def matrix_markdown() -> str:
    """The grants as a Markdown table (docs/access.md carries it; a test keeps them equal)."""
    lines = ["| action | " + " | ".join(ROLES) + " |", "|---|" + ":-:|" * len(ROLES)]
    for action, phrase in ACTIONS.items():
        cells = []
        for role in ROLES:
            if decide(_probe(role), action, published=False):
                cells.append("yes")
            elif decide(_probe(role), action, published=True):
                cells.append("published only")
            elif action in _IDENTITY_ACTIONS:
                cells.append("**never**")
            else:
                cells.append("—")
        lines.append(f"| {phrase} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
