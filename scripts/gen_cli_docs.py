"""Write docs/cli.md from the CLI's own --help texts (tests/test_docs.py checks it is current).

Run: .venv/bin/python scripts/gen_cli_docs.py
"""

from __future__ import annotations

from pathlib import Path

import click

from kronika.cli import cli

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def render() -> str:
    parts = ["# CLI reference\n", "Generated from `kronika --help` by `scripts/gen_cli_docs.py`; do not edit by hand.\n"]
    ctx = click.Context(cli, info_name="kronika")
    parts.append("```\n" + cli.get_help(ctx) + "\n```\n")
    for name in sorted(cli.commands):
        cmd = cli.commands[name]
        sub = click.Context(cmd, info_name=f"kronika {name}", parent=ctx)
        parts.append(f"## kronika {name}\n\n```\n{cmd.get_help(sub)}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
