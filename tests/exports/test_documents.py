"""The agenda, the minutes and the notes: golden files, Markdown structure, confidentiality."""

from __future__ import annotations

from dataclasses import replace

import pytest
from markdown_it import MarkdownIt

from ib_tui.domain.meeting import AgendaEntry, Meeting, MeetingRecord, Outcome, RemarkKind
from ib_tui.domain.model import Verdict
from ib_tui.exports import agenda_markdown, minutes_markdown, notes_markdown
from tests.exports.fixtures import SECRET, build_record
from tests.exports.golden import check_golden

RENDERERS = {"agenda": agenda_markdown, "minutes": minutes_markdown, "notes": notes_markdown}
MD = MarkdownIt("commonmark").enable("table")


def tokens(text: str):
    return MD.parse(text)


def headings(text: str) -> list[tuple[str, str]]:
    """(tag, text) for each heading."""
    found, stream = [], tokens(text)
    for index, token in enumerate(stream):
        if token.type == "heading_open":
            found.append((token.tag, stream[index + 1].content))
    return found


@pytest.mark.parametrize("name", RENDERERS)
def test_golden(name):
    check_golden(f"{name}.md", RENDERERS[name](build_record()))


@pytest.mark.parametrize("name", RENDERERS)
def test_golden_with_confidential(name):
    check_golden(f"{name}-sekretess.md", RENDERERS[name](build_record(), include_confidential=True))


@pytest.mark.parametrize("name", RENDERERS)
def test_deterministic_and_ends_with_one_newline(name):
    first, second = (RENDERERS[name](build_record()) for _ in range(2))
    assert first == second
    assert first.endswith("\n") and not first.endswith("\n\n")


def test_agenda_structure():
    record = build_record()
    text = agenda_markdown(record, include_confidential=True)
    assert headings(text) == [("h1", "Föredragningslista – Internationella beredningen")]
    stream = tokens(text)
    top = [t for t in stream if t.type == "list_item_open" and t.level == 1]
    assert len(top) == len(record.entries)
    assert stream[0].type == "heading_open"
    ordered = [t for t in stream if t.type == "ordered_list_open"]
    assert len(ordered) == 1  # one list: no entry broke it into two
    assert "onsdagen den 11 februari 2026, kl. 13.00" in text
    assert "Sammanlagd kostnad för ärendena: 634\u00a0200\u00a0kr" in text
    assert "Motion om vänortsavtal med Taipei" in text
    assert "✖ Konflikt: Vänorter" in text
    assert "(bordlagt den 14 januari 2026)" in text
    assert "Obs! Evenemanget börjar före sammanträdet (den 9 februari 2026)" in text
    assert "Strategins principer: inga principer berörs" in text
    assert sum(t.type == "table_open" for t in stream) == 1


def test_minutes_structure():
    record = build_record()
    text = minutes_markdown(record, include_confidential=True)
    found = headings(text)
    assert found[0] == ("h1", "Protokoll – Internationella beredningen")
    sections = [content for tag, content in found if content.startswith("§")]
    assert len(sections) == len(record.entries)
    assert [s.split()[1] for s in sections] == [str(n) for n in range(12, 12 + len(record.entries))]
    assert {tag for tag, content in found[1:]} == {"h2"}
    assert [c for _, c in found if not c.startswith("§")][1:] == [
        "Närvarande", "Justerare", "Underskrifter",
    ]  # fmt: skip
    assert "| Anna Lindqvist (KS ordförande) | ordförande |" in text
    assert "Frånvarande: Johan Berg (KS 1:e vice ordförande)" in text
    assert "Deltar inte: Erik Holm (jäv)" in text
    assert (
        "Beredningen återremitterar ärendet till stadsledningskontoret för vidare beredning. "
        "Skäl: kostnadsberäkning för mottagningen och förslag till program saknas." in text
    )
    assert "- Sara Nyberg: Till förmån för eget förslag" in text
    # An opening or closing entry without a decision is minuted by its heading alone; an item
    # without one says so.
    assert "## § 23 Övriga frågor\n\n**Ärendet i korthet**" in text
    undecided = replace(record.entries[4], decision=None)
    assert undecided.item is not None
    alone = minutes_markdown(replace(record, entries=(undecided,)))
    assert "**Beslut**\n\nInget beslut har registrerats." in alone
    assert "Lena Ek, sekreterare" in text and "Anna Lindqvist, ordförande" in text
    assert "Erik Holm, justerare" in text
    assert "Justeringen har tillkännagivits genom anslag den" in text
    # The signature lines are underscores, not thematic breaks.
    assert not any(t.type == "hr" for t in tokens(text))


