"""Interface words that reach templates as data (role and status names), marked for extraction.

Templates translate them with ``_(value)``; listing them here puts them in the catalogue.
"""

from __future__ import annotations


def mark(message: str) -> str:
    """Marks a message for the catalogue without translating it (gettext's N_)."""
    return message


DYNAMIC_MESSAGES = (
    mark("admin"),
    mark("documenter"),
    mark("analyst"),
    mark("viewer"),
    mark("no role"),
    mark("uncharged"),
    mark("facing charges"),
    mark("acquitted"),
    mark("convicted"),
    # kinds of records, as import and export name them (capitalised in the templates)
    mark("Events"),
    mark("Persons"),
    mark("Organizations"),
    mark("Acts"),
    mark("Involvements"),
    mark("Information"),
    mark("Proceedings"),
    mark("Relationships"),
    mark("Citations"),
    # document sensitivities and text states (vault)
    mark("public"),
    mark("restricted"),
    mark("confidential"),
    mark("extracted"),
    mark("failed"),
    mark("no_text"),
    mark("pending"),
    mark("unsupported"),
    # custody actions (vault.custody.ACTIONS)
    mark("collected"),
    mark("ingested"),
    mark("text_extracted"),
    mark("viewed"),
    mark("copied"),
    mark("exported"),
    mark("transferred"),
    mark("annotated"),
    mark("redacted"),
    mark("verified"),
    mark("disposed"),
    # investigation states of the impunity clock (shown with spaces)
    mark("complaint only"),
    mark("opened"),
    mark("refused"),
    mark("closed"),
    mark("reopened"),
    # claim kinds and review states
    mark("act"),
    mark("count"),
    mark("date"),
    mark("place"),
    mark("actor"),
    mark("quote"),
    mark("call"),
    mark("proposed"),
    mark("accepted"),
    mark("rejected"),
    mark("edited"),
    mark("skipped"),
    # protect.users.FAILED_MESSAGE, shown on the sign-in page
    mark(
        "sign-in failed: wrong username, password or code, or the account is disabled or locked "
        "after repeated failures (an admin sees which with `rightsledger user list`)"
    ),
)
