"""Writing the files the user asks for (exports, PDFs): never half-written."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from tradesman.errors import UserError


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, flush it to disk, then rename it.

    The old file (if any) stays whole until the new one is complete. The file is
    readable by its owner only (it holds business data). Raises UserError
    with a plain sentence when the folder cannot be written.
    """
    import tempfile  # (here: this module is on the start-up path, tempfile is not)

    path = path.absolute()
    temp_name: str | None = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp_name).replace(path)
        temp_name = None
        _sync_folder(path.parent)
    except OSError as exc:
        raise UserError(f"Could not save {path}: {describe_os_error(exc)}.") from exc
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                Path(temp_name).unlink()


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
