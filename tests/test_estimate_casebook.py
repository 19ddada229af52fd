"""Lists built from a casebook: sources become lists, linked victims are counted once.

The casebook is SYNTHETIC: fifty invented victims, three invented sources with known overlaps,
imported from CSV files the test writes, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from rightsledger.errors import UserError
from rightsledger.estimate.casebook import capture_histories
from rightsledger.estimate.data import pattern_index
from rightsledger.model.records import Person
from tests.helpers import cli, write

VICTIMS = [f"v-{number:02d}" for number in range(1, 51)]
# Who each source documents (known overlaps): A 1-30, B 21-45 (+ the duplicate of 3), C by
# person-level citations 1-5, 26-35, 46-50.
ON_A = set(VICTIMS[0:30])
ON_B = set(VICTIMS[20:45])
ON_C = set(VICTIMS[0:5]) | set(VICTIMS[25:35]) | set(VICTIMS[45:50])


def _year(victim: str) -> str:
    return "2017" if int(victim[2:]) <= 25 else "2018"


def _build(directory: Path, casebook: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {
        "events": "external_id,title,date\nev-1,[SYNTHETIC] Killings,2017/2018\n",
        "organizations": "external_id,name\norg-a,[SYNTHETIC] Group A\norg-b,[SYNTHETIC] Group B\n",
        "persons": "external_id,name,is_group,group_low,group_best,group_high,description\n"
        + "".join(f"{v},[SYNTHETIC] {v},false,,,,[SYNTHETIC]\n" for v in VICTIMS)
        + "v-51,[SYNTHETIC] duplicate of v-03,false,,,,[SYNTHETIC]\n"
        + "grp-1,[SYNTHETIC] a group,true,10,12,20,[SYNTHETIC]\n",
        "acts": "external_id,event,victim,act_type,date,place\n"
        + "".join(
            f"a-{v},ev-1,{v},"
            f"{'political_killing_non_state' if v == 'v-07' else 'killing'},"
            f"{_year(v)}-05,{'Argun' if int(v[2:]) % 2 else 'Grozny'}\n"
            for v in VICTIMS
        )
        + "a-v-51,ev-1,v-51,killing,2017-06,Argun\n"
        + "a-torture,ev-1,v-01,torture,2017-05,Argun\n"
        + "a-grp,ev-1,grp-1,killing,2018,Grozny\n",
        "information": "external_id,title,source\n"
        "inf-a,[SYNTHETIC] list A,org-a\ninf-b,[SYNTHETIC] list B,org-b\n"
        "inf-c,[SYNTHETIC] list C,\ninf-t,[SYNTHETIC] torture only,\n",
        "citations": "external_id,record,information\n"
        + "".join(f"c-a-{v},act:a-{v},inf-a\n" for v in sorted(ON_A))
        + "".join(f"c-b-{v},act:a-{v},inf-b\n" for v in sorted(ON_B))
        + "".join(f"c-c-{v},person:{v},inf-c\n" for v in sorted(ON_C))
        + "c-b-v-51,act:a-v-51,inf-b\n"
        + "c-t,act:a-torture,inf-t\nc-grp,act:a-grp,inf-a\n",
    }
    for kind in ("events", "organizations", "persons", "acts", "information", "citations"):
        path = write(directory / f"{kind}.csv", files[kind])
        code, _, err = cli(capsys, "import", kind, path, "--casebook", casebook)
        assert (code, err) == (0, ""), err


def _expected_cells(link_duplicate: bool) -> dict[tuple[int, int, int], int]:
    cells: dict[tuple[int, int, int], int] = {}
    for victim in VICTIMS:
        pattern = (
            int(victim in ON_A),
            int(victim in ON_B or (link_duplicate and victim == "v-03")),
            int(victim in ON_C),
        )
        if any(pattern):
            cells[pattern] = cells.get(pattern, 0) + 1
    if not link_duplicate:
        cells[(0, 1, 0)] = cells.get((0, 1, 0), 0) + 1  # v-51 counted as a person of its own
    return cells


def test_lists_from_a_casebook(casebook, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _build(tmp_path, casebook.path, capsys)
    linked = hasattr(Person, "same_as_id")
    if linked:
        with casebook.session() as session:
            duplicate = session.scalars(select(Person).where(Person.external_id == "v-51")).one()
            canonical = session.scalars(select(Person).where(Person.external_id == "v-03")).one()
            duplicate.same_as_id = canonical.id
    with casebook.reader() as session:
        captures = capture_histories(session, act_type="killing", strata="year")
    histories = captures.table.histories
    assert histories.lists == ("inf-c", "org-a", "org-b")
    expected = _expected_cells(linked)
    for (a, b, c), count in expected.items():
        assert histories.cells[pattern_index((c, a, b))] == count, (a, b, c)
    assert histories.observed == sum(expected.values())
    assert captures.documented == (50 if linked else 51)
    assert captures.groups.to_json() == {"groups": 1, "low": 10, "best": 12, "high": 20}
    strata = captures.table.strata
    assert strata is not None
    assert sorted(strata) == ["2017", "2018"]
    assert strata["2017"].observed == sum(1 for v in VICTIMS if _year(v) == "2017") + (
        0 if linked else 1
    )
    assert captures.by_stratum["2018"]["groups"]["best"] == 12

    code, out, err = cli(
        capsys,
        "estimate",
        "--act-type",
        "killing",
        "--method",
        "loglinear",
        "--format",
        "json",
        "--casebook",
        casebook.path,
    )
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["method"] == "loglinear"
    assert result["observed"] == histories.observed
    assert result["documented"]["individuals"] == captures.documented
    assert result["documented"]["groups"]["best"] == 12
    assert result["estimate"]["point"] >= histories.observed


def test_fewer_than_three_sources_is_a_clear_error(casebook, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _build(tmp_path, casebook.path, capsys)
    with casebook.reader() as session, pytest.raises(UserError, match="needs at least 3 lists"):
        capture_histories(session, act_type="torture")
    code, _, err = cli(capsys, "estimate", "--act-type", "torture", "--casebook", casebook.path)
    assert code == 2
    # v-01's person record is cited by source C, so the torture victim is on C's list too.
    assert err.startswith("error: acts of type torture are cited by 2 source(s) (inf-c, inf-t)")
    code, _, err = cli(capsys, "estimate", "--act-type", "no-such", "--casebook", casebook.path)
    assert code == 2
    assert "no-such" in err
