"""Hostile input (see scenarios_input.py): devices, FIFOs, NULs and control characters,
UTF-32, UTF-16 behind a UTF-8 mark, a huge CSV cell; each case asserted here."""
import os
import threading
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facts.importer import read_file
from facts.textio import BadInput, clean, normalise, reanchor, remap_offset, typed_problem

from . import scenarios_input
from .scenarios import Outcome


@pytest.mark.timeout(180)
@pytest.mark.parametrize("name", list(scenarios_input.CASES))
def test_hostile_case(tmp_path, name):
    held, note = scenarios_input.CASES[name](tmp_path)
    assert held, note


def test_hostile_input_counts_each_case(tmp_path, monkeypatch):
    def broken(_folder):
        raise OSError("disk gone")

    monkeypatch.setattr(scenarios_input, "CASES", {
        "fine": lambda _folder: (True, "held"), "not": lambda _folder: (False, "did not"),
        "broken": broken})
    out = scenarios_input.hostile_input(tmp_path)
    assert isinstance(out, Outcome) and (out.tried, out.held) == (3, 1) and not out.ok
    assert out.notes == ["fine: held", "not: did not", "broken: raised OSError: disk gone"]


# -- reading only regular files, never past the limit -------------------------------------
def _read_in_thread(path, **kw):
    """read_file(path) with a guard: a read that blocks is unblocked and reported."""
    box = {}

    def run():
        try:
            box["articles"] = read_file(path, **kw)
        except BadInput as exc:
            box["error"] = exc.reason

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(10)
    if t.is_alive():  # blocked in open() of the FIFO: give it a writer, then EOF
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        t.join(10)
        pytest.fail("read_file blocked on a FIFO")
    return box


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.timeout(60)
def test_read_file_refuses_a_fifo_without_opening_it(tmp_path):
    p = tmp_path / "pipe.txt"
    os.mkfifo(p)
    assert _read_in_thread(p) == {"error": "not a regular file: a named pipe (FIFO)"}


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
@pytest.mark.timeout(60)
def test_read_file_names_the_device_a_link_points_to(tmp_path):
    p = tmp_path / "zero.txt"
    p.symlink_to("/dev/zero")
    assert _read_in_thread(p) == {"error": "not a regular file: a link to the device /dev/zero"}


def test_a_file_that_grows_while_read_is_stopped_at_the_limit(tmp_path, monkeypatch):
    """The size is checked before reading, and the read itself takes no more than the
    limit: a file that was small when looked at and grew since is refused all the same."""
    p = tmp_path / "grows.txt"
    p.write_text("Bài báo dài. " * 2000, encoding="utf-8")  # 31.2 KB
    real_stat, real_fstat = os.stat, os.fstat

    def small(st):  # it had 10 bytes when it was looked at
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid,
                               10, int(st.st_atime), int(st.st_mtime), int(st.st_ctime)))

    monkeypatch.setattr(os, "stat", lambda *a, **k: small(real_stat(*a, **k)))
    monkeypatch.setattr(os, "fstat", lambda fd: small(real_fstat(fd)))
    with pytest.raises(BadInput) as exc:
        read_file(p, max_bytes=10_000)
    assert exc.value.reason == "the file grew past the 9.8 KB limit while it was read (raise it with --max-size)"


# -- the rule -------------------------------------------------------------------------------
def test_the_rule_in_one_place():
    assert clean("a\x00b\x07c\x1b[0m\x7fd\x9fe") == "abc[0mde"
    assert clean("một\x0bhai\x0cba\x85bốn") == "một\nhai\nba\nbốn"  # line breaks in disguise
    assert clean("x\ud800y\uffffz\ufffe") == "x\ufffdy\ufffdz\ufffd"  # not characters: marked
    assert clean("tab\tand\nline\rend") == "tab\tand\nline\rend"
    assert normalise("a\r\n\x00b\re\u0301") == "a\nb\né"
    assert typed_problem("đã xem") is None and typed_problem("dòng\nmột\tx\r") is None
    assert typed_problem("đã\x07 xem") == "holds a control character (U+0007) at character 3; remove it"
    assert typed_problem("a\ud800") == "holds a character that is not text (U+D800) at character 2; remove it"


def test_offsets_carry_over_removed_characters():
    raw = "Bộ\x00 Y tế\x07 cấp 3 tỷ\x01 đồng\r\nNguyê\x1b\u0303n"
    stored = normalise(raw)
    assert stored == "Bộ Y tế cấp 3 tỷ đồng\nNguyễn"
    s = raw.index("3 tỷ")
    e = s + len("3 tỷ\x01 đồng")
    assert reanchor(raw, stored, s, e, raw[s:e]) == (stored.index("3 tỷ"), stored.index("3 tỷ") + 9)
    s = raw.index("Nguy")
    assert reanchor(raw, stored, s, len(raw), raw[s:]) == (stored.index("Nguy"), len(stored))
    assert reanchor(raw, stored, raw.index("\x07"), raw.index("\x07") + 1, "\x07") is None  # nothing left
    assert [remap_offset(raw, i) for i in range(4)] == [0, 1, 2, 2]


ANY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ANY
@given(st.text(max_size=200), st.data())
def test_any_text_normalises_clean_and_spans_follow(raw, data):
    stored = normalise(raw)
    assert typed_problem(stored) is None and "\r" not in stored
    if not raw:
        return
    s = data.draw(st.integers(0, len(raw) - 1))
    e = data.draw(st.integers(s + 1, len(raw)))
    span = reanchor(raw, stored, s, e, raw[s:e])
    if span is not None:
        assert 0 <= span[0] <= span[1] <= len(stored)
        assert stored[span[0]:span[1]] == normalise(raw[s:e])
    # Where nothing can join across the span's edges (a combining mark, a Hangul jamo, a
    # \r\n cut in two) and something of it is stored, the span must be carried over, and to
    # where the characters before it end: counted here one by one, not by remap_offset.
    edges = raw[max(0, s - 1):s + 1] + raw[max(0, e - 1):e + 1]
    joinable = any(unicodedata.combining(c) or 0x1100 <= ord(c) <= 0x11FF or 0x3130 <= ord(c) <= 0x318F
                   or 0xAC00 <= ord(c) <= 0xD7A3 for c in raw) or "\r\n" in edges
    if not joinable and normalise(raw[s:e]):
        def stored_len(chunk: str) -> int:
            return sum(len(normalise(c)) for c in chunk.replace("\r\n", "\n"))

        assert span == (stored_len(raw[:s]), stored_len(raw[:s]) + stored_len(raw[s:e]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".csv"]))
def test_nothing_unstorable_gets_in_from_any_bytes(tmp_path_factory, data, suffix):
    p = tmp_path_factory.mktemp("hostile") / f"f\x07{suffix}"
    p.write_bytes(data)
    try:
        articles = read_file(p)
    except BadInput:
        return
    for a in articles:
        for k, v in a.model_dump().items():
            for s in _strings(v):
                assert typed_problem(s) is None, (k, s)


def _strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for x in v.values():
            yield from _strings(x)
    elif isinstance(v, (list, tuple)):
        for x in v:
            yield from _strings(x)
