"""CoNLL / IOB / BIO: an annotated corpus in, reviewed articles out.

Reading (`.conll`, `.iob`, `.bio`). One token a line; columns separated by tabs (a tab-separated
token may hold spaces, as VLSP's words do) or else by whitespace; the first column is the token
and the LAST column its tag: `O`, `B-TYPE`, `I-TYPE` (IOB2/BIO), also IOB1 (an `I-` that follows
`O` or another type begins a name) and BIOES/BILOU (`S-`, `E-`, `U-`, `L-`). A blank line ends a
sentence. A document starts at a `-DOCSTART-` line and at a comment `# doc`, `# document` or
`# newdoc …` (CoNLL-U); with `doc_sentences` N also after every N sentences; a file with no such
mark is one document. Other lines beginning with `#` are comments. An underscore between two
letters of a token joins the syllables of a segmented word and is read as a space (`Hà_Nội`).

Each document becomes one article: a sentence a line, its tokens joined as one writes them (no
space before `, . ; : ! ? ) ] } ” ’ » % …`, none after `( [ { “ ‘ «`, straight quotes paired
within the sentence), and each name an accepted fact (extractor `conll-import`) whose value is
its text. Tag types map to kinds by a tag map: PER, ORG, LOC (and PERSON, ORGANIZATION,
LOCATION) by default, MISC ignored; a type the map does not know is an error that names it.

Writing: the articles whose facts are all decided, tokenised into syllables and punctuation, one
`token TAG` a line (BIO2; PER, ORG, LOC from the curated person, organization and location
facts), a blank line after each sentence (a line of the article's content), and a `-DOCSTART- O`
line before each article. Reading that back gives the same tokens and tags.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Callable, Iterable, Iterator, Optional, TextIO

from .i18n import _
from .model import ArticleIn, Review, Status, error_text, validate_fact
from .textio import BadInput, normalise

SUFFIXES = (".conll", ".iob", ".bio")
EXTRACTOR = "conll-import"
DOCSTART = "-DOCSTART-"
NAME_KINDS = ("person", "organization", "location")
IGNORED = ""  # a tag type mapped to no kind: its names are left out
DEFAULT_TAG_MAP: dict[str, str] = {
    "PER": "person", "PERSON": "person",
    "ORG": "organization", "ORGANIZATION": "organization",
    "LOC": "location", "LOCATION": "location",
    "MISC": IGNORED,
}
EXPORT_TAGS = {"person": "PER", "organization": "ORG", "location": "LOC"}
_IGNORE_WORDS = {"", "ignore", "ignored", "none", "o", "-"}

# How tokens are written together.
NO_SPACE_BEFORE = frozenset(",.;:!?)]}”’»%…")
NO_SPACE_AFTER = frozenset("([{“‘«")
STRAIGHT_QUOTES = frozenset("\"'")

_LINE_END = re.compile(r"\r\n|\r|\n")
_TAG = re.compile(r"([BIESLU])-(\S+)", re.IGNORECASE)
_SEGMENTED = re.compile(r"(?<=[^\W_])_(?=[^\W_])")
_DOC_COMMENT = ("doc", "document", "newdoc")


@dataclass
class ConllOptions:
    """How a CoNLL file is read: tag types to kinds, and where documents start."""

    tag_map: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_TAG_MAP))
    doc_sentences: int = 0  # > 0: a new document after every this many sentences


def parse_tag_map(spec: str, base: Optional[dict[str, str]] = None) -> dict[str, str]:
    """`PER=person,GPE=location,NORP=ignore` over `base` (the default map). Raises ValueError."""
    out = dict(DEFAULT_TAG_MAP if base is None else base)
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValueError(_("tag map entry {entry!r} is not TYPE=KIND (e.g. GPE=location, MISC=ignore)")
                             .format(entry=part.strip()))
        tag, kind = (x.strip() for x in part.split("=", 1))
        tag = tag.upper()
        for prefix in ("B-", "I-"):
            tag = tag.removeprefix(prefix)
        if not tag:
            raise ValueError(_("tag map entry {entry!r} names no tag type").format(entry=part.strip()))
        if kind.lower() in _IGNORE_WORDS:
            out[tag] = IGNORED
        elif kind.lower() in NAME_KINDS:
            out[tag] = kind.lower()
        else:
            raise ValueError(_("tag map entry {entry!r}: the kind must be one of {kinds} or ignore").format(
                entry=part.strip(), kinds=", ".join(NAME_KINDS)))
    return out


# -- writing tokens as text, and text as tokens -------------------------------------------
def _all_in(tok: str, chars: frozenset) -> bool:
    return bool(tok) and all(c in chars for c in tok)


def join_tokens(tokens: Iterable[str]) -> tuple[str, list[tuple[int, int]]]:
    """One sentence's tokens as readable text, and each token's span in it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    glue = True  # no space before the first token
    open_quote = {q: False for q in STRAIGHT_QUOTES}
    for tok in tokens:
        quote = tok if tok in STRAIGHT_QUOTES else None
        closing = _all_in(tok, NO_SPACE_BEFORE) or (quote is not None and open_quote[quote])
        if parts and not glue and not closing:
            parts.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        if quote is not None:
            glue = not open_quote[quote]  # an opening quote holds on to what follows
            open_quote[quote] = not open_quote[quote]
        else:
            glue = _all_in(tok, NO_SPACE_AFTER)
    return "".join(parts), spans


