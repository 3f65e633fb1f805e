"""Hostile input on purpose: what the reliability audit gave the importer, each case tried
through the real import path (facts.importer.import_paths on a real workspace).

Each case works in a folder it is given and returns (held, note). The tests of
test_hostile_input.py assert them one by one; hostile_input() runs them all and counts,
in the style of scenarios.py, for scripts/reliability_report.py to print.

The rule they check (facts/textio.py): NUL bytes in a file, UTF-16 behind a UTF-8
byte-order mark and anything but a regular file are refused with a reason, the rest of
the import goes on; other control characters in imported text are removed (offsets of
imported facts carried over); a reviewer's typed value or note holding one is refused.
"""
from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable, Optional

from .scenarios import Outcome, _env

VI = "Bộ Y tế cấp 3 tỷ đồng cho tỉnh Cao Bằng ngày 06/12/2024."
GOOD = "Ông Nguyễn Trường Sơn nói 26 trạm y tế xã đã nhận 3 tỷ đồng.\n"
CHILD_SECONDS = 20
CHILD_MEMORY = 1536 * 2**20  # a reader of /dev/zero dies here, not by taking the machine's memory

# An import in a child process: a read that blocks (a FIFO) or never ends (/dev/zero) is
# killed after CHILD_SECONDS instead of hanging the caller, as it hung the audit.
CHILD = r"""
import json, sys
from db.store import Store
from app.importing import import_paths
store = Store.open(sys.argv[1])
report = import_paths(store, sys.argv[2:])
print(json.dumps([{"name": f.path.rsplit("/", 1)[-1], "status": f.status, "error": f.error}
                  for f in report.files]), flush=True)
store.close()
"""

Case = Callable[[Path], tuple[bool, str]]
CASES: dict[str, Case] = {}


def case(name: str):
    def register(fn: Case) -> Case:
        CASES[name] = fn
        return fn
    return register


def hostile_input(folder: Path) -> Outcome:
    """Every case of CASES in its own folder under `folder`: tried, held, a note each."""
    out = Outcome("hostile input (devices, FIFOs, control characters, encodings)")
    for i, (name, run) in enumerate(CASES.items()):
        d = folder / f"case-{i}"
        d.mkdir()
        out.tried += 1
        try:
            held, note = run(d)
        except Exception as exc:  # a case that raises has not held; say how it broke
            held, note = False, f"raised {type(exc).__name__}: {str(exc)[:200]}"
        out.held += held
        out.notes.append(f"{name}: {note}")
    return out


# -- helpers --------------------------------------------------------------------------
def _limit_memory() -> None:  # in the child, before it runs
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))
    except (ValueError, OSError):  # not every system lets it be lowered (macOS)
        pass


def import_in_child(db: Path, paths: list[Path]) -> tuple[Optional[dict[str, dict]], str]:
    """Import `paths` into the workspace `db` in a child process with a time and memory
    limit; its per-file results by file name, or None and what went wrong."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db), *map(str, paths)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env(), preexec_fn=_limit_memory)
    try:
        stdout, stderr = proc.communicate(timeout=CHILD_SECONDS)
    except subprocess.TimeoutExpired:
        proc.kill()  # the child started here, by its own handle
        proc.communicate()
        return None, f"the import hung (killed after {CHILD_SECONDS} s, workspace lock held)"
    if proc.returncode != 0:
        last = (stderr.strip().splitlines() or ["(no message)"])[-1]
        return None, f"the import died: {last[:160]}"
    return {r["name"]: r for r in json.loads(stdout)}, ""


def _good_file(folder: Path, name: str = "tốt.txt") -> Path:
    p = folder / name
    p.write_text(GOOD, encoding="utf-8")
    return p


def _opens_with_good_only(db: Path) -> tuple[bool, str]:
    from db.store import Store

    store = Store.open(db)  # refused if the child left the lock held
    try:
        texts = [store.article(i).text for i in store.article_ids()]
    finally:
        store.close()
    if texts != [GOOD.strip("\n")]:
        return False, f"workspace holds {len(texts)} articles, expected the good one"
    return True, ""


def _beside_good(folder: Path, bad: Path, *, walk: bool = False) -> tuple[bool, str]:
    """`bad` (or the folder holding it, `walk`) and a good file in one import call."""
    good = _good_file(folder if not walk else bad.parent)
    db = folder / "w.sqlite"
    results, why = import_in_child(db, [bad.parent] if walk else [bad, good])
    if results is None:
        return False, why
    r, g = results.get(bad.name), results.get(good.name)
    if not r or r["status"] != "failed" or "not a regular file" not in (r["error"] or ""):
        return False, f"{bad.name} gave {r}"
    if not g or g["status"] != "imported":
        return False, f"the good file gave {g}"
    ok, why = _opens_with_good_only(db)
    return ok, why or f"refused: “{r['error']}”; the good file imported"


def comparable(dump: str) -> list[dict]:
    """A JSONL export's articles, without `origin` (the file it was imported from)."""
    out = []
    for line in dump.split("\n"):
        if line:
            a = json.loads(line)
            a.pop("origin")
            out.append(a)
    return out


