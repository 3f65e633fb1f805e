"""Every action declared once: id, text, keys, menu, tip. Menus and the key help are built from it.

Texts, tips, menus and submenus are declared in English and marked with QT_TR_NOOP, so that
pyside6-lupdate puts them in the catalogue; they are translated where shown (`tr`).

The reviewer may give an action other keys (Edit ▸ Preferences ▸ Keys): `keys` here are the
defaults, and the keys in use are these with the reviewer's changes over them (`current_keys`).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Sequence

from PySide6.QtGui import QAction, QKeySequence

from .i18n import QT_TR_NOOP, tr
from .theme import KINDS, kind_label


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    keys: tuple[str, ...]
    menu: str
    tip: str
    shown: str = ""  # how the help screen writes the default keys, when not the key names
    covers: tuple[str, ...] = ()  # the help's row stands for these too, while all keep their defaults
    submenu: str = ""
    checkable: bool = False
    kind: str = ""  # the kind of a kind filter: {kind} in its text and tip

    @property
    def key_text(self) -> str:
        return tr(self.shown) if self.shown else tr(" or ").join(self.keys)

    @property
    def text_shown(self) -> str:
        """The menu text, in the interface's language (with its & mnemonic)."""
        return tr(self.text).format(kind=kind_label(self.kind)) if self.kind else tr(self.text)

    @property
    def tip_shown(self) -> str:
        return tr(self.tip).format(kind=kind_label(self.kind).lower()) if self.kind else tr(self.tip)

    @property
    def menu_shown(self) -> str:
        """Its menu (and submenu) as the menu bar writes them: “View ▸ Facts of Kind”."""
        menu = menu_title(self.menu).replace("&", "")
        return menu + (f" ▸ {tr(self.submenu).replace('&', '')}" if self.submenu else "")

    @property
    def in_help(self) -> bool:
        """Whether the help has a row of its own for it with the default keys."""
        return not any(self.id in spec.covers for spec in ACTIONS)

    @property
    def label(self) -> str:
        return self.text_shown.replace("&", "").rstrip("…")


