"""Reading the strategy itself: its paragraphs, and where an assessment's sentence stands in them
(the full-text view opens there)."""

from __future__ import annotations

from ib_tui.policy import Assessment
from ib_tui.policy.strategy import (
    DNR,
    RECEPTION_SENTENCE,
    TITLE,
    Paragraph,
    Passage,
    find_passage,
    paragraphs,
)

__all__ = ["DNR", "TITLE", "Assessment", "Paragraph", "Passage", "paragraphs", "passage_for"]


def passage_for(assessment: Assessment) -> Passage | None:
    """The assessment's strategy sentence; for one whose source is other rules of the city (the
    reception rules), the strategy's own sentence on receptions in Stadshuset."""
    sentence = assessment.quote if assessment.from_strategy else RECEPTION_SENTENCE
    return find_passage(sentence)
