"""A team on one workspace, for the command line and the window alike: assignments and each
reviewer's queue, agreement between reviewers, adjudication of their disagreements, and
editing a fact from outside the window. `Workspace` has these methods (it is a TeamWork).

The rules are in the core (facts/team.py: the split, span F1 and kappa) and the storage in
db/team.py (judgments kept apart on shared articles, the adjudication as a logged decision).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence

from pydantic import ValidationError

from db.engine import WorkspaceError
from db import team as db_team
from db.team import Disagreement, QueueItem, Side  # noqa: F401 - the window's types
from facts.i18n import _
from facts.model import KIND_FIELDS, Kind, error_text, validate_fact
from facts.team import PairAgreement, TeamError, agreement, check_reviewers

from .changes import Changes

__all__ = ["TeamWork", "Assigned", "Disagreement", "QueueItem", "Side", "PairAgreement", "TeamError",
           "fact_values"]


@dataclass
class Assigned:
    """What `assign` did: the articles given out now (id → reviewers), and each reviewer's
    articles and shared ones in all, this time's included."""

    plan: dict[int, tuple[str, ...]]
    totals: dict[str, dict[str, int]]

    @property
    def shared(self) -> int:
        return sum(len(who) > 1 for who in self.plan.values())


class TeamWork:
    """The team's use cases on an open workspace (mixed into app.workspace.Workspace)."""

    store: Any
    reviewer: Optional[str]

    # -- assignments and queues -------------------------------------------------------------
    def assign(self, reviewers: Sequence[str], overlap: float = 0.0) -> Assigned:
        """Split the articles no one is assigned to among `reviewers`, the share `overlap`
        (0–1) of them to two (blind: each decides alone, agreement is measured there); one
        transaction. TeamError on bad names or overlap."""
        names = check_reviewers(list(reviewers))
        for n in names:
            from facts.textio import typed_problem

            if typed_problem(n):
                raise TeamError(_("--reviewers: the name {name!r} {problem}").format(name=n, problem=typed_problem(n)))
        plan = db_team.assign(self.store, names, overlap)
        return Assigned(plan, db_team.assignment_counts(self.store.engine))

    def assignments(self) -> dict[str, dict[str, int]]:
        """Per reviewer: {"articles": assigned, "shared": of which shared}."""
        return db_team.assignment_counts(self.store.engine)

    def my_queue(self, reviewer: Optional[str] = None) -> list[QueueItem]:
        """The articles assigned to `reviewer` (default: this workspace's reviewer), in id
        order, each with what is left for them to decide (QueueItem.left)."""
        who = reviewer or self.reviewer
        if not who:
            raise TeamError(_("whose queue? give a reviewer's name (--reviewer NAME)"))
        return db_team.queue(self.store.engine, who)

    def has_queue(self) -> bool:
        """Whether this workspace's reviewer has articles assigned (the window then opens on
        their queue)."""
        return db_team.has_queue(self.store.engine, self.reviewer)

    def next_in_queue(self, after_id: int = 0, reviewer: Optional[str] = None) -> Optional[int]:
        """The next article of the queue after `after_id` with something left, wrapping round."""
        left = [q.article_id for q in self.my_queue(reviewer) if q.left > 0]
        later = [a for a in left if a > after_id]
        return (later or left or [None])[0]

    def team_fact(self, fact_id: int):
        """One fact as this reviewer sees it (on a shared article: their own decision; a
        negative id is a fact they added there), or None."""
        return db_team.fact_seen(self.store.engine, fact_id, self.reviewer)

    # -- agreement ------------------------------------------------------------------------------
    def agreement(self) -> list[PairAgreement]:
        """Span F1 and Cohen's kappa between each pair of reviewers sharing articles, per kind
        and over all (facts.team.agreement), pairs by name."""
        data = db_team.agreement_data(self.store.engine)
        return [agreement(a, b, arts) for (a, b), arts in sorted(data.items())]

    # -- adjudication ---------------------------------------------------------------------------
    def disagreements(self, article_ids: Optional[Iterable[int]] = None) -> list[Disagreement]:
        """What the reviewers of shared articles decided differently (each with every
        reviewer's side), in article and reading order: a proposed fact all of them decided,
        differently; a fact some added and others not, once all have finished the article."""
        return db_team.disagreements(self.store.engine, article_ids)

    def adjudicate(self, key: str, *, take: Optional[str] = None, fact: Optional[dict[str, Any]] = None,
                   reject: bool = False, note: Optional[str] = None) -> Changes:
        """Settle one disagreement (its `key`): side with reviewer `take`, `reject` it, or
        write the final `fact` (kind, start, end, text, value and kind fields; checked against
        the article's text). The result is the workspace's status, logged as `adjudicate` by
        this workspace's reviewer; revert and undo take it back like any decision."""
        final = None
        if fact is not None:
            kind, num, _span = db_team.parse_key(key)
            aid = num if kind == "added" else (self.store.fact(num).article_id
                                                if self.store.fact(num) else None)
            if aid is None:
                raise WorkspaceError(_("{key}: there is no fact {id} in the workspace").format(key=key, id=num))
            final = fact_values(fact, self.store.article(aid), where=key)
        change = db_team.adjudicate(self.store, key, self.reviewer, take=take, final=final,
                                    reject=reject, note=note)
        return self._shows(_changes([change]))

    def settle_agreed(self, article_ids: Optional[Iterable[int]] = None) -> Changes:
        """Every item of the shared articles on which their reviewers all agree, made the
        workspace's decision (logged as `adjudicate`, note "agreed"), in one transaction."""
        return self._shows(_changes(db_team.settle_agreed(self.store, self.reviewer, article_ids)))

    # -- editing a fact outside the window ----------------------------------------------------
    def edit(self, fact_id: int, *, value: Optional[str] = None, text: Optional[str] = None,
             kind: Optional[str] = None, fields: Optional[dict[str, str]] = None,
             note: Optional[str] = None) -> Changes:
        """The edit form's decision: a new value, text (the words of the article it stands for:
        the span moves to them, the occurrence nearest the old one), kind or kind fields,
        validated as the form validates them (ValueError saying which field and why)."""
        before = self.team_fact(fact_id)
        if before is None:
            raise WorkspaceError(_("there is no fact {id} in the workspace (see `facts`)").format(id=fact_id))
        if value is None and text is None and kind is None and not fields:
            raise ValueError(_("fact {id}: nothing to change (give --value, --text, --kind or --field)").format(
                id=fact_id))
        article = self.store.article(before.article_id)
        new_kind = kind or before.kind
        data = {"kind": new_kind, "start": before.start, "end": before.end, "text": before.text,
                "value": before.value if value is None else value,
                **{f: before.fields.get(f, "") for f in KIND_FIELDS.get(new_kind, ())}, **(fields or {})}
        if text is not None:
            data["start"], data["end"] = _locate(article.text, text, before.start, before.end,
                                                 where=_("fact {id}").format(id=fact_id))
            data["text"] = text
        changes = fact_values(data, article, where=_("fact {id}").format(id=fact_id))
        return self.decide([fact_id], "edit", changes=changes, note=note)


