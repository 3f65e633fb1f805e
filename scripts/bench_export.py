"""CSV export of 1,000,000 facts: time and memory, against a baseline in the same run.

The baseline is the floor: the same rows read with sqlite3 and written with the
csv module, nothing else. Builds (once, cached in --dir) a workspace of 33,334
generated articles with 30 facts each.

    python scripts/bench_export.py [--facts 1000000]
"""
from __future__ import annotations

import argparse
import csv
import resource
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_window import build  # noqa: E402

from db.store import Store  # noqa: E402
from facts.tables import ExportFilter, write_facts_csv  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--dir", default=str(ROOT / "bench-out"))
    args = ap.parse_args()
    d = Path(args.dir)
    d.mkdir(exist_ok=True)
    n_articles = -(-args.facts // 30)
    db = d / f"export-{n_articles}.sqlite"
    if not db.exists():
        print(f"building {db} ...")
        build(db, n_articles)

    con = sqlite3.connect(db)
    t0 = time.perf_counter()
    sink = open(d / "baseline.csv", "w", encoding="utf-8-sig", newline="")
    w = csv.writer(sink)
    for row in con.execute(
            "SELECT a.uid, a.origin, a.title, a.published, a.source, f.kind, f.text, f.start, f.end,"
            " f.value, f.unit, f.approx, f.currency, f.title, f.honorific, f.acronym, f.level,"
            " f.doc_type, f.issuer, f.date, f.confidence, f.extractor, f.status, NULL, f.reviewed_at,"
            " f.note, NULL FROM facts f JOIN articles a ON a.id = f.article_id"
            " ORDER BY f.article_id, f.start, f.end, f.id"):
        w.writerow(row)
    sink.close()
    base = time.perf_counter() - t0
    con.close()
    rss_before = rss_mb()

    store = Store.open(db)
    out = d / "export.csv"
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8-sig", newline="") as sink2:
        n = write_facts_csv(store.iter_fact_rows(**ExportFilter(statuses=None).query()), sink2)
    dt = time.perf_counter() - t0
    store.close()
    print(f"{n:,} facts, {out.stat().st_size / 1e6:.0f} MB of CSV written to {out}")
    print(f"baseline (sqlite3 + csv, nothing else): {base:5.2f} s")
    print(f"fact-review CSV export              : {dt:5.2f} s ({n / dt:,.0f} facts/s, "
          f"{dt / base:.2f}x baseline)")
    print(f"peak memory: {rss_mb():.0f} MB (before the export: {rss_before:.0f} MB)")


if __name__ == "__main__":
    main()
