from __future__ import annotations

from dataclasses import replace

import pytest

from ib_tui.domain.changes import Conflict, Side, changed_fields, field_text, with_field
from ib_tui.domain.model import Costs
from ib_tui.domain.text import clean
from tests.conftest import make_item

BASE = replace(make_item(title="Eurocities 2026", city="Bryssel", costs={"travel": 5000}), id=1)
BASE = replace(BASE, version=3)


def test_changed_fields_names_costs_by_their_format_name() -> None:
    after = replace(BASE, title="Ny", costs=Costs(travel=6000))
    assert changed_fields(BASE, after) == ["title", "costs.travel"]
    assert with_field(BASE, "costs.travel", 6000).costs.travel == 6000


def test_a_field_only_one_side_changed_is_preset_to_that_side() -> None:
    mine = replace(BASE, title="Min rubrik")
    theirs = replace(BASE, city="Lissabon", version=4)
    conflict = Conflict.between(BASE, mine, theirs)
    assert conflict.presets() == {"title": Side.MINE, "city": Side.THEIRS}
    merged = conflict.merge(conflict.presets())  # type: ignore[arg-type]
    assert (merged.title, merged.city, merged.version) == ("Min rubrik", "Lissabon", 4)


def test_a_field_both_changed_has_no_preset_and_must_be_chosen() -> None:
    mine = replace(BASE, title="Min rubrik")
    theirs = replace(BASE, title="Deras rubrik", version=4)
    conflict = Conflict.between(BASE, mine, theirs)
    (field,) = conflict.fields
    assert field.both_changed and field.preset is None
    with pytest.raises(ValueError, match="no choice for title"):
        conflict.merge({})
    assert conflict.merge({"title": Side.MINE}).title == "Min rubrik"
    assert conflict.merge({"title": Side.THEIRS}).title == "Deras rubrik"


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    mine = replace(BASE, title="Samma")
    theirs = replace(BASE, title="Samma", version=4)
    assert Conflict.between(BASE, mine, theirs).fields == ()


def test_field_text_is_swedish() -> None:
    item = replace(BASE, digital=True)
    assert field_text(item, "costs.travel") == "5\u00a0000\u00a0kr"
    assert field_text(item, "digital") == "ja"
    assert field_text(item, "summary") == "–"
    assert field_text(item, "kind") == "konferensresa"


def test_clean_makes_control_characters_visible() -> None:
    assert clean("a\x1b[2Jb") == "a␛[2Jb"
    assert clean("x\u202ey") == "x�y"
    assert clean("rad 1\nrad 2") == "rad 1 rad 2"
    assert clean("rad 1\r\nrad 2", multiline=True) == "rad 1\nrad 2"
    assert clean("[bold red]") == "[bold red]"  # markup is not a control: Text shows it as is
