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


def extract_articles(
    store,
    article_ids: Iterable[int],
    extractor: Optional[Extractor] = None,
    progress: Optional[Callable[[int, int, str], None]] = None,
    cancelled: Callable[[], bool] = lambda: False,
    batch: int = 200,
) -> RunSummary:
    """Extract the given articles; reviewed facts are never touched."""
    extractor = extractor or extractor_for(store)
    tag = _tag(extractor)
    # A learned model's facts are its own: the tag names the rules, whose pending facts
    # replace_pending renews, so a learned fact no longer found is removed here.
    learned = getattr(extractor, "learned_name", None) is not None or (
        store.latest_model(data=False) is not None)
    ids = list(article_ids)
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
                    removed += w.drop_stale_pending(aid, "learned@", (
                        (f.kind, f.start, f.end, f.value, f.extractor) for f in result.facts))
                a, r = w.replace_pending(aid, [f.model_dump() for f in calibrate(result.facts, table)], tag)
                added, removed = added + a, removed + r
                w.set_metadata(aid, **_metadata_updates(art, result))
                done += 1
        if progress:
            progress(done, len(ids), "")
    return RunSummary(tag, done, added, removed)


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
