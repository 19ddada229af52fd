"""Build the demo casebook from the synthetic files shipped in ``demo/data``.

The demo goes through the same importer users do, so it doubles as an end-to-end check of
`import`: if the demo builds, the documented file formats work.
"""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

from rightsledger.errors import CasebookError
from rightsledger.store.casebook import CONFIG_NAME, Casebook
from rightsledger.store.io.importer import ImportReport, import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import FileFormat, read_table

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


def build(path: Path, *, database: str | None = None) -> tuple[Casebook, list[ImportReport]]:
    """Create (or re-create) the demo casebook at ``path`` and import the synthetic data."""
    path = path.expanduser().resolve()
    if path.exists() and any(path.iterdir()):
        if not (path / MARKER).exists() or not (path / CONFIG_NAME).exists():
            raise CasebookError(
                f"{path} exists and is not a rightsledger demo; choose another directory"
            )
        # Only a directory this command made itself is ever removed.
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
    return casebook, reports
