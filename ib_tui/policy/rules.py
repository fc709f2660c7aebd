"""The strategy's principles as rules: `assess(item)` and `route(item)`.

Each rule reads the item's fields (and, for the hint rules, its title and summary) and returns at
most one `Assessment`, or None where the principle does not apply. Reasons are Swedish sentences a
member can read aloud in the meeting; `basis` says in words which settings decided a verdict, so
the threshold is visible, never a hidden constant.

Text hints only ever raise a question: a word in the title or summary can make a verdict a
warning, never OK, because incidental text satisfies it ("redan" anywhere, "Miljöförvaltningen").
An OK rests on the item's own facts (a flag, a date, an agreement, a stated purpose).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ib_tui.domain.dates import format_amount, format_date
from ib_tui.domain.model import (
    ORIENTATIONS,
    AgreementType,
    EventLevel,
    Forum,
    Item,
    Kind,
    MembershipType,
    Reception,
    ReceptionEvent,
    Verdict,
)
from ib_tui.policy.catalogue import STRATEGY, Catalogue, load_catalogue


@dataclass(frozen=True, slots=True)
class Assessment:
    principle: str
    verdict: Verdict
    reason: str
    section: str
    # A sentence of the strategy when `source` is "strategy"; otherwise the named source's
    # criteria in the app's own words (never shown in quotation marks).
    quote: str
    title: str
    footnote: str | None = None
    basis: str | None = None  # the deciding settings, in words
    source: str = STRATEGY
    settings: tuple[str, ...] = ()  # their keys, for `ib-tui settings set`

    @property
    def from_strategy(self) -> bool:
        return self.source == STRATEGY

    def as_json(self) -> dict[str, str]:
        """The shape of `ib-tui check --json` (docs/design.md's command line contract)."""
        return {
            "principle": self.principle,
            "verdict": self.verdict.value,
            "reason": self.reason,
            "section": self.section,
            "quote": self.quote,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class _Finding:
    """What a rule found, before the catalogue adds the quote and section."""

    verdict: Verdict
    reason: str
    settings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Context:
    catalogue: Catalogue
    today: date

    def setting(self, key: str) -> Any:
        return self.catalogue.setting(key)


Rule = Callable[[Item, _Context], _Finding | None]


def assess(
    item: Item, catalogue: Catalogue | None = None, today: date | None = None
) -> list[Assessment]:
    """Every principle that applies to the item, the most serious first, then catalogue order."""
    context = _Context(catalogue or load_catalogue(), today or date.today())
    found = []
    for principle_id, rule in RULES.items():
        try:
            finding = rule(item, context)
        except (ValueError, OverflowError, ArithmeticError) as error:
            # One value that cannot be computed (an agreement signed in year 9999) marks this
            # principle; it never hides the item or the other principles.
            finding = _Finding(
                Verdict.WARNING,
                f"Kunde inte bedömas: ett värde i ärendet går inte att räkna med ({error}). "
                "Kontrollera ärendets datum och belopp.",
            )
        if finding is None:
            continue
        principle = context.catalogue[principle_id]
        quote = principle.quote
        if not principle.from_strategy:  # the criteria carry their thresholds
            quote = quote.format(**principle.settings)
        basis = "; ".join(context.catalogue.describe(key) for key in finding.settings)
        found.append(
            Assessment(
                principle=principle_id,
                verdict=finding.verdict,
                reason=finding.reason,
                section=principle.section,
                quote=quote,
                title=principle.title,
                footnote=principle.footnote,
                basis=basis or None,
                source=principle.source,
                settings=finding.settings,
            )
        )
    return sorted(found, key=lambda assessment: -assessment.verdict.severity)


def worst(assessments: Iterable[Assessment]) -> Verdict | None:
    """The most serious verdict, or None when no principle applies."""
    verdicts = [assessment.verdict for assessment in assessments]
    return max(verdicts, key=lambda verdict: verdict.severity) if verdicts else None


# --- where the item is decided (section 5) ------------------------------------------------------

_SWEDEN = {"sverige", "sweden"}


def is_domestic(item: Item) -> bool:
    """In Sweden and attended in person: not "utomlands" in section 5's sense."""
    return (item.country or "").strip().casefold() in _SWEDEN and not item.digital


def route(item: Item, catalogue: Catalogue | None = None) -> tuple[Forum, str]:
    """Where the item is decided, by the strategy's section 5, and why."""
    match item.kind:
        case Kind.CONFERENCE:
            return _route_conference(item)
        case Kind.DECLARATION:
            return _route_declaration(item, catalogue or load_catalogue())
        case Kind.VISIT if item.political_level or item.city_wide:
            return Forum.KS, (
                "Kommunstyrelsen koordinerar betydande internationella besök: prioriterade "
                "delegationer inom flera verksamhetsområden och besök på hög politisk nivå."
            )
        case Kind.VISIT:
            return Forum.NAMND, (
                "Besöksförfrågningar bedöms och handläggs av den mottagande nämnden eller "
                "bolaget, med den internationella strategin som grund."
            )
        case Kind.REPRESENTATION:
            # Section 5 says IB treats these applications; it does not delegate the decision to
            # finansborgarrådet (the delegation covers conferences and declarations only).
            return Forum.IB, (
                "Ansökningar om representationsmottagningar i Stadshuset för internationella "
                "kongresser behandlas i IB. Strategin delegerar inte det beslutet till "
                "finansborgarrådet; stadsledningskontorets protokollsenhet håller i "
                "mottagningarna."
            )
        case Kind.COOPERATION if item.foreign_policy:
            return Forum.KS, (
                "Samarbetet har utrikespolitisk karaktär (se konflikten): det är aldrig en "
                "nämnds eller delegationens sak. Kommunstyrelsen beslutar om stadens "
                "uppfattning i stadsövergripande internationella frågor."
            )
        case Kind.COOPERATION if _is_city_level(item):
            return Forum.KS, (
                "Kommunstyrelsen beslutar om deltagande i stadsövergripande internationella "
                "nätverk och samarbetsinitiativ och om stadens uppfattning i stadsövergripande "
                "internationella frågor."
            )
        case Kind.COOPERATION:
            return Forum.NAMND, (
                "Nämnder och bolagsstyrelser beslutar om verksamhetsspecifika internationella "
                "samarbetsinitiativ och EU-projekt."
            )
        case Kind.MEMBERSHIP:
            return _route_membership(item)
    raise ValueError(f"unknown kind {item.kind!r}")


def _route_conference(item: Item) -> tuple[Forum, str]:
    if item.on_behalf_of_ks is False:
        return Forum.NAMND, (
            "Resan är inte på kommunstyrelsens uppdrag: den är nämndens eller bolagets egen "
            "och beslutas där. Delegationen till finansborgarrådet gäller konferenser på "
            "kommunstyrelsens uppdrag."
        )
    if is_domestic(item):
        return Forum.NAMND, (
            "Konferensen äger rum i Sverige, inte utomlands: den ligger utanför delegationen "
            "till finansborgarrådet och beslutas av den nämnd eller det bolag som deltagarna "
            "kommer från."
        )
    return Forum.IB, (
        "Deltagande i konferenser och evenemang utomlands, fysiskt eller digitalt, på "
        "kommunstyrelsens uppdrag beslutas av finansborgarrådet på delegation efter beredning "
        "i IB."
    )


def _route_declaration(item: Item, catalogue: Catalogue) -> tuple[Forum, str]:
    if item.foreign_policy:
        return Forum.KS, (
            "Deklarationen har utrikespolitisk karaktär (se konflikten): den kan aldrig beslutas "
            "på delegation. Kommunstyrelsen beslutar om stadens uppfattning i "
            "stadsövergripande internationella frågor."
        )
    if item.extra_resources or item.staff_commitment:
        what = (
            f"binder personaltid ({item.staff_commitment})"
            if item.staff_commitment and not item.extra_resources
            else "medför ökad resursbörda"
        )
        return Forum.KS, (
            f"Deklarationen {what} och ligger därför utanför delegationen till "
            "finansborgarrådet: kommunstyrelsen beslutar."
        )
    reason = (
        "Deklarationer och initiativ utan ökad resursbörda beslutas av finansborgarrådet på "
        "delegation efter beredning i IB."
    )
    if hint := find_hint(item.text, catalogue.setting("utrikespolitik.hints")):
        reason += (
            f" Texten nämner {_quoted(hint)}: bekräftas utrikespolitisk karaktär går ärendet "
            "i stället till kommunstyrelsen."
        )
    return Forum.IB, reason


def _route_membership(item: Item) -> tuple[Forum, str]:
    if not item.city_wide:
        return Forum.NAMND, (
            "Nämnder och bolagsstyrelser beslutar om medlemskap i verksamhetsspecifika "
            "internationella organisationer och nätverk."
        )
    membership = item.membership
    if membership is not None and not membership.new:
        return Forum.KS, (
            "Ett fortsatt medlemskap kräver inget nytt beslut i kommunfullmäktige: det ska "
            "omprövas regelbundet. Kommunstyrelsen samordnar stadens internationella arbete och "
            "bereder omprövningen; ett utträde ur en organisation beslutas av kommunfullmäktige."
        )
    if membership is not None and membership.type is MembershipType.NETWORK:
        return Forum.KS, (
            "Kommunstyrelsen beslutar om deltagande i stadsövergripande internationella "
            "nätverk och samarbetsinitiativ."
        )
    return Forum.KF, (
        "Kommunfullmäktige beslutar om nya medlemskap i stadsövergripande internationella "
        "organisationer; kommunstyrelsen bereder ärendet till fullmäktige."
    )


def _is_city_level(item: Item) -> bool:
    """A twin-city agreement or a foreign-policy matter is never one nämnd's own business."""
    twin_city = item.agreement is not None and item.agreement.type is AgreementType.TWIN_CITY
    return item.city_wide or item.foreign_policy or twin_city


def forum_label(forum: Forum, item: Item) -> str:
    """The forum as the panel names it (see `Forum.label_for`)."""
    return forum.label_for(item.kind)


# --- text hints -----------------------------------------------------------------------------


def find_hint(text: str, hints: Sequence[str]) -> str | None:
    """The word of the text that holds the first hint, as written there (lower case).

    Long hints match anywhere (inside compounds: "säkerhetspolit" in "säkerhetspolitiska"),
    short ones only at the start of a word, so "EM i" does not match "problem i"."""
    folded = text.casefold()
    for hint in hints:
        needle = hint.casefold()
        pattern = re.escape(needle) if len(needle) >= 6 else r"(?<!\w)" + re.escape(needle)
        if match := re.search(pattern, folded):
            start, end = match.span()
            while start > 0 and folded[start - 1].isalnum():
                start -= 1
            while end < len(folded) and folded[end].isalnum():
                end += 1
            return folded[start:end]
    return None


def _quoted(word: str) -> str:
    return f"”{word}”"


def _spends(item: Item) -> bool:
    """Money or staff time: what section 5 asks to be planned, budgeted and followed up."""
    return bool(item.costs.total or item.participants or item.staff_commitment)


# --- the rules, one per principle ------------------------------------------------------------


def _utrikespolitik(item: Item, context: _Context) -> _Finding | None:
    if item.foreign_policy:
        return _Finding(
            Verdict.CONFLICT,
            "Ärendet är bedömt att ha utrikes-, säkerhets- eller biståndspolitisk karaktär. "
            "Det är ett nationellt ansvar: staden för ingen egen utrikespolitik.",
        )
    if hint := find_hint(item.text, context.setting("utrikespolitik.hints")):
        return _Finding(
            Verdict.WARNING,
            f"Texten nämner {_quoted(hint)}. Pröva om ärendet har utrikespolitisk karaktär; "
            "i så fall ligger det utanför stadens uppdrag.",
            ("utrikespolitik.hints",),
        )
    return None


def _vanorter(item: Item, context: _Context) -> _Finding | None:
    agreement = item.agreement
    if agreement is not None and agreement.type is AgreementType.TWIN_CITY:
        partner = f" med {agreement.partner}" if agreement.partner else ""
        return _Finding(
            Verdict.CONFLICT,
            f"Vänortsavtal{partner} strider mot principen att staden inte har utpekade vänorter "
            "och inte tecknar vänortsavtal.",
        )
    if hint := find_hint(item.text, context.setting("vanorter.hints")):
        return _Finding(
            Verdict.WARNING,
            f"Texten nämner {_quoted(hint)}. Staden tecknar inte vänortsavtal; ett samarbete "
            "måste vara tematiskt och tidsbegränsat.",
            ("vanorter.hints",),
        )
    if item.kind is Kind.COOPERATION:
        partners = [item.city, agreement.partner if agreement else None]
        capitals = {name.casefold() for name in context.setting("vanorter.nordic_capitals")}
        capital = next((p for p in partners if p and p.casefold() in capitals), None)
        if capital:
            return _Finding(
                Verdict.OK,
                f"Samarbete med {capital}: staden har en särskild gemenskap med de nordiska "
                "huvudstäderna, utan vänortsavtal.",
                ("vanorter.nordic_capitals",),
            )
    return None


def _samarbetsavtal(item: Item, context: _Context) -> _Finding | None:
    agreement = item.agreement
    if agreement is None or agreement.type is not AgreementType.COOPERATION:
        return None
    missing = [
        label
        for label, value in (
            ("motpart", agreement.partner),
            ("tematiskt område", agreement.theme),
            ("slutdatum (förutbestämd tidsperiod)", agreement.ends),
        )
        if not value
    ]
    if missing:
        return _Finding(
            Verdict.WARNING,
            f"Avtalet saknar {_join(missing)}. Ett samarbetsavtal ska avse ett specifikt tema, "
            "ge tydlig ömsesidig nytta och gälla under en förutbestämd tid.",
        )
    return _Finding(
        Verdict.OK,
        f"Avtalet med {agreement.partner} avser temat {_quoted(agreement.theme or '')} "
        f"och gäller till {format_date(agreement.ends)}.",
    )


def _review(signed: date, years: int, today: date) -> tuple[bool, date]:
    """Whether an agreement or membership is due for re-examination, and when it is (was) due.

    Raises ValueError when the date falls outside the calendar (signed 9999, or a review
    interval of thousands of years): `assess` marks the principle instead of failing."""
    from dateutil.relativedelta import relativedelta  # rare, and 5 ms to import at start-up

    try:
        due = signed + relativedelta(years=years)
    except (ValueError, OverflowError):
        raise ValueError(f"{format_date(signed)} + {years} år ligger utanför kalendern") from None
    return due <= today, due


def _intentionsavtal(item: Item, context: _Context) -> _Finding | None:
    agreement = item.agreement
    if agreement is None or agreement.type is not AgreementType.INTENT:
        return None
    if item.kind is Kind.MEMBERSHIP:
        return None  # the membership's own review (medlemskap): one warning, not two
    years = context.setting("intentionsavtal.review_years")
    settings = ("intentionsavtal.review_years",)
    if agreement.signed is None:
        return _Finding(
            Verdict.OK,
            "Intentionsavtal med internationella organisationer och nätverk får tecknas; "
            f"planera omprövning efter {years} år.",
            settings,
        )
    due, when = _review(agreement.signed, years, context.today)
    if due:
        return _Finding(
            Verdict.WARNING,
            f"Avtalet tecknades {format_date(agreement.signed)} och skulle ha omprövats senast "
            f"{format_date(when)}.",
            settings,
        )
    return _Finding(
        Verdict.OK,
        f"Avtalet tecknades {format_date(agreement.signed)}; omprövas senast {format_date(when)}.",
        settings,
    )


def _bistand(item: Item, context: _Context) -> _Finding | None:
    aid = item.aid
    if aid is None:
        if hint := find_hint(item.text, context.setting("bistand.hints")):
            return _Finding(
                Verdict.WARNING,
                f"Texten nämner {_quoted(hint)} men finansieringen är inte angiven. Staden deltar "
                "i projekt av biståndskaraktär bara när hela finansieringen bärs av annan part.",
                ("bistand.hints",),
            )
        return None
    if not aid.fully_funded:
        funder = f" ({aid.funder} betalar en del)" if aid.funder else ""
        return _Finding(
            Verdict.CONFLICT,
            f"Projektet av biståndskaraktär är inte helt finansierat av annan part{funder}; "
            "staden kan då inte engagera sig.",
        )
    if not aid.funder:
        return _Finding(
            Verdict.WARNING,
            "Projektet anges som helt externt finansierat, men finansiären är inte angiven.",
        )
    return _Finding(Verdict.OK, f"Hela finansieringen bärs av {aid.funder}.")


def _inbjudningsbrev(item: Item, context: _Context) -> _Finding | None:
    if item.invitation_letter and item.priority_visit:
        return _Finding(
            Verdict.WARNING,
            "Delegationen ber om ett inbjudningsbrev och besöket är markerat som särskilt "
            "prioriterat: undantag kan göras, men motivera hur besöket har stöd i strategin.",
        )
    if item.invitation_letter:
        return _Finding(
            Verdict.CONFLICT,
            "Delegationen ber om ett inbjudningsbrev. Staden skriver i regel inte sådana, och "
            "besöket är inte markerat som särskilt prioriterat.",
        )
    if hint := find_hint(item.text, context.setting("inbjudningsbrev.hints")):
        return _Finding(
            Verdict.WARNING,
            f"Texten nämner {_quoted(hint)}; markera om delegationen ber om ett "
            "inbjudningsbrev och om besöket är särskilt prioriterat.",
            ("inbjudningsbrev.hints",),
        )
    return None


_HOSPITALITY = (("gifts", "gåvor"), ("meals", "måltider"), ("transport", "transporter"))


def _mattfullhet(item: Item, context: _Context) -> _Finding | None:
    if item.kind not in (Kind.VISIT, Kind.REPRESENTATION):
        return None
    spent = {key: getattr(item.costs, key) for key, _ in _HOSPITALITY}
    if not any(spent.values()):
        return None
    used = tuple(f"mattfullhet.max_{key}_per_guest" for key, _ in _HOSPITALITY if spent[key])
    settings = (*used, "mattfullhet.conflict_factor")
    guests = item.guests or 0
    if guests == 0:
        return _Finding(
            Verdict.WARNING,
            "Det finns kostnader för gåvor, måltider eller transporter men inget antal gäster; "
            "måttfullheten kan inte bedömas per gäst.",
            settings,
        )
    factor = context.setting("mattfullhet.conflict_factor")
    over, far_over, shown = [], [], []
    for key, label in _HOSPITALITY:
        if not spent[key]:
            continue
        limit = context.setting(f"mattfullhet.max_{key}_per_guest")
        text = (
            f"{label} {format_amount(spent[key])} för {guests} gäster = "
            f"{_per_guest(spent[key], guests)} per gäst"
        )
        shown.append(text)
        if spent[key] > limit * factor * guests:
            far_over.append(f"{text} (gräns {format_amount(limit)})")
        elif spent[key] > limit * guests:
            over.append(f"{text} (gräns {format_amount(limit)})")
    if far_over:
        return _Finding(
            Verdict.CONFLICT,
            f"{_sentence(_join(far_over + over))}: mer än {factor} gånger gränsen. Det är inte "
            "måttfull representation.",
            settings,
        )
    if over:
        return _Finding(
            Verdict.WARNING,
            f"{_sentence(_join(over))}: över gränsen. Motivera eller minska.",
            settings,
        )
    return _Finding(Verdict.OK, f"{_sentence(_join(shown))}: inom gränsen.", settings)


def _per_guest(amount: int, guests: int) -> str:
    """900 kr for 3 guests is "300 kr"; 901 kr is "300,33 kr", never rounded onto the limit."""
    if amount % guests == 0:
        return format_amount(amount // guests)
    return f"{amount / guests:,.2f}".replace(",", "\u00a0").replace(".", ",") + "\u00a0kr"


def _besok(item: Item, context: _Context) -> _Finding | None:
    if item.kind not in (Kind.VISIT, Kind.REPRESENTATION):
        return None
    if item.purpose:
        return _Finding(Verdict.OK, f"Syftet anges: {_quoted(_shorten(item.purpose))}.")
    if item.orientation:
        return _Finding(Verdict.OK, f"Besöket anger inriktning: {_join(list(item.orientation))}.")
    if hint := find_hint(item.text, context.setting("besok.purpose_words")):
        return _Finding(
            Verdict.WARNING,
            f"Texten nämner {_quoted(hint)}, men syftet är inte angivet. Ange vilket ömsesidigt "
            "lärande, erfarenhetsutbyte eller vilken verksamhetsutveckling besöket ger, eller hur "
            "det stärker Stockholmsbilden.",
            ("besok.purpose_words",),
        )
    return _Finding(
        Verdict.WARNING,
        "Syftet framgår inte. Besök ska ge ömsesidigt lärande, erfarenhetsutbyte eller "
        "verksamhetsutveckling, eller stärka Stockholmsbilden.",
    )


def _befintliga_forum(item: Item, context: _Context) -> _Finding | None:
    if item.kind not in (Kind.COOPERATION, Kind.MEMBERSHIP):
        return None
    if item.agreement is not None and item.agreement.signed is not None:
        return None  # an existing arrangement, not a new form of cooperation
    if item.kind is Kind.MEMBERSHIP and _existing_membership(item, context.today):
        return None  # its review is medlemskap's: one warning, not two
    if hint := find_hint(item.text, context.setting("befintliga-forum.existing_words")):
        return _Finding(
            Verdict.WARNING,
            f"Texten nämner {_quoted(hint)}. Redovisa i beredningen att samverkan inom forum där "
            "staden redan är etablerad har undersökts.",
            ("befintliga-forum.existing_words",),
        )
    return _Finding(
        Verdict.WARNING,
        "Ny samarbetsform: redovisa att samverkan inom forum där staden redan är etablerad har "
        "undersökts.",
    )


def _existing_membership(item: Item, today: date) -> bool:
    """A continued membership, or (a v1 item) one that began before today."""
    if item.membership is not None:
        return not item.membership.new
    since = _membership_since(item)
    return since is not None and since <= today


def _eu_projekt(item: Item, context: _Context) -> _Finding | None:
    if not item.eu_project:
        return None
    if hint := find_hint(item.text, context.setting("eu-projekt.link_words")):
        return _Finding(
            Verdict.WARNING,
            f"Texten nämner {_quoted(hint)}. Redovisa kopplingen till den planerade "
            "verksamhetsutvecklingen och planen för implementering i ordinarie verksamhet.",
            ("eu-projekt.link_words",),
        )
    return _Finding(
        Verdict.WARNING,
        "Koppling till planerad verksamhetsutveckling och en plan för implementering i "
        "ordinarie verksamhet framgår inte.",
    )


def _resursborda(item: Item, context: _Context) -> _Finding | None:
    if item.kind is not Kind.DECLARATION:
        return None
    if item.foreign_policy:
        return _Finding(
            Verdict.WARNING,
            "Deklarationen har utrikespolitisk karaktär och kan därför inte beslutas på "
            "delegation efter IB, oavsett resursbörda: den ska till kommunstyrelsen.",
        )
    if item.extra_resources:
        return _Finding(
            Verdict.WARNING,
            "Deklarationen medför ökad resursbörda och kan inte beslutas på delegation efter IB; "
            "den ska till kommunstyrelsen.",
        )
    if item.staff_commitment:
        cost = item.costs.total
        money = f"kostnaden {format_amount(cost)}" if cost else "att den inte kostar något"
        return _Finding(
            Verdict.WARNING,
            f"Deklarationen binder personaltid ({item.staff_commitment}). Det är en ökad "
            f"resursbörda trots {money}: den ska till kommunstyrelsen.",
        )
    if total := item.costs.total:
        return _Finding(
            Verdict.WARNING,
            f"Deklarationen är inte markerad som resursbörda men har kostnader på "
            f"{format_amount(total)}; pröva om den medför ökad resursbörda.",
        )
    return _Finding(
        Verdict.OK,
        "Ingen ökad resursbörda: kan beslutas av finansborgarrådet på delegation efter IB.",
    )


def _medlemskap(item: Item, context: _Context) -> _Finding | None:
    if item.kind is not Kind.MEMBERSHIP:
        return None
    years = context.setting("medlemskap.review_years")
    settings = ("medlemskap.review_years",)
    membership = item.membership
    continued = membership is not None and not membership.new
    if not item.city_wide:
        who = "Verksamhetsspecifikt medlemskap beslutas av nämnden eller bolagsstyrelsen."
    elif continued:
        who = "Fortsatt medlemskap: inget nytt beslut i kommunfullmäktige, men en omprövning."
    elif membership is not None and membership.type is MembershipType.NETWORK:
        who = "Deltagande i stadsövergripande nätverk beslutas av kommunstyrelsen."
    else:
        who = "Nytt stadsövergripande medlemskap: kommunfullmäktige beslutar efter beredning i KS."
    since = _membership_since(item)
    if since is not None:
        due, when = _review(since, years, context.today)
        if due:
            return _Finding(
                Verdict.WARNING,
                f"Medlemskapet gäller sedan {format_date(since)} och skulle ha omprövats senast "
                f"{format_date(when)}: pröva relevans och mervärde. {who}",
                settings,
            )
        return _Finding(Verdict.OK, f"{who} Omprövas senast {format_date(when)}.", settings)
    if continued:  # the item is the review itself
        return _Finding(
            Verdict.OK,
            f"{who} Ärendet är omprövningen: pröva relevans och mervärde; nästa omprövning om "
            f"{years} år.",
            settings,
        )
    return _Finding(Verdict.OK, f"{who} Planera omprövning efter {years} år.", settings)


def _membership_since(item: Item) -> date | None:
    return item.agreement.signed if item.agreement and item.agreement.signed else item.starts


def _ekonomisk_ram(item: Item, context: _Context) -> _Finding | None:
    total = item.costs.total
    people = len(item.participants)
    if total == 0:
        if item.kind is Kind.CONFERENCE and not item.digital and people:
            return _Finding(
                Verdict.WARNING,
                "Resan saknar kostnadsuppgifter. Kostnaderna ska redovisas så att det syns hur "
                "skattemedel används.",
            )
        return None
    per_person = f" ({format_amount(round(total / people))} per deltagare)" if people else ""
    cost = f"Kostnaden {format_amount(total)}{per_person}"
    # Whoever asks is not necessarily the budget owner: the item's `budgeted` fact says whether
    # the cost is in a budget, and nothing stands in for it.
    if item.budgeted is True:
        return _Finding(
            Verdict.OK,
            f"{cost} är enligt ärendet budgeterad i verksamhetsplanen och ska följas upp.",
        )
    if item.budgeted is False:
        return _Finding(
            Verdict.WARNING,
            f"{cost} är inte budgeterad. Visa hur den ryms inom given ekonomisk ram, eller vad "
            "som prioriteras bort.",
        )
    return _Finding(
        Verdict.WARNING,
        f"{cost}: det framgår inte om den är budgeterad. Internationellt engagemang ska "
        "planeras och budgeteras och rymmas inom given ekonomisk ram.",
    )


def _syfte(item: Item, context: _Context) -> _Finding | None:
    if not _spends(item) or item.kind in (Kind.VISIT, Kind.REPRESENTATION):
        return None  # a visit's purpose is judged by besok, against the visits' own sentence
    orientation = _join([ORIENTATIONS[key] for key in item.orientation])
    if item.purpose and item.orientation:
        return _Finding(
            Verdict.OK,
            f"Syftet anges ({_quoted(_shorten(item.purpose))}) med inriktning {orientation}.",
        )
    if item.purpose:
        return _Finding(
            Verdict.WARNING,
            f"Syftet anges ({_quoted(_shorten(item.purpose))}) men inte vilken av strategins "
            "inriktningar det tjänar: profilering, omvärldsbevakning, samverkan eller påverkan.",
        )
    if item.orientation:
        return _Finding(
            Verdict.WARNING,
            f"Inriktning {orientation} anges, men inte syftet och nyttan för stadens "
            "verksamhet: hur bidrar det till stadens inriktningsmål?",
        )
    return _Finding(
        Verdict.WARNING,
        "Varken syfte eller inriktning anges. Det internationella arbetet ska tydligt bidra "
        "till stadens inriktningsmål: ange nyttan för verksamheten och inriktningen.",
    )


def _mottagning(item: Item, context: _Context) -> _Finding | None:
    """The city's rules for a representation reception in Stadshuset (not the strategy)."""
    if item.kind is not Kind.REPRESENTATION:
        return None
    if item.political_level and item.reception is None:
        # The city's page: the guests at its receptions are the political leadership's guests
        # or participants in international congresses. The criteria are for organisers'
        # applications, not for the leadership's own guests.
        return _Finding(
            Verdict.OK,
            "Gäster till den politiska ledningen (besök på hög politisk nivå): kriterierna för "
            "arrangörers ansökningar gäller inte.",
        )
    reception = item.reception or Reception()
    national = find_hint(item.text, context.setting("mottagning.national_words"))
    match reception.event:
        case ReceptionEvent.OTHER:
            return _Finding(
                Verdict.CONFLICT,
                "Mottagningar i Stadshuset ges för internationella kongresser och för "
                "idrottsevenemang på EM- eller VM-nivå; det här är ett annat slags evenemang.",
            )
        case ReceptionEvent.SPORT:
            return _sport_reception(item, reception, national, context)
        case ReceptionEvent.CONGRESS:
            return _congress_reception(item, reception, national, context)
    missing = "evenemangets art (kongress eller idrottsevenemang)"
    hint = (
        f" Texten nämner {_quoted(national)}: ett nationellt evenemang räcker inte."
        if (national)
        else ""
    )
    return _Finding(
        Verdict.WARNING,
        f"Underlag saknas: {missing}, antal deltagare och hur många som kommer från utlandet "
        f"(för en kongress) eller nivån (för idrott).{hint}",
        ("mottagning.national_words",) if national else (),
    )


def _sport_reception(
    item: Item, reception: Reception, national: str | None, context: _Context
) -> _Finding:
    if reception.level is None:
        hint = f" Texten nämner {_quoted(national)}." if national else ""
        return _Finding(
            Verdict.WARNING,
            f"Underlag saknas: idrottsevenemangets nivå (EM, VM eller annan).{hint}",
            ("mottagning.national_words",) if national else (),
        )
    if reception.level is EventLevel.OTHER:
        return _Finding(
            Verdict.CONFLICT,
            "Idrottsevenemanget är inte på EM- eller VM-nivå (till exempel ett svenskt "
            "mästerskap); mottagningar i Stadshuset ges bara på den nivån.",
        )
    level = "VM" if reception.level is EventLevel.VM else "EM"
    return _guest_preference(item, reception, f"Idrottsevenemang på {level}-nivå", context)


def _congress_reception(
    item: Item, reception: Reception, national: str | None, context: _Context
) -> _Finding:
    majority = context.setting("mottagning.majority_percent")
    missing = [
        label
        for label, value in (
            ("antal deltagare", reception.participants),
            ("antal deltagare från utlandet", reception.participants_abroad),
        )
        if value is None
    ]
    if missing:
        hint = f" Texten nämner {_quoted(national)}." if national else ""
        return _Finding(
            Verdict.WARNING,
            f"Underlag saknas: {_join(missing)}. Kongressen ska ha en majoritet deltagare från "
            f"utlandet.{hint}",
            ("mottagning.majority_percent",),
        )
    total, abroad = reception.participants or 0, reception.participants_abroad or 0
    share = f"{abroad} av {total} deltagare ({_percent(abroad, total)}) kommer från utlandet"
    if total == 0 or abroad * 100 <= majority * total:
        return _Finding(
            Verdict.CONFLICT,
            f"{share}; reglerna kräver en majoritet, mer än {majority} %. Det är inte en "
            "internationell kongress i reglernas mening.",
            ("mottagning.majority_percent",),
        )
    return _guest_preference(
        item, reception, f"Internationell kongress: {share}", context, "mottagning.majority_percent"
    )


def _guest_preference(
    item: Item, reception: Reception, met: str, context: _Context, *used: str
) -> _Finding:
    """The criteria are met; the organisers' guidance adds a preferred minimum of guests."""
    minimum = context.setting("mottagning.preferred_min_guests")
    settings = (*used, "mottagning.preferred_min_guests")
    guests = item.guests if item.guests is not None else reception.participants
    timing = "Lägg inte mottagningen kvällen före starten eller den sista kvällen."
    if guests is not None and guests < minimum:
        return _Finding(
            Verdict.WARNING,
            f"{met}, men staden vill helst ha minst {minimum} gäster och ärendet anger "
            f"{guests}. {timing}",
            settings,
        )
    if guests is None:
        return _Finding(
            Verdict.OK,
            f"{met}. Ange antalet gäster (staden vill helst ha minst {minimum}). {timing}",
            settings,
        )
    return _Finding(Verdict.OK, f"{met}; {guests} gäster. {timing}", settings)


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "0 %"


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(parts: list[str]) -> str:
    """Swedish list: "a, b och c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " och " + parts[-1]


RULES: dict[str, Rule] = {
    "utrikespolitik": _utrikespolitik,
    "vanorter": _vanorter,
    "samarbetsavtal": _samarbetsavtal,
    "intentionsavtal": _intentionsavtal,
    "bistand": _bistand,
    "inbjudningsbrev": _inbjudningsbrev,
    "mattfullhet": _mattfullhet,
    "besok": _besok,
    "befintliga-forum": _befintliga_forum,
    "eu-projekt": _eu_projekt,
    "resursborda": _resursborda,
    "medlemskap": _medlemskap,
    "ekonomisk-ram": _ekonomisk_ram,
    "syfte": _syfte,
    "mottagning": _mottagning,
}
