"""Each principle and each routing rule: a case that triggers it, one that must not, and the
boundary; and the review's failing cases (issue 11), each by name.

Items are built through the real validator (`make_item`), and judged on a fixed day."""

from __future__ import annotations

from datetime import date

import pytest

from ib_tui.domain.model import Forum, Verdict
from ib_tui.policy import assess, forum_label, load_catalogue, route, worst
from tests.conftest import make_item

TODAY = date(2026, 11, 23)


def verdicts(**fields: object) -> dict[str, Verdict]:
    return {a.principle: a.verdict for a in assess(make_item(**fields), today=TODAY)}


def verdict(principle: str, **fields: object) -> Verdict | None:
    return verdicts(**fields).get(principle)


def found(principle: str, **fields: object):
    (assessment,) = [
        a for a in assess(make_item(**fields), today=TODAY) if a.principle == principle
    ]
    return assessment


def reason(principle: str, **fields: object) -> str:
    return found(principle, **fields).reason


def forum(**fields: object) -> Forum:
    return route(make_item(**fields))[0]


def forum_reason(**fields: object) -> str:
    return route(make_item(**fields))[1]


# --- utrikespolitik --------------------------------------------------------------------------


def test_foreign_policy_flag_is_a_conflict() -> None:
    assert verdict("utrikespolitik", kind="declaration", foreign_policy=True) is Verdict.CONFLICT


def test_foreign_policy_hints_ask_for_judgement() -> None:
    found_ = verdict("utrikespolitik", kind="declaration", title="Upprop om skärpta sanktioner")
    assert found_ is Verdict.WARNING
    assert "Texten nämner ”sanktioner”" in reason(
        "utrikespolitik", kind="declaration", summary="Sanktioner mot X"
    )


def test_hint_inside_a_compound_word_counts() -> None:
    summary = "Om försvars- och säkerhetspolitiska frågor"
    assert verdict("utrikespolitik", summary=summary) is Verdict.WARNING
    assert "”säkerhetspolitiska”" in reason("utrikespolitik", summary=summary)
    assert verdict("utrikespolitik", summary="Sveriges utrikespolitik") is Verdict.WARNING


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
    whole = {"type": "cooperation", "partner": "Oslo kommun", "theme": "Byggen",
             "ends": "2028-12-31"}  # fmt: skip
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


def test_review_interval_is_a_setting_shown_in_words() -> None:
    item = make_item(kind="cooperation", agreement={"type": "intent", "signed": "2024-01-01"})
    catalogue = load_catalogue().with_settings({"intentionsavtal.review_years": 2})
    (found_,) = [a for a in assess(item, catalogue, TODAY) if a.principle == "intentionsavtal"]
    assert found_.verdict is Verdict.WARNING
    assert found_.basis == "Omprövning av intentionsavtal efter 2 år"
    assert found_.settings == ("intentionsavtal.review_years",)


@pytest.mark.parametrize(
    ("starts", "expected"), [("2022-11-24", Verdict.OK), ("2022-11-23", Verdict.WARNING)]
)
def test_membership_review_boundary(starts: str, expected: Verdict) -> None:
    assert verdict("medlemskap", kind="membership", starts=starts) is expected


def test_membership_only_for_memberships() -> None:
    assert verdict("medlemskap", kind="cooperation") is None


def test_one_warning_per_membership_review() -> None:
    """A membership due for review, signed as a letter of intent: one review warning, not one
    from medlemskap, one from intentionsavtal and a 'new form of cooperation' on top."""
    agreement = {"type": "intent", "partner": "ICLEI", "signed": "2019-05-01"}
    item = {"kind": "membership", "city_wide": True, "agreement": agreement}
    found_ = verdicts(**item)
    assert found_["medlemskap"] is Verdict.WARNING
    assert "intentionsavtal" not in found_ and "befintliga-forum" not in found_
    continued = {"kind": "membership", "membership": {"new": False}, "starts": "2018-01-01"}
    assert [p for p, v in verdicts(**continued).items() if v is Verdict.WARNING] == ["medlemskap"]


