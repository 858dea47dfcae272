"""Writing the files the user asks for (exports, PDFs, pictures): never half-written,
never over Tradesman's own files, and into a device or a pipe as into a device or a pipe.

`output_for` is the one place that decides what a requested path is; `save_output`
then writes there. Every `-o FILE` and every Save dialog goes through the two.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

from tradesman.errors import UserError

T = TypeVar("T")

# The names of Tradesman's own files in the data folder: the data file (and its -wal,
# -shm, -journal, and the copies a restore sets aside, all named after it), the lock
# the open window holds (single_instance.LOCK_FILE_NAME: that module loads Qt, so the
# name is repeated here, and a test keeps the two alike), the log (and its rolled-over
# `.1`), the socket a second start talks to the window through, and the window's
# remembered state. Any name beginning with one of these is
# one of them.
OWN_FILE_NAMES = (
    "tradesman.sqlite3", "tradesman.lock", "tradesman.log", "tradesman.socket", "window-state.ini",
)  # fmt: skip


@dataclass(frozen=True)
class OwnFiles:
    """Tradesman's own files in the data folder in use, which no save may write over:
    the data file with its side files, the lock, the log, the window's state, and
    everything in the backups folder."""

    database: Path
    backups: Path

    def refusal(self, path: Path) -> str | None:
        """The sentence refusing `path`, or None when it is none of ours.

        Judged after symlinks and `..` are resolved, and by the file's identity too
        (a hard link, another spelling of the name on a disk that ignores case, or
        /proc/self/fd/N are all the same file)."""
        real = Path(os.path.realpath(path))
        if _within(real, self.backups):
            return (
                f"Tradesman will not write into its backups folder ({shown_path(self.backups)}); "
                "choose another place."
            )
        folder = self.database.parent
        own_name = next(
            (n for n in OWN_FILE_NAMES if real.name.casefold().startswith(n.casefold())), None
        )
        if own_name is not None and _same_folder(real.parent, folder):
            return self._over(own_name, real.name)
        for name in OWN_FILE_NAMES:
            for suffix in ("", "-wal", "-shm", "-journal") if name == self.database.name else ("",):
                if _same_file(path, folder / f"{name}{suffix}"):
                    return self._over(name, f"{name}{suffix}")
        return None

    def _over(self, own_name: str, name: str) -> str:
        if own_name == self.database.name:
            return (
                f"Tradesman will not write over its own data file ({shown_path(name)}); "
                "choose another name."
            )
        return (
            f"Tradesman will not write over {shown_path(name)}, one of its own files; "
            "choose another name."
        )


@dataclass(frozen=True)
class Output:
    """Where a save goes, as `output_for` decided."""

    path: Path  # a file: its real place (symlinks followed); a device or pipe: as given
    asked: Path  # the name the owner gave, for the sentences
    stream: bool  # a device or a named pipe: written straight into, nothing renamed

    def is_standard_output(self) -> bool:
        """Whether this is where the command line prints (`-o /dev/stdout`), so the
        "Wrote …" line must not be printed after the bytes."""
        try:
            here, out = self.path.stat(), os.fstat(1)
        except OSError:
            return False
        return self.stream and (here.st_dev, here.st_ino) == (out.st_dev, out.st_ino)


def output_for(path: Path, own: OwnFiles, streams: bool = True) -> Output:
    """Decide how to save to `path`, or refuse it in one sentence (UserError) before
    anything is written.

    A regular file or a new name is written beside it and renamed into place (so it is
    whole or as it was); a symlink is followed and its target judged and written; a
    character device or a named pipe (/dev/null, /dev/stdout, a FIFO) is written
    straight into, with no temporary file, no rename and no change of permissions —
    where `streams` allows: a Save dialog does not (a pipe nobody reads would hold the
    window until someone did).
    """
    refusal = own.refusal(path)
    if refusal is not None:
        raise UserError(refusal)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:  # a new name (or a symlink to one): made beside its target
        return Output(Path(os.path.realpath(path)), path, stream=False)
    except OSError as exc:
        raise UserError(f"Could not save {shown_path(path)}: {describe_os_error(exc)}.") from exc
    if (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)) and streams:
        return Output(path, path, stream=True)
    if not stat.S_ISREG(mode):  # a folder, a device, a pipe, a socket
        raise UserError(f"Could not save {shown_path(path)}: that is {kind_of_file(path)}.")
    return Output(Path(os.path.realpath(path)), path, stream=False)


def save_output(output: Output, data: bytes) -> None:
    """Write `data` where `output_for` decided; a plain sentence (UserError) if it fails."""
    save_output_from(output, lambda handle: handle.write(data))


def save_output_from(output: Output, write: Callable[[BinaryIO], T]) -> T:
    """As `save_output`, with the bytes written by `write(handle)` as it makes them (a
    spreadsheet of fifty years, row by row); returns what `write` returns. A file is
    still renamed into place only once whole."""
    if output.stream:
        return _write_into_stream(output, write)
    return _write_beside(output.path, write, output.asked)


def _write_beside(path: Path, write: Callable[[BinaryIO], T], asked: Path) -> T:
    import tempfile  # (here: this module is on the start-up path, tempfile is not)

    temp_name: str | None = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            result = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp_name).replace(path)
        temp_name = None
        _sync_folder(path.parent)
    except OSError as exc:
        raise UserError(f"Could not save {asked}: {describe_os_error(exc)}.") from exc
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                Path(temp_name).unlink()
    return result


def _write_into_stream(output: Output, write: Callable[[BinaryIO], T]) -> T:
    """Write into a device or a named pipe as `cat > it` would: opening a pipe waits
    for its reader; nothing is created, renamed, synced or given new permissions."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(output.path, flags)
    except OSError as exc:
        raise UserError(
            f"Could not save {shown_path(output.asked)}: {describe_os_error(exc)}."
        ) from exc
    try:
        mode = os.fstat(handle).st_mode
        # Swapped for a file since it was judged: write nothing into it.
        if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            raise UserError(f"Could not save {shown_path(output.asked)}: it changed; try again.")
        # (A buffered writer goes on after a pipe takes part of a write.)
        with os.fdopen(handle, "wb", closefd=False) as stream:
            result = write(stream)
    except OSError as exc:
        raise UserError(
            f"Could not save {shown_path(output.asked)}: {describe_os_error(exc)}."
        ) from exc
    finally:
        os.close(handle)
    return result


def kind_of_file(path: Path) -> str:
    """'a file', 'a named pipe', 'a device'... for a sentence about what is in the way."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return "not usable"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a file"


def shown_path(path: Path | str) -> str:
    """A file's name fit for a one-line sentence: line breaks and other invisible or
    direction-changing characters written as escapes (\\n, \\u202e), nothing cut."""
    import unicodedata

    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp")
        else char
        for char in str(path)
    )


def describe_os_error(exc: OSError, reading: bool = False) -> str:
    """A few words for why a file could not be written (or read)."""
    if exc.errno == errno.ENOENT:
        return "there is no such file" if reading else "the folder does not exist"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno == errno.EISDIR:
        return "that is a folder"
    return exc.strerror or str(exc)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut (where the system allows it)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _same_file(path: Path, other: Path) -> bool:
    mine = _identity(path)
    return mine is not None and mine == _identity(other)


def _same_folder(folder: Path, other: Path) -> bool:
    return Path(os.path.realpath(folder)) == Path(os.path.realpath(other)) or _same_file(
        folder, other
    )


def _within(real: Path, folder: Path) -> bool:
    """Whether `real` (already resolved) is `folder` or anything under it."""
    return any(_same_folder(place, folder) for place in (real, *real.parents))
