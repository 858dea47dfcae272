"""Running the real command line in a child process, as a user or a script would; and a
SQLAlchemy Session on a store's file for the tests that write or read through the ORM."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tradesman.store.database import Store

ROOT = Path(__file__).resolve().parent.parent


def run_cli(
    *args: str | Path, data_dir: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="en_GB.UTF-8")
    command = [sys.executable, "-m", "tradesman"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(
        [*command, *map(str, args)], capture_output=True, text=True, env=env, timeout=timeout
    )


def run_without_root_powers(*args: str | Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """The command as a user who is subject to file permissions: root without the powers
    to override them (setpriv), or the user running the tests if that is not root.
    Root without setpriv fails the test rather than skip it: a suite run as root would
    otherwise never see what an owner sees when a folder is closed to them."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.fail("running as root needs setpriv (util-linux) to test file permissions")
        powers = "-dac_override,-dac_read_search,-fowner"
        prefix = ["setpriv", "--bounding-set", powers, "--inh-caps", powers]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="en_GB.UTF-8")
    command = [*prefix, sys.executable, "-m", "tradesman", "--data-dir", str(data_dir)]
    return subprocess.run(
        [*command, *map(str, args)], capture_output=True, text=True, env=env, timeout=60, cwd=ROOT
    )


def write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def imported_folder(tmp_path: Path, document: Any, name: str = "data") -> Path:
    """A data folder in `tmp_path` made by importing `document` with the command line
    (so it also holds the backup taken before the import)."""
    folder = tmp_path / name
    result = run_cli("import", write_json(tmp_path / f"{name}.json", document), data_dir=folder)
    assert result.returncode == 0, result.stderr
    return folder


def exported(folder: Path) -> dict[str, Any]:
    """Everything in the folder's data, as `export -o -` writes it."""
    result = run_cli("export", "-o", "-", data_dir=folder)
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def without_ids(document: dict[str, Any]) -> dict[str, Any]:
    """The document with the file's own ids replaced by positions (import renumbers)."""
    tasks = {task["id"]: n for n, task in enumerate(document["tasks"])}
    series = {item["id"]: n for n, item in enumerate(document.get("series", []))}
    rules = {rule["id"]: n for n, rule in enumerate(document.get("task_rules", []))}
    return {
        **document,
        "task_rules": [{**rule, "id": None} for rule in document.get("task_rules", [])],
        "tasks": [
            {**task, "id": None, "rule": rules.get(task.get("rule"))} for task in document["tasks"]
        ],
        "series": [
            {**item, "id": None, "task": tasks.get(item["task"])}
            for item in document.get("series", [])
        ],
        "blocks": [
            {
                **block,
                "id": None,
                "task": tasks.get(block["task"]),
                "series": series.get(block.get("series")),
            }
            for block in document["blocks"]
        ],
    }


def benchmark_generator() -> Any:
    """benchmarks/generate.py as a module: the tests make their years of data with it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def orm_writing(store: Store) -> Iterator[Session]:
    """A SQLAlchemy Session in one write transaction on `store`'s file, for the import's
    bulk inserts (services/data_set.py) without the backup the app makes before them
    (`Store.replace_after_backup`), and for reading through the ORM models."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.orm import Session

    from tradesman.store.datafile import connect

    engine = create_engine("sqlite+pysqlite://", creator=lambda: connect(store.path))
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE"))
    try:
        with Session(engine, expire_on_commit=False) as session, session.begin():
            yield session
    finally:
        engine.dispose()
