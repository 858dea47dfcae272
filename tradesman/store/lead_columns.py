"""The columns of the tables of work coming in (sources, enquiries, spend, takings),
declared once as columns.py declares the others.

Apart so that the start-up readers, which need none of them, do not load the enquiries'
code before the week is shown.
"""

from __future__ import annotations

from tradesman.domain.leads import (
    Lead,
    LeadState,
    LostReason,
    NotQuotedReason,
    Source,
    SourceKind,
    Spend,
    Takings,
)
from tradesman.store.columns import Columns, choice, day, flag, maybe_choice, plain

SOURCE = Columns(
    "source", Source, (*plain("id", "name"), choice("kind", SourceKind), flag("archived"))
)

LEAD = Columns(
    "lead",
    Lead,
    (
        *plain("id", "who", "what"),
        day("came_in"),
        *plain("source_id", "referred_by", "notes"),
        choice("state", LeadState),
        day("quoted_on"),
        *plain("quote"),
        day("decided_on"),
        *plain("value"),
        maybe_choice("lost_reason", LostReason),
        maybe_choice("not_quoted_reason", NotQuotedReason),
    ),
)

SPEND = Columns("spend", Spend, (*plain("id"), day("day"), *plain("amount", "source_id", "note")))

TAKINGS = Columns("takings", Takings, (*plain("id"), day("month"), *plain("amount")))
