"""`export-for`: FollowTheMoney, HURIDOCS ESF CSV and Uwazi exports, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model
from followthemoney.exc import InvalidData
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from rightsledger.exchange import openevsys, uwazi
from rightsledger.exchange.common import Snapshot, collect
from rightsledger.model import User
from rightsledger.protect import audit, totp, users
from rightsledger.store.casebook import Casebook
from rightsledger.store.io.exporter import ExportOptions
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import FileFormat, read_table
from tests.helpers import cli, demo_data, import_demo

PASSWORD = "a long synthetic password"
SMALL_GROUP = (
    "external_id,name,is_group,counting_unit,group_low,group_best,group_high,group_qualifier,"
    "description,published\n"
    "grp-small,Three men held in one cellar (synthetic),true,individual,3,3,4,between,"
    "[SYNTHETIC] A small invented group.,true\n"
)
SMALL_ACT = (
    "external_id,event,victim,act_type,date,published\n"
    "a-small,ev-argun,grp-small,torture,2017-04,true\n"
)


def _import(casebook: Casebook, kind: str, text: str) -> None:
    table = read_table(text.encode(), source=f"{kind}.csv", file_format=FileFormat.CSV)
    import_table(casebook, KINDS[kind], table)


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _synthetic_names() -> set[str]:
    """Every name and alias of an invented ([SYNTHETIC]) person in the demo data."""
    names = set()
    with (demo_data() / "persons.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if "[SYNTHETIC]" not in row["description"]:
                continue
            for column in ("name", "given_name", "family_name", "aliases"):
                names.update(part for part in row[column].split(";") if part)
    return names


# -- FollowTheMoney -----------------------------------------------------------------------------


def check_ftm(lines: list[str]) -> list[dict[str, Any]]:
    """Every line must be an entity that followthemoney accepts as it stands, with every
    referenced entity present in the file."""
    entities = [json.loads(line) for line in lines]
    ids = [entity["id"] for entity in entities]
    assert len(ids) == len(set(ids)), "entity ids repeat"
    known = set(ids)
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None, data["schema"]
        assert not schema.abstract, data
        schema.validate(data)  # raises InvalidData on a bad value
        proxy = model.get_proxy(data, cleaned=False)  # cleans every value by its type
        for name, values in data["properties"].items():
            prop = schema.get(name)
            assert prop is not None, f"{data['schema']} has no property {name}"
            assert not prop.stub, f"{name} is a reverse property"
            # A value the type would change is not clean: the library must keep it as is.
            assert sorted(proxy.get(prop)) == sorted(values), (name, values)
            if prop.type.name == "entity":
                assert set(values) <= known, f"{data['id']}.{name} points outside the file"
        for name in schema.required:
            assert data["properties"].get(name), f"{data['schema']} lacks required {name}"
    return entities


def test_ftm_export_is_valid_and_stable(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_demo(casebook)
    first, second = tmp_path / "one.ftm.json", tmp_path / "two.ftm.json"
    for target in (first, second):
        code, out, err = cli(capsys, "export-for", "ftm", "-o", target, "-C", casebook.path)
        assert code == 0, err
        assert "Wrote" in out
    # Ids hash the casebook, the kind and the external id: re-exports are identical.
    assert first.read_bytes() == second.read_bytes()
    entities = check_ftm(first.read_text(encoding="utf-8").splitlines())
    schemata = {entity["schema"] for entity in entities}
    assert {"Event", "Person", "Note", "PublicBody", "UnknownLink", "Employment"} <= schemata
    assert {"Sanction", "Article", "Document", "Documentation", "Membership"} <= schemata
    by_name = {e["properties"].get("name", [""])[0]: e for e in entities}
    khasanov = next(e for e in entities if "Хасанов" in e["properties"].get("lastName", []))
    assert khasanov["properties"]["fatherName"] == ["Ибрагимович"]
    assert "Magomed Khasanov" in khasanov["properties"]["alias"]
    argun_police = by_name["Argun city police department"]
    chechen_mvd = by_name["Ministry of Internal Affairs of the Chechen Republic"]
    assert argun_police["properties"]["parent"] == [chechen_mvd["id"]]
    # The documented count and its qualifier travel with the group's Note.
    group = by_name["Men detained in the 2017 campaign (reported)"]
    assert group["schema"] == "Note"
    assert group["properties"]["summary"] == ["100-200, best 100 (more_than)"]


def test_ftm_to_standard_output_and_public_rules(
    casebook: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    import_demo(casebook)
    _import(casebook, "persons", SMALL_GROUP)
    _import(casebook, "acts", SMALL_ACT)
    code, out, err = cli(capsys, "export-for", "ftm", "-o", "-", "--public", "-C", casebook.path)
    assert code == 0, err
    assert "suppressed in 1 records and marked <5" in err
    for name in _synthetic_names():
        assert name not in out, name
    entities = check_ftm(out.splitlines())
    small = next(
        e
        for e in entities
        if e["properties"].get("name") == ["Three men held in one cellar (synthetic)"]
    )
    assert small["properties"]["summary"] == ["<5 (suppressed in public outputs)"]
    assert "suppressed in public outputs" in small["properties"]["notes"][0]
    assert not re.search(r"\b[0-4]\b", " ".join(small["properties"]["summary"]))
    # Only published records: the invented episode in Grozny is not published.
    assert "Detentions in Grozny" not in out


# -- OpenEvSys / ESF ----------------------------------------------------------------------------


def test_openevsys_round_trip(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_demo(casebook)
    target = tmp_path / "esf"
    code, _, err = cli(capsys, "export-for", "openevsys", "-o", target, "-C", casebook.path)
    assert code == 0, err
    assert sorted(p.name for p in target.iterdir()) == sorted(f.file for f in openevsys.FORMATS)
    with casebook.reader() as session:
        options = ExportOptions(protector=casebook.protector(session.connection()))
        snapshot = collect(session, options, casebook_id=casebook.config.casebook_id)
    assert openevsys.read_directory(target) == openevsys.facts_of(snapshot)
    acts = list(_csv(target / "acts.csv"))
    torture = next(row for row in acts if row["act_record_number"] == "a-002")
    assert torture["type_of_act"] == "02011111000004"  # HURIDOCS micro-thesaurus 4 code
    assert torture["type_of_act_label"] == "Torture"
    assert (torture["initial_date"], torture["final_date"]) == ("2017-03-01", "2017-04-30")
    persons = (target / "persons.csv").read_text(encoding="utf-8")
    assert "Хасанов" in persons  # the owner may see identities...
    assert "contact" not in persons.splitlines()[0]  # ...but contact details never leave


def test_openevsys_public_export_marks_small_counts(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_demo(casebook)
    _import(casebook, "persons", SMALL_GROUP)
    target = tmp_path / "esf"
    code, _, err = cli(
        capsys, "export-for", "openevsys", "-o", target, "--public", "-C", casebook.path
    )
    assert code == 0, err
    text = "\n".join(p.read_text(encoding="utf-8") for p in target.iterdir())
    for name in _synthetic_names():
        assert name not in text, name
    persons = list(_csv(target / "persons.csv"))
    for row in persons:
        for column in ("number_of_persons_low", "number_of_persons_best", "number_of_persons_high"):
            cell = row[column]
            assert cell in ("", "<5") or int(cell) >= 5, (column, cell)
    small = next(r for r in persons if r["person_name"].startswith("Three men"))
    assert small["number_of_persons_best"] == "<5"
    assert "suppressed" in small["public_note"]
    parsed = openevsys.read_directory(target)
    assert all(fact["published"] for facts in parsed.values() for fact in facts)


def test_esf_reader_names_the_bad_cell(tmp_path: Path) -> None:
    files = {form.file: ",".join(form.header) + "\n" for form in openevsys.FORMATS}
    header = next(f for f in openevsys.FORMATS if f.kind == "acts").header
    row = dict.fromkeys(header, "")
    row |= {"act_record_number": "a-1", "type_of_act": "not-a-code", "confidentiality": "y"}
    files["acts.csv"] += ",".join(row[column] for column in header) + "\n"
    with pytest.raises(Exception, match=r"acts\.csv line 2.*type_of_act"):
        openevsys.parse(files)


# -- Uwazi --------------------------------------------------------------------------------------


def test_uwazi_export_follows_the_import_rules(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_demo(casebook)
    target = tmp_path / "uwazi"
    code, _, err = cli(capsys, "export-for", "uwazi", "-o", target, "-C", casebook.path)
    assert code == 0, err
    assert uwazi.validate_directory(target) == []
    acts = {r["record_id"]: r for r in _csv(target / "acts.csv")}
    assert acts["a-001"]["date"] == "2017-03-01:2017-04-30"
    assert acts["a-001"]["perpetrators"].split("|") == [
        "Argun city police department",
        "Ministry of Internal Affairs of the Chechen Republic",
        "Ramzan Kadyrov",
    ]
    events = {r["record_id"]: r for r in _csv(target / "events.csv")}
    assert acts["a-001"]["event"] == events["ev-argun"]["title"]
    document = json.loads((target / "templates.json").read_text(encoding="utf-8"))
    assert "Torture" in document["thesauri"]["act_types"]


def test_uwazi_public_export(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_demo(casebook)
    _import(casebook, "persons", SMALL_GROUP)
    target = tmp_path / "uwazi"
    code, _, err = cli(capsys, "export-for", "uwazi", "-o", target, "--public", "-C", casebook.path)
    assert code == 0, err
    assert uwazi.validate_directory(target) == []
    text = "\n".join(p.read_text(encoding="utf-8") for p in target.iterdir())
    for name in _synthetic_names():
        assert name not in text, name
    for row in _csv(target / "persons.csv"):
        assert row["group_best"] == "" or int(row["group_best"]) >= 5
        if row["title"].startswith("Three men"):
            assert row["group_size"].startswith("<5")


def _uwazi_files() -> dict[str, str]:
    document = {
        "import_order": ["places.csv", "incidents.csv"],
        "templates": [
            {
                "name": "Place",
                "file": "places.csv",
                "properties": [
                    {"name": "spot_geolocation", "label": "Spot", "type": "geolocation"}
                ],
            },
            {
                "name": "Incident",
                "file": "incidents.csv",
                "properties": [
                    {"name": "when", "label": "When", "type": "daterange"},
                    {"name": "kind", "label": "Kind", "type": "select", "thesaurus": "kinds"},
                    {"name": "tags", "label": "Tags", "type": "multiselect", "thesaurus": "kinds"},
                    {"name": "where", "label": "Where", "type": "relationship", "content": "Place"},
                    {"name": "count", "label": "Count", "type": "numeric"},
                    {"name": "link", "label": "Link", "type": "link"},
                ],
            },
        ],
        "thesauri": {"kinds": ["Torture", "Detention"]},
    }
    return {
        "templates.json": json.dumps(document),
        "places.csv": "title,spot_geolocation\nArgun,43.29|45.87\n",
        "incidents.csv": "title,when,kind,tags,where,count,link\n"
        "One,2017-03-01:,Torture,Torture|Detention,Argun,12,report|https://example.org/a\n",
    }


def test_uwazi_validator_accepts_the_documented_forms() -> None:
    assert uwazi.validate(_uwazi_files()) == []


@pytest.mark.parametrize(
    ("file", "good", "bad", "reason"),
    [
        ("incidents.csv", "2017-03-01:", "2017-13-01:", "not a date"),
        ("incidents.csv", "2017-03-01:", "March", "not a date range"),
        ("incidents.csv", ",Torture,", ",Beating,", "not in thesaurus"),
        ("incidents.csv", "Torture|Detention", "Torture;Detention", "not in thesaurus"),
        ("incidents.csv", ",Argun,", ",Grozny,", "title of no entity"),
        ("incidents.csv", ",12,", ",twelve,", "not a number"),
        ("incidents.csv", "report|https://example.org/a", "report", "not LABEL|URL"),
        ("incidents.csv", "\nOne,", "\n,", "title is empty"),
        ("incidents.csv", "title,when", "title,when_", "column when_"),
        ("incidents.csv", "title,when", "id,title,when", "shared id"),
        ("places.csv", "43.29|45.87", "43.29,45.87", "a different number of cells"),
        ("places.csv", "43.29|45.87", "93.29|45.87", "off the globe"),
    ],
)
def test_uwazi_validator_rejects_what_uwazi_would(
    file: str, good: str, bad: str, reason: str
) -> None:
    files = _uwazi_files()
    assert good in files[file]
    files[file] = files[file].replace(good, bad, 1)
    problems = uwazi.validate(files)
    assert any(reason in problem for problem in problems), problems


# -- access, audit and atomic writes -------------------------------------------------------------


def _as(
    capsys: pytest.CaptureFixture[str], casebook: Casebook, role: str, *args: str | Path
) -> tuple[int, str, str]:
    with casebook.session() as session:
        enrolment = users.add_user(
            session,
            username=role,
            password=PASSWORD,
            role=role,
            keyring=casebook.keyring,
            actor=None,
        )
    with casebook.engine.begin() as connection:
        connection.execute(update(User).where(User.username == role).values(totp_last_step=None))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RIGHTSLEDGER_USER", role)
        patch.setenv("RIGHTSLEDGER_PASSWORD", PASSWORD)
        patch.setenv("RIGHTSLEDGER_TOTP", totp.code_at(enrolment.secret, dt.datetime.now(dt.UTC)))
        return cli(capsys, *args, "-C", casebook.path)


def test_roles_and_audit(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_demo(casebook)
    # The owner reads identities in clear: one audit entry says so (without the data).
    code, _, err = cli(capsys, "export-for", "ftm", "-o", tmp_path / "a.json", "-C", casebook.path)
    assert code == 0, err
    with casebook.engine.connect() as connection:
        last = audit.entries(connection)[-1]
    assert last.action == audit.IDENTITIES_READ
    assert "export-for" in json.dumps(last.details)
    # An analyst may export, but only pseudonyms, and no identities are read in clear.
    code, _, err = _as(capsys, casebook, "analyst", "export-for", "ftm", "-o", tmp_path / "b.json")
    assert code == 0, err
    text = (tmp_path / "b.json").read_text(encoding="utf-8")
    assert "Хасанов" not in text
    assert "person-" in text
    # A viewer may not export at all.
    code, _, err = _as(capsys, casebook, "viewer", "export-for", "ftm", "-o", tmp_path / "c.json")
    assert code != 0
    assert "may not export" in err
    assert not (tmp_path / "c.json").exists()


def test_nothing_is_written_on_error(
    casebook: Casebook,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_demo(casebook)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "mine.txt").write_text("keep", encoding="utf-8")
    code, _, err = cli(capsys, "export-for", "uwazi", "-o", busy, "-C", casebook.path)
    assert code == 2
    assert "not an empty directory" in err
    assert [p.name for p in busy.iterdir()] == ["mine.txt"]
    code, _, err = cli(capsys, "export-for", "openevsys", "-o", "-", "-C", casebook.path)
    assert code == 2

    def broken(*_args: object) -> list[dict[str, str]]:
        raise RuntimeError("disk full")

    # A failure half-way through leaves neither the target nor a temporary directory.
    monkeypatch.setattr(openevsys, "rows", broken)
    with pytest.raises(RuntimeError):
        cli(capsys, "export-for", "openevsys", "-o", tmp_path / "esf", "-C", casebook.path)
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".export", "esf")))
    assert leftovers == []


def test_schema_validation_catches_a_bad_line() -> None:
    """The FollowTheMoney checks above can fail: a wrong date and a dangling reference do."""
    bad_date = {"id": "x", "schema": "Event", "properties": {"name": ["e"], "date": ["March"]}}
    with pytest.raises((AssertionError, InvalidData)):
        check_ftm([json.dumps(bad_date)])
    event = {"id": "e", "schema": "Event", "properties": {"name": ["e"]}}
    dangling = {
        "id": "y",
        "schema": "UnknownLink",
        "properties": {"subject": ["nowhere"], "object": ["e"]},
    }
    with pytest.raises(AssertionError, match="points outside"):
        check_ftm([json.dumps(event), json.dumps(dangling)])


_TEXT = (
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1)
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=60, deadline=None)
@given(
    title=_TEXT,
    description=st.none() | _TEXT,
    aliases=st.lists(_TEXT.filter(lambda text: ";" not in text), max_size=3),
    date=st.sampled_from([None, "2017", "2017-04~", "2017-04-01/2017-04-10", "../1985"]),
)
def test_esf_round_trip_of_any_text(
    title: str, description: str | None, aliases: list[str], date: str | None
) -> None:
    """Quotes, commas, line breaks and any script survive the ESF files unchanged."""
    event = {
        "external_id": "ev-1",
        "title": title,
        "date": date,
        "description": description,
        "violation_status": None,
        "parent": None,
        "chain_type": None,
        "published": True,
    }
    person = {
        "external_id": "p-1",
        "name": title,
        "aliases": aliases or None,
        "birth_date": date,
        "is_group": False,
        "published": False,
    }
    records: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    records["events"], records["persons"] = [event], [person]
    snapshot = Snapshot(casebook_id="c", records=records)
    assert openevsys.parse(openevsys.render(snapshot)) == openevsys.facts_of(snapshot)
