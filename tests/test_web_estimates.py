"""Estimates in the browser: the same numbers as the library, a plot, and the result in words."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest

from rightsledger.demo.build import synthetic_lists
from rightsledger.estimate.casebook import capture_histories
from rightsledger.estimate.run import estimate, estimate_stratified
from rightsledger.store.casebook import Casebook
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from tests import web_support
from tests.web_support import StaffedWeb

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

staffed_web = web_support.staffed_web  # the fixture, used by name


def add_demo_lists(casebook: Casebook) -> None:
    """The demo's three synthetic lists of detainees, as `rightsledger demo` adds them."""
    for kind, table in synthetic_lists():
        import_table(casebook, KINDS[kind], table)


def test_estimate_page_shows_the_library_numbers_a_plot_and_words(staffed_web: StaffedWeb) -> None:
    casebook = staffed_web.casebook
    add_demo_lists(casebook)
    with casebook.reader() as session:
        captures = capture_histories(session, act_type="arbitrary_detention")
    expected = estimate(captures.table.histories, "loglinear").estimate

    client = staffed_web.client_for("analyst")
    form = client.get("/estimates")
    assert form.status_code == 200
    assert 'value="arbitrary_detention"' in form.text

    page = client.get("/estimates", params={"act_type": "arbitrary_detention"})
    assert page.status_code == 200, page.text
    shown = page.text
    assert f'id="documented">{captures.documented}<' in shown
    assert f'id="estimate-point">{expected.point:,.0f}<' in shown
    assert f"{expected.lo:,.0f}–{expected.hi:,.0f}" in shown
    assert f"We documented {captures.documented} individual victims" in shown
    assert f"the total is estimated at {expected.point:,.0f}" in shown
    assert "95 times in 100 an interval built this way would contain the true number" in shown
    assert f"{expected.lo:,.0f} to {expected.hi:,.0f}" in shown
    assert "The estimate assumes" in shown
    image = re.search(r'src="data:image/png;base64,([^"]+)"', shown)
    assert image is not None
    assert base64.b64decode(image.group(1)).startswith(PNG_SIGNATURE)

    bayesian = client.get("/estimates", params={"act_type": "arbitrary_detention", "method": "dga"})
    assert bayesian.status_code == 200
    assert "with probability 95 in 100" in bayesian.text

    by_year = client.get("/estimates", params={"act_type": "arbitrary_detention", "strata": "year"})
    assert by_year.status_code == 200
    assert 'id="estimate-strata-table"' in by_year.text
    assert "<td>2017</td>" in by_year.text


def test_too_few_lists_and_viewers_are_refused(staffed_web: StaffedWeb) -> None:
    client = staffed_web.client_for("documenter")
    page = client.get("/estimates", params={"act_type": "torture"})
    assert page.status_code == 400
    assert "multiple systems estimation needs at least 3 lists" in page.text
    assert 'id="estimate-result"' not in page.text
    wrong = client.get("/estimates", params={"act_type": "torture", "strata": "weekday"})
    assert wrong.status_code == 400
    assert "--strata must be one of year, place" in wrong.text
    assert staffed_web.client_for("viewer").get("/estimates").status_code == 403


def test_lcmcr_by_year_runs_in_the_server_process(
    staffed_web: StaffedWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A threaded web server must never fork for chains: any process pool is an error here, and
    # the strata's run is asked to keep its chains in this process.
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("the web application started a process pool")

    asked: list[int | None] = []

    def stratified(*args: Any, **kwargs: Any) -> Any:
        asked.append(args[2].workers)
        return estimate_stratified(*args, **kwargs)

    monkeypatch.setattr("rightsledger.estimate.lcmcr.ProcessPoolExecutor", no_pool)
    monkeypatch.setattr("rightsledger.web.routes.estimates.estimate_stratified", stratified)
    add_demo_lists(staffed_web.casebook)
    client = staffed_web.client_for("analyst")
    params = {"act_type": "arbitrary_detention", "strata": "year", "method": "lcmcr"}
    page = client.get("/estimates", params={**params, "burn_in": "200", "samples": "50"})
    assert page.status_code == 200, page.text
    assert "<td>2017</td>" in page.text
    assert asked == [1]
