"""A keyboard-only review session under a real X server, driven as a reviewer would.

Starts Xvfb, opens the app on a small workspace whose facts are fixed (the one the window
tests use), presses keys with xdotool, and reads the workspace after each step from this
separate process. Needs `apt-get install xvfb xdotool` (Debian/Ubuntu). Prints each step
and whether the workspace shows what the keys should have done; exits 1 if any did not.

    .venv/bin/python scripts/keyboard_session.py [--screenshot out.png]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--screenshot", metavar="PNG", help="save the screen at the end")
    ap.add_argument("--display", default=":97")
    args = ap.parse_args()
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed: apt-get install xvfb xdotool")
            return 2

    from db.store import Store
    from app.importing import import_paths
    from tests import review_fixture

    tmp = Path(tempfile.mkdtemp(prefix="fact-review-session-"))
    db = tmp / "session.sqlite"
    store = Store.open(db)
    import_paths(store, [review_fixture.write(tmp)])
    store.close()

    env = dict(os.environ, DISPLAY=args.display, QT_QPA_PLATFORM="xcb", HOME=str(tmp),
               XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"))
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                            stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    app = subprocess.Popen([sys.executable, "-m", "desktop.entry", "--db", str(db), "--reviewer", "lan"],
                           env=env, cwd=ROOT, stderr=open(tmp / "app.log", "w"))
    results: list[tuple[str, bool, str]] = []
    try:
        wid = _wait_window(env)
        _x(env, "windowactivate", "--sync", wid)
        _x(env, "windowfocus", "--sync", wid)
        time.sleep(1.0)

        def keys(*names: str) -> None:
            for n in names:
                _x(env, "key", "--clearmodifiers", n)
                time.sleep(0.25)

        def typed(text: str) -> None:
            _x(env, "type", "--delay", "60", text)
            time.sleep(0.3)

        def fact(text: str, kind: str = None):
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                q = "SELECT id, text, value, status, kind FROM facts WHERE text LIKE ? || '%'"
                rows = con.execute(q + (" AND kind = ?" if kind else "") + " ORDER BY id",
                                   (text, kind) if kind else (text,)).fetchall()
            finally:
                con.close()
            return rows

        def check(what: str, ok: bool, detail: str) -> None:
            results.append((what, ok, detail))
            print(f"{'ok  ' if ok else 'FAIL'} {what}: {detail}")

        # The window opens on the first pending fact, “Bộ Y tế”; ↓ seven times is “63”.
        keys(*["Down"] * 7)
        keys("e", "ctrl+a")
        typed("8.900")
        keys("Return")
        time.sleep(0.5)
        [(_, _, value, status, _)] = fact("63")
        check("E, ctrl+a, 8.900, Enter on the quantity 63", value == "8900" and status == "edited",
              f"stored value {value!r}, status {status}")

        keys("Up", "Up")  # “Nguyễn Văn Hải”
        keys("shift+Right")
        time.sleep(0.5)
        [(_, text, _, status, _)] = fact("Nguyễn Văn Hải")
        check("Shift+→ on “Nguyễn Văn Hải”", text == "Nguyễn Văn Hải, Vụ" and status == "edited",
              f"span {text!r}, status {status}")
        keys("ctrl+z")
        time.sleep(0.5)
        [(_, text, _, status, _)] = fact("Nguyễn Văn Hải")
        check("Ctrl+Z", text == "Nguyễn Văn Hải" and status == "pending", f"span {text!r}, status {status}")

        keys(*["Up"] * 5)  # the first “Bộ Y tế”
        keys("alt+a")
        time.sleep(0.7)
        rows = fact("Bộ Y tế", "organization")
        exact = [r for r in rows if r[1] == "Bộ Y tế"]
        check("Alt+A on the organisation “Bộ Y tế”", len(exact) == 5 and {r[3] for r in exact} == {"accepted"},
              f"{sum(r[3] == 'accepted' for r in exact)} of {len(exact)} identical mentions accepted "
              "(in both articles)")
        keys("ctrl+z")
        time.sleep(0.7)
        exact = [r for r in fact("Bộ Y tế", "organization") if r[1] == "Bộ Y tế"]
        check("one Ctrl+Z", {r[3] for r in exact} == {"pending"},
              f"{sum(r[3] == 'pending' for r in exact)} of {len(exact)} back to pending")
        if args.screenshot:
            keys("Down", "Down", "Down", "e")  # the edit form on “hơn 8.900”
            time.sleep(0.5)
            _x(env, "key", "--clearmodifiers", "ctrl+a")
            typed("12.500")
            time.sleep(0.5)
            _screenshot(env, args.screenshot)
            keys("Escape")
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
        xvfb.terminate()
    failed = [r for r in results if not r[1]]
    print(f"{len(results) - len(failed)} of {len(results)} steps as expected; app log: {tmp / 'app.log'}")
    return 1 if failed or not results else 0


def _x(env, *args: str) -> str:
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, check=False).stdout.strip()


def _wait_window(env) -> str:
    for _ in range(120):
        out = _x(env, "search", "--onlyvisible", "--name", "Fact Review")
        if out:
            return out.splitlines()[-1]
        time.sleep(0.25)
    raise SystemExit("the window did not appear in 30 s")


def _screenshot(env, path: str) -> None:
    """The whole X screen, grabbed by Qt from outside the app."""
    code = ("import sys; from PySide6.QtWidgets import QApplication; a = QApplication([]); "
            "a.primaryScreen().grabWindow(0).save(sys.argv[1])")
    subprocess.run([sys.executable, "-c", code, path], env=env, check=False)


if __name__ == "__main__":
    sys.exit(main())