def test_a_continued_membership_without_a_date_is_its_own_review() -> None:
    fields = {"kind": "membership", "city_wide": True, "membership": {"new": False}}
    assert verdict("medlemskap", **fields) is Verdict.OK
    assert "Ärendet är omprövningen" in reason("medlemskap", **fields)
    assert "kommunfullmäktige beslutar" not in reason("medlemskap", **fields)


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


def test_moderation_limits_are_settings_and_are_shown_in_words() -> None:
    item = make_item(kind="visit", guests=10, costs={"gifts": 3500})
    catalogue = load_catalogue().with_settings({"mattfullhet.max_gifts_per_guest": 400})
    (found_,) = [a for a in assess(item, catalogue, TODAY) if a.principle == "mattfullhet"]
    assert found_.verdict is Verdict.OK
    assert found_.basis == "Gräns för gåvor per gäst: 400 kr; Konflikt över 2 gånger gränsen"
    assert "mattfullhet." not in found_.basis  # words, not the setting's key


def test_a_krona_over_is_never_rounded_onto_the_limit() -> None:
    fields = {"kind": "visit", "guests": 3, "costs": {"gifts": 901}}
    assert verdict("mattfullhet", **fields) is Verdict.WARNING
    assert "300,33\u00a0kr per gäst (gräns 300\u00a0kr)" in reason("mattfullhet", **fields)


# --- besök ---------------------------------------------------------------------------------------


def test_visit_purpose_rests_on_the_stated_purpose_or_orientation() -> None:
    assert verdict("besok", kind="visit", purpose="Erfarenhetsutbyte om skolor") is Verdict.OK
    assert verdict("besok", kind="visit", orientation=["samverkan"]) is Verdict.OK
    assert verdict("besok", kind="visit", summary="De vill komma hit") is Verdict.WARNING
    assert verdict("besok", kind="conference", summary="De vill komma hit") is None


def test_purpose_words_in_the_text_never_make_a_visit_ok() -> None:
    summary = "Studiebesök: sightseeing i Gamla stan och en båttur"
    assert verdict("besok", kind="visit", summary=summary) is Verdict.WARNING
    assert "Texten nämner ”studiebesök”" in reason("besok", kind="visit", summary=summary)


# --- befintliga forum, EU-projekt ---------------------------------------------------------------


def test_new_forms_of_cooperation_should_try_existing_forums() -> None:
    assert verdict("befintliga-forum", kind="membership") is Verdict.WARNING
    signed = {"type": "intent", "signed": "2024-01-01"}
    assert verdict("befintliga-forum", kind="cooperation", agreement=signed) is None
    assert verdict("befintliga-forum", kind="visit") is None


def test_redan_anywhere_in_the_text_never_passes_existing_forums() -> None:
    summary = "Staden har redan fått tre inbjudningar i år."
    assert verdict("befintliga-forum", kind="cooperation", summary=summary) is Verdict.WARNING
    inside = verdict("befintliga-forum", kind="cooperation", summary="Inom ramen för Eurocities")
    assert inside is Verdict.WARNING  # a hint: the preparation must still show it
    assert "”inom ramen för”" in reason(
        "befintliga-forum", kind="cooperation", summary="Inom ramen för Eurocities"
    )


def test_eu_project_needs_a_link_that_a_department_name_does_not_give() -> None:
    by_name = "Miljöförvaltningen söker medel ur Horisont Europa."
    assert verdict("eu-projekt", kind="cooperation", eu_project=True, summary=by_name) is (
        Verdict.WARNING
    )
    assert "Texten nämner" not in reason(
        "eu-projekt", kind="cooperation", eu_project=True, summary=by_name
    )
    linked = "Kopplat till planerad verksamhetsutveckling och implementering."
    assert verdict("eu-projekt", kind="cooperation", eu_project=True, summary=linked) is (
        Verdict.WARNING
    )
    assert verdict("eu-projekt", kind="cooperation", summary=linked) is None


