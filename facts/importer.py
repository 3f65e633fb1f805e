"""Reading article files of every format into articles (and facts CSV rows), validated whole:
a file is read entirely or refused with its line and reason (app/importing.py writes what was
read, a file at a time, all or nothing)."""
from __future__ import annotations

import collections
import csv
import io
import json
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from pydantic import ValidationError

from .conll import SUFFIXES as CONLL_SUFFIXES
from .conll import ConllOptions, read_conll
from .extract.content import analyse
from .htmltext import html_to_text
from .i18n import N_, _, decimal, num
from .model import ALL_KIND_FIELDS, KIND_FIELDS, ArticleIn, Review, error_text, validate_fact
from .textio import BadInput, clean, decode, normalise, reanchor, remap_offset

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_JSON_DEPTH = 64
SUFFIXES = {".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", *CONLL_SUFFIXES}
META = ("title", "published", "source", "author", "url")


@dataclass
class FileResult:
    path: str
    imported: int = 0
    duplicates: int = 0
    error: Optional[str] = None  # "line 3: reason" or "reason"
    article_ids: list[int] = field(default_factory=list)
    facts_merged: int = 0  # facts added or updated from a facts CSV
    skipped: Optional[str] = None  # a file in a folder that is not an article format

    @property
    def status(self) -> str:
        if self.error:
            return "failed"
        if self.skipped:
            return "skipped"
        if self.imported == 0 and self.duplicates and not self.facts_merged:
            return "duplicate"
        return "imported"


@dataclass
class ImportReport:
    files: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.error]

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def articles(self) -> int:
        return sum(f.imported for f in self.files)

    @property
    def duplicate_articles(self) -> int:
        return sum(f.duplicates for f in self.files)

    @property
    def article_ids(self) -> list[int]:
        return [i for f in self.files for i in f.article_ids]

    def summary(self) -> str:
        """What the import did, in a line (the language's words and numbers)."""
        merged = sum(f.facts_merged for f in self.files)
        dup, skipped = self.count("duplicate"), self.count("skipped")
        out = _("{n} facts updated or added from facts CSV; ").format(n=num(merged)) if merged else ""
        out += _("{files} files imported ({articles} articles), {duplicate} duplicate").format(
            files=num(self.count("imported")), articles=num(self.articles), duplicate=num(dup))
        if self.duplicate_articles not in (0, dup):
            out += _(" ({n} articles already in the workspace)").format(n=num(self.duplicate_articles))
        out += _(", {n} failed").format(n=num(self.count("failed")))
        if skipped:
            out += _(", {n} skipped (not an article format)").format(n=num(skipped))
        return out


# -- finding files ---------------------------------------------------------------
_KINDS = ((stat.S_ISFIFO, N_("named pipe (FIFO)")), (stat.S_ISCHR, N_("device")), (stat.S_ISBLK, N_("device")),
          (stat.S_ISSOCK, N_("socket")), (stat.S_ISDIR, N_("folder")))


def _not_regular(path: Path, st: Optional[os.stat_result] = None) -> Optional[str]:
    """Why `path` is no file to read (a FIFO, a device, a socket, or a link to one), or
    None: a regular file, or one that cannot be looked at (reading it will say why).
    Only regular files are read: a FIFO blocks the reader, /dev/zero never ends."""
    if st is None:
        try:
            st = os.stat(path)
        except OSError:
            return None
    if stat.S_ISREG(st.st_mode):
        return None
    kind = next((name for test, name in _KINDS if test(st.st_mode)), N_("special file"))
    kind = _(kind)
    if os.path.islink(path):
        return _("not a regular file: a link to the {kind} {path}").format(
            kind=kind, path=clean(os.path.realpath(path)))
    return _("not a regular file: a {kind}").format(kind=kind)


@dataclass(frozen=True)
class Found:
    """A file named or found in a folder: to read (neither `error` nor `skipped`), one that
    cannot be (`error`: why), or one in a folder that is no article format (`skipped`: why)."""

    path: Path
    error: Optional[str] = None
    skipped: Optional[str] = None


