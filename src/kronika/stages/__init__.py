"""Pipeline stages, registered by versioned name.

The registry maps a name to ``module:Class`` and imports nothing until a stage is
built, so models load only when a pipeline that needs them is made. A changed
behaviour gets a new version; the old name stays resolvable.
"""

from __future__ import annotations

import inspect
from importlib import import_module

from .. import __version__
from ..errors import PipelineError
from ..pipeline import Pipeline, Stage, build_pipeline
from ..store.base import Store

__all__ = ["DEFAULT_STAGES", "STAGES", "default_pipeline", "make_stage"]

STAGES: dict[str, str] = {
    "segment.v1": "kronika.stages.segment:SegmentStage",
    "language.v1": "kronika.stages.language:LanguageStage",
    "dates.v1": "kronika.stages.dates:DatesStage",
    "entities.v1": "kronika.stages.entities:EntityStage",
    "events.v1": "kronika.stages.events:EventStage",
}

DEFAULT_STAGES: tuple[str, ...] = ("segment.v1", "language.v1", "dates.v1", "entities.v1", "events.v1")

# Capabilities the output record promises that this build does not provide yet.
NOT_YET: tuple[str, ...] = ()


def make_stage(name: str, store: Store | None = None) -> Stage:
    """Build the stage registered under ``name``; stages that read the store (the user's KB entries) get it."""
    try:
        target = STAGES[name]
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}", hint=f"use one of: {', '.join(sorted(STAGES))}") from None
    module, _, cls_name = target.partition(":")
    cls = getattr(import_module(module), cls_name)
    return cls(store=store) if "store" in inspect.signature(cls).parameters else cls()


def default_pipeline(names: tuple[str, ...] = DEFAULT_STAGES, store: Store | None = None) -> Pipeline:
    """The pipeline ``kronika run`` uses (with the user's KB entries from ``store``)."""
    version = f"{__version__}+" + ".".join(n.replace(".", "-") for n in names)
    return build_pipeline([make_stage(n, store) for n in names], version, missing=list(NOT_YET))