# --- resursbörda ---------------------------------------------------------------------------------


def test_declaration_resource_burden() -> None:
    assert verdict("resursborda", kind="declaration") is Verdict.OK
    assert verdict("resursborda", kind="declaration", extra_resources=True) is Verdict.WARNING
    costly = verdict("resursborda", kind="declaration", costs={"fees": 1})
    assert costly is Verdict.WARNING  # a krona of cost is a resource question
    assert verdict("resursborda", kind="conference", extra_resources=True) is None


def test_staff_time_is_a_resource_burden_even_at_no_cost() -> None:
    fields = {"kind": "declaration", "staff_commitment": "en handläggare 10 % under 2027"}
    assert verdict("resursborda", **fields) is Verdict.WARNING
    assert "trots att den inte kostar något" in reason("resursborda", **fields)
    assert forum(**fields) is Forum.KS
    assert verdict("resursborda", kind="declaration", staff_commitment=0) is Verdict.OK


# --- ekonomisk ram -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "budgeted", "expected"),
    [
        (0, None, None),
        (1, True, Verdict.OK),
        (1, None, Verdict.WARNING),  # no size test: a krona unbudgeted is a question too
        (100_001, True, Verdict.OK),
        (100_001, False, Verdict.WARNING),
    ],
)
def test_budget_frame_asks_whether_the_cost_is_budgeted(
    total: int, budgeted: bool | None, expected: Verdict | None
) -> None:
    fields: dict[str, object] = {"costs": {"travel": total}}
    if budgeted is not None:
        fields["budgeted"] = budgeted
    assert verdict("ekonomisk-ram", **fields) is expected


def test_the_requester_never_stands_in_for_the_budget_owner() -> None:
    for budgeted in (None, True, False):
        fields = {"kind": "visit", "requested_by": "Kyoto City", "costs": {"meals": 5000}}
        text = reason(
            "ekonomisk-ram", **fields, **({} if budgeted is None else {"budgeted": budgeted})
        )
        assert "Kyoto" not in text


def test_a_physical_trip_without_costs_is_a_warning() -> None:
    people = [{"name": "Anna Berg"}]
    assert verdict("ekonomisk-ram", participants=people) is Verdict.WARNING
    assert verdict("ekonomisk-ram", participants=people, digital=True) is None


def test_budget_reason_shows_cost_per_participant() -> None:
    people = [{"name": "A"}, {"name": "B"}]
    assert "15\u00a0000\u00a0kr per deltagare" in reason(
        "ekonomisk-ram", participants=people, costs={"travel": 30000}
    )


# --- syfte ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"costs": {"travel": 9000}}, Verdict.WARNING),
        ({"costs": {"travel": 9000}, "purpose": "Lära av Oslos cykelplan"}, Verdict.WARNING),
        ({"costs": {"travel": 9000}, "orientation": ["omvarldsbevakning"]}, Verdict.WARNING),
        ({"costs": {"travel": 9000}, "purpose": "Lära av Oslos cykelplan",
          "orientation": ["omvarldsbevakning"]}, Verdict.OK),
        ({"participants": [{"name": "A"}]}, Verdict.WARNING),  # staff time, no money
        ({"kind": "declaration", "staff_commitment": 20}, Verdict.WARNING),
        ({}, None),  # spends nothing: the principle does not apply
        ({"kind": "visit", "costs": {"meals": 800}, "guests": 2}, None),  # besok judges visits
    ],
)  # fmt: skip
def test_purpose_and_orientation(fields: dict, expected: Verdict | None) -> None:
    assert verdict("syfte", **fields) is expected


def test_purpose_is_never_a_conflict_and_quotes_section_two() -> None:
    assessment = found("syfte", costs={"travel": 50_000})
    assert assessment.verdict is Verdict.WARNING
    assert assessment.section == "2–3"
    assert assessment.quote == (
        "Det internationella arbetet ska på ett tydligt sätt bidra till stadens inriktningsmål."
    )


