"""Review decisions as undoable commands over the store.

Every decision is written to the workspace first; only once the store has
committed it is the command pushed on the undo stack and the views told. An
undo or redo is itself a decision, written to the review log.
"""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db.engine import WorkspaceError


def _restore_changes(snapshot) -> dict[str, Any]:
    return {"start": snapshot.start, "end": snapshot.end, "text": snapshot.text,
            "value": snapshot.value, **snapshot.fields}


class Review(QObject):
    """Applies decisions for one reviewer and says what changed."""

    factChanged = Signal(object)  # FactRecord as saved
    factAdded = Signal(object)
    factRemoved = Signal(int, int)  # fact id, article id
    saved = Signal(str)  # what was saved, for the status bar
    failed = Signal(str)  # a write that did not happen

    def __init__(self, store, reviewer: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.reviewer = reviewer
        self.stack = QUndoStack(self)

    # -- writes, each returning the saved record or None when it failed ---------
    def _write(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (WorkspaceError, OSError) as exc:
            self.failed.emit(f"Not saved: {exc}")
            return None

    def _decide(self, fact_id: int, action: str, **kw):
        rec = self._write(self.store.decide, fact_id, action, self.reviewer, **kw)
        if rec is not None:
            self.factChanged.emit(rec)
            self.saved.emit(f"{action.capitalize()} saved")
        return rec

    def accept(self, fact_id: int) -> bool:
        return self._push_decision(fact_id, "accept", "accepted", None, None, "Accept")

    def reject(self, fact_id: int) -> bool:
        return self._push_decision(fact_id, "reject", "rejected", None, None, "Reject")

    def edit(self, fact_id: int, changes: dict[str, Any], note: Optional[str] = None) -> bool:
        current = self.store.fact(fact_id)
        status = "added" if current is not None and current.status == "added" else "edited"
        return self._push_decision(fact_id, "edit", status, changes, note, "Edit")

    def _push_decision(self, fact_id, action, status, changes, note, label) -> bool:
        before = self.store.fact(fact_id)
        if before is None:
            self.failed.emit("That fact no longer exists.")
            return False
        after = self._decide(fact_id, action, status=status, changes=changes, note=note)
        if after is None:
            return False
        self.stack.push(DecisionCommand(self, before, after, label))
        return True

    def add(self, article_id: int, fact, note: Optional[str] = None):
        rec = self._write(self.store.add_fact, article_id, fact, self.reviewer, note)
        if rec is None:
            return None
        self.factAdded.emit(rec)
        self.saved.emit("Added fact saved")
        self.stack.push(AddCommand(self, rec))
        return rec

    def accept_all(self, article_id: int, threshold: float) -> int:
        """Accept every pending fact of the article at or above the threshold: one undo step."""
        facts = [f for f in self.store.facts(article_id)
                 if f.status == "pending" and f.confidence >= threshold]
        if not facts:
            return 0
        self.stack.beginMacro(f"Accept {len(facts)} facts ≥ {threshold:.2f}")
        done = 0
        try:
            for f in facts:
                if self._push_decision(f.id, "accept", "accepted", None, None, "Accept"):
                    done += 1
                else:
                    break
        finally:
            self.stack.endMacro()
        if done:
            self.saved.emit(f"{done} facts accepted and saved")
        return done


class DecisionCommand(QUndoCommand):
    """Already applied when pushed; undo restores the fact as it was, redo reapplies."""

    def __init__(self, review: Review, before, after, label: str):
        super().__init__(f"{label} “{before.text[:30]}”")
        self.review, self.before, self.after = review, before, after
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # the first redo is the push itself: already saved
            self._applied = False
            return
        changes = _restore_changes(self.after) if _moved(self.before, self.after) else None
        rec = self.review._decide(self.after.id, "redo", status=self.after.status,
                                  changes=changes, note=self.after.note or "")
        if rec is None:
            self.setObsolete(True)

    def undo(self) -> None:
        changes = _restore_changes(self.before) if _moved(self.before, self.after) else None
        rec = self.review._decide(self.before.id, "undo", status=self.before.status,
                                  changes=changes, note=self.before.note or "")
        if rec is None:
            self.setObsolete(True)


def _moved(a, b) -> bool:
    return (a.start, a.end, a.value, a.fields, a.kind) != (b.start, b.end, b.value, b.fields, b.kind)


class AddCommand(QUndoCommand):
    def __init__(self, review: Review, rec):
        super().__init__(f"Add “{rec.text[:30]}”")
        self.review, self.rec = review, rec
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        from facts.model import validate_fact

        r = self.rec
        fact = validate_fact({"kind": r.kind, "start": r.start, "end": r.end, "text": r.text,
                              "value": r.value, **r.fields, "extractor": r.extractor or "manual"})
        rec = self.review._write(self.review.store.add_fact, r.article_id, fact,
                                 self.review.reviewer, r.note)
        if rec is None:
            self.setObsolete(True)
            return
        self.rec = rec
        self.review.factAdded.emit(rec)
        self.review.saved.emit("Add redone and saved")

    def undo(self) -> None:
        r = self.review._write(self.review.store.remove_fact, self.rec.id, self.review.reviewer,
                               "undo_add")
        if r is None:
            self.setObsolete(True)
            return
        self.review.factRemoved.emit(self.rec.id, self.rec.article_id)
        self.review.saved.emit("Add undone and saved")
