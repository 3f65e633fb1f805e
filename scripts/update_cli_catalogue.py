"""Refresh and compile the catalogue of the messages made outside the window (README: Language).

    .venv/bin/python scripts/update_cli_catalogue.py          # refresh cli_vi.po, compile cli_vi.mo
    .venv/bin/python scripts/update_cli_catalogue.py --check  # exit 1 if untranslated or stale

Reads the strings marked (`_("…")`, `N_("…")`, `ngettext("…", "…", n)`; facts/i18n.py) in the
sources of the command line and of every layer below the window — app/, db/, facts/ — with
Python's own parser, merges them into resources/i18n/cli_vi.po (every translation kept; new
strings get an empty one and are listed; strings no longer marked are dropped, listed too), then
writes cli_vi.mo in GNU gettext's binary format (which `gettext.GNUTranslations` reads). The
standard library has no msgfmt, and GNU gettext's tools are not needed: the format is a header,
two tables of (length, offset) and the NUL-terminated strings, sorted by msgid
(https://www.gnu.org/software/gettext/manual/html_node/MO-Files.html).
"""
from __future__ import annotations

import argparse
import ast
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
# The command line's own first (the catalogue keeps their order), then every other source of the
# layers below the window, in path order.
FIRST = [ROOT / "app" / "cli.py", ROOT / "app" / "cli_team.py", ROOT / "app" / "messages.py"]
LAYERS = ("app", "db", "facts")


def sources() -> list[Path]:
    rest = sorted(p for layer in LAYERS for p in (ROOT / layer).rglob("*.py") if p not in FIRST)
    return FIRST + rest


SOURCES = sources()
PO = ROOT / "resources" / "i18n" / "cli_vi.po"
MO = PO.with_suffix(".mo")
HEADER = ("Project-Id-Version: fact-review\n"
          "Language: vi\n"
          "MIME-Version: 1.0\n"
          "Content-Type: text/plain; charset=UTF-8\n"
          "Content-Transfer-Encoding: 8bit\n"
          "Plural-Forms: nplurals=1; plural=0;\n")


@dataclass
class Entry:
    msgid: str
    plural: Optional[str] = None
    msgstr: list[str] = field(default_factory=lambda: [""])
    refs: list[str] = field(default_factory=list)

    @property
    def translated(self) -> bool:
        return all(self.msgstr) and bool(self.msgstr)


# -- the sources ------------------------------------------------------------------------------
class MarkError(ValueError):
    """A marked string that cannot be in a catalogue (an f-string, a variable)."""


def extract(paths=SOURCES) -> dict[str, Entry]:
    """The marked strings of `paths`, by msgid, in order of first appearance."""
    out: dict[str, Entry] = {}
    errors = []
    for path in paths:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            name = node.func.id
            if name not in ("_", "N_", "ngettext") or not node.args:
                continue
            where = f"{Path(path).relative_to(ROOT)}:{node.lineno}"
            want = 2 if name == "ngettext" else 1
            texts = node.args[:want]
            if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in texts):
                if name == "_" and all(isinstance(a, (ast.Name, ast.Subscript, ast.Attribute)) for a in texts):
                    continue  # _(declared): a string marked where declared (N_)
                errors.append(f"{where}: {name}() of something other than a string literal")
                continue
            msgid = texts[0].value
            e = out.setdefault(msgid, Entry(msgid))
            if want == 2:
                e.plural = texts[1].value
            e.refs.append(where)
    if errors:
        raise MarkError("\n".join(errors))
    order = {str(Path(p).relative_to(ROOT)): i for i, p in enumerate(paths)}

    def first(e: Entry):
        f, line = e.refs[0].rsplit(":", 1)
        return order[f], int(line)

    return {e.msgid: e for e in sorted(out.values(), key=first)}


# -- the .po file -----------------------------------------------------------------------------
def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def _unquote(s: str) -> str:
    return ast.literal_eval(s)  # a .po string is a C string: the same escapes as Python's here


def read_po(path: Path = PO) -> dict[str, Entry]:
    """The entries of a .po file by msgid (the header's is ""); obsolete (#~) entries skipped."""
    entries: dict[str, Entry] = {}
    cur: Optional[Entry] = None
    key = None

    def close():
        if cur is not None:
            entries[cur.msgid] = cur

    if not path.exists():
        return entries
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("msgid "):
            close()
            cur, key = Entry(_unquote(line[6:]), msgstr=[]), "msgid"
        elif line.startswith("msgid_plural "):
            cur.plural, key = _unquote(line[13:]), "plural"
        elif line.startswith("msgstr["):
            idx = int(line[7:line.index("]")])
            while len(cur.msgstr) <= idx:
                cur.msgstr.append("")
            cur.msgstr[idx] = _unquote(line[line.index("]") + 2:])
            key = ("msgstr", idx)
        elif line.startswith("msgstr "):
            cur.msgstr, key = [_unquote(line[7:])], ("msgstr", 0)
        elif line.startswith('"'):
            s = _unquote(line)
            if key == "msgid":
                cur.msgid += s
            elif key == "plural":
                cur.plural += s
            else:
                cur.msgstr[key[1]] += s
    close()
    return entries


