"""facts/ and db/ must run without Qt: a process where PySide6 cannot be imported does a
whole workspace round (open, import, extract, review, export, stats)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import importlib.abc, sys

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
            raise ImportError(f"{name} is not available here")

sys.meta_path.insert(0, NoQt())
import io, pkgutil, facts, db
for pkg in (facts, db):
    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if not m.name.startswith("db.migrations.versions") and m.name != "db.migrations.env":
            __import__(m.name)
from app.cli import main
db_path = sys.argv[1]
assert main(["--db", db_path, "import", sys.argv[2]]) == 0
assert main(["--db", db_path, "stats"]) == 0
assert main(["--db", db_path, "export", "--format", "csv", "--all-statuses", "-o", db_path + ".csv"]) == 0
assert "PySide6" not in sys.modules
print("ok without Qt")
"""


def test_core_and_db_run_without_qt(tmp_path):
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "w.sqlite"), str(ROOT / "seeds")],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "ok without Qt" in out.stdout
    assert (tmp_path / "w.sqlite.csv").read_text(encoding="utf-8-sig").count("\n") > 200
