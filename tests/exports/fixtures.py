"""A realistic meeting record built from domain objects: the second meeting of 2026, with a
tabled item, the Taipei twin-city motion (a conflict), a confidential item, a delegation decision,
a reservation, a jäv, and one decision of each outcome."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from ib_tui.domain.meeting import (
    Absence,
    AbsenceReason,
    AgendaEntry,
    Attendee,
    Decision,
    DelegationDecision,
    EntryKind,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    Member,
    MemberRole,
    Motion,
    Outcome,
    PrincipleNote,
    Remark,
    RemarkKind,
    Voting,
)
from ib_tui.domain.model import Agreement, AgreementType, Costs, Forum, Item, Kind, Verdict
from ib_tui.domain.organ import Organ, OrganKind

DAY = date(2026, 2, 11)
STAMP = datetime(2026, 2, 1, 9, 30)

CHAIR = Member("KS ordförande", MemberRole.CHAIR, "Anna Lindqvist", 1)
KF_CHAIR = Member("KF ordförande", MemberRole.MEMBER, "Erik Holm", 2)
KF_VICE = Member("KF 1:e vice ordförande", MemberRole.MEMBER, "Sara Nyberg", 3)
KS_VICE = Member("KS 1:e vice ordförande", MemberRole.MEMBER, "Johan Berg", 4)
SECRETARY = Member("Sekreterare", MemberRole.SECRETARY, "Lena Ek", 5)
STRATEGIST = Member("Internationell strateg", MemberRole.OFFICIAL, "Maria Sund", 6)


def decision(outcome: Outcome, *clauses: str, reason: str | None = None) -> Decision:
    return Decision(outcome, clauses, reason, datetime.combine(DAY, time(14, 5)))


def standard(heading: str, clause: str = "", kind: EntryKind = EntryKind.OPENING) -> AgendaEntry:
    """A standard entry: agreed with its clause, or (without one) minuted by its heading."""
    agreed = decision(Outcome.AGREED, clause) if clause else None
    return AgendaEntry(heading, kind, proposal=(clause,) if clause else (), decision=agreed)


EUROCITIES = Item(
    Kind.CONFERENCE, "Deltagande i Eurocities årsmöte 2026 i Lyon", dnr="KS 2025/1432",
    starts=date(2026, 6, 3), ends=date(2026, 6, 5), city="Lyon", country="Frankrike",
    summary="Eurocities årsmöte samlar Europas storstäder. Stockholm är medlem sedan 1991 och "
    "har plats i styrelsen. Mötet 2026 handlar om bostadsförsörjning och klimatanpassning.",
    costs=Costs(travel=9_800, accommodation=7_200, fees=4_500), id=101,
)  # fmt: skip
TAIPEI = Item(
    Kind.COOPERATION, "Motion om vänortsavtal med Taipei", dnr="KS 2025/1610",
    requested_by="Kommunfullmäktige (motion av Per Strand)", city="Taipei", country="Taiwan",
    summary="Motionären föreslår att Stockholm ingår ett vänortsavtal med Taipei för att stärka "
    "utbytet inom innovation, kultur och utbildning. Staden ingår enligt strategin inte nya "
    "vänortsavtal; samarbete sker i stället genom tidsbegränsade samarbetsavtal med tydliga mål. "
    "Ett avtal med Taipei berör dessutom utrikespolitiska frågor som ligger hos regeringen, och "
    "Sveriges hållning till Taiwan gör att en prövning mot Utrikesdepartementets riktlinjer krävs "
    "innan staden kan ta ställning till någon form av formaliserat samarbete.",
    agreement=Agreement(AgreementType.TWIN_CITY, partner="Taipei"), foreign_policy=True,
    political_level=True, id=102,
)  # fmt: skip
HELSINKI = Item(
    Kind.VISIT, "Delegationsbesök från Helsingfors stad", dnr="KS 2026/88",
    starts=date(2026, 3, 18), summary="Helsingfors stadsstyrelse vill besöka Stockholm för att "
    "studera stadens arbete med hemlöshet.", guests=14, costs=Costs(meals=11_200, transport=3_500),
    id=103,
)  # fmt: skip
ICLEI = Item(
    Kind.REPRESENTATION, "Representationsmottagning för ICLEI:s världskongress", dnr="KS 2026/12",
    starts=date(2026, 2, 9), ends=date(2026, 2, 12), summary="Mottagning i Stadshuset för 900 "
    "deltagare, de flesta från utlandet.", guests=900, costs=Costs(meals=540_000, other=25_000),
    id=104,
)  # fmt: skip
KYIV = Item(
    Kind.COOPERATION, "Samarbetsavtal med Kyiv om stadsutveckling", dnr="KS 2026/40",
    summary="Ett treårigt samarbetsavtal om återuppbyggnad och stadsplanering.",
    agreement=Agreement(AgreementType.COOPERATION, partner="Kyiv", theme="stadsutveckling"),
    id=105,
)  # fmt: skip
MAYORS = Item(
    Kind.MEMBERSHIP, "Medlemskap i Mayors for Peace", dnr="KS 2026/51",
    summary="Förslag om att staden ska gå med i nätverket.", costs=Costs(fees=2_000), id=106,
)  # fmt: skip
DECLARATION = Item(
    Kind.DECLARATION, "Deklaration om klimatneutrala städer 2030", dnr="KS 2026/63",
    summary="En inbjudan att underteckna en deklaration; staden har redan antagit egna mål.",
    id=107,
)  # fmt: skip
SECRET = Item(
    Kind.CONFERENCE, "Säkerhetssamråd inför resa till Almaty", dnr="KS 2026/70",
    summary="Hemlig säkerhetsbedömning.", costs=Costs(travel=31_000), confidential=True,
    confidential_ground="18 kap. 8 § OSL", id=108,
)  # fmt: skip

NO_PRINCIPLES: tuple[PrincipleNote, ...] = ()


def build_record() -> MeetingRecord:
    entries = [
        standard("Sammanträdets öppnande"),
        standard("Godkännande av föredragningslistan", "godkänna föredragningslistan"),
        AgendaEntry(
            EUROCITIES.title, item=EUROCITIES, presenter="Maria Sund",
            proposal=(
                "KS ordförande deltar i Eurocities årsmöte 2026 i Lyon",
                "kostnaderna belastar kommunstyrelsens budget för internationellt arbete",
            ),
            tabled_from=date(2026, 1, 14),
            decision=decision(
                Outcome.ENDORSED,
                "KS ordförande deltar i Eurocities årsmöte 2026 i Lyon",
                "kostnaderna belastar kommunstyrelsens budget för internationellt arbete",
            ),
            principles=(
                PrincipleNote(Verdict.OK, "Befintliga forum"),
                PrincipleNote(Verdict.OK, "Måttfullhet"),
            ),
            forum=Forum.IB,
        ),
        AgendaEntry(
            TAIPEI.title, item=TAIPEI, presenter="Maria Sund",
            proposal=(),
            discussion="Beredningen diskuterade om ett tidsbegränsat samarbetsavtal vore ett "
            "alternativ.\nOrdföranden konstaterade att frågan får prövas i ett eget ärende.",
            decision=decision(Outcome.OPPOSED),
            remarks=(
                Remark("Sara Nyberg", RemarkKind.RESERVATION, "Till förmån för eget förslag om "
                       "att tillstyrka motionen."),
                Remark("Erik Holm", RemarkKind.NOTE, "Kulturutbyte med Taipei bör prövas."),
            ),
            principles=(
                PrincipleNote(Verdict.CONFLICT, "Vänorter"),
                PrincipleNote(Verdict.WARNING, "Utrikespolitik"),
            ),
            forum=Forum.KF,
        ),
        AgendaEntry(
            HELSINKI.title, item=HELSINKI, presenter="Maria Sund",
            proposal=("staden tar emot delegationen från Helsingfors",),
            decision=decision(
                Outcome.REFERRED_BACK,
                reason="kostnadsberäkning för mottagningen och förslag till program saknas",
            ),
            principles=(PrincipleNote(Verdict.WARNING, "Besök"),),
            forum=Forum.IB,
        ),
        AgendaEntry(
            ICLEI.title, item=ICLEI, presenter="Maria Sund",
            proposal=("representationsmottagningen hålls i Stadshuset",),
            decision=decision(Outcome.TABLED),
            principles=NO_PRINCIPLES,
            forum=Forum.IB,
        ),
        AgendaEntry(
            KYIV.title, item=KYIV, presenter="Maria Sund",
            proposal=("staden ingår samarbetsavtalet",),
            decision=decision(Outcome.RAISED_TO_KS),
            absences=(Absence("Erik Holm", AbsenceReason.CONFLICT_OF_INTEREST),),
            principles=(PrincipleNote(Verdict.OK, "Samarbetsavtal"),),
            forum=Forum.KS,
        ),
        AgendaEntry(
            MAYORS.title, item=MAYORS,
            proposal=("staden blir medlem",),
            decision=decision(Outcome.RAISED_TO_KS),
            principles=(PrincipleNote(Verdict.WARNING, "Medlemskap"),),
            forum=Forum.KF,
        ),
        AgendaEntry(
            DECLARATION.title, item=DECLARATION,
            decision=decision(Outcome.NOTED),
        ),
        AgendaEntry(
            SECRET.title, item=SECRET, presenter="Maria Sund",
            proposal=("resan genomförs",),
            decision=decision(Outcome.ENDORSED, "resan genomförs"),
            forum=Forum.IB,
        ),
        AgendaEntry(
            "Delegationsbeslut för kännedom", EntryKind.DELEGATION,
            decision=decision(Outcome.NOTED),
        ),
        AgendaEntry("Övriga frågor", EntryKind.CLOSING, discussion="Inga övriga frågor anmäldes."),
        standard("Sammanträdets avslutande", kind=EntryKind.CLOSING),
    ]  # fmt: skip
    # The § numbers run through the year: the first meeting of 2026 used §§ 1-11.
    entries = [
        replace(entry, paragraph=12 + index, position=index, id=500 + index)
        for index, entry in enumerate(entries)
    ]
    return MeetingRecord(
        meeting=Meeting(
            DAY,
            time(13, 0),
            "Stadshuset, Rosenbad-salen",
            MeetingStatus.HELD,
            justerare="Erik Holm",
            id=2,
        ),
        entries=tuple(entries),
        attendees=(
            Attendee(KF_CHAIR),
            Attendee(CHAIR),
            Attendee(KF_VICE),
            Attendee(KS_VICE, False),
            Attendee(SECRETARY),
            Attendee(STRATEGIST),
        ),
        delegation_decisions=(
            DelegationDecision(
                109,
                date(2026, 1, 22),
                "Anna Lindqvist (finansborgarråd)",
                "godkänt deltagande i C40:s regionala möte i Köpenhamn",
                "KS 2026/21",
                "Deltagande i C40:s regionala möte i Köpenhamn",
                DAY,
                900,
            ),
        ),
    )


def meetings() -> list[Meeting]:
    """A spring's meetings for the calendar: one in winter time, one in summer time."""
    return [
        Meeting(date(2026, 1, 14), place="Stadshuset"),
        Meeting(DAY, place="Stadshuset, Rosenbad-salen"),
        Meeting(date(2026, 6, 17), time(9, 30), "Digitalt möte; länk skickas"),
    ]


