"""A team on one workspace, in storage: assignments, each reviewer's own decisions on shared
articles (judgments), adjudication, and what agreement is measured on (migration 0013).

An article assigned to two (or more) reviewers is *shared*. There an assigned reviewer's
decision does not change the workspace's fact: it is kept as that reviewer's judgment, shown
to that reviewer alone (blind: neither sees the other's), and logged in review_events like any
decision (its before/after hold the judgment, with `judge`, the reviewer it belongs to), so
undo, History and `revert` take it back through the one revert path (Store._revert comes here
for such an entry). A fact a reviewer adds there is a judgment too, with no fact behind it; it
is shown to its reviewer as fact id −(judgment id), and logged under that id.

The workspace's fact stays pending until adjudicated: an adjudication (logged as `adjudicate`)
gives it its final status, as any decision does; an added fact adjudicated to be kept becomes a
fact of the workspace (status added). Everywhere else — an article with one reviewer or none,
a reviewer not assigned to the article (the adjudicator) — a decision is final, as it always was.

Every write here runs inside the store's transaction (Store._write / _tx): all or nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence

from sqlalchemy import Connection, delete, func, insert, select, text, update

from facts.i18n import _, status_word
from facts.model import KIND_FIELDS, FactBase, Status, status_after
from facts.team import DECISIONS, Judged, SharedArticle, split

from .engine import WorkspaceError
from .records import Change, FactRecord, ReviewEventRecord
from .rows import FACT_COLS, fact_record, lock_articles
from .schema import Article, Assignment, Fact, Judgment, Reviewer, ReviewEvent
from .writer import fact_columns, now

JUDGE = "judge"  # key of a judgment's log entry: whose judgment it is
ADJUDICATED = "adjudicated"  # key of the log entry of an added fact dropped by adjudication

_J_COLS = (Judgment.id, Judgment.article_id, Judgment.reviewer_id, Judgment.fact_id, Judgment.status,
           Judgment.kind, Judgment.start, Judgment.end, Judgment.text, Judgment.value, Judgment.fields,
           Judgment.note, Judgment.at, Judgment.resolved_by)


@dataclass
class JudgmentRow:
    id: int
    article_id: int
    reviewer_id: int
    fact_id: Optional[int]
    status: str
    kind: str
    start: int
    end: int
    text: str
    value: str
    fields: Optional[dict]
    note: Optional[str]
    at: Any
    resolved_by: Optional[int]

    def values(self) -> dict[str, Any]:
        """The fact as this reviewer would have it: kind, span, text, value, kind fields."""
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
                "value": self.value, **{f: (self.fields or {}).get(f, "") for f in KIND_FIELDS[self.kind]}}

    def snapshot(self, judge: str) -> dict[str, Any]:
        return {**self.values(), "status": self.status, "note": self.note, "judgment": self.id,
                JUDGE: judge}


@dataclass
class QueueItem:
    """An article in a reviewer's queue: `left` is what this reviewer still has to decide
    there (on a shared article: the pending facts they have not judged yet)."""

    article_id: int
    title: str
    shared: bool
    reviewers: tuple[str, ...]
    facts: int
    left: int


@dataclass
class Side:
    """One reviewer's side of a disagreement: their status (`absent`: they did not add that
    fact) and the fact as they would have it (None when absent)."""

    reviewer: str
    status: str
    fact: Optional[dict[str, Any]]
    judgment_id: Optional[int] = None


@dataclass
class Disagreement:
    """Reviewers of a shared article who decided one fact differently. `key` names it for
    adjudicate(): `fact:ID` for a proposed fact (`fact` is it, as the workspace has it, still
    pending), `added:ARTICLE:START-END:KIND` for a fact some of them added and others not
    (`fact` is None)."""

    key: str
    article_id: int
    fact: Optional[FactRecord]
    sides: list[Side] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        f = self.fact
        return {"key": self.key, "article_id": self.article_id,
                "fact": None if f is None else {"id": f.id, **f.snapshot(), "extractor": f.extractor},
                "sides": [{"reviewer": s.reviewer, "status": s.status, "fact": s.fact} for s in self.sides]}


# -- reading ------------------------------------------------------------------------------------
def _rid(conn: Connection, name: Optional[str]) -> Optional[int]:
    return conn.execute(select(Reviewer.id).where(Reviewer.name == name)).scalar() if name else None


def _shared_ids():
    return (select(Assignment.article_id).group_by(Assignment.article_id)
            .having(func.count() >= 2))


def reviewers_of(conn: Connection, article_id: int) -> list[tuple[int, str]]:
    """(id, name) of the reviewers assigned to an article, by name."""
    return [tuple(r) for r in conn.execute(
        select(Reviewer.id, Reviewer.name).join(Assignment, Assignment.reviewer_id == Reviewer.id)
        .where(Assignment.article_id == article_id).order_by(Reviewer.name))]


def blind(conn: Connection, article_id: int, reviewer_id: Optional[int]) -> bool:
    """This reviewer's decisions on this article are kept apart: the article is shared and
    assigned to them."""
    if reviewer_id is None:
        return False
    who = list(conn.execute(select(Assignment.reviewer_id).where(Assignment.article_id == article_id))
               .scalars())
    return len(who) >= 2 and reviewer_id in who


def _judgment(conn: Connection, jid: int) -> Optional[JudgmentRow]:
    r = conn.execute(select(*_J_COLS).where(Judgment.id == jid)).first()
    return JudgmentRow(*r) if r else None


def _judgment_of(conn: Connection, fact_id: int, reviewer_id: int) -> Optional[JudgmentRow]:
    r = conn.execute(select(*_J_COLS).where(Judgment.fact_id == fact_id,
                                            Judgment.reviewer_id == reviewer_id)).first()
    return JudgmentRow(*r) if r else None


def _name(conn: Connection, reviewer_id: int) -> str:
    return conn.execute(select(Reviewer.name).where(Reviewer.id == reviewer_id)).scalar_one()


def _seen(fact: FactRecord, j: Optional[JudgmentRow], judge: str) -> FactRecord:
    """The workspace's fact as a reviewer of its shared article sees it: with their judgment."""
    if j is None:
        return fact
    v = j.values()
    changed = any(v[k] != fact.snapshot().get(k) for k in v)
    return FactRecord(
        id=fact.id, article_id=fact.article_id, kind=j.kind, start=j.start, end=j.end, text=j.text,
        value=j.value, fields={f: v[f] for f in KIND_FIELDS[j.kind]}, confidence=fact.confidence,
        extractor=fact.extractor, status=j.status, reviewer=judge, reviewed_at=j.at, note=j.note,
        original=fact.snapshot() if changed else None, extra={**fact.extra, "judged_by": judge},
        version=fact.version)


