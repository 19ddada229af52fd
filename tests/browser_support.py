"""Fixtures for the real-browser tests: Debian's Chromium driven by Playwright over a live server.

The app runs under uvicorn in a background thread on a loopback port the kernel picks, over a
fresh staffed demo casebook per test (SQLite). One Chromium is launched per test module, from
/usr/bin/chromium — Playwright never downloads a browser here — and each test gets a fresh
context, so cookies never leak from one test to the next.

Every page a test visits is watched: console errors, uncaught script errors and Content Security
Policy violations are collected and must be none when the test ends. A screenshot of the last
page is kept in ``test-artifacts/browser/<test>.png`` for people reading a CI run.

Without /usr/bin/chromium the tests skip with the reason, unless RIGHTSLEDGER_REQUIRE_BROWSER=1
(set by CI), where a missing browser fails the run.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, sync_playwright

from rightsledger.store.casebook import Casebook
from tests.web_support import PASSWORD, StaffedWeb, current_code, make_staffed_web

BROWSER_PATH = Path("/usr/bin/chromium")
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "browser"
# Generous: the machine running the tests may be busy with other work.
ACTION_TIMEOUT_MS = 20_000
SERVER_START_SECONDS = 20.0

# The page reports CSP violations as console errors with a fixed prefix, so one listener (the
# console one) sees them all; Chromium also logs its own "Refused to ..." message.
CSP_REPORTER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error("CSP violation: " + event.violatedDirective + " blocked " + event.blockedURI);
});
"""


def require_browser() -> None:
    if BROWSER_PATH.exists():
        return
    problem = f"no Chromium at {BROWSER_PATH} (install Debian's package: apt-get install chromium)"
    if os.environ.get("RIGHTSLEDGER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"RIGHTSLEDGER_REQUIRE_BROWSER=1 but {problem}")
    pytest.skip(problem)


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` from a background thread; yields its base URL (http://127.0.0.1:PORT)."""
    # Binding the socket here, before the thread starts, avoids racing another process for a
    # port that was free a moment ago.
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, ws="none", lifespan="off", server_header=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [listener]}, name="live-server", daemon=True
    )
    thread.start()
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        if not server.started:
            raise RuntimeError("the live server did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(SERVER_START_SECONDS)
        listener.close()


@dataclass
class LiveSite:
    """A staffed demo casebook served over loopback."""

    web: StaffedWeb
    url: str

    @property
    def casebook(self) -> Casebook:
        return self.web.casebook

    def code_for(self, role: str) -> str:
        """A fresh one-time code for ``role`` (the replay guard is reset first)."""
        return current_code(self.casebook, role, self.web.secrets[role])


@dataclass
class PageWatch:
    """What went wrong in the browser while a test ran: must stay empty."""

    problems: list[str] = field(default_factory=list)
    expected: set[tuple[str, int]] = field(default_factory=set)

    def expect_status(self, path: str, status: int) -> None:
        """A test that provokes an error status on purpose (a refused form) says so first."""
        self.expected.add((path, status))

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        where = message.location.get("url") or ""
        path = urlsplit(where).path
        if any(path == p and f"status of {s} " in message.text for p, s in self.expected):
            return
        self.problems.append(f"console error on {where}: {message.text}")

    def on_page_error(self, error: Exception) -> None:
        self.problems.append(f"uncaught script error: {error}")

    def watch(self, page: Page) -> None:
        page.on("console", self.on_console)
        page.on("pageerror", self.on_page_error)


@dataclass
class BrowserPage:
    """A fresh browser tab in its own context, watched for errors."""

    page: Page
    site: LiveSite
    watch: PageWatch

    def sign_in(self, role: str, *, code: str | None = None) -> None:
        """Fill in the sign-in form with the mouse-free path a user takes and submit it."""
        page = self.page
        page.goto("/login")
        page.get_by_label("User name").fill(role)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_label("One-time code").fill(code or self.site.code_for(role))
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{self.site.url}/")


def artifact_name(test_name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name) + ".png"


@pytest.fixture(scope="module")
def playwright_driver() -> Iterator[Playwright]:
    require_browser()
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    launched = playwright_driver.chromium.launch(
        executable_path=str(BROWSER_PATH), args=BROWSER_ARGS
    )
    yield launched
    launched.close()


@pytest.fixture
def live_site(tmp_path: Path) -> Iterator[LiveSite]:
    require_browser()
    casebook = Casebook.create(tmp_path / "casebook")
    try:
        web = make_staffed_web(casebook)
        with live_server(web.app) as url:
            yield LiveSite(web=web, url=url)
    finally:
        casebook.close()


@pytest.fixture
def browser_page(
    browser: Browser, live_site: LiveSite, request: pytest.FixtureRequest
) -> Iterator[BrowserPage]:
    context = browser.new_context(base_url=live_site.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.add_init_script(CSP_REPORTER)
    watch = PageWatch()
    page = context.new_page()
    watch.watch(page)
    try:
        yield BrowserPage(page=page, site=live_site, watch=watch)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / artifact_name(request.node.name)), full_page=True)
    finally:
        context.close()
    assert not watch.problems, "\n".join(watch.problems)
