"""The real case: the Taipei motion (KS 2024/269) must come out as the city judged it."""

from __future__ import annotations

from datetime import date

from ib_tui.domain.model import Forum, Verdict
from ib_tui.policy import assess, route
from tests.conftest import FIXTURES, make_item

SEED = (FIXTURES / "utlatande-motion-taiwan.txt").read_text("utf-8")

# What the motion asks for, as the utlåtande describes it (read from the seed, not invented).
TAIPEI = {
    "kind": "cooperation",
    "title": "Motion om fördjupade relationer mellan Stockholms stad och Taiwan",
    "dnr": "KS 2024/269",
    "city": "Taipei",
    "country": "Taiwan",
    "summary": (
        "Motionären framför att Kinas upptrappade aggressioner mot demokratin Taiwan måste "
        "mötas av fördjupade lokala samarbeten: ett tematiskt partnerskapsprojekt inom "
        "hantering av desinformation och ett vänortsavtal med Taipei."
    ),
    "agreement": {"type": "twin_city", "partner": "Taipei", "theme": "Hantering av desinformation"},
    "city_wide": True,
}


def test_the_case_is_the_seed() -> None:
    assert "Dnr KS 2024/269" in SEED
    assert "vänortsavtal med Taipei" in SEED
    assert "Kinas upptrappade aggressioner mot demokratin Taiwan" in SEED


def test_conflict_with_twin_cities_and_foreign_policy_concern_and_forum_ks() -> None:
    item = make_item(**TAIPEI)
    found = {a.principle: a for a in assess(item, today=date(2024, 6, 19))}
    assert found["vanorter"].verdict is Verdict.CONFLICT
    assert "vänortsavtal" in found["vanorter"].quote
    assert found["utrikespolitik"].verdict in (Verdict.CONFLICT, Verdict.WARNING)
    forum, why = route(item)
    assert forum is Forum.KS
    assert "Kommunstyrelsen" in why


def test_marked_as_foreign_policy_as_stadsledningskontoret_judged_it() -> None:
    item = make_item(**TAIPEI, foreign_policy=True)
    found = {a.principle: a.verdict for a in assess(item, today=date(2024, 6, 19))}
    assert found["utrikespolitik"] is Verdict.CONFLICT
    assert found["vanorter"] is Verdict.CONFLICT
