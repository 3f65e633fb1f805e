"""A decision's round trip on PostgreSQL beside SQLite: the time from a reviewer's key to the
decision committed and read back (Workspace.decide, which locks the article, checks the fact's
version, logs the decision and returns what changed), on the same articles, in the same run.

The PostgreSQL side runs on a throwaway local cluster (tests/pg/server.py: installed with apt
when missing, on a Unix socket); `--url` points it at a server of your own instead, whose
network round trip then counts too.

    python scripts/bench_decision.py [--decisions 500] [--url postgresql+psycopg://…]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.workspace import Workspace  # noqa: E402
from db.engine import location  # noqa: E402
from tests import seed_facts  # noqa: E402


def rounds(where: str, n: int) -> list[float]:
    ws = Workspace.open(location(where), reviewer="lan", create=True)
    try:
        seed_facts.load(ws.store)
        facts = [f for a in ws.article_ids() for f in ws.facts(a)]
        times = []
        for i in range(n):
            fact = facts[i % len(facts)]
            action = ("accept", "reject", "flag")[i % 3]
            began = time.perf_counter()
            changes = ws.decide([fact.id], action, propose=False)
            times.append((time.perf_counter() - began) * 1000)
            facts[i % len(facts)] = changes.facts[0]
        return times
    finally:
        ws.close()


def line(name: str, t: list[float]) -> str:
    q = statistics.quantiles(t, n=20)
    return f"{name:<12} p50 {statistics.median(t):6.2f} ms   p95 {q[18]:6.2f} ms   mean {statistics.mean(t):6.2f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--decisions", type=int, default=500)
    ap.add_argument("--url", help="a PostgreSQL database of your own (empty), instead of a local throwaway one")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        lite = rounds(str(Path(tmp) / "bench.sqlite"), args.decisions)
    cluster = None
    url = args.url
    if url is None:
        from tests.pg.server import Cluster, install

        cluster = Cluster(install()).start()
        url = cluster.url(cluster.create_db())
    try:
        server = rounds(url, args.decisions)
    finally:
        if cluster is not None:
            cluster.stop()
    print(f"{args.decisions} decisions each (accept, reject, flag in turn), on the five sample articles")
    print(line("SQLite", lite))
    print(line("PostgreSQL", server))
    print(f"PostgreSQL / SQLite, median: {statistics.median(server) / statistics.median(lite):.2f}×")


if __name__ == "__main__":
    main()
