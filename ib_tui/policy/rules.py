"""The strategy's principles as rules: `assess(item)` and `route(item)`.

Each rule reads the item's fields (and, for the hint rules, its title and summary) and returns at
most one `Assessment`, or None where the principle does not apply. Reasons are Swedish sentences a
member can read aloud in the meeting; `basis` names the setting that decided a verdict, so the
threshold is visible, never a hidden constant.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ib_tui.domain.dates import format_amount, format_date
from ib_tui.domain.model import AgreementType, Forum, Item, Kind, Verdict
from ib_tui.policy.catalogue import Catalogue, load_catalogue


@dataclass(frozen=True, slots=True)
class Assessment:
    principle: str
    verdict: Verdict
    reason: str
    section: str
    quote: str
    title: str
    footnote: str | None = None
    basis: str | None = None

    def as_json(self) -> dict[str, str]:
        """The shape of `ib-tui check --json` (docs/design.md's command line contract)."""
        return {
            "principle": self.principle,
            "verdict": self.verdict.value,
            "reason": self.reason,
            "section": self.section,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class _Finding:
    """What a rule found, before the catalogue adds the quote and section."""

    verdict: Verdict
    reason: str
    basis: str | None = None


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
        finding = rule(item, context)
        if finding is None:
            continue
        principle = context.catalogue[principle_id]
        found.append(
            Assessment(
                principle=principle_id,
                verdict=finding.verdict,
                reason=finding.reason,
                section=principle.section,
                quote=principle.quote,
                title=principle.title,
                footnote=principle.footnote,
                basis=finding.basis,
            )
        )
    return sorted(found, key=lambda assessment: -assessment.verdict.severity)


def worst(assessments: Iterable[Assessment]) -> Verdict | None:
    """The most serious verdict, or None when no principle applies."""
    verdicts = [assessment.verdict for assessment in assessments]
    return max(verdicts, key=lambda verdict: verdict.severity) if verdicts else None


def route(item: Item) -> tuple[Forum, str]:
    """Where the item is decided, by the strategy's section 5, and why."""
    match item.kind:
        case Kind.CONFERENCE:
            return Forum.IB, (
                "Deltagande i konferenser och evenemang utomlands beslutas av "
                "finansborgarrådet på delegation efter beredning i IB."
            )
        case Kind.DECLARATION if item.extra_resources:
            return Forum.KS, (
                "Deklarationen medför ökad resursbörda och ligger därför utanför "
                "delegationen till finansborgarrådet: kommunstyrelsen beslutar."
            )
        case Kind.DECLARATION:
            return Forum.IB, (
                "Deklarationer och initiativ utan ökad resursbörda beslutas av "
                "finansborgarrådet på delegation efter beredning i IB."
            )
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
            return Forum.IB, (
                "Ansökningar om representationsmottagningar i Stadshuset för internationella "
                "kongresser behandlas i IB."
            )
        case Kind.COOPERATION if _is_city_level(item):
            return Forum.KS, (
                "Kommunstyrelsen beslutar om stadsövergripande samarbetsinitiativ och om stadens "
                "uppfattning i stadsövergripande internationella frågor."
            )
        case Kind.COOPERATION:
            return Forum.NAMND, (
                "Nämnder och bolagsstyrelser beslutar om verksamhetsspecifika "
                "samarbetsinitiativ och EU-projekt."
            )
        case Kind.MEMBERSHIP if item.city_wide:
            return Forum.KF, (
                "Kommunfullmäktige beslutar om nya medlemskap i stadsövergripande "
                "internationella organisationer."
            )
        case Kind.MEMBERSHIP:
            return Forum.NAMND, (
                "Nämnder och bolagsstyrelser beslutar om medlemskap i verksamhetsspecifika "
                "internationella organisationer och nätverk."
            )
    raise ValueError(f"unknown kind {item.kind!r}")


def _is_city_level(item: Item) -> bool:
    """A twin-city agreement or a foreign-policy matter is never one nämnd's own business."""
    twin_city = item.agreement is not None and item.agreement.type is AgreementType.TWIN_CITY
    return item.city_wide or item.foreign_policy or twin_city


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
            basis="Ledord: utrikespolitik.hints",
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
            basis="Ledord: vanorter.hints",
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
    """Whether an agreement or membership is due for re-examination, and when it is (was) due."""
    from dateutil.relativedelta import relativedelta  # rare, and 5 ms to import at start-up

    due = signed + relativedelta(years=years)
    return due <= today, due


def _intentionsavtal(item: Item, context: _Context) -> _Finding | None:
    agreement = item.agreement
    if agreement is None or agreement.type is not AgreementType.INTENT:
        return None
    years = context.setting("intentionsavtal.review_years")
    basis = f"Omprövning efter {years} år (intentionsavtal.review_years)"
    if agreement.signed is None:
        return _Finding(
            Verdict.OK,
            "Intentionsavtal med internationella organisationer och nätverk får tecknas; "
            f"planera omprövning efter {years} år.",
            basis,
        )
    due, when = _review(agreement.signed, years, context.today)
    if due:
        return _Finding(
            Verdict.WARNING,
            f"Avtalet tecknades {format_date(agreement.signed)} och skulle ha omprövats senast "
            f"{format_date(when)}.",
            basis,
        )
    return _Finding(
        Verdict.OK,
        f"Avtalet tecknades {format_date(agreement.signed)}; omprövas senast {format_date(when)}.",
        basis,
    )


def _bistand(item: Item, context: _Context) -> _Finding | None:
    aid = item.aid
    if aid is None:
        if hint := find_hint(item.text, context.setting("bistand.hints")):
            return _Finding(
                Verdict.WARNING,
                f"Texten nämner {_quoted(hint)} men finansieringen är inte angiven. Staden deltar "
                "i projekt av biståndskaraktär bara när hela finansieringen bärs av annan part.",
                basis="Ledord: bistand.hints",
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
            basis="Ledord: inbjudningsbrev.hints",
        )
    return None


_HOSPITALITY = (("gifts", "gåvor"), ("meals", "måltider"), ("transport", "transporter"))


def _mattfullhet(item: Item, context: _Context) -> _Finding | None:
    if item.kind not in (Kind.VISIT, Kind.REPRESENTATION):
        return None
    spent = {key: getattr(item.costs, key) for key, _ in _HOSPITALITY}
    if not any(spent.values()):
        return None
    limits = {key: context.setting(f"mattfullhet.max_{key}_per_guest") for key, _ in _HOSPITALITY}
    factor = context.setting("mattfullhet.conflict_factor")
    basis = (
        "Gränser per gäst: "
        + ", ".join(f"{label} {format_amount(limits[key])}" for key, label in _HOSPITALITY)
        + f"; konflikt över {factor} × gränsen (mattfullhet.*)"
    )
    guests = item.guests or 0
    if guests == 0:
        return _Finding(
            Verdict.WARNING,
            "Det finns kostnader för gåvor, måltider eller transporter men inget antal gäster; "
            "måttfullheten kan inte bedömas per gäst.",
            basis,
        )
    over, far_over, shown = [], [], []
    for key, label in _HOSPITALITY:
        per_guest = spent[key] / guests
        shown.append(f"{label} {format_amount(round(per_guest))}")
        if spent[key] > limits[key] * factor * guests:
            far_over.append(f"{label} {format_amount(round(per_guest))}")
        elif spent[key] > limits[key] * guests:
            over.append(f"{label} {format_amount(round(per_guest))}")
    if far_over:
        return _Finding(
            Verdict.CONFLICT,
            f"Per gäst ({guests} gäster): {_join(far_over + over)}, mer än {factor} gånger "
            "gränsen. Det är inte måttfull representation.",
            basis,
        )
    if over:
        return _Finding(
            Verdict.WARNING,
            f"Per gäst ({guests} gäster): {_join(over)}, över gränsen. Motivera eller minska.",
            basis,
        )
    return _Finding(
        Verdict.OK, f"Per gäst ({guests} gäster): {_join(shown)}, inom gränserna.", basis
    )


def _besok(item: Item, context: _Context) -> _Finding | None:
    if item.kind not in (Kind.VISIT, Kind.REPRESENTATION):
        return None
    if item.kind is Kind.REPRESENTATION and not find_hint(
        item.text, context.setting("besok.reception_words")
    ):
        return _Finding(
            Verdict.WARNING,
            "Mottagningar i Stadshuset ges för internationella kongresser där de flesta "
            "deltagarna kommer från utlandet, eller för mästerskap på EM- eller VM-nivå; det "
            "framgår inte av ärendet.",
            basis="Ledord: besok.reception_words",
        )
    purpose = find_hint(item.text, context.setting("besok.purpose_words"))
    if purpose:
        return _Finding(Verdict.OK, f"Besöket anger sitt syfte ({_quoted(purpose)}).")
    if item.orientation:
        return _Finding(Verdict.OK, f"Besöket anger inriktning: {_join(list(item.orientation))}.")
    return _Finding(
        Verdict.WARNING,
        "Syftet framgår inte. Besök ska ge ömsesidigt lärande, erfarenhetsutbyte eller "
        "verksamhetsutveckling, eller stärka Stockholmsbilden.",
        basis="Ledord: besok.purpose_words",
    )


def _befintliga_forum(item: Item, context: _Context) -> _Finding | None:
    if item.kind not in (Kind.COOPERATION, Kind.MEMBERSHIP):
        return None
    if item.agreement is not None and item.agreement.signed is not None:
        return None  # an existing arrangement, not a new form of cooperation
    if hint := find_hint(item.text, context.setting("befintliga-forum.existing_words")):
        return _Finding(Verdict.OK, f"Ärendet hänvisar till befintliga forum ({_quoted(hint)}).")
    return _Finding(
        Verdict.WARNING,
        "Ny samarbetsform: redovisa att samverkan inom forum där staden redan är etablerad har "
        "undersökts.",
        basis="Ledord: befintliga-forum.existing_words",
    )


def _eu_projekt(item: Item, context: _Context) -> _Finding | None:
    if not item.eu_project:
        return None
    if hint := find_hint(item.text, context.setting("eu-projekt.link_words")):
        return _Finding(Verdict.OK, f"Ärendet anger kopplingen ({_quoted(hint)}).")
    return _Finding(
        Verdict.WARNING,
        "Koppling till planerad verksamhetsutveckling och en plan för implementering i "
        "ordinarie verksamhet framgår inte.",
        basis="Ledord: eu-projekt.link_words",
    )


def _resursborda(item: Item, context: _Context) -> _Finding | None:
    if item.kind is not Kind.DECLARATION:
        return None
    if item.extra_resources:
        return _Finding(
            Verdict.WARNING,
            "Deklarationen medför ökad resursbörda och kan inte beslutas på delegation efter IB; "
            "den ska till kommunstyrelsen.",
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
    basis = f"Omprövning efter {years} år (medlemskap.review_years)"
    who = (
        "Stadsövergripande medlemskap beslutas av kommunfullmäktige."
        if item.city_wide
        else "Verksamhetsspecifikt medlemskap beslutas av nämnden eller bolagsstyrelsen."
    )
    since = item.agreement.signed if item.agreement and item.agreement.signed else item.starts
    if since is not None:
        due, when = _review(since, years, context.today)
        if due:
            return _Finding(
                Verdict.WARNING,
                f"Medlemskapet gäller sedan {format_date(since)} och skulle ha omprövats senast "
                f"{format_date(when)}. {who}",
                basis,
            )
        return _Finding(Verdict.OK, f"{who} Omprövas senast {format_date(when)}.", basis)
    return _Finding(Verdict.OK, f"{who} Planera omprövning efter {years} år.", basis)


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
    limit = context.setting("ekonomisk-ram.large_cost")
    per_person = f" ({format_amount(round(total / people))} per deltagare)" if people else ""
    frame = f"given ekonomisk ram hos {item.requested_by}" if item.requested_by else "given ram"
    if total > limit:
        return _Finding(
            Verdict.WARNING,
            f"Kostnaden {format_amount(total)}{per_person} är över {format_amount(limit)}: visa "
            f"att den ryms inom {frame} och är planerad i verksamhetsplanen.",
            basis=f"Gräns {format_amount(limit)} (ekonomisk-ram.large_cost)",
        )
    return _Finding(
        Verdict.OK, f"Kostnad {format_amount(total)}{per_person}; ska rymmas inom {frame}."
    )


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
}
