"""The window on a big workspace: launch time, key-press latency, memory.

Builds (once, cached in --dir) a workspace of N generated articles with about 30
facts each, then in fresh processes:
  * launch: from process start to the first article shown, for that workspace
    and for a 5-article one (the baseline, measured in the same run);
  * keys: every review key (accept, reject, flag, reset, undo, J/K, Space, ] and [) and
    the state-save timer's work, each key press to its result shown, commit included;
    50th and 95th percentiles, beside those of the 5-article workspace;
  * the facts-left counter, and the Statistics window: shown, and its figures drawn;
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
app.setStyle("Fusion")  # as desktop.app.launch: the window's style sheet and palette on Fusion
store = Store.open(sys.argv[1])
# The real thread pool, as the app has: the backup made after opening runs beside the keys.
w = MainWindow(Workspace(store, "bench"), QSettings(sys.argv[2], QSettings.IniFormat))
w.show()
app.processEvents()
first = time.perf_counter() - t0
from_launch = time.time() - float(sys.argv[4])
assert w.article is not None and w.facts.current_fact() is not None
# Every review key, each press to its result shown (commit included), in a round that
# decides, undoes, moves between facts and between articles. `save state` is the state-save
# timer's work (where the reviewer is), timed as the timer runs it on the GUI thread.
KEYS = [("accept", Qt.Key_A, Qt.NoModifier), ("move", Qt.Key_J, Qt.NoModifier),
        ("reject", Qt.Key_R, Qt.NoModifier), ("move up", Qt.Key_K, Qt.NoModifier),
        ("flag", Qt.Key_F, Qt.NoModifier), ("undo", Qt.Key_Z, Qt.ControlModifier),
        ("next pending", Qt.Key_Space, Qt.NoModifier), ("next article ]", Qt.Key_BracketRight, Qt.NoModifier),
        ("accept", Qt.Key_A, Qt.NoModifier), ("prev article [", Qt.Key_BracketLeft, Qt.NoModifier),
        ("next article ]", Qt.Key_BracketRight, Qt.NoModifier), ("reject", Qt.Key_R, Qt.NoModifier)]
lat = {}
for i in range(int(sys.argv[3])):
    name, key, mod = KEYS[i % len(KEYS)]
    if w.facts.current_fact() is None and name not in ("next article ]", "prev article [", "next pending"):
        continue
    t = time.perf_counter()
    QTest.keyClick(w.facts.table, key, mod)
    app.processEvents()
    lat.setdefault(name, []).append((time.perf_counter() - t) * 1000)
    if name.endswith("]") or name.endswith("["):
        t = time.perf_counter()
        w._state_timer.stop()
        w.save_state()
        lat.setdefault("save state (timer)", []).append((time.perf_counter() - t) * 1000)
t = time.perf_counter()
n_left = w.workspace.pending_total()
left_ms = (time.perf_counter() - t) * 1000
t = time.perf_counter()
w.show_stats()
app.processEvents()
stats_open = (time.perf_counter() - t) * 1000
while w.stats_window.progress is None:
    app.processEvents()
    time.sleep(0.001)
stats_filled = (time.perf_counter() - t) * 1000
w.stats_window.close()
w.close()
print(json.dumps({"first": first, "launch": from_launch, "lat": lat, "left_ms": left_ms,
                  "stats_open": stats_open, "stats_filled": stats_filled,
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
    base = run_child(small, d / "small.ini", 60)
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
    print(f"{'key':<20}{'p50 ms':>8}{'p95 ms':>8}{'n':>5}   5-article baseline p50 / p95 ms, ratio p95")
    for name, xs in res["lat"].items():
        b = base["lat"].get(name) or [float("nan")]
        print(f"{name:<20}{pct(xs, .5):>8.1f}{pct(xs, .95):>8.1f}{len(xs):>5}   "
              f"{pct(b, .5):6.1f} / {pct(b, .95):5.1f}   {pct(xs, .95) / pct(b, .95):5.2f}×")
    print(f"facts-left counter: {res['left_ms']:.2f} ms (baseline {base['left_ms']:.2f} ms)")
    print(f"Statistics window: shown in {res['stats_open']:.1f} ms, figures drawn after "
          f"{res['stats_filled']:.1f} ms, off the GUI thread (baseline {base['stats_open']:.1f} / "
          f"{base['stats_filled']:.1f} ms)")
    print(f"peak memory: {res['rss_mb']:.0f} MB (5-article baseline {base['rss_mb']:.0f} MB)")


if __name__ == "__main__":
    main()
