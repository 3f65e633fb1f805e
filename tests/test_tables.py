"""CSV and XLSX exports: Vietnamese, quoting, formula injection, filters, and the way home."""
import csv
import io
from datetime import datetime

import pytest

from db.store import Store
from app.importing import import_paths
from facts.tables import (ARTICLE_COLUMNS, FACT_COLUMNS, ExportFilter, neutralise, restore,
                          write_articles_csv, write_facts_csv, write_xlsx)

from tests import seed_facts

PAYLOADS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", '=HYPERLINK("http://x","y")',
            "=cmd|' /C calc'!A0", "-", "+84 912", "@"]


@pytest.fixture
def reviewed(store):
    """A workspace with decisions of every kind and awkward text in notes: the sample articles
    with the fixed facts of tests/data/seed_facts.jsonl."""
    s = seed_facts.load(store)
    aid = s.article_ids()[0]
    facts = s.facts(aid)
    s.decide(facts[0].id, "accept", "lan", status="accepted", note='dấu phẩy, "ngoặc kép"\nxuống dòng')
    s.decide(facts[1].id, "reject", "an", status="rejected")
    s.decide(facts[2].id, "edit", "lan", status="edited", changes={"value": "Bộ Y tế Việt Nam"})
    for i, payload in enumerate(PAYLOADS):
        s.decide(facts[3 + i].id, "accept", "lan", status="accepted", note=payload)
    return s


def csv_text(store, flt=None, **kw) -> str:
    buf = io.StringIO(newline="")
    write_facts_csv(store.iter_fact_rows(**(flt or ExportFilter()).query()), buf, **kw)
    return buf.getvalue()


def test_default_is_curated_facts(reviewed):
    rows = list(csv.DictReader(io.StringIO(csv_text(reviewed), newline="")))
    assert {r["status"] for r in rows} == {"accepted", "edited"}
    assert len(rows) == 2 + len(PAYLOADS)
    assert list(rows[0]) == FACT_COLUMNS


def test_quotes_commas_newlines_survive_and_injection_is_inert(reviewed):
    rows = list(csv.DictReader(io.StringIO(csv_text(reviewed), newline="")))
    notes = [r["note"] for r in rows if r["note"]]
    assert 'dấu phẩy, "ngoặc kép"\nxuống dòng' in notes
    for p in PAYLOADS:
        assert "'" + p in notes, p  # inert: a leading apostrophe
    for r in rows:
        for v in r.values():
            assert not (v and v[0] in "=+-@\t\r" and v != v.lstrip("=+-@\t\r") and not _number(v)), v
    edited = next(r for r in rows if r["status"] == "edited")
    assert edited["value"] == "Bộ Y tế Việt Nam" and edited["value_before_edit"] == "Bộ Y tế"
    numbers = [r["value"] for r in rows if r["kind"] == "quantity"]
    assert numbers and all(not n.startswith("'") for n in numbers)


def _number(v):
    try:
        float(v)
        return True
    except ValueError:
        return False


def test_neutralise_can_be_turned_off(reviewed):
    rows = list(csv.DictReader(io.StringIO(csv_text(reviewed, neutralise_cells=False), newline="")))
    assert "=1+1" in [r["note"] for r in rows]


def test_neutralise_and_restore():
    for p in PAYLOADS:
        assert restore(neutralise(p)) == p
    assert neutralise("-12.5") == "-12.5" and neutralise(42) == 42 and neutralise("Bộ") == "Bộ"


