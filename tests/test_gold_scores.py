"""The extractor's scores on the gold, pinned per kind: a lost fact, a new false one or a
broken normaliser fails here, naming the kind and the figure.

The tables hold today's figures, truncated to three decimals: each is a floor, so an
improvement passes (with a warning that says which pins to raise, so the next loss is caught
from the new level), and any loss fails: on these sets a fact lost lowers a recall, a false
one a precision and a wrong value a value figure, each by more than 0.001, so the truncation
hides none of them. After an improvement, or a trade-off
you mean (a little precision for a lot of recall), print the new table with

    .venv/bin/python -m tests.test_gold_scores

and paste it here. Scored with facts/extract/evaluate.py, as `fact-review evaluate` scores:
precision, recall and F1 on overlapping spans of the same kind; right_value is the share of
the gold facts found with the gold's normalised value (from the scorer's counts: unlike its
value accuracy, a share of the matches, it never drops when more facts are found, only when
a value is read wrong or a fact is lost).
"""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from facts.extract.evaluate import Report, evaluate

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"  # the shared data, beside the repository: never copied into it

SEED_GOLD = ROOT / "tests" / "data" / "gold" / "seeds.jsonl", ROOT / "seeds"
DEV_GOLD = SHARED / "gold" / "dev.jsonl", SHARED / "gold" / "dev"

METRICS = ("precision", "recall", "f1", "right_value")

# The five sample articles (217 facts): the rules were written against them.
SEED_PINS = """
kind             precision  recall     f1  right_value
quantity             1.000   1.000  1.000        1.000
money                1.000   1.000  1.000        1.000
percentage           1.000   1.000  1.000        1.000
date                 1.000   1.000  1.000        1.000
person               1.000   1.000  1.000        1.000
organization         1.000   1.000  1.000        1.000
location             1.000   1.000  1.000        1.000
legal_reference      1.000   1.000  1.000        1.000
all                  1.000   1.000  1.000        1.000
content_iou          1.000
"""

# The development set: 20 news articles (985 facts) the rules were not written from.
DEV_PINS = """
kind             precision  recall     f1  right_value
quantity             0.982   0.956  0.969        0.956
money                1.000   0.969  0.984        0.969
percentage           1.000   1.000  1.000        1.000
date                 1.000   1.000  1.000        1.000
person               0.994   0.970  0.982        0.970
organization         0.989   0.940  0.964        0.861
location             0.979   0.920  0.949        0.905
legal_reference      1.000   1.000  1.000        1.000
all                  0.987   0.950  0.968        0.929
content_iou          1.000
"""


def parse_pins(table: str) -> dict[str, dict[str, float]]:
    lines = [ln.split() for ln in table.strip().splitlines()]
    header, rows = lines[0][1:], lines[1:]
    return {row[0]: ({row[0]: float(row[1])} if len(row) == 2  # a figure of its own: content_iou
                     else dict(zip(header, map(float, row[1:])))) for row in rows}


def measured(rep: Report) -> dict[str, dict[str, float]]:
    """The report as the tables' rows: every kind, all kinds, content IoU."""
    out = {}
    for name, counts in [*rep.by_kind.items(), ("all", rep.overall())]:
        s = counts.scores()
        out[name] = {"precision": s["precision"], "recall": s["recall"], "f1": s["f1"],
                     "right_value": counts.value_equal / counts.gold if counts.gold else 1.0}
    out["content_iou"] = {"content_iou": rep.content_iou}
    return out


def compare(pins: dict, now: dict) -> tuple[list[str], list[str]]:
    """(losses, gains): each a line naming the kind, the figure, now and pinned."""
    losses, gains = [], []
    for name, figures in pins.items():
        assert name in now, f"{name}: pinned but not scored (a kind renamed or gone?)"
        for metric, pin in figures.items():
            value = now[name][metric]
            line = f"{name} {metric}: {value:.4f} (pinned {pin:.3f})"
            if value < pin:
                losses.append(line)
            elif value >= pin + 0.001:
                gains.append(line)
    missing = set(now) - set(pins)
    assert not missing, f"scored but not pinned: {sorted(missing)} (add them to the table)"
    return losses, gains


