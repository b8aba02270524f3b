"""Speed and memory benchmarks, measured as ratios within one process (the machine is shared and noisy).

Run: .venv/bin/python benchmarks/run.py [--articles N] [--json]

1. entity overhead: segment+language+entities vs the bare spaCy French pipeline on the same French articles
   (issue target: at most 1.20).
2. where-and-when overhead: adding the dates stage and place resolution to the pipeline (target: at most 1.10).
3. gazetteer open time (target: under 2 s once its index is built).
4. whole default pipeline throughput in articles/s on seed-sized articles, and peak resident memory with all
   five languages loaded (targets: 25 articles/s on 2 cores, under 1.5 GB).

Articles are built by shuffling sentences of the acceptance article (../shared, when present) and of the
project's own reader fixtures, so no two articles are identical and caches do not flatter the numbers.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
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
    args = ap.parse_args()
    results: dict[str, float] = {}

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
    if args.json:
        print(json.dumps({k: round(v, 3) for k, v in results.items()}))
    else:
        for k, v in results.items():
            print(f"{k:<34}{v:10.3f}")


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
