"""The principle catalogue: ids, sections, titles, the strategy's sentences, and settings.

Every principle quotes the strategy, except those whose `source` names other rules of the city
(the reception rules for Stadshuset): their `quote` is the criteria in the app's own words, and
it is never shown as a strategy sentence."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

from ib_tui.errors import SettingError as SettingError  # re-exported

PRINCIPLE_IDS = (
    "utrikespolitik", "vanorter", "samarbetsavtal", "intentionsavtal", "bistand",
    "inbjudningsbrev", "mattfullhet", "besok", "befintliga-forum", "eu-projekt",
    "resursborda", "medlemskap", "ekonomisk-ram", "syfte", "mottagning",
)  # fmt: skip
STRATEGY = "strategy"


@dataclass(frozen=True, slots=True)
class Principle:
    id: str
    section: str
    title: str
    quote: str
    footnote: str | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)
    # How each setting reads in the panel: "Gräns för gåvor per gäst: {value} kr".
    wording: Mapping[str, str] = field(default_factory=dict)
    source: str = STRATEGY
    source_url: str | None = None

    @property
    def from_strategy(self) -> bool:
        return self.source == STRATEGY


@dataclass(frozen=True)
class Catalogue:
    principles: Mapping[str, Principle]

    def __getitem__(self, principle_id: str) -> Principle:
        return self.principles[principle_id]

    def __iter__(self) -> Iterator[Principle]:
        return iter(self.principles.values())

    def setting(self, key: str) -> Any:
        """A setting by its dotted key, `mattfullhet.max_gifts_per_guest`."""
        principle_id, _, name = key.partition(".")
        try:
            return self.principles[principle_id].settings[name]
        except KeyError:
            raise SettingError(f"okänd inställning {key!r}") from None

    def describe(self, key: str) -> str:
        """A setting in words, with its value: "Gräns för gåvor per gäst: 300 kr"."""
        principle_id, _, name = key.partition(".")
        template = self.principles[principle_id].wording.get(name, key + ": {value}")
        return template.format(value=setting_text(self.setting(key)))

    def settings(self) -> dict[str, Any]:
        return {
            f"{principle.id}.{name}": value
            for principle in self
            for name, value in principle.settings.items()
        }

    def with_settings(self, overrides: Mapping[str, Any]) -> Catalogue:
        """A copy with some settings changed; each override must match the default's type."""
        principles = dict(self.principles)
        for key, value in overrides.items():
            default = self.setting(key)
            coerced = coerce_setting(key, default, value)
            principle_id, _, name = key.partition(".")
            principle = principles[principle_id]
            principles[principle_id] = replace(
                principle, settings={**principle.settings, name: coerced}
            )
        return Catalogue(principles)


# The range a number setting may take, by its name: a value outside it is a typo, and some would
# break the arithmetic (a review interval of 9000 years runs past the calendar).
SETTING_RANGES = {
    "review_years": (1, 50),
    "max_gifts_per_guest": (0, 1_000_000),
    "max_meals_per_guest": (0, 1_000_000),
    "max_transport_per_guest": (0, 1_000_000),
    "large_cost": (0, 10_000_000_000),
    "max_overrun_percent": (0, 1000),
}
DEFAULT_RANGE = (0, 10_000_000_000)


def setting_range(key: str) -> tuple[int, int]:
    return SETTING_RANGES.get(key.rpartition(".")[2], DEFAULT_RANGE)


def coerce_setting(key: str, default: Any, value: Any) -> Any:
    """Brings a setting typed on the command line or stored as JSON to its default's type."""
    if isinstance(default, bool):
        raise SettingError(f"{key}: kan inte ändras")
    if isinstance(default, int):
        try:
            number = int(str(value).replace(" ", ""))
        except ValueError:
            raise SettingError(f"{key}: måste vara ett heltal") from None
        if number < 0:
            raise SettingError(f"{key}: måste vara ≥ 0")
        low, high = setting_range(key)
        if not low <= number <= high:
            raise SettingError(
                f"{key}: måste vara mellan {low} och {high:,}".replace(",", "\u00a0")
                + f" (angivet: {number})"
            )
        return number
    if isinstance(default, list):
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",")]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise SettingError(f"{key}: måste vara en lista av ord, avskilda med komma")
        return value
    raise SettingError(f"{key}: kan inte ändras")


def setting_text(value: Any) -> str:
    """A setting's value as the panel shows it: 12 500, or the first words of a list."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", "\u00a0")
    if isinstance(value, list):
        shown = ", ".join(f"”{word}”" for word in value[:5])
        return shown + (" m.fl." if len(value) > 5 else "")
    return str(value)


@cache
def strategy_text() -> str:
    """The strategy itself (KS 2021/154, the city's public decision document), as shipped in
    ib_tui/data/: the text the catalogue quotes and the tests check the quotes against."""
    return resources.files("ib_tui").joinpath("data/internationell-strategi.txt").read_text("utf-8")


@cache
def load_catalogue() -> Catalogue:
    """The catalogue as shipped, from ib_tui/data/principles.toml."""
    text = resources.files("ib_tui").joinpath("data/principles.toml").read_text("utf-8")
    return parse_catalogue(text)


def parse_catalogue(text: str) -> Catalogue:
    data = tomllib.loads(text)
    principles = {}
    for entry in data["principle"]:
        principle = Principle(
            id=entry["id"],
            section=str(entry["section"]),
            title=entry["title"],
            quote=entry["quote"],
            footnote=entry.get("footnote"),
            settings=dict(entry.get("settings", {})),
            wording=dict(entry.get("wording", {})),
            source=entry.get("source", STRATEGY),
            source_url=entry.get("source_url"),
        )
        principles[principle.id] = principle
    if tuple(principles) != PRINCIPLE_IDS:
        raise ValueError(f"principles.toml must list {PRINCIPLE_IDS}, in order")
    return Catalogue(principles)
