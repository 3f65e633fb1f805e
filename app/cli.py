"""The `fact-review` command."""
from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Optional, Sequence

from .messages import (LANGUAGES, N_, _, argparse_speaks, choose, decimal, kind_word as _kind, lang_from_argv, ngettext,
                       num, status_word as _status, use)
from .opening import ENV_REVIEWER, resolve_path
from .workspace import WorkspaceError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    db_help = _("workspace file (default: $FACT_REVIEW_DB, else one in your user data folder)")
    lang_help = _("the language of the command line: vi (Vietnamese) or en (English); default "
                  "$FACT_REVIEW_LANG, else the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)")
    # Accepted before or after the command; SUPPRESS keeps a subcommand from
    # resetting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=lang_help)
    p = argparse.ArgumentParser(
        prog="fact-review",
        description=_("Review facts extracted from news articles. "
                      "With no command, opens the review window."),
    )
    p.add_argument("--db", metavar="PATH", help=db_help)
    p.add_argument("--lang", choices=LANGUAGES, help=lang_help)
    p.add_argument("--reviewer", metavar="NAME",
                   help=_("name recorded on every decision (or ${env})").format(env=ENV_REVIEWER))
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser("import", parents=[common], help=_("import article files or folders"),
                         description=_("Import .txt, .md, .html, .json, .jsonl and .csv files, and "
                         "annotated corpora in CoNLL/IOB/BIO (.conll, .iob, .bio: their names come in "
                         "as accepted facts); folders are searched recursively. Each file is imported "
                         "whole or not at all."))
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--max-size", type=float, default=50, metavar="MB",
                     help=_("refuse files larger than this (default 50 MB)"))
    imp.add_argument("--no-extract", action="store_true",
                     help=_("do not run the extractor on the new articles"))
    imp.add_argument("--tag-map", metavar="TYPE=KIND,…", default="",
                     help=_("CoNLL: the kind of each tag type, over the default "
                     "PER=person,ORG=organization,LOC=location,MISC=ignore "
                     "(e.g. GPE=location,NORP=ignore); a type no map names fails the file"))
    imp.add_argument("--doc-sentences", type=int, default=0, metavar="N",
                     help=_("CoNLL: also start a new article after every N sentences (for corpora "
                     "without -DOCSTART- or '# doc' lines, which are otherwise one article a file)"))

    arts = sub.add_parser("articles", parents=[common],
                          help=_("list articles with their facts by status"))
    arts.add_argument("--pending", action="store_true", help=_("only articles with pending facts"))
    arts.add_argument("--search", metavar="TEXT",
                      help=_("only articles whose title or text holds these words (any case, any "
                      "diacritics: `ha noi` finds `Hà Nội`; matches with the diacritics typed first)"))
    arts.add_argument("--exact-diacritics", action="store_true",
                      help=_("with --search: only matches with the very diacritics typed"))

    sub.add_parser("stats", parents=[common], help=_("articles, and facts by kind and by status"))

    exp = sub.add_parser(
        "export", parents=[common], help=_("export facts and articles (jsonl, csv, xlsx, conll)"),
        description=_("Export the workspace. JSONL is lossless (every fact, every status) and can be "
        "imported again. CSV and XLSX hold the curated facts (accepted, edited, added) unless "
        "--status or --all-statuses says otherwise; CSV is UTF-8 with a BOM so Excel reads "
        "Vietnamese right, and text cells that a spreadsheet would run as a formula (=, +, -, @, "
        "tab, carriage return) get a leading apostrophe. CoNLL writes the articles whose facts "
        "are all decided, a token (syllable or punctuation) a line with its BIO tag from the curated "
        "person, organization and location facts (PER, ORG, LOC), -DOCSTART- before each article."))
    exp.add_argument("--format", choices=["jsonl", "csv", "xlsx", "conll"], default="jsonl")
    exp.add_argument("-o", "--output", metavar="FILE", help=_("write here instead of standard output"))
    exp.add_argument("--articles-table", action="store_true",
                     help=_("csv: one row per article with its metadata and counts by status"))
    exp.add_argument("--status", action="append", metavar="STATUS",
                     help=_("only facts with this status (repeatable)"))
    exp.add_argument("--all-statuses", action="store_true", help=_("facts of every status"))
    exp.add_argument("--kind", action="append", metavar="KIND",
                     help=_("only facts of this kind (repeatable)"))
    exp.add_argument("--reviewer", dest="only_reviewer", metavar="NAME",
                     help=_("only this reviewer's facts"))
    exp.add_argument("--since", metavar="DATE", help=_("reviewed on or after this ISO date"))
    exp.add_argument("--until", metavar="DATE", help=_("reviewed before this ISO date"))
    exp.add_argument("--encoding", choices=["utf-8-sig", "utf-8"], default="utf-8-sig",
                     help=_("csv: utf-8-sig (with BOM, for Excel; default) or plain utf-8"))
    exp.add_argument("--no-neutralise", action="store_true",
                     help=_("csv/xlsx: write cells starting with = + - @ as they are"))

    ext = sub.add_parser("extract", parents=[common], help=_("run the extractor"),
                         description=_("Extract facts from every article not yet extracted by this "
                         "extractor version. Reviewed facts are never changed."))
    g = ext.add_mutually_exclusive_group()
    g.add_argument("--article", type=int, metavar="ID", help=_("only this article"))
    g.add_argument("--all", action="store_true", help=_("every article again"))

    lrn = sub.add_parser(
        "learn", parents=[common], help=_("learn an entity model from the review decisions"),
        description=_("Train a statistical model of people, organisations and places from the "
        "articles whose facts are all decided (accepted, edited and added facts are what is "
        "there, rejected ones what is not), beside the rules. Prints what it learned from and a "
        "k-fold estimate per kind of learned+rules against the rules alone, then keeps the "
        "model in the workspace: `extract` then runs it over every article (reviewed facts are "
        "never changed). Offline; needs at least 5 such articles."))
    lrn.add_argument("--folds", type=int, default=5, metavar="K",
                     help=_("folds of the estimate (default 5, at least 2)"))
    lrn.add_argument("--iterations", type=int, default=None, metavar="N",
                     help=_("training iterations at most (default 150)"))

    sub.add_parser("backups", parents=[common], help=_("list the workspace's backups"),
                   description=_("Backups are made with SQLite's backup API when the window opens a "
                   "workspace that changed, and before every import, then compressed; the last 10 "
                   "are kept, fewer for a big workspace (its backups stay within 1 GB or three "
                   "times the newest one, and at least two are kept)."))
    rs = sub.add_parser("restore", parents=[common], help=_("put a backup in place of the workspace"),
                        description=_("Replace the workspace with one of its backups. The workspace "
                        "as it was is kept beside it (…-before-restore-….sqlite)."))
    g = rs.add_mutually_exclusive_group(required=True)
    g.add_argument("backup", nargs="?", metavar="BACKUP", help=_("a backup file (see `backups`)"))
    g.add_argument("--latest", action="store_true", help=_("the most recent backup"))
    lg = sub.add_parser("log", parents=[common],
                        help=_("the review log: every decision, newest first"))
    lg.add_argument("--fact", type=int, metavar="ID", help=_("only this fact's decisions"))
    lg.add_argument("--limit", type=int, default=50, metavar="N")
    rv = sub.add_parser("revert", parents=[common], help=_("undo one decision from the review log"),
                        description=_("Put a fact back as it was before a logged decision, even one "
                        "made in an earlier session. The revert is itself logged."))
    rv.add_argument("event", type=int, metavar="EVENT_ID", help=_("the decision's id in `log`"))
    dl = sub.add_parser("delete", parents=[common],
                        help=_("delete articles with their facts (revertible)"),
                        description=_("Take articles and their facts out of the workspace (lists, "
                        "search, statistics, exports): a bad import, say. Each deletion is logged "
                        "with everything it removed; `revert EVENT_ID` puts the article back as it "
                        "was, under its own id. All the articles are deleted, or none."))
    dl.add_argument("articles", nargs="+", type=int, metavar="ARTICLE_ID",
                    help=_("an id from `articles`"))

    fl = sub.add_parser("facts", parents=[common], help=_("list facts with their ids"),
                        description=_("List facts in reading order, each with its id (for `accept`, "
                        "`reject`, `log --fact`), kind, status, span, text and value."))
    fl.add_argument("--article", type=int, metavar="ID", help=_("only this article's facts"))
    fl.add_argument("--status", action="append", metavar="STATUS",
                    help=_("only this status (repeatable)"))
    fl.add_argument("--kind", action="append", metavar="KIND", help=_("only this kind (repeatable)"))
    fl.add_argument("--json", action="store_true", help=_("one JSON object a line"))
    for action, what, description in (
            ("accept", _("accept facts: they are right as they are"),
             _("The review decision the window's accept key makes, logged the same way (undo it "
               "with `revert EVENT_ID`). Accepting a name proposes its other mentions in the "
               "workspace. Several facts: all or none.")),
            ("reject", _("reject facts: they are not facts"),
             _("The review decision the window's reject key makes, logged the same way (undo it "
               "with `revert EVENT_ID`). Several facts: all or none.")),
            ("flag", _("flag facts for later"),
             _("The review decision the window's flag key makes, logged the same way (undo it "
               "with `revert EVENT_ID`). Several facts: all or none."))):
        dp = sub.add_parser(action, parents=[common], help=what, description=description)
        dp.add_argument("facts", nargs="+", type=int, metavar="FACT_ID", help=_("an id from `facts`"))

    ev = sub.add_parser("evaluate", parents=[common], help=_("score the extractor against a gold file"),
                        description=_("Score the built-in extractor against gold annotations "
                        "(FACTS.md): precision, recall and F1 per kind, value accuracy, content IoU, "
                        "and the reliability of its confidence: for each confidence bin 0.0–0.1 … "
                        "0.9–1.0, how many predicted facts fall in it and the share of them that "
                        "match gold."))
    ev.add_argument("gold", metavar="GOLD.jsonl")
    ev.add_argument("--articles", required=True, metavar="DIR",
                    help=_("folder with the gold's article files"))
    ev.add_argument("--json", action="store_true", help=_("print the scores as JSON"))
    ev.add_argument("--calibrated", action="store_true",
                    help=_("confidences calibrated on the workspace's decisions (--db), as new "
                    "extractions get them, instead of the extractor's own"))
    from .cli_team import add_parsers as add_team_parsers

    add_team_parsers(sub, common)  # assign, queue, agreement, disagreements, adjudicate, edit, copy
    return p


