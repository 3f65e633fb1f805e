"""One store, two engines: every feature of the workspace on SQLite and on a real PostgreSQL
server (tests/pg: a throwaway cluster, a database per test), through the application layer."""
import csv
import json
import re

from openpyxl import load_workbook
from sqlalchemy import inspect, select

from app.importing import import_paths
from app.workspace import Workspace
from db.engine import ServerURL, location
from db.schema import Article, Base, Fact
from facts.model import validate_fact
from facts.tables import ExportFilter
from tests import seed_facts
from tests.test_propose import NAME, write_workspace_file

pytest_plugins = ["tests.pg.plugin"]


def stored(ws, article_id):
    """The article and its facts, every column as the engine hands it back."""
    with ws.store.engine.connect() as conn:
        art = conn.execute(select(Article.__table__).where(Article.id == article_id)).mappings().all()
        facts = conn.execute(select(Fact.__table__).where(Fact.article_id == article_id)
                             .order_by(Fact.id)).mappings().all()
    return [dict(r) for r in art], [dict(r) for r in facts]


def true_counts(ws, article_id):
    facts = ws.store.facts(article_id)
    return len(facts), sum(f.status == "pending" for f in facts)


def stored_counts(ws, article_id):
    a = ws.article(article_id)
    return a.n_facts, a.n_pending


def test_migrations_build_exactly_the_mapped_schema(engine_ws, engine_name):
    insp = inspect(engine_ws.store.engine)
    for table in Base.metadata.sorted_tables:
        assert {c["name"] for c in insp.get_columns(table.name)} == {c.name for c in table.columns}, table.name
        assert {i.name for i in table.indexes} <= {i["name"] for i in insp.get_indexes(table.name)}, table.name
    search_tables = {"sqlite": {"articles_fts_exact", "articles_fts_folded"},
                     "postgresql": {"article_words"}}[engine_name]
    assert search_tables <= set(insp.get_table_names())
    assert isinstance(engine_ws.path, ServerURL) == (engine_name == "postgresql")


def test_a_workspace_on_a_server_is_named_by_its_url_and_shown_without_password(pg_url):
    where = location(pg_url.replace("postgresql+psycopg://postgres@", "postgresql://postgres:s3cret@"))
    assert isinstance(where, ServerURL) and "s3cret" not in str(where) and "***" in str(where)
    assert where.url().drivername == "postgresql+psycopg"  # psycopg 3 for a plain postgresql://
    assert where.name == pg_url.split("/")[3].split("?")[0]
    assert location("a?b.sqlite").name == "a?b.sqlite"  # a path is never parsed as a URL


def test_import_extract_decide_and_counts(engine_ws, seed_dir):
    ws = engine_ws
    report, done = ws.import_paths([seed_dir])
    assert report.articles == 5 and done.many
    aid = ws.article_ids()[0]
    facts = ws.facts(aid)
    assert facts and stored_counts(ws, aid) == true_counts(ws, aid) == (len(facts), len(facts))
    total = ws.pending_total()
    first = facts[0]
    assert first.version == 1
    done = ws.decide([first.id], "accept")
    assert done.facts[0].status == "accepted" and done.facts[0].version == 2
    done = ws.decide([first.id], "edit", changes={"value": "8901"}, note="sửa")
    assert done.facts[0].version == 3 and done.facts[0].value == "8901"
    ws.decide([f.id for f in facts[1:4]], "reject")
    assert ws.pending_total() == total - 4
    assert stored_counts(ws, aid) == true_counts(ws, aid)
    assert [e.action for e in ws.review_log(first.id)] == ["edit", "accept"]
    assert ws.count_to_extract(never=True) == 0


