"""Command palette entries generated from the live bindings: one source for keys, palette and
help, so an action reachable by a key is also reachable by name (and vice versa)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

from textual.app import SystemCommand
from textual.dom import DOMNode
from textual.screen import Screen


def binding_commands(screen: Screen) -> Iterator[SystemCommand]:
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or binding.action in seen or not active.enabled:
            continue
        if binding.action in ("quit", "command_palette"):
            continue  # the palette lists these itself
        seen.add(binding.action)
        shown = screen.app.get_key_display(binding) if binding.key_display is None else key
        yield SystemCommand(
            binding.description,
            f"Tangent: {binding.key_display or shown}",
            _runner(screen, active.node, binding.action),
        )


def _runner(screen: Screen, node: DOMNode, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await screen.app.run_action(action, node)  # what node.run_action does, typed

    return run
