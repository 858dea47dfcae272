"""The workers that tests/test_crash_kill_whole.py kills: they do whole-data-set work
(an import, a restore, a backup, an export) again and again until they die.

    python tests/crash_child_whole.py DATA_FOLDER

This process imports what the work needs once, says "ready", and then, for each JSON
line on stdin, forks a worker that does the job. (A fresh Python for every round
would spend half a second importing SQLAlchemy; on a two-core machine that was most
of the test's time.) It says {"started": pid}, and {"ended": pid, "signal": n} once
the worker is gone. A job line:

    {"job": "import", "files": {"A": "/…/a.json", "B": "/…/b.json"}, "first": "B", …}
    {"job": "restore", "backups": ["tradesman-….sqlite3", …], …}
    {"job": "backup", …}
    {"job": "export", "target": "/…/export.json", …}

each with "seed" and "out": the file the worker writes its JSON lines to. The worker
opens the data file the way the app does (never before the fork) and repeats the job
through the services, writing {"begin": …} before each turn and {"done": …,
"seconds": …} once it has returned, so the parent knows what is finished and what
was under way.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any, TextIO

from tradesman.paths import prepare_data_folder
from tradesman.services.backups import back_up_if_changed, restore_backup
from tradesman.services.export_file import export_to_file
from tradesman.services.transfer import import_from_file
from tradesman.store.database import Store
from tradesman.store.datafile import open_data_file

GIVE_UP_SECONDS = 20  # never outlive a parent that forgot to kill us


def serve(folder: Path) -> None:
    answer(ready=True)
    for line in sys.stdin:
        job: dict[str, Any] = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the worker
            code = 1
            try:
                with Path(job["out"]).open("w", encoding="utf-8") as out:
                    work(folder, job, out)
                code = 3  # it gave up, unkilled
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stderr.flush()
                os._exit(code)  # (no clean-up of what this process shares with the server)
        answer(started=pid)
        _, status = os.waitpid(pid, 0)
        answer(ended=pid, signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else None)


def answer(**line: object) -> None:
    sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()


def work(folder: Path, job: dict[str, Any], out: TextIO) -> None:
    def say(**line: object) -> None:
        out.write(json.dumps(line) + "\n")
        out.flush()

    rng = random.Random(job["seed"])
    started = time.monotonic()
    paths = prepare_data_folder(folder)
    store = Store(open_data_file(paths), paths.backups)
    say(opened=True, seconds=time.monotonic() - started)
    name = job["job"]
    deadline = started + GIVE_UP_SECONDS
    turn = 0
    while time.monotonic() < deadline:
        began = time.monotonic()
        if name == "import":
            # A, B, A, … starting with the one the data file does not hold now.
            doc = job["first"] if turn % 2 == 0 else {"A": "B", "B": "A"}[job["first"]]
            say(begin=name, doc=doc)
            import_from_file(store, Path(job["files"][doc]), None)
            say(done=name, doc=doc, seconds=time.monotonic() - began)
        elif name == "restore":
            backup = rng.choice(job["backups"])
            say(begin=name, backup=backup)
            restore_backup(store, paths.backups / backup, None)
            say(done=name, backup=backup, seconds=time.monotonic() - began)
        elif name == "backup":
            # The window's automatic backup (only when changed: it also clears leftovers
            # and thins) and a backup taken whatever, as an import or restore takes.
            automatic = turn % 3 == 0
            say(begin=name, automatic=automatic)
            if automatic:
                back_up_if_changed(store)
            else:
                store.backup("automatic")
            say(done=name, seconds=time.monotonic() - began)
        elif name == "export":
            say(begin=name)
            export_to_file(store, Path(job["target"]), None)
            say(done=name, seconds=time.monotonic() - began)
        else:
            raise ValueError(f"unknown job {name}")
        turn += 1
    say(gave_up=True)  # the parent should have killed us long before


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
