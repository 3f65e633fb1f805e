"""Running the extractor over a workspace: the rules, with the workspace's newest learned model
when it has one. Reviewed facts are never touched."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from facts.extract import Extractor, default_extractor
from facts.calibration import calibrate
from facts.i18n import _
from facts.learn import LearnedExtractor, Settings, model_tag

from .calibrating import table_for


@dataclass
class RunSummary:
    extractor: str
    articles: int
    added: int
    removed: int

    def __str__(self) -> str:
        if not self.articles:
            return f"Nothing to extract: every article is up to date with {self.extractor}."
        return (f"{self.extractor}: {self.articles} articles, {self.added} facts added, "
                f"{self.removed} pending facts no longer found removed")


def _tag(extractor: Extractor) -> str:
    return f"{extractor.name}@{extractor.version}"


def current_tag(store) -> str:
    """The name@version of the extractor that extraction uses now: with a learned model, the
    rules' tag with the model's version (`rules@1+learned@4`), so that a new model makes
    extraction run again."""
    record = store.latest_model(data=False)
    return model_tag(_tag(default_extractor()), record.version if record else None)


def extractor_for(store) -> Extractor:
    """The rules with the workspace's newest model, or the rules alone when it has none."""
    record = store.latest_model()
    if record is None:
        return default_extractor()
    return LearnedExtractor(record.data, record.version, Settings.from_json(record.settings))


ENV_JOBS = "FACT_REVIEW_JOBS"  # processes that read articles at once (1: only this one)
MAX_JOBS = 4
PARALLEL_MIN = 64  # articles to read at once before other processes are worth starting


def default_jobs() -> int:
    """How many processes read articles: $FACT_REVIEW_JOBS, else the cores this process may
    use (at most MAX_JOBS)."""
    try:
        return max(1, int(os.environ[ENV_JOBS]))
    except (KeyError, ValueError):
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_JOBS, cores))


def _can_fork() -> bool:
    """Other processes read only where they can be forked safely: on Linux, from a process
    running one thread, its main one, and no GUI toolkit (the command line; never the window,
    whose threads a fork would copy in whatever state they are). Threads are counted by the
    system (/proc/self/task), which sees those Python's threading module does not."""
    if not (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and threading.current_thread() is threading.main_thread()
            and not any(m in sys.modules for m in _GUI_TOOLKITS)):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


_GUI_TOOLKITS = ("PySide6.QtCore", "PyQt6.QtCore", "PySide2.QtCore", "PyQt5.QtCore")


@dataclass
class Read:
    """What a reading in another process brings back beside the facts: the article's content
    ranges and metadata (what _metadata_updates reads of an Extraction)."""

    content: list = field(default_factory=list)
    metadata: dict = field(default_factory=dict)


_worker: Optional[tuple] = None  # in a reading process: (extractor, calibration table)


def _worker_start(model: Optional[tuple], table: Optional[dict], parent: int) -> None:
    global _worker
    # Ctrl+C is the command's to handle (it ends these processes), not theirs to print.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with(parent)
    if model is None:
        extractor = default_extractor()
    else:
        data, version, settings = model
        extractor = LearnedExtractor(data, version, Settings.from_json(settings))
    _worker = (extractor, table)


