"""The statistics window: progress, pace and trust in the rules, as charts."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from .i18n import day_month_time, num, percent, tr
from .theme import KINDS, Theme, kind_label, status_label

STATUS_ORDER = ["accepted", "edited", "added", "rejected", "pending"]


class BarChart(QWidget):
    """Horizontal bars, each a stack of (value, colour) segments, with a label and a note."""

    ROW = 22

    def __init__(self, rows: list[tuple[str, list[tuple[float, str]], str]], theme: Theme,
                 scale: float = 0.0, parent=None):
        super().__init__(parent)
        self.rows = rows
        self.theme = theme
        self.scale = scale or max((sum(v for v, _ in segs) for _, segs, _ in rows), default=1) or 1
        self.setMinimumHeight(self.ROW * max(1, len(rows)) + 6)

    def sizeHint(self) -> QSize:
        return QSize(560, self.ROW * max(1, len(self.rows)) + 6)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        fm = p.fontMetrics()
        label_w = min(260, max((fm.horizontalAdvance(r[0]) for r in self.rows), default=0) + 12)
        note_w = max((fm.horizontalAdvance(r[2]) for r in self.rows), default=0) + 12
        bar_w = max(40, self.width() - label_w - note_w - 8)
        for i, (label, segs, note) in enumerate(self.rows):
            y = 3 + i * self.ROW
            p.setPen(self.theme.colour("text"))
            p.drawText(QRectF(0, y, label_w - 8, self.ROW - 4), Qt.AlignRight | Qt.AlignVCenter,
                       fm.elidedText(label, Qt.ElideLeft, label_w - 8))
            x = float(label_w)
            p.setPen(Qt.NoPen)
            p.setBrush(self.theme.colour("track"))
            p.drawRoundedRect(QRectF(x, y + 3, bar_w, self.ROW - 10), 3, 3)
            for value, colour in segs:
                w = bar_w * value / self.scale
                p.setBrush(QColor(colour))
                p.drawRect(QRectF(x, y + 3, w, self.ROW - 10))
                x += w
            p.setPen(self.theme.colour("muted"))
            p.drawText(QRectF(label_w + bar_w + 8, y, note_w, self.ROW - 4),
                       Qt.AlignLeft | Qt.AlignVCenter, note)
        p.end()


def _section(theme: Theme, title: str, text: str = "") -> QLabel:
    lab = QLabel(f"<h3 style='margin-bottom:0'>{title}</h3>"
                 + (f"<span style='color:{theme.palette.muted}'>{text}</span>" if text else ""))
    lab.setWordWrap(True)
    return lab


class StatsWindow(QDialog):
    """Shown at once; the figures are read by `tasks` (desktop.tasks.TaskRunner) off the GUI
    thread, from the workspace's maintained counts and its review log, and drawn when they
    come (without `tasks`: read here, before the window shows)."""

    def __init__(self, workspace, theme: Theme, parent=None, tasks=None):
        super().__init__(parent)
        self.theme = theme
        self.setWindowTitle(tr("Statistics — Fact Review"))
        self.resize(760, 820)
        body = QWidget()
        self._lay = QVBoxLayout(body)
        self.progress = self.pace = self.by_kind = self.by_rule = None
        self.loading = QLabel(tr("Counting…"))
        self._lay.addWidget(self.loading)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)

        def job(_progress, _cancelled):
            return workspace.stats(), workspace.report()

        if tasks is None:
            self._fill(job(None, None))
        else:
            tasks.run(tr("Statistics…"), job, self._fill, self._failed, show_progress=False)

    def _failed(self, message: str) -> None:
        self.loading.setText(tr("The statistics could not be read: {reason}").format(reason=message.splitlines()[0]))

    def _fill(self, result) -> None:
        stats, rep = result
        theme, lay = self.theme, self._lay
        colours = theme.palette.status
        self.loading.hide()

        legend = " ".join(f"<span style='color:{colours[s]}'>■</span> {status_label(s)}" for s in STATUS_ORDER)
        reviewed = stats.facts - stats.by_status.get("pending", 0)
        lay.addWidget(_section(theme, tr("Progress"), tr("{done} of {total} facts reviewed in {articles} articles").format(
            done=num(reviewed), total=num(stats.facts), articles=num(stats.articles)) + f" &nbsp; {legend}"))
        rows = []
        for k in KINDS:
            segs = [(stats.by_kind_status.get((k, s), 0), colours[s]) for s in STATUS_ORDER]
            total = sum(v for v, _ in segs)
            if total:
                done = total - stats.by_kind_status.get((k, "pending"), 0)
                rows.append((kind_label(k), segs, f"{num(done)}/{num(total)}"))
        self.progress = BarChart(rows, theme)
        lay.addWidget(self.progress)

        lay.addWidget(_section(theme, tr("Pace"), tr("decisions per hour, by review session "
                                                      "(a pause over 30 minutes starts a new session)")))
        rows = [(f"{s.reviewer} · {day_month_time(s.start)}", [(s.per_hour, theme.palette.accent)],
                 tr("{rate}/h, {n} decisions").format(rate=num(round(s.per_hour)), n=num(s.decisions)))
                for s in rep.sessions[-15:]]
        self.pace = BarChart(rows or [(tr("no sessions yet"), [], "")], theme)
        lay.addWidget(self.pace)

        def rate_rows(rates, label=lambda n: n):
            return [(label(r.name), [(r.accepted / r.reviewed, colours["accepted"]),
                                     (r.edited / r.reviewed, colours["edited"]),
                                     (r.rejected / r.reviewed, colours["rejected"])],
                     tr("{rate} of {n}").format(rate=percent(r.rate), n=num(r.reviewed))) for r in rates]

        as_extracted = tr("accepted as extracted")
        key = (f"<span style='color:{colours['accepted']}'>■</span> {as_extracted} "
               f"<span style='color:{colours['edited']}'>■</span> {status_label('edited')} "
               f"<span style='color:{colours['rejected']}'>■</span> {status_label('rejected')}")
        lay.addWidget(_section(theme, tr("Acceptance by kind"), key))
        self.by_kind = BarChart(rate_rows(rep.by_kind, kind_label)
                                or [(tr("nothing reviewed yet"), [], "")], theme, 1.0)
        lay.addWidget(self.by_kind)
        lay.addWidget(_section(theme, tr("Acceptance by extractor rule"), tr("worst first: the rules to fix or distrust")))
        self.by_rule = BarChart(rate_rows(rep.by_rule) or [(tr("nothing reviewed yet"), [], "")], theme, 1.0)
        lay.addWidget(self.by_rule)
        lay.addStretch(1)
