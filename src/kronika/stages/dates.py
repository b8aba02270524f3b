"""Date mentions of the article, resolved against its publication date.

Each paragraph is read in its own language (``doc.paragraph_langs``) and, when
that differs, in the article's language too, so a misidentified headline still
has its dates. :func:`date_for` gives the event coder the date of the sentence
an event was found in; falling back to the publication date is the coder's
choice, not this stage's.
"""

from __future__ import annotations

from ..model import DateValue, Document, Span
from ..when import find_dates

__all__ = ["DatesStage", "date_for"]


class DatesStage:
    name = "dates"
    requires = ("sentences",)
    assigns = ("dates",)

    def __call__(self, doc: Document) -> None:
        article = doc.article
        paragraphs = doc.paragraphs or [doc.span(0, len(doc.text))]
        found: list[DateValue] = []
        for i, para in enumerate(paragraphs):
            para_lang = doc.paragraph_langs[i] if i < len(doc.paragraph_langs) else None
            langs = list(dict.fromkeys(lang for lang in (para_lang, article.lang) if lang))
            for lang in langs:
                more = find_dates(doc.text, lang, article.published, para.start, para.end)
                found.extend(d for d in more if not any(_overlaps(d, f) for f in found))
        doc.dates = sorted(found, key=lambda d: d.start or 0)


def _overlaps(a: DateValue, b: DateValue) -> bool:
    return (a.start or 0) < (b.end or 0) and (b.start or 0) < (a.end or 0)


def _container(doc: Document, start: int, end: int) -> Span | None:
    """The sentence holding ``[start, end)`` (or where it starts), else its paragraph."""
    for spans in (doc.sentences, doc.paragraphs):
        for span in spans:
            if span.start <= start < span.end or span.start < end <= span.end:
                return span
    return None


def date_for(doc: Document, start: int, end: int) -> DateValue | None:
    """The date mention of the sentence containing ``[start, end)`` nearest to it, or None.

    Uses ``doc.dates`` (fill it with :class:`DatesStage` first). A mention that
    overlaps the span is at distance 0; ties go to the earlier mention.
    """
    sentence = _container(doc, start, end)
    if sentence is None:
        return None
    inside = [(d, d.start, d.end) for d in doc.dates if d.start is not None and d.end is not None
              and sentence.start <= d.start and d.end <= sentence.end]
    if not inside:
        return None
    return min(inside, key=lambda item: (max(item[1] - end, start - item[2], 0), item[1]))[0]
