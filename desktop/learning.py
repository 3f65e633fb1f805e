"""Learning from the decisions, from the window: on demand and after every N newly completed
articles, in the background; then the articles with pending facts are extracted again with
the new model, and the status bar says what it changed.

The work itself is the application layer's (app.learning, as `fact-review learn`): the same
training data, the same model kept in the workspace, the same extraction afterwards.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QInputDialog

from app.changes import Changes

from .i18n import num, tr

WINDOW_FOLDS = 3  # the estimate kept with a model learned from the window (the CLI: 5)


class Learning(QObject):
    """Review ▸ Learn from Decisions, and the automatic learning after N completed articles."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.running = False
        self._every = None  # the setting of the workspace open now, read once
        # A decision is followed by a look at the count, once the reviewer pauses.
        self._check = QTimer(self, singleShot=True, interval=1500)
        self._check.timeout.connect(self._maybe_learn)

    def retarget(self) -> None:
        """Another workspace is open: its own setting; a learning still running on the one
        before has been stopped (the window's tasks are cancelled)."""
        self._every = None
        self.running = False
        self._check.stop()

    # -- settings ------------------------------------------------------------------------
    def every(self) -> int:
        """Read once per workspace, not on every decision (this is on the key-press path)."""
        if self._every is None:
            self._every = self.w.workspace.learn_every()
        return self._every

    def ask_every(self) -> None:
        n, ok = QInputDialog.getInt(
            self.w, tr("Learn automatically"),
            tr("Learn again after this many newly completed articles (0: only on demand):"),
            self.every(), 0, 100000)
        if ok:
            self.set_every(n)
            self.w.hint(tr("Learning on demand only") if n == 0 else
                        tr("Learning again after every {n} newly completed articles").format(n=num(n)))

    def set_every(self, n: int) -> None:
        self.w.workspace.set_learn_every(n)
        self._every = n

    # -- automatic -------------------------------------------------------------------------
    def decided(self) -> None:
        """After a decision: look at the count once the reviewer pauses."""
        if self.every():
            self._check.start()

    def _maybe_learn(self) -> None:
        if not self.running and self.w.workspace.learning_due(self.every()):
            self.learn_now(quiet=True)

    # -- learning ------------------------------------------------------------------------------
    def learn_now(self, quiet: bool = False) -> None:
        from app.learning import TooLittleData

        if self.running:
            self.w.hint(tr("Already learning from the decisions…"))
            return
        workspace = self.w.workspace
        self.running = True

        def job(progress, cancelled):
            try:
                return workspace.learn_and_reextract(folds=WINDOW_FOLDS, progress=progress,
                                                     cancelled=cancelled)
            except TooLittleData as exc:
                return str(exc)

        def done(outcome) -> None:
            self.running = False
            if outcome is None:  # cancelled
                return
            if isinstance(outcome, str):
                self.w.hint(tr("Nothing learned yet: {reason}").format(reason=outcome))
                return
            self.w.apply_changes(Changes(many=True))
            self.w.show_saved(tr("Model {version} learned from {articles} articles: {new} new facts proposed "
                                 "in {grew} articles").format(version=outcome.version, articles=num(outcome.articles),
                                                              new=num(outcome.new), grew=num(outcome.grew)))

        def failed(message: str) -> None:
            self.running = False
            self.w.task_failed(message)

        self.w.tasks.run(tr("Learning from the decisions…"), job, done, failed, show_progress=not quiet)
