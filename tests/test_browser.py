"""The web application in a real Chromium: sign-in with a second factor, the dashboard's chart,
the language switch, keyboard use, the violation entry form, accepting a claim in the document
viewer and a link on the review page — with no console error or CSP violation on any page."""

from __future__ import annotations

import datetime as dt
import re
from importlib.resources import files
from pathlib import Path

import pyotp
from playwright.sync_api import expect
from sqlalchemy import select

from rightsledger import i18n
from rightsledger.extract import review
from rightsledger.link.casebook import link_casebook
from rightsledger.model import Act, Event, LinkPair, Person
from rightsledger.protect import totp
from rightsledger.protect.users import FAILED_MESSAGE
from rightsledger.vault.intake import Provenance, ingest
from rightsledger.web.templating import vocabulary_label
from tests import browser_support
from tests.browser_support import BrowserPage
from tests.test_link_casebook import load as load_synthetic_lists
from tests.web_support import PASSWORD

# The fixtures, made visible to pytest in this module.
playwright_driver = browser_support.playwright_driver
browser = browser_support.browser
live_site = browser_support.live_site
browser_page = browser_support.browser_page


def test_sign_in_with_a_one_time_code_shows_the_dashboard_chart_in_both_languages(
    browser_page: BrowserPage,
) -> None:
    page, site = browser_page.page, browser_page.site
    # The code an authenticator app would show, computed independently of the app's own TOTP.
    code = pyotp.TOTP(site.web.secrets["analyst"]).now()
    page.goto("/")
    page.wait_for_url("**/login?next=/")
    page.get_by_label("User name").fill("analyst")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("One-time code").fill(code)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{site.url}/")

    # Secure cookies are kept over plain HTTP because 127.0.0.1 counts as a secure origin.
    session = [c for c in page.context.cookies() if c["name"] == "rl_session"]
    assert len(session) == 1
    assert session[0]["secure"]
    assert session[0]["httpOnly"]
    assert session[0]["sameSite"] == "Strict"

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Dashboard")
    chart = page.locator("#acts-chart svg")
    expect(chart).to_be_visible()
    bars = chart.locator("rect")
    assert bars.count() > 0
    box = bars.first.bounding_box()
    assert box is not None
    assert box["height"] > 0
    assert box["width"] > 0

    page.get_by_label("Language").select_option("ru")
    page.locator('form[action="/language"]').get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    russian = i18n.translations("web", "ru").gettext
    expect(heading).to_have_text(russian("Dashboard"))
    expect(page.locator("#lang-switch")).to_have_value("ru")
    expect(chart).to_be_visible()

    page.locator("#lang-switch").select_option("en")
    page.locator('form[action="/language"]').get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(heading).to_have_text("Dashboard")
    expect(page.locator("#acts-chart svg rect").first).to_be_visible()


def test_a_wrong_code_is_refused_and_starts_no_session(browser_page: BrowserPage) -> None:
    page, site = browser_page.page, browser_page.site
    secret = site.web.secrets["documenter"]
    now = dt.datetime.now(dt.UTC)
    valid = {totp.code_at(secret, now + dt.timedelta(seconds=30 * k)) for k in range(-2, 3)}
    wrong = next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)

    page.goto("/login")
    page.get_by_label("User name").fill("documenter")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("One-time code").fill(wrong)
    # The refusal page comes with status 401, which Chromium notes in the console.
    browser_page.watch.expect_status("/login", 401)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("alert")).to_have_text(FAILED_MESSAGE)
    assert page.url.startswith(f"{site.url}/login")
    assert not [c for c in page.context.cookies() if c["name"] == "rl_session"]
    # Without a session the dashboard sends the browser back to the form.
    page.goto("/")
    page.wait_for_url("**/login?next=/")
    expect(page.get_by_label("One-time code")).to_be_visible()


