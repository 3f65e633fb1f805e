"""A team on one workspace, the rules without storage: splitting articles among reviewers with
some reviewed twice, and how far two reviewers agree on the articles they both reviewed.

Agreement between two reviewers, on the articles assigned to both:

- span F1: each reviewer's facts of an article are the spans (kind, start, end) they would keep
  — the proposed facts they accepted or edited (as edited: a moved span or a changed kind is
  theirs) and the facts they added. Over the articles both have finished (every proposed fact
  decided by each, none left pending or flagged), F1 = 2·both / (a's + b's): the same as
  precision and recall with either one taken as the gold. Exact spans, per kind and overall.
- Cohen's kappa on their decisions over the same proposed facts: those both decided, each
  decision one of accepted, edited, rejected; κ = (pₒ − pₑ) / (1 − pₑ), pₒ the share of facts
  with the same decision, pₑ the chance of it given each one's own shares. Per kind (of the
  fact as proposed) and overall. Undefined (None) when pₑ is 1: both always said the same
  one thing, where agreement is not informative.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable, Optional, Sequence

from .i18n import _, decimal, kind_word, num
from .model import Kind

DECISIONS = ("accepted", "edited", "rejected")  # what kappa compares
KEPT = ("accepted", "edited")  # a proposed fact a reviewer keeps
ALL = "all"  # the row over every kind


class TeamError(ValueError):
    """Bad input to a team operation (reviewers, overlap): the message says what and where."""


def check_reviewers(names: Sequence[str]) -> list[str]:
    """Reviewer names as given on a command line (`a,b,c`): trimmed, none empty, none twice."""
    out = [n.strip() for n in names]
    if not out or any(not n for n in out):
        raise TeamError(_("--reviewers: give the reviewers' names separated by commas, none empty (got "
                          "{names!r})").format(names=",".join(names)))
    twice = sorted({n for n in out if out.count(n) > 1})
    if twice:
        raise TeamError(_("--reviewers: {names} given more than once").format(names=", ".join(twice)))
    return out


def split(article_ids: Sequence[int], reviewers: Sequence[str], overlap: float,
          load: Optional[dict[str, int]] = None) -> dict[int, tuple[str, ...]]:
    """Each article to one reviewer, or to two for the share `overlap` of them (spread evenly
    through the list, never bunched at its end); every reviewer gets as many as the others, or
    one fewer, counting what each already has (`load`), and the pairs reviewing together vary.
    Deterministic: the same articles and names give the same split."""
    reviewers = check_reviewers(list(reviewers))
    if not 0.0 <= overlap <= 1.0:
        raise TeamError(_("--overlap: {overlap} is not a share between 0 and 1 (0.1 is 10%)").format(
            overlap=f"{overlap:g}"))
    if overlap > 0 and len(reviewers) < 2:
        raise TeamError(_("--overlap: an article reviewed by two needs at least two reviewers"))
    load = {r: (load or {}).get(r, 0) for r in reviewers}
    pairs_used = {p: 0 for p in combinations(reviewers, 2)}
    order = {r: i for i, r in enumerate(reviewers)}
    out: dict[int, tuple[str, ...]] = {}
    for i, aid in enumerate(article_ids):
        shared = int((i + 1) * overlap + 1e-9) > int(i * overlap + 1e-9)
        if shared:
            pair = min(pairs_used, key=lambda p: (load[p[0]] + load[p[1]], pairs_used[p],
                                                   order[p[0]], order[p[1]]))
            pairs_used[pair] += 1
            who: tuple[str, ...] = pair
        else:
            who = (min(reviewers, key=lambda r: (load[r], order[r])),)
        for r in who:
            load[r] += 1
        out[aid] = who
    return out


@dataclass(frozen=True)
class Judged:
    """One reviewer's decision on one proposed fact: its status (pending: not decided yet) and
    the span and kind as that reviewer would have it."""

    status: str
    kind: str
    start: int
    end: int


@dataclass
class SharedArticle:
    """What two reviewers did on one article assigned to both."""

    article_id: int
    proposed: list[tuple[str, Judged, Judged]]  # (kind as proposed, a's decision, b's)
    added_a: list[tuple[str, int, int]] = field(default_factory=list)  # (kind, start, end)
    added_b: list[tuple[str, int, int]] = field(default_factory=list)

    def finished(self, side: int) -> bool:
        return all(p[1 + side].status in DECISIONS for p in self.proposed)

    def spans(self, side: int) -> set[tuple[str, int, int]]:
        kept = {(j.kind, j.start, j.end) for j in (p[1 + side] for p in self.proposed) if j.status in KEPT}
        return kept | set(self.added_b if side else self.added_a)


@dataclass
class KindAgreement:
    """Agreement on one kind (or `all`): span F1 with its counts, kappa with its counts."""

    spans_a: int = 0
    spans_b: int = 0
    spans_both: int = 0
    decided_both: int = 0  # proposed facts both decided
    same_decision: int = 0
    shares_a: dict[str, int] = field(default_factory=lambda: {d: 0 for d in DECISIONS})
    shares_b: dict[str, int] = field(default_factory=lambda: {d: 0 for d in DECISIONS})

    @property
    def f1(self) -> Optional[float]:
        n = self.spans_a + self.spans_b
        return 2 * self.spans_both / n if n else None

    @property
    def observed(self) -> Optional[float]:
        return self.same_decision / self.decided_both if self.decided_both else None

    @property
    def expected(self) -> Optional[float]:
        n = self.decided_both
        if not n:
            return None
        return sum(self.shares_a[d] * self.shares_b[d] for d in DECISIONS) / (n * n)

    @property
    def kappa(self) -> Optional[float]:
        po, pe = self.observed, self.expected
        if po is None or pe is None or pe >= 1.0 - 1e-12:
            return None
        return (po - pe) / (1 - pe)

    def as_dict(self) -> dict:
        return {"span_f1": _r(self.f1), "spans_a": self.spans_a, "spans_b": self.spans_b,
                "spans_both": self.spans_both, "kappa": _r(self.kappa), "observed": _r(self.observed),
                "expected": _r(self.expected), "decided_both": self.decided_both,
                "same_decision": self.same_decision,
                "decisions_a": dict(self.shares_a), "decisions_b": dict(self.shares_b)}


@dataclass
class PairAgreement:
    a: str
    b: str
    shared_articles: int = 0  # assigned to both
    finished_articles: int = 0  # finished by both: what span F1 is over
    by_kind: dict[str, KindAgreement] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"reviewers": [self.a, self.b], "shared_articles": self.shared_articles,
                "finished_articles": self.finished_articles,
                "by_kind": {k: v.as_dict() for k, v in self.by_kind.items()}}


def _r(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 4)


def agreement(a: str, b: str, articles: Iterable[SharedArticle]) -> PairAgreement:
    """Span F1 and Cohen's kappa between reviewers `a` and `b` over their shared articles."""
    out = PairAgreement(a, b, by_kind={k.value: KindAgreement() for k in Kind} | {ALL: KindAgreement()})
    for art in articles:
        out.shared_articles += 1
        for kind, ja, jb in art.proposed:
            if ja.status in DECISIONS and jb.status in DECISIONS:
                for k in (kind, ALL):
                    row = out.by_kind[k]
                    row.decided_both += 1
                    row.same_decision += ja.status == jb.status
                    row.shares_a[ja.status] += 1
                    row.shares_b[jb.status] += 1
        if not (art.finished(0) and art.finished(1)):
            continue
        out.finished_articles += 1
        sa, sb = art.spans(0), art.spans(1)
        for k in (*{s[0] for s in sa | sb}, ALL):
            row = out.by_kind[k]
            ka = {s for s in sa if k == ALL or s[0] == k}
            kb = {s for s in sb if k == ALL or s[0] == k}
            row.spans_a += len(ka)
            row.spans_b += len(kb)
            row.spans_both += len(ka & kb)
    return out


