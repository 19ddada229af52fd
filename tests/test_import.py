"""Importing files: create and update by external id; any bad row rejects the whole file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rightsledger.model import Act, Event, Person, PersonName, Proceeding
from rightsledger.store.casebook import Casebook
from tests.helpers import cli, import_demo, snapshot, write


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Messages name files as the user typed them; run from the files' directory to type short.
    monkeypatch.chdir(tmp_path)


def names_of(casebook: Casebook, session: Session, person: Person, part: str) -> list[str]:
    protector = casebook.protector(session.connection())
    return [
        protector.decrypt(f"persons:{person.id}", f"person_names.{part}", value)
        for value in person.name_parts(part)
    ]


EVENTS = """external_id,title,date,place
ev-1,Detentions in Argun,2017-03/2017-04,Argun
ev-2,Detentions in Grozny,2017-04~,Grozny
"""


def test_import_creates_then_updates_in_place(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "events.csv", EVENTS)
    code, out, _ = cli(capsys, "import", "events", path, "--casebook", casebook.path)
    assert code == 0
    assert "2 created, 0 updated" in out
    changed = write(
        tmp_path / "events2.csv",
        "external_id,title,date\nev-1,Detentions in Argun (revised),2017-03\nev-3,A third,2018\n",
    )
    code, out, _ = cli(capsys, "import", "events", changed, "--casebook", casebook.path)
    assert code == 0
    assert "1 created, 1 updated" in out
    with casebook.reader() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 3
        event = session.scalar(select(Event).where(Event.external_id == "ev-1"))
        assert event is not None
        assert event.title == "Detentions in Argun (revised)"
        assert event.date_edtf == "2017-03"
        assert str(event.date_earliest) == "2017-03-01"
        assert str(event.date_latest) == "2017-03-31"
        # The place column was absent from the second file, so the place was left as it was.
        assert event.place_name == "Argun"


def test_reimporting_the_same_file_never_duplicates(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "events.csv", EVENTS)
    for _ in range(3):
        assert cli(capsys, "import", "events", path, "--casebook", casebook.path)[0] == 0
    with casebook.reader() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 2


def test_demo_files_import_every_kind_with_references(casebook: Casebook) -> None:
    import_demo(casebook)
    with casebook.reader() as session:
        person = session.scalar(select(Person).where(Person.external_id == "p-001"))
        assert person is not None
        assert names_of(casebook, session, person, "family") == ["Хасанов"]
        assert names_of(casebook, session, person, "alias") == [
            "Magomed Khasanov",
            "Mohammed Hasanov",
        ]
        assert {n.script for n in person.names} == {"cyrillic", "latin"}
        # The exact birth date is sealed; only its year stays readable and comparable.
        assert (str(person.birth_earliest), str(person.birth_latest)) == (
            "1991-01-01",
            "1991-12-31",
        )
        assert person.birth_edtf == "1991"
        assert person.birth_exact is not None
        assert person.birth_exact.startswith("enc1:")
        group = session.scalar(select(Person).where(Person.external_id == "grp-detained-2017"))
        assert group is not None
        assert (group.is_group, group.counting_unit) == (True, "individual")
        assert (group.group_low, group.group_best, group.group_high) == (100, 100, 200)
        assert group.group_qualifier == "more_than"
        act = session.scalar(select(Act).where(Act.external_id == "a-102"))
        assert act is not None
        assert (act.event.external_id, act.victim.external_id) == ("ev-argun", "p-001")
        assert act.act_type == "torture"
        refusal = session.scalar(
            select(Proceeding).where(Proceeding.external_id == "pr-refusal-2018")
        )
        assert refusal is not None
        assert refusal.proceeding_type == "investigation_refused"
        assert [
            (t.event_id is not None, t.organization_id is not None) for t in refusal.targets
        ] == [(True, False), (False, True)]


def test_vocabulary_codes_are_accepted_and_stored_as_slugs(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_demo(casebook)
    path = write(
        tmp_path / "acts.csv",
        # 02011111000004 is the HURIDOCS code of torture; "Arbitrary-Detention" a sloppy slug.
        "external_id,event,victim,act_type\n"
        "x-1,ev-argun,p-002,02011111000004\nx-2,ev-argun,p-002,Arbitrary-Detention\n",
    )
    assert cli(capsys, "import", "acts", path, "--casebook", casebook.path)[0] == 0
    with casebook.reader() as session:
        types = dict(
            session.execute(
                select(Act.external_id, Act.act_type).where(Act.external_id.in_(["x-1", "x-2"]))
            ).all()
        )
    assert types == {"x-1": "torture", "x-2": "arbitrary_detention"}


def test_json_and_jsonl_files_import_with_typed_values(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        {
            "external_id": "g-1",
            "name": "Families of Argun",
            "is_group": True,
            "counting_unit": "family",
            "group_low": 3,
            "group_best": 4,
            "group_high": 7,
        },
        {"external_id": "p-9", "given_name": "Ruslan", "aliases": ["Руслан", "Rouslan"]},
    ]
    write(tmp_path / "p.json", json.dumps(rows, ensure_ascii=False, indent=2))
    write(tmp_path / "p.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    for name in ("p.json", "p.jsonl"):
        code, _, err = cli(
            capsys, "import", "persons", tmp_path / name, "--casebook", casebook.path
        )
        assert (code, err) == (0, "")
    with casebook.reader() as session:
        person = session.scalar(select(Person).where(Person.external_id == "p-9"))
        assert person is not None
        assert names_of(casebook, session, person, "alias") == ["Руслан", "Rouslan"]
        assert session.scalar(select(func.count()).select_from(Person)) == 2


def test_an_update_may_leave_out_required_columns_but_not_empty_them(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "e.csv", EVENTS)
    cli(capsys, "import", "events", tmp_path / "e.csv", "--casebook", casebook.path)
    write(tmp_path / "u.csv", "external_id,description\nev-1,More detail\n")
    assert cli(capsys, "import", "events", tmp_path / "u.csv", "--casebook", casebook.path)[0] == 0
    write(tmp_path / "v.csv", "external_id,title\nev-1,\n")
    code, _, err = cli(capsys, "import", "events", "v.csv", "--casebook", casebook.path)
    assert code == 2
    assert err.strip() == "error: v.csv line 2, column title: is required and cannot be empty"


def test_replacing_names_replaces_only_the_roles_in_the_file(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path / "a.csv",
        "external_id,given_name,family_name,aliases\np-1,Магомед,Хасанов,Magomed Khasanov\n",
    )
    write(tmp_path / "b.csv", "external_id,aliases\np-1,Mohammed Hasanov;Magomet Hasanov\n")
    for name in ("a.csv", "b.csv"):
        assert (
            cli(capsys, "import", "persons", tmp_path / name, "--casebook", casebook.path)[0] == 0
        )
    with casebook.reader() as session:
        protector = casebook.protector(session.connection())
        names = [
            (part, protector.decrypt(f"persons:{pid}", f"person_names.{part}", value))
            for pid, part, value in session.execute(
                select(PersonName.person_id, PersonName.part, PersonName.value).order_by(
                    PersonName.part, PersonName.position
                )
            )
        ]
    assert names == [
        ("alias", "Mohammed Hasanov"),
        ("alias", "Magomet Hasanov"),
        ("family", "Хасанов"),
        ("given", "Магомед"),
    ]


# -- bad input: one message with file, line, column and reason; exit 2; nothing written ----------

BAD_INPUT = [
    pytest.param(
        "events",
        "events.csv",
        "external_id,title,date\nev-1,Fine,2017\nev-2,Bad month,2017-13\n",
        'events.csv line 3, column date: "2017-13" is not a date',
        id="bad-date",
    ),
    pytest.param(
        "events",
        "events.csv",
        "external_id,title,colour\nev-1,Fine,red\n",
        "events.csv line 1, column colour: unknown column for events",
        id="unknown-column",
    ),
    pytest.param(
        "acts",
        "acts.csv",
        "external_id,event,victim,act_type\nx-1,ev-argun,p-001,tortur\n",
        'acts.csv line 2, column act_type: "tortur" is not a known act type',
        id="unknown-vocabulary-code",
    ),
    pytest.param(
        "acts",
        "acts.csv",
        "external_id,event,victim,act_type\nx-1,ev-nowhere,p-001,torture\n",
        'acts.csv line 2, column event: no event has external_id "ev-nowhere"',
        id="dangling-reference",
    ),
    pytest.param(
        "events",
        "events.csv",
        "external_id,title\nev-9,One\nev-10,Two\nev-9,Again\n",
        'events.csv line 4, column external_id: external_id "ev-9" already appears on line 2',
        id="duplicate-external-id",
    ),
    pytest.param(
        "events",
        "events.csv",
        "external_id,title\nev-9,Caf\xe9\n".encode("latin-1"),
        "events.csv line 2: not valid UTF-8 (byte 0xe9); save the file as UTF-8",
        id="wrong-encoding",
    ),
    pytest.param(
        "events",
        "events.csv",
        'external_id,title\nev-9,"multi\nline title"\nev-10,two,extra\n',
        "events.csv line 4: 3 fields, but the header has 2",
        id="ragged-row-after-multiline-cell",
    ),
    pytest.param(
        "events",
        "events.csv",
        "",
        "events.csv: the file is empty",
        id="empty-file",
    ),
    pytest.param(
        "events",
        "events.csv",
        "external_id,title,parent\nev-a,A,ev-b\nev-b,B,ev-a\n",
        "events.csv line 2, column parent: this parent makes a loop",
        id="parent-cycle",
    ),
    pytest.param(
        "persons",
        "persons.csv",
        "external_id,is_group,group_low,group_best,group_high\ng-1,true,50,20,80\n",
        "persons.csv line 2, column group_low:",
        id="count-out-of-order",
    ),
    pytest.param(
        "persons",
        "persons.csv",
        "external_id,is_group,group_best\ng-1,true,-4\n",
        'persons.csv line 2, column group_best: "-4" is not a whole number',
        id="negative-count",
    ),
    pytest.param(
        "acts",
        "acts.csv",
        "external_id,event,victim\nx-1,ev-argun,p-001\n",
        "acts.csv line 2, column act_type: is required for a new act (x-1)",
        id="missing-required-column",
    ),
    pytest.param(
        "proceedings",
        "proceedings.csv",
        "external_id,type,targets\npr-x,complaint,person:p-001;;act:a-101\n",
        "proceedings.csv line 2, column targets:",
        id="empty-target",
    ),
    pytest.param(
        "events",
        "events.jsonl",
        '{"external_id": "ev-j1", "title": "ok"}\n{"external_id": "ev-j2", "title": }\n',
        "events.jsonl line 2: not valid JSON",
        id="broken-jsonl",
    ),
    pytest.param(
        "events",
        "events.json",
        '[\n  {"external_id": "ev-j1", "title": "ok"},\n  {"external_id": "ev-j2",\n'
        '   "date": "April"}\n]\n',
        'events.json line 3, column date: "April" is not a date',
        id="json-array-line-of-bad-object",
    ),
    pytest.param(
        "events",
        "events.json",
        '[{"external_id": "ev-j1", "title": {"en": "nested"}}]',
        "events.json line 1, column title: expected a text value, found a JSON dict",
        id="json-nested-value",
    ),
]


@pytest.mark.parametrize(("kind", "name", "content", "message"), BAD_INPUT)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(
    casebook: Casebook,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    name: str,
    content: str | bytes,
    message: str,
) -> None:
    import_demo(casebook)
    before = snapshot(casebook)
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    code, out, err = cli(capsys, "import", kind, name, "--casebook", casebook.path)
    assert code == 2
    assert err.startswith(f"error: {message}"), err
    assert err.count("\n") == 1, "the error must be a single line"
    assert "Traceback" not in err + out
    assert snapshot(casebook) == before


def test_missing_file_is_a_clear_error(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(capsys, "import", "events", "nope.csv", "--casebook", casebook.path)
    assert code == 2
    assert err.strip() == "error: nope.csv: no such file"


def test_a_late_database_failure_rolls_back_everything(casebook: Casebook, tmp_path: Path) -> None:
    """Even a failure after rows were sent to the database leaves nothing behind."""
    from rightsledger.errors import InputError
    from rightsledger.store.io.importer import import_table
    from rightsledger.store.io.kinds import KINDS
    from rightsledger.store.io.reading import FileFormat, read_table

    import_demo(casebook)
    before = snapshot(casebook)
    # The loop is only found after the new rows were inserted and their parents written.
    table = read_table(
        b"external_id,title,parent\nev-new,New,ev-argun\nev-argun,Argun,ev-new\n",
        source="loop.csv",
        file_format=FileFormat.CSV,
    )
    with pytest.raises(InputError, match="loop"):
        import_table(casebook, KINDS["events"], table)
    assert snapshot(casebook) == before


def test_every_import_is_an_audit_entry_and_a_refused_one_is_not(
    casebook: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    from rightsledger.vault.custody import AUDIT

    write(Path("events.csv"), EVENTS)
    assert cli(capsys, "import", "events", "events.csv", "--casebook", casebook.path)[0] == 0
    write(Path("bad.csv"), "external_id,title,date\nev-9,Bad,2017-13\n")
    assert cli(capsys, "import", "events", "bad.csv", "--casebook", casebook.path)[0] == 2
    with casebook.engine.connect() as connection:
        entries = [e for e in AUDIT.entries(connection) if e.action == "records_changed"]
    assert len(entries) == 1
    assert json.loads(entries[0].details) == {"created": 2, "source": "events.csv", "updated": 0}
    assert entries[0].subject == "events"


def test_a_bulk_import_refreshes_the_planners_statistics(casebook: Casebook) -> None:
    """On PostgreSQL a large import ends with ANALYZE (the planner otherwise guesses table sizes
    and may scan whole tables); on SQLite nothing changes. Either way the rows are all there."""
    from sqlalchemy import text

    from rightsledger.store.io.importer import BULK_ROWS, import_table
    from rightsledger.store.io.kinds import KINDS
    from rightsledger.store.io.reading import FileFormat, read_table

    lines = ["external_id,given_name,family_name"]
    lines += [f"per-bulk-{n},Name{n},Family{n}" for n in range(BULK_ROWS)]
    table = read_table("\n".join(lines).encode(), source="persons.csv", file_format=FileFormat.CSV)
    import_table(casebook, KINDS["persons"], table)
    with casebook.reader() as session:
        assert session.scalar(select(func.count(Person.id))) == BULK_ROWS
        if casebook.backend == "postgresql":
            analysed = session.execute(
                text("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'person_names'")
            ).scalar()
            assert analysed is not None
