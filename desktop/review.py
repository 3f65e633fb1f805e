"""Review decisions as undoable commands over the workspace (app.workspace).

Every decision is written to the workspace first; only once it has committed is the command
pushed on the undo stack and the window told what changed (one `Changes`, applied in one
place). Undo is the workspace's revert of the decision's log entries and redo the revert of
the undo — the same call as History ▸ Revert and `fact-review revert`, so all of them put back
exactly the same things, with the same-name proposals the decision made. Each is itself a
decision, written to the review log.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.changes import Changes
from app.workspace import StaleFactError, WorkspaceError

from .i18n import QT_TR_NOOP, plural, tr


@dataclass(frozen=True)
class Target:
    """Where a step of the undo stack acts: what the window shows before undoing it."""

    article_id: int
    fact_id: Optional[int]


class Review(QObject):
    """Makes one reviewer's decisions and says what they changed."""

    changed = Signal(object)  # Changes: what a decision, an undo or a revert changed
    saved = Signal(str)  # what was saved, for the status bar
    failed = Signal(str)  # a write that did not happen

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.stack = QUndoStack(self)
        self.proposal_note = ""  # what the last decision proposed, for the status bar

    @property
    def reviewer(self) -> str:
        return self.workspace.reviewer or ""

    # -- writes, each returning what was saved or None when it failed ---------------------
    def _write(self, fn, *args, **kwargs) -> Optional[Changes]:
        try:
            return fn(*args, **kwargs)
        except StaleFactError as exc:  # another reviewer changed the fact: show it as it is now
            self.changed.emit(Changes(facts=[exc.fact]))
            self.failed.emit(tr("Not saved: {reason}").format(reason=exc))
            return None
        except (WorkspaceError, OSError) as exc:
            self.failed.emit(tr("Not saved: {reason}").format(reason=exc))
            return None

    def _done(self, changes: Changes, said: str, label: str, target: Target) -> None:
        """A decision saved: the views told, the status bar, one undo step."""
        self.proposal_note = f" · {changes.note}" if changes.note else ""
        self.changed.emit(changes)
        self.saved.emit(said + self.proposal_note)
        self.stack.push(Step(self, label, target, changes.events, changes.withdrawn))

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
        before = self.workspace.fact(fact_id)
        if before is None:
            self.failed.emit(tr("That fact no longer exists."))
            return False
        done = self._write(self.workspace.decide, [fact_id], action, changes=changes, note=note,
                           propose=propose)
        if done is None:
            return False
        rec = done.facts[0]
        self._done(done, tr(SAVED[action]), tr(OF_FACT[action]).format(text=_short(before.text)),
                   Target(rec.article_id, rec.id))
        return True

    def decide_all(self, fact_ids: list[int], action: str, where: str) -> int:
        """One decision on several facts: one transaction, one undo step. Returns how many."""
        if not fact_ids:
            return 0
        done = self._write(self.workspace.decide, fact_ids, action, propose=action == "accept")
        if done is None:
            return 0
        first, n = done.facts[0], len(done.facts)
        said = plural(n, tr(MANY_SAVED[action][0]), tr(MANY_SAVED[action][1]))
        label = plural(n, tr(OF_MANY[action][0]), tr(OF_MANY[action][1])).replace("{where}", where)
        self._done(done, said, label, Target(first.article_id, first.id))
        return n

    def add(self, article_id: int, fact, note: Optional[str] = None):
        done = self._write(self.workspace.add, article_id, fact, note)
        if done is None:
            return None
        rec = done.facts[0]
        self._done(done, tr("Added fact saved"), tr("add of “{text}”").format(text=_short(rec.text)),
                   Target(article_id, rec.id))
        return rec

    def correct_article(self, article_id: int, shown_as: str, **values: Any) -> bool:
        """A correction of the article's title, date, source or author: logged and undoable."""
        done = self._write(self.workspace.correct_article, article_id, **values)
        if done is None:
            return False
        fields = ", ".join(tr(ARTICLE_FIELDS.get(k, k)) for k in values)
        self._done(done, tr("Saved: {fields}").format(fields=fields),
                   tr("correction of the {fields} of ‘{title}’").format(fields=fields, title=_short(shown_as)),
                   Target(article_id, None))
        return True

    def delete_article(self, article_id: int, shown_as: str) -> bool:
        """The article and its facts out of the workspace: logged, one undo step."""
        done = self._write(self.workspace.delete_articles, [article_id])
        if done is None:
            return False
        self.changed.emit(done)
        self.stack.push(Step(self, tr("deletion of ‘{title}’").format(title=_short(shown_as)), Target(article_id, None),
                             done.events))
        return True

    def revert(self, event_id: int, label: str) -> Optional[Changes]:
        """History ▸ Revert of any logged decision: one undo step, like any decision."""
        done = self._write(self.workspace.revert, [event_id])
        if done is None:
            return None
        fact = done.first_fact
        article = fact.article_id if fact else next(iter(done.touched_articles), None)
        self._done(done, tr("Revert saved"), tr("revert of {what}").format(what=label),
                   Target(article, fact.id if fact else None))
        return done


# What the status bar says, and how the undo step is named (“Undid: accept of …”), by action.
SAVED = {"accept": QT_TR_NOOP("Accept saved"), "reject": QT_TR_NOOP("Reject saved"),
         "flag": QT_TR_NOOP("Flag saved"), "edit": QT_TR_NOOP("Edit saved")}
OF_FACT = {"accept": QT_TR_NOOP("accept of “{text}”"), "reject": QT_TR_NOOP("reject of “{text}”"),
           "flag": QT_TR_NOOP("flag of “{text}”"), "edit": QT_TR_NOOP("edit of “{text}”")}
MANY_SAVED = {"accept": (QT_TR_NOOP("{n} fact accepted and saved"), QT_TR_NOOP("{n} facts accepted and saved")),
              "reject": (QT_TR_NOOP("{n} fact rejected and saved"), QT_TR_NOOP("{n} facts rejected and saved")),
              "flag": (QT_TR_NOOP("{n} fact flagged and saved"), QT_TR_NOOP("{n} facts flagged and saved"))}
OF_MANY = {"accept": (QT_TR_NOOP("accept of {n} fact {where}"), QT_TR_NOOP("accept of {n} facts {where}")),
           "reject": (QT_TR_NOOP("reject of {n} fact {where}"), QT_TR_NOOP("reject of {n} facts {where}")),
           "flag": (QT_TR_NOOP("flag of {n} fact {where}"), QT_TR_NOOP("flag of {n} facts {where}"))}
ARTICLE_FIELDS = {"title": QT_TR_NOOP("title"), "published": QT_TR_NOOP("date"),
                  "source": QT_TR_NOOP("source"), "author": QT_TR_NOOP("author")}


def _short(text: str, n: int = 40) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


class Step(QUndoCommand):
    """A decision already saved when pushed. Undo reverts its log entries, redo reverts
    the undo's: the workspace's one revert, as History ▸ Revert."""

    def __init__(self, review: Review, label: str, target: Target, events: list[int],
                 withdrawn: list[dict] = ()):
        super().__init__(label)
        self.review, self.target, self.events = review, target, list(events)
        # Same-name proposals the last step in either direction took back (an undo of a
        # decision, a History revert), put back by the next one.
        self.kept: list[dict] = list(withdrawn)
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
        done = r._write(r.workspace.revert, self.events, action, restore=self.kept)
        self.failed = done is None
        if done is None:
            self.setObsolete(True)
            return
        self.events = done.events
        self.kept = done.withdrawn
        r.changed.emit(done)
