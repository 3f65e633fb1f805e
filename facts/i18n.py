"""The language of the messages made outside the window: English or Vietnamese, through the
standard library's gettext.

Every message for people made below the window — an import's per-file errors, a value the edit
form cannot read, a workspace that cannot be opened, the statistics report, the reliability and
agreement tables (facts/, db/), the command line's own words and tables (app/) — is written in
English and marked: `_("…")` where it is made, `N_("…")` where it is only declared
(translated where shown), `ngettext("…", "…", n)` where English has two forms (Vietnamese has
one). Placeholders are named (`_("{n} articles").format(n=…)`): a translation may put them in
another order. The catalogue is resources/i18n/cli_vi.po, compiled to cli_vi.mo beside it
(scripts/update_cli_catalogue.py).

One language for the whole process (`use`): the command line sets it from --lang and the
environment (app/messages.py), the window from its own language (desktop/i18n.py), so that a
message made down here reads as the screen around it. Numbers for people are written the
language's way (`num`, `grouped`, `decimal`: 1.234 and 0,80 in Vietnamese). Data formats never
go through here: JSON keys, --json output, the columns and sheet names of exports, log lines.
"""
from __future__ import annotations

import gettext
from importlib import resources

DOMAIN = "cli"
LANGUAGES = ("en", "vi")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"

__all__ = ["_", "N_", "ngettext", "use", "language", "translation", "catalogue_path", "num", "grouped",
           "decimal", "status_word", "kind_word", "STATUS_WORDS", "KIND_WORDS"]


def _(message: str) -> str:
    """`message` in the language in use (itself in English, or when not in the catalogue)."""
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


def translation() -> gettext.NullTranslations:
    """The catalogue in use (a NullTranslations in English)."""
    return _translation


def catalogue_path(lang: str = "vi"):
    """The compiled catalogue of `lang` inside the package (a Traversable)."""
    return resources.files("resources").joinpath("i18n", f"{DOMAIN}_{lang}.mo")


def use(lang: str) -> str:
    """Speak `lang` from now on ('en', or 'vi' when its catalogue is there). Returns the language."""
    global _translation, _language
    translation_, language_ = gettext.NullTranslations(), "en"
    if lang != "en":
        try:
            with catalogue_path(lang).open("rb") as fh:
                translation_ = gettext.GNUTranslations(fh)
            language_ = lang
        except (OSError, FileNotFoundError):  # a broken install speaks English rather than fail
            pass
    _translation, _language = translation_, language_
    return _language


def num(n: int) -> str:
    """A count for people: `1.234` in Vietnamese; as Python writes it in English (`1234`)."""
    return f"{n:,}".replace(",", ".") if _language == "vi" else str(n)


def grouped(n: int) -> str:
    """A large count for people, grouped: `1.234.567` in Vietnamese, `1,234,567` in English."""
    return f"{n:,}".replace(",", ".") if _language == "vi" else f"{n:,}"


def decimal(x: float, digits: int = 2, *, group: bool = False) -> str:
    """A decimal for people: `0,80` (and `1.234,5`) in Vietnamese; `0.80` in English (`1,234.5`
    with `group`)."""
    if _language == "vi":
        return f"{x:,.{digits}f}".translate(str.maketrans(",.", ".,"))
    return f"{x:,.{digits}f}" if group else f"{x:.{digits}f}"


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