def _added(j: JudgmentRow, judge: str) -> FactRecord:
    """A fact a reviewer added on a shared article, as they see it: id −(judgment id)."""
    v = j.values()
    return FactRecord(
        id=-j.id, article_id=j.article_id, kind=j.kind, start=j.start, end=j.end, text=j.text,
        value=j.value, fields={f: v[f] for f in KIND_FIELDS[j.kind]}, confidence=1.0,
        extractor="manual", status=j.status, reviewer=judge, reviewed_at=j.at, note=j.note,
        extra={"judged_by": judge}, version=1)


def seen_by(engine, article_id: int, reviewer: Optional[str], facts: list[FactRecord]) -> list[FactRecord]:
    """An article's facts as `reviewer` sees them: on a shared article assigned to them, with
    their own judgments and added facts, never another reviewer's; elsewhere as they are."""
    if not reviewer:
        return facts
    with engine.connect() as conn:
        rid = _rid(conn, reviewer)
        if not blind(conn, article_id, rid):
            return facts
        js = [JudgmentRow(*r) for r in conn.execute(
            select(*_J_COLS).where(Judgment.article_id == article_id, Judgment.reviewer_id == rid))]
    mine = {j.fact_id: j for j in js if j.fact_id is not None}
    out = [_seen(f, mine.get(f.id), reviewer) for f in facts]
    out += [_added(j, reviewer) for j in js if j.fact_id is None]
    return sorted(out, key=lambda f: (f.start, f.end, abs(f.id)))


def fact_seen(engine, fact_id: int, reviewer: Optional[str]) -> Optional[FactRecord]:
    """One fact as `reviewer` sees it (a negative id: a fact they added on a shared article)."""
    with engine.connect() as conn:
        rid = _rid(conn, reviewer)
        if fact_id < 0:
            j = _judgment(conn, -fact_id)
            return _added(j, _name(conn, j.reviewer_id)) if j is not None else None
        r = conn.execute(select(*FACT_COLS).outerjoin(Reviewer, Reviewer.id == Fact.reviewer_id)
                         .where(Fact.id == fact_id)).first()
        if r is None:
            return None
        fact = fact_record(r)
        if rid is None or not blind(conn, fact.article_id, rid):
            return fact
        return _seen(fact, _judgment_of(conn, fact_id, rid), reviewer)


