"""Event coding by an LLM server (or any :class:`~kronika.events.backends.EventBackend`), off by default.

The backend proposes the type, mode, modality and the source and target among
the sentence's actors; kronika keeps everything else of the rule-based stage
(:mod:`kronika.stages.events`): which sentences are worth asking (two actors,
or a trigger of the rule lexicon), modality when the backend gives none, PLOVER
contexts, place, date, the PLOVER intent rule, within-article coreference,
CAMEO codes and relevance. Evidence is the part of the sentence the backend
quoted, with offsets into the article text.
"""

from __future__ import annotations

import bisect
from typing import Any

from ..errors import ConfigError
from ..events.backends import EventBackend, Proposal, backend_from_config
from ..events.lexicon import Trigger
from ..events.roles import same_actor
from ..model import Document, Entity, Event, Span
from ..nlp.tokens import Token
from .dates import date_for
from .events import EventStage, _corefer, _is_actor, _lang_at, _place, _plover_intent

__all__ = ["LLMEventStage"]

_CONTEXT_CHARS = 400


class LLMEventStage:
    """The ``events`` stage with a backend (an OpenAI-compatible server by default) proposing the events."""

    name = "events"
    requires = EventStage.requires
    assigns = EventStage.assigns

    def __init__(
        self,
        url: str | None = None,
        model: str | None = None,
        api_key_env: str = "KRONIKA_LLM_API_KEY",
        timeout: float = 60.0,
        *,
        backend: EventBackend | None = None,
    ) -> None:
        """Code events with the model ``model`` at ``url``, or with ``backend`` when given.

        The API key, if the server needs one, is read from the environment variable
        ``api_key_env``; ``timeout`` is in seconds per request. Nothing is contacted here.
        """
        if backend is None:
            if not url or not model:
                raise ConfigError(
                    "the LLM events backend needs a server URL and a model name",
                    hint="kronika run --events-backend llm --llm-url http://HOST:PORT/v1 --llm-model NAME",
                )
            backend = backend_from_config(url, model, api_key_env, timeout)
        self.backend = backend
        self.rules = EventStage()  # its lexicons gate sentences and give modality, contexts, cues and CAMEO

    def check(self) -> None:
        """Check the backend before a run (``kronika doctor``); a backend without a check passes."""
        check = getattr(self.backend, "check", None)
        if callable(check):
            check()

    def __call__(self, doc: Document) -> None:
        tokens: list[Token] = doc.scratch.get("tokens", [])
        starts = [t.start for t in tokens]
        parsed = doc.scratch.get("spacy")
        actors = [e for e in doc.entities if _is_actor(e)]
        pro, con = self.rules._cues(doc, tokens)
        events: list[tuple[int, Event]] = []
        for si, sent in enumerate(doc.sentences):
            lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
            lang = _lang_at(doc, sent.start)
            sent_actors = [a for a in actors if sent.start <= a.start and a.end <= sent.end]
            found = self._triggers(tokens, lo, hi, lang)
            if len(sent_actors) < 2 and not found:
                continue
            for proposal in self.backend.code_sentence(sent.text, sent_actors, lang, _context(doc, si)):
                event = self._event(doc, sent, proposal, sent_actors, actors, found, (lo, hi), lang, parsed)
                if event is not None:
                    events.append((si, event))
        self.rules.conclude(doc, _corefer(events), pro, con)

    def _triggers(self, tokens: list[Token], lo: int, hi: int, lang: str) -> list[tuple[int, int, Trigger]]:
        """Rule-lexicon triggers of the sentence as (first token, last token, trigger)."""
        trie = self.rules.lexicon.triggers.get(lang)
        if trie is None or lo >= hi:
            return []
        matches = self.rules._not_cues(list(trie.match(tokens, lo=lo, hi=hi)), tokens, lo, hi, lang)
        return [(m.first, m.last, t) for m in matches for t in m.payloads]

    def _event(
        self, doc: Document, sent: Span, p: Proposal, sent_actors: list[Entity], actors: list[Entity],
        found: list[tuple[int, int, Trigger]], bounds: tuple[int, int], lang: str, parsed: Any,
    ) -> Event | None:
        offset = sent.text.find(p.evidence)
        if offset < 0:  # a backend that skipped validation
            return None
        start = sent.start + offset
        end = start + len(p.evidence)
        tokens: list[Token] = doc.scratch.get("tokens", [])
        lo, hi = bounds
        source = sent_actors[p.source] if p.source is not None else None
        target = sent_actors[p.target] if p.target is not None else None
        if same_actor(source, target) or target is source:
            target = None
        hit = _rule_trigger(found, tokens, p, start, end)
        rule = hit[2] if hit else None
        mode = p.mode or (rule.mode if rule else None)
        if p.modality is not None:
            modality = p.modality
        elif hit is not None:  # modality cues around the lexicon's trigger, as the rule stage reads them
            t_start, t_end = tokens[hit[0]].start, tokens[hit[1]].end
            modality = self.rules._modality(tokens, lo, hi, hit[:2], lang, parsed, t_start, t_end)
        else:
            modality = self.rules._modality(tokens, lo, hi, _token_range(tokens, lo, hi, start, end), lang, parsed, start, end)
        acled = rule is not None and (rule.mode is None or mode is None or rule.mode == mode)
        event = Event(
            id="", event_type=p.event_type, source=source, target=target, evidence=[doc.span(start, end)],
            mode=mode, acled_type=rule.acled_type if acled and rule else None,
            acled_subtype=rule.acled_subtype if acled and rule else None,
            contexts=sorted(set(rule.contexts if rule else ()) | self.rules._contexts(tokens, lo, hi, lang)),
            modality=modality, location=_place(doc, sent, actors, end),
            confidence=_confidence(p, source, rule),
        )
        event.date = date_for(doc, start, end)
        _plover_intent(event)
        return event


def _context(doc: Document, si: int) -> str:
    """The headline and the previous sentence, to resolve "the two leaders" or "the ministry"."""
    parts = [doc.sentences[i].text for i in sorted({0, si - 1}) if 0 <= i < si]
    return " … ".join(parts)[-_CONTEXT_CHARS:]


def _token_range(tokens: list[Token], lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """Indices of the first and last token of ``[start, end)`` (the trigger, for the modality cues)."""
    starts = [t.start for t in tokens]
    first = bisect.bisect_left(starts, start, lo, hi)
    last = bisect.bisect_left(starts, end, lo, hi) - 1
    return (first, max(first, last)) if first < hi else (max(lo, hi - 1), max(lo, hi - 1))


def _rule_trigger(
    found: list[tuple[int, int, Trigger]], tokens: list[Token], p: Proposal, start: int, end: int
) -> tuple[int, int, Trigger] | None:
    """A rule trigger of the proposed type, preferably inside the evidence and of the same mode."""
    same = [(f, l, t) for f, l, t in found if t.type == p.event_type]
    if not same:
        return None

    def rank(item: tuple[int, int, Trigger]) -> tuple[bool, bool, bool, int]:
        f, l, t = item
        inside = start <= tokens[f].start and tokens[l].end <= end
        return (inside, p.mode is not None and t.mode == p.mode, not t.weak, t.n_tokens)

    return max(same, key=rank)


def _confidence(p: Proposal, source: Entity | None, rule: Trigger | None) -> float:
    """The backend's confidence, raised when the rule lexicon agrees, lowered without a source."""
    c = p.confidence + (0.1 if rule is not None else 0.0) - (0.2 if source is None else 0.0)
    return max(0.05, min(0.99, c))
