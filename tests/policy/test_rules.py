"""Each principle: a case that triggers it, one that must not, and the boundary.

Items are built through the real validator (`make_item`), and judged on a fixed day."""

from __future__ import annotations

from datetime import date

import pytest

from ib_tui.domain.model import Forum, Verdict
from ib_tui.policy import assess, load_catalogue, route, worst
from tests.conftest import make_item

TODAY = date(2026, 11, 23)


def verdicts(**fields: object) -> dict[str, Verdict]:
    return {a.principle: a.verdict for a in assess(make_item(**fields), today=TODAY)}


def verdict(principle: str, **fields: object) -> Verdict | None:
    return verdicts(**fields).get(principle)


def reason(principle: str, **fields: object) -> str:
    (found,) = [a for a in assess(make_item(**fields), today=TODAY) if a.principle == principle]
    return found.reason


# --- utrikespolitik --------------------------------------------------------------------------


def test_foreign_policy_flag_is_a_conflict() -> None:
    assert verdict("utrikespolitik", kind="declaration", foreign_policy=True) is Verdict.CONFLICT


def test_foreign_policy_hints_ask_for_judgement() -> None:
    found = verdict("utrikespolitik", kind="declaration", title="Upprop om skärpta sanktioner")
    assert found is Verdict.WARNING
    found = reason("utrikespolitik", kind="declaration", summary="Sanktioner mot X")
    assert "Texten nämner ”sanktioner”" in found


def test_hint_inside_a_compound_word_counts() -> None:
    summary = "Om försvars- och säkerhetspolitiska frågor"
    assert verdict("utrikespolitik", summary=summary) is Verdict.WARNING
    assert "”säkerhetspolitiska”" in reason("utrikespolitik", summary=summary)


def test_ordinary_items_do_not_touch_foreign_policy() -> None:
    assert verdict("utrikespolitik", title="Eurocities årsmöte 2026 i Braga") is None


# --- vanorter ----------------------------------------------------------------------------------


def test_twin_city_agreement_is_a_conflict() -> None:
    fields = {"kind": "cooperation", "agreement": {"type": "twin_city", "partner": "Taipei"}}
    assert verdict("vanorter", **fields) is Verdict.CONFLICT
    assert "Vänortsavtal med Taipei strider mot principen" in reason("vanorter", **fields)


def test_twin_city_wording_without_the_agreement_type_is_a_warning() -> None:
    assert verdict("vanorter", kind="cooperation", title="Vänort i Kina?") is Verdict.WARNING


def test_nordic_capital_cooperation_is_ok_and_other_cities_are_silent() -> None:
    assert verdict("vanorter", kind="cooperation", city="Oslo") is Verdict.OK
    assert verdict("vanorter", kind="cooperation", city="Lyon") is None
    assert verdict("vanorter", kind="conference", city="Oslo") is None


# --- samarbetsavtal ------------------------------------------------------------------------------


def test_cooperation_agreement_needs_theme_partner_and_end_date() -> None:
    whole = {
        "type": "cooperation",
        "partner": "Oslo kommun",
        "theme": "Byggen",
        "ends": "2028-12-31",
    }
    assert verdict("samarbetsavtal", kind="cooperation", agreement=whole) is Verdict.OK
    no_end = {k: v for k, v in whole.items() if k != "ends"}
    assert verdict("samarbetsavtal", kind="cooperation", agreement=no_end) is Verdict.WARNING
    assert "slutdatum" in reason("samarbetsavtal", kind="cooperation", agreement=no_end)
    assert verdict("samarbetsavtal", kind="cooperation") is None  # no agreement, no principle


# --- intentionsavtal and medlemskap: re-examination after the interval ---------------------------


@pytest.mark.parametrize(
    ("signed", "expected"),
    [
        ("2022-11-24", Verdict.OK),  # four years less a day
        ("2022-11-23", Verdict.WARNING),  # exactly four years: due today
        ("2021-06-14", Verdict.WARNING),
    ],
)
def test_intent_agreement_review_boundary(signed: str, expected: Verdict) -> None:
    agreement = {"type": "intent", "partner": "UN-Habitat", "signed": signed}
    assert verdict("intentionsavtal", kind="cooperation", agreement=agreement) is expected


def test_new_intent_agreement_is_ok() -> None:
    agreement = {"type": "intent", "partner": "UN-Habitat"}
    assert verdict("intentionsavtal", kind="cooperation", agreement=agreement) is Verdict.OK


