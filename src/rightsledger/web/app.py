"""Build the ASGI application for one casebook.

``create_app(book)`` for tests and embedding; ``app_from_environment()`` is the factory uvicorn
calls in each worker process (``rightsledger serve`` sets $RIGHTSLEDGER_CASEBOOK for it).
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from rightsledger import __version__
from rightsledger.store.casebook import Casebook, locate
from rightsledger.web import errors
from rightsledger.web.routes import API_ROUTERS, PAGE_ROUTERS
from rightsledger.web.security import SecurityHeaders
from rightsledger.web.state import WebState

ENV_CASEBOOK = "RIGHTSLEDGER_CASEBOOK"
ENV_INSECURE_COOKIES = "RIGHTSLEDGER_INSECURE_COOKIES"

API_DESCRIPTION = (
    "The rightsledger JSON API. Authenticate scripts with an API token "
    "(`Authorization: Bearer <token>`, made with `rightsledger token add`); the browser's "
    "session works too, with the `X-CSRF-Token` header on changes. Every request is decided by "
    "the same access policy as the web pages and the command line. Errors always have the shape "
    '`{"error": {"status", "code", "message", ["source", "line", "column"]}}`.'
)


def create_app(book: Casebook, *, secure_cookies: bool = True) -> FastAPI:
    # Unlock the key once, before any request: every per-request view shares it.
    _ = book.keyring
    state = WebState(book=book, secure_cookies=secure_cookies)

    app = FastAPI(
        title="rightsledger",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.web = state
    api = FastAPI(
        title="rightsledger API",
        version=__version__,
        description=API_DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    api.state.web = state
    for router in API_ROUTERS:
        api.include_router(router)
    errors.install(api)
    for router in PAGE_ROUTERS:
        app.include_router(router)
    app.mount("/api", api)
    app.mount(
        "/static",
        StaticFiles(packages=[("rightsledger.web", "static")]),
        name="static",
    )
    errors.install(app)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_environment() -> FastAPI:
    """The factory uvicorn runs in each worker: the casebook named by $RIGHTSLEDGER_CASEBOOK."""
    explicit = os.environ.get(ENV_CASEBOOK)
    book = Casebook.open(locate(Path(explicit) if explicit else None))
    app = create_app(book, secure_cookies=os.environ.get(ENV_INSECURE_COOKIES) != "1")
    # The imports leave a few hundred thousand long-lived objects; moving them out of the
    # collector's sight keeps full collections (≈150 ms each) off the request path.
    gc.collect()
    gc.freeze()
    return app
