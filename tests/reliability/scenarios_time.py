"""Time on purpose: reading a page and extracting facts take time in proportion to the input.

The reliability audit found extraction quadratic in the length of an article (13 s for
256 K characters of news, 62 s for 512 K) and inputs made to be slow: long runs of blank
lines or spaces, thousands of dates, a source line padded with spaces, pages of unclosed
tags (58 s for 100,000). The checks here time extraction of news of two sizes, whose times
must grow like the sizes, and each crafted input, which must be imported into a workspace and
extracted (facts.importer.import_paths, app.extracting.run_extraction) in seconds. A
crafted input runs in a child process stopped after CHILD_SECONDS: a slow one fails, it
does not hang the caller.

Used by test_linear_time.py (which asserts) and, through linear_time(), by a report.
"""
from __future__ import annotations

import gc
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Optional

from .scenarios import SEEDS, Outcome, _env

SMALL, LARGE = 64 * 1024, 512 * 1024  # characters of news
# time(LARGE) / time(SMALL): linear is 8 in principle, quadratic 64. Linear code measures 9 to
# 10.7 on this project's 2-core machine (a 512 K text and its lists outgrow the processor's
# caches), so the line is drawn at 12: far below anything quadratic.
MAX_RATIO = 12.0
RUNS = 5  # each size is timed this often and the fastest kept: other work only slows a run
CRAFTED_SECONDS = 10.0  # importing and extracting one crafted input (each takes a few seconds at most)
CHILD_SECONDS = 120  # a crafted input still at work then is stopped, and fails

STORY = "Bộ Y tế cấp 3 tỷ đồng cho 26 trạm y tế xã ở tỉnh Cao Bằng ngày 06/12/2024.\n"


def _page(body: str) -> str:
    return f"<html><body><h1>Y tế cơ sở</h1><p>{STORY}</p>{body}<p>{STORY}</p></body></html>"


def _people(n: int) -> str:
    """n sentences, each about a person of another name; every other name ends as it
    begins ("Nam Hà Linh N"), so that its occurrences could overlap."""
    syllables = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan",
                 "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Phong", "Quang", "Sơn",
                 "Thảo", "Thành", "Trung", "Tuấn", "Vân", "Việt", "Yến", "Đức", "Hương", "Hoa"]
    k = len(syllables)
    names = (f"{syllables[i // k // k % k]} {syllables[i // k % k]} {syllables[i % k]}"
             for i in range(n))
    return "".join(f"Ông {name}{' ' + name[0] if i % 2 else ''} phát biểu. "
                   for i, name in enumerate(names))