# -- assignments ----------------------------------------------------------------------------------
def assign(store, reviewers: Sequence[str], overlap: float) -> dict[int, tuple[str, ...]]:
    """Split the articles nobody is assigned to among `reviewers` (facts.team.split), the share
    `overlap` of them to two, counting what each has already; one transaction. Returns the
    split made (article id → its reviewers)."""
    def run(conn):
        if conn.dialect.name == "postgresql":  # two `assign` at once: one after the other
            conn.execute(text("LOCK TABLE assignments IN SHARE ROW EXCLUSIVE MODE"))
        taken = select(Assignment.article_id)
        ids = list(conn.execute(select(Article.id).where(Article.id.not_in(taken))
                                .order_by(Article.id)).scalars())
        load = dict(conn.execute(select(Reviewer.name, func.count()).join(
            Assignment, Assignment.reviewer_id == Reviewer.id).group_by(Reviewer.name)).all())
        plan = split(ids, reviewers, overlap, load)
        rids = {name: store.reviewer_id(name, conn) for name in dict.fromkeys(reviewers)}
        rows = [{"article_id": aid, "reviewer_id": rids[r], "assigned_at": now()}
                for aid, who in plan.items() for r in who]
        if rows:
            conn.execute(insert(Assignment), rows)
        return plan
    return store._write(run)


def has_queue(engine, reviewer: Optional[str]) -> bool:
    """Whether any article is assigned to `reviewer` (one indexed lookup)."""
    with engine.connect() as conn:
        rid = _rid(conn, reviewer)
        return rid is not None and conn.execute(
            select(Assignment.article_id).where(Assignment.reviewer_id == rid).limit(1)).first() is not None


def assignment_counts(engine) -> dict[str, dict[str, int]]:
    """Per reviewer: articles assigned, of which shared, and still with something to decide."""
    out: dict[str, dict[str, int]] = {}
    with engine.connect() as conn:
        shared = set(conn.execute(_shared_ids()).scalars())
        for name, aid in conn.execute(select(Reviewer.name, Assignment.article_id)
                                      .join(Assignment, Assignment.reviewer_id == Reviewer.id)):
            row = out.setdefault(name, {"articles": 0, "shared": 0})
            row["articles"] += 1
            row["shared"] += aid in shared
    return dict(sorted(out.items()))


def queue(engine, reviewer: str) -> list[QueueItem]:
    """The articles assigned to `reviewer`, in id order, with what is left for them in each."""
    with engine.connect() as conn:
        rid = _rid(conn, reviewer)
        if rid is None:
            return []
        mine = select(Assignment.article_id).where(Assignment.reviewer_id == rid)
        names: dict[int, list[str]] = {}
        for aid, name in conn.execute(
                select(Assignment.article_id, Reviewer.name)
                .join(Reviewer, Reviewer.id == Assignment.reviewer_id)
                .where(Assignment.article_id.in_(mine)).order_by(Reviewer.name)):
            names.setdefault(aid, []).append(name)
        arts = {r[0]: r for r in conn.execute(
            select(Article.id, Article.uid, Article.title, Article.n_facts, Article.n_pending)
            .where(Article.id.in_(mine)))}
        unjudged = dict(conn.execute(
            select(Fact.article_id, func.count())
            .outerjoin(Judgment, (Judgment.fact_id == Fact.id) & (Judgment.reviewer_id == rid))
            .where(Fact.article_id.in_(mine), Fact.status == Status.pending.value,
                   Judgment.id.is_(None))
            .group_by(Fact.article_id)).all())
    out = []
    for aid in sorted(arts):  # a deleted article keeps its assignment, and is not listed
        _, uid, title, n_facts, n_pending = arts[aid]
        shared = len(names.get(aid, ())) >= 2
        out.append(QueueItem(aid, title or uid, shared, tuple(names.get(aid, ())), n_facts,
                             unjudged.get(aid, 0) if shared else n_pending))
    return out


# -- judgments: a reviewer's decisions on a shared article ----------------------------------------
def _log(conn, fact_id, article_id, action, rid, before, after, note) -> int:
    return conn.execute(insert(ReviewEvent).values(
        fact_id=fact_id, article_id=article_id, action=action, reviewer_id=rid, at=now(),
        before=before, after=after, note=note)).inserted_primary_key[0]


