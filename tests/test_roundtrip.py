"""JSONL export is lossless: export, import into an empty workspace, export again."""
import io
import json

from db.store import Store
from facts.exporter import write_jsonl
from app.importing import import_paths
from facts.model import validate_fact


def facts_of(dump: str):
    return [(a["id"], a["content"], a["title"], a["facts"]) for a in map(json.loads, dump.splitlines())]


def test_export_import_export_is_identical(seeded_store, tmp_path):
    store = seeded_store
    aid = store.article_ids()[0]
    text = store.article(aid).text
    i = text.index("8.900")
    added = store.add_fact(aid, validate_fact({
        "kind": "quantity", "start": i, "end": i + 5, "text": "8.900", "value": "8900",
        "unit": "cán bộ", "approx": "more_than", "extractor": "manual"}), "lan")
    store.decide(added.id, "edit", "lan", status="edited", changes={"value": "8901"}, note="sửa")
    j = text.index("Bộ Y tế")
    f2 = store.add_fact(aid, validate_fact({
        "kind": "organization", "start": j, "end": j + 7, "text": "Bộ Y tế", "value": "Bộ Y tế"}), "an")
    store.decide(f2.id, "reject", "an", status="rejected")

    first = io.StringIO()
    write_jsonl(store.iter_articles(), first)
    path = tmp_path / "export.jsonl"
    path.write_text(first.getvalue(), encoding="utf-8")

    other = Store.open(tmp_path / "other.sqlite")
    report = import_paths(other, [path])
    assert report.articles == 5 and not report.failed
    second = io.StringIO()
    write_jsonl(other.iter_articles(), second)
    other.close()
    assert facts_of(second.getvalue()) == facts_of(first.getvalue())
    facts = json.loads(first.getvalue().splitlines()[0])["facts"]
    statuses = {f["text"]: (f["status"], f["reviewer"], f["value"], f["note"]) for f in facts}
    assert statuses["8.900"] == ("edited", "lan", "8901", "sửa")
    assert statuses["Bộ Y tế"] == ("rejected", "an", "Bộ Y tế", None)
