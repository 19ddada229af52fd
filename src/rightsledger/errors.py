"""One exception hierarchy for the whole library.

Messages are single sentences meant for the person at the keyboard. The CLI turns a
``UserError`` into one line on stderr and exit code 2; the web layer turns ``status`` into the
HTTP status of the project's JSON error shape. Nothing below the edges formats errors itself.
"""

from __future__ import annotations


class RightsledgerError(Exception):
    """Base of every error the library raises on purpose."""

    status: int = 500
    code: str = "internal_error"

    @property
    def message(self) -> str:
        return str(self)


class UserError(RightsledgerError):
    """The input or the request is wrong; the user can fix it."""

    status = 400
    code = "bad_input"


class InvalidValue(UserError, ValueError):
    """A single value could not be cleaned (a date, a count, a vocabulary term...)."""

    code = "invalid_value"


class InputError(UserError):
    """A problem at a place in an input file: file, line, column and reason."""

    code = "invalid_input"

    def __init__(
        self,
        reason: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        self.reason = reason
        self.source = source
        self.line = line
        self.column = column
        super().__init__(self._compose())

    def _compose(self) -> str:
        where = []
        if self.source:
            where.append(self.source)
        if self.line is not None:
            where.append(f"line {self.line}")
        place = " ".join(where)
        if self.column:
            place = f"{place}, column {self.column}" if place else f"column {self.column}"
        return f"{place}: {self.reason}" if place else self.reason


class NotFound(UserError):
    status = 404
    code = "not_found"


class CasebookError(UserError):
    """The casebook is missing, malformed, or at the wrong schema revision."""

    code = "casebook_error"


class AccessDenied(RightsledgerError):
    status = 403
    code = "forbidden"
