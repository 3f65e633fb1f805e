"""The `fact-review` command: the command line (app.cli), which opens this window when it is
given no command."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Sequence


def _window(path: Path, is_default: bool, reviewer: Optional[str]) -> int:
    from .app import launch  # Qt only when the window is wanted

    return launch(path, is_default, reviewer=reviewer)


def main(argv: Optional[Sequence[str]] = None) -> int:
    from app.cli import main as cli

    return cli(argv, window=_window)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
