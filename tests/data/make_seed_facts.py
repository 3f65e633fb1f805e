"""Writes tests/data/seed_facts.jsonl: the five sample articles of seeds/ with the facts the
extractor found in them on the day it was written, all pending, as a JSONL export.

Window tests import it (the normal import path, no extraction) so that what they expect —
how many facts are left, which fact comes first — is read from this fixed file, never from
whatever the extractor finds today: improving the extractor never breaks a window test.
Kept for provenance; the file is committed and is not meant to follow the extractor.
    .venv/bin/python tests/data/make_seed_facts.py
"""
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("seed_facts.jsonl")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from app.cli import main as cli

    with tempfile.TemporaryDirectory() as tmp:
        db, export = Path(tmp) / "seeds.sqlite", Path(tmp) / "export.jsonl"
        assert cli(["--db", str(db), "import", str(ROOT / "seeds")]) == 0
        assert cli(["--db", str(db), "export", "--format", "jsonl", "-o", str(export)]) == 0
        lines = []
        for line in export.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            article.pop("origin")  # the scratch path it was imported from; an import sets its own
            lines.append(json.dumps(article, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} articles")


if __name__ == "__main__":
    main()
