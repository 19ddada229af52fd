"""Regenerate docs/import-formats.md from the column definitions.

uv run python scripts/gen_docs.py
"""

from pathlib import Path

from rightsledger.store.io.kinds import reference_markdown

target = Path(__file__).resolve().parents[1] / "docs" / "import-formats.md"
target.write_text(reference_markdown(), encoding="utf-8")
print(f"wrote {target}")
