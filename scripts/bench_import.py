"""Import speed: 10,000 generated articles of about 3 KB, without extraction.

Prints articles/s for a folder of .txt files and for one .jsonl file, peak
memory, and the ratio against a baseline measured in the same run: the bare
cost of writing the same texts with sqlite3 executemany in one transaction.

    python scripts/bench_import.py [--articles N]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
    n = ap.parse_args().articles
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
    print(f"peak memory: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
