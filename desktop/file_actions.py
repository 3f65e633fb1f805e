"""The window's File menu: workspaces, import, export and backups, all off the GUI thread."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.opening import ServerURL, location

from .actions import SPECS
from .dialogs import ImportErrors
from .i18n import num, plural, tr
from .safe_text import warn


def import_summary(report) -> str:
    """What an import did (facts.importer.ImportReport.summary, in the interface's language)."""
    merged = sum(f.facts_merged for f in report.files)
    imported, duplicate = report.count("imported"), report.count("duplicate")
    parts = [plural(imported, tr("{n} file imported ({articles} articles)"),
                    tr("{n} files imported ({articles} articles)")).replace("{articles}", num(report.articles)),
             plural(duplicate, tr("{n} duplicate"), tr("{n} duplicates"))]
    if report.duplicate_articles not in (0, duplicate):
        parts[-1] += " " + tr("({n} articles already in the workspace)").format(n=num(report.duplicate_articles))
    parts.append(tr("{n} failed").format(n=num(report.count("failed"))))
    if report.count("skipped"):
        parts.append(tr("{n} skipped (not an article format)").format(n=num(report.count("skipped"))))
    said = ", ".join(parts)
    if merged:
        said = tr("{n} facts updated or added from facts CSV").format(n=num(merged)) + "; " + said
    return said


class FileActions(QObject):
    """What File ▸ … does, for one window (`w`)."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window

    def backup_in_background(self) -> None:
        """A consistent copy if the workspace changed since the last one, off the GUI thread."""
        workspace, keep = self.w.workspace, self.w.prefs.keep_backups

        def done(path) -> None:
            if path is not None:
                self.w.hint(tr("Backup made: {name}").format(name=path.name))

        self.w.tasks.run(tr("Backing up…"), lambda _p, _c: workspace.backup_if_changed(keep), done,
                         lambda m: self.w.hint(tr("Backup failed: {reason}").format(reason=m.splitlines()[0])),
                         show_progress=False)

    def restore_backup(self) -> None:
        from app.opening import restore
        from app.workspace import WorkspaceError

        from .backups_dialog import BackupsDialog

        if isinstance(self.w.workspace.path, ServerURL):
            QMessageBox.information(self.w, tr("Restore backup"), tr(
                "A workspace on a PostgreSQL server is backed up and restored with the server's own "
                "tools (pg_dump and pg_restore), not from here."))
            return
        dialog = BackupsDialog(self.w.workspace.path, self.w)
        if not dialog.exec() or dialog.chosen() is None:
            return
        path = self.w.workspace.path
        self.w.save_state()
        self.w.workspace.close()
        try:
            kept = restore(dialog.chosen(), path)  # holding the lock: no other program opens it
        except WorkspaceError as exc:
            warn(self.w, tr("Fact Review"), str(exc))
            self.w.switch_workspace(path, closed=True)  # the workspace as it was
            return
        self.w.switch_workspace(path, closed=True)
        self.w.show_saved(tr("Backup restored; the previous workspace is kept as {name}").format(name=kept.name)
                          if kept else tr("Backup restored"))

    def new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.w, tr("New workspace"), str(self.w.workspace.path.parent),
                                              tr("Workspaces") + " (*.sqlite)")
        if path:
            p = Path(path if path.endswith(".sqlite") else path + ".sqlite")
            if p.exists():
                warn(self.w, tr("Fact Review"), tr("{path} exists already; use {menu}.").format(
                    path=p, menu=SPECS["open"].menu_shown + " ▸ " + SPECS["open"].label))
                return
            self.w.switch_workspace(p, create=True)

    def open_workspace_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.w, tr("Open workspace"), str(self.w.workspace.path.parent),
                                              tr("Workspaces") + " (*.sqlite *.db);;" + tr("All files") + " (*)")
        if path:
            self.w.switch_workspace(Path(path))

    def rebuild_recent(self) -> None:
        self.w.recent_menu.clear()
        for p in self.w.prefs.recent:
            act = self.w.recent_menu.addAction(p.replace("&", "&&"))  # a path, not a mnemonic
            # a file's path, or a server's URL (remembered without its password: the server's
            # own password file or PGPASSWORD gives it)
            act.triggered.connect(lambda _c=False, p=p: self.w.switch_workspace(location(p)))
        self.w.recent_menu.setEnabled(bool(self.w.prefs.recent))

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.w, tr("Import articles"), str(Path.home()),
            tr("Articles") + " (*.txt *.md *.html *.htm *.json *.jsonl *.csv *.conll *.iob *.bio);;"
            + tr("All files") + " (*)")
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self.w, tr("Import a folder of articles"), str(Path.home()))
        if path:
            self.import_paths([path])

    def import_paths(self, paths: list[str]) -> None:
        workspace = self.w.workspace

        def job(progress, cancelled):
            return workspace.import_paths(paths, progress=progress, cancelled=cancelled)

        self.w.tasks.run(tr("Importing articles…"), job, self.import_done, self.w.task_failed)

    def import_done(self, outcome) -> None:
        report, changes = outcome
        self.w.apply_changes(changes)
        self.w.show_saved(import_summary(report))
        if report.failed:
            ImportErrors(import_summary(report), [(f.path, f.error) for f in report.failed], self.w).show()

    def export_jsonl(self) -> None:
        self.export_table("jsonl")

    def export_table(self, fmt: str) -> None:
        """The export dialog (the same choices as `fact-review export`), then the file, then
        the writing off the GUI thread into a .part file renamed when complete."""
        from .export_dialog import ExportDialog

        dialog = ExportDialog(self.w.workspace, fmt, self.w)
        if not dialog.exec():
            return
        path = dialog.choose_path()
        if not path:
            return
        fmt, flt = dialog.format.currentData(), dialog.export_filter()
        encoding = "utf-8-sig" if dialog.bom.isChecked() else "utf-8"
        inert = dialog.inert.isChecked()
        workspace = self.w.workspace

        def job(_progress, _cancelled):
            done = workspace.export(fmt, path, flt, encoding=encoding, neutralise_cells=inert)
            return done.articles if fmt in ("articles", "conll") else done.facts

        def said(n: int) -> str:
            if fmt in ("articles", "conll"):
                text = plural(n, tr("Exported {n} article to {name}"), tr("Exported {n} articles to {name}"))
            else:
                text = plural(n, tr("Exported {n} fact to {name}"), tr("Exported {n} facts to {name}"))
            return text.replace("{name}", Path(path).name)

        self.w.tasks.run(tr("Exporting…"), job, lambda n: self.w.show_saved(said(n)),
                       self.w.task_failed)
