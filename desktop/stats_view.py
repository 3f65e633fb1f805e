"""The statistics window: progress, pace and trust in the rules, as charts."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from .theme import KIND_LABELS, KINDS, Theme

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
    def __init__(self, workspace, theme: Theme, parent=None):
        super().__init__(parent)
        colours = theme.palette.status
        self.setWindowTitle("Statistics — Fact Review")
        self.resize(760, 820)
        body = QWidget()
        lay = QVBoxLayout(body)
        stats = workspace.stats()
        rep = workspace.report()

        legend = " ".join(f"<span style='color:{colours[s]}'>■</span> {s}" for s in STATUS_ORDER)
        reviewed = stats.facts - stats.by_status.get("pending", 0)
        lay.addWidget(_section(theme, "Progress", f"{reviewed:,} of {stats.facts:,} facts reviewed "
                                           f"in {stats.articles:,} articles &nbsp; {legend}"))
        rows = []
        for k in KINDS:
            segs = [(stats.by_kind_status.get((k, s), 0), colours[s]) for s in STATUS_ORDER]
            total = sum(v for v, _ in segs)
            if total:
                done = total - stats.by_kind_status.get((k, "pending"), 0)
                rows.append((KIND_LABELS[k], segs, f"{done}/{total}"))
        self.progress = BarChart(rows, theme)
        lay.addWidget(self.progress)

        lay.addWidget(_section(theme, "Pace", "decisions per hour, by review session "
                                       "(a pause over 30 minutes starts a new session)"))
        rows = [(f"{s.reviewer} · {s.start:%m-%d %H:%M}", [(s.per_hour, theme.palette.accent)],
                 f"{s.per_hour:,.0f}/h, {s.decisions} decisions") for s in rep.sessions[-15:]]
        self.pace = BarChart(rows or [("no sessions yet", [], "")], theme)
        lay.addWidget(self.pace)

        def rate_rows(rates, label=lambda n: n):
            return [(label(r.name), [(r.accepted / r.reviewed, colours["accepted"]),
                                     (r.edited / r.reviewed, colours["edited"]),
                                     (r.rejected / r.reviewed, colours["rejected"])],
                     f"{r.rate:.0%} of {r.reviewed}") for r in rates]

        key = (f"<span style='color:{colours['accepted']}'>■</span> accepted as extracted "
               f"<span style='color:{colours['edited']}'>■</span> edited "
               f"<span style='color:{colours['rejected']}'>■</span> rejected")
        lay.addWidget(_section(theme, "Acceptance by kind", key))
        self.by_kind = BarChart(rate_rows(rep.by_kind, lambda n: KIND_LABELS.get(n, n))
                                or [("nothing reviewed yet", [], "")], theme, 1.0)
        lay.addWidget(self.by_kind)
        lay.addWidget(_section(theme, "Acceptance by extractor rule", "worst first: the rules to fix or distrust"))
        self.by_rule = BarChart(rate_rows(rep.by_rule) or [("nothing reviewed yet", [], "")], theme, 1.0)
        lay.addWidget(self.by_rule)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
