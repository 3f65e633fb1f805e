"""Visible text of an HTML page, with the standard library's parser."""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

# Not visible, or page furniture rather than the story.
_SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
         "form", "button", "select", "svg", "iframe", "head"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
          "table", "section", "article", "blockquote", "figure", "figcaption", "pre", "hr",
          "dd", "dt", "main", "title"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[str] = []
        # How many of each tag are open: an end tag of one that is not open is ignored
        # without a search of the stack (quadratic in a page of unclosed tags).
        self.open: Counter[str] = Counter()
        # Text pieces, joined at the end (adding each to a string copies all before it).
        self.title: list[str] = []
        self.h1: list[str] = []
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skip_depth:
                self.parts.append("\n")
            return
        self.stack.append(tag)
        self.open[tag] += 1
        if tag in _SKIP:
            self.skip_depth += 1
        if tag == "title":
            self._in_title = True
        if tag == "h1":
            self._in_h1 = True
        if tag in _BLOCK and not self.skip_depth:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.open[tag]:
            return
        while self.stack:
            top = self.stack.pop()
            self.open[top] -= 1
            if top in _SKIP:
                self.skip_depth -= 1
            if top == "title":
                self._in_title = False
            if top == "h1":
                self._in_h1 = False
            if top == tag:
                break
        if tag in _BLOCK and not self.skip_depth:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        if self.skip_depth:
            return
        if self._in_h1:
            self.h1.append(data)
        self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    """(visible text, title) of a page; title from the first <h1>, else <title>."""
    p = _Extractor()
    p.feed(html)
    p.close()
    text = "".join(p.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    body = "\n".join(out).strip()
    title = (" ".join("".join(p.h1).split()) or " ".join("".join(p.title).split())) or None
    return body, title