def test_review_interval_is_a_setting() -> None:
    item = make_item(kind="cooperation", agreement={"type": "intent", "signed": "2024-01-01"})
    catalogue = load_catalogue().with_settings({"intentionsavtal.review_years": 2})
    (found,) = [a for a in assess(item, catalogue, TODAY) if a.principle == "intentionsavtal"]
    assert found.verdict is Verdict.WARNING
    assert "intentionsavtal.review_years" in (found.basis or "")


@pytest.mark.parametrize(
    ("starts", "expected"), [("2022-11-24", Verdict.OK), ("2022-11-23", Verdict.WARNING)]
)
def test_membership_review_boundary(starts: str, expected: Verdict) -> None:
    assert verdict("medlemskap", kind="membership", starts=starts) is expected


def test_membership_only_for_memberships() -> None:
    assert verdict("medlemskap", kind="cooperation") is None


# --- bistånd -----------------------------------------------------------------------------------


def test_aid_fully_funded_by_another_party_is_ok() -> None:
    aid = {"funder": "Sida", "fully_funded": True}
    assert verdict("bistand", kind="cooperation", aid=aid) is Verdict.OK


def test_aid_partly_funded_is_a_conflict() -> None:
    aid = {"funder": "Sida", "fully_funded": False}
    assert verdict("bistand", kind="cooperation", aid=aid) is Verdict.CONFLICT


def test_aid_without_a_funder_is_a_warning() -> None:
    assert verdict("bistand", kind="cooperation", aid={"fully_funded": True}) is Verdict.WARNING


def test_aid_mentioned_without_funding_is_a_warning() -> None:
    assert verdict("bistand", kind="cooperation", summary="Ett biståndsprojekt") is Verdict.WARNING
    assert verdict("bistand", kind="cooperation", summary="Ett utbytesprojekt") is None


# --- inbjudningsbrev ---------------------------------------------------------------------------


def test_invitation_letter_is_a_conflict_unless_prioritised() -> None:
    assert verdict("inbjudningsbrev", kind="visit", invitation_letter=True) is Verdict.CONFLICT
    prioritised = verdict(
        "inbjudningsbrev", kind="visit", invitation_letter=True, priority_visit=True
    )
    assert prioritised is Verdict.WARNING
    assert verdict("inbjudningsbrev", kind="visit", priority_visit=True) is None


# --- måttfullhet ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gifts", "expected"),
    [
        (300 * 10, Verdict.OK),  # exactly the limit per guest
        (300 * 10 + 1, Verdict.WARNING),  # a krona over
        (600 * 10, Verdict.WARNING),  # exactly twice the limit
        (600 * 10 + 1, Verdict.CONFLICT),  # more than twice
    ],
)
def test_moderation_per_guest_boundaries(gifts: int, expected: Verdict) -> None:
    fields = {"kind": "representation", "guests": 10, "costs": {"gifts": gifts}}
    assert verdict("mattfullhet", **fields) is expected


def test_moderation_needs_a_guest_count() -> None:
    assert verdict("mattfullhet", kind="visit", costs={"meals": 5000}) is Verdict.WARNING


def test_moderation_does_not_judge_conference_trips() -> None:
    assert verdict("mattfullhet", kind="conference", costs={"meals": 50000}) is None


def test_moderation_limits_are_settings_and_are_shown() -> None:
    item = make_item(kind="visit", guests=10, costs={"gifts": 3500})
    catalogue = load_catalogue().with_settings({"mattfullhet.max_gifts_per_guest": 400})
    (found,) = [a for a in assess(item, catalogue, TODAY) if a.principle == "mattfullhet"]
    assert found.verdict is Verdict.OK
    assert "400" in (found.basis or "")


# --- besök ---------------------------------------------------------------------------------------


def test_visit_purpose() -> None:
    assert verdict("besok", kind="visit", summary="Erfarenhetsutbyte om skolor") is Verdict.OK
    assert verdict("besok", kind="visit", summary="De vill komma hit") is Verdict.WARNING
    assert verdict("besok", kind="visit", orientation=["samverkan"]) is Verdict.OK
    assert verdict("besok", kind="conference", summary="De vill komma hit") is None


