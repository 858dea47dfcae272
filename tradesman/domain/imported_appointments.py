"""Which blocks came from a phone's calendar, and from which appointment.

Remembered so that importing the same calendar file again adds nothing twice. One
record a block (an appointment past midnight is two blocks, both naming it); a record
stays when its block is deleted, so an appointment the owner threw away does not come
back with the next import.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportedAppointment:
    """A block made from a calendar appointment: `event` is the appointment's UID
    (with the occurrence, for one that repeats), as `exchange/calendar_in.py` names it."""

    block_id: int
    event: str
    id: int | None = None
