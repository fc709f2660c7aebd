"""Markdown exports (agenda, minutes, notes) and reports. Imports only `ib_tui.domain`."""
