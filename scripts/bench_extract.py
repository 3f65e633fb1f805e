"""Extractor speed and quality against the offline baseline, in one run.

Prints the built-in extractor's throughput (MB of article text per second on
one core) and, when underthesea is installed (`pip install -e ".[baseline]"`),
underthesea's `ner` throughput on the same texts and both extractors' scores
for person, organization and location on the gold file.

    python scripts/bench_extract.py [--mb 4]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facts.extract import default_extractor  # noqa: E402
from facts.extract.evaluate import load_gold, score  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold" / "seeds.jsonl"
SEEDS = ROOT / "seeds"
NE_KINDS = ("person", "organization", "location")
UTS_KINDS = {"PER": "person", "ORG": "organization", "LOC": "location"}


def corpus(mb: float) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out, size, i = [], 0, 0
    while size < mb * 1e6:
        t = texts[i % len(texts)]
        out.append(t)
        size += len(t.encode("utf-8"))
        i += 1
    return out


def throughput(fn, texts: list[str]) -> tuple[float, float]:
    size = sum(len(t.encode("utf-8")) for t in texts)
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    dt = time.perf_counter() - t0
    return size / 1e6 / dt, dt


def uts_spans(ner, text: str) -> list[dict]:
    """underthesea's BIO tags back to character spans of the text."""
    facts, pos, cur = [], 0, None
    for word, _pos, _chunk, tag in ner(text):
        i = text.find(word, pos)
        if i < 0:
            i = text.find(word.replace("_", " "), pos)
            if i < 0:
                continue
            word = word.replace("_", " ")
        pos = i + len(word)
        kind = UTS_KINDS.get(tag[2:]) if tag != "O" else None
        if tag.startswith("B-") and kind:
            if cur:
                facts.append(cur)
            cur = {"kind": kind, "start": i, "end": pos}
        elif tag.startswith("I-") and cur and kind == cur["kind"]:
            cur["end"] = pos
        else:
            if cur:
                facts.append(cur)
            cur = None
    if cur:
        facts.append(cur)
    for f in facts:
        f["text"] = text[f["start"]:f["end"]]
        f["value"] = f["text"]
    return facts


def ne_scores(pairs) -> dict[str, float]:
    rep = score(pairs)
    return {k: rep.by_kind[k].scores()["f1"] for k in NE_KINDS}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=4.0, help="MB of article text to time")
    args = ap.parse_args()
    ex = default_extractor()
    texts = corpus(args.mb)
    ex.extract(texts[0])  # word lists loaded once, outside the timing
    rate, dt = throughput(ex.extract, texts)
    print(f"built-in extractor: {rate:6.2f} MB/s ({dt:.1f} s for {args.mb:.0f} MB, one core)")

    gold = load_gold(GOLD)
    ours = []
    for g in gold:
        text = (SEEDS / g["article"]).read_text(encoding="utf-8")
        r = ex.extract(text)
        ours.append((g, {"facts": [f.model_dump() for f in r.facts], "content": r.content}))
    ours_f1 = ne_scores(ours)

    try:
        from underthesea import ner
    except ImportError:
        print("underthesea is not installed: pip install -e '.[baseline]' to measure the baseline")
        for k in NE_KINDS:
            print(f"  {k:<13} F1 built-in {ours_f1[k]:.3f}")
        return
    ner(texts[0][:200])  # model load outside the timing
    sample = texts[:5]  # the baseline is three orders of magnitude slower: time the five samples once
    uts_rate, uts_dt = throughput(ner, sample)
    print(f"underthesea ner   : {uts_rate:6.3f} MB/s ({uts_dt:.1f} s for "
          f"{sum(len(t.encode()) for t in sample) / 1e6:.2f} MB)")
    print(f"speed ratio       : built-in is {rate / uts_rate:.0f}x faster")
    theirs = []
    for g in gold:
        text = (SEEDS / g["article"]).read_text(encoding="utf-8")
        content = g["content"]
        facts = [f for f in uts_spans(ner, text)
                 if any(s <= f["start"] and f["end"] <= e for s, e in content)]
        theirs.append((g, {"facts": facts, "content": content}))
    uts_f1 = ne_scores(theirs)
    print("F1 on the gold (overlapping spans; underthesea given the gold content ranges):")
    for k in NE_KINDS:
        print(f"  {k:<13} built-in {ours_f1[k]:.3f}   underthesea {uts_f1[k]:.3f}")


if __name__ == "__main__":
    main()
