"""The plan's marketing floor (issue 15): a plan week is on track only when its business
share reaches the target *and* its marketing reaches a part of its planned business
hours. Admin-only business weeks are behind; the floor is kept in the file (schema v9),
carried by the exchange format (version 8) and refused in words when out of range."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.leads import Lead
from tradesman.domain.plan import (
    Plan,
    Standing,
    check_plan,
    how_weeks_went,
    marketing_done_of_needed,
    progress,
    ramp,
)
from tradesman.domain.settings import Settings
from tradesman.domain.split import Split
from tradesman.domain.validation import InvalidInput
from tradesman.exchange.document import DataSet, from_document, to_document
from tradesman.exchange.json_text import BadDocument, dump_document
from tradesman.paths import DataPaths
from tradesman.services import plan as plan_service
from tradesman.services import plan_view
from tradesman.services.edits import add_blocks
from tradesman.services.plan_rows import get_plan
from tradesman.store import tables
from tradesman.store.database import Store, open_store
from tradesman.store.migrations import MIGRATIONS, run_migrations

MONDAY = date(2026, 11, 2)
NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)
HOURS = 40 * 60


def four_weeks(**changes: object) -> Plan:
    """20 % → 40 % over four 40-hour weeks: 10, 12, 14 and 16 business hours."""
    plan = Plan(MONDAY, 4, 0.4, HOURS, typed_baseline=0.2)
    return plan.with_changes(**changes)


def judged(plan: Plan, *weeks: Split) -> list[Standing]:
    steps = ramp(plan, 0.2)
    actual = {step.week.start: split for step, split in zip(steps, weeks, strict=False)}
    ended = progress(steps, actual, date(2030, 1, 1))
    return [week.standing for week in ended[: len(weeks)]]


# Each week a little over its share, all of it admin: bookkeeping, not marketing.
ADMIN_ONLY = (
    Split(production=1800, admin=600),  # 25 % against 25 %
    Split(production=1680, admin=720),  # 30 % against 30 %
    Split(production=1500, admin=900),  # 37.5 % against 35 %
)


# -- the rule ---------------------------------------------------------------------------


def test_the_ramp_says_how_much_of_each_week_must_be_marketing() -> None:
    steps = ramp(four_weeks(), 0.2)
    assert [s.business_minutes for s in steps] == [600, 720, 840, 960]
    assert [s.marketing_floor_minutes for s in steps] == [300, 360, 420, 480]
    # A third of 10 h 45 min is 3 h 35 min: the quarter hour nearest, as the ramp's hours.
    odd = ramp(four_weeks(marketing_floor=1 / 3, capacity_minutes=43 * 60), 0.2)
    assert all(s.marketing_floor_minutes % 15 == 0 for s in odd)
    assert odd[0].business_minutes == 645 and odd[0].marketing_floor_minutes == 210


def test_admin_only_business_weeks_that_reach_the_share_are_behind() -> None:
    assert judged(four_weeks(), *ADMIN_ONLY) == [Standing.BEHIND] * 3
    weeks = progress(ramp(four_weeks(), 0.2), {MONDAY: ADMIN_ONLY[0]}, date(2026, 11, 9))
    (week,) = weeks
    assert not week.share_short and week.marketing_short
    assert week.points_behind == 0.0  # the share itself was reached
    assert (week.marketing_minutes, week.marketing_minutes_needed) == (0, 300)
    assert marketing_done_of_needed(week) == "marketing 0 h of 5 h"


def test_a_week_with_enough_marketing_is_on_track() -> None:
    enough = (
        Split(production=1800, marketing=300, admin=300),  # 5 h of the 5 h needed
        Split(production=1680, marketing=400, sales=320),  # 6 h 40 min of 6 h
        Split(production=1500, marketing=900),  # all of it marketing
    )
    assert judged(four_weeks(), *enough) == [Standing.ON_TRACK] * 3


def test_a_minute_short_of_the_floor_is_behind_only_on_marketing() -> None:
    week = Split(production=1800, marketing=299, admin=301)
    (judgement,) = progress(ramp(four_weeks(), 0.2), {MONDAY: week}, date(2026, 11, 9))
    assert judgement.standing is Standing.BEHIND and not judgement.share_short
    assert marketing_done_of_needed(judgement) == "marketing 4 h 59 min of 5 h"


def test_a_floor_of_nothing_brings_back_the_share_alone() -> None:
    assert judged(four_weeks(marketing_floor=0.0), *ADMIN_ONLY) == [Standing.ON_TRACK] * 3
    assert {s.marketing_floor_minutes for s in ramp(four_weeks(marketing_floor=0.0), 0.2)} == {0}
    # A share short is behind whatever the floor.
    short = Split(production=2000, marketing=400)  # 16.7 % against 25 %
    assert judged(four_weeks(marketing_floor=0.0), short) == [Standing.BEHIND]


def test_a_week_with_no_hours_is_not_judged_on_marketing_either() -> None:
    assert judged(four_weeks(), Split()) == [Standing.NO_HOURS]


def test_the_weeks_are_counted_with_those_behind_only_on_marketing() -> None:
    steps = ramp(four_weeks(), 0.2)
    weeks = {
        steps[0].week.start: ADMIN_ONLY[0],  # behind on marketing only
        steps[1].week.start: Split(production=2000, marketing=400),  # behind on share
        steps[2].week.start: Split(production=1500, marketing=900),  # on track
    }
    ended = progress(steps, weeks, date(2030, 1, 1))
    assert how_weeks_went(ended) == [
        "1 on track",
        "2 behind (1 only on marketing)",
        "1 with no hours marked done",
    ]


@pytest.mark.parametrize("floor", [-0.01, 1.01, float("nan")])
def test_a_floor_outside_0_to_100_percent_is_refused_in_words(floor: float) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_plan(four_weeks(marketing_floor=floor))
    assert refused.value.field == "marketing_floor"
    assert "between 0 % and 100 %" in refused.value.message


# -- the data file (schema v9) -----------------------------------------------------------


def _v8_file_with_a_plan(paths: DataPaths) -> None:
    open_store(paths, MIGRATIONS[:8]).close()
    db = sqlite3.connect(paths.database)
    db.execute(
        "INSERT INTO plan (id, start, weeks, target_share, capacity_minutes) "
        "VALUES (1, '2026-11-02', 12, 0.4, 2700)"
    )
    db.commit()
    db.close()


def test_a_v8_file_is_backed_up_then_its_plan_gets_half_as_its_floor(paths: DataPaths) -> None:
    _v8_file_with_a_plan(paths)
    store = open_store(paths, MIGRATIONS[:9])  # (the v9 step: later ones have their tests)
    try:
        with store.reading() as session:
            plan = get_plan(session)
    finally:
        store.close()
    assert plan is not None and plan.marketing_floor == 0.5
    db = sqlite3.connect(paths.database)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 9
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE plan SET marketing_floor = 1.5")
    db.close()
    (backup,) = paths.backups.iterdir()
    assert backup.name.endswith("before-update-to-v9.sqlite3")
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 8
    copy.close()


def test_a_failed_v9_step_leaves_the_file_at_v8(paths: DataPaths) -> None:
    """The step added its column, then something failed before the version moved:
    the column goes with it."""
    _v8_file_with_a_plan(paths)

    def added_then_failed(db: sqlite3.Connection) -> None:
        MIGRATIONS[8](db)
        raise sqlite3.OperationalError("disk I/O error")

    db = sqlite3.connect(paths.database, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        run_migrations(db, 8, (*MIGRATIONS[:8], added_then_failed))
    assert db.execute("PRAGMA user_version").fetchone()[0] == 8
    assert "marketing_floor" not in [row[1] for row in db.execute("PRAGMA table_info(plan)")]
    assert db.execute("SELECT weeks FROM plan").fetchall() == [(12,)]
    db.close()


def test_the_floor_is_saved_and_read_back(store: Store) -> None:
    with store.writing() as session:
        plan_service.save_plan(session, four_weeks(marketing_floor=0.25))
    with store.reading() as session:
        assert get_plan(session) == four_weeks(marketing_floor=0.25)


# -- the exchange format (version 8) -----------------------------------------------------


def document(plan: dict[str, object], version: int = 8) -> dict[str, object]:
    return {"format": "tradesman", "version": version, "plan": plan}


PLAN_7 = {"start": "2026-11-02", "weeks": 4, "target_business_share": 0.4, "hours_a_week": 40}


def read(doc: dict[str, object]) -> DataSet:
    return from_document(doc, Settings(), NOW)


def test_the_floor_goes_out_and_comes_back_exactly() -> None:
    data = read(document({**PLAN_7, "marketing_floor": 0.35}))
    assert data.plan is not None and data.plan.marketing_floor == 0.35
    written = json.loads(dump_document(to_document(data)))
    assert written["version"] == 8 and written["plan"]["marketing_floor"] == 0.35
    assert read(written).plan == data.plan


def test_a_file_from_before_the_floor_reads_as_half() -> None:
    data = read(document(PLAN_7, version=7))
    assert data.plan is not None and data.plan.marketing_floor == 0.5


@pytest.mark.parametrize(
    ("floor", "said"),
    [
        (1.5, "The marketing part of the business hours must be between 0 % and 100 %."),
        (-0.5, "The marketing part of the business hours must be between 0 % and 100 %."),
        ("half", '"marketing_floor" must be a number from 0 to 1.'),
        (True, '"marketing_floor" must be a number from 0 to 1.'),
    ],
)
def test_a_bad_floor_is_refused_naming_the_field(floor: object, said: str) -> None:
    with pytest.raises(BadDocument) as refused:
        read(document({**PLAN_7, "marketing_floor": floor}))
    assert str(refused.value) == f'The plan, field "marketing_floor": {said}'


# -- what came in, week by week, beside the plan ---------------------------------------


def test_the_plan_reads_the_enquiries_and_wins_of_its_weeks(store: Store) -> None:
    today = MONDAY + timedelta(days=21)  # weeks 1 and 2 have ended
    with store.writing() as session:
        for lead in (
            Lead("Before the plan", MONDAY - timedelta(days=1), 1),
            Lead("Mrs Patel", MONDAY + timedelta(days=1), 1)
            .quoted(MONDAY + timedelta(days=2), 90000)
            .won(MONDAY + timedelta(days=8)),
            Lead("J. Brown", MONDAY + timedelta(days=3), 1),
            Lead("Ann", MONDAY + timedelta(days=9), 1),
        ):
            tables.LEADS.put(session, lead)
        add_blocks(session, [TimeBlock(MONDAY, 420, 900, Area.ADMIN, "Books",
                                       status=BlockStatus.DONE)])  # fmt: skip
        plan_service.save_plan(session, four_weeks())
    with store.reading() as session:
        view = plan_view.read_plan_view(session, today)
    assert view is not None
    assert [(w.enquiries, w.won) for w in view.work_weeks] == [(2, 0), (1, 1), (0, 0), (0, 0)]
    assert view.work_in(view.ramp[1].week) == view.work_weeks[1]
    assert view.work_in(view.ramp[0].week.previous()) is None
