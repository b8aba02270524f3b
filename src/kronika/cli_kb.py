"""``kronika kb``: search, show, add, import and remove knowledge-base entries.

Thin wrappers over :mod:`kronika.kb.user` and :mod:`kronika.kb.search`. Errors
become one line on stderr and exit code 1, as in :mod:`kronika.cli` (whose
helpers are not imported, so that ``cli`` can import this module at its top).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from .cli_common import db_option, err, json_option, one_line_errors, print_json
from .errors import InputError
from .kb import user
from .kb.search import search as search_entries
from .store import open_store

__all__ = ["kb_group"]


def _command(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Shared options (--db) and one-line errors for every ``kb`` verb."""
    return db_option(one_line_errors(fn))




@click.group("kb", context_settings={"help_option_names": ["-h", "--help"]})
def kb_group() -> None:
    """The actor knowledge base: shipped entries and your own (which override shipped ones)."""


@kb_group.command()
@click.argument("query")
@click.option("--kind", metavar="KIND", type=click.Choice(user.KINDS), help="Only entries of this kind.")
@click.option("--country", metavar="ISO3", help="Only entries of this country (ISO alpha-3).")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most this many entries.")
@json_option
@_command
def search(query: str, kind: str | None, country: str | None, limit: int, db: str | None, as_json: bool) -> None:
    """Find entries by name or alias.

    QUERY is matched case- and accent-insensitively as a substring first, then fuzzily.
    """
    entries = user.load_kb_entries(user.open_kb_store(db))
    hits = search_entries(entries, query, kind=kind, country=country, limit=limit)
    if as_json:
        for hit in hits:
            print_json(hit.to_dict())
        return
    if not hits:
        click.echo("no entries match", err=True)
        return
    width = max(len(h.entry.id) for h in hits)
    for hit in hits:
        e = hit.entry
        alias = f"  ~ {hit.matched}" if hit.matched != e.name else ""
        click.echo(f"{e.id:<{width}}  {e.name}  [{e.kind}]  {e.country or '-'}  {e.sector or '-'}  {e.origin}{alias}")


@kb_group.command()
@click.argument("entry_id", metavar="ID")
@json_option
@_command
def show(entry_id: str, db: str | None, as_json: bool) -> None:
    """Show one entry with its aliases per language and its roles."""
    found = user.get_entry(user.open_kb_store(db), entry_id)
    if found is None:
        raise InputError(f"no entry {entry_id} in the knowledge base", hint="find ids with `kronika kb search NAME`")
    if as_json:
        print_json(found.to_dict())
        return
    e = found.entry
    sectors = (e.sector or "-") + (f" (also {', '.join(e.other_sectors)})" if e.other_sectors else "")
    origin = "shipped" if found.source is None else f"user, from {found.source} on {found.added_at}"
    origin += "; overrides the shipped entry" if found.overrides else ""
    rows = [("id", e.id), ("name", e.name), ("kind", e.kind), ("country", e.country or "-"), ("sector", sectors),
            ("parent", e.parent), ("wikidata", e.wikidata), ("origin", origin)]
    for key, value in rows:
        if value:
            click.echo(f"{key + ':':<10}{value}")
    click.echo("aliases:")
    for lang, names in e.aliases.items():
        click.echo(f"  {lang}: {' | '.join(names) if names else '-'}")
    if e.roles:
        click.echo("roles:")
    for r in e.roles:
        org = f" ({r.org})" if r.org else ""
        click.echo(f"  {r.title}{org}  {r.start or '?'} – {r.end or 'now'}")


@kb_group.command()
@click.option("--id", "entry_id", required=True, metavar="ID", help="kb_id, e.g. per/rustem-umerov (see docs/kb.md).")
@click.option("--name", required=True, help="Canonical English name.")
@click.option("--kind", required=True, type=click.Choice(user.KINDS), metavar="KIND",
              help="Kind, e.g. person, ministry (see docs/kb.md).")
@click.option("--country", metavar="ISO3", help="ISO 3166-1 alpha-3 code; none for international actors.")
@click.option("--sector", metavar="S", help="PLOVER sector, e.g. GOV, MIL.")
@click.option("--alias", "aliases", multiple=True, metavar="LANG:TEXT",
              help="An alias in en, fr, uk, ru or es (repeatable).")
@click.option("--role", "roles", multiple=True, metavar="TITLE|ORG|START|END",
              help="A role held; ORG, START and END may be empty, dates ISO (repeatable).")
@click.option("--parent", metavar="ID", help="The body this one belongs to.")
@click.option("--wikidata", "wikidata_id", metavar="QID", help="Wikidata item, only when known for sure.")
@json_option
@_command
def add(entry_id: str, name: str, kind: str, country: str | None, sector: str | None, aliases: tuple[str, ...],
        roles: tuple[str, ...], parent: str | None, wikidata_id: str | None, db: str | None, as_json: bool) -> None:
    """Add (or replace) one user entry."""
    entry = user.make_entry(entry_id, name, kind, country=country.upper() if country else None,
                            sector=sector.upper() if sector else None, aliases=aliases, roles=roles, parent=parent,
                            wikidata_id=wikidata_id)
    store = open_store(db)
    report = user.add_entry(store, entry)
    if as_json:
        print_json(report.to_dict())
    else:
        click.echo(f"{'replaced' if report.replaced else 'added'} user entry {entry.id} ({store.location})")
    for note in report.notes:
        err(f"note: {note}")


@kb_group.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(user.FORMATS), help="Default: from each file's suffix.")
@json_option
@_command
def import_(files: tuple[str, ...], fmt: str | None, db: str | None, as_json: bool) -> None:
    """Import entries from YAML, CSV or Wikidata JSON files.

    A file that cannot be read stores nothing; entries that fail their checks are
    listed as rejected (exit code 1) and the others are stored.
    """
    store = open_store(db)
    report = user.import_files(store, list(files), fmt)
    for rejected in report.rejected:
        err(f"rejected: {rejected.line()}")
    for note in report.notes:
        err(f"note: {note}")
    if as_json:
        print_json(report.to_dict())
    else:
        click.echo(f"imported {len(files)} file(s): {report.added} added, {report.replaced} replaced, "
                   f"{len(report.rejected)} rejected ({store.location})")
    sys.exit(1 if report.rejected else 0)


@kb_group.command()
@click.argument("entry_id", metavar="ID")
@_command
def remove(entry_id: str, db: str | None) -> None:
    """Remove one user entry (a shipped entry it overrode comes back)."""
    existing = user.open_kb_store(db)
    found = user.get_entry(existing, entry_id)
    if existing is not None:
        existing.close()
    if found is None or found.source is None:
        what = "a shipped entry: only your own entries can be removed" if found else "not in the knowledge base"
        raise InputError(f"{entry_id} is {what}", hint="`kronika kb search NAME` shows the origin of each entry")
    store = open_store(db)
    user.remove_entry(store, entry_id)
    click.echo(f"removed user entry {entry_id} ({store.location})")