# --- mottagning (the city's reception rules, not the strategy) ----------------------------------


def reception(**facts: object) -> dict[str, object]:
    return {"kind": "representation", "title": "Mottagning", "reception": facts}


@pytest.mark.parametrize(
    ("participants", "abroad", "expected"),
    [
        (400, 200, Verdict.CONFLICT),  # exactly half: not a majority
        (400, 201, Verdict.OK),
        (400, 0, Verdict.CONFLICT),
        (0, 0, Verdict.CONFLICT),
    ],
)
def test_congress_needs_a_majority_from_abroad(participants: int, abroad: int, expected) -> None:
    fields = reception(event="congress", participants=participants, participants_abroad=abroad)
    assert verdict("mottagning", **fields) is expected


def test_majority_share_and_guest_preference_are_settings() -> None:
    item = make_item(**reception(event="congress", participants=400, participants_abroad=240))
    catalogue = load_catalogue().with_settings({"mottagning.majority_percent": 60})
    (found_,) = [a for a in assess(item, catalogue, TODAY) if a.principle == "mottagning"]
    assert found_.verdict is Verdict.CONFLICT
    assert "mer än 60 %" in found_.reason and "mer än 60 %" in found_.quote
    assert found_.basis == "Andel deltagare från utlandet som krävs: mer än 60 %"


@pytest.mark.parametrize(
    ("guests", "expected"), [(149, Verdict.WARNING), (150, Verdict.OK), (None, Verdict.OK)]
)
def test_organisers_guidance_prefers_150_guests(guests: int | None, expected: Verdict) -> None:
    fields = reception(event="sport", level="em")
    if guests is not None:
        fields["guests"] = guests
    assert verdict("mottagning", **fields) is expected


def test_an_other_event_is_a_conflict() -> None:
    assert verdict("mottagning", **reception(event="other")) is Verdict.CONFLICT


def test_mottagning_names_its_source_and_applies_only_to_receptions() -> None:
    assessment = found("mottagning", **reception(event="sport", level="vm"))
    assert (
        assessment.source == "Stockholms stads regler för representationsmottagningar i Stadshuset"
    )
    assert not assessment.from_strategy
    assert assessment.as_json()["source"] == assessment.source
    assert "kvällen före starten eller den sista kvällen" in assessment.reason
    assert verdict("mottagning", kind="visit", reception={"event": "sport"}) is None
    for other in assess(make_item(**reception(event="sport", level="vm")), today=TODAY):
        if other.principle != "mottagning":
            assert other.source == "strategy"


def test_reception_words_in_the_text_never_make_a_reception_ok() -> None:
    congress = "Mottagning för International Congress of Surgery"
    assert verdict("mottagning", kind="representation", title=congress) is Verdict.WARNING
    assert verdict("mottagning", kind="representation", title="VM i friidrott") is Verdict.WARNING


# --- forum: where the item is decided ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"kind": "conference"}, Forum.IB),
        ({"kind": "conference", "country": "Belgien"}, Forum.IB),
        ({"kind": "conference", "on_behalf_of_ks": True, "country": "Belgien"}, Forum.IB),
        ({"kind": "conference", "on_behalf_of_ks": False, "country": "Belgien"}, Forum.NAMND),
        ({"kind": "conference", "country": "Sverige"}, Forum.NAMND),
        ({"kind": "conference", "country": "sweden"}, Forum.NAMND),
        ({"kind": "conference", "country": "Sverige", "digital": True}, Forum.IB),
        ({"kind": "declaration"}, Forum.IB),
        ({"kind": "declaration", "extra_resources": True}, Forum.KS),
        ({"kind": "declaration", "staff_commitment": 40}, Forum.KS),
        ({"kind": "declaration", "foreign_policy": True}, Forum.KS),
        ({"kind": "visit"}, Forum.NAMND),
        ({"kind": "visit", "political_level": True}, Forum.KS),
        ({"kind": "representation"}, Forum.IB),
        ({"kind": "cooperation"}, Forum.NAMND),
        ({"kind": "cooperation", "city_wide": True}, Forum.KS),
        ({"kind": "cooperation", "foreign_policy": True}, Forum.KS),
        ({"kind": "cooperation", "agreement": {"type": "twin_city"}}, Forum.KS),
        ({"kind": "membership"}, Forum.NAMND),
        ({"kind": "membership", "membership": {"type": "network"}}, Forum.NAMND),
        ({"kind": "membership", "city_wide": True}, Forum.KF),
        ({"kind": "membership", "city_wide": True, "membership": {}}, Forum.KF),
        ({"kind": "membership", "city_wide": True, "membership": {"type": "network"}}, Forum.KS),
        ({"kind": "membership", "city_wide": True, "membership": {"new": False}}, Forum.KS),
    ],
)
def test_forum(fields: dict, expected: Forum) -> None:
    found_, why = route(make_item(**fields))
    assert found_ is expected
    assert why.endswith(".") and len(why) > 30


