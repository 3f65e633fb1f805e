"""The others' decisions on screen within a second or two, without moving the reviewer:
the window reads what the review log gained (app.live.LiveLog) every second on an SQLite file,
and at once when a PostgreSQL server says another program committed one."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.live import LiveLog
from app.workspace import WorkspaceError

from .i18n import plural, tr

POLL_MS = 1000  # on a file: reading the log's newest entries costs well under a millisecond
SERVER_POLL_MS = 5000  # on a server, woken by it; the timer only covers a lost connection


class LiveUpdates(QObject):
    woken = Signal()  # from the listener's thread; delivered on the window's

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.log: LiveLog | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.woken.connect(self.poll)
        self.retarget()

    def retarget(self) -> None:
        """Follow the window's workspace: start at the end of its log."""
        self.stop()
        try:
            self.log = LiveLog(self.window.workspace)
        except WorkspaceError:
            self.log = None
            return
        on_server = self.log.listen(self.woken.emit)
        self.timer.start(SERVER_POLL_MS if on_server else POLL_MS)

    def stop(self) -> None:
        self.timer.stop()
        if self.log is not None:
            self.log.close()
            self.log = None

    def mine(self, event_ids) -> None:
        if self.log is not None:
            self.log.mine(event_ids)

    def poll(self) -> None:
        if self.log is None:
            return
        try:
            changes = self.log.read()
        except WorkspaceError:
            return  # the server is away for a moment: the next tick tries again
        if not changes:
            return
        w = self.window
        w.apply_changes(changes, mine=False)
        listed = set(w.article_model.ids)
        if any(a not in listed for a in changes.articles):  # put back by someone else
            w.article_model.set_ids(w.listed_ids())
            w.articles.update_count()
        w.hint(plural(len(changes.events), tr("{n} decision by another reviewer shown"),
                      tr("{n} decisions by other reviewers shown")))
