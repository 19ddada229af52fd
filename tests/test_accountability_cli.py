"""`rightsledger accountability` on the demo casebook: tables, JSON, errors and roles."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from rightsledger.store.casebook import Casebook
from tests.helpers import cli, import_demo
from tests.test_cli_policy import as_user, staffed  # noqa: F401 - the fixture is used by name

AS_OF = "2025-01-01"


def accountability(
    capsys: pytest.CaptureFixture[str], casebook: Casebook, *args: str
) -> tuple[int, str, str]:
    return cli(capsys, "accountability", "--as-of", AS_OF, *args, "--casebook", casebook.path)


def test_overview_and_profile_of_the_demo(
    casebook: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    import_demo(casebook)
    code, out, err = accountability(capsys, casebook, "--format", "json")
    assert code == 0, err
    overview = json.loads(out)
    assert overview["as_of"] == AS_OF
    rows = {f"{row['kind']}:{row['external_id']}": row for row in overview["perpetrators"]}
    assert list(rows) == [
        "organizations:org-argun-police",
        "organizations:org-mvd-chechnya",
        "persons:per-officer-a",
        "persons:per-kadyrov",
    ]
    kadyrov = rows["persons:per-kadyrov"]
    assert (kadyrov["label"], kadyrov["status"], kadyrov["sanctions"]) == (
        "Ramzan Kadyrov",
        "uncharged",
        1,
    )
    police = rows["organizations:org-argun-police"]
    assert (police["acts"], police["acts_without_charge"], police["refused_investigations"]) == (
        4,
        4,
        1,
    )
    # a-105 (2017-04-01/2017-04-10) is its act longest without a charge.
    assert (
        police["longest_days_without_charge"] == (dt.date(2025, 1, 1) - dt.date(2017, 4, 10)).days
    )

    code, out, _ = accountability(capsys, casebook)
    assert code == 0
    assert "Alleged perpetrators as of 2025-01-01" in out
    assert "Kadyrov" in out

    code, out, err = accountability(
        capsys, casebook, "--perpetrator", "org-mvd-chechnya", "--format", "json"
    )
    assert code == 0, err
    profile = json.loads(out)
    assert profile["label"] == "Ministry of Internal Affairs of the Chechen Republic"
    assert [g["degree"] for g in profile["involvements"]] == ["suspected"]
    assert {r["act"]["act_id"] for r in profile["subordinate_acts"]} == {
        "a-001",
        "a-002",
        "a-101",
        "a-102",
        "a-105",
        "a-107",
    }
    assert profile["impunity_summary"]["sentence"] == (
        "3 acts; the earliest was 8 years ago; none has led to a charge."
    )
    first = profile["involvements"][0]["acts"][1]
    assert first["act_id"] == "a-001"
    assert first["citations"][0]["ref"].startswith("inf-press-2017-04-01")
    # Keys are sorted, so scripts can diff the output.
    assert list(profile) == sorted(profile)

    code, out, _ = accountability(capsys, casebook, "-p", "persons:per-officer-a")
    assert code == 0
    for heading in ("Chain of command", "Proceedings timeline", "Impunity clock"):
        assert heading in out
    assert "Officer A (invented)" in out


def test_bad_arguments_name_what_is_wrong(
    casebook: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    import_demo(casebook)
    code, _, err = accountability(capsys, casebook, "--perpetrator", "per-nobody")
    assert code == 2
    assert "per-nobody" in err
    assert "Traceback" not in err
    code, _, err = accountability(capsys, casebook, "--perpetrator", "organizations:per-kadyrov")
    assert code == 2
    assert '"per-kadyrov"' in err
    code, _, err = cli(capsys, "accountability", "--as-of", "1 April", "--casebook", casebook.path)
    assert code == 2
    assert "1 April" in err


def test_roles_see_pseudonyms_and_published_records_only(
    casebook: Casebook,
    staffed: dict[str, str],  # noqa: F811 - the fixture imported above
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ("accountability", "--as-of", AS_OF, "--format", "json")
    code, out, err = as_user(capsys, casebook, staffed, "analyst", *args)
    assert code == 0, err
    assert "Officer A" not in out
    assert "per-officer-a" not in out
    assert "Ramzan Kadyrov" not in out
    labels = {row["label"] for row in json.loads(out)["perpetrators"]}
    assert "Argun city police department" in labels  # organizations are shown as they are
    hidden = next(
        row
        for row in json.loads(out)["perpetrators"]
        if row["kind"] == "persons" and row["acts"] == 2
    )
    # The pseudonym the analyst was shown opens the profile, still pseudonymised.
    code, out, err = as_user(
        capsys, casebook, staffed, "analyst", *args, "--perpetrator", hidden["external_id"]
    )
    assert code == 0, err
    profile = json.loads(out)
    assert profile["label"].startswith("[protected P-")
    assert "Хасанов" not in out

    code, out, err = as_user(capsys, casebook, staffed, "viewer", *args)
    assert code == 0, err
    rows = {row["external_id"]: row for row in json.loads(out)["perpetrators"]}
    # Officer A and his involvements are unpublished: the one person left is Kadyrov, masked.
    persons = [row for row in rows.values() if row["kind"] == "persons"]
    assert [(row["acts"], row["sanctions"]) for row in persons] == [(1, 1)]
    assert persons[0]["external_id"].startswith("P-")
    assert rows["org-argun-police"]["acts"] == 2  # a-001 and a-002 are the published ones
    code, _, err = as_user(
        capsys, casebook, staffed, "viewer", *args, "--perpetrator", "per-officer-a"
    )
    assert code == 2
    assert "per-officer-a" in err

    code, out, err = as_user(capsys, casebook, staffed, "documenter", *args)
    assert code == 0, err
    assert "Ramzan Kadyrov" in out
    code, out, _ = cli(capsys, "audit", "show", "--format", "json", "--casebook", casebook.path)
    reads = [
        entry
        for entry in json.loads(out)
        if entry["action"] == "identities_read"
        and entry["details"].get("command") == "accountability"
    ]
    assert [entry["actor"] for entry in reads] == ["documenter"]
