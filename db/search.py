"""Finding articles by words of their title or text.

Words are matched as a phrase, the last one as a prefix, so a search can be typed word by word;
in any case and, unless asked otherwise, with any diacritics (`ha noi` finds `Hà Nội`, `đ` is read
as `d`). Results come in workspace order, matches with the very diacritics typed first.

On SQLite, two FTS5 indexes kept by triggers (migration 0004): one folds case, the other case
and diacritics. On PostgreSQL, the table `article_words` (migration 0011) holds each article's
words twice, folded the same two ways here in Python — the server's own folding depends on its
locale and extensions — whenever an article's title or text is written (index_articles). Each is
one line, the words between single spaces and the title's apart from the text's, so a phrase is a
LIKE pattern (`% ha noi%`), which pg_trgm's trigram indexes find without reading every line.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from contextlib import contextmanager, suppress
from typing import Callable, Iterable, Iterator, Optional

from sqlalchemy import Column, Connection, Integer, MetaData, Table, Text, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.dialects.postgresql import insert as pg_insert

from .schema import Article

# Letters and digits: the words FTS5's tokenizer reads (an underscore parts them).
_WORD = re.compile(r"[^\W_]+")

WORDS = Table("article_words", MetaData(),
              Column("article_id", Integer, primary_key=True),
              Column("exact", Text, nullable=False),
              Column("folded", Text, nullable=False))


def fold(s: str) -> str:
    """What the folded index reads in place of `đ`; diacritics go in its tokenizer."""
    return s.replace("đ", "d").replace("Đ", "D")


def words(s: str, *, folded: bool) -> list[str]:
    """The words of `s` in lower case; `folded`: without diacritics, `đ` as `d`."""
    s = unicodedata.normalize("NFC", s).lower()
    if folded:
        bare = "".join(c for c in unicodedata.normalize("NFD", fold(s)) if not unicodedata.combining(c))
        s = unicodedata.normalize("NFC", bare)
    return _WORD.findall(s)


def phrase_query(search: str, *, folded: bool) -> str | None:
    """An FTS5 query for the words typed: one phrase, its last word a prefix
    unless the typing ended with a space. None when nothing searchable was typed."""
    found = _WORD.findall(fold(search) if folded else search)
    if not found:
        return None
    q = '"' + " ".join(found) + '"'
    return q if search[-1:].isspace() else q + " *"


class SearchCancelled(Exception):
    """A search stopped because a newer one superseded it (`cancelled()` became true)."""


@contextmanager
def interruptible(conn: Connection, cancelled: Optional[Callable[[], bool]]) -> Iterator[None]:
    """Queries run inside are stopped as soon as `cancelled()` is true, not run to their end:
    on SQLite by a progress handler that interrupts the statement, on a server by cancelling
    the statement from a watching thread. Raises SearchCancelled then."""
    if cancelled is None:
        yield
        return
    raw = conn.connection.dbapi_connection
    stop = threading.Event()
    if conn.dialect.name == "sqlite":
        raw.set_progress_handler(lambda: 1 if cancelled() else 0, 500)
    else:
        def watch() -> None:
            while not stop.wait(0.01):
                if cancelled():
                    with suppress(Exception):
                        raw.cancel_safe() if hasattr(raw, "cancel_safe") else raw.cancel()
                    return
        threading.Thread(target=watch, daemon=True, name="search-cancel").start()
    try:
        yield
        if cancelled():
            raise SearchCancelled()
    except DBAPIError:
        if cancelled():
            raise SearchCancelled() from None
        raise
    finally:
        stop.set()
        if conn.dialect.name == "sqlite":
            raw.set_progress_handler(None, 0)


def search_ids(conn: Connection, search: str, *, ignore_diacritics: bool = True,
               cancelled: Optional[Callable[[], bool]] = None) -> list[int]:
    """Ids of the articles whose title or text holds the words, best matches first.
    `cancelled`: stop (SearchCancelled) as soon as it is true (a newer search typed)."""
    with interruptible(conn, cancelled):
        if conn.dialect.name == "sqlite":
            return _sqlite(conn, search, ignore_diacritics)
        return _server(conn, search, ignore_diacritics)


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


def _pattern(found: list[str], *, prefix: bool, text_only: bool = False) -> str:
    """The LIKE pattern of a phrase in a line of words (`text_only`: after the title's)."""
    return ("%\n" if text_only else "") + "% " + " ".join(found) + ("%" if prefix else " %")


def _like(conn: Connection, column, pattern: str) -> set[int]:
    return set(conn.execute(select(WORDS.c.article_id).where(column.like(pattern))).scalars())


def _server(conn: Connection, search: str, ignore_diacritics: bool) -> list[int]:
    prefix = not search[-1:].isspace()
    exact_words = words(search, folded=False)
    if not exact_words:
        return []
    exact = _like(conn, WORDS.c.exact, _pattern(exact_words, prefix=prefix))
    if not ignore_diacritics:
        return sorted(exact)
    folded = _like(conn, WORDS.c.folded, _pattern(words(search, folded=True), prefix=prefix))
    return sorted(exact) + sorted(folded - exact)


def text_ids(conn: Connection, name: str) -> list[int]:
    """Ids of the articles whose text (not title) may hold `name`, in id order: its words as a
    phrase, in any case (the caller matches exactly). Without words, a plain substring search."""
    found = _WORD.findall(name)
    if not found:
        return list(conn.execute(select(Article.id).where(Article.text.contains(name, autoescape=True))
                                 .order_by(Article.id)).scalars())
    if conn.dialect.name == "sqlite":
        q = 'text : "' + " ".join(found) + '"'
        return sorted(r[0] for r in conn.execute(
            text("SELECT rowid FROM articles_fts_exact WHERE articles_fts_exact MATCH :q"), {"q": q}))
    return sorted(_like(conn, WORDS.c.exact,
                        _pattern(words(name, folded=False), prefix=False, text_only=True)))


def _line(title: str | None, body: str, *, folded: bool) -> str:
    """An article's words as the server's index holds them: ` title words \\n text words `."""
    return (" " + " ".join(words(title or "", folded=folded)) + " \n "
            + " ".join(words(body, folded=folded)) + " ")


def index_articles(conn: Connection, article_ids: Iterable[int]) -> None:
    """Bring the server's word lines of these articles up to date with their title and text:
    called wherever an article is written (imported, corrected, put back). On SQLite the
    triggers of migration 0004 do this."""
    ids = list(article_ids)
    if conn.dialect.name != "postgresql" or not ids:
        return
    rows = conn.execute(select(Article.id, Article.title, Article.text).where(Article.id.in_(ids)))
    values = [{"article_id": aid, "exact": _line(title, body, folded=False),
               "folded": _line(title, body, folded=True)} for aid, title, body in rows]
    if values:
        stmt = pg_insert(WORDS)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=[WORDS.c.article_id],
            set_={"exact": stmt.excluded.exact, "folded": stmt.excluded.folded}), values)


def restrict(ids: Iterable[int], allowed: set[int]) -> list[int]:
    return [i for i in ids if i in allowed]
