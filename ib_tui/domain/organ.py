"""The organ whose meetings the register keeps, and what kind it is.

IB is a *beredning under kommunstyrelsen*: it prepares and states its position; the decision is
taken afterwards by whoever has the power (finansborgarrådet on delegation, KS, KF, the nämnd).
The same register can serve a deciding organ (a nämnd, KS): then the meeting's position *is*
the decision, and it writes a protokoll with justering (KL 5 kap. 67–69 §§). See
docs/meetings.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class OrganKind(StrEnum):
    BEREDNING = "beredning"
    DECIDING = "deciding"

    @property
    def label(self) -> str:
        return ORGAN_KIND_LABELS[self]


ORGAN_KIND_LABELS = {
    OrganKind.BEREDNING: "beredning (bereder och tar ställning, beslutar inte)",
    OrganKind.DECIDING: "beslutande organ (nämnd, kommunstyrelsen)",
}
DEFAULT_ORGAN_NAME = "Internationella beredningen"


@dataclass(frozen=True, slots=True)
class Organ:
    name: str = DEFAULT_ORGAN_NAME
    kind: OrganKind = OrganKind.BEREDNING

    @property
    def deciding(self) -> bool:
        return self.kind is OrganKind.DECIDING

    @property
    def subject(self) -> str:
        """Who speaks in a position: "Beredningen tillstyrker …", "Kulturnämnden beslutar …"."""
        return self.name if self.deciding else "Beredningen"


DEFAULT_ORGAN = Organ()