def test_search_any_case_any_diacritics_exact_first(engine_ws, tmp_path):
    ws = engine_ws
    rows = [("a", "Tin Hà Nội", "Sở Y tế Hà Nội họp."),
            ("b", "Tin khác", "Ha Noi khong dau."),
            ("c", "Đường phố", "Con đường mới ở HÀ NỘI."),
            ("d", "Chà", "chà nội không phải."),
            ("e", "Hà", "Nội dung khác: tiêu đề và văn bản không nối nhau.")]
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps({"id": i, "title": t, "text": x}, ensure_ascii=False) + "\n"
                           for i, t, x in rows), encoding="utf-8")
    ws.import_paths([src], extract=False)
    uid = {ws.article(i).uid: i for i in ws.article_ids()}
    a, b, c, d, e = (uid[k] for k in "abcde")
    assert ws.article_ids(search="hà nội") == [a, c, b]  # the very diacritics first
    assert ws.article_ids(search="ha noi") == [b, a, c]
    assert ws.article_ids(search="HÀ NỘI", ignore_diacritics=False) == [a, c]
    assert ws.article_ids(search="duong") == [c]  # đ is d
    assert ws.article_ids(search="hà nộ") == [a, c, b]  # the last word a prefix…
    assert ws.article_ids(search="hà nộ ") == []  # …unless the typing ended with a space
    assert ws.article_ids(search="50%_") == ws.article_ids(search="!!") == []
    assert e not in ws.article_ids(search="hà nội")  # never across the title and the text
    ws.correct_article(a, title="Tin Huế")
    assert ws.article_ids(search="huế") == [a]
    deleted = ws.delete_articles([c])
    assert ws.article_ids(search="ha noi") == [b, a]
    ws.revert(deleted.events)
    assert ws.article_ids(search="ha noi") == [b, a, c]
    assert ws.article_ids(search="ha noi", pending_only=True) == []


def test_revert_takes_back_the_proposals_and_redo_puts_them_back(engine_ws, tmp_path):
    ws = engine_ws
    import_paths(ws.store, [write_workspace_file(tmp_path)])
    aid = ws.article_ids()[0]
    name = next(f for f in ws.facts(aid) if f.text == NAME and f.kind == "person")
    before = {i: stored_counts(ws, i) for i in ws.article_ids()}
    done = ws.decide([name.id], "accept")
    assert len(done.proposed) == 4 and "4 more places" in done.note
    for i in ws.article_ids():
        assert stored_counts(ws, i) == true_counts(ws, i)
    undone = ws.revert(done.events, "undo")
    assert len(undone.withdrawn) == 4 and ws.fact(name.id).status == "pending"
    assert {i: stored_counts(ws, i) for i in ws.article_ids()} == before
    redone = ws.revert(undone.events, "redo", restore=undone.withdrawn)
    assert len(redone.proposed) == 4 and ws.fact(name.id).status == "accepted"
    for i in ws.article_ids():
        assert stored_counts(ws, i) == true_counts(ws, i)


