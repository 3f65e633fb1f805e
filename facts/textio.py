"""Bytes to stored text: decoding, NFC, line ends; and mapping offsets across that."""
from __future__ import annotations

import codecs
import unicodedata


class BadInput(Exception):
    """A user's file that cannot be imported. `line` is 1-based where known."""

    def __init__(self, reason: str, line: int | None = None, where: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.where = where or (f"line {line}" if line else None)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" not in sample:
        return False
    # UTF-16 without BOM has NULs every other byte in Latin text; that we still refuse
    # (no BOM, no safe guess), but say so more precisely below.
    return True


def decode(data: bytes) -> str:
    """Decode file bytes to str, or raise BadInput saying why not."""
    if not data.strip():
        raise BadInput("the file is empty")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise BadInput(f"invalid {enc} text at byte {exc.start}") from exc
    if _looks_binary(data):
        if data[:4] == b"PK\x03\x04":
            raise BadInput("this is a zip archive, not text; unpack it and import the files")
        raise BadInput("binary file (contains NUL bytes); expected text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=None).best()
    if best is None:
        raise BadInput(
            f"cannot decode the text: not UTF-8 (invalid byte at {utf8_error.start}) "
            "and no other encoding fits"
        )
    text = str(best)
    if _mostly_unprintable(text):
        raise BadInput("binary file: its bytes do not read as text in any encoding")
    return text


def _mostly_unprintable(text: str) -> bool:
    sample = text[:4000]
    bad = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\n\r\t")
    return bad > max(4, len(sample) // 50)


def normalise(text: str) -> str:
    """Stored form: NFC, \\n line ends, no NUL characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def remap_offset(raw: str, offset: int) -> int:
    """Where `offset` of raw text lands in normalise(raw)."""
    return len(normalise(raw[:offset]))


def reanchor(raw: str, stored: str, start: int, end: int, fact_text: str) -> tuple[int, int] | None:
    """Carry a span of the raw text over to the stored text; None if its text is lost."""
    want = normalise(fact_text)
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