def _punct(c: str) -> bool:
    return unicodedata.category(c).startswith("P")


_CHUNK = re.compile(r"\S+")


def tokenize(text: str, start: int = 0, end: Optional[int] = None) -> Iterator[tuple[int, int]]:
    """Spans of the syllables and punctuation of text[start:end]: split at whitespace, then
    punctuation peeled off each end of a chunk (a run of the same mark stays one token: `...`).
    Punctuation inside a chunk stays: `3.000`, `TP.HCM`, `COVID-19`, `15/8`."""
    end = len(text) if end is None else end
    for m in _CHUNK.finditer(text, start, end):
        s, e = m.span()
        lead, trail = [], []
        while s < e and _punct(text[s]):
            r = s + 1
            while r < e and text[r] == text[s]:
                r += 1
            lead.append((s, r))
            s = r
        while e > s and _punct(text[e - 1]):
            left = e - 1
            while left > s and text[left - 1] == text[e - 1]:
                left -= 1
            trail.append((left, e))
            e = left
        yield from lead
        if s < e:
            yield s, e
        yield from reversed(trail)


# -- reading -------------------------------------------------------------------------------
@dataclass
class _Token:
    text: str
    prefix: Optional[str]  # None for O; else B, I, E, S, L, U
    type: str
    line: int


def _is_tag(tag: str) -> bool:
    return tag == "O" or bool(_TAG.fullmatch(tag))


def _doc_comment(line: str) -> bool:
    words = line.lstrip("#").strip().lower().split()
    return bool(words) and (words[0] in _DOC_COMMENT or words[0].startswith("newdoc"))


def _sentences(raw: str, options: ConllOptions) -> Iterator[Optional[list[_Token]]]:
    """The file's sentences in order; None where a new document starts."""
    sentence: list[_Token] = []
    since_doc = 0
    for n, line in enumerate(_LINE_END.split(raw), start=1):
        s = line.strip()
        if not s:
            if sentence:
                yield sentence
                sentence = []
                since_doc += 1
                if options.doc_sentences and since_doc >= options.doc_sentences:
                    yield None
                    since_doc = 0
            continue
        fields = ([f.strip() for f in s.split("\t") if f.strip()] if "\t" in s else s.split())
        if fields[0] == DOCSTART:
            if sentence:
                yield sentence
                sentence = []
            yield None
            since_doc = 0
            continue
        if s.startswith("#") and (len(fields) < 2 or not _is_tag(fields[-1])):
            if _doc_comment(s):
                if sentence:
                    yield sentence
                    sentence = []
                yield None
                since_doc = 0
            continue  # a comment
        if len(fields) < 2:
            raise BadInput(_("expected a token and its tag, found only {line!r}").format(line=s[:60]), n)
        tag = fields[-1]
        if tag in ("O", "o"):
            prefix, typ = None, ""
        else:
            m = _TAG.fullmatch(tag)
            if m is None:
                raise BadInput(_("{tag!r} is not an IOB/BIO tag (O, B-TYPE, I-TYPE)").format(tag=tag[:40]), n)
            prefix, typ = m.group(1).upper(), m.group(2).upper()
            if typ not in options.tag_map:
                raise BadInput(_("the tag type {type!r} is not mapped to a kind: map it with --tag-map "
                                 "{type}=person|organization|location|ignore").format(type=typ[:40]), n)
        tok = normalise(_SEGMENTED.sub(" ", fields[0])).strip()
        if not tok:
            raise BadInput(_("the token is empty once control characters are removed"), n)
        sentence.append(_Token(tok, prefix, typ, n))
    if sentence:
        yield sentence


