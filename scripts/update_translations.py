"""Refresh the interface's translations: extract the marked strings of the window into the
catalogues (resources/i18n/*.ts) with pyside6-lupdate, keeping every translation already made,
then compile them with pyside6-lrelease into the .qm files the app loads.

    .venv/bin/python scripts/update_translations.py          # after changing the window's texts
    .venv/bin/python scripts/update_translations.py --check  # exit 1 if a .qm or .ts is stale

Then translate what lupdate marked unfinished (pyside6-linguist resources/i18n/fact_review_vi.ts,
or any editor) and run it again. tests/test_i18n.py fails while a string has no translation.
Both the .ts and the .qm are committed: the app, the wheel and the self-contained build need no
Qt tool at run time.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ["vi"]


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 (pip install -e .)")
    return found


def sources() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in sorted((ROOT / "desktop").glob("*.py"))]


def update(ts: Path) -> None:
    subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-silent",
                    *sources(), "-ts", str(ts)], cwd=ROOT, check=True)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="change nothing; exit 1 if a catalogue misses strings or a .qm is stale")
    args = ap.parse_args(argv)
    stale = []
    for lang in LANGUAGES:
        ts, qm = I18N / f"fact_review_{lang}.ts", I18N / f"fact_review_{lang}.qm"
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                fresh_ts, fresh_qm = Path(tmp) / ts.name, Path(tmp) / qm.name
                shutil.copy(ts, fresh_ts)
                update(fresh_ts)
                if fresh_ts.read_bytes() != ts.read_bytes():
                    stale.append(str(ts.relative_to(ROOT)))
                release(ts, fresh_qm)
                if not qm.exists() or fresh_qm.read_bytes() != qm.read_bytes():
                    stale.append(str(qm.relative_to(ROOT)))
            continue
        I18N.mkdir(parents=True, exist_ok=True)
        update(ts)
        release(ts, qm)
        print(f"{ts.relative_to(ROOT)} → {qm.relative_to(ROOT)}")
    if stale:
        print("stale: " + ", ".join(stale) + " — run scripts/update_translations.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