def test_bom_by_default_and_pandas_reads_it(reviewed, tmp_path, capsys):
    from app.cli import main

    out = tmp_path / "facts.csv"
    assert main(["--db", str(reviewed.path), "export", "--format", "csv", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert list(df.columns) == FACT_COLUMNS
    assert 'dấu phẩy, "ngoặc kép"\nxuống dòng' in set(df["note"])
    plain = tmp_path / "plain.csv"
    main(["--db", str(reviewed.path), "export", "--format", "csv", "--encoding", "utf-8", "-o", str(plain)])
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")


def test_filters(reviewed):
    def rows(flt):
        return list(csv.DictReader(io.StringIO(csv_text(reviewed, flt), newline="")))

    assert {r["status"] for r in rows(ExportFilter(statuses=None))} >= {"pending", "rejected"}
    assert {r["status"] for r in rows(ExportFilter(statuses={"rejected"}))} == {"rejected"}
    assert {r["reviewer"] for r in rows(ExportFilter(statuses=None, reviewer="an"))} == {"an"}
    assert {r["kind"] for r in rows(ExportFilter(statuses=None, kinds={"location"}))} == {"location"}
    assert rows(ExportFilter(statuses=None, since=datetime(2999, 1, 1))) == []


def test_articles_csv(reviewed):
    buf = io.StringIO(newline="")
    assert write_articles_csv(reviewed.iter_article_rows(), buf) == 5
    rows = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert list(rows[0]) == ARTICLE_COLUMNS
    first = rows[0]
    assert int(first["facts"]) == len(seed_facts.ARTICLES[0]["facts"])
    assert int(first["rejected"]) == 1 and int(first["edited"]) == 1


def test_csv_round_trip_into_another_workspace(reviewed, tmp_path):
    first = csv_text(reviewed, ExportFilter(statuses=None))
    path = tmp_path / "facts.csv"
    path.write_text(first, encoding="utf-8-sig", newline="")
    other = seed_facts.load(Store.open(tmp_path / "other.sqlite"))  # the same facts, undecided
    report = import_paths(other, [path])
    assert not report.failed, report.files[0].error
    assert csv_text(other, ExportFilter(statuses=None)) == first
    # and coming home a second time changes nothing
    again = import_paths(other, [path])
    assert sum(f.facts_merged for f in again.files) == 0
    other.close()


def test_spreadsheet_edit_comes_home(reviewed, tmp_path):
    rows = list(csv.reader(io.StringIO(csv_text(reviewed), newline="")))
    i_status, i_note = FACT_COLUMNS.index("status"), FACT_COLUMNS.index("note")
    rows[1][i_status] = "rejected"
    rows[1][i_note] = "sai"
    path = tmp_path / "edited.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    report = import_paths(reviewed, [path])
    assert report.files[0].facts_merged == 1
    aid = reviewed.article_ids()[0]
    changed = [f for f in reviewed.facts(aid) if f.note == "sai"]
    assert len(changed) == 1 and changed[0].status == "rejected"
    assert reviewed.review_log(changed[0].id)[0].action == "import"


def test_facts_csv_for_unknown_article_is_refused_whole(reviewed, tmp_path):
    rows = list(csv.reader(io.StringIO(csv_text(reviewed), newline="")))
    rows[2][0] = "no-such-article"
    path = tmp_path / "bad.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    before = csv_text(reviewed, ExportFilter(statuses=None))
    report = import_paths(reviewed, [path])
    assert "row 3, line 4: no article 'no-such-article'" in report.files[0].error
    assert csv_text(reviewed, ExportFilter(statuses=None)) == before


def test_xlsx_typed_frozen_filtered(reviewed, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "facts.xlsx"
    n_facts, n_art = write_xlsx(reviewed.iter_fact_rows(**ExportFilter(statuses=None).query()), reviewed.iter_article_rows(), path)
    wb = load_workbook(path)
    facts, arts = wb["Facts"], wb["Articles"]
    assert facts.freeze_panes == "A2" and facts.auto_filter.ref.startswith("A1:")
    header = [c.value for c in facts[1]]
    assert header == FACT_COLUMNS
    rows = [dict(zip(header, [c.value for c in r])) for r in facts.iter_rows(min_row=2)]
    assert len(rows) == n_facts == reviewed.stats().facts
    q = next(r for r in rows if r["kind"] == "quantity")
    assert isinstance(q["value"], (int, float)) and isinstance(q["start"], int)
    assert isinstance(next(r for r in rows if r["reviewed_at"])["reviewed_at"], datetime)
    assert all(not (isinstance(r["note"], str) and r["note"][:1] in "=+-@") for r in rows)
    assert arts.max_row == n_art + 1 == 6


def test_xlsx_past_the_row_limit_continues_on_further_sheets(reviewed, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "big.xlsx"
    every = ExportFilter(statuses=None)
    all_rows = sum(1 for _ in reviewed.iter_fact_rows(**every.query()))
    limit = 40  # rows a sheet, header included: the export crosses it several times
    n_facts, n_art = write_xlsx(reviewed.iter_fact_rows(**every.query()), reviewed.iter_article_rows(), path, max_rows=limit)
    assert n_facts == all_rows > 2 * limit
    wb = load_workbook(path, read_only=True)
    fact_sheets = [n for n in wb.sheetnames if n.startswith("Facts")]
    assert fact_sheets == ["Facts"] + [f"Facts {i}" for i in range(2, len(fact_sheets) + 1)]
    assert len(fact_sheets) == -(-all_rows // (limit - 1))
    rows = []
    for name in fact_sheets:
        sheet = list(wb[name].iter_rows(values_only=True))
        assert len(sheet) <= limit and list(sheet[0]) == FACT_COLUMNS  # every sheet has its header
        rows += sheet[1:]
    assert len(rows) == all_rows  # nothing lost or repeated at the seams
    starts = [(r[0], r[FACT_COLUMNS.index("start")]) for r in rows]
    assert starts == [(r[0], r[FACT_COLUMNS.index("start")]) for r in reviewed.iter_fact_rows(**every.query())]
    assert wb.sheetnames[-1] == "Articles" and n_art == 5
    wb.close()
