"""The calibration table of a workspace (facts.calibration): fitted on its decisions, kept in
it, fitted again when the decisions have moved on."""
from __future__ import annotations

from typing import Any, Optional

from db.engine import WorkspaceError
from facts.calibration import MIN_DECISIONS, NEGATIVE, POSITIVE, STATE_KEY, decisions, fit, stale, usable


def fit_store(store, min_decisions: int = MIN_DECISIONS) -> dict[str, Any]:
    """The table the workspace's decisions give now (read only: nothing is stored)."""
    table = fit(decisions(store.decided_facts(POSITIVE + NEGATIVE)), min_decisions)
    table["counts"] = store.count_by_status(POSITIVE + NEGATIVE)
    return table


def learn(store, min_decisions: int = MIN_DECISIONS) -> dict[str, Any]:
    """Fit the table on the workspace's decisions and store it."""
    table = fit_store(store, min_decisions)
    store.set_state(STATE_KEY, table)
    return table


def load(store) -> Optional[dict[str, Any]]:
    return usable(store.get_state(STATE_KEY))


def table_for(store) -> Optional[dict[str, Any]]:
    """The stored table, fitted again first when the decisions have moved on since. None while
    too few decisions make a curve."""
    table = load(store)
    if stale(table, store.count_by_status(POSITIVE + NEGATIVE)):
        table = fit_store(store)
        try:
            store.set_state(STATE_KEY, table)
        except WorkspaceError:  # a workspace opened read-only: the fitted table still serves
            pass
    return table if table and table.get("curves") else None
