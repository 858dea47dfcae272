"""Repeating series in the file: each with its skipped days and how far its blocks are
made, read and written in plain SQL (services/series.py decides what to write)."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.series import SeriesRecord
from tradesman.errors import UserError
from tradesman.store.columns import SERIES
from tradesman.store.reads import dbapi_connection
from tradesman.store.tables import SERIES as SERIES_TABLE

if TYPE_CHECKING:
    from tradesman.store.reads import Db

_RECORDS = f"SELECT {SERIES.names()}, made_through FROM series"


class SeriesGone(UserError):
    """The series was removed meanwhile."""


def get_record(db: Db, series_id: int) -> SeriesRecord:
    found = records_of(db, [series_id])
    if not found:
        raise SeriesGone("That repeating block no longer exists.")
    return found[0]


def records_of(db: Db, series_ids: list[int]) -> list[SeriesRecord]:
    """The series with these ids that are still there, by id."""
    marks = ", ".join("?" for _ in series_ids)
    return _records(db, f"WHERE id IN ({marks}) ORDER BY id", tuple(series_ids))


def all_records(db: Db) -> list[SeriesRecord]:
    """Every series, in the order they were made."""
    return _records(db, "ORDER BY id")


def _records(db: Db, rest: str, params: tuple[int, ...] = ()) -> list[SeriesRecord]:
    connection = dbapi_connection(db)
    skipped: dict[int, set[date]] = {}
    width = len(SERIES.columns)
    rows = connection.execute(f"{_RECORDS} {rest}", params).fetchall()
    if rows:
        picked = "" if len(rows) > 1 else f" WHERE series_id = {int(rows[0][0])}"
        for series_id, day in connection.execute(f"SELECT series_id, day FROM series_skip{picked}"):
            skipped.setdefault(series_id, set()).add(date.fromisoformat(day))
    return [
        SeriesRecord(
            SERIES.from_values(row[:width]),
            date.fromisoformat(row[width]),
            frozenset(skipped.get(row[0], ())),
        )
        for row in rows
    ]


def put_record(db: Db, record: SeriesRecord) -> None:
    """Store `record` exactly (insert or overwrite, skipped days included)."""
    series = record.series
    assert series.id is not None
    SERIES_TABLE.write(db, series, made_through=record.made_through)
    connection = dbapi_connection(db)
    connection.execute("DELETE FROM series_skip WHERE series_id = ?", (series.id,))
    connection.executemany(
        "INSERT INTO series_skip (series_id, day) VALUES (?, ?)",
        [(series.id, day.isoformat()) for day in sorted(record.skipped)],
    )


def made_through(db: Db, series_id: int, day: date) -> None:
    """The series' blocks are made up to `day` now."""
    dbapi_connection(db).execute(
        "UPDATE series SET made_through = ? WHERE id = ?", (day.isoformat(), series_id)
    )


def series_behind_ids(db: Db, last: date) -> list[int]:
    """The series that still have blocks to make up to `last`."""
    rows = dbapi_connection(db).execute(
        "SELECT id FROM series WHERE made_through < ?"
        " AND (until IS NULL OR made_through < until) ORDER BY id",
        (last.isoformat(),),
    )
    return [key for (key,) in rows.fetchall()]


def series_naming_source(db: Db, source_id: int) -> list[int]:
    """The series whose blocks are said to work for `source_id`."""
    rows = dbapi_connection(db).execute(
        "SELECT id FROM series WHERE source_id = ? ORDER BY id", (source_id,)
    )
    return [key for (key,) in rows.fetchall()]


# The blocks a change keeps, given as one JSON list of ids (there may be thousands).
_NOT_KEPT = "id NOT IN (SELECT value FROM json_each(?))"


def remove_blocks_of(
    db: Db, series_id: int | None, kept: Collection[int], after: date | None = None
) -> None:
    """Remove the series' blocks (only those after `after`, when given) but `kept`."""
    sql = f"DELETE FROM block WHERE series_id = ? AND {_NOT_KEPT}"
    params: tuple[object, ...] = (series_id, json.dumps(sorted(kept)))
    if after is not None:
        sql += " AND day > ?"
        params += (after.isoformat(),)
    dbapi_connection(db).execute(sql, params)


def remove_series(db: Db, series_id: int | None) -> None:
    dbapi_connection(db).execute("DELETE FROM series WHERE id = ?", (series_id,))
