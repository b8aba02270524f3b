"""The ``kronika`` command: thin wrappers over :mod:`kronika.api`.

Errors become one line on stderr and a non-zero exit code: 1 for bad input or
a store problem, 2 for a usage error, 130 when interrupted.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from . import __version__, api
from .cli_common import db_option, err, json_option, one_line_errors, print_json
from .cli_eval import eval_group
from .cli_kb import kb_group
from .eval.events_cli import events_command
from .eval.geo_cli import geo_command
from .store import EventFilter, Store, default_location, open_store

__all__ = ["main", "cli"]


class _Progress:
    """A progress bar on a terminal; a log line every ``every`` items otherwise."""

    def __init__(self, label: str, total: int | None = None, every: int = 100) -> None:
        self.label, self.every, self.seen = label, every, 0
        self.bar = None
        if sys.stderr.isatty() and not os.environ.get("NO_PROGRESS"):
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=label, unit="article", leave=False, file=sys.stderr)

    def __call__(self, report: api.RunReport) -> None:
        self.seen += 1
        if self.bar is not None:
            self.bar.update(1)
        elif self.seen % self.every == 0:
            err(f"{self.label}: {self.seen} articles, {report.coded} coded, {len(report.failed)} failed")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _report_problems(report: api.RunReport) -> int:
    """Print read errors and failed articles; return the exit code they call for."""
    for item in report.read_errors:
        err(f"error: {item.describe()}: {item.error}")
    for outcome in report.failed:
        err(f"error: article {outcome.article_id} failed at stage {outcome.stage}: {outcome.reason}")
    return 1 if report.read_errors or report.failed else 0


class _Workers(click.ParamType):
    """A number of worker processes, or ``auto``."""

    name = "N|auto"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        from .errors import ConfigError
        from .parallel import resolve_workers

        try:
            return resolve_workers(value)
        except ConfigError as exc:
            self.fail(exc.message, param, ctx)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kronika")
def cli() -> None:
    """kronika: news in five languages to coded political and security events, with evidence."""


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", metavar="FORMAT", help="Force the input format: seed, text, html, feed, jsonl, csv, warc.")
@click.option("--published", metavar="DATE", help="Publication date (ISO) for inputs that carry none.")
@db_option
@json_option
def ingest(sources: tuple[str, ...], fmt: str | None, published: str | None, db: str | None, as_json: bool) -> None:
    """Read articles from files, folders, globs or - (stdin) and store the new ones."""
    store = open_store(db)
    progress = _Progress("ingest")
    try:
        report = api.ingest(sources, store, fmt=fmt, published=published, on_item=progress, stdin=sys.stdin.buffer)
    finally:
        progress.close()
    code = _report_problems(report)
    if as_json:
        print_json(report.to_dict())
    else:
        click.echo(f"read {report.read} article(s): {report.new} new, {report.duplicates} already stored ({store.location})")
    sys.exit(code)


@cli.command()
@click.argument("sources", nargs=-1)
@click.option("--format", "fmt", metavar="FORMAT", help="Force the input format: seed, text, html, feed, jsonl, csv, warc.")
@click.option("--published", metavar="DATE", help="Publication date (ISO) for inputs that carry none.")
@click.option("--no-store", is_flag=True, help="Do not write any database; print records only.")
@click.option("--force", is_flag=True, help="Re-code articles already coded by this pipeline version.")
@click.option("--quiet", "-q", is_flag=True, help="Do not print the events of the coded articles.")
@click.option("--events-backend", type=click.Choice(["rules", "llm"]), default="rules", show_default=True,
              help="Who codes events: the built-in rules, or an OpenAI-compatible LLM server (docs/events-backends.md).")
@click.option("--llm-url", metavar="URL", help="The LLM server (with --events-backend llm).")
@click.option("--llm-model", metavar="NAME", help="The model the LLM server should use.")
@click.option("--llm-timeout", type=float, default=60.0, show_default=True, metavar="SECONDS", help="Per request.")
@click.option("--workers", type=_Workers(), default="1", show_default=True, metavar="N|auto",
              envvar="KRONIKA_WORKERS", show_envvar=True,
              help="Processes that code articles: 1 codes here; N forks N workers that share the loaded models "
                   "(all five languages are loaded first); auto = the number of cores.")
@db_option
@json_option
def run(
    sources: tuple[str, ...], fmt: str | None, published: str | None, no_store: bool, force: bool, quiet: bool,
    events_backend: str, llm_url: str | None, llm_model: str | None, llm_timeout: float, workers: int,
    db: str | None, as_json: bool,
) -> None:
    """Ingest and code articles; with no SOURCES, code every stored article not yet coded."""
    from .stages import default_pipeline, events_backend_stages

    if no_store and not sources:
        raise click.UsageError("--no-store needs input files: there is no store to read articles from")
    store: Store | None = None if no_store else open_store(db)
    options = {"events-llm.v1": {"url": llm_url, "model": llm_model, "timeout": llm_timeout}} if events_backend == "llm" else {}
    pipeline = default_pipeline(events_backend_stages(events_backend), store, options)
    for stage in pipeline.stages:
        check = getattr(stage, "check", None)
        if callable(check):
            check()  # a server that is down is one clear error now, not a failure per article
    total = store.count_uncoded() if store is not None and not sources else None
    progress = _Progress("run", total)
    records: list[dict[str, Any]] = []

    def on_record(record: dict[str, Any]) -> None:
        if as_json:
            progress.close() if progress.bar is not None else None
            print_json(record)
        elif not quiet and len(records) < 10:
            records.append(record)

    try:
        report = api.run(
            sources, store, pipeline, fmt=fmt, published=published, force=force, on_record=on_record,
            on_item=progress, stdin=sys.stdin.buffer, workers=workers,
        )
    finally:
        progress.close()
    code = _report_problems(report)
    if not as_json:
        where = f" ({store.location})" if store is not None else ""
        click.echo(
            f"read {report.read}: {report.new} new, {report.duplicates} already stored; "
            f"coded {report.coded}, {report.already_coded} already coded, {len(report.failed)} failed{where}"
        )
        for record in records:
            _echo_record_events(record)
    if report.missing:
        err(f"note: this build does not yet provide: {', '.join(report.missing)}")
    sys.exit(code)


def _echo_record_events(record: dict[str, Any]) -> None:
    art = record["article"]
    click.echo(f"\n{art['id']}  [{art.get('lang') or '?'}]  {art.get('title') or art['text'][:80]}")
    evs = record.get("events") or []
    if not evs:
        click.echo("  (no events)")
    for ev in evs:
        click.echo("  " + _event_line(ev))


def _actor(e: dict[str, Any] | None) -> str:
    if not e:
        return "-"
    name = e.get("name") or e.get("text")
    return f"{name} ({e['country']})" if e.get("country") else str(name)


def _event_line(ev: dict[str, Any]) -> str:
    date = (ev.get("date") or {}).get("value") or "????-??-??"
    place = (ev.get("location") or {}).get("name") or "-"
    evidence = " | ".join(s["text"] for s in ev.get("evidence") or [])
    if len(evidence) > 100:
        evidence = evidence[:99] + "…"
    modality = "" if ev.get("modality") in (None, "asserted") else f" [{ev['modality']}]"
    return (
        f"{date[:10]}  {ev['event_type']:<9} {_actor(ev.get('source'))} -> {_actor(ev.get('target'))} "
        f"@ {place}{modality}  \"{evidence}\""
    )


@cli.command()
@click.option("--type", "event_type", metavar="TYPE", help="PLOVER event type, e.g. AGREE.")
@click.option("--actor", metavar="NAME", help="Source or target name (substring) or kb_id.")
@click.option("--country", metavar="ISO3", help="Source, target or place country (ISO alpha-3).")
@click.option("--since", "date_from", metavar="DATE", help="Events on or after this date.")
@click.option("--until", "date_to", metavar="DATE", help="Events on or before this date.")
@click.option("--text", metavar="QUERY", help="Full-text search over evidence and actor names.")
@click.option("--article", "article_id", metavar="ID", help="Events of one article.")
@click.option("--limit", type=int, default=None, help="At most this many events.")
@db_option
@json_option
def events(as_json: bool, db: str | None, **filters: Any) -> None:
    """List stored events, filtered."""
    store = open_store(db, readonly=True)
    rows = api.events(store, EventFilter(**filters))
    for ev in rows:
        if as_json:
            print_json(ev)
        else:
            click.echo(f"{ev['article_id']}  {_event_line(ev)}")
    if not as_json and not rows:
        click.echo("no events match", err=True)


@cli.command()
@click.argument("article_id")
@db_option
@json_option
def show(article_id: str, db: str | None, as_json: bool) -> None:
    """Show one stored article with its entities and events."""
    store = open_store(db, readonly=True)
    record = api.show(store, article_id)
    if as_json:
        print_json(record)
        return
    art = record["article"]
    for key in ("id", "title", "section", "lang", "published", "url", "input"):
        if art.get(key):
            click.echo(f"{key + ':':<11}{art[key]}")
    click.echo("\n" + art["text"] + "\n")
    click.echo(f"entities ({len(record['entities'])}):")
    for e in record["entities"]:
        link = f"{e.get('kb_id')} {e.get('name')}" if e.get("kb_id") else "unlinked"
        click.echo(f"  {e['start']:>5}-{e['end']:<5} {e['label']:<8} {e['text']!r:<40} {link} {e.get('country') or ''} {e.get('sector') or ''}")
    click.echo(f"events ({len(record['events'])}):")
    for ev in record["events"]:
        click.echo("  " + _event_line(ev))
    coding = record.get("coding") or {}
    if not coding.get("coded"):
        click.echo(f"not coded yet{': failed at ' + coding['failed_stage'] if coding.get('failed_stage') else ''}")


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), help="Default: from the file suffix.")
@db_option
@json_option
def export(path: str, fmt: str | None, db: str | None, as_json: bool) -> None:
    """Export records (jsonl) or events (csv, parquet) to PATH (- for stdout)."""
    store = open_store(db, readonly=True)
    n = api.export(store, path, fmt)
    if path != "-":
        if as_json:
            print_json({"path": path, "rows": n})
        else:
            click.echo(f"wrote {n} row(s) to {path}", err=True)


@cli.command()
@db_option
@json_option
def stats(db: str | None, as_json: bool) -> None:
    """Counts of articles, codings, entities and events."""
    store = open_store(db, readonly=True)
    counts = api.stats(store)
    if as_json:
        print_json(counts)
        return
    click.echo(f"store: {store.location}")
    for key, value in counts.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        click.echo(f"{key.replace('_', ' '):<16}{value}")


@cli.command()
@db_option
@json_option
def doctor(db: str | None, as_json: bool) -> None:
    """Check that the store opens and that every stage of the default pipeline loads its models."""
    from .parallel import warm_up
    from .stages import default_pipeline

    store = open_store(db or default_location())
    pipeline = default_pipeline(store=store)
    checks = {"store": store.location, "articles": store.stats()["articles"], "pipeline": pipeline.version}
    # code one short article per language: every lazily loaded model is exercised now, not mid-run
    for lang, outcome in warm_up(pipeline).items():
        checks[f"models_{lang}"] = "ok" if outcome.ok else f"failed at {outcome.stage}: {outcome.reason}"
    if as_json:
        print_json(checks)
    else:
        for key, value in checks.items():
            click.echo(f"{key:<12}{value}")
    if any(str(v).startswith("failed") for v in checks.values()):
        sys.exit(1)


cli.add_command(kb_group)
eval_group.add_command(events_command)
eval_group.add_command(geo_command)
cli.add_command(eval_group)


_INTERRUPTED = "interrupted: everything committed so far is kept; rerun the same command to resume"


def _guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """One-line errors (shared with every command group), and a clean exit on Ctrl-C or a closed pipe."""
    checked = one_line_errors(fn)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return checked(*args, **kwargs)
        except KeyboardInterrupt:
            err(_INTERRUPTED)
            sys.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)

    return wrapper


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``kronika`` command."""
    try:
        _guarded(cli.main)(args=argv, prog_name="kronika", standalone_mode=False)
    except click.exceptions.Abort:
        err(_INTERRUPTED)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Exception as exc:  # the edge: never a traceback for the user
        if os.environ.get("KRONIKA_DEBUG"):
            raise
        err(f"internal error: {type(exc).__name__}: {exc} (rerun with KRONIKA_DEBUG=1 and report it)")
        sys.exit(70)
