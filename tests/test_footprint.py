"""Tradesman writes only in its data folder: the window (smoke test), a printed week and
an export leave nothing in the home folder or anywhere else, and the folder is the
owner's alone."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path


def run(args: list[str], home: Path, data: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "TMPDIR": str(home.parent / "tmp"),
        "QT_QPA_PLATFORM": "offscreen",
        "LC_ALL": "en_GB.UTF-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "tradesman", "--data-dir", str(data), *args],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir())


def test_nothing_is_written_outside_the_data_folder(tmp_path: Path) -> None:
    home, data, scratch = tmp_path / "home", tmp_path / "data", tmp_path / "tmp"
    home.mkdir()
    scratch.mkdir()
    for args in (["--smoke-test"], ["print-week", "-o", str(data / "week.pdf")],
                 ["export", "-o", "-"]):  # fmt: skip
        done = run(args, home, data)
        assert done.returncode == 0, done.stderr
    assert files_under(home) == []
    assert files_under(scratch) == []
    assert "tradesman.sqlite3" in files_under(data)
    for path in [data, *data.rglob("*")]:
        if path.name == "week.pdf":
            continue  # (asked for by name)
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name} is open to others: {oct(mode)}"
