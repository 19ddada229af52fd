"""Screenshot the demo's dashboard for the README: docs/images/dashboard.png (1280×900).

    uv run python scripts/screenshot_dashboard.py [--output PATH] [--language en|ru]

Builds the synthetic demo casebook in a temporary directory (its key in a temporary configuration
directory too, never the user's), serves it on a loopback port, signs in as the demo's analyst
through the real form with a one-time code in Debian's Chromium (/usr/bin/chromium, driven by
Playwright; nothing is downloaded) and saves what the first screen shows.
"""

from __future__ import annotations

import argparse
import os
import socket
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BROWSER_PATH = "/usr/bin/chromium"
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ACCOUNT = "demo-analyst"  # the demo's analyst: every figure, pseudonyms instead of names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "images" / "dashboard.png")
    parser.add_argument("--language", choices=("en", "ru"), default="en")
    args = parser.parse_args()
    if not Path(BROWSER_PATH).exists():
        raise SystemExit(f"no Chromium at {BROWSER_PATH}: apt-get install chromium")
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["XDG_CONFIG_HOME"] = str(Path(scratch) / "config")
        for name in ("RIGHTSLEDGER_KEY_FILE", "RIGHTSLEDGER_PASSPHRASE", "RIGHTSLEDGER_CASEBOOK"):
            os.environ.pop(name, None)
        shoot(Path(scratch) / "demo", args.output, args.language)
    print(f"wrote {args.output}")


def shoot(directory: Path, output: Path, language: str) -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from rightsledger.demo.build import DEMO_PASSWORD, build, demo_code
    from rightsledger.web.app import create_app

    casebook, _ = build(directory)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    base = f"http://127.0.0.1:{listener.getsockname()[1]}"
    server = uvicorn.Server(
        uvicorn.Config(create_app(casebook), log_level="warning", ws="none", lifespan="off")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise SystemExit("the server did not start")
            time.sleep(0.05)
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=BROWSER_PATH, args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/login?lang={language}")
            page.locator("#username").fill(ACCOUNT)
            page.locator("#password").fill(DEMO_PASSWORD)
            page.locator("#code").fill(demo_code(directory, ACCOUNT))
            page.locator("#code").press("Enter")
            page.wait_for_url(f"{base}/")
            if language != "en":
                page.locator("#lang-switch").select_option(language)
                page.locator('form[action="/language"] button').click()
                page.wait_for_selector(f'html[lang="{language}"]')
            page.locator("#acts-chart svg").wait_for()
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(20)
        listener.close()
        casebook.close()


if __name__ == "__main__":
    main()
