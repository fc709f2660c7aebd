"""The föredragningslista, the minnesanteckningar (IB's record) and a deciding organ's protokoll:
golden files, Markdown structure, sekretess, and what each document must say."""

from __future__ import annotations

from dataclasses import replace

import pytest
from markdown_it import MarkdownIt

from ib_tui.domain.meeting import AgendaEntry, Meeting, MeetingRecord, Outcome, RemarkKind
from ib_tui.domain.model import Verdict
from ib_tui.exports import agenda_markdown, minutes_markdown, notes_markdown
from tests.exports.fixtures import SECRET, build_deciding_record, build_record
from tests.exports.golden import check_golden

RENDERERS = {"agenda": agenda_markdown, "notes": notes_markdown}
MD = MarkdownIt("commonmark").enable("table")
PLACEHOLDER = "Ärende som omfattas av sekretess enligt 18 kap. 8 § OSL"


def tokens(text: str):
    return MD.parse(text)


def headings(text: str) -> list[tuple[str, str]]:
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


def test_golden_protokoll_of_a_deciding_organ_with_a_vote_and_a_reservation():
    check_golden("minutes-deciding.md", minutes_markdown(build_deciding_record()))


@pytest.mark.parametrize("name", RENDERERS)
def test_deterministic_and_ends_with_one_newline(name):
    first, second = (RENDERERS[name](build_record()) for _ in range(2))
    assert first == second
    assert first.endswith("\n") and not first.endswith("\n\n")


def test_agenda_numbers_every_entry_as_on_screen_with_its_facts():
    record = build_record()
    text = agenda_markdown(record)
    assert headings(text) == [("h1", "Föredragningslista – Internationella beredningen")]
    stream = tokens(text)
    top = [t for t in stream if t.type == "list_item_open" and t.level == 1]
    assert len(top) == len(record.entries)  # the confidential one keeps its number
    assert sum(t.type == "ordered_list_open" for t in stream) == 1
    assert "onsdagen den 11 februari 2026, kl. 13.00" in text
    assert "Begärt av: Kommunfullmäktige (motion av Per Strand)" in text
    assert "Tid och plats: 3–5 juni 2026, Lyon, Frankrike" in text
    assert "Kostnad: 21\u00a0500\u00a0kr (resor 9\u00a0800\u00a0kr" in text
    assert "Förslag till ställningstagande:" in text and "beslutar" not in text
    assert "Beredningen tillstyrker\\\n   att KS ordförande deltar" in text
    assert "Beredningen enas om att godkänna föredragningslistan." in text
    assert "… (förkortad; hela texten finns i ärendet)" in text  # never cut without a marker
    assert f"10. **{PLACEHOLDER}**" in text
    assert "Sammanlagd kostnad för ärendena: 603\u00a0200\u00a0kr (ärenden som omfattas av " in text
    assert "(bordlagt den 14 januari 2026)" in text
    assert "✖ Konflikt: Vänorter" in text


def test_notes_hold_everything_ib_publishes():
    record = build_record()
    text = notes_markdown(record)
    found = headings(text)
    assert found[0] == ("h1", "Minnesanteckningar – Internationella beredningen")
    sections = [c for _, c in found if c.startswith("§")]
    assert len(sections) == len(record.entries)
    assert f"§ 21 {PLACEHOLDER}" in sections
    assert "**Ledamöter**" in text and "**Tjänstepersoner**" in text
    assert "Sekreterare: Lena Ek" in text  # the secretary apart
    assert "Frånvarande: Johan Berg (KS 1:e vice ordförande)" in text
    assert "Erik Holm anmäler jäv och deltar inte i handläggningen." in text
    assert "Beredningen avstyrker ansökan." in text
    assert text.count("kostnadsberäkning för mottagningen") == 1  # the reason once
    assert "Protokollsanteckning från Erik Holm: Kulturutbyte med Taipei bör prövas." in text
    assert "Utrikesdepartementets riktlinjer" in text  # the summary in full, never cut
    assert "Sammanlagd kostnad för ärendena: 603\u00a0200\u00a0kr" in text
    assert "Vid anteckningarna" in text and "Godkända av ordföranden den" in text
    # A beredning: no justering, no anslag, no appeal period, nothing "beslutar".
    for word in ("beslutar", "Justera", "justera", "anslag", "överklag"):
        assert word not in text, word
    assert not any(t.type == "hr" for t in tokens(text))


