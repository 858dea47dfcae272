"""Where Tradesman keeps its files: the one module that knows the data folder.

Everything the app writes lives in one folder: the database, its backups, the log
and the remembered window state. The default is the platform's user data folder
(for example ~/.local/share/Tradesman on Linux); `--data-dir DIR` or the
TRADESMAN_DATA_DIR environment variable choose another one, and the tests always do.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tradesman.errors import UsageError, UserError
from tradesman.files import describe_os_error, kind_of_file, shown_path
from tradesman.identity import APP_NAME

DATA_DIR_ENV = "TRADESMAN_DATA_DIR"
DATABASE_NAME = "tradesman.sqlite3"

# Owner-only: the plan, the clients' names and the hours are nobody else's business.
FOLDER_MODE = 0o700
FILE_MODE = 0o600


@dataclass(frozen=True)
class DataPaths:
    """The files inside one data folder."""

    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    @property
    def log_file(self) -> Path:
        return self.folder / "tradesman.log"

    @property
    def window_state(self) -> Path:
        """Remembered window geometry and view choices (an INI file Qt writes)."""
        return self.folder / "window-state.ini"


def default_data_folder() -> Path:
    """The platform's per-user data folder for Tradesman."""
    import platformdirs  # imported here: only needed when no folder was given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def choose_data_folder(cli_value: str | None, environ: Mapping[str, str] | None = None) -> Path:
    """The folder to use: --data-dir first, then TRADESMAN_DATA_DIR, then the default.

    An empty one is a mistake, not "the default": `--data-dir "$FOLDER"` with FOLDER
    unset must not land on the owner's real data (an import there replaces it all).
    """
    env = os.environ if environ is None else environ
    if cli_value is not None:
        if not cli_value.strip():
            raise UsageError("--data-dir was given an empty folder name; name a folder.")
        return Path(cli_value).expanduser().absolute()
    from_env = env.get(DATA_DIR_ENV)
    if from_env is not None:
        if not from_env.strip():
            raise UsageError(
                f"{DATA_DIR_ENV} is set but empty; name a folder in it, or unset it to use "
                "your usual data folder."
            )
        return Path(from_env).expanduser().absolute()
    return default_data_folder()


def prepare_data_folder(folder: Path) -> DataPaths:
    """Make sure the folder exists with owner-only permissions and can be written.

    Raises UserError with a plain sentence when the folder cannot be used, so that
    the window and the command line both say what is wrong instead of crashing.
    """
    try:
        if folder.is_symlink() and not folder.exists():
            raise UserError(
                f"The data folder {shown_path(folder)} is a link to "
                f"{shown_path(folder.readlink())}, which is not there (is a drive missing?)."
            )
        if not folder.exists():
            folder.mkdir(parents=True, mode=FOLDER_MODE)
            # mkdir's mode is filtered through the umask; say it once more, exactly.
            folder.chmod(FOLDER_MODE)
        elif not folder.is_dir():
            raise UserError(
                f"The data folder {shown_path(folder)} is {kind_of_file(folder)}, not a folder."
            )
        else:
            _keep_private(folder)
    except PermissionError as exc:
        raise UserError(
            f"Tradesman cannot create its data folder {shown_path(folder)}: permission denied."
        ) from exc
    except OSError as exc:
        raise UserError(
            f"Tradesman cannot create its data folder {shown_path(folder)}: "
            f"{describe_os_error(exc)}."
        ) from exc
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        raise UserError(
            f"Tradesman cannot write to its data folder {shown_path(folder)}. "
            "Check that the folder belongs to you and is not read-only."
        )
    return DataPaths(folder)


def _keep_private(folder: Path) -> None:
    """An existing data folder that others can look into is closed to them, as a new
    one is made — when it is ours to close: holding our data file, or empty. (Another
    folder given with --data-dir, a home folder say, is not Tradesman's to lock up; our
    files in it are owner-only all the same.)"""
    info = folder.stat()
    if info.st_mode & 0o077 == 0 or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
        return
    if (folder / DATABASE_NAME).exists() or not any(folder.iterdir()):
        folder.chmod(FOLDER_MODE)


def ensure_private_folder(folder: Path) -> None:
    """Create a folder inside the data folder (backups, say) with owner-only permissions."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=FOLDER_MODE)
        folder.chmod(FOLDER_MODE)
