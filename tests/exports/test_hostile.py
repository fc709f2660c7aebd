"""Hostile text in every user field renders as that text and never changes the structure."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ib_tui.domain.meeting import Attendee, MeetingRecord, Remark
from ib_tui.exports import agenda_markdown, minutes_markdown, notes_markdown
from ib_tui.exports.escape import cell, inline
from tests.exports.fixtures import build_record

MD = MarkdownIt("commonmark").enable("table")
RENDERERS = [agenda_markdown, minutes_markdown, notes_markdown]

HOSTILE = (
    "# Rubrik | kolumn * stjärna <script>alert(1)</script> [x](javascript:alert(1)) "
    "_under_ `kod` ~~stryk~~ &amp; a\\|b \\"
)
LINE_START = ["1. inte en lista", "- inte en punkt", "> inget citat", "=====", "---", "    kod"]
BREAK = "rad ett\nrad två\r\n## rad tre"
LITERALS = ["<script>alert(1)</script>", "[x](javascript:alert(1))", "# Rubrik", "a\\|b", "&amp;"]
# Structure tokens whose count must not change when the text turns hostile. (Paragraphs may: a
# discussion's blank line is a paragraph break, on purpose.)
COUNTED = (
    "heading_open", "list_item_open", "table_open", "tr_open", "strong_open", "em_open",
    "blockquote_open", "code_block", "fence", "hr", "bullet_list_open",
    "ordered_list_open", "s_open",
)  # fmt: skip


def hostile(text: str, n: int = 0) -> str:
    return f"{text} {LINE_START[n % len(LINE_START)]}"


def hostile_record(text: str = HOSTILE) -> MeetingRecord:
    record = build_record()
    # The remarks name the (hostile) members, so a protokoll keeps their reservations.
    keys = {a.member.key: f"{text}\n{n}" for n, a in enumerate(record.attendees)}
    entries = []
    for n, entry in enumerate(record.entries):
        item = entry.item and replace(
            entry.item, title=hostile(text, n), summary=f"{LINE_START[n % 6]}\n{text}\n{BREAK}",
            dnr=f"KS | {n} *",
        )  # fmt: skip
        entries.append(
            replace(
                entry, heading=LINE_START[n % 6] + "\n" + text, item=item,
                presenter=entry.presenter and text, proposal=tuple(text for _ in entry.proposal),
                discussion=entry.discussion and f"{BREAK}\n{text}\n\n{LINE_START[n % 6]}",
                decision=entry.decision and replace(
                    entry.decision, clauses=(text, BREAK), reason=text
                ),
                remarks=tuple(
                    Remark(keys.get(r.member, text), r.kind, f"{BREAK} {text}")
                    for r in entry.remarks
                ),
                principles=tuple(replace(p, title=text) for p in entry.principles),
            )
        )  # fmt: skip
    attendees = tuple(
        Attendee(replace(a.member, name=f"{text}\n{n}", title=BREAK), a.present)
        for n, a in enumerate(record.attendees)
    )
    meeting = replace(record.meeting, place=f"{text}\n{BREAK}", justerare=text)
    delegation = tuple(
        replace(d, delegate=text, decision=BREAK, dnr=text, title=text)
        for d in record.delegation_decisions
    )
    return replace(
        record, meeting=meeting, entries=tuple(entries), attendees=attendees,
        delegation_decisions=delegation,
    )  # fmt: skip


def all_tokens(text: str):
    for token in MD.parse(text):
        yield token
        yield from token.children or ()


def counts(text: str) -> dict[str, int]:
    found = {name: 0 for name in COUNTED}
    for token in all_tokens(text):
        if token.type in found:
            found[token.type] += 1
    return found


def rendered_text(text: str) -> str:
    parts = []
    for token in all_tokens(text):
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak", "inline"):
            parts.append("\n")
    return "".join(parts)


def table_shapes(text: str) -> list[list[int]]:
    """For each table, the number of cells in each row."""
    shapes, current, cells = [], None, 0
    for token in MD.parse(text):
        if token.type == "table_open":
            current = []
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            current.append(cells)
            cells = 0
        elif token.type == "table_close":
            shapes.append(current)
    return shapes


@pytest.mark.parametrize("render", RENDERERS)
@pytest.mark.parametrize("confidential", [False, True])
def test_hostile_text_keeps_the_structure(render, confidential):
    plain = render(build_record(), include_confidential=confidential)
    text = render(hostile_record(), include_confidential=confidential)
    kinds = {token.type for token in all_tokens(text)}
    assert not kinds & {"html_inline", "html_block", "link_open", "image"}
    assert counts(text) == counts(plain)
    assert table_shapes(text) == table_shapes(plain)
    for shape in table_shapes(text):
        assert len(set(shape)) == 1
    html = MD.render(text)  # the commonmark preset passes raw HTML through: none may be there
    assert "<script" not in html and "<a " not in html and "href=" not in html
    shown = rendered_text(text)
    for literal in LITERALS:
        assert literal in shown
    for line_start in LINE_START[:4]:
        assert line_start in shown


def test_a_title_with_a_line_break_stays_one_heading():
    record = build_record()
    entry = replace(record.entries[4], heading="Motion\n# om Taipei\n===")
    text = minutes_markdown(replace(record, entries=(entry,)))
    sections = [t for t in MD.parse(text) if t.type == "heading_open" and t.tag == "h2"]
    # Beslutande, Övriga närvarande, Justering, the §, Underskrifter, Bevis om anslag
    assert len(sections) == 6
    assert "## § 16 Motion \\# om Taipei ===\n" in text


def test_cell_and_inline():
    assert cell("") == "–" and cell(None) == "–"
    assert cell("a|b\nc") == "a\\|b c"
    assert inline("1. a") == "1\\. a" and inline("- a") == "\\- a" and inline("===") == "\\==="
    assert inline("\x1b[2J") == "␛\\[2J"


# Printable text with the Markdown punctuation over-represented.
TEXT = st.lists(
    st.sampled_from([*"#|*_`[]()<>!&\\~-+=.:;/ 1aZåö\n\r\t\x1b", "javascript:", "&amp;"]),
    min_size=1,
    max_size=30,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(title=TEXT, name=TEXT, clause=TEXT)
def test_any_text_keeps_the_structure(title, name, clause):
    record = build_record()
    # Each member keeps a name of their own, and the remarks follow it (a protokoll shows only
    # reservations of members who took part).
    keys = {a.member.key: f"{name} {n}" for n, a in enumerate(record.attendees)}
    entries = tuple(
        replace(
            e, heading=title, item=e.item and replace(e.item, title=title, summary=clause),
            decision=e.decision and replace(e.decision, clauses=(clause,)),
            remarks=tuple(replace(r, member=keys.get(r.member, r.member)) for r in e.remarks),
            absences=tuple(replace(a, member=keys.get(a.member, a.member)) for a in e.absences),
        )
        for e in record.entries
    )  # fmt: skip
    attendees = tuple(
        replace(a, member=replace(a.member, name=keys[a.member.key])) for a in record.attendees
    )
    hostile_one = replace(record, entries=entries, attendees=attendees)
    for render in RENDERERS:
        plain, text = render(record), render(hostile_one)
        kinds = {token.type for token in all_tokens(text)}
        assert not kinds & {"html_inline", "html_block", "link_open", "image"}
        assert counts(text) == counts(plain)
        assert table_shapes(text) == table_shapes(plain)