def _write_judgment(conn, *, jid: Optional[int], article_id: int, rid: int, fact_id: Optional[int],
                    values: Optional[dict[str, Any]], status: Optional[str], note: Optional[str]
                    ) -> Optional[JudgmentRow]:
    """Insert, update (`jid`) or, with no `values`, delete a judgment; returns it as saved."""
    if values is None:
        if jid is not None:
            conn.execute(delete(Judgment).where(Judgment.id == jid))
        return None
    kind = values["kind"]
    cols = {"kind": kind, "start": values["start"], "end": values["end"], "text": values["text"],
            "value": values["value"], "fields": {f: values.get(f) or "" for f in KIND_FIELDS[kind]},
            "status": status, "note": note or None, "at": now(), "resolved_by": None}
    if jid is None:
        jid = conn.execute(insert(Judgment).values(article_id=article_id, reviewer_id=rid,
                                                   fact_id=fact_id, **cols)).inserted_primary_key[0]
    elif conn.execute(update(Judgment).where(Judgment.id == jid).values(**cols)).rowcount == 0:
        conn.execute(insert(Judgment).values(id=jid, article_id=article_id, reviewer_id=rid,
                                             fact_id=fact_id, **cols))
    return _judgment(conn, jid)


def judge(store, conn, fact_id: int, action: str, reviewer: Optional[str],
          changes: Optional[dict[str, Any]], note: Optional[str]) -> Optional[FactRecord]:
    """A decision of `reviewer` on a fact of a shared article assigned to them, kept as their
    judgment and logged; None when the decision is not theirs to keep apart (the store then
    decides the workspace's fact, as always). A negative id is a fact they added there."""
    if not reviewer:
        return None
    if fact_id < 0:
        j = _judgment(conn, -fact_id)
        if j is None:
            raise WorkspaceError(_("fact {id} (added on a shared article) no longer exists").format(id=fact_id))
        lock_articles(conn, [j.article_id])
        rid = store.reviewer_id(reviewer, conn)
        if j.reviewer_id != rid:
            raise WorkspaceError(_("fact {id} was added by {reviewer} on a shared article and is theirs to decide "
                                   "until it is adjudicated").format(id=fact_id, reviewer=_name(conn, j.reviewer_id)))
        if action == "reset":
            raise WorkspaceError(_("fact {id} was added by its reviewer: reject it to take it back").format(id=fact_id))
        return _judge(conn, j.article_id, rid, reviewer, None, j, action, changes, note)
    aid = conn.execute(select(Fact.article_id).where(Fact.id == fact_id)).scalar()
    if aid is None:
        return None
    rid = store._reviewers.get(reviewer) or _rid(conn, reviewer)
    if not blind(conn, aid, rid):  # two or three indexed reads on the way of every decision
        return None
    fact = store.fact(fact_id, conn)
    return _judge(conn, fact.article_id, rid, reviewer, fact, _judgment_of(conn, fact_id, rid),
                  action, changes, note)


def _judge(conn, article_id, rid, name, fact: Optional[FactRecord], j: Optional[JudgmentRow],
           action, changes, note) -> FactRecord:
    if j is not None:
        before = j.snapshot(name)
        current, cur_status, cur_note = j.values(), j.status, j.note
    else:
        before = {**fact.snapshot(), "judgment": None, JUDGE: name}
        current = {k: v for k, v in fact.snapshot().items() if k not in ("status", "note")}
        cur_status, cur_note = Status.pending.value, None
    status = status_after(action, cur_status)
    new_note = cur_note if note is None else (note or None)
    if status == Status.pending.value:  # reset: back to undecided, as the workspace has it
        saved = _write_judgment(conn, jid=j.id if j else None, article_id=article_id, rid=rid,
                                fact_id=fact.id, values=None, status=None, note=None)
        after = {**fact.snapshot(), "judgment": None, JUDGE: name}
    else:
        values = {**current, **(changes or {})}
        saved = _write_judgment(conn, jid=j.id if j else None, article_id=article_id, rid=rid,
                                fact_id=fact.id if fact else None, values=values, status=status,
                                note=new_note)
        after = saved.snapshot(name)
    shown_id = fact.id if fact is not None else -j.id
    eid = _log(conn, shown_id, article_id, action, rid, before, after, note)
    rec = _added(saved, name) if fact is None else _seen(fact, saved, name)
    rec.event_id = eid
    return rec


def judge_add(store, conn, article_id: int, fact: FactBase, reviewer: Optional[str],
              note: Optional[str]) -> Optional[FactRecord]:
    """A fact `reviewer` adds on a shared article assigned to them: their judgment (status
    added), shown to them alone as fact −(judgment id); None elsewhere."""
    rid = _rid(conn, reviewer)
    if not blind(conn, article_id, rid):
        return None
    saved = _write_judgment(conn, jid=None, article_id=article_id, rid=rid, fact_id=None,
                            values=fact.model_dump(), status=Status.added.value, note=note)
    rec = _added(saved, reviewer)
    rec.event_id = _log(conn, -saved.id, article_id, "add", rid, None, saved.snapshot(reviewer), note)
    return rec


