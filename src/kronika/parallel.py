"""Code articles in worker processes forked from a parent that holds the loaded models.

The parent loads every model once (:func:`warm_up` codes one short article per
language), freezes its objects out of the garbage collector's reach
(``gc.freeze()``, so a collection in a child does not write to, and so copy,
the shared pages) and forks the workers: the models' memory is shared copy-on-write.
Only the parent reads inputs and writes the store; a worker receives one
:class:`~kronika.model.Article` at a time over its own pipe and sends back the
:class:`~kronika.pipeline.Outcome` and the record. Results come back in the order
the jobs went in, so a run with workers commits and prints what a run without
them does, in the same order.

A worker ignores Ctrl-C (the parent decides), exits when its pipe closes or its
parent is gone, and is terminated when the parent stops early. Fork is the only
start method used: with spawn, each worker would load its own 1.4 GB of models.
Each worker limits OpenBLAS to one thread (:func:`one_blas_thread`): the workers
already fill the cores, and a spinning helper thread per worker halved their speed.

The gazetteer's read-only SQLite connection is inherited by the workers; no
transaction is open at the fork, and each worker only reads it. Reopening it after
the fork (``os.register_at_fork`` in ``kronika.geo``) would be cleaner still.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from .errors import ConfigError, PipelineError
from .model import Article
from .pipeline import Outcome, Pipeline

__all__ = [
    "WARM_UP_TEXTS", "WorkerPool", "available_cores", "code_here", "one_blas_thread", "resolve_workers", "warm_up",
]

# One short article per language: coding them loads every lazily loaded model (spaCy, natasha,
# pymorphy3, the KB index, the lexicons, the gazetteer). `kronika doctor` uses them too.
WARM_UP_TEXTS = {
    "fr": "Le ministre a rencontré son homologue à Paris.",
    "en": "The minister met his counterpart in London.",
    "uk": "Міністр зустрівся з колегою у Києві.",
    "ru": "Министр встретился с коллегой в Москве.",
    "es": "El ministro se reunió con su homólogo en Madrid.",
}

# A job: the article, and whether to code it in a worker. An article not sent is passed through,
# in order, with no outcome: the caller decides about it when its turn comes.
Job = tuple[Article, bool]
Result = tuple[Article, Outcome | None, dict[str, Any] | None]


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def resolve_workers(value: int | str) -> int:
    """``auto`` -> the available cores; a number -> itself (at least 1)."""
    if isinstance(value, str):
        if value.strip().lower() == "auto":
            return available_cores()
        try:
            value = int(value)
        except ValueError:
            raise ConfigError(f"--workers must be a number or auto, not {value!r}", hint="e.g. --workers 2") from None
    if value < 1:
        raise ConfigError(f"--workers must be at least 1, not {value}", hint="1 codes in this process")
    return value


def warm_up(pipeline: Pipeline) -> dict[str, Outcome]:
    """Code one short article per language, so every lazily loaded model is in memory now."""
    from .api import code_article

    return {
        lang: code_article(Article.create(text, lang=lang, published="2024-01-01"), pipeline)[1]
        for lang, text in WARM_UP_TEXTS.items()
    }


def code_here(pipeline: Pipeline, jobs: Iterable[Job]) -> Iterator[Result]:
    """The serial coder: each job coded in this process when asked for (one job read at a time)."""
    from .api import code_article

    for article, send in jobs:
        if send:
            _, outcome, record = code_article(article, pipeline)
            yield article, outcome, record
        else:
            yield article, None, None


@dataclass
class _Worker:
    process: Any
    conn: Connection
    seq: int | None = None  # the job it is coding
    dead: bool = False

    @property
    def idle(self) -> bool:
        return self.seq is None and not self.dead


@dataclass
class _Slot:
    article: Article
    done: bool = False
    outcome: Outcome | None = None
    record: dict[str, Any] | None = None
    error: BaseException | None = None


@dataclass
class WorkerPool:
    """``workers`` processes coding with ``pipeline``; use as a context manager, then :meth:`code`.

    The processes are forked when the first job to code arrives (a run with nothing
    to code forks nothing). ``ahead`` bounds the jobs read but not yet returned.
    """

    pipeline: Pipeline
    workers: int
    ahead: int = 0
    _pool: list[_Worker] = field(default_factory=list)
    _frozen: bool = False

    def __post_init__(self) -> None:
        if sys.platform == "win32":
            raise ConfigError("--workers needs fork, which Windows lacks", hint="use --workers 1")
        self.ahead = self.ahead or 4 * self.workers

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        self.close(graceful=exc_type is None)

    # -- processes ----------------------------------------------------------------------------

    def _start(self) -> None:
        warm_up(self.pipeline)
        gc.collect()
        gc.freeze()  # the parent's objects stay out of the children's collections: shared pages stay shared
        self._frozen = True
        ctx = get_context("fork")
        parent_pid = os.getpid()
        # Ctrl-C is the parent's to handle: the workers inherit "ignore" (and set it again, for a parent
        # that is not the main thread and so cannot change its handlers)
        in_main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_main else None
        try:
            for _ in range(self.workers):
                ours, theirs = ctx.Pipe()
                others = [w.conn for w in self._pool]  # the parent's ends of earlier workers' pipes
                process = ctx.Process(
                    target=_serve, args=(self.pipeline, theirs, others, parent_pid), name="kronika-worker", daemon=True
                )
                process.start()
                theirs.close()
                self._pool.append(_Worker(process, ours))
        finally:
            if in_main:
                signal.signal(signal.SIGINT, previous)

    def close(self, graceful: bool = True) -> None:
        """Stop the workers: ask them to finish (graceful) or terminate them (after an error or Ctrl-C)."""
        for w in self._pool:
            if graceful:
                try:
                    w.conn.send(None)
                except OSError:
                    pass
            w.conn.close()
        for w in self._pool:
            if not graceful:
                w.process.terminate()
            w.process.join(timeout=10)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
        self._pool = []
        if self._frozen:
            gc.unfreeze()  # frozen while the workers shared the pages; collectable again now
            self._frozen = False

    # -- jobs -----------------------------------------------------------------------------------

    def code(self, jobs: Iterable[Job]) -> Iterator[Result]:
        """Code the jobs in the workers; yield each job's result in the order the jobs came.

        When a worker dies, no more jobs are read; the results before its article are
        still handed back, then the error is raised.
        """
        slots: dict[int, _Slot] = {}
        order: deque[int] = deque()
        it = iter(jobs)
        more, seq = True, 0
        while True:
            # read jobs while a worker is idle and the read-ahead allows
            while more and not self._broken and len(order) < self.ahead and (not self._pool or self._idle()):
                try:
                    article, send = next(it)
                except StopIteration:
                    more = False
                    break
                slots[seq] = _Slot(article, done=not send)
                order.append(seq)
                if send:
                    if not self._pool:
                        self._start()
                    self._send(next(w for w in self._pool if w.idle), seq, slots[seq])
                seq += 1
            # hand back, in order, what is finished
            while order and slots[order[0]].done:
                slot = slots.pop(order.popleft())
                if slot.error is not None:
                    raise slot.error
                yield slot.article, slot.outcome, slot.record
            if not order and not more:
                return
            if order:
                self._collect(slots)

    @property
    def _broken(self) -> bool:
        return any(w.dead for w in self._pool)

    def _idle(self) -> bool:
        return any(w.idle for w in self._pool)

    def _send(self, worker: _Worker, seq: int, slot: _Slot) -> None:
        worker.seq = seq
        try:
            worker.conn.send((seq, slot.article))
        except OSError:
            self._died(worker, slot)

    def _collect(self, slots: dict[int, _Slot]) -> None:
        """Wait for at least one worker to answer (or die)."""
        busy = [(w, w.seq) for w in self._pool if w.seq is not None]
        ready = wait([w.conn for w, _ in busy] + [w.process.sentinel for w, _ in busy])
        for w, sent in busy:
            if w.conn in ready or w.process.sentinel in ready:
                try:
                    seq, outcome, record, error = w.conn.recv()
                except (EOFError, OSError):
                    self._died(w, slots[sent])
                    continue
                slot = slots[seq]
                slot.done, slot.outcome, slot.record, slot.error = True, outcome, record, error
                w.seq = None

    def _died(self, worker: _Worker, slot: _Slot) -> None:
        """The worker is gone: its article's turn will raise a one-line error."""
        worker.process.join(timeout=5)
        worker.dead, worker.seq = True, None
        code = worker.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        slot.done = True
        slot.error = PipelineError(
            f"a worker process died ({how}) while coding article {slot.article.id[:12]}",
            hint="what was committed is kept; rerun to resume (with --workers 1 to code in one process)",
        )