def build_deciding_record() -> MeetingRecord:
    """The same register serving a deciding organ (Kulturnämnden): a protokoll with a yrkande,
    propositionsordning, an omröstning and a reservation, justerad and posted."""
    organ = Organ("Kulturnämnden", OrganKind.DECIDING)
    substitute = Member("Ersättare", MemberRole.SUBSTITUTE, "Olof Ek", 7)
    grant = AgendaEntry(
        EUROCITIES.title, item=EUROCITIES, presenter="Maria Sund",
        proposal=("bevilja deltagande för KS ordförande",),
        motions=(
            Motion("Anna Lindqvist", "bifall till förvaltningens förslag"),
            Motion("Sara Nyberg", "avslag på ansökan"),
        ),
        propositions="Ordföranden ställer förvaltningens förslag mot Sara Nybergs avslagsyrkande "
        "och finner att nämnden bifaller förvaltningens förslag. Votering begärs.",
        voting=Voting(
            "Ja för bifall till förvaltningens förslag, nej för avslag.",
            yes=("Anna Lindqvist", "Erik Holm"), no=("Sara Nyberg",),
            result="Med 2 ja-röster mot 1 nej-röst beslutar nämnden enligt förvaltningens förslag.",
        ),
        decision=decision(Outcome.ENDORSED, "bevilja deltagande för KS ordförande"),
        remarks=(
            Remark("Sara Nyberg", RemarkKind.RESERVATION, "Till förmån för eget yrkande."),
            Remark("Lena Ek", RemarkKind.RESERVATION, "En sekreterare kan inte reservera sig."),
            Remark("Johan Berg", RemarkKind.RESERVATION, "Frånvarande kan inte reservera sig."),
        ),
        dispatch=("Stadsledningskontoret", "Ekonomiavdelningen"),
        forum=Forum.IB,
    )  # fmt: skip
    entries = [
        AgendaEntry("Sammanträdets öppnande", EntryKind.OPENING),
        standard("Val av justerare", "utse Erik Holm att jämte ordföranden justera protokollet"),
        grant,
        replace(
            build_record().entries[3],
            remarks=(Remark("Erik Holm", RemarkKind.RESERVATION, "Jävig: ingen reservation."),),
            absences=(Absence("Erik Holm", AbsenceReason.CONFLICT_OF_INTEREST),),
        ),
        AgendaEntry("Anmälan av delegationsbeslut", EntryKind.DELEGATION,
                    decision=decision(Outcome.NOTED)),
        AgendaEntry("Sammanträdets avslutande", EntryKind.CLOSING),
    ]  # fmt: skip
    entries = [
        replace(entry, paragraph=30 + index, position=index, id=700 + index)
        for index, entry in enumerate(entries)
    ]
    base = build_record()
    return replace(
        base,
        organ=organ,
        meeting=replace(
            base.meeting,
            status=MeetingStatus.ADJUSTED,
            adjusted_on=date(2026, 2, 18),
            posted_on=date(2026, 2, 19),
        ),
        entries=tuple(entries),
        attendees=(*base.attendees, Attendee(substitute)),
    )
