"""Review decisions as undoable commands over the store.

Every decision is written to the workspace first; only once the store has
committed it is the command pushed on the undo stack and the views told. Undo is
the store's revert of the decision's log entry and redo the revert of the undo,
so undo, redo and History ▸ Revert put back exactly the same things. Each is
itself a decision, written to the review log.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db.engine import WorkspaceError
from facts.model import status_after


@dataclass(frozen=True)
class Target:
    """Where a step of the undo stack acts: what the window shows before undoing it."""

    article_id: int
    fact_id: Optional[int]


class Review(QObject):
    """Applies decisions for one reviewer and says what changed."""

    factChanged = Signal(object)  # FactRecord as saved
    factAdded = Signal(object)
    factRemoved = Signal(int, int)  # fact id, article id
    factsAdded = Signal(list)  # FactRecords at once: same-name proposals
    factsRemoved = Signal(list)  # (fact id, article id) pairs at once: proposals taken back
    articleChanged = Signal(int)  # the article's title, date, source or author
    articleDeleted = Signal(int)  # the article and its facts left the workspace
    articleRestored = Signal(int)  # a deleted article is back, with its facts
    saved = Signal(str)  # what was saved, for the status bar
    failed = Signal(str)  # a write that did not happen

    def __init__(self, store, reviewer: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.reviewer = reviewer
        self.stack = QUndoStack(self)
        self.proposal_note = ""  # what the last decision proposed, for the status bar

    # -- writes, each returning what was saved or None when it failed ---------------------
    def _write(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (WorkspaceError, OSError) as exc:
            self.failed.emit(f"Not saved: {exc}")
            return None

    def accept(self, fact_id: int) -> bool:
        return self.decide(fact_id, "accept")

    def reject(self, fact_id: int) -> bool:
        return self.decide(fact_id, "reject")

    def flag(self, fact_id: int) -> bool:
        return self.decide(fact_id, "flag")

    def edit(self, fact_id: int, changes: dict[str, Any], note: Optional[str] = None, *,
             propose: bool = True) -> bool:
        """`propose`: False for a step of a span moved word by word, which would propose every
        partial name on its way (the edit form, accept and add propose)."""
        return self.decide(fact_id, "edit", changes, note, propose=propose)

    def decide(self, fact_id: int, action: str, changes: Optional[dict[str, Any]] = None,
               note: Optional[str] = None, *, propose: bool = True) -> bool:
        before = self.store.fact(fact_id)
        if before is None:
            self.failed.emit("That fact no longer exists.")
            return False
        rec = self._write(self.store.decide, fact_id, action, self.reviewer,
                          status=status_after(action, before.status), changes=changes, note=note)
        if rec is None:
            return False
        self.factChanged.emit(rec)
        proposed, said = (self._propose([rec]) if propose and action in ("accept", "edit")
                          else ([], ""))
        self.saved.emit(f"{action.capitalize()} saved{said}")
        self.stack.push(Step(self, f"{action} of “{_short(before.text)}”",
                             Target(rec.article_id, rec.id), [rec.event_id], proposed))
        return True

    def decide_all(self, fact_ids: list[int], action: str, where: str) -> int:
        """One decision on several facts: one transaction, one undo step. Returns how many."""
        if not fact_ids:
            return 0
        recs = self._write(self.store.decide_many, fact_ids, action, self.reviewer,
                           status=status_after(action, "pending"))
        if recs is None:
            return 0
        for rec in recs:
            self.factChanged.emit(rec)
        proposed, said = self._propose(recs) if action == "accept" else ([], "")
        first = recs[0]
        noun = "fact" if len(recs) == 1 else "facts"
        self.stack.push(Step(self, f"{action} of {len(recs)} {noun} {where}",
                             Target(first.article_id, first.id), [r.event_id for r in recs], proposed))
        self.saved.emit(f"{len(recs)} {noun} {PAST.get(action, action)} and saved{said}")
        return len(recs)

    def add(self, article_id: int, fact, note: Optional[str] = None):
        rec = self._write(self.store.add_fact, article_id, fact, self.reviewer, note)
        if rec is None:
            return None
        self.factAdded.emit(rec)
        proposed, said = self._propose([rec])
        self.saved.emit(f"Added fact saved{said}")
        self.stack.push(Step(self, f"add of “{_short(rec.text)}”", Target(article_id, rec.id),
                             [rec.event_id], proposed))
        return rec

    def _propose(self, recs) -> tuple[list[int], str]:
        """A name just accepted, added or edited into: its other mentions in the workspace
        proposed as pending facts (facts/propose.py). Returns their ids, which the decision's
        undo takes back with it, and what to add to the status bar."""
        from facts.propose import propose_after, summary

        self.proposal_note = ""
        try:
            results = propose_after(self.store, recs)
        except (WorkspaceError, OSError) as exc:  # the decision itself is saved
            self.proposal_note = f" — other mentions not proposed: {exc}"
            return [], self.proposal_note
        made = [rec for res in results for rec in res.facts]
        if made:
            self.factsAdded.emit(made)
        ids = [rec.id for rec in made]
        said = summary(results)
        self.proposal_note = f" · {said}" if said else ""
        return ids, self.proposal_note

    def correct_article(self, article_id: int, shown_as: str, **values: Any) -> bool:
        """A correction of the article's title, date, source or author: logged and undoable."""
        event = self._write(self.store.correct_article, article_id, self.reviewer, **values)
        if event is None:
            return False
        self.articleChanged.emit(article_id)
        fields = ", ".join(values)
        self.saved.emit(f"{fields.capitalize()} saved")
        self.stack.push(Step(self, f"correction of the {fields} of ‘{_short(shown_as)}’",
                             Target(article_id, None), [event]))
        return True

    def delete_article(self, article_id: int, shown_as: str) -> bool:
        """The article and its facts out of the workspace: logged, one undo step."""
        changes = self._write(self.store.delete_articles, [article_id], self.reviewer)
        if changes is None:
            return False
        self.apply(changes)
        self.stack.push(Step(self, f"deletion of ‘{_short(shown_as)}’", Target(article_id, None),
                             [c.event_id for c in changes]))
        return True

    def revert(self, event_id: int, label: str):
        """History ▸ Revert of any logged decision: one undo step, like any decision."""
        change = self._write(self.store.revert, event_id, self.reviewer)
        if change is None:
            return None
        self.apply([change])
        self.saved.emit("Revert saved")
        fact_id = change.fact_id if change.what in ("changed", "added") else None
        self.stack.push(Step(self, f"revert of {label}", Target(change.article_id, fact_id),
                             [change.event_id]))
        return change

    def apply(self, changes) -> None:
        """Tell the views what a revert changed."""
        for ch in changes:
            if ch.what == "article":
                self.articleChanged.emit(ch.article_id)
            elif ch.what == "deleted":
                self.articleDeleted.emit(ch.article_id)
            elif ch.what == "restored":
                self.articleRestored.emit(ch.article_id)
            elif ch.what == "removed":
                self.factRemoved.emit(ch.fact_id, ch.article_id)
            elif ch.what == "added":
                self.factAdded.emit(ch.fact)
            else:
                self.factChanged.emit(ch.fact)


