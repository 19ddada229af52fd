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
    # protect.users.FAILED_MESSAGE, shown on the sign-in page
    mark(
        "sign-in failed: wrong username, password or code, or the account is disabled or locked "
        "after repeated failures (an admin sees which with `rightsledger user list`)"
    ),
)
