"""One workspace and its use cases, for the command line and the window alike.

Every write goes through here and returns the `Changes` it made; the rules of a decision
(the status an action gives, what a revert puts back, which same-name proposals come and go
with it) live in the core (facts.model, facts.propose) and in this one place, never in a front
end. Qt-free: the window runs these calls, on its thread or a worker's, and applies what
they return.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from db.engine import (CorruptWorkspaceError, Location, NewerWorkspaceError, NoWorkspaceError,
                       WorkspaceError)
from db.search import SearchCancelled
from db.store import StaleFactError, Store
from facts.i18n import _, num
from facts.model import FactBase, status_after

from .changes import Changes
from .team import TeamWork

__all__ = ["Workspace", "ViewState", "WorkspaceError", "CorruptWorkspaceError", "NoWorkspaceError",
           "NewerWorkspaceError", "StaleFactError", "SearchCancelled"]

# How many facts' shown versions a workspace remembers: far more than a reviewer has on screen.
SHOWN_LIMIT = 100_000


@dataclass
class ViewState:
    """Where a reviewer stood: the open article and fact, the list's filter and search, the
    facts' kind and status filters. Kept in the workspace, so reopening it returns there."""

    article: Optional[int] = None
    fact: Optional[int] = None
    pending_only: bool = False
    search: str = ""
    kind: Optional[str] = None
    status: Optional[str] = None

    @classmethod
    def from_stored(cls, value: Any) -> "ViewState":
        """What was stored, each field checked: a value of the wrong type is left out (a
        workspace written by another version, or edited by hand)."""
        if not isinstance(value, dict):
            return cls()

        def pick(key, kind, default):
            v = value.get(key, default)
            if kind is int and isinstance(v, bool):  # a bool is an int to Python, not an id
                return default
            return v if isinstance(v, kind) else default

        return cls(article=pick("article", int, None), fact=pick("fact", int, None),
                   pending_only=pick("pending_only", bool, False), search=pick("search", str, ""),
                   kind=pick("kind", str, None), status=pick("status", str, None))


VIEW_KEY = "view"
GUIDELINES_KEY = "guidelines"


