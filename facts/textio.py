"""Bytes to stored text: decoding, NFC, line ends, the rule for control characters; and
mapping offsets across that."""
from __future__ import annotations

import bisect
import codecs
import re
import unicodedata

from .i18n import _, grouped


class BadInput(Exception):
    """A user's file that cannot be imported. `line` is 1-based where known."""

    def __init__(self, reason: str, line: int | None = None, where: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.where = where or (_("line {n}").format(n=line) if line else None)


# -- the one rule for characters that are not text -------------------------------------------
# Stored text holds no NUL, no other C0 or C1 control character but tab and line end, no
# DEL, and nothing that is not a character (a lone surrogate, U+FFFE, U+FFFF): SQLite, the
# XLSX export (XML 1.0) and a JSONL export read back all break on them. Where text comes
# from a file (article text, title and metadata, names, imported facts and notes) they are
# removed by clean(): a NUL *byte* in a file is refused instead (decode()), as binary data
# or a wrong encoding, never a stray character. Where a reviewer types (a fact's value and
# fields, a note) they are refused with typed_problem(), shown beside the field: what a
# person typed is not silently changed.
_BREAKS = "\x0b\x0c\x85"  # vertical tab (Word's line break), form feed, next line: become \n
_NOT_CHARACTERS = "\ud800-\udfff\ufffe\uffff"  # become U+FFFD, the mark for a lost character
_REMOVED = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
_UNSTORABLE = re.compile(f"[{_REMOVED}{_BREAKS}{_NOT_CHARACTERS}]")


def _replacement(m: re.Match) -> str:
    c = m.group()
    if c in _BREAKS:
        return "\n"
    return "\ufffd" if c in "\ufffe\uffff" or "\ud800" <= c <= "\udfff" else ""


def clean(text: str) -> str:
    """Text from a file with the characters that cannot be stored taken out: control
    characters removed (tab, \\n and \\r kept; vertical tab, form feed and NEL become \\n),
    lone surrogates, U+FFFE and U+FFFF replaced by U+FFFD. Offsets: see remap_offset()."""
    return _UNSTORABLE.sub(_replacement, text)


def typed_problem(text: str) -> str | None:
    """Why a reviewer's typed value cannot be saved, or None: it holds a character clean()
    would change (tab and line ends are fine)."""
    m = _UNSTORABLE.search(text)
    if m is None:
        return None
    c = m.group()
    if c in "\ufffe\uffff" or "\ud800" <= c <= "\udfff":
        said = _("holds a character that is not text ({code}) at character {n}; remove it")
    else:
        said = _("holds a control character ({code}) at character {n}; remove it")
    return said.format(code=f"U+{ord(c):04X}", n=m.start() + 1)


# -- decoding --------------------------------------------------------------------------------
def _utf16_like(data: bytes) -> bool:
    """NULs at every other byte: Latin or Vietnamese text in UTF-16 (or a file that begins
    with a UTF-16 or UTF-32 byte-order mark)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    sample = data[:4096]
    half = len(sample) // 2
    return half >= 2 and max(sample[0::2].count(0), sample[1::2].count(0)) > half * 0.3


def _no_nul(data: bytes) -> None:
    """NUL bytes anywhere in the file (not only at its start): binary data, or text in an
    encoding read wrongly. Refused, saying where."""
    at = data.find(b"\x00")
    if at < 0:
        return
    if data[:4] == b"PK\x03\x04":
        raise BadInput(_("this is a zip archive, not text; unpack it and import the files"))
    if _utf16_like(data):
        said = _("binary file, or UTF-16 text without a byte-order mark (contains NUL bytes, the first at "
                 "byte {n}); expected text")
    else:
        said = _("binary file (contains NUL bytes, the first at byte {n}); expected text")
    raise BadInput(said.format(n=grouped(at + 1)))


_BOMS = (  # UTF-32-LE's mark begins with UTF-16-LE's: it is looked for first
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> str:
    """Decode file bytes to str, or raise BadInput saying why not."""
    if not data.strip():
        raise BadInput(_("the file is empty"))
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            if enc == "utf-8-sig" and _utf16_like(body):
                raise BadInput(_("UTF-16 text behind a UTF-8 byte-order mark (the file was saved "
                                 "twice in different encodings); save it again as UTF-8"))
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise BadInput(_("invalid {encoding} text at byte {n}").format(
                    encoding=enc.removesuffix("-sig"), n=exc.start)) from exc
            if enc == "utf-8-sig":
                _no_nul(body)
            elif "\x00" in text:
                raise BadInput(_("binary file (contains NUL characters, the first at character {n}); "
                                 "expected text").format(n=grouped(text.index(chr(0)) + 1)))
            return text
    _no_nul(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=None).best()
    if best is None:
        raise BadInput(_("cannot decode the text: not UTF-8 (invalid byte at {n}) and no other "
                         "encoding fits").format(n=utf8_error.start))
    text = str(best)
    if _mostly_unprintable(text):
        raise BadInput(_("binary file: its bytes do not read as text in any encoding"))
    return text


def _mostly_unprintable(text: str) -> bool:
    sample = text[:4000]
    bad = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\n\r\t")
    return bad > max(4, len(sample) // 50)


def normalise(text: str) -> str:
    """Stored form: \\n line ends, clean() (no NUL or other control character), NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", clean(text))


def remap_offset(raw: str, offset: int) -> int:
    """Where `offset` of raw text lands in normalise(raw). Each step of normalise() works
    on a character or a pair (\\r\\n) or a combining sequence at a time, so the length of the
    normalised prefix is the offset: a removed control character counts for nothing.

    An article's facts all ask about the same text, so its map is made once (see
    _OffsetMap) and each question costs a few characters, not the prefix before it."""
    global _last
    entry = _last
    if entry is None or entry[0] is not raw:
        entry = _last = (raw, _OffsetMap(raw))
    return entry[1](offset)


class _OffsetMap:
    """len(normalise(raw[:offset])) for any offset, in time independent of the offset.

    normalise() of a text is the normalise() of its pieces joined, when each piece begins
    with a printable ASCII character or a \\n not after \\r (nothing composes with the character
    before one, and none is removed, so nothing joins across the cut). The text is cut before such characters, at least CUT_EVERY
    characters apart, and the normalised length of each piece summed once."""

    CUT_EVERY = 64

    def __init__(self, raw: str):
        self.raw = raw
        self.same = normalise(raw) == raw  # the usual case: already in stored form
        if self.same:
            return
        cuts, last = [0], 0
        for i, c in enumerate(raw):
            if i - last >= self.CUT_EVERY and (" " <= c <= "~" or (c == "\n" and raw[i - 1] != "\r")):
                cuts.append(i)
                last = i
        before = [0]
        for a, b in zip(cuts, cuts[1:]):
            before.append(before[-1] + len(normalise(raw[a:b])))
        self.cuts, self.before = cuts, before

    def __call__(self, offset: int) -> int:
        if self.same:
            return offset
        k = bisect.bisect_right(self.cuts, offset) - 1
        return self.before[k] + len(normalise(self.raw[self.cuts[k]:offset]))


_last: "tuple[str, _OffsetMap] | None" = None


def reanchor(raw: str, stored: str, start: int, end: int, fact_text: str) -> tuple[int, int] | None:
    """Carry a span of the raw text over to the stored text; None if its text is lost."""
    want = normalise(fact_text)
    if not want:  # nothing but control characters: nothing of it is stored
        return None
    s, e = remap_offset(raw, start), remap_offset(raw, end)
    if stored[s:e] == want:
        return s, e
    # Normalisation of a prefix can differ from a prefix of the normalised text
    # only near combining marks; look for the text close to where it should be.
    lo = max(0, s - 8)
    i = stored.find(want, lo, e + 8 + len(want))
    if i >= 0:
        return i, i + len(want)
    return None
