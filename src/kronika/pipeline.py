"""The pipeline: named stages with declared ``requires`` and ``assigns``.

A stage is any object with ``name``, ``requires``, ``assigns`` and
``__call__(doc)``. :func:`build_pipeline` checks that every requirement is
assigned by an earlier stage before any article is touched; :meth:`Pipeline.process`
runs one document and turns a failing stage into a recorded :class:`Outcome`
instead of stopping the run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .errors import PipelineError
from .model import Document

__all__ = ["Outcome", "Pipeline", "Stage", "build_pipeline", "ARTICLE_FIELDS"]

log = logging.getLogger(__name__)

# What a freshly read document provides before any stage runs.
ARTICLE_FIELDS = frozenset({"article.text", "article.title", "article.published", "article.section"})


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> None: ...


@dataclass(slots=True)
class Outcome:
    """What happened to one article: coded, or failed at a stage with a reason."""

    article_id: str
    ok: bool
    stage: str | None = None
    reason: str | None = None


@dataclass
class Pipeline:
    stages: list[Stage]
    version: str
    missing: list[str] = field(default_factory=list)  # capabilities not available in this build

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def process(self, doc: Document) -> Outcome:
        for stage in self.stages:
            try:
                stage(doc)
            except Exception as exc:  # a bad article must not stop the run
                log.warning("article %s failed at stage %s: %s", doc.article.id, stage.name, exc)
                reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:500]
                return Outcome(doc.article.id, False, stage.name, reason)
            doc.stages_run.append(stage.name)
        return Outcome(doc.article.id, True)

    def process_many(self, docs: Iterable[Document]) -> Iterable[tuple[Document, Outcome]]:
        for doc in docs:
            yield doc, self.process(doc)


def build_pipeline(stages: Sequence[Stage], version: str, missing: Sequence[str] = ()) -> Pipeline:
    """Check the stages' requires/assigns and return a runnable :class:`Pipeline`."""
    available = set(ARTICLE_FIELDS)
    seen: set[str] = set()
    for stage in stages:
        if not isinstance(stage, Stage):
            raise PipelineError(f"{stage!r} is not a pipeline stage", hint="it needs name, requires, assigns and __call__")
        if stage.name in seen:
            raise PipelineError(f"stage {stage.name!r} appears twice", hint="list each stage once")
        seen.add(stage.name)
        unmet = [r for r in stage.requires if r not in available]
        if unmet:
            raise PipelineError(
                f"stage {stage.name!r} requires {', '.join(unmet)}, which no earlier stage assigns",
                hint="add the stage that assigns it before this one",
            )
        available.update(stage.assigns)
    return Pipeline(list(stages), version, list(missing))
