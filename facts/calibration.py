"""Confidence that means something: calibrated on the workspace's own decisions.

An extractor's confidence is its own guess. Once reviewers have decided enough of its
facts, the guess is replaced by what the decisions say: among facts proposed at confidence
c, about a fraction c is accepted. Per group — an extractor rule and kind (`rules/money.scaled`
+ money), else the kind, else everything — the decided facts (accepted or edited: right;
rejected: wrong) are sorted by their raw confidence and fitted with isotonic regression
(pooled adjacent violators): the acceptance rate as a non-decreasing step function of the raw
confidence, each step pulled a little towards the group's overall rate (PRIOR_WEIGHT
decisions' worth) so that a handful of decisions does not give 0 or 1. Between steps the
curve is linear; outside them, flat. A group needs MIN_DECISIONS decisions for its own curve.

The table is stored in the workspace (state key "calibration") with the counts of decisions
it was fitted on, and fitted again when they have moved on (app/calibrating.py). calibrate() applies it
to new facts: `confidence` becomes the calibrated value, the extractor's own number is kept as
`raw_confidence` (an extra field of the fact), which is what the next fit reads.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from datetime import datetime, timezone
from typing import Any, Iterable, Optional, Sequence

from .i18n import _, decimal, num

STATE_KEY = "calibration"
VERSION = 1
POSITIVE = ("accepted", "edited")
NEGATIVE = ("rejected",)
MIN_DECISIONS = 20
PRIOR_WEIGHT = 2.0
RAW = "raw_confidence"
#: Facts that are not an extractor's proposals: typed by a reviewer, or an annotated corpus.
NOT_PROPOSED = {"", "manual", "conll-import"}
ALL = "*"


def rule_of(extractor: str) -> str:
    """The rule without its version: `rules/money.scaled@3` → `rules/money.scaled`."""
    return extractor.rsplit("@", 1)[0] if "@" in extractor else extractor


def group_keys(extractor: str, kind: str) -> tuple[str, str, str]:
    """The curves a fact may use, most specific first."""
    return f"{rule_of(extractor)}|{kind}", f"kind:{kind}", ALL


# -- fitting ----------------------------------------------------------------------------
def _pav(points: Sequence[tuple[float, float, float]]) -> list[list[float]]:
    """Pooled adjacent violators over (x, y, weight) sorted by x: blocks [x·w, y·w, w] whose
    means y are non-decreasing."""
    blocks: list[list[float]] = []
    for x, y, w in points:
        blocks.append([x * w, y * w, w])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            for i in range(3):
                blocks[-1][i] += last[i]
    return blocks


def fit_curve(samples: Iterable[tuple[float, bool]]) -> Optional[dict[str, list]]:
    """A monotone curve raw confidence → share accepted: {"x": [...], "y": [...], "n": [...]}."""
    by_x: dict[float, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for x, hit in samples:
        acc = by_x[round(float(x), 6)]
        acc[0] += 1.0 if hit else 0.0
        acc[1] += 1.0
    if not by_x:
        return None
    total = sum(v[1] for v in by_x.values())
    prior = sum(v[0] for v in by_x.values()) / total
    blocks = _pav([(x, v[0] / v[1], v[1]) for x, v in sorted(by_x.items())])
    # Each step towards the overall rate, then monotone again (the pull is stronger on small steps).
    smoothed = [(b[0] / b[2], (b[1] + PRIOR_WEIGHT * prior) / (b[2] + PRIOR_WEIGHT), b[2]) for b in blocks]
    blocks = _pav([(x, y, n) for x, y, n in smoothed])
    return {"x": [round(b[0] / b[2], 4) for b in blocks], "y": [round(b[1] / b[2], 4) for b in blocks],
            "n": [int(round(b[2])) for b in blocks]}


def fit(decisions: Iterable[tuple[str, str, float, bool]],
        min_decisions: int = MIN_DECISIONS) -> dict[str, Any]:
    """decisions: (extractor, kind, raw confidence, accepted?) → the calibration table."""
    groups: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    n = 0
    for extractor, kind, raw, hit in decisions:
        if extractor in NOT_PROPOSED or raw is None:
            continue
        n += 1
        for key in group_keys(extractor, kind):
            groups[key].append((raw, hit))
    curves = {k: fit_curve(v) for k, v in groups.items() if len(v) >= min_decisions}
    return {"version": VERSION, "decisions": n, "min_decisions": min_decisions,
            "fitted_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "curves": {k: c for k, c in curves.items() if c}}


def decisions(rows: Iterable[tuple]) -> Iterable[tuple[str, str, float, bool]]:
    """(extractor, kind as proposed, raw confidence, accepted?) of decided facts, from rows of
    (extractor, kind, confidence, extra, original, status)."""
    for extractor, kind, conf, extra, original, status in rows:
        raw = (extra or {}).get(RAW, conf) if isinstance(extra, dict) else conf
        proposed_kind = (original or {}).get("kind", kind) if isinstance(original, dict) else kind
        try:
            raw = float(raw)
        except (TypeError, ValueError):
            raw = conf
        yield extractor or "", proposed_kind, raw, status in POSITIVE


def stale(table: Optional[dict], counts: dict[str, int]) -> bool:
    """Whether the decisions have moved on since `table` was fitted (more than 2% of them, at
    least 10): `counts` of decided facts by status now."""
    if table is None:
        return True
    before = table.get("counts") or {}
    moved = sum(abs(counts.get(k, 0) - before.get(k, 0)) for k in set(counts) | set(before))
    return moved > max(10, sum(counts.values()) // 50)


def usable(table: Optional[dict]) -> Optional[dict]:
    """The table if it is of this version."""
    return table if isinstance(table, dict) and table.get("version") == VERSION else None


# -- applying ---------------------------------------------------------------------------
def _at(curve: dict[str, list], x: float) -> float:
    xs, ys = curve["x"], curve["y"]
    if x <= xs[0]:
        return ys[0]
    if x >= xs[-1]:
        return ys[-1]
    i = bisect_right(xs, x)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)


def calibrated(table: Optional[dict], extractor: str, kind: str, raw: float) -> Optional[float]:
    """The calibrated confidence of a fact, or None when the table has no curve for it."""
    if not table:
        return None
    curves = table.get("curves") or {}
    for key in group_keys(extractor, kind):
        if key in curves:
            return round(min(1.0, max(0.0, _at(curves[key], raw))), 4)
    return None


def calibrate(facts: Iterable[Any], table: Optional[dict]) -> list[Any]:
    """The facts (validated models or dicts) with calibrated confidences, the extractor's
    own kept as `raw_confidence`; unchanged without a table or a curve for them."""
    out = []
    for f in facts:
        get = f.get if isinstance(f, dict) else (lambda k, d=None, f=f: getattr(f, k, d))
        raw = get(RAW, None)
        raw = get("confidence", 1.0) if raw is None else raw
        c = calibrated(table, get("extractor", "") or "", get("kind", ""), float(raw))
        if c is None:
            out.append(f)
        elif isinstance(f, dict):
            out.append({**f, "confidence": c, RAW: raw})
        else:
            out.append(f.model_copy(update={"confidence": c, RAW: raw}))
    return out


# -- reliability ------------------------------------------------------------------------
def reliability(samples: Iterable[tuple[float, bool]], bins: int = 10) -> dict[str, Any]:
    """Confidence bins 0.0–0.1 … 0.9–1.0 against the share of their facts that were right
    (matched gold, or were accepted), with counts; and the expected calibration error."""
    acc = [[0, 0, 0.0] for _ in range(bins)]  # facts, right, sum of confidence
    for c, hit in samples:
        i = min(bins - 1, max(0, int(round(float(c) * bins, 9))))
        acc[i][0] += 1
        acc[i][1] += 1 if hit else 0
        acc[i][2] += float(c)
    n = sum(a[0] for a in acc)
    out, ece = [], 0.0
    for i, (k, right, csum) in enumerate(acc):
        share = right / k if k else None
        mean = csum / k if k else None
        if k:
            ece += k / n * abs(share - mean)
        out.append({"low": round(i / bins, 3), "high": round((i + 1) / bins, 3), "facts": k,
                    "matched": right, "share": None if share is None else round(share, 4),
                    "mean_confidence": None if mean is None else round(mean, 4)})
    return {"bins": out, "facts": n, "ece": round(ece, 4)}


def format_reliability(rel: dict[str, Any], title: Optional[str] = None) -> str:
    """The reliability table (`fact-review evaluate`) in the language in use; `title`: its name
    (Reliability)."""
    heads = (_("confidence"), _("facts"), _("match"), _("share"), _("mean conf"))
    widths = [max(12, len(heads[0]) + 2)] + [max(w, len(h) + 1) for h, w in zip(heads[1:], (7, 7, 8, 11))]
    lines = [_("{title}: confidence of the predicted facts against the share that match gold").format(
                 title=title or _("Reliability")),
             f"{heads[0]:<{widths[0]}}" + "".join(f"{h:>{w}}" for h, w in zip(heads[1:], widths[1:]))]
    for b in rel["bins"]:
        share = "—" if b["share"] is None else decimal(b["share"], 3)
        mean = "—" if b["mean_confidence"] is None else decimal(b["mean_confidence"], 3)
        bin_ = f"{decimal(b['low'], 1)}–{decimal(b['high'], 1)}"
        cells = (num(b["facts"]), num(b["matched"]), share, mean)
        lines.append(f"{bin_:<{widths[0] - 1}}" + "".join(f"{c:>{w}}" for c, w in zip(cells, widths[1:])))
    lines.append(_("expected calibration error {ece} over {n} facts").format(ece=decimal(rel["ece"], 3),
                                                                              n=num(rel["facts"])))
    return "\n".join(lines)
