"""The five sample articles with fixed pending facts (tests/data/seed_facts.jsonl, written once
from the extractor's output by tests/data/make_seed_facts.py and committed).

Window tests build their workspace from this file through the normal import path (a JSONL of
article objects carrying their facts; nothing is extracted), and read what they expect — how
many facts are left, which fact comes first — from it: an extractor that finds more or other
facts never breaks them."""
from __future__ import annotations

import json
from pathlib import Path

PATH = Path(__file__).resolve().parent / "data" / "seed_facts.jsonl"
ARTICLES: list[dict] = [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines()]
FACTS = sum(len(a["facts"]) for a in ARTICLES)  # all pending
FIRST = ARTICLES[0]["facts"][0]  # the first fact of the first article, in reading order


def load(store):
    """`store` with the five articles and their facts imported, as a reviewer would import them."""
    from app.importing import import_paths

    report = import_paths(store, [PATH])
    assert report.articles == len(ARTICLES) and not report.failed, report
    return store