def test_a_new_city_wide_organisation_goes_to_kf_prepared_by_ks() -> None:
    assert "kommunstyrelsen bereder" in forum_reason(kind="membership", city_wide=True)


def test_a_continued_membership_is_a_review_not_a_new_kf_decision() -> None:
    why = forum_reason(kind="membership", city_wide=True, membership={"new": False})
    assert "inget nytt beslut i kommunfullmäktige" in why and "omprövas" in why


def test_a_foreign_policy_hint_in_a_declaration_is_named_but_does_not_reroute() -> None:
    fields = {"kind": "declaration", "summary": "Upprop om sanktioner mot X"}
    assert forum(**fields) is Forum.IB
    assert "bekräftas utrikespolitisk karaktär" in forum_reason(**fields)


def test_a_reception_is_treated_in_ib_but_not_labelled_a_delegation_decision() -> None:
    item = make_item(kind="representation")
    found_, why = route(item)
    assert found_ is Forum.IB
    assert "delegation" not in forum_label(found_, item)
    assert "delegerar inte" in why
    conference = make_item(kind="conference")
    assert forum_label(Forum.IB, conference) == "IB (finansborgarrådet på delegation)"


# --- ordering --------------------------------------------------------------------------------


def test_most_serious_first() -> None:
    item = make_item(
        kind="visit", invitation_letter=True, guests=2, costs={"meals": 100}, summary="utbyte"
    )
    found_ = assess(item, today=TODAY)
    assert found_[0].verdict is Verdict.CONFLICT
    assert [a.verdict.severity for a in found_] == sorted(
        (a.verdict.severity for a in found_), reverse=True
    )
    assert worst(found_) is Verdict.CONFLICT
    assert worst([]) is None


# --- the review's failing cases (issue 11), by name ------------------------------------------


def test_review_domestic_conference_is_the_namnds() -> None:
    fields = {"kind": "conference", "title": "Kommundagarna i Göteborg", "city": "Göteborg",
              "country": "Sverige", "participants": [{"name": "Ola Ek"}]}  # fmt: skip
    assert forum(**fields) is Forum.NAMND
    assert "inte utomlands" in forum_reason(**fields)


def test_review_namnds_own_staff_trip_is_the_namnds() -> None:
    fields = {"kind": "conference", "title": "Studieresa för förskolans personal",
              "country": "Danmark", "on_behalf_of_ks": False}  # fmt: skip
    assert forum(**fields) is Forum.NAMND
    assert "inte på kommunstyrelsens uppdrag" in forum_reason(**fields)


def test_review_city_wide_network_is_ks_not_kf() -> None:
    fields = {"kind": "membership", "title": "Deltagande i Global Covenant of Mayors",
              "city_wide": True, "membership": {"type": "network", "new": True}}  # fmt: skip
    assert forum(**fields) is Forum.KS
    assert "nätverk" in forum_reason(**fields)
    assert "kommunstyrelsen" in reason("medlemskap", **fields)


