"""Speed and memory benchmarks, measured as ratios within one process (the machine is shared and noisy).

Run: .venv/bin/python benchmarks/run.py [--articles N] [--json]

1. entity overhead: segment+language+entities vs the bare spaCy French pipeline on the same French articles
   (issue target: at most 1.20).
2. where-and-when overhead: adding the dates stage and place resolution to the pipeline (target: at most 1.10).
3. gazetteer open time (target: under 2 s once its index is built).
4. whole default pipeline throughput in articles/s on seed-sized articles, and peak resident memory with all
   five languages loaded (targets: 25 articles/s on 2 cores, under 1.5 GB).
5. `kronika run --workers 1` and `--workers 2` (real commands, alternated, ``--rounds`` times each) on the same
   mixed-language articles: articles/s once coding has started (so start-up and model loading are not
   counted), the ratio of the two, and the memory of the whole process tree at its peak: the sum of RSS
   (which counts a page shared by the parent and its workers once per process) and the sum of PSS (which
   splits a shared page among its sharers: the real total), from /proc/<pid>/smaps_rollup.
   Absolute rates move with the load other users put on the machine, and so does the ratio: two workers
   only beat one process by the CPU the other users leave free. So the CPU time an article costs in the
   whole tree (parent included; a busy machine changes it little) is reported too, and from it an estimate
   of the rate two workers reach with both cores to themselves (labelled as an estimate).

Run only part 5: .venv/bin/python benchmarks/run.py --workers-only [--run-articles N] [--rounds N]

Articles are built by shuffling sentences of the acceptance article (../shared, when present) and of the
project's own reader fixtures, so no two articles are identical and caches do not flatter the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kronika.api import code_article  # noqa: E402
from kronika.model import Article  # noqa: E402
from kronika.pipeline import build_pipeline  # noqa: E402
from kronika.readers import read_inputs  # noqa: E402
from kronika.stages import DEFAULT_STAGES, default_pipeline, make_stage  # noqa: E402
from kronika.stages.segment import split_paragraphs, split_sentences  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_7e7288b8f68c05a5.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "inputs"


def _sentences_by_lang() -> dict[str, list[str]]:
    sources = [str(SEED)] if SEED.exists() else []
    sources += [str(p) for p in sorted(FIXTURES.iterdir()) if p.suffix in (".txt", ".html", ".xml", ".jsonl", ".csv")]
    pipe = build_pipeline([make_stage("segment.v1"), make_stage("language.v1")], "bench")
    out: dict[str, list[str]] = {}
    for item in read_inputs(sources):
        if item.article is None:
            continue
        _, outcome, record = code_article(item.article, pipe)
        text = item.article.text
        for para in split_paragraphs(text):
            for sent in split_sentences(text, para):
                if len(sent.text) > 40:
                    out.setdefault(record["article"]["lang"] if record else "en", []).append(sent.text)
    return out


def make_articles(n: int, lang: str | None, seed: int = 7) -> list[Article]:
    """``n`` articles of about 2,200 characters (the size of the acceptance article)."""
    rng = random.Random(seed)
    pools = _sentences_by_lang()
    langs = [lang] if lang else sorted(pools)
    articles = []
    for i in range(n):
        pool = pools[langs[i % len(langs)]]
        body, size = [], 0
        while size < 2200:
            s = rng.choice(pool)
            body.append(s)
            size += len(s) + 1
        paras = [" ".join(body[j : j + 3]) for j in range(0, len(body), 3)]
        articles.append(Article.create("\n\n".join(paras), lang=langs[i % len(langs)], published="2024-03-01"))
    return articles


def _time(fn, articles) -> float:
    start = time.perf_counter()
    for art in articles:
        fn(art)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--workers-only", action="store_true", help="only part 5, the worker processes")
    ap.add_argument("--run-articles", type=int, default=120, help="articles per `kronika run` in part 5")
    ap.add_argument("--rounds", type=int, default=2, help="alternated runs of each worker count in part 5")
    args = ap.parse_args()
    results: dict[str, float] = {}
    if not args.workers_only:
        _in_process(args, results)
    results.update(workers_benchmark(args.run_articles, args.rounds))
    if args.json:
        print(json.dumps({k: round(v, 3) for k, v in results.items()}))
    else:
        for k, v in results.items():
            print(f"{k:<34}{v:10.3f}")


def _in_process(args: argparse.Namespace, results: dict[str, float]) -> None:
    """Parts 1 to 4, in this process."""
    fr = make_articles(args.articles, "fr")
    full = default_pipeline()
    entities_only = build_pipeline([make_stage(n) for n in ("segment.v1", "language.v1", "entities.v1")], "bench")
    # warm every model so loading is not timed
    for pipe in (full, entities_only):
        code_article(fr[0], pipe)
    nlp = full.stages[DEFAULT_STAGES.index("entities.v1")].models.parser("fr")

    # alternate the runs and take the median ratio: the machine is shared and noisy
    pairs = [(_time(lambda a: nlp(a.text), fr), _time(lambda a: code_article(a, entities_only), fr)) for _ in range(3)]
    results["spacy_fr_articles_per_s"] = len(fr) / statistics.median(b for b, _ in pairs)
    results["entity_overhead_ratio"] = statistics.median(e / b for b, e in pairs)

    t0 = time.perf_counter()
    from kronika.geo.gazetteer import Gazetteer

    Gazetteer()
    results["gazetteer_open_s"] = time.perf_counter() - t0

    mixed = make_articles(args.articles, None)
    for art in mixed[:5]:
        code_article(art, full)  # load the other languages' models
    elapsed = _time(lambda a: code_article(a, full), mixed)
    results["pipeline_articles_per_s_mixed"] = len(mixed) / elapsed
    elapsed_fr = _time(lambda a: code_article(a, full), fr)
    results["pipeline_articles_per_s_fr"] = len(fr) / elapsed_fr
    baseline = _without_where_when(full)
    ratios = [_time(lambda a: code_article(a, full), fr) / _time(lambda a: code_article(a, baseline), fr) for _ in range(3)]
    results["where_when_overhead_ratio"] = statistics.median(ratios)
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- part 5: kronika run --workers N ----------------------------------------------------------------


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except OSError:
            pass
    return out


def _memory_kb(pid: int) -> dict[str, int]:
    """Rss, Pss and Uss (private clean + private dirty) of one process, in kB (empty when it is gone)."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return {}
    fields = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        fields[key] = int(value.split()[0])
    return {"rss": fields["Rss"], "pss": fields["Pss"], "uss": fields["Private_Clean"] + fields["Private_Dirty"]}


