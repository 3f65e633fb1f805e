"""The command line's language: English or Vietnamese, through the standard library's gettext.

The machinery is the core's (facts/i18n.py: one language for the whole process, one catalogue);
this module chooses the language for the command line and re-exports it, so that its callers
keep one place to import from. The strings of `fact-review` (app/cli.py, app/cli_team.py) are
written in English and marked: `_("…")` where they are shown, `N_("…")` where they are only
declared (translated where shown), `ngettext("…", "…", n)` where English has two forms
(Vietnamese has one). Placeholders are named (`_("{n} articles").format(n=…)`): a translation
may put them in another order. The catalogue is resources/i18n/cli_vi.po, compiled to cli_vi.mo
beside it (both committed, shipped in the package and the frozen build);
`scripts/update_cli_catalogue.py` refreshes the .po from the sources of app/, db/ and facts/ and
compiles it. tests/test_cli_language.py fails while a marked string has no translation.

The language (`choose`): `--lang vi|en`, else $FACT_REVIEW_LANG, else the first of $LANGUAGE,
$LC_ALL, $LC_MESSAGES, $LANG that is set (`vi…` is Vietnamese), else on Windows the user's UI
language; English otherwise. Numbers for people are written the language's way (`num`, `decimal`:
1.234 and 0,80 in Vietnamese); --json output never goes through here.

Messages made below the application layer speak the same language: an import's per-file errors,
a workspace that cannot be opened, a value the edit form cannot read, the statistics report,
the evaluation, reliability and agreement tables (db/, facts/ mark theirs with facts.i18n). The
window sets the language to its own (desktop/i18n.py), so they read as the screen around them.
"""
from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager
from typing import Iterator, Mapping, Optional, Sequence

from facts import i18n
from facts.i18n import (DOMAIN, KIND_WORDS, LANGUAGES, N_, STATUS_WORDS, _, catalogue_path, decimal, grouped,
                        kind_word, language, ngettext, num, status_word, use)

ENV_LANG = "FACT_REVIEW_LANG"
_LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

__all__ = ["_", "N_", "ngettext", "choose", "use", "language", "num", "grouped", "decimal", "argparse_speaks",
           "catalogue_path", "lang_from_argv", "status_word", "kind_word", "DOMAIN", "LANGUAGES", "STATUS_WORDS",
           "KIND_WORDS"]


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
    words = i18n.translation()
    argparse._, argparse.ngettext = words.gettext, words.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before  # type: ignore[attr-defined]
