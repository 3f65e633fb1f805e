"""Running an extractor over a workspace."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from . import Extractor, default_extractor, extractor_for
from .base import Ranges


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


def current_tag(store=None) -> str:
    """The name@version of the extractor that extraction uses now: in a workspace (`store`)
    with a learned model, the rules' tag with the model's version (`rules@1+learned@4`), so
    that a new model makes extraction run again; without a store, the rules'."""
    tag = _tag(default_extractor())
    record = store.latest_model(data=False) if store is not None else None
    if record is None:
        return tag
    from ..learn import model_tag

    return model_tag(tag, record.version)


def extract_articles(
    store,
    article_ids: Iterable[int],
    extractor: Optional[Extractor] = None,
    progress: Optional[Callable[[int, int, str], None]] = None,
    cancelled: Callable[[], bool] = lambda: False,
    batch: int = 200,
) -> RunSummary:
    """Extract the given articles; reviewed facts are never touched."""
    from db.store import now

    extractor = extractor or extractor_for(store)
    tag = _tag(extractor)
    # A learned model's facts are its own: the tag names the rules, whose pending facts
    # replace_pending renews, so a learned fact no longer found is removed here.
    learned = getattr(extractor, "learned_name", None) is not None or (
        hasattr(store, "latest_model") and store.latest_model(data=False) is not None)
    ids = list(article_ids)
    started = now()
    from ..calibration import calibrate, table_for

    table = table_for(store)  # confidences as the workspace's decisions bear them out
    added = removed = done = 0
    for i in range(0, len(ids), batch):
        if cancelled():
            break
        chunk = ids[i:i + batch]
        with store.writer() as w:
            for aid in chunk:
                art = store.article(aid)
                if art is None:
                    continue
                result = extractor.extract(art.text, {"published": art.published})
                if learned:
                    removed += store.drop_stale_pending(w.conn, aid, "learned@", (
                        (f.kind, f.start, f.end, f.value, f.extractor) for f in result.facts))
                a, r = w.replace_pending(aid, [f.model_dump() for f in calibrate(result.facts, table)], tag)
                added, removed = added + a, removed + r
                w.set_metadata(aid, **_metadata_updates(art, result))
                done += 1
        if progress:
            progress(done, len(ids), "")
    store.record_run(tag, started, done, added, removed)
    return RunSummary(tag, done, added, removed)


def _metadata_updates(art, result) -> dict:
    """Fill what the import left empty; never overwrite what a person or a file stated.
    A title that lies outside the story (a section label read as the first line) is replaced."""
    out = {}
    meta = result.metadata
    for key in ("published", "source", "author"):
        if getattr(art, key) is None and meta.get(key):
            out[key] = meta[key]
    title = meta.get("title")
    if title and (art.title is None or not _inside(art.text, art.title, result.content)):
        out["title"] = title
    full = [[0, len(art.text)]]
    if result.content and art.content in (full, []):
        out["content"] = [list(r) for r in result.content]
    return out


def _inside(text: str, needle: str, ranges) -> bool:
    story = Ranges(ranges)
    i = text.find(needle)
    while i >= 0:
        if story.hold(i, i + len(needle)):
            return True
        i = text.find(needle, i + 1)
    return False


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
