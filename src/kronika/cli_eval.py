"""The ``kronika eval`` commands: thin wrappers over :mod:`kronika.eval`.

Registered in :mod:`kronika.cli` with ``cli.add_command(eval_group)``.
"""

from __future__ import annotations

import json

import click

__all__ = ["eval_group"]

_LANGS = ("fr", "en", "uk", "ru", "es")


@click.group("eval")
def eval_group() -> None:
    """Measure kronika's stages against gold corpora."""


@eval_group.command("ner")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--lang", required=True, type=click.Choice(_LANGS), help="Language of the gold files.")
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N", help="Score the first N sentences of each file.")
@click.option("--examples", type=click.IntRange(min=0), default=0, metavar="N",
              help="Show N error examples per side and label.")
@click.option("--strict-quotes", is_flag=True,
              help="Count quotation marks at a name's ends (default: '« Днепр »' and 'Днепр' match).")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON (one object per file).")
def ner(files: tuple[str, ...], lang: str, limit: int | None, examples: int, strict_quotes: bool, as_json: bool) -> None:
    """Score the entity stage on CoNLL/IOB/BIOES FILEs or factRuEval folders: P, R, F1 per type."""
    from .eval.ner import EVAL_STAGES, evaluate_ner, format_report
    from .eval.conll import read_gold
    from .pipeline import build_pipeline
    from .stages import make_stage

    for path in files:
        read_gold(path)  # fail on a bad file before loading any model
    pipeline = build_pipeline([make_stage(n) for n in EVAL_STAGES], "eval")
    for i, path in enumerate(files):
        report = evaluate_ner(path, lang, limit=limit, pipeline=pipeline, examples=examples, strict_quotes=strict_quotes)
        if as_json:
            click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        else:
            click.echo(("\n" if i else "") + format_report(report))