def is_team_event(ev: ReviewEventRecord) -> bool:
    """A log entry of a judgment, or of an added fact dropped by adjudication."""
    sides = [ev.before or {}, ev.after or {}]
    return any(JUDGE in s or ADJUDICATED in s for s in sides)


def _state(j: Optional[JudgmentRow], judge: str, fact: Optional[FactRecord]) -> Optional[dict]:
    """A judgment's state as its log entries hold it."""
    if j is not None:
        return j.snapshot(judge)
    return None if fact is None else {**fact.snapshot(), "judgment": None, JUDGE: judge}


def _comparable(state: Optional[dict]) -> Optional[dict]:
    return None if state is None else {k: v for k, v in state.items() if k != "judgment"}


def revert_event(store, conn, ev: ReviewEventRecord, rid: Optional[int], action: str) -> Change:
    """Put a judgment back as it was before its logged decision (Store._revert: undo, redo,
    History ▸ Revert, `fact-review revert`), or bring back an added fact adjudication dropped.
    Refused when the judgment has changed since (revert the later decision first)."""
    if conn.execute(select(Article.id).where(Article.id == ev.article_id)).first() is None:
        raise WorkspaceError(_("article {id} is deleted: revert its deletion first (History, or "
                               "`fact-review log`)").format(id=ev.article_id))
    if ADJUDICATED in (ev.after or {}) or ADJUDICATED in (ev.before or {}):
        return _revert_drop(conn, ev, rid, action)
    judge_name = (ev.after or ev.before)[JUDGE]
    judge_id = _rid(conn, judge_name)
    if ev.fact_id is not None and ev.fact_id < 0:
        jid, fact = -ev.fact_id, None
        j = _judgment(conn, jid)
    else:
        fact = store.fact(ev.fact_id, conn)
        if fact is None:
            raise WorkspaceError(_("fact {id} no longer exists").format(id=ev.fact_id))
        j = _judgment_of(conn, ev.fact_id, judge_id)
        jid = j.id if j else None
    now_state = _state(j, judge_name, fact)
    if _comparable(now_state) != _comparable(ev.after):
        raise WorkspaceError(_("{reviewer}'s decision on fact {id} has changed since decision {event}: revert the "
                               "later one first (`fact-review log --fact {id}`)").format(
            reviewer=judge_name, id=ev.fact_id, event=ev.id))
    target = ev.before
    if target is None or target.get("judgment") is None:
        values = status = None
    else:
        values = {k: target[k] for k in ("kind", "start", "end", "text", "value", *KIND_FIELDS[target["kind"]])
                  if k in target}
        status = target["status"]
        jid = target["judgment"]
    saved = _write_judgment(conn, jid=jid if values is not None else (j.id if j else None),
                            article_id=ev.article_id, rid=judge_id,
                            fact_id=fact.id if fact else None, values=values, status=status,
                            note=(target or {}).get("note"))
    after = _state(saved, judge_name, fact)
    eid = _log(conn, ev.fact_id, ev.article_id, action, rid, now_state, after, None)
    if fact is None:
        if saved is None:
            return Change(eid, ev.article_id, ev.fact_id, "removed")
        return Change(eid, ev.article_id, -saved.id, "added" if j is None else "changed",
                      _added(saved, judge_name))
    return Change(eid, ev.article_id, fact.id, "changed", _seen(fact, saved, judge_name))


def _revert_drop(conn, ev, rid, action) -> Change:
    was = ev.after or {}
    ids = list(was.get("judgments", []))
    if was.get(ADJUDICATED) == "dropped":  # bring the added facts back into the disagreements
        conn.execute(update(Judgment).where(Judgment.id.in_(ids), Judgment.resolved_by == ev.id)
                     .values(resolved_by=None))
        after = {ADJUDICATED: "undone", "judgments": ids, "undid": ev.id}
    else:  # the revert of that revert: dropped again
        after = {ADJUDICATED: "dropped", "judgments": ids}
    eid = _log(conn, None, ev.article_id, action, rid, was, after, None)
    if after[ADJUDICATED] == "dropped":
        conn.execute(update(Judgment).where(Judgment.id.in_(ids)).values(resolved_by=eid))
    return Change(eid, ev.article_id, None, "article")


