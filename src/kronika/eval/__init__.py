"""Evaluation of kronika's stages against gold corpora.

:func:`evaluate_ner` scores the entity stage on CoNLL-style IOB/BIOES files and
factRuEval-2016 folders; :mod:`kronika.eval.conll` reads them. Nothing here loads
a model until an evaluation runs.
"""

from __future__ import annotations

from .conll import GoldSpan, Sentence, decode_tags, read_conll, read_factru, read_gold
from .ner import Mention, NerReport, TypeScore, evaluate_ner, format_report, score_mentions

__all__ = [
    "GoldSpan",
    "Mention",
    "NerReport",
    "Sentence",
    "TypeScore",
    "decode_tags",
    "evaluate_ner",
    "format_report",
    "read_conll",
    "read_factru",
    "read_gold",
    "score_mentions",
]
