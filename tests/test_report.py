"""Reports: figures equal the queries behind them, public reports hide identities and small
counts, PDFs render and read back, and `report verify` catches a casebook changed afterwards."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from rightsledger.estimate.casebook import capture_histories
from rightsledger.estimate.run import estimate
from rightsledger.model import Act, Person
from rightsledger.report import ReportParameters, derive
from rightsledger.report.manifest import read_manifest
from rightsledger.store.casebook import Casebook
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from tests.helpers import cli, demo_data, import_demo

AS_OF = "2025-01-01"
COUNT_KEYS = ("acts", "individuals", "groups", "low", "best", "high", "observed", "victims")


@pytest.fixture
def demo(casebook: Casebook) -> Casebook:
    """The demo records plus its three synthetic lists (so an estimate can be run)."""
    from rightsledger.demo.build import synthetic_lists

    import_demo(casebook)
    for kind, table in synthetic_lists():
        import_table(casebook, KINDS[kind], table)
    return casebook


def params(**changes: object) -> ReportParameters:
    base: dict[str, object] = {"as_of": dt.date(2025, 1, 1)}
    return ReportParameters(**{**base, **changes})  # type: ignore[arg-type]


def make_report(
    capsys: pytest.CaptureFixture[str], book: Casebook, output: Path, *args: str
) -> dict[str, object]:
    code, out, err = cli(
        capsys, "report", "-C", book.path, "--as-of", AS_OF, "--output", output, *args
    )
    assert (code, err) == (0, ""), err
    assert "Report written" in out
    return read_manifest(output)


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return " ".join(done.stdout.split())


def test_figures_equal_the_queries_behind_them(demo: Casebook) -> None:
    with demo.reader() as session:
        figures = derive(session, params()).figures
        detention = figures.get("documented.arbitrary_detention")
        assert detention is not None
        acts = session.scalar(
            select(func.count()).select_from(Act).where(Act.act_type == "arbitrary_detention")
        )
        victims = session.execute(
            select(Person.id, Person.is_group, Person.group_low, Person.group_best)
            .join(Act, Act.victim_id == Person.id)
            .where(Act.act_type == "arbitrary_detention")
            .distinct()
        ).all()
        individuals = sum(1 for v in victims if not v.is_group)
        groups_best = sum(v.group_best or v.group_low or 0 for v in victims if v.is_group)
        assert detention.value["acts"] == acts
        assert detention.value["individuals"] == individuals
        assert detention.value["groups"] == sum(1 for v in victims if v.is_group)
        assert detention.value["best"] == individuals + groups_best
        # "More than 100" detained and a second wave without an upper figure: at least, no high.
        assert detention.value["at_least"] is True
        assert detention.value["high"] is None

        estimated = figures.get("estimate.arbitrary_detention")
        assert estimated is not None
        result = estimate(
            capture_histories(session, act_type="arbitrary_detention").table.histories,
            "loglinear",
        )
        assert estimated.value["point"] == round(result.estimate.point)
        assert estimated.value["lo"] <= estimated.value["point"] <= estimated.value["hi"]
        assert estimated.value["observed"] == result.observed
        # Never added: the documented figure is the same with or without the estimate.
        assert detention.value["best"] < estimated.value["point"] + groups_best + 1

        kadyrov = figures.get("perpetrator.persons.per-kadyrov")
        assert kadyrov is not None
        assert kadyrov.value["status"] == "uncharged"
        assert kadyrov.value["sanctions"] == 1
        impunity = figures.get("impunity")
        assert impunity is not None
        assert impunity.value["prosecutions"] == 0
        since = dt.date.fromisoformat(impunity.value["since"])
        assert impunity.value["days"] == (dt.date(2025, 1, 1) - since).days
        # The same parameters give the same figures and hashes: what verify relies on.
        again = derive(session, params()).figures
        assert [f.manifest_entry() for f in again] == [f.manifest_entry() for f in figures]


def test_html_and_pdf_in_both_languages(
    demo: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html_file = tmp_path / "situation-en.html"
    manifest = make_report(capsys, demo, html_file)
    page = html_file.read_text(encoding="utf-8")
    # Self-contained: the only script is the inert JSON manifest; nothing is fetched.
    assert page.count("<script") == 1
    assert '<script type="application/json" id="rightsledger-manifest">' in page
    assert not re.search(r'\s(src|href)="(https?:)?//', page)
    assert "<svg" in page
    assert 'href="#source-1"' in page
    assert 'id="source-1"' in page
    figures = {f["id"]: f for f in manifest["figures"]}  # type: ignore[attr-defined]
    assert manifest["parameters"]["lang"] == "en"  # type: ignore[index]
    assert {h["log"] for h in manifest["log_heads"]} == {"custody_log", "audit_log"}  # type: ignore[attr-defined]
    detention = figures["documented.arbitrary_detention"]["value"]
    assert f"at least {detention['low']:,}" in page

    for lang, words in (("en", "at least"), ("ru", "не менее")):
        pdf = tmp_path / f"situation-{lang}.pdf"
        manifest = make_report(capsys, demo, pdf, "--lang", lang)
        text = pdf_text(pdf)
        figures = {f["id"]: f for f in manifest["figures"]}  # type: ignore[attr-defined]
        estimated = figures["estimate.arbitrary_detention"]["value"]
        detention = figures["documented.arbitrary_detention"]["value"]
        separator = "," if lang == "en" else "\u00a0"
        point = f"{estimated['point']:,}".replace(",", separator)
        assert f"{words} {detention['low']}" in text.replace("\u00a0", "")
        assert point.replace("\u00a0", "") in text.replace("\u00a0", "")
        heading = "Situation report" if lang == "en" else "Доклад о ситуации"
        assert heading.upper() in text
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / lang)],
            check=True,
        )
        assert (tmp_path / f"{lang}-1.png").read_bytes().startswith(b"\x89PNG")


def _identities() -> list[str]:
    """Every name of every individual in the demo data (invented and public alike)."""
    names = []
    with (demo_data() / "persons.csv").open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            if record["is_group"] == "true":
                continue
            for column in ("name", "given_name", "family_name", "aliases"):
                names += [part for part in record[column].split(";") if len(part) > 3]
    return names


def test_public_reports_hold_no_identity_and_no_small_count(
    demo: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html_file, pdf = tmp_path / "public.html", tmp_path / "public.pdf"
    manifest = make_report(capsys, demo, html_file, "--public")
    make_report(capsys, demo, pdf, "--public", "--lang", "ru")
    texts = [html_file.read_text(encoding="utf-8"), pdf_text(pdf)]
    for text in texts:
        for name in _identities():
            assert name not in text
        assert "[SYNTHETIC]" not in text
        assert "p-00" not in text
    assert "fewer than 5" in texts[0]
    assert "менее 5" in texts[1]
    assert manifest["parameters"]["public"] is True  # type: ignore[index]
    small = [
        (figure["id"], key)
        for figure in manifest["figures"]  # type: ignore[attr-defined]
        for value in (figure["value"] if isinstance(figure["value"], list) else [figure["value"]])
        if isinstance(value, dict)
        for key in COUNT_KEYS
        if isinstance(value.get(key), int) and 0 < value[key] < 5
    ]
    assert small == []


def test_roles_without_identities_get_pseudonyms(demo: Casebook) -> None:
    with demo.reader() as session:
        shown = derive(session, params()).figures
        hidden = derive(session, params(pseudonymised=True)).figures
    assert shown.get("perpetrator.persons.per-officer-a") is not None
    ids = [figure.id for figure in hidden]
    assert not any("per-officer-a" in i or "per-kadyrov" in i for i in ids)
    assert any(i.startswith("perpetrator.persons.P-") for i in ids)


def test_verify_catches_a_casebook_changed_after_the_report(
    demo: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html_file, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    make_report(capsys, demo, html_file)
    make_report(capsys, demo, pdf, "--lang", "ru")
    for report in (html_file, pdf):
        code, out, _ = cli(capsys, "report", "verify", report, "-C", demo.path)
        assert code == 0
        assert re.search(r"all \d+ figures hold", out)
    with demo.session() as session:
        session.execute(
            update(Person)
            .where(Person.external_id == "grp-second-wave")
            .values(group_best=45, updated_at=dt.datetime.now(dt.UTC))
        )
    for report in (html_file, pdf):
        code, out, _ = cli(capsys, "report", "verify", report, "-C", demo.path)
        assert code == 1
        assert "documented.arbitrary_detention" in out
        assert "no longer hold" in out
    code, _, err = cli(capsys, "report", "verify", demo_data() / "acts.csv", "-C", demo.path)
    assert code == 2
    assert "not a rightsledger report" in err
    assert len(err.strip().splitlines()) == 1


def test_narrower_reports_and_bad_ids(
    demo: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    officer = make_report(
        capsys, demo, tmp_path / "officer.html", "--kind", "perpetrator", "--id", "per-officer-a"
    )
    ids = [f["id"] for f in officer["figures"]]  # type: ignore[attr-defined]
    assert "perpetrator.persons.per-officer-a" in ids
    assert "documented.arbitrary_detention" in ids
    assert not any(i.startswith("estimate.") for i in ids)
    page = (tmp_path / "officer.html").read_text(encoding="utf-8")
    assert "Officer A (invented)" in page
    grozny = make_report(
        capsys, demo, tmp_path / "grozny.html", "--kind", "event", "--id", "ev-grozny"
    )
    events = next(f for f in grozny["figures"] if f["id"] == "events")  # type: ignore[attr-defined]
    assert [e["event"] for e in events["value"]] == ["ev-grozny"]
    code, _, err = cli(
        capsys,
        "report",
        "-C",
        demo.path,
        "--kind",
        "event",
        "--id",
        "nope",
        "-o",
        tmp_path / "x.html",
    )
    assert code == 2
    assert 'no event has external_id "nope"' in err
    assert not (tmp_path / "x.html").exists()
    code, _, err = cli(
        capsys, "report", "-C", demo.path, "--kind", "perpetrator", "-o", tmp_path / "y.pdf"
    )
    assert code == 2
    assert "needs --id" in err


def test_every_message_has_a_russian_translation() -> None:
    from babel.messages.extract import extract_from_dir

    from rightsledger.i18n import translations

    root = Path(__file__).resolve().parents[1] / "src" / "rightsledger" / "report"
    keywords = {"_": None, "t": None, "N_": None, "n_": (1, 2)}
    found = [
        message
        for _, _, message, _, _ in extract_from_dir(
            root, method_map=[("**.py", "python")], keywords=keywords
        )
    ]
    assert len(found) > 50
    russian = translations("reports", "ru")
    missing = []
    for message in found:
        if isinstance(message, tuple):
            forms = russian.plurals.get(message[0])
            if not forms or len(forms) != 3 or not all(forms):
                missing.append(message[0])
        elif message not in russian.messages:
            missing.append(message)
    assert missing == []
    # Placeholders survive translation, or formatting would fail or lose a figure.
    for message, text in russian.messages.items():
        assert set(re.findall(r"{\w+}", message)) == set(re.findall(r"{\w+}", text)), message


def test_manifest_round_trip_rejects_foreign_json(tmp_path: Path) -> None:
    from rightsledger.errors import UserError

    fake = tmp_path / "fake.html"
    fake.write_text(
        '<script type="application/json" id="rightsledger-manifest">'
        + json.dumps({"format": "other"})
        + "</script>",
        encoding="utf-8",
    )
    with pytest.raises(UserError, match="unknown manifest format"):
        read_manifest(fake)
