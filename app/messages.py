"""The command line's language: English or Vietnamese, through the standard library's gettext.

The strings of `fact-review` (app/cli.py, app/cli_team.py) are written in English and marked:
`_("…")` where they are shown, `N_("…")` where they are only declared (translated where shown),
`ngettext("…", "…", n)` where English has two forms (Vietnamese has one). Placeholders are named
(`_("{n} articles").format(n=…)`): a translation may put them in another order. The catalogue is
resources/i18n/cli_vi.po, compiled to cli_vi.mo beside it (both committed, shipped in the package
and the frozen build); `scripts/update_cli_catalogue.py` refreshes the .po from the sources and
compiles it. tests/test_cli_language.py fails while a marked string has no translation.

The language (`choose`): `--lang vi|en`, else $FACT_REVIEW_LANG, else the first of $LANGUAGE,
$LC_ALL, $LC_MESSAGES, $LANG that is set (`vi…` is Vietnamese), else on Windows the user's UI
language; English otherwise. Numbers for people are written the language's way (`num`, `decimal`:
1.234 and 0,80 in Vietnamese); --json output never goes through here.

Messages made below the application layer (db/, facts/: an import's per-file errors, the
statistics report, the evaluation table) stay in English.
"""
from __future__ import annotations

import argparse
import gettext
import os
import sys
from contextlib import contextmanager
from importlib import resources
from typing import Iterator, Mapping, Optional, Sequence

DOMAIN = "cli"
LANGUAGES = ("en", "vi")
ENV_LANG = "FACT_REVIEW_LANG"
_LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"

__all__ = ["_", "N_", "ngettext", "choose", "use", "language", "num", "decimal", "argparse_speaks",
           "catalogue_path", "lang_from_argv", "status_word", "kind_word"]


def _(message: str) -> str:
    """`message` in the command line's language (itself in English, or when not in the catalogue)."""
    return _translation.gettext(message) if message else message


def N_(message: str) -> str:
    """Marks `message` for the catalogue where it is declared; `_()` translates it where shown."""
    return message


def ngettext(one: str, many: str, n: int) -> str:
    """The form for `n` (English: `one` for 1, else `many`; Vietnamese has one form)."""
    return _translation.ngettext(one, many, n)


def language() -> str:
    """'en' or 'vi': the language in use."""
    return _language


def _of(value: str) -> Optional[str]:
    """'vi' or 'en' for a language setting (`vi`, `vi_VN.UTF-8`, `en_US`, `C`…); None when empty."""
    value = (value or "").strip()
    if not value:
        return None
    return "vi" if value.lower().startswith("vi") else "en"


def _windows_ui_language() -> Optional[str]:
    if sys.platform != "win32":  # pragma: no cover - POSIX systems say it in the environment
        return None
    try:  # pragma: no cover - Windows only
        import ctypes

        lang_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()
        return "vi" if lang_id & 0x3FF == 0x2A else "en"  # LANG_VIETNAMESE
    except (AttributeError, OSError):  # pragma: no cover
        return None


def choose(explicit: Optional[str] = None, environ: Optional[Mapping[str, str]] = None) -> str:
    """'en' or 'vi': `explicit` (--lang), else $FACT_REVIEW_LANG, else the locale's variables in
    gettext's order (LANGUAGE, LC_ALL, LC_MESSAGES, LANG; `vi…` → Vietnamese), else English."""
    if explicit in LANGUAGES:
        return explicit
    env = os.environ if environ is None else environ
    own = env.get(ENV_LANG, "").strip().lower()
    if own and own != "system":  # "system": as the window's preference, the system decides
        return _of(own) or "en"
    for var in _LOCALE_VARS:
        value = env.get(var, "")
        if var == "LANGUAGE":
            value = value.split(":")[0]
        lang = _of(value)
        if lang:
            return lang
    return _windows_ui_language() or "en"


def lang_from_argv(argv: Sequence[str]) -> Optional[str]:
    """The value of `--lang X` / `--lang=X` in `argv` (before the parser is built: its help
    texts are already in the language), or None. Stops at `--`."""
    argv = list(argv)
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def catalogue_path(lang: str = "vi"):
    """The compiled catalogue of `lang` inside the package (a Traversable)."""
    return resources.files("resources").joinpath("i18n", f"{DOMAIN}_{lang}.mo")


def use(lang: str) -> str:
    """Speak `lang` from now on ('en', or 'vi' when its catalogue is there). Returns the language."""
    global _translation, _language
    _translation, _language = gettext.NullTranslations(), "en"
    if lang != "en":
        try:
            with catalogue_path(lang).open("rb") as fh:
                _translation = gettext.GNUTranslations(fh)
            _language = lang
        except (OSError, FileNotFoundError):  # a broken install speaks English rather than fail
            pass
    return _language


def num(n: int) -> str:
    """A count for people: `1.234` in Vietnamese; as Python writes it in English (`1234`)."""
    return f"{n:,}".replace(",", ".") if _language == "vi" else str(n)


def decimal(x: float, digits: int = 2) -> str:
    """A decimal for people: `0,80` (and `1.234,5`) in Vietnamese; `0.80` in English."""
    if _language == "vi":
        return f"{x:,.{digits}f}".translate(str.maketrans(",.", ".,"))
    return f"{x:.{digits}f}"


# The statuses and kinds as a table's headers and a sentence show them (their ids stay in lists
# that other commands take back: `facts`, `log`, --status, --kind, exports).
STATUS_WORDS = {"pending": N_("pending"), "accepted": N_("accepted"), "edited": N_("edited"),
                "rejected": N_("rejected"), "added": N_("added"), "flagged": N_("flagged"),
                "absent": N_("absent")}  # "absent": a reviewer of a shared article who has not decided it
KIND_WORDS = {"quantity": N_("quantity"), "money": N_("money"), "percentage": N_("percentage"),
              "date": N_("date"), "person": N_("person"), "organization": N_("organization"),
              "location": N_("location"), "legal_reference": N_("legal_reference")}


def status_word(status: str) -> str:
    """A status as a sentence or a header says it (its id when it is no status)."""
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


def kind_word(kind: str) -> str:
    """A kind as a table says it (its id when it is no kind)."""
    return _(KIND_WORDS[kind]) if kind in KIND_WORDS else kind


# argparse's own words ("usage:", "options", its errors): Python's argparse looks them up with
# gettext in the process-wide domain; `argparse_speaks` has it look them up in ours instead while
# the command line builds and runs its parser. The ones shown to reviewers, marked here for the
# catalogue (the msgids of Python 3.11–3.13's argparse; another wording stays English).
ARGPARSE = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("invalid %(type)s value: %(value)r"),
    N_("not allowed with argument %s"), N_("one of the arguments %s is required"),
    N_("expected one argument"), N_("expected at most one argument"), N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
)


@contextmanager
def argparse_speaks() -> Iterator[None]:
    """argparse's own words in the command line's language for the duration (no process-wide
    gettext domain is changed)."""
    before = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _translation.gettext, _translation.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before  # type: ignore[attr-defined]