def _end_with(parent: int) -> None:
    """This reading process ends when the command that started it does, however it ends
    (killed too: the system sends it SIGKILL then, PR_SET_PDEATHSIG), rather than wait
    forever for work, holding the command's output open."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no prctl: not Linux
        pass
    if os.getppid() != parent:  # the command ended before that was set
        os._exit(0)


def _worker_read_many(items: Sequence[tuple[str, Optional[str]]]) -> list[tuple[list, dict, list[dict]]]:
    return [_worker_read(item) for item in items]


def _worker_read(item: tuple[str, Optional[str]]) -> tuple[list, dict, list[dict]]:
    extractor, table = _worker
    text, published = item
    result = extractor.extract(text, {"published": published})
    facts = result.facts if table is None else calibrate(result.facts, table)
    return list(result.content), dict(result.metadata), [f.model_dump() for f in facts]


class Run:
    """One extraction run: the extractor, the tag it writes, the workspace's calibration, and
    what it has done so far (its RunSummary).

    `jobs`: processes that read articles at once (default_jobs() when None). With more than
    one, a run given many articles at once (submit_many: an import's batch; read_many: a
    transaction of extraction) reads them in that many processes forked from this one, where
    that is safe (_can_fork), each with the same extractor and calibration; the facts are the
    same as read here. close() ends them."""

    def __init__(self, store, extractor: Optional[Extractor] = None, jobs: Optional[int] = None) -> None:
        self.jobs = default_jobs() if jobs is None else max(1, jobs)
        self._pool: Optional[ProcessPoolExecutor] = None
        self._model: Optional[tuple] = None  # the model the reading processes load
        # the workspace's newest model: loaded when this run uses it, else only asked about
        record = store.latest_model(data=extractor is None)
        if extractor is None:
            if record is not None:
                self._model = (record.data, record.version, record.settings)
                extractor = LearnedExtractor(record.data, record.version,
                                             Settings.from_json(record.settings))
        self._own = extractor is None or self._model is not None  # processes can rebuild it
        self.extractor = extractor or default_extractor()  # no model: the rules alone
        self.tag = _tag(self.extractor)
        # A learned model's facts are its own: the tag names the rules, whose pending facts
        # replace_pending renews, so a learned fact no longer found is removed here.
        self.learned = getattr(self.extractor, "learned_name", None) is not None or record is not None
        self.table = table_for(store)  # confidences as the workspace's decisions bear them out
        self.articles = self.added = self.removed = 0
        self._ready: dict[int, tuple] = {}  # readings done before the articles were stored

    def summary(self) -> RunSummary:
        return RunSummary(self.tag, self.articles, self.added, self.removed)

    def read(self, text: str, published: Optional[str]):
        """The extraction of one text: (result, its facts as dicts with calibrated confidences)."""
        result = self.extractor.extract(text, {"published": published})
        facts = result.facts if self.table is None else calibrate(result.facts, self.table)
        return result, [f.model_dump() for f in facts]

    def parallel(self) -> bool:
        """Whether this run reads articles in other processes (see the class): once they are
        started (all at once, forked while this process still runs one thread), the threads
        that feed them do not stop it."""
        return self._pool is not None or (self.jobs > 1 and self._own and _can_fork())

    def _processes(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # What this process has written but not yet passed on would be passed on again by
            # each process forked from it (their output is flushed when they end).
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except (AttributeError, OSError, ValueError):
                    pass
            self._pool = ProcessPoolExecutor(
                self.jobs, mp_context=multiprocessing.get_context("fork"),
                initializer=_worker_start, initargs=(self._model, self.table, os.getpid()))
        return self._pool

    def _submit(self, items: Sequence[tuple[str, Optional[str]]],
                progress: Optional[Callable[[int, int], None]] = None) -> Callable[..., list[tuple]]:
        """Start reading many (text, published) in the other processes and go on: the function
        returned waits for them and gives the readings, in order; given `cancelled`, it stops
        waiting when that is true and gives those read until then (the first ones). Where a
        reading process dies, the rest is read here, and every later reading too."""
        size = max(1, len(items) // (self.jobs * 4))
        futures = [self._processes().submit(_worker_read_many, items[i:i + size])
                   for i in range(0, len(items), size)]

        def finish(cancelled: Callable[[], bool] = lambda: False) -> list[tuple]:
            got: list[tuple] = []
            try:
                for future in futures:
                    if cancelled():
                        for rest in futures:
                            rest.cancel()
                        break
                    got += [(Read(content, metadata), facts) for content, metadata, facts in future.result()]
                    if progress:
                        progress(len(got), len(items))
            except BrokenProcessPool:  # killed, out of memory
                self.close()
                self.jobs = 1
                got += [self.read(text, published) for text, published in items[len(got):]]
            return got

        return finish

    def submit_many(self, arts: Sequence, progress: Optional[Callable[[int, int], None]] = None
                    ) -> Callable[[Callable[[], bool]], list[tuple[dict, tuple]]]:
        """_submit for articles about to be imported (parallel() runs only): the function
        returned gives before_storing's answer for each."""
        finish = self._submit([(a.text, a.published) for a in arts], progress)
        return lambda cancelled=lambda: False: [
            (_metadata_updates(_stored(a), r[0]), r) for a, r in zip(arts, finish(cancelled))]

    def read_many(self, items: Sequence[tuple[str, Optional[str]]]) -> list[tuple]:
        """The readings of many (text, published), in order: in other processes when the run
        has them and the items are many, else here."""
        if len(items) >= PARALLEL_MIN and self.parallel():
            return self._submit(items)()
        return [self.read(text, published) for text, published in items]

    def close(self) -> None:
        """End the reading processes, if any were started."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def before_storing(self, art) -> tuple[dict, tuple]:
        """Read an article about to be imported (facts.model.ArticleIn): the fields its
        extraction fills (_metadata_updates: title, published, source, author, content), to be
        stored with it, and the reading, for `ready` once it has its id."""
        reading = self.read(art.text, art.published)
        return _metadata_updates(_stored(art), reading[0]), reading

    def take_ready(self, article_id: int) -> Optional[tuple]:
        """The reading done before the article was stored (`ready`), taken; None if none."""
        return self._ready.pop(article_id, None)

    def ready(self, article_id: int, reading: tuple) -> None:
        """The reading (before_storing's) of an article now stored: extract_articles takes it
        instead of reading the article again."""
        self._ready[article_id] = reading

    def forget(self) -> None:
        """Readings no longer wanted (an extraction cancelled before it wrote them)."""
        self._ready.clear()


def _stored(art) -> "_Stored":
    return _Stored(art.title, art.published, art.source, art.author,
                   [list(r) for r in art.content] or [[0, len(art.text)]], art.text)


@dataclass
class _Stored:
    """An article as add_articles will store it: what _metadata_updates reads."""

    title: Optional[str]
    published: Optional[str]
    source: Optional[str]
    author: Optional[str]
    content: list
    text: str


def extract_articles(
    store,
    article_ids: Iterable[int],
    extractor: Optional[Extractor] = None,
    progress: Optional[Callable[[int, int, str], None]] = None,
    cancelled: Callable[[], bool] = lambda: False,
    batch: int = 200,
    run: Optional[Run] = None,
) -> RunSummary:
    """Extract the given articles; reviewed facts are never touched. Each batch is one
    transaction, read in one query and written in a few statements for the lot. `run`: the run
    to go on with (its extractor, counts and readings done before), instead of a new one."""
    own = run is None
    run = run or Run(store, extractor)
    try:
        return _extract(store, run, list(dict.fromkeys(article_ids)), progress, cancelled, batch)
    finally:
        if own:
            run.close()


def _extract(store, run: Run, ids: list[int], progress, cancelled, batch: int) -> RunSummary:
    done = 0
    for i in range(0, len(ids), batch):
        if cancelled():
            break
        chunk = ids[i:i + batch]
        with store.writer() as w:
            arts = w.articles(chunk)
            stored = [arts[aid] for aid in chunk if aid in arts]
            ready = {a.id: run.take_ready(a.id) for a in stored}
            unread = [a for a in stored if ready[a.id] is None]
            for art, reading in zip(unread, run.read_many([(a.text, a.published) for a in unread])):
                ready[art.id] = reading
            found = [(art, *ready[art.id]) for art in stored]
            if run.learned:
                run.removed += w.drop_stale_pending_many([(art.id, (
                    (f["kind"], f["start"], f["end"], f["value"], f.get("extractor", ""))
                    for f in facts)) for art, _, facts in found], "learned@")
            for a, r in w.replace_pending_many([(art.id, facts) for art, _, facts in found], run.tag):
                run.added, run.removed = run.added + a, run.removed + r
            w.set_metadata_many({art.id: _metadata_updates(art, result) for art, result, _ in found})
            done += len(found)
            run.articles += len(found)
        if progress:
            progress(done, len(ids), "")
    return run.summary()


def _metadata_updates(art, result) -> dict:
    """Fill what the import left empty; never overwrite what a person or a file stated."""
    out = {}
    meta = result.metadata
    for key in ("title", "published", "source", "author"):
        if getattr(art, key) is None and meta.get(key):
            out[key] = meta[key]
    full = [[0, len(art.text)]]
    if result.content and art.content in (full, []):
        out["content"] = [list(r) for r in result.content]
    return out


def run_extraction(store, *, article: Optional[int] = None, everything: bool = False,
                   extractor: Optional[Extractor] = None, progress=None,
                   cancelled: Callable[[], bool] = lambda: False) -> RunSummary:
    if article is not None:
        if store.article(article) is None:
            raise ValueError(_("no article with id {article}").format(article=article))
        ids = [article]
    else:
        tag = _tag(extractor) if extractor is not None else current_tag(store)
        ids = store.articles_to_extract(tag, everything=everything)
    return extract_articles(store, ids, extractor, progress=progress, cancelled=cancelled)
