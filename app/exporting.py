"""Exporting a workspace: one function for every format, for the command line and the window.

Written into a scratch file beside the destination and renamed into place when complete
(facts.outfile): an export stopped at any point leaves no half-written file.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, TextIO

from facts.conll import write_conll
from facts.exporter import write_jsonl
from facts.i18n import _, num
from facts.outfile import export_to
from facts.tables import ExportFilter, write_articles_csv, write_facts_csv, write_xlsx

FORMATS = ("jsonl", "csv", "articles", "xlsx", "conll")  # "articles": the CSV of articles


@dataclass
class Exported:
    articles: int = 0
    facts: int = 0
    sentences: int = 0
    left_out: int = 0  # CoNLL: articles with facts still pending or flagged

    def describe(self, fmt: str) -> str:
        """What an export of `fmt` wrote, in the language in use."""
        if fmt == "conll":
            out = _("{articles} articles, {sentences} sentences").format(
                articles=num(self.articles), sentences=num(self.sentences))
            if self.left_out:
                out += _(" ({n} articles with facts still pending or flagged left out)").format(n=num(self.left_out))
            return out
        if fmt == "articles":
            return _("{n} articles").format(n=num(self.articles))
        if fmt == "csv":
            return _("{n} facts").format(n=num(self.facts))
        if fmt == "xlsx":
            return _("{facts} facts, {articles} articles").format(facts=num(self.facts), articles=num(self.articles))
        return _("{articles} articles, {facts} facts").format(articles=num(self.articles), facts=num(self.facts))


def write(store, fmt: str, out: TextIO, flt: Optional[ExportFilter] = None, *,
          neutralise_cells: bool = True, progress: Optional[Callable[[int, int], None]] = None) -> Exported:
    """A text format (jsonl, csv, articles, conll) into an open text file."""
    flt = flt or ExportFilter()
    total = store.article_count() if progress else 0
    if fmt == "jsonl":
        n, nf = write_jsonl(store.iter_articles(), out, statuses=flt.statuses, kinds=flt.kinds,
                            total=total, progress=progress)
        return Exported(articles=n, facts=nf)
    if fmt == "conll":
        n, ns, left = write_conll(store.iter_articles(), out, kinds=flt.kinds, total=total,
                                  progress=progress)
        return Exported(articles=n, sentences=ns, left_out=left)
    if fmt == "articles":
        return Exported(articles=write_articles_csv(store.iter_article_rows(), out,
                                                    neutralise_cells=neutralise_cells))
    if fmt == "csv":
        return Exported(facts=write_facts_csv(store.iter_fact_rows(**flt.query()), out,
                                              neutralise_cells=neutralise_cells))
    raise ValueError(f"unknown format {fmt!r}; use {', '.join(FORMATS)}")


def export(store, fmt: str, path: Path | str, flt: Optional[ExportFilter] = None, *,
           encoding: str = "utf-8-sig", neutralise_cells: bool = True,
           progress: Optional[Callable[[int, int], None]] = None) -> Exported:
    """The workspace in `fmt` into the file `path`, whole or not at all. `encoding`: of the CSV
    formats (utf-8-sig: with the byte-order mark Excel needs to read Vietnamese right)."""
    flt = flt or ExportFilter()
    with export_to(Path(path)) as (tmp, scratch):
        if fmt == "xlsx":
            nf, na = write_xlsx(store.iter_fact_rows(**flt.query()), store.iter_article_rows(), tmp,
                                scratch=scratch)
            return Exported(articles=na, facts=nf)
        csv = fmt in ("csv", "articles")
        with open(tmp, "w", encoding=encoding if csv else "utf-8", newline="" if csv else "\n") as out:
            return write(store, fmt, out, flt, neutralise_cells=neutralise_cells, progress=progress)