def _names(tokens: list[_Token]) -> list[tuple[str, int, int]]:
    """(type, first token, end token) of each name in a sentence, IOB1, IOB2 and BIOES read alike."""
    out: list[tuple[str, int, int]] = []
    cur: Optional[list] = None  # [type, first]

    def close(i: int) -> None:
        nonlocal cur
        if cur is not None:
            out.append((cur[0], cur[1], i))
            cur = None

    for i, t in enumerate(tokens):
        if t.prefix is None:
            close(i)
            continue
        if t.prefix in ("B", "S", "U") or cur is None or cur[0] != t.type:
            close(i)
            cur = [t.type, i]
        if t.prefix in ("E", "L", "S", "U"):
            close(i + 1)
    close(len(tokens))
    return out


def read_conll(raw: str, stem: str, origin: str, options: Optional[ConllOptions] = None,
               title_of: Callable[[str], Optional[str]] = lambda _text: None) -> list[ArticleIn]:
    """Parse a CoNLL/IOB/BIO file into articles with accepted name facts (`title_of` gives an
    article's title from its text); raises BadInput."""
    options = options or ConllOptions()
    docs: list[list[list[_Token]]] = [[]]
    for sentence in _sentences(raw, options):
        if sentence is None:
            if docs[-1]:
                docs.append([])
        else:
            docs[-1].append(sentence)
    docs = [d for d in docs if d]
    if not docs:
        raise BadInput(_("the file holds no tokens"))
    out = []
    for i, doc in enumerate(docs, start=1):
        lines, facts = [], []
        pos = 0
        for sentence in doc:
            line, spans = join_tokens(t.text for t in sentence)
            for typ, a, b in _names(sentence):
                kind = options.tag_map.get(typ, IGNORED)
                if kind == IGNORED:
                    continue
                start, end = pos + spans[a][0], pos + spans[b - 1][1]
                text = line[spans[a][0]:spans[b - 1][1]]
                try:
                    facts.append(validate_fact({
                        "kind": kind, "start": start, "end": end, "text": text,
                        "value": " ".join(text.split()), "confidence": 1.0, "extractor": EXTRACTOR}))
                except ValueError as exc:  # pydantic's ValidationError is one
                    why = error_text(exc) if hasattr(exc, "errors") else str(exc)
                    raise BadInput(_("the name {name!r} is not a valid fact: {reason}").format(name=text, reason=why),
                                   sentence[a].line) from exc
            lines.append(line)
            pos += len(line) + 1
        text = "\n".join(lines)
        out.append(ArticleIn(
            uid=f"{stem}#{i}" if len(docs) > 1 else stem, origin=origin, text=text,
            title=title_of(text), facts=facts,
            reviews=[Review(status=Status.accepted) for _fact in facts]))
    return out


# -- writing -------------------------------------------------------------------------------
DECIDED = {Status.accepted.value, Status.edited.value, Status.added.value, Status.rejected.value}
CURATED = {Status.accepted.value, Status.edited.value, Status.added.value}


def _annotated_corpus(origin: str) -> bool:
    """Read from a CoNLL file: there every token was decided, an `O` as much as a name."""
    return PurePath(origin or "").suffix.lower() in SUFFIXES


