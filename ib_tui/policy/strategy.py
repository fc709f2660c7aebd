"""The strategy as a document to read: its paragraphs, which section each is in, and where a
quoted sentence stands in it (for the full-text view that opens at a principle's sentence)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ib_tui.policy.catalogue import strategy_text

TITLE = "Internationell strategi för Stockholms stad"
DNR = "KS 2021/154"
# Where the strategy speaks of receptions in Stadshuset: the place to open the text for an
# assessment whose own source is the city's reception rules.
RECEPTION_SENTENCE = (
    "Även ansökningar om representationsmottagningar i Stadshuset för internationella "
    "kongresser behandlas i beredningen."
)
_NUMBERED = re.compile(r"^(\d(?:\.\d)?)\.? \S")
# Headings without a number (inside section 5), as the shipped text has them on their own lines.
_NAMED_HEADINGS = frozenset(
    {
        "Kommunstyrelsen",
        "Kommunfullmäktige",
        "Internationella beredningen (IB)",
        "Nämnder och bolagsstyrelser",
        "Stadsledningskontoret",
        "Internationell kontaktperson",
        "Stockholmsregionens Europaförening (SEF)",
    }
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str  # one line: the shipped lines joined with spaces
    section: str  # "1" … "5", "3.3"
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Passage:
    """Where a sentence stands: the paragraph's index and the span inside its text."""

    paragraph: int
    start: int
    end: int


@cache
def paragraphs() -> tuple[Paragraph, ...]:
    """The strategy's paragraphs in order (blank lines part them in the shipped text)."""
    found: list[Paragraph] = []
    section = ""
    for block in re.split(r"\n\s*\n", strategy_text()):
        text = " ".join(block.split())
        if not text:
            continue
        numbered = _NUMBERED.match(text)
        heading = (bool(numbered) and len(text) < 80) or text in _NAMED_HEADINGS
        if numbered and heading:
            section = numbered.group(1)
        found.append(Paragraph(text, section, heading))
    return tuple(found)


def find_passage(sentence: str) -> Passage | None:
    """The first place the sentence stands in the text, or None."""
    wanted = " ".join(sentence.split())
    for index, paragraph in enumerate(paragraphs()):
        start = paragraph.text.find(wanted)
        if start >= 0:
            return Passage(index, start, start + len(wanted))
    return None
