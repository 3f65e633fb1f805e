"""Every action declared once: id, text, keys, menu, tip. Menus and the key help are built from it."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable

from PySide6.QtGui import QAction, QKeySequence

from .theme import KIND_LABELS, KINDS


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    keys: tuple[str, ...]
    menu: str
    tip: str
    shown: str = ""  # how the help screen writes the keys, when not the key names
    in_help: bool = True  # one row of the help may stand for several actions
    submenu: str = ""

    @property
    def key_text(self) -> str:
        return self.shown or " or ".join(self.keys)


ACTIONS: list[ActionSpec] = [
    ActionSpec("new", "&New Workspace…", ("Ctrl+N",), "File", "Create an empty workspace file"),
    ActionSpec("open", "&Open Workspace…", ("Ctrl+O",), "File", "Open another workspace file"),
    ActionSpec("import_files", "&Import Files…", ("Ctrl+I",), "File",
               "Import article files (.txt .md .html .json .jsonl .csv); you can also drop them on the window"),
    ActionSpec("import_folder", "Import &Folder…", ("Ctrl+Shift+I",), "File", "Import every article file in a folder"),
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
    ActionSpec("find", "&Find in Articles", ("Ctrl+F",), "Edit", "Search article titles and text"),
    ActionSpec("preferences", "&Preferences…", ("Ctrl+,",), "Edit",
               "Your name, the bulk-accept threshold, backups kept, automatic learning"),
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
               "that “Do not ask again” turns off)"),
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
               "List only the articles that still have pending facts"),
    ActionSpec("status_next", "Next Status Filter", ("S",), "View",
               "Show only facts of one status: all, pending, accepted, edited, rejected, added, flagged"),
    ActionSpec("status_prev", "Previous Status Filter", ("Shift+S",), "View",
               "The status filter the other way round"),
    ActionSpec("kind_all", "&Every Kind", ("Alt+0",), "View",
               "Show facts of every kind; Alt+1 … Alt+8 show one kind, in the legend's order",
               "Alt+0 … Alt+8", submenu="Facts of &Kind"),
    *(ActionSpec(f"kind_{kind}", f"Only {KIND_LABELS[kind]}", (f"Alt+{i}",), "View",
                 f"Show only {KIND_LABELS[kind].lower()} facts", in_help=False, submenu="Facts of &Kind")
      for i, kind in enumerate(KINDS, start=1)),
    ActionSpec("stats", "&Statistics…", ("Ctrl+Shift+S",), "View",
               "Progress by kind, decisions per hour, and acceptance by kind and by extractor rule"),
    ActionSpec("help", "&Keyboard Shortcuts", ("F1", "?"), "Help", "Show every key", "F1 or ?"),
]
MENUS = ["File", "Edit", "Review", "Go", "View", "Help"]
# Alt+R rejects every identical mention: the Review menu opens with Alt+W instead.
MENU_TITLES = {"Review": "Revie&w"}
HELP_ORDER = ["Review", "Go", "View", "Edit", "File", "Help"]  # the review keys first


def build(window, handlers: dict[str, Callable[[], None]]) -> dict[str, QAction]:
    """QActions for every spec, added to the window so their keys work from any pane."""
    out: dict[str, QAction] = {}
    for spec in ACTIONS:
        act = QAction(spec.text, window)
        act.setObjectName(f"action_{spec.id}")
        act.setShortcuts([QKeySequence(k) for k in spec.keys])
        act.setToolTip(f"{spec.tip} ({spec.key_text})" if spec.keys else spec.tip)
        act.setStatusTip(spec.tip)
        if spec.id in ("pending_only", "confirm_bulk"):
            act.setCheckable(True)
        if spec.id in handlers:
            act.triggered.connect(handlers[spec.id])
        window.addAction(act)
        out[spec.id] = act
    return out


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
        if spec.id in ("quit", "find", "accept_all", "next_pending", "delete_article") \
                and menu is last_menu:
            menu.addSeparator()
        menu.addAction(actions[spec.id])
        last_menu = menu


def help_html() -> str:
    rows = []
    for menu in HELP_ORDER:
        specs = [s for s in ACTIONS if s.menu == menu and s.keys and s.in_help]
        if not specs:
            continue
        rows.append(f"<tr><td colspan=2 style='padding-top:8px'><b>{menu}</b></td></tr>")
        for s in specs:
            rows.append(f"<tr><td style='padding-right:18px'><code>{html.escape(s.key_text)}</code></td>"
                        f"<td>{html.escape(s.text.replace('&', '').rstrip('…'))} — {html.escape(s.tip)}</td></tr>")
    return ("<h3>Keyboard</h3><p>Single keys act whenever the cursor is not in a text field.</p>"
            f"<table>{''.join(rows)}</table>")