def test_exports_csv_xlsx_jsonl(engine_ws, tmp_path):
    ws = engine_ws
    seed_facts.load(ws.store)
    aid = ws.article_ids()[0]
    facts = ws.facts(aid)
    ws.decide([facts[0].id], "accept")
    ws.decide([facts[1].id], "edit", changes={"value": "8901"})
    ws.decide([facts[2].id], "reject")
    done = ws.export("csv", tmp_path / "f.csv")
    assert done.facts == 2
    with open(tmp_path / "f.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["status"] for r in rows] == ["accepted", "edited"]
    assert rows[1]["value"] == "8901" and rows[1]["value_before_edit"] == facts[1].value
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", r["reviewed_at"]) for r in rows)
    assert all(r["reviewer"] == "lan" for r in rows)
    ws.export("xlsx", tmp_path / "f.xlsx")
    sheet = load_workbook(tmp_path / "f.xlsx", read_only=True)["Facts"]
    assert len(list(sheet.iter_rows(values_only=True))) == 3
    everything = ExportFilter(statuses=None)
    done = ws.export("jsonl", tmp_path / "all.jsonl", everything)
    assert done.facts == seed_facts.FACTS
    exported = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(exported) == 5 and exported[0]["facts"][1]["status"] == "edited"
    # lossless: into a fresh workspace (a file) and out again, the same
    again = Workspace.open(tmp_path / "again.sqlite", create=True)
    try:
        again.import_paths([tmp_path / "all.jsonl"], extract=False)
        again.export("jsonl", tmp_path / "again.jsonl", everything)
    finally:
        again.close()
    def lines(name):  # each article as it left, but for the file it came from
        return [{**a, "origin": None} for a in map(json.loads, (tmp_path / name).read_text(
            encoding="utf-8").splitlines())]
    assert lines("again.jsonl") == lines("all.jsonl")
    ws.export("articles", tmp_path / "a.csv")
    with open(tmp_path / "a.csv", encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 5


def test_the_same_work_gives_the_same_exports_on_both_engines(pg_url, tmp_path):
    out = {}
    for name, where in (("sqlite", tmp_path / "ws.sqlite"), ("postgresql", location(pg_url))):
        ws = Workspace.open(where, reviewer="lan", create=True)
        try:
            seed_facts.load(ws.store)
            for aid in ws.article_ids()[:2]:
                facts = ws.facts(aid)
                ws.decide([facts[0].id], "accept")
                ws.decide([facts[1].id], "edit", changes={"value": "x"}, note="n")
                ws.decide([f.id for f in facts[2:5]], "reject")
            ws.delete_articles([ws.article_ids()[-1]])
            for fmt in ("jsonl", "csv", "articles"):
                ws.export(fmt, tmp_path / f"{name}.{fmt}", ExportFilter(statuses=None))
            times = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
            out[name] = {fmt: times.sub("T", (tmp_path / f"{name}.{fmt}").read_text(encoding="utf-8"))
                         for fmt in ("jsonl", "csv", "articles")}
            out[name]["stats"] = ws.stats()
            out[name]["ids"] = ws.article_ids(search="y tế")
        finally:
            ws.close()
    assert out["sqlite"] == out["postgresql"]


def test_statistics_and_report(engine_ws):
    ws = engine_ws
    seed_facts.load(ws.store)
    aid = ws.article_ids()[0]
    facts = ws.facts(aid)
    ws.decide([facts[0].id], "accept")
    ws.decide([facts[1].id], "reject")
    s = ws.stats()
    assert s.articles == 5 and s.facts == seed_facts.FACTS
    assert s.by_status == {"pending": seed_facts.FACTS - 2, "accepted": 1, "rejected": 1}
    report = ws.report()
    assert report.sessions and report.sessions[0].reviewer == "lan"


def test_learned_models_are_kept(engine_ws):
    ws = engine_ws
    data = bytes(range(256)) * 40  # every byte value: the model file is binary
    v1 = ws.store.save_model(b"first", trained_from={}, scores={}, settings={})
    v2 = ws.store.save_model(data, trained_from={"articles": 5}, scores={"f1": 0.5}, settings={"k": 1})
    assert (v1, v2) == (1, 2)
    latest = ws.store.latest_model()
    assert latest.version == 2 and latest.data == data and latest.trained_from == {"articles": 5}
    assert ws.latest_model().data is None


def test_delete_and_restore_an_article_as_it_was(engine_ws):
    ws = engine_ws
    seed_facts.load(ws.store)
    aid = ws.article_ids()[1]
    facts = ws.facts(aid)
    ws.decide([facts[0].id], "edit", changes={"value": "123"}, note="ghi chú")
    ws.decide([facts[1].id], "flag")
    f = facts[2]
    ws.add(aid, validate_fact({**f.fields, "kind": f.kind, "start": f.start, "end": f.end,
                               "text": f.text, "value": f.value, "extractor": "manual"}))
    before = stored(ws, aid)
    total, pending = ws.pending_total(), ws.article(aid).n_pending
    done = ws.delete_articles([aid])
    assert aid not in ws.article_ids() and stored(ws, aid) == ([], [])
    assert ws.pending_total() == total - pending
    back = ws.revert(done.events)
    assert back.restored == [aid] and stored(ws, aid) == before
    assert ws.pending_total() == total


def test_reviewer_names_and_state(engine_ws):
    ws = engine_ws
    ws.set_state("k", {"a": 1})
    ws.set_state("k", [1, 2])
    assert ws.get_state("k") == [1, 2]
    assert ws.store.reviewer_id("lan") == ws.store.reviewer_id("lan") is not None
    assert ws.reviewer_names() == ["lan"]
