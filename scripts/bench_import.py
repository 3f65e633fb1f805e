"""Import speed: 10,000 generated articles of about 3 KB, without extraction; then the news
corpus (../shared/corpus) imported with extraction.

Prints articles/s for a folder of .txt files and for one .jsonl file, peak
memory, and the ratio against a baseline measured in the same run: the bare
cost of writing the same texts with sqlite3 executemany in one transaction.

With the news corpus beside the project (ROOT.parent/"shared"/"corpus"), it also prints MB of
article text per second on one core for (a) the extractor alone, in process; (b) `fact-review
import` with extraction, end to end, into a fresh SQLite workspace (the CLI's own code,
app.cli.main, in process), on one core (FACT_REVIEW_JOBS=1) and with the articles read in as
many processes as the machine's cores (the default, at most 4); (c) a plain-sqlite3 baseline of the same run: the same texts and as
many fact rows as (b) stored, written with executemany in one transaction; (d) as (b), into a
workspace holding a model learned from the gold articles (../shared/gold) beforehand: import
with the model in use, both ways as (b); and their ratios.

    python scripts/bench_import.py [--articles N] [--news-only | --no-news] [--repeat N]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NEWS = ROOT.parent / "shared" / "corpus"

from db.store import Store  # noqa: E402
from app.importing import import_paths  # noqa: E402

WORDS = ("Bộ Y tế cho biết hơn 8.900 cán bộ y tế cơ sở đã được đào tạo tại tỉnh Cao Bằng "
         "với kinh phí 3 tỷ đồng theo Quyết định 2348/QĐ-TTg ngày 06/12/2024 nhằm nâng cao "
         "chất lượng khám chữa bệnh cho người dân vùng sâu vùng xa").split()


def make_text(rng: random.Random, i: int, size: int = 3000) -> str:
    words, n = [f"Bài số {i}:"], 0
    while n < size:
        w = rng.choice(WORDS)
        words.append(w)
        n += len(w) + 1
    return " ".join(words)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--news-only", action="store_true", help="only the news corpus with extraction")
    ap.add_argument("--no-news", action="store_true", help="only the generated articles")
    ap.add_argument("--repeat", type=int, default=3, help="news corpus: rounds of each, best kept")
    args = ap.parse_args()
    if not args.news_only:
        generated(args.articles)
    if not args.no_news:
        news(max(1, args.repeat))
    print(f"peak memory: {peak_mb():.0f} MB")


def generated(n: int) -> None:
    rng = random.Random(7)
    texts = [make_text(rng, i) for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = tmp / "txt"
        folder.mkdir()
        for i, t in enumerate(texts):
            (folder / f"a{i:05}.txt").write_text(t, encoding="utf-8")
        jsonl = tmp / "all.jsonl"
        jsonl.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                                 for i, t in enumerate(texts)), encoding="utf-8")
        mb = sum(len(t.encode()) for t in texts) / 1e6
        print(f"{n} articles, {mb:.1f} MB of text")

        # Baseline: the floor, raw inserts of the same rows.
        con = sqlite3.connect(tmp / "base.sqlite")
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, text TEXT, h TEXT UNIQUE)")
        t0 = time.perf_counter()
        with con:
            con.executemany("INSERT INTO a (text, h) VALUES (?, ?)",
                            ((t, hashlib.sha256(t.encode()).hexdigest()) for t in texts))
        base = time.perf_counter() - t0
        con.close()
        print(f"baseline sqlite3 executemany: {n / base:10.0f} articles/s")

        for label, path in (("folder of .txt", folder), ("one .jsonl", jsonl)):
            store = Store.open(tmp / f"{label[-4:]}.sqlite")
            t0 = time.perf_counter()
            report = import_paths(store, [path])
            dt = time.perf_counter() - t0
            assert report.articles == n and not report.failed, report.summary()
            store.close()
            print(f"fact-review import, {label:15}: {n / dt:10.0f} articles/s "
                  f"({dt:.2f} s, {dt / base:.1f}x baseline time)")


def news(repeat: int = 2) -> None:
    """The news corpus imported with extraction, against the extractor alone and sqlite3; each
    timed `repeat` times, in turns, the best kept (the machine may be shared: the best run is
    the one least slowed by others)."""
    from app.cli import main as cli
    from app.extracting import default_jobs
    from app.opening import open_workspace
    from facts.extract import default_extractor

    files = sorted(NEWS.glob("*.jsonl")) if NEWS.is_dir() else []
    if not files:
        print(f"news corpus: skipped, no *.jsonl in {NEWS} (the shared folder beside the project)")
        return
    texts = []
    for f in files:
        with f.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"\nnews corpus {', '.join(f.name for f in files)}: {len(texts)} articles, {mb:.2f} MB of "
          f"text; best of {repeat} runs each")

    # Word lists loaded outside the timing. Each round times (a), (b) and (c) in turn, so that
    # a slow spell of a shared machine slows one round of each rather than all runs of one.
    ex = default_extractor()
    ex.extract(texts[0])
    t_ex = t_cli = t_base = t_model = t_par = t_model_par = float("inf")
    found: list = []
    rows = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        modelled = _with_gold_model(tmp / "modelled.sqlite")
        for n in range(repeat):
            # (a) The extractor alone, in process.
            t0 = time.perf_counter()
            results = [ex.extract(t) for t in texts]
            t_ex = min(t_ex, time.perf_counter() - t0)
            found = [(i + 1, f.kind, f.start, f.end, f.text, f.value)
                     for i, r in enumerate(results) for f in r.facts]
            del results

            # (b) The CLI's import with extraction (app.cli.main, as `fact-review import` runs
            # it), into a workspace made empty just before: on one core, and reading in as
            # many processes as it takes by default.
            for jobs in ("1", None):
                ws = tmp / f"news{n}-{jobs}.sqlite"
                open_workspace(ws, create=True).close()
                spent = _import(cli, ws, files, jobs)
                if jobs:
                    t_cli = min(t_cli, spent)
                else:
                    t_par = min(t_par, spent)
                con = sqlite3.connect(ws)
                stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                rows = con.execute("SELECT count(*) FROM facts").fetchone()[0]
                con.close()
                assert stored == len(set(texts)) and rows == len(found), (stored, rows, len(found))

            # (c) Plain sqlite3: the same texts and the same fact rows (the extractor's, from
            # (a)), executemany in one transaction, into tables without indexes or triggers.
            con = sqlite3.connect(tmp / f"base{n}.sqlite")
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, text TEXT, h TEXT UNIQUE)")
            con.execute("CREATE TABLE f (id INTEGER PRIMARY KEY, article_id INTEGER, kind TEXT, "
                        "start INTEGER, \"end\" INTEGER, text TEXT, value TEXT, status TEXT)")
            t0 = time.perf_counter()
            with con:
                con.executemany("INSERT OR IGNORE INTO a (text, h) VALUES (?, ?)",
                                ((t, hashlib.sha256(t.encode()).hexdigest()) for t in texts))
                con.executemany("INSERT INTO f (article_id, kind, start, \"end\", text, value, status) "
                                "VALUES (?, ?, ?, ?, ?, ?, 'pending')", found)
            t_base = min(t_base, time.perf_counter() - t0)
            con.close()

            # (d) As (b), into a workspace holding a model learned from the gold (empty of
            # articles): extraction with the model in use, as after `fact-review learn`.
            if modelled:
                for jobs in ("1", None):
                    ws = tmp / f"modelled{n}-{jobs}.sqlite"
                    shutil.copyfile(modelled, ws)
                    spent = _import(cli, ws, files, jobs)
                    if jobs:
                        t_model = min(t_model, spent)
                    else:
                        t_model_par = min(t_model_par, spent)

    print(f"(a) extractor alone, in process : {mb / t_ex:6.2f} MB/s ({t_ex:.2f} s, {len(found)} facts)")
    print(f"(b) fact-review import, extract : {mb / t_cli:6.2f} MB/s ({t_cli:.2f} s, {rows} fact rows; "
          f"one core, FACT_REVIEW_JOBS=1)")
    print(f"    the same, {default_jobs()} processes reading: {mb / t_par:6.2f} MB/s ({t_par:.2f} s; the default "
          f"on this machine)")
    print(f"(c) sqlite3 executemany baseline: {mb / t_base:6.2f} MB/s ({t_base:.2f} s, same texts "
          f"and {rows} fact rows)")
    if t_model < float("inf"):
        print(f"(d) import, extract with a model:{mb / t_model:6.2f} MB/s ({t_model:.2f} s; the "
              f"gold's model, learned before the timing; one core)")
        print(f"    the same, {default_jobs()} processes reading: {mb / t_model_par:6.2f} MB/s "
              f"({t_model_par:.2f} s)")
    else:
        print("(d) import with a model: skipped, no gold folder beside the project")
    print(f"ratios: (b)/(a) speed {t_ex / t_cli:.2f}; (b) time {t_cli / (t_ex + t_base):.2f}x "
          f"(a)+(c); storage beyond the extractor {t_cli - t_ex:.2f} s = {(t_cli - t_ex) / t_base:.1f}x (c)")


def _import(cli, ws: Path, files, jobs: Optional[str]) -> float:
    """Seconds `fact-review import` with extraction takes, with FACT_REVIEW_JOBS = `jobs` (None:
    unset, the default)."""
    import contextlib
    import io
    import os

    saved = os.environ.pop("FACT_REVIEW_JOBS", None)
    if jobs:
        os.environ["FACT_REVIEW_JOBS"] = jobs
    try:
        out = io.StringIO()
        t0 = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            rc = cli(["--db", str(ws), "--reviewer", "bench", "import", *map(str, files)])
        spent = time.perf_counter() - t0
        assert rc == 0, out.getvalue()
        return spent
    finally:
        os.environ.pop("FACT_REVIEW_JOBS", None)
        if saved is not None:
            os.environ["FACT_REVIEW_JOBS"] = saved


def _with_gold_model(path: Path) -> Optional[Path]:
    """A workspace holding only a model learned from the gold articles (../shared/gold, as
    scripts/bench_learn.py learns it); None without the gold."""
    import importlib.util

    from facts.learn import Settings, learn, training_docs

    shared = NEWS.parent
    if not (shared / "gold").is_dir():
        return None
    spec = importlib.util.spec_from_file_location("bench_learn", ROOT / "scripts" / "bench_learn.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    gold = path.with_suffix(".jsonl")
    bench.gold_jsonl(shared, gold)
    scratch = Store.open(path.with_name("gold-articles.sqlite"))
    try:
        import_paths(scratch, [gold])
        result = learn(training_docs(scratch), Settings(), folds=3)
    finally:
        scratch.close()
    store = Store.open(path)
    try:
        result.save_to(store)
    finally:
        store.close()
    return path


if __name__ == "__main__":
    main()
