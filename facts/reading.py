"""Values typed by a reviewer, read the way the extractor reads article text.

`8.900` is 8900, `1,5` is 1.5, `3 tỷ` is 3000000000, `06/12/2024` and `6-12-2024`
are 2024-12-06: a form that read `8.900` as 8.9 would store a number a thousand
times off. The same readers serve the edit form and the article's published date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Optional

from .extract.dates import find_dates
from .extract.numbers import SCALE, format_value, parse_number, scale_of
from .extract.words import CURRENCIES
from .i18n import _
from .model import is_iso_date
from .textio import typed_problem

NUMERIC_KINDS = ("quantity", "money", "percentage")
_CURRENCY = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))
_TYPED_NUMBER = re.compile(
    rf"^(?P<sign>[-−])?\s*(?P<pre>US\$|\$|€)?\s*(?P<num>\d[\d.,\u00a0 ]*?)\s*"
    rf"(?P<scale>{SCALE})?\s*(?P<suffix>%|phần trăm|{_CURRENCY})?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Reading:
    """A typed value read: `value` as FACTS.md writes it, or None with the reason."""

    value: Optional[str]
    error: str = ""
    currency: str = ""  # a currency typed with a money amount (`3 tỷ đồng`)

    @property
    def ok(self) -> bool:
        return self.value is not None


def _unstorable(typed: str) -> Optional[Reading]:
    """A control character typed (or pasted) in a field is refused, not dropped unseen:
    the rule of facts.textio for what a reviewer types."""
    problem = typed_problem(typed)
    return Reading(None, problem) if problem else None


def read_text(typed: str) -> Reading:
    """A text field as typed (unit, title, acronym…), without the spaces around it."""
    return _unstorable(typed) or Reading(typed.strip())


def read_note(typed: str) -> Reading:
    """A reviewer's note as typed; "" for none. Line breaks and tabs are kept."""
    return _unstorable(typed) or Reading(typed.strip())


def read_number(typed: str) -> Reading:
    if refused := _unstorable(typed):
        return refused
    t = " ".join(typed.split())
    if not t:
        return Reading(None, _("a number is needed"))
    m = _TYPED_NUMBER.match(t)
    d = parse_number(m.group("num")) if m else None
    if d is None:
        return Reading(None, _("“{typed}” is not a number: write 8.900 or 8900 for eight thousand nine "
                               "hundred, 1,5 for one and a half").format(typed=typed.strip()))
    d *= scale_of(m.group("scale"))
    if m.group("sign"):
        d = -d
    suffix = (m.group("suffix") or m.group("pre") or "")
    code = CURRENCIES.get(suffix) or CURRENCIES.get(suffix.lower()) or CURRENCIES.get(suffix.upper(), "")
    return Reading(format_value(d), currency=code)


def _on_the_calendar(iso: str) -> bool:
    """2024-02-31 has the form of a date and is none; a year or a month alone is checked
    as far as it goes."""
    from datetime import date

    parts = iso[:10].split("-")
    try:
        if len(parts) == 3:
            date.fromisoformat(iso[:10])
        elif len(parts) == 2:
            return 1 <= int(parts[1]) <= 12
    except ValueError:
        return False
    return True


def read_date(typed: str, year: Optional[int] = None) -> Reading:
    if refused := _unstorable(typed):
        return refused
    t = " ".join(typed.split())
    if not t:
        return Reading(None, _("a date is needed"))
    value = t if is_iso_date(t) else next(
        (c.value for c in find_dates(t, year) if c.start == 0 and c.end == len(t) and is_iso_date(c.value)),
        None)
    if value is not None:
        if not _on_the_calendar(value):
            return Reading(None, _("“{typed}” is not a day of the calendar").format(typed=typed.strip()))
        return Reading(value)
    return Reading(None, _("“{typed}” is not a date: write 06/12/2024, 6-12-2024, tháng 5/2020, năm 2030 "
                           "or 2024-12-06").format(typed=typed.strip()))


def read_field(kind: str, name: str, typed: str, year: Optional[int] = None) -> Reading:
    """The value of one form field of a fact of `kind` (fields other than numbers and
    dates are text, kept as typed)."""
    if name == "value" and kind in NUMERIC_KINDS:
        return read_number(typed)
    if (name == "value" and kind == "date") or (name == "date" and kind == "legal_reference"):
        if name == "date" and not typed.strip():
            return Reading("")
        return read_date(typed, year)
    return read_text(typed)


def display_number(value: str) -> str:
    """A stored number written the Vietnamese way: 3000000000 → 3.000.000.000, 28.4 → 28,4.
    Read back by read_number, it gives the same value."""
    try:
        d = Decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        return value
    sign = "-" if d < 0 else ""
    whole, _, frac = format_value(abs(d)).partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


def display_value(kind: str, value: str) -> str:
    return display_number(value) if kind in NUMERIC_KINDS else value
