"""Finding articles by words of their title or text.

On SQLite, two FTS5 indexes kept by triggers (migration 0004): one folds case, the
other case and diacritics (`đ` read as `d`). Words are matched as a phrase, the last
one as a prefix, so a search can be typed word by word. Results come in workspace
order, matches with the very diacritics typed first.
"""
from __future__ import annotations

import re
from typing import Iterable

from sqlalchemy import Connection, or_, select, text

from .schema import Article

_WORD = re.compile(r"\w+")


def fold(s: str) -> str:
    """What the folded index reads in place of `đ`; diacritics go in its tokenizer."""
    return s.replace("đ", "d").replace("Đ", "D")


def phrase_query(search: str, *, folded: bool) -> str | None:
    """An FTS5 query for the words typed: one phrase, its last word a prefix
    unless the typing ended with a space. None when nothing searchable was typed."""
    words = _WORD.findall(fold(search) if folded else search)
    if not words:
        return None
    q = '"' + " ".join(words) + '"'
    return q if search[-1:].isspace() else q + " *"


def search_ids(conn: Connection, search: str, *, ignore_diacritics: bool = True) -> list[int]:
    """Ids of the articles whose title or text holds the words, best matches first."""
    if conn.dialect.name == "sqlite":
        return _sqlite(conn, search, ignore_diacritics)
    return _portable(conn, search)


def _fts_ids(conn: Connection, table: str, query: str) -> set[int]:
    rows = conn.execute(text(f"SELECT rowid FROM {table} WHERE {table} MATCH :q"), {"q": query})
    return {r[0] for r in rows}


def _sqlite(conn: Connection, search: str, ignore_diacritics: bool) -> list[int]:
    exact_q = phrase_query(search, folded=False)
    if exact_q is None:
        return []
    exact = _fts_ids(conn, "articles_fts_exact", exact_q)
    if not ignore_diacritics:
        return sorted(exact)
    folded = _fts_ids(conn, "articles_fts_folded", phrase_query(search, folded=True))
    return sorted(exact) + sorted(folded - exact)


def _portable(conn: Connection, search: str) -> list[int]:
    """Any other engine: a case-insensitive substring match, no index."""
    like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    q = select(Article.id).where(or_(Article.title.ilike(like, escape="\\"),
                                     Article.text.ilike(like, escape="\\")))
    return sorted(conn.execute(q).scalars())


def restrict(ids: Iterable[int], allowed: set[int]) -> list[int]:
    return [i for i in ids if i in allowed]

