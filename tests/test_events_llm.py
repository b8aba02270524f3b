"""The LLM events backend against a local stand-in OpenAI-compatible server (loopback only, no network)."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from kronika.errors import ConfigError, PipelineError
from kronika.events.backends import PLOVER_TYPES, EventBackend, backend_from_config, load_codebook
from kronika.events.llm import ChatCompletionsBackend, chat_endpoint
from kronika.model import Article, Document, Entity
from kronika.nlp.lemmas import Lemmatizers
from kronika.nlp.tokens import tokenize
from kronika.pipeline import build_pipeline
from kronika.stages import make_stage
from kronika.stages.events_llm import LLMEventStage

MODEL = "stand-in"
Reply = dict[str, Any] | str | int | Callable[[], Any]


class StandIn:
    """Canned chat completions, chosen by the first route whose key occurs in the prompt's sentence."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, Reply]] = []
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def route(self, key: str, reply: Reply) -> None:
        self.routes.append((key, reply))

    def answer(self, body: dict[str, Any]) -> tuple[int, bytes]:
        sentence = body["messages"][-1]["content"].rsplit("Sentence: ", 1)[-1]
        reply: Reply = next((r for k, r in self.routes if k in sentence), {"events": []})
        if callable(reply):
            reply = reply()
        if isinstance(reply, int):
            return reply, b'{"error": {"message": "canned failure"}}'
        content = reply if isinstance(reply, str) else json.dumps(reply)
        return 200, json.dumps({"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stand_in.requests.append(body)
                stand_in.headers.append(dict(self.headers))
                status, payload = stand_in.answer(body) if self.path == "/v1/chat/completions" else (404, b"{}")
                self._send(status, payload)

            def do_GET(self) -> None:  # noqa: N802
                found = self.path == "/v1/models"
                self._send(200 if found else 404, json.dumps({"data": [{"id": MODEL}]}).encode() if found else b"{}")

            def _send(self, status: int, payload: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        return Handler


@pytest.fixture
def llm() -> Iterator[StandIn]:
    stand_in = StandIn()
    thread = threading.Thread(target=stand_in.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield stand_in
    stand_in.server.shutdown()
    stand_in.server.server_close()
    thread.join(5)


@pytest.fixture(scope="module")
def lemmatizers() -> Lemmatizers:
    return Lemmatizers()


def _doc(text: str, actors: list[tuple[str, str]], lemmatizers: Lemmatizers) -> Document:
    """An English document segmented and tokenised, with country actors (surface, ISO3) as the entities stage would link them."""
    doc = Document(Article.create(text, lang="en", published="2024-05-10"))
    make_stage("segment.v1")(doc)
    doc.paragraph_langs = ["en"] * len(doc.paragraphs)
    lemma = lemmatizers.for_lang("en")
    doc.scratch["tokens"] = [t for p in doc.paragraphs for t in tokenize(text, p.start, p.end, lemmatize=lemma)]
    for surface, iso in actors:
        start = text.index(surface)
        doc.entities.append(Entity(start, start + len(surface), surface, "LOC", f"cty/{iso}", surface, iso, "GOV", "country"))
    doc.entities.sort(key=lambda e: e.start)
    return doc


def _stage(llm: StandIn, timeout: float = 5.0) -> LLMEventStage:
    backend = ChatCompletionsBackend(llm.url, MODEL, timeout=timeout, retry_wait=0.01)
    return LLMEventStage(backend=backend)


def _event(etype: str, source: int | None, target: int | None, evidence: str, **more: Any) -> dict[str, Any]:
    return {"type": etype, "source": source, "target": target, "evidence": evidence, "confidence": 0.8, **more}


PACT = "France and India signed a defence pact in New Delhi."


def test_a_normal_answer_becomes_events_with_offsets_and_actors(llm: StandIn, lemmatizers: Lemmatizers) -> None:
    llm.route("defence pact", {"events": [_event("AGREE", 0, 1, "France and India signed a defence pact", modality="asserted")]})
    doc = _doc(f"News from Asia\n\n{PACT} The weather was mild.", [("France", "FRA"), ("India", "IND")], lemmatizers)
    _stage(llm)(doc)
    assert len(llm.requests) == 1  # no actors and no trigger: the headline and the weather are not sent
    [ev] = doc.events
    assert ev.event_type == "AGREE" and ev.modality == "asserted" and ev.cameo == "03"
    assert (ev.source.country, ev.target.country) == ("FRA", "IND")
    [span] = ev.evidence
    assert doc.text[span.start:span.end] == span.text == "France and India signed a defence pact"
    assert ev.id and ev.date is not None and 0 < ev.confidence <= 0.99
    assert doc.relevance is not None  # scored by the rule stage's formula over these events


def test_the_request_carries_the_codebook_the_sentence_and_the_actors(llm: StandIn, lemmatizers: Lemmatizers) -> None:
    _stage(llm)(_doc(PACT, [("France", "FRA"), ("India", "IND")], lemmatizers))
    [body] = llm.requests
    assert body["model"] == MODEL and body["response_format"] == {"type": "json_object"} and body["temperature"] == 0
    system, user = (m["content"] for m in body["messages"])
    assert load_codebook().text.strip() in system and "## ASSAULT" in system and '"events"' in system
    assert f"Sentence: {PACT}" in user and "Language: en" in user
    assert '0: "France" (country, FRA)' in user and '1: "India" (country, IND)' in user


@pytest.mark.parametrize("reply, reason", [
    ("this is { not json", "not JSON"),
    ({"answer": "AGREE"}, 'no "events" list'),
    ({"events": [_event("CELEBRATE", 0, 1, "signed a defence pact")]}, "unknown event type"),
    ({"events": [_event("AGREE", 0, 7, "signed a defence pact")]}, "not an actor number"),
    ({"events": [_event("AGREE", "France", 1, "signed a defence pact")]}, "not an actor number"),
    ({"events": [_event("AGREE", 0, 1, "signed a trade treaty")]}, "not a substring"),
    ({"events": [_event("AGREE", 0, 1, "signed a defence pact", confidence="high")]}, "confidence"),
    ({"events": ["AGREE"]}, "not an object"),
])
def test_bad_replies_are_dropped_with_a_reason_and_the_article_is_coded(
    llm: StandIn, lemmatizers: Lemmatizers, caplog: pytest.LogCaptureFixture, reply: Any, reason: str
) -> None:
    llm.route("defence pact", reply)
    llm.route("warships", {"events": [_event("MOBILIZE", 0, None, "Russia sent warships", mode="troops")]})
    doc = _doc(f"{PACT} Russia sent warships to the Baltic.", [("France", "FRA"), ("India", "IND"), ("Russia", "RUS")], lemmatizers)
    with caplog.at_level(logging.INFO, logger="kronika"):
        _stage(llm)(doc)
    assert [e.event_type for e in doc.events] == ["MOBILIZE"]  # the good sentence survives
    assert reason in caplog.text


def test_bad_proposal_next_to_a_good_one_and_unknown_mode_cleared(llm: StandIn, lemmatizers: Lemmatizers) -> None:
    llm.route("defence pact", {"events": [
        _event("AGREE", 0, 9, "signed a defence pact"),
        _event("agree", 0, 1, "signed a defence pact", mode="telepathy", modality="sometimes"),
    ]})
    doc = _doc(PACT, [("France", "FRA"), ("India", "IND")], lemmatizers)
    _stage(llm)(doc)
    [ev] = doc.events
    assert ev.event_type == "AGREE" and ev.mode is None and ev.modality == "asserted"  # rules decide the modality


def test_never_the_same_actor_on_both_sides(llm: StandIn, lemmatizers: Lemmatizers) -> None:
    llm.route("defence pact", {"events": [_event("AGREE", 0, 1, "India signed a defence pact")]})
    doc = _doc("India and India signed a defence pact.", [("India", "IND")], lemmatizers)
    doc.entities.append(Entity(10, 15, "India", "LOC", "cty/IND", "India", "IND", "GOV", "country"))
    _stage(llm)(doc)
    [ev] = doc.events
    assert ev.source is not None and ev.target is None


def test_rule_helpers_give_modality_and_plover_intent(llm: StandIn, lemmatizers: Lemmatizers) -> None:
    llm.route("did not deliver", {"events": [_event("AID", 0, 1, "Germany did not deliver tanks to Ukraine")]})
    llm.route("will send", {"events": [_event("AID", 0, 1, "Germany will send tanks to Ukraine", modality="future")]})
    text = "Germany did not deliver tanks to Ukraine. Germany will send tanks to Ukraine."
    doc = _doc(text, [("Germany", "DEU"), ("Ukraine", "UKR")], lemmatizers)
    doc.entities += [Entity(text.index("Germany will") + i, text.index("Germany will") + i + len(s), s, "LOC", f"cty/{iso}",
                            s, iso, "GOV", "country")
                     for i, s, iso in ((0, "Germany", "DEU"), (len("Germany will send tanks to "), "Ukraine", "UKR"))]
    _stage(llm)(doc)
    by_type = {e.event_type: e for e in doc.events}
    assert by_type["AID"].modality == "negated"  # no modality from the server: the rule cues read "not"
    assert by_type["AGREE"].modality == "future" and "intent:AID" in by_type["AGREE"].flags


def test_a_transient_server_error_is_retried_once(llm: StandIn, lemmatizers: Lemmatizers) -> None:
    answers = iter([503, {"events": [_event("AGREE", 0, 1, "signed a defence pact")]}])
    llm.route("defence pact", lambda: next(answers))
    doc = _doc(PACT, [("France", "FRA"), ("India", "IND")], lemmatizers)
    _stage(llm)(doc)
    assert len(llm.requests) == 2 and [e.event_type for e in doc.events] == ["AGREE"]


def test_a_slow_server_times_out_with_one_clear_error(llm: StandIn, lemmatizers: Lemmatizers) -> None:
    llm.route("defence pact", lambda: time.sleep(1.0) or {"events": []})
    doc = _doc(PACT, [("France", "FRA"), ("India", "IND")], lemmatizers)
    started = time.monotonic()
    with pytest.raises(PipelineError, match=r"no answer within 0.2 s") as err:
        _stage(llm, timeout=0.2)(doc)
    assert time.monotonic() - started < 3 and "--llm-url" in str(err.value)
    assert len(llm.requests) == 2  # tried once more, then gave up


def test_server_down_fails_the_article_with_one_clear_error(lemmatizers: Lemmatizers) -> None:
    with socket.socket() as s:  # a loopback port with nobody listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    stage = LLMEventStage(backend=ChatCompletionsBackend(f"http://127.0.0.1:{port}", MODEL, retry_wait=0.01))
    doc = _doc(PACT, [("France", "FRA"), ("India", "IND")], lemmatizers)
    with pytest.raises(PipelineError, match="unreachable") as err:
        stage(doc)
    assert err.value.code == "K300" and "start the server" in str(err.value)
    with pytest.raises(PipelineError, match="unreachable"):
        stage.check()
    pipe = build_pipeline([make_stage("segment.v1"), _Prepared(doc), stage], "t")
    outcome = pipe.process(Document(doc.article))
    assert not outcome.ok and outcome.stage == "events" and "unreachable" in (outcome.reason or "")


class _Prepared:
    """Stands in for the language, dates and entities stages: copies a prepared document's annotations."""

    name = "prepared"
    requires = ("sentences",)
    assigns = ("dates", "entities", "tokens", "places")

    def __init__(self, prepared: Document) -> None:
        self.prepared = prepared

    def __call__(self, doc: Document) -> None:
        doc.paragraph_langs, doc.entities = self.prepared.paragraph_langs, self.prepared.entities
        doc.scratch["tokens"] = self.prepared.scratch["tokens"]


def test_refused_key_is_a_config_error_and_the_key_is_sent(
    llm: StandIn, lemmatizers: Lemmatizers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KRONIKA_LLM_API_KEY", "sk-test")
    llm.route("defence pact", 401)
    with pytest.raises(ConfigError, match="HTTP 401") as err:
        _stage(llm)(_doc(PACT, [("France", "FRA"), ("India", "IND")], lemmatizers))
    assert "KRONIKA_LLM_API_KEY" in str(err.value) and "sk-test" not in str(err.value)
    assert llm.headers[0]["Authorization"] == "Bearer sk-test" and len(llm.requests) == 1


def test_check_names_the_models_the_server_offers(llm: StandIn) -> None:
    ChatCompletionsBackend(llm.url, MODEL).check()
    with pytest.raises(ConfigError, match="stand-in"):
        ChatCompletionsBackend(llm.url, "gpt-nonexistent").check()


def test_settings_are_checked_before_any_request(llm: StandIn) -> None:
    for url, model, timeout in (("ftp://host/v1", "m", 5), ("localhost:8000", "m", 5), (llm.url, " ", 5), (llm.url, "m", 0)):
        with pytest.raises(ConfigError):
            backend_from_config(url, model, timeout=timeout)
    with pytest.raises(ConfigError, match="--llm-url"):
        LLMEventStage()
    stage = LLMEventStage(url=llm.url, model=MODEL, timeout=3)
    assert isinstance(stage.backend, EventBackend) and stage.backend.endpoint == f"{llm.url}/chat/completions"
    assert llm.requests == []  # building the stage contacts nobody
    assert (stage.name, stage.requires, stage.assigns) == ("events", make_stage("events.v1").requires, ("events", "relevance"))


def test_endpoint_forms() -> None:
    assert chat_endpoint("http://h:1") == "http://h:1/v1/chat/completions"
    assert chat_endpoint("http://h:1/v1/") == "http://h:1/v1/chat/completions"
    assert chat_endpoint("http://h:1/api/v1/chat/completions") == "http://h:1/api/v1/chat/completions"


def test_codebook_defines_every_plover_type_with_an_example() -> None:
    book = load_codebook()
    assert set(book.modes) == set(PLOVER_TYPES) and "visit" in book.modes["CONSULT"] and not book.modes["AGREE"]
    sections = book.text.split("\n## ")[1:]
    assert len(sections) == 16 and all("Example:" in s for s in sections)


@pytest.mark.slow
def test_full_pipeline_with_the_llm_stage_gives_a_valid_record(llm: StandIn) -> None:
    import jsonschema

    from kronika.api import code_article
    from kronika.record import load_schema
    from kronika.stages import DEFAULT_STAGES

    text = "La France et l'Inde ont signé un accord de coopération militaire à New Delhi."
    llm.route("accord", {"events": [_event("AGREE", 0, 1, "ont signé un accord de coopération militaire", modality="asserted")]})
    pipe = build_pipeline([*(make_stage(n) for n in DEFAULT_STAGES[:-1]), _stage(llm)], "t")
    _, outcome, record = code_article(Article.create(text, lang="fr", published="2024-05-10"), pipe)
    assert outcome.ok, outcome.reason
    jsonschema.validate(record, load_schema())
    [ev] = record["events"]
    assert {ev["source"]["country"], ev["target"]["country"]} == {"FRA", "IND"}
    assert ev["location"]["country"] == "IND"
    assert text[ev["evidence"][0]["start"]:ev["evidence"][0]["end"]] == ev["evidence"][0]["text"]