PAST = {"accept": "accepted", "reject": "rejected", "flag": "flagged"}


def _short(text: str, n: int = 40) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


class Step(QUndoCommand):
    """A decision already saved when pushed. Undo reverts its log entries, redo reverts
    the undo's: the same store path as History ▸ Revert."""

    def __init__(self, review: Review, label: str, target: Target, events: list[int],
                 proposals: list[int] = ()):
        super().__init__(label)
        self.review, self.target, self.events = review, target, list(events)
        # Same-name proposals that came with the decision: taken back by its undo (their rows
        # kept), put back under their own ids by its redo.
        self.proposals, self.kept = list(proposals), []
        self._applied = True
        self.failed = False  # the last undo or redo did not reach the workspace

    def redo(self) -> None:
        if self._applied:  # the first redo is the push itself: already saved
            self._applied = False
            return
        self._revert("redo")

    def undo(self) -> None:
        self._revert("undo")

    def _revert(self, action: str) -> None:
        r = self.review
        if self.proposals or self.kept:
            done = r._write(r.store.revert_with_proposals, self.events, r.reviewer, action,
                            withdraw=self.proposals if action == "undo" else (),
                            restore=self.kept if action == "redo" else ())
            changes, taken, back = done if done is not None else (None, [], [])
        else:
            changes = r._write(r.store.revert_many, self.events, r.reviewer, action)
        self.failed = changes is None
        if changes is None:
            self.setObsolete(True)
            return
        self.events = [c.event_id for c in changes]
        r.apply(changes)
        if self.proposals or self.kept:
            if action == "undo":
                self.kept, self.proposals = taken, []
                if taken:
                    r.factsRemoved.emit([(row["id"], row["article_id"]) for row in taken])
            else:
                self.proposals, self.kept = [f.id for f in back], []
                if back:
                    r.factsAdded.emit(back)
