"""The docs say what the code does."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from kronika.record import load_schema

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_is_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == mod.render(), "run scripts/gen_cli_docs.py"


def test_record_doc_names_every_schema_field() -> None:
    doc = (ROOT / "docs" / "record.md").read_text(encoding="utf-8")
    schema = load_schema()
    fields = set(schema["properties"]) | set(schema["properties"]["article"]["properties"])
    for name in ("entity", "event", "date", "location", "span"):
        fields |= set(schema["$defs"][name].get("properties", {}))
    missing = sorted(f for f in fields if f"`{f}`" not in doc)
    assert not missing, f"docs/record.md does not describe: {missing}"


def test_readme_names_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
