"""The log never takes the app down: a log file that cannot be written (a folder in its
place, a full disk, a file left behind by `sudo tradesman`) is said once, in one line on
stderr, and what would have gone into it goes to stderr instead."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import run_cli
from other_user import other_user, python_for

import tradesman
from tradesman.logs import start_logging
from tradesman.paths import prepare_data_folder

CANNOT_WRITE = "cannot be written"


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    """The root logger, with whatever a test added taken off again afterwards."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield root
    for handler in list(root.handlers):  # (a copy: handlers are taken off on the way)
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def log_three_messages() -> None:
    log = logging.getLogger("tradesman.test")
    log.warning("the first %s", "message")
    log.error("the second message")
    log.warning("the third message")


def a_folder(log_file: Path) -> None:
    log_file.mkdir()


def a_full_disk(log_file: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this machine to stand for a full disk")
    log_file.symlink_to("/dev/full")


@pytest.mark.parametrize(
    ("make_unwritable", "why"),
    [(a_folder, "it is a folder"), (a_full_disk, "the disk is full")],
    ids=["a folder in its place", "a full disk"],
)
def test_a_log_that_cannot_be_written_is_said_once_and_its_messages_go_to_stderr(
    tmp_path: Path,
    root_logger: logging.Logger,
    capsys: pytest.CaptureFixture[str],
    make_unwritable: Callable[[Path], object],
    why: str,
) -> None:
    log_file = tmp_path / "tradesman.log"
    make_unwritable(log_file)
    start_logging(log_file)
    log_three_messages()
    said = capsys.readouterr().err
    assert "Logging error" not in said and "Traceback" not in said
    told = [line for line in said.splitlines() if CANNOT_WRITE in line]
    assert len(told) == 1, said
    assert str(log_file) in told[0] and why in told[0]
    for message in ("the first message", "the second message", "the third message"):
        assert message in said


def test_a_log_left_behind_by_another_user_is_said_once_with_its_owner(tmp_path: Path) -> None:
    """After one `sudo tradesman` the log belongs to root; the owner's next starts go on."""
    stranger = other_user()
    python = python_for(stranger)
    base = Path(tempfile.mkdtemp(prefix="tradesman-log-"))  # (pytest's folder is root's alone)
    try:
        base.chmod(0o711)
        data = base / "data"
        data.mkdir(mode=0o700)
        os.chown(data, stranger.uid, stranger.gid)
        log_file = data / "tradesman.log"
        log_file.write_text("written by root\n", encoding="utf-8")  # (root's, 0644)
        log_file.chmod(0o644)
        program = (
            "import logging, sys\n"
            "from pathlib import Path\n"
            "from tradesman.logs import start_logging\n"
            "start_logging(Path(sys.argv[1]))\n"
            "logging.getLogger('tradesman.test').warning('the first message')\n"
            "logging.getLogger('tradesman.test').warning('the second message')\n"
            "print('carried on')\n"
        )
        done = subprocess.run(
            [python, "-c", program, str(log_file)],
            user=stranger.uid, group=stranger.gid, extra_groups=[],
            env={"PATH": os.environ.get("PATH", ""),
                 "PYTHONPATH": str(Path(tradesman.__file__).resolve().parent.parent)},
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    finally:
        shutil.rmtree(base)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "carried on\n"
    assert "Traceback" not in done.stderr
    told = [line for line in done.stderr.splitlines() if CANNOT_WRITE in line]
    assert len(told) == 1, done.stderr
    assert "belongs to root" in told[0]
    assert "the first message" in done.stderr and "the second message" in done.stderr


def test_the_log_is_the_owners_alone_whatever_the_umask(
    tmp_path: Path, root_logger: logging.Logger
) -> None:
    log_file = tmp_path / "tradesman.log"
    was = os.umask(0)
    try:
        start_logging(log_file)
        logging.getLogger("tradesman.test").warning("a message")
    finally:
        os.umask(was)
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert "a message" in log_file.read_text(encoding="utf-8")


def test_a_message_that_cannot_be_put_together_is_logged_without_a_traceback(
    tmp_path: Path, root_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    log_file = tmp_path / "tradesman.log"
    before = list(root_logger.handlers)
    start_logging(log_file)
    # (Straight to our handler: pytest's own capturing handler raises on such a message.)
    [ours] = [handler for handler in root_logger.handlers if handler not in before]
    ours.handle(
        logging.makeLogRecord(
            {"msg": "%s and %s", "args": ("one argument short",), "levelname": "WARNING"}
        )
    )
    assert "Logging error" not in capsys.readouterr().err
    assert "one argument short" in log_file.read_text(encoding="utf-8")


def test_the_smoke_test_on_a_damaged_file_with_no_log_ends_with_one_sentence(
    tmp_path: Path,
) -> None:
    """It used to hang: the log's error escaped the error handler, which escaped Qt's."""
    paths = prepare_data_folder(tmp_path / "data")
    assert run_cli("summary", data_dir=paths.folder).returncode == 0
    damaged = bytearray(paths.database.read_bytes())
    damaged[4096:8192] = b"\xab" * 4096
    paths.database.write_bytes(bytes(damaged))
    paths.log_file.unlink(missing_ok=True)
    paths.log_file.mkdir()

    done = run_cli("--smoke-test", data_dir=paths.folder, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "Logging error" not in done.stderr
    lines = done.stderr.splitlines()
    assert len([line for line in lines if CANNOT_WRITE in line]) == 1
    assert lines[-1].startswith(f"tradesman: {paths.database} is damaged")
    assert paths.database.read_bytes() == damaged


def test_a_bug_says_where_its_details_went(
    tmp_path: Path, root_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    from tradesman.logs import bug_sentence

    log_file = tmp_path / "tradesman.log"
    log_file.mkdir()
    start_logging(log_file)
    logging.getLogger("tradesman.test").error("a bug")  # (logged before it is told)
    assert "the details are printed above" in bug_sentence(ValueError("x"))