def format_pins(rep: Report) -> str:
    """Today's figures as a table to paste above (each truncated to three decimals)."""
    def floor3(x: float) -> str:
        return f"{int(x * 1000 + 1e-9) / 1000:.3f}"

    now = measured(rep)
    widths = (10, 8, 7, 13)
    lines = [f"{'kind':<16}" + "".join(f"{m:>{w}}" for m, w in zip(METRICS, widths))]
    for name, figures in now.items():
        if name == "content_iou":
            lines.append(f"{name:<16}{floor3(figures['content_iou']):>10}")
        else:
            lines.append(f"{name:<16}" + "".join(
                f"{floor3(figures[m]):>{w}}" for m, w in zip(METRICS, widths)))
    return "\n".join(lines)


def errors_of(rep: Report, kinds: set[str]) -> str:
    """What the scorer says of each article in the kinds that lost (the first few of each
    sort; `fact-review evaluate GOLD --articles DIR --json` lists them all)."""
    lines = []
    for a in rep.articles:
        found = {what: [e for e in a[what] if not kinds or e.split("[")[0] in kinds][:3]
                 for what in ("missed", "spurious", "wrong_value")}
        if any(found.values()):
            lines.append(f"  {a['article']}: " + "; ".join(f"{w} {v}" for w, v in found.items() if v))
    return "in those kinds, per article (already so before, or not):\n" + "\n".join(lines)


def check(gold: tuple[Path, Path], table: str, what: str) -> None:
    rep = evaluate(*gold)
    losses, gains = compare(parse_pins(table), measured(rep))
    assert not losses, (f"the extractor lost ground on the {what}:\n  " + "\n  ".join(losses)
                        + "\n(a trade-off you mean: `python -m tests.test_gold_scores` prints the table "
                        "of today's figures to paste into tests/test_gold_scores.py)\n\n" + errors_of(rep, {line.split()[0] for line in losses} - {"all", "content_iou"}))
    if gains:
        warnings.warn(f"better on the {what}: raise these pins in tests/test_gold_scores.py "
                      "(python -m tests.test_gold_scores prints the table):\n  " + "\n  ".join(gains))


def test_seed_gold_per_kind_at_least_as_pinned():
    check(SEED_GOLD, SEED_PINS, "seed gold (tests/data/gold/seeds.jsonl)")


@pytest.mark.skipif(not DEV_GOLD[0].is_file() or not DEV_GOLD[1].is_dir(),
                    reason=f"the shared dev gold is not here ({DEV_GOLD[0]} and {DEV_GOLD[1]}, "
                    "in ../shared beside the repository)")
def test_dev_gold_per_kind_at_least_as_pinned():
    check(DEV_GOLD, DEV_PINS, "dev gold (../shared/gold/dev.jsonl)")


# -- the comparison itself -----------------------------------------------------------------
PINS = parse_pins("""
kind             precision  recall     f1  right_value
money                1.000   1.000  1.000        1.000
person               0.992   0.742  0.849        0.742
content_iou          1.000
""")


def test_a_loss_in_any_figure_of_any_kind_is_named():
    now = {k: dict(v) for k, v in PINS.items()}
    assert compare(PINS, now) == ([], [])
    now["person"]["recall"] = 0.7368  # one person of 171 missed
    now["money"]["right_value"] = 0.833  # one amount of six read wrong
    now["content_iou"]["content_iou"] = 0.99
    losses, _ = compare(PINS, now)
    assert losses == ["money right_value: 0.8330 (pinned 1.000)",
                      "person recall: 0.7368 (pinned 0.742)", "content_iou content_iou: 0.9900 (pinned 1.000)"]


def test_a_gain_passes_and_says_which_pin_to_raise():
    now = {k: dict(v) for k, v in PINS.items()}
    now["person"]["recall"] = 0.7429  # within the truncation: as pinned
    assert compare(PINS, now) == ([], [])
    now["person"]["recall"] = 0.8
    assert compare(PINS, now) == ([], ["person recall: 0.8000 (pinned 0.742)"])


def test_every_kind_is_pinned():
    from facts.model import Kind

    for table in (SEED_PINS, DEV_PINS):
        assert set(parse_pins(table)) == {k.value for k in Kind} | {"all", "content_iou"}


if __name__ == "__main__":
    for gold, name in ((SEED_GOLD, "SEED_PINS"), (DEV_GOLD, "DEV_PINS")):
        if gold[0].is_file():
            print(f"{name} = \"\"\"\n{format_pins(evaluate(*gold))}\n\"\"\"\n")
