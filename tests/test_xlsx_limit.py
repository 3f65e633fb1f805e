"""An XLSX export with more facts than an Excel sheet holds, at Excel's real limit: the file
Excel would open. How rows continue over sheets is tested at a small limit in test_tables.py
(test_xlsx_past_the_row_limit_continues_on_further_sheets, from a workspace); here only what
the real size adds: the default limit is Excel's, and the first sheet ends exactly on its
last row.

The rows come straight from a generator (bare rows, each numbered in `start`), not from a
workspace of a million facts, which took minutes to fill and read for nothing this test
checks; the file is read back from its XML (openpyxl takes seconds only to open it). About
20 s, where it took 4 minutes."""
import re
import zipfile

import pytest

from facts.tables import EXCEL_MAX_ROWS, FACT_COLUMNS, FactRow, write_xlsx

OVER = 25  # facts past what one sheet holds


def test_the_default_limit_is_excels():
    """A worksheet holds 1,048,576 rows (Excel's specifications and limits), its header one."""
    import inspect

    assert EXCEL_MAX_ROWS == 1_048_576
    assert inspect.signature(write_xlsx).parameters["max_rows"].default == EXCEL_MAX_ROWS


NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def _sheets(xlsx) -> dict[str, str]:
    """Sheet name → its XML member, in the workbook's order (openpyxl numbers them so)."""
    with zipfile.ZipFile(xlsx) as z:
        names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
    return {name: f"xl/worksheets/sheet{i}.xml" for i, name in enumerate(names, start=1)}


def _tail(xlsx, member: str) -> bytes:
    """The end of one sheet's XML, streamed: the first sheet is a million rows."""
    with zipfile.ZipFile(xlsx) as z, z.open(member) as f:
        tail = b""
        for chunk in iter(lambda: f.read(1 << 20), b""):
            tail = (tail + chunk)[-(1 << 16):]
    return tail


def _rows(xlsx, member: str) -> list[list[str]]:
    """Every row of a small sheet, as the texts of its cells."""
    from xml.etree import ElementTree

    with zipfile.ZipFile(xlsx) as z:
        root = ElementTree.fromstring(z.read(member))
    return [["".join(c.itertext()) for c in row.iterfind("x:c", NS)]
            for row in root.iterfind("x:sheetData/x:row", NS)]


@pytest.mark.slow
def test_an_export_past_excels_row_limit_continues_on_facts_2(tmp_path):
    want = EXCEL_MAX_ROWS - 1 + OVER  # every data row of the first sheet, then OVER more
    numbered = FactRow(**dict.fromkeys(FACT_COLUMNS))  # one cell a row: its number, in `start`
    path = tmp_path / "big.xlsx"
    n_facts, _ = write_xlsx((numbered._replace(start=i) for i in range(want)), [], path)
    assert n_facts == want
    sheets = _sheets(path)
    assert list(sheets) == ["Facts", "Facts 2", "Articles"]
    # The first sheet is full, never past it: its last row is Excel's last, the fact before the seam.
    last = re.findall(rb'<row r="(\d+)"><c r="H\d+" t="n"><v>(\d+)</v>', _tail(path, sheets["Facts"]))[-1]
    assert tuple(map(int, last)) == (EXCEL_MAX_ROWS, EXCEL_MAX_ROWS - 2)
    second = _rows(path, sheets["Facts 2"])
    assert second[0] == FACT_COLUMNS  # its own header
    # then the rest, in order: nothing lost or repeated at the seam
    assert [int(r[0]) for r in second[1:]] == list(range(EXCEL_MAX_ROWS - 1, want))
