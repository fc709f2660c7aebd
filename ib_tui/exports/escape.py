"""User text made literal for Markdown: one function per context, and every user string goes
through one of them.

A title is typed by a person or imported from a registry; it may hold `#`, `*`, `|`, `<script>`,
`[x](javascript:…)` or a line break. In the exported document it must read as exactly that text and
never open a heading, a link, raw HTML, a list or a table column. CommonMark lets a backslash
escape any ASCII punctuation, so the rule is simple and total: escape every character that can
start or end a construct, wherever it stands, and the few that only matter at a line's start
(`-`, `+`, `=`, `1.`) when they stand there.
"""

from __future__ import annotations

import re

from ib_tui.domain.text import clean

# Characters that open or close inline constructs (emphasis, code, links, autolinks, raw HTML,
# entities, GFM strikethrough and table pipes), or a block when first on a line (# > ).
_ALWAYS = re.compile(r"([\\`*_\[\]<>&|~#!])")
# At a line's start: a bullet (- + *), a setext underline or thematic break (= - _), an ordered
# list marker ("1." or "1)"), and leading spaces that would make an indented code block.
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])")
_LEADING = re.compile(r"^([-+=])")


def _escape_line(text: str) -> str:
    text = _ALWAYS.sub(r"\\\1", text.strip())
    text = _LIST_NUMBER.sub(r"\1\\\2", text)
    return _LEADING.sub(r"\\\1", text)


def inline(value: object) -> str:
    """Text inside a paragraph or a list item, on one line."""
    return _escape_line(clean(value))


def heading(value: object) -> str:
    """Text of an ATX heading: one line, literal. A heading cannot hold a line break, so breaks
    become spaces (as `clean` does for any one-line text)."""
    return _escape_line(clean(value))


def cell(value: object) -> str:
    """A GFM table cell: literal, one line, `|` escaped (done by `inline`), never empty, since an
    empty cell is easy to misread as a missing one."""
    return _escape_line(clean(value)) or "–"


def lines(value: object) -> list[str]:
    """Multi-line text (a summary, what was said) as escaped lines; blank lines keep paragraphs
    apart as empty strings, runs of them collapse into one."""
    result: list[str] = []
    for line in clean(value, multiline=True).split("\n"):
        escaped = _escape_line(line)
        if escaped or (result and result[-1]):
            result.append(escaped)
    while result and not result[-1]:
        result.pop()
    return result


def shorten(value: object, limit: int = 300) -> str:
    """A summary cut to about `limit` characters at a sentence or a word, for "i korthet".

    Works on plain text: escape the result afterwards, so a cut never splits an escape."""
    text = " ".join(clean(value, multiline=True).split())
    if len(text) <= limit:
        return text
    head = text[:limit]
    sentence_end = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
    if sentence_end >= limit // 2:
        return head[: sentence_end + 1]
    word_end = head.rfind(" ")
    return (head[:word_end] if word_end > 0 else head).rstrip(" ,;:") + " …"