def test_reception_must_be_an_international_congress_or_championship() -> None:
    congress = "Mottagning för International Congress of Surgery, erfarenhetsutbyte"
    assert verdict("besok", kind="representation", title=congress) is Verdict.OK
    assert verdict("besok", kind="representation", title="Mottagning för EM i friidrott") in (
        Verdict.OK,
        Verdict.WARNING,
    )
    assert (
        verdict("besok", kind="representation", title="Middag för Skoldagarna") is Verdict.WARNING
    )


def test_short_reception_words_match_only_at_word_start() -> None:
    found = reason("besok", kind="representation", title="Ett problem i stan")
    assert found.startswith("Mottagningar i Stadshuset")


# --- befintliga forum, EU-projekt ---------------------------------------------------------------


def test_new_forms_of_cooperation_should_try_existing_forums() -> None:
    assert verdict("befintliga-forum", kind="membership") is Verdict.WARNING
    inside = verdict("befintliga-forum", kind="cooperation", summary="Inom ramen för Eurocities")
    assert inside is Verdict.OK
    signed = {"type": "intent", "signed": "2024-01-01"}
    assert verdict("befintliga-forum", kind="cooperation", agreement=signed) is None


def test_eu_project_needs_a_link_to_planned_development() -> None:
    linked = "Kopplat till planerad verksamhetsutveckling och implementering."
    assert verdict("eu-projekt", kind="cooperation", eu_project=True, summary=linked) is Verdict.OK
    assert verdict("eu-projekt", kind="cooperation", eu_project=True) is Verdict.WARNING
    assert verdict("eu-projekt", kind="cooperation", summary=linked) is None


# --- resursbörda ---------------------------------------------------------------------------------


def test_declaration_resource_burden() -> None:
    assert verdict("resursborda", kind="declaration") is Verdict.OK
    assert verdict("resursborda", kind="declaration", extra_resources=True) is Verdict.WARNING
    costly = verdict("resursborda", kind="declaration", costs={"fees": 1})
    assert costly is Verdict.WARNING  # a krona of cost is a resource question
    assert verdict("resursborda", kind="conference", extra_resources=True) is None


# --- ekonomisk ram -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "expected"),
    [(0, None), (1, Verdict.OK), (100_000, Verdict.OK), (100_001, Verdict.WARNING)],
)
def test_budget_frame_boundary(total: int, expected: Verdict | None) -> None:
    assert verdict("ekonomisk-ram", costs={"travel": total}) is expected


def test_a_physical_trip_without_costs_is_a_warning() -> None:
    people = [{"name": "Anna Berg"}]
    assert verdict("ekonomisk-ram", participants=people) is Verdict.WARNING
    assert verdict("ekonomisk-ram", participants=people, digital=True) is None


def test_budget_reason_shows_cost_per_participant() -> None:
    people = [{"name": "A"}, {"name": "B"}]
    assert "15\u00a0000\u00a0kr per deltagare" in reason(
        "ekonomisk-ram", participants=people, costs={"travel": 30000}
    )


# --- ordering and forum --------------------------------------------------------------------------


def test_most_serious_first() -> None:
    item = make_item(
        kind="visit", invitation_letter=True, guests=2, costs={"meals": 100}, summary="utbyte"
    )
    found = assess(item, today=TODAY)
    assert found[0].verdict is Verdict.CONFLICT
    assert [a.verdict.severity for a in found] == sorted(
        (a.verdict.severity for a in found), reverse=True
    )
    assert worst(found) is Verdict.CONFLICT
    assert worst([]) is None


@pytest.mark.parametrize(
    ("fields", "forum"),
    [
        ({"kind": "conference"}, Forum.IB),
        ({"kind": "declaration"}, Forum.IB),
        ({"kind": "declaration", "extra_resources": True}, Forum.KS),
        ({"kind": "visit"}, Forum.NAMND),
        ({"kind": "visit", "political_level": True}, Forum.KS),
        ({"kind": "representation"}, Forum.IB),
        ({"kind": "cooperation"}, Forum.NAMND),
        ({"kind": "cooperation", "city_wide": True}, Forum.KS),
        ({"kind": "cooperation", "agreement": {"type": "twin_city"}}, Forum.KS),
        ({"kind": "membership"}, Forum.NAMND),
        ({"kind": "membership", "city_wide": True}, Forum.KF),
    ],
)
def test_forum(fields: dict, forum: Forum) -> None:
    found, why = route(make_item(**fields))
    assert found is forum
    assert why.endswith(".") and len(why) > 30