# -- what agreement and adjudication read -----------------------------------------------------------
def _shared_facts(conn, article_ids: Sequence[int]):
    """For these shared articles: their facts (proposed: not `added`), every judgment, and who
    is assigned."""
    facts: dict[int, list[FactRecord]] = {a: [] for a in article_ids}
    js: dict[int, list[JudgmentRow]] = {a: [] for a in article_ids}
    who: dict[int, list[tuple[int, str]]] = {a: [] for a in article_ids}
    for i in range(0, len(article_ids), 500):
        chunk = list(article_ids[i:i + 500])
        for r in conn.execute(select(*FACT_COLS).outerjoin(Reviewer, Reviewer.id == Fact.reviewer_id)
                              .where(Fact.article_id.in_(chunk))
                              .order_by(Fact.article_id, Fact.start, Fact.end, Fact.id)):
            facts[r[1]].append(fact_record(r))
        for r in conn.execute(select(*_J_COLS).where(Judgment.article_id.in_(chunk))
                              .order_by(Judgment.id)):
            js[r[1]].append(JudgmentRow(*r))
        for aid, rid, name in conn.execute(
                select(Assignment.article_id, Reviewer.id, Reviewer.name)
                .join(Reviewer, Reviewer.id == Assignment.reviewer_id)
                .where(Assignment.article_id.in_(chunk)).order_by(Reviewer.name)):
            who[aid].append((rid, name))
    return facts, js, who


def _shared_articles(conn, article_ids: Optional[Iterable[int]] = None) -> list[int]:
    q = (select(Article.id).where(Article.id.in_(_shared_ids())).order_by(Article.id))
    ids = list(conn.execute(q).scalars())
    if article_ids is not None:
        keep = set(article_ids)
        ids = [i for i in ids if i in keep]
    return ids


def agreement_data(engine) -> dict[tuple[str, str], list[SharedArticle]]:
    """For each pair of reviewers sharing articles: what each did on each of them."""
    out: dict[tuple[str, str], list[SharedArticle]] = {}
    with engine.connect() as conn:
        ids = _shared_articles(conn)
        facts, js, who = _shared_facts(conn, ids)
    for aid in ids:
        proposed = [f for f in facts[aid] if f.status != Status.added.value]
        mine: dict[int, dict[int, JudgmentRow]] = {}
        added: dict[int, list[tuple[str, int, int]]] = {}
        for j in js[aid]:
            if j.fact_id is not None:
                mine.setdefault(j.reviewer_id, {})[j.fact_id] = j
            elif j.status != Status.rejected.value:
                added.setdefault(j.reviewer_id, []).append((j.kind, j.start, j.end))
        people = who[aid]
        for x in range(len(people)):
            for y in range(x + 1, len(people)):
                (ra, a), (rb, b) = people[x], people[y]

                def judged(rid, f):
                    j = mine.get(rid, {}).get(f.id)
                    return (Judged(j.status, j.kind, j.start, j.end) if j else
                            Judged(Status.pending.value, f.kind, f.start, f.end))
                out.setdefault((a, b), []).append(SharedArticle(
                    aid, [(f.kind, judged(ra, f), judged(rb, f)) for f in proposed],
                    added.get(ra, []), added.get(rb, [])))
    return out


def _same(sides: list[Side]) -> bool:
    """All sides decided alike: the same status and, unless rejected, the same fact."""
    first = sides[0]
    return all(s.status == first.status
               and (s.status == Status.rejected.value or s.fact == first.fact) for s in sides[1:])


def _added_key(article_id: int, kind: str, start: int, end: int) -> str:
    return f"added:{article_id}:{start}-{end}:{kind}"


