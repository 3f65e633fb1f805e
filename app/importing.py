"""Importing files and folders into a workspace, then extracting the new articles.

Each file is read and validated whole (facts.importer) before anything of it is written, and
written inside its own savepoint: a file is imported entirely or not at all.
"""
from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Callable, Iterable, Optional

from pydantic import ValidationError

from facts.conll import ConllOptions
from facts.importer import DEFAULT_MAX_BYTES, FactRow, FileResult, ImportReport, collect, read_file
from facts.model import ArticleIn, error_text
from facts.textio import BadInput

Progress = Callable[[int, int, str], None]


def import_paths(
    store,
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Optional[Progress] = None,
    cancelled: Callable[[], bool] = lambda: False,
    batch_bytes: int = 8 * 1024 * 1024,
    conll: Optional[ConllOptions] = None,
) -> ImportReport:
    """Import files and folders into `store`. Files are committed in batches of
    about `batch_bytes`, each file inside its own savepoint. `conll`: how CoNLL files are
    read (tag map, document length); the defaults of facts/conll.py without it."""
    report = ImportReport()
    todo = list(collect(paths))
    pending: list[tuple[FileResult, list[ArticleIn]]] = []
    pending_bytes = 0

    def flush() -> None:
        nonlocal pending_bytes
        if not pending:
            return
        with store.writer() as w:
            for result, articles in pending:
                ids, dupes = [], 0
                # One statement is atomic already; several need a savepoint.
                several = len(articles) > 1 or any(getattr(a, "facts", None) for a in articles)
                guard = w.savepoint() if several else nullcontext()
                try:
                    with guard:
                        for art in articles:
                            if isinstance(art, FactRow):
                                if w.merge_fact(art):
                                    result.facts_merged += 1
                                continue
                            aid = w.add_article(art)
                            if aid is None:
                                dupes += 1
                            else:
                                ids.append(aid)
                except ValueError as exc:  # the store refused this file's rows
                    result.error = str(exc)
                    result.facts_merged = 0
                    continue
                result.imported, result.duplicates, result.article_ids = len(ids), dupes, ids
        pending.clear()
        pending_bytes = 0

    for i, found in enumerate(todo):
        path = found.path
        if cancelled():
            break
        if progress:
            progress(i, len(todo), str(path))
        result = FileResult(str(path))
        report.files.append(result)
        if found.skipped or found.error:
            result.skipped, result.error = found.skipped, found.error
            continue
        try:
            articles = read_file(path, max_bytes, conll)
        except BadInput as exc:
            result.error = f"{exc.where}: {exc.reason}" if exc.where else exc.reason
            continue
        except (ValidationError, ValueError) as exc:
            result.error = error_text(exc) if isinstance(exc, ValidationError) else str(exc)
            continue
        pending.append((result, articles))
        pending_bytes += sum(len(getattr(a, "text", "")) for a in articles)
        if pending_bytes >= batch_bytes:
            flush()
    flush()
    if progress:
        progress(len(todo), len(todo), "")
    return report


def import_and_extract(store, paths: Iterable[str | Path], *, extract: bool = True,
                       progress: Optional[Progress] = None, cancelled: Callable[[], bool] = lambda: False,
                       **options):
    """Import, then extract the new articles with any an earlier import left unread (killed or
    cancelled during extraction: importing those files again finds them already there).
    Returns (ImportReport, RunSummary or None)."""
    from .extracting import current_tag, extract_articles

    report = import_paths(store, paths, progress=progress, cancelled=cancelled, **options)
    if not extract or cancelled():
        return report, None
    ids = sorted(set(store.articles_to_extract(current_tag(store), never=True)) | set(report.article_ids))
    if not ids:
        return report, None
    step = (lambda d, t, _w="": progress(d, t, "extracting")) if progress else None
    return report, extract_articles(store, ids, progress=step, cancelled=cancelled)