# The names under which OpenBLAS builds (numpy's own, a system one) export their thread setting.
_BLAS_SETTERS = (
    "scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)


def one_blas_thread() -> int:
    """Limit the OpenBLAS libraries loaded in this process to one thread each; return how many were set.

    The workers already use the cores; an OpenBLAS helper thread per worker (re-created after the fork)
    spins while it waits and was measured to take half the CPU of two workers on two cores.
    """
    import ctypes

    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return 0
    libs = {line.split(maxsplit=5)[5] for line in maps.splitlines() if "blas" in line.lower() and "/" in line}
    done = 0
    for path in sorted(libs):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        setter = next((getattr(lib, name) for name in _BLAS_SETTERS if hasattr(lib, name)), None)
        if setter is not None:
            setter(1)
            done += 1
    return done


def _serve(pipeline: Pipeline, conn: Connection, others: list[Connection], parent_pid: int) -> None:
    """A worker: code the articles that come over ``conn`` until it closes, or the parent is gone."""
    from .api import code_article

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"  # for a library loaded later in the worker
    one_blas_thread()
    for other in others:  # so that the parent's death closes every pipe a worker reads
        other.close()
    while True:
        if not conn.poll(2.0):
            if os.getppid() != parent_pid:
                return
            continue
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        seq, article = job
        try:
            _, outcome, record = code_article(article, pipeline)
            conn.send((seq, outcome, record, None))
        except Exception as exc:  # not a stage failure (those are outcomes): the run stops, as it would serially
            conn.send((seq, None, None, _picklable(exc)))


def _picklable(exc: Exception) -> Exception:
    import pickle

    try:
        pickle.dumps(exc)
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
