"""`demo`: build the synthetic demo casebook and print what it holds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy import select
from sqlalchemy.orm import Session

from rightsledger import vocab
from rightsledger.account.status import perpetrators
from rightsledger.cli.common import console
from rightsledger.demo.build import DEMO_ACCOUNTS, DEMO_PASSWORD, build, demo_code
from rightsledger.extract.review import list_claims
from rightsledger.model import Act, Document, Event
from rightsledger.store.casebook import Casebook
from rightsledger.vault import reading
from rightsledger.vault.verify import verify


def demo(
    path: Annotated[
        Path, typer.Argument(help="Where to build it (re-created if it is an earlier demo).")
    ] = Path("rightsledger-demo"),
    serve: Annotated[
        bool, typer.Option("--serve", help="Then serve it in the web application.")
    ] = False,
    host: Annotated[str, typer.Option(help="With --serve: address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(help="With --serve: port to listen on.", min=1, max=65535)
    ] = 8000,
) -> None:
    """Build a demo casebook of SYNTHETIC data modelled on the 2017 campaign in Chechnya."""
    casebook, reports = build(path)
    with casebook.reader() as session:
        console.print(
            f"[bold]Demo casebook[/bold] {casebook.path} — SYNTHETIC DATA, see its "
            "records' descriptions: [SYNTHETIC] invented, (reported) public reporting."
        )
        console.print("Imported: " + ", ".join(f"{r.created} {r.kind}" for r in reports))
        events = Table(title="Events")
        for column in ("id", "title", "date", "place", "part of"):
            events.add_column(column)
        by_id = {e.id: e.external_id for e in session.scalars(select(Event))}
        for event in session.scalars(select(Event).order_by(Event.id)):
            events.add_row(
                event.external_id,
                event.title,
                event.date_edtf or "",
                event.place_name or "",
                by_id.get(event.parent_id, "") if event.parent_id else "",
            )
        console.print(events)

        acts = Table(title="Acts by type")
        acts.add_column("type")
        acts.add_column("acts", justify="right")
        types = vocab.load("act_types")
        counts = Counter(session.scalars(select(Act.act_type)))
        for slug, count in counts.most_common():
            acts.add_row(types.get(slug).label("en"), str(count))
        console.print(acts)

        table = Table(title="Alleged perpetrators and their status (derived from proceedings)")
        for column in ("id", "name", "acts", "status", "sanctions", "refused investigations"):
            table.add_column(column)
        protector = casebook.protector(session.connection())
        for summary in perpetrators(session, protector):
            table.add_row(
                summary.external_id,
                summary.name,
                str(summary.acts),
                str(summary.status).replace("_", " "),
                str(summary.sanctions),
                str(summary.refused_investigations),
            )
        console.print(table)
        documents = Table(title="Evidence vault (originals kept write-once under SHA-256)")
        for column in ("id", "file", "type", "sensitivity", "language", "text"):
            documents.add_column(column)
        for document in session.scalars(select(Document).order_by(Document.id)):
            documents.add_row(
                str(document.id),
                reading.reveal(document, "original_name", document.original_name, protector) or "",
                document.media_type,
                document.sensitivity,
                document.language or "",
                document.text_status,
            )
        console.print(documents)
        _print_estimate(session)
    accepted = list_claims(casebook, status="accepted")
    claims = Table(title="Claims drawn from news-en.txt and accepted into records (cited to spans)")
    for column in ("claim", "kind", "text", "record"):
        claims.add_column(column)
    for claim in accepted:
        claims.add_row(str(claim.id), claim.kind, claim.text, claim.record or "")
    console.print(claims)
    report = verify(casebook)
    verdict = "holds" if report.ok else f"FAILED: {'; '.join(report.problems)}"
    custody_size = next(log.size for log in report.logs if log.log == "custody_log")
    console.print(
        f"verify: {report.documents} originals re-hashed, custody log of {custody_size} "
        f"entries rebuilt, {report.heads_checked} signed heads checked: {verdict}."
    )
    keyring = casebook.keyring
    if keyring is not None and keyring.source is not None:
        console.print(
            f"Identities are encrypted; the demo's key is in {keyring.source}.", markup=False
        )
    _write_reports(casebook)
    console.print(
        f"Explore it: rightsledger list acts -C {casebook.path}   |   "
        f"rightsledger show persons per-officer-a -C {casebook.path}   |   "
        f'rightsledger search "пытки" -C {casebook.path}'
    )
    casebook.close()
    _print_accounts(casebook.path)
    if serve:
        from rightsledger.cli.serve import run_server

        run_server(casebook.path, host=host, port=port, workers=1)


def _print_accounts(path: Path) -> None:
    console.print(
        f"Web application: rightsledger serve -C {path}  (or rightsledger demo --serve). Demo "
        f'accounts, password "{DEMO_PASSWORD}": '
        + ", ".join(f"{name} ({role})" for name, role in DEMO_ACCOUNTS)
        + f". One-time code for sign-in: rightsledger demo-code [--user NAME] {path}",
        markup=False,
    )


def demo_code_command(
    path: Annotated[Path, typer.Argument(help="The demo casebook.")] = Path("rightsledger-demo"),
    user: Annotated[str, typer.Option("--user", help="Which demo account.")] = "demo",
) -> None:
    """Print the current one-time code of a demo account (demo casebooks only)."""
    typer.echo(demo_code(path.expanduser().resolve(), user))


def register(app: typer.Typer) -> None:
    app.command()(demo)
    app.command("demo-code")(demo_code_command)


def _write_reports(casebook: Casebook) -> None:
    """The situation report in English and Russian, HTML and PDF, inside the demo directory."""
    import datetime as dt

    from rightsledger.report import ReportParameters, write_report

    folder = casebook.path / "reports"
    folder.mkdir(exist_ok=True)
    for lang in ("en", "ru"):
        params = ReportParameters(lang=lang, as_of=dt.date.today())
        for file_format in ("html", "pdf"):
            target = folder / f"situation-{lang}.{file_format}"
            write_report(casebook, params, target, file_format)
            console.print(f"Report: {target}", markup=False)
    console.print(
        f"Check a report against the casebook: rightsledger report verify "
        f"{folder / 'situation-en.pdf'} -C {casebook.path}",
        markup=False,
    )


def _print_estimate(session: Session) -> None:
    """Documented count beside the estimated total, for the demo's synthetic lists."""
    from rightsledger.estimate.casebook import capture_histories
    from rightsledger.estimate.run import estimate

    captures = capture_histories(session, act_type="arbitrary_detention")
    result = estimate(captures.table.histories, "loglinear")
    low, high = result.estimate.lo, result.estimate.hi
    console.print(
        f"Arbitrary detention, individual victims (synthetic lists {', '.join(result.lists)}): "
        f"documented {captures.documented}; log-linear estimate of the total "
        f"{result.estimate.point:,.0f} (95% interval {low:,.0f}–{high:,.0f}). "
        "See `rightsledger estimate --act-type arbitrary_detention`.",
        markup=False,
    )