def exports_and_reimports(store, folder: Path) -> tuple[bool, str]:
    """The XLSX export of the whole workspace is written and reads back; the JSONL export
    imports into a fresh workspace giving the same articles and facts."""
    from openpyxl import load_workbook

    from db.store import Store
    from facts.exporter import write_jsonl
    from app.importing import import_paths
    from facts.tables import ExportFilter, write_xlsx

    xlsx = folder / "all.xlsx"
    try:
        n_facts, n_art = write_xlsx(store.iter_fact_rows(**ExportFilter(statuses=None).query()), store.iter_article_rows(), xlsx)
        wb = load_workbook(xlsx, read_only=True)
        rows = {ws.title: sum(1 for _ in ws.iter_rows(values_only=True)) - 1 for ws in wb.worksheets}
        wb.close()
    except Exception as exc:
        return False, f"XLSX export fails: {type(exc).__name__}: {str(exc)[:120]}"
    if rows != {"Facts": n_facts, "Articles": n_art}:
        return False, f"XLSX reads back {rows}, written {n_facts} facts, {n_art} articles"
    dump = folder / "all.jsonl"
    with open(dump, "w", encoding="utf-8", newline="") as f:
        write_jsonl(store.iter_articles(), f)
    first = dump.read_text(encoding="utf-8")
    other = Store.open(folder / "again.sqlite")
    try:
        report = import_paths(other, [dump])
        if report.failed:
            return False, f"the JSONL export does not import back: {report.failed[0].error}"
        again = io.StringIO()
        write_jsonl(other.iter_articles(), again)
    finally:
        other.close()
    if comparable(again.getvalue()) != comparable(first):
        return False, "the JSONL export imported back differs from the workspace"
    return True, f"XLSX ({n_art} articles, {n_facts} facts) and JSONL round trip fine"


def _import(folder: Path, paths: list[Path]):
    from db.store import Store
    from app.importing import import_paths

    store = Store.open(folder / "w.sqlite")
    return store, import_paths(store, paths)


def _accepted(folder: Path, paths: list[Path], check: Callable) -> tuple[bool, str]:
    """Import `paths`; every file imported, `check(store)` holds (None or the problem),
    and the workspace exports and imports back."""
    store, report = _import(folder, paths)
    try:
        if report.failed or report.count("imported") != len(paths):
            return False, "; ".join(f"{Path(f.path).name}: {f.status} {f.error or ''}" for f in report.files)
        problem = check(store)
        if problem:
            return False, problem
        ok, note = exports_and_reimports(store, folder)
        return ok, note
    finally:
        store.close()


def _refused(folder: Path, name: str, data: bytes, message: str) -> tuple[bool, str]:
    p = folder / name
    p.write_bytes(data)
    good = _good_file(folder)
    store, report = _import(folder, [p, good])
    try:
        r, g = report.files
        if r.status != "failed" or message not in (r.error or ""):
            return False, f"{name}: {r.status} {r.error!r} (expected “{message}”)"
        if g.status != "imported" or store.article_count() != 1:
            return False, f"the good file beside it: {g.status} {g.error}"
        return True, f"refused: “{r.error}”"
    finally:
        store.close()