ACTIONS: list[ActionSpec] = [
    ActionSpec("new", QT_TR_NOOP("&New Workspace…"), ("Ctrl+N",), "File",
               QT_TR_NOOP("Create an empty workspace file")),
    ActionSpec("open", QT_TR_NOOP("&Open Workspace…"), ("Ctrl+O",), "File",
               QT_TR_NOOP("Open another workspace file")),
    ActionSpec("import_files", QT_TR_NOOP("&Import Files…"), ("Ctrl+I",), "File",
               QT_TR_NOOP("Import article files (.txt .md .html .json .jsonl .csv); you can also drop them "
                          "on the window")),
    ActionSpec("import_folder", QT_TR_NOOP("Import &Folder…"), ("Ctrl+Shift+I",), "File",
               QT_TR_NOOP("Import every article file in a folder")),
    ActionSpec("import_guidelines", QT_TR_NOOP("Import &Guidelines (Markdown)…"), (), "File",
               QT_TR_NOOP("Replace this workspace's annotation guidelines with a Markdown file")),
    ActionSpec("export_csv", QT_TR_NOOP("&Export Facts (CSV)…"), ("Ctrl+E",), "File",
               QT_TR_NOOP("Facts as CSV that opens right in Excel: curated ones by default, or any choice")),
    ActionSpec("export_xlsx", QT_TR_NOOP("Export to E&xcel (XLSX)…"), (), "File",
               QT_TR_NOOP("Facts and articles as an Excel workbook with typed cells")),
    ActionSpec("export_articles", QT_TR_NOOP("Export &Articles Table (CSV)…"), (), "File",
               QT_TR_NOOP("One row per article with its metadata and counts by status")),
    ActionSpec("export_jsonl", QT_TR_NOOP("Export Everything (&JSONL)…"), (), "File",
               QT_TR_NOOP("Every article and fact, every status: lossless, can be imported again")),
    ActionSpec("restore_backup", QT_TR_NOOP("Restore &Backup…"), (), "File",
               QT_TR_NOOP("Replace the workspace with one of its backups (made when it is opened after a "
                          "change)")),
    ActionSpec("quit", QT_TR_NOOP("&Quit"), ("Ctrl+Q",), "File",
               QT_TR_NOOP("Close the window; every decision is already saved")),
    ActionSpec("undo", QT_TR_NOOP("&Undo"), ("Ctrl+Z",), "Edit",
               QT_TR_NOOP("Show the last decision, then undo it (written to the review log)")),
    ActionSpec("redo", QT_TR_NOOP("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), "Edit",
               QT_TR_NOOP("Show the decision undone, then redo it")),
    ActionSpec("find", QT_TR_NOOP("&Find in Articles"), ("Ctrl+F",), "Edit",
               QT_TR_NOOP("Search article titles and text (any case and diacritics); pressed while the "
               "article text has the keys, it finds in that article instead")),
    ActionSpec("find_in_article", QT_TR_NOOP("Find in This &Article"), ("/",), "Edit",
               QT_TR_NOOP("A find bar under the article: Enter or F3 the next match, Shift+Enter or "
               "Shift+F3 the previous, Esc back to the facts")),
    ActionSpec("find_next", QT_TR_NOOP("Find &Next in Article"), ("F3",), "Edit",
               QT_TR_NOOP("The next match of the find bar")),
    ActionSpec("find_prev", QT_TR_NOOP("Find Pre&vious in Article"), ("Shift+F3",), "Edit",
               QT_TR_NOOP("The previous match of the find bar")),
    ActionSpec("edit_guidelines", QT_TR_NOOP("Edit &Guidelines…"), (), "Edit",
               QT_TR_NOOP("Write this workspace's annotation guidelines in Markdown, with a preview")),
    ActionSpec("preferences", QT_TR_NOOP("&Preferences…"), ("Ctrl+,",), "Edit",
               QT_TR_NOOP("Your name, the bulk-accept threshold, backups kept, automatic learning; the "
               "theme, text size and kind colours; the keys")),
    ActionSpec("next_fact", QT_TR_NOOP("Next Fact"), ("J", "Down"), "Review",
               QT_TR_NOOP("Select the next fact"), QT_TR_NOOP("J or ↓")),
    ActionSpec("prev_fact", QT_TR_NOOP("Previous Fact"), ("K", "Up"), "Review",
               QT_TR_NOOP("Select the previous fact"), QT_TR_NOOP("K or ↑")),
    ActionSpec("accept", QT_TR_NOOP("&Accept"), ("A",), "Review",
               QT_TR_NOOP("Accept the selected fact and move to the next pending one")),
    ActionSpec("reject", QT_TR_NOOP("&Reject"), ("R",), "Review",
               QT_TR_NOOP("Reject the selected fact and move to the next pending one")),
    ActionSpec("edit", QT_TR_NOOP("&Edit…"), ("E", "Return"), "Review",
               QT_TR_NOOP("Edit the selected fact's value, fields or span"), QT_TR_NOOP("E or Enter")),
    ActionSpec("add", QT_TR_NOOP("Add Fact from &Selection…"), ("N",), "Review",
               QT_TR_NOOP("Add a fact from the text selected in the article; pick its kind with 1–8")),
    ActionSpec("to_text", QT_TR_NOOP("Select in the Article &Text"), ("T",), "Review",
               QT_TR_NOOP("Put the cursor in the article at the selected fact: Shift+arrows select words, "
               "N adds them as a fact, Esc goes back to the facts")),
    ActionSpec("span_end_grow", QT_TR_NOOP("Span: End One Word Later"), ("Shift+Right",), "Review",
               QT_TR_NOOP("Extend the selected fact by the next word (saved as an edit; in the edit form, "
               "moves the form's span)"), "Shift+→", submenu=QT_TR_NOOP("Correct the &Span")),
    ActionSpec("span_end_shrink", QT_TR_NOOP("Span: End One Word Earlier"), ("Shift+Left",), "Review",
               QT_TR_NOOP("Take the last word off the selected fact"), "Shift+←",
               submenu=QT_TR_NOOP("Correct the &Span")),
    ActionSpec("span_start_grow", QT_TR_NOOP("Span: Start One Word Earlier"), ("Ctrl+Shift+Left",), "Review",
               QT_TR_NOOP("Extend the selected fact by the word before it"), "Ctrl+Shift+←",
               submenu=QT_TR_NOOP("Correct the &Span")),
    ActionSpec("span_start_shrink", QT_TR_NOOP("Span: Start One Word Later"), ("Ctrl+Shift+Right",), "Review",
               QT_TR_NOOP("Take the first word off the selected fact"), "Ctrl+Shift+→",
               submenu=QT_TR_NOOP("Correct the &Span")),
    ActionSpec("next_pending", QT_TR_NOOP("Next &Pending Fact"), ("Space",), "Review",
               QT_TR_NOOP("Jump to the next pending fact, across articles")),
    ActionSpec("flag", QT_TR_NOOP("&Flag for Later"), ("F",), "Review",
               QT_TR_NOOP("Set the selected fact aside as flagged and move on; the status filter shows "
                          "flagged facts")),
    ActionSpec("accept_all", QT_TR_NOOP("Accept All Above &Threshold…"), ("Shift+A",), "Review",
               QT_TR_NOOP("Accept every pending fact of this article at or above the confidence threshold, "
               "after saying how many (one undo step)")),
    ActionSpec("confirm_bulk", QT_TR_NOOP("Ask Before Accepting All"), (), "Review",
               QT_TR_NOOP("Shift+A says how many facts it will accept and waits for Enter (the preference "
               "that “Do not ask again” turns off)"), checkable=True),
    ActionSpec("accept_same", QT_TR_NOOP("Accept Every Identical Mention"), ("Alt+A",), "Review",
               QT_TR_NOOP("Accept this fact and every pending fact of its kind with the same text, "
               "in the whole workspace (one undo step)")),
    ActionSpec("reject_same", QT_TR_NOOP("Reject Every Identical Mention"), ("Alt+R",), "Review",
               QT_TR_NOOP("Reject this fact and every pending fact of its kind with the same text, "
               "in the whole workspace (one undo step)")),
    ActionSpec("edit_metadata", QT_TR_NOOP("Correct Title, Date, Source and &Author…"), ("M",), "Review",
               QT_TR_NOOP("Make the article's title, published date, source and author editable: Enter saves "
               "a field (logged, undoable), Esc leaves")),
    ActionSpec("extract", QT_TR_NOOP("E&xtract Articles Not Yet Extracted"), (), "Review",
               QT_TR_NOOP("Run the built-in extractor on articles it has not read in this version; "
               "reviewed facts are never changed")),
    ActionSpec("learn", QT_TR_NOOP("&Learn from Decisions"), ("Ctrl+L",), "Review",
               QT_TR_NOOP("Train the entity model on the articles whose facts are all decided, in the "
               "background, then read the articles still under review again with it")),
    ActionSpec("learn_every", QT_TR_NOOP("Learn A&utomatically…"), (), "Review",
               QT_TR_NOOP("How many newly completed articles start a new learning (0: only on demand)")),
    ActionSpec("history", QT_TR_NOOP("&History of Decisions…"), ("H",), "Review",
               QT_TR_NOOP("See every decision, this session or earlier ones, and revert any of them")),
    ActionSpec("adjudicate", QT_TR_NOOP("Ad&judicate Disagreements…"), (), "Review",
               QT_TR_NOOP("Walk the facts two reviewers of a shared article decided differently, side by "
                          "side, and settle each from the keyboard (1, 2: a side; R: reject; E: write it)")),
    ActionSpec("delete_article", QT_TR_NOOP("&Delete Article…"), ("Ctrl+Del",), "Review",
               QT_TR_NOOP("Take the open article and its facts out of the workspace (a bad import), after "
               "asking: Enter deletes, Esc keeps it; Ctrl+Z or History brings it back")),
    ActionSpec("next_article", QT_TR_NOOP("Next Article"), ("]",), "Go", QT_TR_NOOP("Open the next article")),
    ActionSpec("focus_articles", QT_TR_NOOP("Articles &List"), ("Ctrl+1",), "Go",
               QT_TR_NOOP("Move the keys to the article list: ↑ ↓ choose, Enter opens, Esc returns to the "
                          "facts")),
    ActionSpec("focus_facts", QT_TR_NOOP("&Facts"), ("Ctrl+3",), "Go",
               QT_TR_NOOP("Move the keys back to the facts")),
    ActionSpec("prev_article", QT_TR_NOOP("Previous Article"), ("[",), "Go",
               QT_TR_NOOP("Open the previous article")),
    ActionSpec("pending_only", QT_TR_NOOP("Only Articles with Pending Facts"), (), "View",
               QT_TR_NOOP("List only the articles that still have pending facts"), checkable=True),
    ActionSpec("my_queue", QT_TR_NOOP("Only My &Queue"), (), "View",
               QT_TR_NOOP("List only the articles assigned to you (fact-review assign)"), checkable=True),
    ActionSpec("status_next", QT_TR_NOOP("Next Status Filter"), ("S",), "View",
               QT_TR_NOOP("Show only facts of one status: all, pending, accepted, edited, rejected, added, "
                          "flagged")),
    ActionSpec("status_prev", QT_TR_NOOP("Previous Status Filter"), ("Shift+S",), "View",
               QT_TR_NOOP("The status filter the other way round")),
    ActionSpec("kind_all", QT_TR_NOOP("&Every Kind"), ("Alt+0",), "View",
               QT_TR_NOOP("Show facts of every kind; Alt+1 … Alt+8 show one kind, in the legend's order"),
               QT_TR_NOOP("Alt+0 … Alt+8"), covers=tuple(f"kind_{kind}" for kind in KINDS),
               submenu=QT_TR_NOOP("Facts of &Kind")),
    # {kind}: the kind's name, in the interface's language (theme.kind_label).
    *(ActionSpec(f"kind_{kind}", QT_TR_NOOP("Only {kind}"), (f"Alt+{i}",), "View",
                 QT_TR_NOOP("Show only {kind} facts"), submenu=QT_TR_NOOP("Facts of &Kind"), kind=kind)
      for i, kind in enumerate(KINDS, start=1)),
    ActionSpec("stats", QT_TR_NOOP("&Statistics…"), ("Ctrl+Shift+S",), "View",
               QT_TR_NOOP("Progress by kind, decisions per hour, and acceptance by kind and by extractor "
                          "rule")),
    ActionSpec("agreement", QT_TR_NOOP("Agreement &Between Reviewers…"), (), "View",
               QT_TR_NOOP("Span F1 and Cohen's kappa between each pair of reviewers on the articles they "
                          "share, per kind and overall, with the counts")),
    ActionSpec("zoom_in", QT_TR_NOOP("&Larger Text"), ("Ctrl+=", "Ctrl++"), "View",
               QT_TR_NOOP("The article and the lists in larger text (kept for next time)")),
    ActionSpec("zoom_out", QT_TR_NOOP("S&maller Text"), ("Ctrl+-",), "View",
               QT_TR_NOOP("The article and the lists in smaller text")),
    ActionSpec("zoom_reset", QT_TR_NOOP("&Actual Text Size"), ("Ctrl+0",), "View",
               QT_TR_NOOP("The article and the lists at 100%")),
    ActionSpec("furniture", QT_TR_NOOP("Hide &Page Furniture"), ("P",), "View",
               QT_TR_NOOP("Hide the lines around the story (headline lists, related links, captions); "
               "the same key shows them dimmed again"), checkable=True),
    ActionSpec("guidelines", QT_TR_NOOP("Annotation &Guidelines"), ("G",), "View",
               QT_TR_NOOP("Show or hide this workspace's annotation guidelines beside the facts"),
               checkable=True),
    ActionSpec("help", QT_TR_NOOP("&Keyboard Shortcuts"), ("F1", "?"), "Help",
               QT_TR_NOOP("Show every key"), QT_TR_NOOP("F1 or ?")),
    ActionSpec("tour", QT_TR_NOOP("&Tour of the Window"), (), "Help",
               QT_TR_NOOP("The three panes and the five keys that matter, step by step (Esc skips)")),
]
MENUS = ["File", "Edit", "Review", "Go", "View", "Help"]
# Alt+R rejects every identical mention: the Review menu opens with Alt+W instead. A translation
# keeps its menus' letters off Alt+A, Alt+R and Alt+0 … Alt+8 too (tests/test_i18n.py checks).
MENU_TITLES = {"File": QT_TR_NOOP("&File"), "Edit": QT_TR_NOOP("&Edit"),
               "Review": QT_TR_NOOP("Revie&w"), "Go": QT_TR_NOOP("&Go"), "View": QT_TR_NOOP("&View"),
               "Help": QT_TR_NOOP("&Help")}
HELP_ORDER = ["Review", "Go", "View", "Edit", "File", "Help"]  # the review keys first
SPECS = {spec.id: spec for spec in ACTIONS}
SEPARATE_BEFORE = {"quit", "find", "edit_guidelines", "accept_all", "next_pending",
                   "delete_article", "zoom_in", "furniture"}
# Keys no action may take: they leave forms, panes and dialogs, or move between fields.
RESERVED = {"Esc": QT_TR_NOOP("leaves a form, a pane or a dialog"), "Tab": QT_TR_NOOP("moves to the next field"),
            "Shift+Tab": QT_TR_NOOP("moves to the previous field"),
            "Backtab": QT_TR_NOOP("moves to the previous field")}
_GLYPHS = {"Left": "←", "Right": "→", "Up": "↑", "Down": "↓", "Return": "Enter"}


def menu_title(menu: str) -> str:
    """A menu's title in the interface's language, with its & mnemonic."""
    return tr(MENU_TITLES[menu])


def normal(key: str) -> str:
    """A key as Qt writes it, so that two spellings of one key compare equal."""
    return QKeySequence(key).toString()


def pretty(key: str) -> str:
    """A key as the help writes it: arrows as arrows, Return as Enter."""
    return re.sub(r"\b(Left|Right|Up|Down|Return)\b", lambda m: _GLYPHS[m[1]], normal(key))


def current_keys(changed: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Each action's keys: the reviewer's where they changed them, else the defaults."""
    return {spec.id: tuple(changed[spec.id]) if spec.id in changed else spec.keys for spec in ACTIONS}


def _as_declared(spec: ActionSpec, keys: Mapping[str, Sequence[str]]) -> bool:
    return all(tuple(keys[i]) == SPECS[i].keys for i in (spec.id, *spec.covers))


def keys_text(spec: ActionSpec, keys: Mapping[str, Sequence[str]]) -> str:
    """How the help, the tooltips and the hints write an action's keys."""
    if _as_declared(spec, keys):
        return spec.key_text
    return tr(" or ").join(pretty(k) for k in keys[spec.id])


def key_owner(key: str, keys: Mapping[str, Sequence[str]], action_id: str) -> Optional[str]:
    """What else `key` belongs to, said for the reviewer, or None when it is free for `action_id`."""
    key = normal(key)
    if key in RESERVED:
        return tr("{key} {does}: no action can have it").format(key=key, does=tr(RESERVED[key]))
    for menu in MENUS:
        if key == f"Alt+{mnemonic(menu_title(menu))}":
            return tr("{key} opens the {menu} menu").format(key=key, menu=menu_title(menu).replace("&", ""))
    for spec in ACTIONS:
        if spec.id != action_id and key in (normal(k) for k in keys[spec.id]):
            return tr("{key} is already the key of “{action}” ({menu})").format(
                key=key, action=spec.label, menu=menu_title(spec.menu).replace("&", ""))
    return None


def mnemonic(title: str) -> str:
    """The letter after & in a menu title, as Alt+ takes it."""
    return title[title.index("&") + 1].upper() if "&" in title else ""


def build(window, handlers: dict[str, Callable[[], None]],
          changed: Mapping[str, Sequence[str]]) -> dict[str, QAction]:
    """QActions for every spec, added to the window so their keys work from any pane."""
    out: dict[str, QAction] = {}
    for spec in ACTIONS:
        act = QAction(spec.text_shown, window)
        act.setObjectName(f"action_{spec.id}")
        act.setStatusTip(spec.tip_shown)
        act.setCheckable(spec.checkable)
        if spec.id in handlers:
            act.triggered.connect(handlers[spec.id])
        window.addAction(act)
        out[spec.id] = act
    set_keys(out, changed)
    return out


def set_keys(actions: dict[str, QAction], changed: Mapping[str, Sequence[str]]) -> None:
    """The keys in use on every action; menus show them, tooltips say them."""
    keys = current_keys(changed)
    for spec in ACTIONS:
        act = actions[spec.id]
        act.setShortcuts([QKeySequence(k) for k in keys[spec.id]])
        act.setToolTip(f"{spec.tip_shown} ({keys_text(spec, keys)})" if keys[spec.id] else spec.tip_shown)


def build_menus(menubar, actions: dict[str, QAction]) -> None:
    menus = {name: menubar.addMenu(menu_title(name)) for name in MENUS}
    last_menu = None
    for spec in ACTIONS:
        menu = menus[spec.menu]
        if spec.submenu:
            key = f"{spec.menu}/{spec.submenu}"
            if key not in menus:
                menus[key] = menu.addMenu(tr(spec.submenu))
            menu = menus[key]
        if spec.id in SEPARATE_BEFORE and menu is last_menu:
            menu.addSeparator()
        menu.addAction(actions[spec.id])
        last_menu = menu


def help_html(changed: Mapping[str, Sequence[str]]) -> str:
    """Every key in use, the review keys first; a row standing for others while their keys are
    the defaults, each of them on its own once one has other keys."""
    keys = current_keys(changed)
    grouped = {i for s in ACTIONS if _as_declared(s, keys) for i in s.covers}
    rows = []
    for menu in HELP_ORDER:
        specs = [s for s in ACTIONS if s.menu == menu and keys[s.id] and s.id not in grouped]
        if not specs:
            continue
        rows.append(f"<tr><td colspan=2 style='padding-top:8px'><b>"
                    f"{html.escape(menu_title(menu).replace('&', ''))}</b></td></tr>")
        for s in specs:
            rows.append(f"<tr><td style='padding-right:18px'><code>{html.escape(keys_text(s, keys))}"
                        f"</code></td><td>{html.escape(s.label)} — {html.escape(s.tip_shown)}</td></tr>")
    typing = html.escape(tr(
        "Typing Vietnamese (Telex, VNI; Unikey, EVKey, ibus-bamboo) can stay on: outside text "
        "fields the window takes keys from the input method as the keys pressed, so A still "
        "accepts when it arrives as “â” and S steps the filter when it arrives as “á”. If an "
        "input method still swallows a key, switch it to English (E) mode while reviewing, or "
        "list Fact Review among its excluded programs."))
    heading = html.escape(tr("Keyboard"))
    single = html.escape(tr("Single keys act whenever the cursor is not in a text field."))
    return f"<h3>{heading}</h3><p>{single}</p><p>{typing}</p><table>{''.join(rows)}</table>"