def format_agreement(pairs: Sequence[PairAgreement]) -> str:
    """The table `fact-review agreement` prints, in the language in use."""
    if not pairs:
        return _("No shared articles yet: `fact-review assign --reviewers a,b --overlap 0.1` gives some "
                 "articles to two reviewers, and agreement is measured on those.")
    kinds = {k: (_("all") if k == ALL else kind_word(k)) for k in (*(k.value for k in Kind), ALL)}
    kw = max(16, max(len(name) for name in kinds.values()) + 1)
    both, kappa, facts, same = _("both"), _("kappa"), _("facts"), _("same")
    cw = [max(7, len(h) + 1) for h in (both, kappa, facts, same)]
    lines = []
    for p in pairs:
        lines.append(_("{a} and {b}: {shared} shared articles, {finished} finished by both (span F1 is over "
                       "those)").format(a=p.a, b=p.b, shared=num(p.shared_articles),
                                        finished=num(p.finished_articles)))
        lines.append(f"  {_('kind'):<{kw}}{'F1':>7}{p.a[:8]:>9}{p.b[:8]:>9}{both:>{cw[0]}}   "
                     f"{kappa:>{cw[1]}}{facts:>{cw[2]}}{same:>{cw[3]}}")
        for k, row in p.by_kind.items():
            if not (row.spans_a or row.spans_b or row.decided_both) and k != ALL:
                continue
            f1 = "—" if row.f1 is None else decimal(row.f1, 3)
            kap = "—" if row.kappa is None else decimal(row.kappa, 3)
            lines.append(f"  {kinds.get(k, k):<{kw}}{f1:>7}{num(row.spans_a):>9}{num(row.spans_b):>9}"
                         f"{num(row.spans_both):>{cw[0]}}   {kap:>{cw[1]}}{num(row.decided_both):>{cw[2]}}"
                         f"{num(row.same_decision):>{cw[3]}}")
    lines.append(_("F1: exact spans both kept (accepted, edited or added) over the facts each kept. "
                   "kappa: Cohen's, on accept/edit/reject of the proposed facts both decided; "
                   "— where it is not defined."))
    return "\n".join(lines)