def _cpu_ticks(pid: int) -> int:
    """User + system CPU time of one process so far, in clock ticks (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def _coded(db: str) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM codings WHERE status = 'coded'").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _timed_run(items: Path, db: str, workers: int, n: int) -> dict[str, float]:
    """One real `kronika run`: articles/s once every language has been seen, and the tree's peak memory.

    The rate is measured from the ``n // 10``-th committed coding (at least the 10th: by then a run in one
    process has loaded all five languages, as a run with workers does before it starts) to the last.
    """
    env = dict(os.environ, NO_PROGRESS="1", HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "kronika", "run", str(items), "--db", db, "--quiet", "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    start_at = max(10, n // 10)
    first: tuple[float, int] | None = None
    last = (0.0, 0)
    peak: dict[str, float] = {"rss": 0, "pss": 0, "uss": 0, "parent_pss": 0, "worker_uss": 0, "processes": 0}
    next_sample = 0.0
    ticks: dict[int, int] = {}  # CPU time per process, last seen
    cpu_first = cpu_last = parent_first = parent_last = 0
    while proc.poll() is None:
        now = time.perf_counter()
        pids = _tree(proc.pid)
        for p in pids:
            ticks[p] = max(ticks.get(p, 0), _cpu_ticks(p))
        if now >= next_sample:  # memory every 0.2 s: reading smaps_rollup walks the page tables
            next_sample = now + 0.2
            mem = [(p, m) for p, m in ((p, _memory_kb(p)) for p in pids) if m]
            total_pss = sum(m["pss"] for _, m in mem)
            for key in ("rss", "pss", "uss"):
                peak[key] = max(peak[key], sum(m[key] for _, m in mem))
            if total_pss >= peak["pss"]:  # the split of the peak between the parent and its workers
                peak["parent_pss"] = next((m["pss"] for p, m in mem if p == proc.pid), 0)
                peak["worker_uss"] = max((m["uss"] for p, m in mem if p != proc.pid), default=0)
            peak["processes"] = max(peak["processes"], len(mem))
        coded = _coded(db)
        if coded >= start_at and first is None:
            first = (now, coded)
            cpu_first = sum(ticks.values())
            parent_first = ticks.get(proc.pid, 0)
        if coded > last[1]:
            last = (now, coded)
            cpu_last = sum(ticks.values())
            parent_last = ticks.get(proc.pid, 0)
        time.sleep(0.05)
    _, err = proc.communicate()
    if proc.returncode != 0 or first is None:
        raise SystemExit(f"kronika run --workers {workers} failed or coded too few articles: {err.decode()[-500:]}")
    last = (time.perf_counter(), n) if last[1] < n else last
    rate = (last[1] - first[1]) / max(last[0] - first[0], 1e-9)
    cpu_per_article = (cpu_last - cpu_first) / os.sysconf("SC_CLK_TCK") / max(last[1] - first[1], 1)
    mb = {f"{k}_mb": v / 1024 for k, v in peak.items() if k != "processes"}
    parent_cpu = (parent_last - parent_first) / max(cpu_last - cpu_first, 1)  # while coding
    return {"rate": rate, "processes": peak["processes"], "parent_cpu": parent_cpu, "cpu_per_article": cpu_per_article, **mb}


def workers_benchmark(n: int, rounds: int) -> dict[str, float]:
    """`kronika run --workers 1` against `--workers 2` on the same articles, alternated."""
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        items = Path(tmp) / "items.jsonl"
        with items.open("w", encoding="utf-8") as out:
            for i, art in enumerate(make_articles(n, None, seed=11)):
                out.write(json.dumps({"id": f"b{i}", "text": art.text, "lang": art.lang, "published": art.published},
                                     ensure_ascii=False) + "\n")
        runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
        for r in range(rounds):
            for workers in (1, 2):
                runs[workers].append(_timed_run(items, str(Path(tmp) / f"w{workers}-{r}.db"), workers, n))
    for workers, got in runs.items():
        results[f"run_w{workers}_articles_per_s"] = statistics.median(g["rate"] for g in got)
        results[f"run_w{workers}_cpu_ms_per_article"] = 1000 * statistics.median(g["cpu_per_article"] for g in got)
        for key in ("rss_mb", "pss_mb", "uss_mb"):
            results[f"run_w{workers}_peak_{key}_sum"] = max(g[key] for g in got)
        if workers > 1:
            results[f"run_w{workers}_parent_pss_mb"] = max(g["parent_pss_mb"] for g in got)
            results[f"run_w{workers}_worker_uss_mb"] = max(g["worker_uss_mb"] for g in got)
            results[f"run_w{workers}_parent_cpu_share"] = statistics.median(g["parent_cpu"] for g in got)
        results[f"run_w{workers}_processes"] = max(g["processes"] for g in got)
    ratios = [b["rate"] / a["rate"] for a, b in zip(runs[1], runs[2])]
    results["run_w2_over_w1_ratio"] = statistics.median(ratios)
    # what two workers would reach with both cores to themselves: the CPU an article costs in the
    # whole tree (parent included) is what the load of other users does not change much
    cores = min(2, len(os.sched_getaffinity(0)))
    results["run_w2_idle_machine_estimate_per_s"] = cores / (results["run_w2_cpu_ms_per_article"] / 1000)
    return results


class _NoDates:
    name, requires, assigns = "dates", ("sentences",), ("dates",)

    def __call__(self, doc):
        doc.dates = []


def _without_where_when(pipe):
    """The same pipeline (same loaded models) without the dates stage and without place resolution."""
    from kronika.pipeline import Pipeline

    stages = [_NoDates() if s.name == "dates" else s for s in pipe.stages]
    entities = next(s for s in stages if s.name == "entities")

    class Baseline(Pipeline):
        def process(self, doc):
            entities.resolve_places = False
            try:
                return super().process(doc)
            finally:
                entities.resolve_places = True

    return Baseline(stages, pipe.version)


if __name__ == "__main__":
    main()
