"""What a write changed: every write of the application layer returns one `Changes`, and a
front end applies it in one place (the window's views, the command line's report)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass
class Changes:
    facts: list = field(default_factory=list)  # FactRecords changed or added, as saved
    removed: list[tuple[int, int]] = field(default_factory=list)  # (fact id, article id)
    articles: list[int] = field(default_factory=list)  # an article's own fields changed
    deleted: list[int] = field(default_factory=list)  # articles out of the workspace
    restored: list[int] = field(default_factory=list)  # deleted articles back
    imported: list[int] = field(default_factory=list)  # new articles
    events: list[int] = field(default_factory=list)  # the review-log entries written
    proposed: list = field(default_factory=list)  # same-name proposals made (FactRecords)
    withdrawn: list[dict[str, Any]] = field(default_factory=list)  # proposals taken back, as rows
    note: str = ""  # what else the decision did, for a status line ("Proposed ‘…’ in 3 more places")
    many: bool = False  # too many articles changed to list: reload everything

    def merge(self, other: "Changes") -> "Changes":
        for name in ("facts", "removed", "articles", "deleted", "restored", "imported", "events",
                     "proposed", "withdrawn"):
            getattr(self, name).extend(getattr(other, name))
        self.note = self.note or other.note
        self.many = self.many or other.many
        return self

    @property
    def touched_articles(self) -> set[int]:
        """Every article whose facts, counts or fields may differ now."""
        out = {f.article_id for f in self.facts} | {f.article_id for f in self.proposed}
        out |= {a for _, a in self.removed} | {r["article_id"] for r in self.withdrawn}
        return out | set(self.articles) | set(self.deleted) | set(self.restored) | set(self.imported)

    @property
    def first_fact(self) -> Optional[Any]:
        return self.facts[0] if self.facts else None

    def __bool__(self) -> bool:
        return bool(self.touched_articles or self.events or self.many)