def _texts(store) -> list[str]:
    return [store.article(i).text for i in store.article_ids()]


# -- not regular files ------------------------------------------------------------------
@case("a FIFO beside a good file")
def fifo(folder: Path) -> tuple[bool, str]:
    if not hasattr(os, "mkfifo"):
        return True, "no FIFOs on this system"
    p = folder / "pipe.txt"
    os.mkfifo(p)
    return _beside_good(folder, p)


def _device_link(folder: Path, device: str, name: str) -> tuple[bool, str]:
    if not os.path.exists(device):
        return True, f"no {device} on this system"
    p = folder / name
    p.symlink_to(device)
    return _beside_good(folder, p)


@case("a link to /dev/zero beside a good file")
def dev_zero(folder: Path) -> tuple[bool, str]:
    return _device_link(folder, "/dev/zero", "zero.txt")


@case("a link to /dev/urandom beside a good file")
def dev_urandom(folder: Path) -> tuple[bool, str]:
    return _device_link(folder, "/dev/urandom", "random.json")


@case("a folder holding a FIFO and a link to /dev/zero")
def folder_walk(folder: Path) -> tuple[bool, str]:
    if not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"):
        return True, "no FIFOs or /dev/zero on this system"
    d = folder / "in"
    d.mkdir()
    os.mkfifo(d / "pipe.jsonl")
    (d / "zero.csv").symlink_to("/dev/zero")
    good = _good_file(d)
    db = folder / "w.sqlite"
    results, why = import_in_child(db, [d])
    if results is None:
        return False, why
    bad = [results.get(n) for n in ("pipe.jsonl", "zero.csv")]
    if not all(r and r["status"] == "failed" and "not a regular file" in (r["error"] or "") for r in bad):
        return False, f"gave {bad}"
    if results.get(good.name, {}).get("status") != "imported":
        return False, f"the good file gave {results.get(good.name)}"
    ok, why = _opens_with_good_only(db)
    return ok, why or f"both refused (“{bad[0]['error']}”, “{bad[1]['error']}”); the good file imported"


# -- encodings ------------------------------------------------------------------------
def _utf32(folder: Path, bom: bytes, enc: str) -> tuple[bool, str]:
    p = folder / f"{enc}.txt"
    p.write_bytes(bom + (VI + "\n" + GOOD).encode(enc))
    want = (VI + "\n" + GOOD).strip("\n")
    return _accepted(folder, [p], lambda s: None if _texts(s) == [want] else f"stored {_texts(s)!r}")


@case("UTF-32-LE with its byte-order mark")
def utf32_le(folder: Path) -> tuple[bool, str]:
    return _utf32(folder, codecs.BOM_UTF32_LE, "utf-32-le")


@case("UTF-32-BE with its byte-order mark")
def utf32_be(folder: Path) -> tuple[bool, str]:
    return _utf32(folder, codecs.BOM_UTF32_BE, "utf-32-be")


UTF16_BEHIND_UTF8 = "UTF-16 text behind a UTF-8 byte-order mark"


@case("a UTF-8 byte-order mark with UTF-16 text behind it")
def utf8_bom_utf16(folder: Path) -> tuple[bool, str]:
    notes = []
    for name, body in (("bare.txt", VI.encode("utf-16-le")),
                       ("with-bom.txt", codecs.BOM_UTF16_LE + VI.encode("utf-16-le")),
                       ("big-endian.md", VI.encode("utf-16-be"))):
        sub = folder / name.split(".")[0]
        sub.mkdir()
        ok, note = _refused(sub, name, codecs.BOM_UTF8 + body, UTF16_BEHIND_UTF8)
        if not ok:
            return False, note
        notes.append(note)
    return True, notes[0]


NUL_AT = 10 * 1024 + 7


