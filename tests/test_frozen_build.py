"""The self-contained build (scripts/build_app.py) starts, opens a fresh workspace and imports.

CI builds it before the tests run; elsewhere the test says how to build it when it is absent.
"""
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

EXE = Path(os.environ.get("FACT_REVIEW_FROZEN") or
           ROOT / "dist" / "fact-review" / ("fact-review.exe" if sys.platform == "win32" else "fact-review"))

pytestmark = pytest.mark.skipif(
    not EXE.exists(),
    reason=f"no self-contained build at {EXE}: build it with "
    "`.venv/bin/pip install -e '.[build]' && .venv/bin/python scripts/build_app.py`")


def _env(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    return env


def test_frozen_build_imports_a_file_and_lists_it(tmp_path):
    ws = tmp_path / "w.sqlite"
    seed = sorted(SEEDS.glob("*.txt"))[0]
    done = subprocess.run([str(EXE), "--db", str(ws), "import", str(seed)], env=_env(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "1 files imported (1 articles)" in done.stdout
    listed = subprocess.run([str(EXE), "--db", str(ws), "articles"], env=_env(tmp_path),
                            capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert "Hơn 8.900 cán bộ y tế cơ sở" in listed.stdout
    with sqlite3.connect(ws) as conn:  # the migrations travelled with the build
        assert conn.execute("SELECT count(*) FROM facts").fetchone()[0] > 0


def test_frozen_build_opens_the_window_on_a_fresh_workspace(tmp_path):
    # A newcomer's first start: the default workspace, made with the sample articles (a
    # --db path where there is none would first ask whether to create it).
    ws = tmp_path / "data" / "fact-review" / "workspace.sqlite"
    proc = subprocess.Popen([str(EXE), "--reviewer", "smoke"], env=_env(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        tables = set()
        while time.monotonic() < deadline and proc.poll() is None and "articles" not in tables:
            time.sleep(0.5)
            if ws.exists():
                try:
                    with sqlite3.connect(f"file:{ws}?mode=ro", uri=True) as conn:
                        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
                except sqlite3.Error:
                    pass
        time.sleep(2)  # past start-up: the window is showing, not crashing on a missing file
        assert proc.poll() is None, f"the build exited with {proc.returncode}: {proc.communicate()[1][-2000:]}"
        assert "articles" in tables
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
