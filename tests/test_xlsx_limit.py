"""An XLSX export with more facts than an Excel sheet holds, at Excel's real limit (the
logic at a small limit is tested in test_tables.py; this is the file Excel would open)."""
import re
import zipfile

import pytest
from sqlalchemy import text

from app.importing import import_paths
from facts.tables import EXCEL_MAX_ROWS, ExportFilter, write_xlsx
from tests import review_fixture

OVER = 25  # facts past what one sheet holds


def _last_row(xlsx, member: str) -> int:
    """The number of the last row of one sheet, read from the end of its XML."""
    with zipfile.ZipFile(xlsx) as z, z.open(member) as f:
        tail = b""
        for chunk in iter(lambda: f.read(1 << 20), b""):
            tail = (tail + chunk)[-(1 << 16):]
    return max(int(n) for n in re.findall(rb'<row r="(\d+)"', tail))


@pytest.mark.slow
@pytest.mark.timeout(1800)  # about four minutes: a million rows written, as a user would
def test_an_export_past_excels_row_limit_continues_on_facts_2(store, tmp_path):
    from openpyxl import load_workbook

    import_paths(store, [review_fixture.write(tmp_path)])
    aid = store.article_ids()[0]
    want = EXCEL_MAX_ROWS - 1 + OVER  # every data row of the first sheet, then OVER more
    have = len(store.facts(aid)) + len(store.facts(store.article_ids()[1]))
    with store.engine.begin() as conn:  # copies of one fact, straight into the table
        conn.execute(text(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :k) "
            "INSERT INTO facts (article_id, kind, start, \"end\", text, value, unit, approx, "
            "confidence, extractor, status) SELECT :a, 'quantity', 80, 89, 'hơn 8.900', '8900', "
            "'cán bộ', 'more_than', 0.9, 'copy@1', 'accepted' FROM n"), {"k": want - have, "a": aid})
    path = tmp_path / "big.xlsx"
    n_facts, _ = write_xlsx(store.iter_fact_rows(**ExportFilter(statuses=None).query()), store.iter_article_rows(), path)
    assert n_facts == want
    wb = load_workbook(path, read_only=True)
    assert wb.sheetnames == ["Facts", "Facts 2", "Articles"]
    sheets = {ws.title: f"xl/worksheets/sheet{i}.xml" for i, ws in enumerate(wb.worksheets, start=1)}
    assert _last_row(path, sheets["Facts"]) == EXCEL_MAX_ROWS  # full, never past it
    second = list(wb["Facts 2"].iter_rows(values_only=True))
    assert second[0][:3] == ("article_id", "origin", "article_title")  # its own header
    assert len(second) == OVER + 1  # the rest, and nothing lost or repeated at the seam