@case("a NUL byte after the first 10 KB")
def late_nul(folder: Path) -> tuple[bool, str]:
    body = (GOOD * 200).encode("utf-8")
    data = body[:NUL_AT] + b"\x00" + body[NUL_AT:]
    return _refused(folder, "late-nul.txt", data, f"the first at byte {NUL_AT + 1:,}")


# -- control characters in text that is otherwise good ------------------------------------
RAW = ("Hà Nội\x00 (TTXVN)\x0b Bộ Y tế\x07 cấp 3 tỷ\x01 đồng cho 26 trạm y tế.\x7f\x90 "
       "Ông Nguyê\x1b\u0303n Văn An\x85nói.\u2028Xong.\r\n")
CLEAN = "Hà Nội (TTXVN)\n Bộ Y tế cấp 3 tỷ đồng cho 26 trạm y tế. Ông Nguyễn Văn An\nnói.\u2028Xong.\n"
TITLE = "Bộ Y tế\x00 cấp\x07 3 tỷ\x1f đồng\x85"
CLEAN_TITLE = "Bộ Y tế cấp 3 tỷ đồng"


def _raw_facts() -> list[dict]:
    money = RAW.index("3 tỷ")
    qty = RAW.index("26")
    name = RAW.index("Nguyê")
    return [
        {"kind": "money", "start": money, "end": money + len("3 tỷ\x01 đồng"), "text": "3 tỷ\x01 đồng",
         "value": "3000000000", "currency": "VND", "status": "accepted", "reviewer": "lan\x00",
         "note": "đã xem\x07 kỹ", "reviewed_at": "2025-01-31T10:00:00"},
        {"kind": "quantity", "start": qty, "end": qty + 2, "text": "26", "value": "26",
         "unit": "trạm y tế\x07", "approx": "exact"},
        {"kind": "person", "start": name, "end": name + len("Nguyê\x1b\u0303n Văn An"),
         "text": "Nguyê\x1b\u0303n Văn An", "value": "Nguyễn\x0c Văn An", "title": "", "honorific": "Ông"},
    ]


def _check_cleaned(store) -> Optional[str]:
    arts = [store.article(i) for i in store.article_ids()]
    for a in arts:
        if a.text != CLEAN:
            return f"text stored as {a.text!r}"
        if a.title != CLEAN_TITLE or a.author != "Gia Hưng" or a.source != "Vietnam+":
            return f"metadata stored as {(a.title, a.author, a.source)!r}"
        facts = {f.kind: f for f in store.facts(a.id)}
        want = {"money": ("3 tỷ đồng", "3000000000"), "quantity": ("26", "26"),
                "person": ("Nguyễn Văn An", "Nguyễn\n Văn An")}
        for kind, (text, value) in want.items():
            f = facts.get(kind)
            if f is None or a.text[f.start:f.end] != text or f.text != text or f.value != value:
                return f"{kind} fact stored as {f and (f.start, f.end, f.text, f.value)!r}"
        m = facts["money"]
        if (m.status, m.reviewer, m.note) != ("accepted", "lan", "đã xem kỹ"):
            return f"review stored as {(m.status, m.reviewer, m.note)!r}"
        if facts["quantity"].fields.get("unit") != "trạm y tế":
            return f"unit stored as {facts['quantity'].fields!r}"
    return None


def _article_obj(uid: str) -> dict:
    return {"id": uid, "title": TITLE, "author": "Gia\x08 Hưng", "source": "Vietnam+\x9f",
            "text": RAW, "facts": _raw_facts()}


@case("a JSON article with NUL and control characters in its title, text and facts")
def json_controls(folder: Path) -> tuple[bool, str]:
    p = folder / "controls.json"
    p.write_text(json.dumps(_article_obj("x\x001")), encoding="utf-8")  # \u0000 escapes
    return _accepted(folder, [p], _check_cleaned)


@case("a JSONL file with raw C1 controls and line separators inside its strings")
def jsonl_controls(folder: Path) -> tuple[bool, str]:
    p = folder / "controls.jsonl"
    lines = [json.dumps(_article_obj(f"x{i}"), ensure_ascii=False) for i in (1, 2)]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")  # \x85 and \u2028 written raw
    return _accepted(folder, [p], _check_cleaned)


