"""Every action declared once: id, text, keys, menu, tip. Menus and the key help are built from it.

The reviewer may give an action other keys (Edit ▸ Preferences ▸ Keys): `keys` here are the
defaults, and the keys in use are these with the reviewer's changes over them (`current_keys`).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Sequence

from PySide6.QtGui import QAction, QKeySequence

from .theme import KIND_LABELS, KINDS


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

    @property
    def key_text(self) -> str:
        return self.shown or " or ".join(self.keys)

    @property
    def in_help(self) -> bool:
        """Whether the help has a row of its own for it with the default keys."""
        return not any(self.id in spec.covers for spec in ACTIONS)

    @property
    def label(self) -> str:
        return self.text.replace("&", "").rstrip("…")


ACTIONS: list[ActionSpec] = [
    ActionSpec("new", "&New Workspace…", ("Ctrl+N",), "File", "Create an empty workspace file"),
    ActionSpec("open", "&Open Workspace…", ("Ctrl+O",), "File", "Open another workspace file"),
    ActionSpec("import_files", "&Import Files…", ("Ctrl+I",), "File",
               "Import article files (.txt .md .html .json .jsonl .csv); you can also drop them on the window"),
    ActionSpec("import_folder", "Import &Folder…", ("Ctrl+Shift+I",), "File", "Import every article file in a folder"),
    ActionSpec("import_guidelines", "Import &Guidelines (Markdown)…", (), "File",
               "Replace this workspace's annotation guidelines with a Markdown file"),
    ActionSpec("export_csv", "&Export Facts (CSV)…", ("Ctrl+E",), "File",
               "Facts as CSV that opens right in Excel: curated ones by default, or any choice"),
    ActionSpec("export_xlsx", "Export to E&xcel (XLSX)…", (), "File",
               "Facts and articles as an Excel workbook with typed cells"),
    ActionSpec("export_articles", "Export &Articles Table (CSV)…", (), "File",
               "One row per article with its metadata and counts by status"),
    ActionSpec("export_jsonl", "Export Everything (&JSONL)…", (), "File",
               "Every article and fact, every status: lossless, can be imported again"),
    ActionSpec("restore_backup", "Restore &Backup…", (), "File",
               "Replace the workspace with one of its backups (made when it is opened after a change)"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",), "File", "Close the window; every decision is already saved"),
    ActionSpec("undo", "&Undo", ("Ctrl+Z",), "Edit",
               "Show the last decision, then undo it (written to the review log)"),
    ActionSpec("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Edit", "Show the decision undone, then redo it"),
    ActionSpec("find", "&Find in Articles", ("Ctrl+F",), "Edit",
               "Search article titles and text (any case and diacritics); pressed while the "
               "article text has the keys, it finds in that article instead"),
    ActionSpec("find_in_article", "Find in This &Article", ("/",), "Edit",
               "A find bar under the article: Enter or F3 the next match, Shift+Enter or "
               "Shift+F3 the previous, Esc back to the facts"),
    ActionSpec("find_next", "Find &Next in Article", ("F3",), "Edit", "The next match of the find bar"),
    ActionSpec("find_prev", "Find Pre&vious in Article", ("Shift+F3",), "Edit",
               "The previous match of the find bar"),
    ActionSpec("edit_guidelines", "Edit &Guidelines…", (), "Edit",
               "Write this workspace's annotation guidelines in Markdown, with a preview"),
    ActionSpec("preferences", "&Preferences…", ("Ctrl+,",), "Edit",
               "Your name, the bulk-accept threshold, backups kept, automatic learning; the "
               "theme, text size and kind colours; the keys"),
    ActionSpec("next_fact", "Next Fact", ("J", "Down"), "Review", "Select the next fact", "J or ↓"),
    ActionSpec("prev_fact", "Previous Fact", ("K", "Up"), "Review", "Select the previous fact", "K or ↑"),
    ActionSpec("accept", "&Accept", ("A",), "Review", "Accept the selected fact and move to the next pending one"),
    ActionSpec("reject", "&Reject", ("R",), "Review", "Reject the selected fact and move to the next pending one"),
    ActionSpec("edit", "&Edit…", ("E", "Return"), "Review", "Edit the selected fact's value, fields or span", "E or Enter"),
    ActionSpec("add", "Add Fact from &Selection…", ("N",), "Review",
               "Add a fact from the text selected in the article; pick its kind with 1–8"),
    ActionSpec("to_text", "Select in the Article &Text", ("T",), "Review",
               "Put the cursor in the article at the selected fact: Shift+arrows select words, "
               "N adds them as a fact, Esc goes back to the facts"),
    ActionSpec("span_end_grow", "Span: End One Word Later", ("Shift+Right",), "Review",
               "Extend the selected fact by the next word (saved as an edit; in the edit form, "
               "moves the form's span)", "Shift+→", submenu="Correct the &Span"),
    ActionSpec("span_end_shrink", "Span: End One Word Earlier", ("Shift+Left",), "Review",
               "Take the last word off the selected fact", "Shift+←", submenu="Correct the &Span"),
    ActionSpec("span_start_grow", "Span: Start One Word Earlier", ("Ctrl+Shift+Left",), "Review",
               "Extend the selected fact by the word before it", "Ctrl+Shift+←",
               submenu="Correct the &Span"),
    ActionSpec("span_start_shrink", "Span: Start One Word Later", ("Ctrl+Shift+Right",), "Review",
               "Take the first word off the selected fact", "Ctrl+Shift+→", submenu="Correct the &Span"),
    ActionSpec("next_pending", "Next &Pending Fact", ("Space",), "Review", "Jump to the next pending fact, across articles"),
    ActionSpec("flag", "&Flag for Later", ("F",), "Review",
               "Set the selected fact aside as flagged and move on; the status filter shows flagged facts"),
    ActionSpec("accept_all", "Accept All Above &Threshold…", ("Shift+A",), "Review",
               "Accept every pending fact of this article at or above the confidence threshold, "
               "after saying how many (one undo step)"),
    ActionSpec("confirm_bulk", "Ask Before Accepting All", (), "Review",
               "Shift+A says how many facts it will accept and waits for Enter (the preference "
               "that “Do not ask again” turns off)", checkable=True),
    ActionSpec("accept_same", "Accept Every Identical Mention", ("Alt+A",), "Review",
               "Accept this fact and every pending fact of its kind with the same text, "
               "in the whole workspace (one undo step)"),
    ActionSpec("reject_same", "Reject Every Identical Mention", ("Alt+R",), "Review",
               "Reject this fact and every pending fact of its kind with the same text, "
               "in the whole workspace (one undo step)"),
    ActionSpec("edit_metadata", "Correct Title, Date, Source and &Author…", ("M",), "Review",
               "Make the article's title, published date, source and author editable: Enter saves "
               "a field (logged, undoable), Esc leaves"),
    ActionSpec("extract", "E&xtract Articles Not Yet Extracted", (), "Review",
               "Run the built-in extractor on articles it has not read in this version; "
               "reviewed facts are never changed"),
    ActionSpec("learn", "&Learn from Decisions", ("Ctrl+L",), "Review",
               "Train the entity model on the articles whose facts are all decided, in the "
               "background, then read the articles still under review again with it"),
    ActionSpec("learn_every", "Learn A&utomatically…", (), "Review",
               "How many newly completed articles start a new learning (0: only on demand)"),
    ActionSpec("history", "&History of Decisions…", ("H",), "Review",
               "See every decision, this session or earlier ones, and revert any of them"),
    ActionSpec("delete_article", "&Delete Article…", ("Ctrl+Del",), "Review",
               "Take the open article and its facts out of the workspace (a bad import), after "
               "asking: Enter deletes, Esc keeps it; Ctrl+Z or History brings it back"),
    ActionSpec("next_article", "Next Article", ("]",), "Go", "Open the next article"),
    ActionSpec("focus_articles", "Articles &List", ("Ctrl+1",), "Go",
               "Move the keys to the article list: ↑ ↓ choose, Enter opens, Esc returns to the facts"),
    ActionSpec("focus_facts", "&Facts", ("Ctrl+3",), "Go", "Move the keys back to the facts"),
    ActionSpec("prev_article", "Previous Article", ("[",), "Go", "Open the previous article"),
    ActionSpec("pending_only", "Only Articles with Pending Facts", (), "View",
               "List only the articles that still have pending facts", checkable=True),
    ActionSpec("status_next", "Next Status Filter", ("S",), "View",
               "Show only facts of one status: all, pending, accepted, edited, rejected, added, flagged"),
    ActionSpec("status_prev", "Previous Status Filter", ("Shift+S",), "View",
               "The status filter the other way round"),
    ActionSpec("kind_all", "&Every Kind", ("Alt+0",), "View",
               "Show facts of every kind; Alt+1 … Alt+8 show one kind, in the legend's order",
               "Alt+0 … Alt+8", covers=tuple(f"kind_{kind}" for kind in KINDS),
               submenu="Facts of &Kind"),
    *(ActionSpec(f"kind_{kind}", f"Only {KIND_LABELS[kind]}", (f"Alt+{i}",), "View",
                 f"Show only {KIND_LABELS[kind].lower()} facts", submenu="Facts of &Kind")
      for i, kind in enumerate(KINDS, start=1)),
    ActionSpec("stats", "&Statistics…", ("Ctrl+Shift+S",), "View",
               "Progress by kind, decisions per hour, and acceptance by kind and by extractor rule"),
    ActionSpec("zoom_in", "&Larger Text", ("Ctrl+=", "Ctrl++"), "View",
               "The article and the lists in larger text (kept for next time)"),
    ActionSpec("zoom_out", "S&maller Text", ("Ctrl+-",), "View", "The article and the lists in smaller text"),
    ActionSpec("zoom_reset", "&Actual Text Size", ("Ctrl+0",), "View", "The article and the lists at 100%"),
    ActionSpec("furniture", "Hide &Page Furniture", ("P",), "View",
               "Hide the lines around the story (headline lists, related links, captions); "
               "the same key shows them dimmed again", checkable=True),
    ActionSpec("guidelines", "Annotation &Guidelines", ("G",), "View",
               "Show or hide this workspace's annotation guidelines beside the facts", checkable=True),
    ActionSpec("help", "&Keyboard Shortcuts", ("F1", "?"), "Help", "Show every key", "F1 or ?"),
    ActionSpec("tour", "&Tour of the Window", (), "Help",
               "The three panes and the five keys that matter, step by step (Esc skips)"),
]
MENUS = ["File", "Edit", "Review", "Go", "View", "Help"]
# Alt+R rejects every identical mention: the Review menu opens with Alt+W instead.
MENU_TITLES = {"Review": "Revie&w"}
HELP_ORDER = ["Review", "Go", "View", "Edit", "File", "Help"]  # the review keys first
SPECS = {spec.id: spec for spec in ACTIONS}
SEPARATE_BEFORE = {"quit", "find", "edit_guidelines", "accept_all", "next_pending",
                   "delete_article", "zoom_in", "furniture"}
# Keys no action may take: they leave forms, panes and dialogs, or move between fields.
RESERVED = {"Esc": "leaves a form, a pane or a dialog", "Tab": "moves to the next field",
            "Shift+Tab": "moves to the previous field", "Backtab": "moves to the previous field"}
_GLYPHS = {"Left": "←", "Right": "→", "Up": "↑", "Down": "↓", "Return": "Enter"}


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
    return " or ".join(pretty(k) for k in keys[spec.id])


def key_owner(key: str, keys: Mapping[str, Sequence[str]], action_id: str) -> Optional[str]:
    """What else `key` belongs to, said for the reviewer, or None when it is free for `action_id`."""
    key = normal(key)
    if key in RESERVED:
        return f"{key} {RESERVED[key]}: no action can have it"
    for menu in MENUS:
        title = MENU_TITLES.get(menu, f"&{menu}")
        if key == f"Alt+{title[title.index('&') + 1].upper()}":
            return f"{key} opens the {menu} menu"
    for spec in ACTIONS:
        if spec.id != action_id and key in (normal(k) for k in keys[spec.id]):
            return f"{key} is already the key of “{spec.label}” ({spec.menu})"
    return None


def build(window, handlers: dict[str, Callable[[], None]],
          changed: Mapping[str, Sequence[str]]) -> dict[str, QAction]:
    """QActions for every spec, added to the window so their keys work from any pane."""
    out: dict[str, QAction] = {}
    for spec in ACTIONS:
        act = QAction(spec.text, window)
        act.setObjectName(f"action_{spec.id}")
        act.setStatusTip(spec.tip)
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
        act.setToolTip(f"{spec.tip} ({keys_text(spec, keys)})" if keys[spec.id] else spec.tip)


def build_menus(menubar, actions: dict[str, QAction]) -> None:
    menus = {name: menubar.addMenu(MENU_TITLES.get(name, f"&{name}")) for name in MENUS}
    last_menu = None
    for spec in ACTIONS:
        menu = menus[spec.menu]
        if spec.submenu:
            key = f"{spec.menu}/{spec.submenu}"
            if key not in menus:
                menus[key] = menu.addMenu(spec.submenu)
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
        rows.append(f"<tr><td colspan=2 style='padding-top:8px'><b>{menu}</b></td></tr>")
        for s in specs:
            rows.append(f"<tr><td style='padding-right:18px'><code>{html.escape(keys_text(s, keys))}"
                        f"</code></td><td>{html.escape(s.label)} — {html.escape(s.tip)}</td></tr>")
    return ("<h3>Keyboard</h3><p>Single keys act whenever the cursor is not in a text field.</p>"
            f"<table>{''.join(rows)}</table>")
