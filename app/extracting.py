"""Running the extractor over a workspace: the rules, with the workspace's newest learned model
when it has one. Reviewed facts are never touched."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from facts.extract import Extractor, default_extractor
from facts.calibration import calibrate
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


class Run:
    """One extraction run: the extractor, the tag it writes, the workspace's calibration, and
    what it has done so far (its RunSummary)."""

    def __init__(self, store, extractor: Optional[Extractor] = None) -> None:
        self.extractor = extractor or extractor_for(store)
        self.tag = _tag(self.extractor)
        # A learned model's facts are its own: the tag names the rules, whose pending facts
        # replace_pending renews, so a learned fact no longer found is removed here.
        self.learned = getattr(self.extractor, "learned_name", None) is not None or (
            store.latest_model(data=False) is not None)
        self.table = table_for(store)  # confidences as the workspace's decisions bear them out
        self.articles = self.added = self.removed = 0
        self._ready: dict[int, tuple] = {}  # readings done before the articles were stored

    def summary(self) -> RunSummary:
        return RunSummary(self.tag, self.articles, self.added, self.removed)

    def read(self, text: str, published: Optional[str], article_id: Optional[int] = None):
        """The extraction of one text: (result, its facts as dicts with calibrated confidences);
        the one read before the article was stored (`ready`), when there is one."""
        if article_id is not None and article_id in self._ready:
            return self._ready.pop(article_id)
        result = self.extractor.extract(text, {"published": published})
        facts = result.facts if self.table is None else calibrate(result.facts, self.table)
        return result, [f.model_dump() for f in facts]

    def before_storing(self, art) -> tuple[dict, tuple]:
        """Read an article about to be imported (facts.model.ArticleIn): the fields its
        extraction fills (_metadata_updates: title, published, source, author, content), to be
        stored with it, and the reading, for `ready` once it has its id."""
        reading = self.read(art.text, art.published)
        stored = _Stored(art.title, art.published, art.source, art.author,
                         [list(r) for r in art.content] or [[0, len(art.text)]], art.text)
        return _metadata_updates(stored, reading[0]), reading

    def ready(self, article_id: int, reading: tuple) -> None:
        """The reading (before_storing's) of an article now stored: extract_articles takes it
        instead of reading the article again."""
        self._ready[article_id] = reading

    def forget(self) -> None:
        """Readings no longer wanted (an extraction cancelled before it wrote them)."""
        self._ready.clear()


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
    run = run or Run(store, extractor)
    ids = list(dict.fromkeys(article_ids))
    done = 0
    for i in range(0, len(ids), batch):
        if cancelled():
            break
        chunk = ids[i:i + batch]
        with store.writer() as w:
            arts = w.articles(chunk)
            found = []
            for aid in chunk:
                art = arts.get(aid)
                if art is not None:
                    found.append((art, *run.read(art.text, art.published, aid)))
            if run.learned:
                run.removed += w.drop_stale_pending_many([(art.id, (
                    (f.kind, f.start, f.end, f.value, f.extractor) for f in result.facts))
                    for art, result, _ in found], "learned@")
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
    extractor = extractor or extractor_for(store)
    if article is not None:
        if store.article(article) is None:
            raise ValueError(f"no article with id {article}")
        ids = [article]
    else:
        ids = store.articles_to_extract(_tag(extractor), everything=everything)
    return extract_articles(store, ids, extractor, progress=progress, cancelled=cancelled)
