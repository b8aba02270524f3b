"""The event-coding backend boundary: a stronger classifier or role extractor plugs in here.

A backend reads one sentence and the actors the entities stage found in it and
proposes PLOVER events as :class:`Proposal` objects: a type, an optional mode,
the source and target as indices into the actor list, a modality, a confidence
and the words of the sentence that report the event. The events stage
(:mod:`kronika.stages.events_llm`) turns proposals into :class:`~kronika.model.Event`
objects with offsets; a backend never sees the article offsets.

Backends reply in JSON; :func:`proposals_from_json` checks a reply strictly
(unknown types, actor indices out of range, evidence the sentence does not
contain) and drops a bad proposal with a logged reason instead of failing the
article. :func:`backend_from_config` builds the OpenAI-compatible client of
:mod:`kronika.events.llm`; nothing is registered or contacted at import time.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

from ..errors import ConfigError, PipelineError
from ..model import Entity

__all__ = [
    "MODALITIES",
    "PLOVER_TYPES",
    "Codebook",
    "EventBackend",
    "Proposal",
    "backend_from_config",
    "load_codebook",
    "proposals_from_json",
]

log = logging.getLogger(__name__)

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES: tuple[str, ...] = ("asserted", "negated", "future", "hypothetical", "reported")
MAX_PROPOSALS = 8  # per sentence; a longer list is a runaway reply, the rest is ignored


@dataclass(frozen=True, slots=True)
class Proposal:
    """One event a backend proposes for one sentence.

    ``source`` and ``target`` index the actor list given to the backend (None when
    the sentence names no such actor); ``evidence`` is an exact substring of the
    sentence; ``modality`` is one of :data:`MODALITIES`, or None to let the rules decide.
    """

    event_type: str
    source: int | None
    target: int | None
    evidence: str
    mode: str | None = None
    modality: str | None = None
    confidence: float = 0.5


@runtime_checkable
class EventBackend(Protocol):
    """What the LLM events stage needs from a classifier: proposals for one sentence."""

    name: str

    def code_sentence(self, sentence: str, actors: list[Entity], lang: str, context: str) -> list[Proposal]:
        """Propose the events ``sentence`` (in ``lang``) reports among ``actors``; ``context`` is preceding text."""
        ...


@dataclass(frozen=True, slots=True)
class Codebook:
    """The compact PLOVER codebook given to a backend, and the modes each type allows."""

    text: str
    modes: dict[str, frozenset[str]]


def load_codebook() -> Codebook:
    """Read ``kronika/events/data/codebook.md``: ``## TYPE`` sections, each with a ``Modes:`` line."""
    text = (resources.files("kronika.events") / "data" / "codebook.md").read_text(encoding="utf-8")
    modes: dict[str, frozenset[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        heading = re.fullmatch(r"##\s+([A-Z]+)\s*", line)
        if heading:
            current = heading.group(1)
            modes[current] = frozenset()
        elif current is not None and line.startswith("Modes:"):
            names = [m.strip() for m in line[len("Modes:"):].split(",")]
            modes[current] = frozenset(m for m in names if m and m != "none")
    if set(modes) != set(PLOVER_TYPES):
        raise PipelineError(
            f"the event codebook defines {sorted(modes)}, not the 16 PLOVER types",
            hint="fix src/kronika/events/data/codebook.md",
        )
    return Codebook(text, modes)


def backend_from_config(
    url: str, model: str, api_key_env: str = "KRONIKA_LLM_API_KEY", timeout: float = 60.0
) -> EventBackend:
    """Build the OpenAI-compatible chat-completions backend after checking its settings.

    ``url`` is the server (``http://127.0.0.1:8000``), its ``/v1`` base or the full
    ``/v1/chat/completions`` address; ``model`` the name the server knows; the API key,
    when the server needs one, is read from the environment variable ``api_key_env``.
    Raises :class:`~kronika.errors.ConfigError` for a setting that cannot work.
    """
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            f"LLM server URL {url!r} is not an http(s) address",
            hint="pass --llm-url http://HOST:PORT/v1 (an OpenAI-compatible server)",
        )
    if not (model or "").strip():
        raise ConfigError("no LLM model named", hint="pass --llm-model NAME, as the server lists it under /v1/models")
    if not isinstance(timeout, (int, float)) or isinstance(timeout, bool) or timeout <= 0:
        raise ConfigError(f"LLM timeout must be a positive number of seconds, not {timeout!r}")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", api_key_env or ""):
        raise ConfigError(f"{api_key_env!r} is not an environment variable name", hint="e.g. KRONIKA_LLM_API_KEY")
    from .llm import ChatCompletionsBackend

    return ChatCompletionsBackend(url, model.strip(), api_key_env=api_key_env, timeout=float(timeout))


def proposals_from_json(
    reply: Any, sentence: str, n_actors: int, codebook: Codebook, where: str = "backend"
) -> list[Proposal]:
    """Check a decoded reply ``{"events": [...]}`` against the sentence and the actor list.

    A proposal with an unknown type, a bad actor index, a bad confidence or evidence
    that is not a substring of ``sentence`` is dropped, and the reason logged; an
    unknown mode or modality is cleared (the rules then decide). ``where`` names the
    backend in the log.
    """
    items = reply.get("events") if isinstance(reply, dict) else None
    if not isinstance(items, list):
        log.warning("%s: reply has no \"events\" list, sentence skipped: %.120r", where, reply)
        return []
    out: list[Proposal] = []
    for i, item in enumerate(items[:MAX_PROPOSALS]):
        proposal, reason = _proposal(item, sentence, n_actors, codebook)
        if proposal is None:
            log.info("%s: proposal %d dropped (%s): %.160r", where, i, reason, item)
        else:
            out.append(proposal)
    return out


def _proposal(item: Any, sentence: str, n_actors: int, codebook: Codebook) -> tuple[Proposal | None, str]:
    if not isinstance(item, dict):
        return None, "not an object"
    etype = item.get("type", item.get("event_type"))
    etype = etype.strip().upper() if isinstance(etype, str) else None
    if etype not in codebook.modes:
        return None, f"unknown event type {item.get('type', item.get('event_type'))!r}"
    roles: list[int | None] = []
    for key in ("source", "target"):
        value = item.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < n_actors):
            return None, f"{key} {value!r} is not an actor number 0..{n_actors - 1}"
        roles.append(value)
    evidence = item.get("evidence")
    evidence = evidence.strip().strip("\"'«»“”") if isinstance(evidence, str) else ""
    if not evidence or evidence not in sentence:
        return None, "evidence is not a substring of the sentence"
    confidence = item.get("confidence", 0.5)
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
        return None, f"confidence {confidence!r} is not a number in 0..1"
    mode = item.get("mode")
    if mode is not None and (not isinstance(mode, str) or mode not in codebook.modes[etype]):
        log.info("unknown mode %r for %s cleared", mode, etype)
        mode = None
    modality = item.get("modality")
    if modality is not None and (not isinstance(modality, str) or modality not in MODALITIES):
        log.info("unknown modality %r cleared", modality)
        modality = None
    return Proposal(etype, roles[0], roles[1], evidence, mode, modality, float(confidence)), ""