def fact_values(data: dict[str, Any], article, *, where: str) -> dict[str, Any]:
    """A fact typed by a person (the edit form's, `edit`, an adjudicator's), validated: its
    kind, span, text, value and the kind's fields. ValueError saying where and what."""
    if article is None:
        raise ValueError(_("{where}: its article is no longer in the workspace").format(where=where))
    kind = data.get("kind")
    if kind not in KIND_FIELDS:
        raise ValueError(_("{where}: unknown kind {kind!r}; use {kinds}").format(
            where=where, kind=kind, kinds=", ".join(k.value for k in Kind)))
    unknown = [k for k in data if k not in ("kind", "start", "end", "text", "value", *KIND_FIELDS[kind])]
    if unknown:
        raise ValueError(_("{where}: a {kind} has no field {unknown} (its fields: {fields})").format(
            where=where, kind=kind, unknown=", ".join(unknown), fields=", ".join(KIND_FIELDS[kind]) or _("none")))
    try:
        fact = validate_fact({**data, "extractor": "manual"}, typed=True)
    except ValidationError as exc:
        raise ValueError(f"{where}: {error_text(exc)}") from None
    if article.text[fact.start:fact.end] != fact.text:
        raise ValueError(_("{where}: the article's text at {start}-{end} is {found!r}, not {text!r}").format(
            where=where, start=fact.start, end=fact.end, found=article.text[fact.start:fact.end], text=fact.text))
    return {"kind": kind, "start": fact.start, "end": fact.end, "text": fact.text, "value": fact.value,
            **{f: getattr(fact, f) for f in KIND_FIELDS[kind]}}


def _locate(body: str, words: str, start: int, end: int, *, where: str) -> tuple[int, int]:
    """The span of `words` in the article: the occurrence overlapping the old span, else the
    one nearest it."""
    if not words:
        raise ValueError(_("{where}: --text is empty").format(where=where))
    found, i = [], body.find(words)
    while i >= 0:
        found.append(i)
        i = body.find(words, i + 1)
    if not found:
        raise ValueError(_("{where}: {words!r} is not in the article's text").format(where=where, words=words))
    best = min(found, key=lambda s: (not (s < end and start < s + len(words)), abs(s - start)))
    return best, best + len(words)


def _changes(done) -> Changes:
    out = Changes()
    for ch in done:
        out.events.append(ch.event_id)
        if ch.fact is not None:
            out.facts.append(ch.fact)
        else:
            out.articles.append(ch.article_id)
    return out
