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
        parts += _render(cli.commands[name], name, ctx)
    return "\n".join(parts)


def _render(cmd: click.Command, name: str, parent: click.Context) -> list[str]:
    """The help of a command, and of each subcommand of a group."""
    ctx = click.Context(cmd, info_name=name, parent=parent)
    out = [f"## {ctx.command_path}\n\n```\n{cmd.get_help(ctx)}\n```\n"]
    if isinstance(cmd, click.Group):
        for sub in sorted(cmd.commands):
            out += _render(cmd.commands[sub], sub, ctx)
    return out


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
