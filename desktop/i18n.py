"""The interface's language: English or Vietnamese, through Qt's translation system.

Strings are written in English in the code and marked for `pyside6-lupdate`: `tr("…")` where they
are shown, `QT_TR_NOOP("…")` where they are only declared (the action registry, kind names), and
translated where they are shown. The catalogue is resources/i18n/fact_review_vi.ts, compiled to
fact_review_vi.qm beside it (both committed; `scripts/update_translations.py` refreshes them).

The language is the reviewer's choice (Edit ▸ Preferences ▸ Appearance ▸ Language), by default
the system's: Vietnamese when the system's first UI language is Vietnamese, else English. It is
installed on the application before a window is built (`install`); numbers, decimals and dates
are then written the way of that language (`num`, `decimal`, `date_time`, via QLocale). The
messages made below the window — an import's per-file errors, a workspace that cannot be opened,
a value the edit form cannot read, a fact another reviewer changed — come in the same language:
`install` sets it for them too (app/messages.py, the standard library's gettext).
"""
from __future__ import annotations

import re
from datetime import date, datetime
from importlib import resources
from typing import Optional

from PySide6.QtCore import (QT_TR_NOOP, QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale,
                            QTime, QTranslator)

from app import messages

CONTEXT = ""  # one context: lupdate files a bare tr("…") under it
LANGUAGES = ("system", "en", "vi")  # Prefs.language
# Each language named in itself, so that a reviewer finds theirs whatever is shown now.
NATIVE_NAMES = {"en": "English", "vi": "Tiếng Việt"}
LOCALES = {"en": QLocale(QLocale.English, QLocale.UnitedStates),
           "vi": QLocale(QLocale.Vietnamese, QLocale.Vietnam)}

_language = "en"
_translators: list[QTranslator] = []

__all__ = ["QT_TR_NOOP", "QT_TRANSLATE_NOOP", "tr", "tr_in", "plural", "install", "language", "resolve", "num", "decimal",
           "date_time", "day_month_time", "date_format", "catalogue"]


def tr(text: str, disambiguation: Optional[str] = None) -> str:
    """`text` in the interface's language (itself when English, or not in the catalogue)."""
    if not text:
        return text
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def tr_in(context: str, text: str) -> str:
    """`text` marked with QT_TRANSLATE_NOOP(context, …): a word that means another thing elsewhere
    (a person's Title, not an article's)."""
    return QCoreApplication.translate(context, text) if text else text


def plural(n: int, one: str, many: str) -> str:
    """The already translated form for `n` (Vietnamese has one; English two), with {n} filled in
    the language's way; other {placeholders} are left for the caller."""
    return (one if n == 1 else many).replace("{n}", num(n))


def resolve(choice: str) -> str:
    """'en' or 'vi': the choice itself, or for 'system' the system's first UI language."""
    if choice in NATIVE_NAMES:
        return choice
    for name in QLocale.system().uiLanguages():
        return "vi" if name.lower().startswith("vi") else "en"
    return "en"


def catalogue(lang: str = "vi") -> str:
    """The path of the compiled catalogue of `lang`."""
    return str(resources.files("resources").joinpath("i18n", f"fact_review_{lang}.qm"))


def install(choice: str, app: Optional[QCoreApplication] = None) -> str:
    """Put the language `choice` (Prefs.language) on the application: our catalogue and Qt's own
    (its buttons and menus) when there is one; the locale numbers and dates are written in; and
    the language of the messages the layers below make. Returns the language installed ('en' or
    'vi')."""
    global _language
    app = app or QCoreApplication.instance()
    lang = resolve(choice)
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if lang != "en":
        ours = QTranslator(app)
        if not ours.load(catalogue(lang)):
            lang = "en"  # no catalogue (a broken install): English rather than half of each
        else:
            _translators.append(ours)
            qt = QTranslator(app)
            if qt.load(LOCALES[lang], "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
                _translators.insert(0, qt)
            for t in _translators:
                app.installTranslator(t)
    _language = lang
    QLocale.setDefault(LOCALES[lang])
    messages.use(lang)
    return lang


def language() -> str:
    return _language


def locale() -> QLocale:
    return LOCALES[_language]


def num(n: int) -> str:
    """A whole number grouped the language's way: 12,345 or 12.345."""
    return locale().toString(int(n))


def decimal(x: float, places: int = 2) -> str:
    """0.80 or 0,80."""
    return locale().toString(float(x), "f", places)


def percent(fraction: float) -> str:
    """85%: a whole percentage (the same in both languages, the digits the locale's)."""
    return f"{num(round(fraction * 100))}%"


def date_format() -> str:
    """How a date picker writes a date: 2024-12-06 or 06/12/2024."""
    return "dd/MM/yyyy" if _language == "vi" else "yyyy-MM-dd"


def date_time(when: datetime, seconds: bool = True) -> str:
    """A moment written the language's way: 2024-12-06 14:05:09 or 06/12/2024 14:05:09."""
    time_fmt = "HH:mm:ss" if seconds else "HH:mm"
    qt = QDateTime(QDate(when.year, when.month, when.day),
                   QTime(when.hour, when.minute, when.second))
    return locale().toString(qt, f"{date_format()} {time_fmt}")


def day_month_time(when: datetime) -> str:
    """A session's start, short: 12-06 14:05 or 06/12 14:05."""
    fmt = "dd/MM HH:mm" if _language == "vi" else "MM-dd HH:mm"
    qt = QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))
    return locale().toString(qt, fmt)


def published(text: str) -> str:
    """An article's stored date (2024-12-06, 2024-12-06T08:30) as a list shows it: the same with
    a space for the T in English, 06/12/2024 08:30 in Vietnamese; anything else as stored."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2})?)?", text.strip())
    if m is None or _language != "vi":
        return text.replace("T", " ")
    return f"{m[3]}/{m[2]}/{m[1]}" + (f" {m[4]}" if m[4] else "")


def day(value: date) -> str:
    return locale().toString(QDate(value.year, value.month, value.day), date_format())
