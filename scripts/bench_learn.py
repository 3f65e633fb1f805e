"""The learned entity layer: its k-fold estimate on the gold, and its speed, in one run.

1. The gold articles (`seeds.jsonl` + `dev.jsonl` of the shared gold folder, 25 articles) are
   imported into a scratch workspace with their facts accepted, as reviewers would have left
   them, and `learn` (facts.learn) trains on them: it prints the k-fold estimate per kind,
   exact spans, learned+rules beside the rules alone on the same articles.
2. The model learned there tags the unannotated corpus (`news-2017.jsonl` of the shared corpus
   folder, 1,000 articles, and any *.txt beside it): the whole extractor is timed with and
   without the model, in turns, best of `--rounds`, on one core, and the speed with the model
   is given as MB/s and as a ratio against the rules alone measured in the same run.
3. With `--reviewed N` (800 by default; 0 skips it), the scale of a real workspace: the first N
   corpus articles read by the extractor with the gold's model (rules + learned@1: the names the
   rules miss found too, as reviewers would have added them; `--truth rules` for the rules'
   facts alone, where the model learns to leave everything to the rules), their person,
   organisation and location facts imported as accepted (no extraction at import); `learn` over the workspace
   (app.learning.train, what `fact-review learn` runs, 5 folds) is timed end to end, and the
   model it keeps extracts the held-out rest of the corpus, timed as in 2.

    python scripts/bench_learn.py [--shared ../shared] [--folds 5] [--rounds 3] [--articles 1000]
                                  [--reviewed 800]

The texts are read from the shared folder, never copied into the repository.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facts.learn import Settings, learn, training_docs  # noqa: E402
from facts.textio import decode, normalise  # noqa: E402


def gold_jsonl(shared: Path, out: Path) -> int:
    """The gold articles as an importable JSONL file, every fact accepted."""
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for name, folder in (("seeds.jsonl", shared / "seeds"), ("dev.jsonl", shared / "gold" / "dev")):
            path = shared / "gold" / name
            if not path.is_file():
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                g = json.loads(line)
                text = normalise(decode((folder / g["article"]).read_bytes()))
                facts = [{**f, "status": "accepted", "reviewer": "gold"} for f in g["facts"]
                         if _valid(f)]
                fh.write(json.dumps({"id": g["article"], "text": text, "content": g["content"],
                                     "title": g.get("title"), "published": g.get("published"),
                                     "source": g.get("source"), "author": g.get("author"),
                                     "facts": facts}, ensure_ascii=False) + "\n")
                n += 1
    return n


def _valid(fact: dict) -> bool:
    """A gold fact this version's fact contract takes (a few gold dates are written in a
    form it does not: they are not entities, and are left out)."""
    from pydantic import ValidationError

    from facts.model import validate_fact

    try:
        validate_fact(fact)
        return True
    except ValidationError:
        return False


def corpus(shared: Path, limit: int) -> list[str]:
    texts: list[str] = []
    folder = shared / "corpus"
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    texts += [normalise(decode(p.read_bytes())) for p in sorted(folder.glob("*.txt"))
              if p.name.lower() != "readme.txt"]
    return texts[:limit]


def reviewed_jsonl(texts: list[str], out: Path, extractor,
                   kinds=("person", "organization", "location")) -> int:
    """A synthetic reviewed corpus: the texts with the extractor's facts of `kinds`, all
    accepted. Returns the number of facts."""
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            facts = [{**f.model_dump(mode="json"), "status": "accepted", "reviewer": "bench"}
                     for f in extractor.extract(text).facts if f.kind in kinds]
            n += len(facts)
            fh.write(json.dumps({"id": f"news-{i:04d}", "text": text, "facts": facts},
                                ensure_ascii=False) + "\n")
    return n


def timed(extractor, texts: list[str]) -> float:
    t0 = time.process_time()
    for t in texts:
        extractor.extract(t)
    return time.process_time() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared folder with gold/, seeds/ and corpus/ (default ../shared)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=3, help="timed passes of each extractor")
    ap.add_argument("--articles", type=int, default=1000, help="corpus articles to time")
    ap.add_argument("--reviewed", type=int, default=800,
                    help="corpus articles in the synthetic reviewed workspace (0: none)")
    ap.add_argument("--truth", choices=("model", "rules"), default="model",
                    help="what the synthetic workspace holds as accepted: the facts of the rules "
                         "with the gold's model (default), or of the rules alone")
    args = ap.parse_args()
    if not (args.shared / "gold").is_dir():
        print(f"no gold folder in {args.shared}", file=sys.stderr)
        return 2

    from db.store import Store
    from app.cli import format_learned
    from facts.extract.rules import RuleExtractor
    from app.importing import import_paths
    from facts.learn import LearnedExtractor

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "gold.jsonl"
        n = gold_jsonl(args.shared, src)
        store = Store.open(Path(tmp) / "bench.sqlite")
        try:
            import_paths(store, [src])
            docs = training_docs(store)
            print(f"gold: {n} articles imported with their facts accepted, {len(docs)} to learn from")
            settings = Settings()
            result = learn(docs, settings, folds=args.folds)
            version = result.save_to(store)
            print(format_learned(result, version))
            record = store.latest_model()
        finally:
            store.close()

    texts = corpus(args.shared, args.articles) if args.articles > 0 else []
    if not texts:
        print("speed not measured" + (f": no corpus in {args.shared / 'corpus'}"
                                      if args.articles > 0 else ""))
        return 0
    rules = RuleExtractor()
    speed(rules, record, texts, args.rounds, "the gold's model")
    if args.reviewed > 0:
        everything = corpus(args.shared, 10 ** 9)
        truth = rules if args.truth == "rules" else LearnedExtractor(
            record.data, record.version, Settings.from_json(record.settings), rules)
        reviewed(everything[:args.reviewed], everything[args.reviewed:], truth, args.rounds, rules)
    return 0


def speed(rules, record, texts: list[str], rounds: int, what: str) -> None:
    """The extractor timed with and without a model, in turns, best of `rounds`."""
    from facts.learn import LearnedExtractor

    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    learned = LearnedExtractor(record.data, record.version, Settings.from_json(record.settings), rules)
    for t in texts[:20]:  # word lists, caches and the model loaded outside the timing
        learned.extract(t)
    best = {"rules": float("inf"), "learned": float("inf")}
    for _ in range(rounds):
        best["rules"] = min(best["rules"], timed(rules, texts))
        best["learned"] = min(best["learned"], timed(learned, texts))
    r, m = mb / best["rules"], mb / best["learned"]
    print(f"speed with {what} on {len(texts)} articles ({mb:.2f} MB), one core, CPU time, "
          f"best of {rounds}:")
    print(f"  rules alone     {r:5.2f} MB/s ({best['rules']:.2f} s)")
    print(f"  rules + model   {m:5.2f} MB/s ({best['learned']:.2f} s)  "
          f"ratio {m / r:.2f} of the rules alone")


def reviewed(train_texts: list[str], held: list[str], truth, rounds: int, rules) -> None:
    """The scale of a real workspace: learn over a synthetic reviewed corpus, timed."""
    from db.store import Store
    from app.cli import format_learned
    from app.importing import import_paths
    from app.learning import train

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "reviewed.jsonl"
        t0 = time.perf_counter()
        facts = reviewed_jsonl(train_texts, src, truth)
        store = Store.open(Path(tmp) / "reviewed.sqlite")
        try:
            import_paths(store, [src])
            print(f"\nreviewed workspace: {len(train_texts)} corpus articles, {facts} person, "
                  f"organisation and location facts of {truth.tag} imported as accepted "
                  f"({time.perf_counter() - t0:.0f} s to build)")
            t0 = time.perf_counter()
            result, version = train(store)
            wall = time.perf_counter() - t0
            print(format_learned(result, version))
            print(f"`fact-review learn` over it: {wall:.1f} s wall clock, end to end")
            record = store.latest_model()
        finally:
            store.close()
    if held:
        speed(rules, record, held, rounds, f"this model, on the {len(held)} held-out articles,")


if __name__ == "__main__":
    sys.exit(main())