def exportable(article, facts) -> bool:
    """An article whose facts are all decided (none pending or flagged), and that holds a
    decision at all: a decided fact, or it came from an annotated corpus."""
    if any(f.status not in DECIDED for f in facts):
        return False
    return bool(facts) or _annotated_corpus(article.origin)


def _entities(facts, kinds: set[str]) -> list[tuple[int, int, str]]:
    """The curated names as (start, end, TAG), without overlaps (the longer, then the earlier, wins:
    BIO has no nesting)."""
    names = sorted((f for f in facts if f.status in CURATED and f.kind in kinds),
                   key=lambda f: (-(f.end - f.start), f.start))
    chosen: list[tuple[int, int, str]] = []
    for f in names:
        if all(f.end <= s or e <= f.start for s, e, _ in chosen):
            chosen.append((f.start, f.end, EXPORT_TAGS[f.kind]))
    return sorted(chosen)


def _content_lines(text: str, content) -> Iterator[list[tuple[int, int]]]:
    """For each line of the text, the parts of it inside the article's content ranges."""
    ranges = sorted((s, e) for s, e in (content or [[0, len(text)]]))
    start = 0
    while start <= len(text):
        nl = text.find("\n", start)
        end = len(text) if nl < 0 else nl
        parts = [(max(s, start), min(e, end)) for s, e in ranges if s < end and start < e]
        if parts:
            yield parts
        if nl < 0:
            return
        start = nl + 1


def conll_sentences(text: str, content, facts, kinds: set[str]) -> list[list[tuple[str, str]]]:
    """An article as sentences of (token, tag)."""
    names = _entities(facts, kinds)
    out = []
    for parts in _content_lines(text, content):
        tokens = [span for s, e in parts for span in tokenize(text, s, e)]
        if not tokens:
            continue
        sentence, j, prev = [], 0, None
        for s, e in tokens:
            while j < len(names) and names[j][1] <= s:
                j += 1
            if j < len(names) and names[j][0] < e:
                tag = ("I-" if prev == j else "B-") + names[j][2]
                prev = j
            else:
                tag, prev = "O", None
            sentence.append((text[s:e], tag))
        out.append(sentence)
    return out


def write_conll(articles: Iterable[tuple[Any, list]], out: TextIO, *,
                kinds: Optional[Iterable[str]] = None, total: int = 0,
                progress: Optional[Callable[[int, int], None]] = None) -> tuple[int, int, int]:
    """The decided ones of `articles` ((article, its facts) pairs, `total` of them) as CoNLL;
    returns (articles written, sentences, articles left out because a fact of theirs is
    pending or flagged)."""
    wanted = set(NAME_KINDS) if kinds is None else set(kinds) & set(NAME_KINDS)
    n_art = n_sent = undecided = seen = 0
    for art, facts in articles:
        seen += 1
        if progress and seen % 200 == 0:
            progress(seen, total)
        if not exportable(art, facts):
            undecided += any(f.status not in DECIDED for f in facts)
            continue
        sentences = conll_sentences(art.text, art.content, facts, wanted)
        if not sentences:
            continue
        out.write(f"{DOCSTART} O\n\n")
        for sentence in sentences:
            out.write("".join(f"{tok} {tag}\n" for tok, tag in sentence))
            out.write("\n")
        n_art += 1
        n_sent += len(sentences)
    if progress:
        progress(seen, total)
    return n_art, n_sent, undecided


def read_tokens(raw: str) -> list[list[tuple[str, str]]]:
    """The (token, tag) sentences of a CoNLL text as written, documents marks left out: what a
    round trip compares."""
    out, sentence = [], []
    for line in _LINE_END.split(raw):
        s = line.strip()
        if not s:
            if sentence:
                out.append(sentence)
                sentence = []
            continue
        fields = [f for f in s.split("\t") if f.strip()] if "\t" in s else s.split()
        if fields[0] == DOCSTART or (s.startswith("#") and not _is_tag(fields[-1])):
            continue
        sentence.append((fields[0], fields[-1]))
    if sentence:
        out.append(sentence)
    return out
