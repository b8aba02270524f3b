"""An OpenAI-compatible chat-completions backend (vLLM, llama.cpp, Ollama, LM Studio, hosted APIs).

Standard library only (``urllib.request``). One request per sentence: a system
message with kronika's compact PLOVER codebook (``data/codebook.md``) and the
reply format, a user message with the language, some context, the numbered
actors and the sentence; ``response_format`` asks for a JSON object and
``temperature`` is 0. The reply is checked by
:func:`kronika.events.backends.proposals_from_json`. A transient failure
(timeout, refused connection, HTTP 429 or 5xx) is retried once; then a
:class:`~kronika.errors.PipelineError` says what to do. A request the server
refuses (bad key, unknown model, wrong URL) is a :class:`~kronika.errors.ConfigError`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
import urllib.error
import urllib.request
from http.client import HTTPException

from ..errors import ConfigError, PipelineError
from ..model import Entity
from .backends import Codebook, Proposal, load_codebook, proposals_from_json

__all__ = ["ChatCompletionsBackend", "build_messages", "chat_endpoint"]

log = logging.getLogger(__name__)

_RULES = """Rules:
- Code only events that the sentence itself reports; the context only helps to resolve names.
- source and target are actor numbers from the list, or null when the sentence names no such actor.
  The source acts, the target undergoes or receives the act; never give the same number twice.
- evidence is the shortest part of the sentence that states the event, copied character for character.
- mode is one of the modes listed for the type, or null.
- modality: asserted (it happened), negated (it did not happen), future (announced or planned),
  hypothetical (conditional or possible), reported (claimed by someone and not confirmed).