def review_items(conn, article_ids: Optional[Iterable[int]] = None) -> list[Disagreement]:
    """Every item of the shared articles that adjudication settles, agreed or not: each pending
    proposed fact every assigned reviewer has decided (accepted, edited or rejected), and each
    fact some of them added (grouped by kind and span, not yet settled) once every one of them
    has finished the article."""
    out: list[Disagreement] = []
    ids = _shared_articles(conn, article_ids)
    facts, js, who = _shared_facts(conn, ids)
    for aid in ids:
        people = who[aid]
        names = dict(people)
        proposed = [f for f in facts[aid] if f.status != Status.added.value]
        by_fact: dict[tuple[int, int], JudgmentRow] = {(j.fact_id, j.reviewer_id): j for j in js[aid]
                                                       if j.fact_id is not None}
        finished = all(by_fact.get((f.id, rid)) is not None
                       and by_fact[(f.id, rid)].status in DECISIONS
                       for f in proposed if f.status == Status.pending.value for rid, _ in people)
        for f in proposed:
            if f.status != Status.pending.value:
                continue
            sides = []
            for rid, name in people:
                j = by_fact.get((f.id, rid))
                sides.append(Side(name, j.status if j else Status.pending.value,
                                  j.values() if j else None, j.id if j else None))
            if all(s.status in DECISIONS for s in sides):
                out.append(Disagreement(f"fact:{f.id}", aid, f, sides))
        if not finished:
            continue
        settled = {(f.kind, f.start, f.end) for f in facts[aid] if f.status != Status.pending.value}
        groups: dict[tuple[str, int, int], dict[int, JudgmentRow]] = {}
        for j in js[aid]:
            if j.fact_id is None and j.status != Status.rejected.value and j.resolved_by is None:
                groups.setdefault((j.kind, j.start, j.end), {})[j.reviewer_id] = j
        for (kind, start, end), mine in sorted(groups.items(), key=lambda g: (g[0][1], g[0][2], g[0][0])):
            if (kind, start, end) in settled:
                continue
            sides = [Side(names[rid], mine[rid].status, mine[rid].values(), mine[rid].id) if rid in mine
                     else Side(names[rid], "absent", None) for rid, _ in people]
            out.append(Disagreement(_added_key(aid, kind, start, end), aid, None, sides))
    return out


def disagreements(engine, article_ids: Optional[Iterable[int]] = None) -> list[Disagreement]:
    with engine.connect() as conn:
        return [d for d in review_items(conn, article_ids) if not _same(d.sides)]


# -- adjudication ---------------------------------------------------------------------------------
def parse_key(key: str) -> tuple[str, int, Optional[tuple[str, int, int]]]:
    """`fact:ID` → ("fact", id, None); `added:ARTICLE:START-END:KIND` → ("added", article, (kind,
    start, end)). ValueError saying what is wrong otherwise."""
    parts = str(key).split(":")
    try:
        if parts[0] == "fact" and len(parts) == 2:
            return "fact", int(parts[1]), None
        if parts[0] == "added" and len(parts) == 4:
            start, end = parts[2].split("-")
            return "added", int(parts[1]), (parts[3], int(start), int(end))
    except ValueError:
        pass
    raise ValueError(_("{key!r} is not a disagreement: `fact:ID` or `added:ARTICLE:START-END:KIND`, as "
                       "`fact-review disagreements` lists them").format(key=key))


def adjudicate(store, key: str, adjudicator: Optional[str], *, take: Optional[str] = None,
               final: Optional[dict[str, Any]] = None, reject: bool = False,
               note: Optional[str] = None) -> Change:
    """Settle one item of a shared article (a `Disagreement.key`): take one reviewer's side
    (`take`), reject it (`reject`), or write the final fact (`final`: its kind, span, text,
    value and kind fields, validated by the caller). The result is the workspace's status,
    logged as `adjudicate` like any decision (and reverted like one)."""
    if sum(x is not None and x is not False for x in (take, final, reject)) != 1:
        raise ValueError("adjudicate: give exactly one of a reviewer to side with, the final fact, "
                         "or a rejection")
    what, num, span = parse_key(key)

    def run(conn):
        aid = num if what == "added" else conn.execute(
            select(Fact.article_id).where(Fact.id == num)).scalar()
        if aid is None:
            raise WorkspaceError(_("{key}: there is no fact {id} in the workspace").format(key=key, id=num))
        lock_articles(conn, [aid])
        people = reviewers_of(conn, aid)
        if len(people) < 2:
            raise WorkspaceError(_("{key}: article {id} is not shared by two reviewers; decide its facts as "
                                   "usual").format(key=key, id=aid))
        rid_of = {name: rid for rid, name in people}
        if take is not None and take not in rid_of:
            raise WorkspaceError(_("{key}: {reviewer} is not a reviewer of article {id} (its reviewers: "
                                   "{reviewers})").format(key=key, reviewer=take, id=aid, reviewers=", ".join(rid_of)))
        if what == "fact":
            return _settle_fact(store, conn, num, rid_of, adjudicator, take, final, reject, note)
        return _settle_added(store, conn, aid, span, rid_of, adjudicator, take, final, reject, note)
    return store._write(run)


