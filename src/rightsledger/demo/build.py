"""Build the demo casebook from the synthetic files shipped in ``demo/data``.

The demo goes through the same importer users do, so it doubles as an end-to-end check of
`import`: if the demo builds, the documented file formats work.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import tempfile
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from rightsledger.errors import CasebookError
from rightsledger.protect.keys import default_key_path
from rightsledger.store.casebook import CONFIG_NAME, Casebook, CasebookConfig
from rightsledger.store.io.importer import ImportReport, import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import FileFormat, RawRow, RawTable, read_table
from rightsledger.vault.intake import Provenance, ingest

MARKER = ".rightsledger-demo"
# Import order follows references: what a file points to is imported before it.
ORDER = (
    "events",
    "organizations",
    "persons",
    "acts",
    "involvements",
    "information",
    "proceedings",
    "relationships",
    "citations",
)


# Synthetic documents written by the project, with the provenance a collector would record.
DOCUMENTS = (
    (
        "news-en.txt",
        Provenance(
            source_url="https://news.example.org/2017/04/12/argun",
            collected_by="demo-researcher",
            collected_at="2017-04-12",
            method="saved as text from a browser",
            sensitivity="public",
        ),
    ),
    (
        "article-ru.txt",
        Provenance(
            source_url="https://gazeta.example.ru/2017/04/argun",
            collected_by="demo-researcher",
            collected_at="2017-04-05",
            method="saved as text from a browser",
            sensitivity="public",
        ),
    ),
    (
        "statement.html",
        Provenance(
            source_url="https://rights.example.org/statements/2018-12",
            collected_by="demo-researcher",
            collected_at="2018-12-21",
            method="HTML saved with the browser",
            sensitivity="public",
        ),
    ),
    (
        "report-2017.pdf",
        Provenance(
            collected_by="demo-researcher",
            collected_at="2017-12",
            method="received by email from a partner",
        ),
    ),
    (
        "testimony-003.txt",
        Provenance(
            collected_by="demo-interviewer",
            collected_at="2017-06-02",
            method="interview transcript",
            sensitivity="confidential",
        ),
    ),
)


def build(path: Path, *, database: str | None = None) -> tuple[Casebook, list[ImportReport]]:
    """Create (or re-create) the demo casebook at ``path`` and import the synthetic data."""
    path = path.expanduser().resolve()
    if path.exists() and any(path.iterdir()):
        if not (path / MARKER).exists() or not (path / CONFIG_NAME).exists():
            raise CasebookError(
                f"{path} exists and is not a rightsledger demo; choose another directory"
            )
        # Only a directory this command made itself is ever removed, with the key it made.
        old = CasebookConfig.read(path / CONFIG_NAME)
        if old.casebook_id:
            default_key_path(old.casebook_id).unlink(missing_ok=True)
        shutil.rmtree(path)
    casebook = Casebook.create(path, database=database)
    (path / MARKER).write_text("built by `rightsledger demo`; synthetic data\n", encoding="utf-8")
    data = files("rightsledger.demo") / "data"
    reports = []
    for kind in ORDER:
        source = data / f"{kind}.csv"
        table = read_table(
            source.read_bytes(), source=f"demo/{kind}.csv", file_format=FileFormat.CSV
        )
        reports.append(import_table(casebook, KINDS[kind], table))
    for kind, table in synthetic_lists():
        reports.append(import_table(casebook, KINDS[kind], table))
    folder = files("rightsledger.demo") / "documents"
    with tempfile.TemporaryDirectory() as scratch:
        for name, provenance in DOCUMENTS:
            # Copied out of the package so intake reads a real file, as it would for a user.
            copy = Path(scratch) / name
            copy.write_bytes((folder / name).read_bytes())
            ingest(casebook, [copy], provenance=provenance, actor="demo")
    review_news_article(casebook)
    add_demo_accounts(casebook)
    return casebook, reports


# Demo accounts: for trying the web application on synthetic data only. Their password is
# printed by `rightsledger demo --serve` and their TOTP secrets are kept in the demo directory,
# which a real casebook never does.
DEMO_ACCOUNTS = (("demo", "admin"), ("demo-analyst", "analyst"), ("demo-viewer", "viewer"))
DEMO_PASSWORD = "synthetic demo only"  # noqa: S105 - a published password for synthetic data
ACCOUNTS_FILE = "demo-accounts.json"


def add_demo_accounts(casebook: Casebook) -> dict[str, str]:
    """One account per role shown in the demo; returns (and stores) their TOTP secrets."""
    from rightsledger.protect import users

    secrets: dict[str, str] = {}
    with casebook.session() as session:
        for username, role in DEMO_ACCOUNTS:
            enrolment = users.add_user(
                session,
                username=username,
                password=DEMO_PASSWORD,
                role=role,
                keyring=casebook.keyring,
                actor=None,
            )
            secrets[username] = enrolment.secret
    target = casebook.path / ACCOUNTS_FILE
    target.write_text(json.dumps(secrets, indent=2) + "\n", encoding="utf-8")
    target.chmod(0o600)
    return secrets


def demo_code(path: Path, username: str = "demo") -> str:
    """The current one-time code of a demo account (the demo keeps its secrets; nothing else)."""
    from rightsledger.protect import totp

    accounts = path / ACCOUNTS_FILE
    if not (path / MARKER).exists() or not accounts.exists():
        raise CasebookError(f"{path} is not a demo casebook with demo accounts")
    secrets = json.loads(accounts.read_text(encoding="utf-8"))
    if username not in secrets:
        raise CasebookError(f"the demo has no account {username!r}: {', '.join(secrets)}")
    return totp.code_at(secrets[username], dt.datetime.now(dt.UTC))


def review_news_article(casebook: Casebook) -> list[str]:
    """Draw claims from the English article and accept a few, as a reviewer would."""
    from rightsledger.extract import review

    proposed = review.extract_document(casebook, 1, actor="demo")

    def first(kind: str, test: Callable[[review.ClaimView], bool]) -> review.ClaimView | None:
        return next((c for c in proposed if c.kind == kind and test(c)), None)

    count = first("count", lambda c: c.text.lower().startswith("more than"))
    torture = first("act", lambda c: c.payload.get("category") == "torture")
    call = first("call", lambda _c: True)
    accepted = []
    if count is not None:
        accepted.append(review.accept(casebook, count.id, actor="demo"))
        if torture is not None:  # its victim is the group just accepted
            accepted.append(review.accept(casebook, torture.id, actor="demo", event="ev-argun"))
    if call is not None:
        accepted.append(review.accept(casebook, call.id, actor="demo", record="event:ev-argun"))
    return accepted


# Three synthetic lists of detainees (a hotline, a newspaper, a partner organisation), each
# catching an overlapping part of an invented population: enough for the demo to show a
# documented count beside an estimate of the total. Seeded, so every demo is the same.
LIST_SOURCES = (
    ("inf-hotline-list", 0.45),
    ("inf-press-2017-04-01", 0.3),
    ("inf-partner-list", 0.4),
)
POPULATION = 140


def synthetic_lists() -> list[tuple[str, RawTable]]:
    rng = random.Random(2017)  # noqa: S311 - reproducible synthetic data, not secrets
    persons, acts, citations = [], [], []
    for number in range(1, POPULATION + 1):
        # Some people are easier to find than others (heterogeneous capture), as in real lists.
        visibility = rng.choice((0.6, 1.0, 1.5))
        listed = [
            source for source, rate in LIST_SOURCES if rng.random() < min(rate * visibility, 0.95)
        ]
        if not listed:
            continue  # never documented: the estimate is about people like them
        victim, act = f"list-victim-{number:03d}", f"list-act-{number:03d}"
        persons.append(
            {
                "external_id": victim,
                "sex": "male",
                "is_group": "false",
                "description": "[SYNTHETIC] an invented detainee known only from lists",
            }
        )
        acts.append(
            {
                "external_id": act,
                "event": "ev-argun",
                "victim": victim,
                "act_type": "arbitrary_detention",
                "date": "2017-03/2017-04",
                "place": "Argun",
                "description": "[SYNTHETIC] from the demo's lists",
            }
        )
        citations += [
            {
                "external_id": f"{act}-{source}",
                "record": f"act:{act}",
                "information": source,
                "note": "[SYNTHETIC] listed",
            }
            for source in listed
        ]
    information = [
        {
            "external_id": "inf-partner-list",
            "title": "Partner list (synthetic)",
            "event": "ev-campaign",
            "source_type": "questionnaire_responses",
            "description": "[SYNTHETIC] An invented partner organisation's list.",
        }
    ]
    return [
        (kind, _table(kind, rows))
        for kind, rows in (
            ("persons", persons),
            ("acts", acts),
            ("information", information),
            ("citations", citations),
        )
    ]


def _table(kind: str, rows: list[dict[str, str]]) -> RawTable:
    raw = [RawRow(line=index, values=row) for index, row in enumerate(rows, start=2)]
    return RawTable(source=f"demo lists ({kind})", columns=tuple(rows[0]), rows=raw)
