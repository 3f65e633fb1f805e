"""The story versus page furniture, and the metadata a page states."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from .dates import published_from

# Spaces are taken possessively (`\s*+`) where what follows can never be a space: a
# line's spaces then are read once, not once per way of splitting them (quadratic).
# The story ends at its source line ("Nguồn: …", "Theo báo.vn", "(Vietnam+)"): what follows
# is the page's. `[^\S\n]`, not `\s`: one line is read, once.
# Possessive throughout: "Theo a." and 50,000 letters must fail at once, not try every split.
SOURCE_END = re.compile(r"^[^\S\n]*+(?:Nguồn[^\S\n]*+:[^\n]*|Theo[^\S\n]++(?:https?://)?+[\w-]++(?:\.[\w-]++)++\S*+)[^\S\n]*+$")
OUTLET_END = re.compile(r"^[^\S\n]*+\([^()\n]{2,40}\)[^\S\n]*+$")
# A list of links: a line of "- …" items under a short heading ("Related news", "Tin khác").
LIST_ITEM = re.compile(r"^[^\S\n]*+[-–•][^\S\n]")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Thứ\s+\w+|Chủ\s+nhật|Chủ\s+Nhật)"
# Time stamps of a list of other headlines.
LIST_STAMP = re.compile(
    rf"^\s*(?:{WEEKDAY},?\s+(?:ngày\s+)?\d{{1,4}}[-/]\d{{1,2}}[-/]\d{{1,4}}\s+\d{{1,2}}:\d{{2}}|"
    rf"\d{{1,2}}/\d{{1,2}}/\d{{4}}\s+\d{{1,2}}:\d{{2}}\s*$)",
    re.I,
)
IMAGE_FILE = re.compile(r"^\s*\S+\.(?:jpe?g|png|gif|webp|bmp|svg)\s*$", re.I)
BRACKET_LINK = re.compile(r"^\s*\[[^\]]{5,}\]\s*$")
DATE_LINE = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{4}\s*\|\s*\d{1,2}:\d{2}(?:\s*[AP]M)?\s*$", re.I)
PHOTO_MARK = re.compile(r"\s*ảnh\s+\d+\s*", re.I)


@dataclass
class Page:
    content: list[tuple[int, int]]
    title: Optional[str]
    published: Optional[str]
    source: Optional[str]
    author: Optional[str]


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _headline(line: str) -> bool:
    """A line that reads as a headline: short, of two words or more, not a sentence, not a
    dateline, a date or time alone, or a web address."""
    if len(line) > 200 or len(line.split()) < 2 or line.endswith((".", ":")):
        return False
    if re.match(r"^(Ngày|Sáng|Chiều|Tối)\s+\d", line) or re.match(r"^(https?://|www\.)", line):
        return False
    return not re.fullmatch(r"[\d\s/:.\-|APM]+", line)


def _has_word(s: str) -> bool:
    return bool(re.search(r"[^\W_]", s))


_PROSE_END = (".", "!", "?", "…", "”", "\"", ")")


def _prose(line: str) -> bool:
    """A line of the story's own prose: a sentence of a dozen words or more."""
    line = line.rstrip()
    return line.endswith(_PROSE_END) and len(line.split()) >= 12


