"""The ``kronika eval events`` command: a thin wrapper over :func:`kronika.eval.events.evaluate_events`.

Added to the ``eval`` group with ``eval_group.add_command(events_command)``.
"""

from __future__ import annotations

import json

import click

from .gold_events import FORMATS

__all__ = ["events_command"]


@click.command("events")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Gold format (guessed from the file name when omitted: .jsonl, .json = plover-gsr, .tsv).")
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N", help="Score the first N items of each file.")
@click.option("--asserted-only", is_flag=True, help="Count only asserted events (not negated, future, hypothetical, reported).")
@click.option("--by-lang", is_flag=True, help="Also score each language of a file on its own.")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON (one object per file).")
def events_command(files: tuple[str, ...], fmt: str | None, limit: int | None, asserted_only: bool, by_lang: bool,
                   as_json: bool) -> None:
    """Score the event coder on gold FILEs: PLOVER type F1, CAMEO class, source/target, relevance."""
    from ..stages import default_pipeline
    from .events import by_language, evaluate_events, format_by_language, format_event_report
    from .gold_events import read_event_gold

    golds = [read_event_gold(path, fmt)[:limit] for path in files]  # fail on a bad file before loading models
    pipeline = default_pipeline()
    for i, (path, items) in enumerate(zip(files, golds)):
        report = evaluate_events(items, pipeline, modalities=("asserted",) if asserted_only else None)
        langs = by_language(report) if by_lang else {}
        if as_json:
            extra = {"by_language": {lang: rep.to_dict() for lang, rep in langs.items()}} if by_lang else {}
            click.echo(json.dumps({"file": path, **report.to_dict(), **extra}, ensure_ascii=False))
        else:
            click.echo(("\n" if i else "") + format_event_report(report, title=path))
            if by_lang:
                click.echo(format_by_language(langs))
