"""The child that tests/test_crash_kill.py kills: it edits the data file until it dies.

    python tests/crash_child.py DATA_FOLDER SEED ROUND

It imports what it needs, says "ready", and waits for a line on stdin (so the parent
can start it early and overlap the slow imports with the previous child's run). Then
it opens the data file the way the app does and makes edits through the services,
each one `with store.writing() as session:`. Around every edit it prints one JSON
line: {"begin": ...} before the transaction and {"done": ...} once the commit has
returned, so the parent knows what is committed and what may be in flight.
"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.plan import HandOff, HandOffWay, Plan
from tradesman.domain.series import Series, occurrence_days
from tradesman.domain.settings import Settings
from tradesman.domain.tasks import Task
from tradesman.paths import prepare_data_folder
from tradesman.services import edits, plan, task_edits
from tradesman.services.settings import save_settings
from tradesman.store.database import Store
from tradesman.store.datafile import open_data_file

GIVE_UP_SECONDS = 20  # never outlive a parent that forgot to kill us
PLAN_START = date(2026, 1, 5)  # a Monday
TODAY = date(2026, 6, 1)


def say(**line: object) -> None:
    sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()


def main(folder: Path, seed: int, round_number: int) -> None:
    rng = random.Random(seed)
    say(ready=True)
    sys.stdin.readline()
    paths = prepare_data_folder(folder)
    store = Store(open_data_file(paths), paths.backups)
    with store.reading() as session:
        own = [key for (key,) in session.execute("SELECT id FROM block WHERE series_id IS NULL")]
    say(opened=True)
    deadline = time.monotonic() + GIVE_UP_SECONDS
    number = 0
    while time.monotonic() < deadline:
        number += 1
        name = f"r{round_number}e{number}"
        op = rng.choices(
            ["add_blocks", "change_block", "delete_blocks", "add_tasks", "add_series",
             "add_hand_off", "plan", "settings"],
            weights=[6, 4, 3, 2, 1, 1, 1, 1],
        )[0]  # fmt: skip
        if op in ("change_block", "delete_blocks") and not own:
            op = "add_blocks"
        if op == "add_blocks":
            titles = [f"{name}k{i}" for i in range(rng.randint(1, 3))]
            blocks = [random_block(rng, title) for title in titles]
            say(begin=op, titles=titles)
            with store.writing() as session:
                change = edits.add_blocks(session, blocks)
            ids = [block.id or 0 for block in change.after_blocks]
            own += ids
            say(done=op, titles=titles, ids=ids)
        elif op == "change_block":
            block_id = rng.choice(own)
            status = rng.choice(list(BlockStatus)).value
            notes = f"Ünïcode notes ✓ {name}"
            say(begin=op, id=block_id, title=name, status=status, notes=notes)
            with store.writing() as session:
                edits.change_block(
                    session,
                    random_block(rng, name).with_changes(
                        id=block_id, status=BlockStatus(status), notes=notes
                    ),
                )
            say(done=op, id=block_id, title=name, status=status, notes=notes)
        elif op == "delete_blocks":
            gone = rng.sample(own, min(len(own), rng.randint(1, 2)))
            say(begin=op, ids=gone)
            with store.writing() as session:
                edits.delete_blocks(session, gone)
            own = [block_id for block_id in own if block_id not in gone]
            say(done=op, ids=gone)
        elif op == "add_tasks":
            titles = [f"{name}t{i}" for i in range(rng.randint(1, 2))]
            say(begin=op, titles=titles)
            with store.writing() as session:
                change = task_edits.add_tasks(
                    session, [Task(title, rng.choice(list(Area))) for title in titles]
                )
            say(done=op, titles=titles, ids=[task.id for task in change.after_tasks])
        elif op == "add_series":
            first = date(2027, 1, 4) + timedelta(days=rng.randrange(300))
            series = Series(
                name, Area.MARKETING, 7 * 60, 9 * 60, frozenset({first.weekday()}), first,
                until=first + timedelta(weeks=rng.randint(0, 5)),
            )  # fmt: skip
            count = len(list(occurrence_days(series, first, series.until or first)))
            say(begin=op, title=name, blocks=count)
            with store.writing() as session:
                change = edits.add_series(session, series, TODAY)
            record = change.after_series[0]
            say(done=op, title=name, id=record.series.id, blocks=len(change.after_blocks))
        elif op == "add_hand_off":
            say(begin=op, title=name)
            with store.writing() as session:
                change = plan.add_hand_off(
                    session, HandOff(name, Area.ADMIN, HandOffWay.SYSTEMISE, 90)
                )
            say(done=op, title=name, id=change.after_hand_offs[0].id)
        elif op == "plan":
            weeks = rng.randint(1, 104)
            say(begin=op, weeks=weeks)
            with store.writing() as session:
                plan.save_plan(session, Plan(PLAN_START, weeks, 0.4, 45 * 60))
            say(done=op, weeks=weeks)
        else:
            say(begin=op, name=name)
            with store.writing() as session:
                save_settings(session, Settings(business_name=f"Oak & Sons {name}"))
            say(done=op, name=name)
    sys.exit(3)  # the parent should have killed us long before


def random_block(rng: random.Random, title: str) -> TimeBlock:
    start = rng.randrange(0, 24 * 12 - 1) * 5
    end = rng.randrange(start // 5 + 1, 24 * 12 + 1) * 5
    day = date(2026, 1, 1) + timedelta(days=rng.randrange(365))
    return TimeBlock(day, start, end, rng.choice(list(Area)), title)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
