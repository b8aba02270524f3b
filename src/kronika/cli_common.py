"""What every ``kronika`` command shares: the --db and --json options, one-line messages, JSON output."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from .errors import KronikaError

__all__ = ["db_option", "err", "json_option", "one_line_errors", "print_json"]


def err(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    click.echo(f"kronika: {message}", err=True)


def print_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", envvar="KRONIKA_DB", show_envvar=True, metavar="PATH",
        help="Store to use (default: kronika.db in your data folder).",
    )(fn)


def json_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")(fn)


def one_line_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a :class:`KronikaError` into one line on stderr and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KronikaError as exc:
            err(f"error: {exc.one_line()}")
            sys.exit(1)

    return wrapper