@case("JSON with lone surrogates and not-characters (\\ud800, \\uffff) escaped")
def json_not_characters(folder: Path) -> tuple[bool, str]:
    p = folder / "surrogates.json"
    p.write_text('{"title": "Tin\\ud800 nhanh\\uffff", "text": "Bộ Y tế\\udc80 họp.\\ufffe Xong."}',
                 encoding="utf-8")

    def check(store) -> Optional[str]:
        a = store.article(store.article_ids()[0])
        if (a.title, a.text) != ("Tin\ufffd nhanh\ufffd", "Bộ Y tế\ufffd họp.\ufffd Xong."):
            return f"stored {(a.title, a.text)!r}"
        return None
    return _accepted(folder, [p], check)


@case("file names with a control character and an undecodable byte")
def odd_file_names(folder: Path) -> tuple[bool, str]:
    d = folder / "in"
    d.mkdir()
    (d / "tin\x07một.txt").write_text(VI, encoding="utf-8")
    if sys.platform.startswith("linux"):
        with open(os.path.join(os.fsencode(d), b"tin-hai-\xff.txt"), "wb") as f:
            f.write(GOOD.encode("utf-8"))

    def check(store) -> Optional[str]:
        uids = sorted(store.article(i).uid for i in store.article_ids())
        if "tinmột" not in uids or any("\x07" in u or "\udcff" in u for u in uids):
            return f"names stored as {uids!r}"
        return None
    store, report = _import(folder, [d])
    try:
        n = 2 if sys.platform.startswith("linux") else 1
        if report.count("imported") != n:
            return False, "; ".join(f"{f.status} {f.error}" for f in report.files)
        problem = check(store)
        if problem:
            return False, problem
        return exports_and_reimports(store, folder)
    finally:
        store.close()


@case("a CSV cell of 200,000 characters")
def long_csv_cell(folder: Path) -> tuple[bool, str]:
    cell = ("Bộ Y tế cấp 3 tỷ đồng cho 26 trạm y tế xã. " * 5000)[:200_000]
    p = folder / "long.csv"
    p.write_text(f'id,title,text\n1,Bài dài,"{cell}"\n', encoding="utf-8")
    return _accepted(folder, [p], lambda s: None if _texts(s) == [cell.strip()] else
                     f"stored {[len(t) for t in _texts(s)]} characters")


# -- what a reviewer types --------------------------------------------------------------------
@case("a control character typed in a note or a fact's field")
def typed_controls(folder: Path) -> tuple[bool, str]:
    from pydantic import ValidationError

    from facts.model import Review, validate_fact
    from facts.reading import read_field, read_note

    problems = []
    for note in ("đã xem\x07", "a\x00b", "x\x1b[31m", "c\x85d", "e\x7f"):
        try:
            Review(note=note)
            problems.append(f"note {note!r} accepted by the model")
        except ValidationError as exc:
            if "control character" not in str(exc):
                problems.append(f"note {note!r}: {exc}")
        if read_note(note).ok:
            problems.append(f"note {note!r} read as good")
    if Review(note="dòng một\n\tdòng hai").note != "dòng một\n\tdòng hai":
        problems.append("a line break or tab in a note refused")
    fact = {"kind": "quantity", "start": 0, "end": 2, "text": "26", "value": "26",
            "unit": "trạm\x07", "extractor": "manual"}
    try:
        validate_fact(fact)
        problems.append("a typed unit with a control character accepted")
    except ValidationError as exc:
        locs = [e["loc"] for e in exc.errors()]
        if locs != [("quantity", "unit")]:
            problems.append(f"error placed at {locs}, not beside the unit")
    if read_field("person", "title", "Bộ\x0btrưởng").ok:
        problems.append("a typed title with a control character read as good")
    if problems:
        return False, "; ".join(problems)
    return True, f"refused beside the field: “{read_note('đã xem' + chr(7)).error}”"
