"""`report verify`: re-derive a report's figures from the casebook and say whether they hold."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rightsledger.errors import UserError
from rightsledger.heads import TreeHead
from rightsledger.report.derive import derive
from rightsledger.report.manifest import read_manifest
from rightsledger.report.parameters import ReportParameters
from rightsledger.store.casebook import Casebook


@dataclass
class Verdict:
    figures: int = 0
    changed: list[str] = field(default_factory=list)  # one line per figure that does not hold
    logs: list[str] = field(default_factory=list)  # problems with the signed log heads

    @property
    def holds(self) -> bool:
        return not self.changed and not self.logs


def verify_report(casebook: Casebook, path: Path, *, may_see_identities: bool = True) -> Verdict:
    manifest = read_manifest(path)
    if manifest.get("casebook_id") != casebook.config.casebook_id:
        raise UserError(
            f"{path} was made from casebook {manifest.get('casebook_id')}, not from this one "
            f"({casebook.config.casebook_id})"
        )
    params = ReportParameters.from_json(manifest["parameters"])
    if not params.pseudonymised and not may_see_identities:
        raise UserError(f"{path} shows identities; verifying it needs a role that may see them")
    with casebook.reader() as session:
        derived = derive(session, params, casebook.protector(session.connection()))
        verdict = compare(manifest["figures"], {f.id: f.manifest_entry() for f in derived.figures})
        verdict.logs = check_heads(session.connection(), manifest.get("log_heads", []))
    return verdict


def compare(stated: list[dict[str, Any]], now: dict[str, dict[str, Any]]) -> Verdict:
    verdict = Verdict(figures=len(stated))
    seen = set()
    for entry in stated:
        figure_id = str(entry.get("id"))
        seen.add(figure_id)
        current = now.get(figure_id)
        if current is None:
            verdict.changed.append(f"{figure_id}: can no longer be derived from the casebook")
        elif current["value"] != entry.get("value"):
            verdict.changed.append(
                f"{figure_id}: was {_short(entry.get('value'))}, now {_short(current['value'])}"
            )
        elif current["inputs_sha256"] != entry.get("inputs_sha256"):
            verdict.changed.append(
                f"{figure_id}: the value holds but the records it rests on were changed"
            )
    for figure_id in sorted(set(now) - seen):
        verdict.changed.append(f"{figure_id}: a new figure the report does not state")
    return verdict


def check_heads(connection: Any, heads: list[dict[str, Any]]) -> list[str]:
    """Each signed head in the manifest must be genuine and the log must still extend it."""
    from rightsledger.vault.custody import LOGS

    problems = []
    for item in heads:
        try:
            head = TreeHead(**item)
        except TypeError:
            problems.append("a log head in the manifest is malformed")
            continue
        if not head.signature_valid():
            problems.append(f"the signature of the {head.log} head in the manifest is not valid")
            continue
        ledger = LOGS.get(head.log)
        if ledger is None:
            problems.append(f"the manifest names an unknown log {head.log}")
            continue
        check = ledger.check(connection, roots_at={head.size: head.root})
        problems += [problem.message for problem in check.problems]
    return problems


def _short(value: Any, limit: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"