- confidence is a number from 0 to 1.
Reply with one JSON object and nothing else, for example:
{"events": [{"type": "AGREE", "mode": null, "source": 0, "target": 1, "modality": "asserted", "confidence": 0.9, "evidence": "signed a defence pact"}]}
Reply {"events": []} when the sentence reports no event."""

_SERVER_HINT = "start the server or fix --llm-url; without --events-backend llm kronika codes events with its rules"


class _Transient(Exception):
    """A failure worth one more try: timeout, refused or dropped connection, HTTP 429/5xx."""


class _NotFound(ConfigError):
    """HTTP 404: no such endpoint (or, on some servers, no such model)."""


def chat_endpoint(url: str) -> str:
    """The chat-completions address for a server, ``/v1`` base or full endpoint URL."""
    url = url.rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    return f"{url}/chat/completions" if re.search(r"/v\d+$", url) else f"{url}/v1/chat/completions"


def _describe(index: int, actor: Entity) -> str:
    facts = [actor.name if actor.name and actor.name != actor.text else None, actor.kind or actor.label, actor.country]
    extra = ", ".join(f for f in facts if f)
    return f'{index}: "{actor.text}"' + (f" ({extra})" if extra else "")


def build_messages(codebook: Codebook, sentence: str, actors: list[Entity], lang: str, context: str) -> list[dict[str, str]]:
    """The chat messages for one sentence: the codebook and rules, then the sentence and its actors."""
    actor_lines = "\n".join(_describe(i, a) for i, a in enumerate(actors)) or "(none)"
    user = (
        f"Language: {lang}\nContext: {context.strip() or '(none)'}\n"
        f"Actors:\n{actor_lines}\nSentence: {sentence}"
    )
    system = f"You code news sentences into PLOVER political events.\n\n{codebook.text.strip()}\n\n{_RULES}"
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


class ChatCompletionsBackend:
    """An :class:`~kronika.events.backends.EventBackend` over an OpenAI-compatible server.

    Build it with :func:`kronika.events.backends.backend_from_config`, which checks the settings.
    """

    name = "llm"

    def __init__(
        self, url: str, model: str, *, api_key_env: str = "KRONIKA_LLM_API_KEY", timeout: float = 60.0,
        retry_wait: float = 1.0,
    ) -> None:
        self.endpoint = chat_endpoint(url)
        self.model = model
        self.api_key_env = api_key_env
        self.timeout = timeout
        self.retry_wait = retry_wait
        self._codebook: Codebook | None = None

    @property
    def codebook(self) -> Codebook:
        if self._codebook is None:
            self._codebook = load_codebook()
        return self._codebook

    def code_sentence(self, sentence: str, actors: list[Entity], lang: str, context: str) -> list[Proposal]:
        """Ask the server for the events of one sentence; a malformed reply yields no proposal."""
        body = {
            "model": self.model,
            "messages": build_messages(self.codebook, sentence, actors, lang, context),
            "temperature": 0,
            "response_format": {"type": "json_object"},
        }
        raw = self._with_retry(self.endpoint, json.dumps(body, ensure_ascii=False).encode("utf-8"))
        content = _content(raw)
        if content is None:
            log.warning("LLM %s: reply is not a chat completion, sentence skipped: %.120r", self.model, raw)
            return []
        try:
            decoded = json.loads(_strip_fences(content))
        except ValueError:
            log.warning("LLM %s: reply is not JSON, sentence skipped: %.120r", self.model, content)
            return []
        return proposals_from_json(decoded, sentence, len(actors), self.codebook, where=f"LLM {self.model}")

    def check(self) -> None:
        """Check that the server answers and serves the model (for ``kronika doctor`` or before a run)."""
        models_url = self.endpoint.rsplit("/chat/completions", 1)[0] + "/models"
        try:
            raw = self._with_retry(models_url, None)
        except _NotFound:
            return  # no model listing on this server: it answered, which is what can be checked
        try:
            listed = [m.get("id") for m in json.loads(raw).get("data", []) if isinstance(m, dict)]
        except (ValueError, AttributeError):
            return
        if listed and self.model not in listed:
            raise ConfigError(
                f"LLM server {models_url} does not serve model {self.model!r}",
                hint=f"pass --llm-model with one of: {', '.join(map(str, listed[:10]))}",
            )

    # -- HTTP ------------------------------------------------------------------------------------------

    def _with_retry(self, url: str, data: bytes | None) -> bytes:
        try:
            return self._request(url, data)
        except _Transient as first:
            log.info("LLM server %s: %s; retrying once", url, first)
            time.sleep(self.retry_wait)
            try:
                return self._request(url, data)
            except _Transient as second:
                raise PipelineError(f"LLM server {url} failed twice: {second}", hint=_SERVER_HINT) from second

    def _request(self, url: str, data: bytes | None) -> bytes:
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        key = os.environ.get(self.api_key_env)
        if key:
            headers["Authorization"] = f"Bearer {key}"
        request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data is not None else "GET")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            raise _http_error(url, exc) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise _Transient(f"no answer within {self.timeout:g} s") from exc
            raise _Transient(f"unreachable ({exc.reason})") from exc
        except TimeoutError as exc:
            raise _Transient(f"no answer within {self.timeout:g} s") from exc
        except (ConnectionError, HTTPException) as exc:
            raise _Transient(f"connection lost ({type(exc).__name__})") from exc


def _http_error(url: str, exc: urllib.error.HTTPError) -> Exception:
    try:
        detail = exc.read().decode("utf-8", "replace").strip()[:200]
    except (OSError, HTTPException):
        detail = ""
    if exc.code == 429 or exc.code >= 500:
        return _Transient(f"HTTP {exc.code} {detail}".strip())
    if exc.code in (401, 403):
        return ConfigError(f"LLM server {url} refused the request (HTTP {exc.code})",
                           hint="put the API key in the environment variable named by api_key_env (KRONIKA_LLM_API_KEY)")
    if exc.code == 404:
        return _NotFound(f"LLM server has no {url} (HTTP 404) {detail}".strip(),
                           hint="pass the server's OpenAI-compatible base, e.g. --llm-url http://HOST:PORT/v1, and a model it serves")
    return ConfigError(f"LLM server {url} rejected the request (HTTP {exc.code}) {detail}".strip(),
                       hint="check --llm-model; the server must accept response_format json_object")


def _content(raw: bytes) -> str | None:
    try:
        reply = json.loads(raw)
        content = reply["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return content if isinstance(content, str) else None


def _strip_fences(content: str) -> str:
    fenced = re.fullmatch(r"\s*```(?:json)?\s*(.*?)\s*```\s*", content, re.DOTALL)
    return fenced.group(1) if fenced else content
