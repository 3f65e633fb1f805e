"""Curated data as tables: CSV that opens right in Excel, and XLSX. Streamed, never built whole.

Formula injection: a spreadsheet runs a cell that begins with =, +, -, @, a tab
or a carriage return. Following OWASP, such a text cell is written with a
leading apostrophe, which makes it inert; numbers stay numbers. `import` of a
facts CSV removes that apostrophe again. Turn it off with neutralise=False.
"""
from __future__ import annotations

import csv
import os
import tempfile
from collections import namedtuple
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, TextIO

from .model import ALL_KIND_FIELDS, CURATED, is_number

# "title" is a person's title (a kind field); the article's is "article_title".
FACT_COLUMNS = [
    "article_id", "origin", "article_title", "published", "source", "kind", "text", "start", "end",
    "value", *ALL_KIND_FIELDS, "confidence", "extractor", "status", "reviewer", "reviewed_at",
    "note", "value_before_edit",
]
ARTICLE_COLUMNS = ["article_id", "origin", "title", "published", "source", "author", "url",
                   "facts", "pending", "accepted", "edited", "rejected", "added", "flagged"]
#: A row of the facts table and one of the articles table, as the workspace streams them.
FactRow = namedtuple("FactRow", FACT_COLUMNS)
ArticleRow = namedtuple("ArticleRow", ARTICLE_COLUMNS)
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC_KINDS = ("quantity", "money", "percentage")


@dataclass
class ExportFilter:
    """Which facts leave: by default the curated ones (accepted, edited, added)."""

    statuses: Optional[set[str]] = field(default_factory=lambda: {s.value for s in CURATED})
    kinds: Optional[set[str]] = None
    reviewer: Optional[str] = None
    since: Optional[datetime] = None
    until: Optional[datetime] = None

    def query(self) -> dict[str, Any]:
        return {"statuses": self.statuses, "kinds": self.kinds, "reviewer": self.reviewer,
                "since": self.since, "until": self.until}


def neutralise(value: Any) -> Any:
    """Make a text cell inert for spreadsheets; leave numbers alone."""
    if isinstance(value, str) and value.startswith(DANGEROUS) and not is_number(value):
        return "'" + value
    return value