def test_minutes_decision_clauses_on_separate_lines():
    text = minutes_markdown(build_record())
    assert (
        "Beredningen tillstyrker\\\n"
        "att KS ordförande deltar i Eurocities årsmöte 2026 i Lyon\\\n"
        "att kostnaderna belastar" in text
    )


def test_minutes_paragraph_falls_back_to_the_running_index():
    record = build_record()
    record = replace(record, entries=tuple(replace(e, paragraph=None) for e in record.entries))
    sections = [c for _, c in headings(minutes_markdown(record)) if c.startswith("§")]
    # The confidential entry (the 10th) keeps its number out of the public version too.
    assert [int(s.split()[1]) for s in sections] == [n for n in range(1, 14) if n != 10]


def test_minutes_without_secretary_chair_or_justerare_leave_lines_to_fill_in():
    record = MeetingRecord(Meeting(build_record().meeting.day), (AgendaEntry("Öppnande"),))
    text = minutes_markdown(record)
    assert "Ingen närvaro har förts." in text and "Ingen justerare vald." in text
    assert "\\\nsekreterare" in text and "\\\nordförande" in text and "\\\njusterare" in text


def test_notes_structure():
    record = build_record()
    text = notes_markdown(record)
    found = headings(text)
    public_items = [e for e in record.items if not e.confidential]
    assert found[0] == ("h1", "Minnesanteckningar – Internationella beredningen")
    assert len(found) == 1 + 1 + len(public_items) + 1  # title, present, items, delegation
    assert "Ställningstagande: avstyrks" in text
    assert "Beredningen avstyrker ansökan." in text
    assert "beslutar" not in text
    assert "Beredningen diskuterade om ett tidsbegränsat samarbetsavtal" in text


@pytest.mark.parametrize("name", RENDERERS)
def test_confidential_left_out_unless_asked_for(name):
    render = RENDERERS[name]
    public = render(build_record())
    assert SECRET.title not in public and SECRET.dnr not in public
    assert "(sekretess)" not in public
    full = render(build_record(), include_confidential=True)
    assert f"{SECRET.title} (sekretess)" in full


def test_agenda_total_leaves_confidential_costs_out():
    assert "Sammanlagd kostnad för ärendena: 603\u00a0200\u00a0kr" in agenda_markdown(
        build_record()
    )


def test_long_summary_is_shortened_at_a_sentence():
    text = minutes_markdown(build_record())
    assert "med tydliga mål.\n" in text
    assert "Utrikesdepartementets riktlinjer" not in text


def test_a_line_break_inside_a_clause_keeps_the_clause_on_one_line():
    record = build_record()
    entry = record.entries[2]
    entry = replace(entry, decision=replace(entry.decision, clauses=("godkänna\nresan", "b")))
    text = minutes_markdown(replace(record, entries=(entry,)))
    assert "tillstyrker\\\natt godkänna resan\\\natt b\n" in text


def test_the_fixture_has_one_decision_of_each_outcome():
    record = build_record()
    assert {e.decision.outcome for e in record.entries if e.decision} == set(Outcome)
    assert any(e.confidential for e in record.entries)
    assert any(e.tabled_from for e in record.entries)
    assert any(e.absences for e in record.entries) and record.delegation_decisions
    assert {r.kind for e in record.entries for r in e.remarks} == set(RemarkKind)
    taipei = next(e for e in record.entries if e.heading == "Motion om vänortsavtal med Taipei")
    assert any(p.verdict is Verdict.CONFLICT for p in taipei.principles)
