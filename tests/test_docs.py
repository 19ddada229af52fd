"""Documentation that is generated from code must match it."""

from pathlib import Path

from rightsledger.store.io.kinds import reference_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_import_format_reference_is_current() -> None:
    written = (ROOT / "docs" / "import-formats.md").read_text(encoding="utf-8")
    assert written == reference_markdown(), "run: uv run python scripts/gen_docs.py"


def test_readme_quick_start_matches_ci() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install uv && uv run rightsledger demo" in readme
    assert "uv run pytest" in readme
    assert ci.rstrip().endswith("uv run pytest")