def test_notes_say_when_the_chair_approved_them():
    record = build_record()
    approved = replace(record, meeting=replace(record.meeting, adjusted_on=record.meeting.day))
    assert "Godkända av ordföranden den 11 februari 2026" in notes_markdown(approved)


def test_protokoll_holds_what_kl_5_67_69_asks():
    record = build_deciding_record()
    text = minutes_markdown(record)
    titles = [c for _, c in headings(text)]
    assert titles[:5] == [
        "Protokoll – Kulturnämnden", "Beslutande", "Ersättare", "Övriga närvarande", "Justering",
    ]  # fmt: skip
    assert "Paragrafer: 30–35" in text and "Justeringens plats och tid:" in text
    assert "**Förslag till beslut**" in text and "**Propositionsordning**" in text
    assert "| Summa | 2 | 1 | 0 |" in text
    assert "Kulturnämnden beslutar att bevilja deltagande för KS ordförande." in text
    # Reservations only from serving members who took part.
    assert "- Sara Nyberg: Till förmån för eget yrkande." in text
    for name in ("Lena Ek: En sekreterare", "Johan Berg: Frånvarande", "Erik Holm: Jävig"):
        assert name not in text
    assert "Expedieras till: Stadsledningskontoret, Ekonomiavdelningen" in text
    assert "Datum då anslaget sätts upp: 19 februari 2026" in text
    assert "Datum då anslaget tas ned: 13 mars 2026" in text


def test_protokoll_without_dates_or_people_leaves_lines_to_fill_in():
    record = MeetingRecord(Meeting(build_record().meeting.day), (AgendaEntry("Öppnande"),))
    text = minutes_markdown(replace(record, organ=build_deciding_record().organ))
    assert "Ingen närvaro har förts." in text
    assert "\\\nsekreterare" in text and "\\\nordförande" in text and "\\\njusterare" in text
    assert "Datum då anslaget sätts upp: \\_" in text


@pytest.mark.parametrize("name", RENDERERS)
def test_confidential_shows_only_its_number_and_ground_unless_asked_for(name):
    render = RENDERERS[name]
    public = render(build_record())
    assert SECRET.title not in public and SECRET.dnr not in public
    assert "Hemlig säkerhetsbedömning" not in public and "31\u00a0000" not in public
    assert PLACEHOLDER in public
    full = render(build_record(), include_confidential=True)
    assert f"{SECRET.title} (sekretess)" in full


def test_a_confidential_delegation_decision_is_never_in_a_public_document():
    record = build_record()
    secret = replace(record.delegation_decisions[0], confidential=True)
    record = replace(record, delegation_decisions=(secret,))
    for render in RENDERERS.values():
        text = render(record)
        assert "C40" not in text and "Därtill 1 delegationsbeslut som omfattas av sekretess" in text


def test_a_line_break_inside_a_clause_keeps_the_clause_on_one_line():
    record = build_record()
    entry = record.entries[2]
    entry = replace(entry, decision=replace(entry.decision, clauses=("godkänna\nresan", "b")))
    text = notes_markdown(replace(record, entries=(entry,)))
    assert "tillstyrker\\\natt godkänna resan\\\natt b\n" in text


def test_the_fixture_has_one_position_of_each_kind():
    record = build_record()
    assert {e.decision.outcome for e in record.entries if e.decision} == set(Outcome)
    assert any(e.confidential for e in record.entries)
    assert any(e.tabled_from for e in record.entries)
    assert any(e.absences for e in record.entries) and record.delegation_decisions
    assert {r.kind for e in record.entries for r in e.remarks} == set(RemarkKind)
    taipei = next(e for e in record.entries if e.heading == "Motion om vänortsavtal med Taipei")
    assert any(p.verdict is Verdict.CONFLICT for p in taipei.principles)
