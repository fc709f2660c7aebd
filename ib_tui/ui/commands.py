"""Command palette entries generated from the live bindings: one source for keys, palette and
help, so an action reachable by a key is also reachable by name (and vice versa)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

from textual.app import SystemCommand
from textual.dom import DOMNode
from textual.screen import Screen

# Textual's own bindings (they carry no id), in Swedish; any other id-less one is left out of
# the palette rather than shown in English.
TEXTUAL_ACTIONS = {
    "app.focus_next": "Nästa fält",
    "app.focus_previous": "Föregående fält",
    "screen.copy_text": "Kopiera markerad text",
}


def binding_commands(screen: Screen) -> Iterator[SystemCommand]:
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        description = binding.description if binding.id else TEXTUAL_ACTIONS.get(binding.action)
        if not description or binding.action in seen or not active.enabled:
            continue
        if binding.action in ("quit", "command_palette"):
            continue  # the palette lists these itself
        seen.add(binding.action)
        shown = screen.app.get_key_display(binding) if binding.key_display is None else key
        yield SystemCommand(
            description,
            f"Tangent: {binding.key_display or shown}",
            _runner(screen, active.node, binding.action),
        )


def _runner(screen: Screen, node: DOMNode, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await screen.app.run_action(action, node)  # what node.run_action does, typed

    return run
