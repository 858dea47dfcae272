"""The tables, as typed SQLAlchemy models.

The tables themselves are created by the migrations (migrations.py), never by
`create_all`: a migration must keep creating the schema of its own version even after
these models move on. A test checks that both describe the same columns.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Boolean, Dialect, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcTimestamp(TypeDecorator[datetime]):
    """A moment in time, kept as ISO 8601 text in UTC ('2026-11-23T09:15:00+00:00')."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must carry a time zone")
        return value.astimezone(UTC).isoformat(timespec="seconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class IsoDate(TypeDecorator[date]):
    """A calendar day as 'YYYY-MM-DD' text, which sorts and compares as dates do."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


class Base(DeclarativeBase):
    pass


class TaskRow(Base):
    __tablename__ = "task"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    area: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(IsoDate)
    estimate_minutes: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[datetime] = mapped_column(UtcTimestamp)
    completed: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    rule_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("task_rule.id", ondelete="SET NULL")
    )
    customer_job: Mapped[bool] = mapped_column(Boolean, default=True)
    source_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("source.id"))
    lead_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("lead.id", ondelete="SET NULL"))
    purpose: Mapped[str | None] = mapped_column(Text)


class TaskRuleRow(Base):
    __tablename__ = "task_rule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    area: Mapped[str] = mapped_column(Text)
    every: Mapped[str] = mapped_column(Text)
    interval: Mapped[int] = mapped_column(Integer)
    first_due: Mapped[date] = mapped_column(IsoDate)
    estimate_minutes: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    nth: Mapped[int] = mapped_column(Integer, default=1)
    weekday: Mapped[int] = mapped_column(Integer, default=0)
    until: Mapped[date | None] = mapped_column(IsoDate)
    lead_days: Mapped[int] = mapped_column(Integer, default=7)
    next_due: Mapped[date] = mapped_column(IsoDate)
    customer_job: Mapped[bool] = mapped_column(Boolean, default=True)


class BlockRow(Base):
    __tablename__ = "block"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(IsoDate)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)
    area: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(Text)
    actual_minutes: Mapped[int | None] = mapped_column(Integer)
    task_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("task.id", ondelete="SET NULL"))
    series_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("series.id", ondelete="SET NULL")
    )
    source_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("source.id"))
    purpose: Mapped[str | None] = mapped_column(Text)


class SeriesRow(Base):
    __tablename__ = "series"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    area: Mapped[str] = mapped_column(Text)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    weekdays: Mapped[int] = mapped_column(Integer)  # bit 0 is Monday
    every_weeks: Mapped[int] = mapped_column(Integer)
    weeks_from: Mapped[int] = mapped_column(Integer, default=0)
    first_day: Mapped[date] = mapped_column(IsoDate)
    until: Mapped[date | None] = mapped_column(IsoDate)
    made_through: Mapped[date] = mapped_column(IsoDate)
    task_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("task.id", ondelete="SET NULL"))
    source_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("source.id"))
    purpose: Mapped[str | None] = mapped_column(Text)


class SeriesSkipRow(Base):
    __tablename__ = "series_skip"

    series_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("series.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(IsoDate, primary_key=True)


class PlanRow(Base):
    """The doer-to-marketer plan; there is one at most, always row 1."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[date] = mapped_column(IsoDate)
    weeks: Mapped[int] = mapped_column(Integer)
    target_share: Mapped[float] = mapped_column(Float)
    capacity_minutes: Mapped[int] = mapped_column(Integer)
    typed_baseline: Mapped[float | None] = mapped_column(Float)
    marketing_floor: Mapped[float] = mapped_column(Float, default=0.5)


class HandOffRow(Base):
    __tablename__ = "hand_off"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    area: Mapped[str] = mapped_column(Text)
    way: Mapped[str] = mapped_column(Text)
    minutes_a_week: Mapped[int | None] = mapped_column(Integer)
    done: Mapped[bool] = mapped_column(Boolean)


class CalendarEventRow(Base):
    """A block made from a calendar appointment, and which one (schema v10)."""

    __tablename__ = "calendar_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    block_id: Mapped[int] = mapped_column(Integer, unique=True)
    event: Mapped[str] = mapped_column(Text)


class SourceRow(Base):
    """Where work comes from (schema v7)."""

    __tablename__ = "source"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class LeadRow(Base):
    """One enquiry; amounts in minor units (schema v7)."""

    __tablename__ = "lead"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    who: Mapped[str] = mapped_column(Text)
    what: Mapped[str] = mapped_column(Text, default="")
    came_in: Mapped[date] = mapped_column(IsoDate)
    source_id: Mapped[int] = mapped_column(Integer, ForeignKey("source.id"))
    referred_by: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(Text)
    quoted_on: Mapped[date | None] = mapped_column(IsoDate)
    quote: Mapped[int | None] = mapped_column(Integer)
    decided_on: Mapped[date | None] = mapped_column(IsoDate)
    value: Mapped[int | None] = mapped_column(Integer)
    lost_reason: Mapped[str | None] = mapped_column(Text)
    not_quoted_reason: Mapped[str | None] = mapped_column(Text)


class SpendRow(Base):
    __tablename__ = "spend"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(IsoDate)
    amount: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("source.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class TakingsRow(Base):
    __tablename__ = "takings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[date] = mapped_column(IsoDate, unique=True)
    amount: Mapped[int] = mapped_column(Integer)


class ChangeCountRow(Base):
    """How many changes have been saved, ever (kept by triggers; see migrations.py)."""

    __tablename__ = "change_count"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    changes: Mapped[int] = mapped_column(Integer)


class SettingRow(Base):
    """One setting; the value is JSON text so each setting keeps its own type."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
