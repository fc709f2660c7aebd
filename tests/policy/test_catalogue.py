"""The catalogue quotes the strategy verbatim (spaces restored) and lists the 13 principles."""

from __future__ import annotations

import re

import pytest

from ib_tui.policy import PRINCIPLE_IDS, Principle, SettingError, load_catalogue, strategy_text


def squeezed(text: str) -> str:
    """The text with line-end hyphenation joined and all whitespace removed: what survives the
    PDF extraction's lost spaces."""
    text = re.sub(r"-\s*\n\s*(?=[a-zåäö])", "", text)
    return re.sub(r"\s+", "", text)


STRATEGY = squeezed(strategy_text())


def test_lists_the_thirteen_principles_in_order() -> None:
    assert tuple(principle.id for principle in load_catalogue()) == PRINCIPLE_IDS


@pytest.mark.parametrize("principle", list(load_catalogue()), ids=lambda p: p.id)
def test_quotes_are_the_strategys_own_words(principle: Principle) -> None:
    for passage in filter(None, (principle.quote, principle.footnote)):
        assert squeezed(passage) in STRATEGY, passage
        assert "  " not in passage and passage == passage.strip()
        # spaces restored: no run of glued words left from the PDF extraction
        assert not re.search(r"[a-zåäö]{30,}", passage), passage


@pytest.mark.parametrize("principle", list(load_catalogue()), ids=lambda p: p.id)
def test_sections_match_design(principle: Principle) -> None:
    expected = {"besok": "3", "befintliga-forum": "3.3", "eu-projekt": "3.3"}
    section = expected.get(principle.id)
    if section is None:
        section = "5" if principle.id in ("resursborda", "medlemskap", "ekonomisk-ram") else "4"
    assert principle.section == section


def test_settings_have_defaults_and_can_be_overridden() -> None:
    catalogue = load_catalogue()
    assert catalogue.setting("mattfullhet.max_gifts_per_guest") == 300
    assert catalogue.setting("intentionsavtal.review_years") == 4
    changed = catalogue.with_settings({"mattfullhet.max_gifts_per_guest": "400"})
    assert changed.setting("mattfullhet.max_gifts_per_guest") == 400
    assert catalogue.setting("mattfullhet.max_gifts_per_guest") == 300  # the original is intact


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("mattfullhet.max_pies", 1, "okänd inställning"),
        ("mattfullhet.max_gifts_per_guest", "många", "heltal"),
        ("mattfullhet.max_gifts_per_guest", -1, "≥ 0"),
    ],
)
def test_bad_settings_are_refused(key: str, value: object, message: str) -> None:
    with pytest.raises(SettingError, match=message):
        load_catalogue().with_settings({key: value})
