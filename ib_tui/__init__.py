"""ib-tui: the register and meeting tool of Stockholm city's Internationella beredningen."""

__version__ = "0.1.0"
