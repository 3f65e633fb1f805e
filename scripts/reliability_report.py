"""What was tried on purpose and what held, as a table to quote.

Runs the scenarios of tests/reliability/scenarios.py (the same ones the tests
assert) in a temporary folder and prints one line each, with its notes.

    python scripts/reliability_report.py [--kills 100]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability import (scenarios, scenarios_input, scenarios_time,  # noqa: E402
                               scenarios_workspace)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kills", type=int, default=100)
    args = ap.parse_args()
    runs = [
        ("kills", lambda d: scenarios.kills(d, times=args.kills)),
        ("io", scenarios.io_failures),
        ("second", scenarios.second_instance),
        ("broken", scenarios.broken_workspaces),
        ("backups", scenarios.backups),
        ("bad", scenarios.bad_inputs),
        ("hostile", scenarios_input.hostile_input),
        ("workspace", scenarios_workspace.workspace_audit),
        ("time", scenarios_time.linear_time),
    ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for key, run in runs:
            d = Path(tmp) / key
            d.mkdir()
            t0 = time.perf_counter()
            out = run(d)
            rows.append((out, time.perf_counter() - t0))
            print(f"  … {out.name}: {out.held}/{out.tried}", file=sys.stderr)
    width = max(len(o.name) for o, _ in rows)
    print(f"{'scenario':<{width}}  {'tried':>5}  {'held':>5}  {'':4}  time")
    for out, dt in rows:
        print(f"{out.name:<{width}}  {out.tried:>5}  {out.held:>5}  {'ok' if out.ok else 'FAIL':4}  {dt:5.1f} s")
    print()
    for out, _ in rows:
        for note in out.notes:
            print(f"- {out.name}: {note}")
    sys.exit(0 if all(o.ok for o, _ in rows) else 1)


if __name__ == "__main__":
    main()
