"""Pipeline stages, registered by versioned name.

The registry maps a name to ``module:Class`` and imports nothing until a stage is
built, so models load only when a pipeline that needs them is made. A changed
behaviour gets a new version; the old name stays resolvable.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from importlib import import_module
from typing import Any

from .. import __version__
from ..errors import ConfigError, PipelineError
from ..pipeline import Pipeline, Stage, build_pipeline
from ..store.base import Store

__all__ = ["DEFAULT_STAGES", "STAGES", "default_pipeline", "events_backend_stages", "make_stage"]

STAGES: dict[str, str] = {
    "segment.v1": "kronika.stages.segment:SegmentStage",
    "language.v1": "kronika.stages.language:LanguageStage",
    "dates.v1": "kronika.stages.dates:DatesStage",
    "entities.v1": "kronika.stages.entities:EntityStage",
    "events.v1": "kronika.stages.events:EventStage",
    "events-llm.v1": "kronika.stages.events_llm:LLMEventStage",
}

DEFAULT_STAGES: tuple[str, ...] = ("segment.v1", "language.v1", "dates.v1", "entities.v1", "events.v1")

# Capabilities the output record promises that this build does not provide yet.
NOT_YET: tuple[str, ...] = ()


def make_stage(name: str, store: Store | None = None, **options: Any) -> Stage:
    """Build the stage registered under ``name`` with its ``options``; stages that read the store (the
    user's KB entries) get it. An option the stage does not take is an error, not silently ignored."""
    try:
        target = STAGES[name]
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}", hint=f"use one of: {', '.join(sorted(STAGES))}") from None
    module, _, cls_name = target.partition(":")
    cls = getattr(import_module(module), cls_name)
    params = inspect.signature(cls).parameters
    unknown = sorted(set(options) - set(params))
    if unknown:
        takes = ", ".join(p for p in params if p != "store") or "none"
        raise ConfigError(f"stage {name!r} takes no option {', '.join(unknown)}", hint=f"it takes: {takes}")
    if "store" in params:
        options["store"] = store
    return cls(**options)


def default_pipeline(
    names: tuple[str, ...] = DEFAULT_STAGES,
    store: Store | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> Pipeline:
    """The pipeline ``kronika run`` uses (with the user's KB entries from ``store``, and per-stage options)."""
    version = f"{__version__}+" + ".".join(n.replace(".", "-") for n in names) + f"+data-{_data_fingerprint()}"
    stages = [make_stage(n, store, **dict((options or {}).get(n, {}))) for n in names]
    return build_pipeline(stages, version, missing=list(NOT_YET))


def _data_fingerprint() -> str:
    """Changes when the shipped knowledge base or lexicons change, so `kronika run` re-codes with them."""
    from ..kb.load import shipped_fingerprint
    from .events import _data_fingerprint as lexicon_fingerprint

    return (shipped_fingerprint()[:6] + lexicon_fingerprint()[:6])


def events_backend_stages(backend: str) -> tuple[str, ...]:
    """The default stages with the events stage of ``backend`` ("rules" or "llm")."""
    if backend == "rules":
        return DEFAULT_STAGES
    if backend == "llm":
        return (*DEFAULT_STAGES[:-1], "events-llm.v1")
    raise ConfigError(f"unknown events backend {backend!r}", hint="use rules or llm")
