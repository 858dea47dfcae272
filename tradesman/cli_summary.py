"""`tradesman summary`: a week's hours and what came in, read over bare sqlite3.

Loading SQLAlchemy costs more than the whole answer, so the summary reads with the same
queries the services use over a plain connection, as the window's first look does. Only
when the week's repeating blocks are not made yet (a week far ahead) is the store
opened to make them first, as the window would on showing that week.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tradesman.domain.areas import AREAS, Area
from tradesman.errors import UsageError

if TYPE_CHECKING:
    from tradesman.domain.settings import Settings
    from tradesman.domain.split import Split, WeekSplit
    from tradesman.domain.weeks import Week
    from tradesman.domain.work_weeks import WorkWeek
    from tradesman.paths import DataPaths


def summary(
    database: Path, paths: DataPaths, locale_name: str | None, week_text: str | None, as_json: bool
) -> int:
    from tradesman.services.plan_baseline import current_plan_ramp, target_in
    from tradesman.services.settings import settings_from
    from tradesman.services.summary import split_of_days, work_of_week_over
    from tradesman.store.datafile import connect

    today = date.today()
    with contextlib.closing(connect(database)) as db:
        settings = settings_from(db, locale_name)
        week = week_named(settings, week_text)
    make_series_for(database, paths, week, today)
    with contextlib.closing(connect(database)) as db:
        db.execute("BEGIN")  # (one consistent read)
        split = split_of_days(db, week.start, week.end)
        work = work_of_week_over(db, week)
        # (The plan's target for the week where a plan runs, as the window shows.)
        target = target_in(current_plan_ramp(db, today), week, settings)
        db.execute("ROLLBACK")
    if as_json:
        import json

        print(json.dumps(summary_document(week, split, work)))
    else:
        print(summary_text(week, split, target))
    return 0


def make_series_for(database: Path, paths: DataPaths, week: Week, today: date) -> None:
    """Make the repeating blocks `week` needs, as the window does on showing it, when
    any are still to be made (a write of its own). Only then is the store opened, and
    SQLAlchemy loaded."""
    from tradesman.domain.series import LOOK_AHEAD
    from tradesman.store.datafile import connect
    from tradesman.store.reads import series_behind

    with contextlib.closing(connect(database)) as db:
        behind = series_behind(db, min(week.end, today + LOOK_AHEAD))
    if not behind:
        return
    from tradesman.services.series import catch_up_series
    from tradesman.store.database import Store

    store = Store(database, paths.backups)
    try:
        catch_up_series(store, week.end, today)
    finally:
        store.close()


def week_named(settings: Settings, week_text: str | None) -> Week:
    """The week `--week` names (this week when it is left out), by the owner's week start."""
    from tradesman.domain.weeks import parse_week, week_containing

    if week_text is None:
        return week_containing(date.today(), settings.week_start)
    try:
        return parse_week(week_text, settings.week_start)
    except ValueError as exc:  # a slip in the command line, as the README says: exit 2
        raise UsageError(str(exc)) from None


def summary_document(week: Week, split: WeekSplit, work: WorkWeek | None = None) -> dict[str, Any]:
    """The exact JSON that `summary --json` prints: the week's hours and, with `work`,
    what came in (enquiries, quotes given, jobs won and their worth in the currency)."""
    document: dict[str, Any] = {
        "week_start": week.start.isoformat(),
        "week_end": week.end.isoformat(),
        "planned": _split_hours(split.planned),
        "actual": _split_hours(split.actual),
    }
    if work is not None:
        from tradesman.exchange.values import encode_amount

        document |= {
            "enquiries": work.enquiries,
            "quotes_out": work.quotes,
            "won": work.won,
            "won_value": encode_amount(work.won_value),
            "marketing_hours": _hours(split.actual.minutes(Area.MARKETING)),
        }
    return document


def _split_hours(split: Split) -> dict[str, float | None]:
    hours: dict[str, float | None] = {area.value: _hours(split.minutes(area)) for area in AREAS}
    hours["technician"] = _hours(split.technician_minutes)
    hours["business"] = _hours(split.business_minutes)
    share = split.business_share
    hours["business_share"] = None if share is None else round(share, 4)
    return hours


def _hours(minutes: int) -> float:
    return round(minutes / 60, 2)


def summary_text(week: Week, split: WeekSplit, target: float) -> str:
    from tradesman.domain.numbers import percent

    def row(name: str, planned: int, actual: int) -> str:
        return f"{name:<16}{_hours(planned):>9.2f} h{_hours(actual):>9.2f} h"

    lines = [week.label, f"{'':<16}{'planned':>11}{'actual':>11}"]
    lines += [
        row(area.label, split.planned.minutes(area), split.actual.minutes(area)) for area in AREAS
    ]
    lines.append(
        row("Technician", split.planned.technician_minutes, split.actual.technician_minutes)
    )
    lines.append(row("Business", split.planned.business_minutes, split.actual.business_minutes))
    lines.append(
        f"{'Business share':<16}{percent(split.planned.business_share):>11}"
        f"{percent(split.actual.business_share):>11}   (target {percent(target)})"
    )
    return "\n".join(lines)
