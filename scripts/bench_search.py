"""Search on a big workspace: the full-text indexes against the scan they replaced.

Builds (once, cached in --dir) a workspace of N articles made from the news in
../shared/corpus (each text prefixed with its number, so all are distinct), then times,
in the same run and on the same file:
  * today's search: `store.article_ids(search=…)` (FTS5, any case and diacritics,
    exact matches first) and with --exact-diacritics;
  * the command line's search, `fact-review articles --search TEXT` as app/cli.py runs it
    through the application layer (Workspace.article_ids, then each found article's row and
    counts, printed to a buffer): what a user waits for;
  * the baseline: the scan the workspace used before its indexes, a LIKE over titles and
    texts with a Python case-folding function (`instr(fold(text), …)`).

    python scripts/bench_search.py [--articles 100000] [--dir bench-out]
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "news-2017.jsonl"
QUERIES = ["ha noi", "Hà Nội", "bệnh viện bạch mai", "dong nai", "thủ tướng"]


def texts() -> list[str]:
    if CORPUS.exists():
        return [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8")]
    print(f"(no {CORPUS}: generated text instead)")
    return [f"Tin {i} từ Hà Nội và Đồng Nai: Bệnh viện Bạch Mai tiếp nhận {i} ca. Thủ tướng dự họp."
            for i in range(1000)]


def build(path: Path, n: int) -> None:
    from db.store import Store
    from facts.model import ArticleIn

    base = texts()
    store = Store.open(path)
    t0 = time.perf_counter()
    for b in range(0, n, 2000):
        with store.writer() as w:
            for i in range(b, min(n, b + 2000)):
                text = f"Bài {i}. " + base[i % len(base)]
                w.add_article(ArticleIn.model_construct(
                    uid=f"a{i}", origin="bench", text=text, title=text.split("\n", 1)[0][:200],
                    published=None, source=None, author=None, url=None, content=[], facts=[],
                    reviews=[]))
        print(f"\r  built {min(n, b + 2000):,}/{n:,} articles "
              f"({min(n, b + 2000) / (time.perf_counter() - t0):,.0f}/s)", end="", flush=True)
    print()
    store.close()


def timed(fn, repeat: int = 5) -> tuple[float, int]:
    runs, found = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        found = len(fn())
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs), found


def baseline(path: Path, q: str) -> list[int]:
    conn = sqlite3.connect(path)
    conn.create_function("fold", 1, lambda v: v.casefold() if isinstance(v, str) else v,
                         deterministic=True)
    try:
        if q.isascii():
            like = f"%{q}%"
            sql, args = "SELECT id FROM articles WHERE title LIKE ? OR text LIKE ?", (like, like)
        else:
            f = q.casefold()
            sql, args = ("SELECT id FROM articles WHERE instr(fold(title), ?) > 0 "
                         "OR instr(fold(text), ?) > 0", (f, f))
        return sorted(r[0] for r in conn.execute(sql, args))
    finally:
        conn.close()


def cli_articles(ws, q: str) -> list[str]:
    """`fact-review articles --search q`, as app/cli.py runs it on an open workspace."""
    import contextlib
    import io
    from types import SimpleNamespace

    from app.cli import _articles

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _articles(SimpleNamespace(pending=False, search=q, exact_diacritics=False), ws)
    return out.getvalue().splitlines()[1:]


def first_page(ws, q: str) -> list[int]:
    ids = ws.article_ids(search=q)
    ws.article_rows(ids[:50])
    return ids


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--dir", default=str(ROOT / "bench-out"))
    args = ap.parse_args()
    path = Path(args.dir) / f"search-{args.articles}.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        build(path, args.articles)
    from db.store import Store

    from app.workspace import Workspace

    store = Store.open(path, lock=False)
    ws = Workspace(store)
    print(f"{args.articles:,} articles, {path.stat().st_size / 2**20:,.0f} MB; median of 5 runs\n")
    print(f"{'search':<22}{'indexed ms':>11}{'found':>8}{'exact-only ms':>15}{'found':>8}"
          f"{'CLI ms':>9}{'first 50':>10}{'baseline ms':>13}{'found':>8}{'ratio':>8}{'CLI ratio':>11}")
    for q in QUERIES:
        ms, n = timed(lambda: ws.article_ids(search=q))
        ems, en = timed(lambda: ws.article_ids(search=q, ignore_diacritics=False))
        cms, _ = timed(lambda: cli_articles(ws, q))
        fms, _ = timed(lambda: first_page(ws, q))
        bms, bn = timed(lambda: baseline(path, q), repeat=1)
        print(f"{q:<22}{ms:>11.1f}{n:>8,}{ems:>15.1f}{en:>8,}{cms:>9.1f}{fms:>10.1f}{bms:>13.0f}"
              f"{bn:>8,}{bms / ms:>7.0f}×{bms / cms:>10.0f}×")
    store.close()
    print("\nCLI: `articles --search` whole (every match listed, to a buffer); first 50: the ids "
          "and the first screenful of rows, what the window shows.")
    print("\nindexed: any case and diacritics, exact diacritics first; baseline: the earlier "
          "LIKE / instr(fold()) scan, which cannot find `Hà Nội` from `ha noi`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
