"""Same name, every mention, over a workspace (the rules and the matching: facts.propose).

The full-text index (db/search.py, migration 0004) finds the articles whose text holds the
name's words, and only those are read and matched exactly. At most `max_articles` articles are
read per decision (the decision's own article first, then the ones that hold no fact of that
name yet), and the summary says when that cap left some out. Each proposal remembers the
decision that made it (`proposed_by`), whose revert takes it back while it is still pending.
The confidence is facts.propose.RAW_CONFIDENCE, calibrated on the workspace's decisions on
earlier proposals once there are enough.
"""
from __future__ import annotations

from typing import Iterable, Optional

from facts.calibration import calibrate
from facts.model import validate_fact
from facts.propose import MAX_ARTICLES, Proposed, distinct_names, is_name, proposals_in

from .calibrating import load


def _order(store, rec, ids: list[int]) -> list[int]:
    """The decision's article first, then the articles that hold no fact of this name yet,
    then the rest (a common name's later decisions reach further into the workspace)."""
    first = [rec.article_id] if rec.article_id in ids else []
    rest = [i for i in ids if i != rec.article_id]
    covered = store.articles_with_name(rec.kind, rec.text)
    return first + [i for i in rest if i not in covered] + [i for i in rest if i in covered]


def propose_same_name(store, rec, *, max_articles: int = MAX_ARTICLES,
                      table: Optional[dict] = None) -> Proposed:
    """Propose the other mentions of the decided name `rec` (a FactRecord as saved, with the
    log entry of its decision). Returns what was inserted (one transaction, counts updated)."""
    out = Proposed(rec.kind, rec.text)
    if not is_name(rec) or max_articles <= 0:
        return out
    ids = store.name_candidates(rec.text)
    out.articles = len(ids)
    if len(ids) > max_articles:
        ids = _order(store, rec, ids)[:max_articles]
    elif rec.article_id in ids:
        ids = [rec.article_id] + [i for i in ids if i != rec.article_id]
    out.searched = len(ids)
    facts = []
    for aid, text, content, spans, rejected in store.name_context(ids, rec.kind, rec.text):
        if not rejected:  # else a reviewer said no to this name here
            facts += [(aid, f) for f in proposals_in(rec, text, content, spans)]
    if not facts:
        return out
    calibrated = calibrate([f for _, f in facts], table)
    out.facts = store.add_proposals([(aid, validate_fact(f, typed=False))
                                     for (aid, _), f in zip(facts, calibrated)], rec.event_id)
    return out


def propose_after(store, records: Iterable, *, max_articles: int = MAX_ARTICLES) -> list[Proposed]:
    """After a decision on these facts (accepted, edited, added): propose the other mentions of
    each distinct name among them, the names sharing one budget of `max_articles` articles.
    facts.propose.summary(result) says what was done."""
    names = distinct_names(records)
    if not names:
        return []
    table = load(store)
    results, budget = [], max_articles
    for rec in names:
        if budget <= 0:
            results.append(Proposed(rec.kind, rec.text, articles=len(store.name_candidates(rec.text))))
            continue
        res = propose_same_name(store, rec, max_articles=budget, table=table)
        budget -= res.searched
        results.append(res)
    return results
