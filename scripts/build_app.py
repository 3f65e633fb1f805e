"""Build the self-contained app into dist/fact-review/ with PyInstaller.

    .venv/bin/pip install -e ".[build]" && .venv/bin/python scripts/build_app.py

Builds for the system it runs on (Linux here; run the same on Windows or macOS for theirs).
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build" / "pyinstaller"),
           str(ROOT / "packaging" / "fact-review.spec")]
    code = subprocess.call(cmd, cwd=ROOT)
    if code:
        return code
    out = ROOT / "dist" / "fact-review"
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    exe = out / ("fact-review.exe" if sys.platform == "win32" else "fact-review")
    print(f"built {exe} ({size / 2**20:.0f} MB) in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