Window = Callable[[Path, bool, Optional[str]], int]


def main(argv: Optional[Sequence[str]] = None, window: Optional[Window] = None) -> int:
    """The command line; with no command, `window(path, is_default, reviewer)` opens the
    review window (the front end that starts this one passes it)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    use(choose(lang_from_argv(argv)))  # before the parser: its help is in the language
    with argparse_speaks():
        args = _parser().parse_args(argv)
    if args.command is None:  # the window: Qt's own ending on SIGTERM, not an exception
        if window is None:
            print(_("fact-review: no window here; give a command (see --help)"), file=sys.stderr)
            return EXIT_USAGE
        path, is_default = resolve_path(args.db)
        return window(path, is_default, _reviewer(args))
    with _terminate_as_interrupt():
        try:
            return _run(args)
        except KeyboardInterrupt:
            print(_("fact-review: stopped; what was not finished was not kept (every decision and "
                    "every imported file is saved whole or not at all)."), file=sys.stderr)
            return 130


@contextmanager
def _terminate_as_interrupt():
    """SIGTERM (a `kill`, a closing terminal session) unwinds like Ctrl+C: open transactions
    roll back and half-written exports are removed on the way out."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield
        return

    def stop(_sig, _frame):
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _run(args) -> int:
    try:
        if args.command == "evaluate":
            return _evaluate(args)
        if args.command in ("backups", "restore"):  # these work on a workspace that won't open
            return {"backups": _backups, "restore": _restore}[args.command](args)
        if args.command == "copy":  # two workspaces, opened by the copy itself
            from .cli_team import copy

            return copy(args, _lines)
        store = _open(args)
    except _UserError as exc:
        print(f"fact-review: {_lines(exc)}", file=sys.stderr)
        return EXIT_USAGE
    from .cli_team import COMMANDS as TEAM, UsageError, run as run_team

    try:
        if args.command in TEAM:
            return run_team(args.command, args, store, _lines)
        return {
            "import": _import,
            "articles": _articles,
            "stats": _stats,
            "export": _export,
            "extract": _extract,
            "log": _log,
            "revert": _revert,
            "delete": _delete,
            "learn": _learn,
            "facts": _facts,
            "accept": _decide,
            "reject": _decide,
            "flag": _decide,
        }[args.command](args, store)
    except (_UserError, UsageError) as exc:
        print(f"fact-review: {_lines(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except WorkspaceError as exc:  # a write that failed (disk full, I/O): nothing half-saved
        print(f"fact-review: {_lines(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        return EXIT_OK
    finally:
        store.close()


class _UserError(Exception):
    pass


# Bidirectional overrides and isolates reorder what follows them on a terminal.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def _t(text: object) -> str:
    """Imported text as a terminal shows it safely: control characters (escape sequences,
    carriage returns, bidi overrides) written as \\x.. / \\u.... escapes."""
    import unicodedata

    s = str(text)
    if s.isprintable():
        return s
    return "".join(c if c == " " or (c.isprintable() and c not in _BIDI)
                   else (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
                   if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn") or c in _BIDI
                   else c for c in s)


def _lines(text: object) -> str:
    """A message of several lines, each escaped (paths and names in it come from outside)."""
    return "\n".join(_t(line) for line in str(text).split("\n"))


def _q(path: object) -> str:
    """A file name in a report: escaped, and quoted when it holds spaces or shell syntax."""
    import shlex

    return shlex.quote(_t(path))


WRITERS = {"import", "extract", "revert", "delete", "learn", "accept", "reject", "flag",
           "assign", "adjudicate", "edit"}


def _open(args):
    from .opening import is_new as nothing_there
    from .opening import list_backup_files, open_workspace
    from .workspace import CorruptWorkspaceError

    path, is_default = resolve_path(args.db)
    try:
        is_new = nothing_there(path)
        store = open_workspace(path, is_default, reviewer=_reviewer(args),
                               lock=args.command in WRITERS, create=args.command == "import")
    except WorkspaceError as exc:
        hint = ""
        backups = list_backup_files(path)
        if backups and isinstance(exc, CorruptWorkspaceError):
            hint = "\n" + _("{n} backup(s) of it exist; restore the latest with "
                            "`fact-review --db {path} restore --latest`.").format(n=num(len(backups)),
                                                                                  path=path)
        raise _UserError(f"{exc}{hint}") from None
    if is_new and is_default:
        print(_("New workspace at {path} with the sample articles.").format(path=_q(store.path)),
              file=sys.stderr)
    if args.command not in ("import", "extract"):
        _tell_unextracted(store, path, is_default)
    return store


def _tell_unextracted(store, path, is_default) -> None:
    n = store.count_to_extract()
    if n:
        db = "" if is_default else f" --db {_q(path)}"
        print(ngettext("Note: {n} article is not yet extracted by this version (an import stopped "
                       "during extraction, or a newer extractor); `fact-review{db} extract` extracts it.",
                       "Note: {n} articles are not yet extracted by this version (an import stopped "
                       "during extraction, or a newer extractor); `fact-review{db} extract` extracts "
                       "them.", n).format(n=num(n), db=db), file=sys.stderr)


def _reviewer(args) -> Optional[str]:
    """--reviewer or $FACT_REVIEW_REVIEWER; None lets the window ask once."""
    return args.reviewer or os.environ.get(ENV_REVIEWER) or None


def _width(*texts: str) -> int:
    return max(len(t) for t in texts)


def _import_summary(report) -> str:
    """facts.importer.ImportReport.summary (in the command line's language) of `report`."""
    from facts.importer import ImportReport

    return ImportReport.summary(report)


def _import(args, store) -> int:
    from facts.conll import ConllOptions, parse_tag_map

    from .progress import Progress

    try:
        conll = ConllOptions(parse_tag_map(args.tag_map), max(0, args.doc_sentences))
    except ValueError as exc:
        raise _UserError(f"--tag-map: {exc}") from None
    store.backup_if_changed()  # a bulk change: keep the workspace as it was
    report, done = store.import_paths(args.paths, extract=not args.no_extract,
                                      max_bytes=int(args.max_size * 1024 * 1024),
                                      progress=Progress(_("import")), conll=conll)
    failed, skipped, same, ok = _("FAILED"), _("skipped"), _("same"), _("ok")
    w = _width(failed, skipped, same, ok, "skipped")
    for f in report.files:
        if f.error:
            print(f"{failed:<{w}} {_q(f.path)}: {_t(f.error)}", file=sys.stderr)
        elif f.skipped:
            print(f"{skipped:<{w}} {_q(f.path)}: {_t(f.skipped)}", file=sys.stderr)
        elif f.imported == 0 and f.duplicates:
            print(f"{same:<{w}} {_q(f.path)}: " + _("already in the workspace, nothing added"))
        elif f.duplicates:
            print(f"{ok:<{w}} {_q(f.path)}: " + _("{n} articles ({duplicates} already in the workspace)")
                  .format(n=num(f.imported), duplicates=num(f.duplicates)))
    if done.note:
        print(done.note, file=sys.stderr)
    print(_import_summary(report))
    return EXIT_FAILED if report.failed else EXIT_OK


def _articles(args, store) -> int:
    ids = store.article_ids(pending_only=args.pending, search=args.search or "",
                            ignore_diacritics=not args.exact_diacritics)
    counts = store.status_counts(ids)
    rows = store.article_rows(ids)
    columns = ("pending", "accepted", "edited", "rejected", "added")
    heads = [_status(c) for c in columns]
    widths = [_width(h, c) for h, c in zip(heads, columns)]
    print(f"{_('id'):>6}  " + " ".join(f"{h:>{w}}" for h, w in zip(heads, widths)) + "  " + _("title"))
    for i in ids:
        c, r = counts[i], rows[i]
        title = _t(r.title or r.uid)
        print(f"{i:>6}  " + " ".join(f"{num(c.get(col, 0)):>{w}}" for col, w in zip(columns, widths))
              + f"  {title}")
    return EXIT_OK


def _stats(args, store) -> int:
    from facts.model import Kind, Status

    s = store.stats()
    labels = {"workspace": _("workspace"), "articles": _("articles"), "facts": _("facts")}
    w = _width(*labels.values(), "workspace") + 2
    print(f"{labels['workspace']:<{w}}{store.path}")
    print(f"{labels['articles']:<{w}}{num(s.articles)}")
    print(f"{labels['facts']:<{w}}{num(s.facts)}")
    statuses = [st.value for st in Status]
    heads = [_status(st) for st in statuses] + [_("total")]
    cw = [max(10, len(h) + 1) for h in heads]
    kinds = {k.value: _kind(k.value) for k in Kind}
    kw = max(16, _width(*kinds.values(), _("all"), _("kind")) + 1)
    print()
    print(f"{_('kind'):<{kw}}" + "".join(f"{h:>{x}}" for h, x in zip(heads, cw)))
    for k, name in kinds.items():
        row = [s.by_kind_status.get((k, st), 0) for st in statuses]
        print(f"{name:<{kw}}" + "".join(f"{num(n):>{x}}" for n, x in zip(row + [sum(row)], cw)))
    total = [s.by_status.get(st, 0) for st in statuses] + [s.facts]
    print(f"{_('all'):<{kw}}" + "".join(f"{num(n):>{x}}" for n, x in zip(total, cw)))
    from facts.stats import format_report

    print(_lines(format_report(store.report())))
    return EXIT_OK


def _export_filter(args):
    from datetime import datetime

    from facts.model import Kind, Status
    from facts.tables import ExportFilter

    valid_status = {st.value for st in Status}
    bad = [x for x in (args.status or []) if x not in valid_status]
    if bad:
        raise _UserError(_("unknown status {bad}; use {valid}").format(
            bad=", ".join(bad), valid=", ".join(sorted(valid_status))))
    bad = [x for x in (args.kind or []) if x not in {k.value for k in Kind}]
    if bad:
        raise _UserError(_("unknown kind {bad}; use {valid}").format(
            bad=", ".join(bad), valid=", ".join(k.value for k in Kind)))
    flt = ExportFilter()
    if args.all_statuses:
        flt.statuses = None
    elif args.status:
        flt.statuses = set(args.status)
    elif args.format == "jsonl":
        flt.statuses = None  # JSONL is the lossless export
    flt.kinds = set(args.kind) if args.kind else None
    flt.reviewer = args.only_reviewer
    for key in ("since", "until"):
        v = getattr(args, key)
        if v:
            try:
                setattr(flt, key, datetime.fromisoformat(v))
            except ValueError:
                raise _UserError(_("--{option} {value!r} is not an ISO date such as 2025-01-31")
                                 .format(option=key, value=v)) from None
    return flt


def _exported(done, fmt: str) -> str:
    """app.exporting.Exported.describe (in the command line's language) of `done`."""
    from .exporting import Exported

    return Exported.describe(done, fmt)


def _export(args, store) -> int:
    from .progress import Progress

    flt = _export_filter(args)
    fmt = "articles" if args.format == "csv" and args.articles_table else args.format
    neutral = not args.no_neutralise
    if fmt == "xlsx" and not args.output:
        raise _UserError(_("--format xlsx needs -o FILE"))
    if not args.output:
        if args.format == "csv":
            sys.stdout.reconfigure(newline="")
        store.write(fmt, sys.stdout, flt, neutralise_cells=neutral)
        return EXIT_OK
    out_path = Path(args.output)
    try:
        done = store.export(fmt, out_path, flt, encoding=args.encoding, neutralise_cells=neutral,
                            progress=Progress(_("export")))
    except OSError as exc:
        raise _UserError(_("cannot write {path}: {error}").format(
            path=_q(out_path), error=exc.strerror or exc)) from None
    print(_("{what} written to {path}").format(what=_exported(done, fmt), path=_q(out_path)),
          file=sys.stderr)
    return EXIT_OK


def _extracted(summary) -> str:
    """app.extracting.RunSummary in the command line's language."""
    from .workspace import describe_run

    return describe_run(summary)


def _extract(args, store) -> int:
    from .progress import Progress

    try:
        summary, _changes = store.extract(article=args.article, everything=args.all,
                                          progress=Progress(_("extract")))
    except ValueError as exc:
        raise _UserError(str(exc)) from None
    print(_extracted(summary))
    return EXIT_OK


def _learn(args, store) -> int:
    from .learning import TooLittleData
    from .progress import Progress

    if args.folds < 2:
        raise _UserError(_("--folds must be at least 2"))
    if args.iterations is not None and args.iterations < 1:
        raise _UserError(_("--iterations must be at least 1"))
    bar = Progress(_("learn"))
    try:
        result, version = store.learn(folds=args.folds, iterations=args.iterations,
                                      progress=lambda stage, i, n: bar(i, n, stage))
    except TooLittleData as exc:
        print(_("fact-review: nothing learned: {reason}").format(reason=exc), file=sys.stderr)
        return EXIT_FAILED
    print(_lines(format_learned(result, version)))
    return EXIT_OK


# What the model reads around (facts.learn.training.CANDIDATES), as `learn` names it.
_READINGS = {
    "uncovered": N_("the names the rules left unexplained"),
    "all": N_("every name and rule span (about twice the model's time at extraction)"),
}


def format_learned(result, version: int) -> str:
    """What `learn` says: what it learned from, the k-fold table, the time, the model kept."""
    src = result.trained_from
    kinds = list(result.scores["by_kind"])
    facts = ", ".join(f"{num(src['facts'].get(k, 0))} {_kind(k)}" for k in kinds)
    rejected = sum(src.get("rejected", {}).values())
    names = [_kind(k) for k in kinds]
    kw = max(13, _width(_("kind"), *names) + 1)
    lines = [_("Learned from {articles} articles with every fact decided: {facts} facts (accepted, "
               "edited or added), {rejected} rejected.").format(articles=num(src["articles"]),
                                                               facts=facts, rejected=num(rejected)),
             _("{folds}-fold estimate on the same articles (exact spans):").format(
                 folds=result.scores["folds"]),
             f"{'':<{kw}}{'':>6}  {_('rules alone'):^20}  {_('learned+rules'):^20}",
             f"{_('kind'):<{kw}}{_('gold'):>6}  {'P':>6}{'R':>7}{'F1':>7}  {'P':>6}{'R':>7}{'F1':>7}"]
    for k, name in zip(kinds, names):
        r, m = result.scores["by_kind"][k]["rules"], result.scores["by_kind"][k]["learned"]
        rules, learned = ("".join(f"{decimal(x[key], 3):>{w}}" for key, w in
                                  (("precision", 6), ("recall", 7), ("f1", 7))) for x in (r, m))
        lines.append(f"{name:<{kw}}{num(r['gold']):>6}  {rules}  {learned}")
    estimates = result.scores.get("estimates") or {}
    if len(estimates) > 1:
        lines.append(_("What the model reads, learned+rules F1 of each way ({n} articles, {folds} "
                       "folds); * the way kept:").format(
            n=num(result.scores.get("estimated_on", src["articles"])),
            folds=result.scores["folds"] if result.scores.get("estimated_on", src["articles"])
            == src["articles"] else 3))
        for mode, f1 in estimates.items():
            mark = "*" if mode == result.scores.get("candidates") else " "
            scores = "  ".join(f"{_kind(k)} {decimal(v, 3)}" for k, v in f1.items())
            what = _(_READINGS[mode]) if mode in _READINGS else mode
            lines.append(f"  {mark} {what}: {scores}")
    lines.append(_("Model {version} kept in the workspace (learned in {seconds} s). `fact-review "
                   "extract` runs it over every article as learned@{version}; reviewed facts are "
                   "never changed.").format(version=version, seconds=decimal(result.seconds, 1)))
    return "\n".join(lines)


def _evaluate(args) -> int:
    table = None
    if args.calibrated:
        from .calibrating import fit_store
        from .opening import open_workspace

        path, is_default = resolve_path(getattr(args, "db", None))
        try:
            ws = open_workspace(path, is_default, lock=False, create=False)
        except WorkspaceError as exc:  # no workspace there, or a damaged one
            raise _UserError(str(exc)) from None
        try:
            table = fit_store(ws.store)
        finally:
            ws.close()
        if not table["curves"]:
            print(_("Note: the workspace has too few decisions for a calibration ({n} decided facts); "
                    "the extractor's own confidences are shown.").format(n=num(table["decisions"])),
                  file=sys.stderr)
    return _score(Path(args.gold), Path(args.articles), args.json, table)


def _score(gold: Path, folder: Path, as_json: bool, table) -> int:
    """`evaluate`: the scores of the extractor against a gold file (facts.extract.evaluate), as
    a table in the command line's language or as JSON."""
    import json

    from facts.extract.evaluate import evaluate, format_table

    if not gold.is_file():
        print(_("fact-review: no gold file {path}").format(path=_q(gold)), file=sys.stderr)
        return EXIT_USAGE
    if not folder.is_dir():
        print(_("fact-review: no folder {path}").format(path=_q(folder)), file=sys.stderr)
        return EXIT_USAGE
    try:
        rep = evaluate(gold, folder, table=table)
    except (ValueError, OSError) as exc:
        print(f"fact-review: {_t(exc)}", file=sys.stderr)
        return EXIT_USAGE
    if as_json:
        print(json.dumps(rep.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_table(rep))
    return EXIT_OK


def _size(n: int) -> str:
    """db.safety.human_size (in the command line's language)."""
    from db.safety import human_size

    return human_size(n)


def _backups(args) -> int:
    from db.safety import backup_dir

    from .opening import ServerURL, describe_backups

    path, _is_default = resolve_path(args.db)
    if isinstance(path, ServerURL):
        print(_server_backups())
        return EXIT_OK
    backups = describe_backups(path)
    for b in backups:
        print(f"{b.describe()}  {b.path}")
    if not backups:
        print(_("No backups of {path} yet.").format(path=path))
    else:
        print(_("{n} backups use {size} in {folder}").format(
            n=num(len(backups)), size=_size(sum(b.size for b in backups)), folder=backup_dir(path)))
    return EXIT_OK


def _server_backups() -> str:
    from .opening import SERVER_BACKUPS

    return _(SERVER_BACKUPS)


def _restore(args) -> int:
    from .opening import ServerURL, latest_backup, restore

    path, _is_default = resolve_path(args.db)
    if isinstance(path, ServerURL):  # no backups of ours to look for: the server's tools
        raise _UserError(f"{path}: {_server_backups()}")
    if args.latest:
        backup = latest_backup(path)
        if backup is None:
            raise _UserError(_("no backups of {path}").format(path=_q(path)))
    else:
        backup = Path(args.backup)
        if not backup.is_file():
            raise _UserError(_("no backup file {path}").format(path=_q(backup)))
    try:
        kept = restore(backup, path)  # never under a running window's feet: it holds the lock
    except WorkspaceError as exc:
        raise _UserError(str(exc)) from None
    print(_("Restored {path} from {backup}.").format(path=_q(path), backup=_q(backup))
          + (_(" The workspace as it was is kept as {path}.").format(path=_q(kept)) if kept else ""))
    return EXIT_OK


def _subject(event) -> str:
    return (_("fact {id}").format(id=event.fact_id) if event.fact_id is not None
            else _("article {id}").format(id=event.article_id))


def _log(args, store) -> int:
    events = store.review_log(args.fact, limit=args.limit)
    removed = _("removed")
    for e in events:
        b, a = e.before or {}, e.after or {}
        if e.fact_id is None:  # a correction of the article's own fields
            fields = [k for k in a if a.get(k) != b.get(k)]
            print(f"{e.id:>7}  {e.at:%Y-%m-%d %H:%M:%S}  {_t(e.reviewer or '-'):<12} {e.action:<9} "
                  f"{_subject(e):<12} " + "; ".join(f"{k}: {b.get(k)!r} → {a.get(k)!r}" for k in fields))
            continue
        change = (f"{b.get('status', '—')} → {a.get('status', removed)}"
                  if b.get("value") == a.get("value") else
                  f"{b.get('value', '—')!r} → {a.get('value', removed)!r}")
        text = (a or b).get("text", "")
        print(f"{e.id:>7}  {e.at:%Y-%m-%d %H:%M:%S}  {_t(e.reviewer or '-'):<12} {e.action:<9} "
              f"{_subject(e):<12} {text[:30]!r:<34} {_t(change)}")
    if not events:
        print(_("No decisions yet."))
    return EXIT_OK


def _revert(args, store) -> int:
    try:
        done = store.revert(args.event)
    except WorkspaceError as exc:
        raise _UserError(str(exc)) from None
    for aid in done.restored:
        print(_("Article {id} is back (decision {event}).").format(id=aid, event=done.events[0]))
    for aid in done.deleted:
        print(_("Article {id} is deleted again (decision {event}).").format(id=aid, event=done.events[0]))
    for aid in done.articles:
        print(_("Article {id}'s details are back as they were.").format(id=aid))
    if done.removed:
        print(_("The fact added by that decision was removed."))
    for f in done.facts:
        print(_("Fact {id} is back to {status}: {text} = {value}").format(
            id=f.id, status=_status(f.status), text=repr(f.text), value=repr(f.value)))
    if done.withdrawn:
        n = len(done.withdrawn)
        print(ngettext("{n} other mention it proposed, still pending, was taken back.",
                       "{n} other mentions it proposed, still pending, were taken back.", n)
              .format(n=num(n)))
    return EXIT_OK


def _delete(args, store) -> int:
    ids = list(dict.fromkeys(args.articles))
    rows = store.article_rows(ids)
    missing = [str(i) for i in ids if i not in rows]
    if missing:
        raise _UserError(_("no article {ids} in the workspace (see `articles`); nothing was deleted")
                         .format(ids=", ".join(missing)))
    done = store.delete_articles(ids)
    path, is_default = resolve_path(args.db)
    db = "" if is_default else f" --db {_q(path)}"
    for aid, event in zip(done.deleted, done.events):
        r = rows[aid]
        print(_("Deleted article {id} ‘{title}’ and its {facts} facts ({reviewed} reviewed). Put it "
                "back: fact-review{db} revert {event}").format(
            id=r.id, title=_t(r.title or r.uid), facts=num(r.n_facts), reviewed=num(r.n_reviewed),
            db=db, event=event))
    return EXIT_OK


def _facts(args, store) -> int:
    import json

    from facts.model import Kind, Status

    bad = [x for x in (args.status or []) if x not in {st.value for st in Status}]
    bad += [x for x in (args.kind or []) if x not in {k.value for k in Kind}]
    if bad:
        raise _UserError(_("unknown status or kind {bad}").format(bad=", ".join(bad)))
    if args.article is not None:
        if not store.article_rows([args.article]):
            raise _UserError(_("no article {ids} in the workspace (see `articles`)").format(
                ids=args.article))
        ids = [args.article]
    else:
        ids = store.article_ids()
    n = 0
    for aid in ids:
        for f in store.facts(aid):
            if (args.status and f.status not in args.status) or (args.kind and f.kind not in args.kind):
                continue
            n += 1
            if args.json:
                print(json.dumps({"id": f.id, "article_id": f.article_id, "kind": f.kind,
                                  "status": f.status, "start": f.start, "end": f.end, "text": f.text,
                                  "value": f.value, **f.fields, "confidence": f.confidence,
                                  "extractor": f.extractor, "reviewer": f.reviewer},
                                 ensure_ascii=False))
            else:
                print(f"{f.id:>7}  {f.article_id:>6}  {f.kind:<14} {f.status:<9} {f.start:>6}-{f.end:<6} "
                      f"{_t(f.text)[:40]!s:<42} {_t(f.value)}")
    if not n and not args.json:
        print(_("No facts."))
    return EXIT_OK


def _decide(args, store) -> int:
    ids = list(dict.fromkeys(args.facts))
    missing = [str(i) for i in ids if store.team_fact(i) is None]  # -N: added on a shared article
    if missing:
        raise _UserError(_("no fact {ids} in the workspace (see `facts`); nothing was decided")
                         .format(ids=", ".join(missing)))
    try:
        done = store.decide(ids, args.command)
    except WorkspaceError as exc:
        raise _UserError(str(exc)) from None
    for f, event in zip(done.facts, done.events):
        print(_("Fact {id} {status}: {text} (decision {event}; undo: revert {event})").format(
            id=f.id, status=_status(f.status), text=repr(_t(f.text)), event=event))
    if done.note:
        print(done.note)  # the proposals' note
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
