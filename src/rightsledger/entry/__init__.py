"""One-form violation entry: who did what to whom, when, where, according to whom.

``parse_entry`` cleans the form's strings into a ``ViolationEntry``; ``record_violation`` writes
the event, victim, perpetrator, act, involvement, source and citation it describes in one
transaction, creating what is new and reusing what exists; ``suggest`` finds existing records to
reuse before adding new ones. The web page and the API are thin shells over these three.
"""

from rightsledger.entry.form import (
    FIELDS,
    SECTIONS,
    ActDetails,
    DocumentSpan,
    NewEvent,
    NewGroup,
    NewIndividual,
    NewInformation,
    NewOrganization,
    Perpetrator,
    PersonNames,
    Source,
    ViolationEntry,
    parse_entry,
)
from rightsledger.entry.record import EntryResult, record_violation
from rightsledger.entry.suggest import SUGGESTION_KINDS, Suggestion, suggest

__all__ = [
    "FIELDS",
    "SECTIONS",
    "SUGGESTION_KINDS",
    "ActDetails",
    "DocumentSpan",
    "EntryResult",
    "NewEvent",
    "NewGroup",
    "NewIndividual",
    "NewInformation",
    "NewOrganization",
    "Perpetrator",
    "PersonNames",
    "Source",
    "Suggestion",
    "ViolationEntry",
    "parse_entry",
    "record_violation",
    "suggest",
]
