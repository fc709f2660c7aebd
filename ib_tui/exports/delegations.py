"""The delegation decisions on their way to kommunstyrelsen: the anmälan (KL 6 kap. 40 §) for a
period, and one decision's record for the diarium. The appeal clock of a delegation decision
starts from its reporting and the posting of KS's protokoll, never from an IB meeting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ib_tui.domain.confidentiality import may_show_delegation
from ib_tui.domain.dates import format_date
from ib_tui.domain.meeting import DelegationDecision
from ib_tui.exports.common import FILL_IN, HARD_BREAK, SIGN_LINE, delegation_table, document
from ib_tui.exports.escape import inline, lines

APPEAL_NOTE = (
    "Besluten kan överklagas genom laglighetsprövning (kommunallagen 13 kap.). Tiden för "
    "överklagande, tre veckor, räknas från den dag då det justerade protokollet från "
    "kommunstyrelsens sammanträde där anmälan görs har tillkännagetts på kommunens "
    "anslagstavla."
)


def delegation_report_markdown(
    decisions: Sequence[DelegationDecision],
    start: date,
    end: date,
    reported_on: date,
    *,
    include_confidential: bool = False,
) -> str:
    """ "Anmälan av delegationsbeslut till kommunstyrelsen": per decision the dnr, the matter,
    the delegat, the date, the delegation point and the decision."""
    shown = [
        d for d in decisions if may_show_delegation(d, include_confidential=include_confidential)
    ]
    hidden = len(decisions) - len(shown)
    blocks = [
        "# Anmälan av delegationsbeslut till kommunstyrelsen",
        HARD_BREAK.join(
            [
                f"Beslut fattade med stöd av kommunstyrelsens delegation "
                f"{format_date(start)}–{format_date(end)}",
                f"Anmäls den {format_date(reported_on)}",
            ]
        ),
        delegation_table(shown, "Inga delegationsbeslut under perioden."),
    ]
    if hidden:
        blocks.append(
            f"Därtill {hidden} delegationsbeslut i ärenden som omfattas av sekretess; de "
            "redovisas i en separat bilaga."
        )
    blocks += [
        "**Förslag till beslut**",
        "Kommunstyrelsen beslutar att lägga anmälan av delegationsbesluten till handlingarna.",
        APPEAL_NOTE,
    ]
    return document(blocks)


def decision_record_markdown(decision: DelegationDecision) -> str:
    """One decision as the diarium keeps it: who decided what, when, on which delegation, and
    when it was reported to kommunstyrelsen."""
    outcome = {True: "bifall", False: "avslag", None: None}[decision.granted]
    facts = [
        f"Ärende: {inline(decision.title)}",
        f"Dnr: {inline(decision.decision_dnr or decision.dnr or '–')}",
        f"Beslutsfattare: {inline(decision.delegate)} ({decision.body.label})",
        f"Beslutsdatum: {format_date(decision.decided_on)}",
    ]
    if decision.delegation_point:
        facts.append(f"Delegationspunkt: {inline(decision.delegation_point)}")
    if decision.meeting_ref:
        facts.append(f"Sammanträde: {inline(decision.meeting_ref)}")
    if outcome:
        facts.append(f"Utfall: {outcome}")
    blocks = [
        "# Delegationsbeslut" if decision.reportable else "# Beslut",
        HARD_BREAK.join(facts),
        "## Beslut",
        HARD_BREAK.join(inline(line) for line in lines(decision.text) if line),
    ]
    if decision.reportable:
        reported = (
            f"Anmält till kommunstyrelsen den {format_date(decision.reported_on)}."
            if decision.reported_on
            else f"Anmäls till kommunstyrelsen (datum: {FILL_IN})."
        )
        blocks += ["## Anmälan", reported, APPEAL_NOTE.replace("Besluten kan", "Beslutet kan")]
    blocks += [f"{SIGN_LINE}{HARD_BREAK}{inline(decision.delegate)}"]
    return document(blocks)
