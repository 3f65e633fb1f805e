"""The lossless export: one article a line with its facts, streamed, never built whole."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Optional, TextIO


def _utc_iso(at: Optional[datetime]) -> Optional[str]:
    """A stored time (UTC) in ISO 8601 with its offset: 2025-01-02T09:00:00+00:00."""
    return at.replace(tzinfo=timezone.utc).isoformat() if at else None


def fact_dict(f) -> dict[str, Any]:
    """A stored fact with the FACTS.md field names, flat, plus its review."""
    d: dict[str, Any] = {
        "kind": f.kind, "start": f.start, "end": f.end, "text": f.text, "value": f.value,
        **f.fields,
        "confidence": f.confidence, "extractor": f.extractor, "status": f.status,
        "reviewer": f.reviewer,
        "reviewed_at": _utc_iso(f.reviewed_at),
        "note": f.note,
    }
    if f.original:
        d["original"] = f.original
    for k, v in (f.extra or {}).items():
        d.setdefault(k, v)
    return d


def article_dict(a, facts: Iterable) -> dict[str, Any]:
    return {
        "id": a.uid, "origin": a.origin, "title": a.title, "published": a.published,
        "source": a.source, "author": a.author, "url": a.url, "text": a.text,
        "content": a.content, "facts": [fact_dict(f) for f in facts],
    }


def write_jsonl(
    articles: Iterable[tuple[Any, list]],
    out: TextIO,
    *,
    statuses: Optional[set[str]] = None,
    kinds: Optional[set[str]] = None,
    total: int = 0,
    progress: Optional[Callable[[int, int], None]] = None,
) -> tuple[int, int]:
    """`articles` ((article, its facts) pairs, `total` of them), one a line; returns (articles,
    facts) written."""
    n_art = n_fact = 0
    for art, facts in articles:
        if statuses is not None:
            facts = [f for f in facts if f.status in statuses]
        if kinds is not None:
            facts = [f for f in facts if f.kind in kinds]
        out.write(json.dumps(article_dict(art, facts), ensure_ascii=False) + "\n")
        n_art += 1
        n_fact += len(facts)
        if progress and n_art % 200 == 0:
            progress(n_art, total)
    if progress:
        progress(n_art, total)
    return n_art, n_fact

