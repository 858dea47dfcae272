"""Where Tradesman keeps its files: the one module that knows the data folder.

Everything the app writes lives in one folder: the database, its backups, the log
and the remembered window state. The default is the platform's user data folder
(for example ~/.local/share/Tradesman on Linux); `--data-dir DIR` or the
TRADESMAN_DATA_DIR environment variable choose another one, and the tests always do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tradesman.errors import UserError
from tradesman.files import describe_os_error
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


def choose_data_folder(cli_value: str | None, environ: dict[str, str] | None = None) -> Path:
    """The folder to use: --data-dir first, then TRADESMAN_DATA_DIR, then the default."""
    env = os.environ if environ is None else environ
    chosen = cli_value or env.get(DATA_DIR_ENV) or None
    if chosen:
        return Path(chosen).expanduser().absolute()
    return default_data_folder()


def prepare_data_folder(folder: Path) -> DataPaths:
    """Make sure the folder exists with owner-only permissions and can be written.

    Raises UserError with a plain sentence when the folder cannot be used, so that
    the window and the command line both say what is wrong instead of crashing.
    """
    try:
        if not folder.exists():
            folder.mkdir(parents=True, mode=FOLDER_MODE)
            # mkdir's mode is filtered through the umask; say it once more, exactly.
            folder.chmod(FOLDER_MODE)
        elif not folder.is_dir():
            raise UserError(f"The data folder {folder} is a file, not a folder.")
    except PermissionError as exc:
        raise UserError(
            f"Tradesman cannot create its data folder {folder}: permission denied."
        ) from exc
    except OSError as exc:
        raise UserError(
            f"Tradesman cannot create its data folder {folder}: {describe_os_error(exc)}."
        ) from exc
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        raise UserError(
            f"Tradesman cannot write to its data folder {folder}. "
            "Check that the folder belongs to you and is not read-only."
        )
    return DataPaths(folder)


def ensure_private_folder(folder: Path) -> None:
    """Create a folder inside the data folder (backups, say) with owner-only permissions."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=FOLDER_MODE)
        folder.chmod(FOLDER_MODE)
