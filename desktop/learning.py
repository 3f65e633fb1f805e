"""Learning from the decisions, from the window: on demand and after every N newly completed
articles, in the background; then the articles with pending facts are extracted again with
the new model, and the status bar says what it changed.

The work itself is the command line's (facts.learn, `fact-review learn`): the same training
data, the same model kept in the workspace, the same extraction afterwards.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QInputDialog

STATE_EVERY = "learn_every"  # newly completed articles between two automatic learnings
STATE_AT = "learned_at_completed"  # completed articles when the last model was learned
DEFAULT_EVERY = 25
WINDOW_FOLDS = 3  # the estimate kept with a model learned from the window (the CLI: 5)


def _pending_spans(store) -> set[tuple]:
    """(article, kind, start, end) of every pending fact: what a new model changed is the
    difference (a fact it merely re-proposes where the rules had one is not new)."""
    from facts.tables import FACT_COLUMNS

    a, k, s, e = (FACT_COLUMNS.index(c) for c in ("article_id", "kind", "start", "end"))
    return {(r[a], r[k], r[s], r[e]) for r in store.iter_fact_rows(statuses=["pending"])}


class Learning(QObject):
    """Review ▸ Learn from Decisions, and the automatic learning after N completed articles."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.running = False
        self._every = None  # (store, value): the setting of the workspace open now
        # A decision is followed by a look at the count, once the reviewer pauses.
        self._check = QTimer(self, singleShot=True, interval=1500)
        self._check.timeout.connect(self._maybe_learn)

    # -- settings ------------------------------------------------------------------------
    def every(self) -> int:
        """Read once per workspace, not on every decision (this is on the key-press path)."""
        store = self.w.store
        if self._every is None or self._every[0] is not store:
            value = store.get_state(STATE_EVERY, DEFAULT_EVERY)
            self._every = (store, value if isinstance(value, int) and value >= 0 else DEFAULT_EVERY)
        return self._every[1]

    def ask_every(self) -> None:
        n, ok = QInputDialog.getInt(
            self.w, "Learn automatically",
            "Learn again after this many newly completed articles (0: only on demand):",
            self.every(), 0, 100000)
        if ok:
            self.w.store.set_state(STATE_EVERY, n)
            self._every = (self.w.store, n)
            self.w.hint("Learning on demand only" if n == 0 else
                        f"Learning again after every {n:,} newly completed articles")

    # -- automatic -------------------------------------------------------------------------
    def decided(self) -> None:
        """After a decision: look at the count once the reviewer pauses."""
        if self.every():
            self._check.start()

    def _maybe_learn(self) -> None:
        every = self.every()
        if not every or self.running:
            return
        done = self.w.store.completed_count()
        last = self.w.store.get_state(STATE_AT, None)
        if last is None:  # never learned here: count from now, or from the model there is
            last = 0 if self.w.store.latest_model() is None else done
            self.w.store.set_state(STATE_AT, last)
        if done - last >= every:
            self.learn_now(quiet=True)

    # -- learning ------------------------------------------------------------------------------
    def learn_now(self, quiet: bool = False) -> None:
        from facts.extract.runner import extract_articles
        from facts.learn import Settings, TooLittleData, learn, training_docs

        if self.running:
            self.w.hint("Already learning from the decisions…")
            return
        store = self.w.store
        self.running = True

        def job(progress, cancelled):
            docs = training_docs(store)
            try:
                result = learn(docs, Settings(), folds=WINDOW_FOLDS,
                               progress=lambda stage, i, n: progress(i, n, stage))
            except TooLittleData as exc:
                return ("too little", str(exc))
            if cancelled():
                return ("cancelled", "")
            version = result.save_to(store)  # with the settings it was trained with
            store.set_state(STATE_AT, store.completed_count())
            # The articles still being reviewed are read again by the new model; a finished
            # article is left as it was decided (no new pending facts in it).
            ids = store.article_ids(pending_only=True)
            before = _pending_spans(store)
            summary = extract_articles(store, ids, cancelled=cancelled, batch=20,
                                       progress=lambda d, t, w="": progress(d, t, "extracting again"))
            new = _pending_spans(store) - before
            articles = len({a for a, *_ in new})
            return ("learned", (version, result.trained_from["articles"], len(new), articles, summary))

        def done(outcome) -> None:
            self.running = False
            what, detail = outcome
            if what == "too little":
                self.w.hint(f"Nothing learned yet: {detail}")
                return
            if what == "cancelled":
                return
            version, articles, new, grew, _summary = detail
            self.w.refresh_after_extraction()
            self.w.show_saved(f"Model {version} learned from {articles:,} articles: {new:,} new "
                              f"facts proposed in {grew:,} articles")

        def failed(message: str) -> None:
            self.running = False
            self.w.task_failed(message)

        self.w.tasks.run("Learning from the decisions…", job, done, failed, show_progress=not quiet)