def test_review_foreign_policy_declaration_goes_to_ks_with_the_conflict_first() -> None:
    fields = {"kind": "declaration", "title": "Deklaration om stöd till Ukrainas städer",
              "foreign_policy": True}  # fmt: skip
    item = make_item(**fields)
    found_ = assess(item, today=TODAY)
    assert (found_[0].principle, found_[0].verdict) == ("utrikespolitik", Verdict.CONFLICT)
    assert forum(**fields) is Forum.KS
    resource = {a.principle: a for a in found_}["resursborda"]
    assert resource.verdict is not Verdict.OK
    assert "delegation" not in forum_label(route(item)[0], item)
    assert "kan aldrig beslutas på delegation" in forum_reason(**fields)


def test_review_utrikesfodda_is_no_foreign_policy() -> None:
    fields = {"kind": "conference", "title": "Konferens om arbetsmarknad för utrikesfödda"}
    assert verdict("utrikespolitik", **fields) is None


def test_review_the_dubai_trip_without_a_purpose_is_not_ok() -> None:
    fields = {"kind": "conference", "title": "Resa till Dubai", "city": "Dubai",
              "country": "Förenade Arabemiraten", "participants": [{"name": "Anna Berg"}],
              "costs": {"travel": 24000, "accommodation": 18000}}  # fmt: skip
    assert verdict("syfte", **fields) is Verdict.WARNING
    assert worst(assess(make_item(**fields), today=TODAY)) is not Verdict.OK


def test_review_national_congress_is_not_ok() -> None:
    stated = reception(event="congress", participants=600, participants_abroad=30)
    assert verdict("mottagning", **stated) is Verdict.CONFLICT
    assert "30 av 600 deltagare (5 %)" in reason("mottagning", **stated)
    v1 = {"kind": "representation", "title": "Mottagning för Sveriges kommuners riksstämma"}
    assert verdict("mottagning", **v1) is Verdict.WARNING
    assert "”riksstämma”" in reason("mottagning", **v1)


def test_review_svenska_mastarskapen_is_not_ok() -> None:
    stated = reception(event="sport", level="other", participants=800)
    assert verdict("mottagning", **stated) is Verdict.CONFLICT
    v1 = {"kind": "representation", "title": "Mottagning för Svenska mästerskapen i simning"}
    assert verdict("mottagning", **v1) is Verdict.WARNING
    assert "”svenska mästerskapen”" in reason("mottagning", **v1)


def test_review_vm_is_ok() -> None:
    fields = {**reception(event="sport", level="vm", participants=2000,
                          participants_abroad=1800), "title": "VM i friidrott 2027",
              "guests": 400, "purpose": "Stärka Stockholmsbilden"}  # fmt: skip
    assert verdict("mottagning", **fields) is Verdict.OK
    assert "VM-nivå" in reason("mottagning", **fields)


def test_review_missing_congress_data_says_which() -> None:
    fields = reception(event="congress", participants=900)
    assert verdict("mottagning", **fields) is Verdict.WARNING
    assert "Underlag saknas: antal deltagare från utlandet" in reason("mottagning", **fields)
    both = reception(event="congress")
    assert "antal deltagare och antal deltagare från utlandet" in reason("mottagning", **both)


def test_review_900_kr_for_three_guests_is_300_kr_per_guest() -> None:
    fields = {"kind": "visit", "guests": 3, "costs": {"gifts": 900}}
    assert verdict("mattfullhet", **fields) is Verdict.OK
    assert "900\u00a0kr för 3 gäster = 300\u00a0kr per gäst" in reason("mattfullhet", **fields)


def test_the_political_leaderships_own_guests_are_not_an_organisers_application() -> None:
    fields = {"kind": "representation", "title": "Lunch för Wiens borgmästare"}
    assert verdict("mottagning", **fields) is Verdict.WARNING
    assert verdict("mottagning", **fields, political_level=True) is Verdict.OK
    applied = {**fields, "political_level": True, "reception": {"event": "other"}}
    assert verdict("mottagning", **applied) is Verdict.CONFLICT