class Workspace(TeamWork):
    """An open workspace and who works in it (`reviewer`, recorded on every decision)."""

    def __init__(self, store: Store, reviewer: Optional[str] = None):
        self.store = store
        self.reviewer = reviewer or None
        # The version of each fact last handed to this reviewer's front end, by facts() and by
        # every write's Changes: a decision on it is made on that version, and refused
        # (StaleFactError) if another reviewer has changed the fact since.
        self._shown: OrderedDict[int, int] = OrderedDict()

    # -- opening and closing ---------------------------------------------------------------
    @classmethod
    def open(cls, path: Location | str, *, reviewer: Optional[str] = None, lock: bool = True,
             create: bool = False) -> "Workspace":
        """Open (and migrate) the workspace at `path`; `create` makes an empty one if there
        is none (import, File ▸ New). Raises WorkspaceError (NoWorkspaceError if none)."""
        return cls(Store.open(path, lock=lock, create=create), reviewer)

    @property
    def path(self) -> Location:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def backup_if_changed(self, keep: Optional[int] = None) -> Optional[Path]:
        return self.store.backup_if_changed(keep) if keep is not None else self.store.backup_if_changed()

    # -- reading ---------------------------------------------------------------------------
    def article_count(self) -> int:
        return self.store.article_count()

    def article_ids(self, *, pending_only: bool = False, search: str = "",
                    ignore_diacritics: bool = True, cancelled=None, queue: bool = False) -> list[int]:
        """`cancelled`: a search stops, raising SearchCancelled, once it returns true (a newer
        search superseded it). `queue`: only this reviewer's assigned articles (my_queue), and
        with `pending_only` those where something is left for them to decide."""
        if not (queue and self.reviewer):
            return self.store.article_ids(pending_only=pending_only, search=search,
                                          ignore_diacritics=ignore_diacritics, cancelled=cancelled)
        mine = {q.article_id: q.left for q in self.my_queue()}
        ids = self.store.article_ids(search=search, ignore_diacritics=ignore_diacritics,
                                     cancelled=cancelled)
        return [i for i in ids if i in mine and (not pending_only or mine[i] > 0)]

    def article_rows(self, ids: Sequence[int]):
        return self.store.article_rows(ids)

    def article(self, article_id: int):
        return self.store.article(article_id)

    def facts(self, article_id: int):
        """An article's facts, to show: a decision on one of them is checked against the
        version returned here (a plain read is fact())."""
        from db.team import seen_by

        # On a shared article: with this reviewer's own decisions, never another's (db/team.py).
        return self._show(seen_by(self.store.engine, article_id, self.reviewer,
                                  self.store.facts(article_id)))

    def _show(self, records: list) -> list:
        for r in records:
            self._shown[r.id] = r.version
            self._shown.move_to_end(r.id)
        while len(self._shown) > SHOWN_LIMIT:
            self._shown.popitem(last=False)
        return records

    def _shows(self, changes: Changes) -> Changes:
        """A write's Changes, which the front end shows: its facts' versions are the shown ones."""
        self._show([*changes.facts, *changes.proposed])
        return changes

    def fact(self, fact_id: int):
        return self.store.fact(fact_id)

    def status_counts(self, article_ids: Sequence[int]):
        return self.store.status_counts(article_ids)

    def pending_total(self) -> int:
        return self.store.pending_total()

    def completed_count(self) -> int:
        return self.store.completed_count()

    def next_article_with_pending(self, after_id: int, *, wrap: bool = True) -> Optional[int]:
        return self.store.next_article_with_pending(after_id, wrap=wrap)

    def same_pending(self, kind: str, text: str) -> list[int]:
        return self.store.same_pending(kind, text)

    def stats(self):
        return self.store.stats()

    def report(self):
        """Sessions, speed and acceptance by kind and by extractor (facts.stats)."""
        from facts.stats import report

        return report(self.store.decisions_by_rule(), self.store.iter_review_events())

    def review_log(self, fact_id: Optional[int] = None, limit: int = 200, *,
                   article_id: Optional[int] = None):
        return self.store.review_log(fact_id, limit, article_id=article_id)

    def reviewer_names(self) -> list[str]:
        return self.store.reviewer_names()

    def latest_model(self, *, data: bool = False):
        return self.store.latest_model(data=data)

    def _view_key(self) -> str:
        # Each reviewer's own: on a shared workspace two reviewers each reopen where they were.
        return f"{VIEW_KEY}:{self.reviewer}" if self.reviewer else VIEW_KEY

    def view_state(self) -> ViewState:
        """Where this reviewer stood (a workspace of a version that kept one place for all
        is read as this reviewer's place, the first time)."""
        stored = self.store.get_state(self._view_key())
        if stored is None and self.reviewer:
            stored = self.store.get_state(VIEW_KEY)
        return ViewState.from_stored(stored)

    def save_view_state(self, state: ViewState) -> None:
        self.store.set_state(self._view_key(), asdict(state))

    def get_state(self, key: str, default: Any = None) -> Any:
        return self.store.get_state(key, default)

    def set_state(self, key: str, value: Any) -> None:
        self.store.set_state(key, value)

    def guidelines(self) -> str:
        """The workspace's annotation guidelines, in Markdown ("" when it has none)."""
        text = self.store.get_state(GUIDELINES_KEY, "")
        return text if isinstance(text, str) else ""

    def set_guidelines(self, text: str) -> None:
        self.store.set_state(GUIDELINES_KEY, text)

    # -- decisions -------------------------------------------------------------------------
    def decide(self, fact_ids: Sequence[int], action: str, *, changes: Optional[dict[str, Any]] = None,
               note: Optional[str] = None, propose: bool = True) -> Changes:
        """A review decision (accept, reject, flag, edit, reset) on one fact, or the same one on
        several, all or none. The status each fact gets is the core's rule (status_after). An
        accept or an edit of a name proposes its other mentions (facts.propose), unless
        `propose` is False (a span moved a word at a time would propose every partial name).

        A fact shown by this workspace is decided on the version shown: if another reviewer has
        changed it since, nothing is saved and StaleFactError says who and when, holding the
        fact as it is now (which counts as shown from then on)."""
        ids = list(fact_ids)
        if changes and len(ids) != 1:
            raise ValueError("changes are made to one fact at a time")
        try:
            if len(ids) == 1:
                before = self.store.fact(ids[0]) if ids[0] > 0 else self.team_fact(ids[0])
                if before is None:
                    raise WorkspaceError(_("That fact no longer exists."))
                recs = [self.store.decide(ids[0], action, self.reviewer,
                                          status=status_after(action, before.status),
                                          changes=changes, note=note, version=self._shown.get(ids[0]))]
            else:
                recs = self.store.decide_many(ids, action, self.reviewer,
                                              status=status_after(action, "pending"),
                                              versions={i: self._shown[i] for i in ids if i in self._shown})
        except StaleFactError as exc:
            self._show([exc.fact])
            raise
        out = Changes(facts=recs, events=[r.event_id for r in recs])
        final = [r for r in recs if "judged_by" not in r.extra]  # a judgment is no one else's to see
        if propose and action in ("accept", "edit") and final:
            self._propose(final, out)
        return self._shows(out)

    def add(self, article_id: int, fact: FactBase, note: Optional[str] = None) -> Changes:
        """A fact the extractor missed, added by the reviewer; its name's other mentions proposed."""
        rec = self.store.add_fact(article_id, fact, self.reviewer, note)
        out = Changes(facts=[rec], events=[rec.event_id])
        if "judged_by" not in rec.extra:  # on a shared article it stays its reviewer's own
            self._propose([rec], out)
        return self._shows(out)

    def _propose(self, recs, out: Changes) -> None:
        """Same name, every mention: the decision is saved already; a proposal that fails
        leaves it saved and says so."""
        from facts.propose import summary

        from .proposing import propose_after

        try:
            results = propose_after(self.store, recs)
            out.proposed, out.note = [f for r in results for f in r.facts], summary(results)
        except (WorkspaceError, OSError) as exc:
            out.note = _("other mentions not proposed: {error}").format(error=exc)

    def revert(self, event_ids: Sequence[int] | int, action: str = "revert", *,
               restore: Sequence[dict[str, Any]] = ()) -> Changes:
        """Put back what logged decisions changed (undo, redo, History ▸ Revert, `fact-review
        revert`: one path), with the same-name proposals they made still pending; `restore`
        puts back proposals an undo took (its redo)."""
        ids = [event_ids] if isinstance(event_ids, int) else list(event_ids)
        try:
            done = self.store.revert(ids, self.reviewer, action, restore=restore)
        except StaleFactError as exc:  # another reviewer decided the fact since
            self._show([exc.fact])
            raise
        out = _from_reverts(done.changes)
        out.withdrawn, out.proposed = done.withdrawn, done.restored
        return self._shows(out)

    def correct_article(self, article_id: int, **values: Any) -> Changes:
        """The article's title, published date, source or author, corrected: a logged decision."""
        event = self.store.correct_article(article_id, self.reviewer, **values)
        return Changes(articles=[article_id], events=[event])

    def delete_articles(self, article_ids: Sequence[int]) -> Changes:
        """Articles and their facts out of the workspace, all or none; revertible."""
        return _from_reverts(self.store.delete_articles(article_ids, self.reviewer))

    # -- bulk work: importing, extracting, learning, exporting -------------------------------
    def import_paths(self, paths: Iterable[str | Path], *, extract: bool = True, **options):
        """Files and folders in, then the new articles (and any an earlier import left unread)
        extracted. Returns (ImportReport, Changes: the new articles, and `many` when the
        extractor ran; its summary is the note)."""
        from .importing import import_and_extract

        report, summary = import_and_extract(self.store, paths, extract=extract, **options)
        return report, Changes(imported=list(report.article_ids), many=summary is not None,
                               note=describe_run(summary) if summary is not None else "")

    def extract(self, **options):
        """The extractor over the articles not yet read by it (`article`: one; `everything`:
        all again); reviewed facts are never changed. Returns (RunSummary, Changes)."""
        from .extracting import run_extraction

        summary = run_extraction(self.store, **options)
        return summary, Changes(many=summary.articles > 0, note=describe_run(summary))

    def count_to_extract(self, *, never: bool = False) -> int:
        """Articles not yet read by the extractor in use (`never`: by any extractor)."""
        from .extracting import current_tag

        return self.store.count_to_extract(current_tag(self.store), never=never)

    def export(self, fmt: str, path: Path | str, flt=None, **options):
        """The workspace as a file (app.exporting.FORMATS), whole or not at all."""
        from .exporting import export

        return export(self.store, fmt, path, flt, **options)

    def write(self, fmt: str, out, flt=None, **options):
        """A text format into an open file (standard output)."""
        from .exporting import write

        return write(self.store, fmt, out, flt, **options)

    def learn(self, **options):
        """A model learned from the decisions, kept as the next version: (Learned, version)."""
        from .learning import train

        return train(self.store, **options)

    def learn_and_reextract(self, **options):
        from .learning import learn_and_reextract

        return learn_and_reextract(self.store, **options)

    def learn_every(self) -> int:
        from .learning import learn_every

        return learn_every(self.store)

    def set_learn_every(self, n: int) -> None:
        from .learning import STATE_EVERY

        self.store.set_state(STATE_EVERY, n)

    def learning_due(self, every: int) -> bool:
        from .learning import due

        return due(self.store, every)


def describe_run(summary) -> str:
    """What an extraction run did (app.extracting.RunSummary), in the language in use: the note
    of an import or an extraction."""
    if not summary.articles:
        return _("Nothing to extract: every article is up to date with {extractor}.").format(
            extractor=summary.extractor)
    return _("{extractor}: {articles} articles, {added} facts added, {removed} pending facts no "
             "longer found removed").format(extractor=summary.extractor, articles=num(summary.articles),
                                            added=num(summary.added), removed=num(summary.removed))


def _from_reverts(changes) -> Changes:
    """The store's record of each reverted decision as one Changes."""
    out = Changes()
    for ch in changes:
        out.events.append(ch.event_id)
        if ch.what == "article":
            out.articles.append(ch.article_id)
        elif ch.what == "deleted":
            out.deleted.append(ch.article_id)
        elif ch.what == "restored":
            out.restored.append(ch.article_id)
        elif ch.what == "removed":
            out.removed.append((ch.fact_id, ch.article_id))
        else:  # "changed", "added"
            out.facts.append(ch.fact)
    return out
