"""Long work off the GUI thread, with progress and cancel; the pool is injectable.

A job is a plain function `job(progress, cancelled) -> result`; `progress(done,
total, what)` and `cancelled()` carry no Qt, so the core code it runs stays Qt-free.
"""
from __future__ import annotations

import threading
import traceback
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressDialog

from .i18n import tr
from .safe_text import plain

Job = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    error = Signal(str)


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: _Signals, cancel: threading.Event):
        super().__init__()
        self.job, self.signals, self.cancel = job, signals, cancel
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            result = self.job(lambda d, t, w="": self.signals.progress.emit(d, t, w), self.cancel.is_set)
        except Exception as exc:  # reported to the user; the window goes on
            self.signals.error.emit(f"{exc}\n\n{traceback.format_exc(limit=3)}")
        else:
            self.signals.done.emit(result)


class FakeThreadPool:
    """Runs jobs at once on the calling thread (tests)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


class TaskRunner(QObject):
    def __init__(self, parent_widget, pool: Optional[Any] = None):
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.pool = pool or QThreadPool.globalInstance()
        self._keep: list[_Signals] = []
        self._running: dict[int, threading.Event] = {}  # id of a job's signals: its cancel
        self._stale: set[int] = set()  # jobs of a workspace no longer open: results dropped

    def run(self, title: str, job: Job, on_done: Callable[[Any], None],
            on_error: Callable[[str], None], show_progress: bool = True) -> threading.Event:
        """Start `job` on the pool; returns its cancel, which the job sees as `cancelled()`."""
        cancel = threading.Event()
        signals = _Signals()
        self._keep.append(signals)
        self._running[id(signals)] = cancel
        dialog = None
        if show_progress:
            dialog = QProgressDialog(title, tr("Cancel"), 0, 0, self.parent_widget)
            dialog.setLabel(plain(QLabel(title)))  # it names the file being read: as written
            dialog.setWindowTitle(tr("Fact Review"))
            dialog.setWindowModality(Qt.WindowModal)
            dialog.setMinimumDuration(400)
            dialog.canceled.connect(cancel.set)

            def progress(done: int, total: int, what: str) -> None:
                dialog.setMaximum(max(total, 1))
                dialog.setValue(min(done, max(total, 1) - 1) if done < total else done)
                if what:
                    dialog.setLabelText(f"{title}\n{what[-70:]}")
            signals.progress.connect(progress)

        def finish(cb, value) -> None:
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()
            if signals in self._keep:
                self._keep.remove(signals)
            self._running.pop(id(signals), None)
            if id(signals) in self._stale:
                self._stale.discard(id(signals))
                return
            cb(value)

        signals.done.connect(lambda r: finish(on_done, r))
        signals.error.connect(lambda m: finish(on_error, m))
        self.pool.start(_Runnable(job, signals, cancel))
        return cancel

    def cancel_all(self) -> None:
        """Stop every running job and drop what it would report (the workspace it worked on
        is no longer the window's): a job checks its cancel between steps, and anything it
        finished is saved in that workspace as a whole."""
        for key, cancel in self._running.items():
            cancel.set()
            self._stale.add(key)
