"""The review window: three panes, the keyboard, and what happens between them."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QEvent, QKeyCombination, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QApplication, QComboBox, QLabel, QLineEdit,
                               QMainWindow, QMessageBox, QPushButton, QSplitter, QTextEdit)

from app.opening import ServerURL
from app.workspace import SearchCancelled, ViewState, Workspace, WorkspaceError
from facts.model import validate_fact

from . import actions as registry
from . import i18n, ime
from . import settings as prefs_store
from .article_model import ArticleListModel
from .article_view import ArticleView
from .articles_pane import ArticlesPane
from .comfort import Comfort
from .dialogs import HelpOverlay
from .facts_pane import FactsPane
from .file_actions import FileActions
from .guidelines import Guidelines
from .learning import Learning
from .review import Review
from .safe_text import escape, plain, warn
from .i18n import decimal, num, plural, tr
from .theme import KINDS, kind_label
from .live import LiveUpdates
from .tasks import TaskRunner

BACKUP_DELAY_MS = 3000
# Keys a text field or picker uses itself: they must reach it, not trigger a review action.
_LIST_KEYS = {Qt.Key_Up, Qt.Key_Down, Qt.Key_PageUp, Qt.Key_PageDown, Qt.Key_Home, Qt.Key_End,
              Qt.Key_Return, Qt.Key_Enter}
_TYPING_KEYS = {Qt.Key_Space, Qt.Key_Return, Qt.Key_Enter, Qt.Key_Up, Qt.Key_Down,
                Qt.Key_BracketLeft, Qt.Key_BracketRight, Qt.Key_Question}


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, settings: QSettings, pool=None, review: Optional[Review] = None):
        """`review`: the decisions and undo stack of the window this one replaces (a new language)."""
        super().__init__()
        self.workspace = workspace
        self.settings = settings
        self.prefs = prefs_store.load(settings)
        self.review = review if review is not None else Review(workspace, self)
        self.review.setParent(self)
        self.successor: Optional["MainWindow"] = None  # the window built in another language
        self.tasks = TaskRunner(self, pool)
        self.article = None
        self.help: Optional[HelpOverlay] = None
        self.setAcceptDrops(True)

        self.article_model = ArticleListModel(workspace, self)
        self.articles = ArticlesPane(self.article_model)
        self.view = ArticleView(self.prefs.find_match_case, self.prefs.find_match_diacritics)
        self.facts = FactsPane()
        self.splitter = QSplitter(Qt.Horizontal)
        for w in (self.articles, self.view, self.facts):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setContentsMargins(8, 6, 8, 4)
        self.setCentralWidget(self.splitter)

        self.files = FileActions(self)
        self.learning = Learning(self)
        self.live = LiveUpdates(self)
        self.queue_only = False  # View ▸ Only My Queue
        self.guidelines = Guidelines(self)
        self.comfort = Comfort(self)
        self.actions = registry.build(self, {
            "new": self.files.new_workspace, "open": self.files.open_workspace_dialog,
            "import_files": self.files.import_files, "import_folder": self.files.import_folder,
            "export_jsonl": self.files.export_jsonl,
            "export_csv": lambda: self.files.export_table("csv"),
            "export_xlsx": lambda: self.files.export_table("xlsx"),
            "export_articles": lambda: self.files.export_table("articles"), "stats": self.show_stats,
            "history": self.show_history, "restore_backup": self.files.restore_backup,
            "agreement": self.show_agreement, "adjudicate": self.show_adjudication,
            "my_queue": self.set_queue_only,
            "to_text": self.view.focus_text, "extract": self.extract_pending,
            "learn": lambda: self.learning.learn_now(), "learn_every": self.learning.ask_every,
            "quit": self.close,
            "undo": lambda: self.step_back("undo"), "redo": lambda: self.step_back("redo"),
            "flag": self.flag, "edit_metadata": self.edit_metadata, "accept_same": lambda: self.decide_same("accept"),
            "reject_same": lambda: self.decide_same("reject"),
            "find": self.find, "find_in_article": self.view.open_find,
            "find_next": lambda: self.view.find_step(1), "find_prev": lambda: self.view.find_step(-1),
            "preferences": self.show_preferences, "next_fact": lambda: self.facts.step(1),
            "prev_fact": lambda: self.facts.step(-1), "accept": self.accept, "reject": self.reject,
            "edit": self.edit, "add": self.add, "next_pending": self.next_pending,
            "accept_all": self.accept_all, "delete_article": self.delete_article,
            "next_article": lambda: self.step_article(1),
            "prev_article": lambda: self.step_article(-1), "help": self.toggle_help,
            "status_next": lambda: self.facts.cycle_status(1),
            "status_prev": lambda: self.facts.cycle_status(-1),
            "kind_all": lambda: self.facts.show_kind(None),
            **{f"kind_{k}": (lambda *_, k=k: self.facts.show_kind(k)) for k in KINDS},
            "span_end_grow": lambda: self.move_span("end", 1),
            "span_end_shrink": lambda: self.move_span("end", -1),
            "span_start_grow": lambda: self.move_span("start", 1),
            "span_start_shrink": lambda: self.move_span("start", -1),
            "focus_articles": self.articles.view.setFocus, "focus_facts": self.facts.table.setFocus,
            "zoom_in": lambda: self.comfort.zoom(1), "zoom_out": lambda: self.comfort.zoom(-1),
            "zoom_reset": lambda: self.comfort.zoom(0), "furniture": self.comfort.hide_furniture,
            "edit_guidelines": self.guidelines.edit, "import_guidelines": self.guidelines.import_file,
            "tour": self.comfort.show_tour,
        }, self.prefs.keys)
        self.guidelines.connect(self.actions["guidelines"])
        self.actions["confirm_bulk"].setChecked(self.prefs.confirm_bulk)
        self.actions["confirm_bulk"].toggled.connect(self._set_confirm_bulk)
        self.actions["pending_only"].toggled.connect(self.articles.pending.setChecked)
        self.articles.pending.toggled.connect(self.actions["pending_only"].setChecked)
        self.review.stack.canUndoChanged.connect(self.actions["undo"].setEnabled)
        self.review.stack.canRedoChanged.connect(self.actions["redo"].setEnabled)
        self.actions["undo"].setEnabled(False)
        self.actions["redo"].setEnabled(False)
        registry.build_menus(self.menuBar(), self.actions)
        self.recent_menu = self.menuBar().actions()[0].menu().addMenu(tr("Open &Recent"))
        self.files.rebuild_recent()
        self.comfort.apply()

        self.status_reviewer = QLabel()
        self.status_position = QLabel()
        self.status_left = QLabel()
        self.status_saved = QLabel(objectName="savedLabel")
        # Hints get a label of their own: a status-bar message would be drawn over the others.
        self.status_hint = QLabel(objectName="hintLabel")
        # They name reviewers, titles and facts: shown as written, never read as markup.
        plain(self.status_reviewer, self.status_position, self.status_left, self.status_saved,
              self.status_hint)
        self._hint_timer = QTimer(self, singleShot=True, interval=5000)
        self._hint_timer.timeout.connect(self.status_hint.clear)
        for w in (self.status_reviewer, self.status_position, self.status_left):
            self.statusBar().addWidget(w)
        self.statusBar().addWidget(self.status_hint, 1)
        # Articles the extractor has not read (an import stopped during extraction, or a
        # newer extractor): said on opening, with the button that extracts them.
        self.status_unextracted = QPushButton(flat=True, objectName="unextractedButton")
        self.status_unextracted.setFocusPolicy(Qt.NoFocus)
        self.status_unextracted.clicked.connect(self.extract_pending)
        self.status_unextracted.hide()
        self.statusBar().addPermanentWidget(self.status_unextracted)
        self.statusBar().addPermanentWidget(self.status_saved)

        self.articles.articleActivated.connect(lambda aid: self.open_article(aid))
        self.articles.view.activated.connect(lambda _i: self.facts.table.setFocus())
        self.articles.filterChanged.connect(self.apply_article_filter)
        self.facts.currentFactChanged.connect(self._fact_selected)
        self.facts.form.submitted.connect(self._form_submitted)
        self.facts.form.cancelled.connect(self.facts.table.setFocus)
        self.view.factClicked.connect(self.select_fact)
        self.view.metadataEdited.connect(self._metadata_edited)
        self.view.metadataDone.connect(self.facts.table.setFocus)
        self.view.text.selectionChanged.connect(self._article_selection_changed)
        self.view.find_bar.closed.connect(self.facts.table.setFocus)
        self.review.saved.connect(lambda _m: self.learning.decided())
        self.review.changed.connect(self.apply_changes)
        self.review.saved.connect(self.show_saved)
        self.review.failed.connect(self._failed)
        self._backup_timer = QTimer(self, singleShot=True, interval=BACKUP_DELAY_MS)
        self._backup_timer.timeout.connect(lambda: self.files.backup_in_background())
        self._state_timer = QTimer(self, singleShot=True, interval=1500)
        self._state_timer.timeout.connect(self.save_state)
        QApplication.instance().installEventFilter(self)
        # Where single keys review: no input method composes there (desktop/ime.py).
        self.review_surfaces = (self.facts.table, self.articles.view, self.view.text)
        ime.keep_off(*self.review_surfaces)
        self._ime_last = self._ime_before = ""  # the text of the last key and of the one before

        self.resize(1400, 860)
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([270, 600, 530])
        docks = settings.value("docks")
        if docks is not None:
            self.restoreState(docks)
        self.load_workspace()

    # -- workspace ----------------------------------------------------------------
    def load_workspace(self) -> None:
        self.setWindowTitle(tr("{name} — Fact Review").format(name=self.workspace.path.name))
        where = self.workspace.path
        # a server's URL without its password (never written to the settings file)
        self.prefs.remember(where.without_password() if isinstance(where, ServerURL) else str(where))
        prefs_store.save(self.settings, self.prefs)
        self.files.rebuild_recent()
        self.status_reviewer.setText(tr("Reviewer: {name}").format(name=self.review.reviewer))
        self.guidelines.load()
        state = self.workspace.view_state()
        pending_only, search = state.pending_only, state.search
        self.articles.pending.blockSignals(True)
        self.articles.pending.setChecked(pending_only)
        self.articles.pending.blockSignals(False)
        self.actions["pending_only"].setChecked(pending_only)
        self.articles.search.blockSignals(True)
        self.articles.search.setText(search)
        self.articles.search.blockSignals(False)
        self.facts.set_filters(state.kind, state.status)
        # A reviewer with assigned articles opens on their queue (fact-review assign).
        try:
            self.queue_only = self.workspace.has_queue()
        except WorkspaceError:
            self.queue_only = False
        self.actions["my_queue"].setChecked(self.queue_only)
        self.actions["my_queue"].setEnabled(self.queue_only)
        self.article_model.set_ids(self.workspace.article_ids(pending_only=pending_only, search=search,
                                                              queue=self.queue_only))
        self.articles.update_count()
        aid = state.article
        if aid is None or self.article_model.row_for(aid) is None:
            aid = self.workspace.next_article_with_pending(0) or (self.article_model.ids or [None])[0]
        if aid is not None:
            self.open_article(aid, fact_id=state.fact)
        else:
            self.show_no_article()
        self._update_status()
        self.status_saved.setText(tr("All decisions saved"))
        self._update_unextracted()
        self.facts.table.setFocus()
        # After the first paint, not competing with it; on a worker thread.
        self._backup_timer.start()

    def show_history(self) -> None:
        from .history import HistoryDialog

        fact = self.facts.current_fact()
        if getattr(self, "history", None) is not None:
            self.history.close()
        self.history = HistoryDialog(self.workspace, fact.id if fact else None, self._revert_event, self)
        self.history.finished.connect(self.dialog_closed)
        self.history.show()

    def dialog_closed(self) -> None:
        """A dialog left: the keys go back to the facts."""
        self.activateWindow()
        self.facts.table.setFocus()

    def _revert_event(self, event_id: int, label: str) -> bool:
        """History ▸ Revert: the same path as undo, and itself undoable."""
        done = self.review.revert(event_id, label)
        if done is None:
            return False
        fact = done.first_fact
        if fact is not None:
            self.go_to(fact.article_id, fact.id)
        elif done.touched_articles and not done.deleted:
            self.go_to(min(done.touched_articles))
        return True

    def go_to(self, article_id: int, fact_id: Optional[int] = None) -> None:
        """Bring the reviewer to an article and fact (undo, redo and revert act in view)."""
        if not self.workspace.article_rows([article_id]):
            return  # deleted: nothing to show (undoing its deletion brings it back in view)
        if self.article is None or self.article.id != article_id:
            if self.article_model.row_for(article_id) is None:  # hidden by the filter or search
                self.articles.pending.setChecked(False)
                self.articles.search.clear()
                self.article_model.set_ids(self.workspace.article_ids(queue=self.queue_only))
                if self.article_model.row_for(article_id) is None:  # not in the queue either
                    self.set_queue_only(False)
                self.articles.update_count()
            self.open_article(article_id, fact_id=fact_id)
        elif fact_id is not None:
            self.select_fact(fact_id)

    def step_back(self, which: str) -> None:
        """Undo or redo: first show where it acts, then do it, then say what it did."""
        stack = self.review.stack
        if not (stack.canUndo() if which == "undo" else stack.canRedo()):
            self.hint(tr("Nothing to undo") if which == "undo" else tr("Nothing to redo"))
            return
        cmd = stack.command(stack.index() - (1 if which == "undo" else 0))
        text = stack.undoText() if which == "undo" else stack.redoText()
        target = getattr(cmd, "target", None)
        if target is not None:
            self.go_to(target.article_id)
        stack.undo() if which == "undo" else stack.redo()
        if getattr(cmd, "failed", False):
            return  # the red "Not saved" says why; nothing was undone
        if target is not None and target.fact_id is not None and self.article \
                and self.article.id == target.article_id \
                and self.facts.model.row_of(target.fact_id) is not None:  # not a fact taken away
            self.select_fact(target.fact_id)
        self.show_saved((tr("Undid: {what}") if which == "undo" else tr("Redid: {what}")).format(what=text))

    def switch_workspace(self, path: Path, closed: bool = False, create: bool = False) -> None:
        """Open another workspace (a new one only with `create`: File ▸ New)."""
        here = self.workspace.path
        if not closed and (path == here if isinstance(path, ServerURL) or isinstance(here, ServerURL)
                           else Path(path).resolve() == here.resolve()):
            return  # already open
        reviewer = self.workspace.reviewer
        try:
            workspace = Workspace.open(path, reviewer=reviewer, create=create)
        except WorkspaceError as exc:
            warn(self, tr("Fact Review"), str(exc))
            if closed:  # the old one is gone: reopen it rather than leave the window empty
                try:
                    self._retarget(Workspace.open(self.workspace.path, reviewer=reviewer))
                except WorkspaceError as again:  # taken meanwhile: nothing to show or write
                    warn(self, tr("Fact Review"), f"{again}\n\n" + tr("The window closes."))
                    self.close()
            return
        if not closed:
            self.save_state()
            self.workspace.close()
        self._retarget(workspace)
        self.load_workspace()

    def _retarget(self, workspace: Workspace) -> None:
        """Everything that works on a workspace now works on this one: the undo stack starts
        empty, the dialogs of the one before are closed, its background work is stopped."""
        self.tasks.cancel_all()
        for name in ("history", "stats_window", "help", "agreement", "adjudication"):
            dialog = getattr(self, name, None)
            if dialog is not None:
                dialog.close()
                setattr(self, name, None)
        self.workspace = workspace
        self.review.workspace = workspace
        self.review.stack.clear()
        self.article_model.set_workspace(workspace)
        self.learning.retarget()
        self.live.retarget()

    def save_state(self) -> None:
        fact = self.facts.current_fact()
        f = self.facts.filters()
        state = ViewState(article=self.article.id if self.article else None,
                          fact=fact.id if fact else None,
                          pending_only=self.articles.pending.isChecked(),
                          search=self.articles.search.text().strip(),
                          kind=f["kind"], status=f["status"])
        try:
            self.workspace.save_view_state(state)
        except WorkspaceError:
            pass  # where the reviewer stood is a convenience; decisions are saved apart

    # -- articles -----------------------------------------------------------------
    def open_article(self, article_id: int, fact_id: Optional[int] = None,
                     select: str = "first_pending") -> None:
        art = self.workspace.article(article_id)
        if art is None:
            return
        self.facts.form.cancel()
        self.article = art
        facts = self.workspace.facts(article_id)
        self.view.set_article(art, facts)
        self.facts.set_facts(facts)
        self.articles.show_current(article_id)
        visible = self.facts.visible_facts()
        target = None
        if fact_id is not None and any(f.id == fact_id for f in visible):
            target = fact_id
        elif visible:
            pending = [f for f in visible if f.status == "pending"]
            if select == "last":
                target = visible[-1].id
            else:
                target = (pending or visible)[0].id
        if target is not None:
            self.facts.select(target)
        else:
            self.view.select_fact(None)
        self._update_status(recount=False)
        self._state_timer.start()

    def step_article(self, delta: int) -> None:
        ids = self.article_model.ids
        if not ids:
            return
        row = self.article_model.row_for(self.article.id) if self.article else None
        if row is None:
            row = -1 if delta > 0 else len(ids)
        new = row + delta
        if 0 <= new < len(ids):
            self.open_article(ids[new])

    def listed_ids(self) -> list[int]:
        """The article list as its filters have it: pending only, the search, my queue."""
        return self.workspace.article_ids(pending_only=self.articles.pending.isChecked(),
                                          search=self.articles.search.text().strip(),
                                          queue=self.queue_only)

    def set_queue_only(self, on: bool) -> None:
        """View ▸ Only My Queue: the articles assigned to this reviewer, or every article."""
        if on == self.queue_only:
            return
        self.queue_only = on
        self.actions["my_queue"].setChecked(on)  # toggled, not triggered: no second call
        self.apply_article_filter(self.articles.pending.isChecked(), self.articles.search.text().strip())

    def show_agreement(self) -> None:
        from .team_views import AgreementDialog

        if getattr(self, "agreement", None) is not None:
            self.agreement.close()
        self.agreement = AgreementDialog(self)
        self.agreement.finished.connect(self.dialog_closed)
        self.agreement.show()

    def show_adjudication(self) -> None:
        from .team_views import AdjudicationDialog

        if getattr(self, "adjudication", None) is not None:
            self.adjudication.close()
        self.adjudication = AdjudicationDialog(self)
        self.adjudication.finished.connect(self.dialog_closed)
        self.adjudication.show()

    def apply_article_filter(self, pending_only: bool, search: str) -> None:
        self._search_generation = getattr(self, "_search_generation", 0) + 1
        generation = self._search_generation
        previous = getattr(self, "_search_cancel", None)
        if previous is not None:
            previous.set()  # superseded: it stops where it is, not at its end

        queue = self.queue_only

        def job(_progress, cancelled):
            try:
                return self.workspace.article_ids(pending_only=pending_only, search=search,
                                                  cancelled=cancelled, queue=queue)
            except SearchCancelled:
                return None

        def done(ids):
            if generation != self._search_generation or ids is None:
                return  # a newer search was typed meanwhile
            self.article_model.set_ids(ids)
            self.articles.update_count()
            if self.article and self.article_model.row_for(self.article.id) is not None:
                self.articles.show_current(self.article.id)
            elif ids:
                self.open_article(ids[0])
            else:
                self.show_no_article()
            self._update_status()
            self._state_timer.start()

        self._search_cancel = self.tasks.run(tr("Searching…"), job, done, self.task_failed,
                                             show_progress=False)

    def show_no_article(self) -> None:
        """The empty state: why no article is shown and what to do, never a stale one."""
        self.facts.form.cancel()
        self.article = None
        search = self.articles.search.text().strip()
        if search:
            message = ((tr("No article with pending facts matches “{search}”.")
                        if self.articles.pending.isChecked() else tr("No article matches “{search}”."))
                       .format(search=escape(search)) + "<br>"
                       + tr("Press {key} to change the search.").format(key=escape(self.key_text("find"))))
        elif self.articles.pending.isChecked() and self.workspace.article_count():
            message = escape(tr("Every article is reviewed: no pending fact left."))
        else:
            message = (escape(tr("No articles yet.")) + "<br>" + escape(tr(
                "Import files with {files}, a folder with {folder}, or drop them here.").format(
                files=self.key_text("import_files"), folder=self.key_text("import_folder"))))
        self.view.clear(message)
        self.facts.set_facts([])
        self.articles.view.clearSelection()
        self._update_status()

    def find(self) -> None:
        """Ctrl+F: in the article text (or its find bar), find in this article; anywhere else,
        in the articles' titles and text."""
        w = QApplication.focusWidget()
        if w is not None and (w is self.view.text or self.view.find_bar.isAncestorOf(w)):
            self.view.open_find()
            return
        self.articles.search.setFocus()
        self.articles.search.selectAll()

    def key_text(self, action_id: str) -> str:
        """An action's keys as the reviewer has them, for a hint."""
        return registry.keys_text(registry.SPECS[action_id], registry.current_keys(self.prefs.keys))

    # -- facts --------------------------------------------------------------------
    def select_fact(self, fact_id: int) -> None:
        if not self.facts.select(fact_id):  # hidden by a filter: show every fact
            self.facts.set_filters(None, None)
            self.facts.select(fact_id)
        self.facts.table.setFocus()

    def _fact_selected(self, fact_id) -> None:
        self.view.select_fact(fact_id)
        self._state_timer.start()

    def _current_or_hint(self):
        f = self.facts.current_fact()
        if f is None:
            self.hint(tr("No fact selected: press {key} to pick one").format(key=self.key_text("next_fact")))
        return f

    def accept(self) -> None:
        f = self._current_or_hint()
        if f and self.review.accept(f.id):
            self.advance(f.id)

    def reject(self) -> None:
        f = self._current_or_hint()
        if f and self.review.reject(f.id):
            self.advance(f.id)

    def flag(self) -> None:
        f = self._current_or_hint()
        if f and self.review.flag(f.id):
            self.advance(f.id)

    def accept_all(self) -> None:
        """Shift+A: every pending fact of the article at or above the threshold, once the
        reviewer has seen how many (Enter accepts, Esc cancels; a preference skips it)."""
        if self.article is None:
            return
        threshold = self.prefs.accept_threshold
        ids = [f.id for f in self.workspace.facts(self.article.id)
               if f.status == "pending" and f.confidence >= threshold]
        if not ids:
            self.hint(tr("No pending fact at or above {threshold} in this article").format(
                threshold=decimal(threshold)))
            return
        title = self.article.title or self.article.uid
        if self.prefs.confirm_bulk and not self._confirm(
                plural(len(ids), tr("Accept {n} pending fact at or above {threshold} in ‘{title}’?"),
                       tr("Accept {n} pending facts at or above {threshold} in ‘{title}’?")).replace(
                    "{threshold}", decimal(threshold)).replace("{title}", title)):
            self.hint(tr("Nothing accepted"))
            return
        if self.review.decide_all(ids, "accept", tr("in ‘{title}’").format(title=title)):
            self.advance(None)

    def decide_same(self, action: str) -> None:
        """Alt+A / Alt+R: this fact and every pending fact of its kind with the same text,
        in the whole workspace, as one undo step."""
        f = self._current_or_hint()
        if f is None:
            return
        ids = list(dict.fromkeys(([f.id] if f.status == "pending" else []) +
                                 self.workspace.same_pending(f.kind, f.text)))
        if not ids:
            self.hint(tr("No pending mention of “{text}” left").format(text=f.text))
            return
        n = self.review.decide_all(ids, action, tr("— every “{text}” ({kind})").format(
            text=f.text, kind=kind_label(f.kind).lower()))
        if n:
            said = (plural(n, tr("{n} mention of “{text}” accepted and saved"),
                           tr("{n} mentions of “{text}” accepted and saved")) if action == "accept" else
                    plural(n, tr("{n} mention of “{text}” rejected and saved"),
                           tr("{n} mentions of “{text}” rejected and saved")))
            self.show_saved(said.replace("{text}", f.text)
                            + (self.review.proposal_note if action == "accept" else ""))
            self.advance(f.id)

    def _confirm(self, question: str, yes_text: str = "", bulk: bool = True) -> bool:
        """A yes/no question answered from the keyboard: Enter says yes, Esc no. A bulk
        question has a box that stops such questions for good (the menu brings them back)."""
        from PySide6.QtWidgets import QCheckBox

        box = QMessageBox(QMessageBox.Question, tr("Fact Review"), question,
                          QMessageBox.Yes | QMessageBox.Cancel, self)
        box.setTextFormat(Qt.PlainText)  # a title is shown as written, never read as markup
        if yes_text:
            box.button(QMessageBox.Yes).setText(yes_text)
        box.setDefaultButton(QMessageBox.Yes)
        box.setEscapeButton(QMessageBox.Cancel)
        # Parented: the box keeps a pointer to it, which Python's collector must not free (a
        # later restyle of the application would then lay out a deleted widget).
        never = QCheckBox(tr("Do not ask again"), box) if bulk else None
        if never is not None:
            box.setCheckBox(never)
        yes = box.exec() == QMessageBox.Yes
        self.activateWindow()  # the keys go back to the facts, where the reviewer was
        self.facts.table.setFocus()
        if yes and never is not None and never.isChecked():
            self.actions["confirm_bulk"].setChecked(False)  # saved; the menu can turn it back on
        return yes

    def delete_article(self) -> None:
        """Ctrl+Del: the open article and its facts out of the workspace, once the reviewer
        has seen what goes (Enter deletes, Esc keeps it); the next article opens in its
        place. Logged and one undo step: Ctrl+Z or History ▸ Revert brings it back."""
        from .review import _short

        if self.article is None:
            self.hint(tr("No article open"))
            return
        if self.facts.form.isVisible():
            self.hint(tr("Save the edit (Enter) or cancel it (Esc) first"))
            return
        row = self.workspace.article_rows([self.article.id]).get(self.article.id)
        if row is None:
            return
        title = row.title or row.uid
        facts = plural(row.n_facts, tr("{n} fact"), tr("{n} facts"))
        if not self._confirm(tr("Delete the article ‘{title}’ and its {facts} ({reviewed} reviewed) from "
                                "the workspace?\n\nIt leaves the list, the search, the statistics and "
                                "the exports. Ctrl+Z brings it back, and so does History ▸ Revert "
                                "later.").format(title=title, facts=facts, reviewed=num(row.n_reviewed)),
                             yes_text=tr("Delete"), bulk=False):
            self.hint(tr("Nothing deleted"))
            return
        if self.review.delete_article(row.id, title):
            self.show_saved(tr("Deleted ‘{title}’ and its {facts} — Ctrl+Z brings it back").format(
                title=_short(title), facts=facts))

    def _article_deleted(self, article_id: int) -> None:
        """An article left the workspace (deleted, or the undo of its putting back): off the
        list, the next one opened in its place."""
        ids = self.article_model.ids
        row = self.article_model.row_for(article_id)
        rest = [i for i in ids if i != article_id]
        if row is not None:
            self.article_model.set_ids(rest)
            self.articles.update_count()
        if self.article is not None and self.article.id == article_id:
            if rest:
                self.open_article(rest[min(row if row is not None else 0, len(rest) - 1)])
            else:
                self.show_no_article()
        elif self.article is not None:
            self.articles.show_current(self.article.id)
        self._update_status()

    def _article_restored(self, article_id: int) -> None:
        """A deleted article is back: listed where it belongs, and opened."""
        self.article_model.set_ids(self.listed_ids())
        self.articles.update_count()
        self.go_to(article_id)  # clears a filter or search that would hide it
        self._update_status()

    def show_preferences(self) -> None:
        from .preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.prefs, self.learning.every(), self)
        if not dialog.exec():
            self.dialog_closed()
            return
        language = self.prefs.language
        dialog.apply_to(self.prefs)
        prefs_store.save(self.settings, self.prefs)
        if self.prefs.language != language and self.rebuild_in_language():
            return
        self.comfort.apply()
        self.actions["confirm_bulk"].setChecked(self.prefs.confirm_bulk)
        if dialog.every.value() != self.learning.every():
            self.learning.set_every(dialog.every.value())
        self.workspace.reviewer = self.prefs.reviewer
        self.status_reviewer.setText(tr("Reviewer: {name}").format(name=self.review.reviewer))
        self.hint(tr("Preferences saved"))
        self.dialog_closed()

    def rebuild_in_language(self) -> bool:
        """The language changed: install it, then build this window again in it — the same
        workspace, place, undo stack, size and panes — and close this one. Returns whether it did
        (not when the reviewer keeps an open edit form)."""
        if not self._settle_open_form():
            return False
        i18n.install(self.prefs.language)
        self.tasks.cancel_all()
        self.save_state()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.setValue("docks", self.saveState())
        for signal in (self.review.changed, self.review.saved, self.review.failed,
                       self.review.stack.canUndoChanged, self.review.stack.canRedoChanged):
            signal.disconnect()  # from this window: the next one connects its own
        new = MainWindow(self.workspace, self.settings, self.tasks.pool, review=self.review)
        new.actions["undo"].setEnabled(self.review.stack.canUndo())
        new.actions["redo"].setEnabled(self.review.stack.canRedo())
        self.successor = new
        new.show()
        new.hint(tr("Preferences saved"))
        self.close()
        self.deleteLater()
        return True

    def _set_confirm_bulk(self, on: bool) -> None:
        self.prefs.confirm_bulk = on
        prefs_store.save(self.settings, self.prefs)

    def edit(self) -> None:
        f = self._current_or_hint()
        if f and self.article:
            self.facts.form.edit(f, self.article.text, self._article_year())

    def move_span(self, edge: str, delta: int) -> None:
        """Shift+←/→ move the end of the selected fact by a word, Ctrl+Shift+←/→ its start:
        saved at once as an edit (undoable). With the edit form open, its span moves."""
        from facts.spans import move

        if self.article is None:
            return
        form = self.facts.form
        if form.isVisible():
            if not form.move_span(edge, delta):
                self.hint(tr("The span cannot move that way"))
            return
        f = self._current_or_hint()
        if f is None:
            return
        span = move(self.article.text, f.start, f.end, edge, delta)
        if span is None:
            self.hint(tr("The span cannot move that way"))
            return
        text = self.article.text[span[0]:span[1]]
        changes = {"start": span[0], "end": span[1], "text": text}
        if " ".join(f.value.split()) == " ".join(f.text.split()):
            changes["value"] = " ".join(text.split())  # a name's value is its words
        if self.review.edit(f.id, changes, propose=False):  # no partial name proposed on the way
            self.select_fact(f.id)

    def add(self) -> None:
        if self.article is None:
            return
        span = self.view.selected_span()
        if span is None:
            self.hint(tr("Select the words in the article first, then press {key}").format(key=self.key_text("add")))
            return
        kind = self.facts.filters()["kind"]
        self.facts.form.add(span, self.article.text, kind, self._article_year())

    def _article_year(self) -> Optional[int]:
        published = (self.article.published or "") if self.article else ""
        return int(published[:4]) if published[:4].isdigit() else None

    def extract_pending(self) -> None:
        workspace = self.workspace

        def job(progress, cancelled):
            return workspace.extract(progress=progress, cancelled=cancelled)[1]

        def done(changes) -> None:
            self.apply_changes(changes)
            self.show_saved(changes.note)

        self.status_unextracted.hide()
        self.tasks.run(tr("Extracting facts…"), job, done, self.task_failed)

    def _reload(self) -> None:
        """Articles came in, or facts appeared or went in many articles: the list and the open
        article are read again, the reviewer stays on the same article and fact (a first
        article opens in an empty window)."""
        self.article_model.set_ids(self.listed_ids())
        self.articles.update_count()
        if self.article is not None:
            self.open_article(self.article.id, fact_id=getattr(self.facts.current_fact(), "id", None))
        elif self.article_model.ids:
            self.open_article(self.article_model.ids[0])
        self._update_unextracted()

    def _update_unextracted(self) -> None:
        # Articles no extractor has read (an import stopped during extraction). Those read by
        # an earlier version or model are not counted: re-reading finished articles is the
        # reviewer's choice (Review ▸ Extract…), learning re-reads those still under review.
        n = self.workspace.count_to_extract(never=True)
        self.status_unextracted.setText(
            plural(n, tr("{n} article not yet extracted — Extract now"),
                   tr("{n} articles not yet extracted — Extract now")))
        self.status_unextracted.setToolTip(tr("{menu}: reviewed facts are kept as they are").format(
            menu=registry.SPECS["extract"].menu_shown + " ▸ " + registry.SPECS["extract"].label))
        self.status_unextracted.setVisible(n > 0)

    def _article_selection_changed(self) -> None:
        if self.facts.form.isVisible():
            span = self.view.selected_span()
            if span:
                self.facts.form.set_span(span)

    def _form_submitted(self, fact_id, values: dict, note) -> bool:
        ok = False
        if fact_id is not None:
            changes = {k: v for k, v in values.items() if k not in ("confidence", "extractor")}
            ok = self.review.edit(fact_id, changes, note)
            if ok:
                self.select_fact(fact_id)
        elif self.article is not None:
            rec = self.review.add(self.article.id, validate_fact(values), note)
            ok = rec is not None
            if ok:
                self.select_fact(rec.id)
        self.facts.table.setFocus()
        return ok

    def advance(self, after_id: Optional[int]) -> None:
        """The next pending fact after this one in the article, else in the next article."""
        visible = self.facts.visible_facts()
        ids = [f.id for f in visible]
        start = ids.index(after_id) + 1 if after_id in ids else 0
        order = visible[start:] + visible[:start]
        nxt = next((f for f in order if f.status == "pending"), None)
        if nxt is not None:
            self.facts.select(nxt.id)
            return
        self.next_pending(skip_current=True)

    def next_pending(self, skip_current: bool = False) -> None:
        """Space: the next pending fact, in this article and then across articles."""
        visible = self.facts.visible_facts()
        if self.article is not None and not skip_current:
            cur = self.facts.current_fact()
            ids = [f.id for f in visible]
            start = ids.index(cur.id) + 1 if cur and cur.id in ids else 0
            nxt = next((f for f in visible[start:] if f.status == "pending"), None)
            if nxt is not None:
                self.facts.select(nxt.id)
                return
        aid = self.workspace.next_article_with_pending(self.article.id if self.article else 0)
        if aid is None:
            self.hint(tr("Every fact in the workspace is reviewed"))
            return
        if self.article is not None and aid == self.article.id:
            first = next((f for f in visible if f.status == "pending"), None)
            if first is not None:
                self.facts.select(first.id)
            return
        self.open_article(aid)
        self.hint(tr("Next article with pending facts"))

    # -- results of decisions --------------------------------------------------------
    def apply_changes(self, changes, mine: bool = True) -> None:
        """What a write changed (app.changes.Changes), shown: the one place where the views
        follow the workspace after a decision, an undo, a redo or a revert — this window's
        (`mine`) or another reviewer's (desktop.live)."""
        if mine:
            self.live.mine(changes.events)
        if changes.many or changes.imported:
            self._reload()
            self._update_status()
            return
        shown = self.article.id if self.article is not None else None
        gone = [*changes.removed, *((r["id"], r["article_id"]) for r in changes.withdrawn)]
        for fact_id, article_id in gone:
            if article_id == shown:
                self.facts.remove_fact(fact_id)
                self.view.remove_fact(fact_id)
        for rec in (*changes.facts, *changes.proposed):
            if rec.article_id == shown:
                if self.facts.model.row_of(rec.id) is None:
                    self.facts.insert_fact(rec)
                else:
                    self.facts.update_fact(rec)
                self.view.update_fact(rec)
        for article_id in changes.articles:
            if self.article is not None and self.article.id == article_id:
                self.article = self.workspace.article(article_id)
                self.view.show_header(self.article)
        for article_id in changes.deleted:
            self._article_deleted(article_id)
        for article_id in changes.restored:
            self._article_restored(article_id)
        for article_id in sorted(changes.touched_articles - set(changes.deleted)):
            self.article_model.refresh_article(article_id)
        self._update_status()

    def edit_metadata(self) -> None:
        if self.article is None:
            self.hint(tr("No article open"))
            return
        self.view.set_editing(True)
        self.hint(tr("Correct the title, date, source or author: Enter saves a field, Tab moves, Esc leaves"))

    def _metadata_edited(self, key: str, value) -> None:
        if self.article is not None:
            self.review.correct_article(self.article.id, self.article.title or self.article.uid,
                                        **{key: value})

    # -- status -----------------------------------------------------------------------
    def _update_status(self, recount: bool = True) -> None:
        """`recount`: read the facts left again (a maintained count); an article switch, which
        changes none, shows the one last read."""
        n = self.article_model.rowCount()
        row = self.article_model.row_for(self.article.id) if self.article else None
        self.status_position.setText(tr("Article {row} of {n}").format(row=num(row + 1), n=num(n))
                                     if row is not None else plural(n, tr("{n} article"), tr("{n} articles")))
        left = getattr(self, "_left", None)
        if recount or left is None or left[0] is not self.workspace:  # read for this workspace
            left = self._left = (self.workspace, self.workspace.pending_total())
        self.status_left.setText(plural(left[1], tr("{n} fact left in the workspace"),
                                        tr("{n} facts left in the workspace")))

    def show_saved(self, message: str) -> None:
        from datetime import datetime

        self._set_failed(False)
        self.status_saved.setText(f"✓ {message} {datetime.now():%H:%M:%S}")

    def _failed(self, message: str) -> None:
        self._set_failed(True)
        self.status_saved.setText(f"✗ {message}")
        warn(self, tr("Not saved"), f"{message}\n\n" + tr(
            "Nothing was lost: the last saved decisions are intact. Fix the cause and press the key again."))

    def _set_failed(self, failed: bool) -> None:
        self.status_saved.setProperty("failed", failed)
        self.status_saved.style().unpolish(self.status_saved)  # the style sheet's colour for it
        self.status_saved.style().polish(self.status_saved)

    def hint(self, message: str) -> None:
        self.status_hint.setText(message)
        self._hint_timer.start()

    def task_failed(self, message: str) -> None:
        warn(self, tr("Fact Review"), message)

    # -- help -------------------------------------------------------------------------
    def toggle_help(self) -> None:
        if self.help is not None and self.help.isVisible():
            self.help.close()
            return
        keys = registry.current_keys(self.prefs.keys)
        self.help = HelpOverlay(registry.help_html(self.prefs.keys), keys["help"], self)
        self.help.finished.connect(self.dialog_closed)
        self.help.show()

    # -- import and export ------------------------------------------------------------------
    def show_stats(self) -> None:
        from .stats_view import StatsWindow

        self.stats_window = StatsWindow(self.workspace, self.comfort.theme, self, tasks=self.tasks)
        self.stats_window.show()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.files.import_paths(paths)

    def _settle_open_form(self) -> bool:
        """Closing with the edit form open never drops what was typed silently: save it
        (Enter), discard it, or stay (Esc). Returns whether the window may close."""
        form = self.facts.form
        if not form.isVisible():
            return True
        valid = form.is_valid()
        editing = form.fact_id is not None
        question = ((tr("Save the edit of this fact before closing?") if editing else
                     tr("Save the fact being added before closing?")) if valid else
                    (tr("The edit of this fact cannot be saved as typed. Close without it?") if editing else
                     tr("The fact being added cannot be saved as typed. Close without it?")))
        box = QMessageBox(QMessageBox.Question, tr("Fact Review"), question, parent=self)
        box.setTextFormat(Qt.PlainText)
        save = box.addButton(tr("Save"), QMessageBox.AcceptRole) if valid else None
        discard = box.addButton(tr("Close Without Saving") if valid else tr("Close"), QMessageBox.DestructiveRole)
        stay = box.addButton(tr("Keep Editing"), QMessageBox.RejectRole)
        box.setDefaultButton(save or stay)
        box.setEscapeButton(stay)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            # The form stays, and so does the window, unless the workspace has the decision.
            if self._form_submitted(form.fact_id, form.fact_dict(), form.note.text().strip() or None):
                form.hide()
                return True
            return False
        if clicked is discard:
            form.cancel()
            return True
        self.activateWindow()
        return False

    # -- keys and closing ------------------------------------------------------------------
    def _input_method_key(self, obj, event) -> bool:
        """A key a Vietnamese input method rewrote (“â” for A, “á” for S) or committed as text, on
        a pane where single keys review: the action of the key pressed. Returns whether one acted."""
        if obj not in self.review_surfaces or obj is not QApplication.focusWidget():
            return False
        kind = event.type()
        if kind == QEvent.ShortcutOverride:  # every key press comes here first
            text = event.text()
            if text and text.isprintable():
                self._ime_before, self._ime_last = self._ime_last, text
            return False
        if kind == QEvent.InputMethod:
            text = event.commitString()
            if not text:
                return False
            letter = ime.from_text(text, self._ime_last)
            self._ime_before, self._ime_last = self._ime_last, text
            modifiers = QApplication.keyboardModifiers()
        else:
            letter = ime.intended_key(event, self._ime_before)
            modifiers = event.modifiers()
        if letter is None:
            return False
        modifiers &= Qt.ShiftModifier | Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier
        pressed = QKeySequence(QKeyCombination(modifiers, Qt.Key(ord(letter))))
        for action in self.actions.values():
            if action.isEnabled() and any(k.matches(pressed) == QKeySequence.ExactMatch
                                          for k in action.shortcuts()):
                action.trigger()
                event.accept()
                return True
        return False

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.ShortcutOverride, QEvent.KeyPress, QEvent.InputMethod) \
                and self._input_method_key(obj, event):
            return True
        # A text field or picker keeps the keys it types with; elsewhere they are actions.
        if event.type() == QEvent.ShortcutOverride:
            w = QApplication.focusWidget()
            if event.key() == Qt.Key_Escape and w in (self.articles.view, self.articles.search,
                                                      self.view.text):
                self.facts.table.setFocus()  # Esc gives the keys back to the facts (a search stays)
                event.accept()
                return True
            if w is self.articles.view and event.key() in _LIST_KEYS and not event.modifiers() & (
                    Qt.ControlModifier | Qt.AltModifier):
                event.accept()  # the list that has the keys moves with the arrows; Enter opens
                return True
            if w is not None and self.facts.form.isAncestorOf(w) and not event.modifiers() & (
                    Qt.ControlModifier | Qt.AltModifier) and (
                    event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Escape, Qt.Key_Space)
                    or (event.text() and event.text().isprintable())):
                # Inside the open form review keys do not act: Enter saves it and Esc cancels
                # it wherever its focus, a letter never decides or leaves the fact being edited.
                event.accept()
                return True
            if w is self.view.text and event.key() in (
                    Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down, Qt.Key_Home, Qt.Key_End,
                    Qt.Key_PageUp, Qt.Key_PageDown):
                event.accept()  # in the article text the arrows move the caret
                return True
            text_field = isinstance(w, QLineEdit) or (isinstance(w, QTextEdit) and not w.isReadOnly())
            if text_field and event.key() in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Home, Qt.Key_End) \
                    and not event.modifiers() & Qt.AltModifier:
                event.accept()  # a text field selects with Shift+arrows; the span keys wait outside
                return True
            typing = text_field or isinstance(w, QComboBox)
            if typing and not (event.modifiers() & (Qt.ControlModifier | Qt.AltModifier)):
                if event.key() in _TYPING_KEYS or event.text().isprintable() and event.text():
                    event.accept()
                    return True
        return super().eventFilter(obj, event)

    def closeEvent(self, event) -> None:
        if not self._settle_open_form():
            event.ignore()
            return
        self.save_state()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.setValue("docks", self.saveState())
        self.settings.sync()
        self.live.stop()
        QApplication.instance().removeEventFilter(self)
        super().closeEvent(event)


__all__ = ["MainWindow"]
