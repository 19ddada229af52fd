"""What a report is about and how it may show it: the parameters a manifest keeps.

The same parameters, read back from a report's manifest, let ``report verify`` re-derive every
figure exactly as the report computed it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from rightsledger.errors import UserError
from rightsledger.i18n import clean_language
from rightsledger.store.io.exporter import PUBLIC_THRESHOLD

KINDS = ("situation", "perpetrator", "event")


@dataclass(frozen=True)
class ReportParameters:
    kind: str = "situation"
    subject: str | None = None  # --id: an event (situation, event) or a perpetrator
    lang: str = "en"
    public: bool = False
    as_of: dt.date = dt.date(2000, 1, 1)
    # Identities hidden: always in public reports, and for roles that may not see them.
    pseudonymised: bool = False
    threshold: int = PUBLIC_THRESHOLD

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise UserError(f'--kind must be one of {", ".join(KINDS)}, not "{self.kind}"')
        if self.kind != "situation" and not self.subject:
            raise UserError(f"a {self.kind} report needs --id")
        object.__setattr__(self, "lang", clean_language(self.lang))
        if self.public:
            object.__setattr__(self, "pseudonymised", True)

    @property
    def published_only(self) -> bool:
        """Public reports draw on published records only."""
        return self.public

    def suppress(self, count: int | None) -> bool:
        """Whether a public report must hide this count (from 1 to the threshold less one)."""
        return self.public and count is not None and 0 < count < self.threshold

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.subject,
            "lang": self.lang,
            "public": self.public,
            "as_of": self.as_of.isoformat(),
            "pseudonymised": self.pseudonymised,
            "threshold": self.threshold,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReportParameters:
        try:
            return cls(
                kind=str(data["kind"]),
                subject=None if data.get("id") is None else str(data["id"]),
                lang=str(data["lang"]),
                public=bool(data["public"]),
                as_of=dt.date.fromisoformat(str(data["as_of"])),
                pseudonymised=bool(data.get("pseudonymised", False)),
                threshold=int(data.get("threshold", PUBLIC_THRESHOLD)),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise UserError(f"the report's parameters are malformed ({error})") from None