def collect(paths: Iterable[str | Path]) -> Iterator[Found]:
    """The files to import under the given paths, in order."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    f = Path(root) / name
                    if name.startswith("."):
                        continue
                    if f.suffix.lower() in SUFFIXES:
                        yield Found(f, _not_regular(f))
                    else:
                        yield Found(f, skipped=_("unsupported file type {suffix}").format(
                            suffix=f.suffix or _("(none)")))
        elif path.exists():
            if path.suffix.lower() in SUFFIXES:
                yield Found(path, _not_regular(path))
            else:
                yield Found(path, _("unsupported file type {suffix}; expected one of {suffixes}").format(
                    suffix=path.suffix or _("(none)"), suffixes=", ".join(sorted(SUFFIXES))))
        else:
            yield Found(path, _("no such file or folder"))


# -- reading one file --------------------------------------------------------------
def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
              conll: Optional[ConllOptions] = None) -> list[ArticleIn]:
    """Parse one file into validated articles; raises BadInput. `conll`: how a .conll, .iob
    or .bio file is read (its tag map; facts/conll.py)."""
    raw = decode(_read_bytes(path, max_bytes))
    suffix = path.suffix.lower()
    origin = clean(str(path))  # a file name may hold control characters or undecodable bytes
    stem = clean(path.stem)
    if suffix in (".txt", ".md"):
        return [_plain_article(raw, stem, origin, markdown=suffix == ".md")]
    if suffix in (".html", ".htm"):
        text, title = html_to_text(raw)
        text = normalise(text or "")
        if not text.strip():
            raise BadInput(_("the page has no visible text"))
        return [ArticleIn(uid=stem, origin=origin, text=text,
                          title=normalise(title).strip() or None if title else None)]
    if suffix == ".json":
        return _json_articles(raw, stem, origin)
    if suffix == ".jsonl":
        return _jsonl_articles(raw, stem, origin)
    if suffix == ".csv":
        return _csv_articles(raw, stem, origin)
    if suffix in CONLL_SUFFIXES:
        return read_conll(raw, stem, origin, conll, title_of=lambda text: analyse(text).title)
    raise BadInput(_("unsupported file type {suffix}").format(suffix=suffix))


_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_NONBLOCK", 0))  # a FIFO that slips past the check does not block


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`. Anything else is refused before
    it is opened, and what was opened is checked again; the read takes no more than the
    limit, so a file that grows while it is read cannot pass it either."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise BadInput(_("cannot read the file: {reason}").format(reason=exc.strerror)) from exc
    _check_file(path, st, max_bytes)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise BadInput(_("cannot read the file: {reason}").format(reason=exc.strerror)) from exc
    try:
        st = os.fstat(fd)
        _check_file(path, st, max_bytes)
        with os.fdopen(fd, "rb") as f:
            fd = -1  # the file object closes it now
            # The size it has, and a little more to see it grow: never a buffer of the whole
            # limit up front (--max-size 100000 would ask for 100 GB).
            data = f.read(min(st.st_size + (1 << 16), max_bytes + 1))
            while len(data) <= max_bytes and (more := f.read(min(1 << 20, max_bytes + 1 - len(data)))):
                data += more
    except OSError as exc:
        raise BadInput(_("cannot read the file: {reason}").format(reason=exc.strerror)) from exc
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:
        raise BadInput(_("the file grew past the {limit} limit while it was read (raise it with "
                         "--max-size)").format(limit=_size(max_bytes)))
    return data


def _check_file(path: Path, st: os.stat_result, max_bytes: int) -> None:
    why = _not_regular(path, st)
    if why:
        raise BadInput(why)
    if st.st_size > max_bytes:
        raise BadInput(_("the file is {size}, over the {limit} limit (raise it with --max-size)").format(
            size=_size(st.st_size), limit=_size(max_bytes)))


def _size(n: int) -> str:
    """In the binary units the limit is set in (--max-size 50 means 50 × 1024 × 1024 bytes)."""
    return f"{decimal(n / 2**20, 1)} MB" if n >= 2**20 else f"{decimal(n / 2**10, 1)} KB"


def _plain_article(raw: str, stem: str, origin: str, markdown: bool) -> ArticleIn:
    """A text or Markdown file: its title is the page's, as the extractor reads the page
    (facts.extract.content: the first line of the story that reads as a headline), decided
    once, here."""
    text = normalise(raw).strip("\n")
    if not text.strip():
        raise BadInput(_("the file has no text"))
    title = analyse(text).title
    if markdown and title:
        title = title.lstrip("#").strip() or None
    return ArticleIn(uid=stem, origin=origin, text=text, title=title)


def _check_depth(obj: Any, line: Optional[int] = None) -> None:
    stack = [(obj, 0)]
    while stack:
        o, d = stack.pop()
        if d > MAX_JSON_DEPTH:
            raise BadInput(_("JSON nested deeper than {n} levels").format(n=MAX_JSON_DEPTH), line)
        if isinstance(o, dict):
            stack.extend((v, d + 1) for v in o.values())
        elif isinstance(o, list):
            stack.extend((v, d + 1) for v in o)


# The json module's reasons (its own words: English), as an import error says them.
JSON_ERRORS = frozenset((
    N_("Expecting value"), N_("Expecting property name enclosed in double quotes"),
    N_("Expecting ':' delimiter"), N_("Expecting ',' delimiter"), N_("Unterminated string starting at"),
    N_("Invalid control character at"), N_("Invalid \\escape"), N_("Invalid \\uXXXX escape"), N_("Extra data"),
    N_("Illegal trailing comma before end of object"), N_("Illegal trailing comma before end of array")))


def _loads(raw: str, line_offset: int = 0) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        line = exc.lineno + line_offset
        why = _(exc.msg) if exc.msg in JSON_ERRORS else exc.msg
        raise BadInput(_("invalid JSON: {error} (column {column})").format(error=why, column=exc.colno),
                       line) from exc
    except RecursionError as exc:
        raise BadInput(_("JSON nested deeper than {n} levels").format(n=MAX_JSON_DEPTH), line_offset + 1) from exc


def _json_articles(raw: str, stem: str, origin: str) -> list[ArticleIn]:
    data = _loads(raw)
    _check_depth(data)
    items = data if isinstance(data, list) else [data]
    if not items:
        raise BadInput(_("the JSON list holds no articles"))
    many = len(items) > 1
    return [
        _article_from_obj(obj, f"{stem}#{i + 1}" if many else stem, origin,
                          where=_("article {n}: ").format(n=i + 1) if many else "")
        for i, obj in enumerate(items)
    ]


_LINE_END = re.compile(r"\r\n|\r|\n")


def _jsonl_articles(raw: str, stem: str, origin: str) -> list[ArticleIn]:
    out = []
    # Lines end at \n (or \r): not at the other breaks str.splitlines() knows (NEL, U+2028,
    # form feed…), which a JSON string may hold as they are and our own export writes so.
    for n, line in enumerate(_LINE_END.split(raw), start=1):
        if not line.strip():
            continue
        obj = _loads(line, line_offset=n - 1)
        _check_depth(obj, n)
        try:
            out.append(_article_from_obj(obj, f"{stem}#{n}", origin))
        except BadInput as exc:
            raise BadInput(exc.reason, n) from exc
    if not out:
        raise BadInput(_("the file holds no articles"))
    return out


def _str_or_none(obj: dict, key: str, where: str) -> Optional[str]:
    v = obj.get(key)
    if v is None or v == "":
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    if not isinstance(v, str):
        raise BadInput(where + _("'{key}' must be text").format(key=key))
    return normalise(v).strip() or None


def _article_from_obj(obj: Any, uid: str, origin: str, where: str = "") -> ArticleIn:
    if not isinstance(obj, dict):
        raise BadInput(where + _("expected a JSON object with 'text', got {type}").format(type=type(obj).__name__))
    raw = obj.get("text")
    if not isinstance(raw, str) or not raw.strip():
        raise BadInput(where + _("missing 'text' (the article's text)"))
    text = normalise(raw)  # control characters (a \u0000 escape too) removed: see textio
    if not text.strip():
        raise BadInput(where + _("'text' holds nothing but control characters"))
    meta = {k: _str_or_none(obj, k, where) for k in META}
    ident = obj.get("id", obj.get("article"))
    uid = clean(str(ident)) if ident not in (None, "") else uid
    content = _content(obj.get("content"), raw, text, where)
    facts, reviews = [], []
    raw_facts = obj.get("facts") or []
    if not isinstance(raw_facts, list):
        raise BadInput(where + _("'facts' must be a list"))
    for i, f in enumerate(raw_facts, start=1):
        fact, review = _fact(f, raw, text, where + _("fact {n}: ").format(n=i))
        facts.append(fact)
        reviews.append(review)
    return ArticleIn(uid=uid, origin=origin, text=text, content=content, facts=facts,
                     reviews=reviews, **meta)


def _content(value: Any, raw: str, text: str, where: str) -> list[tuple[int, int]]:
    if value in (None, []):
        return []
    ok = isinstance(value, list) and all(
        isinstance(r, list) and len(r) == 2 and all(isinstance(x, int) for x in r) for r in value
    )
    if not ok:
        raise BadInput(where + _("'content' must be a list of [start, end] pairs"))
    out = []
    for s, e in value:
        if not 0 <= s < e <= len(raw):
            raise BadInput(where + _("content range [{start}, {end}] lies outside the text ({n} characters)").format(
                start=s, end=e, n=len(raw)))
        out.append((remap_offset(raw, s), remap_offset(raw, e)))
    return out


def _fact(f: Any, raw: str, text: str, where: str):
    if not isinstance(f, dict):
        raise BadInput(where + _("expected an object"))
    f = dict(f)
    review = Review()
    try:
        review = Review(**{k: _cleaned(f.pop(k)) for k in ("status", "reviewer", "reviewed_at", "note",
                                                            "original") if k in f})
    except ValidationError as exc:
        raise BadInput(f"{where}{error_text(exc)}") from exc
    for key in ("start", "end"):
        if not isinstance(f.get(key), int) or isinstance(f.get(key), bool):
            raise BadInput(where + _("'{key}' must be a whole number").format(key=key))
    start, end = f["start"], f["end"]
    if start < 0 or end > len(raw) or end <= start:
        raise BadInput(where + _("span {start}-{end} lies outside the text ({n} characters)").format(
            start=start, end=end, n=len(raw)))
    if not isinstance(f.get("text"), str):
        f["text"] = raw[start:end]
    if raw[start:end] != f["text"]:
        raise BadInput(where + _("text {text!r} does not match the article at {start}-{end} ({found!r})").format(
            text=f["text"], start=start, end=end, found=raw[start:end]))
    span = reanchor(raw, text, start, end, f["text"])
    if span is None:
        raise BadInput(where + _("text {text!r} is not in the article once normalised").format(text=f["text"]))
    f["start"], f["end"] = span
    f = _cleaned(f)  # its fields as the article's text: control characters removed
    f["text"] = text[span[0]:span[1]]
    for k, v in list(f.items()):
        if k not in ("start", "end", "confidence") and isinstance(v, (int, float)) and not isinstance(v, bool):
            f[k] = str(v)
        elif v is None and k not in ("confidence",):
            f[k] = ""
    if "kind" not in f:
        raise BadInput(where + _("missing 'kind'"))
    try:
        return validate_fact(f), review
    except ValidationError as exc:
        raise BadInput(f"{where}{error_text(exc)}") from exc


def _cleaned(v: Any) -> Any:
    """textio.clean() on every text in a value read from a file (a fact, a review)."""
    if isinstance(v, str):
        return clean(v)
    if isinstance(v, dict):
        return {k: _cleaned(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_cleaned(x) for x in v]
    return v


@dataclass
class FactRow:
    """One row of a facts CSV (an export, maybe edited in a spreadsheet) coming home."""

    where: str  # "row 3, line 4": a spreadsheet counts records, an editor lines
    article_uid: str
    article_origin: str
    fact: Any  # a validated fact
    review: Review
    value_before_edit: Optional[str]


FACT_CSV_KEYS = {"article_id", "kind", "start", "end", "text", "value"}
_C_LONG_MAX = 2**31 - 1  # csv.field_size_limit takes a C long: 32 bits on Windows


def _csv_field_limit(chars: int) -> None:
    """Let a cell be as long as the file (an article's text in one cell): the csv module's
    default stops at 131,072 characters. Only ever raised, never past the file's length
    (which the import's size limit bounds)."""
    want = min(chars + 1, _C_LONG_MAX)
    if csv.field_size_limit() < want:
        csv.field_size_limit(want)


def _csv_articles(raw: str, stem: str, origin: str):
    # Line ends are left to the csv module: a \r inside a quoted cell is data.
    text = unicodedata.normalize("NFC", raw)
    _csv_field_limit(len(text))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise BadInput(_("the CSV file is empty"), 1) from None
    except csv.Error as exc:
        raise BadInput(_("invalid CSV: {error}").format(error=exc), 1) from exc
    names = [h.strip().lower() for h in header]
    seen = collections.Counter(names)
    dupes = sorted(n for n, k in seen.items() if n and k > 1)
    if dupes:
        raise BadInput(_("the CSV header repeats the column {names}").format(names=", ".join(dupes)), 1)
    if FACT_CSV_KEYS <= set(names):
        return _csv_fact_rows(reader, names)
    if "text" not in names:
        raise BadInput(_("the CSV header has no 'text' column (found: {names})").format(names=", ".join(names)), 1)
    out = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(c.strip() for c in row):
                continue
            if len(row) != len(names):
                raise BadInput(_("expected {n} columns, found {found}").format(n=len(names), found=len(row)), line)
            obj = dict(zip(names, row))
            body = normalise(obj["text"]).strip("\n")
            if not body.strip():
                raise BadInput(_("empty 'text'"), line)
            uid = clean(obj.get("id") or "") or f"{stem}#{len(out) + 1}"
            meta = {k: (obj.get(k) or "").strip() or None for k in META}
            out.append(ArticleIn(uid=uid, origin=origin, text=body,
                                 **{k: (normalise(v).strip() or None) if v else None
                                    for k, v in meta.items()}))
    except csv.Error as exc:
        raise BadInput(_("invalid CSV: {error}").format(error=exc), reader.line_num) from exc
    if not out:
        raise BadInput(_("the CSV file has a header but no articles"), 2)
    return out


def _csv_fact_rows(reader, names: list[str]) -> list[FactRow]:
    from .tables import restore

    out: list[FactRow] = []
    recno, start = 1, reader.line_num + 1
    try:
        for row in reader:
            recno += 1
            line, start = start, reader.line_num + 1
            where = (_("row {n}").format(n=recno) if line == recno
                     else _("row {n}, line {line}").format(n=recno, line=line))

            def bad(reason: str) -> BadInput:
                return BadInput(reason, line, where)

            if not any(c.strip() for c in row):
                continue
            if len(row) != len(names):
                raise bad(_("expected {n} columns, found {found}").format(n=len(names), found=len(row)))
            obj = {k: clean(restore(v)) for k, v in zip(names, row)}
            f: dict[str, Any] = {"kind": obj["kind"], "text": obj["text"], "value": obj["value"]}
            for key in ("start", "end"):
                try:
                    f[key] = int(obj[key])
                except ValueError:
                    raise bad(_("'{key}' must be a whole number, got {value!r}").format(
                        key=key, value=obj[key])) from None
            if obj.get("confidence"):
                try:
                    f["confidence"] = float(obj["confidence"])
                except ValueError:
                    raise bad(_("'confidence' must be a number, got {value!r}").format(
                        value=obj["confidence"])) from None
            if obj.get("extractor"):
                f["extractor"] = obj["extractor"]
            for k in ALL_KIND_FIELDS:
                if obj.get(k) and k in KIND_FIELDS.get(obj["kind"], ()):
                    f[k] = obj[k]
            try:
                fact = validate_fact(f)
                review = Review(status=obj.get("status") or "pending", reviewer=obj.get("reviewer") or None,
                                reviewed_at=obj.get("reviewed_at") or None, note=obj.get("note") or None)
            except ValidationError as exc:
                raise bad(error_text(exc)) from exc
            out.append(FactRow(where, obj["article_id"], obj.get("origin", ""), fact, review,
                               obj.get("value_before_edit") or None))
    except csv.Error as exc:
        raise BadInput(_("invalid CSV: {error}").format(error=exc), reader.line_num) from exc
    if not out:
        raise BadInput(_("the facts CSV has a header but no facts"), 2)
    return out
