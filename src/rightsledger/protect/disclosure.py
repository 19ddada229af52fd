"""What an acting user may take out of a casebook, and the record of identities they saw.

The command line, the web pages and the API all call these two functions, so that one export
rule and one audit rule hold whichever door a user comes through.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from rightsledger.protect import audit, policy
from rightsledger.store.casebook import Casebook
from rightsledger.store.io.exporter import ExportOptions


def export_options(
    book: Casebook, session: Session, *, pseudonymise: bool = False, public: bool = False
) -> ExportOptions:
    """Export options for ``book``'s acting user: a role that may not see identities gets
    pseudonyms whatever it asked for; viewers get published records only."""
    return ExportOptions(
        protector=book.protector(session.connection()),
        pseudonymise=pseudonymise or not policy.can_see_identities(book.identity),
        public=public,
        published_only=policy.require_listing(book.identity, "read", kind="persons") and not public,
    )


def record_identity_read(book: Casebook, kind: str, *, command: str, records: int) -> None:
    """Every read of identities in clear is an audit entry (who, where, how many; no data)."""
    if kind != "persons" or records == 0 or not book.encrypted or book.keyring is None:
        return
    if not policy.can_see_identities(book.identity):
        return
    with book.engine.begin() as connection:
        audit.record(
            connection,
            actor=book.identity,
            action=audit.IDENTITIES_READ,
            subject=kind,
            details={"command": command[:200], "records": records},
        )
