"""Importing files and folders into a workspace, then extracting the new articles.

Each file is read and validated whole (facts.importer) before anything of it is written, and
written inside its own savepoint: a file is imported entirely or not at all. Files are written
a batch at a time (db.writer.Writer.add_articles: a few statements a batch, not a few an
article); with extraction, each batch is then extracted a transaction of articles at a time,
its articles read by the extractor before they are written (scripts/bench_import.py).
"""
from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from pydantic import ValidationError

from db.writer import content_hash
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
    run=None,
) -> ImportReport:
    """Import files and folders into `store`. Files are committed in batches of
    about `batch_bytes`, each file inside its own savepoint. `conll`: how CoNLL files are
    read (tag map, document length); the defaults of facts/conll.py without it. `run`: an
    extraction run (app.extracting.Run) that then extracts each batch's new articles
    (extract_articles, after the batch is committed); it reads those without facts of their own
    before they are written, so that they go in with the fields the extraction fills (their
    words indexed once) — until `cancelled`: what it did not read stays to be extracted."""
    report = ImportReport()
    todo = list(collect(paths))
    pending: list[tuple[FileResult, list[ArticleIn]]] = []
    pending_bytes = 0
    # With reading processes, smaller batches, each read by them while the one before it is
    # written here (`ahead`: the batch being read).
    pipelined = run is not None and run.parallel()
    if pipelined:
        batch_bytes = min(batch_bytes, PIPELINE_BYTES)
    ahead: Optional[tuple] = None

    def flush(last: bool = False) -> None:
        nonlocal pending_bytes, ahead
        if pending:
            batch = list(pending)
            pending.clear()
            pending_bytes = 0
            hashes = {id(a): content_hash(a.text) for _, articles in batch for a in articles
                      if not isinstance(a, FactRow)}
            reading = _start_reading(store, run, batch, hashes, progress, cancelled) if run else None
            if pipelined:
                before, ahead = ahead, (batch, hashes, reading)
                if before is not None:
                    write(*before)
            else:
                write(batch, hashes, reading)
        if last and ahead is not None:
            before, ahead = ahead, None
            write(*before)

    def write(batch, hashes: dict[int, str], reading) -> None:
        read = reading() if reading else {}
        new: list[int] = []
        with store.writer() as w:
            w.look_up(hashes.values())
            for result, articles in batch:
                ids, dupes, readings = [], 0, []
                # One statement is atomic already; several need a savepoint.
                several = len(articles) > 1 or any(getattr(a, "facts", None) for a in articles)
                guard = w.savepoint() if several else nullcontext()
                try:
                    with guard:
                        for part in _runs(articles):
                            if isinstance(part[0], FactRow):
                                for row in part:
                                    if w.merge_fact(row):
                                        result.facts_merged += 1
                                continue
                            got = w.add_articles(
                                part, hashes=[hashes[id(a)] for a in part],
                                filled=[read[id(a)][0] if id(a) in read else None for a in part])
                            for art, aid in zip(part, got):
                                if aid is None:
                                    dupes += 1
                                else:
                                    ids.append(aid)
                                    if id(art) in read:
                                        readings.append((aid, read[id(art)][1]))
                except ValueError as exc:  # the store refused this file's rows
                    result.error = str(exc)
                    result.facts_merged = 0
                    continue
                result.imported, result.duplicates, result.article_ids = len(ids), dupes, ids
                new += ids
                for aid, done in readings:
                    run.ready(aid, done)
        if run and new and not cancelled():
            # As extraction after an import always went: a batch of articles a transaction.
            from .extracting import extract_articles

            step = (lambda d, t, _w="": progress(d, t, "extracting")) if progress else None
            extract_articles(store, new, progress=step, cancelled=cancelled, run=run)
        if run:
            run.forget()

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
    flush(last=True)
    if progress:
        progress(len(todo), len(todo), "")
    return report


def _runs(items: list) -> Iterator[list]:
    """A file's items in runs of articles and runs of facts-CSV rows, in their order (each run
    of articles written in one add_articles)."""
    part: list = []
    for item in items:
        if part and isinstance(item, FactRow) != isinstance(part[0], FactRow):
            yield part
            part = []
        part.append(item)
    if part:
        yield part


def _start_reading(store, run, batch, hashes: dict[int, str], progress: Optional[Progress],
                   cancelled: Callable[[], bool]) -> Callable[[], dict[int, tuple]]:
    """The batch's articles that will be stored and have no facts of their own, read by the
    run before the batch's transaction (the workspace is not held while the extractor reads):
    the function returned gives, for each (by id() of the article), the fields it fills and
    the reading. Reading processes start on them at once; without, they are read when it is
    called. Stops when `cancelled`: the articles not read then stay to be extracted."""
    stored = store.stored_hashes(list(hashes.values()))
    todo = [a for _, articles in batch for a in articles
            if not isinstance(a, FactRow) and not a.facts and hashes[id(a)] not in stored]
    first: dict[tuple[str, Optional[str]], object] = {}  # a text twice in the batch: read once
    for art in todo:
        first.setdefault((hashes[id(art)], art.published), art)
    keys = list(first)
    step = (lambda d, t: progress(d, t, "extracting")) if progress else None
    started = run.submit_many([first[k] for k in keys], step) if keys and run.parallel() else None

    def done() -> dict[int, tuple]:
        if started is not None:
            same = dict(zip(keys, started(cancelled)))
        else:
            same = {}
            for n, key in enumerate(keys):
                if cancelled():
                    break
                if progress and n % READ_STEP == 0:
                    progress(n, len(keys), "extracting")
                same[key] = run.before_storing(first[key])
        out: dict[int, tuple] = {}
        for art in todo:
            key = (hashes[id(art)], art.published)
            if key in same:
                out[id(art)] = same[key]
        return out

    return done


READ_STEP = 50  # articles read here between two reports of progress
PIPELINE_BYTES = 1024 * 1024  # a batch, with reading processes: read while the last is written


def import_and_extract(store, paths: Iterable[str | Path], *, extract: bool = True,
                       progress: Optional[Progress] = None, cancelled: Callable[[], bool] = lambda: False,
                       jobs: Optional[int] = None, **options):
    """Import, extracting each batch's new articles once it is stored, then any an earlier
    import left unread (killed or cancelled during extraction: importing those files again
    finds them already there). Returns (ImportReport, RunSummary or None)."""
    from .extracting import Run, current_tag, extract_articles

    if not extract:
        return import_paths(store, paths, progress=progress, cancelled=cancelled, **options), None
    run = Run(store, jobs=jobs)
    try:
        report = import_paths(store, paths, progress=progress, cancelled=cancelled, run=run, **options)
        if cancelled():
            return report, run.summary() if run.articles else None
        ids = store.articles_to_extract(current_tag(store), never=True)
        if ids:
            step = (lambda d, t, _w="": progress(d, t, "extracting")) if progress else None
            extract_articles(store, ids, progress=step, cancelled=cancelled, run=run)
        return report, run.summary() if run.articles else None
    finally:
        run.close()
