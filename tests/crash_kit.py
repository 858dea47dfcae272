"""What the two pulling-the-plug tests share: starting a child that will be killed, reading
what it said before it died, and the seed that replays a failing run."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
SEED_ENV = "TRADESMAN_CRASH_SEED"


def crash_seed() -> int:
    """A new seed each run, or the one TRADESMAN_CRASH_SEED gives (to replay a failure)."""
    return int(os.environ.get(SEED_ENV) or random.randrange(2**32))


def spawn(script: Path, args: list[str], stderr_path: Path) -> subprocess.Popen[str]:
    """Start `python script args…` with pipes for its stdin and stdout (JSON lines)."""
    with stderr_path.open("w") as stderr:
        return subprocess.Popen(
            [sys.executable, str(script), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
        )


def end(process: subprocess.Popen[str]) -> None:
    """Kill the child if it still runs, wait for it, and close our ends of its pipes."""
    if process.poll() is None:
        process.kill()
    with process:  # (closing the pipes, then waiting)
        pass


def read_line(stream: IO[str] | None) -> Any:
    assert stream is not None
    return json.loads(stream.readline() or "null")


def why(seed: int, round_number: int, stderr_path: Path) -> str:
    """Where a failure happened, how to replay it, and what the child said."""
    stderr = stderr_path.read_text(encoding="utf-8", errors="replace").strip()
    return f"round {round_number}, seed {seed} ({SEED_ENV}={seed} replays it)" + (
        f"; the child said:\n{stderr}" if stderr else ""
    )


def complete_lines(output: str) -> list[dict[str, Any]]:
    """The lines the child finished writing (the kill may cut the last one short)."""
    return [json.loads(line) for line in output.splitlines(keepends=True) if line.endswith("\n")]