def _settle_fact(store, conn, fact_id, rid_of, adjudicator, take, final, reject, note) -> Change:
    fact = store.fact(fact_id, conn)
    if fact.status != Status.pending.value:
        if fact.reviewer:
            said = _("fact:{id} is already {status} (by {reviewer}); revert that decision first to adjudicate "
                     "it again")
        else:
            said = _("fact:{id} is already {status}; revert that decision first to adjudicate it again")
        raise WorkspaceError(said.format(id=fact_id, status=status_word(fact.status), reviewer=fact.reviewer))
    current = {k: v for k, v in fact.snapshot().items() if k not in ("status", "note")}
    if take is not None:
        j = _judgment_of(conn, fact_id, rid_of[take])
        if j is None or j.status not in DECISIONS:
            raise WorkspaceError(_("fact:{id}: {reviewer} has not decided it ({status}): there is no side of "
                                   "theirs to take").format(id=fact_id, reviewer=take,
                                                            status=status_word(j.status if j else "pending")))
        status, values = j.status, j.values()
    elif reject:
        status, values = Status.rejected.value, None
    else:
        values = final
        status = Status.accepted.value if values == current else Status.edited.value
    changes = None
    if values is not None and values != current:
        changes = values
        if status == Status.accepted.value:
            status = Status.edited.value
    after = store._decide(conn, fact_id, "adjudicate", adjudicator, status, changes, note)
    return Change(after.event_id, fact.article_id, fact_id, "changed", after)


def _settle_added(store, conn, aid, span, rid_of, adjudicator, take, final, reject, note) -> Change:
    kind, start, end = span
    group = [JudgmentRow(*r) for r in conn.execute(
        select(*_J_COLS).where(Judgment.article_id == aid, Judgment.fact_id.is_(None),
                               Judgment.kind == kind, Judgment.start == start, Judgment.end == end,
                               Judgment.status != Status.rejected.value,
                               Judgment.resolved_by.is_(None)))]
    key = _added_key(aid, kind, start, end)
    if not group:
        raise WorkspaceError(_("{key}: no reviewer's added fact is waiting there (settled already, or never "
                               "added)").format(key=key))
    rid = store.reviewer_id(adjudicator, conn)
    values = None
    if take is not None:
        mine = [j for j in group if j.reviewer_id == rid_of[take]]
        values = mine[0].values() if mine else None  # they did not add it: it is not kept
    elif final is not None:
        values = final
    if values is None:  # not kept: the reviewers' added facts are settled, nothing is added
        ids = [j.id for j in group]
        eid = _log(conn, None, aid, "adjudicate", rid, {"judgments": ids},
                   {ADJUDICATED: "dropped", "judgments": ids, "kind": kind, "start": start, "end": end},
                   note)
        conn.execute(update(Judgment).where(Judgment.id.in_(ids)).values(resolved_by=eid))
        return Change(eid, aid, None, "article")
    return Change(*_add_final(store, conn, aid, values, rid, note))


def _add_final(store, conn, aid, values, rid, note):
    from .rows import recount

    cols = fact_columns({**values, "extractor": "manual", "confidence": 1.0})
    cols.update(article_id=aid, status=Status.added.value, reviewer_id=rid, reviewed_at=now(), note=note)
    fid = conn.execute(insert(Fact).values(**cols)).inserted_primary_key[0]
    after = store.fact(fid, conn)
    after.event_id = _log(conn, fid, aid, "adjudicate", rid, None, after.snapshot(), note)
    recount(conn, [aid])
    return after.event_id, aid, fid, "added", after


def settle_agreed(store, adjudicator: Optional[str], article_ids: Optional[Iterable[int]] = None
                  ) -> list[Change]:
    """Every item of the shared articles on which all their reviewers agree, settled as they
    agree, in one transaction: a proposed fact they all accepted, edited the same way or
    rejected gets that status; a fact they all added alike is added. Each one logged as
    `adjudicate`."""
    def run(conn):
        ids = _shared_articles(conn, article_ids)
        lock_articles(conn, ids)
        rid = store.reviewer_id(adjudicator, conn)
        done = []
        for d in review_items(conn, ids):
            if not _same(d.sides):
                continue
            side = d.sides[0]
            if d.fact is not None:
                current = {k: v for k, v in d.fact.snapshot().items() if k not in ("status", "note")}
                status = side.status
                changes = (side.fact if side.fact != current and status != Status.rejected.value
                           else None)
                if changes and status == Status.accepted.value:
                    status = Status.edited.value
                after = store._decide(conn, d.fact.id, "adjudicate", adjudicator, status, changes,
                                      "agreed")
                done.append(Change(after.event_id, d.article_id, after.id, "changed", after))
            elif side.status == Status.added.value:
                done.append(Change(*_add_final(store, conn, d.article_id, side.fact, rid, "agreed")))
        return done
    return store._write(run)
