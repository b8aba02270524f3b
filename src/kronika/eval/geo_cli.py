"""The ``kronika eval geo`` command: a thin wrapper over :mod:`kronika.eval.geo` and :mod:`kronika.eval.dates`.

Added to the ``eval`` group with ``eval_group.add_command(geo_command)``.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

__all__ = ["DEFAULT_DATES", "DEFAULT_GEO", "geo_command"]

DEFAULT_GEO = Path("benchmarks/gold/geo")
DEFAULT_DATES = Path("benchmarks/gold/dates/dates.jsonl")


@click.command("geo")
@click.argument("gold", nargs=-1, metavar="[GOLD...]", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--eval-data", "eval_data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("../shared/eval-data"), show_default=True,
              help="Folder the mention gold files point into.")
@click.option("--dates", "dates", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Also score date mentions against this date gold file (JSON Lines).")
@click.option("--examples", type=click.IntRange(min=0), default=0, metavar="N", help="Show N error examples per file.")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON (one object per report).")
def geo_command(gold: tuple[Path, ...], eval_data: Path, dates: Path | None, examples: int, as_json: bool) -> None:
    """Score place resolution (country, exact geonameid, within 161 km) and dates against gold files.

    GOLD files are place mentions (.jsonl, stand-off into --eval-data; all of them are scored
    together, by language and corpus) or toponym lists (.tsv, each resolved with its country as
    context). Without GOLD: every file of benchmarks/gold/geo and,
    unless --dates is given, benchmarks/gold/dates/dates.jsonl.
    """
    from .dates import evaluate_dates, format_date_report, read_date_gold
    from .geo import evaluate_geo, evaluate_toponyms, format_geo_report
    from .geo_gold import read_geo_gold, read_toponyms

    if not gold:
        gold = tuple(sorted(DEFAULT_GEO.glob("*.jsonl")) + sorted(DEFAULT_GEO.glob("*.tsv")))
        dates = dates or (DEFAULT_DATES if DEFAULT_DATES.exists() else None)
        if not gold and dates is None:
            raise click.UsageError(f"no GOLD given and no gold files under {DEFAULT_GEO}")
    # read and check every file before loading any model
    loaded = [(p, read_toponyms(p) if p.suffix == ".tsv" else read_geo_gold(p, eval_data)) for p in gold]
    date_items = read_date_gold(dates) if dates is not None else None
    outputs = []
    mentions = [r for p, rows in loaded if p.suffix != ".tsv" for r in rows]
    if mentions:
        names = ", ".join(str(p) for p, _ in loaded if p.suffix != ".tsv")
        report = evaluate_geo(mentions, eval_data, examples=examples)  # type: ignore[arg-type]
        outputs.append((names, report.to_dict(), format_geo_report(report, f"{names} ({len(mentions)} mentions)")))
    for path, rows in loaded:
        if path.suffix == ".tsv":
            report = evaluate_toponyms(rows)  # type: ignore[arg-type]
            report.examples = report.examples[:examples]
            outputs.append((str(path), report.to_dict(), format_geo_report(report, f"{path} ({len(rows)} names)")))
    if date_items is not None:
        report_d = evaluate_dates(date_items)
        report_d.examples = report_d.examples[:examples]
        outputs.append((str(dates), report_d.to_dict(), format_date_report(report_d, str(dates))))
    for i, (path, data, text) in enumerate(outputs):
        click.echo(json.dumps({"file": path, **data}, ensure_ascii=False) if as_json else ("\n" if i else "") + text)