def analyse(text: str) -> Page:
    lines = _lines(text)
    n = len(lines)
    keep = [True] * n
    body = [text[s:e] for s, e in lines]

    # Headline lists: a run of time-stamp lines, each with the headline above it.
    stamps = [i for i in range(n) if LIST_STAMP.match(body[i])]
    if len(stamps) >= 2:
        for i in stamps:
            keep[i] = False
            j = i - 1
            while j >= 0 and not body[j].strip():
                j -= 1
            if j >= 0:
                keep[j] = False
        first = min(stamps)
        # A section label above the list ("HOẠT ĐỘNG CỦA LÃNH ĐẠO BỘ") goes with it.
        for j in range(first):
            keep[j] = False
    # A portal's page: the story begins at the headline above its date line
    # ("06/12/2024 | 14:38 PM"); widgets and other stories come before it.
    dated = next((i for i in range(n) if DATE_LINE.match(body[i])), None)
    if dated is not None:
        j = dated - 1
        while j >= 0 and not body[j].strip():
            j -= 1
        if j > 0:
            keep[:j] = [False] * j
    # The end of the story: its source line, else a heading over a list of links.
    end, sourced = n, False
    filled = [i for i in range(n) if body[i].strip()]
    last3 = set(filled[-3:])
    prose = [i for i in range(n) if _prose(body[i])]
    for i in range(n):
        if keep[i] and (SOURCE_END.match(body[i]) or (i in last3 and OUTLET_END.match(body[i]))):
            if len(prose) - bisect_right(prose, i) >= 2:
                continue  # a credit under a picture: the story goes on after it
            end, sourced = i + 1, True
            break
    # A heading over a list of links that runs to the end of the page.
    for i in range(n - 2):
        if i >= end:
            break
        if (body[i].strip() and len(body[i].split()) <= 5 and not body[i].rstrip().endswith((".", ":"))
                and all(LIST_ITEM.match(body[j]) or not body[j].strip() for j in range(i + 1, n))
                and sum(1 for j in range(i + 1, n) if body[j].strip()) >= 2):
            end = i
            break
    # Navigation left at the very end: short lines of lowercase words, no sentence; two
    # of them at least, or any after the source line.
    k = end - 1
    while k >= 0 and (not body[k].strip() or _nav_line(body[k])):
        k -= 1
    if sourced or sum(1 for j in range(k + 1, end) if body[j].strip()) >= 2:
        end = k + 1
    keep[end:] = [False] * (n - end)
    for i in range(n):
        line = body[i]
        if not keep[i]:
            continue
        if (IMAGE_FILE.match(line) or BRACKET_LINK.match(line) or not _has_word(line)):
            keep[i] = False

    # The title: the first kept line that reads as a headline.
    title_i = next((i for i in range(n) if keep[i] and body[i].strip()), None)
    title = None
    if title_i is not None:
        t = body[title_i].strip()
        if _headline(t):
            title = t
    # The title repeated (as image alt text) is furniture; so is its prefix on a caption line.
    ranges: list[tuple[int, int]] = []
    for i in range(n):
        if not keep[i]:
            continue
        s, e = lines[i]
        if title and i != title_i:
            stripped = body[i].strip()
            if stripped == title:
                continue
            if stripped.startswith(title):
                rest = body[i][body[i].index(title) + len(title):]
                pm = PHOTO_MARK.match(rest)
                if pm:
                    s = s + body[i].index(title) + len(title) + pm.end()
        # trim spaces at the edges of the range
        while s < e and text[s] in " \t\u00a0":
            s += 1
        while e > s and text[e - 1] in " \t\u00a0":
            e -= 1
        if s < e:
            ranges.append((s, e))
    content = _merge(ranges, text)
    published = None
    head_lines = [ln for s, e in content[:3] for ln in text[s:e].split("\n")[:8]]
    for line in head_lines[:8]:
        if DATE_LINE.match(line):
            published = published_from(line)
            break
    source = _source(text, content)
    author = _author(text, content)
    return Page(content=content, title=title, published=published, source=source, author=author)


def _nav_line(line: str) -> bool:
    words = line.split()
    return (0 < len(words) <= 5 and not line.rstrip().endswith((".", "!", "?", ")", '"', "”"))
            and ":" not in line and not SOURCE_END.match(line)
            and any(w[:1].islower() for w in words[1:]) and not any(c.isdigit() for c in line))


def _merge(ranges: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join ranges separated only by blank lines: a story is one block."""
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        if out and not text[out[-1][1]:s].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


# `a` is `.*\S` (or one space, when only spaces follow "Nguồn:"): what `.+?` before `\s*$`
# matched, without reading the spaces to the end of the line after each character
# (quadratic). The address after "Theo" is atomic: any other way of matching it ends at
# the same end of the word, so it cannot fare better at the end of the line.
_SOURCE = re.compile(r"^\s*(?:Nguồn\s*:\s*(?P<a>.*\S|\s)|Theo\s+(?>(?:https?://)?(?:www\.)?(?P<b>[\w-]+(?:\.[\w-]+)+)\S*)|\((?P<c>[^()]{2,40})\))\s*$")


def _source(text: str, content) -> Optional[str]:
    for s, e in reversed(content):
        for line in reversed(text[s:e].split("\n")[-4:]):
            m = _SOURCE.match(line)
            if m:
                v = (m.group("a") or m.group("b") or m.group("c")).strip()
                v = re.sub(r"^(?:https?://)?(?:www\.)?", "", v).split("/")[0] if "." in v and " " not in v else v
                return v
        break
    return None


_BYLINE = re.compile(r"^\s*(?P<n>(?:[A-ZĐÂĂÊÔƠƯ][^\W\d_]*\s){1,3}[A-ZĐÂĂÊÔƠƯ][^\W\d_]*)\s*$")


def _author(text: str, content) -> Optional[str]:
    """A byline: a short name alone on a line at the end of the story."""
    if not content:
        return None
    s, e = content[-1]
    tail = [ln for ln in text[s:e].split("\n")[-3:] if ln.strip()]
    for line in tail:
        m = _BYLINE.match(line)
        if m and not _SOURCE.match(line):
            return m.group("n").strip()
    return None


def byline_span(text: str, content) -> Optional[tuple[int, int]]:
    a = _author(text, content)
    if not a or not content:
        return None
    s, e = content[-1]
    i = text.rfind(a, s, e)
    return (i, i + len(a)) if i >= 0 else None
