"""A small workspace built from a fixed fact file, so window tests never depend on what
the extractor finds: the texts are written here and every fact's offsets computed."""
from __future__ import annotations

import json
from pathlib import Path

ARTICLES = [
    {
        "title": "Bộ Y tế đào tạo cán bộ y tế cơ sở",
        "published": "2024-12-06",
        "text": ("Bộ Y tế đào tạo cán bộ y tế cơ sở\n"
                 "Ngày 06/12/2024, Bộ Y tế cho biết hơn 8.900 cán bộ đã được đào tạo với kinh phí "
                 "3 tỷ đồng. Ông Nguyễn Văn Hải, Vụ trưởng, nói Bộ Y tế sẽ mở rộng chương trình "
                 "tới 63 tỉnh.\nTheo Bộ Y tế, tỷ lệ hoàn thành đạt 76%."),
        "facts": [("organization", "Bộ Y tế", 0), ("date", "Ngày 06/12/2024", 0),
                  ("organization", "Bộ Y tế", 1), ("quantity", "hơn 8.900", 0),
                  ("money", "3 tỷ đồng", 0), ("person", "Nguyễn Văn Hải", 0),
                  ("organization", "Bộ Y tế", 2), ("quantity", "63", 0),
                  ("organization", "Bộ Y tế", 3), ("percentage", "76%", 0)],
    },
    {
        "title": "Hà Nội tiêm chủng mở rộng",
        "published": "2024-12-07",
        "text": ("Hà Nội tiêm chủng mở rộng\n"
                 "Sở Y tế Hà Nội phối hợp với Bộ Y tế tiêm cho 1.200 trẻ em tại quận Ba Đình."),
        "facts": [("location", "Hà Nội", 0), ("organization", "Sở Y tế Hà Nội", 0),
                  ("organization", "Bộ Y tế", 0), ("quantity", "1.200", 0),
                  ("location", "quận Ba Đình", 0)],
    },
]

VALUES = {"hơn 8.900": ("8900", {"unit": "cán bộ", "approx": "more_than"}),
          "3 tỷ đồng": ("3000000000", {"currency": "VND", "approx": "exact"}),
          "63": ("63", {"unit": "tỉnh", "approx": "exact"}),
          "1.200": ("1200", {"unit": "trẻ em", "approx": "exact"}),
          "76%": ("76", {"approx": "exact"}),
          "Ngày 06/12/2024": ("2024-12-06", {})}


def _nth(text: str, needle: str, n: int) -> int:
    i = -1
    for _ in range(n + 1):
        i = text.index(needle, i + 1)
    return i


def write(folder: Path) -> Path:
    """The fact file (JSONL, as exported and imported) for ARTICLES."""
    lines = []
    for a in ARTICLES:
        facts = []
        for kind, text, n in a["facts"]:
            start = _nth(a["text"], text, n)
            value, fields = VALUES.get(text, (text, {}))
            facts.append({"kind": kind, "start": start, "end": start + len(text), "text": text,
                          "value": value, "confidence": 0.9, "extractor": "fixture@1",
                          **fields})
        lines.append(json.dumps({"title": a["title"], "published": a["published"],
                                 "text": a["text"], "facts": facts}, ensure_ascii=False))
    path = folder / "review.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
