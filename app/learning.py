"""Learning from the reviewers' decisions (facts.learn) over a workspace: for `fact-review
learn` and the window alike — the same training data, the same model kept in the workspace,
the same extraction afterwards."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from facts.learn import Learned, Settings, TooLittleData, learn, training_docs

from .extracting import RunSummary, extract_articles

STATE_EVERY = "learn_every"  # newly completed articles between two automatic learnings
STATE_AT = "learned_at_completed"  # completed articles when the last model was learned
DEFAULT_EVERY = 25

__all__ = ["TooLittleData", "Learned", "Relearned", "train", "learn_and_reextract", "learn_every",
           "due"]


def train(store, *, folds: int = 5, iterations: Optional[int] = None,
          progress: Optional[Callable[[str, int, int], None]] = None) -> tuple[Learned, int]:
    """Learn a model from the workspace's decided articles and keep it as the next version.
    Returns (what was learned, the version). Raises TooLittleData."""
    settings = Settings()
    if iterations is not None:
        settings.iterations = iterations
    result = learn(training_docs(store), settings, folds=folds, progress=progress)
    version = store.save_model(result.data, trained_from=result.trained_from, scores=result.scores,
                               settings=result.settings.to_json())
    store.set_state(STATE_AT, store.completed_count())
    return result, version


@dataclass
class Relearned:
    version: int
    articles: int  # learned from
    new: int  # pending facts the new model proposed that were not there before
    grew: int  # articles they are in
    summary: RunSummary


def _pending_spans(store) -> set[tuple]:
    """(article, kind, start, end) of every pending fact: what a new model changed is the
    difference (a fact it merely re-proposes where the rules had one is not new)."""
    return {(r.article_id, r.kind, r.start, r.end) for r in store.iter_fact_rows(statuses=["pending"])}


def learn_and_reextract(store, *, folds: int = 3, progress=None,
                        cancelled: Callable[[], bool] = lambda: False) -> Optional[Relearned]:
    """Learn, then read the articles still being reviewed again with the new model (a finished
    article is left as it was decided). None if cancelled. Raises TooLittleData."""
    step = progress or (lambda *_: None)
    result, version = train(store, folds=folds, progress=lambda stage, i, n: step(i, n, stage))
    if cancelled():
        return None
    before = _pending_spans(store)
    summary = extract_articles(store, store.article_ids(pending_only=True), cancelled=cancelled,
                               batch=20, progress=lambda d, t, _w="": step(d, t, "extracting again"))
    new = _pending_spans(store) - before
    return Relearned(version, result.trained_from["articles"], len(new), len({a for a, *_ in new}),
                     summary)


def learn_every(store) -> int:
    """Newly completed articles between two automatic learnings (0: only on demand)."""
    value = store.get_state(STATE_EVERY, DEFAULT_EVERY)
    return value if isinstance(value, int) and value >= 0 else DEFAULT_EVERY


def due(store, every: int) -> bool:
    """Whether `every` more articles were completed since the last model was learned."""
    if not every:
        return False
    done = store.completed_count()
    last = store.get_state(STATE_AT, None)
    if last is None:  # never learned here: count from now, or from the model there is
        last = 0 if store.latest_model(data=False) is None else done
        store.set_state(STATE_AT, last)
    return done - last >= every
