"""Work coming in is kept through what replaces the data: a restore brings a backup's
sources, enquiries, spend and takings back, an export and import carry them whole, and
the settings of work coming in (not in the file) stay through both."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.leads import SEEDED_SOURCES, Lead, LeadSettings, Spend, Takings
from tradesman.domain.settings import Settings
from tradesman.services import backups as backup_service
from tradesman.services.export_file import export_to_file
from tradesman.services.lead_settings import load_lead_settings, save_lead_settings
from tradesman.services.settings import load_settings, save_settings
from tradesman.services.transfer import import_from_file
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


def _named(everything: tuple[object, ...]) -> tuple[object, ...]:
    """What `_everything` read, with each row's id left out and each link to a source
    given as the source's name, so two reads compare by what they say."""
    sources, leads, spend, takings, block_sources, settings = everything
    assert isinstance(sources, list) and isinstance(block_sources, list)
    names = {source.id: source.name for source in sources}

    def plain(items: object) -> list[object]:
        assert isinstance(items, list)
        return [
            item.with_changes(id=None, **(
                {"source_id": names.get(item.source_id)} if hasattr(item, "source_id") else {}
            ))
            for item in items
        ]  # fmt: skip

    return (
        [s.with_changes(id=None) for s in sources], plain(leads), plain(spend), plain(takings),
        [names.get(source) for source in block_sources], settings,
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
    assert _named(_everything(store)) == _named(kept)  # (a restore gives new ids)


def test_export_import_export_gives_the_same_document(store: Store, tmp_path: Path) -> None:
    """Sources, enquiries, spend, takings, the sources of blocks and the settings of work
    coming in go out and come back: the second export says what the first did (new ids
    aside: they belong to the file)."""
    _some_work_coming_in(store)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    export_to_file(store, first, None)
    with store.writing() as session:  # (changed after the export: the file's come back)
        save_lead_settings(session, LeadSettings("USD", 7, None))
    import_from_file(store, first, None)
    export_to_file(store, second, None)
    before, after = (_without_moment(json.loads(f.read_text())) for f in (first, second))
    assert after == before
    assert len(before["leads"]) == 1 and len(before["spend"]) == 1
    assert before["blocks"][0]["source"].startswith("src")
    assert before["settings"]["currency"] == "GBP" and before["settings"]["hourly_rate"] == 45
    assert _everything(store)[-1] == LeadSettings("GBP", 21, 4500)


def test_a_file_from_before_sources_gets_the_list_a_new_file_starts_with(
    store: Store, tmp_path: Path
) -> None:
    old = tmp_path / "old.json"
    fields = {"format": "tradesman", "version": 5, "settings": {}, "tasks": [], "blocks": []}
    old.write_text(json.dumps(fields))
    import_from_file(store, old, None)
    with store.reading() as session:
        names = [source.name for source in tables.SOURCES.all(session)]
    assert names == [name for name, _ in SEEDED_SOURCES]


def _without_moment(document: dict[str, Any]) -> dict[str, Any]:
    """The document without when it was written, and with each list's own ids renumbered
    in order (an import gives new ids; the links between items must still agree)."""
    text = json.dumps({k: v for k, v in document.items() if k not in ("exported", "exported_at")})
    for prefix in ("src", "l", "t", "s", "b", "r"):
        found = sorted(set(re.findall(rf'"({prefix}\d+)"', text)), key=text.index)
        for n, old_id in enumerate(found):
            text = re.sub(rf'"{old_id}"', f'"{prefix}#{n}"', text)
    result: dict[str, Any] = json.loads(text)
    return result
