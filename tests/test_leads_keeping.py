"""Work coming in is kept through what replaces the data: a restore brings a backup's
sources, enquiries, spend and takings back; an import (whose format does not carry
them yet) keeps those there are; the settings of work coming in stay through both."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.leads import Lead, LeadSettings, Spend, Takings
from tradesman.domain.settings import Settings
from tradesman.services import backups as backup_service
from tradesman.services.settings import (
    load_lead_settings,
    load_settings,
    save_lead_settings,
    save_settings,
)
from tradesman.services.transfer import export_to_file, import_from_file
from tradesman.store import tables
from tradesman.store.database import Store

TODAY = date(2026, 11, 25)


def _some_work_coming_in(store: Store) -> None:
    with store.writing() as session:
        tables.LEADS.put(session, Lead("Mrs Patel", TODAY, source_id=1).quoted(TODAY, 320050))
        tables.SPEND.put(session, Spend(TODAY, 4500, source_id=7, note="postcards"))
        tables.TAKINGS.put(session, Takings(date(2026, 11, 1), 1_200_000))
        tables.BLOCKS.put(session, TimeBlock(TODAY, 420, 480, Area.MARKETING, "Sign", source_id=6))
        save_lead_settings(session, LeadSettings("GBP", 21, 4500))


def _everything(store: Store) -> tuple[object, ...]:
    with store.reading() as session:
        return (
            tables.SOURCES.all(session), tables.LEADS.all(session), tables.SPEND.all(session),
            tables.TAKINGS.all(session), [b.source_id for b in tables.BLOCKS.all(session)],
            load_lead_settings(session, None),
        )  # fmt: skip


def test_the_lead_settings_default_from_the_locale_and_survive_the_other_settings(
    store: Store,
) -> None:
    with store.writing() as session:
        assert load_lead_settings(session, "en_GB.UTF-8") == LeadSettings("GBP", 30, None)
        assert load_lead_settings(session, "de_DE") == LeadSettings("EUR", 30, None)
        save_lead_settings(session, LeadSettings("CHF", 14, 9000))
        save_settings(session, Settings(business_name="Oak & Sons"))
    with store.reading() as session:
        assert load_lead_settings(session, "en_GB") == LeadSettings("CHF", 14, 9000)
        assert load_settings(session, None).business_name == "Oak & Sons"


def test_a_restore_brings_back_the_backups_work_coming_in(store: Store) -> None:
    _some_work_coming_in(store)
    kept = _everything(store)
    backup = backup_service.back_up_if_changed(store)
    assert backup is not None
    with store.writing() as session:
        for table in (tables.SPEND, tables.TAKINGS, tables.LEADS):
            for item in table.all(session):
                table.delete(session, item.id)
        tables.LEADS.put(session, Lead("Someone new", TODAY, source_id=10))
    backup_service.restore_backup(store, backup.path, None)
    assert _everything(store) == kept


def test_an_export_of_a_file_with_work_coming_in_still_imports(
    store: Store, tmp_path: Path
) -> None:
    """The export leaves the new rows and links out for now (exchange format v5 will
    carry them): the import keeps the rows there are, and the blocks come back without
    their source."""
    _some_work_coming_in(store)
    kept = _everything(store)
    exported = tmp_path / "all.json"
    export_to_file(store, exported, None)
    import_from_file(store, exported, None)
    sources, leads, spend, takings, _, settings = kept
    assert _everything(store) == (sources, leads, spend, takings, [None], settings)
