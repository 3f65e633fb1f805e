"""The batched import and extraction (scripts/bench_import.py times them): written a batch at a
time, in a few statements a batch, yet every article ends as the one-at-a-time path left it.
No timing here: these fail when batching breaks what is stored."""
import json
from pathlib import Path

import pytest

from app.extracting import extract_articles, run_extraction
from app.importing import import_and_extract, import_paths
from db import counts
from db.engine import location
from db.store import Store

pytest_plugins = ["tests.pg.plugin"]  # each test on SQLite and on PostgreSQL (workspace_at)
SEEDS = Path(__file__).parent.parent / "seeds"


def corpus(folder: Path) -> list[Path]:
    """Files that make several batches: the seeds one a file, and a JSONL file holding them
    again (duplicates), one text twice, new texts, and an article with a fact of its own."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    folder.mkdir()
    files = []
    for i, t in enumerate(texts):
        files.append(folder / f"s{i}.txt")
        files[-1].write_text(t, encoding="utf-8")
    own = "Ông Nguyễn Văn An nói Bộ Y tế chi 3 tỷ đồng ngày 06/12/2024 tại Hà Nội."
    lines = [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)]
    lines += [{"id": f"n{i}", "text": t[len(t) // 3:] + f"\nHà Nội, ngày {i + 1}/5/2017."}
              for i, t in enumerate(texts)]
    lines.append({"id": "twice", "text": lines[-1]["text"]})
    lines.append({"id": "own", "text": own, "facts": [
        {"kind": "person", "start": 4, "end": 17, "text": "Nguyễn Văn An", "value": "Nguyễn Văn An",
         "extractor": "other/model@2", "confidence": 0.9}]})
    files.append(folder / "more.jsonl")
    files[-1].write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                         encoding="utf-8")
    return files


def stored(store) -> list[tuple]:
    """Every article with its facts, as a reader sees them (ids aside)."""
    out = []
    for aid in store.article_ids():
        a = store.article(aid)
        facts = sorted((f.kind, f.start, f.end, f.text, f.value, tuple(sorted(f.fields.items())),
                        f.confidence, f.extractor, f.status, tuple(sorted(f.extra.items())))
                       for f in store.facts(aid))
        out.append((a.uid, a.text, a.content, a.title, a.published, a.source, a.author,
                    a.extracted_with, a.n_facts, a.n_pending, tuple(facts)))
    return sorted(out)


def assert_counts_right(store) -> None:
    """Each article's n_facts and n_pending are its facts counted again, and the workspace's
    maintained counts are the rows counted again."""
    for aid in store.article_ids():
        facts = store.facts(aid)
        a = store.article(aid)
        assert (a.n_facts, a.n_pending) == (len(facts), sum(f.status == "pending" for f in facts)), a.uid
    with store.engine.connect() as conn:
        assert counts.read(conn) == counts.recounted(conn)


def test_a_multi_batch_import_stores_what_one_article_at_a_time_does(workspace_at, tmp_path):
    files = corpus(tmp_path / "in")
    batched = Store.open(location(workspace_at))
    report, summary = import_and_extract(batched, files, batch_bytes=3000)  # a batch every file or two
    assert not report.failed and summary is not None
    assert report.articles == 5 + 5 + 1 and report.duplicate_articles == 5 + 1
    # The same files one a batch, extracted after the import one article a transaction (in
    # SQLite: on PostgreSQL, the engines store the same).
    single = Store.open(tmp_path / "single.sqlite")
    for f in files:
        import_paths(single, [f], batch_bytes=1)
    ids = single.article_ids()
    extract_articles(single, ids, batch=1)
    assert stored(batched) == stored(single)
    assert all(store.article(i).extracted_with for store in (batched, single)
               for i in store.article_ids())
    assert summary.articles == len(ids) and summary.added == sum(
        1 for i in ids for f in single.facts(i) if f.extractor.startswith("rules/"))
    assert_counts_right(batched)
    # Again: nothing new, nothing extracted.
    again, summary = import_and_extract(batched, files, batch_bytes=3000)
    assert again.articles == 0 and summary is None
    batched.close()
    single.close()


def test_re_extraction_in_batches_keeps_decisions_and_counts(workspace_at, tmp_path):
    store = Store.open(location(workspace_at))
    import_and_extract(store, corpus(tmp_path / "in"), extract=False)
    ids = store.article_ids()
    first = extract_articles(store, ids + ids[:1], batch=3)  # several batches, one article twice
    assert first.articles == len(ids) and first.added > 0
    assert_counts_right(store)
    facts = [f for i in ids for f in store.facts(i) if f.extractor.startswith("rules/")]
    accepted, rejected = facts[0], facts[len(facts) // 2]
    store.decide(accepted.id, "accept", "lan", status="accepted")
    store.decide(rejected.id, "reject", "lan", status="rejected")
    before = stored(store)
    # Every article again.
    summary = extract_articles(store, ids, batch=4)
    assert summary.articles == len(ids) and (summary.added, summary.removed) == (0, 0)
    assert stored(store) == before
    assert store.fact(accepted.id).status == "accepted" and store.fact(rejected.id).status == "rejected"
    assert run_extraction(store).articles == 0
    assert_counts_right(store)
    store.close()


def test_a_file_rolled_back_in_a_batch_leaves_its_texts_to_the_next(workspace_at, tmp_path, monkeypatch):
    """A file the store refuses is rolled back alone; a later file of the same batch with the
    same text goes in (the batch's record of stored texts forgets the refused file's)."""
    from db.writer import Writer

    store = Store.open(location(workspace_at))
    text = (SEEDS / "000_2de5f09fb336969d.txt").read_text(encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": text, "id": "a"}, ensure_ascii=False)
                                      + "\n" + json.dumps({"text": "Bài khác ở Hà Nội."},
                                                          ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    real = Writer.add_articles

    def refuse_a(self, arts, **kw):
        ids = real(self, arts, **kw)
        if any(a.uid == "a" for a in arts):
            raise ValueError("refused")
        return ids
    monkeypatch.setattr(Writer, "add_articles", refuse_a)
    report, _ = import_and_extract(store, [tmp_path / "a.jsonl", tmp_path / "b.txt"])
    assert [f.status for f in report.files] == ["failed", "imported"]
    assert report.files[0].error == "refused"
    [aid] = store.article_ids()
    assert store.article(aid).uid == "b" and store.article(aid).extracted_with
    assert_counts_right(store)
    store.close()


@pytest.mark.parametrize("stop_after", [0, 3, 10_000])
def test_cancelled_during_extraction_the_rest_is_imported_unread_then_extracted(workspace_at, tmp_path,
                                                                              stop_after):
    store = Store.open(location(workspace_at))
    files = corpus(tmp_path / "in")
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > stop_after + 1 + len(files)  # every file read, then a few articles
    report, summary = import_and_extract(store, files, cancelled=cancelled)
    assert report.articles == 11 and not report.failed
    unread = store.articles_to_extract("", never=True)
    if stop_after == 10_000:  # never cancelled
        assert unread == [] and summary.articles == 11
        store.close()
        return
    assert unread and (summary is None) == (len(unread) == 11)
    # The next import finds nothing new and extracts what was left unread.
    again, summary = import_and_extract(store, files)
    assert again.articles == 0 and summary.articles == len(unread)
    assert store.articles_to_extract("", never=True) == []
    assert_counts_right(store)
    store.close()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reading processes are forked on Linux only")
def test_reading_processes_end_when_the_command_is_killed(tmp_path):
    """`fact-review import` killed (SIGKILL) while its reading processes work: they end with it
    rather than wait for work forever, holding its output open."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.reliability.scenarios_workspace import cli_child, many_articles

    src = many_articles(tmp_path, 600)
    p = cli_child("--db", tmp_path / "ws.sqlite", "import", src, env={"FACT_REVIEW_JOBS": "2"})
    children: list[int] = []
    deadline = time.time() + 60
    while time.time() < deadline and len(children) < 2 and p.poll() is None:
        time.sleep(0.05)
        try:
            children = [int(c) for c in Path(f"/proc/{p.pid}/task/{p.pid}/children").read_text().split()]
        except OSError:
            children = []
    assert len(children) == 2, "the import did not start two reading processes"
    p.send_signal(signal.SIGKILL)
    p.communicate(timeout=30)  # returns: nothing else holds its output open
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(c) for c in children):
        time.sleep(0.05)
    assert not any(_alive(c) for c in children)
