"""One error shape for the API and one error page for browsers, from the library's exceptions.

API (paths under /api) and htmx requests get::

    {"error": {"status": 403, "code": "forbidden", "message": "…", "source": …, "line": …,
               "column": …}}

(the last three only for input errors). Pages get the same sentence on an error page, in the
viewer's language frame. A request without a session is redirected to the sign-in form. Anything
unexpected becomes a 500 with a generic sentence: the traceback goes to the server log, never to
the client, because it could carry identities.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from rightsledger.errors import InputError, RightsledgerError
from rightsledger.web.context import SignInRequired

log = logging.getLogger("rightsledger.web")

STATUS_CODES = {
    400: "bad_request",
    401: "sign_in_required",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
}


def error_body(
    status: int, message: str, *, code: str | None = None, **where: Any
) -> dict[str, Any]:
    error: dict[str, Any] = {
        "status": status,
        "code": code or STATUS_CODES.get(status, "error"),
        "message": message,
    }
    error.update({key: value for key, value in where.items() if value is not None})
    return {"error": error}


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/")


def _respond(
    request: Request, status: int, message: str, *, code: str | None = None, **where: Any
) -> Response:
    headers = {"retry-after": str(where.pop("retry_after"))} if "retry_after" in where else None
    if wants_json(request):
        return JSONResponse(
            error_body(status, message, code=code, **where), status_code=status, headers=headers
        )
    from rightsledger.web.templating import render

    viewer = getattr(request.state, "viewer", None)
    response = render(
        request,
        "error.html",
        viewer,
        status_code=status,
        status=status,
        message=message,
        where=where,
    )
    if headers:
        response.headers.update(headers)
    return response


async def _library_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RightsledgerError)
    if isinstance(error, SignInRequired) and not wants_json(request):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={_quote(target)}", status_code=303)
    where: dict[str, Any] = {}
    if isinstance(error, InputError):
        where = {"source": error.source, "line": error.line, "column": error.column}
    if error.status == 403:
        _audit_denial(request, error.message)
    return _respond(
        request, error.status, error.message, code=getattr(error, "code", None), **where
    )


def _quote(target: str) -> str:
    from urllib.parse import quote

    return quote(target, safe="/")


def _audit_denial(request: Request, reason: str) -> None:
    """Refusals are on record: who asked for what and why it was refused (no data)."""
    from rightsledger.protect import audit

    viewer = getattr(request.state, "viewer", None)
    book = request.app.state.web.book
    try:
        with book.engine.begin() as connection:
            audit.record(
                connection,
                actor=viewer.identity if viewer is not None else "anonymous web client",
                action="access_denied",
                subject=f"web:{request.method} {request.url.path}"[:200],
                details={"reason": reason},
            )
    except Exception:
        log.exception("could not write the refusal to the audit trail")


async def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = []
    for problem in error.errors()[:5]:
        place = ".".join(str(part) for part in problem.get("loc", ()) if part != "body")
        problems.append(f"{place}: {problem.get('msg', 'invalid')}" if place else problem["msg"])
    field = ".".join(str(p) for p in error.errors()[0].get("loc", ())) if error.errors() else None
    status = 422 if wants_json(request) else 400
    return _respond(request, status, "; ".join(problems) or "invalid request", column=field)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    message = str(error.detail) if error.detail else STATUS_CODES.get(error.status_code, "error")
    if error.status_code == 404 and message == "Not Found":
        message = "no such page"
    elif error.status_code == 405 and message == "Method Not Allowed":
        message = f"{request.method} is not allowed here"
    return _respond(request, error.status_code, message)


async def _unexpected(request: Request, error: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
    return _respond(request, 500, "something went wrong on the server; nothing was changed")


def install(app: FastAPI) -> None:
    app.add_exception_handler(RightsledgerError, _library_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