def test_sign_in_by_keyboard_and_every_page_free_of_errors(browser_page: BrowserPage) -> None:
    page, site = browser_page.page, browser_page.site
    page.goto("/login")
    # The user-name field takes the focus by itself; from there Tab and Enter are enough.
    expect(page.get_by_label("User name")).to_be_focused()
    page.keyboard.type("admin")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    expect(page.get_by_label("One-time code")).to_be_focused()
    page.keyboard.type(site.code_for("admin"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")

    # Every screen the navigation offers the admin, as far as it exists yet: each must load
    # without a console error, script error or CSP violation (the fixture collects them).
    links = page.locator("header nav a").evaluate_all("links => links.map(a => a.pathname)")
    visited = []
    for path in links:
        if not page.request.get(path, max_redirects=0).ok:
            continue  # a screen another part of the app has not built yet
        response = page.goto(path)
        assert response is not None
        assert response.ok, path
        visited.append(path)
        assert not browser_page.watch.problems, (path, browser_page.watch.problems)
    assert "/" in visited
    assert "/admin" in visited
    page.goto("/")

    # The watch itself works: an inline style is what the policy forbids, and it is reported.
    with page.expect_console_message(lambda message: "CSP violation" in message.text):
        page.evaluate(
            "document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')"
        )
    assert any("CSP violation" in problem for problem in browser_page.watch.problems)
    browser_page.watch.problems.clear()


def test_a_violation_entered_through_the_one_form_shows_on_its_act_page(
    browser_page: BrowserPage,
) -> None:
    page, site = browser_page.page, browser_page.site
    browser_page.sign_in("documenter")
    page.get_by_role("link", name="Record a violation").click()
    page.wait_for_url("**/entry")
    form = page.locator("#entry-form")
    form.get_by_label("New event: title", exact=True).fill("Checkpoint detentions [SYNTHETIC]")
    form.get_by_label("New event: date", exact=True).fill("2019-05")
    form.get_by_label("New event: place", exact=True).fill("Shali")
    form.get_by_label("Type of act", exact=True).select_option("torture")
    form.get_by_label("Date of the act", exact=True).fill("2019-05-14")
    form.get_by_label("Place of the act", exact=True).fill("Shali")
    form.get_by_label("What happened", exact=True).fill("[SYNTHETIC] invented for a browser test")
    form.get_by_label("an individual", exact=True).check()
    form.get_by_label("Given name", exact=True).fill("Aslan")
    form.get_by_label("Family name", exact=True).fill("Brauzerov")
    form.get_by_label("New source: title", exact=True).fill("Browser-test testimony [SYNTHETIC]")
    form.get_by_role("button", name="Record the violation").click()

    page.wait_for_url("**/acts/*?recorded=1")
    external_id = page.url.split("/acts/")[1].split("?")[0]
    torture = vocabulary_label("act_types", "torture", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{torture} · {external_id}")
    expect(page.locator("#victim")).to_contain_text("Brauzerov")
    with site.casebook.reader() as session:
        act = session.scalars(select(Act).where(Act.external_id == external_id)).one()
        event = session.get_one(Event, act.event_id)
    assert act.act_type == "torture"
    assert act.date_edtf == "2019-05-14"
    assert event.title == "Checkpoint detentions [SYNTHETIC]"


def test_a_claim_accepted_in_the_document_viewer_is_marked_accepted(
    browser_page: BrowserPage, tmp_path: Path
) -> None:
    page, site = browser_page.page, browser_page.site
    article = tmp_path / "news-en.txt"
    article.write_bytes((files("rightsledger.demo") / "documents" / "news-en.txt").read_bytes())
    provenance = Provenance(collected_by="browser-test", method="copied", sensitivity="public")
    (result,) = ingest(site.casebook, [article], provenance=provenance, actor="test")
    assert result.document_id is not None
    browser_page.sign_in("documenter")
    page.goto(f"/documents/{result.document_id}")
    page.get_by_role("button", name="Extract claims").click()
    expect(page.locator("tr.claim-row.proposed").first).to_be_visible()

    claims = review.list_claims(site.casebook, document_id=result.document_id, status=None)
    count = next(c for c in claims if c.kind == "count" and c.text.lower().startswith("more than"))
    row = page.locator(f"#claim-row-{count.id}")
    expect(row).to_have_class(re.compile(r"\bproposed\b"))
    row.get_by_role("button", name="Accept").click()

    expect(row).to_have_class(re.compile(r"\baccepted\b"))
    expect(page.locator(f"mark#claim-{count.id}")).to_have_class(re.compile(r"\baccepted\b"))
    expect(row.get_by_role("button", name="Accept")).to_have_count(0)
    (stored,) = [
        c
        for c in review.list_claims(site.casebook, document_id=result.document_id, status=None)
        if c.id == count.id
    ]
    assert stored.status == "accepted"


def test_a_proposed_link_accepted_on_the_review_page_merges_the_two_records(
    browser_page: BrowserPage,
) -> None:
    page, site = browser_page.page, browser_page.site
    load_synthetic_lists(site.casebook, people=40)
    summary = link_casebook(site.casebook, review_band=(0.001, 0.999), actor="test")
    assert summary.proposed >= 1
    browser_page.sign_in("documenter")
    page.get_by_role("link", name="Linkage review").click()
    page.wait_for_url("**/links")
    first = page.locator("article.link-pair").first
    pair_id = int((first.get_attribute("id") or "").removeprefix("pair-"))
    first.get_by_role("button", name="Accept: same person").click()

    page.wait_for_url(f"**/links?merged={pair_id}#merged")
    merged = page.locator("#merged-cluster tbody tr")
    expect(merged.first).to_be_visible()
    assert merged.count() >= 2
    expect(page.locator(f"#pair-{pair_id}")).to_have_count(0)
    with site.casebook.reader() as session:
        pair = session.get_one(LinkPair, pair_id)
        left = session.get_one(Person, pair.left_person_id)
        right = session.get_one(Person, pair.right_person_id)
    assert pair.status == "accepted"
    assert (left.same_as_id or left.id) == (right.same_as_id or right.id)
