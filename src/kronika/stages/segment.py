"""Paragraph and sentence segmentation by rules, the same for every language.

Paragraphs are the non-empty lines of the text (readers put one paragraph per
line); a headline is its own paragraph, hence its own sentence even without a
final period. Sentences end at ``.!?…`` followed by a space and an upper-case
letter, a digit or an opening quote, unless the period ends a known
abbreviation or an initial.
"""

from __future__ import annotations

import re

from ..model import Document, Span

__all__ = ["SegmentStage", "split_paragraphs", "split_sentences"]

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt maj st no vs etc jr sr inc corp ltd co u.s u.k e.g i.e
    m mme mlle mm me dr pr gén col cdt art p av ap.j.-c
    г гг ул им т.е т.д т.п др проф ген ст рис см тыс млн млрд вул м с пров
    sr sra srta dr dra gral av núm pág""".split()
)
_BOUNDARY = re.compile(r"[.!?…]+[\"»”’)]*\s+(?=[\"«“„(\[]?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ0-9])")


def split_paragraphs(text: str) -> list[Span]:
    """Each non-empty line, trimmed of surrounding whitespace, as a span."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        lead = len(line) - len(line.lstrip())
        body = line.strip()
        if body:
            start = m.start() + lead
            spans.append(Span(start, start + len(body), body))
    return spans


def _ends_with_abbreviation(chunk: str) -> bool:
    words = chunk.rstrip(".!?…\"»”’) ").split()
    if not words:
        return False
    last = words[-1].lower().lstrip("(«\"“")
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def split_sentences(text: str, paragraph: Span) -> list[Span]:
    """Sentences of one paragraph, as spans of the whole text."""
    spans = []
    start = paragraph.start
    for m in _BOUNDARY.finditer(text, paragraph.start, paragraph.end):
        if not text[m.start()].startswith(("!", "?", "…")) and _ends_with_abbreviation(text[start : m.start() + 1]):
            continue
        end = m.start() + len(m.group().rstrip())
        spans.append(Span(start, end, text[start:end]))
        start = m.end()
    if start < paragraph.end:
        spans.append(Span(start, paragraph.end, text[start : paragraph.end]))
    return spans


class SegmentStage:
    name = "segment"
    requires = ("article.text",)
    assigns = ("paragraphs", "sentences")

    def __call__(self, doc: Document) -> None:
        doc.paragraphs = split_paragraphs(doc.text)
        doc.sentences = [s for p in doc.paragraphs for s in split_sentences(doc.text, p)]
