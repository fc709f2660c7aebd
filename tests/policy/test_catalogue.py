"""The shipped strategy (spaces restored, words unchanged), the catalogue's quotes verbatim in it,
the principles in order, and the settings."""

from __future__ import annotations

import hashlib
import re

import pytest

from ib_tui.policy import PRINCIPLE_IDS, Principle, SettingError, load_catalogue, strategy_text


def squeezed(text: str) -> str:
    """The text with line-end hyphenation joined and all whitespace removed: the letters, digits
    and punctuation alone."""
    text = re.sub(r"-\s*\n\s*(?=[a-zåäö])", "", text)
    return re.sub(r"\s+", "", text)


def flowing(text: str) -> str:
    """The text as one line: every run of whitespace one space."""
    return " ".join(text.split())


# sha256 of squeezed() of the strategy as extracted from the PDF (the seed copy, before the
# spaces were restored). Restoring spaces and joining words broken over lines must leave every
# other character as it was: no word of the city's decision document is changed.
EXTRACTED_SHA256 = "c553484413f5dbd2f76ac73ceb6b76ca56d2d468e6c253c64ecc8a2ca0027182"
STRATEGY = flowing(strategy_text())


def test_the_shipped_strategy_has_the_extracted_words_unchanged() -> None:
    digest = hashlib.sha256(squeezed(strategy_text()).encode("utf-8")).hexdigest()
    assert digest == EXTRACTED_SHA256


def test_the_shipped_strategy_has_its_spaces_restored() -> None:
    text = strategy_text()
    assert not re.search(r"[a-zåäöA-ZÅÄÖ]{30,}", text)  # no glued run of words left
    assert not re.search(r"[a-zåäö]-\n[a-zåäö]", text)  # no word broken over a line
    for glued in ("arbetetfinns", "kvalitetoch", "förstadenär", "Nämnderoch", "interna tio"):
        assert glued not in text
    assert "Beslut om deltagande i konferenser och andra evenemang utomlands" in STRATEGY


def test_lists_the_principles_in_order() -> None:
    assert tuple(principle.id for principle in load_catalogue()) == PRINCIPLE_IDS


@pytest.mark.parametrize("principle", list(load_catalogue()), ids=lambda p: p.id)
def test_quotes_are_whole_sentences_of_the_strategy_verbatim(principle: Principle) -> None:
    """Each quote stands in the shipped text as written, from a sentence's start to its end
    (a footnote mark may follow), spaces and all."""
    if not principle.from_strategy:
        return  # its criteria are the app's own words (test_other_sources_are_named)
    for passage in filter(None, (principle.quote, principle.footnote)):
        assert passage == flowing(passage), passage
        start = STRATEGY.find(passage)
        assert start >= 0, passage
        before, after = STRATEGY[:start], STRATEGY[start + len(passage) :]
        assert before == "" or before.endswith(" "), passage
        assert passage[-1] in ".:)", passage
        assert after == "" or after[0] == " " or after[0].isdigit(), passage


@pytest.mark.parametrize("principle", list(load_catalogue()), ids=lambda p: p.id)
def test_sections_match_design(principle: Principle) -> None:
    expected = {
        "besok": "3", "befintliga-forum": "3.3", "eu-projekt": "3.3", "syfte": "2–3",
        "mottagning": "",
    }  # fmt: skip
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


def test_other_sources_are_named_and_their_criteria_are_not_strategy_sentences() -> None:
    (other,) = [principle for principle in load_catalogue() if not principle.from_strategy]
    assert other.id == "mottagning"
    assert other.source == "Stockholms stads regler för representationsmottagningar i Stadshuset"
    assert other.source_url and other.source_url.startswith("https://start.stockholm/")
    criteria = other.quote.format(**other.settings)
    assert "mer än 50 % av deltagarna kommer från utlandet" in criteria
    assert "EM- eller VM-nivå" in criteria and "minst 150 gäster" in criteria
    assert flowing(criteria) not in STRATEGY


def test_every_setting_is_worded_for_the_panel() -> None:
    catalogue = load_catalogue()
    for key in catalogue.settings():
        words = catalogue.describe(key)
        assert key not in words and "{" not in words, key
    assert catalogue.describe("mattfullhet.max_gifts_per_guest") == (
        "Gräns för gåvor per gäst: 300 kr"
    )
    assert catalogue.describe("mottagning.preferred_min_guests") == (
        "Önskat minsta antal gäster: 150"
    )


@pytest.mark.parametrize("principle", list(load_catalogue()), ids=lambda p: p.id)
def test_each_quote_stands_in_the_section_the_catalogue_names(principle: Principle) -> None:
    """The full-text view finds the sentence, in a paragraph of the section the panel shows."""
    from ib_tui.policy.strategy import RECEPTION_SENTENCE, find_passage, paragraphs

    sentence = principle.quote if principle.from_strategy else RECEPTION_SENTENCE
    passage = find_passage(sentence)
    assert passage is not None
    section = paragraphs()[passage.paragraph].section
    if principle.from_strategy:
        assert section == principle.section.split("–")[0]
    else:
        assert section == "5"


def test_the_strategy_reads_as_paragraphs_under_its_headings() -> None:
    from ib_tui.policy.strategy import paragraphs

    headings = [p.text for p in paragraphs() if p.heading]
    assert headings[:3] == [
        "1. Bakgrund och syfte",
        "2. Övergripande mål för stadens internationella arbete",
        "3. Inriktningar för stadens internationella arbete",
    ]
    assert "Internationella beredningen (IB)" in headings
    assert {p.section for p in paragraphs()} == {
        "1",
        "2",
        "3",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "4",
        "5",
    }
