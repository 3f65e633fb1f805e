"""Progress on a terminal: a bar when it is one, plain lines when it is a file or pipe."""
from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, label: str, stream: TextIO | None = None, interval: float = 1.0):
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.interval = interval if not self.tty else 0.1
        self._last = time.monotonic()  # a run shorter than one interval prints nothing
        self._shown = False

    def __call__(self, done: int, total: int, what: str = "") -> None:
        t = time.monotonic()
        final = total and done >= total
        if (not final or not self._shown) and t - self._last < self.interval:
            return
        self._last = t
        if self.tty:
            width = 30
            filled = int(width * done / total) if total else 0
            tail = what[-40:] if what else ""
            self.stream.write(
                f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {tail:<40}"
            )
            if final:
                self.stream.write("\n")
        elif total and (final or done):
            self.stream.write(f"{self.label}: {done}/{total}\n")
        self.stream.flush()
        self._shown = True