def _lines(keyword: str, s: str) -> list[str]:
    if "\n" not in s[:-1] and len(s) < 70:
        return [f"{keyword} {_quote(s)}"]
    parts = [p + "\n" for p in s.split("\n")]
    parts[-1] = parts[-1][:-1]
    return [f'{keyword} ""'] + [_quote(p) for p in parts if p]


def write_po(entries: dict[str, Entry], path: Path = PO) -> None:
    out = ["# The messages made outside the window, in Vietnamese: the command line's, and those of",
           "# the layers below the window (facts/i18n.py), which the window shows too.",
           "# Refreshed and compiled by scripts/update_cli_catalogue.py; translate every msgstr.",
           'msgid ""'] + _lines("msgstr", HEADER)
    for e in entries.values():
        if not e.msgid:
            continue
        out.append("")
        out += [f"#: {' '.join(e.refs)}"] if e.refs else []
        if any("%" in s for s in (e.msgid, e.plural or "")) and "{" not in e.msgid:
            out.append("#, python-format")
        elif "{" in e.msgid:
            out.append("#, python-brace-format")
        out += _lines("msgid", e.msgid)
        if e.plural is not None:
            out += _lines("msgid_plural", e.plural)
            out += _lines("msgstr[0]", e.msgstr[0] if e.msgstr else "")
        else:
            out += _lines("msgstr", e.msgstr[0] if e.msgstr else "")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def merge(marked: dict[str, Entry], old: dict[str, Entry]) -> tuple[dict[str, Entry], list[str], list[str]]:
    """The catalogue of the marked strings with the old translations; (entries, new, dropped)."""
    merged, new = {}, []
    for msgid, e in marked.items():
        before = old.get(msgid)
        if before is not None and before.translated:
            e.msgstr = before.msgstr[:1]
        else:
            new.append(msgid)
        merged[msgid] = e
    dropped = [m for m in old if m and m not in marked]
    return merged, new, dropped


# -- the .mo file -----------------------------------------------------------------------------
def compile_mo(entries: dict[str, Entry]) -> bytes:
    """GNU .mo bytes (little-endian, revision 0, no hash table) of the translated entries."""
    pairs = {"": HEADER}
    for e in entries.values():
        if not e.msgid or not e.translated:
            continue  # an untranslated string is shown in English
        if e.plural is not None:
            pairs[f"{e.msgid}\0{e.plural}"] = "\0".join(e.msgstr)
        else:
            pairs[e.msgid] = e.msgstr[0]
    keys = sorted(pairs, key=lambda k: k.encode("utf-8"))
    ids = [k.encode("utf-8") for k in keys]
    strs = [pairs[k].encode("utf-8") for k in keys]
    n = len(keys)
    start = 7 * 4 + 16 * n  # the header, then the two tables
    table_ids, table_strs, blob = [], [], b""
    for s in ids:
        table_ids += [len(s), start + len(blob)]
        blob += s + b"\0"
    for s in strs:
        table_strs += [len(s), start + len(blob)]
        blob += s + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, n, 7 * 4, 7 * 4 + 8 * n, 0, 0)
    return head + struct.pack(f"<{2 * n}I", *table_ids) + struct.pack(f"<{2 * n}I", *table_strs) + blob


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="change nothing: exit 1 if a marked string is untranslated or the .mo stale")
    args = ap.parse_args(argv)
    merged, new, dropped = merge(extract(), read_po())
    mo = compile_mo(merged)
    untranslated = [m for m, e in merged.items() if not e.translated]
    if args.check:
        stale = not MO.exists() or MO.read_bytes() != mo or new or dropped
        for m in untranslated:
            print(f"untranslated: {m!r}")
        for m in dropped:
            print(f"no longer marked: {m!r}")
        if stale:
            print(f"{MO.name} is not up to date: run scripts/update_cli_catalogue.py")
        return 1 if untranslated or stale else 0
    write_po(merged)
    MO.write_bytes(compile_mo(read_po()))
    for m in dropped:
        print(f"dropped (no longer marked): {m!r}")
    for m in untranslated:
        print(f"to translate: {m!r}")
    print(f"{len(merged)} strings, {len(merged) - len(untranslated)} translated; wrote {PO.name} and {MO.name}")
    return 1 if untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
