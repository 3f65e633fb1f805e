"""How a review is going: sessions, pace, and which extractor rules to trust.

Sessions are derived from the append-only review log: a reviewer's decisions
with no pause longer than SESSION_GAP between them are one session.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Iterable, Optional

from .i18n import N_, _, decimal, kind_word, num

SESSION_GAP = timedelta(minutes=30)
REVIEWED = ("accepted", "edited", "rejected")


@dataclass
class Session:
    reviewer: str
    start: datetime
    end: datetime
    by_action: Counter = field(default_factory=Counter)
    by_kind: Counter = field(default_factory=Counter)

    @property
    def decisions(self) -> int:
        return sum(self.by_action.values())

    @property
    def per_hour(self) -> float:
        # A session of one decision lasts at least a minute: no infinite pace.
        hours = max((self.end - self.start).total_seconds(), 60.0) / 3600
        return self.decisions / hours


# Log actions that take back an earlier decision, and the one that puts it back.
TAKE_BACK = {"undo", "undo_add", "revert"}
PUT_BACK = "redo"


def sessions(events: Iterable[tuple], gap: timedelta = SESSION_GAP) -> list[Session]:
    """events: (reviewer, at, action, kind, fact id) sorted by reviewer then time.

    Counts net decisions: an undo (or a revert) takes back the reviewer's latest standing
    decision on that fact from the session that made it, a redo puts it back; neither is
    a decision itself."""
    out: list[Session] = []
    cur: Optional[Session] = None
    standing: dict[tuple, list] = defaultdict(list)  # (reviewer, fact) → [(session, action, kind)]
    taken: dict[tuple, list] = defaultdict(list)
    for reviewer, at, action, kind, fact_id in events:
        reviewer = reviewer or _("(unknown)")
        if cur is None or cur.reviewer != reviewer or at - cur.end > gap:
            cur = Session(reviewer, at, at)
            out.append(cur)
        cur.end = at
        key = (reviewer, fact_id)
        if action in TAKE_BACK or action == PUT_BACK:
            src, dst, sign = ((standing, taken, -1) if action in TAKE_BACK else (taken, standing, 1))
            if src[key]:
                entry = src[key].pop()
                dst[key].append(entry)
                _count(entry, sign)
            continue
        entry = (cur, action, kind)
        standing[key].append(entry)
        _count(entry, 1)
    return sorted((s for s in out if s.decisions), key=lambda s: s.start)


def _count(entry: tuple, sign: int) -> None:
    session, action, kind = entry
    session.by_action[action] += sign
    if kind:
        session.by_kind[kind] += sign
    for counter in (session.by_action, session.by_kind):
        for k in [k for k, n in counter.items() if n <= 0]:
            del counter[k]


@dataclass
class Rate:
    name: str
    accepted: int
    edited: int
    rejected: int

    @property
    def reviewed(self) -> int:
        return self.accepted + self.edited + self.rejected

    @property
    def rate(self) -> float:
        """Accepted as extracted, out of all reviewed (an edit means the rule was wrong)."""
        return self.accepted / self.reviewed if self.reviewed else 0.0


def acceptance(rows: Iterable[tuple[str, str, str, int]], by: str) -> list[Rate]:
    """rows: (extractor, kind, status, count); by 'rule' or 'kind'; worst first."""
    acc: dict[str, Counter] = defaultdict(Counter)
    for extractor, kind, status, n in rows:
        key = extractor if by == "rule" else kind
        acc[key][status] += n
    rates = [Rate(k, c["accepted"], c["edited"], c["rejected"]) for k, c in acc.items()]
    rates = [r for r in rates if r.reviewed]
    return sorted(rates, key=lambda r: (r.rate, -r.reviewed, r.name))


@dataclass
class Report:
    sessions: list[Session]
    by_kind: list[Rate]
    by_rule: list[Rate]


def report(rows_by_rule: Iterable[tuple], events: Iterable[tuple]) -> Report:
    """`rows_by_rule`: (extractor rule, kind, status, count) of the facts extractors proposed;
    `events`: (reviewer, at, action, kind, fact id) of every logged decision, by reviewer then time."""
    rows = list(rows_by_rule)
    return Report(sessions(events), acceptance(rows, "kind"),
                  acceptance(rows, "rule"))


# The logged actions as a session's counts name them (their ids stay in `fact-review log`).
ACTION_WORDS = {"accept": N_("accept"), "reject": N_("reject"), "edit": N_("edit"), "add": N_("add"),
                "flag": N_("flag"), "reset": N_("reset"), "adjudicate": N_("adjudicate"),
                "correct": N_("correct"), "delete": N_("delete"), "restore": N_("restore")}


def action_word(action: str) -> str:
    """A logged action as a sentence says it (its id when it is no action of a reviewer)."""
    return _(ACTION_WORDS[action]) if action in ACTION_WORDS else action


def format_report(rep: Report) -> str:
    """The sessions and the acceptance rates as `fact-review stats` prints them, in the language
    in use."""
    lines = ["", _("Review sessions (a pause of over 30 minutes starts a new one):")]
    if not rep.sessions:
        lines.append("  " + _("none yet"))
    for s in rep.sessions:
        actions = ", ".join(f"{action_word(a)} {num(n)}" for a, n in s.by_action.most_common())
        kinds = ", ".join(f"{kind_word(k)} {num(n)}" for k, n in s.by_kind.most_common())
        decisions = _("{n} decisions").format(n=f"{num(s.decisions):>5}")
        pace = _("{rate}/h").format(rate=f"{num(round(s.per_hour)):>7}")
        lines.append(f"  {s.reviewer:<16} {s.start:%Y-%m-%d %H:%M}–{s.end:%H:%M}  {decisions}  {pace}  "
                     f"({actions}; {kinds})")
    for title, rates, name in (
            (_("Acceptance by kind (accepted as extracted / reviewed):"), rep.by_kind, kind_word),
            (_("Acceptance by extractor rule, worst first (accepted as extracted / reviewed):"), rep.by_rule, str)):
        lines += ["", title]
        if not rates:
            lines.append("  " + _("nothing reviewed yet"))
        for r in rates:
            share = f"{decimal(r.rate * 100, 1)}%"
            of = _("of {n}").format(n=f"{num(r.reviewed):>6}")
            but = _("(edited {edited}, rejected {rejected})").format(edited=num(r.edited), rejected=num(r.rejected))
            lines.append(f"  {name(r.name):<36} {share:>6}  {of}  {but}")
    return "\n".join(lines)