def news(size: int) -> str:
    """`size` characters of news: the stories of the seed articles, repeated. Only the
    stories: a seed's page furniture ("Tin cùng chuyên mục") would end the story there."""
    from facts.extract.content import analyse
    from facts.textio import normalise

    stories = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = normalise(path.read_text(encoding="utf-8")).strip("\n")
        stories.append("\n".join(text[s:e] for s, e in analyse(text).content))
    block = "\n\n".join(stories) + "\n\n"
    return (block * (size // len(block) + 1))[:size]


# name -> (file suffix, the file's text). The audit's inputs first, then ones found since
# (a line-start pattern, a tail or head marker, a photo credit or a source line padded with
# spaces; many distinct names; many short pieces of story; a title found many times
# outside the story).
CRAFTED: dict[str, tuple[str, Callable[[], str]]] = {
    "200,000 blank lines": (".txt", lambda: STORY + "\n" * 200_000 + STORY),
    "20,000 lines of 50 spaces": (".txt", lambda: STORY + (" " * 50 + "\n") * 20_000 + STORY),
    "50,000 × 'ngày 1/2, '": (".txt", lambda: STORY + "ngày 1/2, " * 50_000 + "\n" + STORY),
    "'Nguồn: a' + 50,000 spaces + 'b'": (".txt", lambda: STORY + "Nguồn: a" + " " * 50_000 + "b"),
    "HTML: 100,000 unclosed <div>": (".html", lambda: _page("<div>" * 100_000)),
    "HTML: 100,000 '<span>x', then 100,000 </p>": (
        ".html", lambda: _page("<span>x" * 100_000 + "</p>" * 100_000)),
    "'Xem thêm' + 100,000 spaces + 'b'": (".txt", lambda: STORY + "Xem thêm" + " " * 100_000 + "b\n" + STORY),
    "'Xuất bản thông tin' + 100,000 spaces + 'x'": (
        ".txt", lambda: STORY + "Xuất bản thông tin" + " " * 100_000 + "x\n" + STORY),
    "20,000 'Asset Publisher' lines": (".txt", lambda: STORY + "Asset Publisher\n" * 20_000 + STORY),
    "'(Ảnh: ' + 50,000 spaces": (".txt", lambda: STORY + "(Ảnh: " + " " * 50_000 + "b\n" + STORY),
    "'Theo a.' + 50,000 letters + ' c'": (".txt", lambda: STORY + "Theo a." + "b" * 50_000 + " c"),
    "20,000 people, each named once": (".txt", lambda: STORY + _people(20_000) + "\n" + STORY),
    "25,000 one-date lines between '-' lines": (".txt", lambda: STORY + "ngày 1/2\n-\n" * 25_000 + STORY),
    "a title 25,000 times between 25,000 story lines": (
        ".txt", lambda: "[Tin tức hôm nay]\n" + "Bộ Y tế họp\n[Tin tức hôm nay]\n" * 25_000),
}

# Imports one file into a new workspace and extracts it; prints the seconds that took.
CHILD = r"""
import sys, time
from db.store import Store
from app.extracting import run_extraction
from app.importing import import_paths

store = Store.open(sys.argv[2])
start = time.perf_counter()
report = import_paths(store, [sys.argv[1]])
run = run_extraction(store)
seconds = time.perf_counter() - start
store.close()
if report.failed or run.articles != 1:
    sys.exit(f"not imported and extracted: {report.summary()}; {run}")
print(seconds)
"""


def _extraction_seconds(text: str) -> float:
    from facts.extract import default_extractor

    extractor = default_extractor()
    extractor.extract(text[:4096])  # word lists loaded and compiled before the clock starts
    best = float("inf")
    collecting = gc.isenabled()
    for _ in range(RUNS):
        # Without the cycle collector: what it costs depends on everything else alive in
        # the process (a test run's), not on the text.
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            extractor.extract(text)
            best = min(best, time.perf_counter() - start)
        finally:
            if collecting:
                gc.enable()
    return best


def size_seconds() -> tuple[float, float]:
    """Seconds to extract SMALL and LARGE characters of news (the fastest of RUNS each)."""
    return _extraction_seconds(news(SMALL)), _extraction_seconds(news(LARGE))


def crafted_seconds(folder: Path, name: str) -> Optional[float]:
    """Seconds to import and extract the crafted input `name`; None if stopped after CHILD_SECONDS."""
    suffix, make = CRAFTED[name]
    stem = f"crafted-{list(CRAFTED).index(name)}"
    path = folder / f"{stem}{suffix}"
    path.write_text(make(), encoding="utf-8")
    try:
        child = subprocess.run([sys.executable, "-c", CHILD, str(path), str(folder / f"{stem}.sqlite")],
                               capture_output=True, text=True, env=_env(), timeout=CHILD_SECONDS)
    except subprocess.TimeoutExpired:  # the child has been killed
        return None
    if child.returncode != 0:
        raise RuntimeError(f"the child failed: {child.stderr[-300:]}")
    return float(child.stdout)


def linear_time(folder: Path) -> Outcome:
    """The size ratio and each crafted input: tried, held, the seconds measured for each."""
    out = Outcome("time linear in the input (news ×8, crafted inputs)")
    out.tried += 1
    small, large = size_seconds()
    ratio = large / small
    out.held += ratio <= MAX_RATIO
    out.notes.append(f"news: {SMALL // 1024} K characters {small:.2f} s, {LARGE // 1024} K "
                     f"{large:.2f} s, ×{ratio:.1f} (linear ×8, allowed ×{MAX_RATIO:.0f})")
    for name in CRAFTED:
        out.tried += 1
        try:
            seconds = crafted_seconds(folder, name)
        except Exception as exc:  # an input that breaks the reader has not held; say how
            out.notes.append(f"{name}: raised {type(exc).__name__}: {str(exc)[:200]}")
            continue
        if seconds is None:
            out.notes.append(f"{name}: stopped after {CHILD_SECONDS} s")
            continue
        out.held += seconds < CRAFTED_SECONDS
        out.notes.append(f"{name}: {seconds:.2f} s (allowed {CRAFTED_SECONDS:.0f} s)")
    return out