def restore(value: str) -> str:
    """Undo neutralise() on a cell read back."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


_TEXT_COLUMNS = [i for i, c in enumerate(FACT_COLUMNS)
                 if c not in ("start", "end", "confidence", "reviewed_at")]
_DANGER = frozenset(DANGEROUS)


def _inert(row, text_columns) -> list:
    row = list(row)
    for i in text_columns:
        v = row[i]
        if v and v[0] in _DANGER and not is_number(v):
            row[i] = "'" + v
    return row


def write_facts_csv(rows: Iterable[FactRow], out: TextIO, *, neutralise_cells: bool = True,
                    progress: Optional[Callable[[int], None]] = None) -> int:
    """RFC 4180 CSV (the csv module's quoting, \\r\\n line ends); returns rows written.
    `out` decides the encoding: open it with utf-8-sig for Excel. None is written empty."""
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(FACT_COLUMNS)
    n = 0
    for row in rows:
        w.writerow(_inert(row, _TEXT_COLUMNS) if neutralise_cells else row)
        n += 1
        if progress and n % 50_000 == 0:
            progress(n)
    return n


def write_articles_csv(rows: Iterable[ArticleRow], out: TextIO, *, neutralise_cells: bool = True) -> int:
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(ARTICLE_COLUMNS)
    n = 0
    clean = neutralise if neutralise_cells else (lambda v: v)
    for row in rows:
        w.writerow(["" if v is None else clean(v) for v in row])
        n += 1
    return n


def _spool_in(sheet, folder: Path) -> None:
    """Make a write-only sheet spool its rows into `folder` instead of the system temp folder
    (openpyxl names no option for it; its writer takes the file to write, and its cleanup
    expects the file in its list of temp files)."""
    from openpyxl.worksheet import _writer

    fd, name = tempfile.mkstemp(prefix="sheet.", suffix=".xml", dir=folder)
    os.close(fd)
    _writer.ALL_TEMP_FILES.append(name)
    sheet._writer = _writer.WorksheetWriter(sheet, out=name)
    sheet._writer.write_top()


EXCEL_MAX_ROWS = 1_048_576  # a worksheet's rows in Excel, its header included


class _Sheets:
    """Rows over as many sheets as they need: "Facts", "Facts 2", … — Excel cannot open
    a sheet past its row limit, so a big export continues on the next sheet."""

    def __init__(self, wb, name: str, header: list[str], max_rows: int, scratch: Optional[Path] = None):
        self.wb, self.name, self.header, self.max_rows = wb, name, header, max_rows
        self.scratch = scratch
        self.sheets: list[tuple[Any, int]] = []  # (sheet, data rows)
        self.total = 0
        self._new()

    def _new(self) -> None:
        from openpyxl.utils import get_column_letter

        if self.sheets:
            self._close()
        n = len(self.sheets) + 1
        sheet = self.wb.create_sheet(self.name if n == 1 else f"{self.name} {n}")
        if self.scratch is not None:
            _spool_in(sheet, self.scratch)
        sheet.freeze_panes = "A2"
        sheet.append(self.header)
        self._last_col = get_column_letter(len(self.header))
        self.sheets.append((sheet, 0))

    @property
    def sheet(self):
        return self.sheets[-1][0]

    def _close(self) -> None:
        sheet, rows = self.sheets[-1]
        sheet.auto_filter.ref = f"A1:{self._last_col}{rows + 1}"

    def append(self, row: list) -> None:
        sheet, rows = self.sheets[-1]
        if rows + 1 >= self.max_rows:
            self._new()
            sheet, rows = self.sheets[-1]
        sheet.append(row)
        self.sheets[-1] = (sheet, rows + 1)
        self.total += 1

    def finish(self) -> int:
        self._close()
        return self.total


def write_xlsx(fact_rows: Iterable[FactRow], article_rows: Iterable[ArticleRow], path, *,
               max_rows: int = EXCEL_MAX_ROWS, scratch: Optional[Path] = None) -> tuple[int, int]:
    """Facts and articles sheets (continued on "Facts 2"… past Excel's row limit), typed
    cells, header frozen and filtered; openpyxl's streaming writer, its spooled sheets
    kept in `scratch` (see facts.outfile) rather than the system's temp folder."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    facts = _Sheets(wb, "Facts", FACT_COLUMNS, max_rows, scratch)
    for fact in fact_rows:
        row = FactRow._make(_cell_text(v) for v in fact)
        if row.kind in NUMERIC_KINDS:
            row = row._replace(value=_number_cell(row.value),
                               value_before_edit=_number_cell(row.value_before_edit))
        if row.reviewed_at:
            # Excel has no time zones: the UTC time, formatted to say so.
            at = datetime.fromisoformat(row.reviewed_at)
            cell = WriteOnlyCell(facts.sheet, value=at.astimezone(timezone.utc).replace(tzinfo=None))
            cell.number_format = 'yyyy-mm-dd hh:mm:ss "UTC"'
            row = row._replace(reviewed_at=cell)
        row = row._replace(published=_date_cell(row.published))
        facts.append([neutralise(v) for v in row])
    arts = _Sheets(wb, "Articles", ARTICLE_COLUMNS, max_rows, scratch)
    for art in article_rows:
        row = ArticleRow._make(_cell_text(v) for v in art)
        row = row._replace(published=_date_cell(row.published))
        arts.append([neutralise(v) for v in row])
    counts = facts.finish(), arts.finish()
    wb.save(path)
    return counts


# Excel keeps 15 significant digits in a number; a longer one would be shown rounded
# (and Python will not even print an int of over 4,300 digits), so it stays text, exact.
EXCEL_DIGITS = 15


def _number_cell(value: Any) -> Any:
    """A stored number as a numeric cell when Excel can hold it exactly, else the text."""
    if not isinstance(value, str) or not is_number(value):
        return value
    whole, _, frac = value.lstrip("-").partition(".")
    digits = (whole.lstrip("0") + frac).strip("0") if whole.strip("0") else frac.lstrip("0")
    if len(digits) > EXCEL_DIGITS or len(whole.lstrip("0")) > 300 or len(frac) - len(frac.lstrip("0")) > 300:
        return value  # beyond a double's precision or range (too big, or too small to be 0)
    return float(value) if frac else int(value)


def _cell_text(value: Any) -> Any:
    """Text a spreadsheet cell can hold: control characters (which XLSX forbids) taken out
    as import does, rather than failing the whole export or writing a file Excel refuses."""
    if isinstance(value, str):
        from .textio import clean

        return clean(value)  # the one rule for what can be stored (U+FFFF too, which XML refuses)
    return value


def _date_cell(value: Optional[str]):
    """An ISO date or date-time as a real date (at its own clock time: Excel has no time
    zones); partial dates stay text."""
    if not value:
        return value
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None) if len(value) >= 10 else value
    except ValueError:
        return value
