"""Scoring an extractor against gold, as FACTS.md defines it."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..model import Kind


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    exact: int = 0
    value_equal: int = 0

    def add(self, other: "Counts") -> None:
        for f in ("predicted", "gold", "matched", "exact", "value_equal"):
            setattr(self, f, getattr(self, f) + getattr(other, f))

    @staticmethod
    def _prf(hit_p: int, hit_g: int, n_p: int, n_g: int) -> tuple[float, float, float]:
        p = hit_p / n_p if n_p else (1.0 if not n_g else 0.0)
        r = hit_g / n_g if n_g else (1.0 if not n_p else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def scores(self) -> dict[str, float]:
        p, r, f = self._prf(self.matched, self.matched, self.predicted, self.gold)
        ep, er, ef = self._prf(self.exact, self.exact, self.predicted, self.gold)
        return {
            "precision": p, "recall": r, "f1": f,
            "exact_precision": ep, "exact_recall": er, "exact_f1": ef,
            "value_accuracy": self.value_equal / self.matched if self.matched else 1.0,
            "predicted": self.predicted, "gold": self.gold, "matched": self.matched,
        }


def _overlap(a, b) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match(pred: list[dict], gold: list[dict], exact: bool = False) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of same-kind facts, largest overlap first."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if p["kind"] != g["kind"]:
                continue
            if exact:
                if p["start"] == g["start"] and p["end"] == g["end"]:
                    pairs.append((g["end"] - g["start"], i, j))
            else:
                ov = _overlap(p, g)
                if ov > 0:
                    pairs.append((ov, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def _length(ranges) -> int:
    return sum(e - s for s, e in ranges)


def _intersection(a, b) -> int:
    total = 0
    for s1, e1 in a:
        for s2, e2 in b:
            total += max(0, min(e1, e2) - max(s1, s2))
    return total


@dataclass
class Report:
    by_kind: dict[str, Counts] = field(default_factory=dict)
    content_inter: int = 0
    content_union: int = 0
    articles: list[dict] = field(default_factory=list)
    # (confidence, matched gold) of every predicted fact: the reliability table
    confidences: list[tuple[float, bool]] = field(default_factory=list)

    def overall(self) -> Counts:
        c = Counts()
        for k in self.by_kind.values():
            c.add(k)
        return c

    @property
    def content_iou(self) -> float:
        return self.content_inter / self.content_union if self.content_union else 1.0

    def reliability(self) -> dict:
        """Confidence bins 0.0–0.1 … 0.9–1.0 against the share of predictions in each that
        match gold, with counts (facts/calibration.py)."""
        from ..calibration import reliability

        return reliability(self.confidences)

    def as_dict(self) -> dict:
        return {
            "overall": self.overall().scores(),
            "by_kind": {k: c.scores() for k, c in self.by_kind.items()},
            "content_iou": self.content_iou,
            "reliability": self.reliability(),
            "articles": self.articles,
        }


def score(pairs: Iterable[tuple[dict, dict]]) -> Report:
    """pairs: (gold article record, prediction with 'facts' and 'content')."""
    rep = Report(by_kind={k.value: Counts() for k in Kind})
    for gold, pred in pairs:
        gfacts, pfacts = gold["facts"], pred["facts"]
        art = {"article": gold["article"], "missed": [], "spurious": [], "wrong_value": []}
        for kind in rep.by_kind:
            gp = [f for f in gfacts if f["kind"] == kind]
            pp = [f for f in pfacts if f["kind"] == kind]
            c = rep.by_kind[kind]
            m = match(pp, gp)
            c.predicted += len(pp)
            c.gold += len(gp)
            c.matched += len(m)
            c.exact += len(match(pp, gp, exact=True))
            c.value_equal += sum(1 for i, j in m if str(pp[i]["value"]) == str(gp[j]["value"]))
            mp, mg = {i for i, _ in m}, {j for _, j in m}
            rep.confidences += [(float(p.get("confidence", 1.0)), i in mp) for i, p in enumerate(pp)]
            art["missed"] += [_brief(gp[j]) for j in range(len(gp)) if j not in mg]
            art["spurious"] += [_brief(pp[i]) for i in range(len(pp)) if i not in mp]
            art["wrong_value"] += [
                f"{_brief(pp[i])} != {gp[j]['value']!r}"
                for i, j in m if str(pp[i]["value"]) != str(gp[j]["value"])
            ]
        gc, pc = gold.get("content") or [], pred.get("content") or []
        inter = _intersection(gc, pc)
        rep.content_inter += inter
        rep.content_union += _length(gc) + _length(pc) - inter
        rep.articles.append(art)
    return rep


def _brief(f: dict) -> str:
    return f"{f['kind']}[{f['start']}:{f['end']}] {f['text']!r} = {f['value']!r}"


def load_gold(path: Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    from ..i18n import _
                    from ..importer import JSON_ERRORS

                    why = _(exc.msg) if exc.msg in JSON_ERRORS else exc.msg
                    raise ValueError(_("{path}: line {n}: invalid JSON: {error} (column {column})").format(
                        path=path, n=n, error=why, column=exc.colno)) from exc
    return out


def evaluate(gold_path: Path, articles_dir: Path, extractor=None, table=None) -> Report:
    """`table`: a calibration table (facts/calibration.py) applied to the predictions' confidences."""
    from . import default_extractor
    from ..calibration import calibrate
    from ..textio import decode, normalise

    extractor = extractor or default_extractor()
    pairs = []
    for g in load_gold(gold_path):
        path = articles_dir / g["article"]
        text = normalise(decode(path.read_bytes()))
        result = extractor.extract(text)
        pairs.append((g, {"facts": [f.model_dump() for f in calibrate(result.facts, table)],
                          "content": result.content}))
    return score(pairs)


def format_table(rep: Report) -> str:
    """The table `fact-review evaluate` prints, in the language in use (facts.i18n): precision,
    recall, F1, exact F1 and value accuracy per kind and overall, content IoU, then the
    reliability table (facts.calibration.format_reliability)."""
    from ..calibration import format_reliability
    from ..i18n import _, decimal, kind_word, num

    rows = [(kind_word(k), c) for k, c in rep.by_kind.items()] + [(_("overall"), rep.overall())]
    heads = (_("gold"), _("pred"), "P", "R", "F1", _("exactF1"), _("value"))
    widths = [max(w, len(h) + 1) for h, w in zip(heads, (6, 6, 7, 7, 7, 9, 8))]
    kw = max(16, max(len(t) for t in (_("kind"), *(name for name, _c in rows))) + 1)
    lines = [f"{_('kind'):<{kw}}" + "".join(f"{h:>{w}}" for h, w in zip(heads, widths))]
    for name, c in rows:
        s = c.scores()
        cells = (num(c.gold), num(c.predicted), *(decimal(s[k], 3) for k in
                                                 ("precision", "recall", "f1", "exact_f1", "value_accuracy")))
        lines.append(f"{name:<{kw}}" + "".join(f"{x:>{w}}" for x, w in zip(cells, widths)))
    lines.append(_("content IoU {iou}").format(iou=decimal(rep.content_iou, 3)))
    lines += ["", format_reliability(rep.reliability())]
    return "\n".join(lines)


__all__ = ["score", "evaluate", "format_table", "match", "Report", "Counts"]
