"""Import and export of the whole data set, from the File menu: asked for, confirmed,
run off the UI thread with a progress window that can cancel them (an import rolled
back, an export's temporary file removed), and reported in plain words."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QMainWindow

from tradesman.errors import UserError
from tradesman.files import output_for
from tradesman.identity import APP_NAME
from tradesman.services.op_changes import EVERYTHING
from tradesman.ui.shared import prompts
from tradesman.ui.shared.background import run_cancellable, run_with_progress
from tradesman.ui.shared.folders import LastFolder
from tradesman.words import count_of

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from tradesman.services.backups import Restored
    from tradesman.services.transfer import ImportResult
    from tradesman.ui.shared.operations import Operations

JSON_FILTER = "Tradesman export (*.json);;All files (*)"


class DataTransfer:
    def __init__(
        self,
        ops: Operations,
        window: QMainWindow,
        folders: LastFolder,
        today: Callable[[], date],
        after_import: Callable[[], None],
    ) -> None:
        self.ops = ops
        self.window = window
        self.folders = folders
        self.today = today
        self.after_import = after_import  # e.g. forget the undo history: it was of other data
        self._busy: object = None  # the running job, kept alive until it reports
        self.dialog: QDialog | None = None  # the restore dialog last opened (tests use it)

    def import_data(self) -> None:
        ops, window = self.ops, self.window
        path = prompts.choose_file_to_open(window, "Import data", self.folders.get(), JSON_FILTER)
        if path is None:
            return
        self.folders.remember(path)
        if not prompts.confirm(
            window,
            "Replace all your data?",
            f"Importing {path.name} replaces all your tasks, time blocks, settings and plan with "
            "the ones in the file. A backup of what you have now is made first.",
            "Replace my data",
        ):
            return

        def done(result: ImportResult) -> None:
            from tradesman.services.late_starts import late_start_notes

            self.after_import()
            ops.announce(EVERYTHING)
            message = (
                f"Imported {count_of(result.counts.tasks, 'task')} and "
                f"{count_of(result.counts.blocks, 'time block')} from {path.name}."
            )
            window.statusBar().showMessage(message, 10_000)
            # (Rules and series starting far back: from which day their copies are made.)
            late = "".join(f"\n\n{note}" for note in late_start_notes(result.late_starts))
            prompts.tell(
                window,
                "Import finished",
                f"{message}{late}\n\nThe data you had before is kept in the backup "
                f"{result.backup.path.name}.",
            )

        def cancelled() -> None:
            self._cancelled("Import cancelled: your data is as it was.")

        self._busy = run_cancellable(
            window, f"Importing {path.name}…", lambda progress: ops.import_from(path, progress),
            done, self._failed, cancelled,
        )  # fmt: skip

    def export_data(self) -> None:
        ops, window = self.ops, self.window
        suggested = self.folders.get() / f"tradesman-export-{self.today().isoformat()}.json"
        path = prompts.choose_file_to_save(window, "Export data", suggested, JSON_FILTER)
        if path is None:
            return
        try:  # (said at once, not after a progress window: the data file, a backup…)
            output = output_for(path, ops.own_files, streams=False)
        except UserError as exc:
            self._failed(exc.message)
            return
        self.folders.remember(path)

        def done(counts: Any) -> None:
            window.statusBar().showMessage(
                f"Exported {count_of(counts.tasks, 'task')} and "
                f"{count_of(counts.blocks, 'time block')} to {path}.",
                10_000,
            )

        self._busy = run_cancellable(
            window, f"Exporting to {path.name}…", lambda progress: ops.export_to(output, progress),
            done, self._failed, lambda: self._cancelled("Export cancelled: nothing was saved."),
        )  # fmt: skip

    def restore_backup(self) -> None:
        """File → Restore from backup…: pick one, confirm, restore off the UI thread."""
        from tradesman.ui.window.restore_dialog import RestoreDialog, when_words

        ops, window = self.ops, self.window
        dialog = RestoreDialog(ops.backups(), window)
        self.dialog = dialog

        def restore(path: Path) -> None:
            chosen = next(b for b in dialog.backups if b.path == path)

            def done(result: Restored) -> None:
                self.after_import()  # (the undo history was of the data now replaced)
                ops.announce(EVERYTHING)
                message = (
                    f"Restored the backup of {when_words(chosen)}: "
                    f"{count_of(result.counts.tasks, 'task')} and "
                    f"{count_of(result.counts.blocks, 'time block')}."
                )
                window.statusBar().showMessage(message, 10_000)
                prompts.tell(
                    window,
                    "Backup restored",
                    f"{message}\n\n{result.what_was_kept()}",
                )

            self._busy = run_with_progress(
                window, "Restoring the backup…", lambda: ops.restore(path), done, self._failed
            )

        dialog.chosen.connect(restore)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _cancelled(self, message: str) -> None:
        """The owner stopped it and knows: a word in the status bar, no dialog."""
        self.window.statusBar().showMessage(message, 10_000)

    def _failed(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10_000)
        prompts.warn(self.window, APP_NAME, message)
