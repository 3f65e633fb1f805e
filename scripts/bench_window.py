"""The window on a big workspace: launch time, key-press latency, memory.

Builds (once, cached in --dir) a workspace of N generated articles with about 30
facts each, then in fresh processes:
  * launch: from process start to the first article shown, for that workspace
    and for a 5-article one (the baseline, measured in the same run);
  * keys: accept, reject and move (J), each key press to the next fact shown,
    commit included; 50th and 95th percentiles;
  * peak memory (max RSS) of the process that opened the big workspace.

    QT_QPA_PLATFORM=offscreen python scripts/bench_window.py [--articles 100000]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SENTENCE = ("Bộ Y tế cho biết hơn {n} cán bộ y tế tại tỉnh Cao Bằng đã được đào tạo với kinh phí "
            "{m} tỷ đồng theo Quyết định {d}/QĐ-TTg ngày 06/12/2024, đạt {p}% kế hoạch. ")


def build(path: Path, n_articles: int, facts_per_article: int = 30) -> None:
    from db.store import Store
    from facts.model import ArticleIn, Quantity

    rng = random.Random(1)
    store = Store.open(path)
    batch = 2000
    t0 = time.perf_counter()
    for b in range(0, n_articles, batch):
        with store.writer() as w:
            for i in range(b, min(n_articles, b + batch)):
                parts, facts = [f"Bài {i}: tin y tế\n\n"], []
                pos = len(parts[0])
                for j in range(facts_per_article // 3):
                    s = SENTENCE.format(n=rng.randint(100, 9999), m=rng.randint(1, 99),
                                        d=rng.randint(100, 9999), p=rng.randint(1, 99))
                    parts.append(s)
                    for word in s.split()[::6][:3]:
                        k = s.index(word)
                        facts.append(Quantity.model_construct(
                            kind="quantity", start=pos + k, end=pos + k + len(word), text=word,
                            value="1", unit="", approx="exact",
                            confidence=round(rng.random(), 2), extractor="bench/synthetic@1"))
                    pos += len(s)
                art = ArticleIn.model_construct(
                    uid=f"a{i}", origin="bench", text="".join(parts), title=f"Bài {i}: tin y tế",
                    published="2024-12-06", source=None, author=None, url=None, content=[],
                    facts=facts, reviews=[])
                w.add_article(art)
        done = min(n_articles, b + batch)
        rate = done / (time.perf_counter() - t0)
        print(f"\r  built {done:,}/{n_articles:,} articles ({rate:,.0f}/s)", end="", flush=True)
    print()
    store.close()


CHILD = r"""
import json, os, resource, sys, time
t0 = time.perf_counter()
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from db.store import Store
from app.workspace import Workspace
from desktop.main_window import MainWindow
app = QApplication([])
store = Store.open(sys.argv[1])
# The real thread pool, as the app has: the backup made after opening runs beside the keys.
w = MainWindow(Workspace(store, "bench"), QSettings(sys.argv[2], QSettings.IniFormat))
w.show()
app.processEvents()
first = time.perf_counter() - t0
from_launch = time.time() - float(sys.argv[4])
assert w.article is not None and w.facts.current_fact() is not None
lat = {"accept": [], "reject": [], "move": []}
keys = {"accept": Qt.Key_A, "reject": Qt.Key_R, "move": Qt.Key_J}
for i in range(int(sys.argv[3])):
    name = ("accept", "reject", "move")[i % 3]
    before = w.facts.current_fact()
    t = time.perf_counter()
    QTest.keyClick(w.facts.table, keys[name])
    app.processEvents()
    lat[name].append((time.perf_counter() - t) * 1000)
    if name != "move":  # a decision moves on to the next pending fact
        assert w.facts.current_fact().id != before.id
w.close()
print(json.dumps({"first": first, "launch": from_launch, "lat": lat,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_child(db: Path, settings: Path, presses: int) -> dict:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, str(db), str(settings), str(presses),
                          repr(time.time())],
                         capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    if out.returncode:
        raise SystemExit(out.stderr)
    res = json.loads(out.stdout.strip().splitlines()[-1])
    res["wall"] = time.perf_counter() - t0
    return res


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--presses", type=int, default=300)
    ap.add_argument("--dir", default=str(ROOT / "bench-out"))
    args = ap.parse_args()
    d = Path(args.dir)
    d.mkdir(exist_ok=True)
    big = d / f"big-{args.articles}.sqlite"
    if not big.exists():
        print(f"building {big} ...")
        build(big, args.articles)
    small = d / "small.sqlite"
    if not small.exists():
        build(small, 5)
    for f in d.glob("*.ini"):
        f.unlink()
    base = run_child(small, d / "small.ini", 30)
    res = run_child(big, d / "big.ini", args.presses)
    from db.store import Store

    s = Store.open(big)
    n_facts = s.stats().facts
    s.close()
    print(f"workspace: {args.articles:,} articles, {n_facts:,} facts "
          f"({big.stat().st_size / 1e6:.0f} MB)")
    print(f"launch to first article shown: {res['launch']:.2f} s (imports and window "
          f"{res['first']:.2f} s); 5-article baseline {base['launch']:.2f} s "
          f"→ ratio {res['launch'] / base['launch']:.2f}")
    for name, xs in res["lat"].items():
        print(f"key {name:<6}: p50 {pct(xs, .5):6.1f} ms   p95 {pct(xs, .95):6.1f} ms   "
              f"(5-article baseline p95 {pct(base['lat'][name], .95):.1f} ms, n={len(xs)})")
    print(f"peak memory: {res['rss_mb']:.0f} MB (5-article baseline {base['rss_mb']:.0f} MB)")


if __name__ == "__main__":
    main()
