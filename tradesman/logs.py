"""Logging to a small file in the data folder, for reports of what went wrong."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

MAX_LOG_BYTES = 1_000_000


def start_logging(log_file: Path) -> None:
    """Warnings and errors (with tracebacks) go to `log_file`.

    The file is rolled over to `<name>.1` at start-up once it passes 1 MB. (Not
    logging.handlers: it pulls in sockets and pickle, which cost start-up time.)
    """
    with contextlib.suppress(OSError):
        if log_file.stat().st_size > MAX_LOG_BYTES:
            log_file.replace(log_file.with_name(log_file.name + ".1"))
    handler = logging.FileHandler(log_file, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
