"""Pictures of the window for the README: an article with facts in every state, and the edit form.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py   (writes docs/*.png)
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from db.store import Store  # noqa: E402
from app.workspace import Workspace
from desktop.main_window import MainWindow  # noqa: E402
from desktop.tasks import FakeThreadPool  # noqa: E402
from app.extracting import run_extraction  # noqa: E402
from app.importing import import_paths  # noqa: E402
from facts.model import validate_fact  # noqa: E402


def main() -> None:
    out = ROOT / "docs"
    out.mkdir(exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "sample.sqlite")
        import_paths(store, sorted((ROOT / "seeds").glob("*.txt")))
        run_extraction(store)
        aid = store.article_ids()[2]  # the World Bank project article: every kind
        facts = store.facts(aid)
        by_text = {}
        for f in facts:
            by_text.setdefault(f.text, f)
        for f in facts[:9]:
            store.decide(f.id, "accept", "lan", status="accepted")
        store.decide(facts[9].id, "reject", "lan", status="rejected")
        money = next(f for f in facts if f.kind == "percentage")
        store.decide(money.id, "edit", "lan", status="edited", changes={"value": "76.0"})
        art = store.article(aid)
        i = art.text.index("Đoàn chủ tọa")
        store.add_fact(aid, validate_fact({"kind": "organization", "start": i, "end": i + 12,
                                           "text": art.text[i:i + 12], "value": art.text[i:i + 12]}),
                       "lan")
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.IniFormat)
        w = MainWindow(Workspace(store, "lan"), settings, pool=FakeThreadPool())
        w.resize(1440, 880)
        w.splitter.setSizes([270, 640, 530])
        w.show()
        w.open_article(aid)
        w.facts.step(9)
        w.facts.step(1)
        app.processEvents()
        w.grab().save(str(out / "main-window.png"))
        w.facts.select(next(f.id for f in store.facts(aid) if f.kind == "quantity"))
        w.edit()
        w.facts.form.inputs["value"].setText("8.900")  # read the Vietnamese way: = 8900
        app.processEvents()
        w.grab().save(str(out / "edit-form.png"))
        w.facts.form.cancel()
        w.show_stats()
        app.processEvents()
        w.stats_window.grab().save(str(out / "statistics.png"))
        w.stats_window.close()
        w.close()
        # The same article as a Vietnamese reviewer may keep it: the interface in Vietnamese,
        # the dark theme, text at 150 %.
        from desktop import i18n
        from desktop import settings as prefs_store

        vi = QSettings(str(Path(tmp) / "vi.ini"), QSettings.IniFormat)
        prefs_store.save(vi, prefs_store.Prefs(theme="dark", text_zoom=150, language="vi"))
        i18n.install("vi", app)
        w = MainWindow(Workspace(store, "lan"), vi, pool=FakeThreadPool())
        w.resize(1600, 960)
        w.splitter.setSizes([300, 720, 580])
        w.show()
        w.open_article(aid)
        w.facts.step(9)
        w.facts.step(1)
        app.processEvents()
        w.grab().save(str(out / "main-window-vi-dark-150.png"))
        w.close()
        i18n.install("en", app)
        store.close()
    print(f"wrote main-window.png, edit-form.png, statistics.png and main-window-vi-dark-150.png in {out}")


if __name__ == "__main__":
    main()
